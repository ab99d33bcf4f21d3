"""The assessment of a case: its facts as the engine takes them, with the factors the chair ticks.

The case supplies the officer, the allegation, the forum, the finding and the dates; the chair supplies
the factors, any levels set with reasons, personal mitigation and exceptional circumstances. The
engine (``misconduct.assessment``) does the rest; the page, the API and the decision all use this.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from misconduct.assessment.decision import Decision, decide
from misconduct.assessment.engine import Assessment, assess
from misconduct.assessment.facts import parse_facts
from misconduct.domain.case import Case
from misconduct.domain.lifecycle import Context
from misconduct.errors import InvalidInput, MisconductError, RuleViolation
from misconduct.rules.vocabulary import Finding, Outcome
from misconduct.services.assessment import Found, case_facts


@dataclass(frozen=True)
class Choices:
    """What the chair has found: factor ids, levels set with reasons, mitigation, circumstances."""

    factors: tuple[str, ...] = ()
    personal_mitigation: tuple[str, ...] = ()
    culpability: str = ""
    culpability_reason: str = ""
    harm: str = ""
    harm_reason: str = ""
    exceptional_circumstances: str = ""
    notes: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: Any) -> Choices:
        """From a form's QueryDict (``getlist``) or a plain mapping (the API)."""

        def many(name: str) -> tuple[str, ...]:
            values = data.getlist(name) if hasattr(data, "getlist") else data.get(name) or []
            return tuple(dict.fromkeys(str(v) for v in values if str(v).strip()))

        def one(name: str) -> str:
            return str(data.get(name) or "").strip()

        return cls(
            many("factors"),
            many("personal_mitigation"),
            one("culpability"),
            one("culpability_reason"),
            one("harm"),
            one("harm_reason"),
            one("exceptional_circumstances"),
        )

    @classmethod
    def from_recorded(cls, found: Mapping[str, Any] | None) -> Choices:
        """What the chair found, as stored with a decision (``services.assessment.recorded``)."""
        if not found:
            return cls()

        def ids(name: str) -> tuple[str, ...]:
            return tuple(str(e["id"]) for e in found.get(name) or [] if isinstance(e, dict))

        def notes() -> dict[str, str]:
            return {
                str(e["id"]): str(e["note"])
                for e in found.get("factors") or []
                if isinstance(e, dict) and e.get("note")
            }

        def level(name: str) -> tuple[str, str]:
            value = found.get(name)
            return (str(value[0]), str(value[1])) if value else ("", "")

        culpability, harm = level("culpability"), level("harm")
        return cls(
            ids("factors"),
            ids("personal_mitigation"),
            culpability[0],
            culpability[1],
            harm[0],
            harm[1],
            str(found.get("exceptional_circumstances") or ""),
            notes(),
        )

    def found(self) -> Found:
        """The same choices as the services take them."""
        return Found(
            factors={f: self.notes.get(f, "") for f in self.factors},
            personal_mitigation={f: "" for f in self.personal_mitigation},
            culpability=(self.culpability, self.culpability_reason) if self.culpability else None,
            harm=(self.harm, self.harm_reason) if self.harm else None,
            exceptional_circumstances=self.exceptional_circumstances,
        )


def assessable(case: Case, officer_id: str) -> bool:
    return (
        case.proceedings is not None
        and case.severity_on is not None
        and bool(case.findings)
        and case.officer_finding(officer_id) is not Finding.NO_MISCONDUCT
    )


def facts_document(
    case: Case, officer_id: str, choices: Choices, ctx: Context, on: date
) -> dict[str, Any]:
    """The facts document (docs/facts-format.md) for one officer of ``case``."""
    if officer_id not in case.officers:
        raise InvalidInput("officer_id", "one of " + ", ".join(case.officers), officer_id)
    if not assessable(case, officer_id):
        raise RuleViolation(
            "the assessment needs proven findings at a meeting or hearing",
            citation="College of Policing, Guidance on outcomes (2022): stage 1 follows the findings",
            field="findings",
        )
    return case_facts(
        case, officer_id, choices.found(), other_warnings=ctx.warnings.get(officer_id, ())
    )


def run(case: Case, officer_id: str, choices: Choices, ctx: Context, on: date) -> Assessment:
    return assess(parse_facts(facts_document(case, officer_id, choices, ctx, on)))


def check_decision(a: Assessment, outcome: str, months: int | None, reasons: str) -> Decision:
    """The engine's check of the chair's decision: lawful, within the period, reasons for departure."""
    chosen = Outcome.parse(outcome, field="outcome")
    return decide(
        a,
        chosen,
        fww_months=months if chosen is Outcome.FINAL_WRITTEN_WARNING else None,
        reasons=reasons,
    )


def first_officer(case: Case, only: Sequence[str] = ()) -> str:
    for oid in case.officers:
        if not only or oid in only:
            return oid
    raise InvalidInput("officer_id", "a subject officer", None)


_DECISION_FIELDS = {
    "outcome": "outcome",
    "warning_months": "warning_months",
    "fww_months": "warning_months",
    "--fww-months": "warning_months",
    "reasons": "reasons",
    "--reasons": "reasons",
    "on": "on",
}


def decision_field(error: MisconductError) -> str:
    """The decision form's input an error is about ("" when it is about none of them)."""
    return _DECISION_FIELDS.get(error.field or "", "")
