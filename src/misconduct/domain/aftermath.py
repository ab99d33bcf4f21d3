"""Lifecycle steps after the outcome: appeals (reg 45 / PAT), reflective practice, the barred list
and closure."""

from __future__ import annotations

from typing import Any

from misconduct.domain import commands as cmd
from misconduct.domain import events as ev
from misconduct.domain.case import Case
from misconduct.domain.guards import (
    Context,
    handles,
    not_before,
    refuse,
    subject,
)
from misconduct.domain.terms import AppealRoute, Nature, SeverityResult
from misconduct.domain.timelimits import due_if_in_force
from misconduct.errors import InvalidInput
from misconduct.rules.vocabulary import Finding, Forum, Outcome


@handles(cmd.LodgeAppeal)
def _appeal(case: Case, c: cmd.LodgeAppeal, ctx: Context) -> ev.Event:
    subject(case, c.officer_id)
    decision = case.decisions.get(c.officer_id)
    if decision is None or decision.notified_on is None or case.forum is None:
        raise refuse("an appeal follows notice of the outcome", "SI 2020/4 reg 45; PAT Rules 2020")
    if case.open_appeal(c.officer_id) is not None:
        raise refuse("an appeal is already open for this officer", "SI 2020/4 reg 45")
    steps = ("reg45_appeal", "pat_notice_of_appeal")
    window = next(
        (
            t.item
            for t in case.time_limits
            if t.item.step in steps and t.item.officer_id == c.officer_id
        ),
        None,
    )
    if window is None:
        raise refuse("there is no appeal from a finding of no misconduct", "SI 2020/4 reg 45(1)")
    not_before(c.on, decision.notified_on, "notice of the outcome")
    if c.on > window.last_day and not c.extension_reason.strip():
        raise refuse(
            f"the appeal window closed on {window.last_day.isoformat()}; record an extension_reason",
            window.citation,
            "extension_reason",
        )
    route = (
        AppealRoute.APPEAL_MEETING
        if case.forum is Forum.MISCONDUCT_MEETING
        else AppealRoute.POLICE_APPEALS_TRIBUNAL
    )
    deadlines: tuple[Any, ...] = ()
    if route is AppealRoute.POLICE_APPEALS_TRIBUNAL:
        deadlines = due_if_in_force(
            "pat_respondent_documents",
            c.on,
            Nature.OBLIGATION,
            "appropriate authority",
            c.officer_id,
        )
    return ev.AppealLodged(
        c.on, deadlines, c.officer_id, route, window.last_day, c.extension_reason
    )


@handles(cmd.DetermineAppeal)
def _determine_appeal(case: Case, c: cmd.DetermineAppeal, ctx: Context) -> ev.Event:
    appeal = case.open_appeal(c.officer_id)
    if appeal is None:
        raise refuse(f"no open appeal for {c.officer_id}", "SI 2020/4 reg 47; PAT Rules 2020")
    not_before(c.on, appeal.lodged_on, "the appeal")
    substituted = c.substituted_outcome is not None
    if substituted != (c.result.value == "outcome_substituted"):
        raise InvalidInput(
            "substituted_outcome",
            "an outcome exactly when the result is outcome_substituted",
            c.substituted_outcome,
        )
    if (
        appeal.route is AppealRoute.APPEAL_MEETING
        and c.substituted_outcome is not None
        and c.substituted_outcome not in case.decisions[c.officer_id].available
    ):
        raise refuse(
            "the appeal meeting may impose only what the meeting could have",
            "SI 2020/4 reg 47(1)",
            "substituted_outcome",
        )
    deadlines: tuple[Any, ...] = ()
    if appeal.route is AppealRoute.APPEAL_MEETING:
        deadlines = due_if_in_force(
            "reg47_determination_notice",
            c.on,
            Nature.OBLIGATION,
            "appropriate authority",
            c.officer_id,
        )
    return ev.AppealDetermined(c.on, deadlines, c.officer_id, c.result, c.substituted_outcome)


@handles(cmd.NotifyAppealDetermination)
def _notify_appeal(case: Case, c: cmd.NotifyAppealDetermination, ctx: Context) -> ev.Event:
    done = [a for a in case.appeals if a.officer_id == c.officer_id and a.determined_on is not None]
    if not done:
        raise refuse("no appeal determination to notify", "SI 2020/4 reg 47(2)")
    not_before(c.on, done[-1].determined_on, "the appeal determination")
    return ev.AppealDeterminationNotified(c.on, c.officer_id)


@handles(cmd.ReferToReflectivePractice)
def _rprp(case: Case, c: cmd.ReferToReflectivePractice, ctx: Context) -> ev.Event:
    subject(case, c.officer_id)
    decision = case.decisions.get(c.officer_id)
    eligible = (
        case.severity_result is SeverityResult.PRACTICE_REQUIRING_IMPROVEMENT
        or (case.determination is not None and not case.determination.case_to_answer)
        or (decision is not None and decision.decision.outcome is Outcome.REFLECTIVE_PRACTICE)
    )
    if not eligible:
        raise refuse(
            "reflective practice follows a practice-requiring-improvement assessment, no case to "
            "answer, or a direction after a finding of no misconduct",
            "SI 2020/4 regs 14, 23(5), 42(1)(b)",
        )
    if c.officer_id in case.reflective_practice:
        raise refuse("already referred to reflective practice", "SI 2020/4 Part 6")
    return ev.ReflectivePracticeReferred(
        c.on,
        due_if_in_force("rprp_account", c.on, Nature.WINDOW, "officer", c.officer_id),
        c.officer_id,
    )


@handles(cmd.CompleteReflectivePractice)
def _rprp_done(case: Case, c: cmd.CompleteReflectivePractice, ctx: Context) -> ev.Event:
    started = case.reflective_practice.get(c.officer_id)
    if started is None or started[1] is not None:
        raise refuse("no reflective practice in progress for this officer", "SI 2020/4 reg 70")
    not_before(c.on, started[0], "the referral to reflective practice")
    return ev.ReflectivePracticeCompleted(c.on, c.officer_id)


@handles(cmd.ReportToBarredList)
def _barred(case: Case, c: cmd.ReportToBarredList, ctx: Context) -> ev.Event:
    decision = case.decisions.get(c.officer_id)
    if (
        decision is None
        or not decision.decision.outcome.is_dismissal
        or decision.notified_on is None
    ):
        raise refuse(
            "only a notified dismissal is reported to the barred list",
            "Police Act 1996 s.88C; SI 2017/1135 reg 3",
        )
    if c.officer_id in case.barred_list_reported:
        raise refuse("already reported to the barred list", "SI 2017/1135 reg 3")
    not_before(c.on, decision.notified_on, "notice of the dismissal")
    return ev.BarredListReported(
        c.on,
        due_if_in_force(
            "barred_list_review", c.on, Nature.NOT_BEFORE, "College of Policing", c.officer_id
        ),
        c.officer_id,
    )


def outstanding(case: Case) -> list[str]:
    """What must still happen before the case can close (empty when it may close)."""
    result = case.severity_result
    if result in (SeverityResult.NO_FURTHER_ACTION, SeverityResult.VETTING_REFERRAL):
        return []
    todo = [
        f"reflective practice for {oid}"
        for oid, (_, done) in case.reflective_practice.items()
        if done is None
    ]
    if result is SeverityResult.PRACTICE_REQUIRING_IMPROVEMENT or (
        case.determination and not case.determination.case_to_answer
    ):
        return todo
    if result is None:
        return ["severity assessment"]
    amh = case.forum is Forum.ACCELERATED_MISCONDUCT_HEARING
    no_gm = all(case.officer_finding(o) is not Finding.GROSS_MISCONDUCT for o in case.officers)
    if case.findings and amh and not case.decisions and no_gm:
        return todo  # reg 62(8): dismissed or returned to the authority
    if case.report_on is None:
        return ["outcome report", *todo]
    todo += [f"notify {oid}" for oid, d in case.decisions.items() if d.notified_on is None]
    todo += [f"appeal by {a.officer_id}" for a in case.appeals if a.result is None]
    return todo


@handles(cmd.CloseCase)
def _close(case: Case, c: cmd.CloseCase, ctx: Context) -> ev.Event:
    if not c.reason.strip():
        raise InvalidInput("reason", "why the case is closing", c.reason)
    not_before(c.on, case.last_on, "the case's latest step")
    if c.withdrawn:
        if case.findings:
            raise refuse("a case cannot be withdrawn after findings", "SI 2020/4 reg 27")
        return ev.CaseClosed(c.on, c.reason, True)
    todo = outstanding(case)
    if todo:
        raise refuse("the case cannot close yet: " + "; ".join(todo), "SI 2020/4 Parts 3-6")
    return ev.CaseClosed(c.on, c.reason)
