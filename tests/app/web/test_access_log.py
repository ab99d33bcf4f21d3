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
