"""The ``british`` template filter: whatever a page hands it (a date, a date-time, ISO text from a
record, nothing), a day in words, a time with it, or the value as it stands."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from misconduct.app.web.templatetags.web import british
from tests.domain.days import DAYS


@pytest.mark.parametrize(("day", "words", "_"), DAYS)
def test_a_day_is_shown_in_words(day: date, words: str, _: str) -> None:
    assert british(day) == words
    assert british(day) == words  # (and the same again, when it is kept)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(2024, 1, 5, 9, 7), "5 January 2024, 09:07"),
        (datetime(2024, 1, 5, 23, 30, tzinfo=UTC), "5 January 2024, 23:30"),
        (None, "—"),
        ("", "—"),
        ("2024-01-05", "5 January 2024"),
        ("2024-01-25", "25 January 2024"),
        ("2024-01-05T09:07:00", "5 January 2024"),  # (a text's time is not shown)
        ("2024-01-05T09:07:00+00:00", "5 January 2024"),
        ("20240105", "5 January 2024"),
        ("0999-01-02", "2 January 999"),
        ("2024-01", "January 2024"),  # a month, as a precedent's record may give it
        ("2024", "2024"),
        ("not a date", "not a date"),
        ("2024-13-45", "2024-13-45"),
        ("2024-13", "2024-13"),
        (0, "0"),
        (False, "False"),
        (12, "12"),
    ],
)
def test_every_other_value_a_page_gives_is_shown_the_british_way_or_as_it_stands(
    value: Any, expected: str
) -> None:
    assert british(value) == expected
