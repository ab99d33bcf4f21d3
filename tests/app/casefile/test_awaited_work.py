"""The chair's written reasons to the local policing body, awaited with no time limit (SI 2020/4 reg
39(3A); reg 59(4)), where people look for work: on the holder's "My work", apart from the dated
lists and saying why it has no last day (the page built in Python byte for byte what its template
gives), and in ``misconduct remind``'s email; gone from both once the reasons are recorded."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from click.testing import CliRunner
from django.core import mail
from django.test import Client

from misconduct.app import casework, reminders
from misconduct.app.web import store
from misconduct.app.web.staffpages import AWAITED_NOTE
from misconduct.app.web.views import casefile
from misconduct.cli.main import cli
from misconduct.domain import commands as c
from misconduct.domain.records import Assignment
from misconduct.domain.terms import AssignmentRole
from misconduct.services.intake import open_case
from tests.app.casefile.test_open_case import overtime
from tests.app.web.fixtures import CANONICAL_CHAIR
from tests.conftest import forget_kept_pages
from tests.services.test_hearing import HEARING, TO_RESPONSE, step

D = date.fromisoformat
WORK = "/staff/my-work/"
_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture
def excluded(users: dict[str, Any]) -> str:
    """A hearing (notice of referral 12/08/2026) chaired by the ``chair`` login, assigned to it as
    chair, with the public excluded on 12/09/2026 and a person on 14/09/2026: two restrictions
    awaiting the chair's written reasons."""
    svc = store.service("officer")
    ref = open_case(svc, overtime()).ref
    for command in TO_RESPONSE:
        svc.execute(ref, command)
    svc.execute(
        ref, c.AssignCase(D("2026-08-21"), Assignment(AssignmentRole.CASE_OFFICER, "officer"))
    )
    step(svc, ref, "arrange-proceedings", {**HEARING, "chair": CANONICAL_CHAIR})
    svc.execute(ref, c.AssignCase(D("2026-08-26"), Assignment(AssignmentRole.CHAIR, "chair")))
    step(
        svc,
        ref,
        "exclude-from-proceedings",
        {"on": "2026-09-12", "public": True, "reasons": "A child."},
    )
    step(
        svc,
        ref,
        "exclude-from-proceedings",
        {
            "on": "2026-09-14",
            "person": "the complainant's companion",
            "part": "closing speeches",
            "reasons": "Fear.",
        },
    )
    return ref


def _section(page: str) -> str:
    start = page.index("<h2>Awaited, with no time limit</h2>")
    return page[start : page.index("</section>", start)]


def test_the_reasons_awaited_are_on_the_chair_s_my_work_without_a_last_day(
    excluded: str, login: Callable[[str], Client]
) -> None:
    page = login("chair").get(WORK).content.decode()
    section = _section(page)
    assert AWAITED_NOTE in section
    assert section.count("Written reasons to the local policing body") == 2
    assert "For: Excluded the public from the whole of the proceedings" in section
    assert (
        "For: Excluded the complainant&#x27;s companion from part of the proceedings (closing speeches)"
        in section
    )
    assert "12 September 2026 <small>(no time limit)</small>" in section
    assert section.index("12 September 2026") < section.index("14 September 2026")
    assert "SI 2020/4 reg 39(3A)" in section and "<small>(chair)</small>" in section
    assert "badge overdue" not in section and "due by" not in section.lower()
    # not counted among the dated lists
    assert "Written reasons to the local policing body" not in page[: page.index("<h2>Awaited")]
    # the case officer holds none of them: no such section on their page
    assert "Awaited, with no time limit" not in login("officer").get(WORK).content.decode()
    lists = casework.work_lists(_user("chair"), D("2026-11-25"), "t")
    assert [a.since for a in lists.awaited.tasks] == [D("2026-09-12"), D("2026-09-14")]
    assert lists.awaited.count == 2


def test_my_work_reads_the_awaited_list_only_for_one_who_holds_something(
    excluded: str, users: dict[str, Any]
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for name, kept in (("officer", 1), ("chair", 2)):
        casework.work_lists(users[name], D("2026-11-25"), ("q", name))  # the counts, kept
        with CaptureQueriesContext(connection) as queries:
            casework.work_lists(users[name], D("2026-11-25"), ("q", name))
        # the one statement of every list (and the awaited page for the chair, who holds two)
        assert len(queries) == kept, [q["sql"][:80] for q in queries]


def _user(name: str) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=name)


def test_a_long_list_says_how_many_and_the_page_is_what_the_template_gives(
    excluded: str, login: Callable[[str], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(casework, "TASKS_SHOWN", 1)
    client = login("chair")
    built = _TOKEN.sub("TOKEN", client.get(WORK).content.decode())
    assert "The first 1 of 2, longest awaited first." in _section(built)
    assert "14 September 2026" not in _section(built)
    forget_kept_pages()
    monkeypatch.setattr(casefile, "staff_frame", lambda *_: None)
    rendered = _TOKEN.sub("TOKEN", client.get(WORK).content.decode())
    assert built == rendered


def test_recording_the_reasons_takes_them_off_my_work_and_the_reminders(
    excluded: str, login: Callable[[str], Client], users: dict[str, Any]
) -> None:
    users["chair"].email = "chair@example.org"
    users["chair"].save()
    sent = dict((u, n) for u, _, n in reminders.send(D("2026-11-25"), 5))
    assert "chair" in sent
    (message,) = [m for m in mail.outbox if m.to == ["chair@example.org"]]
    assert "2 awaited with no time limit" in message.subject
    assert reminders.AWAITED_HEAD in message.body
    assert (
        f"- {excluded}: Written reasons to the local policing body for: Excluded the public from "
        "the whole of the proceedings; awaited since 12/09/2026 (SI 2020/4 reg 39(3A))"
    ) in message.body
    out = CliRunner().invoke(cli, ["remind", "--on", "2026-11-25"])
    assert out.exit_code == 0 and "chair:" in out.output
    reply = login("officer").post(
        f"/staff/cases/{excluded}/steps/reasons-to-policing-body/",
        {"on": "15/09/2026", "version": store.state(excluded).version},
    )
    assert reply.status_code == 302, reply.content.decode()[:2000]
    assert "Awaited, with no time limit" not in login("chair").get(WORK).content.decode()
    assert reminders.awaited_by_person() == {}
    mail.outbox.clear()
    reminders.send(D("2026-11-25"), 5)
    assert all(reminders.AWAITED_HEAD not in m.body for m in mail.outbox)


def test_a_refused_reasons_step_writes_nothing_and_leaves_them_awaited(
    excluded: str, login: Callable[[str], Client]
) -> None:
    before = store.state(excluded).version
    reply = login("officer").post(
        f"/staff/cases/{excluded}/steps/reasons-to-policing-body/",
        {"on": "11/09/2026", "version": before},
    )
    assert reply.status_code == 422
    assert store.state(excluded).version == before
    assert len(reminders.awaited_by_person()["chair"]) == 2


def test_the_api_gives_the_token_holder_the_same_work_as_my_work(
    excluded: str, users: dict[str, Any]
) -> None:
    from misconduct.app.api.models import ApiToken

    _, token = ApiToken.issue(users["chair"], "tests")
    body = Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/work/").json()
    assert body["awaited"]["count"] == 2 and not body["awaited"]["count_capped"]
    first, second = body["awaited"]["first"]
    assert (first["ref"], first["since"], second["since"]) == (excluded, "2026-09-12", "2026-09-14")
    assert first["title"] == "Written reasons to the local policing body"
    assert first["detail"] == "Excluded the public from the whole of the proceedings"
    assert first["citation"].startswith("SI 2020/4 reg 39(3A)")
    assert (first["holder"], first["role"]) == ("chair", "chair")
    # the dated lists are as casework gives them for today, one shape each
    lists = casework.work_lists(users["chair"], store.today(), "api-test")
    for name in ("overdue", "due", "team_overdue"):
        assert body[name]["count"] == getattr(lists, name).count
        assert [t["ref"] for t in body[name]["first"]] == [
            t.due.ref for t in getattr(lists, name).tasks
        ]
    assert all(set(t) >= {"last_day", "overdue", "citation"} for t in body["team_overdue"]["first"])
    # the case officer holds none of the awaited steps; without a token there is nothing
    _, other = ApiToken.issue(users["officer"], "tests")
    mine = Client(HTTP_AUTHORIZATION=f"Bearer {other}").get("/api/work/").json()
    assert mine["awaited"] == {"count": 0, "count_capped": False, "first": []}
    assert (
        mine["due"]["count"] == casework.work_lists(users["officer"], store.today(), "o").due.count
    )
    assert Client().get("/api/work/").status_code == 401
