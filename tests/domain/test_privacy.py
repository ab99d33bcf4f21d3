"""The chair's exclusion of the public or a person from all or part of the meeting or hearing (SI
2020/4 reg 39(3)(a); reg 59(2)(a)) and the written reasons given to the local policing body (reg
39(3A); reg 59(4), from 7 May 2024): the public refused for a meeting (held in private, reg 39(2)),
a person not; reasons required at a hearing from 7 May 2024; the reasons awaited until given, with
no date by which they are due (the text sets none)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from misconduct.documents.redaction import officer_labels
from misconduct.domain import commands as c
from misconduct.domain import events as ev
from misconduct.domain.lifecycle import decide
from misconduct.domain.privacy import reasons_awaited
from misconduct.errors import InvalidInput, RuleViolation
from misconduct.rules.vocabulary import Forum
from tests.domain.test_anonymity import AFTER, BEFORE, CHAIR, arranged

LATER = AFTER + timedelta(days=30)


def test_excluding_the_public_from_the_whole_hearing_holds_it_in_private_from_then() -> None:
    case = arranged(AFTER)
    assert officer_labels(case)[0][2] is False  # named: a hearing in public
    event = decide(case, c.ExcludeFromProceedings(LATER, True, "", "", "A vulnerable witness."))
    assert event == ev.ExcludedFromProceedings(LATER, CHAIR, True, "", "", "A vulnerable witness.")
    case.apply(event)
    p = case.proceedings
    assert p is not None and not p.arrangement.in_public
    assert [(x.who, x.extent) for x in p.exclusions] == [
        ("the public", "the whole of the proceedings")
    ]
    assert officer_labels(case)[0][2] is True  # no longer named in public
    assert case.timeline[-1].label == (
        "The chair, Jo Chair, excluded the public from the whole of the proceedings. "
        "Reasons: A vulnerable witness."
    )
    # arranged again, the hearing stays in private unless the lifting is said (see proceedings)
    assert [x.what for x in reasons_awaited(case)] == [
        "Excluded the public from the whole of the proceedings"
    ]


def test_a_person_excluded_from_part_leaves_the_hearing_in_public() -> None:
    case = arranged(AFTER)
    command = c.ExcludeFromProceedings(
        LATER, False, "the complainant's companion", "while the complainant gives evidence", "Fear."
    )
    case.apply(decide(case, command))
    p = case.proceedings
    assert p is not None and p.arrangement.in_public
    assert case.timeline[-1].label.startswith(
        "The chair, Jo Chair, excluded the complainant's companion from part of the proceedings "
        "(while the complainant gives evidence)."
    )


@pytest.mark.parametrize(
    ("forum", "citation"),
    [
        (Forum.MISCONDUCT_HEARING, "SI 2020/4 reg 39(3A)"),
        (Forum.ACCELERATED_MISCONDUCT_HEARING, "SI 2020/4 reg 59(4)"),
    ],
)
def test_from_7_may_2024_an_exclusion_from_a_hearing_needs_written_reasons(
    forum: Forum, citation: str
) -> None:
    with pytest.raises(RuleViolation, match="written reasons to the local policing body") as e:
        decide(arranged(AFTER, forum), c.ExcludeFromProceedings(LATER, True, part="closing"))
    assert (e.value.citation, e.value.field) == (citation, "reasons")
    before = arranged(BEFORE, forum)
    event = decide(before, c.ExcludeFromProceedings(BEFORE + timedelta(30), True, part="x"))
    before.apply(event)
    assert reasons_awaited(before) == []  # nothing owed before the amendment


def test_a_meeting_has_no_public_to_exclude_but_a_person_may_be_excluded() -> None:
    case = arranged(AFTER, Forum.MISCONDUCT_MEETING)
    with pytest.raises(RuleViolation, match="held in private") as e:
        decide(case, c.ExcludeFromProceedings(LATER, True, "", "", "Welfare."))
    assert (e.value.citation, e.value.field) == ("SI 2020/4 reg 39(2)", "public")
    # reg 40(3): an observer attends a meeting subject to reg 39(3); no reasons to the body owed
    case.apply(decide(case, c.ExcludeFromProceedings(LATER, False, "the complainant")))
    assert case.proceedings is not None and len(case.proceedings.exclusions) == 1
    assert reasons_awaited(case) == []


def test_bad_exclusions_name_the_field() -> None:
    case = arranged(AFTER)
    with pytest.raises(InvalidInput) as e:
        decide(case, c.ExcludeFromProceedings(LATER, False, " ", "", "r"))
    assert e.value.field == "person"
    assert case.proceedings is not None
    with pytest.raises(InvalidInput) as e:
        decide(
            case,
            c.ExcludeFromProceedings(
                case.proceedings.arranged_on - timedelta(1), True, "", "", "r"
            ),
        )
    assert e.value.field == "on"
    private = arranged(AFTER)
    private.apply(decide(private, c.ExcludeFromProceedings(LATER, True, "", "", "r")))
    with pytest.raises(InvalidInput) as e:  # already in private: only a part could be said
        decide(private, c.ExcludeFromProceedings(LATER, True, "", "", "r"))
    assert e.value.field == "part"


def test_no_exclusion_before_the_arrangement() -> None:
    case = replace(arranged(AFTER), proceedings=None)
    with pytest.raises(RuleViolation) as e:
        decide(case, c.ExcludeFromProceedings(LATER, True, "", "", "r"))
    assert e.value.citation == "SI 2020/4 reg 39(3)(a); reg 59(2)(a)"


def test_the_reasons_are_awaited_for_each_restriction_until_given_and_cover_what_came_before() -> (
    None
):
    case = arranged(AFTER, cipher="PC A")  # arranged with an order: reasons owed from then
    case.apply(decide(case, c.ExcludeFromProceedings(LATER, True, "", "evidence of W", "Safety.")))
    assert [x.what for x in reasons_awaited(case)] == [
        "Arranged: anonymity order (“PC A”)",
        "Excluded the public from part of the proceedings (evidence of W)",
    ]
    on = LATER + timedelta(days=2)
    event = decide(case, c.GivePrivacyReasons(on))
    assert event == ev.PrivacyReasonsGiven(on, CHAIR)
    case.apply(event)
    assert reasons_awaited(case) == []
    assert case.proceedings is not None
    assert {x.given_on for x in case.proceedings.privacy_actions} == {on}
    assert case.timeline[-1].label == (
        "The chair, Jo Chair, gave the local policing body written reasons for excluding, "
        "anonymity or reporting restrictions"
    )
    # nothing left awaiting: refused, citing the provision
    with pytest.raises(RuleViolation, match="awaits written reasons") as e:
        decide(case, c.GivePrivacyReasons(on + timedelta(days=1)))
    assert e.value.citation == "SI 2020/4 reg 39(3A)"
    # a later direction awaits reasons of its own; a date before it is refused, naming the field
    later = on + timedelta(days=5)
    case.apply(decide(case, c.DirectAnonymity(later, "PC A", "No images.", "Still at risk.")))
    assert [x.what for x in reasons_awaited(case)] == [
        "Direction: anonymity order (“PC A”); reporting restrictions"
    ]
    with pytest.raises(InvalidInput) as ie:
        decide(case, c.GivePrivacyReasons(later - timedelta(days=1)))
    assert ie.value.field == "on"


def test_a_hearing_in_public_with_no_order_owes_no_reasons() -> None:
    case = arranged(AFTER)
    assert reasons_awaited(case) == []
    with pytest.raises(RuleViolation):
        decide(case, c.GivePrivacyReasons(LATER))
