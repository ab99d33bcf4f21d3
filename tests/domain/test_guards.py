"""The lifecycle refuses what the regulations forbid, naming the provision."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from misconduct.domain import commands as c
from misconduct.domain.case import Case
from misconduct.domain.lifecycle import decide, open_case
from misconduct.domain.records import Determination, OutcomeDecision, PriorWarning
from misconduct.errors import InvalidInput, RuleViolation
from misconduct.rules.vocabulary import Finding, Forum, Outcome
from misconduct.services.demo import canonical_case, officer_id, other_cases

D = date.fromisoformat


def state_before(ref: str, command_type: type[c.Command], nth: int = 1) -> tuple[Case, c.Command]:
    """The demo case ``ref`` just before its ``nth`` command of ``command_type``, and that command."""
    demo = next(d for d in [canonical_case(), *other_cases()] if d.ref == ref)
    events = [open_case(demo.opening)]
    seen = 0
    for command in demo.steps:
        if isinstance(command, command_type):
            seen += 1
            if seen == nth:
                return Case.from_events(events), command
        events.append(decide(Case.from_events(events), command))
    raise AssertionError(f"{ref} has no {command_type.__name__}")


def test_no_referral_before_a_case_to_answer_determination() -> None:
    case, _ = state_before("MPS-2025-0001", c.DetermineCaseToAnswer)
    with pytest.raises(RuleViolation, match="no referral before") as err:
        decide(case, c.GiveReferralNotice(D("2025-04-24")))
    assert err.value.citation == "SI 2020/4 regs 14, 23 and 30"


def test_accelerated_hearing_outside_the_reg52_window_is_refused() -> None:
    case, command = state_before("MPS-2025-0001", c.ArrangeProceedings)
    assert isinstance(command, c.ArrangeProceedings)
    late = replace(command, arrangement=replace(command.arrangement, starts_on=D("2025-05-19")))
    with pytest.raises(RuleViolation, match="between 2025-05-09 and 2025-05-16"):
        decide(case, late)


def test_the_certifier_may_not_conduct_the_accelerated_hearing() -> None:
    case, command = state_before("MPS-2025-0001", c.ArrangeProceedings)
    assert isinstance(command, c.ArrangeProceedings) and case.determination is not None
    same = replace(
        command, arrangement=replace(command.arrangement, chair=case.determination.decision_maker)
    )
    with pytest.raises(RuleViolation, match=r"reg 2\(4C\)"):
        decide(case, same)


def test_anonymity_without_reasons_to_the_policing_body_is_refused_after_may_2024() -> None:
    case, command = state_before("MPS-2025-0001", c.ArrangeProceedings)
    assert isinstance(command, c.ArrangeProceedings)
    bare = replace(command, arrangement=replace(command.arrangement, privacy_reasons=""))
    with pytest.raises(RuleViolation, match=r"39\(3A\)"):
        decide(case, bare)


def test_gross_misconduct_cannot_go_to_a_meeting() -> None:
    case, command = state_before("MPS-2025-0001", c.DetermineCaseToAnswer)
    to_meeting = c.DetermineCaseToAnswer(
        command.on,
        Determination(True, Finding.GROSS_MISCONDUCT, Forum.MISCONDUCT_MEETING, "AA", "r"),
    )
    with pytest.raises(RuleViolation, match="meeting"):
        decide(case, to_meeting)


def test_final_warning_in_force_on_the_assessment_date_bars_a_meeting() -> None:
    case, command = state_before("LAN-2025-0112", c.DetermineCaseToAnswer)
    assert case.warnings_at_severity[officer_id("lancashire", "45501")].fww_in_force
    meeting = c.DetermineCaseToAnswer(
        command.on, Determination(True, Finding.MISCONDUCT, Forum.MISCONDUCT_MEETING, "AA", "r")
    )
    with pytest.raises(RuleViolation, match="final written warning was in force"):
        decide(case, meeting)


def test_warning_expired_before_the_assessment_date_does_not_count() -> None:
    demo = next(d for d in other_cases() if d.ref == "LAN-2025-0112")
    officer = replace(
        demo.opening.details.officers[0],
        prior_warnings=(PriorWarning(Outcome.FINAL_WRITTEN_WARNING, D("2023-01-01"), 24),),
    )
    opening = replace(demo.opening, details=replace(demo.opening.details, officers=(officer,)))
    case = Case.from_events([open_case(opening)])
    event = decide(case, demo.steps[0])
    case.apply(event)
    assert not case.warnings_at_severity[officer_id("lancashire", "45501")].fww_in_force


def test_misconduct_at_a_hearing_needs_a_recorded_exception() -> None:
    case, command = state_before("ESX-2026-0105", c.DetermineCaseToAnswer)
    hearing = c.DetermineCaseToAnswer(
        command.on, Determination(True, Finding.MISCONDUCT, Forum.MISCONDUCT_HEARING, "AA", "r")
    )
    with pytest.raises(RuleViolation, match="hearing_exception"):
        decide(case, hearing)


def test_only_lawful_outcomes_are_accepted() -> None:
    case, command = state_before("SUR-2026-0108", c.DecideOutcome)
    dismissal = c.DecideOutcome(
        command.on,
        OutcomeDecision(officer_id("surrey", "80144"), Outcome.DISMISSAL_WITHOUT_NOTICE, "Chair"),
    )
    with pytest.raises(RuleViolation, match="lawful: written_warning, final_written_warning"):
        decide(case, dismissal)


def test_presumption_of_dismissal_needs_reasons_for_a_final_warning() -> None:
    case, command = state_before("SWP-2025-0113", c.DecideOutcome)
    assert isinstance(command, c.DecideOutcome)
    bare = replace(command, decision=replace(command.decision, reasons=""))
    with pytest.raises(RuleViolation, match="reasons must be recorded"):
        decide(case, bare)
    assert decide(case, command).type == "OutcomeDecided"


def test_a_warning_longer_than_the_law_allows_is_refused() -> None:
    case, command = state_before("MPS-2025-0001", c.DecideOutcome)
    assert isinstance(command, c.DecideOutcome)
    six_years = replace(command, decision=replace(command.decision, warning_months=72))
    with pytest.raises(RuleViolation, match="between 24 and 60 months"):
        decide(case, six_years)


def test_late_appeal_needs_a_recorded_extension() -> None:
    case, _ = state_before("SUR-2026-0108", c.NotifyOfficer)
    case.apply(decide(case, c.NotifyOfficer(D("2026-11-20"), officer_id("surrey", "80144"))))
    with pytest.raises(RuleViolation, match="window closed on 2026-12-01"):
        decide(case, c.LodgeAppeal(D("2026-12-02"), officer_id("surrey", "80144")))
    late = decide(
        case, c.LodgeAppeal(D("2026-12-02"), officer_id("surrey", "80144"), "Officer in hospital")
    )
    assert late.type == "AppealLodged"


def test_publication_cannot_be_removed_before_twenty_eight_days() -> None:
    case, _ = state_before("MPS-2025-0001", c.CloseCase)
    # Published 22 May 2025; 28 whole days after that day run to 19 June (reg 43(8)).
    with pytest.raises(RuleViolation, match="2025-06-19"):
        decide(case, c.RemovePublication(D("2025-06-19")))
    assert decide(case, c.RemovePublication(D("2025-06-20"))).type == "PublicationRemoved"


def test_a_closed_case_takes_no_further_step() -> None:
    case, command = state_before("MPS-2025-0001", c.CloseCase)
    case.apply(decide(case, command))
    with pytest.raises(RuleViolation, match="closed"):
        decide(case, c.PublishOutcome(D("2025-07-01")))


def test_a_case_with_an_outstanding_report_cannot_close() -> None:
    case, _ = state_before("MPS-2025-0001", c.SubmitOutcomeReport)
    with pytest.raises(RuleViolation, match="outcome report"):
        decide(case, c.CloseCase(D("2025-05-20"), "done"))


def test_a_step_dated_before_the_matter_came_to_attention_is_refused() -> None:
    case, _ = state_before("MPS-2025-0001", c.AssessSeverity)
    with pytest.raises(InvalidInput, match="on: expected a date on or after"):
        decide(case, c.AppointInvestigator(D("2025-01-01"), "someone"))
