"""Suspension and restricted duties: each decision's review is a due item, met by the review, and a
continued suspension sets the next one."""

from __future__ import annotations

from datetime import date

import pytest

from misconduct.domain import commands as c
from misconduct.domain.case import Case
from misconduct.domain.lifecycle import decide, open_case
from misconduct.domain.terms import DutyRestriction
from misconduct.errors import MisconductError
from misconduct.services.demo import other_cases

D = date.fromisoformat


def _case() -> tuple[Case, str]:
    demo = next(d for d in other_cases() if d.ref == "TVP-2025-0104")
    case = Case.from_events([open_case(demo.opening)])
    for step in demo.steps:
        case.apply(decide(case, step))
    return case, next(iter(case.officers))


def test_a_suspension_review_is_due_and_met_by_the_review() -> None:
    case, oid = _case()
    on = case.last_on or D("2026-01-01")
    case.apply(
        decide(case, c.SuspendOfficer(on, oid, DutyRestriction.SUSPENDED, "Risk.", D("2026-12-01")))
    )
    due = [t for t in case.time_limits if t.item.step == "suspension_review"]
    assert [(t.item.due, t.met_on) for t in due] == [(D("2026-12-01"), None)]
    assert D("2026-12-01") in [i.last_day for i in case.open_limits()]
    review_on = D("2026-11-20")
    case.apply(
        decide(case, c.ReviewSuspension(review_on, oid, True, "Still a risk.", D("2027-01-05")))
    )
    due = [t for t in case.time_limits if t.item.step == "suspension_review"]
    assert [(t.item.due, t.met_on) for t in due] == [
        (D("2026-12-01"), review_on),
        (D("2027-01-05"), None),
    ]
    case.apply(decide(case, c.ReviewSuspension(D("2026-11-21"), oid, False, "Lifted.")))
    assert case.suspensions[oid].lifted_on == D("2026-11-21")
    with pytest.raises(MisconductError, match="not suspended"):
        decide(case, c.ReviewSuspension(D("2026-11-22"), oid, False, "Again."))


def test_a_suspension_needs_reasons_and_a_review_date_after_it() -> None:
    case, oid = _case()
    on = case.last_on or D("2026-01-01")
    with pytest.raises(MisconductError, match="review by"):
        decide(case, c.SuspendOfficer(on, oid, DutyRestriction.SUSPENDED, "Risk.", on))
    with pytest.raises(MisconductError, match="reasons"):
        decide(case, c.SuspendOfficer(on, oid, DutyRestriction.SUSPENDED, " ", D("2027-01-01")))
