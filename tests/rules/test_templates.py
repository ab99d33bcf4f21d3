"""The rules' answer and the regime decision built from a template (a new question's dates filled in)
are the answers worked out in full from the rules, on dates either side of every boundary."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest

from misconduct.errors import MisconductError
from misconduct.rules import outcomes, regime
from misconduct.rules.catalogue import default_catalogue
from misconduct.rules.outcomes import OutcomeQuestion, lawful_outcomes
from misconduct.rules.regime import determine_regime, regime_cache_clear, span_bounds
from misconduct.rules.vocabulary import Finding, Forum, Rank


def _days() -> list[date]:
    """Every boundary date and its neighbours, and a spread of ordinary days, 2011 to 2028."""
    rng = random.Random(10)
    out = {
        d
        for b in span_bounds(default_catalogue())
        for d in (b - timedelta(days=1), b, b + timedelta(days=1))
        if date(2011, 1, 1) <= d <= date(2028, 12, 31)
    }
    out |= {date(2011, 1, 1) + timedelta(days=rng.randrange(0, 6500)) for _ in range(150)}
    return sorted(out)


def _full_regime(came_to_attention: date, linked: bool) -> regime.RegimeDecision:
    return regime._decide_fully(
        came_to_attention, linked, None, None, None, None, default_catalogue()
    )


def _outcome(q: OutcomeQuestion, *, full: bool) -> Any:
    try:
        if full:
            decision = _full_regime(q.came_to_attention, q.linked_to_pre_commencement_allegation)
            answer = outcomes._evaluate(q, decision, default_catalogue())[0]
        else:
            answer = lawful_outcomes(q)
    except MisconductError as error:
        return ("refused", type(error).__name__, str(error))
    return answer.as_dict(), answer


@pytest.mark.parametrize("linked", [False, True])
def test_regime_from_template_is_the_full_decision(linked: bool) -> None:
    regime_cache_clear()
    decided = 0
    for day in _days():
        try:
            full = _full_regime(day, linked)
        except MisconductError as error:
            with pytest.raises(type(error)):
                determine_regime(day, linked_to_pre_commencement_allegation=linked)
            continue
        made = determine_regime(day, linked_to_pre_commencement_allegation=linked)
        assert made == full
        assert made.trace.as_list() == full.trace.as_list()
        decided += 1
    assert decided > 100
    assert len(regime._TEMPLATES) < decided


def test_answer_from_template_is_the_full_answer() -> None:
    rng = random.Random(4)
    days = _days()
    regime_cache_clear()
    outcomes._TEMPLATES.clear()
    checked = 0
    for _ in range(3000):
        came = rng.choice(days)
        assessed = came + timedelta(days=rng.choice([0, 1, 30, 400, 900]))
        decided = assessed + timedelta(days=rng.choice([0, 1, 60, 700, 1500]))
        q = OutcomeQuestion(
            forum=rng.choice(list(Forum)),
            finding=rng.choice(list(Finding)),
            came_to_attention=came,
            severity_assessment_on=assessed,
            decided_on=decided,
            rank=rng.choice([Rank.CONSTABLE, Rank.SERGEANT, Rank.INSPECTOR]),
            former_officer=rng.random() < 0.2,
            fww_in_force=rng.random() < 0.25,
            ww_in_force=rng.random() < 0.25,
            previously_reduced_in_rank=rng.random() < 0.15,
            unconnected_incidents=rng.random() < 0.2,
            convicted_indictable_only=rng.random() < 0.15,
            linked_to_pre_commencement_allegation=rng.random() < 0.2,
        )
        made, full = _outcome(q, full=False), _outcome(q, full=True)
        if made[0] == "refused":
            assert made == full
            continue
        assert made[0] == full[0]
        assert made[1] == full[1]  # the answers' fields, the question and the regime included
        assert [e.on for e in made[1].trace.entries] == [e.on for e in full[1].trace.entries]
        checked += 1
    assert checked > 1000  # most questions are answered, so the templates were used
    assert len(outcomes._TEMPLATES) < checked
