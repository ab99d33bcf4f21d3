"""The chair's direction on anonymity and reporting restrictions after the arrangement (SI 2020/4
reg 39(3); reg 59(2)): given or varied before or after the findings, the outcome and publication;
refused for a meeting, before the arrangement and, from 7 May 2024, without written reasons to the
local policing body (reg 39(3A); reg 59(4)); an order in force is lifted only when that is said."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from misconduct.documents.redaction import officer_labels
from misconduct.domain import commands as c
from misconduct.domain import events as ev
from misconduct.domain.case import Case
from misconduct.domain.lifecycle import decide, open_case
from misconduct.domain.records import (
    Determination,
    ProceedingsArrangement,
    SeverityAssessment,
)
from misconduct.domain.terms import LikelyForm, SeverityResult, Stage
from misconduct.errors import InvalidInput, RuleViolation
from misconduct.rules.vocabulary import Finding, Forum
from misconduct.services.demo import canonical_case, other_cases

D = date.fromisoformat
CHAIR = "Jo Chair"


def _demo(ref: str) -> Case:
    found = next(d for d in [canonical_case(), *other_cases()] if d.ref == ref)
    case = Case.from_events([open_case(found.opening)])
    for command in found.steps:
        case.apply(decide(case, command))
    return case


def arranged(
    notice_on: date, forum: Forum = Forum.MISCONDUCT_HEARING, cipher: str = "", **extra: str
) -> Case:
    """A case whose notice of referral to ``forum`` came on ``notice_on``, arranged (without the
    panel's roles) the next day, in public unless a meeting."""
    base = canonical_case().opening
    details = base.details
    attention = notice_on - timedelta(days=300)
    allegations = tuple(
        replace(a, conduct_from=attention - timedelta(days=30), conduct_to=attention)
        for a in details.allegations
    )
    opening = replace(
        base,
        on=attention,
        details=replace(details, came_to_attention=attention, allegations=allegations),
    )
    accelerated = forum is Forum.ACCELERATED_MISCONDUCT_HEARING
    likely = LikelyForm.MEETING if forum is Forum.MISCONDUCT_MEETING else LikelyForm.HEARING
    level = Finding.MISCONDUCT if forum is Forum.MISCONDUCT_MEETING else Finding.GROSS_MISCONDUCT
    severity = SeverityResult(level.value)
    day = attention
    steps: list[c.Command] = [
        c.AssessSeverity(day + timedelta(1), SeverityAssessment(severity, likely, "AA", "r")),
        c.AppointInvestigator(day + timedelta(2), "DS Example"),
        c.GiveRegulation17Notice(day + timedelta(3)),
        c.SubmitInvestigationReport(notice_on - timedelta(20), accelerated),
        c.DetermineCaseToAnswer(
            notice_on - timedelta(10),
            Determination(True, level, forum, "AA", "r", certified_special_conditions=accelerated),
        ),
        c.GiveReferralNotice(notice_on),
    ]
    case = Case.from_events([open_case(opening)])
    for command in steps:
        case.apply(decide(case, command))
    window = next((t.item for t in case.time_limits if t.item.step == "reg52_hearing_window"), None)
    starts = window.earliest if window and window.earliest else notice_on + timedelta(60)
    arrangement = ProceedingsArrangement(
        forum,
        starts,
        CHAIR,
        in_public=forum is not Forum.MISCONDUCT_MEETING,
        anonymity_cipher=cipher,
        privacy_reasons="Welfare." if cipher else "",
        **extra,  # type: ignore[arg-type]
    )
    case.apply(decide(case, c.ArrangeProceedings(notice_on + timedelta(1), arrangement)))
    return case


AFTER = D("2024-05-07")
BEFORE = D("2024-05-06")


def test_a_direction_after_the_arrangement_becomes_the_order_everything_public_reads() -> None:
    case = arranged(AFTER)
    assert officer_labels(case)[0][2] is False  # named: a hearing in public, no order
    on = AFTER + timedelta(days=30)
    event = decide(case, c.DirectAnonymity(on, " PC A ", "No images.", "Welfare grounds."))
    assert event == ev.AnonymityDirected(on, CHAIR, "PC A", "No images.", "Welfare grounds.")
    case.apply(event)
    p = case.proceedings
    assert p is not None
    assert (p.arrangement.anonymity_cipher, p.arrangement.reporting_restrictions) == (
        "PC A",
        "No images.",
    )
    assert p.arrangement.privacy_reasons == "Welfare grounds."
    assert [(d.on, d.chair, d.cipher, d.was, d.lifts) for d in p.directions] == [
        (on, CHAIR, "PC A", "", False)
    ]
    assert [(label, hidden) for _, label, hidden in officer_labels(case)] == [("PC A", True)]
    assert case.timeline[-1].label == (
        "The chair, Jo Chair, directed that the officer be referred to in public only as “PC A”; "
        "reporting restrictions: No images. Reasons: Welfare grounds."
    )


@pytest.mark.parametrize(
    ("forum", "citation"),
    [
        (Forum.MISCONDUCT_HEARING, "SI 2020/4 reg 39(3A)"),
        (Forum.ACCELERATED_MISCONDUCT_HEARING, "SI 2020/4 reg 59(4)"),
    ],
)
def test_from_7_may_2024_an_order_needs_written_reasons_to_the_local_policing_body(
    forum: Forum, citation: str
) -> None:
    for restriction in ({"cipher": "PC A"}, {"reporting_restrictions": "No images."}):
        command = c.DirectAnonymity(AFTER + timedelta(days=30), **restriction)
        with pytest.raises(RuleViolation, match="written reasons to the local policing body") as e:
            decide(arranged(AFTER, forum), command)
        assert (e.value.citation, e.value.field) == (citation, "reasons")
        assert "07/05/2024" in e.value.message
    # the day before the amendment, the chair's reasons are not required
    event = decide(arranged(BEFORE, forum), c.DirectAnonymity(BEFORE + timedelta(30), "PC A"))
    assert isinstance(event, ev.AnonymityDirected) and event.reasons == ""


def test_lifting_needs_no_reasons_but_must_be_said() -> None:
    case = arranged(AFTER, cipher="PC A", reporting_restrictions="No images.")
    on = AFTER + timedelta(days=40)
    with pytest.raises(InvalidInput) as e:  # a field left empty never names an officer
        decide(case, c.DirectAnonymity(on, "", "No images.", "Representations heard."))
    assert e.value.field == "cipher" and "PC A" in str(e.value.expected)
    with pytest.raises(InvalidInput) as e:
        decide(case, c.DirectAnonymity(on, "PC A", "", "Representations heard."))
    assert e.value.field == "reporting_restrictions"
    event = decide(case, c.DirectAnonymity(on, "", "", lift=True))
    case.apply(event)
    assert case.proceedings is not None and case.proceedings.directions[-1].lifts
    assert case.proceedings.arrangement.anonymity_cipher == ""
    assert case.proceedings.arrangement.privacy_reasons == "Welfare."  # kept: none given
    assert officer_labels(case)[0][2] is False
    assert "there be no anonymity order: the officer may be named" in case.timeline[-1].label
    with pytest.raises(InvalidInput) as e:  # nothing left to lift
        decide(case, c.DirectAnonymity(on, "", "", lift=True))
    assert e.value.field == "lift"


def test_the_chair_may_keep_the_order_after_representations_with_new_reasons() -> None:
    case = arranged(AFTER, cipher="PC A")
    event = decide(case, c.DirectAnonymity(AFTER + timedelta(9), "PC A", "", "Still at risk."))
    case.apply(event)
    assert case.proceedings is not None
    direction = case.proceedings.directions[-1]
    assert (direction.cipher, direction.was, direction.lifts) == ("PC A", "PC A", False)


def test_a_meeting_is_held_in_private_and_takes_no_direction() -> None:
    case = arranged(AFTER, Forum.MISCONDUCT_MEETING)
    with pytest.raises(RuleViolation, match="held in private") as e:
        decide(case, c.DirectAnonymity(AFTER + timedelta(30), "PC A", "", "Welfare."))
    assert e.value.citation == "SI 2020/4 reg 39(2)"


def test_no_direction_before_the_arrangement_nor_dated_before_it() -> None:
    case = arranged(AFTER)
    assert case.proceedings is not None
    referred = replace(case, proceedings=None)  # the same case, as it stood before the arrangement
    with pytest.raises(RuleViolation) as e:
        decide(referred, c.DirectAnonymity(AFTER + timedelta(30), "PC A", "", "Welfare."))
    assert e.value.citation == "SI 2020/4 reg 39(3); reg 59(2)"
    with pytest.raises(InvalidInput) as e:
        decide(case, c.DirectAnonymity(case.proceedings.arranged_on - timedelta(1), "PC A"))
    assert e.value.field == "on"
    later = AFTER + timedelta(30)
    case.apply(decide(case, c.DirectAnonymity(later, "PC A", "", "Welfare.")))
    with pytest.raises(InvalidInput, match="last direction"):
        decide(case, c.DirectAnonymity(later - timedelta(1), "PC B", "", "Welfare."))


@pytest.mark.parametrize(
    "cipher",
    ["PC Marsh", "Officer daniel", "Officer 274519", "P" * 41],
)
def test_a_cipher_that_names_the_officer_or_is_too_long_is_bad_input(cipher: str) -> None:
    case = arranged(AFTER)
    assert [o.name for o in case.officers.values()] == ["Daniel Marsh"]
    with pytest.raises(InvalidInput) as e:
        decide(case, c.DirectAnonymity(AFTER + timedelta(30), cipher, "", "Welfare."))
    assert e.value.field == "cipher"
    assert case.proceedings is not None
    arrangement = replace(
        case.proceedings.arrangement, anonymity_cipher=cipher, privacy_reasons="Welfare."
    )
    with pytest.raises(InvalidInput) as e:  # and when the proceedings are arranged
        decide(case, c.ArrangeProceedings(AFTER + timedelta(2), arrangement))
    assert e.value.field == "anonymity_cipher"


def test_after_the_outcome_is_published_a_direction_hides_or_names_the_officer() -> None:
    case = _demo("BTP-2025-0110")
    assert case.published_on is not None and case.stage is Stage.OUTCOME_REPORTED
    assert [label for _, label, _ in officer_labels(case)] == ["PC Ryan Whitaker"]
    on = D("2026-11-20")
    case.apply(decide(case, c.DirectAnonymity(on, "Officer W", "", "A risk to his family.")))
    assert officer_labels(case)[0][1:] == ("Officer W", True)
    # lifting it again is the chair's to direct: the public pages name him from that day
    case.apply(decide(case, c.DirectAnonymity(on, "", "", lift=True)))
    assert officer_labels(case)[0][1:] == ("PC Ryan Whitaker", False)


def test_no_direction_on_a_closed_case() -> None:
    case = _demo("MPS-2025-0001")
    assert case.stage is Stage.CLOSED
    with pytest.raises(RuleViolation, match="is closed"):
        decide(case, c.DirectAnonymity(D("2026-11-20"), "PC B", "", "Welfare.", lift=False))
