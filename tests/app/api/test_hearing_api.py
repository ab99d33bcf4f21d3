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


def test_the_notice_to_the_officer_and_an_objection_through_the_api() -> None:
    ref = referred()
    client = _client()
    assert client.get(f"/api/cases/{ref}/documents/reg35-notice").status_code == 404
    assert _post(client, ref, "arrange-proceedings", HEARING).status_code == 200
    assert _post(client, ref, "hearing-notice", {"on": "2026-08-28"}).status_code == 200
    pdf = client.get(f"/api/cases/{ref}/documents/reg35-notice?format=pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    html = client.get(f"/api/cases/{ref}/documents/reg35-notice?format=html")
    assert "Your right to object to a panel member" in html.content.decode()
    # Same role and force checks as every document: another force's user does not see the case;
    # without a token, nothing.
    kent = make_user("kent_clerk", [(Role.CASE_OFFICER, "kent")])
    _, token = ApiToken.issue(kent, "tests")
    elsewhere = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert elsewhere.get(f"/api/cases/{ref}/documents/reg35-notice").status_code == 404
    assert Client().get(f"/api/cases/{ref}/documents/reg35-notice").status_code == 401

    before = m.Event.objects.filter(case__ref=ref).count()
    late = _post(
        client, ref, "panel-objection", {"on": "2026-09-04", "member": "Alex Lay", "grounds": "x"}
    )
    assert late.status_code == 422 and late.json()["field"] == "on"
    assert "03/09/2026" in late.json()["message"]
    assert m.Event.objects.filter(case__ref=ref).count() == before
    for step, body in (
        ("panel-objection", {"on": "2026-09-01", "member": "Alex Lay", "grounds": "Sat before."}),
        ("decide-panel-objection", {"on": "2026-09-02", "member": "Alex Lay", "decision": "upheld"}),
        ("replace-panel-member", {"on": "2026-09-03", "member": "Alex Lay", "replacement": "Pat New"}),
    ):  # fmt: skip
        done = _post(client, ref, step, body)
        assert done.status_code == 200, (step, done.content)
    dues = [d for d in m.DueEntry.objects.filter(ref=ref) if d.step == "reg35_objection"]
    assert max(d.last_day for d in dues) == D("2026-09-08")
    html = client.get(f"/api/cases/{ref}/documents/reg35-notice?format=html").content.decode()
    # Now the notice of the new member's name (reg 35(7)): the window to object to them only.
    assert "Alex Lay has been replaced on the panel by Pat New" in html
    assert "You may object to the new panel member (Pat New)" in html
    assert "8 September 2026" in html


def test_the_case_page_offers_the_notice_and_shows_objections() -> None:
    from django.urls import reverse

    from tests.app.web.fixtures import PASSWORD

    ref = referred()
    client = _client()
    assert _post(client, ref, "arrange-proceedings", HEARING).status_code == 200
    assert _post(client, ref, "hearing-notice", {"on": "2026-08-28"}).status_code == 200
    body = {"on": "2026-09-01", "member": "Sam Member", "grounds": "Sat on my last case"}
    assert _post(client, ref, "panel-objection", body).status_code == 200
    make_user("met_officer", [(Role.CASE_OFFICER, "metropolitan")])
    make_user("kent_officer", [(Role.CASE_OFFICER, "kent")])
    web = Client()
    assert web.login(username="met_officer", password=PASSWORD)
    page = web.get(reverse("web:case", args=[ref])).content.decode()
    assert reverse("web:document", args=[ref, "reg35-notice", "pdf"]) in page
    assert "the officer objected to Sam Member (grounds: Sat on my last case)" in page
    assert "Awaiting the chair&#x27;s decision" in page or "Awaiting the chair's decision" in page
    notice = web.get(reverse("web:document", args=[ref, "reg35-notice", "html"]))
    assert notice.status_code == 200 and "Sam Member" in notice.content.decode()
    kent = Client()
    assert kent.login(username="kent_officer", password=PASSWORD)
    assert kent.get(reverse("web:document", args=[ref, "reg35-notice", "html"])).status_code == 404
    anonymous = Client().get(reverse("web:document", args=[ref, "reg35-notice", "html"]))
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]


def test_the_correction_form_corrects_a_decided_objection() -> None:
    """Once decided, no objection awaits a decision; the correction form still offers the member, as
    the form did when the decision was taken, and the rules decide the correction afresh."""
    from tests.app.web.fixtures import PASSWORD

    ref = referred()
    client = _client()
    assert _post(client, ref, "arrange-proceedings", HEARING).status_code == 200
    assert _post(client, ref, "hearing-notice", {"on": "2026-08-28"}).status_code == 200
    body = {"on": "2026-09-01", "member": "Sam Member", "grounds": "Sat on my last case"}
    assert _post(client, ref, "panel-objection", body).status_code == 200
    decided = {"on": "2026-09-02", "member": "Sam Member", "decision": "upheld"}
    assert _post(client, ref, "decide-panel-objection", decided).status_code == 200
    sequence = m.Event.objects.filter(case__ref=ref).count()
    make_user("met_officer", [(Role.CASE_OFFICER, "metropolitan")])
    web = Client()
    assert web.login(username="met_officer", password=PASSWORD)
    form = web.get(f"/staff/cases/{ref}/correct/{sequence}/")
    assert form.status_code == 200 and 'value="Sam Member"' in form.content.decode()
    done = web.post(
        f"/staff/cases/{ref}/correct/{sequence}/",
        {
            "on": "02/09/2026",
            "member": "Sam Member",
            "decision": "rejected",
            "reasons": "No real risk of bias.",
            "version": sequence,
            "correction_reasons": "The chair rejected it; upheld was recorded by mistake.",
        },
    )
    assert done.status_code == 302, done.content.decode()[-2000:]
    case = client.get(f"/api/cases/{ref}").json()
    assert case["timeline"][-1]["label"].startswith("Correction of #")
