"""Documents write a day the British way, and a day not yet fixed in words (the weekday a notice
names is the domain's ``british_weekday``: tests/domain/test_british_dates.py)."""

from __future__ import annotations

from datetime import date

import pytest

from misconduct.documents.text import british
from tests.domain.days import DATETIMES, DAYS, TEXTS


@pytest.mark.parametrize(("day", "words", "_"), [*DAYS, *DATETIMES, (None, "not yet fixed", "")])
def test_a_day_is_written_in_words_and_no_day_as_not_yet_fixed(
    day: date | None, words: str, _: str
) -> None:
    assert british(day) == words


@pytest.mark.parametrize("value", TEXTS)
def test_a_text_is_refused_not_written(value: str) -> None:
    with pytest.raises((AttributeError, TypeError, ValueError)):
        british(value)  # type: ignore[arg-type]
