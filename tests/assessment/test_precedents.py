"""Precedents: the shipped library reruns through the engine; similarity ranks and explains."""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from misconduct.assessment.engine import assess
from misconduct.assessment.factors import Level
from misconduct.assessment.facts import load_facts, parse_facts
from misconduct.assessment.precedents import (
    LIBRARY_PATH,
    WEIGHTS,
    Profile,
    default_library,
    explain,
    load_library,
    score,
    similar,
)
from misconduct.errors import RuleDataError
from misconduct.rules.datafile import read_yaml_list
from misconduct.rules.vocabulary import Finding, Forum
from tests.assessment.builders import make_facts

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared" / "cases" / "real_outcomes_dev.jsonl"


def test_the_library_loads_and_every_entry_is_the_engine_on_its_own_facts() -> None:
    library = default_library()
    raw = read_yaml_list(LIBRARY_PATH)
    assert len(library) == len(raw) >= 20
    for p, entry in zip(library, raw, strict=True):
        assert p.id == entry["id"]
        assert p.profile == Profile.of(assess(parse_facts(entry["facts"])))
        assert (
            p.provenance.url.startswith(("https://", "http://"))
            and p.provenance.licence
            and p.force
        )


def test_the_library_has_one_entry_per_eval_facts_file_under_a_neutral_id() -> None:
    library = default_library()
    files = [*(ROOT / "eval" / "cases").glob("*.toml"), *(ROOT / "eval" / "corpus").glob("*.toml")]
    assert len(library) == len(files)
    assert len({p.id for p in library}) == len(library)
    for p in library:
        # force, year (or "undated"), number: no officer's name travels with a precedent
        assert re.fullmatch(r"[a-z-]+-(\d{4}|undated)-\d+", p.id), p.id


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/cases not present")
def test_the_library_is_what_the_generator_writes_and_names_no_officer() -> None:
    spec = importlib.util.spec_from_file_location("build", ROOT / "eval" / "build_precedents.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert LIBRARY_PATH.read_text(encoding="utf-8") == build.render(build.all_entries())
    records = [json.loads(line) for line in SHARED.read_text(encoding="utf-8").splitlines() if line]
    surnames = {
        part.split()[-1]
        for r in records
        if r["truth"].get("officer_named") and r["truth"].get("officer_name")
        for part in re.split(r"[,;]", r["truth"]["officer_name"])
    }
    assert {"Wilson", "Coleman", "Flanagan"} <= surnames
    for entry in read_yaml_list(LIBRARY_PATH):
        stored = json.dumps(
            {k: v for k, v in entry.items() if k not in ("id", "source_url")}, default=str
        )
        assert not [n for n in surnames if re.search(rf"\b{n}\b", stored)], entry["id"]


def test_a_broken_entry_is_refused_naming_it(tmp_path: Path) -> None:
    entry = read_yaml_list(LIBRARY_PATH)[0]
    bad = tmp_path / "precedents.yaml"
    bad.write_text(
        f"- {json.dumps({**entry, 'outcome': 'caution', 'facts': {}}, default=str)}\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleDataError, match=rf"precedents.yaml\[0\]\({entry['id']}\).outcome"):
        load_library(bad)


def test_the_canonical_cases_nearest_precedents_are_gross_misconduct_sharing_its_categories() -> (
    None
):
    c = similar(load_facts(EXAMPLES / "canonical_case.toml"), limit=3)
    assert len(c.matches) == 3 and c.library_size == len(default_library())
    for m in c.matches:
        assert m.precedent.finding is Finding.GROSS_MISCONDUCT and m.same_finding
        assert m.precedent.profile.categories & c.subject.categories
    top = c.matches[0]
    assert {
        "on_duty_or_police_equipment",
        "conduct_over_period",
    } <= top.precedent.profile.categories
    assert any("on-duty conduct" in line for line in top.alike)
    assert sum(n for _, n in c.spread) == 3


def test_a_likely_severe_category_case_finds_mostly_dismissals() -> None:
    c = similar(load_facts(EXAMPLES / "tc02_warrant_card_lone_woman.toml"), limit=3)
    for m in c.matches:
        assert m.precedent.profile.categories & {"abuse_of_position_sexual_purpose", "vawg"}
    assert c.spread[0][0].is_dismissal


def test_the_same_finding_level_comes_first() -> None:
    meeting = make_facts(
        ["abuse_of_position_or_trust"],
        proceedings={"forum": "misconduct_meeting", "finding": "misconduct"},
    )
    c = similar(meeting, limit=len(default_library()))
    firsts = [m.same_finding for m in c.matches]
    assert firsts[0] and firsts == sorted(firsts, reverse=True)
    assert not c.matches[0].precedent.outcome.is_dismissal
    assert any(
        "finding: misconduct here, gross misconduct there" in d for d in c.matches[-1].differs
    )


def test_ranking_is_deterministic_whatever_the_library_order() -> None:
    facts = load_facts(EXAMPLES / "canonical_case.toml")
    library = default_library()
    forward = similar(facts, library, limit=10)
    backward = similar(facts, tuple(reversed(library)), limit=10)
    assert [m.precedent.id for m in forward.matches] == [m.precedent.id for m in backward.matches]
    assert forward == similar(facts, library, limit=10)
    scores = [m.score for m in forward.matches if m.same_finding]
    assert scores == sorted(scores, reverse=True)


def test_a_profile_is_wholly_like_itself_and_the_score_is_symmetric() -> None:
    a = Profile.of(assess(load_facts(EXAMPLES / "canonical_case.toml")))
    b = default_library()[0].profile
    assert score(a, a) == pytest.approx(1.0)
    assert score(a, b) == pytest.approx(score(b, a))
    assert 0.0 <= score(a, b) < 1.0
    assert set(WEIGHTS) == {"categories", "factors", "seriousness", "culpability", "harm", "forum"}


def test_explanations_name_the_real_differences() -> None:
    here = Profile.of(assess(load_facts(EXAMPLES / "canonical_case.toml")))
    there = replace(
        here,
        forum=Forum.ACCELERATED_MISCONDUCT_HEARING,
        culpability=Level.MEDIUM,
        points=here.points + 2,
        label="very serious",
        categories=here.categories - {"conduct_over_period"} | {"vawg"},
        factors=here.factors - {"open_admissions"},
    )
    alike, differs = explain(here, there)
    assert "both gross misconduct" in alike
    assert f"harm {here.harm.value} in both" in alike
    assert "forum: misconduct hearing here, accelerated misconduct hearing there" in differs
    assert "culpability: high here, medium there" in differs
    assert "seriousness: serious (4) here, very serious (6) there" in differs
    assert "categories only here: conduct over a period of time" in differs
    assert "categories only there: violence against women and girls" in differs
    assert "factors only here: open admissions" in differs
    assert not any("factors only there" in d for d in differs)


def test_a_stored_assessment_gives_the_same_profile_as_the_engine() -> None:
    a = assess(load_facts(EXAMPLES / "canonical_case.toml"))
    stored = a.as_dict()
    p = a.facts.proceedings
    assert Profile.from_stored(stored, p.finding, p.forum) == Profile.of(a)
    older = {**stored}
    del older["factors"]
    partial = Profile.from_stored(older, p.finding, p.forum)
    assert partial.factors == frozenset(
        stored["seriousness"]["aggravating"] + stored["seriousness"]["mitigating"]
    )


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        similar(load_facts(EXAMPLES / "canonical_case.toml"), limit=0)
