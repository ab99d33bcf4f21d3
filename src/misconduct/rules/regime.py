"""Which regulations govern a case: chosen by the date the allegation came to attention.

The 2012 → 2020 change and the 2025 amendments both turn on when the allegation came to the
attention of the appropriate authority (not when the conduct happened); the 2025 amendments have two
exceptions in SI 2025/558 reg 64. Panel composition turns on the hearing date.

>>> d = determine_regime(date(2025, 2, 1))
>>> d.regime.value, d.amendments_2025
('conduct_regs_2020', False)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from misconduct.errors import InvalidInput
from misconduct.rules.catalogue import Catalogue, default_catalogue
from misconduct.rules.trace import Trace

COMMENCEMENT_2020 = date(2020, 2, 1)
COMMENCEMENT_2025 = date(2025, 5, 28)


class Regime(StrEnum):
    CONDUCT_REGS_2012 = "conduct_regs_2012"
    CONDUCT_REGS_2020 = "conduct_regs_2020"
    CONDUCT_REGS_2020_AMENDED_2025 = "conduct_regs_2020_amended_2025"

    @property
    def label(self) -> str:
        return {
            Regime.CONDUCT_REGS_2012: "Police (Conduct) Regulations 2012",
            Regime.CONDUCT_REGS_2020: "Police (Conduct) Regulations 2020 (without the 2025 amendments)",
            Regime.CONDUCT_REGS_2020_AMENDED_2025: (
                "Police (Conduct) Regulations 2020 as amended by SI 2025/558"
            ),
        }[self]


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


def determine_regime(
    came_to_attention: date,
    *,
    linked_to_pre_commencement_allegation: bool = False,
    dg_reinvestigation_on: date | None = None,
    catalogue: Catalogue | None = None,
) -> RegimeDecision:
    """Choose the regime for an allegation.

    ``linked_to_pre_commencement_allegation``: the allegation relates to a matter on which an allegation
    made before 28 May 2025 is still being handled under the old rules (SI 2025/558 reg 64(1)(b)).
    ``dg_reinvestigation_on``: the date the Director General ordered a re-investigation (s.13B) or gave a
    s.28A direction (reg 64(2)).
    """
    cat = catalogue or default_catalogue()
    trace = Trace()
    if dg_reinvestigation_on is not None and dg_reinvestigation_on < came_to_attention:
        raise InvalidInput(
            "dg_reinvestigation_on",
            f"a date on or after the date the allegation came to attention ({came_to_attention})",
            dg_reinvestigation_on.isoformat(),
        )
    if came_to_attention < COMMENCEMENT_2020:
        v = cat.version("conduct_regs_2012", came_to_attention)
        trace.record(
            v,
            "allegation came to attention before 1 February 2020: the 2012 Regulations govern",
            on=came_to_attention,
            came_to_attention=came_to_attention,
        )
        return RegimeDecision(
            Regime.CONDUCT_REGS_2012, came_to_attention, came_to_attention, (v.summary,), trace
        )

    v2020 = cat.version("conduct_regs_2020", came_to_attention)
    trace.record(
        v2020,
        "allegation came to attention on or after 1 February 2020: the 2020 Regulations govern",
        on=came_to_attention,
        came_to_attention=came_to_attention,
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
    if came_to_attention < COMMENCEMENT_2025:
        trace.record(
            v64,
            "pre-commencement allegation (came to attention before 28 May 2025): "
            "the 2025 amendments do not apply",
            on=COMMENCEMENT_2025,
            came_to_attention=came_to_attention,
        )
        reasons.append(v64.summary)
        return RegimeDecision(
            Regime.CONDUCT_REGS_2020, came_to_attention, came_to_attention, tuple(reasons), trace
        )
    if linked_to_pre_commencement_allegation:
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


class PanelChair(StrEnum):
    LEGALLY_QUALIFIED_CHAIR = "legally_qualified_chair"
    CHIEF_OFFICER_OR_DELEGATE = "chief_officer_or_delegate"


@dataclass(frozen=True)
class PanelDecision:
    chair: PanelChair
    summary: str
    trace: Trace = field(compare=False)


def panel_for_hearing(hearing_on: date, *, catalogue: Catalogue | None = None) -> PanelDecision:
    """Who chairs a misconduct hearing held on a date (from 7 May 2024, the chief officer or delegate)."""
    cat = catalogue or default_catalogue()
    v = cat.version("panel_composition", hearing_on)
    chair = PanelChair(v.parameters["chair"])
    trace = Trace()
    trace.record(v, f"hearing on {hearing_on.isoformat()}: chaired by {chair.value}", on=hearing_on)
    return PanelDecision(chair, v.summary, trace)
