"""Who reads the reasons in a record's review log (why it was withdrawn, restored or corrected): an
administrator, or anyone holding a role in the record's force, a viewer included. Staff of another
force read that the record was withdrawn, by whom and when, and for whom the reason is kept; the
public never read it, nor does the JSON API give it to anyone."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from misconduct.app.api.register import RegisterPageOut, RegisterRecordOut
from misconduct.app.register import store
from misconduct.app.register.models import Record
from misconduct.app.register.reviewers import Reviewer, reason_kept_for
from misconduct.app.roles import Grant, Role
from tests.app.register.test_force_scope import _record as _waiting_record
from tests.app.register.test_withdraw import ANN, KENT, NOW, SECRET_REASON, _plain, _published
from tests.app.web.fixtures import make_user

pytestmark = pytest.mark.usefixtures("uncalibrated")

CORRECTION_REASON = "The officer's solicitor wrote to say the rank is wrong"
FIRST_REASON = "A welfare concern raised by the family"
RESTORE_REASON = "The welfare team agreed it may be published again"
REASONS = (CORRECTION_REASON, FIRST_REASON, RESTORE_REASON, SECRET_REASON)
KEPT = "The reason is kept for the staff of Kent Police and administrators."

READERS = ("psd", "watcher", "admin")
"""A case officer and a viewer of the record's force, and an administrator (plain names: the pages
are read for words)."""
OTHERS = ("officer", "viewer")
"""A case officer and a viewer of the Metropolitan Police: staff, but not of the record's force."""


def _with_history() -> Record:
    """A Kent record corrected, withdrawn, restored and withdrawn again, each with its reason."""
    rec = _published()
    store.correct(rec.pk, "rank", "sergeant", reviewer=KENT, reason=CORRECTION_REASON, now=NOW)
    store.withdraw(rec.pk, reviewer=KENT, reason=FIRST_REASON, now=NOW)
    store.restore(rec.pk, reviewer=ANN, reason=RESTORE_REASON, now=NOW + timedelta(minutes=1))
    store.withdraw(rec.pk, reviewer=KENT, reason=SECRET_REASON, now=NOW + timedelta(minutes=2))
    return Record.objects.get(pk=rec.pk)


def _said(client: Client, url: str) -> str:
    page = client.get(url)
    assert page.status_code == 200, (url, page.status_code)
    assert _plain(page.content.decode()) == []
    return " ".join(html.unescape(page.content.decode()).split())


def _api(client: Client, pk: int) -> str:
    listed = client.get("/api/register/records")
    one = client.get(f"/api/register/records/{pk}")
    assert (listed.status_code, one.status_code) == (200, 404)  # withdrawn: not in the register
    return listed.content.decode() + one.content.decode()


def test_any_role_in_the_record_s_force_reads_its_reasons_and_no_other() -> None:
    viewer = Reviewer.from_grants(
        "v", [Grant(Role.VIEWER, "kent"), Grant(Role.CHAIR, "essex")], admin=False
    )
    assert viewer.forces == frozenset({"essex"}) and viewer.reads == {"kent", "essex"}
    assert viewer.may_read_reasons("kent") and not viewer.may_change("kent")
    assert viewer.may_read_reasons("essex") and not viewer.may_read_reasons("surrey")
    assert not viewer.may_read_reasons("")  # a record whose force is not known
    assert ANN.may_read_reasons("") and ANN.may_read_reasons("surrey")
    # whoever may change a record may read its reasons, however the reviewer was made
    assert Reviewer("x", forces=frozenset({"kent"})).may_read_reasons("kent")
    assert reason_kept_for("kent") == KEPT
    assert "force is not known" in reason_kept_for("") and "administrators" in reason_kept_for("")


@pytest.mark.django_db
def test_staff_of_another_force_read_that_a_record_was_withdrawn_and_when_but_not_why(
    login: Callable[[str], Client],
) -> None:
    rec = _with_history()
    for name in OTHERS:
        client = login(name)
        listing = _said(client, reverse("register:withdrawn"))
        assert "John Smith" in listing and "01/12/2026 10:02" in listing and KEPT in listing
        page = _said(client, reverse("register:review-record", args=[rec.pk]))
        assert f"Withdrawn by kent on 01/12/2026 at 10:02. {KEPT}" in page
        assert f"kent withdrew the record from the public register. {KEPT}" in page
        assert f"ann restored the record. {KEPT}" in page
        assert f"kent corrected rank (constable → sergeant). {KEPT}" in page
        assert "Reason:" not in page
        gone = client.get(reverse("register:record", args=[rec.pk]))
        said = " ".join(html.unescape(gone.content.decode()).split())
        assert gone.status_code == 410 and "says who withdrew it and when." in said
        for text in (listing, page, said, _api(client, rec.pk)):
            assert not [r for r in REASONS if r in text], name


@pytest.mark.django_db
def test_a_viewer_or_an_officer_of_the_record_s_force_and_an_administrator_read_every_reason(
    login: Callable[[str], Client],
) -> None:
    rec = _with_history()
    make_user("psd", [(Role.CASE_OFFICER, "kent")])
    make_user("watcher", [(Role.VIEWER, "kent")])
    for name in READERS:
        client = login(name)
        listing = _said(client, reverse("register:withdrawn"))
        assert SECRET_REASON in listing and KEPT not in listing, name
        page = _said(client, reverse("register:review-record", args=[rec.pk]))
        assert f"Withdrawn by kent on 01/12/2026 at 10:02. Reason: {SECRET_REASON}" in page
        for reason in REASONS:
            assert f"Reason: {reason}</li>" in page, (name, reason)
        assert KEPT not in page
        # the public page never gives the reason, even to them: it says their review page does
        gone = client.get(reverse("register:record", args=[rec.pk]))
        said = " ".join(html.unescape(gone.content.decode()).split())
        assert gone.status_code == 410 and "says who withdrew it and when, and why." in said
        for text in (said, _api(client, rec.pk)):
            assert not [r for r in REASONS if r in text], name


@pytest.mark.django_db
def test_the_reason_for_a_record_whose_force_is_not_known_is_an_administrator_s(
    login: Callable[[str], Client],
) -> None:
    rec = _waiting_record("")
    store.withdraw(rec.pk, reviewer=ANN, reason=SECRET_REASON, now=NOW)
    url = reverse("register:review-record", args=[rec.pk])
    make_user("psd", [(Role.CASE_OFFICER, "kent")])
    for name in ("psd", "viewer"):
        page = _said(login(name), url)
        assert SECRET_REASON not in page and reason_kept_for("") in page, name
        assert SECRET_REASON not in _said(login(name), reverse("register:withdrawn"))
    assert f"Reason: {SECRET_REASON}" in _said(login("admin"), url)


def test_the_api_s_register_schemas_have_no_reason_to_give() -> None:
    for schema in (RegisterRecordOut, RegisterPageOut):
        assert not [f for f in schema.model_fields if "reason" in f], schema


@pytest.mark.django_db
def test_the_list_of_withdrawn_records_reads_no_more_for_more_records(
    login: Callable[[str], Client],
) -> None:
    """Whether each reason is shown is decided from the page's rows and the user's roles, read
    once: no query per record."""
    client = login("officer")
    url = reverse("register:withdrawn")

    def queries() -> int:
        with CaptureQueriesContext(connection) as seen:
            assert client.get(url).status_code == 200
        return len(seen)

    store.withdraw(_waiting_record("kent").pk, reviewer=ANN, reason="r", now=NOW)
    client.get(url)  # the session's first use after sign-in writes it
    one = queries()
    for force in ("essex", "", "metropolitan"):
        store.withdraw(_waiting_record(force).pk, reviewer=ANN, reason="r", now=NOW)
    assert queries() == one
