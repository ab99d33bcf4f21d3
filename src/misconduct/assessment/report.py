"""Readable renderings of an assessment: a plain-text report and a draft "outcome and reasons" section.

The markdown draft is written in the register of a chair's ruling, for the chair to edit: it follows
the order a reasoned decision takes (purpose, culpability, harm, aggravating and mitigating factors,
seriousness, outcomes considered from the least severe, personal mitigation, decision, period).
"""

from __future__ import annotations

from misconduct.assessment.engine import ENGINE_NOTE, Assessment
from misconduct.assessment.reasons import StageResult
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
            + ", ".join(o.value for o in r.applies_to)
            + ")"
            for r in a.answer.requirements
        ]
    lines += ["", "Warnings"] + [f"  - {w}" for w in a.warnings]
    return "\n".join(lines)


def _stage(a: Assessment, stage_id: str) -> StageResult:
    return next(s for s in a.stages if s.id == stage_id)


def markdown_decision(a: Assessment) -> str:
    """Draft the "outcome and reasons" section of a written decision, for the chair to edit."""
    ser = a.seriousness
    facts = a.facts
    out = [
        "## Outcome and reasons",
        "",
        f"> Draft prepared by the assessment engine. {ENGINE_NOTE}",
        "",
        "### Purpose",
        "",
        "I have followed the College of Policing's guidance on outcomes and its three stages: I have "
        "assessed the seriousness of the conduct, kept in mind the purpose of the proceedings, and "
        "chosen the outcome that meets that purpose. That purpose is to maintain public confidence "
        "in and the reputation of the police service, to uphold high standards and deter misconduct, "
        "and to protect the public.",
        "",
        "### Culpability",
        "",
    ]
    cul = [f for f in facts.factors if f.factor.stage.value == "culpability"]
    harm = [f for f in facts.factors if f.factor.stage.value == "harm"]
    if facts.culpability:
        out.append(
            f"I assess culpability as **{ser.culpability.value}**: {facts.culpability.reason}"
        )
    else:
        out.append(f"I assess culpability as **{ser.culpability.value}**.")
    out += [f"- {f.factor.description}" + (f" ({f.note})" if f.note else "") for f in cul]
    out += ["", "### Harm", ""]
    if facts.harm:
        out.append(f"I assess harm as **{ser.harm.value}**: {facts.harm.reason}")
    else:
        out.append(f"I assess harm as **{ser.harm.value}**.")
    out += [f"- {f.factor.description}" + (f" ({f.note})" if f.note else "") for f in harm]
    out += ["", "### Aggravating and mitigating factors", "", "Aggravating:", ""]
    out += [
        f"- {f.factor.description}" + (f" ({f.note})" if f.note else "") for f in ser.aggravating
    ] or ["- none"]
    out += ["", "Mitigating:", ""]
    out += [
        f"- {f.factor.description}" + (f" ({f.note})" if f.note else "") for f in ser.mitigating
    ] or ["- none"]
    out += [
        "",
        "### Seriousness",
        "",
        f"Taking culpability, harm and these factors together, I assess the conduct as "
        f"**{ser.label}**.",
    ]
    if ser.categories:
        out.append(
            "The conduct falls within categories the guidance treats specially: "
            + ", ".join(c.title.lower() for c in ser.categories)
            + "."
        )
    out += ["", "### Outcomes considered, from the least severe", ""]
    for c in a.considered:
        out.append(f"- **{c.outcome.label}**: {c.verdict}; {c.reason}.")
    if a.separation:
        out += ["", a.separation]
    for r in a.answer.requirements:
        out += ["", f"{r.text} ({r.citation})"]
    out += ["", "### Personal mitigation", ""]
    if facts.personal_mitigation:
        out.append(
            "I have considered the personal mitigation last, and given it the limited weight the "
            "authorities allow:"
        )
        out += [
            f"- {f.factor.description}"
            + (f" ({f.note})" if f.note else "")
            + (" This was raised late and carries less weight." if f.raised_late else "")
            for f in facts.personal_mitigation
        ]
        if a.floor is not None and a.floor.floor is not None:
            out.append(
                f"It cannot take the outcome below {a.floor.floor.label.lower()} "
                f"({a.floor.floor_wording})."
            )
    else:
        out.append("No personal mitigation was put forward.")
    out += ["", "### Decision", ""]
    if a.most_likely is None:
        out.append("No disciplinary action is open at this forum on this finding.")
    else:
        out.append(
            f"The outcome indicated as most likely is **{_lower(a.most_likely)}**"
            + (
                " (also indicated: " + ", ".join(_lower(o) for o in a.indicated[1:]) + ")"
                if len(a.indicated) > 1
                else ""
            )
            + ". [Chair: state the outcome imposed and why.]"
        )
    out += ["", "### Period", ""]
    if a.fww:
        out.append(
            f"If a final written warning is imposed, it may run for {a.fww.min_months} to "
            f"{a.fww.max_months} months; the suggested period is {a.fww.suggested} months: "
            + " ".join(r.text for r in a.fww.reasons[1:])
        )
    else:
        out.append("No final written warning is open, so no period arises.")
    return "\n".join(out) + "\n"
