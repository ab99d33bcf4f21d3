"""Every YAML scenario runs; every provision is exercised; every in-force date has both sides covered."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from misconduct.rules.catalogue import default_catalogue
from misconduct.rules.scenarios import Scenario, ScenarioResult, load_scenarios, run_scenario

SCENARIOS = load_scenarios()
RESULTS: dict[str, ScenarioResult] = {}


def _result(s: Scenario) -> ScenarioResult:
    if s.source not in RESULTS:
        RESULTS[s.source] = run_scenario(s)
    return RESULTS[s.source]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_scenario_gives_the_expected_answer(scenario: Scenario) -> None:
    actual = _result(scenario).actual
    assert scenario.expected, f"{scenario.source} asserts nothing"
    for key, want in scenario.expected.items():
        got: Any = actual.get(key, "<absent>")
        if key == "citation" and "error" in scenario.expected:
            assert want in got, f"{scenario.name}: citation {got!r} lacks {want!r}"
        else:
            assert got == want, f"{scenario.name}: {key} = {got!r}, expected {want!r}; {actual}"


def _touched() -> list[tuple[str, date]]:
    out: list[tuple[str, date]] = []
    for s in SCENARIOS:
        out.extend(_result(s).touched)
    return out


def test_every_provision_is_exercised_by_a_scenario() -> None:
    touched = {pid for pid, _ in _touched()}
    missing = [p.id for p in default_catalogue() if p.id not in touched]
    assert not missing, f"provisions with no scenario: {missing}"


def test_every_in_force_date_has_a_scenario_on_each_side() -> None:
    touched = _touched()
    boundaries: dict[date, set[str]] = {}
    for p in default_catalogue():
        for d in p.boundaries:
            boundaries.setdefault(d, set()).add(p.id)
    problems = []
    for d, pids in sorted(boundaries.items()):
        before = any(pid in pids and on < d for pid, on in touched)
        after = any(pid in pids and on >= d for pid, on in touched)
        if not (before and after):
            problems.append(f"{d}: before={before} after={after} ({sorted(pids)[:3]}…)")
    assert not problems, "in-force dates without a scenario on both sides:\n" + "\n".join(problems)
