"""The chair's exclusion of the public or a person, and the written reasons to the local policing
body, as steps of the staff web app: posted through the case service, shown on the case page (the
exclusion, the reasons awaited and then given) and the timeline; the public refused for a meeting
and both steps refused on a closed case, with the rule, and nothing written."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from misconduct.app.roles import Role
from misconduct.app.web import store
from misconduct.rules.vocabulary import Finding, Forum
from misconduct.services.intake import open_case
from tests.app.api.test_hearing_api import _client as api_client
from tests.app.api.test_hearing_api import referred
from tests.app.web.fixtures import PASSWORD, demo_service, make_user
from tests.app.web.test_rearrange_privacy import _api
from tests.services.test_hearing import HEARING, to_referral
from tests.services.test_intake import overtime

CLOSED = "MPS-2025-0001"


def _client(name: str, force: str) -> Client:
    user = make_user(name, [(Role.CASE_OFFICER, force)])
    c = Client()
    assert c.login(username=user.get_username(), password=PASSWORD)
    return c


def _post(client: Client, ref: str, step: str, **data: Any) -> Any:
    return client.post(
        reverse("web:step", args=[ref, step]), {"version": store.state(ref).version, **data}
    )


@pytest.mark.django_db
def test_an_exclusion_and_its_reasons_are_shown_on_the_case_page() -> None:
    ref = referred()
    assert _api(api_client(), ref, "arrange-proceedings", HEARING).status_code == 200
    web = _client("met-priv", "metropolitan")
    reply = _post(
        web,
        ref,
        "exclude-from-proceedings",
        on="10/09/2026",
        person="the complainant's companion",
        part="while the complainant gives evidence",
        reasons="The complainant fears him.",
    )
    assert reply.status_code == 302, reply.content.decode()[:2000]
    page = web.get(reverse("web:case", args=[ref])).content.decode()
    section = page[page.index("Exclusions from the proceedings") :]
    assert "excluded the complainant&#x27;s companion from part of the proceedings" in section
    assert "The complainant fears him." in section
    reasons = page[page.index("Written reasons to the local policing body") :]
    assert "reasons awaited" in reasons
    assert "The chair, demo, excluded the complainant&#x27;s companion" in page  # the timeline

    reply = _post(web, ref, "reasons-to-policing-body", on="14/09/2026")
    assert reply.status_code == 302, reply.content.decode()[:2000]
    page = web.get(reverse("web:case", args=[ref])).content.decode()
    reasons = page[page.index("Written reasons to the local policing body") :]
    assert "reasons given on 14/09/2026" in reasons and "reasons awaited" not in reasons
    # nothing left to give reasons for: refused with the provision, nothing written
    before = store.state(ref).version
    reply = _post(web, ref, "reasons-to-policing-body", on="15/09/2026")
    assert reply.status_code == 422 and "SI 2020/4 reg 39(3A)" in reply.content.decode()
    assert store.state(ref).version == before


@pytest.mark.django_db
def test_the_public_is_not_excluded_from_a_meeting_but_a_person_is() -> None:
    svc = demo_service()
    ref = open_case(svc, overtime()).ref
    for command in to_referral(Forum.MISCONDUCT_MEETING, Finding.MISCONDUCT):
        svc.execute(ref, command)
    meeting = {
        "on": "2026-08-25",
        "forum": "misconduct_meeting",
        "starts_on": "2026-09-08",
        "chair": "demo",
        "chair_role": "person_conducting",
    }
    arranged = _api(api_client(), ref, "arrange-proceedings", meeting)
    assert arranged.status_code == 200, arranged.content
    web = _client("met-meeting", "metropolitan")
    before = store.state(ref).version
    reply = _post(web, ref, "exclude-from-proceedings", on="01/09/2026", public="on")
    assert reply.status_code == 422 and "SI 2020/4 reg 39(2)" in reply.content.decode()
    assert store.state(ref).version == before
    # an observer may be excluded (reg 40(3): attending subject to reg 39(3)); no reasons owed
    reply = _post(web, ref, "exclude-from-proceedings", on="01/09/2026", person="the complainant")
    assert reply.status_code == 302, reply.content.decode()[:2000]
    page = web.get(reverse("web:case", args=[ref])).content.decode()
    assert "Exclusions from the proceedings" in page
    assert "Written reasons to the local policing body</h3>" not in page


def test_a_closed_case_takes_neither_step(demo: list[str]) -> None:
    web = _client("met-closed", store.state(CLOSED).force)
    before = store.state(CLOSED).version
    for step, data in (
        ("exclude-from-proceedings", {"public": "on", "reasons": "r"}),
        ("reasons-to-policing-body", {}),
    ):
        reply = _post(web, CLOSED, step, on="24/11/2026", **data)
        assert reply.status_code == 422, step
        assert "closed" in reply.content.decode().lower()
    assert store.state(CLOSED).version == before


@pytest.mark.django_db
def test_through_the_api_an_exclusion_without_reasons_is_a_422_and_with_them_is_recorded() -> None:
    ref = referred()
    client = api_client()
    assert _api(client, ref, "arrange-proceedings", HEARING).status_code == 200
    body = {"on": "2026-09-10", "person": "a member of the press"}
    refused = _api(client, ref, "exclude-from-proceedings", body)
    assert refused.status_code == 422 and "reg 39(3A)" in refused.content.decode()
    done = _api(client, ref, "exclude-from-proceedings", {**body, "reasons": "Disruption."})
    assert done.status_code == 200, done.content
    assert _api(client, ref, "reasons-to-policing-body", {"on": "2026-09-12"}).status_code == 200
