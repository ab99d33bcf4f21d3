"""Hearing administration through the API: the hearing arranged with venue, time and panel, an
extension and an adjournment that move the case's time limits; bad input is a 422 naming the field,
with nothing written."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from django.test import Client

from misconduct.app import models as m
from misconduct.app.api.models import ApiToken
from misconduct.app.roles import Role
from misconduct.services.intake import open_case
from tests.app.web.fixtures import demo_service, make_user
from tests.services.test_hearing import HEARING, TO_RESPONSE
from tests.services.test_intake import overtime

pytestmark = pytest.mark.django_db
D = date.fromisoformat


def referred() -> str:
    svc = demo_service()
    ref = open_case(svc, overtime()).ref
    for command in TO_RESPONSE:
        svc.execute(ref, command)
    return ref


def _client() -> Client:
    user = make_user("met", [(Role.CASE_OFFICER, "metropolitan")])
    _, token = ApiToken.issue(user, "tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def _post(client: Client, ref: str, step: str, body: dict[str, Any]) -> Any:
    return client.post(
        f"/api/cases/{ref}/steps/{step}", json.dumps(body), content_type="application/json"
    )


def test_the_hearing_is_arranged_adjourned_and_its_limits_move_through_the_api() -> None:
    ref = referred()
    client = _client()
    arranged = _post(client, ref, "arrange-proceedings", HEARING)
    assert arranged.status_code == 200, arranged.content
    assert _post(client, ref, "papers-to-chair", {"on": "2026-08-27"}).status_code == 200
    extended = _post(
        client,
        ref,
        "extend-time-limit",
        {
            "on": "2026-09-01",
            "step": "reg29_hearing_without_pre_hearing",
            "extended_to": "2026-10-23",
            "reasons": "Representative in hospital.",
        },
    )
    assert extended.status_code == 200, extended.content
    adjourned = _post(
        client,
        ref,
        "adjourn",
        {"on": "2026-09-01", "resumes_on": "2026-10-20", "reasons": "Representative in hospital."},
    )
    assert adjourned.status_code == 200, adjourned.content
    dues = {d.step: d.last_day for d in m.DueEntry.objects.filter(ref=ref)}
    assert dues["reg36_public_notice"] == D("2026-10-20")
    assert dues["reg29_hearing_without_pre_hearing"] == D("2026-10-23")


@pytest.mark.parametrize(
    ("step", "change", "field"),
    [
        ("arrange-proceedings", {"starts_at": "9.30"}, "starts_at"),
        ("arrange-proceedings", {"lay_member": ""}, "lay_member"),
        ("arrange-proceedings", {"chair_role": "legally_qualified_chair"}, "chair_role"),
        ("arrange-proceedings", {"police_member": "Supt X"}, "police_member"),
        ("arrange-proceedings", {"starts_on": "31/12/9999"}, "starts_on"),
        ("adjourn", {"on": "2026-09-01", "resumes_on": "2026-10-07"}, "reasons"),
        ("extend-time-limit", {"on": "2026-09-01", "step": "reg36_public_notice"}, "step"),
        ("extend-time-limit", {"step": "reg32_documents_to_chair", "reasons": "x"}, "extended_to"),
    ],
)
def test_bad_hearing_input_is_a_422_naming_the_field_with_nothing_written(
    step: str, change: dict[str, Any], field: str
) -> None:
    ref = referred()
    client = _client()
    if step != "arrange-proceedings":
        assert _post(client, ref, "arrange-proceedings", HEARING).status_code == 200
        change = {"on": "2026-09-01", **change}
        body = change
    else:
        body = {**HEARING, **change}
    before = m.Event.objects.filter(case__ref=ref).count()
    response = _post(client, ref, step, body)
    assert response.status_code == 422, response.content
    assert response.json()["field"] == field
    assert response.json()["message"]
    assert m.Event.objects.filter(case__ref=ref).count() == before
