"""Lifecycle steps from referral to findings: notice (reg 30 / 51), response (reg 31), arranging the
meeting or hearing (forum, dates, privacy, anonymity), public notice and findings."""

from __future__ import annotations

from typing import Any

from misconduct.domain import commands as cmd
from misconduct.domain import events as ev
from misconduct.domain.case import Case
from misconduct.domain.guards import (
    HEARINGS,
    REG_2024_PRIVACY_REASONS,
    Context,
    handles,
    not_before,
    refuse,
)
from misconduct.domain.terms import Nature
from misconduct.domain.timelimits import due_if_in_force
from misconduct.errors import InvalidInput
from misconduct.rules.standards import parse_standards
from misconduct.rules.vocabulary import Finding, Forum


@handles(cmd.GiveReferralNotice)
def _referral(case: Case, c: cmd.GiveReferralNotice, ctx: Context) -> ev.Event:
    if case.severity is None or case.determination is None:
        raise refuse(
            "no referral before a severity assessment and a case-to-answer determination",
            "SI 2020/4 regs 14, 23 and 30",
        )
    if not case.determination.case_to_answer or case.determination.form is None:
        raise refuse("there is no case to answer to refer", "SI 2020/4 reg 23")
    if case.referral is not None:
        raise refuse("the notice of referral has already been given", "SI 2020/4 reg 30")
    not_before(c.on, case.determined_on, "the determination")
    forum = case.determination.form
    if forum is Forum.ACCELERATED_MISCONDUCT_HEARING:
        deadlines = due_if_in_force(
            "reg52_hearing_window", c.on, Nature.OBLIGATION, "appropriate authority"
        )
    else:
        deadlines = tuple(
            item
            for oid in case.officers
            for item in due_if_in_force("reg31_response", c.on, Nature.OBLIGATION, "officer", oid)
        )
    return ev.ReferralNoticeGiven(c.on, deadlines, forum)


@handles(cmd.ReceiveOfficerResponse)
def _reg31(case: Case, c: cmd.ReceiveOfficerResponse, ctx: Context) -> ev.Event:
    if case.referral is None:
        raise refuse("no notice of referral has been given", "SI 2020/4 reg 31")
    if case.referral.response_on is not None:
        raise refuse("the officer's response has already been recorded", "SI 2020/4 reg 31")
    not_before(c.on, case.referral.notice_on, "the notice of referral")
    deadlines: tuple[Any, ...] = ()
    if case.referral.forum is not Forum.ACCELERATED_MISCONDUCT_HEARING:
        deadlines = due_if_in_force(
            "reg31_witness_lists", c.on, Nature.OBLIGATION, "appropriate authority and officer"
        )
    return ev.OfficerResponseReceived(c.on, deadlines, c.accepts)


@handles(cmd.ExchangeWitnessLists)
def _witnesses(case: Case, c: cmd.ExchangeWitnessLists, ctx: Context) -> ev.Event:
    if case.referral is None or case.referral.response_on is None:
        raise refuse("witness lists follow the officer's response", "SI 2020/4 reg 31(4)")
    if case.referral.witness_lists_on is not None:
        raise refuse("witness lists have already been exchanged", "SI 2020/4 reg 31(4)")
    not_before(c.on, case.referral.response_on, "the officer's response")
    return ev.WitnessListsExchanged(c.on)


@handles(cmd.ArrangeProceedings)
def _arrange(case: Case, c: cmd.ArrangeProceedings, ctx: Context) -> ev.Event:
    a = c.arrangement
    if case.referral is None or case.determination is None:
        raise refuse(
            "proceedings are arranged after the notice of referral", "SI 2020/4 regs 30 and 51"
        )
    if case.findings:
        raise refuse("the proceedings have concluded", "SI 2020/4 reg 41")
    if a.forum is not case.determination.form:
        raise refuse(
            f"the determination chose a {case.determination.form}, not a {a.forum.value}",
            "SI 2020/4 reg 23",
            "forum",
        )
    if not a.chair.strip():
        raise InvalidInput("chair", "the name of the chair or person conducting", a.chair)
    not_before(c.on, case.referral.notice_on, "the notice of referral")
    not_before(a.starts_on, case.referral.notice_on, "the notice of referral")
    if a.forum is Forum.ACCELERATED_MISCONDUCT_HEARING:
        window = next(
            (t.item for t in case.time_limits if t.item.step == "reg52_hearing_window"), None
        )
        if window and not (
            window.earliest and window.latest and window.earliest <= a.starts_on <= window.latest
        ):
            raise refuse(
                f"an accelerated hearing must start between {window.earliest} and {window.latest}",
                window.citation,
                "starts_on",
            )
        if (
            case.determination.certified_special_conditions
            and a.chair.strip() == case.determination.decision_maker.strip()
        ):
            raise refuse(
                "the person who certified the case may not conduct the hearing",
                "SI 2020/4 reg 2(4C)",
                "chair",
            )
    if a.forum is Forum.MISCONDUCT_MEETING and a.in_public:
        raise refuse("a misconduct meeting is held in private", "SI 2020/4 reg 39(2)", "in_public")
    restricted = a.forum in HEARINGS and (
        not a.in_public or a.anonymity_cipher or a.reporting_restrictions
    )
    # SI 2024/521 reg 7(1): reg 39(3A)/59(4) apply where notice of referral came on or after 7 May 2024.
    new_rules = case.referral.notice_on >= REG_2024_PRIVACY_REASONS
    if restricted and new_rules and not a.privacy_reasons.strip():
        raise refuse(
            "excluding the public, anonymity or reporting restrictions need written reasons to the "
            "local policing body",
            "SI 2020/4 reg 39(3A); reg 59(4)",
            "privacy_reasons",
        )
    deadlines: tuple[Any, ...] = ()
    if a.forum is Forum.MISCONDUCT_HEARING:
        deadlines = due_if_in_force(
            "reg36_public_notice", a.starts_on, Nature.OBLIGATION, "appropriate authority"
        )
    return ev.ProceedingsArranged(c.on, deadlines, a)


@handles(cmd.GivePublicNotice)
def _public_notice(case: Case, c: cmd.GivePublicNotice, ctx: Context) -> ev.Event:
    if case.proceedings is None or case.proceedings.arrangement.forum not in HEARINGS:
        raise refuse("a public notice is given for an arranged hearing", "SI 2020/4 reg 36; reg 53")
    if case.proceedings.public_notice_on is not None:
        raise refuse("the public notice has already been given", "SI 2020/4 reg 36")
    not_before(c.on, case.proceedings.arranged_on, "the arrangement of the hearing")
    return ev.PublicNoticeGiven(c.on)


@handles(cmd.RecordFindings)
def _findings(case: Case, c: cmd.RecordFindings, ctx: Context) -> ev.Event:
    if case.proceedings is None:
        raise refuse(
            "findings are made at a meeting or hearing that has been arranged", "SI 2020/4 reg 41"
        )
    if case.findings:
        raise refuse("findings have already been recorded", "SI 2020/4 reg 41")
    not_before(c.on, case.proceedings.arrangement.starts_on, "the start of the proceedings")
    ids = [f.allegation_id for f in c.findings]
    if sorted(ids) != sorted(case.allegations):
        raise InvalidInput(
            "findings", "one finding for each allegation " + ", ".join(case.allegations), ids
        )
    forum = case.proceedings.arrangement.forum
    for f in c.findings:
        if f.proven == (f.level is Finding.NO_MISCONDUCT):
            raise InvalidInput("findings level", "no_misconduct exactly when not proven", f.level)
        if forum is Forum.MISCONDUCT_MEETING and f.level is Finding.GROSS_MISCONDUCT:
            raise refuse("a meeting cannot find gross misconduct", "SI 2020/4 reg 42(2)", "level")
        alleged = case.allegations[f.allegation_id]
        parse_standards(
            list(f.standards_breached), alleged.conduct_from, field="standards_breached"
        )
        never_alleged = [s for s in f.standards_breached if s not in alleged.standards]
        if never_alleged:
            raise InvalidInput(
                "standards_breached",
                f"standards alleged in {f.allegation_id} ({', '.join(alleged.standards)})",
                ", ".join(never_alleged),
                hint="a finding can only be made on a standard that was alleged",
            )
    step = "reg63_report" if forum is Forum.ACCELERATED_MISCONDUCT_HEARING else "reg43_report"
    deadlines = due_if_in_force(step, c.on, Nature.OBLIGATION, "chair")
    return ev.FindingsRecorded(c.on, deadlines, c.findings)
