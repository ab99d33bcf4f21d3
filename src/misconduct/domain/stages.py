"""Which commands the process allows at each stage (DOMAIN.md §2), checked before any other guard.

The stage is the case's place on the process map: intake, severity assessment (reg 14), investigation
(regs 15-21), the case-to-answer determination (reg 23), referral (reg 30) and the officer's response
(reg 31), the meeting or hearing, the outcome (regs 42 / 62), the report (reg 43 / 63), then
notification, publication, appeals, reflective practice and the barred list. A command outside its
stages is refused here, naming the stage the case is at and the stages that would allow it; the
step's own guard then checks the finer conditions (which officer, which dates, what is already done).

Reflective practice and an open appeal are shown as the case's stage while they run, over the stage
beneath them, so the steps still open beneath them (another officer's notice, publication) are allowed
there too; their own guards check the rest.

>>> from misconduct.domain import commands as cmd
>>> allowed_at(Stage.OUTCOME_REPORTED, cmd.ReceiveRegulation18Response)
False
>>> allowed_at(Stage.UNDER_INVESTIGATION, cmd.ReceiveRegulation18Response)
True
"""

from __future__ import annotations

from dataclasses import dataclass

from misconduct.domain import commands as cmd
from misconduct.domain.terms import Stage
from misconduct.errors import InvalidInput, MisconductError, RuleViolation

OPEN = frozenset(Stage) - {Stage.CLOSED}
# Where the steps after the outcome report happen: the report is in, and an appeal or reflective
# practice may be running for one officer while another's notice or an appeal is still to come.
AFTER_REPORT = frozenset({Stage.OUTCOME_REPORTED, Stage.UNDER_APPEAL, Stage.REFLECTIVE_PRACTICE})
BEFORE_FINDINGS = frozenset({Stage.REFERRED, Stage.PROCEEDINGS_ARRANGED})
BEFORE_REFERRAL = frozenset(
    {
        Stage.INTAKE,
        Stage.SEVERITY_ASSESSED,
        Stage.UNDER_INVESTIGATION,
        Stage.INVESTIGATION_REPORTED,
        Stage.CASE_TO_ANSWER,
        Stage.NO_CASE_TO_ANSWER,
    }
)


@dataclass(frozen=True)
class Window:
    """The stages at which a command is open, what it is for, and the provision fixing its place."""

    stages: frozenset[Stage]
    what: str
    citation: str | None = None
    """None where no regulation fixes the order (the refusal is then an input error)."""


WINDOWS: dict[type[cmd.Command], Window] = {
    cmd.AddParty: Window(OPEN, "a party is added to an open case"),
    cmd.RecordAllegation: Window(
        frozenset({Stage.INTAKE, Stage.UNDER_INVESTIGATION}),
        "an allegation is recorded before the severity assessment, or while it is investigated",
        "SI 2020/4 regs 14 and 17",
    ),
    cmd.AssessSeverity: Window(
        frozenset({Stage.INTAKE}),
        "the severity is assessed once, when the matter comes in",
        "SI 2020/4 reg 14",
    ),
    cmd.AppointInvestigator: Window(
        frozenset({Stage.UNDER_INVESTIGATION}),
        "an investigator is appointed for a misconduct or gross misconduct assessment",
        "SI 2020/4 regs 14-16",
    ),
    cmd.GiveRegulation17Notice: Window(
        frozenset({Stage.UNDER_INVESTIGATION}),
        "the regulation 17 notice is given during the investigation",
        "SI 2020/4 reg 17",
    ),
    cmd.ReceiveRegulation18Response: Window(
        frozenset({Stage.UNDER_INVESTIGATION}),
        "the officer's regulation 18 response is received during the investigation",
        "SI 2020/4 reg 18",
    ),
    cmd.RecordInterview: Window(
        frozenset({Stage.UNDER_INVESTIGATION}),
        "an interview is held during the investigation",
        "SI 2020/4 reg 20",
    ),
    cmd.ReportInvestigationProgress: Window(
        frozenset({Stage.UNDER_INVESTIGATION}),
        "a regulation 19 report is made on an investigation not yet complete",
        "SI 2020/4 reg 19",
    ),
    cmd.SubmitInvestigationReport: Window(
        frozenset({Stage.UNDER_INVESTIGATION}),
        "the investigation report ends the investigation",
        "SI 2020/4 reg 21",
    ),
    cmd.DetermineCaseToAnswer: Window(
        frozenset({Stage.INVESTIGATION_REPORTED}),
        "the case-to-answer determination follows the investigation report",
        "SI 2020/4 reg 23(1)",
    ),
    cmd.GiveReferralNotice: Window(
        frozenset({Stage.CASE_TO_ANSWER}),
        "no referral before a severity assessment and a case-to-answer determination",
        "SI 2020/4 regs 14, 23 and 30",
    ),
    cmd.ReceiveOfficerResponse: Window(
        BEFORE_FINDINGS,
        "the officer responds to the notice of referral before the meeting or hearing",
        "SI 2020/4 reg 31",
    ),
    cmd.ExchangeWitnessLists: Window(
        BEFORE_FINDINGS,
        "witness lists are exchanged after the officer's response, before the meeting or hearing",
        "SI 2020/4 reg 31(4)",
    ),
    cmd.ArrangeProceedings: Window(
        BEFORE_FINDINGS,
        "the meeting or hearing is arranged after the notice of referral and before it concludes",
        "SI 2020/4 regs 30, 34 and 51",
    ),
    cmd.GivePublicNotice: Window(
        frozenset({Stage.PROCEEDINGS_ARRANGED}),
        "the public notice is given for a hearing that is arranged and not yet held",
        "SI 2020/4 reg 36; reg 53",
    ),
    cmd.SendPapersToChair: Window(
        frozenset({Stage.PROCEEDINGS_ARRANGED}),
        "the papers go to the chair of the meeting or hearing that is arranged",
        "SI 2020/4 reg 32(6)",
    ),
    cmd.HoldPreHearing: Window(
        frozenset({Stage.PROCEEDINGS_ARRANGED}),
        "the pre-hearing is held before the hearing that is arranged",
        "SI 2020/4 reg 33",
    ),
    cmd.GiveHearingNotice: Window(
        frozenset({Stage.PROCEEDINGS_ARRANGED}),
        "the officer is given notice of the meeting or hearing that is arranged",
        "SI 2020/4 reg 35(1)",
    ),
    cmd.ObjectToPanelMember: Window(
        frozenset({Stage.PROCEEDINGS_ARRANGED}),
        "the officer objects to a member of the panel of a hearing that is arranged",
        "SI 2020/4 reg 35(3)-(4)",
    ),
    cmd.DecidePanelObjection: Window(
        frozenset({Stage.PROCEEDINGS_ARRANGED}),
        "the chair decides an objection before the hearing",
        "SI 2020/4 reg 35(5)",
    ),
    cmd.ReplacePanelMember: Window(
        frozenset({Stage.PROCEEDINGS_ARRANGED}),
        "a panel member is replaced before the hearing",
        "SI 2020/4 reg 35(6)-(7)",
    ),
    cmd.AdjournProceedings: Window(
        frozenset({Stage.PROCEEDINGS_ARRANGED}),
        "a meeting or hearing that is arranged and not concluded is adjourned",
        "SI 2020/4 reg 41(3)",
    ),
    cmd.DirectAnonymity: Window(
        frozenset({Stage.PROCEEDINGS_ARRANGED, Stage.FINDINGS_RECORDED, Stage.OUTCOME_DECIDED})
        | AFTER_REPORT,
        "the chair directs anonymity or reporting restrictions once the hearing is arranged, "
        "before or after the findings and the outcome",
        "SI 2020/4 reg 39(3); reg 59(2)",
    ),
    cmd.ExcludeFromProceedings: Window(
        frozenset({Stage.PROCEEDINGS_ARRANGED, Stage.FINDINGS_RECORDED, Stage.OUTCOME_DECIDED}),
        "the chair excludes the public or a person from the meeting or hearing that is arranged, "
        "until the outcome is decided",
        "SI 2020/4 reg 39(3)(a); reg 59(2)(a)",
    ),
    cmd.ImposeAttendanceConditions: Window(
        frozenset({Stage.PROCEEDINGS_ARRANGED, Stage.FINDINGS_RECORDED, Stage.OUTCOME_DECIDED}),
        "the chair imposes conditions on attendance at the meeting or hearing that is arranged, "
        "until the outcome is decided",
        "SI 2020/4 reg 39(3)(b); reg 59(2)(b)",
    ),
    cmd.GivePrivacyReasons: Window(
        frozenset({Stage.PROCEEDINGS_ARRANGED, Stage.FINDINGS_RECORDED, Stage.OUTCOME_DECIDED})
        | AFTER_REPORT,
        "the chair's written reasons go to the local policing body once the hearing is arranged, "
        "before or after the findings and the outcome",
        "SI 2020/4 reg 39(3A); reg 59(4)",
    ),
    cmd.ExtendTimeLimit: Window(OPEN, "a time limit of an open case is extended"),
    cmd.RecordFindings: Window(
        frozenset({Stage.PROCEEDINGS_ARRANGED}),
        "findings are made at the meeting or hearing that was arranged",
        "SI 2020/4 reg 41",
    ),
    cmd.DecideOutcome: Window(
        frozenset({Stage.FINDINGS_RECORDED, Stage.OUTCOME_DECIDED}),
        "the outcome is decided after the findings and before the outcome report",
        "SI 2020/4 regs 42 and 43; regs 62 and 63",
    ),
    cmd.SubmitOutcomeReport: Window(
        frozenset({Stage.OUTCOME_DECIDED}),
        "the outcome report follows the outcome decisions",
        "SI 2020/4 reg 43(1); reg 63(1)",
    ),
    cmd.NotifyOfficer: Window(
        AFTER_REPORT,
        "the officer is notified once the outcome report is with the appropriate authority",
        "SI 2020/4 reg 43(2)",
    ),
    cmd.PublishOutcome: Window(
        AFTER_REPORT,
        "the outcome of a hearing is published once the report is in",
        "SI 2020/4 reg 43",
    ),
    cmd.RemovePublication: Window(
        AFTER_REPORT | {Stage.CLOSED},
        "a published outcome is removed after its publication period",
        "SI 2020/4 reg 43",
    ),
    cmd.LodgeAppeal: Window(
        AFTER_REPORT,
        "an appeal follows notice of the outcome",
        "SI 2020/4 reg 45; PAT Rules 2020",
    ),
    cmd.DetermineAppeal: Window(
        frozenset({Stage.UNDER_APPEAL}),
        "an appeal is determined while it is open",
        "SI 2020/4 reg 47; PAT Rules 2020",
    ),
    cmd.NotifyAppealDetermination: Window(
        AFTER_REPORT,
        "an appeal determination is notified after the appeal is determined",
        "SI 2020/4 reg 47(2)",
    ),
    cmd.ReferToReflectivePractice: Window(
        frozenset({Stage.SEVERITY_ASSESSED, Stage.NO_CASE_TO_ANSWER}) | AFTER_REPORT,
        "reflective practice follows a practice-requiring-improvement assessment, no case to "
        "answer, or a direction reported with the outcome",
        "SI 2020/4 regs 14, 23(5), 42(1)(b) and 43",
    ),
    cmd.CompleteReflectivePractice: Window(
        frozenset({Stage.REFLECTIVE_PRACTICE, Stage.UNDER_APPEAL}),
        "reflective practice is completed while it is in progress",
        "SI 2020/4 reg 70",
    ),
    cmd.ReportToBarredList: Window(
        AFTER_REPORT,
        "a dismissal is reported to the barred list once the officer is notified",
        "Police Act 1996 s.88C; SI 2017/1135 reg 3",
    ),
    cmd.CloseCase: Window(OPEN, "an open case is closed or withdrawn"),
    cmd.ErasePersonalData: Window(
        frozenset({Stage.CLOSED}),
        "personal data are erased only from a closed case, under the retention schedule",
        "Data Protection Act 2018 s 39 (storage limitation)",
    ),
    cmd.AmendAllegation: Window(
        BEFORE_REFERRAL,
        "an allegation is amended before notice of referral is given",
        "SI 2020/4 regs 17 and 30",
    ),
    cmd.WithdrawAllegation: Window(
        BEFORE_REFERRAL | BEFORE_FINDINGS,
        "an allegation is withdrawn before the findings",
    ),
    cmd.AddNote: Window(OPEN, "a note is added to an open case"),
    cmd.AssignCase: Window(OPEN, "an open case is assigned"),
    cmd.AttachEvidence: Window(OPEN, "evidence is attached to an open case"),
    cmd.SuspendOfficer: Window(OPEN, "an officer is suspended while the case is open"),
    cmd.ReviewSuspension: Window(OPEN, "a suspension is reviewed while the case is open"),
}


def allowed_at(stage: Stage, kind: type[cmd.Command]) -> bool:
    """Whether the process allows a command of ``kind`` at ``stage`` (its own guard may still refuse)."""
    window = WINDOWS.get(kind)
    return window is not None and stage in window.stages


def check_stage(ref: str, stage: Stage, command: cmd.Command) -> None:
    """Refuse ``command`` if the process does not allow it at ``stage``."""
    kind = type(command)
    window = WINDOWS.get(kind)
    if window is None:
        raise InvalidInput("command", "a known command", kind.__name__)
    if stage in window.stages:
        return
    expected = ", ".join(s.value for s in Stage if s in window.stages)
    message = (
        f"{kind.__name__} is not open at this stage: {window.what}; case {ref} is at "
        f"{stage.value}, expected {expected}"
    )
    error: MisconductError
    if window.citation is None:
        error = InvalidInput("stage", expected, stage.value, hint=message)
    else:
        error = RuleViolation(message, citation=window.citation, field="stage")
    error.expected, error.received = expected, stage.value
    raise error
