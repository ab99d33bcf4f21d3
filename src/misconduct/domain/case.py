"""The case as it stands: a projection of its events, folded in order.

Nothing here decides anything; ``lifecycle.decide`` checks a command against this state and the rules,
and ``Case.apply`` records what an event says happened.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from misconduct.domain import events as ev
from misconduct.domain.records import (
    Adjournment,
    AllegationFinding,
    AllegationRecord,
    AnonymityDirection,
    AttendanceConditions,
    Determination,
    DueItem,
    Evidence,
    Exclusion,
    Origin,
    OutcomeDecision,
    PanelObjection,
    PartyRecord,
    PrivacyAction,
    ProceedingsArrangement,
    SeverityAssessment,
    SubjectOfficer,
    WarningStatus,
)
from misconduct.domain.terms import (
    AppealResult,
    AppealRoute,
    AssignmentRole,
    DutyRestriction,
    Nature,
    SeverityResult,
    Source,
    Stage,
)
from misconduct.rules.vocabulary import Finding, Forum, Outcome

# Which events discharge which time limits (for the officer named in the event, where there is one).
CLOSES: dict[type[ev.Event], tuple[str, ...]] = {
    ev.Regulation18ResponseReceived: ("reg18_response",),
    ev.TimelinessReportSent: ("reg19_timeliness_report",),
    ev.InvestigationReportSubmitted: ("reg19_timeliness_report",),
    ev.OfficerResponseReceived: ("reg31_response",),
    ev.WitnessListsExchanged: ("reg31_witness_lists",),
    ev.ProceedingsArranged: ("reg52_hearing_window",),
    ev.PublicNoticeGiven: ("reg36_public_notice",),
    ev.PapersSentToChair: ("reg32_documents_to_chair",),
    ev.PreHearingHeld: ("reg33_pre_hearing", "reg29_hearing_without_pre_hearing"),
    # The meeting or hearing took place: the limits by which it had to take place no longer run.
    ev.FindingsRecorded: (
        "reg29_first_day_of_hearing",
        "reg29_hearing_without_pre_hearing",
        "reg33_hearing_after_pre_hearing",
        "reg34_meeting",
    ),
    ev.OutcomeReportSubmitted: ("reg43_report", "reg63_report"),
    ev.AppealLodged: ("reg45_appeal", "pat_notice_of_appeal"),
    ev.AppealDeterminationNotified: ("reg47_determination_notice",),
    ev.ReflectivePracticeCompleted: ("rprp_account",),
    ev.PublicationRemoved: ("reg43_publication",),
    ev.SuspensionReviewed: ("suspension_review",),
}


@dataclass
class TimeLimit:
    item: DueItem
    met_on: date | None = None


@dataclass
class TimelineEntry:
    sequence: int
    on: date
    type: str
    label: str


@dataclass
class Investigation:
    investigator: str = ""
    appointed_on: date | None = None
    reg17_notice_on: date | None = None
    reg18_response_on: date | None = None
    interviews: list[tuple[date, str]] = field(default_factory=list)
    timeliness_reports: list[date] = field(default_factory=list)
    report_on: date | None = None
    special_conditions_statement: bool = False


@dataclass
class Referral:
    forum: Forum
    notice_on: date
    response_on: date | None = None
    accepts: bool | None = None
    witness_lists_on: date | None = None


@dataclass
class Proceedings:
    arrangement: ProceedingsArrangement
    """As it now stands: an adjournment moves its date, time and venue."""
    arranged_on: date
    public_notice_on: date | None = None
    concluded_on: date | None = None
    papers_on: date | None = None
    pre_hearing_on: date | None = None
    hearing_notice_on: date | None = None
    """The latest notice of the date, time and place given to the officer (reg 35(1))."""
    adjournments: list[Adjournment] = field(default_factory=list)
    objections: list[PanelObjection] = field(default_factory=list)
    """The officer's objections to panel members, as decided and replaced (reg 35(3)-(9))."""
    directions: list[AnonymityDirection] = field(default_factory=list)
    """The chair's directions on anonymity and reporting after the arrangement (reg 39(3); reg
    59(2)), in order; the arrangement holds what the latest gave."""
    exclusions: list[Exclusion] = field(default_factory=list)
    """The chair's exclusions of the public or a person from all or part of the proceedings
    (reg 39(3)(a); reg 59(2)(a)), in order."""
    conditions: list[AttendanceConditions] = field(default_factory=list)
    """The chair's conditions on the attendance of persons (reg 39(3)(b); reg 59(2)(b)), in order."""
    privacy_actions: list[PrivacyAction] = field(default_factory=list)
    """Each exclusion, condition excluding a person, anonymity order or reporting restriction of a
    hearing, in order, and when its written reasons went to the local policing body (reg 39(3A);
    reg 59(4))."""

    def objection(self, member: str, awaiting: str | None = None) -> PanelObjection | None:
        """The latest objection to ``member`` (by name, ignoring case and spacing), if any; with
        ``awaiting``, only one that waits for that (``"decision"`` or ``"replacement"``)."""
        key = " ".join(member.split()).casefold()
        for o in reversed(self.objections):
            if " ".join(o.member.split()).casefold() == key and (
                awaiting is None or o.awaiting == awaiting
            ):
                return o
        return None


@dataclass
class Decision:
    decision: OutcomeDecision
    decided_on: date
    finding: Finding
    regime: str
    available: tuple[Outcome, ...]
    notified_on: date | None = None
    warning_expires_on: date | None = None


@dataclass
class Appeal:
    officer_id: str
    route: AppealRoute
    lodged_on: date
    window_closed_on: date
    extension_reason: str
    result: AppealResult | None = None
    determined_on: date | None = None
    substituted_outcome: Outcome | None = None


@dataclass
class Withdrawal:
    allegation: AllegationRecord
    on: date
    reasons: str


@dataclass
class Note:
    sequence: int
    on: date
    text: str


@dataclass
class HeldEvidence:
    sequence: int
    on: date
    evidence: Evidence


@dataclass
class Suspension:
    kind: DutyRestriction
    since: date
    reasons: str
    lifted_on: date | None = None


@dataclass
class Case:
    ref: str
    force: str
    source: Source
    came_to_attention: date
    summary: str
    opened_on: date
    officers: dict[str, SubjectOfficer]
    allegations: dict[str, AllegationRecord] = field(default_factory=dict)
    parties: list[PartyRecord] = field(default_factory=list)
    version: int = 0
    severity: SeverityAssessment | None = None
    severity_on: date | None = None
    warnings_at_severity: dict[str, WarningStatus] = field(default_factory=dict)
    investigation: Investigation = field(default_factory=Investigation)
    determination: Determination | None = None
    determined_on: date | None = None
    referral: Referral | None = None
    proceedings: Proceedings | None = None
    findings: dict[str, AllegationFinding] = field(default_factory=dict)
    decisions: dict[str, Decision] = field(default_factory=dict)
    report_on: date | None = None
    published_on: date | None = None
    publication_removed_on: date | None = None
    publication_days: int | None = None
    """The publication period set for this case, if any (else the force's policy applies)."""
    appeals: list[Appeal] = field(default_factory=list)
    reflective_practice: dict[str, tuple[date, date | None]] = field(default_factory=dict)
    barred_list_reported: dict[str, date] = field(default_factory=dict)
    time_limits: list[TimeLimit] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    last_on: date | None = None
    closed_on: date | None = None
    closure_reason: str = ""
    origin: Origin | None = None
    withdrawn: dict[str, Withdrawal] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    assignments: dict[AssignmentRole, str] = field(default_factory=dict)
    evidence: list[HeldEvidence] = field(default_factory=list)
    suspensions: dict[str, Suspension] = field(default_factory=dict)
    erased_on: date | None = None
    """The day the case's personal data were erased under the retention schedule, if they were."""

    @classmethod
    def from_events(cls, events: list[ev.Event]) -> Case:
        if not events or not isinstance(events[0], ev.CaseOpened):
            raise ValueError("a case's first event must be CaseOpened")
        d = events[0].details
        case = cls(
            ref=d.ref,
            force=d.force,
            source=d.source,
            came_to_attention=d.came_to_attention,
            summary=d.summary,
            opened_on=events[0].on,
            officers={o.officer_id: o for o in d.officers},
            allegations={a.allegation_id: a for a in d.allegations},
            origin=d.origin,
        )
        case._record(events[0])
        # A corrected step is folded as its replacement (the latest correction wins); the timeline
        # keeps the original, marked, and the correction as an entry of its own.
        corrections = {
            e.supersedes: (n, e) for n, e in enumerate(events, 1) if isinstance(e, ev.StepCorrected)
        }
        for n, e in enumerate(events[1:], 2):
            if n in corrections:
                by, correction = corrections[n]
                case.apply(correction.replacement_event())
                entry = case.timeline[-1]
                entry.type, entry.label = e.type, f"{ev.describe(e)} (corrected by #{by})"
            else:
                case.apply(e)
        return case

    # -- reading -------------------------------------------------------------------------------

    @property
    def stage(self) -> Stage:
        if self.closed_on is not None:
            return Stage.CLOSED
        # (most cases have neither appeals nor reflective practice: no generator made for them)
        if self.appeals and any(a.result is None for a in self.appeals):
            return Stage.UNDER_APPEAL
        if self.reflective_practice and any(
            done is None for _, done in self.reflective_practice.values()
        ):
            return Stage.REFLECTIVE_PRACTICE
        checks = (
            (self.report_on, Stage.OUTCOME_REPORTED),
            (self.decisions, Stage.OUTCOME_DECIDED),
            (self.findings, Stage.FINDINGS_RECORDED),
            (self.proceedings, Stage.PROCEEDINGS_ARRANGED),
            (self.referral, Stage.REFERRED),
        )
        for value, stage in checks:
            if value:
                return stage
        if self.determination is not None:
            return (
                Stage.CASE_TO_ANSWER
                if self.determination.case_to_answer
                else Stage.NO_CASE_TO_ANSWER
            )
        if self.investigation.report_on is not None:
            return Stage.INVESTIGATION_REPORTED
        if self.severity is not None:
            if self.severity.result.needs_investigation:
                return Stage.UNDER_INVESTIGATION
            return Stage.SEVERITY_ASSESSED
        return Stage.INTAKE

    def open_limits(self) -> list[DueItem]:
        return [t.item for t in self.time_limits if t.met_on is None]

    def overdue(self, on: date) -> list[DueItem]:
        """Obligations whose last day has passed without the step being taken."""
        if self.closed_on is not None:
            return []
        return sorted(
            (i for i in self.open_limits() if i.nature is Nature.OBLIGATION and i.last_day < on),
            key=lambda i: i.last_day,
        )

    def upcoming(self, on: date) -> list[DueItem]:
        """Obligations and windows still running on ``on``, soonest first."""
        if self.closed_on is not None:
            return []
        return sorted(
            (
                i
                for i in self.open_limits()
                if i.nature is not Nature.NOT_BEFORE and i.last_day >= on
            ),
            key=lambda i: i.last_day,
        )

    def next_due(self, on: date) -> DueItem | None:
        items = self.upcoming(on)
        return items[0] if items else None

    def officer_finding(self, officer_id: str) -> Finding:
        """The most serious proven finding among the officer's allegations."""
        order = list(Finding)
        best = Finding.NO_MISCONDUCT
        for a in self.allegations.values():
            f = self.findings.get(a.allegation_id)
            if (
                a.officer_id == officer_id
                and f
                and f.proven
                and order.index(f.level) > order.index(best)
            ):
                best = f.level
        return best

    @property
    def forum(self) -> Forum | None:
        if self.proceedings is not None:
            return self.proceedings.arrangement.forum
        return self.determination.form if self.determination else None

    # -- writing -------------------------------------------------------------------------------

    def _record(self, e: ev.Event) -> None:
        self.version += 1
        self.timeline.append(TimelineEntry(self.version, e.on, e.type, ev.describe(e)))
        self.last_on = e.on if self.last_on is None else max(self.last_on, e.on)
        closes = CLOSES.get(type(e), ())
        before = len(self.time_limits)
        if isinstance(e, ev.Timed):
            self.time_limits.extend(TimeLimit(item) for item in e.deadlines)
        if not closes:
            return  # (most steps meet no time limit: none to look through)
        officer = getattr(e, "officer_id", None)
        # A review sets the next review: only the limits from before it are met by it.
        candidates = (
            self.time_limits[:before] if isinstance(e, ev.SuspensionReviewed) else self.time_limits
        )
        for t in candidates:
            mine = officer is None or t.item.officer_id in (None, officer)
            if t.met_on is None and t.item.step in closes and mine:
                t.met_on = e.on

    # A change to what apply() produces for the same events must bump _FOLD in
    # misconduct/app/repository.py, so that states stored under the old fold are replayed.
    def apply(self, e: ev.Event) -> None:
        if isinstance(e, ev.PartyAdded):
            self.parties.append(e.party)
        elif isinstance(e, ev.AllegationRecorded):
            self.allegations[e.allegation.allegation_id] = e.allegation
        elif isinstance(e, ev.SeverityAssessed):
            self.severity, self.severity_on = e.assessment, e.on
            self.warnings_at_severity = {w.officer_id: w for w in e.warnings}
        elif isinstance(e, ev.InvestigatorAppointed):
            self.investigation.investigator, self.investigation.appointed_on = e.investigator, e.on
        elif isinstance(e, ev.Regulation17NoticeGiven):
            self.investigation.reg17_notice_on = e.on
        elif isinstance(e, ev.Regulation18ResponseReceived):
            self.investigation.reg18_response_on = e.on
        elif isinstance(e, ev.InterviewHeld):
            self.investigation.interviews.append((e.on, e.officer_id))
        elif isinstance(e, ev.TimelinessReportSent):
            self.investigation.timeliness_reports.append(e.on)
        elif isinstance(e, ev.InvestigationReportSubmitted):
            self.investigation.report_on = e.on
            self.investigation.special_conditions_statement = e.special_conditions_statement
        elif isinstance(e, ev.CaseToAnswerDetermined):
            self.determination, self.determined_on = e.determination, e.on
        elif isinstance(e, ev.ReferralNoticeGiven):
            self.referral = Referral(e.forum, e.on)
        elif isinstance(e, ev.OfficerResponseReceived) and self.referral:
            self.referral.response_on, self.referral.accepts = e.on, e.accepts
            self._move(e.moved)
        elif isinstance(e, ev.WitnessListsExchanged) and self.referral:
            self.referral.witness_lists_on = e.on
        elif isinstance(e, ev.ProceedingsArranged):
            before = self.proceedings
            self.proceedings = Proceedings(e.arrangement, e.on)
            if before is not None:  # arranged again: the papers and pre-hearing stand
                self.proceedings.papers_on = before.papers_on
                self.proceedings.pre_hearing_on = before.pre_hearing_on
                self.proceedings.adjournments = before.adjournments
                self.proceedings.objections = before.objections
                self.proceedings.directions = before.directions
                self.proceedings.exclusions = before.exclusions
                self.proceedings.conditions = before.conditions
                self.proceedings.privacy_actions = before.privacy_actions
            if e.arrangement.restricts_beyond(before.arrangement if before else None):
                self.proceedings.privacy_actions.append(
                    PrivacyAction(e.on, "Arranged: " + e.arrangement.privacy_words())
                )
        elif isinstance(e, ev.PublicNoticeGiven) and self.proceedings:
            self.proceedings.public_notice_on = e.on
        elif isinstance(e, ev.FindingsRecorded):
            self.findings = {f.allegation_id: f for f in e.findings}
            if self.proceedings:
                self.proceedings.concluded_on = e.on
        elif isinstance(e, ev.OutcomeDecided):
            self.decisions[e.decision.officer_id] = Decision(
                e.decision, e.on, Finding(e.finding), e.regime, e.available
            )
        elif isinstance(e, ev.OutcomeReportSubmitted):
            self.report_on = e.on
        elif isinstance(e, ev.OfficerNotified):
            decision = self.decisions[e.officer_id]
            decision.notified_on, decision.warning_expires_on = e.on, e.warning_expires_on
        elif isinstance(e, ev.OutcomePublished):
            self.published_on = e.on
            self.publication_days = e.period_days
        elif isinstance(e, ev.PublicationRemoved):
            self.publication_removed_on = e.on
        elif isinstance(e, ev.AppealLodged):
            self.appeals.append(
                Appeal(e.officer_id, e.route, e.on, e.window_closed_on, e.extension_reason)
            )
        elif isinstance(e, ev.AppealDetermined):
            appeal = self.open_appeal(e.officer_id)
            if appeal is not None:
                appeal.result, appeal.determined_on = e.result, e.on
                appeal.substituted_outcome = e.substituted_outcome
        elif isinstance(e, ev.ReflectivePracticeReferred):
            self.reflective_practice[e.officer_id] = (e.on, None)
        elif isinstance(e, ev.ReflectivePracticeCompleted):
            started, _ = self.reflective_practice[e.officer_id]
            self.reflective_practice[e.officer_id] = (started, e.on)
        elif isinstance(e, ev.BarredListReported):
            self.barred_list_reported[e.officer_id] = e.on
        elif isinstance(
            e,
            ev.PapersSentToChair
            | ev.PreHearingHeld
            | ev.HearingNoticeGiven
            | ev.PanelObjectionMade
            | ev.PanelObjectionDecided
            | ev.PanelMemberReplaced
            | ev.AnonymityDirected
            | ev.ExcludedFromProceedings
            | ev.AttendanceConditionsImposed
            | ev.PrivacyReasonsGiven,
        ):
            self._administer(e)
        elif isinstance(e, ev.ProceedingsAdjourned) and self.proceedings:
            a, p = e.adjournment, self.proceedings
            p.arrangement = replace(
                p.arrangement,
                starts_on=a.resumes_on,
                starts_at=a.resumes_at or p.arrangement.starts_at,
                venue=a.venue.strip() or p.arrangement.venue,
            )
            p.adjournments.append(a)
            self._move(e.moved)
        elif isinstance(e, ev.TimeLimitExtended):
            self._move(e.moved)
        elif isinstance(e, ev.CaseClosed):
            self.closed_on, self.closure_reason = e.on, e.reason
        else:
            self._apply_file(e)
        self._record(e)

    def _apply_file(self, e: ev.Event) -> None:
        """The working case file: amended and withdrawn allegations, notes, assignment, evidence."""
        if isinstance(e, ev.AllegationAmended):
            self.allegations[e.allegation.allegation_id] = e.allegation
        elif isinstance(e, ev.AllegationWithdrawn):
            withdrawn = self.allegations.pop(e.allegation_id)
            self.withdrawn[e.allegation_id] = Withdrawal(withdrawn, e.on, e.reasons)
        elif isinstance(e, ev.NoteAdded):
            self.notes.append(Note(self.version + 1, e.on, e.text))
        elif isinstance(e, ev.CaseAssigned):
            self.assignments[e.assignment.role] = e.assignment.username
        elif isinstance(e, ev.EvidenceAttached):
            self.evidence.append(HeldEvidence(self.version + 1, e.on, e.evidence))
        elif isinstance(e, ev.OfficerSuspended):
            self.suspensions[e.officer_id] = Suspension(e.kind, e.on, e.reasons)
        elif isinstance(e, ev.SuspensionReviewed) and not e.continued:
            self.suspensions[e.officer_id].lifted_on = e.on
        elif isinstance(e, ev.PersonalDataErased):
            self.erased_on = e.on

    def _administer(self, e: ev.Event) -> None:
        """Hearing administration: papers to the chair, the pre-hearing, notice to the officer,
        objections to panel members, the chair's directions on anonymity and reporting."""
        p = self.proceedings
        if p is None:
            return
        if isinstance(e, ev.PapersSentToChair):
            p.papers_on = e.on
        elif isinstance(e, ev.PreHearingHeld):
            p.pre_hearing_on = e.on
        elif isinstance(e, ev.HearingNoticeGiven):
            p.hearing_notice_on = e.on
        elif isinstance(e, ev.PanelObjectionMade):
            p.objections.append(PanelObjection(e.on, e.member, e.role, e.grounds, e.officer_id))
        elif isinstance(e, ev.PanelObjectionDecided):
            o = p.objection(e.member, "decision")
            if o is not None:
                done = replace(o, decided_on=e.on, upheld=e.upheld, decision_reasons=e.reasons)
                p.objections[p.objections.index(o)] = done
        elif isinstance(e, ev.PanelMemberReplaced):
            o = p.objection(e.member, "replacement")
            if o is not None:
                p.objections[p.objections.index(o)] = replace(
                    o, replaced_by=e.replacement, replaced_on=e.on
                )
            a = p.arrangement
            members = tuple(
                replace(m, name=e.replacement)
                if m.name == e.member and m.role.value == e.role
                else m
                for m in a.members
            )
            panel = tuple(m.name for m in members if not m.role.advises)
            p.arrangement = replace(a, members=members, panel=panel)
        elif isinstance(e, ev.AnonymityDirected):
            a = p.arrangement
            p.directions.append(
                AnonymityDirection(
                    e.on, e.chair, e.cipher, e.reporting_restrictions, e.reasons, a.anonymity_cipher
                )
            )
            p.arrangement = replace(
                a,
                anonymity_cipher=e.cipher,
                reporting_restrictions=e.reporting_restrictions,
                privacy_reasons=e.reasons or a.privacy_reasons,
            )
            if a.forum is not Forum.MISCONDUCT_MEETING and (e.cipher or e.reporting_restrictions):
                p.privacy_actions.append(
                    PrivacyAction(e.on, "Direction: " + p.arrangement.privacy_words())
                )
        elif isinstance(e, ev.ExcludedFromProceedings):
            x = Exclusion(e.on, e.chair, e.public, e.person, e.part, e.reasons)
            p.exclusions.append(x)
            if e.public and not e.part:  # held in private from now: the public pages follow it
                p.arrangement = replace(
                    p.arrangement,
                    in_public=False,
                    privacy_reasons=e.reasons or p.arrangement.privacy_reasons,
                )
            if p.arrangement.forum is not Forum.MISCONDUCT_MEETING:
                p.privacy_actions.append(PrivacyAction(e.on, f"Excluded {x.who} from {x.extent}"))
        elif isinstance(e, ev.AttendanceConditionsImposed):
            k = AttendanceConditions(e.on, e.chair, e.person, e.conditions, e.excludes, e.reasons)
            p.conditions.append(k)
            if e.excludes and p.arrangement.forum is not Forum.MISCONDUCT_MEETING:
                # said within a sentence on the case page and "My work": no full stop of its own
                said = f"Conditions on the attendance of {k.person}: {k.conditions.rstrip('. ')}"
                p.privacy_actions.append(PrivacyAction(e.on, said))
        elif isinstance(e, ev.PrivacyReasonsGiven):
            p.privacy_actions = [
                replace(x, given_on=e.on) if x.given_on is None and x.on <= e.on else x
                for x in p.privacy_actions
            ]

    def _move(self, items: tuple[DueItem, ...]) -> None:
        """Each item replaces the open time limit of the same step (and officer): an adjournment or
        an extension moves the limit; the event keeps the dates as they were decided."""
        for item in items:
            for t in self.time_limits:
                if (
                    t.met_on is None
                    and t.item.step == item.step
                    and t.item.officer_id == item.officer_id
                ):
                    t.item = item

    def open_appeal(self, officer_id: str) -> Appeal | None:
        return next(
            (a for a in self.appeals if a.officer_id == officer_id and a.result is None), None
        )

    @property
    def severity_result(self) -> SeverityResult | None:
        return self.severity.result if self.severity else None
