"""The chair's conditions on attendance (SI 2020/4 reg 39(3)(b); reg 59(2)(b)) as a step of the
staff web app and the API: its form on the case page, the conditions in the hearing section and the
timeline, those excluding a person from a hearing awaiting written reasons (reg 39(3A)) on the case
page and on the chair's "My work" until given; refused without those reasons, with the rule and the
field, and nothing written."""

from __future__ import annotations

import pytest
from django.urls import reverse

from misconduct.app.web import store
from tests.app.api.test_hearing_api import _client as api_client
from tests.app.api.test_hearing_api import referred
from tests.app.web.test_privacy_steps_web import _client, _post
from tests.app.web.test_rearrange_privacy import _api
from tests.services.test_hearing import HEARING


@pytest.mark.django_db
def test_conditions_are_recorded_from_the_case_page_and_shown_with_their_reasons_awaited() -> None:
    ref = referred()
    assert _api(api_client(), ref, "arrange-proceedings", HEARING).status_code == 200
    web = _client("met-cond", "metropolitan")
    page = web.get(reverse("web:case", args=[ref])).content.decode()
    assert "Record the chair&#x27;s conditions on attendance (reg 39(3)(b) / 59(2)(b))" in page
    form = web.get(reverse("web:step", args=[ref, "impose-attendance-conditions"])).content.decode()
    assert 'name="person"' in form and 'name="conditions"' in form and 'name="excludes"' in form
    data = {
        "on": "10/09/2026",
        "person": "the complainant's companion",
        "conditions": "Leaves while the complainant gives evidence",
        "excludes": "on",
    }
    before = store.state(ref).version
    reply = _post(web, ref, "impose-attendance-conditions", **data)
    assert reply.status_code == 422 and "SI 2020/4 reg 39(3A)" in reply.content.decode()
    assert store.state(ref).version == before
    reply = _post(web, ref, "impose-attendance-conditions", **data, reasons="Threats.")
    assert reply.status_code == 302, reply.content.decode()[:2000]
    page = web.get(reverse("web:case", args=[ref])).content.decode()
    section = page[page.index("Conditions on attendance</h3>") :]
    assert (
        "demo imposed conditions on the attendance of the complainant&#x27;s companion: Leaves "
        "while the complainant gives evidence. They have the effect of excluding a person from all "
        "or part of the hearing. Reasons: Threats."
    ) in section
    reasons = page[page.index("Written reasons to the local policing body</h3>") :]
    assert "Conditions on the attendance of the complainant&#x27;s companion" in reasons
    assert "reasons awaited" in reasons
    assert "The chair, demo, imposed conditions on the attendance" in page  # the timeline


@pytest.mark.django_db
def test_through_the_api_conditions_that_exclude_nobody_owe_no_reasons() -> None:
    ref = referred()
    client = api_client()
    assert _api(client, ref, "arrange-proceedings", HEARING).status_code == 200
    body = {"on": "2026-09-10", "person": "every observer", "conditions": "No recording."}
    done = _api(client, ref, "impose-attendance-conditions", body)
    assert done.status_code == 200, done.content
    bad = _api(client, ref, "impose-attendance-conditions", {**body, "conditions": ""})
    assert bad.status_code in (400, 422) and "conditions" in bad.content.decode()
    # nothing awaits reasons: the step that gives them is refused
    assert _api(client, ref, "reasons-to-policing-body", {"on": "2026-09-12"}).status_code == 422
