"""Time-limit counting and deemed service, on dates chosen to sit on each side of the rule."""

from __future__ import annotations

from datetime import date, time

import pytest

from misconduct.errors import InvalidInput
from misconduct.rules.deadlines import deadline, deemed_given
from misconduct.rules.regime import determine_regime
from misconduct.rules.workdays import (
    add_working_days_counting_start,
    end_of_months_beginning_with,
)

AMENDED = determine_regime(date(2025, 7, 1))
PRE_2025 = determine_regime(date(2025, 5, 27))


@pytest.mark.parametrize(
    ("sent_on", "sent_at", "given"),
    [
        (date(2025, 12, 24), time(9, 0), date(2025, 12, 24)),  # Wed, a working day
        (date(2025, 12, 24), time(16, 30), date(2025, 12, 29)),  # after 4.30: next working day
        (date(2025, 12, 25), time(9, 0), date(2025, 12, 29)),  # Christmas Day is not a working day
        (date(2026, 4, 3), time(10, 0), date(2026, 4, 7)),  # Good Friday, then Easter Monday
    ],
)
def test_an_email_counts_as_given_on_a_working_day_before_half_past_four(
    sent_on: date, sent_at: time, given: date
) -> None:
    assert deemed_given(sent_on, "email", sent_at=sent_at, regime=AMENDED) == given


@pytest.mark.parametrize(
    ("posted", "given"),
    [
        (
            date(2026, 4, 1),
            date(2026, 4, 2),
        ),  # Wed: second day is Good Friday -> next WD after posting
        (date(2026, 3, 31), date(2026, 4, 2)),  # Tue: second day Thu is a working day
        (
            date(2026, 4, 2),
            date(2026, 4, 7),
        ),  # Thu: second day Sat -> next WD after Thu (Good Fri, Mon BH)
        (date(2025, 12, 6), date(2025, 12, 8)),  # Sat: second day Mon is a working day
    ],
)
def test_a_posted_notice_counts_on_the_second_day_or_the_next_working_day_after_posting(
    posted: date, given: date
) -> None:
    assert deemed_given(posted, "post", regime=AMENDED) == given


def test_there_is_no_deemed_service_for_a_pre_commencement_allegation() -> None:
    assert deemed_given(date(2025, 12, 5), "post", regime=PRE_2025) == date(2025, 12, 5)


def test_a_notice_handed_over_is_given_that_day() -> None:
    assert deemed_given(date(2025, 12, 6), "hand", regime=AMENDED) == date(2025, 12, 6)


def test_deemed_service_after_28_may_2025_needs_the_regime() -> None:
    with pytest.raises(InvalidInput, match="came to attention"):
        deemed_given(date(2025, 12, 5), "post")


def test_the_deadline_shows_the_day_sent_and_the_day_given() -> None:
    d = deadline(
        "reg45_appeal", date(2025, 12, 5), sent_by="email", sent_at=time(17, 0), regime=AMENDED
    )
    assert (d.sent_on, d.trigger) == (date(2025, 12, 5), date(2025, 12, 8))
    assert "reg9_notices" in {e["provision"] for e in d.as_dict()["trace"]}


def test_the_first_day_of_a_period_beginning_with_it_counts_only_if_a_working_day() -> None:
    assert add_working_days_counting_start(date(2025, 12, 22), 5) == date(2025, 12, 30)
    assert add_working_days_counting_start(date(2025, 12, 25), 1) == date(2025, 12, 29)


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 3, 1), 12, date(2026, 2, 28)),
        (date(2025, 6, 10), 18, date(2026, 12, 9)),
    ],
)
def test_a_period_of_months_beginning_with_a_day_ends_the_day_before_the_corresponding_day(
    start: date, months: int, end: date
) -> None:
    assert end_of_months_beginning_with(start, months) == end
