"""The command line writes a day the British way, and a missing one as a dash."""

from __future__ import annotations

from datetime import date

import pytest

from misconduct.cli.output import british
from tests.domain.days import DATETIMES, DAYS, TEXTS


@pytest.mark.parametrize(("day", "words", "_"), [*DAYS, *DATETIMES, (None, "—", "")])
def test_a_day_is_printed_in_words_and_no_day_as_a_dash(
    day: date | None, words: str, _: str
) -> None:
    assert british(day) == words


@pytest.mark.parametrize("value", TEXTS)
def test_a_text_is_refused_not_printed(value: str) -> None:
    with pytest.raises((AttributeError, TypeError, ValueError)):
        british(value)  # type: ignore[arg-type]
