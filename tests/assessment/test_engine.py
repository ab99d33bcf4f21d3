from __future__ import annotations

from datetime import date
from pathlib import Path

from misconduct.assessment.engine import ENGINE_NOTE, Assessment, assess
from misconduct.assessment.facts import Facts, load_facts
from misconduct.assessment.guidance import Guidance, default_guidance, load_guidance
from misconduct.errors import MisconductError
from misconduct.rules.vocabulary import Outcome
from tests.assessment.builders import AFTER_2025, canonical, make_facts

EXAMPLES = Path(__file__).parents[2] / "examples"
FWW, DWN = Outcome.FINAL_WRITTEN_WARNING, Outcome.DISMISSAL_WITHOUT_NOTICE
OLD_RULES = {  # dates that put a case under the 2012 Regulations
    "allegation": {
        "came_to_attention": date(2019, 2, 1),
        "conduct_from": date(2018, 1, 25),
        "conduct_to": date(2019, 1, 20),
    },
    "proceedings": {"severity_assessment_on": date(2019, 2, 10), "hearing_on": date(2019, 7, 1)},
}
HIGH_HIGH = ["intentional_or_deliberate", "serious_damage_to_public_confidence"]


def _at_meeting(factors: list[str], guidance: Guidance | None = None) -> Assessment:
    facts = make_facts(
        factors, proceedings={"forum": "misconduct_meeting", "finding": "misconduct"}
    )
    return assess(facts, guidance=guidance)


def test_the_canonical_case_indicates_both_a_final_written_warning_and_dismissal() -> None:
    d = assess(load_facts(EXAMPLES / "canonical_case.toml")).as_dict()
    assert d["regime"] == "conduct_regs_2020"
    assert d["available_outcomes"] == ["final_written_warning", "dismissal_without_notice"]
    assert d["seriousness"]["culpability"] == "high"
    assert d["seriousness"]["harm"] == "low"
    assert set(d["seriousness"]["aggravating"]) == {
        "conduct_over_period",
        "on_duty_or_in_uniform",
        "misuse_of_police_equipment_or_systems",
    }
    assert set(d["seriousness"]["mitigating"]) == {
        "those_affected_consented",
        "conduct_not_criminal",
        "open_admissions",
    }
    assert set(d["indicated_outcomes"]) == {"final_written_warning", "dismissal_without_notice"}
    assert "can be met without dismissal" in d["what_separates_them"]


def test_the_canonical_case_puts_the_final_written_warning_first_on_its_mitigation() -> None:
    a = assess(canonical())
    assert a.most_likely is FWW
    assert a.fww is not None and (a.fww.min_months, a.fww.max_months) == (24, 60)
    assert a.fww.suggested == 24


def test_the_canonical_case_dated_june_2025_indicates_dismissal_alone() -> None:
    a = assess(canonical(**AFTER_2025))
    assert a.answer.regime.regime.value == "conduct_regs_2020_amended_2025"
    assert a.indicated == (DWN,)
    assert any(r.id == "exceptional_circumstances" for r in a.answer.requirements_for(FWW))
    verdicts = {c.outcome: c.verdict for c in a.considered}
    assert verdicts[FWW] == "needs exceptional circumstances"


def test_recorded_exceptional_circumstances_keep_the_guidance_indication_beside_dismissal() -> None:
    a = assess(canonical(exceptional_circumstances="unique facts", **AFTER_2025))
    assert set(a.indicated) == {FWW, DWN}


def test_every_reason_in_every_stage_carries_a_citation_with_a_status() -> None:
    d = assess(canonical()).as_dict()
    assert [s["id"] for s in d["stages"]] == ["seriousness", "outcome", "personal_mitigation"]
    for stage in d["stages"]:
        assert stage["reasons"]
        for reason in stage["reasons"]:
            assert reason["citation"]["instrument"]
            assert reason["citation"]["status"] in {"verified", "secondary", "unverified"}


def test_the_lawful_outcomes_reason_cites_the_provisions_applied_with_the_weakest_status() -> None:
    reasons = assess(canonical()).stages[1].reasons
    lawful = next(r for r in reasons if r.text.startswith("Outcomes lawfully open"))
    assert "reg 42(3)(b)" in lawful.citation.instrument
    # a constable has no lower rank: an inference, so the reason cannot claim "verified"
    assert "inference" in lawful.citation.instrument
    assert lawful.citation.status.value == "unverified"


def test_the_output_says_the_engine_supports_and_does_not_replace_the_chair() -> None:
    d = assess(canonical()).as_dict()
    assert d["note"] == ENGINE_NOTE
    assert "does not replace" in d["note"]


def test_operational_dishonesty_indicates_dismissal_whatever_the_personal_mitigation() -> None:
    a = assess(
        make_facts(
            ["operational_dishonesty", "limited_damage_to_public_confidence", "open_admissions"],
            ["remorse_and_apology", "good_record", "testimonials"],
            officer={"rank": "sergeant"},
        )
    )
    assert a.indicated == (DWN,)
    assert a.floor is not None and a.floor.id == "operational_dishonesty"


def test_a_meeting_caps_the_indication_at_a_final_written_warning_of_two_years() -> None:
    a = _at_meeting(HIGH_HIGH)
    # Nothing above a final written warning, which comes first; the written warning stays beside
    # it because the referral to a meeting is the authority's judgement that this is misconduct.
    assert a.indicated == (FWW, Outcome.WRITTEN_WARNING)
    assert a.fww is not None and a.fww.min_months == a.fww.max_months == 24 == a.fww.suggested
    assert any("most severe open at this forum" in w for w in a.warnings)
    ww = next(c for c in a.considered if c.outcome is Outcome.WRITTEN_WARNING)
    assert ww.verdict == "indicated at a meeting" and "not gross misconduct" in ww.reason


def test_a_meeting_below_the_gross_misconduct_minimum_is_not_widened() -> None:
    a = _at_meeting(["careless_or_unintended", "limited_damage_to_public_confidence"])
    assert a.indicated == (Outcome.WRITTEN_WARNING,)
    assert all(c.verdict != "indicated at a meeting" for c in a.considered)


def test_without_lesser_beside_a_meeting_at_the_ceiling_indicates_the_final_warning_alone() -> None:
    from dataclasses import replace

    g = default_guidance()
    block = g.blocks["misconduct_meeting"]
    values = {**block.values, "lesser_beside": False}
    narrow = replace(g, blocks={**g.blocks, "misconduct_meeting": replace(block, values=values)})
    assert _at_meeting(HIGH_HIGH, narrow).indicated == (FWW,)


def test_personal_mitigation_opens_a_lesser_outcome_only_beside_dismissal_alone() -> None:
    very_serious = {
        "culpability": {"level": "high", "reason": "x"},
        "harm": {"level": "medium", "reason": "x"},
    }
    vawg = assess(
        make_facts(["violence_against_women_and_girls"], ["remorse_and_apology"], **very_serious)
    )
    assert vawg.indicated == (DWN, FWW)  # dismissal alone without it: mitigation opens the warning
    # What separates them names both ends, whichever comes first.
    assert vawg.separation is not None
    assert "final written warning can meet" in vawg.separation
    assert "calls for dismissal without notice" in vawg.separation
    opened = next(c for c in vawg.considered if c.outcome is FWW)
    assert opened.verdict == "opened by personal mitigation"
    plain = assess(
        make_facts([], ["remorse_and_apology", "good_record"], **very_serious, **OLD_RULES)
    )
    # A written warning is lawful below it under the 2012 Regulations, but the final written warning
    # is already indicated: mitigation works within the range and opens nothing.
    assert FWW in plain.indicated and Outcome.WRITTEN_WARNING in plain.available
    assert Outcome.WRITTEN_WARNING not in plain.indicated
    assert all(c.verdict != "opened by personal mitigation" for c in plain.considered)


def test_a_final_written_warning_in_force_counts_as_aggravating_and_bars_a_further_warning() -> (
    None
):
    a = assess(
        make_facts(
            ["careless_or_unintended", "limited_damage_to_public_confidence"],
            officer={
                "rank": "constable",
                "warnings": [
                    {"kind": "final_written_warning", "notified_on": date(2024, 3, 1), "months": 24}
                ],
            },
            allegation={"came_to_attention": date(2025, 11, 1)},
            proceedings={
                "finding": "misconduct",
                "severity_assessment_on": date(2025, 11, 10),
                "hearing_on": date(2026, 1, 10),
            },
        )
    )
    assert a.available == (DWN,)
    assert a.indicated == (DWN,)
    assert "previous_disciplinary_record" in [f.factor.id for f in a.seriousness.aggravating]


def test_no_culpability_or_harm_factor_takes_medium_and_warns_the_chair() -> None:
    a = assess(make_facts([]))
    assert (a.seriousness.culpability.value, a.seriousness.harm.value) == ("medium", "medium")
    assert any("the chair should assess culpability" in w for w in a.warnings)


def test_an_explicit_level_from_the_chair_overrides_the_factors_with_its_reason() -> None:
    a = assess(
        make_facts(
            ["knew_conduct_was_wrong"],
            harm={"level": "high", "reason": "a vulnerable person was frightened"},
            culpability={"level": "medium", "reason": "a lapse in a long career"},
        )
    )
    assert (a.seriousness.culpability.value, a.seriousness.harm.value) == ("medium", "high")
    assert any("a lapse in a long career" in r.text for r in a.stages[0].reasons)


def test_vawg_raises_a_chairs_medium_culpability_to_high_and_says_so() -> None:
    a = assess(
        make_facts(
            ["violence_against_women_and_girls"],
            culpability={"level": "medium", "reason": "x"},
        )
    )
    assert a.seriousness.culpability.value == "high"
    assert any("treated as at least high" in w for w in a.warnings)
    assert a.indicated == (DWN,)


def test_a_sergeant_with_leadership_failings_may_be_reduced_in_rank() -> None:
    a = assess(
        make_facts(
            [
                "reckless",
                "damage_to_public_confidence",
                "senior_rank_or_leadership",
                "premeditation",
            ],
            officer={"rank": "sergeant"},
        )
    )
    assert Outcome.REDUCTION_IN_RANK in a.indicated


def test_a_former_officer_with_gross_misconduct_would_have_been_dismissed() -> None:
    a = assess(
        make_facts(
            ["intentional_or_deliberate", "damage_to_public_confidence"],
            officer={"rank": "constable", "status": "former"},
        )
    )
    assert a.indicated == (Outcome.WOULD_HAVE_BEEN_DISMISSED,)


def test_late_personal_mitigation_counts_for_less() -> None:
    on_time = assess(canonical())
    late = assess(
        make_facts(
            sorted(canonical().factor_ids),
            ["remorse_and_apology", "insight_and_steps_taken"],
            late=frozenset({"remorse_and_apology", "insight_and_steps_taken"}),
        )
    )
    assert late.personal_mitigation_points < on_time.personal_mitigation_points
    assert any("raised late" in r.text for r in late.stages[2].reasons)


# ---- issue 12: the accelerated hearing's special conditions, likely-severe categories, 2012 bands


def _accelerated(personal: list[str] | None = None) -> Facts:
    return make_facts(
        ["intentional_or_deliberate"],
        personal,
        proceedings={"forum": "accelerated_misconduct_hearing"},
    )


def test_an_accelerated_hearing_puts_dismissal_first_and_alone_without_personal_mitigation() -> (
    None
):
    at_hearing = assess(make_facts(["intentional_or_deliberate"]))
    assert FWW in at_hearing.indicated and DWN in at_hearing.indicated
    a = assess(_accelerated())
    assert a.indicated == (DWN,)
    fww = next(c for c in a.considered if c.outcome is FWW)
    assert fww.verdict == "not indicated at an accelerated hearing"
    assert any("cease to serve" in r.text for s in a.stages for r in s.reasons)


def test_personal_mitigation_keeps_a_final_written_warning_beside_dismissal_at_an_accelerated_hearing() -> (
    None
):
    a = assess(_accelerated(["remorse_and_apology"]))
    assert a.indicated[0] is DWN and FWW in a.indicated


def test_a_likely_severe_category_keeps_lesser_outcomes_to_serious_conduct() -> None:
    very_serious = {
        "culpability": {"level": "high", "reason": "x"},
        "harm": {"level": "medium", "reason": "x"},
    }
    plain = assess(make_facts([], **very_serious))
    assert plain.seriousness.points == 5 and FWW in plain.indicated  # the band reaches 5
    vawg = assess(make_facts(["violence_against_women_and_girls"], **very_serious))
    assert vawg.seriousness.points == 5 and vawg.indicated == (DWN,)
    fww = next(c for c in vawg.considered if c.outcome is FWW)
    assert fww.verdict == "not sufficient"


def test_under_the_2012_regulations_a_final_written_warning_reaches_further() -> None:
    six = {
        "culpability": {"level": "high", "reason": "x"},
        "harm": {"level": "high", "reason": "x"},
    }
    a2012 = assess(make_facts([], **six, **OLD_RULES))
    a2020 = assess(make_facts([], **six))
    assert a2012.seriousness.points == a2020.seriousness.points == 6
    assert FWW in a2012.indicated and DWN in a2012.indicated
    assert a2020.indicated == (DWN,)


def test_kept_reasons_give_the_same_assessment_as_a_fresh_guidance() -> None:
    """Reasons kept in the guidance's tables (built for an earlier case) give the same assessment
    as a guidance that keeps nothing yet."""
    compared = 0
    for path in sorted(EXAMPLES.glob("*.toml")):
        try:
            facts = load_facts(path)
            warm = assess(facts)
        except MisconductError:
            continue  # a refused file has no assessment to compare
        again = assess(facts)  # the default guidance, its tables filled by the run before
        fresh = assess(facts, guidance=load_guidance())  # a new guidance: nothing kept yet
        assert warm.as_dict() == again.as_dict() == fresh.as_dict(), path.name
        assert warm.stages == fresh.stages, path.name
        compared += 1
    assert compared >= 10
