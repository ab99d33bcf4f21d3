"""The closed lists the case record uses: sources, severity results, party roles, stages, appeal routes.

>>> Source.parse("conduct-matter", field="source") is Source.CONDUCT_MATTER
True
"""

from __future__ import annotations

from misconduct.rules.vocabulary import Vocabulary


class Source(Vocabulary):
    """How the matter reached the appropriate authority (Police Reform Act 2002 Sch 3)."""

    COMPLAINT = "complaint"
    CONDUCT_MATTER = "conduct_matter"
    RECORDABLE_CONDUCT_MATTER = "recordable_conduct_matter"
    DSI_MATTER = "dsi_matter"


class SeverityResult(Vocabulary):
    """Result of the severity assessment (reg 14; vetting referral from 28 May 2025)."""

    NO_FURTHER_ACTION = "no_further_action"
    PRACTICE_REQUIRING_IMPROVEMENT = "practice_requiring_improvement"
    MISCONDUCT = "misconduct"
    GROSS_MISCONDUCT = "gross_misconduct"
    VETTING_REFERRAL = "vetting_referral"

    @property
    def needs_investigation(self) -> bool:
        return self in (SeverityResult.MISCONDUCT, SeverityResult.GROSS_MISCONDUCT)


class LikelyForm(Vocabulary):
    """Likely form of proceedings stated with the severity assessment (reg 14(5)(b), reg 17(1)(d))."""

    MEETING = "meeting"
    HEARING = "hearing"


class PartyRole(Vocabulary):
    COMPLAINANT = "complainant"
    WITNESS = "witness"
    INVESTIGATOR = "investigator"
    APPROPRIATE_AUTHORITY = "appropriate_authority"
    CHAIR = "chair"
    PANEL_MEMBER = "panel_member"
    LEGALLY_QUALIFIED_PERSON = "legally_qualified_person"
    POLICE_FRIEND = "police_friend"
    INTERESTED_PERSON = "interested_person"
    LAWYER = "lawyer"
    """The officer's solicitor or counsel (reg 7)."""


class InvestigationMode(Vocabulary):
    """Who investigates (Police Reform Act 2002 Sch 3 para 15): the force itself, the force under
    the IOPC's direction, or the IOPC."""

    LOCAL = "local"
    DIRECTED = "directed"
    INDEPENDENT = "independent"


class OfficerStatus(Vocabulary):
    """An officer's service when the case opened; a former officer also has the date they left."""

    SERVING = "serving"
    SPECIAL_CONSTABLE = "special_constable"
    FORMER_OFFICER = "former_officer"


class AssignmentRole(Vocabulary):
    """Who is assigned to carry a case forward (the team's roles, not the statutory ones)."""

    INVESTIGATOR = "investigator"
    CASE_OFFICER = "case_officer"
    CHAIRS_CLERK = "chairs_clerk"
    CHAIR = "chair"
    """The person appointed to chair the meeting or hearing (reg 28): they may then act as its chair."""

    @property
    def label(self) -> str:
        return "Chair's clerk" if self is AssignmentRole.CHAIRS_CLERK else super().label


class AppealRoute(Vocabulary):
    APPEAL_MEETING = "appeal_meeting"
    """From a misconduct meeting (regs 45-47)."""
    POLICE_APPEALS_TRIBUNAL = "police_appeals_tribunal"
    """From a misconduct hearing or an accelerated hearing (Police Act 1996 s.85)."""


class AppealResult(Vocabulary):
    DISMISSED = "dismissed"
    ALLOWED = "allowed"
    OUTCOME_SUBSTITUTED = "outcome_substituted"
    WITHDRAWN = "withdrawn"


class Nature(Vocabulary):
    """What kind of date a time limit gives."""

    OBLIGATION = "obligation"
    """Something must be done by the date; missing it makes the case overdue."""
    WINDOW = "window"
    """An opportunity (an appeal, a representation) that lapses on the date."""
    NOT_BEFORE = "not_before"
    """The earliest date something may happen (publication to remain, barred-list review)."""


class Stage(Vocabulary):
    """Where a case is in its lifecycle, from intake to closure (DOMAIN.md §2)."""

    INTAKE = "intake"
    SEVERITY_ASSESSED = "severity_assessed"
    UNDER_INVESTIGATION = "under_investigation"
    INVESTIGATION_REPORTED = "investigation_reported"
    NO_CASE_TO_ANSWER = "no_case_to_answer"
    CASE_TO_ANSWER = "case_to_answer"
    REFERRED = "referred"
    PROCEEDINGS_ARRANGED = "proceedings_arranged"
    FINDINGS_RECORDED = "findings_recorded"
    OUTCOME_DECIDED = "outcome_decided"
    OUTCOME_REPORTED = "outcome_reported"
    UNDER_APPEAL = "under_appeal"
    REFLECTIVE_PRACTICE = "reflective_practice"
    CLOSED = "closed"


class DutyRestriction(Vocabulary):
    """Suspension, or restriction of duties instead of suspension (SI 2020/4 reg 11)."""

    SUSPENDED = "suspended"
    RESTRICTED_DUTIES = "restricted_duties"


class ChairRole(Vocabulary):
    """In what capacity the chair, or the person conducting, sits (SI 2020/4 reg 28; the panel rules
    for the date are ``rules.regime.panel_for_hearing``)."""

    LEGALLY_QUALIFIED_CHAIR = "legally_qualified_chair"
    """A misconduct hearing whose notice of referral came before 7 May 2024."""
    CHIEF_OFFICER = "chief_officer"
    """A misconduct hearing whose notice of referral came on or after 7 May 2024."""
    CHIEF_OFFICER_DELEGATE = "chief_officer_delegate"
    """The chief officer's delegate (SI 2020/4 reg 2(4A), from 7 May 2024)."""
    PERSON_CONDUCTING = "person_conducting"
    """The person conducting a misconduct meeting, or an accelerated hearing."""

    @property
    def label(self) -> str:
        return {
            ChairRole.LEGALLY_QUALIFIED_CHAIR: "Legally qualified chair",
            ChairRole.CHIEF_OFFICER: "Chief officer of the force",
            ChairRole.CHIEF_OFFICER_DELEGATE: "Chief officer's delegate",
            ChairRole.PERSON_CONDUCTING: "Person conducting the proceedings",
        }[self]


class PanelRole(Vocabulary):
    """The role of a member of a hearing's panel, or of an adviser to it."""

    POLICE_MEMBER = "police_member"
    """Before 7 May 2024: a police officer of the rank of superintendent or above."""
    INDEPENDENT_MEMBER = "independent_member"
    """Before 7 May 2024: an independent member."""
    QUALIFIED_LAY_MEMBER = "qualified_lay_member"
    """From 7 May 2024: a lay person with qualifications or experience relevant to disciplinary
    proceedings, appointed by the local policing body."""
    LAY_MEMBER = "lay_member"
    """From 7 May 2024: a second lay person appointed by the local policing body."""
    LEGALLY_QUALIFIED_PERSON = "legally_qualified_person"
    """From 7 May 2024: the legally qualified person who advises the panel."""
    ADVISER = "adviser"
    """Any other adviser (for example on human resources, at a meeting)."""

    @property
    def label(self) -> str:
        return {
            PanelRole.POLICE_MEMBER: "Police officer member (superintendent or above)",
            PanelRole.INDEPENDENT_MEMBER: "Independent member",
            PanelRole.QUALIFIED_LAY_MEMBER: "Lay member with relevant qualifications or experience",
            PanelRole.LAY_MEMBER: "Lay member",
            PanelRole.LEGALLY_QUALIFIED_PERSON: "Legally qualified person (adviser)",
            PanelRole.ADVISER: "Adviser",
        }[self]

    @property
    def advises(self) -> bool:
        """An adviser to the panel, not one of its members."""
        return self in (PanelRole.LEGALLY_QUALIFIED_PERSON, PanelRole.ADVISER)
