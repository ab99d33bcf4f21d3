"""Lifecycle steps for the outcome: the decision (regs 42 and 62 through ``lawful_outcomes``), the
report (reg 43 / 63), notifying the officer (warnings run from here) and publication."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from misconduct.domain import commands as cmd
from misconduct.domain import events as ev
from misconduct.domain.case import Case
from misconduct.domain.guards import (
    HEARINGS,
    Context,
    handles,
    not_before,
    question,
    refuse,
    subject,
)
from misconduct.domain.terms import Nature
from misconduct.domain.timelimits import due_if_in_force
from misconduct.errors import InvalidInput
from misconduct.rules.outcomes import lawful_outcomes
from misconduct.rules.regime import Regime
from misconduct.rules.vocabulary import Finding, Forum, Outcome
from misconduct.rules.warning import WarningRecord

# The shortest publication period in whole days after the day of publication (SI 2020/4 reg 43:
# "not less than 28 days"; the ``reg43_publication`` rule counts them the same way).
MINIMUM_PUBLICATION_DAYS = 28


def _outcome_citation(forum: Forum) -> str:
    return (
        "SI 2020/4 reg 62" if forum is Forum.ACCELERATED_MISCONDUCT_HEARING else "SI 2020/4 reg 42"
    )


@handles(cmd.DecideOutcome)
def _decide_outcome(case: Case, c: cmd.DecideOutcome, ctx: Context) -> ev.Event:
    d = c.decision
    subject(case, d.officer_id)
    if not case.findings or case.proceedings is None:
        raise refuse("the outcome is decided after the findings", "SI 2020/4 reg 41")
    if d.officer_id in case.decisions:
        raise refuse(
            f"an outcome has already been decided for {d.officer_id}",
            _outcome_citation(case.proceedings.arrangement.forum),
        )
    if not d.decision_maker.strip():
        raise InvalidInput("decision_maker", "a name", d.decision_maker)
    not_before(c.on, case.proceedings.concluded_on, "the findings")
    forum = case.proceedings.arrangement.forum
    finding = case.officer_finding(d.officer_id)
    answer = lawful_outcomes(
        question(
            case, d.officer_id, forum, finding, c.on, unconnected_incidents=d.unconnected_incidents
        )
    )
    if d.outcome not in answer.available:
        lawful = (
            ", ".join(o.value for o in answer.available) or "none (dismiss the case or return it)"
        )
        raise refuse(
            f"{d.outcome.value} is not open for {finding.value} at a {forum.label.lower()}; lawful: {lawful}",
            _outcome_citation(forum),
            "outcome",
        )
    for requirement in answer.requirements_for(d.outcome):
        if (
            requirement.id in ("exceptional_circumstances", "reasons_for_not_dismissing")
            and not d.reasons.strip()
        ):
            raise refuse(
                f"reasons must be recorded: {requirement.text}", requirement.citation, "reasons"
            )
    period = answer.warning_periods.get(d.outcome)
    decision = d
    if period is not None:
        months = d.warning_months if d.warning_months is not None else period.default_months
        period.check(months)
        decision = replace(d, warning_months=months)
    elif d.warning_months is not None:
        raise InvalidInput(
            "warning_months", "no period for an outcome that is not a warning", d.warning_months
        )
    return ev.OutcomeDecided(
        c.on, decision, finding.value, answer.regime.regime.value, answer.available
    )


@handles(cmd.SubmitOutcomeReport)
def _report(case: Case, c: cmd.SubmitOutcomeReport, ctx: Context) -> ev.Event:
    missing = [oid for oid in case.officers if oid not in case.decisions]
    if not case.decisions or missing:
        raise refuse(
            "every subject officer needs an outcome before the report: " + ", ".join(missing),
            "SI 2020/4 reg 43(1); reg 63(1)",
        )
    if case.report_on is not None:
        raise refuse("the outcome report has already been submitted", "SI 2020/4 reg 43(1)")
    not_before(c.on, max(d.decided_on for d in case.decisions.values()), "the outcome decision")
    return ev.OutcomeReportSubmitted(c.on)


@handles(cmd.NotifyOfficer)
def _notify(case: Case, c: cmd.NotifyOfficer, ctx: Context) -> ev.Event:
    subject(case, c.officer_id)
    if case.report_on is None:
        raise refuse(
            "the officer is notified once the report is with the appropriate authority",
            "SI 2020/4 reg 43(2)",
        )
    decision = case.decisions[c.officer_id]
    if decision.notified_on is not None:
        raise refuse("the officer has already been notified", "SI 2020/4 reg 43(2)")
    not_before(c.on, case.report_on, "the outcome report")
    outcome = decision.decision.outcome
    kind = months = expires = None
    if outcome in (Outcome.WRITTEN_WARNING, Outcome.FINAL_WRITTEN_WARNING):
        months = decision.decision.warning_months
        assert months is not None
        kind = outcome
        # A 2020 warning's period begins with the day notified (reg 42(9)); a 2012 warning runs
        # "from" the day it takes effect (SI 2012/2632 reg 3(3)), which therefore does not count.
        first_day_counts = decision.regime != Regime.CONDUCT_REGS_2012.value
        expires = WarningRecord(
            outcome, c.on, months, first_day_counts=first_day_counts
        ).expires_on()
    deadlines: tuple[Any, ...] = ()
    if decision.finding is not Finding.NO_MISCONDUCT and case.forum is not None:
        step = "reg45_appeal" if case.forum is Forum.MISCONDUCT_MEETING else "pat_notice_of_appeal"
        deadlines = due_if_in_force(step, c.on, Nature.WINDOW, "officer", c.officer_id)
    return ev.OfficerNotified(c.on, deadlines, c.officer_id, kind, months, expires)


@handles(cmd.PublishOutcome)
def _publish(case: Case, c: cmd.PublishOutcome, ctx: Context) -> ev.Event:
    if case.report_on is None or case.forum not in HEARINGS:
        raise refuse(
            "the report of a hearing is published once submitted (meetings are private)",
            "SI 2020/4 reg 43; reg 39(2)",
        )
    if case.published_on is not None:
        raise refuse("the outcome is already published", "SI 2020/4 reg 43")
    not_before(c.on, case.report_on, "the outcome report")
    if c.period_days is not None and c.period_days < MINIMUM_PUBLICATION_DAYS:
        raise refuse(
            f"the report stays published for at least {MINIMUM_PUBLICATION_DAYS} days, "
            f"not {c.period_days}",
            "SI 2020/4 reg 43",
            "period_days",
        )
    return ev.OutcomePublished(
        c.on,
        due_if_in_force("reg43_publication", c.on, Nature.NOT_BEFORE, "appropriate authority"),
        c.period_days,
    )


@handles(cmd.RemovePublication)
def _unpublish(case: Case, c: cmd.RemovePublication, ctx: Context) -> ev.Event:
    keep = next(
        (
            t.item
            for t in case.time_limits
            if t.item.step == "reg43_publication" and t.met_on is None
        ),
        None,
    )
    if case.published_on is None or case.publication_removed_on is not None:
        raise refuse("the outcome is not published", "SI 2020/4 reg 43")
    if keep is not None and c.on <= keep.last_day:
        raise refuse(
            f"the report must stay published until at least {keep.last_day.isoformat()}",
            keep.citation,
            "on",
        )
    if case.publication_days is not None and case.published_on is not None:
        last = case.published_on + timedelta(days=case.publication_days)
        if c.on <= last:
            raise refuse(
                f"the report must stay published until at least {last.isoformat()} "
                f"(the {case.publication_days} days set when it was published)",
                "SI 2020/4 reg 43",
                "on",
            )
    return ev.PublicationRemoved(c.on)
