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
    runs = [_run(s) for s in SCENARIOS]
    cells = {(a.seriousness.culpability, a.seriousness.harm) for a in runs if a.facts.culpability}
    assert cells == {(c, h) for c in Level for h in Level}
    floors = {c.id for c in default_factors().categories.values() if c.floor}
    assert floors <= {a.floor.id for a in runs if a.floor}
    attention = {a.facts.allegation.came_to_attention for a in runs}
    assert {date(2025, 5, 27), date(2025, 5, 28)} <= attention
