"""Which regulations govern a case: chosen by the date the allegation came to attention.

The 2012 → 2020 change (SI 2020/4 regs 2(1), 3(2), 4(6)-(7)) and the 2025 amendments (SI 2025/558
regs 64 and 67) both turn on when the allegation came to attention (not when the conduct happened),
each with a linked-allegation and a Director General exception. Panel composition turns on the date
of the notice of referral (SI 2024/521 reg 7).

>>> d = determine_regime(date(2025, 2, 1))
>>> d.regime.value, d.amendments_2025
('conduct_regs_2020', False)
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from misconduct.errors import InvalidInput
from misconduct.rules.catalogue import Catalogue, catalogue_or_default, default_catalogue
from misconduct.rules.frozen import builder
from misconduct.rules.trace import Trace, TraceEntry, _entry

COMMENCEMENT_2020 = date(2020, 2, 1)
COMMENCEMENT_2025 = date(2025, 5, 28)


class Regime(StrEnum):
    CONDUCT_REGS_2012 = "conduct_regs_2012"
    CONDUCT_REGS_2020 = "conduct_regs_2020"
    CONDUCT_REGS_2020_AMENDED_2025 = "conduct_regs_2020_amended_2025"

    @property
    def label(self) -> str:
        return _REGIME_LABELS[self._value_]


_REGIME_LABELS = {  # by value: read once per assessment, so a table rather than a dict per call
    Regime.CONDUCT_REGS_2012._value_: "Police (Conduct) Regulations 2012",
    Regime.CONDUCT_REGS_2020._value_: (
        "Police (Conduct) Regulations 2020 (without the 2025 amendments)"
    ),
    Regime.CONDUCT_REGS_2020_AMENDED_2025._value_: (
        "Police (Conduct) Regulations 2020 as amended by SI 2025/558"
    ),
}


@dataclass(frozen=True)
class RegimeDecision:
    regime: Regime
    came_to_attention: date
    rules_date: date
    """The date at which provisions with the ``regime`` date basis are read."""
    reasons: tuple[str, ...]
    trace: Trace = field(compare=False)

    @property
    def amendments_2025(self) -> bool:
        return self.regime is Regime.CONDUCT_REGS_2020_AMENDED_2025


_build_decision = builder(RegimeDecision)


def _earliest(*days: date | None) -> date:
    return min(d for d in days if d is not None)


def determine_regime(
    came_to_attention: date,
    *,
    linked_to_pre_commencement_allegation: bool = False,
    dg_reinvestigation_on: date | None = None,
    linked_allegation_came_to_attention: date | None = None,
    first_known_to_police_body_on: date | None = None,
    first_known_to_director_general_on: date | None = None,
    catalogue: Catalogue | None = None,
) -> RegimeDecision:
    """Choose the regime for an allegation.

    ``came_to_attention``: the date the allegation came to the appropriate authority's attention.
    ``first_known_to_police_body_on``: an earlier date on which a local policing body or a chief officer
    of police (of any force) knew of it; ``first_known_to_director_general_on``: the date the Director
    General (IOPC) first knew of it. "Pre-commencement allegation" takes the earliest of these dates
    (SI 2020/4 reg 2(1): local policing body or chief officer; SI 2025/558 reg 67: those or the Director
    General).
    ``linked_allegation_came_to_attention``: the allegation relates to a matter on which an earlier
    allegation, which came to attention on this date, is still being handled under the old rules
    (SI 2020/4 reg 3(2)(b), 4(6)(b); SI 2025/558 reg 64(1)(b)).
    ``linked_to_pre_commencement_allegation``: the same, where only the 2025 link is known.
    ``dg_reinvestigation_on``: the date the Director General ordered a re-investigation (s.13B) or gave a
    s.28A direction (SI 2020/4 reg 4(7); SI 2025/558 reg 64(2)).

    The decision depends on nothing but these dates and the rule data, and is never changed once
    made, so one decision is kept for each set of them (``regime_cache_clear`` empties the store).
    """
    return _decide(
        came_to_attention,
        linked_to_pre_commencement_allegation,
        dg_reinvestigation_on,
        linked_allegation_came_to_attention,
        first_known_to_police_body_on,
        first_known_to_director_general_on,
        catalogue_or_default(catalogue),
    )


@lru_cache(maxsize=8192)
def _decide(
    came_to_attention: date,
    linked_to_pre_commencement_allegation: bool,
    dg_reinvestigation_on: date | None,
    linked_allegation_came_to_attention: date | None,
    first_known_to_police_body_on: date | None,
    first_known_to_director_general_on: date | None,
    cat: Catalogue,
) -> RegimeDecision:
    if (
        dg_reinvestigation_on is None
        and linked_allegation_came_to_attention is None
        and first_known_to_police_body_on is None
        and first_known_to_director_general_on is None
    ):
        return _from_template(came_to_attention, linked_to_pre_commencement_allegation, cat)
    return _decide_fully(
        came_to_attention,
        linked_to_pre_commencement_allegation,
        dg_reinvestigation_on,
        linked_allegation_came_to_attention,
        first_known_to_police_body_on,
        first_known_to_director_general_on,
        cat,
    )


def span_bounds(cat: Catalogue) -> list[date]:
    """Every date on which some provision version comes into or goes out of force, with the
    commencement dates the rules compare against, and the day before and after each: between two
    consecutive dates of this list (``bisect_right``), every version lookup and every comparison
    (``<``, ``<=``, ``>=``, ``>``, ``min``, ``max``) against any of them gives the same answer, and a
    span that holds one of them holds nothing else."""
    kept = _BOUNDS.get(id(cat))
    if kept is not None and kept[0] is cat:
        return kept[1]
    days: set[date] = {COMMENCEMENT_2020, COMMENCEMENT_2025}
    for provision in cat:
        days.update(provision.boundaries)
    one = timedelta(days=1)
    out = sorted(days | {d + one for d in days} | {d - one for d in days})
    if len(_BOUNDS) >= 64:  # a catalogue loaded again and again (tests) is not kept for ever
        _BOUNDS.clear()
    _BOUNDS[id(cat)] = (cat, out)
    return out


_BOUNDS: dict[int, tuple[Catalogue, list[date]]] = {}

# Templates of the decision where only the date the allegation came to attention is given (and the
# 2025 link flag): the decision depends on that date only through the span of ``span_bounds`` it
# falls in, except that the trace entries' dates, the inputs and the rules date that equal it are it.
# Worked out in full once a span; a new date in the span gets the same regime, reasons, provisions,
# versions and conclusions with its own date where the first had its date.
_RegimeTemplate = tuple[
    Catalogue,  # kept beside the key, which names it by id()
    RegimeDecision,
    bool,  # the rules date is the date the allegation came to attention
    # each trace entry, whether its date is that date, and the names of its inputs that are
    tuple[tuple[TraceEntry, bool, tuple[str, ...]], ...],
]
_TEMPLATES: dict[tuple[bool, int, int], _RegimeTemplate] = {}


def _from_template(came_to_attention: date, linked: bool, cat: Catalogue) -> RegimeDecision:
    key = (linked, bisect_right(span_bounds(cat), came_to_attention), id(cat))
    kept = _TEMPLATES.get(key)
    if kept is None or kept[0] is not cat:
        decision = _decide_fully(came_to_attention, linked, None, None, None, None, cat)
        if len(_TEMPLATES) >= 4096:
            _TEMPLATES.clear()
        _TEMPLATES[key] = (
            cat,
            decision,
            decision.rules_date == came_to_attention,
            tuple(
                (
                    e,
                    e.on == came_to_attention,
                    tuple(k for k, v in e.inputs.items() if v == came_to_attention),
                )
                for e in decision.trace.entries
            ),
        )
        return decision
    _, template, rules_is_it, roled = kept
    entries = []
    for e, on_is_it, inputs_are_it in roled:
        inputs = e.inputs
        if inputs_are_it:
            inputs = {**inputs, **dict.fromkeys(inputs_are_it, came_to_attention)}
        entries.append(
            _entry(
                e.provision_id,
                e.title,
                e.applied,
                e.conclusion,
                came_to_attention if on_is_it else e.on,
                e.version,
                inputs,
            )
        )
    return _build_decision(  # RegimeDecision(...), faster
        template.regime,
        came_to_attention,
        came_to_attention if rules_is_it else template.rules_date,
        template.reasons,
        Trace(entries),
    )


def _decide_fully(
    came_to_attention: date,
    linked_to_pre_commencement_allegation: bool,
    dg_reinvestigation_on: date | None,
    linked_allegation_came_to_attention: date | None,
    first_known_to_police_body_on: date | None,
    first_known_to_director_general_on: date | None,
    cat: Catalogue,
) -> RegimeDecision:
    trace = Trace()
    if dg_reinvestigation_on is not None and dg_reinvestigation_on < came_to_attention:
        raise InvalidInput(
            "dg_reinvestigation_on",
            f"a date on or after the date the allegation came to attention ({came_to_attention})",
            dg_reinvestigation_on.isoformat(),
        )
    if linked_allegation_came_to_attention is not None and (
        linked_allegation_came_to_attention > came_to_attention
    ):
        raise InvalidInput(
            "date the linked allegation came to attention",
            "a date on or before the date this allegation came to attention "
            f"({came_to_attention.strftime('%d/%m/%Y')})",
            linked_allegation_came_to_attention.strftime("%d/%m/%Y"),
        )
    known_2020 = _earliest(came_to_attention, first_known_to_police_body_on)
    known_2025 = _earliest(
        came_to_attention, first_known_to_police_body_on, first_known_to_director_general_on
    )
    dg_2020 = dg_reinvestigation_on is not None and dg_reinvestigation_on >= COMMENCEMENT_2020
    linked_2020 = (
        linked_allegation_came_to_attention is not None
        and linked_allegation_came_to_attention < COMMENCEMENT_2020
    )
    if (known_2020 < COMMENCEMENT_2020 or linked_2020) and not dg_2020:
        on = min(came_to_attention, COMMENCEMENT_2020 - timedelta(days=1))
        v = cat.version("conduct_regs_2012", on)
        why = (
            "allegation came to the attention of a local policing body or chief officer before "
            "1 February 2020: the 2012 Regulations govern"
            if known_2020 < COMMENCEMENT_2020
            else "relates to a matter on which a pre-1 February 2020 allegation is still being handled "
            "under the old rules: the 2012 Regulations govern"
        )
        trace.record(
            v,
            why,
            on=on,
            came_to_attention=came_to_attention,
            first_known_on=known_2020,
            linked_allegation_came_to_attention=linked_allegation_came_to_attention,
        )
        return RegimeDecision(Regime.CONDUCT_REGS_2012, came_to_attention, on, (v.summary,), trace)

    rules_on = max(came_to_attention, COMMENCEMENT_2020)
    v2020 = cat.version("conduct_regs_2020", rules_on)
    trace.record(
        v2020,
        "Director General re-investigation or direction on or after 1 February 2020: the 2020 "
        "Regulations apply whenever the matter came to attention"
        if known_2020 < COMMENCEMENT_2020 or linked_2020
        else "allegation came to attention on or after 1 February 2020: the 2020 Regulations govern",
        on=rules_on,
        came_to_attention=came_to_attention,
        dg_reinvestigation_on=dg_reinvestigation_on,
    )
    reasons = [v2020.summary]
    if dg_reinvestigation_on is not None and dg_reinvestigation_on >= COMMENCEMENT_2025:
        v = cat.version("si2025_558_reg64_dg_reinvestigation", dg_reinvestigation_on)
        trace.record(
            v,
            "Director General re-investigation or direction on or after 28 May 2025: "
            "the 2025 amendments apply whenever the matter arose",
            on=dg_reinvestigation_on,
            dg_reinvestigation_on=dg_reinvestigation_on,
        )
        reasons.append(v.summary)
        return RegimeDecision(
            Regime.CONDUCT_REGS_2020_AMENDED_2025,
            came_to_attention,
            max(came_to_attention, COMMENCEMENT_2025),
            tuple(reasons),
            trace,
        )
    v64 = cat.version("si2025_558_reg64_pre_commencement", COMMENCEMENT_2025)
    if known_2025 < COMMENCEMENT_2025:
        trace.record(
            v64,
            "pre-commencement allegation (came to the attention of a local policing body, a chief "
            "officer or the Director General before 28 May 2025): the 2025 amendments do not apply",
            on=COMMENCEMENT_2025,
            came_to_attention=came_to_attention,
            first_known_on=known_2025,
        )
        reasons.append(v64.summary)
        return RegimeDecision(
            Regime.CONDUCT_REGS_2020,
            came_to_attention,
            min(rules_on, COMMENCEMENT_2025 - timedelta(days=1)),
            tuple(reasons),
            trace,
        )
    linked_2025 = linked_to_pre_commencement_allegation or (
        linked_allegation_came_to_attention is not None
        and linked_allegation_came_to_attention < COMMENCEMENT_2025
    )
    if linked_2025:
        trace.record(
            v64,
            "relates to a matter on which a pre-commencement allegation is still being handled: "
            "the 2025 amendments do not apply",
            on=COMMENCEMENT_2025,
            linked_to_pre_commencement_allegation=True,
        )
        reasons.append(v64.summary)
        return RegimeDecision(
            Regime.CONDUCT_REGS_2020,
            came_to_attention,
            COMMENCEMENT_2025 - timedelta(days=1),
            tuple(reasons),
            trace,
        )
    trace.record(
        v64,
        "came to attention on or after 28 May 2025 and not linked to a pre-commencement allegation: "
        "the 2025 amendments apply",
        on=came_to_attention,
        applied=False,
        came_to_attention=came_to_attention,
    )
    return RegimeDecision(
        Regime.CONDUCT_REGS_2020_AMENDED_2025,
        came_to_attention,
        came_to_attention,
        tuple(reasons),
        trace,
    )


def regime_cache_clear() -> None:
    """Forget the regime decisions kept so far (the benchmark starts each pass from none)."""
    _decide.cache_clear()


SI_2024_521_COMMENCEMENT = date(2024, 5, 7)


class PanelChair(StrEnum):
    LEGALLY_QUALIFIED_CHAIR = "legally_qualified_chair"
    CHIEF_OFFICER_OR_DELEGATE = "chief_officer_or_delegate"


@dataclass(frozen=True)
class PanelDecision:
    chair: PanelChair
    summary: str
    trace: Trace = field(compare=False)
    any_local_policing_body_list: bool = False
    """SI 2024/521 reg 7(5): the legally qualified chair may come from a list kept by any local policing
    body (notice given before 7 May 2024, panel not determined by then)."""


def panel_for_hearing(
    referral_notice_on: date,
    *,
    panel_determined_on: date | None = None,
    catalogue: Catalogue | None = None,
) -> PanelDecision:
    """Who chairs a misconduct hearing, chosen by the date of the reg 30(1)/51(1) notice of referral.

    SI 2024/521 reg 7(1): the new panel (chief officer chair, legally qualified adviser) does not apply
    where the notice was given before 7 May 2024. Reg 7(2)-(5): if the panel was not determined before
    that date, the old legally qualified chair may come from "a list" kept by "a local policing body".
    """
    cat = catalogue or default_catalogue()
    v = cat.version("panel_composition", referral_notice_on)
    chair = PanelChair(v.parameters["chair"])
    trace = Trace()
    trace.record(
        v,
        f"notice of referral on {referral_notice_on.isoformat()}: chaired by {chair.value}",
        on=referral_notice_on,
        referral_notice_on=referral_notice_on,
    )
    any_list = False
    if referral_notice_on < SI_2024_521_COMMENCEMENT and (
        panel_determined_on is None or panel_determined_on >= SI_2024_521_COMMENCEMENT
    ):
        saving = cat.version("si2024_521_reg7_saving", SI_2024_521_COMMENCEMENT)
        if panel_determined_on is not None:
            any_list = True
            trace.record(
                saving,
                "notice before 7 May 2024 but panel determined on or after it: the legally "
                "qualified chair may be taken from a list kept by any local policing body "
                "(reg 7(2)-(5))",
                on=panel_determined_on,
                panel_determined_on=panel_determined_on,
            )
        else:
            trace.record(
                saving,
                "notice before 7 May 2024: the 2024 panel rules do not apply (reg 7(1)); if the "
                "panel was not determined before 7 May 2024, the chair may come from any local "
                "policing body's list (reg 7(2)-(5))",
                on=SI_2024_521_COMMENCEMENT,
                applied=False,
            )
    return PanelDecision(chair, v.summary, trace, any_list)


def accelerated_hearing_conductor(
    referral_notice_on: date, *, catalogue: Catalogue | None = None
) -> PanelDecision:
    """Who conducts the accelerated misconduct hearing of an officer other than a senior officer,
    by the date of the reg 51(1) notice of referral (SI 2020/4 reg 55(1) and reg 2(4A)): the chief
    officer of the force concerned, or their delegate. NotModelled before 7 May 2024 (the text as
    then in force was not read); a senior officer's panel (reg 55(3)-(4A)) is not modelled."""
    cat = catalogue or default_catalogue()
    v = cat.version("accelerated_hearing_composition", referral_notice_on)
    chair = PanelChair(v.parameters["chair"])
    trace = Trace()
    trace.record(
        v,
        f"notice of referral on {referral_notice_on.isoformat()}: an officer other than a senior "
        f"officer is heard by {chair.value}",
        on=referral_notice_on,
        referral_notice_on=referral_notice_on,
    )
    return PanelDecision(chair, v.summary, trace)
