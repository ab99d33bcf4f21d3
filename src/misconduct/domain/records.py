"""The value objects a case is made of: officers, parties, allegations, assessments, proceedings,
findings, decisions and the time limits they start. Commands and events carry these.

>>> o = SubjectOfficer("metropolitan:100001", "Dana Example", "100001", Rank.CONSTABLE, "metropolitan")
>>> o.serving, o.display_name()
(True, 'PC Dana Example')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from misconduct.domain.terms import LikelyForm, Nature, PartyRole, SeverityResult, Source
from misconduct.errors import InvalidInput
from misconduct.rules.vocabulary import Finding, Forum, Outcome, Rank


def _text(value: str, field: str, expected: str = "a non-empty text") -> None:
    if not value.strip():
        raise InvalidInput(field, expected, value)


@dataclass(frozen=True)
class PriorWarning:
    """A warning already on the officer's record when the case opened."""

    kind: Outcome
    notified_on: date
    months: int
    career_break_days: int = 0


@dataclass(frozen=True)
class SubjectOfficer:
    officer_id: str
    name: str
    warrant_number: str
    rank: Rank
    force: str
    serving: bool = True
    previously_reduced_in_rank: bool = False
    prior_warnings: tuple[PriorWarning, ...] = ()

    def __post_init__(self) -> None:
        _text(self.name, "officer name")
        _text(self.warrant_number, "warrant_number", "a warrant or collar number")

    def display_name(self) -> str:
        return f"{self.rank.abbreviation} {self.name}"


@dataclass(frozen=True)
class PartyRecord:
    role: PartyRole
    name: str
    detail: str = ""

    def __post_init__(self) -> None:
        _text(self.name, "party name")


@dataclass(frozen=True)
class AllegationRecord:
    allegation_id: str
    officer_id: str
    particulars: str
    conduct_from: date
    conduct_to: date
    on_duty: bool
    standards: tuple[str, ...]

    def __post_init__(self) -> None:
        _text(self.allegation_id, "allegation_id")
        _text(self.particulars, "particulars")
        if self.conduct_to < self.conduct_from:
            raise InvalidInput(
                "conduct_to",
                f"a date on or after conduct_from ({self.conduct_from.isoformat()})",
                self.conduct_to.isoformat(),
            )
        if not self.standards:
            raise InvalidInput("standards", "at least one standard id", "none")


@dataclass(frozen=True)
class CaseDetails:
    ref: str
    force: str
    source: Source
    came_to_attention: date
    summary: str
    officers: tuple[SubjectOfficer, ...]
    allegations: tuple[AllegationRecord, ...] = ()

    def __post_init__(self) -> None:
        _text(self.ref, "ref", "a case reference")
        if not self.officers:
            raise InvalidInput("officers", "at least one subject officer", "none")


@dataclass(frozen=True)
class SeverityAssessment:
    result: SeverityResult
    likely_form: LikelyForm | None
    decision_maker: str
    reasons: str

    def __post_init__(self) -> None:
        _text(self.decision_maker, "decision_maker")
        _text(self.reasons, "reasons")


@dataclass(frozen=True)
class WarningStatus:
    """Whether an officer had a warning in force on the severity-assessment date (regs 42(5),(7),(8))."""

    officer_id: str
    fww_in_force: bool
    ww_in_force: bool


@dataclass(frozen=True)
class Determination:
    """Reg 23: case to answer, its level and the form of proceedings; or reg 49 certification."""

    case_to_answer: bool
    level: Finding | None
    form: Forum | None
    decision_maker: str
    reasons: str
    certified_special_conditions: bool = False
    hearing_exception: str = ""
    """Why a misconduct (not gross misconduct) case goes to a hearing rather than a meeting."""

    def __post_init__(self) -> None:
        _text(self.decision_maker, "decision_maker")
        _text(self.reasons, "reasons")


@dataclass(frozen=True)
class ProceedingsArrangement:
    forum: Forum
    starts_on: date
    chair: str
    panel: tuple[str, ...] = ()
    adviser: str = ""
    in_public: bool = False
    anonymity_cipher: str = ""
    reporting_restrictions: str = ""
    privacy_reasons: str = ""


@dataclass(frozen=True)
class AllegationFinding:
    allegation_id: str
    proven: bool
    level: Finding
    standards_breached: tuple[str, ...] = ()
    admitted: bool = False


@dataclass(frozen=True)
class OutcomeDecision:
    """The decision for one officer; the assessment, its trace and rules version are kept opaque."""

    officer_id: str
    outcome: Outcome
    decision_maker: str
    reasons: str = ""
    warning_months: int | None = None
    unconnected_incidents: bool = False
    assessment: dict[str, Any] | None = None
    assessment_trace: list[Any] | None = None
    assessment_rules_version: str | None = None


@dataclass(frozen=True)
class DueItem:
    """A statutory time limit started by a step, with the date computed by the rules."""

    step: str
    title: str
    citation: str
    status: str
    trigger: date
    nature: Nature
    party: str
    due: date | None = None
    earliest: date | None = None
    latest: date | None = None
    officer_id: str | None = None

    @property
    def last_day(self) -> date:
        value = self.due if self.due is not None else self.latest
        assert value is not None
        return value
