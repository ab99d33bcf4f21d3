"""Properties of the engine over generated cases (hypothesis)."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from misconduct.assessment.engine import _floor_severity, assess
from misconduct.assessment.factors import Stage, default_factors
from misconduct.assessment.facts import Facts, FoundFactor
from misconduct.rules.vocabulary import Forum, Outcome
from tests.assessment.builders import make_facts

CAT = default_factors()
SERIOUSNESS_IDS = sorted(
    f.id
    for f in CAT
    if f.stage in (Stage.CULPABILITY, Stage.HARM, Stage.AGGRAVATING, Stage.MITIGATING)
)
AGGRAVATING = sorted(f.id for f in CAT.by_stage(Stage.AGGRAVATING))
PERSONAL = sorted(f.id for f in CAT.by_stage(Stage.PERSONAL_MITIGATION))
RANKS = ["constable", "sergeant", "inspector", "superintendent"]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FORUM_FINDING = st.sampled_from(
    [
        ("misconduct_meeting", "misconduct"),
        ("misconduct_hearing", "misconduct"),
        ("misconduct_hearing", "gross_misconduct"),
        ("accelerated_misconduct_hearing", "gross_misconduct"),
    ]
)
ATTENTION = st.sampled_from([date(2019, 6, 1), date(2024, 6, 1), date(2025, 6, 2)])


@st.composite
def cases(draw: Any) -> Facts:
    forum, finding = draw(FORUM_FINDING)
    came = draw(ATTENTION)
    return make_facts(
        draw(st.lists(st.sampled_from(SERIOUSNESS_IDS), unique=True, max_size=8)),
        draw(st.lists(st.sampled_from(PERSONAL), unique=True, max_size=4)),
        officer={"rank": draw(st.sampled_from(RANKS)), "status": "serving"},
        allegation={"came_to_attention": came, "conduct_from": came, "conduct_to": came},
        proceedings={
            "forum": forum,
            "finding": finding,
            "severity_assessment_on": came,
            "hearing_on": date(came.year + 1, 1, 15),
        },
    )


@SETTINGS
@given(cases())
def test_the_indication_is_always_within_the_lawful_outcomes(facts: Facts) -> None:
    a = assess(facts)
    assert set(a.indicated) <= set(a.available)
    assert bool(a.indicated) == bool(a.available)


@SETTINGS
@given(cases(), st.sampled_from(AGGRAVATING))
def test_more_aggravation_never_lowers_seriousness(facts: Facts, extra: str) -> None:
    before = assess(facts).seriousness.points
    after = assess(facts.with_factor(FoundFactor(CAT.get(extra)))).seriousness.points
    assert after >= before


@SETTINGS
@given(cases(), st.sampled_from(AGGRAVATING))
def test_adding_an_aggravating_factor_never_makes_the_most_likely_outcome_less_severe(
    facts: Facts, extra: str
) -> None:
    before = assess(facts).most_likely
    after = assess(facts.with_factor(FoundFactor(CAT.get(extra)))).most_likely
    if before is not None and after is not None:
        assert after.severity >= before.severity


@SETTINGS
@given(cases())
def test_removing_a_mitigating_factor_never_makes_the_most_likely_outcome_less_severe(
    facts: Facts,
) -> None:
    before = assess(facts).most_likely
    for found in facts.factors:
        if found.factor.stage is Stage.MITIGATING:
            after = assess(facts.without_factor(found.factor.id)).most_likely
            if before is not None and after is not None:
                assert after.severity >= before.severity


@SETTINGS
@given(cases(), st.lists(st.sampled_from(PERSONAL), unique=True, min_size=1))
def test_personal_mitigation_never_goes_below_a_floor_and_opens_at_most_one_less_severe_outcome(
    facts: Facts, personal: list[str]
) -> None:
    from dataclasses import replace

    mitigated = replace(facts, personal_mitigation=tuple(FoundFactor(CAT.get(p)) for p in personal))
    a = assess(mitigated)
    if a.floor is not None and a.floor.floor is not None:
        reachable = [o for o in a.available if _floor_severity(o) >= _floor_severity(a.floor.floor)]
        if reachable:
            assert all(_floor_severity(o) >= _floor_severity(a.floor.floor) for o in a.indicated)
    before = set(assess(replace(facts, personal_mitigation=())).indicated)
    # Dismissal with notice (2012) is indicated only beside dismissal without notice, with mitigation.
    notice = Outcome.DISMISSAL_WITH_NOTICE
    if notice in a.indicated:
        assert Outcome.DISMISSAL_WITHOUT_NOTICE in a.indicated
        assert a.indicated.index(notice) > a.indicated.index(Outcome.DISMISSAL_WITHOUT_NOTICE)
    opened = set(a.indicated) - before - {notice}
    assert before <= set(a.indicated)
    if facts.proceedings.forum is Forum.ACCELERATED_MISCONDUCT_HEARING and opened:
        # Its own rule (reg 49(2)(b)): dismissal stays first, and enough personal mitigation keeps
        # beside it the lesser outcomes that a misconduct hearing on the same facts would indicate.
        at_hearing = assess(
            replace(
                mitigated,
                proceedings=replace(facts.proceedings, forum=Forum.MISCONDUCT_HEARING),
            )
        )
        assert a.indicated[0].is_dismissal
        assert all(not o.is_dismissal and o in at_hearing.indicated for o in opened)
        return
    assert len(opened) <= 1
    for o in opened:  # only the next less severe lawful outcome, never a dismissal, never first
        assert not o.is_dismissal and all(o.severity < b.severity for b in before)
        assert a.indicated[-1] is o


def _floor_binds(facts: Facts) -> bool:
    a = assess(facts)
    if a.floor is None or a.floor.floor is None:
        return False
    return any(_floor_severity(o) < _floor_severity(a.floor.floor) for o in a.available)


def test_the_generator_reaches_the_cases_the_properties_are_about() -> None:
    # Guards against vacuous properties: the strategy must produce a floor that excludes a lawful
    # outcome, a mitigating factor to remove, and two indicated outcomes whose order can change.
    quick = settings(max_examples=2000, deadline=None, database=None)
    assert _floor_binds(find(cases(), _floor_binds, settings=quick))
    find(
        cases(),
        lambda f: any(x.factor.stage is Stage.MITIGATING for x in f.factors),
        settings=quick,
    )
    find(cases(), lambda f: len(assess(f).indicated) > 1, settings=quick)
