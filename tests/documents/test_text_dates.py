"""Documents write a day the British way (with its weekday where a notice names one), and a day not
yet fixed in words."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from misconduct.documents.text import british, british_weekday
from tests.domain.days import DATETIMES, DAYS, TEXTS


@pytest.mark.parametrize(("day", "words", "_"), [*DAYS, *DATETIMES, (None, "not yet fixed", "")])
def test_a_day_is_written_in_words_and_no_day_as_not_yet_fixed(
    day: date | None, words: str, _: str
) -> None:
    assert british(day) == words


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 1, 25), "Thursday 25 January 2024"),
        (date(2024, 1, 5), "Friday 5 January 2024"),
        (datetime(2024, 1, 5, 23, 30, tzinfo=UTC), "Friday 5 January 2024"),
        (date(5, 1, 2), "Sunday 2 January 5"),
    ],
)
def test_a_notice_names_the_weekday_before_the_day(day: date, expected: str) -> None:
    assert british_weekday(day) == expected


@pytest.mark.parametrize("value", TEXTS)
def test_a_text_is_refused_not_written(value: str) -> None:
    with pytest.raises((AttributeError, TypeError, ValueError)):
        british(value)  # type: ignore[arg-type]
    with pytest.raises((AttributeError, TypeError, ValueError)):
        british_weekday(value)  # type: ignore[arg-type]


def test_no_day_has_no_weekday() -> None:
    with pytest.raises(TypeError):
        british_weekday(None)  # type: ignore[arg-type]
