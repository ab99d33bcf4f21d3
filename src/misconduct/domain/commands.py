"""Commands: what a user asks the case to do, named in the imperative. ``on`` is the legal date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from misconduct.domain.records import (
    AllegationFinding,
    AllegationRecord,
    Assignment,
    CaseDetails,
    Determination,
    Evidence,
    OutcomeDecision,
    PartyRecord,
    ProceedingsArrangement,
    SeverityAssessment,
)
from misconduct.domain.terms import AppealResult, DutyRestriction
from misconduct.rules.vocabulary import Outcome


@dataclass(frozen=True)
class Command:
    on: date


@dataclass(frozen=True)
class OpenCase(Command):
    details: CaseDetails


@dataclass(frozen=True)
class AddParty(Command):
    party: PartyRecord


@dataclass(frozen=True)
class RecordAllegation(Command):
    allegation: AllegationRecord


@dataclass(frozen=True)
class AssessSeverity(Command):
    assessment: SeverityAssessment


@dataclass(frozen=True)
class AppointInvestigator(Command):
    investigator: str


@dataclass(frozen=True)
class GiveRegulation17Notice(Command):
    """Written notice of the investigation to the officer (reg 17)."""


@dataclass(frozen=True)
class ReceiveRegulation18Response(Command):
    """The officer's statement and documents (reg 18)."""


@dataclass(frozen=True)
class RecordInterview(Command):
    officer_id: str


@dataclass(frozen=True)
class ReportInvestigationProgress(Command):
    """Reg 19 report to the local policing body on an investigation not done in 12 months."""


@dataclass(frozen=True)
class SubmitInvestigationReport(Command):
    """Reg 21 report, optionally stating that the special conditions may be met (reg 21(3))."""

    special_conditions_statement: bool = False


@dataclass(frozen=True)
class DetermineCaseToAnswer(Command):
    determination: Determination


@dataclass(frozen=True)
class GiveReferralNotice(Command):
    """Reg 30 notice of referral (reg 51 for an accelerated hearing)."""


@dataclass(frozen=True)
class ReceiveOfficerResponse(Command):
    accepts: bool


@dataclass(frozen=True)
class ExchangeWitnessLists(Command):
    pass


@dataclass(frozen=True)
class ArrangeProceedings(Command):
    """Arranged again before the findings, the anonymity order, reporting restrictions and the
    exclusion of the public in force carry into the new arrangement where it leaves them empty (or
    in public): removing them must be confirmed with ``lift``, as in :class:`DirectAnonymity`."""

    arrangement: ProceedingsArrangement
    lift: bool = False


@dataclass(frozen=True)
class GivePublicNotice(Command):
    pass


# -- hearing administration: papers, pre-hearing, notice, adjournments and extensions --------------


@dataclass(frozen=True)
class SendPapersToChair(Command):
    """The documents supplied to the person conducting or chairing (reg 32(6))."""


@dataclass(frozen=True)
class HoldPreHearing(Command):
    """The misconduct pre-hearing held by the chair (reg 33); ``directions``, if any, in brief."""

    directions: str = ""


@dataclass(frozen=True)
class GiveHearingNotice(Command):
    """Written notice to the officer of the date, time and place of the proceedings (reg 35(1))."""


@dataclass(frozen=True)
class AdjournProceedings(Command):
    """The meeting or hearing put off to a new date (reg 41(3)), with reasons."""

    resumes_on: date
    reasons: str
    resumes_at: time | None = None
    venue: str = ""
    exceptional_circumstances: str = ""
    """Where the adjournment is solely to let a complainant, witness or interested person attend:
    the exceptional circumstances that allow it (reg 41(4))."""
    solely_for_attendance: bool = False


@dataclass(frozen=True)
class ExtendTimeLimit(Command):
    """A time limit of the case extended by the person who may extend it, with reasons."""

    step: str
    extended_to: date
    reasons: str
    officer_id: str = ""


@dataclass(frozen=True)
class ObjectToPanelMember(Command):
    """The officer's written objection to a member of the panel named to them, with the grounds
    (reg 35(3)-(4), (8)-(9)). ``member`` is the member's name as the arrangement gives it."""

    member: str
    grounds: str
    officer_id: str = ""


@dataclass(frozen=True)
class DecidePanelObjection(Command):
    """The chair upholds or rejects the objection to ``member`` and tells the officer (reg 35(5))."""

    member: str
    upheld: bool
    reasons: str = ""


@dataclass(frozen=True)
class ReplacePanelMember(Command):
    """A member the chair upheld an objection to is replaced (reg 35(6)); ``on`` is the day the
    officer is given written notice of the new member's name (reg 35(7))."""

    member: str
    replacement: str


@dataclass(frozen=True)
class DirectAnonymity(Command):
    """The chair's direction on anonymity and reporting restrictions, given or varied at any time
    once the hearing is arranged (SI 2020/4 reg 39(3); reg 59(2)). It says what stands from ``on``:
    ``cipher`` the only name the public is to see of the officer ("": none) and
    ``reporting_restrictions`` ("": none). Removing an order or restrictions in force must be
    confirmed with ``lift``, so that an officer is never named by a field left empty."""

    cipher: str = ""
    reporting_restrictions: str = ""
    reasons: str = ""
    lift: bool = False


@dataclass(frozen=True)
class ExcludeFromProceedings(Command):
    """The chair excludes the public (``public``) or a person (``person``, described) from the
    whole of the meeting or hearing or from ``part`` of it (SI 2020/4 reg 39(3)(a); reg
    59(2)(a))."""

    public: bool = False
    person: str = ""
    part: str = ""
    reasons: str = ""


@dataclass(frozen=True)
class ImposeAttendanceConditions(Command):
    """The person conducting or chairing imposes ``conditions`` on the attendance of ``person``
    (described: a person, or those attending in some capacity) at the meeting or hearing, to
    facilitate its proper conduct (SI 2020/4 reg 39(3)(b); reg 59(2)(b)). ``excludes``: the
    conditions have the effect of excluding a person from all or part of the hearing, which reg
    39(3A) / 59(4) asks written reasons for (``reasons``)."""

    person: str = ""
    conditions: str = ""
    excludes: bool = False
    reasons: str = ""


@dataclass(frozen=True)
class GivePrivacyReasons(Command):
    """The chair's written reasons for excluding, anonymity or reporting restrictions given to the
    local policing body on ``on`` (SI 2020/4 reg 39(3A); reg 59(4)): they cover every such step
    dated on or before it that awaited them."""


@dataclass(frozen=True)
class RecordFindings(Command):
    """``on`` is the day the meeting or hearing concluded."""

    findings: tuple[AllegationFinding, ...]


@dataclass(frozen=True)
class DecideOutcome(Command):
    decision: OutcomeDecision


@dataclass(frozen=True)
class SubmitOutcomeReport(Command):
    pass


@dataclass(frozen=True)
class NotifyOfficer(Command):
    """The officer is given the outcome report and notice of the right of appeal."""

    officer_id: str


@dataclass(frozen=True)
class PublishOutcome(Command):
    period_days: int | None = None
    """Days the report stays published after the day of publication, where a period is set for
    this case (at least 28, SI 2020/4 reg 43); None leaves it to the force's policy."""


@dataclass(frozen=True)
class RemovePublication(Command):
    pass


@dataclass(frozen=True)
class LodgeAppeal(Command):
    officer_id: str
    extension_reason: str = ""


@dataclass(frozen=True)
class DetermineAppeal(Command):
    officer_id: str
    result: AppealResult
    substituted_outcome: Outcome | None = None


@dataclass(frozen=True)
class NotifyAppealDetermination(Command):
    officer_id: str


@dataclass(frozen=True)
class ReferToReflectivePractice(Command):
    officer_id: str


@dataclass(frozen=True)
class CompleteReflectivePractice(Command):
    officer_id: str


@dataclass(frozen=True)
class ReportToBarredList(Command):
    officer_id: str


@dataclass(frozen=True)
class CloseCase(Command):
    reason: str
    withdrawn: bool = False


@dataclass(frozen=True)
class ErasePersonalData(Command):
    """Erase the personal data of a closed case (``data``: the ids of the data held outside the
    chain), under the retention schedule given in ``reason``."""

    data: tuple[str, ...]
    reason: str


# -- the working case file: allegations amended or withdrawn, notes, assignment, evidence -----------


@dataclass(frozen=True)
class AmendAllegation(Command):
    """Replace an allegation's particulars, dates or standards before notice of referral."""

    allegation: AllegationRecord


@dataclass(frozen=True)
class WithdrawAllegation(Command):
    allegation_id: str
    reasons: str


@dataclass(frozen=True)
class AddNote(Command):
    """A note in the case log; the author and the time are those of the recorded event."""

    text: str


@dataclass(frozen=True)
class AssignCase(Command):
    assignment: Assignment


@dataclass(frozen=True)
class AttachEvidence(Command):
    evidence: Evidence


@dataclass(frozen=True)
class SuspendOfficer(Command):
    """Suspend the officer, or restrict their duties, with the date the decision is next reviewed."""

    officer_id: str
    kind: DutyRestriction
    reasons: str
    review_by: date


@dataclass(frozen=True)
class ReviewSuspension(Command):
    """Review a suspension or restriction: continue it to a next review, or lift it."""

    officer_id: str
    continued: bool
    reasons: str
    review_by: date | None = None
