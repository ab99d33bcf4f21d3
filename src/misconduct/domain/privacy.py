"""The chair's exclusion of the public or a person from the meeting or hearing (SI 2020/4 reg
39(3)(a); reg 59(2)(a) for an accelerated hearing), their conditions on attendance (reg 39(3)(b);
reg 59(2)(b)), and the written reasons the chair of a hearing gives the local policing body for
excluding, conditions excluding a person, anonymity or reporting restrictions (reg 39(3A); reg
59(4), inserted by SI 2024/521 reg 5 and applied by its reg 7(1) where notice of referral came on
or after 7 May 2024).

What the text says, as read (legalize-dev/legalize-uk, uk/uksi-2020-4.md as amended to 7 May 2024,
and uk/uksi-2024-521.md):

- reg 39(3)(a): "the person conducting or chairing the misconduct proceedings may ... exclude any
  person as they see fit from the whole or a part of those proceedings", having considered the
  representations under regs 33(8)(f), 36(3) and 36(5). It reaches a meeting too: a complainant or
  interested person attends a meeting as an observer "subject to regulation 39(3) and (5)" (reg
  40(3)). A meeting is held in private (reg 39(2)), so there is no public to exclude from it: the
  public is refused for a meeting, a person is not.
- reg 39(3)(b): the same person may "impose such conditions as they see fit relating to the
  attendance under regulation 40 or this regulation of any person at the proceedings in order to
  facilitate the proper conduct of those proceedings"; reg 59(2)(b) the same for an accelerated
  hearing ("attendance under this regulation of any person at the hearing"). A meeting's too.
- reg 39(3A) (and reg 59(4) for an accelerated hearing): where "the person chairing a misconduct
  hearing" excludes any person from all or part of it, imposes "conditions that have the effect of
  excluding any person from all or part of the hearing", or prohibits publication, "the person
  must give written reasons to the local policing body". So conditions need reasons only where
  they exclude a person (``excludes``, said by whoever records them), and then await them like an
  exclusion; other conditions owe none. The
  chair gives them, to the local policing body; the text sets no time, so the reasons are shown as
  awaited, never as a dated due item. Meetings are not within it. Each restriction awaiting them
  (:func:`reasons_awaited`) is a row of the app's read model of awaited steps (``AwaitedEntry``,
  ``app.readmodels.awaited``): on the holder's "My work" and in their reminders, with the day it
  has been awaited since and no last day, until the reasons are recorded as given.

Not recorded as steps: the withdrawal of attendees while evidence under reg 39(7) is given (reg
39(4): a duty ("they must require such attendees to withdraw"), not the reg 39(3) power, so outside
reg 39(3A), and a withdrawal for a part of the evidence rather than a decision about a person), and
the witnesses' attendance (reg 39(5)-(6): a rule of who may attend when, not a decision of the
chair, save a meeting chair's "contrary decision" under reg 39(5)). Neither is the same shape as an
exclusion or conditions; where the chair in fact excludes or conditions someone, those steps record
it.
"""

from __future__ import annotations

from misconduct.domain import commands as cmd
from misconduct.domain import events as ev
from misconduct.domain.anonymity import REASONS
from misconduct.domain.case import Case
from misconduct.domain.dates import british_numeric
from misconduct.domain.guards import (
    Context,
    arranged,
    handles,
    hearing_reasons_due,
    not_before,
    privacy_reasons_due,
    refuse,
)
from misconduct.domain.records import PrivacyAction
from misconduct.errors import InvalidInput
from misconduct.rules.vocabulary import Forum

EXCLUSION = {
    Forum.MISCONDUCT_MEETING: "SI 2020/4 reg 39(3)(a)",
    Forum.MISCONDUCT_HEARING: "SI 2020/4 reg 39(3)(a)",
    Forum.ACCELERATED_MISCONDUCT_HEARING: "SI 2020/4 reg 59(2)(a)",
}


def reasons_awaited(case: Case) -> list[PrivacyAction]:
    """The exclusions, anonymity orders and reporting restrictions of the case's hearing whose
    written reasons the local policing body has not been given, where reg 39(3A) / 59(4) applies
    (none where it does not: a meeting, or notice of referral before 7 May 2024)."""
    p = case.proceedings
    if p is None or not privacy_reasons_due(case):
        return []
    return [x for x in p.privacy_actions if x.given_on is None]


@handles(cmd.ExcludeFromProceedings)
def _exclude(case: Case, c: cmd.ExcludeFromProceedings, ctx: Context) -> ev.Event:
    p, referral = arranged(
        case,
        "the chair excludes the public or a person once the meeting or hearing is arranged",
        "SI 2020/4 reg 39(3)(a); reg 59(2)(a)",
    )
    a = p.arrangement
    person, part = c.person.strip(), c.part.strip()
    if c.public and a.forum is Forum.MISCONDUCT_MEETING:
        raise refuse(
            "a misconduct meeting is held in private: there is no public to exclude (a person "
            "attending it, such as an observer, may be excluded)",
            "SI 2020/4 reg 39(2)",
            "public",
        )
    if not c.public and not person:
        raise InvalidInput(
            "person", "the person or persons excluded, or the public excluded (public)", ""
        )
    if c.public and not part and not a.in_public:
        raise InvalidInput(
            "part",
            "the part of the hearing the public is excluded from: the hearing is already held in "
            "private as arranged",
            "",
        )
    not_before(c.on, p.arranged_on, "the arrangement of the proceedings")
    reasons = c.reasons.strip()
    if hearing_reasons_due(case, a.forum) and not reasons:
        raise refuse(
            f"with notice of referral on {british_numeric(referral.notice_on)}, excluding "
            "the public or a person from all or part of the hearing needs written reasons to the "
            "local policing body",
            REASONS[a.forum],
            "reasons",
        )
    return ev.ExcludedFromProceedings(c.on, a.chair, c.public, person, part, reasons)


CONDITIONS = {
    Forum.MISCONDUCT_MEETING: "SI 2020/4 reg 39(3)(b)",
    Forum.MISCONDUCT_HEARING: "SI 2020/4 reg 39(3)(b)",
    Forum.ACCELERATED_MISCONDUCT_HEARING: "SI 2020/4 reg 59(2)(b)",
}


@handles(cmd.ImposeAttendanceConditions)
def _conditions(case: Case, c: cmd.ImposeAttendanceConditions, ctx: Context) -> ev.Event:
    p, referral = arranged(
        case,
        "the chair imposes conditions on attendance once the meeting or hearing is arranged",
        "SI 2020/4 reg 39(3)(b); reg 59(2)(b)",
    )
    a = p.arrangement
    person, conditions = c.person.strip(), c.conditions.strip()
    if not person:
        raise InvalidInput(
            "person",
            "whose attendance the conditions govern (a person, or those attending in some "
            "capacity, such as every observer)",
            "",
        )
    if not conditions:
        raise InvalidInput("conditions", "the conditions imposed on their attendance", "")
    not_before(c.on, p.arranged_on, "the arrangement of the proceedings")
    reasons = c.reasons.strip()
    if c.excludes and hearing_reasons_due(case, a.forum) and not reasons:
        raise refuse(
            f"with notice of referral on {british_numeric(referral.notice_on)}, conditions "
            "that have the effect of excluding a person from all or part of the hearing need "
            "written reasons to the local policing body",
            REASONS[a.forum],
            "reasons",
        )
    return ev.AttendanceConditionsImposed(c.on, a.chair, person, conditions, c.excludes, reasons)


@handles(cmd.GivePrivacyReasons)
def _reasons_given(case: Case, c: cmd.GivePrivacyReasons, ctx: Context) -> ev.Event:
    citation = "SI 2020/4 reg 39(3A); reg 59(4)"
    p, _ = arranged(
        case, "there is no hearing whose reasons the local policing body awaits", citation
    )
    awaited = reasons_awaited(case)
    if not awaited:
        raise refuse(
            "no exclusion, condition excluding a person, anonymity order or reporting restriction "
            "of this hearing awaits written reasons to the local policing body",
            REASONS.get(p.arrangement.forum, citation),
        )
    first = min(x.on for x in awaited)
    not_before(c.on, first, "the earliest step awaiting reasons")
    return ev.PrivacyReasonsGiven(c.on, p.arrangement.chair)
