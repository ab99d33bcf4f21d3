"""Readable renderings of an assessment: a plain-text report, and (from ``ruling.py``) the draft
"outcome and reasons" section of a written decision in the register of a chair's ruling.
"""

from __future__ import annotations

from misconduct.assessment.engine import Assessment
from misconduct.assessment.ruling import markdown_decision
from misconduct.rules.vocabulary import Outcome


def _lower(o: Outcome) -> str:
    return o.label.lower()


def text_report(a: Assessment) -> str:
    ser = a.seriousness
    lines = [
        f"Regime: {a.answer.regime.regime.label}",
        "Lawful outcomes: " + (", ".join(_lower(o) for o in a.available) or "none"),
        f"Seriousness: culpability {ser.culpability.value}, harm {ser.harm.value}, "
        f"overall {ser.label} ({ser.points}/8)",
        "Indicated outcomes (most likely first): "
        + (", ".join(_lower(o) for o in a.indicated) or "none"),
    ]
    if a.fww:
        lines.append(
            f"Final written warning: {a.fww.min_months}–{a.fww.max_months} months, "
            f"suggested {a.fww.suggested}"
        )
    if a.separation:
        lines += ["", "What separates them: " + a.separation]
    for stage in a.stages:
        lines += ["", stage.title]
        lines += [f"  - {r.cited}" for r in stage.reasons]
    if a.answer.requirements:
        lines += ["", "Requirements"]
        lines += [
            f"  - {r.text} [{r.citation}; {r.status}] (applies to: "
            + ", ".join(o.label.lower() for o in r.applies_to)
            + ")"
            for r in a.answer.requirements
        ]
    lines += ["", "Warnings"] + [f"  - {w}" for w in a.warnings]
    return "\n".join(lines)


__all__ = ["markdown_decision", "text_report"]
