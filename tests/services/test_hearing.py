"""Hearing administration (issue 9 item 9): venue, time, the chair and panel in the roles the rules
give for the date of the notice of referral, papers to the chair, the pre-hearing, notice to the
officer, public notice, adjournments and extensions that move the time limits they govern. Each step
is taken as the web, API and CLI take it (``stepinput.command_from`` on the step registry)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from typing import Any

import pytest

from misconduct.app.readmodels import project
from misconduct.app.stepinput import command_from
from misconduct.app.web.steps import step_named
from misconduct.domain import commands as c
from misconduct.domain import events as ev
from misconduct.domain.case import Case
from misconduct.domain.codec import to_plain
from misconduct.domain.lifecycle import decide
from misconduct.domain.records import Determination, SeverityAssessment
from misconduct.domain.terms import ChairRole, LikelyForm, PanelRole, SeverityResult
from misconduct.errors import InvalidInput, MisconductError, RuleViolation
from misconduct.rules.vocabulary import Finding, Forum
from misconduct.services.cases import CaseService
from misconduct.services.intake import open_case
from tests.services.fakes import FakeRepository, fake_service
from tests.services.test_intake import overtime

D = date.fromisoformat
HEARING = {
    "on": "2026-08-25",
    "forum": "misconduct_hearing",
    "starts_on": "2026-10-06",
    "starts_at": "10:00",
    "venue": "Room 4, Empress State Building",
    "chair": "demo",
    "chair_role": "chief_officer_delegate",
    "qualified_lay_member": "Alex Lay",
    "lay_member": "Sam Member",
    "legally_qualified_person": "Jo Counsel",
    "in_public": True,
}


TO_RESPONSE: tuple[c.Command, ...] = (
    c.AssessSeverity(
        D("2026-05-12"),
        SeverityAssessment(SeverityResult.GROSS_MISCONDUCT, LikelyForm.HEARING, "S", "r"),
    ),
    c.AppointInvestigator(D("2026-05-13"), "DS Example"),
    c.GiveRegulation17Notice(D("2026-05-14")),
    c.SubmitInvestigationReport(D("2026-08-03")),
    c.DetermineCaseToAnswer(
        D("2026-08-10"),
        Determination(True, Finding.GROSS_MISCONDUCT, Forum.MISCONDUCT_HEARING, "AA", "r"),
    ),
    c.GiveReferralNotice(D("2026-08-12")),
    c.ReceiveOfficerResponse(D("2026-08-20"), False),
)
"""The overtime sergeant's case to the officer's response (notice of referral 12/08/2026)."""


def referred(repo: FakeRepository | None = None) -> tuple[CaseService, str]:
    svc = fake_service(repo)
    ref = open_case(svc, overtime()).ref
    for command in (*TO_RESPONSE, c.ExchangeWitnessLists(D("2026-08-24"))):
        svc.execute(ref, command)
    return svc, ref


def step(svc: CaseService, ref: str, name: str, data: dict[str, Any]) -> Case:
    return svc.execute(ref, command_from(step_named(name), svc.case(ref), data))


def limit(case: Case, name: str) -> date:
    (item,) = [i for i in case.open_limits() if i.step == name]
    return item.last_day


def test_the_hearing_is_arranged_with_venue_time_and_the_2024_panel() -> None:
    svc, ref = referred()
    case = step(svc, ref, "arrange-proceedings", HEARING)
    assert case.proceedings is not None
    a = case.proceedings.arrangement
    assert (a.venue, a.starts_at) == ("Room 4, Empress State Building", time(10, 0))
    assert [m.role for m in a.members] == [
        PanelRole.QUALIFIED_LAY_MEMBER,
        PanelRole.LAY_MEMBER,
        PanelRole.LEGALLY_QUALIFIED_PERSON,
    ]
    # the documents still read the panel's and the adviser's names
    assert (a.panel, a.adviser) == (("Alex Lay", "Sam Member"), "Jo Counsel")
    steps = {i.step for i in case.open_limits()}
    assert {"reg32_documents_to_chair", "reg29_first_day_of_hearing"} <= steps
    label = case.timeline[-1].label
    assert label.startswith("Misconduct hearing arranged for 06/10/2026 at 10:00, Room 4")
    assert "chair: demo (chief officer's delegate)" in label
    assert "legally qualified person (adviser): Jo Counsel" in label


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"chair_role": "legally_qualified_chair"}, "chair_role", "chief officer"),
        ({"lay_member": ""}, "lay_member", "needs one lay member"),
        ({"legally_qualified_person": ""}, "legally_qualified_person", "legally qualified"),
    ],
)
def test_a_panel_the_rules_do_not_allow_for_the_date_is_refused(
    change: dict[str, str], field: str, words: str
) -> None:
    repo = FakeRepository()
    svc, ref = referred(repo)
    before = len(repo.stored[ref])
    with pytest.raises(RuleViolation, match=words) as err:
        step(svc, ref, "arrange-proceedings", {**HEARING, **change})
    assert err.value.field == field
    assert "SI 2024/521 reg 3(3)" in (err.value.citation or "")
    assert len(repo.stored[ref]) == before


def test_before_7_may_2024_the_hearing_has_a_legally_qualified_chair() -> None:
    svc, ref = referred()
    case = svc.case(ref)
    assert case.referral is not None
    new_panel = command_from(step_named("arrange-proceedings"), case, HEARING)
    case.referral.notice_on = D("2024-05-06")
    with pytest.raises(RuleViolation, match="legally qualified chair") as err:
        decide(case, new_panel)
    old = replace(
        new_panel,
        arrangement=replace(new_panel.arrangement, chair_role=ChairRole.LEGALLY_QUALIFIED_CHAIR),
    )
    with pytest.raises(RuleViolation, match="no lay member with relevant"):
        decide(case, old)
    assert "reg 28(4)" in (err.value.citation or "")
    # the form asks the old roles for such a case, and the rules accept them
    data = {
        k: v
        for k, v in HEARING.items()
        if k not in ("qualified_lay_member", "lay_member", "legally_qualified_person")
    }
    data.update(
        starts_on="2024-07-01",
        chair_role="legally_qualified_chair",
        police_member="Supt Example",
        independent_member="Pat Independent",
    )
    arranged = decide(case, command_from(step_named("arrange-proceedings"), case, data))
    assert isinstance(arranged, ev.ProceedingsArranged)
    assert arranged.arrangement.panel == ("Supt Example", "Pat Independent")
    with pytest.raises(InvalidInput, match="lay_member"):
        command_from(step_named("arrange-proceedings"), case, {**data, "lay_member": "x"})


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"starts_at": "25:00"}, "starts_at"),
        ({"starts_at": "10am"}, "starts_at"),
        ({"starts_on": "2099-01-01"}, "start date"),
        ({"chair_role": "judge"}, "chair_role"),
        ({"panel": "A, B"}, "panel"),
    ],
)
def test_bad_arrangement_input_names_the_field_and_writes_nothing(
    change: dict[str, str], field: str
) -> None:
    repo = FakeRepository()
    svc, ref = referred(repo)
    before = len(repo.stored[ref])
    with pytest.raises(MisconductError) as err:
        step(svc, ref, "arrange-proceedings", {**HEARING, **change})
    assert err.value.field == field
    assert len(repo.stored[ref]) == before


def _arranged_with_papers() -> tuple[CaseService, str, FakeRepository]:
    repo = FakeRepository()
    svc, ref = referred(repo)
    step(svc, ref, "arrange-proceedings", HEARING)
    step(svc, ref, "papers-to-chair", {"on": "2026-08-27"})
    return svc, ref, repo


def test_papers_to_the_chair_start_the_hearing_limits() -> None:
    svc, ref, _ = _arranged_with_papers()
    case = svc.case(ref)
    assert case.proceedings is not None and case.proceedings.papers_on == D("2026-08-27")
    met = {t.item.step: t.met_on for t in case.time_limits}
    assert met["reg32_documents_to_chair"] == D("2026-08-27")
    # 30 working days beginning with the first working day after 27/08/2026 (reg 29(5))
    assert limit(case, "reg29_hearing_without_pre_hearing") == D("2026-10-09")
    case = step(svc, ref, "pre-hearing", {"on": "2026-09-03", "directions": "Bundles by 21/09."})
    assert "reg29_hearing_without_pre_hearing" not in {i.step for i in case.open_limits()}
    assert limit(case, "reg33_hearing_after_pre_hearing") == D("2026-10-14")
    assert case.timeline[-1].label == "Pre-hearing held. Directions: Bundles by 21/09."
    with pytest.raises(RuleViolation, match="pre-hearing was held on 03/09/2026"):
        step(svc, ref, "pre-hearing", {"on": "2026-09-04"})


def test_an_adjournment_past_the_limit_needs_an_extension_first_and_moves_the_limits() -> None:
    svc, ref, repo = _arranged_with_papers()
    case = svc.case(ref)
    assert limit(case, "reg36_public_notice") == D("2026-10-06")
    adjourn = {
        "on": "2026-09-01",
        "resumes_on": "2026-10-20",
        "resumes_at": "14:00",
        "reasons": "The officer's representative is in hospital.",
    }
    before = len(repo.stored[ref])
    with pytest.raises(RuleViolation, match="09/10/2026") as err:
        step(svc, ref, "adjourn", adjourn)
    assert err.value.field == "resumes_on" and "29(6)(b)" in err.value.message
    assert len(repo.stored[ref]) == before

    extended = step(
        svc,
        ref,
        "extend-time-limit",
        {
            "on": "2026-09-01",
            "step": "reg29_hearing_without_pre_hearing",
            "extended_to": "2026-10-23",
            "reasons": "The officer's representative is in hospital until October.",
        },
    )
    assert limit(extended, "reg29_hearing_without_pre_hearing") == D("2026-10-23")
    assert extended.timeline[-1].label == (
        "Time limit extended to 23/10/2026: Misconduct hearing where there is no pre-hearing. "
        "Reasons: The officer's representative is in hospital until October."
    )
    moved = step(svc, ref, "adjourn", adjourn)
    assert moved.proceedings is not None
    a = moved.proceedings.arrangement
    assert (a.starts_on, a.starts_at, a.venue) == (
        D("2026-10-20"),
        time(14, 0),
        "Room 4, Empress State Building",
    )
    assert limit(moved, "reg36_public_notice") == D("2026-10-20")
    assert moved.timeline[-1].label == (
        "Proceedings adjourned from 06/10/2026 to 20/10/2026 at 14:00. "
        "Reasons: The officer's representative is in hospital."
    )
    # the read model the task lists read moves with the fold
    dues = {d.step: d.last_day for d in project(moved).dues}
    assert dues["reg36_public_notice"] == D("2026-10-20")
    assert dues["reg29_hearing_without_pre_hearing"] == D("2026-10-23")


@pytest.mark.parametrize(
    ("name", "data", "field"),
    [
        ("adjourn", {"on": "2026-09-01", "resumes_on": "2026-10-01", "reasons": "x"}, "resumes_on"),
        ("adjourn", {"on": "2026-09-01", "resumes_on": "2026-10-07", "reasons": " "}, "reasons"),
        (
            "adjourn",
            {
                "on": "2026-09-01",
                "resumes_on": "2026-10-07",
                "reasons": "A witness is abroad.",
                "solely_for_attendance": True,
            },
            "exceptional_circumstances",
        ),
        (
            "extend-time-limit",
            {"on": "2026-09-01", "step": "reg36_public_notice", "extended_to": "2026-11-01"},
            "step",
        ),
        (
            "extend-time-limit",
            {
                "on": "2026-09-01",
                "step": "reg29_hearing_without_pre_hearing",
                "extended_to": "2026-10-01",
                "reasons": "x",
            },
            "extended_to",
        ),
        (
            "extend-time-limit",
            {
                "on": "2026-09-01",
                "step": "reg29_hearing_without_pre_hearing",
                "extended_to": "2027-06-01",
                "reasons": "x",
            },
            "extended_to",
        ),
        ("hearing-notice", {"on": "2026-08-20"}, "on"),
    ],
)
def test_bad_adjournments_and_extensions_name_the_field_and_write_nothing(
    name: str, data: dict[str, Any], field: str
) -> None:
    svc, ref, repo = _arranged_with_papers()
    before = len(repo.stored[ref])
    with pytest.raises(MisconductError) as err:
        step(svc, ref, name, data)
    assert err.value.field == field, err.value
    assert len(repo.stored[ref]) == before


def test_notice_to_the_officer_then_the_public_notice() -> None:
    svc, ref, _ = _arranged_with_papers()
    with pytest.raises(RuleViolation, match=r"after the officer is given notice") as err:
        step(svc, ref, "public-notice", {"on": "2026-08-28"})
    assert err.value.citation == "SI 2020/4 reg 36(2)"
    case = step(svc, ref, "hearing-notice", {"on": "2026-08-28"})
    assert case.proceedings is not None and case.proceedings.hearing_notice_on == D("2026-08-28")
    objection = [i for i in case.open_limits() if i.step == "reg35_objection"]
    assert objection and objection[0].party == "officer"
    with pytest.raises(RuleViolation, match="notice of this date was given on 28/08/2026"):
        step(svc, ref, "hearing-notice", {"on": "2026-08-29"})
    case = step(svc, ref, "public-notice", {"on": "2026-08-28"})
    assert case.proceedings is not None and case.proceedings.public_notice_on == D("2026-08-28")


def test_no_public_notice_where_the_chair_did_not_require_one() -> None:
    svc, ref = referred()
    case = step(svc, ref, "arrange-proceedings", {**HEARING, "public_notice_required": False})
    assert "reg36_public_notice" not in {i.step for i in case.open_limits()}
    step(svc, ref, "hearing-notice", {"on": "2026-08-28"})
    with pytest.raises(RuleViolation, match="did not require a public notice"):
        step(svc, ref, "public-notice", {"on": "2026-08-28"})


def test_notice_needs_the_venue_and_time() -> None:
    svc, ref = referred()
    step(svc, ref, "arrange-proceedings", {**HEARING, "venue": "", "starts_at": None})
    with pytest.raises(RuleViolation, match="date, time and place") as err:
        step(svc, ref, "hearing-notice", {"on": "2026-08-28"})
    assert err.value.field == "venue" and err.value.citation == "SI 2020/4 reg 35(1)"


def test_a_meeting_has_no_panel() -> None:
    svc, ref = referred()
    case = svc.case(ref)
    assert case.referral is not None and case.determination is not None
    case.determination = replace(
        case.determination, level=Finding.MISCONDUCT, form=Forum.MISCONDUCT_MEETING
    )
    case.referral.forum = Forum.MISCONDUCT_MEETING
    meeting = {
        "on": "2026-08-25",
        "forum": "misconduct_meeting",
        "starts_on": "2026-09-10",
        "chair": "Chief Inspector Example",
        "chair_role": "person_conducting",
        "adviser": "HR adviser",
    }
    event = decide(case, command_from(step_named("arrange-proceedings"), case, meeting))
    assert isinstance(event, ev.ProceedingsArranged)
    assert {i.step for i in event.deadlines} == {"reg32_documents_to_chair", "reg34_meeting"}
    with pytest.raises(InvalidInput, match="lay_member"):
        command_from(step_named("arrange-proceedings"), case, {**meeting, "lay_member": "x"})
    with pytest.raises(RuleViolation, match="conducted by the person conducting"):
        decide(
            case,
            command_from(
                step_named("arrange-proceedings"), case, {**meeting, "chair_role": "chief_officer"}
            ),
        )


def test_an_arrangement_recorded_before_hearing_administration_still_loads_and_folds() -> None:
    """Old histories carry none of the new fields: they load, fold and describe as before."""
    svc, ref = referred()
    case = svc.case(ref)
    payload = {
        "deadlines": [],
        "arrangement": {
            "forum": "misconduct_hearing",
            "starts_on": "2026-10-06",
            "chair": "Legally qualified chair",
            "panel": ["A", "B"],
            "adviser": "",
            "in_public": True,
            "anonymity_cipher": "",
            "reporting_restrictions": "",
            "privacy_reasons": "",
        },
    }
    old = ev.event_from_payload("ProceedingsArranged", payload, D("2026-08-25"))
    assert isinstance(old, ev.ProceedingsArranged)
    assert old.arrangement.venue == "" and old.arrangement.chair_role is None
    case.apply(old)
    assert case.proceedings is not None and case.proceedings.adjournments == []
    assert case.timeline[-1].label == (
        "Misconduct hearing arranged for 06/10/2026; chair: Legally qualified chair; panel: A, B"
    )
    assert to_plain(old)["arrangement"]["starts_at"] is None


def test_the_notices_give_the_venue_and_time_once_known() -> None:
    from misconduct.documents.adapter import context_from_case
    from misconduct.documents.render import build

    svc, ref, _ = _arranged_with_papers()
    step(svc, ref, "hearing-notice", {"on": "2026-08-28"})
    case = svc.case(ref)
    public = build("reg36-notice", context_from_case(case)).text()
    assert "10:00" in public and "Room 4, Empress State Building" in public
    assert "who will confirm where and when" not in public
    referral = build("reg30-notice", context_from_case(case)).text()
    assert "Tuesday 6 October 2026 at 10:00, at Room 4, Empress State Building" in referral
    step(
        svc,
        ref,
        "adjourn",
        {"on": "2026-09-01", "resumes_on": "2026-10-08", "reasons": "Chair unwell."},
    )
    moved = build("reg36-notice", context_from_case(svc.case(ref))).text()
    assert "8 October 2026" in moved and "6 October 2026" not in moved
