"""Builders for assessment test data: one place that knows the shape of a facts document."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from misconduct.assessment.facts import Facts, parse_facts

BASE: dict[str, Any] = {
    "officer": {"rank": "constable", "status": "serving"},
    "allegation": {
        "came_to_attention": date(2025, 2, 1),
        "conduct_from": date(2024, 1, 25),
        "conduct_to": date(2025, 1, 20),
        "standards": ["discreditable_conduct"],
        "summary": "Test conduct.",
    },
    "proceedings": {
        "forum": "misconduct_hearing",
        "finding": "gross_misconduct",
        "severity_assessment_on": date(2025, 2, 10),
        "hearing_on": date(2025, 7, 1),
    },
}

CANONICAL_FACTORS = [
    "knew_conduct_was_wrong",
    "limited_damage_to_public_confidence",
    "conduct_over_period",
    "on_duty_or_in_uniform",
    "misuse_of_police_equipment_or_systems",
    "those_affected_consented",
    "conduct_not_criminal",
    "open_admissions",
]
CANONICAL_PERSONAL = ["remorse_and_apology", "insight_and_steps_taken"]


def facts_doc(
    factors: list[str] | None = None,
    personal: list[str] | None = None,
    *,
    late: frozenset[str] = frozenset(),
    **sections: Any,
) -> dict[str, Any]:
    """A facts document: the base case with factor ids and section overrides merged in."""
    doc = copy.deepcopy(BASE)
    for name, value in sections.items():
        if isinstance(value, dict) and isinstance(doc.get(name), dict):
            doc[name].update(value)
        else:
            doc[name] = value
    doc["factors"] = [{"id": f} for f in (factors or [])]
    doc["personal_mitigation"] = [{"id": p, "raised_late": p in late} for p in (personal or [])]
    return doc


def make_facts(
    factors: list[str] | None = None,
    personal: list[str] | None = None,
    *,
    late: frozenset[str] = frozenset(),
    **sections: Any,
) -> Facts:
    return parse_facts(facts_doc(factors, personal, late=late, **sections))


def canonical(**sections: Any) -> Facts:
    return make_facts(CANONICAL_FACTORS, CANONICAL_PERSONAL, **sections)


AFTER_2025: dict[str, Any] = {
    "allegation": {"came_to_attention": date(2025, 6, 2)},
    "proceedings": {
        "severity_assessment_on": date(2025, 6, 10),
        "hearing_on": date(2025, 11, 3),
    },
}
