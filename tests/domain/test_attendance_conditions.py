"""The chair's conditions on attendance (SI 2020/4 reg 39(3)(b); reg 59(2)(b) for an accelerated
hearing): imposed on whom and what, at a meeting or a hearing once arranged; conditions that have
the effect of excluding a person from all or part of a hearing need written reasons to the local
policing body from 7 May 2024 (reg 39(3A); reg 59(4)), and await them until given, like an
exclusion; other conditions, a meeting's, or those before 7 May 2024 owe none."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from misconduct.domain import commands as c
from misconduct.domain import events as ev
from misconduct.domain.lifecycle import decide
from misconduct.domain.privacy import reasons_awaited
from misconduct.errors import InvalidInput, RuleViolation
from misconduct.rules.vocabulary import Forum
from tests.domain.test_anonymity import AFTER, BEFORE, CHAIR, arranged

LATER = AFTER + timedelta(days=30)
SEATS = "Seated at the back; no note-taking devices."


def test_conditions_that_exclude_nobody_are_recorded_and_owe_no_reasons() -> None:
    case = arranged(AFTER)
    event = decide(case, c.ImposeAttendanceConditions(LATER, " every observer ", SEATS))
    assert event == ev.AttendanceConditionsImposed(LATER, CHAIR, "every observer", SEATS, False, "")
    case.apply(event)
    p = case.proceedings
    assert p is not None and p.arrangement.in_public  # conditions hold nothing in private
    assert [(k.person, k.conditions, k.excludes) for k in p.conditions] == [
        ("every observer", SEATS, False)
    ]
    assert reasons_awaited(case) == []
    assert case.timeline[-1].label == (
        "The chair, Jo Chair, imposed conditions on the attendance of every observer: " + SEATS
    )


@pytest.mark.parametrize(
    ("forum", "citation"),
    [
        (Forum.MISCONDUCT_HEARING, "SI 2020/4 reg 39(3A)"),
        (Forum.ACCELERATED_MISCONDUCT_HEARING, "SI 2020/4 reg 59(4)"),
    ],
)
def test_conditions_excluding_a_person_from_a_hearing_need_reasons_and_await_them(
    forum: Forum, citation: str
) -> None:
    case = arranged(AFTER, forum)
    command = c.ImposeAttendanceConditions(
        LATER, "the complainant's companion", "Leaves if he speaks.", True
    )
    with pytest.raises(RuleViolation, match="written reasons to the local policing body") as e:
        decide(case, command)
    assert (e.value.citation, e.value.field) == (citation, "reasons")
    case.apply(decide(case, replace(command, reasons=" He shouted at the witness. ")))
    assert case.timeline[-1].label == (
        "The chair, Jo Chair, imposed conditions on the attendance of the complainant's companion: "
        "Leaves if he speaks. They have the effect of excluding a person from all or part of the "
        "hearing. Reasons: He shouted at the witness."
    )
    assert [(x.on, x.what) for x in reasons_awaited(case)] == [
        (LATER, "Conditions on the attendance of the complainant's companion: Leaves if he speaks")
    ]
    case.apply(decide(case, c.GivePrivacyReasons(LATER + timedelta(days=1))))
    assert reasons_awaited(case) == []


def test_a_meeting_s_or_an_older_hearing_s_excluding_conditions_owe_no_reasons() -> None:
    meeting = arranged(AFTER, Forum.MISCONDUCT_MEETING)
    meeting.apply(
        decide(
            meeting,
            c.ImposeAttendanceConditions(
                LATER, "the complainant", "Leaves for the mitigation.", True
            ),
        )
    )
    assert meeting.proceedings is not None and len(meeting.proceedings.conditions) == 1
    assert reasons_awaited(meeting) == []  # reg 39(3A) speaks of a hearing only
    older = arranged(BEFORE)
    on = BEFORE + timedelta(days=30)
    older.apply(
        decide(
            older, c.ImposeAttendanceConditions(on, "the press", "Leave for W's evidence.", True)
        )
    )
    assert reasons_awaited(older) == []  # notice of referral before 7 May 2024


def test_bad_conditions_name_the_field() -> None:
    case = arranged(AFTER)
    with pytest.raises(InvalidInput) as e:
        decide(case, c.ImposeAttendanceConditions(LATER, " ", SEATS))
    assert e.value.field == "person"
    with pytest.raises(InvalidInput) as e:
        decide(case, c.ImposeAttendanceConditions(LATER, "every observer", "  "))
    assert e.value.field == "conditions"
    assert case.proceedings is not None
    before = case.proceedings.arranged_on - timedelta(days=1)
    with pytest.raises(InvalidInput) as e:
        decide(case, c.ImposeAttendanceConditions(before, "every observer", SEATS))
    assert e.value.field == "on"
    unarranged = replace(arranged(AFTER), proceedings=None)
    with pytest.raises(RuleViolation) as r:
        decide(unarranged, c.ImposeAttendanceConditions(LATER, "every observer", SEATS))
    assert r.value.citation == "SI 2020/4 reg 39(3)(b); reg 59(2)(b)"


def test_conditions_stand_when_the_hearing_is_arranged_again() -> None:
    case = arranged(AFTER)
    case.apply(decide(case, c.ImposeAttendanceConditions(LATER, "every observer", SEATS)))
    p = case.proceedings
    assert p is not None
    again = c.ArrangeProceedings(LATER + timedelta(days=1), replace(p.arrangement, venue="Room 9"))
    case.apply(decide(case, again))
    assert case.proceedings is not None
    assert [k.conditions for k in case.proceedings.conditions] == [SEATS]
