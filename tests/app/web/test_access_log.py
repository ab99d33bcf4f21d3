"""Issue 13, finding 5: who saw which case or document is recorded, append-only, and the force's
appropriate authority (PSD lead) can read it; the Django admin holds no case data."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from misconduct.app import models as m
from misconduct.app.api.models import ApiToken
from misconduct.services.demo import CANONICAL_REF


def test_views_and_downloads_are_recorded_and_the_psd_lead_reads_them(
    demo: list[str], login: Callable[[str], Client], users: dict[str, Any]
) -> None:
    viewer = login("viewer")
    assert viewer.get(reverse("web:case", args=[CANONICAL_REF])).status_code == 200
    doc = reverse("web:document", args=[CANONICAL_REF, "decision", "html"])
    assert viewer.get(doc).status_code == 200
    _, token = ApiToken.issue(users["viewer"], "tests")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.get(f"/api/cases/{CANONICAL_REF}").status_code == 200
    seen = list(m.AccessRecord.objects.filter(username="viewer").order_by("id"))
    assert [r.what for r in seen] == ["case page", "document decision.html", "case (API)"]
    assert {r.case_ref for r in seen} == {CANONICAL_REF} and {r.force for r in seen} == {
        "metropolitan"
    }
    page = login("authority").get(reverse("web:access"), {"case": CANONICAL_REF})
    assert page.status_code == 200
    text = page.content.decode()
    assert "viewer" in text and "Written decision and outcome report" in text and "(HTML)" in text
    # Nobody else reads it: not the viewer, not another force's officer.
    assert login("viewer").get(reverse("web:access")).status_code == 403
    assert login("kent_officer").get(reverse("web:access")).status_code == 403


def test_the_access_record_cannot_be_changed_or_deleted(
    demo: list[str], login: Callable[[str], Client]
) -> None:
    login("viewer").get(reverse("web:case", args=[CANONICAL_REF]))
    for sql in (
        "UPDATE misconduct_accessrecord SET username = 'x'",
        "DELETE FROM misconduct_accessrecord",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert m.AccessRecord.objects.filter(username="viewer").exists()


def test_the_admin_shows_no_case_data_even_to_a_superuser(
    demo: list[str], login: Callable[[str], Client]
) -> None:
    admin = login("admin")
    index = admin.get("/admin/").content.decode()
    assert "Forces" in index or "forces" in index
    for model in ("case", "event", "officer", "timelimit"):
        assert admin.get(f"/admin/misconduct/{model}/").status_code == 404, model
    assert CANONICAL_REF not in index and json.dumps(CANONICAL_REF) not in index


@pytest.mark.django_db(databases="__all__")
def test_a_view_is_recorded_on_either_database(alias: str) -> None:
    """A view's record on either database; on PostgreSQL, called outside any transaction (as a
    request does), it is committed without waiting for the server's log (``access.unwaited``):
    that setting holds for its own transaction only, and a record written inside a transaction of
    the caller's (as here: each test is one) leaves the caller's commit as it was."""
    from types import SimpleNamespace

    from django.db import connections

    from misconduct.app import access

    viewer = SimpleNamespace(pk=7, get_username=lambda: "viewer")
    seen = SimpleNamespace(ref="MPS-2026-0001", force="metropolitan")
    connection = connections[alias]

    def setting() -> str:
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit" if alias == "postgres" else "SELECT 'on'")
            return str(cursor.fetchone()[0])

    assert connection.in_atomic_block
    access.record(viewer, seen, "case page", using=alias)
    assert setting() == "on"  # inside a transaction: written as any other row
    if alias == "postgres":
        row = {"at": timezone.now(), "user_id": 7, "username": "viewer"}
        row |= {"force": "metropolitan", "case_ref": "MPS-2026-0001", "what": "document x.pdf"}
        access.unwaited(connection, row)
        assert setting() == "off"  # for the transaction it ran in (here the test's), no other
    rows = m.AccessRecord.objects.using(alias).filter(username="viewer").order_by("id")
    assert [(r.user_id, r.force, r.case_ref, r.what) for r in rows] == [
        (7, "metropolitan", "MPS-2026-0001", "case page"),
        *([(7, "metropolitan", "MPS-2026-0001", "document x.pdf")] if alias == "postgres" else []),
    ]
