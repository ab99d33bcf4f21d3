"""Invariants of outcome availability, over generated facts."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from misconduct.errors import RuleViolation
from misconduct.rules.outcomes import OutcomeAnswer, OutcomeQuestion, lawful_outcomes
from misconduct.rules.vocabulary import Finding, Forum, Outcome, Rank


@st.composite
def questions(draw: st.DrawFn) -> OutcomeQuestion:
    came = draw(st.dates(min_value=date(2013, 1, 1), max_value=date(2027, 12, 31)))
    severity = came + timedelta(days=draw(st.integers(0, 60)))
    decided = severity + timedelta(days=draw(st.integers(0, 500)))
    fww = draw(st.booleans())
    return OutcomeQuestion(
        forum=draw(st.sampled_from(list(Forum))),
        finding=draw(st.sampled_from(list(Finding))),
        came_to_attention=came,
        severity_assessment_on=severity,
        decided_on=decided,
        rank=draw(st.sampled_from(list(Rank))),
        former_officer=draw(st.booleans()),
        fww_in_force=fww,
        ww_in_force=not fww and draw(st.booleans()),
        previously_reduced_in_rank=draw(st.booleans()),
        unconnected_incidents=draw(st.booleans()),
        convicted_indictable_only=draw(st.booleans()),
    )


def _answer(q: OutcomeQuestion) -> OutcomeAnswer | None:
    try:
        return lawful_outcomes(q)
    except RuleViolation:
        return None


@settings(max_examples=400)
@given(questions())
def test_a_meeting_never_offers_dismissal_or_reduction(q: OutcomeQuestion) -> None:
    answer = _answer(q)
    if answer is not None and q.forum is Forum.MISCONDUCT_MEETING:
        assert not {o for o in answer.available if o.is_dismissal}
        assert Outcome.REDUCTION_IN_RANK not in answer.available


@settings(max_examples=400)
@given(questions())
def test_a_constable_is_never_reduced_in_rank(q: OutcomeQuestion) -> None:
    answer = _answer(q)
    if answer is not None and not q.rank.has_lower_rank:
        assert Outcome.REDUCTION_IN_RANK not in answer.available


@settings(max_examples=400)
@given(questions())
def test_no_warning_is_given_while_a_final_written_warning_is_in_force_under_2020(
    q: OutcomeQuestion,
) -> None:
    answer = _answer(q)
    if answer is not None and q.fww_in_force and answer.regime.regime.value != "conduct_regs_2012":
        assert Outcome.WRITTEN_WARNING not in answer.available
        assert Outcome.FINAL_WRITTEN_WARNING not in answer.available


@settings(max_examples=400)
@given(questions())
def test_every_answer_cites_what_it_used_and_every_requirement_names_lawful_outcomes(
    q: OutcomeQuestion,
) -> None:
    answer = _answer(q)
    if answer is None:
        return
    data = answer.as_dict()
    assert data["trace"], "an answer without a trace"
    assert all(e["citation"] or not e["applied"] for e in data["trace"])
    for req in answer.requirements:
        assert set(req.applies_to) <= set(answer.available)
    if answer.default_outcome is not None:
        assert answer.default_outcome in answer.available


@settings(max_examples=300)
@given(questions())
def test_gross_misconduct_never_offers_a_written_warning_under_2020(q: OutcomeQuestion) -> None:
    answer = _answer(q)
    gross = q.finding is Finding.GROSS_MISCONDUCT
    if answer is not None and gross and answer.regime.regime.value != "conduct_regs_2012":
        assert Outcome.WRITTEN_WARNING not in answer.available
