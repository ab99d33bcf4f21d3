"""Dates typed into the staff forms, the British way: 20/01/2025, also 20 January 2025 or 2025-01-20.

A browser's own date picker shows the date in the browser's locale (01/20/2025 in a US-English
browser), so a misread day and month would go unnoticed; a text field with a DD/MM/YYYY hint reads
the same everywhere and needs no JavaScript.

>>> parse_british("20/01/2025"), parse_british("20 January 2025"), parse_british("2025-01-20")
(datetime.date(2025, 1, 20), datetime.date(2025, 1, 20), datetime.date(2025, 1, 20))
>>> parse_british("01/20/2025") is None
True
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import forms

HINT = "DD/MM/YYYY"
EXAMPLE = "20/01/2025"
DISPLAY_FORMAT = "%d/%m/%Y"
INPUT_FORMATS = ("%d/%m/%Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d")
EXPECTED = f"a date as {HINT}, for example {EXAMPLE}"


def parse_british(raw: str) -> date | None:
    """The date ``raw`` stands for in one of :data:`INPUT_FORMATS`, or None."""
    text = " ".join(raw.split())
    for fmt in INPUT_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


class BritishDateInput(forms.DateInput):
    """A text field showing DD/MM/YYYY, with the format as its placeholder."""

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        defaults = {"placeholder": HINT, "autocomplete": "off", "size": "10"}
        super().__init__(attrs={**defaults, **(attrs or {})}, format=DISPLAY_FORMAT)


class BritishDateField(forms.DateField):
    widget = BritishDateInput
    input_formats = list(INPUT_FORMATS)  # noqa: RUF012
    default_error_messages = {"invalid": f"Enter {EXPECTED}."}  # noqa: RUF012
