"""Events: what happened to a case, named in the past tense. ``on`` is the legal date (``occurred_on``).

Events that start statutory time limits carry them, computed by the rules when the step was taken, so a
replay shows the dates as they were decided even if the rules later change.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from misconduct.domain.codec import from_plain, to_plain
from misconduct.domain.personal import PAYLOAD_OF, PERSONAL_DATA, Datum, commit
from misconduct.domain.records import (
    Adjournment,
    AllegationFinding,
    AllegationRecord,
    Assignment,
    CaseDetails,
    Determination,
    DueItem,
    Evidence,
    Exclusion,
    OutcomeDecision,
    PartyRecord,
    ProceedingsArrangement,
    SeverityAssessment,
    WarningStatus,
)
from misconduct.domain.terms import AppealResult, AppealRoute, DutyRestriction
from misconduct.errors import InvalidInput
from misconduct.rules.vocabulary import Forum, Outcome


@dataclass(frozen=True)
class Event:
    on: date

    @property
    def type(self) -> str:
        return type(self).__name__


@dataclass(frozen=True)
class Timed(Event):
    deadlines: tuple[DueItem, ...]


@dataclass(frozen=True)
class CaseOpened(Event):
    details: CaseDetails


@dataclass(frozen=True)
class PartyAdded(Event):
    party: PartyRecord


@dataclass(frozen=True)
class AllegationRecorded(Event):
    allegation: AllegationRecord


@dataclass(frozen=True)
class SeverityAssessed(Timed):
    assessment: SeverityAssessment
    warnings: tuple[WarningStatus, ...]


@dataclass(frozen=True)
class InvestigatorAppointed(Event):
    investigator: str = field(metadata=PERSONAL_DATA)


@dataclass(frozen=True)
class Regulation17NoticeGiven(Timed):
    pass


@dataclass(frozen=True)
class Regulation18ResponseReceived(Event):
    pass


@dataclass(frozen=True)
class InterviewHeld(Event):
    officer_id: str


@dataclass(frozen=True)
class TimelinessReportSent(Timed):
    pass


@dataclass(frozen=True)
class InvestigationReportSubmitted(Event):
    special_conditions_statement: bool


@dataclass(frozen=True)
class CaseToAnswerDetermined(Event):
    determination: Determination


@dataclass(frozen=True)
class ReferralNoticeGiven(Timed):
    forum: Forum


@dataclass(frozen=True)
class OfficerResponseReceived(Timed):
    """``moved``: a reg 34 meeting limit already running from the end of the reg 31 period, now
    running from the response instead (reg 34(1)(a))."""

    accepts: bool
    moved: tuple[DueItem, ...] = ()


@dataclass(frozen=True)
class WitnessListsExchanged(Event):
    pass


@dataclass(frozen=True)
class ProceedingsArranged(Timed):
    arrangement: ProceedingsArrangement


@dataclass(frozen=True)
class PublicNoticeGiven(Event):
    pass


@dataclass(frozen=True)
class PapersSentToChair(Timed):
    pass


@dataclass(frozen=True)
class PreHearingHeld(Timed):
    directions: str = field(default="", metadata=PERSONAL_DATA)


@dataclass(frozen=True)
class HearingNoticeGiven(Timed):
    pass


@dataclass(frozen=True)
class PanelObjectionMade(Event):
    """The officer objected to a panel member (reg 35(3)-(4)); names and roles as plain strings."""

    member: str = field(metadata=PERSONAL_DATA)
    role: str
    grounds: str = field(metadata=PERSONAL_DATA)
    officer_id: str = ""


@dataclass(frozen=True)
class PanelObjectionDecided(Event):
    """The chair upheld or rejected the objection to ``member`` (reg 35(5))."""

    member: str = field(metadata=PERSONAL_DATA)
    upheld: bool
    reasons: str = field(default="", metadata=PERSONAL_DATA)


@dataclass(frozen=True)
class PanelMemberReplaced(Timed):
    """``member`` replaced by ``replacement`` in the same role (reg 35(6)); the officer was given the
    new name on ``on`` (reg 35(7)), which opens a new window to object (reg 35(8)-(9))."""

    member: str = field(metadata=PERSONAL_DATA)
    replacement: str = field(metadata=PERSONAL_DATA)
    role: str


@dataclass(frozen=True)
class ProceedingsAdjourned(Event):
    """``moved``: the case's time limits that run from the date of the proceedings, as the rules
    compute them from the new date; they replace the open limits of the same step."""

    adjournment: Adjournment
    moved: tuple[DueItem, ...] = ()


@dataclass(frozen=True)
class TimeLimitExtended(Event):
    """``moved``: the extended time limit, replacing the open limit of the same step (and officer)."""

    step: str
    extended_to: date
    reasons: str = field(metadata=PERSONAL_DATA)
    moved: tuple[DueItem, ...] = ()
    officer_id: str = ""


@dataclass(frozen=True)
class AnonymityDirected(Event):
    """The chair (``chair``, as the arrangement names them) directed what stands from ``on``: the
    cipher that is the only name the public sees of the officer ("": no anonymity order, the
    officer may be named) and the reporting restrictions ("": none), replacing those in force
    (SI 2020/4 reg 39(3); reg 59(2))."""

    chair: str = field(metadata=PERSONAL_DATA)
    cipher: str = ""
    reporting_restrictions: str = field(default="", metadata=PERSONAL_DATA)
    reasons: str = field(default="", metadata=PERSONAL_DATA)


@dataclass(frozen=True)
class ExcludedFromProceedings(Event):
    """The chair (``chair``, as the arrangement names them) excluded the public and/or ``person``
    from the whole of the proceedings or from ``part`` of them (SI 2020/4 reg 39(3)(a); reg
    59(2)(a))."""

    chair: str = field(metadata=PERSONAL_DATA)
    public: bool = False
    person: str = field(default="", metadata=PERSONAL_DATA)
    part: str = field(default="", metadata=PERSONAL_DATA)
    reasons: str = field(default="", metadata=PERSONAL_DATA)


@dataclass(frozen=True)
class AttendanceConditionsImposed(Event):
    """The chair (``chair``, as the arrangement names them) imposed ``conditions`` on the attendance
    of ``person`` (SI 2020/4 reg 39(3)(b); reg 59(2)(b)); ``excludes``: with the effect of
    excluding a person from all or part of the hearing (reg 39(3A); reg 59(4))."""

    chair: str = field(metadata=PERSONAL_DATA)
    person: str = field(default="", metadata=PERSONAL_DATA)
    conditions: str = field(default="", metadata=PERSONAL_DATA)
    excludes: bool = False
    reasons: str = field(default="", metadata=PERSONAL_DATA)


@dataclass(frozen=True)
class PrivacyReasonsGiven(Event):
    """The chair's written reasons were given to the local policing body for every exclusion,
    anonymity order or reporting restriction dated on or before ``on`` that awaited them (SI 2020/4
    reg 39(3A); reg 59(4))."""

    chair: str = field(metadata=PERSONAL_DATA)


@dataclass(frozen=True)
class FindingsRecorded(Timed):
    findings: tuple[AllegationFinding, ...]


@dataclass(frozen=True)
class OutcomeDecided(Event):
    decision: OutcomeDecision
    finding: str
    regime: str
    available: tuple[Outcome, ...]


@dataclass(frozen=True)
class OutcomeReportSubmitted(Event):
    pass


@dataclass(frozen=True)
class OfficerNotified(Timed):
    officer_id: str
    warning_kind: Outcome | None = None
    warning_months: int | None = None
    warning_expires_on: date | None = None


@dataclass(frozen=True)
class OutcomePublished(Timed):
    period_days: int | None = None


@dataclass(frozen=True)
class PublicationRemoved(Event):
    pass


@dataclass(frozen=True)
class AppealLodged(Timed):
    officer_id: str
    route: AppealRoute
    window_closed_on: date
    extension_reason: str = field(default="", metadata=PERSONAL_DATA)


@dataclass(frozen=True)
class AppealDetermined(Timed):
    officer_id: str
    result: AppealResult
    substituted_outcome: Outcome | None = None


@dataclass(frozen=True)
class AppealDeterminationNotified(Event):
    officer_id: str


@dataclass(frozen=True)
class ReflectivePracticeReferred(Timed):
    officer_id: str


@dataclass(frozen=True)
class ReflectivePracticeCompleted(Event):
    officer_id: str


@dataclass(frozen=True)
class BarredListReported(Timed):
    officer_id: str


@dataclass(frozen=True)
class CaseClosed(Event):
    reason: str = field(metadata=PERSONAL_DATA)
    withdrawn: bool = False


@dataclass(frozen=True)
class AllegationAmended(Event):
    allegation: AllegationRecord


@dataclass(frozen=True)
class AllegationWithdrawn(Event):
    allegation_id: str
    reasons: str = field(metadata=PERSONAL_DATA)


@dataclass(frozen=True)
class NoteAdded(Event):
    text: str = field(metadata=PERSONAL_DATA)


@dataclass(frozen=True)
class CaseAssigned(Event):
    assignment: Assignment


@dataclass(frozen=True)
class EvidenceAttached(Event):
    """The file's SHA-256 is in the payload, so the hash chain covers the file's content."""

    evidence: Evidence


@dataclass(frozen=True)
class OfficerSuspended(Timed):
    officer_id: str
    kind: DutyRestriction
    reasons: str = field(metadata=PERSONAL_DATA)


@dataclass(frozen=True)
class SuspensionReviewed(Timed):
    officer_id: str
    continued: bool
    reasons: str = field(metadata=PERSONAL_DATA)


@dataclass(frozen=True)
class StepCorrected(Event):
    """A mistaken step corrected: the event at ``supersedes`` is read as ``replacement`` (an event of
    the same type, decided afresh by the rules on the case as it stood before it). The original stays
    in the chain; ``on`` is the day of the correction."""

    supersedes: int
    reasons: str = field(metadata=PERSONAL_DATA)
    replacement_type: str
    replacement_on: date
    replacement: dict[str, Any] = field(metadata={PAYLOAD_OF: "replacement_type"})

    def replacement_event(self) -> Event:
        return event_from_payload(self.replacement_type, self.replacement, self.replacement_on)


@dataclass(frozen=True)
class PersonalDataErased(Event):
    """A closed case's personal data erased under the retention schedule. The data are named by
    their ids only: their values, held outside the chain, are gone, and the chain still verifies."""

    data: tuple[str, ...]
    reason: str


EVENT_TYPES: dict[str, type[Event]] = {
    cls.__name__: cls
    for cls in (
        CaseOpened,
        PartyAdded,
        AllegationRecorded,
        SeverityAssessed,
        InvestigatorAppointed,
        Regulation17NoticeGiven,
        Regulation18ResponseReceived,
        InterviewHeld,
        TimelinessReportSent,
        InvestigationReportSubmitted,
        CaseToAnswerDetermined,
        ReferralNoticeGiven,
        OfficerResponseReceived,
        WitnessListsExchanged,
        ProceedingsArranged,
        PublicNoticeGiven,
        PapersSentToChair,
        PreHearingHeld,
        HearingNoticeGiven,
        PanelObjectionMade,
        PanelObjectionDecided,
        PanelMemberReplaced,
        ProceedingsAdjourned,
        TimeLimitExtended,
        AnonymityDirected,
        ExcludedFromProceedings,
        AttendanceConditionsImposed,
        PrivacyReasonsGiven,
        FindingsRecorded,
        OutcomeDecided,
        OutcomeReportSubmitted,
        OfficerNotified,
        OutcomePublished,
        PublicationRemoved,
        AppealLodged,
        AppealDetermined,
        AppealDeterminationNotified,
        ReflectivePracticeReferred,
        ReflectivePracticeCompleted,
        BarredListReported,
        CaseClosed,
        AllegationAmended,
        AllegationWithdrawn,
        NoteAdded,
        CaseAssigned,
        EvidenceAttached,
        StepCorrected,
        OfficerSuspended,
        SuspensionReviewed,
        PersonalDataErased,
    )
}


def event_payload(event: Event) -> dict[str, Any]:
    """The event's fields as plain JSON, without the legal date (stored beside it)."""
    payload: dict[str, Any] = to_plain(event)
    payload.pop("on")
    return payload


def sealed_payload(
    event: Event, prefix: str, salt: Callable[[], str]
) -> tuple[dict[str, Any], dict[str, Datum]]:
    """The event's payload as the chain holds it: each personal value replaced by a reference to a
    datum held outside the chain (ids starting with ``prefix``), with those data."""
    return commit(event_payload(event), type(event), prefix, salt, EVENT_TYPES)


def holds_personal_values(type_name: str, payload: dict[str, Any]) -> bool:
    """Whether a stored payload holds personal values inline (an event recorded before they were
    kept apart from the chain): those cannot be erased without breaking the chain."""
    cls = EVENT_TYPES.get(type_name)
    return cls is not None and bool(commit(payload, cls, "", lambda: "", EVENT_TYPES)[1])


def event_from_payload(type_name: str, payload: dict[str, Any], on: date) -> Event:
    cls = EVENT_TYPES.get(type_name)
    if cls is None:
        raise InvalidInput("event type", "one of " + ", ".join(EVENT_TYPES), type_name)
    return from_plain(cls, {**payload, "on": on.isoformat()}, where=type_name)


def _day(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _when(day: date, at: time | None, venue: str = "") -> str:
    text = _day(day) + (f" at {at.strftime('%H:%M')}" if at is not None else "")
    return text + (f", {venue.strip()}" if venue.strip() else "")


def _arranged(a: ProceedingsArrangement) -> str:
    forum = {
        Forum.MISCONDUCT_MEETING: "Misconduct meeting",
        Forum.MISCONDUCT_HEARING: "Misconduct hearing",
        Forum.ACCELERATED_MISCONDUCT_HEARING: "Accelerated misconduct hearing",
    }[a.forum]
    text = f"{forum} arranged for {_when(a.starts_on, a.starts_at, a.venue)}"
    role = f" ({a.chair_role.label.lower()})" if a.chair_role is not None else ""
    who = "conducted by" if a.forum is Forum.MISCONDUCT_MEETING else "chair:"
    text += f"; {who} {a.chair}{role}"
    if a.members:
        text += "; " + "; ".join(f"{m.role.label.lower()}: {m.name}" for m in a.members)
    elif a.panel:
        text += "; panel: " + ", ".join(a.panel)
    return text


def _directed(e: AnonymityDirected) -> str:
    text = f"The chair, {e.chair}, directed that " + (
        f"the officer be referred to in public only as “{e.cipher}”"
        if e.cipher
        else "there be no anonymity order: the officer may be named"
    )
    text += (
        f"; reporting restrictions: {e.reporting_restrictions}"
        if e.reporting_restrictions
        else "; no reporting restrictions"
    )
    if not e.reasons:
        return text
    return text + ("" if text.endswith((".", "!", "?")) else ".") + f" Reasons: {e.reasons}"


def _excluded(e: ExcludedFromProceedings) -> str:
    x = Exclusion(e.on, e.chair, e.public, e.person, e.part)
    text = f"The chair, {e.chair}, excluded {x.who} from {x.extent}"
    if not e.reasons:
        return text
    return text + ("" if text.endswith((".", "!", "?")) else ".") + f" Reasons: {e.reasons}"


def _conditions(e: AttendanceConditionsImposed) -> str:
    text = (
        f"The chair, {e.chair}, imposed conditions on the attendance of {e.person}: {e.conditions}"
    )
    if e.excludes:
        text += (
            "" if text.endswith((".", "!", "?")) else "."
        ) + " They have the effect of excluding a person from all or part of the hearing"
    if not e.reasons:
        return text
    return text + ("" if text.endswith((".", "!", "?")) else ".") + f" Reasons: {e.reasons}"


_SAYS_WHAT = frozenset(
    {
        "ProceedingsArranged",
        "ProceedingsAdjourned",
        "TimeLimitExtended",
        "PreHearingHeld",
        "AnonymityDirected",
        "ExcludedFromProceedings",
        "AttendanceConditionsImposed",
    }
)
"""Steps whose label says what was decided: a correction of one says what it now reads."""


_DESCRIBED: tuple[type[Event], ...] = (
    AnonymityDirected,
    AttendanceConditionsImposed,
    ExcludedFromProceedings,
    PrivacyReasonsGiven,
    HearingNoticeGiven,
    PanelMemberReplaced,
    PanelObjectionDecided,
    PanelObjectionMade,
    PapersSentToChair,
    PreHearingHeld,
    ProceedingsAdjourned,
    ProceedingsArranged,
    StepCorrected,
    TimeLimitExtended,
)
"""The event types :func:`describe` says more of than their type's label (those it tests below,
here in alphabetical order); any other type is labelled by :func:`_type_label` of its name."""


def describe(event: Event) -> str:
    """A short human label: ``SeverityAssessed`` becomes "Severity assessed"; the steps of hearing
    administration say what was arranged, in plain words and British dates."""
    kind = type(event)
    label = _generic_labels.get(kind)
    if label is not None:  # (most events: the label of their type, found once a type)
        return label
    if not issubclass(kind, _DESCRIBED):
        label = _generic_labels[kind] = _type_label(event.type)
        return label
    if isinstance(event, StepCorrected):
        text = f"Correction of #{event.supersedes}: {event.reasons}"
        if event.replacement_type in _SAYS_WHAT:
            text += f" Now: {describe(event.replacement_event())}"
        return text
    if isinstance(event, ProceedingsArranged):
        return _arranged(event.arrangement)
    if isinstance(event, ProceedingsAdjourned):
        a = event.adjournment
        return (
            f"Proceedings adjourned from {_day(a.was_on)} to "
            f"{_when(a.resumes_on, a.resumes_at, a.venue)}. Reasons: {a.reasons}"
        )
    if isinstance(event, TimeLimitExtended):
        title = event.moved[0].title if event.moved else event.step.replace("_", " ")
        title = title.removesuffix(" (extended)")
        return (
            f"Time limit extended to {_day(event.extended_to)}: {title}. Reasons: {event.reasons}"
        )
    if isinstance(event, PapersSentToChair):
        return "Papers sent to the chair"
    if isinstance(event, PreHearingHeld):
        return "Pre-hearing held" + (
            f". Directions: {event.directions}" if event.directions else ""
        )
    if isinstance(event, HearingNoticeGiven):
        return "Notice of the date, time and place given to the officer"
    if isinstance(event, PanelObjectionMade):
        return (
            f"The officer objected to {event.member} sitting on the panel. Grounds: {event.grounds}"
        )
    if isinstance(event, PanelObjectionDecided):
        verdict = "upheld" if event.upheld else "rejected"
        reasons = f". Reasons: {event.reasons}" if event.reasons else ""
        return f"The chair {verdict} the objection to {event.member}{reasons}"
    if isinstance(event, AnonymityDirected):
        return _directed(event)
    if isinstance(event, ExcludedFromProceedings):
        return _excluded(event)
    if isinstance(event, AttendanceConditionsImposed):
        return _conditions(event)
    if isinstance(event, PrivacyReasonsGiven):
        return (
            f"The chair, {event.chair}, gave the local policing body written reasons for excluding, "
            "anonymity or reporting restrictions"
        )
    if isinstance(event, PanelMemberReplaced):
        return f"{event.member} replaced on the panel by {event.replacement}; the officer was told"
    return _type_label(event.type)


_generic_labels: dict[type, str] = {}
"""The label of each event type that :func:`describe` labels by its type alone."""


@functools.cache
def _type_label(type_name: str) -> str:
    """``SeverityAssessed`` as "Severity assessed" (once a type: it depends on the name alone)."""
    words = re.sub(r"(?<!^)(?=[A-Z0-9])", " ", type_name).lower()
    words = re.sub(r"(\d) (\d)", r"\1\2", words)
    return words[:1].upper() + words[1:]
