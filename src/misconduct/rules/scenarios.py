"""Scenarios a lawyer can read: YAML files of ``name``, ``as_at``, ``rule``, ``facts`` and ``expected``.

``as_at`` is the date the question is asked: the decision date for ``outcomes``, the date the time
limit runs from (for a notice, the day it was sent) for ``deadline``, the date a warning is tested on
for ``warning``, the date of the notice of referral for ``panel`` and the date of the standards for ``standards``. ``expected`` lists only what
the scenario asserts; ``expected.error`` names an error class and ``expected.citation`` part of its
citation. One parametrised test runs every scenario (tests/rules/test_scenarios.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

import yaml

from misconduct.errors import MisconductError, NotModelled, RuleDataError, RuleViolation
from misconduct.rules.deadlines import deadline
from misconduct.rules.outcomes import OutcomeQuestion, lawful_outcomes
from misconduct.rules.regime import (
    accelerated_hearing_conductor,
    determine_regime,
    panel_for_hearing,
)
from misconduct.rules.standards import standards_on
from misconduct.rules.trace import Trace
from misconduct.rules.vocabulary import Finding, Forum, Outcome, Rank
from misconduct.rules.warning import WarningRecord, expiry_trace

SCENARIO_DIR = Path(__file__).parent / "scenarios"
_KEYS = {"name", "as_at", "rule", "facts", "expected", "note"}


@dataclass(frozen=True)
class Scenario:
    name: str
    as_at: date
    rule: str
    facts: dict[str, Any]
    expected: dict[str, Any]
    source: str


@dataclass(frozen=True)
class ScenarioResult:
    actual: dict[str, Any]
    trace: list[dict[str, Any]]
    touched: list[tuple[str, date]]
    """(provision id, date used) for every provision the scenario exercised, errors included."""


def load_scenarios(directory: Path = SCENARIO_DIR) -> list[Scenario]:
    out: list[Scenario] = []
    for path in sorted(directory.glob("*.yaml")):
        for i, raw in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            where = f"{path.name}[{i}]"
            if (
                not isinstance(raw, dict)
                or set(raw) - _KEYS
                or not {"name", "as_at", "rule"} <= set(raw)
            ):
                raise RuleDataError(
                    f"{where}: a scenario needs name, as_at, rule (facts, expected)"
                )
            if raw["rule"] not in RUNNERS:
                raise RuleDataError(
                    f"{where}: unknown rule {raw['rule']!r}; known {sorted(RUNNERS)}"
                )
            as_at = raw["as_at"]
            if not isinstance(as_at, date):
                raise RuleDataError(f"{where}: as_at must be a date, received {as_at!r}")
            out.append(
                Scenario(
                    raw["name"],
                    as_at,
                    raw["rule"],
                    dict(raw.get("facts") or {}),
                    dict(raw.get("expected") or {}),
                    where,
                )
            )
    return out


def _touched(trace: list[dict[str, Any]]) -> list[tuple[str, date]]:
    return [(e["provision"], date.fromisoformat(e["date_used"])) for e in trace]


def _outcomes(s: Scenario) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    f = s.facts
    q = OutcomeQuestion(
        forum=Forum.parse(f["forum"], field="forum"),
        finding=Finding.parse(f["finding"], field="finding"),
        came_to_attention=f["came_to_attention"],
        severity_assessment_on=f["severity_assessment_on"],
        decided_on=s.as_at,
        rank=Rank.parse(f.get("rank", "constable"), field="rank"),
        former_officer=f.get("former_officer", False),
        fww_in_force=f.get("fww_in_force", False),
        ww_in_force=f.get("ww_in_force", False),
        previously_reduced_in_rank=f.get("previously_reduced_in_rank", False),
        unconnected_incidents=f.get("unconnected_incidents", False),
        convicted_indictable_only=f.get("convicted_indictable_only", False),
        linked_to_pre_commencement_allegation=f.get("linked_to_pre_commencement_allegation", False),
        dg_reinvestigation_on=f.get("dg_reinvestigation_on"),
        referral_notice_on=f.get("referral_notice_on"),
        reduced_in_rank_on=f.get("reduced_in_rank_on"),
        linked_allegation_came_to_attention=f.get("linked_allegation_came_to_attention"),
        first_known_to_police_body_on=f.get("first_known_to_police_body_on"),
        first_known_to_director_general_on=f.get("first_known_to_director_general_on"),
    )
    answer = lawful_outcomes(q)
    data = answer.as_dict()
    actual = {
        "regime": data["regime"],
        "available_outcomes": data["available_outcomes"],
        "default_outcome": data["default_outcome"],
        "requirements": [r["id"] for r in data["requirements"]],
        "warning_periods": {
            o: [p["min_months"], p["max_months"]] for o, p in data["warning_periods"].items()
        },
        "notes": len(data["notes"]),
        "other_actions": [a["id"] for a in data["other_actions"]],
    }
    return actual, data["trace"]


def _deadline(s: Scenario) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """``facts``: ``step``; optionally ``delegated_to_lqp``, ``referral_notice_on``, ``sent_by``,
    ``sent_at`` (HH:MM) and ``came_to_attention`` (the case's regime, for deemed service)."""
    f = s.facts
    regime = determine_regime(f["came_to_attention"]) if "came_to_attention" in f else None
    sent_at = f.get("sent_at")
    d = deadline(
        f["step"],
        s.as_at,
        delegated_to_lqp=f.get("delegated_to_lqp", False),
        referral_notice_on=f.get("referral_notice_on"),
        sent_by=f.get("sent_by"),
        sent_at=time.fromisoformat(sent_at) if sent_at else None,
        regime=regime,
    )
    data = d.as_dict()
    actual: dict[str, Any] = {
        k: date.fromisoformat(data[k]) for k in ("due", "earliest", "latest", "from") if k in data
    }
    actual["citation"] = d.citation
    return actual, (regime.trace.as_list() if regime else []) + data["trace"]


def _warning(s: Scenario) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    f = s.facts
    w = WarningRecord(
        Outcome(f["kind"]),
        f["notified_on"],
        int(f["months"]),
        int(f.get("career_break_days", 0)),
        bool(f.get("first_day_counts", True)),
    )
    trace = expiry_trace(w, on=f["notified_on"])
    actual = {"expires_on": w.expires_on(), "in_force": w.in_force(s.as_at)}
    return actual, trace.as_list()


def _regime(s: Scenario) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    f = s.facts
    d = determine_regime(
        f["came_to_attention"],
        linked_to_pre_commencement_allegation=f.get("linked_to_pre_commencement_allegation", False),
        dg_reinvestigation_on=f.get("dg_reinvestigation_on"),
        linked_allegation_came_to_attention=f.get("linked_allegation_came_to_attention"),
        first_known_to_police_body_on=f.get("first_known_to_police_body_on"),
        first_known_to_director_general_on=f.get("first_known_to_director_general_on"),
    )
    return {"regime": d.regime.value, "rules_date": d.rules_date}, d.trace.as_list()


def _panel(s: Scenario) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """``as_at`` is the date of the notice of referral; ``facts.panel_determined_on`` optional."""
    p = panel_for_hearing(s.as_at, panel_determined_on=s.facts.get("panel_determined_on"))
    return {
        "chair": p.chair.value,
        "any_local_policing_body_list": p.any_local_policing_body_list,
    }, p.trace.as_list()


def _accelerated_panel(s: Scenario) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """``as_at`` is the date of the reg 51(1) notice of referral."""
    p = accelerated_hearing_conductor(s.as_at)
    return {"chair": p.chair.value}, p.trace.as_list()


def _standards(s: Scenario) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    items = standards_on(s.as_at)
    trace = Trace()
    trace.record(items[0].version, f"{len(items)} standards in force", on=s.as_at)
    return {"ids": [i.id for i in items], "citation": items[0].citation}, trace.as_list()


RUNNERS: dict[str, Callable[[Scenario], tuple[dict[str, Any], list[dict[str, Any]]]]] = {
    "outcomes": _outcomes,
    "deadline": _deadline,
    "warning": _warning,
    "regime": _regime,
    "panel": _panel,
    "accelerated_panel": _accelerated_panel,
    "standards": _standards,
}


def run_scenario(s: Scenario) -> ScenarioResult:
    """Run a scenario; an expected error is returned as ``{"error": ClassName, "citation": …}``."""
    try:
        actual, trace = RUNNERS[s.rule](s)
    except MisconductError as exc:
        touched = []
        if isinstance(exc, NotModelled) and exc.provision_id:
            touched.append((exc.provision_id, date.fromisoformat(str(exc.received))))
        elif isinstance(exc, RuleViolation) and exc.provision_id and exc.on:
            touched.append((exc.provision_id, exc.on))
        return ScenarioResult(
            {"error": type(exc).__name__, "citation": exc.citation or "", "message": exc.message},
            [],
            touched,
        )
    return ScenarioResult(actual, trace, _touched(trace))
