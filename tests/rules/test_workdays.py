"""The England & Wales working-day calendar, checked against DOMAIN.md §10."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from misconduct.errors import InvalidInput
from misconduct.rules.workdays import (
    add_months,
    add_working_days,
    holiday_name,
    is_working_day,
    subtract_working_days,
    working_days_between,
)

# DOMAIN.md §10: England & Wales bank and public holidays (weekday ones; 26 Dec 2026 is a Saturday).
HOLIDAYS = {
    2024: ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
    2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
}


@pytest.mark.parametrize("year", sorted(HOLIDAYS))
def test_the_holidays_of_each_year_match_domain_md(year: int) -> None:
    expected = {date.fromisoformat(f"{year}-{md}") for md in HOLIDAYS[year]}
    day, found = date(year, 1, 1), set()
    while day.year == year:
        if day.weekday() < 5 and not is_working_day(day):
            found.add(day)
        day += timedelta(days=1)
    assert found == expected


@pytest.mark.parametrize(
    ("day", "name_part"),
    [
        (date(2022, 6, 3), "Jubilee"),
        (date(2022, 9, 19), "Funeral"),
        (date(2023, 5, 8), "Coronation"),
        (date(2026, 12, 28), "Boxing"),
        (date(2025, 4, 18), "Good Friday"),
    ],
)
def test_one_off_and_substitute_holidays_are_not_working_days(day: date, name_part: str) -> None:
    assert not is_working_day(day)
    assert name_part in (holiday_name(day) or "")


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        (date(2025, 5, 16), 15, date(2025, 6, 9)),
        (date(2025, 12, 19), 15, date(2026, 1, 14)),
        (date(2025, 12, 22), 5, date(2025, 12, 31)),
        (date(2026, 4, 1), 7, date(2026, 4, 14)),
        (date(2025, 8, 20), 10, date(2025, 9, 4)),
        (date(2025, 8, 20), 15, date(2025, 9, 11)),
    ],
)
def test_domain_md_worked_examples(start: date, n: int, due: date) -> None:
    assert add_working_days(start, n) == due


def test_zero_working_days_is_refused_with_a_clear_error() -> None:
    with pytest.raises(InvalidInput, match="expected a whole number of at least 1"):
        add_working_days(date(2025, 1, 1), 0)


def test_a_date_outside_the_calendar_is_refused() -> None:
    with pytest.raises(InvalidInput, match="between 1990 and 2100"):
        is_working_day(date(1900, 1, 1))


def test_months_fall_back_to_the_end_of_a_short_month() -> None:
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2025, 8, 31), 18) == date(2027, 2, 28)


dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@given(dates, st.integers(min_value=1, max_value=60))
def test_the_due_day_is_a_working_day_exactly_n_working_days_on(start: date, n: int) -> None:
    due = add_working_days(start, n)
    assert is_working_day(due)
    assert working_days_between(start, due) == n
    assert due > start


@given(dates, st.integers(min_value=1, max_value=30), st.integers(min_value=1, max_value=30))
def test_adding_working_days_composes(start: date, a: int, b: int) -> None:
    assert add_working_days(add_working_days(start, a), b) == add_working_days(start, a + b)


@given(dates, st.integers(min_value=1, max_value=40))
def test_subtracting_undoes_adding_from_a_working_day(start: date, n: int) -> None:
    due = add_working_days(start, n)
    back = subtract_working_days(due, n)
    assert back <= start
    assert working_days_between(back, start) == 0 or not is_working_day(start)


@given(dates)
def test_weekends_are_never_working_days(day: date) -> None:
    if day.weekday() >= 5:
        assert not is_working_day(day)


def _day_by_day(start: date, n: int) -> date:
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        counted += is_working_day(day)
    return day


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
    st.integers(min_value=1, max_value=400),
)
def test_adding_working_days_by_year_is_counting_them_day_by_day(start: date, n: int) -> None:
    # branch seed7: counted through each year's working days; the same day, across year ends too
    # (not past the calendar's last year: that error is checked below)
    assume((start + timedelta(days=2 * n + 30)).year <= 2100)
    assert add_working_days(start, n) == _day_by_day(start, n)


def test_adding_working_days_past_the_last_year_names_its_first_day() -> None:
    with pytest.raises(InvalidInput) as caught:
        add_working_days(date(2100, 12, 20), 30)
    assert "2101-01-01" in str(caught.value)
    assert add_working_days(date(2099, 12, 24), 3) == _day_by_day(date(2099, 12, 24), 3)
    with pytest.raises(InvalidInput) as before:
        add_working_days(date(1989, 6, 1), 2)
    assert "1989-06-02" in str(before.value)
