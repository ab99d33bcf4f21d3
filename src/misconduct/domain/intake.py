"""Lifecycle steps from intake to the case-to-answer determination: parties, allegations, severity
assessment (reg 14), investigation (regs 15-21) and reg 23 / reg 49."""

from __future__ import annotations

from misconduct.domain import commands as cmd
from misconduct.domain import events as ev
from misconduct.domain.case import Case
from misconduct.domain.guards import (
    Context,
    check_allegation,
    handles,
    not_before,
    question,
    refuse,
    subject,
    warning_status,
)
from misconduct.domain.terms import LikelyForm, Nature, SeverityResult
from misconduct.domain.timelimits import due_if_in_force, next_timeliness_report
from misconduct.errors import InvalidInput
from misconduct.rules.outcomes import lawful_outcomes
from misconduct.rules.vocabulary import Finding, Forum


@handles(cmd.AddParty)
def _add_party(case: Case, c: cmd.AddParty, ctx: Context) -> ev.Event:
    return ev.PartyAdded(c.on, c.party)


@handles(cmd.RecordAllegation)
def _record_allegation(case: Case, c: cmd.RecordAllegation, ctx: Context) -> ev.Event:
    if case.determination is not None:
        raise refuse(
            "allegations cannot be added after the case-to-answer determination", "SI 2020/4 reg 23"
        )
    if c.allegation.allegation_id in case.allegations:
        raise InvalidInput("allegation_id", "a new allegation id", c.allegation.allegation_id)
    check_allegation(c.allegation, case.officers)
    return ev.AllegationRecorded(c.on, c.allegation)


@handles(cmd.AssessSeverity)
def _assess(case: Case, c: cmd.AssessSeverity, ctx: Context) -> ev.Event:
    if case.severity is not None:
        raise refuse("the severity has already been assessed", "SI 2020/4 reg 14")
    if not case.allegations:
        raise refuse("record at least one allegation before assessing severity", "SI 2020/4 reg 14")
    a = c.assessment
    if a.result is SeverityResult.GROSS_MISCONDUCT and a.likely_form is LikelyForm.MEETING:
        raise refuse(
            "gross misconduct cannot go to a misconduct meeting", "SI 2020/4 reg 23", "likely_form"
        )
    statuses = tuple(
        warning_status(o, ctx.warnings.get(oid, ()), c.on) for oid, o in case.officers.items()
    )
    deadlines = (
        due_if_in_force(
            "reg19_timeliness_report",
            case.came_to_attention,
            Nature.OBLIGATION,
            "appropriate authority",
        )
        if a.result.needs_investigation
        else ()
    )
    return ev.SeverityAssessed(c.on, deadlines, a, statuses)


@handles(cmd.AppointInvestigator)
def _appoint(case: Case, c: cmd.AppointInvestigator, ctx: Context) -> ev.Event:
    not_before(c.on, case.severity_on, "the severity assessment")
    if not c.investigator.strip():
        raise InvalidInput("investigator", "a name", c.investigator)
    return ev.InvestigatorAppointed(c.on, c.investigator)


@handles(cmd.GiveRegulation17Notice)
def _reg17(case: Case, c: cmd.GiveRegulation17Notice, ctx: Context) -> ev.Event:
    if not case.investigation.investigator:
        raise refuse(
            "the notice must name the investigator: appoint one first", "SI 2020/4 reg 17(1)(b)"
        )
    not_before(c.on, case.investigation.appointed_on, "the investigator's appointment")
    deadlines = tuple(
        item
        for oid in case.officers
        for item in due_if_in_force("reg18_response", c.on, Nature.WINDOW, "officer", oid)
    )
    return ev.Regulation17NoticeGiven(c.on, deadlines)


@handles(cmd.ReceiveRegulation18Response)
def _reg18(case: Case, c: cmd.ReceiveRegulation18Response, ctx: Context) -> ev.Event:
    if case.investigation.reg17_notice_on is None:
        raise refuse("no regulation 17 notice has been given", "SI 2020/4 reg 18")
    if case.investigation.reg18_response_on is not None:
        raise refuse("the regulation 18 response has already been recorded", "SI 2020/4 reg 18")
    not_before(c.on, case.investigation.reg17_notice_on, "the regulation 17 notice")
    return ev.Regulation18ResponseReceived(c.on)


@handles(cmd.RecordInterview)
def _interview(case: Case, c: cmd.RecordInterview, ctx: Context) -> ev.Event:
    subject(case, c.officer_id)
    not_before(c.on, case.investigation.reg17_notice_on, "the regulation 17 notice")
    return ev.InterviewHeld(c.on, c.officer_id)


@handles(cmd.ReportInvestigationProgress)
def _reg19(case: Case, c: cmd.ReportInvestigationProgress, ctx: Context) -> ev.Event:
    return ev.TimelinessReportSent(c.on, next_timeliness_report(c.on))


@handles(cmd.SubmitInvestigationReport)
def _reg21(case: Case, c: cmd.SubmitInvestigationReport, ctx: Context) -> ev.Event:
    if case.investigation.reg17_notice_on is None:
        raise refuse(
            "the officer must be given a regulation 17 notice before the report", "SI 2020/4 reg 17"
        )
    not_before(c.on, case.investigation.reg17_notice_on, "the regulation 17 notice")
    return ev.InvestigationReportSubmitted(c.on, c.special_conditions_statement)


@handles(cmd.DetermineCaseToAnswer)
def _reg23(case: Case, c: cmd.DetermineCaseToAnswer, ctx: Context) -> ev.Event:
    not_before(c.on, case.investigation.report_on, "the investigation report")
    d = c.determination
    if not d.case_to_answer:
        if d.level is not None or d.form is not None or d.certified_special_conditions:
            raise InvalidInput(
                "level/form", "no level or form when there is no case to answer", d.level
            )
        return ev.CaseToAnswerDetermined(c.on, d)
    if d.level not in (Finding.MISCONDUCT, Finding.GROSS_MISCONDUCT) or d.form is None:
        raise InvalidInput(
            "level", "misconduct or gross_misconduct, with a form of proceedings", d.level
        )
    if d.form is Forum.ACCELERATED_MISCONDUCT_HEARING:
        if d.level is not Finding.GROSS_MISCONDUCT or not d.certified_special_conditions:
            raise refuse(
                "an accelerated hearing needs gross misconduct and certification that the special "
                "conditions are satisfied",
                "SI 2020/4 reg 49(1)-(2)",
                "form",
            )
    elif d.certified_special_conditions:
        raise refuse("a certified case goes to an accelerated hearing", "SI 2020/4 reg 49", "form")
    for officer_id in case.officers:
        # Raises if the forum is not open for this level and the warnings on the assessment date.
        lawful_outcomes(question(case, officer_id, d.form, d.level, c.on))
    fww = any(s.fww_in_force for s in case.warnings_at_severity.values())
    if (
        d.level is Finding.MISCONDUCT
        and d.form is Forum.MISCONDUCT_HEARING
        and not fww
        and not d.hearing_exception.strip()
    ):
        raise refuse(
            "misconduct goes to a meeting unless an exception applies; record the hearing_exception",
            "SI 2020/4 reg 23",
            "hearing_exception",
        )
    return ev.CaseToAnswerDetermined(c.on, d)
