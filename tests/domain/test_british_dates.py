"""How the domain writes a day the British way, pinned on the inputs its callers give it: every
other ``british()`` (command line, documents, register, pages) now writes through these."""

from __future__ import annotations

import doctest
from datetime import UTC, date, datetime

import pytest

from misconduct.domain import dates
from misconduct.domain.dates import (
    british,
    british_month,
    british_numeric,
    british_time,
    british_weekday,
)
from tests.domain.days import DATETIMES, DAYS, TEXTS


def test_the_examples_in_the_module_hold() -> None:
    assert doctest.testmod(dates).failed == 0


@pytest.mark.parametrize(("day", "words", "_"), DAYS + DATETIMES)
def test_a_day_is_written_in_words(day: date, words: str, _: str) -> None:
    assert british(day) == words


@pytest.mark.parametrize(("day", "_", "figures"), DAYS + DATETIMES)
def test_a_day_in_a_message_is_written_in_figures_day_first(
    day: date, _: str, figures: str
) -> None:
    assert british_numeric(day) == figures


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 1, 25), "Thursday 25 January 2024"),
        (date(2024, 1, 5), "Friday 5 January 2024"),
        (datetime(2024, 1, 5, 23, 30, tzinfo=UTC), "Friday 5 January 2024"),
        (date(5, 1, 2), "Sunday 2 January 5"),
    ],
)
def test_a_day_with_its_weekday(day: date, expected: str) -> None:
    assert british_weekday(day) == expected


def test_a_month_and_a_time_are_written_in_words_too() -> None:
    assert british_month(date(2024, 1, 5)) == "January 2024"
    assert british_time(datetime(2024, 1, 5, 9, 7)) == "5 January 2024, 09:07"
    assert british_time(datetime(2024, 1, 5, 23, 30, tzinfo=UTC)) == "5 January 2024, 23:30"


@pytest.mark.parametrize("value", [None, *TEXTS])
def test_anything_but_a_date_is_refused_not_printed(value: object) -> None:
    for write in (british, british_numeric, british_weekday, british_month):
        with pytest.raises((AttributeError, TypeError, ValueError)):
            write(value)  # type: ignore[arg-type]
