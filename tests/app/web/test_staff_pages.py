"""The dashboard and "My work" built in Python (issue 10, branch ``dash7``): byte for byte the page
their templates give, for users of every kind (a national case officer, a force's chair, a force
admin who is staff, a viewer in several forces with another role, a user with no role, a superuser),
with short lists (their counts then say "The 2 longest overdue of ...") and long, on every page of
"My work"'s cases; the template itself when a message is waiting; the sign-out form's CSRF token one
the middleware accepts."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from misconduct.app.roles import Role
from misconduct.app.web import frame, store
from misconduct.app.web.views import casefile, staff
from tests.app.web.fixtures import PASSWORD, make_user
from tests.conftest import forget_kept_pages

CANONICAL_CHAIR = "Assistant Commissioner (professionalism)"
_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def _users(demo: list[str]) -> list[Any]:
    forces = sorted({c.force for c in store.all_cases()})
    assert len(forces) > 3  # the national user's forces are counted, not named
    met = "metropolitan"
    return [
        make_user("officer", [(Role.CASE_OFFICER, f) for f in forces], "Case Officer"),
        make_user("chair", [(Role.CHAIR, met)], CANONICAL_CHAIR),
        make_user("force.admin", [(Role.APPROPRIATE_AUTHORITY, met)], is_staff=True),
        make_user(
            "mixed",
            [(Role.VIEWER, f) for f in forces[:3]] + [(Role.CASE_OFFICER, forces[-1])],
        ),
        make_user("nobody", []),
        make_user("root", [], is_staff=True, is_superuser=True),
    ]


def _pages(client: Client) -> dict[str, str]:
    """Each page as sent, its CSRF token masked (a new mask at each request)."""
    work = reverse("web:my-work")
    paths = [reverse("web:dashboard"), work, f"{work}?page=2", f"{work}?page=3", f"{work}?page=x"]
    out = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["Content-Type"] == "text/html; charset=utf-8"
        out[path] = _TOKEN.sub("TOKEN", response.content.decode())
    return out


@pytest.mark.parametrize("short", [False, True], ids=["lists as shown", "short lists"])
def test_each_page_is_what_its_template_gives_for_every_kind_of_user(
    demo: list[str], monkeypatch: pytest.MonkeyPatch, short: bool
) -> None:
    if short:  # every "of N" line and My work's pager shown
        from misconduct.app import casework

        monkeypatch.setattr(staff, "DASHBOARD_ITEMS", 2)
        monkeypatch.setattr(casework, "TASKS_SHOWN", 2)
        monkeypatch.setattr(casefile, "MY_CASES_PAGE", 2)
    shown: set[str] = set()
    for user in _users(demo):
        client = Client()
        assert client.login(username=user.get_username(), password=PASSWORD)
        built = _pages(client)
        forget_kept_pages()
        with monkeypatch.context() as m:  # the templates, as before this branch
            m.setattr(staff, "staff_frame", lambda *_: None)
            m.setattr(casefile, "staff_frame", lambda *_: None)
            rendered = _pages(client)
        assert built == rendered, user.get_username()
        for html in built.values():
            assert f"Sign out {user.get_username()}</button>" in html
            assert ('href="/admin/">Admin</a>' in html) is user.is_staff
            shown.update(
                part
                for part in (
                    "longest overdue of",
                    "soonest of",
                    "soonest first.",
                    "← Previous",
                    "Next →",
                    "No role yet",
                    "None yet.",
                    "No case is assigned to you.",
                    "Other open cases in your forces",
                    "Open a case",
                    " forces</p>",
                    "Nothing overdue.",
                    "Home Office annual return",
                )
                if part in html
            )
    expected = {
        "No role yet",
        "None yet.",
        "Open a case",
        " forces</p>",
        "No case is assigned to you.",
        "Nothing overdue.",
        "Other open cases in your forces",
        "Home Office annual return",
    }
    if short:
        expected |= {"longest overdue of", "soonest of", "soonest first.", "← Previous", "Next →"}
    assert expected <= shown, expected - shown


def test_a_waiting_message_is_shown_by_the_template_and_used_up(demo: list[str]) -> None:
    user = make_user("officer", [(Role.CASE_OFFICER, "metropolitan")])
    client = Client()
    assert client.login(username=user.get_username(), password=PASSWORD)
    for path in (reverse("web:dashboard"), reverse("web:my-work")):
        storage = CookieStorage(RequestFactory().get("/"))
        carrier = HttpResponse()
        storage._store([Message(constants.SUCCESS, "Step & note recorded.")], carrier)
        client.cookies[storage.cookie_name] = carrier.cookies[storage.cookie_name].value
        shown = client.get(path).content.decode()
        assert '<ul class="messages"><li><mark>Step &amp; note recorded.</mark></li></ul>' in shown
        assert "Step &amp; note recorded." not in client.get(path).content.decode()


def test_the_sign_out_form_s_token_is_accepted(demo: list[str]) -> None:
    user = make_user("officer", [(Role.CASE_OFFICER, "metropolitan")])
    client = Client(enforce_csrf_checks=True)
    assert client.login(username=user.get_username(), password=PASSWORD)
    for path in (reverse("web:dashboard"), reverse("web:my-work")):
        page = client.get(path)
        assert "csrftoken" in page.cookies  # the token asked for, as the template's tag asks
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
        assert token is not None
        assert (
            client.post(reverse("web:logout"), {"csrfmiddlewaretoken": token[1]}).status_code == 302
        )
        assert client.get(path).status_code == 302  # signed out: to the sign-in page
        assert client.login(username=user.get_username(), password=PASSWORD)


def test_the_frame_is_kept_per_staff_flag(demo: list[str]) -> None:
    frame._staff_frames.clear()
    for name, is_staff in (("plain", False), ("staffer", True)):
        make_user(name, [(Role.VIEWER, "metropolitan")], is_staff=is_staff)
        client = Client()
        assert client.login(username=name, password=PASSWORD)
        client.get(reverse("web:dashboard"))
    assert sorted(k[1] for k in frame._staff_frames) == [False, True]


def test_the_dashboard_links_the_annual_return_for_those_who_may_open_it(demo: list[str]) -> None:
    """The return was linked only from the register's review queue (review15)."""
    link = f'<a href="{reverse("register:annual-return")}">Home Office annual return</a>'
    for user, shown in (
        (make_user("officer", [(Role.CASE_OFFICER, "metropolitan")]), True),
        (make_user("root", [], is_staff=True, is_superuser=True), True),
        (make_user("nobody", []), False),
    ):
        client = Client()
        assert client.login(username=user.get_username(), password=PASSWORD)
        page = client.get(reverse("web:dashboard")).content.decode()
        assert (link in page) is shown, user.get_username()
        annual = client.get(reverse("register:annual-return"))
        assert annual.status_code == (200 if shown else 404), user.get_username()
