"""Lifecycle steps from referral to findings: notice (reg 30 / 51), response (reg 31), arranging the
meeting or hearing (forum, date, time, venue, the chair and panel in the roles the rules require for
the date, privacy, anonymity), the papers to the chair (reg 32(6)), the pre-hearing (reg 33), notice
to the officer (reg 35(1)), objections to panel members (reg 35(3)-(9)), public notice (reg 36),
adjournments (reg 41(3)-(4)), extensions of time
(regs 29(6), 31(1)(b), 32(9), 33(10), 34(2)) and findings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from misconduct.domain import commands as cmd
from misconduct.domain import events as ev
from misconduct.domain.case import Case
from misconduct.domain.dates import british_numeric
from misconduct.domain.guards import (
    HEARINGS,
    Context,
    check_cipher,
    handles,
    hearing_reasons_due,
    not_before,
    refuse,
)
from misconduct.domain.records import (
    Adjournment,
    DueItem,
    PanelMember,
    PanelObjection,
    ProceedingsArrangement,
)
from misconduct.domain.terms import ChairRole, Nature, PanelRole
from misconduct.domain.timelimits import due_if_in_force
from misconduct.errors import InvalidInput, NotModelled
from misconduct.rules.catalogue import default_catalogue
from misconduct.rules.regime import PanelChair, accelerated_hearing_conductor, panel_for_hearing
from misconduct.rules.standards import parse_standards
from misconduct.rules.vocabulary import Finding, Forum

# The limits by which the meeting or hearing must take place: an adjournment past one is refused
# until it is extended; the meeting or hearing taking place (its findings) ends them.
TAKES_PLACE_BY = (
    "reg29_first_day_of_hearing",
    "reg29_hearing_without_pre_hearing",
    "reg33_hearing_after_pre_hearing",
    "reg34_meeting",
)
# The time limits the regulations let someone extend, who, and the provision.
EXTENDABLE: dict[str, tuple[str, str]] = {
    "reg29_first_day_of_hearing": (
        "the chair, in the interests of justice",
        "SI 2020/4 reg 29(6)(a)",
    ),
    "reg29_hearing_without_pre_hearing": (
        "the chair, in the interests of justice",
        "SI 2020/4 reg 29(6)(b)",
    ),
    "reg31_response": ("the person conducting or chairing", "SI 2020/4 reg 31(1)(b)"),
    "reg32_documents_to_chair": ("the person conducting or chairing", "SI 2020/4 reg 32(9)(b)"),
    "reg33_pre_hearing": ("the chair, in the interests of justice", "SI 2020/4 reg 33(10)(a)"),
    "reg33_hearing_after_pre_hearing": (
        "the chair, in the interests of justice",
        "SI 2020/4 reg 33(10)(b)",
    ),
    "reg34_meeting": (
        "the person conducting the meeting, in the interests of justice, with written reasons",
        "SI 2020/4 reg 34(2)-(3)",
    ),
}
# An extended hearing limit stays within the reg 29(2) period (or its extension).
WITHIN_FIRST_DAY = ("reg29_hearing_without_pre_hearing", "reg33_hearing_after_pre_hearing")
MEETING_PANEL = "SI 2020/4 reg 28 (unverified: who conducts a meeting was not read)"


def _panel_rules(notice_on: date) -> tuple[PanelChair, str] | None:
    """Who chairs a hearing whose notice of referral came on ``notice_on``, and the citation; None
    before the 2020 regime (the 2012 panel rules are not modelled)."""
    try:
        panel = panel_for_hearing(notice_on)
        version = default_catalogue().version("panel_composition", notice_on)
    except NotModelled:
        return None
    return panel.chair, str(version.citation)


def _check_panel(case: Case, a: ProceedingsArrangement) -> None:
    """The chair's capacity and the panel's roles as the rules require on the date of the notice of
    referral (SI 2024/521 reg 7): before 7 May 2024 a legally qualified chair with a police officer
    member and an independent member; from then the chief officer or a delegate with two lay
    members, advised by a legally qualified person. A meeting is conducted without a panel."""
    assert case.referral is not None
    roles = [m.role for m in a.members]
    if a.forum is Forum.MISCONDUCT_MEETING:
        if a.chair_role is not ChairRole.PERSON_CONDUCTING:
            raise refuse(
                "a misconduct meeting is conducted by the person conducting it, not a "
                + (a.chair_role.label.lower() if a.chair_role else "chair"),
                MEETING_PANEL,
                "chair_role",
            )
        for role in roles:
            if not role.advises:
                raise refuse(
                    f"a misconduct meeting has no panel: no {role.label.lower()}",
                    MEETING_PANEL,
                    role.value,
                )
        return
    if a.forum is Forum.ACCELERATED_MISCONDUCT_HEARING:
        _check_accelerated(case, a)
        return
    if a.forum is not Forum.MISCONDUCT_HEARING:
        return
    rules = _panel_rules(case.referral.notice_on)
    if rules is None:
        return
    chair, citation = rules
    when = f"with notice of referral on {british_numeric(case.referral.notice_on)}"
    if chair is PanelChair.LEGALLY_QUALIFIED_CHAIR:
        chairs: tuple[ChairRole, ...] = (ChairRole.LEGALLY_QUALIFIED_CHAIR,)
        required: tuple[PanelRole, ...] = (PanelRole.POLICE_MEMBER, PanelRole.INDEPENDENT_MEMBER)
    else:
        chairs = (ChairRole.CHIEF_OFFICER, ChairRole.CHIEF_OFFICER_DELEGATE)
        required = (
            PanelRole.QUALIFIED_LAY_MEMBER,
            PanelRole.LAY_MEMBER,
            PanelRole.LEGALLY_QUALIFIED_PERSON,
        )
    if a.chair_role not in chairs:
        raise refuse(
            f"{when}, the hearing is chaired by the "
            + " or the ".join(c.label.lower() for c in chairs)
            + f", not the {a.chair_role.label.lower() if a.chair_role else 'chair given'}",
            citation,
            "chair_role",
        )
    for role in roles:
        if role not in required and role is not PanelRole.ADVISER:
            raise refuse(f"{when}, the panel has no {role.label.lower()}", citation, role.value)
    for role in required:
        if roles.count(role) != 1:
            raise refuse(
                f"{when}, the panel needs one {role.label.lower()} (given {roles.count(role)})",
                citation,
                role.value,
            )


def _check_accelerated(case: Case, a: ProceedingsArrangement) -> None:
    """An accelerated hearing of officers none of whom is a senior officer is conducted by the chief
    officer or their delegate, with no panel (SI 2020/4 reg 55(1), reg 2(4A)); checked for notices of
    referral from 7 May 2024 only. A senior officer's panel (reg 55(3)-(4A)) is not checked."""
    assert case.referral is not None
    if any(o.rank.is_senior_officer for o in case.officers.values()):
        return
    try:
        accelerated_hearing_conductor(case.referral.notice_on)
        version = default_catalogue().version(
            "accelerated_hearing_composition", case.referral.notice_on
        )
    except NotModelled:
        return
    citation = str(version.citation)
    when = f"with notice of referral on {british_numeric(case.referral.notice_on)}"
    chairs = (ChairRole.CHIEF_OFFICER, ChairRole.CHIEF_OFFICER_DELEGATE)
    if a.chair_role not in chairs:
        raise refuse(
            f"{when}, the accelerated hearing of an officer other than a senior officer is "
            "conducted by the chief officer of the force or their delegate, not the "
            + (a.chair_role.label.lower() if a.chair_role else "chair given"),
            citation,
            "chair_role",
        )
    for m in a.members:
        if not m.role.advises:
            raise refuse(
                f"{when}, the accelerated hearing of an officer other than a senior officer has no "
                f"panel: no {m.role.label.lower()}",
                citation,
                m.role.value,
            )


def _named(a: ProceedingsArrangement) -> ProceedingsArrangement:
    """The members' and the adviser's names where documents read them (``panel``, ``adviser``)."""
    if not a.members:
        return a
    panel = tuple(m.name for m in a.members if not m.role.advises)
    lqp = [m.name for m in a.members if m.role is PanelRole.LEGALLY_QUALIFIED_PERSON]
    others = [m.name for m in a.members if m.role is PanelRole.ADVISER]
    return replace(a, panel=panel, adviser=(lqp or others or [a.adviser])[0])


def _open(case: Case, step: str) -> list[DueItem]:
    return [i for i in case.open_limits() if i.step == step]


def _starts_in_time(
    case: Case, starts_on: date, extra: tuple[DueItem, ...] = (), field: str = "starts_on"
) -> None:
    """Refuse a date for the meeting or hearing after a limit by which it must take place."""
    for item in [*case.open_limits(), *extra]:
        if item.step in TAKES_PLACE_BY and starts_on > item.last_day:
            who, where = EXTENDABLE[item.step]
            raise refuse(
                f"{item.title}: it must take place by {british_numeric(item.last_day)}, and "
                f"{british_numeric(starts_on)} is later; {who} may extend the time limit first, with reasons "
                f"({where})",
                item.citation,
                field,
            )


def _administration_limits(case: Case, a: ProceedingsArrangement) -> tuple[DueItem, ...]:
    """The time limits an administered arrangement starts, where the case does not hold them yet:
    the papers to the chair (reg 32(6)), and the limit by which the meeting (reg 34) or the
    hearing (reg 29(2)) must take place."""
    assert case.referral is not None
    held = {t.item.step for t in case.time_limits}
    response = case.referral.response_on
    items: list[DueItem] = []
    papers_due = case.proceedings is None or case.proceedings.papers_on is None
    if a.forum is not Forum.ACCELERATED_MISCONDUCT_HEARING and response and papers_due:
        items += due_if_in_force(
            "reg32_documents_to_chair", response, Nature.OBLIGATION, "appropriate authority"
        )
    if a.forum is Forum.MISCONDUCT_HEARING:
        items += due_if_in_force(
            "reg29_first_day_of_hearing", case.referral.notice_on, Nature.OBLIGATION, "chair"
        )
    elif a.forum is Forum.MISCONDUCT_MEETING:
        items += _meeting_limit(case, response)
    return tuple(i for i in items if i.step not in held)


def _response_period_ends(case: Case) -> date | None:
    """The last day of the reg 31(1)(a) period, or of its extension (reg 31(1)(b)): the latest
    among the officers' reg 31 limits."""
    days = [t.item.last_day for t in case.time_limits if t.item.step == "reg31_response"]
    return max(days) if days else None


def _meeting_limit(case: Case, response: date | None) -> tuple[DueItem, ...]:
    """The reg 34(1) limit by which a misconduct meeting must take place: 20 working days after the
    officer's response (reg 34(1)(a)) or, where none is recorded, after the reg 31 period (or its
    extension) ends (reg 34(1)(b)-(c)). A response within the period later moves it (see
    ``_reg31``)."""
    trigger = response or _response_period_ends(case)
    if trigger is None:
        return ()
    return due_if_in_force(
        "reg34_meeting", trigger, Nature.OBLIGATION, "person conducting the meeting"
    )


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
    # A meeting arranged before the response: its limit ran from the end of the reg 31 period
    # (reg 34(1)(b)-(c)); a response within that period starts it from the response (reg 34(1)(a)).
    moved: tuple[DueItem, ...] = ()
    ends = _response_period_ends(case)
    if _open(case, "reg34_meeting") and ends is not None and c.on <= ends:
        moved = _meeting_limit(case, c.on)
    p = case.proceedings
    if (
        p is not None
        and p.arrangement.administered
        and p.arrangement.forum is not Forum.ACCELERATED_MISCONDUCT_HEARING
        and p.papers_on is None
        and not any(t.item.step == "reg32_documents_to_chair" for t in case.time_limits)
    ):  # arranged before the response: the papers are due 10 working days after it (reg 32(6))
        deadlines += due_if_in_force(
            "reg32_documents_to_chair", c.on, Nature.OBLIGATION, "appropriate authority"
        )
    return ev.OfficerResponseReceived(c.on, deadlines, c.accepts, moved)


@handles(cmd.ExchangeWitnessLists)
def _witnesses(case: Case, c: cmd.ExchangeWitnessLists, ctx: Context) -> ev.Event:
    if case.referral is None or case.referral.response_on is None:
        raise refuse("witness lists follow the officer's response", "SI 2020/4 reg 31(4)")
    if case.referral.witness_lists_on is not None:
        raise refuse("witness lists have already been exchanged", "SI 2020/4 reg 31(4)")
    not_before(c.on, case.referral.response_on, "the officer's response")
    return ev.WitnessListsExchanged(c.on)


def _privacy_in_force(case: Case, a: ProceedingsArrangement, lift: bool) -> ProceedingsArrangement:
    """The new arrangement with the privacy in force carried into it. An anonymity order or
    reporting restrictions given by the last arrangement or the chair's direction since stand
    where the new arrangement leaves them empty, and a hearing held in private stays so, unless
    ``lift`` confirms their removal: re-arranging (a new venue or date) must never name an officer
    the chair ordered withheld. The reasons in force carry with them where the new arrangement
    restricts nothing new and gives none."""
    held = case.proceedings.arrangement if case.proceedings else None
    cipher, restrictions = a.anonymity_cipher.strip(), a.reporting_restrictions.strip()
    held_cipher = held.anonymity_cipher.strip() if held else ""
    held_restrictions = held.reporting_restrictions.strip() if held else ""
    opened = bool(held and held.forum in HEARINGS and not held.in_public and a.in_public)
    removed = bool(
        (held_cipher and not cipher) or (held_restrictions and not restrictions) or opened
    )
    if lift and not removed:
        raise InvalidInput(
            "lift",
            "true only where the new arrangement removes an anonymity order, reporting "
            "restrictions or the exclusion of the public in force",
            True,
            hint="to lift them, leave the cipher or the reporting restrictions empty, or hold the "
            "hearing in public",
        )
    if held is None or lift:
        return a
    if opened:
        raise InvalidInput(
            "in_public",
            "the hearing held in private, as the arrangement in force holds it, or the lifting "
            "of the exclusion of the public confirmed",
            "in public",
            hint="to hold it in public, confirm the lifting (lift)",
        )
    new = a.restricts_beyond(held)
    return replace(
        a,
        anonymity_cipher=cipher or held_cipher,
        reporting_restrictions=restrictions or held_restrictions,
        privacy_reasons=a.privacy_reasons.strip() or ("" if new else held.privacy_reasons),
    )


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
    check_cipher(case, a.anonymity_cipher, "anonymity_cipher")
    a = _privacy_in_force(case, a, c.lift)
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
    restricted = not a.in_public or a.anonymity_cipher or a.reporting_restrictions
    if restricted and hearing_reasons_due(case, a.forum) and not a.privacy_reasons.strip():
        raise refuse(
            "excluding the public, anonymity or reporting restrictions need written reasons to the "
            "local policing body",
            "SI 2020/4 reg 39(3A); reg 59(4)",
            "privacy_reasons",
        )
    deadlines: tuple[Any, ...] = ()
    if a.administered:
        _check_panel(case, a)
        a = _named(a)
        deadlines = _administration_limits(case, a)
        _starts_in_time(case, a.starts_on, deadlines)
    elif a.members:
        raise InvalidInput("chair_role", "the chair's capacity, where panel roles are given", "")
    if a.forum is Forum.MISCONDUCT_HEARING and a.needs_public_notice:
        deadlines += due_if_in_force(
            "reg36_public_notice", a.starts_on, Nature.OBLIGATION, "appropriate authority"
        )
    return ev.ProceedingsArranged(c.on, deadlines, a)


@handles(cmd.GivePublicNotice)
def _public_notice(case: Case, c: cmd.GivePublicNotice, ctx: Context) -> ev.Event:
    p = case.proceedings
    if p is None or p.arrangement.forum not in HEARINGS:
        raise refuse("a public notice is given for an arranged hearing", "SI 2020/4 reg 36; reg 53")
    if p.public_notice_on is not None:
        raise refuse("the public notice has already been given", "SI 2020/4 reg 36")
    if not p.arrangement.needs_public_notice:
        raise refuse(
            "the chair did not require a public notice of this hearing",
            "SI 2020/4 reg 36(1)-(2)",
        )
    not_before(c.on, p.arranged_on, "the arrangement of the hearing")
    if p.arrangement.administered and p.arrangement.forum is Forum.MISCONDUCT_HEARING:
        if p.hearing_notice_on is None:
            raise refuse(
                "the public notice is published after the officer is given notice of the hearing",
                "SI 2020/4 reg 36(2)",
            )
        not_before(c.on, p.hearing_notice_on, "the notice of the hearing to the officer")
    return ev.PublicNoticeGiven(c.on)


def _arranged(case: Case) -> Any:
    if case.proceedings is None:
        raise refuse("no meeting or hearing has been arranged", "SI 2020/4 regs 28-35")
    return case.proceedings


@handles(cmd.SendPapersToChair)
def _papers(case: Case, c: cmd.SendPapersToChair, ctx: Context) -> ev.Event:
    p = _arranged(case)
    assert case.referral is not None
    if p.papers_on is not None:
        raise refuse(
            f"the papers were sent to the chair on {british_numeric(p.papers_on)}",
            "SI 2020/4 reg 32(6)",
        )
    not_before(c.on, case.referral.response_on or case.referral.notice_on, "the officer's response")
    not_before(c.on, p.arranged_on, "the arrangement of the proceedings")
    deadlines: tuple[DueItem, ...] = ()
    if p.arrangement.forum is Forum.MISCONDUCT_HEARING and p.arrangement.administered:
        deadlines = due_if_in_force(
            "reg33_pre_hearing", c.on, Nature.WINDOW, "chair"
        ) + due_if_in_force("reg29_hearing_without_pre_hearing", c.on, Nature.OBLIGATION, "chair")
    return ev.PapersSentToChair(c.on, deadlines)


@handles(cmd.HoldPreHearing)
def _pre_hearing(case: Case, c: cmd.HoldPreHearing, ctx: Context) -> ev.Event:
    p = _arranged(case)
    if p.arrangement.forum is not Forum.MISCONDUCT_HEARING:
        raise refuse("a pre-hearing is held only before a misconduct hearing", "SI 2020/4 reg 33")
    if p.papers_on is None:
        raise refuse("the pre-hearing follows the papers sent to the chair", "SI 2020/4 reg 33(1)")
    if p.pre_hearing_on is not None:
        raise refuse(
            f"the pre-hearing was held on {british_numeric(p.pre_hearing_on)}", "SI 2020/4 reg 33"
        )
    not_before(c.on, p.papers_on, "the papers sent to the chair")
    deadlines = due_if_in_force("reg33_hearing_after_pre_hearing", c.on, Nature.OBLIGATION, "chair")
    return ev.PreHearingHeld(c.on, deadlines, c.directions.strip())


@handles(cmd.GiveHearingNotice)
def _hearing_notice(case: Case, c: cmd.GiveHearingNotice, ctx: Context) -> ev.Event:
    p = _arranged(case)
    a = p.arrangement
    if not a.venue.strip() or a.starts_at is None:
        raise refuse(
            "the notice gives the date, time and place: record the venue and the time first",
            "SI 2020/4 reg 35(1)",
            "venue" if not a.venue.strip() else "starts_at",
        )
    last_moved = max((j.on for j in p.adjournments), default=p.arranged_on)
    if p.hearing_notice_on is not None and p.hearing_notice_on >= last_moved:
        raise refuse(
            f"notice of this date was given on {british_numeric(p.hearing_notice_on)}",
            "SI 2020/4 reg 35(1)",
        )
    not_before(c.on, last_moved, "the arrangement or its latest adjournment")
    deadlines: tuple[DueItem, ...] = ()
    if a.panel and p.hearing_notice_on is None:
        deadlines = tuple(
            item
            for oid in case.officers
            for item in due_if_in_force("reg35_objection", c.on, Nature.WINDOW, "officer", oid)
        )
    return ev.HearingNoticeGiven(c.on, deadlines)


REG35 = "SI 2020/4 reg 35(3)-(9)"


def _panel_member(case: Case, name: str, field_name: str = "member") -> PanelMember:
    """The member of the arranged panel named ``name`` (the chair and advisers are not members the
    officer may object to under reg 35(3))."""
    p = _arranged(case)
    a = p.arrangement
    if a.forum is not Forum.MISCONDUCT_HEARING or not a.administered:
        raise refuse(
            "objections under regulation 35 are to the members of a misconduct hearing's panel, "
            "arranged with their roles",
            "SI 2020/4 reg 35(2)-(3)",
        )
    members: list[PanelMember] = [m for m in a.members if not m.role.advises]
    key = " ".join(name.split()).casefold()
    found = next((m for m in members if " ".join(m.name.split()).casefold() == key), None)
    if found is None:
        chair = " ".join(a.chair.split()).casefold() == key and key != ""
        raise InvalidInput(
            field_name,
            "one of the panel members: " + ", ".join(m.name for m in members),
            name,
            hint="the officer may not object under regulation 35 to the chair" if chair else "",
        )
    return found


def _objection_window(case: Case, member: PanelMember, officer_id: str) -> DueItem | None:
    """The officer's window to object to ``member``: from the notice of a replacement's name where
    the member replaced another (reg 35(9)(b)), otherwise from the first notice of the panel's names
    (reg 35(4))."""
    p = _arranged(case)
    windows = sorted(
        (
            t.item
            for t in case.time_limits
            if t.item.step == "reg35_objection" and t.item.officer_id in (None, officer_id)
        ),
        key=lambda i: i.trigger,
    )
    replaced = next((o for o in reversed(p.objections) if o.replaced_by == member.name), None)
    if replaced is not None and replaced.replaced_on is not None:
        return next((w for w in windows if w.trigger == replaced.replaced_on), None)
    return windows[0] if windows else None


@handles(cmd.ObjectToPanelMember)
def _object(case: Case, c: cmd.ObjectToPanelMember, ctx: Context) -> ev.Event:
    member = _panel_member(case, c.member)
    if c.officer_id and c.officer_id not in case.officers:
        raise InvalidInput("officer_id", "one of " + ", ".join(case.officers), c.officer_id)
    officer_id = c.officer_id or next(iter(case.officers))
    if not c.grounds.strip():
        raise InvalidInput("grounds", "the grounds of the officer's objection", c.grounds)
    window = _objection_window(case, member, officer_id)
    if window is None:
        raise refuse(
            "the officer has not yet been given notice of the panel members' names",
            "SI 2020/4 reg 35(2)-(4)",
        )
    not_before(c.on, window.trigger, "the notice of the member's name")
    if c.on > window.last_day:
        raise refuse(
            f"an objection to {member.name} had to be made by {british_numeric(window.last_day)}",
            window.citation,
            "on",
        )
    earlier = _arranged(case).objection(member.name)
    if earlier is not None and earlier.officer_id == officer_id and earlier.on >= window.trigger:
        raise refuse(
            f"the officer objected to {member.name} on {british_numeric(earlier.on)}",
            REG35,
            "member",
        )
    return ev.PanelObjectionMade(
        c.on, member.name, member.role.value, c.grounds.strip(), officer_id
    )


def _awaiting(case: Case, member: str, what: str, none: Exception, expected: str) -> PanelObjection:
    """The objection to ``member`` that awaits ``what`` (the chair's decision or a replacement):
    ``none`` is raised where no objection awaits it, bad input naming the member where another
    member's does."""
    p = _arranged(case)
    waiting = [o.member for o in p.objections if o.awaiting == what]
    if not waiting:
        raise none
    objection: PanelObjection | None = p.objection(member, what)
    if objection is None:
        raise InvalidInput("member", f"{expected}: " + ", ".join(waiting), member)
    return objection


@handles(cmd.DecidePanelObjection)
def _decide_objection(case: Case, c: cmd.DecidePanelObjection, ctx: Context) -> ev.Event:
    objection = _awaiting(
        case,
        c.member,
        "decision",
        refuse("no objection to a panel member awaits the chair's decision", REG35),
        "a panel member whose objection awaits the chair's decision",
    )
    not_before(c.on, objection.on, "the objection")
    return ev.PanelObjectionDecided(c.on, objection.member, c.upheld, c.reasons.strip())


@handles(cmd.ReplacePanelMember)
def _replace_member(case: Case, c: cmd.ReplacePanelMember, ctx: Context) -> ev.Event:
    p = _arranged(case)
    objection = _awaiting(
        case,
        c.member,
        "replacement",
        refuse(
            "a panel member is replaced after the chair upholds an objection to them, and no "
            "upheld objection awaits a replacement",
            "SI 2020/4 reg 35(6)",
        ),
        "a panel member whose objection the chair upheld",
    )
    new = " ".join(c.replacement.split())
    if not new:
        raise InvalidInput("replacement", "the name of the new panel member", c.replacement)
    taken = [m.name for m in p.arrangement.members] + [p.arrangement.chair]
    if any(" ".join(n.split()).casefold() == new.casefold() for n in taken):
        raise InvalidInput(
            "replacement", "someone not already chairing, sitting on or advising the panel", new
        )
    assert objection.decided_on is not None
    not_before(c.on, objection.decided_on, "the chair's decision on the objection")
    deadlines = tuple(
        item
        for oid in case.officers
        for item in due_if_in_force("reg35_objection", c.on, Nature.WINDOW, "officer", oid)
    )
    return ev.PanelMemberReplaced(c.on, deadlines, objection.member, new, objection.role)


def _objections_settled(case: Case) -> None:
    """The hearing does not go ahead over an undecided objection or a member still to be replaced
    (reg 35(5)-(6))."""
    p = case.proceedings
    for o in p.objections if p else ():
        if o.awaiting == "decision":
            raise refuse(
                f"the chair has not decided the officer's objection to {o.member}",
                "SI 2020/4 reg 35(5)",
            )
        if o.awaiting == "replacement":
            raise refuse(
                f"the objection to {o.member} was upheld and they have not been replaced",
                "SI 2020/4 reg 35(6)",
            )


@handles(cmd.AdjournProceedings)
def _adjourn(case: Case, c: cmd.AdjournProceedings, ctx: Context) -> ev.Event:
    p = _arranged(case)
    a = p.arrangement
    if not c.reasons.strip():
        raise InvalidInput("reasons", "the reasons for the adjournment", c.reasons)
    if c.solely_for_attendance and not c.exceptional_circumstances.strip():
        raise refuse(
            "an adjournment solely to let a complainant, witness or interested person attend needs "
            "exceptional circumstances",
            "SI 2020/4 reg 41(4)",
            "exceptional_circumstances",
        )
    not_before(c.on, p.arranged_on, "the arrangement of the proceedings")
    if c.resumes_on <= a.starts_on:
        raise InvalidInput(
            "resumes_on",
            f"a date after the one arranged ({british_numeric(a.starts_on)})",
            british_numeric(c.resumes_on),
        )
    if c.on < a.starts_on:  # put off before it began: it must still begin in time
        _starts_in_time(case, c.resumes_on, field="resumes_on")
    moved: tuple[DueItem, ...] = ()
    if _open(case, "reg36_public_notice"):
        moved = due_if_in_force(
            "reg36_public_notice", c.resumes_on, Nature.OBLIGATION, "appropriate authority"
        )
    reasons = c.reasons.strip()
    if c.solely_for_attendance:
        reasons += f" (exceptional circumstances: {c.exceptional_circumstances.strip()})"
    adjournment = Adjournment(
        c.on, a.starts_on, c.resumes_on, reasons, c.resumes_at, c.venue.strip()
    )
    return ev.ProceedingsAdjourned(c.on, adjournment, moved)


@handles(cmd.ExtendTimeLimit)
def _extend(case: Case, c: cmd.ExtendTimeLimit, ctx: Context) -> ev.Event:
    if not extendable(case):
        raise refuse(
            "no time limit of this case that may be extended is running",
            "SI 2020/4 regs 29(6), 31(1)(b), 32(9), 33(10) and 34(2)",
        )
    items = [
        i for i in _open(case, c.step) if not c.officer_id or i.officer_id in (None, c.officer_id)
    ]
    if not items:
        open_steps = sorted({i.step for i in case.open_limits()})
        raise InvalidInput(
            "step",
            "one of the case's open time limits: " + (", ".join(open_steps) or "none is open"),
            c.step,
        )
    if c.step not in EXTENDABLE:
        raise refuse(
            f"the regulations give no power to extend this time limit ({items[0].title})",
            items[0].citation,
            "step",
        )
    if not c.reasons.strip():
        raise InvalidInput("reasons", "the reasons for the extension", c.reasons)
    last = max(i.last_day for i in items)
    if c.extended_to <= last:
        raise InvalidInput(
            "extended_to",
            f"a date after the present last day ({british_numeric(last)})",
            british_numeric(c.extended_to),
        )
    not_before(c.on, min(i.trigger for i in items), "the start of the time limit")
    if c.step in WITHIN_FIRST_DAY:
        for outer in _open(case, "reg29_first_day_of_hearing"):
            if c.extended_to > outer.last_day:
                raise refuse(
                    f"the hearing must still begin within the reg 29(2) period, by "
                    f"{british_numeric(outer.last_day)}; extend that period first",
                    "SI 2020/4 reg 33(13)",
                    "extended_to",
                )
    moved = tuple(_extended(i, c.extended_to) for i in items)
    if c.step == "reg31_response" and case.referral and case.referral.response_on is None:
        # A meeting limit running from the end of the reg 31 period runs from the extended end
        # (reg 34(1)(c)).
        ends = max(
            c.extended_to, *(t.item.last_day for t in case.time_limits if t.item.step == c.step)
        )
        if _open(case, "reg34_meeting"):
            moved += _meeting_limit(case, ends)
    return ev.TimeLimitExtended(c.on, c.step, c.extended_to, c.reasons.strip(), moved, c.officer_id)


def _extended(item: DueItem, to: date) -> DueItem:
    title = item.title if item.title.endswith(" (extended)") else item.title + " (extended)"
    citation = item.citation
    extension = EXTENDABLE[item.step][1]
    if extension not in citation:
        citation = f"{citation}; extended under {extension}"
    if item.due is not None:
        return replace(item, due=to, title=title, citation=citation)
    return replace(item, latest=to, title=title, citation=citation)


@handles(cmd.RecordFindings)
def _findings(case: Case, c: cmd.RecordFindings, ctx: Context) -> ev.Event:
    if case.proceedings is None:
        raise refuse(
            "findings are made at a meeting or hearing that has been arranged", "SI 2020/4 reg 41"
        )
    if case.findings:
        raise refuse("findings have already been recorded", "SI 2020/4 reg 41")
    _objections_settled(case)
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


def panel_roles(case: Case) -> tuple[PanelRole, ...]:
    """The roles a form offers for the case's meeting or hearing, as the rules give them for the
    date of the notice of referral (an adviser may sit with any of them)."""
    forum = case.referral.forum if case.referral else None
    if forum is Forum.MISCONDUCT_MEETING:
        return (PanelRole.ADVISER,)
    if forum is Forum.MISCONDUCT_HEARING and case.referral is not None:
        rules = _panel_rules(case.referral.notice_on)
        if rules is not None and rules[0] is PanelChair.LEGALLY_QUALIFIED_CHAIR:
            return (PanelRole.POLICE_MEMBER, PanelRole.INDEPENDENT_MEMBER, PanelRole.ADVISER)
        if rules is not None:
            return (
                PanelRole.QUALIFIED_LAY_MEMBER,
                PanelRole.LAY_MEMBER,
                PanelRole.LEGALLY_QUALIFIED_PERSON,
                PanelRole.ADVISER,
            )
    return (PanelRole.LEGALLY_QUALIFIED_PERSON, PanelRole.ADVISER)


def extendable(case: Case) -> list[DueItem]:
    """The case's open time limits that the regulations let someone extend."""
    return [i for i in case.open_limits() if i.step in EXTENDABLE]


def required_panel(case: Case) -> tuple[ChairRole | None, tuple[PanelRole, ...]]:
    """The chair's capacity and the members' roles the rules require for the case's meeting or
    hearing on the date of its notice of referral (for synthetic and demo arrangements): None and
    no roles where the rules do not say (before the 2020 regime; an accelerated hearing before
    7 May 2024 or of a senior officer)."""
    if case.referral is None:
        return None, ()
    forum = case.referral.forum
    if forum is Forum.MISCONDUCT_MEETING:
        return ChairRole.PERSON_CONDUCTING, ()
    if forum is Forum.ACCELERATED_MISCONDUCT_HEARING:
        if any(o.rank.is_senior_officer for o in case.officers.values()):
            return None, ()
        try:
            accelerated_hearing_conductor(case.referral.notice_on)
        except NotModelled:
            return None, ()
        return ChairRole.CHIEF_OFFICER, ()
    rules = _panel_rules(case.referral.notice_on)
    if rules is None:
        return None, ()
    if rules[0] is PanelChair.LEGALLY_QUALIFIED_CHAIR:
        return ChairRole.LEGALLY_QUALIFIED_CHAIR, (
            PanelRole.POLICE_MEMBER,
            PanelRole.INDEPENDENT_MEMBER,
        )
    return ChairRole.CHIEF_OFFICER_DELEGATE, (
        PanelRole.QUALIFIED_LAY_MEMBER,
        PanelRole.LAY_MEMBER,
        PanelRole.LEGALLY_QUALIFIED_PERSON,
    )
