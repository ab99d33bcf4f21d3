"""Opening a case from the staff page and the API: the same intake service, the same checks, a
reference per force and year, and nothing written on bad input."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from misconduct.app import models as m
from misconduct.app.api.models import ApiToken

EXAMPLES = Path(__file__).parents[3] / "examples" / "intake"


def overtime() -> dict[str, Any]:
    return tomllib.loads((EXAMPLES / "overtime_sergeant.toml").read_text(encoding="utf-8"))


def bearer(user: Any) -> Client:
    _, token = ApiToken.issue(user, "tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def test_the_api_opens_the_overtime_sergeant_with_its_reference(users: dict[str, Any]) -> None:
    reply = bearer(users["officer"]).post(
        "/api/cases/", overtime(), content_type="application/json"
    )
    assert reply.status_code == 201, reply.content
    body = reply.json()
    assert body["ref"] == "MPS-2026-0001" and body["stage"] == "intake"
    assert [p["role"] for p in body["parties"]] == ["complainant", "witness"]
    assert body["parties"][0]["restricted"] is True
    assert body["origin"]["investigation_mode"] == "local"
    again = bearer(users["officer"]).post(
        "/api/cases/", overtime(), content_type="application/json"
    )
    assert again.json()["ref"] == "MPS-2026-0002"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["officers"][0].update(rank="general"), "officer 1 rank"),
        (lambda d: d.update(opened_on="9999-12-31"), "date"),
        (lambda d: d["allegations"][0].update(standards=["being_late"]), "allegation standards"),
        (lambda d: d.pop("summary"), "summary"),
    ],
)
def test_the_api_names_the_bad_field_and_writes_nothing(
    users: dict[str, Any], change: Callable[[dict[str, Any]], None], field: str
) -> None:
    data = overtime()
    change(data)
    reply = bearer(users["officer"]).post("/api/cases/", data, content_type="application/json")
    assert reply.status_code == 422, reply.content
    assert reply.json()["field"] == field
    assert m.Case.objects.count() == 0 and m.Event.objects.count() == 0


def test_only_a_case_officer_of_the_force_may_open_a_case(users: dict[str, Any]) -> None:
    for name in ("viewer", "chair", "kent_officer"):
        reply = bearer(users[name]).post("/api/cases/", overtime(), content_type="application/json")
        assert reply.status_code == 403, (name, reply.content)
    assert m.Case.objects.count() == 0


FORM = {
    "force": "metropolitan",
    "source": "complaint",
    "summary": "Sergeant alleged to have claimed overtime for shifts not worked.",
    "opened_on": "06/05/2026",
    "attention_force": "05/05/2026",
    "referred": "no",
    "referral_reasons": "Does not meet the mandatory referral criteria.",
    "mode": "local",
    "officer1_name": "Alex Harper",
    "officer1_rank": "sergeant",
    "officer1_number": "27731",
    "officer1_status": "serving",
    "allegation1_particulars": "Claimed overtime for shifts that were not worked.",
    "allegation1_conduct_from": "02/03/2026",
    "allegation1_conduct_to": "24/04/2026",
    "allegation1_on_duty": "on",
    "allegation1_standards": "honesty_and_integrity",
    "party1_role": "complainant",
    "party1_name": "Priya Anand",
    "party1_contact": "priya.anand@example.org",
    "party1_restricted": "on",
    "party2_role": "witness",
    "party2_name": "Tom Reeve",
}


def test_the_staff_page_opens_a_case_and_shows_it(login: Callable[[str], Client]) -> None:
    client = login("officer")
    assert b"Open a case" in client.get("/staff/").content
    page = client.get("/staff/cases/new/")
    assert page.status_code == 200 and b"Warrant or collar number" in page.content
    reply = client.post("/staff/cases/new/", FORM)
    assert reply.status_code == 302 and reply["Location"] == "/staff/cases/MPS-2026-0001/"
    file = client.get("/staff/cases/MPS-2026-0001/file/")
    assert b"Priya Anand" in file.content and b"identity restricted" in file.content


def test_the_staff_page_shows_the_error_keeps_what_was_typed_and_writes_nothing(
    login: Callable[[str], Client],
) -> None:
    client = login("officer")
    reply = client.post("/staff/cases/new/", {**FORM, "allegation1_conduct_to": "31/12/9999"})
    assert reply.status_code == 422
    text = reply.content.decode()
    assert "Nothing was saved" in text and "conduct to" in text and "31/12/9999" in text
    assert "Alex Harper" in text
    assert m.Case.objects.count() == 0


def test_a_viewer_cannot_reach_the_new_case_page(login: Callable[[str], Client]) -> None:
    assert login("viewer").get("/staff/cases/new/").status_code == 403
