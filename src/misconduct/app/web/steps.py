"""The lifecycle steps staff can take, each with its role, its form fields and the command it builds.

The web forms and the API's ``steps`` endpoint share this registry. Whether a step, or one choice in
it, is open on a case is asked of the domain's own lifecycle (``lifecycle.decide``) by a dry run: a
refusal comes back with its citation and is shown beside the step or choice, so the forms offer only
what the rules allow and say why the rest is not open.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from misconduct.app.roles import Action
from misconduct.domain import commands as cmd
from misconduct.domain.case import Case
from misconduct.domain.dates import british_numeric
from misconduct.domain.lifecycle import Context, decide
from misconduct.domain.proceedings import extendable, panel_roles
from misconduct.domain.records import (
    AllegationFinding,
    AllegationRecord,
    Assignment,
    Determination,
    OutcomeDecision,
    PanelMember,
    PartyRecord,
    ProceedingsArrangement,
    SeverityAssessment,
)
from misconduct.domain.terms import (
    AppealResult,
    AssignmentRole,
    ChairRole,
    DutyRestriction,
    LikelyForm,
    PanelRole,
    PartyRole,
    SeverityResult,
)
from misconduct.errors import InvalidInput, MisconductError, RuleViolation
from misconduct.rules.standards import standards_on
from misconduct.rules.vocabulary import Finding, Forum, Outcome, Vocabulary


@dataclass(frozen=True)
class FieldSpec:
    """One input of a step: its kind drives the form widget and the API's validation."""

    name: str
    label: str
    kind: str
    """date | text | longtext | bool | choice | multichoice | int | officer"""
    required: bool = True
    choices: Callable[[Case], list[tuple[str, str]]] | None = None
    help: str = ""
    probe: bool = False
    """Ask the rules about each choice (forums, outcomes, results), and show the refusals."""
    applies: Callable[[Case], bool] | None = None
    """Whether the field is asked on this case (a panel role the rules give for its date)."""
    initial: Callable[[Case], Any] | None = None
    """The value the web form starts from on this case (what stands, for a step that varies it)."""


@dataclass(frozen=True)
class Step:
    id: str
    label: str
    action: Action
    build: Callable[[Case, Mapping[str, Any]], cmd.Command]
    fields: tuple[FieldSpec, ...] = ()
    help: str = ""
    per_allegation: bool = False
    """Findings: one group of fields per allegation (``<field>__<allegation id>``)."""

    def all_fields(self, case: Case) -> list[FieldSpec]:
        out = [FieldSpec("on", "Date it happened (the legal date)", "date")]
        if self.per_allegation:
            for a in case.allegations.values():
                for f in FINDING_FIELDS:
                    label = f"{a.allegation_id}: {f.label}"
                    out.append(
                        FieldSpec(
                            f"{f.name}__{a.allegation_id}",
                            label,
                            f.kind,
                            f.required,
                            f.choices,
                            f.help,
                            f.probe,
                        )
                    )
        return out + [f for f in self.fields if f.applies is None or f.applies(case)]


def _vocab(kind: type[Vocabulary]) -> Callable[[Case], list[tuple[str, str]]]:
    return lambda case: [(m.value, m.label) for m in kind]


def _officers(case: Case) -> list[tuple[str, str]]:
    return [(o.officer_id, o.display_name()) for o in case.officers.values()]


def _standards(case: Case) -> list[tuple[str, str]]:
    return [(s.id, s.heading) for s in standards_on(case.came_to_attention)]


def _allegations(case: Case) -> list[tuple[str, str]]:
    return [(a.allegation_id, a.particulars[:80]) for a in case.allegations.values()]


def _opt(v: Any) -> Any:
    return None if v in (None, "") else v


def _text(data: Mapping[str, Any], name: str) -> str:
    return str(data.get(name) or "").strip()


def _bool(data: Mapping[str, Any], name: str) -> bool:
    return bool(data.get(name))


def _enum(kind: type[Vocabulary], data: Mapping[str, Any], name: str) -> Any:
    value = _opt(data.get(name))
    return None if value is None else kind.parse(str(value), field=name)


def _required_enum(kind: type[Vocabulary], data: Mapping[str, Any], name: str) -> Any:
    value = _enum(kind, data, name)
    if value is None:
        raise InvalidInput(name, "one of " + ", ".join(m.value for m in kind), data.get(name))
    return value


OFFICER = FieldSpec("officer_id", "Officer", "officer", choices=_officers)
DECISION_MAKER = FieldSpec("decision_maker", "Decision maker", "text")
REASONS = FieldSpec("reasons", "Reasons", "longtext")

FINDING_FIELDS = (
    FieldSpec("proven", "proven", "bool", required=False),
    FieldSpec(
        "level",
        "finding",
        "choice",
        choices=_vocab(Finding),
        help="The level found; “No misconduct” when not proven.",
    ),
    FieldSpec("standards_breached", "standards breached", "multichoice", False, _standards),
    FieldSpec("admitted", "admitted", "bool", required=False),
)


def _findings(case: Case, data: Mapping[str, Any]) -> cmd.Command:
    found = []
    for a in case.allegations.values():
        key = a.allegation_id
        proven = _bool(data, f"proven__{key}")
        level = _required_enum(Finding, data, f"level__{key}")
        found.append(
            AllegationFinding(
                key,
                proven,
                level if proven else Finding.NO_MISCONDUCT,
                tuple(data.get(f"standards_breached__{key}") or ()) if proven else (),
                _bool(data, f"admitted__{key}"),
            )
        )
    return cmd.RecordFindings(data["on"], tuple(found))


def _arrangement(case: Case, d: Mapping[str, Any]) -> cmd.Command:
    """The meeting or hearing as arranged: each panel role the form asks is a field of its own."""
    members = tuple(PanelMember(_text(d, r.value), r) for r in PanelRole if _text(d, r.value))
    notice = d.get("public_notice_required")
    return cmd.ArrangeProceedings(
        d["on"],
        ProceedingsArrangement(
            _required_enum(Forum, d, "forum"),
            d["starts_on"],
            _text(d, "chair"),
            in_public=_bool(d, "in_public"),
            anonymity_cipher=_text(d, "anonymity_cipher"),
            reporting_restrictions=_text(d, "reporting_restrictions"),
            privacy_reasons=_text(d, "privacy_reasons"),
            venue=_text(d, "venue"),
            starts_at=d.get("starts_at") or None,
            chair_role=_required_enum(ChairRole, d, "chair_role"),
            members=members,
            public_notice_required=None if notice is None else bool(notice),
        ),
        _bool(d, "lift"),
    )


def _role_field(role: PanelRole) -> FieldSpec:
    return FieldSpec(
        role.value,
        role.label,
        "text",
        required=False,
        applies=lambda case: role in panel_roles(case),
    )


def _members(case: Case) -> list[tuple[str, str]]:
    """The panel members the officer may object to (reg 35(3)): not the chair, not advisers."""
    a = case.proceedings.arrangement if case.proceedings else None
    return (
        [(m.name, f"{m.name} ({m.role.label.lower()})") for m in a.members if not m.role.advises]
        if a
        else []
    )


def _objected(awaiting: str) -> Callable[[Case], list[tuple[str, str]]]:
    def choices(case: Case) -> list[tuple[str, str]]:
        p = case.proceedings
        return [(o.member, o.member) for o in p.objections if o.awaiting == awaiting] if p else []

    return choices


def _in_force(name: str) -> Callable[[Case], str]:
    """The arrangement's value of ``name`` as it stands (the form of a direction starts from it)."""

    def value(case: Case) -> str:
        a = case.proceedings.arrangement if case.proceedings else None
        return str(getattr(a, name)) if a else ""

    return value


def _privacy_fields(cipher: str, cipher_help: str, restrictions_help: str) -> tuple[FieldSpec, ...]:
    """The anonymity order's cipher (named ``cipher``) and the reporting restrictions, each starting
    from what stands: arranging again and the chair's direction both vary them."""
    return (
        FieldSpec(
            cipher,
            "Anonymity order: cipher",
            "text",
            required=False,
            help=cipher_help,
            initial=_in_force("anonymity_cipher"),
        ),
        FieldSpec(
            "reporting_restrictions",
            "Reporting restrictions",
            "text",
            required=False,
            help=restrictions_help,
            initial=_in_force("reporting_restrictions"),
        ),
    )


def _upheld(data: Mapping[str, Any]) -> bool:
    value = _text(data, "decision")
    if value not in ("upheld", "rejected"):
        raise InvalidInput("decision", "upheld or rejected", data.get("decision"))
    return value == "upheld"


def _extendable(case: Case) -> list[tuple[str, str]]:
    return [
        (i.step, f"{i.title} (last day {british_numeric(i.last_day)})")
        for i in {i.step: i for i in extendable(case)}.values()
    ]


def _months(data: Mapping[str, Any]) -> int | None:
    return _whole(data, "warning_months", "a whole number of months")


def _whole(data: Mapping[str, Any], name: str, expected: str) -> int | None:
    value = _opt(data.get(name))
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InvalidInput(name, expected, value) from None


STEPS: tuple[Step, ...] = (
    Step(
        "add-party",
        "Add a party",
        Action.RECORD_STEP,
        lambda c, d: cmd.AddParty(
            d["on"],
            PartyRecord(
                _required_enum(PartyRole, d, "role"),
                _text(d, "name"),
                _text(d, "detail"),
                party_id=f"P{len(c.parties) + 1}",
                contact=_text(d, "contact"),
                restricted=_bool(d, "restricted"),
            ),
        ),
        (
            FieldSpec("role", "Role", "choice", choices=_vocab(PartyRole)),
            FieldSpec("name", "Name", "text"),
            FieldSpec("detail", "Detail", "text", required=False),
            FieldSpec("contact", "Contact details", "text", required=False),
            FieldSpec(
                "restricted",
                "Keep this person's identity off every public page",
                "bool",
                required=False,
            ),
        ),
    ),
    Step(
        "record-allegation",
        "Record an allegation",
        Action.RECORD_STEP,
        lambda c, d: cmd.RecordAllegation(
            d["on"],
            AllegationRecord(
                _text(d, "allegation_id"),
                _text(d, "officer_id"),
                _text(d, "particulars"),
                d["conduct_from"],
                d["conduct_to"],
                _bool(d, "on_duty"),
                tuple(d.get("standards") or ()),
            ),
        ),
        (
            FieldSpec("allegation_id", "Allegation id", "text", help="For example A2."),
            OFFICER,
            FieldSpec("particulars", "Particulars", "longtext"),
            FieldSpec("conduct_from", "Conduct from", "date"),
            FieldSpec("conduct_to", "Conduct to", "date"),
            FieldSpec("on_duty", "On duty", "bool", required=False),
            FieldSpec(
                "standards", "Standards of Professional Behaviour", "multichoice", True, _standards
            ),
        ),
    ),
    Step(
        "assess-severity",
        "Assess severity (reg 14)",
        Action.DETERMINE,
        lambda c, d: cmd.AssessSeverity(
            d["on"],
            SeverityAssessment(
                _required_enum(SeverityResult, d, "result"),
                _enum(LikelyForm, d, "likely_form"),
                _text(d, "decision_maker"),
                _text(d, "reasons"),
            ),
        ),
        (
            FieldSpec("result", "Result", "choice", choices=_vocab(SeverityResult), probe=True),
            FieldSpec(
                "likely_form", "Likely form of proceedings", "choice", False, _vocab(LikelyForm)
            ),
            DECISION_MAKER,
            REASONS,
        ),
    ),
    Step(
        "appoint-investigator",
        "Appoint an investigator",
        Action.RECORD_STEP,
        lambda c, d: cmd.AppointInvestigator(d["on"], _text(d, "investigator")),
        (FieldSpec("investigator", "Investigator", "text"),),
    ),
    Step(
        "regulation-17-notice",
        "Give the reg 17 notice",
        Action.RECORD_STEP,
        lambda c, d: cmd.GiveRegulation17Notice(d["on"]),
    ),
    Step(
        "regulation-18-response",
        "Receive the officer's reg 18 response",
        Action.RECORD_STEP,
        lambda c, d: cmd.ReceiveRegulation18Response(d["on"]),
    ),
    Step(
        "interview",
        "Record an interview",
        Action.RECORD_STEP,
        lambda c, d: cmd.RecordInterview(d["on"], _text(d, "officer_id")),
        (OFFICER,),
    ),
    Step(
        "timeliness-report",
        "Send a reg 19 timeliness report",
        Action.RECORD_STEP,
        lambda c, d: cmd.ReportInvestigationProgress(d["on"]),
    ),
    Step(
        "investigation-report",
        "Submit the investigation report (reg 21)",
        Action.RECORD_STEP,
        lambda c, d: cmd.SubmitInvestigationReport(
            d["on"], _bool(d, "special_conditions_statement")
        ),
        (
            FieldSpec(
                "special_conditions_statement",
                "States that the special conditions may be met (reg 21(3))",
                "bool",
                required=False,
            ),
        ),
    ),
    Step(
        "case-to-answer",
        "Determine case to answer (reg 23)",
        Action.DETERMINE,
        lambda c, d: cmd.DetermineCaseToAnswer(
            d["on"],
            Determination(
                _bool(d, "case_to_answer"),
                _enum(Finding, d, "level"),
                _enum(Forum, d, "form"),
                _text(d, "decision_maker"),
                _text(d, "reasons"),
                _bool(d, "certified_special_conditions"),
                _text(d, "hearing_exception"),
            ),
        ),
        (
            FieldSpec("case_to_answer", "There is a case to answer", "bool", required=False),
            FieldSpec(
                "level",
                "Level",
                "choice",
                False,
                lambda c: [(f.value, f.label) for f in Finding if f is not Finding.NO_MISCONDUCT],
            ),
            FieldSpec("form", "Form of proceedings", "choice", False, _vocab(Forum), probe=True),
            FieldSpec(
                "certified_special_conditions",
                "Special conditions certified (reg 49)",
                "bool",
                required=False,
            ),
            FieldSpec(
                "hearing_exception",
                "Why misconduct goes to a hearing (if it does)",
                "text",
                required=False,
            ),
            DECISION_MAKER,
            REASONS,
        ),
    ),
    Step(
        "referral-notice",
        "Give notice of referral (reg 30 / 51)",
        Action.RECORD_STEP,
        lambda c, d: cmd.GiveReferralNotice(d["on"]),
    ),
    Step(
        "officer-response",
        "Receive the officer's response (reg 31)",
        Action.RECORD_STEP,
        lambda c, d: cmd.ReceiveOfficerResponse(d["on"], _bool(d, "accepts")),
        (FieldSpec("accepts", "The officer accepts the allegations", "bool", required=False),),
    ),
    Step(
        "witness-lists",
        "Exchange witness lists (reg 31(4))",
        Action.RECORD_STEP,
        lambda c, d: cmd.ExchangeWitnessLists(d["on"]),
    ),
    Step(
        "arrange-proceedings",
        "Arrange the meeting or hearing",
        Action.RECORD_STEP,
        _arrangement,
        (
            FieldSpec("forum", "Forum", "choice", choices=_vocab(Forum), probe=True),
            FieldSpec("starts_on", "Date it starts", "date"),
            FieldSpec("starts_at", "Time it starts", "time", required=False),
            FieldSpec(
                "venue",
                "Venue",
                "text",
                required=False,
                help="The place, as the notice to the officer will give it.",
            ),
            FieldSpec(
                "chair",
                "Chair",
                "text",
                help="The chair's username: only the chair named here can open the proceedings.",
            ),
            FieldSpec(
                "chair_role",
                "The chair sits as",
                "choice",
                choices=_vocab(ChairRole),
                probe=True,
                help="The rules for the date of the notice of referral decide who chairs.",
            ),
            *(_role_field(r) for r in PanelRole),
            FieldSpec("in_public", "Held in public", "bool", required=False),
            FieldSpec(
                "public_notice_required",
                "The chair requires a public notice of the hearing (reg 36)",
                "bool",
                required=False,
            ),
            *_privacy_fields(
                "anonymity_cipher",
                "Where the chair orders anonymity, the only name the public will see. Arranged "
                "again, the order in force stands unless it is lifted below.",
                "",
            ),
            FieldSpec(
                "privacy_reasons",
                "Reasons for privacy, anonymity or restrictions",
                "longtext",
                required=False,
                help="Arranged again with nothing new restricted, the reasons in force stand.",
            ),
            FieldSpec(
                "lift",
                "This arrangement lifts the anonymity order, reporting restrictions or exclusion "
                "of the public in force",
                "bool",
                required=False,
                help="Only when arranging again: fields left empty otherwise keep what is in "
                "force, so an officer is never named by mistake.",
            ),
        ),
        help="Panel members are named in the roles the rules give for the date of the notice of "
        "referral. Arranging again keeps the chair's anonymity order, reporting restrictions "
        "and any exclusion of the public unless the lifting is confirmed.",
    ),
    Step(
        "papers-to-chair",
        "Send the papers to the chair (reg 32(6))",
        Action.RECORD_STEP,
        lambda c, d: cmd.SendPapersToChair(d["on"]),
    ),
    Step(
        "pre-hearing",
        "Hold the pre-hearing (reg 33)",
        Action.RECORD_STEP,
        lambda c, d: cmd.HoldPreHearing(d["on"], _text(d, "directions")),
        (FieldSpec("directions", "Directions given", "longtext", required=False),),
    ),
    Step(
        "hearing-notice",
        "Give the officer notice of the date, time and place (reg 35(1))",
        Action.RECORD_STEP,
        lambda c, d: cmd.GiveHearingNotice(d["on"]),
        help="The notice names the panel members too; the officer may object to one within 3 "
        "working days (reg 35(4)).",
    ),
    Step(
        "panel-objection",
        "Record the officer's objection to a panel member (reg 35(3))",
        Action.RECORD_STEP,
        lambda c, d: cmd.ObjectToPanelMember(
            d["on"], _text(d, "member"), _text(d, "grounds"), _text(d, "officer_id")
        ),
        (
            FieldSpec("member", "Panel member objected to", "choice", choices=_members),
            FieldSpec("grounds", "Grounds of objection", "longtext"),
            FieldSpec(
                "officer_id",
                "Officer (if the case has more than one)",
                "officer",
                required=False,
                choices=_officers,
            ),
        ),
        help="The date is the day the chair received the objection in writing. It must come "
        "within 3 working days after the officer was given the member's name (reg 35(4)).",
    ),
    Step(
        "decide-panel-objection",
        "Record the chair's decision on an objection (reg 35(5))",
        Action.RECORD_STEP,
        lambda c, d: cmd.DecidePanelObjection(
            d["on"], _text(d, "member"), _upheld(d), _text(d, "reasons")
        ),
        (
            FieldSpec(
                "member", "Panel member objected to", "choice", choices=_objected("decision")
            ),
            FieldSpec(
                "decision",
                "Decision",
                "choice",
                choices=lambda case: [("upheld", "Upheld"), ("rejected", "Rejected")],
            ),
            FieldSpec("reasons", "Reasons", "longtext", required=False),
        ),
        help="The date is the day the chair told the officer in writing.",
    ),
    Step(
        "replace-panel-member",
        "Replace a panel member after an upheld objection (reg 35(6)-(7))",
        Action.RECORD_STEP,
        lambda c, d: cmd.ReplacePanelMember(d["on"], _text(d, "member"), _text(d, "replacement")),
        (
            FieldSpec(
                "member", "Panel member replaced", "choice", choices=_objected("replacement")
            ),
            FieldSpec("replacement", "New panel member", "text"),
        ),
        help="The date is the day the officer was given the new member's name in writing; the "
        "officer may object to the new member within 3 working days (reg 35(8)-(9)).",
    ),
    Step(
        "direct-anonymity",
        "Record the chair's direction on anonymity and reporting (reg 39(3) / 59(2))",
        Action.RECORD_STEP,
        lambda c, d: cmd.DirectAnonymity(
            d["on"],
            _text(d, "cipher"),
            _text(d, "reporting_restrictions"),
            _text(d, "reasons"),
            _bool(d, "lift"),
        ),
        (
            *_privacy_fields(
                "cipher",
                "The only name the public will see of the officer; empty for no order.",
                "What may not be published; empty for none.",
            ),
            FieldSpec(
                "reasons",
                "Reasons (written reasons to the local policing body)",
                "longtext",
                required=False,
            ),
            FieldSpec(
                "lift",
                "This direction lifts the anonymity order or reporting restrictions in force",
                "bool",
                required=False,
                help="The officer may then be named on the public pages.",
            ),
        ),
        help="The chair of the hearing gives or varies the direction, before or after the findings "
        "and the outcome; it replaces the order and restrictions in force, and the public pages, "
        "notices and decisions follow it. A name it hides after publication is hidden in the "
        "national register at once.",
    ),
    Step(
        "exclude-from-proceedings",
        "Record the chair's exclusion of the public or a person (reg 39(3)(a) / 59(2)(a))",
        Action.RECORD_STEP,
        lambda c, d: cmd.ExcludeFromProceedings(
            d["on"],
            _bool(d, "public"),
            _text(d, "person"),
            _text(d, "part"),
            _text(d, "reasons"),
        ),
        (
            FieldSpec(
                "public",
                "The public is excluded",
                "bool",
                required=False,
                help="Not for a misconduct meeting, which is held in private (reg 39(2)).",
            ),
            FieldSpec(
                "person",
                "Person or persons excluded",
                "text",
                required=False,
                help="Who, in words (for example, the complainant's companion); empty where only "
                "the public is excluded.",
            ),
            FieldSpec(
                "part",
                "From which part",
                "text",
                required=False,
                help="For example, while a witness gives evidence; empty for the whole.",
            ),
            FieldSpec(
                "reasons",
                "Reasons (written reasons to the local policing body)",
                "longtext",
                required=False,
            ),
        ),
        help="The person conducting or chairing excludes the public or a person from the whole or "
        "a part of the proceedings. The public excluded from the whole holds the hearing in "
        "private from that day, and the public pages stop naming the officer.",
    ),
    Step(
        "impose-attendance-conditions",
        "Record the chair's conditions on attendance (reg 39(3)(b) / 59(2)(b))",
        Action.RECORD_STEP,
        lambda c, d: cmd.ImposeAttendanceConditions(
            d["on"],
            _text(d, "person"),
            _text(d, "conditions"),
            _bool(d, "excludes"),
            _text(d, "reasons"),
        ),
        (
            FieldSpec(
                "person",
                "Whose attendance",
                "text",
                help="A person, or those attending in some capacity (for example, every "
                "observer, or the complainant's companion).",
            ),
            FieldSpec("conditions", "Conditions imposed", "longtext"),
            FieldSpec(
                "excludes",
                "The conditions have the effect of excluding a person from all or part of the "
                "hearing",
                "bool",
                required=False,
                help="At a hearing whose notice of referral came on or after 7 May 2024 these "
                "need written reasons to the local policing body (reg 39(3A) / 59(4)).",
            ),
            FieldSpec(
                "reasons",
                "Reasons (written reasons to the local policing body)",
                "longtext",
                required=False,
            ),
        ),
        help="The person conducting or chairing imposes conditions on the attendance of a person "
        "at the meeting or hearing, to facilitate its proper conduct. Conditions that exclude a "
        "person from all or part of a hearing await written reasons to the local policing body "
        "like an exclusion.",
    ),
    Step(
        "reasons-to-policing-body",
        "Record the chair's written reasons given to the local policing body (reg 39(3A) / 59(4))",
        Action.RECORD_STEP,
        lambda c, d: cmd.GivePrivacyReasons(d["on"]),
        (),
        help="The date the chair gave the local policing body written reasons for excluding, "
        "conditions excluding a person, anonymity or reporting restrictions: it covers each one "
        "dated on or before it. The regulations set no time for the reasons, so the case page, "
        "My work and reminders show them as awaited, with no last day.",
    ),
    Step(
        "public-notice",
        "Give public notice of the hearing (reg 36)",
        Action.RECORD_STEP,
        lambda c, d: cmd.GivePublicNotice(d["on"]),
    ),
    Step(
        "adjourn",
        "Adjourn the meeting or hearing (reg 41(3))",
        Action.RECORD_STEP,
        lambda c, d: cmd.AdjournProceedings(
            d["on"],
            d["resumes_on"],
            _text(d, "reasons"),
            d.get("resumes_at") or None,
            _text(d, "venue"),
            _text(d, "exceptional_circumstances"),
            _bool(d, "solely_for_attendance"),
        ),
        (
            FieldSpec("resumes_on", "Date it resumes", "date"),
            FieldSpec("resumes_at", "Time it resumes", "time", required=False),
            FieldSpec("venue", "New venue (if it changes)", "text", required=False),
            REASONS,
            FieldSpec(
                "solely_for_attendance",
                "Solely to let a complainant, witness or interested person attend",
                "bool",
                required=False,
            ),
            FieldSpec(
                "exceptional_circumstances",
                "The exceptional circumstances (reg 41(4))",
                "longtext",
                required=False,
            ),
        ),
        help="The date of the meeting or hearing moves, and the time limits that run from it.",
    ),
    Step(
        "extend-time-limit",
        "Extend a time limit",
        Action.RECORD_STEP,
        lambda c, d: cmd.ExtendTimeLimit(
            d["on"],
            _text(d, "step"),
            d["extended_to"],
            _text(d, "reasons"),
            _text(d, "officer_id"),
        ),
        (
            FieldSpec("step", "Time limit", "choice", choices=_extendable),
            FieldSpec("extended_to", "New last day", "date"),
            REASONS,
            FieldSpec(
                "officer_id",
                "Officer (if the limit is one officer's)",
                "officer",
                required=False,
                choices=_officers,
            ),
        ),
        help="Only the limits the regulations let the chair or person conducting extend.",
    ),
    Step(
        "findings",
        "Record the findings",
        Action.DECIDE,
        _findings,
        help="The date is the day the meeting or hearing concluded.",
        per_allegation=True,
    ),
    Step(
        "decide-outcome",
        "Decide the outcome (regs 42 / 62)",
        Action.DECIDE,
        lambda c, d: cmd.DecideOutcome(
            d["on"],
            OutcomeDecision(
                _text(d, "officer_id"),
                _required_enum(Outcome, d, "outcome"),
                _text(d, "decision_maker"),
                _text(d, "reasons"),
                _months(d),
                _bool(d, "unconnected_incidents"),
            ),
        ),
        (
            OFFICER,
            FieldSpec("outcome", "Outcome", "choice", choices=_vocab(Outcome), probe=True),
            FieldSpec("warning_months", "Warning period (months)", "int", required=False),
            FieldSpec(
                "unconnected_incidents",
                "Misconduct in more than one unconnected incident (reg 42(6))",
                "bool",
                required=False,
            ),
            DECISION_MAKER,
            FieldSpec("reasons", "Reasons", "longtext", required=False),
        ),
        help="The assessment page gives the guidance's indication; this form records the outcome.",
    ),
    Step(
        "outcome-report",
        "Submit the outcome report (reg 43 / 63)",
        Action.DECIDE,
        lambda c, d: cmd.SubmitOutcomeReport(d["on"]),
    ),
    Step(
        "notify-officer",
        "Notify the officer of the outcome",
        Action.RECORD_STEP,
        lambda c, d: cmd.NotifyOfficer(d["on"], _text(d, "officer_id")),
        (OFFICER,),
    ),
    Step(
        "publish",
        "Publish the outcome",
        Action.RECORD_STEP,
        lambda c, d: cmd.PublishOutcome(
            d["on"], _whole(d, "period_days", "a whole number of days, at least 28")
        ),
        (
            FieldSpec(
                "period_days",
                "Days it stays published (at least 28; leave blank for the force's policy)",
                "int",
                required=False,
            ),
        ),
        help="The report stays published for at least 28 days; anonymity orders are applied.",
    ),
    Step(
        "remove-publication",
        "Remove the publication",
        Action.RECORD_STEP,
        lambda c, d: cmd.RemovePublication(d["on"]),
    ),
    Step(
        "lodge-appeal",
        "Lodge an appeal",
        Action.RECORD_STEP,
        lambda c, d: cmd.LodgeAppeal(d["on"], _text(d, "officer_id"), _text(d, "extension_reason")),
        (
            OFFICER,
            FieldSpec(
                "extension_reason",
                "Reason for an extension (if out of time)",
                "text",
                required=False,
            ),
        ),
    ),
    Step(
        "determine-appeal",
        "Determine the appeal",
        Action.DETERMINE,
        lambda c, d: cmd.DetermineAppeal(
            d["on"],
            _text(d, "officer_id"),
            _required_enum(AppealResult, d, "result"),
            _enum(Outcome, d, "substituted_outcome"),
        ),
        (
            OFFICER,
            FieldSpec("result", "Result", "choice", choices=_vocab(AppealResult)),
            FieldSpec(
                "substituted_outcome", "Substituted outcome", "choice", False, _vocab(Outcome)
            ),
        ),
    ),
    Step(
        "notify-appeal",
        "Notify the appeal determination",
        Action.RECORD_STEP,
        lambda c, d: cmd.NotifyAppealDetermination(d["on"], _text(d, "officer_id")),
        (OFFICER,),
    ),
    Step(
        "refer-reflective-practice",
        "Refer to reflective practice (Part 6)",
        Action.DETERMINE,
        lambda c, d: cmd.ReferToReflectivePractice(d["on"], _text(d, "officer_id")),
        (OFFICER,),
    ),
    Step(
        "complete-reflective-practice",
        "Complete reflective practice",
        Action.RECORD_STEP,
        lambda c, d: cmd.CompleteReflectivePractice(d["on"], _text(d, "officer_id")),
        (OFFICER,),
    ),
    Step(
        "barred-list",
        "Report to the barred list",
        Action.RECORD_STEP,
        lambda c, d: cmd.ReportToBarredList(d["on"], _text(d, "officer_id")),
        (OFFICER,),
    ),
    Step(
        "close",
        "Close the case",
        Action.RECORD_STEP,
        lambda c, d: cmd.CloseCase(d["on"], _text(d, "reason"), _bool(d, "withdrawn")),
        (
            FieldSpec("reason", "Reason", "text"),
            FieldSpec("withdrawn", "Withdrawn (reg 27)", "bool", required=False),
        ),
    ),
)


def _allegation_record(case: Case, d: Mapping[str, Any]) -> AllegationRecord:
    """The allegation as amended: fields left empty keep their recorded value."""
    aid = _text(d, "allegation_id")
    if aid not in case.allegations:
        raise InvalidInput("allegation_id", "one of " + ", ".join(case.allegations), aid)
    old = case.allegations[aid]
    return AllegationRecord(
        aid,
        old.officer_id,
        _text(d, "particulars") or old.particulars,
        d.get("conduct_from") or old.conduct_from,
        d.get("conduct_to") or old.conduct_to,
        old.on_duty if d.get("on_duty") is None else _bool(d, "on_duty"),
        tuple(d.get("standards") or ()) or old.standards,
    )


CASE_FILE_STEPS: tuple[Step, ...] = (
    Step(
        "add-note",
        "Add a note to the case log",
        Action.RECORD_STEP,
        lambda c, d: cmd.AddNote(d["on"], _text(d, "text")),
        (FieldSpec("text", "Note", "longtext"),),
        help="Notes are kept in order with their author and time; none is ever changed or removed.",
    ),
    Step(
        "assign",
        "Assign the case",
        Action.RECORD_STEP,
        lambda c, d: cmd.AssignCase(
            d["on"],
            Assignment(_required_enum(AssignmentRole, d, "role"), _text(d, "username")),
        ),
        (
            FieldSpec("role", "As", "choice", choices=_vocab(AssignmentRole)),
            FieldSpec("username", "Username of the person assigned", "text"),
        ),
    ),
    Step(
        "amend-allegation",
        "Amend an allegation",
        Action.RECORD_STEP,
        lambda c, d: cmd.AmendAllegation(d["on"], _allegation_record(c, d)),
        (
            FieldSpec("allegation_id", "Allegation", "choice", choices=_allegations),
            FieldSpec("particulars", "Particulars", "longtext", required=False),
            FieldSpec("conduct_from", "Conduct from", "date", required=False),
            FieldSpec("conduct_to", "Conduct to", "date", required=False),
            FieldSpec(
                "standards",
                "Standards of Professional Behaviour",
                "multichoice",
                False,
                _standards,
            ),
        ),
        help="Before notice of referral. Fields left empty keep what was recorded.",
    ),
    Step(
        "withdraw-allegation",
        "Withdraw an allegation",
        Action.RECORD_STEP,
        lambda c, d: cmd.WithdrawAllegation(
            d["on"], _text(d, "allegation_id"), _text(d, "reasons")
        ),
        (
            FieldSpec("allegation_id", "Allegation", "choice", choices=_allegations),
            REASONS,
        ),
    ),
)
SUSPENSION_STEPS: tuple[Step, ...] = (
    Step(
        "suspend",
        "Suspend the officer or restrict their duties (reg 11)",
        Action.DETERMINE,
        lambda c, d: cmd.SuspendOfficer(
            d["on"],
            _text(d, "officer_id"),
            _required_enum(DutyRestriction, d, "kind"),
            _text(d, "reasons"),
            d["review_by"],
        ),
        (
            OFFICER,
            FieldSpec("kind", "Decision", "choice", choices=_vocab(DutyRestriction)),
            REASONS,
            FieldSpec("review_by", "To be reviewed by", "date"),
        ),
        help="The review becomes a due item for the appropriate authority.",
    ),
    Step(
        "review-suspension",
        "Review a suspension or restriction",
        Action.DETERMINE,
        lambda c, d: cmd.ReviewSuspension(
            d["on"],
            _text(d, "officer_id"),
            _bool(d, "continued"),
            _text(d, "reasons"),
            d.get("review_by"),
        ),
        (
            OFFICER,
            FieldSpec("continued", "Continue it", "bool", required=False),
            REASONS,
            FieldSpec("review_by", "Next review by (if continued)", "date", required=False),
        ),
    ),
)
STEPS = STEPS + CASE_FILE_STEPS + SUSPENSION_STEPS

BY_ID: dict[str, Step] = {s.id: s for s in STEPS}


def step_named(step_id: str) -> Step:
    try:
        return BY_ID[step_id]
    except KeyError:
        raise InvalidInput("step", "one of " + ", ".join(BY_ID), step_id) from None


# -- asking the rules --------------------------------------------------------------------------


@dataclass(frozen=True)
class Refusal:
    message: str
    citation: str
    field: str | None = None


@dataclass
class Availability:
    step: Step
    refusal: Refusal | None
    choices: dict[str, dict[str, Refusal]] = field(default_factory=dict)
    """For each probed field: the choices the rules refuse, and why."""

    @property
    def open(self) -> bool:
        return self.refusal is None


def _sample(
    case: Case, step: Step, on: date, fields: list[FieldSpec] | None = None
) -> dict[str, Any]:
    """Plausible values for every field (``step.all_fields(case)`` unless given), so a dry run asks
    the rules about the step itself."""
    data: dict[str, Any] = {}
    for f in step.all_fields(case) if fields is None else fields:
        if f.kind == "date":
            data[f.name] = on
        elif f.kind in ("choice", "officer"):
            options = f.choices(case) if f.choices else []
            data[f.name] = options[0][0] if options and f.required else None
        elif f.kind == "multichoice":
            options = f.choices(case) if f.choices else []
            data[f.name] = [options[0][0]] if options else []
        elif f.kind == "bool":
            data[f.name] = False
        elif f.kind in ("int", "time"):
            data[f.name] = None
        else:
            data[f.name] = "(dry run)"
    if step.per_allegation:
        for a in case.allegations.values():
            data[f"proven__{a.allegation_id}"] = True
            level = case.determination.level if case.determination else None
            data[f"level__{a.allegation_id}"] = (level or Finding.MISCONDUCT).value
            data[f"standards_breached__{a.allegation_id}"] = list(a.standards)
    if step.id == "case-to-answer":
        data.update(case_to_answer=True, level=Finding.MISCONDUCT.value)
    if step.id == "arrange-proceedings" and case.referral is not None:
        data["forum"] = case.referral.forum.value
    if step.id == "adjourn" and case.proceedings is not None:
        data["resumes_on"] = max(on, case.proceedings.arrangement.starts_on) + timedelta(days=1)
        data.update(resumes_at=None, solely_for_attendance=False)
    if step.id == "extend-time-limit":
        items = extendable(case)
        if items:
            data["extended_to"] = max(i.last_day for i in items) + timedelta(days=1)
        data["officer_id"] = None
    return data


def _dry_run(case: Case, ctx: Context, step: Step, data: Mapping[str, Any]) -> Refusal | None:
    """The rule that refuses the step with ``data``, or None if the rules let it through."""
    try:
        decide(case, step.build(case, data), ctx)
    except RuleViolation as exc:
        return Refusal(exc.message, exc.citation or "", exc.field)
    except MisconductError:
        return None  # an input problem with the sample values, not a refusal of the step
    except (AssertionError, KeyError, TypeError, ValueError):
        return None
    return None


def availability(case: Case, ctx: Context, step: Step, on: date) -> Availability:
    fields = step.all_fields(case)
    data = _sample(case, step, on, fields)
    probes = [f for f in fields if f.probe and f.choices is not None]
    refusal = _dry_run(case, ctx, step, data)
    if refusal is not None and refusal.field in {f.name for f in probes}:
        refusal = None  # the sample choice was refused, not the step
    result = Availability(step, refusal)
    if refusal is not None:
        return result
    for f in probes:
        assert f.choices is not None
        options = f.choices(case)
        refused: dict[str, Refusal] = {}
        for value, _label in options:
            r = _dry_run(case, ctx, step, {**data, f.name: value})
            if r is not None and r.field in (f.name, None):
                refused[value] = r
        result.choices[f.name] = refused
        if f.required and options and len(refused) == len(options):
            result.refusal = next(iter(refused.values()))
    return result


def steps_for(
    case: Case, ctx: Context, on: date, may: Callable[[Action], bool] | None = None
) -> list[Availability]:
    """Each step's availability on ``on``; with ``may``, only the steps whose action it allows
    (the rules' dry runs of a step the user may not take are not made)."""
    return [availability(case, ctx, s, on) for s in STEPS if may is None or may(s.action)]
