"""Working days in England and Wales: weekends, bank holidays and the common-law public holidays.

The holidays come from the ``holidays`` package (England subdivision), which carries substitute days
and one-off proclamations (2022 jubilee and state funeral, 2023 coronation).

>>> add_working_days(date(2025, 5, 16), 15)   # reg 31, DOMAIN.md §10
datetime.date(2025, 6, 9)
>>> is_working_day(date(2025, 12, 25))
False
"""

from __future__ import annotations

from bisect import bisect_right
from calendar import monthrange
from datetime import date, timedelta
from functools import cache, lru_cache

import holidays

from misconduct.errors import InvalidInput

FIRST_YEAR = 1990
LAST_YEAR = 2100


@cache
def _holidays_for(year: int) -> frozenset[date]:
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=year)
    return frozenset(calendar.keys())


def _check_year(day: date) -> None:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InvalidInput("date", f"a date between {FIRST_YEAR} and {LAST_YEAR}", day.isoformat())


def uk_date(day: date) -> str:
    """A date as people in England and Wales write it in messages.

    >>> uk_date(date(2024, 5, 7))
    '07/05/2024'
    """
    return day.strftime("%d/%m/%Y")


def holiday_name(day: date) -> str | None:
    _check_year(day)
    if day not in _holidays_for(day.year):
        return None
    name = holidays.country_holidays("GB", subdiv="ENG", years=day.year).get(day)
    return str(name) if name else None


def is_working_day(day: date) -> bool:
    """Any day other than a Saturday, a Sunday, or a bank or public holiday in England and Wales."""
    _check_year(day)
    return day.weekday() < 5 and day not in _holidays_for(day.year)


@lru_cache(maxsize=65536)
def add_working_days(start: date, n: int) -> date:
    """The ``n``-th working day strictly after ``start`` (``n`` ≥ 1); ``start`` itself never counts.

    "Before the end of N working days beginning with the first working day after X" ends on this day.
    """
    if n < 1:
        raise InvalidInput("working days", "a whole number of at least 1", n)
    year = start.year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return _walk_working_days(start, n)
    # Counted through each year's working days (a sorted list, made once a year) instead of day by
    # day: the same day, and the same error for a day after LAST_YEAR (the first one reached).
    after = start.toordinal()
    while True:
        if year > LAST_YEAR:
            _check_year(date(year, 1, 1))
        days = _working_ordinals(year)
        i = bisect_right(days, after) + n - 1
        if i < len(days):
            return date.fromordinal(days[i])
        n = i - len(days) + 1
        year += 1
        after = date(year, 1, 1).toordinal() - 1


@cache
def _working_ordinals(year: int) -> tuple[int, ...]:
    """The working days of ``year`` (in range) as day ordinals, in order."""
    first, end = date(year, 1, 1).toordinal(), date(year + 1, 1, 1).toordinal()
    return tuple(o for o in range(first, end) if is_working_day(date.fromordinal(o)))


def _walk_working_days(start: date, n: int) -> date:
    """:func:`add_working_days` day by day (for a start outside the years with holidays, where the
    first day out of range raises)."""
    day = start
    counted = 0
    while counted < n:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def add_working_days_counting_start(start: date, n: int) -> date:
    """The ``n``-th working day of a period "beginning with" ``start``: ``start`` is day 1 if it is a
    working day (reg 33(9) and (15): "beginning with the date of the misconduct pre-hearing").

    >>> add_working_days_counting_start(date(2025, 5, 16), 1)   # a Friday counts as day 1
    datetime.date(2025, 5, 16)
    >>> add_working_days_counting_start(date(2025, 5, 17), 1)   # a Saturday does not
    datetime.date(2025, 5, 19)
    """
    if n < 1:
        raise InvalidInput("working days", "a whole number of at least 1", n)
    if is_working_day(start):
        return start if n == 1 else add_working_days(start, n - 1)
    return add_working_days(start, n)


def first_working_day_after(day: date) -> date:
    """The first working day strictly after ``day``."""
    return add_working_days(day, 1)


def next_working_day_on_or_after(day: date) -> date:
    """``day`` itself if it is a working day, otherwise the next working day."""
    return day if is_working_day(day) else add_working_days(day, 1)


def subtract_working_days(end: date, n: int) -> date:
    """The ``n``-th working day strictly before ``end``."""
    if n < 1:
        raise InvalidInput("working days", "a whole number of at least 1", n)
    day = end
    counted = 0
    while counted < n:
        day -= timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def working_days_between(start: date, end: date) -> int:
    """How many working days fall strictly after ``start`` and on or before ``end``."""
    if end <= start:
        return 0
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def add_months(day: date, months: int) -> date:
    """Calendar months; a day past the end of the target month falls back to its last day.

    >>> add_months(date(2024, 1, 31), 1)
    datetime.date(2024, 2, 29)
    """
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def end_of_months_beginning_with(start: date, months: int) -> date:
    """The last day of a period of ``months`` calendar months *beginning with* ``start``.

    The period ends on the day before the corresponding date ``months`` later; where that month has no
    corresponding date (31 January, 29 February), it ends on the last day of that month.

    >>> end_of_months_beginning_with(date(2025, 6, 10), 24)
    datetime.date(2027, 6, 9)
    >>> end_of_months_beginning_with(date(2025, 1, 31), 1)
    datetime.date(2025, 2, 28)
    >>> end_of_months_beginning_with(date(2024, 2, 29), 24)
    datetime.date(2026, 2, 28)
    """
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    last = monthrange(year, month)[1]
    if start.day > last:
        return date(year, month, last)
    return date(year, month, start.day) - timedelta(days=1)


def add_years(day: date, years: int) -> date:
    """Calendar years; 29 February falls back to 28 February in a common year."""
    return add_months(day, 12 * years)
