"""The outcome assessment engine: the College of Policing guidance's three stages over the rules.

1. seriousness (``seriousness.py``); 2. purpose and outcome: the lawful outcomes from the rules, then,
from the least severe, the outcomes sufficient for the seriousness, respecting category floors and from
28 May 2025 the presumption of dismissal; 3. personal mitigation, last and with limited weight, which
can change which indicated outcome comes first but never go below a floor.

The engine supports the chair's judgement; it does not replace it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, is_
from typing import Any

from misconduct.assessment.factors import Category, FactorCatalogue, default_factors
from misconduct.assessment.facts import Facts
from misconduct.assessment.guidance import Guidance, GuidanceTables, default_guidance
from misconduct.assessment.reasons import GuidanceTraceEntry, Reason, StageResult
from misconduct.assessment.seriousness import Seriousness, assess_seriousness
from misconduct.rules.catalogue import Catalogue, ProvisionVersion
from misconduct.rules.datafile import Citation, Status
from misconduct.rules.frozen import builder, slots_builder
from misconduct.rules.outcomes import OutcomeAnswer, OutcomeQuestion, lawful_outcomes, question
from misconduct.rules.regime import Regime
from misconduct.rules.vocabulary import Finding, Forum, Outcome

ENGINE_NOTE = (
    "This assessment supports the chair's judgement; it does not replace it. The guidance "
    "prescribes no outcome, and a decision outside the indicated outcomes is open with recorded reasons."
)

PURPOSE = Citation(
    "Home Office Statutory Guidance (2020) para 4.26; College of Policing, Guidance on outcomes (2022)",
    "purpose of proceedings: public confidence, standards, protection of the public (paragraph "
    "of the College guidance unverified)",
    Status.SECONDARY,
)


_PURPOSE_REASON = Reason(
    "The purpose of the outcome is to maintain public confidence in the police, uphold "
    "high standards and deter misconduct, and protect the public.",
    PURPOSE,
)


@dataclass(frozen=True)
class FwwPeriod:
    min_months: int
    max_months: int
    suggested: int
    reasons: tuple[Reason, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "min": self.min_months,
            "max": self.max_months,
            "suggested": self.suggested,
            "reasons": [r.as_dict() for r in self.reasons],
        }


@dataclass(frozen=True)
class Considered:
    outcome: Outcome
    verdict: str  # "not sufficient", "indicated", "more than necessary", "below the floor", ...
    reason: str


@dataclass(frozen=True)
class Assessment:
    facts: Facts
    answer: OutcomeAnswer
    seriousness: Seriousness
    indicated: tuple[Outcome, ...]
    floor: Category | None
    personal_mitigation_points: float
    fww: FwwPeriod | None
    considered: tuple[Considered, ...]
    separation: str | None
    stages: tuple[StageResult, ...]
    warnings: tuple[str, ...]
    guidance_trace: tuple[GuidanceTraceEntry, ...] = field(compare=False)

    @property
    def most_likely(self) -> Outcome | None:
        return self.indicated[0] if self.indicated else None

    @property
    def available(self) -> tuple[Outcome, ...]:
        return self.answer.available

    def as_dict(self) -> dict[str, Any]:
        rules = self.answer.as_dict()
        return {
            "note": ENGINE_NOTE,
            "regime": rules["regime"],
            "regime_label": rules["regime_label"],
            "available_outcomes": rules["available_outcomes"],
            "indicated_outcomes": [str(o) for o in self.indicated],
            "most_likely_outcome": str(self.most_likely) if self.most_likely else None,
            "final_written_warning_months": self.fww.as_dict() if self.fww else None,
            "seriousness": self.seriousness.as_dict(),
            "factors": sorted(self.facts.factor_ids),
            "floor": None
            if self.floor is None or self.floor.floor is None
            else {
                "category": self.floor.id,
                "outcome": str(self.floor.floor),
                "wording": self.floor.floor_wording,
                "citation": self.floor.citation.as_dict(),
            },
            "personal_mitigation_points": self.personal_mitigation_points,
            "outcomes_considered": [
                {"outcome": str(c.outcome), "verdict": c.verdict, "reason": c.reason}
                for c in self.considered
            ],
            "what_separates_them": self.separation,
            "stages": [s.as_dict() for s in self.stages],
            "requirements": rules["requirements"],
            "warnings": list(self.warnings),
            "trace": rules["trace"] + [e.as_dict() for e in self.guidance_trace],
        }


_build_assessment = builder(Assessment)  # Assessment(...), faster (misconduct.rules.frozen)
_build_stage = slots_builder(StageResult)  # StageResult(...), the same

_STATUS_ORDER = (Status.VERIFIED, Status.SECONDARY, Status.UNVERIFIED)
_NOT_AVAILABILITY = ("period", "reasons", "presumption")


def lawful_outcomes_citation(answer: OutcomeAnswer) -> Citation:
    """The provisions the rules applied to decide what is open, with the weakest of their statuses.

    Taken from the rules' trace, so a 2012-regime case cites the 2012 regulations and an inference
    (a constable has no lower rank) keeps its own status instead of borrowing "verified".
    """
    # The citation depends only on the versions the trace read, which of them were applied, and
    # (where none was) on the regime: each is built once (Citation is immutable), keyed by the
    # versions' id() (the versions kept beside it) and the applied flags.
    entries = answer.trace.entries
    all_versions = list(map(_VERSION, entries))  # [e.version for e in entries], in C
    key = (
        answer.regime.regime._value_,
        tuple(map(id, all_versions)),
        tuple(map(_APPLIED, entries)),
    )
    kept = _LAWFUL_CITATIONS.get(key)
    if kept is not None and all(map(is_, kept[0], all_versions)):  # as many: the key has their ids
        return kept[1]
    versions = [
        e.version
        for e in answer.trace.entries
        if e.applied and e.version is not None and _counts_for_availability(e.provision_id)
    ]
    used = list(dict.fromkeys(v.citation for v in versions))
    if not used:
        cite = Citation(answer.regime.regime.label, "outcomes (see trace)", Status.UNVERIFIED)
    else:
        status = max((c.status for c in used), key=_STATUS_ORDER.index)
        cite = Citation(
            "; ".join(str(c) for c in used),
            "(as applied; see trace)",
            status,
            "the weakest status among the provisions applied",
        )
    if len(_LAWFUL_CITATIONS) >= 4096:
        _LAWFUL_CITATIONS.clear()
    _LAWFUL_CITATIONS[key] = (tuple(all_versions), cite)
    return cite


_VERSION = attrgetter("version")
_APPLIED = attrgetter("applied")
_LAWFUL_CITATIONS: dict[tuple[Any, ...], tuple[tuple[ProvisionVersion | None, ...], Citation]] = {}
_AVAILABILITY: dict[str, bool] = {}


def _counts_for_availability(provision_id: str) -> bool:
    """Whether a provision decides what is open (not a period, reasons or the presumption)."""
    counts = _AVAILABILITY.get(provision_id)
    if counts is None:
        counts = _AVAILABILITY[provision_id] = not any(w in provision_id for w in _NOT_AVAILABILITY)
    return counts


def question_for(facts: Facts) -> OutcomeQuestion:
    on = facts.proceedings.severity_assessment_on
    warnings = facts.officer.warnings
    in_force = [w for w in warnings if w.record.in_force(on)] if warnings else []
    return question(  # OutcomeQuestion(...), built faster
        forum=facts.proceedings.forum,
        finding=facts.proceedings.finding,
        came_to_attention=facts.allegation.came_to_attention,
        severity_assessment_on=on,
        decided_on=facts.proceedings.hearing_on,
        rank=facts.officer.rank,
        former_officer=facts.officer.former,
        fww_in_force=bool(in_force) and any(w.kind is _FWW for w in in_force),
        ww_in_force=bool(in_force) and any(w.kind is _WW for w in in_force),
        previously_reduced_in_rank=facts.officer.previously_reduced_in_rank,
        unconnected_incidents=facts.allegation.unconnected_incidents,
        convicted_indictable_only=facts.allegation.convicted_indictable_only,
        linked_to_pre_commencement_allegation=facts.allegation.linked_to_pre_commencement_allegation,
    )


def _floor_and_severe(categories: tuple[Category, ...]) -> tuple[Category | None, Category | None]:
    """The category whose floor is the most severe (the first such), and the first category where
    the likely outcome is severe."""
    floor = max(
        (c for c in categories if c.floor is not None),
        key=lambda c: _FLOOR_SEVERITY[c.floor] if c.floor else 0,
        default=None,
    )
    return floor, next((c for c in categories if c.likely_severe), None)


def _without_notice_first(ordered: list[Outcome]) -> list[Outcome]:
    """Dismissal with notice (2012 Regulations) never comes before dismissal without notice: the
    notice is a concession indicated only beside it, where personal mitigation is put forward."""
    with_notice, without = _WITH_NOTICE, _WITHOUT_NOTICE
    if with_notice in ordered and without in ordered:
        i, j = ordered.index(with_notice), ordered.index(without)
        if i < j:
            ordered = list(ordered)
            ordered[i], ordered[j] = without, with_notice
    return ordered


# Outcome.severity and .label are recomputed on every call; the engine asks them thousands of times
# a second, so it reads them from these tables (the same values, built once).
SEVERITY: dict[Outcome, int] = {o: o.severity for o in Outcome}
_FLOOR_SEVERITY: dict[Outcome, int] = {
    o: Outcome.DISMISSAL_WITHOUT_NOTICE.severity if o.is_dismissal else o.severity for o in Outcome
}
LABEL: dict[Outcome, str] = {o: o.label for o in Outcome}
_DISMISSALS = frozenset(o for o in Outcome if o.is_dismissal)  # o.is_dismissal, as a set lookup
LOWER: dict[Outcome, str] = {o: o.label.lower() for o in Outcome}
# Members read from module names: reading one from its enum class (Outcome.X) costs several times
# a global's lookup, and the engine did it a few dozen times an assessment.
_FWW = Outcome.FINAL_WRITTEN_WARNING
_WW = Outcome.WRITTEN_WARNING
_WITH_NOTICE = Outcome.DISMISSAL_WITH_NOTICE
_WITHOUT_NOTICE = Outcome.DISMISSAL_WITHOUT_NOTICE
_MEETING = Forum.MISCONDUCT_MEETING
_ACCELERATED = Forum.ACCELERATED_MISCONDUCT_HEARING
_GROSS = Finding.GROSS_MISCONDUCT
_REGS_2012 = Regime.CONDUCT_REGS_2012
# [o._value_ for o in ...] and [f.factor.id for f in ...] as map() in C, without a comprehension's
# call (the same lists)
_VALUE = attrgetter("_value_")
_FACTOR_ID = attrgetter("factor.id")


@lru_cache(maxsize=1024)
def _default_rules(q: OutcomeQuestion) -> tuple[OutcomeAnswer, Citation]:
    """The rules' answer for the default catalogue and its citation, kept for a question asked
    again (the web page reruns the same case each time a factor is ticked). Nothing changes an
    answer once made, so sharing it is safe.

    The last 1,024 questions are kept (4,096 before): a rerun comes within a few questions of the
    first run, and every kept answer is some fifteen objects the garbage collector walks again and
    again, which cost a process assessing many different cases about a sixth of its time.
    """
    answer = lawful_outcomes(q)
    return answer, lawful_outcomes_citation(answer)


def _floor_severity(outcome: Outcome) -> int:
    """Dismissal in any form meets a dismissal floor (a former officer's finding included).

    The engine itself reads ``_FLOOR_SEVERITY`` directly: a call for each outcome cost more than
    the lookup."""
    return _FLOOR_SEVERITY[outcome]


def assess(
    facts: Facts,
    *,
    factors: FactorCatalogue | None = None,
    guidance: Guidance | None = None,
    catalogue: Catalogue | None = None,
) -> Assessment:
    """Run the three stages on a case's facts."""
    cat = factors or default_factors()
    g = guidance or default_guidance()
    trace: list[GuidanceTraceEntry] = []
    warnings: list[str] = [ENGINE_NOTE]
    q = question_for(facts)
    if catalogue is None:
        answer, lawful_cite = _default_rules(q)
    else:
        answer = lawful_outcomes(q, catalogue=catalogue)
        lawful_cite = lawful_outcomes_citation(answer)
    warnings.extend(answer.notes)
    for assumed in facts.assumptions:
        warnings.append(f"Assumed date, {assumed.field.replace('_', ' ')}: {assumed.reason}")
    ser, stage1 = assess_seriousness(facts, cat, g, trace, warnings)
    run = _Indication(facts, answer, ser, g, trace, warnings, lawful_cite)
    return run.result(stage1)


class _Indication:
    """Stages 2 and 3 for one assessment."""

    # slots: no instance dict to allocate and attributes read without one
    __slots__ = (
        "accelerated_forum",
        "answer",
        "at_meeting_ceiling",
        "bands",
        "considered",
        "facts",
        "g",
        "lawful_cite",
        "meeting_reasons",
        "meeting_why",
        "old_rules",
        "reasons",
        "ser",
        "severe_cap",
        "t",
        "trace",
        "warnings",
    )
    reasons: list[Reason]
    considered: list[Considered]
    at_meeting_ceiling: bool
    meeting_why: dict[Outcome, str]
    meeting_reasons: list[Reason]
    severe_cap: int | None

    def __init__(
        self,
        facts: Facts,
        answer: OutcomeAnswer,
        ser: Seriousness,
        g: Guidance,
        trace: list[GuidanceTraceEntry],
        warnings: list[str],
        lawful_cite: Citation,
    ) -> None:
        self.facts, self.answer, self.ser, self.g = facts, answer, ser, g
        self.t: GuidanceTables = g.tables
        self.lawful_cite = lawful_cite
        self.trace, self.warnings = trace, warnings
        old = self.old_rules = answer.regime.regime is _REGS_2012
        self.bands = g.bands_2012 if old else g.bands  # g.bands_for(old)
        self.accelerated_forum = facts.proceedings.forum is _ACCELERATED
        # reasons, considered and at_meeting_ceiling are set by result() (from its kept plan) and
        # by _stage2 where it works the plan out, with meeting_why, meeting_reasons and severe_cap

    def eligible(self, o: Outcome) -> bool:
        band = self.bands[o]
        if band.requires_personal_mitigation and not self.facts.personal_mitigation:
            return False
        return not band.requires_any_factor or bool(
            band.requires_any_factor & self.facts.factor_ids
        )

    def high(self, o: Outcome) -> int:
        """The top of an outcome's band here: where the likely outcome is severe, a less severe
        outcome reaches no higher than the cap."""
        top = self.bands[o].high
        if self.severe_cap is None or o in _DISMISSALS:
            return top
        return min(top, self.severe_cap)

    def band_fits(self, o: Outcome) -> bool:
        return self.eligible(o) and self.bands[o].low <= self.ser.points <= self.high(o)

    def result(self, stage1: StageResult) -> Assessment:
        facts, answer, ser = self.facts, self.answer, self.ser
        points = ser.points
        lawful = list(answer.available)
        t = self.t
        memo = t.memo
        bands_cite = t.cite["bands"]
        key: tuple[Any, ...]
        # Stage 2 opens with the purpose and the outcomes lawfully open.
        reasons = [_PURPOSE_REASON]
        if lawful:
            # the citation by id() (kept beside the reason): hashing it each time cost more
            lawful_cite = self.lawful_cite
            key = ("lawful", answer.available, answer.regime.regime, id(lawful_cite))
            hit = memo.get(key)
            if hit is None or hit[0] is not lawful_cite:
                hit = t.remember(
                    key,
                    (
                        lawful_cite,
                        Reason(
                            "Outcomes lawfully open: "
                            + ", ".join(LOWER[o] for o in lawful)
                            + f" ({answer.regime.regime.label}).",
                            lawful_cite,
                        ),
                    ),
                )
            reasons.append(hit[1])
        # The special categories' floor (the first with the most severe floor) and the first
        # category where the likely outcome is severe: kept by the categories (by id(), kept beside).
        categories = ser.categories
        floor: Category | None = None
        severe: Category | None = None
        if categories:
            key = ("categories", tuple(map(id, categories)))
            hit = memo.get(key)
            if hit is None or not all(map(is_, hit[0], categories)):
                hit = t.remember(key, (categories, *_floor_and_severe(categories)))
            floor, severe = hit[1], hit[2]
        # The rest of stage 2 up to the outcomes considered (the outcomes chosen, each outcome's
        # verdict and the reasons for them) depends only on the values in this key: worked out
        # once for each (_stage2) and kept in the guidance's tables like the reasons. The floor is
        # named by id() and kept beside the plan; the factors count only where a band requires one.
        key = (
            "stage 2",
            answer.available,
            self.old_rules,
            points,
            ser.label,
            id(floor),
            severe is not None,
            not facts.personal_mitigation,
            facts.factor_ids & t.band_factors,
            facts.proceedings.forum,
        )
        plan = memo.get(key)
        if plan is None or plan[0] is not floor:
            plan = t.remember(key, (floor, *self._stage2(lawful, floor, severe is not None)))
        floor_sev, chosen_kept, at_ceiling, considered, narrated, warning = plan[1:]
        reasons.extend(narrated)
        self.reasons = reasons
        self.considered = list(considered)
        if warning is not None:
            self.warnings.append(warning)
        self.at_meeting_ceiling = at_ceiling
        chosen = list(chosen_kept)

        pm_points, stage3_reasons = self._personal_mitigation(floor)
        pressure = ser.net_weight - pm_points
        gross = facts.proceedings.finding is _GROSS
        threshold = t.severe_first_gross if gross else t.severe_first
        descending = severe is not None or pressure > threshold or self.at_meeting_ceiling
        ordered = sorted(chosen, key=SEVERITY.__getitem__, reverse=descending)
        # each helper below returns at once where its first test fails; the same tests made here
        # save the call in the common case
        if _WITH_NOTICE in ordered:
            ordered = _without_notice_first(ordered)
        opened = (
            self._opened_by_mitigation(lawful, ordered, floor, floor_sev, pm_points)
            if ordered and pm_points >= t.pm_opens_lower_at
            else None
        )
        if opened is not None:
            ordered = [*ordered, opened]
            key = ("opened", pm_points, opened)
            stage3_reasons.append(
                memo.get(key)
                or t.remember(
                    key,
                    Reason(
                        f"Personal mitigation of {pm_points:g} points opens {LOWER[opened]}, the "
                        "next less severe lawful outcome, beside those indicated: it may meet the "
                        "purposes where the officer's mitigation is strong, though its weight is "
                        "limited.",
                        t.cite["personal_mitigation"],
                    ),
                )
            )
        if self.accelerated_forum:
            ordered = self._accelerated(ordered, pm_points, stage3_reasons)
        if len(ordered) > 1 and not (
            self.accelerated_forum and any(o in _DISMISSALS for o in ordered)
        ):
            first = ordered[0]
            key = (
                ("first", first, id(severe))
                if severe is not None
                else ("first", first, ser.net_weight, pm_points)
            )
            hit = memo.get(key)
            if hit is None or hit[0] is not severe:
                why = (
                    f"{severe.title.lower()}: {severe.likely_wording}"
                    if severe is not None
                    else f"net aggravation {ser.net_weight:+g} against personal mitigation "
                    f"{pm_points:g}"
                )
                hit = t.remember(
                    key,
                    (
                        severe,
                        Reason(
                            f"{LABEL[first]} comes first among the indicated outcomes ({why}).",
                            severe.citation if severe is not None else t.cite["ordering"],
                        ),
                    ),
                )
            stage3_reasons.append(hit[1])
        indicated = self._presumption(ordered) if answer.requirements else ordered
        separation = self._separation(indicated, pm_points) if len(indicated) > 1 else None
        fww = self._fww(pm_points)
        # str() of an Outcome (a StrEnum) is its value
        stage2 = _build_stage(
            "outcome",
            "Stage 2: purpose and outcome",
            {
                "available_outcomes": list(map(_VALUE, lawful)),
                "indicated_outcomes": list(map(_VALUE, indicated)),
                "floor": floor.floor._value_ if floor and floor.floor else None,
            },
            tuple(self.reasons),
        )
        stage3 = _build_stage(
            "personal_mitigation",
            "Stage 3: personal mitigation",
            {
                "points": pm_points,
                "factors": list(map(_FACTOR_ID, facts.personal_mitigation)),
                "most_likely_outcome": indicated[0]._value_ if indicated else None,
            },
            tuple(stage3_reasons),
        )
        floor_id = floor.id if floor else None
        key = ("bands", tuple(indicated), points, floor_id)
        self.trace.append(
            memo.get(key)
            or t.remember(
                key,
                GuidanceTraceEntry(
                    "bands",
                    "Outcome bands",
                    "indicated: " + ", ".join(str(o) for o in indicated),
                    bands_cite,
                    (("points", points), ("floor", floor_id)),
                ),
            )
        )
        return _build_assessment(
            facts,
            answer,
            ser,
            tuple(indicated),
            floor,
            pm_points,
            fww,
            tuple(self.considered),
            separation,
            (stage1, stage2, stage3),
            tuple(dict.fromkeys(self.warnings)),
            tuple(self.trace),
        )

    def _stage2(
        self, lawful: list[Outcome], floor: Category | None, likely_severe: bool
    ) -> tuple[
        int,
        tuple[Outcome, ...],
        bool,
        tuple[Considered, ...],
        tuple[Reason, ...],
        str | None,
    ]:
        """Stage 2 after the outcomes lawfully open, up to the outcomes considered: the floor's
        severity, the outcomes chosen, whether the meeting's ceiling was reached, each outcome's
        verdict, the reasons for them and the warning where no lawful outcome meets the
        seriousness (``result`` keeps them by the values they depend on)."""
        ser = self.ser
        self.reasons = []
        self.considered = []
        self.at_meeting_ceiling = False
        self.meeting_why = {}
        self.meeting_reasons = []
        self.severe_cap = self.t.likely_severe_up_to if likely_severe else None
        warning: str | None = None
        floor_sev = _FLOOR_SEVERITY[floor.floor] if floor and floor.floor else -1
        in_band = [o for o in lawful if self.band_fits(o) and _FLOOR_SEVERITY[o] >= floor_sev]
        chosen: list[Outcome]
        if in_band:
            chosen = in_band
        else:
            # Start from the least severe lawful outcome and move up until one is sufficient.
            sufficient = [
                o
                for o in lawful
                if _FLOOR_SEVERITY[o] >= floor_sev and self.eligible(o) and not self.band_too_low(o)
            ]
            if sufficient:
                chosen = [sufficient[0]]
            elif lawful:
                chosen = [lawful[-1]]
                warning = (
                    f"No lawful outcome here meets the seriousness found ({ser.label})"
                    + (f" or the floor for {floor.title.lower()}" if floor else "")
                    + f"; the most severe open at this forum, {LOWER[lawful[-1]]}, "
                    "is indicated."
                )
            else:
                chosen = []
        meeting_span = self._meeting_span(lawful, chosen, floor_sev)
        if meeting_span:
            chosen = [*chosen, *[o for o in meeting_span if o not in chosen]]
        self._narrate(lawful, chosen, floor, floor_sev)
        self.reasons.extend(self.meeting_reasons)
        return (
            floor_sev,
            tuple(chosen),
            self.at_meeting_ceiling,
            tuple(self.considered),
            tuple(self.reasons),
            warning,
        )

    def _meeting_span(
        self, lawful: list[Outcome], chosen: list[Outcome], floor_sev: int
    ) -> list[Outcome]:
        """At a misconduct meeting whose seriousness reaches the gross-misconduct minimum: the final
        written warning comes first and, where the guidance sets ``lesser_beside``, the outcomes that
        misconduct just short of that level suits are indicated beside it (the referral to a meeting
        is the authority's judgement that the conduct is misconduct, not gross misconduct)."""
        fww = _FWW
        gm_min = self.t.gm_min
        if (
            self.facts.proceedings.forum is not _MEETING
            or self.ser.points < gm_min
            or fww not in lawful
            or _FLOOR_SEVERITY[fww] < floor_sev
        ):
            return []
        self.at_meeting_ceiling = True
        cite = self.t.cite["misconduct_meeting"]
        if not self.t.lesser_beside:
            return [fww] if fww not in chosen else []
        level = gm_min - 1
        lesser = [
            o
            for o in lawful
            if SEVERITY[o] < SEVERITY[fww]
            and self.eligible(o)
            and self.bands[o].low <= level <= self.high(o)
            and _FLOOR_SEVERITY[o] >= floor_sev
        ]
        for o in lesser:
            self.meeting_why[o] = (
                f"the case was referred to a misconduct meeting, the authority's judgement that it "
                f"is misconduct and not gross misconduct; misconduct just short of that level "
                f"({level} on the scale) is within its band ({self.bands[o].low}–{self.high(o)})"
            )
        if lesser:
            self.meeting_reasons.append(
                Reason(
                    f"The conduct as found is {self.ser.label}, at or above the level where gross "
                    "misconduct begins, but the case was referred to a misconduct meeting: "
                    f"{LOWER[fww]}, the most severe outcome a meeting can give, comes first, and "
                    + ", ".join(LOWER[o] for o in lesser)
                    + " stays beside it.",
                    cite,
                )
            )
        return [fww, *lesser]

    def _opened_by_mitigation(
        self,
        lawful: list[Outcome],
        ordered: list[Outcome],
        floor: Category | None,
        floor_sev: int,
        pm_points: float,
    ) -> Outcome | None:
        """The next less severe lawful outcome, where personal mitigation reaches the threshold.

        Only where nothing short of dismissal is indicated (the step *Srivastava* illustrates: a final
        written warning for gross misconduct on remorse and long service); where an outcome short of
        dismissal is already indicated, mitigation works within the range (which comes first, the
        period of a final written warning). Never below a floor, never a form of dismissal, and not
        where dismissal is presumed without exceptional circumstances (the presumption then removes it
        with its own reason).
        """
        if not ordered or pm_points < self.t.pm_opens_lower_at:
            return None
        if not all(o in _DISMISSALS for o in ordered):
            return None  # an outcome short of dismissal is already indicated: mitigation works within it
        if floor is not None and floor.floor is not None:
            return None
        lowest = min(SEVERITY[o] for o in ordered)
        below = [
            o
            for o in lawful
            if SEVERITY[o] < lowest
            and o not in _DISMISSALS
            and _FLOOR_SEVERITY[o] >= floor_sev
            and self.eligible(o)
        ]
        if not below:
            return None
        opened = max(below, key=SEVERITY.__getitem__)
        for i, c in enumerate(self.considered):
            if c.outcome is opened:
                self.considered[i] = Considered(
                    opened,
                    "opened by personal mitigation",
                    c.reason + "; but personal mitigation "
                    "is strong enough to put it beside the indicated outcomes",
                )
        return opened

    def _accelerated(
        self, ordered: list[Outcome], pm_points: float, reasons: list[Reason]
    ) -> list[Outcome]:
        """At an accelerated hearing the authority has certified that the officer should cease to
        serve without delay (SI 2020/4 reg 49(2)(b)): dismissal comes first, and a less severe
        outcome stays beside it only where enough personal mitigation is put forward."""
        if not self.accelerated_forum:
            return ordered
        dismissals = [o for o in ordered if o in _DISMISSALS]
        if not dismissals:
            return ordered
        lesser = [o for o in ordered if o not in _DISMISSALS]
        needed = self.t.accelerated_needs
        keep = pm_points >= needed
        cite = self.t.cite["accelerated_hearing"]
        if lesser and not keep:
            for i, c in enumerate(self.considered):
                if c.outcome in lesser:
                    self.considered[i] = Considered(
                        c.outcome,
                        "not indicated at an accelerated hearing",
                        c.reason + "; but the special conditions were certified and personal "
                        "mitigation does not weigh against dismissal",
                    )
        key = ("accelerated", tuple(lesser), keep)
        reason = self.t.memo.get(key)
        if reason is None:
            reason = self.t.remember(
                key,
                Reason(
                    "Accelerated hearing: the authority certified that the officer should cease "
                    "to serve without delay, so dismissal comes first"
                    + (
                        "; personal mitigation keeps "
                        + ", ".join(LOWER[o] for o in lesser)
                        + " beside it."
                        if lesser and keep
                        else (
                            "; without personal mitigation of "
                            f"{needed:g} point{'' if needed == 1 else 's'} nothing less severe is "
                            "indicated."
                            if lesser
                            else "."
                        )
                    ),
                    cite,
                ),
            )
        reasons.append(reason)
        return dismissals + (lesser if keep else [])

    def band_too_low(self, o: Outcome) -> bool:
        return self.high(o) < self.ser.points

    def _narrate(
        self, lawful: list[Outcome], chosen: list[Outcome], floor: Category | None, floor_sev: int
    ) -> None:
        # Each outcome's verdict and its reason depend only on the branch taken and the values its
        # wording uses (kept in the guidance's tables by those values; see seriousness.py).
        ser, t = self.ser, self.t
        memo = t.memo
        old = self.old_rules
        label, points = ser.label, ser.points
        # read once, not once an outcome
        bands, meeting_why, factor_ids = self.bands, self.meeting_why, self.facts.factor_ids
        considered, reasons = self.considered, self.reasons
        for o in lawful:
            band = bands[o]
            pin: Category | None = None
            key: tuple[Any, ...]
            if o in meeting_why:
                key = ("meeting", o, meeting_why[o])
            elif o in chosen:
                key = ("indicated", o, old, label, points)
            elif floor is not None and _FLOOR_SEVERITY[o] < floor_sev:
                key, pin = ("below the floor", o, id(floor)), floor
            elif self.high(o) < points:
                key = ("not sufficient", o, old, label, points)
            elif band.requires_any_factor and not (band.requires_any_factor & factor_ids):
                key = ("not indicated", o, old)
            else:
                key = ("more than necessary", o, old, label)
            hit = memo.get(key)
            if hit is None or hit[0] is not pin:
                hit = t.remember(key, (pin, *self._verdict(key[0], o, floor)))
            considered.append(hit[1])
            reasons.append(hit[2])
        if floor is not None and floor.floor is not None:
            key = ("floor", id(floor))
            hit = memo.get(key)
            if hit is None or hit[0] is not floor:
                hit = t.remember(
                    key,
                    (
                        floor,
                        Reason(
                            f"{floor.title}: {floor.floor_wording}. Nothing below "
                            f"{LOWER[floor.floor]} is indicated, whatever the personal mitigation.",
                            floor.citation,
                        ),
                    ),
                )
            self.reasons.append(hit[1])

    def _verdict(
        self, branch: str, o: Outcome, floor: Category | None
    ) -> tuple[Considered, Reason]:
        """An outcome's verdict in the branch ``_narrate`` found, and the reason for it."""
        ser, g = self.ser, self.g
        band = self.bands[o]
        if branch == "meeting":
            verdict, why = "indicated at a meeting", self.meeting_why[o]
        elif branch == "indicated":
            verdict, why = (
                "indicated",
                (
                    f"sufficient and proportionate for {ser.label} conduct "
                    f"(band {band.low}–{band.high}, seriousness {ser.points})"
                ),
            )
        elif branch == "below the floor":
            assert floor is not None
            verdict, why = "below the floor", f"{floor.title.lower()}: {floor.floor_wording}"
        elif branch == "not sufficient":
            verdict, why = (
                "not sufficient",
                (
                    f"not sufficient for {ser.label} conduct (band {band.low}–{band.high}, "
                    f"seriousness {ser.points})"
                ),
            )
        elif branch == "not indicated":
            verdict, why = (
                "not indicated",
                (
                    "suits conduct showing the officer cannot work at their rank; no such factor "
                    "was found (" + ", ".join(sorted(band.requires_any_factor)) + ")"
                ),
            )
        else:
            verdict, why = (
                "more than necessary",
                (f"more severe than {ser.label} conduct requires (band {band.low}–{band.high})"),
            )
        return (
            Considered(o, verdict, why),
            Reason(
                f"{LABEL[o]}: {verdict}; {why}.",
                floor.citation
                if verdict == "below the floor" and floor
                else g.citation(
                    "misconduct_meeting" if verdict == "indicated at a meeting" else "bands"
                ),
            ),
        )

    def _personal_mitigation(self, floor: Category | None) -> tuple[float, list[Reason]]:
        t = self.t
        memo = t.memo
        cite = t.cite["personal_mitigation"]
        key: tuple[Any, ...]
        reasons = [
            memo.get("personal mitigation")
            or t.remember(
                "personal mitigation",
                Reason(
                    "Personal mitigation is considered last. It goes to the outcome, not to "
                    "seriousness, and carries limited weight: the reputation of the service "
                    "matters more than the fortunes of one officer.",
                    cite,
                ),
            )
        ]
        raw = 0.0
        for f in self.facts.personal_mitigation:
            factor = f.factor
            weight = factor.weight * (t.pm_late_weight if f.raised_late else 1.0)
            raw += weight
            key = ("mitigation", id(factor), f.note, f.raised_late)
            hit = memo.get(key)
            if hit is None or hit[0] is not factor:
                note = f" ({f.note})" if f.note else ""
                late = (
                    "; raised late, so given less weight (reg 42(14)(d) and 62(10)(d))"
                    if f.raised_late
                    else ""
                )
                hit = t.remember(
                    key, (factor, Reason(f"{factor.description}{note}{late}.", factor.citation))
                )
            reasons.append(hit[1])
        points = min(t.pm_max_points, raw)
        if raw > points:
            key = ("mitigation at most", points)
            reasons.append(
                memo.get(key)
                or t.remember(
                    key,
                    Reason(
                        f"Personal mitigation counts at most {points:g} points however much is "
                        "put forward.",
                        cite,
                    ),
                )
            )
        if floor is not None and floor.floor is not None and self.facts.personal_mitigation:
            key = ("mitigation floor", id(floor))
            hit = memo.get(key)
            if hit is None or hit[0] is not floor:
                hit = t.remember(
                    key,
                    (
                        floor,
                        Reason(
                            f"It cannot take the outcome below the floor for "
                            f"{floor.title.lower()}.",
                            floor.citation,
                        ),
                    ),
                )
            reasons.append(hit[1])
        if not self.facts.personal_mitigation:
            reasons.append(
                memo.get("no mitigation")
                or t.remember(
                    "no mitigation", Reason("No personal mitigation was put forward.", cite)
                )
            )
        return points, reasons

    def _presumption(self, ordered: list[Outcome]) -> list[Outcome]:
        answer = self.answer
        default = answer.default_outcome
        if default is None:
            return ordered
        t = self.t
        memo = t.memo
        req = next(r for r in answer.requirements if r.id == "exceptional_circumstances")
        key: tuple[Any, ...] = ("presumption", req.citation, req.status)
        cite = memo.get(key) or t.remember(
            key, Citation(req.citation, "presumption of dismissal", Status(req.status))
        )
        if self.facts.exceptional_circumstances:
            self.reasons.append(
                Reason(
                    "Gross misconduct: dismissal is presumed. The chair records exceptional "
                    f"circumstances ({self.facts.exceptional_circumstances}), so the guidance's "
                    "indication stands beside dismissal.",
                    cite,
                )
            )
            return ordered if default in ordered else [*ordered, default]
        lesser = [o for o in ordered if o is not default]
        key = ("presumed", cite, tuple(lesser))
        reason = memo.get(key)
        if reason is None:
            reason = t.remember(
                key,
                Reason(
                    "Gross misconduct: dismissal is presumed. On seriousness alone the guidance "
                    "would indicate " + ", ".join(LOWER[o] for o in lesser) + "; any outcome "
                    "short of dismissal needs exceptional circumstances, reasoned in the outcome "
                    "report.",
                    cite,
                )
                if lesser
                else Reason("Gross misconduct: dismissal is presumed.", cite),
            )
        self.reasons.append(reason)
        if lesser:
            for i, c in enumerate(self.considered):
                if c.outcome in lesser:
                    self.considered[i] = Considered(
                        c.outcome,
                        "needs exceptional circumstances",
                        c.reason + "; but dismissal is presumed for gross misconduct",
                    )
        return [default]

    def _separation(self, indicated: list[Outcome], pm_points: float) -> str | None:
        if len(indicated) < 2:
            return None
        ser = self.ser
        by_severity = sorted(indicated, key=SEVERITY.__getitem__)
        lower, upper = by_severity[0], by_severity[-1]
        agg = ", ".join(f.factor.id.replace("_", " ") for f in ser.aggravating) or "none"
        mit = ", ".join(f.factor.id.replace("_", " ") for f in ser.mitigating) or "none"
        return (
            f"The conduct is {ser.label} ({ser.points} on the scale): at the top of the range a "
            f"{LOWER[lower]} can meet and at the bottom of the range that calls for "
            f"{LOWER[upper]}. What separates them is whether the purposes (public confidence, "
            f"standards, protection of the public) can be met without {LOWER[upper]}: the "
            f"aggravating factors ({agg}) weigh towards {LOWER[upper]}; the mitigating "
            f"factors ({mit}) and personal mitigation ({pm_points:g} points) towards "
            f"{LOWER[lower]}."
        )

    def _fww(self, pm_points: float) -> FwwPeriod | None:
        period = self.answer.warning_periods.get(_FWW)
        if period is None:
            return None
        # The period and its reasons depend only on the provision's range, the seriousness and the
        # whole points of personal mitigation: kept once built (FwwPeriod is immutable).
        t = self.t
        version = period.version
        key = (
            "fww",
            id(version),
            period.min_months,
            period.max_months,
            self.ser.points,
            int(pm_points),
        )
        hit = t.memo.get(key)
        if hit is not None and hit[0] is version:
            return hit[1]  # type: ignore[no-any-return]
        cite = t.cite["final_written_warning_period"]
        base = self.g.suggested_fww_months(self.ser.points)
        off = int(pm_points) * t.fww_months_off
        suggested = max(period.min_months, min(period.max_months, base - off))
        reasons = [
            Reason(
                f"A final written warning here runs for {period.min_months} to "
                f"{period.max_months} months.",
                version.citation,
            )
        ]
        if period.min_months == period.max_months:
            reasons.append(Reason("The period is fixed at this forum: no choice arises.", cite))
        else:
            reasons.append(
                Reason(
                    f"{self.ser.label.capitalize()} conduct suggests {base} months"
                    + (f", less {off} for personal mitigation" if off else "")
                    + f": {suggested} months.",
                    cite,
                )
            )
        fww = FwwPeriod(period.min_months, period.max_months, suggested, tuple(reasons))
        t.remember(key, (version, fww))
        return fww


__all__ = ["ENGINE_NOTE", "Assessment", "assess", "lawful_outcomes_citation", "question_for"]
