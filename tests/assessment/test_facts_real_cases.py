"""Facts that fit real cases: several allegations, factors found absent, assumed dates, context
factors; and every facts file already written keeps loading unchanged."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from misconduct.assessment.engine import assess
from misconduct.assessment.facts import load_facts, parse_facts
from misconduct.errors import InvalidInput
from misconduct.rules.vocabulary import Finding, Outcome
from tests.assessment.builders import facts_doc

ROOT = Path(__file__).parents[2]
FACTS_FILES = sorted(
    [*(ROOT / "examples").glob("*.toml"), *(ROOT / "eval" / "cases").glob("*.toml")]
)
SCENARIOS = ROOT / "src" / "misconduct" / "assessment" / "scenarios" / "engine.yaml"


@pytest.mark.parametrize("path", FACTS_FILES, ids=lambda p: p.name)
def test_every_existing_facts_file_loads_unchanged(path: Path) -> None:
    facts = load_facts(path)
    assert facts.allegations == () and facts.absent == () and facts.assumptions == ()
    assert assess(facts).indicated


def test_every_corpus_file_loads_once_its_source_and_truth_are_taken_off() -> None:
    corpus = sorted((ROOT / "eval" / "corpus").glob("*.toml"))
    for path in corpus:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        raw.pop("source", None)
        truth = raw.pop("truth")
        assert Outcome.parse(str(truth["outcome"]), field="truth.outcome")
        assert assess(parse_facts(raw)).indicated, path.name


def test_every_scenario_facts_document_loads() -> None:
    scenarios = yaml.safe_load(SCENARIOS.read_text(encoding="utf-8"))
    assert scenarios
    for sc in scenarios:
        assert parse_facts(sc["facts"]).proceedings.finding is not Finding.NO_MISCONDUCT


def _several(**proceedings: Any) -> dict[str, Any]:
    doc = facts_doc()
    doc["allegations"] = [
        {"summary": "Drove while over the limit.", "finding": "gross_misconduct",
         "standards": ["discreditable_conduct"]},
        {"summary": "Did not report the arrest.", "finding": "misconduct",
         "standards": ["duties_and_responsibilities"]},
        {"summary": "Lied to the arresting officers.", "finding": "not_proven"},
    ]  # fmt: skip
    del doc["proceedings"]["finding"]
    doc["proceedings"].update(proceedings)
    return doc


def test_several_allegations_each_with_its_finding_give_the_case_its_most_serious_finding() -> None:
    facts = parse_facts(_several())
    assert facts.proceedings.finding is Finding.GROSS_MISCONDUCT
    assert [a.proven for a in facts.allegations] == [True, True, False]
    assert facts.allegations[1].standards == ("duties_and_responsibilities",)


def test_several_proven_allegations_count_as_the_aggravating_factor_once() -> None:
    a = assess(parse_facts(_several()))
    assert [f.factor.id for f in a.seriousness.aggravating] == ["multiple_allegations_or_victims"]
    assert "2 allegations proven" in a.seriousness.aggravating[0].note


def test_a_case_finding_that_disagrees_with_its_allegations_is_refused() -> None:
    with pytest.raises(InvalidInput) as err:
        parse_facts(_several(finding="misconduct"))
    assert err.value.field == "proceedings.finding"
    assert "gross_misconduct" in err.value.expected


def test_allegations_none_of_them_proven_are_refused_naming_the_list() -> None:
    doc = _several()
    for a in doc["allegations"]:
        a["finding"] = "not_proven"
    with pytest.raises(InvalidInput) as err:
        parse_facts(doc)
    assert err.value.field == "allegations"


def test_an_allegation_with_an_unknown_finding_is_named() -> None:
    doc = _several()
    doc["allegations"][1]["finding"] = "proven"
    with pytest.raises(InvalidInput) as err:
        parse_facts(doc)
    assert err.value.field == "allegations[1].finding"


def test_a_factor_found_absent_removes_its_special_category_and_is_given_as_a_reason() -> None:
    doc = facts_doc(["intentional_or_deliberate"])
    doc["absent"] = [{"id": "violence_against_women_and_girls", "note": "not predatory"}]
    a = assess(parse_facts(doc))
    assert a.seriousness.categories == ()
    texts = [r.text for r in a.stages[0].reasons]
    assert any("Found absent" in t and "not predatory" in t for t in texts)


def test_a_factor_both_found_and_absent_is_refused() -> None:
    doc = facts_doc(["reckless"])
    doc["absent"] = [{"id": "reckless"}]
    with pytest.raises(InvalidInput) as err:
        parse_facts(doc)
    assert err.value.field == "absent[0].id"


def test_an_assumed_date_is_stated_as_a_warning_with_its_reason() -> None:
    doc = facts_doc()
    doc["assumptions"] = [
        {"field": "allegation.came_to_attention", "reason": "the source gives only the year"}
    ]
    a = assess(parse_facts(doc))
    assert any("Assumed date" in w and "only the year" in w for w in a.warnings)


def test_an_assumption_about_a_date_the_file_does_not_give_is_refused() -> None:
    doc = facts_doc()
    del doc["allegation"]["conduct_from"]
    doc["assumptions"] = [{"field": "allegation.conduct_from", "reason": "x"}]
    with pytest.raises(InvalidInput) as err:
        parse_facts(doc)
    assert err.value.field == "assumptions[0].field"


def test_new_catalogue_entries_carry_their_reference_and_status() -> None:
    from misconduct.assessment.factors import Stage, default_factors

    cat = default_factors()
    stages = {
        "delay_in_proceedings": Stage.PERSONAL_MITIGATION,
        "criminal_caution": Stage.AGGRAVATING,
        "loss_of_confidence_at_rank": Stage.CONTEXT,
        "harm_to_integrity_of_evidence": Stage.HARM,
        "resigned_after_decision": Stage.CONTEXT,
    }
    for fid, stage in stages.items():
        f = cat.get(fid)
        assert f.stage is stage and f.citation.instrument and f.citation.status.value


def test_loss_of_confidence_at_rank_opens_reduction_in_rank_for_a_sergeant() -> None:
    doc = facts_doc(["reckless", "harm_to_individual"], officer={"rank": "sergeant"})
    without = assess(parse_facts(doc))
    doc["factors"].append({"id": "loss_of_confidence_at_rank"})
    with_it = assess(parse_facts(doc))
    assert Outcome.REDUCTION_IN_RANK not in without.indicated
    assert Outcome.REDUCTION_IN_RANK in with_it.indicated


def test_context_factors_move_neither_seriousness_nor_outcome() -> None:
    doc = facts_doc(["reckless"])
    before = assess(parse_facts(doc))
    doc["factors"].append({"id": "resigned_after_decision"})
    after = assess(parse_facts(doc))
    assert after.seriousness.points == before.seriousness.points
    assert after.indicated == before.indicated


def test_an_allegation_conduct_end_before_its_start_is_refused() -> None:
    doc = _several()
    doc["allegations"][0]["conduct_from"] = date(2024, 5, 1)
    doc["allegations"][0]["conduct_to"] = date(2024, 4, 1)
    with pytest.raises(InvalidInput) as err:
        parse_facts(doc)
    assert err.value.field == "allegations[0].conduct_to"
