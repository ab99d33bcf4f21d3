"""The chair's direction on anonymity and reporting as a step of the staff web app: offered on the
case page once a hearing is arranged (and after its outcome is published), refused with the rule
for a meeting, posted through the case service, shown on the case page with its history, and
followed at once by the public pages."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from misconduct.app import models as m
from misconduct.app.roles import Role
from misconduct.app.web import store
from tests.app.web.fixtures import PASSWORD, make_user

PUBLISHED = "BTP-2025-0110"  # a hearing in public, its outcome published naming PC Ryan Whitaker
MEETING = "SUR-2026-0108"


def _client(ref: str, name: str) -> Client:
    user = make_user(name, [(Role.CASE_OFFICER, store.state(ref).force)])
    c = Client()
    assert c.login(username=user.get_username(), password=PASSWORD)
    return c


def _post(client: Client, ref: str, **data: Any) -> Any:
    version = store.state(ref).version
    return client.post(
        reverse("web:step", args=[ref, "direct-anonymity"]),
        {"on": "24/11/2026", "version": version, **data},
    )


def test_a_direction_after_publication_hides_the_officer_on_the_public_page_at_once(
    demo: list[str],
) -> None:
    client = _client(PUBLISHED, "btp")
    page = client.get(reverse("web:case", args=[PUBLISHED])).content.decode()
    assert reverse("web:step", args=[PUBLISHED, "direct-anonymity"]) in page
    public = Client().get(reverse("web:public-record", args=[PUBLISHED])).content.decode()
    assert "Whitaker" in public
    before = store.state(PUBLISHED).version

    reply = _post(client, PUBLISHED, cipher="Officer W", reasons="A credible threat to his family.")
    assert reply.status_code == 302, reply.content.decode()[:2000]
    case, records = store.read(PUBLISHED)
    assert case.version == before + 1 and records[-1].type == "AnonymityDirected"
    public = Client().get(reverse("web:public-record", args=[PUBLISHED])).content.decode()
    assert "Officer W" in public and "Whitaker" not in public
    assert m.Case.objects.get(ref=PUBLISHED).anonymity_cipher == "Officer W"

    page = client.get(reverse("web:case", args=[PUBLISHED])).content.decode()
    section = page[page.index("Anonymity and reporting directions") :]
    assert "<dt>Anonymity order</dt><dd>“Officer W”</dd>" in section
    assert "the officer referred to in public only as “Officer W”" in section
    assert "A credible threat to his family." in section
    # the form of the next direction starts from what stands
    form = client.get(reverse("web:step", args=[PUBLISHED, "direct-anonymity"])).content.decode()
    assert 'value="Officer W"' in form


def test_a_direction_without_the_reasons_the_2024_rules_require_is_refused_and_not_written(
    demo: list[str],
) -> None:
    client = _client(PUBLISHED, "btp")
    before = store.state(PUBLISHED).version
    reply = _post(client, PUBLISHED, cipher="Officer W")
    assert reply.status_code == 422
    text = reply.content.decode()
    assert "SI 2020/4 reg 39(3A)" in text and "local policing body" in text
    assert store.state(PUBLISHED).version == before
    # lifting an order that is not in force says what was expected, naming the field
    reply = _post(client, PUBLISHED, lift="on")
    assert reply.status_code == 422
    assert store.state(PUBLISHED).version == before


def test_a_meeting_is_offered_no_direction_and_the_page_says_why(demo: list[str]) -> None:
    client = _client(MEETING, "surrey")
    page = client.get(reverse("web:case", args=[MEETING])).content.decode()
    refused = page[page.index("Record the chair&#x27;s direction on anonymity") :]
    assert "SI 2020/4 reg 39(2)" in refused[:600]
    before = store.state(MEETING).version
    reply = _post(client, MEETING, cipher="Officer L", reasons="Welfare.")
    assert reply.status_code == 422 and "SI 2020/4 reg 39(2)" in reply.content.decode()
    assert store.state(MEETING).version == before
