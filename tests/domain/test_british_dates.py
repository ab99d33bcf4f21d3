"""How the domain writes a day the British way, pinned on the inputs its callers give it."""

from __future__ import annotations

from datetime import date

import pytest

from misconduct.domain.dates import british
from tests.domain.days import DATETIMES, DAYS, TEXTS


@pytest.mark.parametrize(("day", "_", "figures"), DAYS + DATETIMES)
def test_a_day_in_a_message_is_written_in_figures_day_first(
    day: date, _: str, figures: str
) -> None:
    assert british(day) == figures


@pytest.mark.parametrize("value", [None, *TEXTS])
def test_anything_but_a_date_is_refused_not_printed(value: object) -> None:
    with pytest.raises((AttributeError, TypeError, ValueError)):
        british(value)  # type: ignore[arg-type]
