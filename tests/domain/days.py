"""The days the tests of each ``british()`` give it, with the words and the figures for each: one
list, so that every place that writes a date is held to the same answers."""

from __future__ import annotations

from datetime import UTC, date, datetime

DAYS: list[tuple[date, str, str]] = [
    (date(2024, 1, 25), "25 January 2024", "25/01/2024"),
    (date(2024, 1, 5), "5 January 2024", "05/01/2024"),  # one figure: no leading zero in words
    (date(1999, 12, 31), "31 December 1999", "31/12/1999"),
    (date(5, 1, 2), "2 January 5", "02/01/5"),  # (a mistyped year, as a message repeats it)
]
"""Plain dates: the day, in words, in figures."""

DATETIMES: list[tuple[datetime, str, str]] = [
    (datetime(2024, 1, 5, 9, 7), "5 January 2024", "05/01/2024"),
    (datetime(2024, 1, 5, 23, 30, tzinfo=UTC), "5 January 2024", "05/01/2024"),
]
"""Date-times, whose day alone is written where a date is expected (the time left out)."""

TEXTS = ["", "2024-01-05", "2024-01-05T09:07:00", "not a date"]
"""Texts, which a formatter of dates refuses rather than prints as they stand."""
