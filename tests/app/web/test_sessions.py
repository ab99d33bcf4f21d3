"""Issue 10: the session, its user and their roles are read in one query (``web.sessions``), and
every check on them holds as before: signing out, expiry, a password changed elsewhere, a
deactivated user, CSRF, a session that names no user."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import SESSION_KEY
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from misconduct.app.roles import Grant, Role
from misconduct.app.web import store
from misconduct.app.web.models import Membership, StaffSession
from tests.app.web.fixtures import PASSWORD, make_user


def _signed_in(name: str) -> Client:
    c = Client()
    assert c.login(username=name, password=PASSWORD)
    return c


def test_the_session_its_user_and_their_roles_are_one_query(users: dict[str, Any]) -> None:
    client = _signed_in("officer")
    assert client.get(reverse("web:tokens")).status_code == 200  # the session's end moved on
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("web:tokens")).status_code == 200
    sessions = [
        q["sql"] for q in queries.captured_queries if StaffSession._meta.db_table in q["sql"]
    ]
    assert len(sessions) == 1 and sessions[0].lstrip().upper().startswith("SELECT")
    users_table = users["officer"]._meta.db_table
    # no query of its own for the user or the roles
    assert not [
        q
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith("SELECT")
        and StaffSession._meta.db_table not in q["sql"]
        and (f'FROM "{users_table}"' in q["sql"] or Membership._meta.db_table in q["sql"])
    ]


def test_the_roles_read_with_the_session_are_those_of_the_database(db: None) -> None:
    grants = [
        (Role.CHAIR, "kent"),
        (Role.CASE_OFFICER, "metropolitan"),
        (Role.VIEWER, "kent"),
        (Role.APPROPRIATE_AUTHORITY, "essex"),
    ]
    user = make_user("several", grants, "Sam Several")
    client = _signed_in("several")
    request = client.get(reverse("web:tokens")).wsgi_request
    read = store.grants(request.user)
    fresh = type(user).objects.get(pk=user.pk)
    assert read == store.grants(fresh)  # from Membership, ordered by force and role
    assert sorted(read, key=lambda g: (g.force, g.role.value)) == read
    assert Grant(Role.CHAIR, "kent") in read and len(read) == 4
    assert request.user.get_full_name() == "Sam Several"


def test_the_session_row_names_its_user(users: dict[str, Any]) -> None:
    client = _signed_in("viewer")
    row = StaffSession.objects.get(session_key=client.cookies["sessionid"].value)
    assert row.user_id == users["viewer"].pk
    assert row.get_decoded()[SESSION_KEY] == str(users["viewer"].pk)


def test_signing_out_ends_the_session(users: dict[str, Any]) -> None:
    client = _signed_in("officer")
    key = client.cookies["sessionid"].value
    assert client.get(reverse("web:dashboard")).status_code == 200
    client.post(reverse("web:logout"))
    assert not StaffSession.objects.filter(session_key=key).exists()
    again = Client()
    again.cookies["sessionid"] = key  # the old cookie, kept by someone
    assert again.get(reverse("web:dashboard")).status_code == 302


def test_a_deactivated_user_is_signed_out_at_their_next_request(users: dict[str, Any]) -> None:
    client = _signed_in("officer")
    assert client.get(reverse("web:dashboard")).status_code == 200
    type(users["officer"]).objects.filter(pk=users["officer"].pk).update(is_active=False)
    assert client.get(reverse("web:dashboard")).status_code == 302


def test_a_password_changed_elsewhere_ends_the_session(users: dict[str, Any]) -> None:
    client = _signed_in("officer")
    assert client.get(reverse("web:dashboard")).status_code == 200
    officer = type(users["officer"]).objects.get(pk=users["officer"].pk)
    officer.set_password("another-password-2")
    officer.save()
    assert client.get(reverse("web:dashboard")).status_code == 302
    assert not StaffSession.objects.filter(session_key=client.cookies["sessionid"].value).exists()


def test_an_expired_session_reads_as_signed_out(users: dict[str, Any]) -> None:
    client = _signed_in("officer")
    session = client.session
    session.set_expiry(-1)
    session.save()
    assert client.get(reverse("web:dashboard")).status_code == 302


def test_a_deleted_user_is_signed_out(users: dict[str, Any]) -> None:
    client = _signed_in("kent_officer")
    users["kent_officer"].delete()
    assert client.get(reverse("web:dashboard")).status_code == 302


def test_a_form_posted_without_the_csrf_token_is_refused(users: dict[str, Any]) -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.login(username="officer", password=PASSWORD)
    assert client.post(reverse("web:tokens"), {"name": "x"}).status_code == 403


def test_a_session_signed_with_another_key_is_not_read(users: dict[str, Any]) -> None:
    client = _signed_in("officer")
    key = client.cookies["sessionid"].value
    StaffSession.objects.filter(session_key=key).update(session_data="forged:data")
    assert client.get(reverse("web:dashboard")).status_code == 302
