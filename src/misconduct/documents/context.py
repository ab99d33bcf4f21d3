"""What a document is written from: frozen values built from the case record, and nothing else.

The renderers depend only on these, so a test can build a context directly and a document never reads
the database, the clock or the rules on its own. Every computed date in here was computed by the rules
when the context was built (``adapter.py``).

>>> o = OfficerInfo("Jo Example", "Constable", "PC", "100001", cipher="PC A")
>>> o.anonymised, o.display(), o.public_name()
(True, 'PC Jo Example', 'PC A')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from misconduct.documents.published import Section
from misconduct.rules.deadlines import Deadline
from misconduct.rules.vocabulary import Finding, Forum, Outcome


@dataclass(frozen=True)
class ForceInfo:
    """The force issuing the document, and the slot its crest fills (PNG, JPEG or SVG bytes)."""

    code: str
    name: str
    crest: bytes | None = None
    crest_mimetype: str = "image/png"


@dataclass(frozen=True)
class OfficerInfo:
    name: str
    rank: str
    rank_abbreviation: str
    warrant_number: str
    cipher: str = ""
    """Non-empty when an anonymity order stands: the name the public documents use instead."""
    date_of_birth: date | None = None
    address: str = ""
    serving: bool = True

    @property
    def anonymised(self) -> bool:
        return bool(self.cipher.strip())

    def display(self) -> str:
        return f"{self.rank_abbreviation} {self.name}"

    def public_name(self) -> str:
        return self.cipher if self.anonymised else self.display()


@dataclass(frozen=True)
class Protected:
    """Someone the public must not be able to identify, and what stands in their place.

    ``name`` is empty for a person whose name may be published (an officer named at a public
    hearing) but whose numbers may not.
    """

    name: str
    label: str
    numbers: tuple[str, ...] = ()
    """Warrant or collar numbers, replaced by ``[number withheld]`` wherever they appear."""
    identifiers: tuple[str, ...] = ()
    """Other exact texts: internal ids, an address, a date of birth in the forms it is written."""


@dataclass(frozen=True)
class StandardInfo:
    id: str
    heading: str
    text: str
    citation: str


@dataclass(frozen=True)
class FindingInfo:
    proven: bool
    level: Finding
    admitted: bool
    standards_breached: tuple[StandardInfo, ...]


@dataclass(frozen=True)
class AllegationInfo:
    id: str
    particulars: str
    conduct_from: date
    conduct_to: date
    on_duty: bool
    standards: tuple[StandardInfo, ...]
    finding: FindingInfo | None = None


@dataclass(frozen=True)
class Cited:
    """A statement and the authority for it, with how far that authority was checked."""

    text: str
    citation: str
    status: str = ""


@dataclass(frozen=True)
class StageInfo:
    """One stage of the outcome assessment as the engine stored it."""

    id: str
    title: str
    conclusions: tuple[tuple[str, str], ...]
    reasons: tuple[Cited, ...]


@dataclass(frozen=True)
class TraceLine:
    provision: str
    title: str
    conclusion: str
    citation: str
    status: str
    applied: bool = True


@dataclass(frozen=True)
class AssessmentInfo:
    stages: tuple[StageInfo, ...]
    trace: tuple[TraceLine, ...]
    rules_version: str = ""


# A statutory time limit exactly as the rules computed it (a due date, or a window), with its trace.
TimeLimitInfo = Deadline


@dataclass(frozen=True)
class InvestigationInfo:
    investigator: str
    severity_result: str
    severity_on: date | None
    likely_form: str
    severity_reasons: str
    notice_on: date | None
    response: TimeLimitInfo | None


@dataclass(frozen=True)
class ReferralInfo:
    forum: Forum
    notice_on: date
    level: Finding | None
    response: TimeLimitInfo | None
    """Reg 31: the officer's written response (meetings and hearings)."""
    hearing_window: TimeLimitInfo | None
    """Reg 52: when an accelerated hearing must take place."""


@dataclass(frozen=True)
class ProceedingsInfo:
    forum: Forum
    starts_on: date
    chair: str
    panel: tuple[str, ...] = ()
    adviser: str = ""
    in_public: bool = False
    venue: str = ""
    starts_at: str = ""
    """The time the hearing begins (e.g. "10:00"), when the record holds it."""
    reporting_restrictions: str = ""
    concluded_on: date | None = None
    public_notice: TimeLimitInfo | None = None
    """Reg 36: the latest day the notice of a public hearing should be published."""
    chair_role: str = ""
    """The capacity the chair sits in, as people read it ("Chief officer's delegate")."""
    members: tuple[tuple[str, str], ...] = ()
    """Each member of the panel and adviser as (role, name), roles as people read them."""
    objectable: tuple[str, ...] = ()
    """The names of the members the officer may object to (reg 35(3): not the chair or advisers)."""
    hearing_notice_on: date | None = None
    """The latest notice of the date, time and place given to the officer (reg 35(1))."""
    objection: TimeLimitInfo | None = None
    """Reg 35(4): the last day for the officer to object to a panel member, counted from the notice."""
    adjourned_from: date | None = None
    """The date the meeting or hearing was to begin before its latest adjournment."""
    replaced: tuple[tuple[str, str], ...] = ()
    """(member, replacement) for each member replaced after an upheld objection since the latest
    notice, when this document is the notice of the new members' names (reg 35(7))."""
    exclusions: tuple[str, ...] = ()
    """Each exclusion the chair directed, in words ("the public excluded from part of the
    proceedings (…)"), for the notice to the officer (reg 39(3)(a); reg 59(2)(a))."""
    public_excluded_from_part: bool = False
    """Whether the chair excluded the public from a part of the hearing: the public notice says so,
    without the part (which may name a witness)."""
    conditions: tuple[str, ...] = ()
    """Each set of conditions the chair imposed on attendance, in words ("the complainant's
    companion: by video link only"), for the notice to the officer (reg 39(3)(b); reg 59(2)(b))."""


@dataclass(frozen=True)
class OutcomeInfo:
    outcome: Outcome
    finding: Finding
    decided_on: date
    decision_maker: str
    reasons: str
    regime: str
    notified_on: date | None = None
    reported_on: date | None = None
    warning_months: int | None = None
    warning_expires_on: date | None = None
    warning_citation: str = ""
    requirements: tuple[Cited, ...] = ()
    """What the law requires of this outcome (reasons for not dismissing, exceptional circumstances)."""
    published: tuple[Section, ...] = ()
    """The chair's reasons as published (``documents.published``), before redaction."""
    ruling: tuple[Section, ...] = ()
    """The same account in the chair's (or panel's) own voice, for the written decision."""


@dataclass(frozen=True)
class AppealInfo:
    route: str
    heard_by: str
    grounds: tuple[str, ...]
    time_limit: TimeLimitInfo


@dataclass(frozen=True)
class PublicationInfo:
    published_on: date
    remain_until: TimeLimitInfo


@dataclass(frozen=True)
class BarredListInfo:
    dismissed_on: date
    reported_on: date | None
    review: TimeLimitInfo


@dataclass(frozen=True)
class DocumentContext:
    force: ForceInfo
    case_ref: str
    issued_on: date
    """The date the document bears; time limits that run from its service are counted from it."""
    officer: OfficerInfo
    summary: str
    came_to_attention: date
    allegations: tuple[AllegationInfo, ...]
    investigation: InvestigationInfo | None = None
    referral: ReferralInfo | None = None
    proceedings: ProceedingsInfo | None = None
    outcome: OutcomeInfo | None = None
    assessment: AssessmentInfo | None = None
    appeal: AppealInfo | None = None
    publication: PublicationInfo | None = None
    barred_list: BarredListInfo | None = None
    withheld: tuple[Protected, ...] = ()
    """Everyone else the case's redaction policy withholds (other officers, complainants,
    witnesses ...): scrubbed from public documents with the document's own officer."""
