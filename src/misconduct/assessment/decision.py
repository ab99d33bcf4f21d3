"""A chair's decision checked against the law and the assessment, and recorded with what it rests on.

An unlawful outcome is refused with its citation; a departure from the indicated outcomes, or an outcome
short of dismissal under the 2025 presumption, is refused without recorded reasons; a final written
warning's period must be within the lawful range.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from misconduct.assessment.engine import ENGINE_NOTE, Assessment, lawful_outcomes_citation
from misconduct.errors import InvalidInput, RuleViolation
from misconduct.rules.catalogue import rules_version
from misconduct.rules.vocabulary import Outcome

GUIDANCE_DEPARTURE = (
    "College of Policing, Guidance on outcomes (2022), which should ordinarily be followed; "
    "R (CC Greater Manchester) v PMP (secondary)"
)


@dataclass(frozen=True)
class Decision:
    assessment: Assessment
    outcome: Outcome
    fww_months: int | None
    reasons: str
    within_indication: bool
    notes: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "note": ENGINE_NOTE,
            "decision": {
                "outcome": self.outcome.value,
                "final_written_warning_months": self.fww_months,
                "reasons": self.reasons or None,
                "within_indicated_outcomes": self.within_indication,
                "notes": list(self.notes),
            },
            "rules_version": rules_version(),
            "assessment": self.assessment.as_dict(),
        }


def _outcome_citation(a: Assessment) -> str:
    cite = lawful_outcomes_citation(a.answer)
    return f"{cite.instrument}; {cite.status.value}"


def decide(
    a: Assessment, outcome: Outcome, *, fww_months: int | None = None, reasons: str = ""
) -> Decision:
    """Check a decision; return the record, or raise with a one-line reason."""
    reasons = " ".join(reasons.split())
    if outcome not in a.available:
        lawful = ", ".join(o.value for o in a.available) or "none"
        raise RuleViolation(
            f"{outcome.value} is not lawfully open on these facts; open: {lawful}",
            citation=_outcome_citation(a),
            field="outcome",
        )
    notes: list[str] = []
    months: int | None = None
    if outcome is Outcome.FINAL_WRITTEN_WARNING:
        period = a.answer.warning_periods[outcome]
        months = fww_months if fww_months is not None else (a.fww.suggested if a.fww else None)
        if months is None:
            months = period.default_months
        try:
            period.check(months)
        except RuleViolation as exc:
            raise RuleViolation(
                f"--fww-months: {exc.message}",
                citation=exc.citation or str(period.version.citation),
                field="--fww-months",
            ) from None
    elif fww_months is not None:
        raise InvalidInput(
            "--fww-months", "no period unless the outcome is final_written_warning", fww_months
        )
    for req in a.answer.requirements_for(outcome):
        if req.id == "exceptional_circumstances" and not reasons:
            raise RuleViolation(
                f"{outcome.value} instead of dismissal needs reasons showing exceptional "
                "circumstances (give --reasons)",
                citation=req.citation,
                field="reasons",
            )
        if req.id == "reasons_for_not_dismissing" and not reasons:
            notes.append(
                f"{req.text} None are recorded here: write them into the outcome report "
                f"({req.citation})."
            )
        if req.id == "views_of_appropriate_authority":
            notes.append(f"{req.text} ({req.citation})")
    within = outcome in a.indicated
    if not within and not reasons:
        indicated = ", ".join(o.value for o in a.indicated) or "none"
        raise RuleViolation(
            f"{outcome.value} departs from the indicated outcomes ({indicated}); "
            "a departure needs recorded reasons (give --reasons)",
            citation=GUIDANCE_DEPARTURE,
            field="reasons",
        )
    if not within:
        notes.append("A departure from the indicated outcomes, with the chair's reasons recorded.")
    return Decision(a, outcome, months, reasons, within, tuple(notes))
