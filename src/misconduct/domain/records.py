"""The value objects a case is made of: officers, parties, allegations, assessments, proceedings,
findings, decisions and the time limits they start. Commands and events carry these.

>>> o = SubjectOfficer("off_0123456789abcdef", "Dana Example", "100001", Rank.CONSTABLE, "metropolitan")
>>> o.serving, o.display_name()
(True, 'PC Dana Example')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from misconduct.domain.personal import PERSONAL_DATA, together
from misconduct.domain.terms import (
    AssignmentRole,
    ChairRole,
    InvestigationMode,
    LikelyForm,
    Nature,
    OfficerStatus,
    PanelRole,
    PartyRole,
    SeverityResult,
    Source,
)
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
    """Opaque (``off_`` and 16 hex digits, ``domain.persons``); ``force:number`` in older cases."""
    name: str = field(metadata=PERSONAL_DATA)
    warrant_number: str = field(metadata=PERSONAL_DATA)
    rank: Rank
    force: str
    serving: bool = True
    previously_reduced_in_rank: bool = False
    prior_warnings: tuple[PriorWarning, ...] = ()
    special_constable: bool = False
    left_on: date | None = None
    """For a former officer: the day they left the force."""

    def __post_init__(self) -> None:
        _text(self.name, "officer name")
        _text(self.warrant_number, "warrant_number", "a warrant or collar number")
        if self.left_on is not None and self.serving:
            raise InvalidInput(
                "left_on", "no leaving date for a serving officer", self.left_on.isoformat()
            )

    @property
    def status(self) -> OfficerStatus:
        if not self.serving:
            return OfficerStatus.FORMER_OFFICER
        return OfficerStatus.SPECIAL_CONSTABLE if self.special_constable else OfficerStatus.SERVING

    def display_name(self) -> str:
        return f"{self.rank.abbreviation} {self.name}"


@dataclass(frozen=True)
class PartyRecord:
    """A person or body in the case other than the subject officers.

    ``party_id`` lets later events and the public surfaces refer to the person without their name;
    ``restricted`` marks someone whose identity no public surface may show."""

    role: PartyRole
    name: str = field(metadata=PERSONAL_DATA)
    detail: str = field(default="", metadata=PERSONAL_DATA)
    party_id: str = ""
    contact: str = field(default="", metadata=PERSONAL_DATA)
    restricted: bool = False
    officer_id: str = ""
    """For a police friend or lawyer: the officer they act for."""

    def __post_init__(self) -> None:
        _text(self.name, "party name")


@dataclass(frozen=True)
class Origin:
    """How and when the matter came in: the dates it came to each body's attention (each optional),
    the IOPC referral decision with its reasons and the mode of investigation."""

    force_on: date | None = None
    local_policing_body_on: date | None = None
    iopc_on: date | None = None
    referred_to_iopc: bool | None = None
    referral_reasons: str = field(default="", metadata=PERSONAL_DATA)
    investigation_mode: InvestigationMode | None = None

    def earliest(self) -> date | None:
        days = [d for d in (self.force_on, self.local_policing_body_on, self.iopc_on) if d]
        return min(days) if days else None


@dataclass(frozen=True)
class Evidence:
    """A file held with the case: stored by its SHA-256, which the event chain records."""

    sha256: str
    filename: str = field(metadata=PERSONAL_DATA)
    title: str = field(metadata=PERSONAL_DATA)
    media_type: str
    size: int
    step: str = ""
    """The lifecycle step the file belongs to (e.g. ``regulation-18-response``), if any."""

    def __post_init__(self) -> None:
        _text(self.title, "title", "a title for the file")
        if self.size < 1:
            raise InvalidInput("file", "a file that is not empty", self.size)


@dataclass(frozen=True)
class Assignment:
    role: AssignmentRole
    username: str

    def __post_init__(self) -> None:
        _text(self.username, "assignee", "the username of the person assigned")


@dataclass(frozen=True)
class AllegationRecord:
    allegation_id: str
    officer_id: str
    particulars: str = field(metadata=PERSONAL_DATA)
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
    summary: str = field(metadata=PERSONAL_DATA)
    officers: tuple[SubjectOfficer, ...]
    allegations: tuple[AllegationRecord, ...] = ()
    origin: Origin | None = None

    def __post_init__(self) -> None:
        _text(self.ref, "ref", "a case reference")
        if not self.officers:
            raise InvalidInput("officers", "at least one subject officer", "none")


@dataclass(frozen=True)
class SeverityAssessment:
    result: SeverityResult
    likely_form: LikelyForm | None
    decision_maker: str = field(metadata=PERSONAL_DATA)
    reasons: str = field(metadata=PERSONAL_DATA)

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
    decision_maker: str = field(metadata=PERSONAL_DATA)
    reasons: str = field(metadata=PERSONAL_DATA)
    certified_special_conditions: bool = False
    hearing_exception: str = field(default="", metadata=PERSONAL_DATA)
    """Why a misconduct (not gross misconduct) case goes to a hearing rather than a meeting."""

    def __post_init__(self) -> None:
        _text(self.decision_maker, "decision_maker")
        _text(self.reasons, "reasons")


@dataclass(frozen=True)
class PanelMember:
    """A member of the panel, or an adviser to it, in the role the rules give them."""

    name: str = field(metadata=PERSONAL_DATA)
    role: PanelRole

    def __post_init__(self) -> None:
        _text(self.name, self.role.value, f"the name of the {self.role.label.lower()}")


@dataclass(frozen=True)
class ProceedingsArrangement:
    """The meeting or hearing as arranged. ``panel`` and ``adviser`` are the members' and the
    adviser's names (as histories before hearing administration recorded them); ``members`` gives
    each with their role, ``chair_role`` the chair's capacity. Arrangements recorded before venue,
    time and roles were kept carry none of them."""

    forum: Forum
    starts_on: date
    chair: str = field(metadata=PERSONAL_DATA)
    panel: tuple[str, ...] = field(default=(), metadata=PERSONAL_DATA)
    adviser: str = field(default="", metadata=PERSONAL_DATA)
    in_public: bool = False
    anonymity_cipher: str = ""
    reporting_restrictions: str = field(default="", metadata=PERSONAL_DATA)
    privacy_reasons: str = field(default="", metadata=PERSONAL_DATA)
    venue: str = ""
    starts_at: time | None = None
    chair_role: ChairRole | None = None
    members: tuple[PanelMember, ...] = ()
    public_notice_required: bool | None = None
    """Whether the chair requires a public notice (reg 36(1)); None: not recorded (a hearing is then
    taken to need one, as before)."""

    @property
    def administered(self) -> bool:
        """Arranged with the chair's capacity recorded, so the panel is checked against the rules."""
        return self.chair_role is not None

    @property
    def needs_public_notice(self) -> bool:
        hearing = self.forum is not Forum.MISCONDUCT_MEETING
        return hearing and self.public_notice_required is not False

    def restricts_beyond(self, held: ProceedingsArrangement | None) -> bool:
        """Whether this arrangement of a hearing excludes the public, orders anonymity or restricts
        reporting beyond ``held`` (the arrangement in force; None: none): what needs written
        reasons to the local policing body afresh (SI 2020/4 reg 39(3A); reg 59(4)). A meeting is
        held in private by law (reg 39(2)), so arranging it restricts nothing."""
        if self.forum is Forum.MISCONDUCT_MEETING:
            return False
        cipher, restrictions = self.anonymity_cipher.strip(), self.reporting_restrictions.strip()
        if held is None:
            return bool(not self.in_public or cipher or restrictions)
        return bool(
            (cipher and cipher != held.anonymity_cipher.strip())
            or (restrictions and restrictions != held.reporting_restrictions.strip())
            or (held.in_public and not self.in_public)
        )

    def privacy_words(self) -> str:
        """What the arrangement restricts, in words ("" for nothing)."""
        said = []
        if self.forum is not Forum.MISCONDUCT_MEETING and not self.in_public:
            said.append("the public excluded from the whole of the hearing")
        if self.anonymity_cipher.strip():
            said.append(f"anonymity order (“{self.anonymity_cipher.strip()}”)")
        if self.reporting_restrictions.strip():
            said.append("reporting restrictions")
        return "; ".join(said)


@dataclass(frozen=True)
class PanelObjection:
    """The officer's objection to a member of the panel (SI 2020/4 reg 35(3)-(4)), the chair's
    decision on it (reg 35(5)) and, where it is upheld, who replaced the member and when the officer
    was given the new member's name (reg 35(6)-(7)). Names and roles are plain strings."""

    on: date
    member: str
    role: str
    grounds: str
    officer_id: str = ""
    decided_on: date | None = None
    upheld: bool | None = None
    decision_reasons: str = ""
    replaced_by: str = ""
    replaced_on: date | None = None

    @property
    def awaiting(self) -> str:
        """What the objection still waits for: the chair's decision, a replacement, or nothing."""
        if self.decided_on is None:
            return "decision"
        if self.upheld and self.replaced_on is None:
            return "replacement"
        return ""


@dataclass(frozen=True)
class Adjournment:
    """The meeting or hearing put off (reg 41(3)): from ``was_on``, to resume on ``resumes_on``."""

    on: date
    was_on: date
    resumes_on: date
    reasons: str = field(metadata=PERSONAL_DATA)
    resumes_at: time | None = None
    venue: str = ""


@dataclass(frozen=True)
class AnonymityDirection:
    """The chair's direction, after the arrangement, on the name the public sees of the officer and
    on what may not be published (SI 2020/4 reg 39(3); reg 59(2)): ``cipher`` the only name the
    public sees ("": none, the officer may be named), ``was`` the cipher it replaced ("": none)."""

    on: date
    chair: str
    cipher: str
    reporting_restrictions: str = ""
    reasons: str = ""
    was: str = ""

    @property
    def lifts(self) -> bool:
        """Whether it lifted an anonymity order."""
        return bool(self.was) and not self.cipher


@dataclass(frozen=True)
class Exclusion:
    """The chair's exclusion of the public or of a person from the whole or a part of the meeting
    or hearing (SI 2020/4 reg 39(3)(a); reg 59(2)(a)): ``part`` says which part ("": the whole)."""

    on: date
    chair: str
    public: bool
    person: str = ""
    part: str = ""
    reasons: str = ""

    @property
    def who(self) -> str:
        if self.public and self.person:
            return f"the public and {self.person}"
        return "the public" if self.public else self.person

    @property
    def extent(self) -> str:
        return (
            f"part of the proceedings ({self.part})"
            if self.part
            else "the whole of the proceedings"
        )


@dataclass(frozen=True)
class AttendanceConditions:
    """Conditions the chair imposed on the attendance of ``person`` at the meeting or hearing (SI
    2020/4 reg 39(3)(b); reg 59(2)(b)); ``excludes``: with the effect of excluding a person from all
    or part of the hearing (reg 39(3A); reg 59(4))."""

    on: date
    chair: str
    person: str
    conditions: str
    excludes: bool = False
    reasons: str = ""


@dataclass(frozen=True)
class PrivacyAction:
    """An exercise of the chair's power to exclude or to prohibit publication (an arrangement in
    private or with an anonymity order or reporting restrictions, a direction, an exclusion) for
    which SI 2020/4 reg 39(3A) / reg 59(4) asks written reasons to the local policing body where
    it applies (``domain.privacy.reasons_awaited``): ``given_on`` the day the reasons were given."""

    on: date
    what: str
    given_on: date | None = None


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
    decision_maker: str = field(metadata=PERSONAL_DATA)
    reasons: str = field(default="", metadata=PERSONAL_DATA)
    warning_months: int | None = None
    unconnected_incidents: bool = False
    assessment: dict[str, Any] | None = None
    """The engine's result, with the chair's free text (notes, reasons for a level, exceptional
    circumstances) marked in it by ``personal.apart``: the text itself is ``assessment_notes``."""
    assessment_trace: list[Any] | None = None
    assessment_rules_version: str | None = None
    assessment_notes: tuple[str, ...] = field(default=(), metadata=PERSONAL_DATA)
    """The chair's free text the assessment quotes, held beside the chain and erasable."""

    def shown_assessment(self) -> dict[str, Any] | None:
        """The assessment as the chair saw it: each mark replaced by the chair's words (or by the
        erasure placeholder). A decision recorded before the notes were kept apart has no marks."""
        if self.assessment is None:
            return None
        shown: dict[str, Any] = together(self.assessment, self.assessment_notes)
        return shown


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
