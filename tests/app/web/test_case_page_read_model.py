"""Issue 10: the staff case page's read model (``web.casepage``). Its rows equal the projection of
the case as its events fold it (after every step: ``tests/app/test_read_models.py`` compares every
read model, this one included, and ``db rebuild``); the page read from a row is the page worked out
from the case's state; the steps are kept for one day and emptied by a write of the case or of
another case of its officers; ``misconduct db steps`` works them out for every case."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from misconduct.app import models as m
from misconduct.app.read_tables import rebuild
from misconduct.app.roles import Role
from misconduct.app.web import casepage, store
from misconduct.cli.main import cli
from misconduct.domain import commands as cmd
from misconduct.services.cases import CaseService
from misconduct.services.seed import seeded_cases
from tests.app.web.fixtures import PASSWORD, TODAY, demo_service, make_user
from tests.services.fakes import SteppingClock


def _page(client: Client, ref: str) -> str:
    response = client.get(reverse("web:case", args=[ref]))
    assert response.status_code == 200
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def _kept(ref: str) -> tuple[Any, Any]:
    row = m.CasePage.objects.get(ref=ref)
    return row.steps_on, json.loads(row.steps) if row.steps else None


def _worked_out(ref: str, on: Any) -> list[list[str | None]]:
    case = store.state(ref)
    return casepage.steps_on(case, store.context(case), on)


@pytest.mark.parametrize("reader", ["officer", "authority", "chair", "viewer"])
def test_the_page_read_from_its_row_is_the_page_worked_out_from_the_state(
    demo: list[str], login: Callable[[str], Client], reader: str
) -> None:
    client = login(reader)
    shown = 0
    for ref in demo:
        if client.get(reverse("web:case", args=[ref])).status_code == 404:
            continue  # not this reader's to see
        from_row = _page(client, ref)
        m.CasePage.objects.filter(ref=ref).update(parts_format="another")
        assert casepage.read(ref) is None  # a row of another format is not used
        assert _page(client, ref) == from_row  # worked out from the state
        shown += 1
    assert shown


def test_every_row_is_the_projection_of_the_case_and_rebuilt_the_same(demo: list[str]) -> None:
    for ref in demo:
        case = store.state(ref)
        row = m.CasePage.objects.get(ref=ref)
        assert row.parts_format == casepage.FORMAT
        assert (row.ref, row.version, row.force, json.loads(row.chairs), json.loads(row.parts)) == (
            casepage.expected(case)
        )
    before = {r.ref: r.parts for r in m.CasePage.objects.all()}
    rebuild()
    assert {r.ref: r.parts for r in m.CasePage.objects.all()} == before


def test_the_page_s_row_is_read_in_the_statement_of_the_session(
    demo: list[str], login: Callable[[str], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    from misconduct.app.web.models import StaffSession
    from misconduct.app.web.sessions import SessionStore

    client = login("officer")
    shown = [r for r in demo if client.get(reverse("web:case", args=[r])).status_code == 200]
    with CaptureQueriesContext(connection) as queries:
        together = {ref: _page(client, ref) for ref in shown}
    reads = [
        q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")
    ]
    assert len(reads) == len(shown)  # one read a page
    assert all(StaffSession._meta.db_table in r and m.CasePage._meta.db_table in r for r in reads)
    # the same pages as with the row read alone, after the session
    monkeypatch.setattr(SessionStore, "read_along", lambda *args: None)
    assert {ref: _page(client, ref) for ref in shown} == together
    monkeypatch.undo()
    # a reference without a row: no page, as before
    assert client.get(reverse("web:case", args=["NOT-A-CASE-1"])).status_code == 404
    # signed out (no session, or one expired): to the sign-in page, the row not used
    assert Client().get(reverse("web:case", args=[shown[0]])).status_code == 302
    session = client.session
    session.set_expiry(-1)
    session.save()
    assert client.get(reverse("web:case", args=[shown[0]])).status_code == 302


def test_the_steps_are_kept_for_the_day_and_worked_out_again_the_next(
    demo: list[str], login: Callable[[str], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    client = login("officer")
    ref = next(r for r in demo if client.get(reverse("web:case", args=[r])).status_code == 200)
    assert _kept(ref) == (TODAY, _worked_out(ref, TODAY))
    first = _page(client, ref)
    with CaptureQueriesContext(connection) as queries:
        assert _page(client, ref) == first
    # the session with its user and roles and the page's row with the events' heads (one
    # statement), the access record
    assert len(queries.captured_queries) == 2
    tomorrow = TODAY + timedelta(days=1)
    monkeypatch.setattr(store, "today", lambda: tomorrow)
    _page(client, ref)
    assert _kept(ref) == (tomorrow, _worked_out(ref, tomorrow))


@pytest.mark.django_db(databases="__all__")
def test_the_row_is_read_with_its_events_heads_in_one_query(alias: str) -> None:
    """On SQLite and PostgreSQL: the page's row and the case's events' heads in one statement (the
    heads as one JSON list), each head as the events' own query gives it: in order, the time as
    stored, the recorder named as a user if one has that username, else by the actor."""
    from misconduct.app.repository import DjangoUnitOfWork

    def service(actor: str) -> CaseService:
        return CaseService(lambda: DjangoUnitOfWork(alias), clock=SteppingClock(), actor=actor)

    get_user_model().objects.db_manager(alias).create_user(
        "recorder", first_name="Rhian", last_name="Recorder"
    )
    service("recorder").open_many(
        [(s.opening, s.steps) for s in seeded_cases(8, 5, TODAY)], until_refused=True
    )
    rows = list(m.CasePage.objects.using(alias).order_by("ref").values_list("ref", "case_id"))
    assert len(rows) == 8
    open_ref = m.CaseListing.objects.using(alias).filter(closed=False).values_list("ref", flat=True)
    service("not-a-user").execute(open_ref[0], cmd.AddNote(TODAY, "A note by no user."))
    names = set()
    for ref, case_id in rows:
        with CaptureQueriesContext(connections[alias]) as sent:
            page = casepage.read(ref, alias)
        assert len(sent.captured_queries) == 1
        assert page is not None and page.heads is not None
        assert page.heads == casepage.heads(case_id, alias)
        stored = m.Event.objects.using(alias).filter(case_id=case_id).order_by("sequence")
        assert [(h.sequence, h.occurred_on, h.recorded_at, h.actor) for h in page.heads] == list(
            stored.values_list("sequence", "occurred_on", "recorded_at", "actor")
        )
        names |= {h.name for h in page.heads}
    assert names == {"Rhian Recorder (recorder)", "not-a-user"}


def test_a_step_empties_the_kept_steps_and_the_page_shows_the_new_ones(demo: list[str]) -> None:
    forces = sorted({store.state(r).force for r in demo})
    make_user("everywhere", [(Role.CASE_OFFICER, f) for f in forces])
    client = Client()
    assert client.login(username="everywhere", password=PASSWORD)
    ref = next(r for r in demo if not store.state(r).closed_on)
    _page(client, ref)
    before = _kept(ref)
    assert before[0] == TODAY
    demo_service("officer").execute(ref, cmd.AddNote(TODAY, "A note for the test."))
    row = m.CasePage.objects.get(ref=ref)
    assert (row.steps_on, row.steps, row.version) == (None, "", store.state(ref).version)
    page = _page(client, ref)
    assert _kept(ref) == (TODAY, _worked_out(ref, TODAY))
    assert f"<td>{row.version}</td>" in page  # the new step is on the timeline


def test_a_write_of_another_case_of_an_officer_empties_the_officers_kept_steps(
    demo: list[str], login: Callable[[str], Client]
) -> None:
    client = login("officer")
    for ref in demo:
        client.get(reverse("web:case", args=[ref]))
    kept = m.CasePage.objects.filter(steps_on=TODAY)
    row = kept.first()
    assert row is not None
    officers = list(
        m.Officer.objects.filter(officer_id__in=list(store.state(row.ref).officers)).values_list(
            "id", flat=True
        )
    )
    assert officers
    casepage.forget_steps("default", officers, [row.case_id])  # the case itself was written
    assert m.CasePage.objects.get(ref=row.ref).steps_on == TODAY
    other = m.Case.objects.exclude(pk=row.case_id).values_list("pk", flat=True).first()
    casepage.forget_steps("default", officers, [other])  # another case of its officers
    assert m.CasePage.objects.get(ref=row.ref).steps_on is None


def test_db_steps_works_out_every_cases_steps_for_the_day(demo: list[str]) -> None:
    day = TODAY + timedelta(days=3)
    done = CliRunner().invoke(cli, ["db", "steps", "--on", day.isoformat()])
    assert done.exit_code == 0, done.output
    assert f"Worked out the steps of {len(demo)} cases" in done.output
    for ref in demo:
        assert _kept(ref) == (day, _worked_out(ref, day))


def test_db_rebuild_writes_every_case_page_again(demo: list[str]) -> None:
    before = {r.ref: r.parts for r in m.CasePage.objects.all()}
    m.CasePage.objects.all().delete()
    done = CliRunner().invoke(cli, ["db", "rebuild"])
    assert done.exit_code == 0, done.output
    assert {r.ref: r.parts for r in m.CasePage.objects.all()} == before
    assert len(before) == len(demo)


def test_db_init_builds_the_pages_a_database_written_before_them_lacks(demo: list[str]) -> None:
    """A deployment migrating to this version has cases but no case pages, and public records
    without their page: ``db init`` (``bootstrap.init_db``) builds them from the events."""
    from misconduct.app.bootstrap import init_db

    before = {r.ref: r.parts for r in m.CasePage.objects.all()}
    pages = sorted(
        json.dumps(p, sort_keys=True) for p in m.PublicEntry.objects.values_list("page", flat=True)
    )
    assert pages and all(p != "null" for p in pages)
    m.CasePage.objects.all().delete()
    m.PublicEntry.objects.update(page=None)
    init_db()
    assert {r.ref: r.parts for r in m.CasePage.objects.all()} == before
    rebuilt = m.PublicEntry.objects.values_list("page", flat=True)
    assert sorted(json.dumps(p, sort_keys=True) for p in rebuilt) == pages
