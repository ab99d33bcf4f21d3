"""Decisions carry the assessment engine's result on the case's own facts, with its trace and rules
version; the demo's decisions are made that way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from misconduct.assessment.engine import assess
from misconduct.assessment.facts import load_facts
from misconduct.domain import commands as c
from misconduct.domain.case import Case
from misconduct.domain.lifecycle import decide, open_case
from misconduct.errors import RuleViolation
from misconduct.rules.catalogue import rules_version
from misconduct.rules.vocabulary import Outcome
from misconduct.services.assessment import (
    PRECEDENTS_SHOWN,
    Found,
    assess_officer,
    assessed_decision,
    case_facts,
    recorded,
)
from misconduct.services.demo import (
    CANONICAL_FOUND,
    DemoCase,
    canonical_case,
    demo_cases,
    officer_id,
)
from tests.services.fakes import fake_service

EXAMPLE = Path(__file__).parents[2] / "examples" / "canonical_case.toml"


def folded(demo: DemoCase, stop: type[c.Command]) -> Case:
    case = Case.from_events([open_case(demo.opening)])
    for step in demo.steps:
        if isinstance(step, stop):
            return case
        case.apply(decide(case, step))
    raise AssertionError(f"{demo.ref} has no {stop.__name__}")


def decision_of(demo: DemoCase) -> c.DecideOutcome:
    return next(s for s in demo.steps if isinstance(s, c.DecideOutcome))


def test_the_canonical_decision_stores_the_engines_three_stages_trace_and_rules_version() -> None:
    d = decision_of(canonical_case()).decision
    assert d.assessment is not None and d.assessment_rules_version == rules_version()
    assert [s["id"] for s in d.assessment["stages"]] == [
        "seriousness",
        "outcome",
        "personal_mitigation",
    ]
    provisions = {t.get("provision") for t in d.assessment["trace"]}
    assert len(d.assessment["trace"]) > 3 and None not in provisions
    assert d.assessment["regime"] == "conduct_regs_2020"
    assert "final_written_warning" in d.assessment["indicated_outcomes"]


def test_the_canonical_assessment_is_the_engine_on_the_case_as_it_stood_at_the_findings() -> None:
    demo = canonical_case()
    case = folded(demo, c.DecideOutcome)
    decision = decision_of(demo).decision
    stored = decision.shown_assessment()
    facts = case_facts(case, officer_id("metropolitan", "274519"), CANONICAL_FOUND)
    assert facts["proceedings"] == {
        "forum": "accelerated_misconduct_hearing",
        "finding": "gross_misconduct",
        "severity_assessment_on": case.severity_on,
        "hearing_on": case.proceedings.concluded_on if case.proceedings else None,
    }
    assessment = assess_officer(case, officer_id("metropolitan", "274519"), CANONICAL_FOUND)
    assert stored == recorded(assessment, CANONICAL_FOUND)
    assert stored is not None and {**stored, "found": None, "precedents": None} == {
        **assessment.as_dict(),
        "found": None,
        "precedents": None,
    }
    # What the chair found is kept with it, so a decided case shows it as found.
    assert stored["found"]["factors"][0] == {
        "id": "knew_conduct_was_wrong",
        "note": CANONICAL_FOUND.factors["knew_conduct_was_wrong"],
    }
    assert len(stored["precedents"]["matches"]) == PRECEDENTS_SHOWN
    # Issue 13 item 6: the chair's words are beside the chain, not in what the chain holds.
    chain = json.dumps(decision.assessment, ensure_ascii=False)
    notes = [*CANONICAL_FOUND.factors.values(), *CANONICAL_FOUND.personal_mitigation.values()]
    assert all(n in decision.assessment_notes for n in notes if n)
    assert not [n for n in notes if n and n in chain]


def test_the_canonical_factors_weigh_as_in_the_worked_example() -> None:
    """Same factors as examples/canonical_case.toml, so the same seriousness (its forum and dates
    differ: the example is a hearing on the published dates, the demo an accelerated hearing)."""
    stored = decision_of(canonical_case()).decision.assessment
    assert stored is not None
    example = assess(load_facts(EXAMPLE)).as_dict()
    assert stored["seriousness"] == example["seriousness"]


def test_every_demo_decision_carries_its_assessment() -> None:
    decisions = [
        decision_of(d) for d in demo_cases() if any(isinstance(s, c.DecideOutcome) for s in d.steps)
    ]
    assert len(decisions) == 6
    for command in decisions:
        d = command.decision
        assert d.assessment is not None and d.assessment["trace"], d.officer_id
        assert d.assessment_rules_version == rules_version()


def test_the_stored_assessment_replays_from_the_event_log() -> None:
    svc = fake_service()
    demo = canonical_case()
    svc.open(demo.opening, demo.steps)
    replayed = svc.case(demo.ref).decisions[officer_id("metropolitan", "274519")].decision
    assert replayed == decision_of(demo).decision


def test_there_is_nothing_to_assess_before_the_findings() -> None:
    case = folded(canonical_case(), c.RecordFindings)
    with pytest.raises(RuleViolation, match="follows the findings"):
        assessed_decision(
            case,
            officer_id("metropolitan", "274519"),
            Found({}),
            outcome=Outcome.FINAL_WRITTEN_WARNING,
            decision_maker="Chair",
        )


def test_a_final_written_warning_from_another_case_closes_the_warning_and_the_chair_sets_levels() -> (
    None
):
    from datetime import date

    from misconduct.assessment.facts import parse_facts
    from misconduct.rules.warning import WarningRecord

    case = folded(canonical_case(), c.DecideOutcome)
    earlier = WarningRecord(Outcome.FINAL_WRITTEN_WARNING, date(2024, 3, 1), 24)
    found = Found(
        CANONICAL_FOUND.factors,
        CANONICAL_FOUND.personal_mitigation,
        culpability=("medium", "the chair's own view of the knowledge shown"),
        exceptional_circumstances="",
    )
    facts = case_facts(case, officer_id("metropolitan", "274519"), found, other_warnings=[earlier])
    assert facts["officer"]["warnings"][-1]["notified_on"] == date(2024, 3, 1)
    assert facts["culpability"] == {
        "level": "medium",
        "reason": "the chair's own view of the knowledge shown",
    }
    result = assess(parse_facts(facts)).as_dict()
    # The warning was in force on the severity-assessment date: no further warning (reg 62(3)).
    assert result["available_outcomes"] == ["dismissal_without_notice"]
    assert result["seriousness"]["culpability"] == "medium"
