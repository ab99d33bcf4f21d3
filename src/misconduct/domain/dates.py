"""Dates that cannot be (a step dated after today, or a legal date far outside any case's life),
and how a date is written the British way (:func:`british` and its kin, which every layer uses).

A step records something that has happened, so its date (and every date inside it) is on or before
the day it is recorded; only scheduled dates (a hearing's start) may lie ahead, and then by no more
than :data:`SCHEDULE_YEARS`. No date is before :data:`EARLIEST`. ``today`` is an argument: the
domain never reads the clock.

>>> from misconduct.domain.commands import AddNote
>>> check_dates(AddNote(date(2026, 1, 2), "x"), today=date(2026, 1, 1))
Traceback (most recent call last):
...
misconduct.errors.InvalidInput: date: expected a date no later than today (01/01/2026), received '02/01/2026'
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from misconduct.errors import InvalidInput

EARLIEST = date(1970, 1, 1)
"""No police conduct case in the system predates this (the 2012 and 2020 regimes are modelled)."""
SCHEDULE_YEARS = 3
SCHEDULED = frozenset(
    {"starts_on", "scheduled_for", "review_by", "resumes_on", "was_on", "extended_to"}
)
"""Fields naming a day still to come (a meeting or hearing)."""


def british(day: date) -> str:
    """A day as British prose writes it: the day without a leading zero, the month in full. A
    date-time gives its day alone; saying nothing of a missing day is each caller's own affair.

    >>> british(date(2025, 1, 5)), british(datetime(2025, 1, 5, 9, 30))
    ('5 January 2025', '5 January 2025')
    """
    return f"{day.day} {day:%B %Y}"


def british_numeric(day: date) -> str:
    """A day in figures, day first, as a person types it into a form (and a message repeats it).

    >>> british_numeric(date(2025, 1, 5))
    '05/01/2025'
    """
    return day.strftime("%d/%m/%Y")


def british_weekday(day: date) -> str:
    """A day with its weekday, as a notice of a hearing gives it.

    >>> british_weekday(date(2025, 7, 1))
    'Tuesday 1 July 2025'
    """
    return f"{day:%A} {british(day)}"


def british_month(day: date) -> str:
    """The month of a day, for a record that gives no more than the month.

    >>> british_month(date(2020, 5, 1))
    'May 2020'
    """
    return f"{day:%B %Y}"


def british_time(moment: datetime) -> str:
    """A day and the time on the clock, as it stands (no time zone is converted).

    >>> british_time(datetime(2025, 1, 5, 9, 7))
    '5 January 2025, 09:07'
    """
    return f"{moment.day} {moment:%B %Y, %H:%M}"


LABELS = {
    "on": "date",
    "came_to_attention": "date it came to attention",
    "force_on": "date it came to the force's attention",
    "local_policing_body_on": "date it came to the local policing body's attention",
    "iopc_on": "date it came to the IOPC Director General's attention",
    "left_on": "leaving date",
    "notified_on": "date notified",
    "starts_on": "start date",
    "review_by": "review by",
    "resumes_on": "date it resumes",
    "was_on": "date it was to take place",
    "extended_to": "new last day",
}


def _label(name: str) -> str:
    return LABELS.get(name, name.replace("_", " "))


def _check(name: str, day: date, today: date) -> None:
    label = _label(name)
    if day < EARLIEST:
        raise InvalidInput(
            label, f"a date on or after {british_numeric(EARLIEST)}", british_numeric(day)
        )
    if name in SCHEDULED:
        latest = date(min(today.year + SCHEDULE_YEARS, 9998), today.month, min(today.day, 28))
        if day > latest:
            raise InvalidInput(
                label, f"a date no later than {british_numeric(latest)}", british_numeric(day)
            )
    elif day > today:
        raise InvalidInput(
            label,
            f"a date no later than today ({british_numeric(today)})",
            british_numeric(day),
            hint="only a scheduled meeting or hearing may be dated ahead" if name != "on" else "",
        )


_NO_DATES = frozenset({str, int, float, bool, type(None)})


_names: dict[type, tuple[str, ...] | None] = {}


def dataclass_fields(kind: type) -> tuple[str, ...] | None:
    """The field names of the dataclass ``kind`` (None if it is not one), found once per type."""
    try:
        return _names[kind]
    except KeyError:
        found = (
            tuple(f.name for f in dataclasses.fields(kind))
            if dataclasses.is_dataclass(kind)
            else None
        )
        _names[kind] = found
        return found


def check_dates(value: Any, *, today: date, name: str = "on") -> None:
    """Raise ``InvalidInput`` naming the first date in ``value`` (a command or record, walked
    through its fields, lists and mappings) that is after ``today`` or implausibly early."""
    kind = type(value)
    if kind in _NO_DATES or kind in _DATELESS:
        return
    if isinstance(value, date):
        _check(name, value, today)
    elif (walk := _records.get(kind)) is not None:
        walk(value, today)
    elif (names := dataclass_fields(kind)) is not None:
        _records[kind] = walk = _record_check(names)
        walk(value, today)
    elif isinstance(value, list | tuple):
        for item in value:
            check_dates(item, today=today, name=name)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_dates(item, today=today, name=str(key))
    else:
        _DATELESS.add(kind)  # (an enum, say: never a date, nor anything that holds one)


_DATELESS: set[type] = set()
"""Types met that are neither a date, a record, a list, a tuple nor a dict (each test above is of
the type alone): a value of one holds no date, and is passed over at once."""


_records: dict[type, Callable[[Any, date], None]] = {}
"""The check of each record type met (:func:`_record_check`), made once a type."""


def _record_check(names: tuple[str, ...]) -> Callable[[Any, date], None]:
    """:func:`check_dates` of a record of fields ``names``, in field order: each field's value that
    is a date checked under the field's name, and any other (but a text, a number or None) walked
    into as :func:`check_dates` walks it. Written out once for the type (as ``dataclasses`` writes
    its ``__init__``), so that no field costs a ``getattr`` and a loop step."""
    lines = ["def check(value, today):"]
    for i, name in enumerate(names):
        lines += [
            f"    v{i} = value.{name}",
            f"    if (t := type(v{i})) is date:",
            f"        one({name!r}, v{i}, today)",
            "    elif t not in plain and t not in dateless:",
            f"        walk(v{i}, today=today, name={name!r})",
        ]
    if not names:
        lines.append("    return None")
    scope: dict[str, Any] = {
        "date": date,
        "one": _check,
        "plain": _NO_DATES,
        "dateless": _DATELESS,
        "walk": check_dates,
    }
    exec("\n".join(lines) + "\n", scope)  # (field names are identifiers)
    return typing.cast(Callable[[Any, date], None], scope["check"])
