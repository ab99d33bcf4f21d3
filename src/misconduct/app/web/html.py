"""HTML built in Python for the staff pages' long repeated parts (issue 10: per row, Django's
template engine and ``format_html`` cost several times the work of the row itself).

:func:`esc` gives exactly what Django's ``conditional_escape`` gives (what autoescaping does to a
value in a template): a value with ``__html__`` (already safe) as it says, anything else as
``html.escape(str(value))``, which is what ``django.utils.html.escape`` does, without the check
for lazy strings made at every call (``str`` turns a lazy string into its text anyway).
:func:`fill` is ``format_html`` with that escape. Every value that reaches a page through here is
escaped; only the fixed markup of this module's callers is not.
"""

from __future__ import annotations

from html import escape as _escape
from typing import Any

from django.utils.safestring import SafeString


def esc(value: Any) -> str:
    """``value`` as HTML text: escaped unless it is already safe (``conditional_escape``)."""
    if type(value) is str:
        found = _escaped.get(value)
        if found is None:
            found = _escape(value)
            if len(value) <= _SHORT:
                if len(_escaped) >= _KEPT:
                    _escaped.clear()
                _escaped[value] = found
        return found
    markup = getattr(value, "__html__", None)
    if markup is not None:
        return str(markup())
    return _escape(str(value))


_escaped: dict[str, str] = {}
"""The escaped form of short texts already escaped: the same few hundred (dates in British form,
labels, officers' names) fill every case's rows, and a look-up costs a fifth of ``html.escape``'s
five replacements. Forgotten all at once when full."""
_SHORT = 80
_KEPT = 8192


def fill(markup: str, *values: Any) -> str:
    """``markup`` (fixed HTML with ``{}`` places) with each value escaped, as ``format_html``."""
    return markup.format(*map(esc, values))


def safe(parts: Any, sep: str = "") -> SafeString:
    """Pieces built by :func:`fill` joined into one piece of safe HTML."""
    return SafeString(sep.join(parts))
