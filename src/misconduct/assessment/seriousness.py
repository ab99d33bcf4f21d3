"""Stage 1 of the guidance: the seriousness of the proven conduct.

Culpability and harm (each set by the chair with a reason, or derived from the factors found), raised
where a special category requires; the matrix gives a starting point; aggravating and mitigating
factors move it; the result is a point on the seriousness scale with its label.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from misconduct.assessment.factors import Category, FactorCatalogue, Level, Stage
from misconduct.assessment.facts import Explicit, Facts, FoundFactor
from misconduct.assessment.guidance import Guidance
from misconduct.assessment.reasons import Reason, StageResult, guidance_trace_entry
from misconduct.rules.datafile import Citation, Status
from misconduct.rules.vocabulary import Finding

GROSS_MISCONDUCT_CITATION = Citation(
    "SI 2020/4",
    'reg 2(1), "gross misconduct": a breach of the Standards "so serious as to justify dismissal"',
    Status.VERIFIED,
    "the same words in SI 2012/2632 reg 3(1); that the finding sets the least seriousness the "
    "engine takes is the project's reading",
)

RECORD_CITATION = Citation(
    "SI 2020/4",
    "reg 42(14)(a) and 62(10)(a) (record of police service); WarningRecord.in_force on the severity-assessment date",
    Status.VERIFIED,
)


@dataclass(frozen=True)
class Seriousness:
    culpability: Level
    harm: Level
    base_points: int
    shift: int
    points: int
    label: str
    aggravating: tuple[FoundFactor, ...]
    mitigating: tuple[FoundFactor, ...]
    categories: tuple[Category, ...]
    warnings_in_force: tuple[str, ...]

    @property
    def net_weight(self) -> float:
        return sum(f.factor.weight for f in self.aggravating) - sum(
            f.factor.weight for f in self.mitigating
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "culpability": str(self.culpability),
            "harm": str(self.harm),
            "overall": self.label,
            "points": self.points,
            "starting_point": self.base_points,
            "adjustment": self.shift,
            "aggravating": [f.factor.id for f in self.aggravating],
            "mitigating": [f.factor.id for f in self.mitigating],
            "categories": [c.id for c in self.categories],
        }


def _factor_reason(found: FoundFactor, prefix: str) -> Reason:
    note = f" ({found.note})" if found.note else ""
    return Reason(f"{prefix}: {found.factor.description}{note}", found.factor.citation)


def _level(
    name: str,
    stage: Stage,
    explicit: Explicit | None,
    facts: Facts,
    categories: tuple[Category, ...],
    guidance: Guidance,
    reasons: list[Reason],
    warnings: list[str],
) -> Level:
    found = [f for f in facts.factors if f.factor.stage is stage]
    for f in found:
        reasons.append(_factor_reason(f, f"{name.capitalize()} factor ({f.factor.level})"))
    if explicit is not None:
        level = explicit.level
        reasons.append(
            Reason(
                f"The chair assesses {name} as {level}: {explicit.reason}",
                guidance.citation("matrix"),
            )
        )
    elif found:
        level = max((f.factor.level or Level.LOW for f in found), key=lambda lv: lv.rank)
        reasons.append(
            Reason(
                f"{name.capitalize()} is {level}, the highest level the factors found point to.",
                guidance.citation("matrix"),
            )
        )
    else:
        level = Level(guidance.blocks["default_level"].values["level"])
        reasons.append(
            Reason(
                f"No {name} factor was found and the chair set no level: {level} is taken.",
                guidance.citation("default_level"),
            )
        )
        warnings.append(
            f"No {name} finding: the engine took {level}; the chair should assess {name}."
        )
    key = "culpability_at_least" if stage is Stage.CULPABILITY else "harm_at_least"
    for cat in categories:
        minimum: Level | None = getattr(cat, key)
        if minimum is not None and minimum.rank > level.rank:
            reasons.append(
                Reason(
                    f"{cat.title}: the guidance treats {name} as at least {minimum}, "
                    f"so {name} is raised from {level} to {minimum}.",
                    cat.citation,
                )
            )
            if explicit is not None:
                warnings.append(
                    f"The chair set {name} at {level}, but {cat.title.lower()} is treated as "
                    f"at least {minimum}; the engine used {minimum}."
                )
            level = minimum
    return level


def assess_seriousness(
    facts: Facts,
    catalogue: FactorCatalogue,
    guidance: Guidance,
    trace: list[dict[str, Any]],
    warnings: list[str],
) -> tuple[Seriousness, StageResult]:
    categories = tuple(
        dict.fromkeys(
            catalogue.category(f.factor.category) for f in facts.factors if f.factor.category
        )
    )
    reasons: list[Reason] = [
        Reason(
            "Seriousness is assessed first, from culpability and harm (the most important "
            "factors), then aggravating and mitigating factors.",
            guidance.citation("matrix"),
        )
    ]
    for cat in categories:
        reasons.append(Reason(f"Special category present: {cat.title}.", cat.citation))
    culpability = _level(
        "culpability",
        Stage.CULPABILITY,
        facts.culpability,
        facts,
        categories,
        guidance,
        reasons,
        warnings,
    )
    harm = _level("harm", Stage.HARM, facts.harm, facts, categories, guidance, reasons, warnings)
    base = guidance.cell(culpability, harm)
    reasons.append(
        Reason(
            f"Culpability {culpability} and harm {harm} give a starting point of "
            f"{base} on the seriousness scale ({guidance.label(base)}).",
            guidance.citation("matrix"),
        )
    )
    trace.append(
        guidance_trace_entry(
            "matrix",
            "Culpability and harm matrix",
            f"starting point {base}",
            guidance.citation("matrix"),
            culpability=str(culpability),
            harm=str(harm),
        )
    )
    for f in facts.absent:
        reasons.append(_factor_reason(f, "Found absent, so not counted"))
    for f in facts.factors:
        if f.factor.stage is Stage.CONTEXT:
            reasons.append(_factor_reason(f, "Context (no weight in seriousness)"))
    aggravating = [f for f in facts.factors if f.factor.stage is Stage.AGGRAVATING]
    proven = facts.proven_allegations
    for a in facts.allegations:
        what = str(a.finding).replace("_", " ") if a.finding else "not proven"
        reasons.append(
            Reason(f"Allegation: {a.summary} Finding: {what}.", guidance.citation("matrix"))
        )
    several = "multiple_allegations_or_victims"
    if len(proven) > 1 and several not in facts.factor_ids and several not in facts.absent_ids:
        aggravating.append(FoundFactor(catalogue.get(several), f"{len(proven)} allegations proven"))
    in_force = _warnings_in_force(facts.officer.warnings, facts.proceedings.severity_assessment_on)
    if in_force and "previous_disciplinary_record" not in facts.factor_ids:
        record = catalogue.get("previous_disciplinary_record")
        aggravating.append(FoundFactor(record, "; ".join(in_force)))
        reasons.append(
            Reason(
                "A warning was in force on the severity-assessment date: "
                + "; ".join(in_force)
                + ". It counts as an aggravating factor.",
                RECORD_CITATION,
            )
        )
    mitigating = [f for f in facts.factors if f.factor.stage is Stage.MITIGATING]
    for f in aggravating:
        reasons.append(_factor_reason(f, f"Aggravating (weight {f.factor.weight:g})"))
    for f in mitigating:
        reasons.append(_factor_reason(f, f"Mitigating (weight {f.factor.weight:g})"))
    net = sum(f.factor.weight for f in aggravating) - sum(f.factor.weight for f in mitigating)
    shift = guidance.shift(net)
    points = max(1, min(guidance.max_points, base + shift))
    gm_min = int(guidance.blocks["gross_misconduct"].values["min_points"])
    if facts.proceedings.finding is Finding.GROSS_MISCONDUCT and points < gm_min:
        reasons.append(
            Reason(
                f"The finding is gross misconduct: a breach so serious as to justify dismissal. "
                f"Seriousness is taken as at least {guidance.label(gm_min)} ({gm_min}), where "
                "dismissal is among the outcomes considered, instead of "
                f"{guidance.label(points)} ({points}).",
                GROSS_MISCONDUCT_CITATION,
            )
        )
        points = gm_min
    label = guidance.label(points)
    direction = {True: "raise", False: "lower"}[shift > 0] if shift else "leave"
    reasons.append(
        Reason(
            f"Aggravating factors weigh {sum(f.factor.weight for f in aggravating):g} and mitigating "
            f"factors {sum(f.factor.weight for f in mitigating):g} (net {net:+g}); they {direction} "
            f"the starting point"
            + (f" by {abs(shift)}" if shift else " unchanged")
            + f": seriousness is {label} ({points} on the scale of 1 to {guidance.max_points}).",
            guidance.citation("adjustment"),
        )
    )
    trace.append(
        guidance_trace_entry(
            "adjustment",
            "Aggravating and mitigating factors",
            f"net weight {net:+g}: shift {shift:+d}, seriousness {points} ({label})",
            guidance.citation("adjustment"),
            aggravating=[f.factor.id for f in aggravating],
            mitigating=[f.factor.id for f in mitigating],
        )
    )
    result = Seriousness(
        culpability,
        harm,
        base,
        shift,
        points,
        label,
        tuple(aggravating),
        tuple(mitigating),
        categories,
        tuple(in_force),
    )
    stage = StageResult(
        "seriousness",
        "Stage 1: the seriousness of the conduct",
        result.as_dict(),
        tuple(reasons),
    )
    return result, stage


def _warnings_in_force(warnings: Any, on: date) -> list[str]:
    out = []
    for w in warnings:
        record = w.record
        if record.in_force(on):
            out.append(
                f"{w.kind.label.lower()} notified {w.notified_on.isoformat()}, in force until "
                f"{record.expires_on().isoformat()}"
            )
    return out
