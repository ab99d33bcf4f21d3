"""Stage 1 of the guidance: the seriousness of the proven conduct.

Culpability and harm (each set by the chair with a reason, or derived from the factors found), raised
where a special category requires; the matrix gives a starting point; aggravating and mitigating
factors move it; the result is a point on the seriousness scale with its label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from operator import attrgetter
from typing import Any

from misconduct.assessment.factors import Category, Factor, FactorCatalogue, Level, Stage
from misconduct.assessment.facts import Explicit, Facts, FoundFactor
from misconduct.assessment.guidance import Guidance, GuidanceTables
from misconduct.assessment.reasons import GuidanceTraceEntry, Reason, StageResult
from misconduct.rules.datafile import Citation, Status
from misconduct.rules.frozen import builder, slots_builder
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

    @cached_property
    def net_weight(self) -> float:
        # worked out once: nothing in a Seriousness changes once built
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


_build_seriousness = builder(Seriousness)  # Seriousness(...), faster (misconduct.rules.frozen)


# Reasons whose wording depends only on the guidance and a few small values are built once and kept
# in the guidance's tables (``GuidanceTables.memo``), keyed by those values: the same case facts give
# the same objects as before, built once instead of on every assessment. A key holding ``id()`` of a
# factor or category keeps the object beside it and is used only while it is the same object.


def _factor_reason(found: FoundFactor, prefix: str) -> Reason:
    note = f" ({found.note})" if found.note else ""
    return Reason(f"{prefix}: {found.factor.description}{note}", found.factor.citation)


def _prefix(kind: str, factor: Factor) -> str:
    """The words before a factor's description in its reason, for each kind of mention."""
    if kind == "absent":
        return "Found absent, so not counted"
    if kind == "context":
        return "Context (no weight in seriousness)"
    if kind == "aggravating":
        return f"Aggravating (weight {factor.weight:g})"
    if kind == "mitigating":
        return f"Mitigating (weight {factor.weight:g})"
    return f"{kind.capitalize()} factor ({factor.level})"  # culpability or harm


def _kept_reasons(
    t: GuidanceTables, found: Sequence[FoundFactor], kind: str, reasons: list[Reason]
) -> None:
    """Each factor's reason (``_factor_reason`` with the prefix ``_prefix`` gives), added to
    ``reasons`` in order: kept once built, keyed by the kind, the factor (by ``id()``, the factor
    kept beside the reason) and the note; the prefix is worked out only when it is not kept yet.
    One call for the list instead of one a factor."""
    memo = t.memo
    for f in found:
        factor = f.factor
        key = (kind, id(factor), f.note)
        hit = memo.get(key)
        if hit is None or hit[0] is not factor:
            hit = t.remember(key, (factor, _factor_reason(f, _prefix(kind, factor))))
        reasons.append(hit[1])


def _level(
    name: str,
    stage: Stage,
    explicit: Explicit | None,
    found: list[FoundFactor],
    categories: tuple[Category, ...],
    guidance: Guidance,
    reasons: list[Reason],
    warnings: list[str],
) -> Level:
    """``found``: the case's factors of this stage, in the order of the facts."""
    t = guidance.tables
    memo = t.memo
    if found:
        _kept_reasons(t, found, name, reasons)
    if explicit is not None:
        level = explicit.level
        reasons.append(
            Reason(
                f"The chair assesses {name} as {level}: {explicit.reason}",
                t.cite["matrix"],
            )
        )
    elif found:
        level = max((f.factor.level or _LOW for f in found), key=_LEVEL_RANK.__getitem__)
        key = ("highest", name, level)
        reason = memo.get(key) or t.remember(
            key,
            Reason(
                f"{name.capitalize()} is {level}, the highest level the factors found point to.",
                t.cite["matrix"],
            ),
        )
        reasons.append(reason)
    else:
        level = t.default_level
        key = ("default", name, level)
        hit = memo.get(key) or t.remember(
            key,
            (
                Reason(
                    f"No {name} factor was found and the chair set no level: {level} is taken.",
                    t.cite["default_level"],
                ),
                f"No {name} finding: the engine took {level}; the chair should assess {name}.",
            ),
        )
        reasons.append(hit[0])
        warnings.append(hit[1])
    for cat in categories:
        minimum: Level | None = (
            cat.culpability_at_least if stage is _CULPABILITY else cat.harm_at_least
        )
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


_LEVEL_RANK = {level: level.rank for level in Level}
# Members read from module names (reading one from its enum class costs several times as much)
_LOW = Level.LOW
_CULPABILITY, _HARM, _CONTEXT = Stage.CULPABILITY, Stage.HARM, Stage.CONTEXT
_AGGRAVATING, _MITIGATING = Stage.AGGRAVATING, Stage.MITIGATING
_GROSS = Finding.GROSS_MISCONDUCT
_FACTOR_ID = attrgetter("factor.id")
_FACTOR_WEIGHT = attrgetter("factor.weight")
_ID = attrgetter("id")


def _label(guidance: Guidance, points: int) -> str:
    return guidance.tables.labels.get(points) or guidance.label(points)


def assess_seriousness(
    facts: Facts,
    catalogue: FactorCatalogue,
    guidance: Guidance,
    trace: list[GuidanceTraceEntry],
    warnings: list[str],
) -> tuple[Seriousness, StageResult]:
    t = guidance.tables
    memo = t.memo
    cite = t.cite
    key: tuple[Any, ...]
    # One pass over the case's factors: their special categories (each once, in the order first
    # met: a category's id names one catalogue object, so this is dict.fromkeys of the categories
    # without hashing each) and the factors by stage, each list in the order of the facts.
    by_category: dict[str, Category] = {}
    culpable: list[FoundFactor] = []
    harmful: list[FoundFactor] = []
    context: list[FoundFactor] = []
    aggravating: list[FoundFactor] = []
    mitigating: list[FoundFactor] = []
    for f in facts.factors:
        factor = f.factor
        category_id = factor.category
        if category_id and category_id not in by_category:
            by_category[category_id] = catalogue.category(category_id)
        factor_stage = factor.stage
        if factor_stage is _AGGRAVATING:
            aggravating.append(f)
        elif factor_stage is _MITIGATING:
            mitigating.append(f)
        elif factor_stage is _CULPABILITY:
            culpable.append(f)
        elif factor_stage is _HARM:
            harmful.append(f)
        elif factor_stage is _CONTEXT:
            context.append(f)
    categories = tuple(by_category.values())
    reasons: list[Reason] = [
        memo.get("first")
        or t.remember(
            "first",
            Reason(
                "Seriousness is assessed first, from culpability and harm (the most important "
                "factors), then aggravating and mitigating factors.",
                cite["matrix"],
            ),
        )
    ]
    for cat in categories:
        key = ("category", id(cat))
        hit = memo.get(key)
        if hit is None or hit[0] is not cat:
            hit = t.remember(
                key, (cat, Reason(f"Special category present: {cat.title}.", cat.citation))
            )
        reasons.append(hit[1])
    culpability = _level(
        "culpability",
        _CULPABILITY,
        facts.culpability,
        culpable,
        categories,
        guidance,
        reasons,
        warnings,
    )
    harm = _level("harm", _HARM, facts.harm, harmful, categories, guidance, reasons, warnings)
    key = ("matrix", culpability, harm)
    hit = memo.get(key)
    if hit is None:
        base = guidance.cell(culpability, harm)
        hit = t.remember(
            key,
            (
                base,
                Reason(
                    f"Culpability {culpability} and harm {harm} give a starting point of "
                    f"{base} on the seriousness scale ({_label(guidance, base)}).",
                    cite["matrix"],
                ),
                GuidanceTraceEntry(
                    "matrix",
                    "Culpability and harm matrix",
                    f"starting point {base}",
                    cite["matrix"],
                    (("culpability", str(culpability)), ("harm", str(harm))),
                ),
            ),
        )
    base = hit[0]
    reasons.append(hit[1])
    trace.append(hit[2])
    if facts.absent:
        _kept_reasons(t, facts.absent, "absent", reasons)
    if context:
        _kept_reasons(t, context, "context", reasons)
    if facts.allegations:
        matrix_cite = cite["matrix"]
        for a in facts.allegations:
            what = str(a.finding).replace("_", " ") if a.finding else "not proven"
            reasons.append(Reason(f"Allegation: {a.summary} Finding: {what}.", matrix_cite))
        proven = facts.proven_allegations
        several = "multiple_allegations_or_victims"
        if len(proven) > 1 and several not in facts.factor_ids and several not in facts.absent_ids:
            aggravating.append(
                FoundFactor(catalogue.get(several), f"{len(proven)} allegations proven")
            )
    officer_warnings = facts.officer.warnings
    in_force = (
        _warnings_in_force(officer_warnings, facts.proceedings.severity_assessment_on)
        if officer_warnings
        else []
    )
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
    if aggravating:
        _kept_reasons(t, aggravating, "aggravating", reasons)
    if mitigating:
        _kept_reasons(t, mitigating, "mitigating", reasons)
    # sum() of the same weights in the same order, as before (and as Seriousness.net_weight)
    agg_weight = sum(map(_FACTOR_WEIGHT, aggravating))
    mit_weight = sum(map(_FACTOR_WEIGHT, mitigating))
    net = agg_weight - mit_weight
    shift = t.shift(net)
    points = max(1, min(t.max_points, base + shift))
    gm_min = t.gm_min
    if facts.proceedings.finding is _GROSS and points < gm_min:
        key = ("gross", points)
        reasons.append(
            memo.get(key)
            or t.remember(
                key,
                Reason(
                    f"The finding is gross misconduct: a breach so serious as to justify "
                    f"dismissal. Seriousness is taken as at least {_label(guidance, gm_min)} "
                    f"({gm_min}), where dismissal is among the outcomes considered, instead of "
                    f"{_label(guidance, points)} ({points}).",
                    GROSS_MISCONDUCT_CITATION,
                ),
            )
        )
        points = gm_min
    key = ("adjustment", agg_weight, mit_weight, net, shift, points)
    hit = memo.get(key)
    if hit is None:
        label = _label(guidance, points)
        direction = {True: "raise", False: "lower"}[shift > 0] if shift else "leave"
        hit = t.remember(
            key,
            (
                label,
                Reason(
                    f"Aggravating factors weigh {agg_weight:g} and "
                    f"mitigating factors {mit_weight:g} (net "
                    f"{net:+g}); they {direction} the starting point"
                    + (f" by {abs(shift)}" if shift else " unchanged")
                    + f": seriousness is {label} ({points} on the scale of 1 to "
                    f"{t.max_points}).",
                    cite["adjustment"],
                ),
                f"net weight {net:+g}: shift {shift:+d}, seriousness {points} ({label})",
            ),
        )
    label = hit[0]
    reasons.append(hit[1])
    aggravating_ids = tuple(map(_FACTOR_ID, aggravating))  # map() in C: no comprehension's call
    mitigating_ids = tuple(map(_FACTOR_ID, mitigating))
    trace.append(
        _build_trace_entry(  # GuidanceTraceEntry(...), faster
            "adjustment",
            "Aggravating and mitigating factors",
            hit[2],
            cite["adjustment"],
            (("aggravating", aggravating_ids), ("mitigating", mitigating_ids)),
        )
    )
    result = _build_seriousness(
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
    # net_weight, worked out above from the same weights in the same order (the cached property
    # would add them up again on first use)
    result.__dict__["net_weight"] = net
    stage = _build_stage(  # StageResult(...), faster; str() of a Level (a StrEnum) is its value
        "seriousness",
        "Stage 1: the seriousness of the conduct",
        {
            "culpability": culpability._value_,
            "harm": harm._value_,
            "overall": label,
            "points": points,
            "starting_point": base,
            "adjustment": shift,
            "aggravating": list(aggravating_ids),
            "mitigating": list(mitigating_ids),
            "categories": list(map(_ID, categories)),
        },
        tuple(reasons),
    )
    return result, stage


_build_stage = slots_builder(StageResult)
_build_trace_entry = slots_builder(GuidanceTraceEntry)


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
