"""Issue 13 item 6, officers: the events name an officer by an opaque id, the warrant number is
personal data beside the chain and in the officers' person table, looked up by force and number
when a case is opened. On SQLite and PostgreSQL: the same officer gets the same id in a second case;
erasing a closed case leaves no warrant number (nor the chair's assessment notes) anywhere in the
database while the chain verifies; the person table refuses every change but an erasure; officers of
cases recorded before (``force:number``) keep their ids and are found by their number."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.apps import apps
from django.db import DatabaseError, transaction

from misconduct.app import models as m
from misconduct.app.audit import verify_database
from misconduct.app.repository import DjangoRepository, DjangoUnitOfWork
from misconduct.app.stepinput import command_from
from misconduct.app.web.steps import step_named
from misconduct.domain import commands as c
from misconduct.domain.personal import placeholder
from misconduct.domain.persons import is_opaque
from misconduct.errors import Conflict, InvalidInput
from misconduct.services import intake
from misconduct.services.demo import CANONICAL_FOUND, CANONICAL_REF, canonical_case, officer_id
from tests.app.test_personal_data import ERASED_ON, _erase, _texts, service, without_digests

pytestmark = pytest.mark.django_db(databases="__all__")

EXAMPLES = Path(__file__).parents[2] / "examples" / "intake"
NUMBER = "274519"  # the canonical case's officer


def overtime() -> dict[str, Any]:
    return tomllib.loads((EXAMPLES / "overtime_sergeant.toml").read_text(encoding="utf-8"))


def test_the_same_officer_in_two_cases_gets_the_same_opaque_id_from_the_person_table(
    alias: str,
) -> None:
    svc = service(alias)
    first = intake.open_case(svc, overtime())
    second = intake.open_case(svc, overtime())
    (oid,) = first.officers
    assert is_opaque(oid) and list(second.officers) == [oid]
    rows = m.OfficerPerson.objects.using(alias).values_list("officer_id", "force", "warrant_number")
    assert list(rows) == [(oid, "metropolitan", "27731")]
    assert DjangoRepository(alias).officer_id("metropolitan", "27731") == oid
    for stored in m.Event.objects.using(alias).values_list("payload", flat=True):
        assert "27731" not in without_digests(
            json.dumps(stored)
        )  # the chain holds the id and a commitment
    assert second.officers[oid].warrant_number == "27731"  # staff still see the number


def test_erasing_a_closed_case_leaves_no_warrant_number_nor_assessment_note_anywhere(
    alias: str,
) -> None:
    svc = service(alias)
    demo = canonical_case()
    svc.open(demo.opening, demo.steps)  # closed at the end
    oid = officer_id("metropolitan", NUMBER)
    notes = [n for n in CANONICAL_FOUND.factors.values() if n]
    before = _texts(alias)
    assert NUMBER in before and all(n in before for n in notes)
    events = json.dumps(
        list(m.Event.objects.using(alias).values_list("payload", flat=True)), ensure_ascii=False
    )
    assert NUMBER not in without_digests(events) and not [n for n in notes if n in events]
    assert oid in events

    done = _erase(svc, alias)
    assert done.officers == 1  # no other case holds the officer

    report = verify_database(alias)
    assert report.ok, report.problems
    after = _texts(alias)
    assert NUMBER not in after, "a warrant number is left in the database"
    assert not [n for n in notes if n in after], "an assessment note is left in the database"
    case = DjangoRepository(alias).load_state(CANONICAL_REF)
    gone = placeholder(ERASED_ON)
    assert case.officers[oid].warrant_number == gone
    shown = json.dumps(case.decisions[oid].decision.shown_assessment(), ensure_ascii=False)
    assert gone in shown
    person = m.OfficerPerson.objects.using(alias).get(officer_id=oid)
    assert (person.warrant_number, person.erased_on) == (None, ERASED_ON)
    # The officer's number is free again: a later case for them starts a new history.
    assert DjangoRepository(alias).officer_id("metropolitan", NUMBER) is None


def test_the_person_table_refuses_any_change_but_the_erasure_of_a_number(alias: str) -> None:
    svc = service(alias)
    intake.open_case(svc, overtime())
    rows = m.OfficerPerson.objects.using(alias).all()
    for change in (
        lambda: rows.update(warrant_number="99999"),
        lambda: rows.update(warrant_number=None),  # without a date: not an erasure
        lambda: rows.update(officer_id="off_0000000000000000"),
        lambda: rows.delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic(using=alias):
            change()
    assert rows.update(warrant_number=None, erased_on=date(2033, 1, 1)) == 1
    with pytest.raises(DatabaseError), transaction.atomic(using=alias):
        rows.update(warrant_number="27731")  # an erased number never comes back


def test_an_officer_of_an_older_case_keeps_the_force_and_number_id_everywhere(alias: str) -> None:
    """A case recorded before opaque ids: its officer is ``metropolitan:27731``. A new case for
    the same officer continues under that id; a step names them by warrant number or by id."""
    svc = service(alias)
    legacy = "metropolitan:27731"
    data = overtime()
    old = intake.read_intake(data, today=svc.today(), identify=lambda f, n: f"{f}:{n}")
    assert list(o.officer_id for o in old.officers) == [legacy]
    svc.open(old.command("MPS-2026-0001"), old.steps())
    assert DjangoRepository(alias).officer_id("metropolitan", "27731") == legacy
    later = intake.open_case(svc, overtime())
    assert list(later.officers) == [legacy]
    step = step_named("interview")
    for named in ("27731", legacy):
        command = command_from(step, later, {"on": "2026-11-20", "officer_id": named})
        assert isinstance(command, c.RecordInterview) and command.officer_id == legacy
    with pytest.raises(InvalidInput, match="warrant number or id of an officer: 27731"):
        command_from(step, later, {"on": "2026-11-20", "officer_id": "12345"})


def test_the_migration_enters_each_stored_officer_under_the_id_its_events_use(alias: str) -> None:
    from importlib import import_module

    migration = import_module("misconduct.app.migrations.0012_persons_officer_ids")
    officers = m.Officer.objects.using(alias)
    officers.create(
        officer_id="kent:18802", force_id="kent", warrant_number="18802", name="E C", rank="pc"
    )
    officers.create(
        officer_id="kent:9320",
        force_id="kent",
        warrant_number="9320",
        name=placeholder(date(2031, 2, 3)),
        rank="pc",
    )
    editor = SimpleNamespace(connection=SimpleNamespace(alias=alias))
    migration.enter_known_officers(apps, editor)
    rows = m.OfficerPerson.objects.using(alias).order_by("officer_id")
    assert list(rows.values_list("officer_id", "warrant_number", "erased_on")) == [
        ("kent:18802", "18802", None),
        ("kent:9320", None, date(2031, 2, 3)),
    ]


def test_an_officer_given_another_id_for_a_known_number_is_refused_and_nothing_written(
    alias: str,
) -> None:
    svc = service(alias)
    first = intake.open_case(svc, overtime())
    data = intake.read_intake(overtime(), today=svc.today())  # a fresh id, as a racing writer
    (fresh,) = data.officers
    assert fresh.officer_id not in first.officers
    with pytest.raises(Conflict, match="already has another id"):
        svc.open(data.command("MPS-2026-0099"), data.steps())
    assert not m.Case.objects.using(alias).filter(ref="MPS-2026-0099").exists()


def test_a_new_case_through_intake_retries_after_losing_the_race_for_an_officer(
    alias: str,
) -> None:
    """Intake looks the officer up, finds none, and gives a new id; another writer registers the
    officer first. The open is tried again and finds the other writer's id."""
    svc = service(alias)
    winner: list[str] = []
    real = intake.known_officers

    def racing(service: Any) -> intake.Identify:
        if winner:
            return real(service)
        winner.append("")  # the first attempt: the other writer registers the officer meanwhile
        winner[:] = list(intake.open_case(svc, overtime()).officers)
        return lambda force, number: "off_00000000000000aa"

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(intake, "known_officers", racing)
        case = intake.open_case(svc, overtime())
    assert list(case.officers) == winner
    with DjangoUnitOfWork(alias) as uow:
        assert uow.cases.officer_id("metropolitan", "27731") == winner[0]


def test_seeded_cases_name_their_officers_by_opaque_ids_the_person_table_knows(
    alias: str,
) -> None:
    from misconduct.services.seed import seeded_cases

    items = [(s.opening, s.steps) for s in seeded_cases(3, 5, date(2026, 11, 1))]
    assert [
        s.opening.details.officers[0].officer_id for s in seeded_cases(3, 5, date(2026, 11, 1))
    ] == [o.details.officers[0].officer_id for o, _ in items]  # the same on every run
    cases = service(alias).open_many(items, until_refused=True)
    for case in cases:
        ((oid, officer),) = case.officers.items()
        assert is_opaque(oid)
        assert DjangoRepository(alias).officer_id(officer.force, officer.warrant_number) == oid
