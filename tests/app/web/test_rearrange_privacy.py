"""Arranging a hearing again through the staff web app and the API keeps the chair's anonymity
order, reporting restrictions and exclusion of the public in force: the form starts from them, a
field left empty keeps them, and only a confirmed lifting removes them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from misconduct.app import models as m
from misconduct.app.roles import Role
from misconduct.app.web import store
from tests.app.api.test_hearing_api import _client as api_client
from tests.app.api.test_hearing_api import referred
from tests.app.web.fixtures import PASSWORD, make_user
from tests.services.test_hearing import HEARING

pytestmark = pytest.mark.django_db
DIRECTION = {
    "on": "2026-09-10",
    "cipher": "PC A",
    "reporting_restrictions": "No images.",
    "reasons": "Credible threats against the officer's family.",
}
WEB_HEARING = {
    "on": "11/09/2026",
    "forum": "misconduct_hearing",
    "starts_on": "06/10/2026",
    "starts_at": "10:00",
    "venue": "Room 5",
    "chair": "demo",
    "chair_role": "chief_officer_delegate",
    "qualified_lay_member": "Alex Lay",
    "lay_member": "Sam Member",
    "legally_qualified_person": "Jo Counsel",
    "in_public": "on",
}


def _api(client: Client, ref: str, step: str, body: dict[str, Any]) -> Any:
    return client.post(
        f"/api/cases/{ref}/steps/{step}", json.dumps(body), content_type="application/json"
    )


def _directed() -> tuple[str, Client]:
    ref = referred()
    client = api_client()
    assert _api(client, ref, "arrange-proceedings", HEARING).status_code == 200
    assert _api(client, ref, "direct-anonymity", DIRECTION).status_code == 200
    return ref, client


def _web() -> Client:
    user = make_user("met-web", [(Role.CASE_OFFICER, "metropolitan")])
    c = Client()
    assert c.login(username=user.get_username(), password=PASSWORD)
    return c


def test_the_arrangement_form_starts_from_the_order_restrictions_and_privacy_in_force() -> None:
    ref, _ = _directed()
    web = _web()
    form = web.get(reverse("web:step", args=[ref, "arrange-proceedings"])).context["form"]
    assert form.fields["anonymity_cipher"].initial == "PC A"
    assert form.fields["reporting_restrictions"].initial == "No images."
    assert form.fields["in_public"].initial is True
    assert "lift" in form.fields


def test_a_web_arrangement_with_the_cipher_cleared_keeps_the_order_unless_lifted() -> None:
    ref, _ = _directed()
    web = _web()
    url = reverse("web:step", args=[ref, "arrange-proceedings"])
    reply = web.post(url, {**WEB_HEARING, "version": store.state(ref).version})
    assert reply.status_code == 302, reply.content.decode()[:2000]
    assert m.Case.objects.get(ref=ref).anonymity_cipher == "PC A"
    reply = web.post(
        url, {**WEB_HEARING, "on": "12/09/2026", "lift": "on", "version": store.state(ref).version}
    )
    assert reply.status_code == 302, reply.content.decode()[:2000]
    case, _ = store.read(ref)
    assert case.proceedings is not None
    assert case.proceedings.arrangement.anonymity_cipher == ""
    assert m.Case.objects.get(ref=ref).anonymity_cipher == ""


def test_through_the_api_the_order_stands_and_a_lift_with_nothing_to_lift_is_a_422() -> None:
    ref, client = _directed()
    again = {**HEARING, "on": "2026-09-11", "venue": "Room 5"}
    reply = _api(client, ref, "arrange-proceedings", again)
    assert reply.status_code == 200, reply.content
    assert m.Case.objects.get(ref=ref).anonymity_cipher == "PC A"
    assert _api(client, ref, "arrange-proceedings", {**again, "lift": True}).status_code == 200
    before = m.Event.objects.filter(case__ref=ref).count()
    refused = _api(client, ref, "arrange-proceedings", {**again, "lift": True})
    assert refused.status_code == 422 and "lift" in refused.content.decode()
    assert m.Event.objects.filter(case__ref=ref).count() == before
