"""The day-to-day case file: notes in the case log, assignment, "My work" and its tasks, reminders by
email, and users and tokens from the command line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from misconduct.app import reminders
from misconduct.app.api.models import ApiToken
from misconduct.app.web import store
from misconduct.app.web.models import Membership
from misconduct.cli.main import cli
from misconduct.services.intake import open_case
from tests.app.casefile.test_open_case import bearer, overtime

REF = "MPS-2026-0001"


@pytest.fixture
def overtime_case(users: dict[str, Any]) -> str:
    return open_case(store.service("officer"), overtime()).ref


def test_a_note_and_an_assignment_from_the_case_file_page(
    overtime_case: str, login: Callable[[str], Client], users: dict[str, Any]
) -> None:
    client = login("officer")
    version = store.state(REF).version
    note = client.post(
        f"/staff/cases/{REF}/steps/add-note/",
        {"on": "25/11/2026", "text": "Spoke to the complainant.", "version": version},
    )
    assert note.status_code == 302, note.content
    assign = client.post(
        f"/staff/cases/{REF}/steps/assign/",
        {"on": "25/11/2026", "role": "case_officer", "username": "officer", "version": version + 1},
    )
    assert assign.status_code == 302, assign.content
    page = client.get(f"/staff/cases/{REF}/file/").content.decode()
    assert "Spoke to the complainant." in page and "<strong>officer</strong>" in page
    log = bearer(users["viewer"]).get(f"/api/cases/{REF}/log").json()
    assert [(n["text"], n["author"]) for n in log] == [("Spoke to the complainant.", "officer")]
    dashboard = client.get("/staff/").content.decode()
    assert f'href="/staff/cases/{REF}/"' in dashboard
    mine = client.get("/staff/my-work/").content.decode()
    assert REF in mine and "Case officer" in mine


def test_an_empty_note_is_refused_with_nothing_written(
    overtime_case: str, login: Callable[[str], Client]
) -> None:
    before = store.state(REF).version
    reply = login("officer").post(
        f"/staff/cases/{REF}/steps/add-note/", {"on": "25/11/2026", "text": " ", "version": before}
    )
    assert reply.status_code == 422
    assert store.state(REF).version == before


def test_every_overdue_demo_item_is_held_by_a_demo_user_who_can_act(demo: list[str]) -> None:
    from misconduct.app import casework
    from misconduct.app.roles import Action, Role

    User = get_user_model()
    officer = User.objects.create_user("officer")
    chair = User.objects.create_user("chair")
    forces = {store.state(ref).force for ref in demo}
    for code in forces:
        Membership.objects.create(user=officer, role=Role.CASE_OFFICER.value, force=code)
        Membership.objects.create(user=chair, role=Role.CHAIR.value, force=code)
    today = date(2026, 11, 25)
    overdue = [t for t in casework.tasks(store.states(), today) if t.overdue]
    assert overdue
    people = {"officer": officer, "chair": chair}
    for t in overdue:
        assert t.assignee in people, t
        case = store.state(t.due.ref)
        action = Action.DECIDE if t.due.item.party == "chair" else Action.RECORD_STEP
        assert store.may(people[t.assignee], action, case), t


def test_remind_emails_each_person_their_items(demo: list[str]) -> None:
    get_user_model().objects.create_user("officer", email="officer@example.org")
    sent = reminders.send(date(2026, 11, 25), 5)
    assert ("officer", "officer@example.org") in [(u, w) for u, w, _ in sent]
    assert len(mail.outbox) == 1 and "OVERDUE since" in mail.outbox[0].body
    out = CliRunner().invoke(cli, ["remind", "--on", "2026-11-25"])
    assert out.exit_code == 0 and "officer:" in out.output


def test_user_add_and_token_create(db: None) -> None:
    runner = CliRunner()
    added = runner.invoke(
        cli, ["user", "add", "jdoe", "--force", "kent", "--role", "case_officer", "--name", "J Doe"]
    )
    assert added.exit_code == 0 and "case_officer@kent" in added.output
    token = runner.invoke(cli, ["token", "create", "jdoe"])
    assert token.exit_code == 0
    text = token.output.strip()
    assert ApiToken.authenticate(text) is not None
    assert bearer_client(text).get("/api/cases/").status_code == 200
    bad_role = runner.invoke(cli, ["user", "add", "x", "--force", "kent", "--role", "boss"])
    assert bad_role.exit_code == 2 and "--role" in bad_role.output
    bad_force = runner.invoke(cli, ["user", "add", "x", "--force", "mars", "--role", "viewer"])
    assert bad_force.exit_code == 2 and get_user_model().objects.filter(username="x").count() == 0
    nobody = runner.invoke(cli, ["token", "create", "ghost"])
    assert nobody.exit_code == 2 and "USERNAME" in nobody.output


def bearer_client(token: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def test_the_api_corrects_a_mistaken_step_with_the_same_checks(
    overtime_case: str, users: dict[str, Any]
) -> None:
    api = bearer(users["officer"])
    note = {"on": "2026-11-20", "text": "Visited the duty planning office."}
    assert (
        api.post(
            f"/api/cases/{REF}/steps/add-note", note, content_type="application/json"
        ).status_code
        == 200
    )
    body = {
        "sequence": 4,
        "step": "add-note",
        "reasons": "Visit was on the 19th.",
        "data": {**note, "on": "2026-11-19"},
    }
    fixed = api.post(f"/api/cases/{REF}/corrections", body, content_type="application/json")
    assert fixed.status_code == 201, fixed.content
    assert fixed.json()["timeline"][-1]["label"] == "Correction of #4: Visit was on the 19th."
    assert fixed.json()["notes"][0]["on"] == "2026-11-19"
    wrong = api.post(
        f"/api/cases/{REF}/corrections", {**body, "sequence": 1}, content_type="application/json"
    )
    assert wrong.status_code == 422 and wrong.json()["field"] == "sequence"
    viewer = bearer(users["viewer"]).post(
        f"/api/cases/{REF}/corrections", body, content_type="application/json"
    )
    assert viewer.status_code == 403


def test_the_correction_form_supersedes_a_step_and_the_timeline_shows_both(
    overtime_case: str, login: Callable[[str], Client]
) -> None:
    client = login("officer")
    version = store.state(REF).version
    client.post(
        f"/staff/cases/{REF}/steps/add-note/",
        {"on": "24/11/2026", "text": "Met the witness.", "version": version},
    )
    page = client.get(f"/staff/cases/{REF}/file/").content.decode()
    assert f'href="/staff/cases/{REF}/correct/4/"' in page
    form = client.get(f"/staff/cases/{REF}/correct/4/")
    assert form.status_code == 200 and "24/11/2026" in form.content.decode()
    missing = client.post(
        f"/staff/cases/{REF}/correct/4/",
        {"on": "23/11/2026", "text": "Met the witness.", "version": version + 1},
    )
    assert missing.status_code == 422 and store.state(REF).version == version + 1
    done = client.post(
        f"/staff/cases/{REF}/correct/4/",
        {
            "on": "23/11/2026",
            "text": "Met the witness.",
            "version": version + 1,
            "correction_reasons": "The meeting was on the 23rd.",
        },
    )
    assert done.status_code == 302, done.content
    text = client.get(f"/staff/cases/{REF}/file/").content.decode()
    assert (
        "Note added (corrected by #5)" in text
        and "Correction of #4: The meeting was on the 23rd." in text
    )
    assert "23 November 2026" in text
