"""Template filters: British dates (20 January 2025) and labels for the closed vocabularies."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import template

from misconduct.errors import MisconductError

register = template.Library()


@register.filter
def british(value: Any) -> str:
    """``date(2025, 1, 20)`` becomes "20 January 2025"; empty values become a dash."""
    if value in (None, ""):
        return "—"
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, datetime):
        return f"{value.day} {value:%B %Y, %H:%M}"
    if isinstance(value, date):
        return f"{value.day} {value:%B %Y}"
    return str(value)


@register.filter
def label(value: Any) -> str:
    """An identifier such as ``final_written_warning`` as "Final written warning"."""
    if value in (None, ""):
        return "—"
    text = getattr(value, "value", value)
    return str(text).replace("_", " ").capitalize()


@register.filter
def get(mapping: Any, key: Any) -> Any:
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def plain(error: Any) -> str:
    """A project error as the sentence a person reads (``misconduct.app.plain``)."""
    from misconduct.app.plain import plain as plain_error

    if isinstance(error, MisconductError):
        return plain_error(error).message
    return str(error)


@register.filter
def paragraphs(text: Any) -> list[str]:
    """Free text split into paragraphs at blank lines."""
    return [" ".join(p.split()) for p in str(text or "").split("\n\n") if p.strip()]
