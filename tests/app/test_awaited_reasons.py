"""The chair's written reasons to the local policing body, awaited with no time limit (SI 2020/4 reg
39(3A); reg 59(4)), as a read model of their own written with the events on SQLite and PostgreSQL:
one row for each restriction of a hearing awaiting them, held by the chair assigned (else the case
officer), with the day awaited since and no last day; gone once the reasons are recorded as given;
none for a meeting, a notice of referral before 7 May 2024 or a closed case; a refused step writes
nothing; ``audit verify`` and ``db rebuild`` agree with the fold."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from misconduct.app import models as m
from misconduct.app.audit import verify_database
from misconduct.app.read_tables import rebuild
from misconduct.app.readmodels import PRIVACY_REASONS_STEP, PRIVACY_REASONS_TITLE, awaited
from misconduct.app.repository import DjangoUnitOfWork
from misconduct.domain import commands as c
from misconduct.domain.lifecycle import decide
from misconduct.domain.records import Assignment
from misconduct.domain.terms import AssignmentRole
from misconduct.errors import InvalidInput, RuleViolation
from misconduct.rules.vocabulary import Forum
from misconduct.services.cases import CaseService
from misconduct.services.intake import open_case
from tests.services.fakes import SteppingClock
from tests.services.test_hearing import HEARING, TO_RESPONSE, step
from tests.services.test_intake import overtime

pytestmark = pytest.mark.django_db(databases="__all__")

D = date.fromisoformat


def _hearing(alias: str, *, chair: bool = True) -> tuple[CaseService, str]:
    svc = CaseService(lambda: DjangoUnitOfWork(alias), clock=SteppingClock(), actor="psd.tester")
    ref = open_case(svc, overtime()).ref
    for command in TO_RESPONSE:
        svc.execute(ref, command)
    officer = Assignment(AssignmentRole.CASE_OFFICER, "officer")
    svc.execute(ref, c.AssignCase(D("2026-08-21"), officer))
    step(svc, ref, "arrange-proceedings", HEARING)
    if chair:
        svc.execute(ref, c.AssignCase(D("2026-08-26"), Assignment(AssignmentRole.CHAIR, "chair")))
    return svc, ref


def _rows(alias: str, ref: str) -> list[tuple[Any, ...]]:
    return list(
        m.AwaitedEntry.objects.using(alias)
        .filter(ref=ref)
        .order_by("since", "id")
        .values_list(
            "step", "title", "detail", "citation", "party", "since", "holder", "holder_role"
        )
    )


def test_each_restriction_awaits_reasons_held_by_the_chair_until_they_are_given(
    alias: str,
) -> None:
    svc, ref = _hearing(alias)
    assert _rows(alias, ref) == []
    step(
        svc,
        ref,
        "exclude-from-proceedings",
        {"on": "2026-09-12", "public": True, "reasons": "A child."},
    )
    direction = {"on": "2026-09-14", "cipher": "PC A", "reasons": "Credible threats."}
    step(svc, ref, "direct-anonymity", direction)
    rows = _rows(alias, ref)
    assert [(r[0], r[1], r[3], r[4], r[5], r[6], r[7]) for r in rows] == [
        (
            PRIVACY_REASONS_STEP,
            PRIVACY_REASONS_TITLE,
            "SI 2020/4 reg 39(3A)",
            "chair",
            D("2026-09-12"),
            "chair",
            "chair",
        ),
        (
            PRIVACY_REASONS_STEP,
            PRIVACY_REASONS_TITLE,
            "SI 2020/4 reg 39(3A)",
            "chair",
            D("2026-09-14"),
            "chair",
            "chair",
        ),
    ]
    assert rows[0][2] == "Excluded the public from the whole of the proceedings"
    assert rows[1][2].startswith("Direction: ")
    # nothing here is a time limit: no due item was made for the reasons
    assert (
        not m.DueEntry.objects.using(alias).filter(ref=ref, title__icontains="reasons to").exists()
    )
    # reasons given on the 13th cover the exclusion only
    step(svc, ref, "reasons-to-policing-body", {"on": "2026-09-13"})
    assert [r[5] for r in _rows(alias, ref)] == [D("2026-09-14")]
    step(svc, ref, "reasons-to-policing-body", {"on": "2026-09-15"})
    assert _rows(alias, ref) == []
    report = verify_database(alias)
    assert report.ok, report.problems


def test_without_a_chair_assigned_the_case_officer_holds_them(alias: str) -> None:
    svc, ref = _hearing(alias, chair=False)
    step(
        svc,
        ref,
        "exclude-from-proceedings",
        {"on": "2026-09-12", "person": "a journalist", "reasons": "Threats."},
    )
    assert [(r[6], r[7]) for r in _rows(alias, ref)] == [("officer", "case_officer")]
    # the chair assigned later takes them over, in the same write as the assignment
    svc.execute(ref, c.AssignCase(D("2026-09-13"), Assignment(AssignmentRole.CHAIR, "chair")))
    assert [(r[6], r[7]) for r in _rows(alias, ref)] == [("chair", "chair")]


def test_a_refused_step_writes_nothing_and_a_rebuild_gives_the_same_rows(alias: str) -> None:
    svc, ref = _hearing(alias)
    step(
        svc,
        ref,
        "exclude-from-proceedings",
        {"on": "2026-09-12", "public": True, "reasons": "A child."},
    )
    before = _rows(alias, ref)
    with pytest.raises(InvalidInput, match="on"):  # dated before the exclusion awaiting them
        step(svc, ref, "reasons-to-policing-body", {"on": "2026-09-11"})
    with pytest.raises(RuleViolation):  # no reasons for a hearing whose notice came after May 2024
        step(svc, ref, "exclude-from-proceedings", {"on": "2026-09-13", "person": "a journalist"})
    assert _rows(alias, ref) == before
    m.AwaitedEntry.objects.using(alias).all().delete()
    rebuild(alias)
    assert _rows(alias, ref) == before
    assert verify_database(alias).ok


def test_a_meeting_an_older_referral_and_a_closed_case_await_nothing() -> None:
    from tests.domain.test_anonymity import AFTER, BEFORE, arranged

    later = date(2024, 6, 6)
    hearing = arranged(AFTER)
    hearing.apply(decide(hearing, c.ExcludeFromProceedings(later, True, "", "", "A child.")))
    assert [(a.since, a.citation, a.holder) for a in awaited(hearing)] == [
        (later, "SI 2020/4 reg 39(3A)", "")  # nobody assigned: listed as held by nobody
    ]
    accelerated = arranged(AFTER, Forum.ACCELERATED_MISCONDUCT_HEARING)
    accelerated.apply(
        decide(accelerated, c.ExcludeFromProceedings(later, True, "", "", "A child."))
    )
    assert [a.citation for a in awaited(accelerated)] == ["SI 2020/4 reg 59(4)"]
    meeting = arranged(AFTER, Forum.MISCONDUCT_MEETING)
    meeting.apply(decide(meeting, c.ExcludeFromProceedings(later, False, "the complainant")))
    assert awaited(meeting) == ()
    older = arranged(BEFORE)
    older.apply(decide(older, c.ExcludeFromProceedings(later, True, part="closing speeches")))
    assert awaited(older) == ()
    hearing.apply(decide(hearing, c.CloseCase(later, "Withdrawn.", withdrawn=True)))
    assert awaited(hearing) == ()  # no step is recorded after closure: nothing could end it
