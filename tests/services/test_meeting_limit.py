"""The reg 34(1) limit by which a misconduct meeting must take place: 20 working days after the
officer's reg 31 response (reg 34(1)(a)) or, where the officer has not responded, after the end of
the 15 working day reg 31 period (reg 34(1)(b)) or of its extension (reg 34(1)(c))."""

from __future__ import annotations

from datetime import date

from misconduct.domain import commands as c
from misconduct.domain.case import Case
from misconduct.rules.vocabulary import Finding, Forum
from misconduct.services.cases import CaseService
from tests.services.test_hearing import limit, referred_to, step

D = date.fromisoformat
MEETING = {
    "on": "2026-08-25",
    "forum": "misconduct_meeting",
    "starts_on": "2026-09-24",
    "starts_at": "14:00",
    "venue": "Room 2, Empress State Building",
    "chair": "demo",
    "chair_role": "person_conducting",
}


def referred_to_a_meeting() -> tuple[CaseService, str]:
    """Notice of referral to a misconduct meeting on Wednesday 12/08/2026, no response yet."""
    return referred_to(Forum.MISCONDUCT_MEETING, Finding.MISCONDUCT)


def test_without_a_response_the_meeting_limit_runs_from_the_end_of_the_reg_31_period() -> None:
    svc, ref = referred_to_a_meeting()
    # 15 working days from Thursday 13/08/2026, Monday 31/08/2026 being a bank holiday.
    assert limit(svc.case(ref), "reg31_response") == D("2026-09-03")
    case: Case = step(svc, ref, "arrange-proceedings", MEETING)
    # 20 working days beginning with Friday 04/09/2026 (reg 34(1)(b)).
    assert limit(case, "reg34_meeting") == D("2026-10-01")


def test_a_response_within_the_period_starts_the_meeting_limit_from_the_response() -> None:
    svc, ref = referred_to_a_meeting()
    step(svc, ref, "arrange-proceedings", MEETING)
    case = svc.execute(ref, c.ReceiveOfficerResponse(D("2026-08-26"), True))
    # 20 working days beginning with Thursday 27/08/2026, less the bank holiday (reg 34(1)(a)).
    assert limit(case, "reg34_meeting") == D("2026-09-24")
    # The papers go to the person conducting within 10 working days after the response (reg 32(6)).
    assert limit(case, "reg32_documents_to_chair") == D("2026-09-10")


def test_a_late_response_leaves_the_limit_where_the_period_ended() -> None:
    svc, ref = referred_to_a_meeting()
    step(svc, ref, "arrange-proceedings", {**MEETING, "on": "2026-09-07"})
    case = svc.execute(ref, c.ReceiveOfficerResponse(D("2026-09-08"), True))
    assert limit(case, "reg34_meeting") == D("2026-10-01")


def test_an_extended_reg_31_period_moves_the_meeting_limit() -> None:
    svc, ref = referred_to_a_meeting()
    step(svc, ref, "arrange-proceedings", MEETING)
    case = step(
        svc,
        ref,
        "extend-time-limit",
        {
            "on": "2026-08-26",
            "step": "reg31_response",
            "extended_to": "2026-09-10",
            "reasons": "The officer's police friend is away.",
        },
    )
    assert limit(case, "reg31_response") == D("2026-09-10")
    # 20 working days beginning with Friday 11/09/2026 (reg 34(1)(c)).
    assert limit(case, "reg34_meeting") == D("2026-10-08")
