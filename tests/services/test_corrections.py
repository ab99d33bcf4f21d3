"""Correcting a mistaken step: the original stays, the timeline shows both, the rules decide the
replacement afresh and the time limits it started move."""

from __future__ import annotations

from datetime import date

import pytest

from misconduct.domain import commands as c
from misconduct.domain.records import SeverityAssessment
from misconduct.domain.terms import LikelyForm, SeverityResult
from misconduct.errors import InvalidInput, RuleViolation
from misconduct.services.corrections import correct
from misconduct.services.intake import open_case
from tests.services.fakes import FakeRepository, fake_service
from tests.services.test_intake import overtime

D = date.fromisoformat


def _investigated(repo: FakeRepository) -> str:
    svc = fake_service(repo)
    ref = open_case(svc, overtime()).ref  # events 1-3
    assessment = SeverityAssessment(SeverityResult.MISCONDUCT, LikelyForm.MEETING, "Supt", "r")
    svc.execute(ref, c.AssessSeverity(D("2026-05-12"), assessment))  # 4
    svc.execute(ref, c.AppointInvestigator(D("2026-05-13"), "DS Example"))  # 5
    svc.execute(ref, c.GiveRegulation17Notice(D("2026-05-20")))  # 6: should have been 18 May
    return ref


def _reg18(case: object) -> list[tuple[date, date | None]]:
    return [
        (t.item.trigger, t.item.latest)
        for t in case.time_limits  # type: ignore[attr-defined]
        if t.item.step == "reg18_response"
    ]


def test_a_notice_dated_wrongly_is_corrected_and_its_time_limit_moves() -> None:
    repo = FakeRepository()
    ref = _investigated(repo)
    svc = fake_service(repo)
    before = svc.case(ref)
    assert [trigger for trigger, _ in _reg18(before)] == [D("2026-05-20")]
    fixed = correct(
        svc,
        ref,
        6,
        "Notice was served on 18 May; 20 May was the date it was filed.",
        c.GiveRegulation17Notice(D("2026-05-18")),
    )
    assert [trigger for trigger, _ in _reg18(fixed)] == [D("2026-05-18")]
    assert fixed.investigation.reg17_notice_on == D("2026-05-18")
    labels = [e.label for e in fixed.timeline]
    assert labels[5] == "Regulation 17 notice given (corrected by #7)"
    assert labels[6].startswith("Correction of #6: Notice was served on 18 May")
    stored = repo.stored[ref]
    assert stored[5].occurred_on == D("2026-05-20")  # the original stays in the chain
    assert stored[6].type == "StepCorrected" and stored[6].payload["supersedes"] == 6
    assert svc.case(ref) == fixed  # folding the stored events gives the same case


def test_corrections_the_rules_or_the_history_do_not_allow_are_refused() -> None:
    repo = FakeRepository()
    ref = _investigated(repo)
    svc = fake_service(repo)
    count = len(repo.stored[ref])
    with pytest.raises(InvalidInput, match="no later than #6"):
        correct(svc, ref, 5, "typo", c.AppointInvestigator(D("2026-05-25"), "DS Example"))
    with pytest.raises(InvalidInput, match="same kind of step"):
        correct(svc, ref, 6, "typo", c.AppointInvestigator(D("2026-05-14"), "DS Example"))
    with pytest.raises(InvalidInput, match="lifecycle step"):
        correct(svc, ref, 1, "typo", c.GiveRegulation17Notice(D("2026-05-18")))
    with pytest.raises(InvalidInput, match="reasons"):
        correct(svc, ref, 6, " ", c.GiveRegulation17Notice(D("2026-05-18")))
    with pytest.raises(InvalidInput, match="the investigator's appointment"):
        correct(svc, ref, 6, "typo", c.GiveRegulation17Notice(D("2026-05-12")))
    with pytest.raises(RuleViolation):
        assessment = SeverityAssessment(
            SeverityResult.GROSS_MISCONDUCT, LikelyForm.MEETING, "S", "r"
        )
        correct(svc, ref, 4, "wrong level", c.AssessSeverity(D("2026-05-12"), assessment))
    assert len(repo.stored[ref]) == count
