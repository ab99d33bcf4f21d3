"""Runs the engine's lawyer-readable scenarios (src/misconduct/assessment/scenarios/*.yaml)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from misconduct.assessment.engine import Assessment, assess
from misconduct.assessment.factors import Level, default_factors
from misconduct.assessment.facts import parse_facts

SCENARIO_DIR = Path(__file__).parents[2] / "src" / "misconduct" / "assessment" / "scenarios"
SCENARIOS: list[dict[str, Any]] = [
    s for path in sorted(SCENARIO_DIR.glob("*.yaml")) for s in yaml.safe_load(path.read_text())
]
EXPECTED_KEYS = {"regime", "culpability", "harm", "overall", "floor", "indicated"}


def _run(scenario: dict[str, Any]) -> Assessment:
    facts = parse_facts(scenario["facts"])
    as_at = scenario["as_at"]
    assert isinstance(as_at, date)
    facts = replace(facts, proceedings=replace(facts.proceedings, hearing_on=as_at))
    return assess(facts)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_scenario(scenario: dict[str, Any]) -> None:
    assert set(scenario) == {"name", "as_at", "facts", "expected"}
    expected = scenario["expected"]
    assert set(expected) <= EXPECTED_KEYS
    a = _run(scenario)
    actual = {
        "regime": a.answer.regime.regime.value,
        "culpability": a.seriousness.culpability.value,
        "harm": a.seriousness.harm.value,
        "overall": a.seriousness.label,
        "floor": a.floor.id if a.floor else None,
        "indicated": [o.value for o in a.indicated],
    }
    assert {k: actual[k] for k in expected} == expected


def test_every_matrix_cell_floor_and_the_2025_boundary_has_a_scenario() -> None:
    # Only scenarios that pin the outcome count: one that sets levels but expects nothing covers nothing.
    runs = [(s, _run(s)) for s in SCENARIOS if "indicated" in s["expected"]]
    cells = {
        (a.seriousness.culpability, a.seriousness.harm)
        for s, a in runs
        if a.facts.culpability and "overall" in s["expected"]
    }
    missing_cells = {(c, h) for c in Level for h in Level} - cells
    assert not missing_cells, f"matrix cells without a scenario: {missing_cells}"
    floors = {c.id for c in default_factors().categories.values() if c.floor}
    missing_floors = floors - {s["expected"].get("floor") for s, _ in runs}
    assert not missing_floors, f"floors without a scenario expecting them: {missing_floors}"
    gross = [a for _, a in runs if a.facts.proceedings.finding.value == "gross_misconduct"]
    before = [a for a in gross if a.facts.allegation.came_to_attention == date(2025, 5, 27)]
    presumed = [
        a
        for a in gross
        if a.facts.allegation.came_to_attention == date(2025, 5, 28)
        and not a.facts.exceptional_circumstances
    ]
    excepted = [
        a
        for a in gross
        if a.facts.allegation.came_to_attention >= date(2025, 5, 28)
        and a.facts.exceptional_circumstances
    ]
    assert before and presumed and excepted, (
        "the 2025 boundary needs gross misconduct the day before, on 28 May without exceptional "
        "circumstances, and from 28 May with them"
    )
