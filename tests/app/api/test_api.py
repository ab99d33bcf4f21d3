"""The JSON API: every operation classed as public or token-only, the same role and force checks as
the pages, one error shape for every failure, and the rules as a stateless service."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from misconduct.app.api.api import api
from misconduct.app.api.models import ApiToken
from misconduct.assessment.engine import assess
from misconduct.assessment.facts import load_facts
from misconduct.services.demo import CANONICAL_REF

EXAMPLE = Path(__file__).parents[3] / "examples" / "canonical_case.toml"
ERROR_KEYS = {"error", "message", "field", "expected", "received", "citation", "detail"}

PUBLIC_OPERATIONS = {
    ("get", "/api/rules/outcomes"),
    ("get", "/api/rules/deadlines"),
    ("get", "/api/rules/deadlines/{step}"),
    ("get", "/api/rules/standards"),
    ("get", "/api/rules/factors"),
    ("post", "/api/rules/assess"),
    ("get", "/api/public/outcomes"),
    ("get", "/api/public/outcomes/{ref}"),
    ("get", "/api/register/records"),
    ("get", "/api/register/records/{record_id}"),
}
SAMPLE_PATH = {
    "{step}": "reg43_report",
    "{ref}": CANONICAL_REF,
    "{step_id}": "add-party",
    "{kind}": "decision",
    "{record_id}": "1",
}


def _operations() -> set[tuple[str, str]]:
    schema = api.get_openapi_schema(path_prefix="/api/")
    return {(m, p) for p, ops in schema["paths"].items() for m in ops}


def _url(path: str) -> str:
    for k, v in SAMPLE_PATH.items():
        path = path.replace(k, v)
    return path


def _bearer(user: Any) -> Client:
    _, token = ApiToken.issue(user, "tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def test_every_operation_is_either_public_or_needs_a_token(demo: list[str]) -> None:
    ops = _operations()
    assert ops >= PUBLIC_OPERATIONS
    anonymous = Client()
    for method, path in ops - PUBLIC_OPERATIONS:
        if method == "get":
            response = anonymous.get(_url(path))
        else:
            response = anonymous.post(_url(path), "{}", content_type="application/json")
        assert response.status_code == 401, (method, path)
        assert set(response.json()) == ERROR_KEYS
    bad = Client(HTTP_AUTHORIZATION="Bearer msc_not-a-real-token")
    assert bad.get("/api/cases/").status_code == 401


def test_a_revoked_token_no_longer_works(users: dict[str, Any]) -> None:
    from django.utils import timezone

    record, token = ApiToken.issue(users["viewer"], "t")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert client.get("/api/cases/").status_code == 200
    record.revoked_at = timezone.now()
    record.save()
    assert client.get("/api/cases/").status_code == 401
    assert ApiToken.objects.get(pk=record.pk).key_hash != token  # only the hash is stored


def test_a_tokens_last_use_is_written_at_most_once_a_minute(
    users: dict[str, Any], django_assert_num_queries: Any
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from misconduct.app.api.models import LAST_USED_EVERY

    record, token = ApiToken.issue(users["viewer"], "t")
    assert record.last_used_at is None
    first = ApiToken.authenticate(token)
    assert first is not None and first.last_used_at is not None  # the first use is written
    written = ApiToken.objects.get(pk=record.pk).last_used_at
    assert written == first.last_used_at
    with django_assert_num_queries(1):  # within the minute: the token read, nothing written
        again = ApiToken.authenticate(token)
    assert again is not None
    assert ApiToken.objects.get(pk=record.pk).last_used_at == written
    # a minute on (or a time ahead of the clock, such as one written by a fast server): written anew
    for stale in (written - LAST_USED_EVERY, timezone.now() + timedelta(hours=1)):
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=stale)
        later = ApiToken.authenticate(token)
        assert later is not None
        kept = ApiToken.objects.get(pk=record.pk).last_used_at
        assert kept is not None and kept != stale and kept == later.last_used_at


@pytest.mark.parametrize(
    ("user", "case_status", "step_status"),
    [
        ("viewer", 200, 403),
        ("officer", 200, 200),
        ("authority", 200, 403),
        ("kent_officer", 404, 404),
        ("other_chair", 404, 404),
        ("no_role", 404, 404),
    ],
)
def test_case_endpoints_apply_the_role_and_force_checks(
    user: str, case_status: int, step_status: int, demo: list[str], users: dict[str, Any]
) -> None:
    client = _bearer(users[user])
    assert client.get(f"/api/cases/{CANONICAL_REF}").status_code == case_status
    assert client.get(f"/api/cases/{CANONICAL_REF}/allegations").status_code == case_status
    listed = {r["ref"] for r in client.get("/api/cases/").json()["results"]}
    assert (CANONICAL_REF in listed) == (case_status == 200)
    response = client.post(
        f"/api/cases/{CANONICAL_REF}/steps/add-party",
        json.dumps({"on": "2026-11-24", "role": "witness", "name": "W"}),
        content_type="application/json",
    )
    # The canonical demo case is closed: the officer's step reaches the rules and is refused.
    expected = 422 if step_status == 200 else step_status
    assert response.status_code == expected, response.content
    assert set(response.json()) == ERROR_KEYS


def test_a_step_through_the_api_is_recorded_by_the_case_service(
    demo: list[str], users: dict[str, Any]
) -> None:
    from misconduct.app.roles import Role
    from tests.app.web.fixtures import make_user

    wm = make_user("wm", [(Role.CASE_OFFICER, "west_midlands")])
    client = _bearer(wm)
    steps = client.get("/api/cases/WMP-2026-0101/steps").json()
    assert {s["step"] for s in steps if s["open"]} >= {"add-party", "record-allegation"}
    assert all(s["action"] == "record_step" for s in steps)
    version = client.get("/api/cases/WMP-2026-0101").json()["version"]
    body = {"on": "2026-11-24", "role": "witness", "name": "A Witness", "version": version}
    response = client.post(
        "/api/cases/WMP-2026-0101/steps/add-party",
        json.dumps(body),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["version"] == version + 1
    again = client.post(
        "/api/cases/WMP-2026-0101/steps/add-party",
        json.dumps(body),
        content_type="application/json",
    )
    assert again.status_code == 409 and again.json()["field"] == "version"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"on": "2026-13-01", "role": "witness", "name": "W"}, "on"),
        ({"on": "2026-11-24", "role": "judge", "name": "W"}, "role"),
        ({"on": "2026-11-24", "role": "witness"}, "name"),
        ({"on": "2026-11-24", "role": "witness", "name": "W", "colour": "red"}, "colour"),
        ({"on": "2026-11-24", "role": "witness", "name": "W", "version": "x"}, "version"),
    ],
)
def test_bad_step_input_is_a_422_naming_the_field(
    body: dict[str, Any], field: str, demo: list[str]
) -> None:
    from misconduct.app.roles import Role
    from tests.app.web.fixtures import make_user

    client = _bearer(make_user("wm", [(Role.CASE_OFFICER, "west_midlands")]))
    response = client.post(
        "/api/cases/WMP-2026-0101/steps/add-party",
        json.dumps(body),
        content_type="application/json",
    )
    assert response.status_code == 422
    data = response.json()
    assert set(data) == ERROR_KEYS and data["field"] == field


def test_the_chair_decides_through_the_api_and_departures_need_reasons(
    canonical_at_findings: str, users: dict[str, Any]
) -> None:
    chair = _bearer(users["chair"])
    url = f"/api/cases/{canonical_at_findings}"
    a = chair.post(f"{url}/assessment", "{}", content_type="application/json").json()
    assert a["available_outcomes"] and a["seriousness"]["overall"]
    # The officer by warrant number (ids are opaque); an unknown one is a 422 naming the field.
    number = json.dumps({"officer_id": "274519"})
    by_number = chair.post(f"{url}/assessment", number, content_type="application/json")
    assert by_number.json()["available_outcomes"] == a["available_outcomes"]
    unknown = json.dumps({"officer_id": "999999"})
    wrong = chair.post(f"{url}/assessment", unknown, content_type="application/json")
    assert wrong.status_code == 422 and wrong.json()["field"] == "officer_id"
    viewer = _bearer(users["viewer"])
    body = {"outcome": "final_written_warning", "warning_months": 24, "reasons": "As found."}
    assert (
        viewer.post(
            f"{url}/decision", json.dumps(body), content_type="application/json"
        ).status_code
        == 403
    )
    unlawful = {"outcome": "written_warning"}
    refused = chair.post(f"{url}/decision", json.dumps(unlawful), content_type="application/json")
    assert refused.status_code == 422 and refused.json()["citation"]
    done = chair.post(f"{url}/decision", json.dumps(body), content_type="application/json")
    assert done.status_code == 200, done.content
    assert done.json()["decision"]["final_written_warning_months"] == 24


def test_lawful_outcomes_for_the_canonical_case(db: None) -> None:
    response = Client().get(
        "/api/rules/outcomes",
        {
            "forum": "misconduct_hearing",
            "finding": "gross_misconduct",
            "came_to_attention": "2025-02-01",
            "severity_assessment_on": "2025-02-10",
            "decided_on": "2025-07-01",
        },
    )
    assert response.status_code == 200
    data = response.json()
    assert data["available_outcomes"] == ["final_written_warning", "dismissal_without_notice"]
    assert data["trace"] and data["rules_version"].startswith("rules-")


def test_deadlines_and_standards_are_public(db: None) -> None:
    c = Client()
    steps = c.get("/api/rules/deadlines").json()
    assert "reg43_report" in {s["step"] for s in steps}
    due = c.get("/api/rules/deadlines/reg43_report", {"from": "2025-12-22"}).json()
    assert due["due"] == "2025-12-31" and due["from"] == "2025-12-22"
    standards = c.get("/api/rules/standards", {"on": "2025-01-01"}).json()
    assert len(standards) == 10


def test_the_factor_catalogue_is_grouped_by_stage(db: None) -> None:
    data = Client().get("/api/rules/factors").json()
    stages = [s["stage"] for s in data["stages"]]
    assert stages == [
        "culpability",
        "harm",
        "aggravating",
        "mitigating",
        "personal_mitigation",
        "context",
    ]
    assert all(f["reference"]["status"] for s in data["stages"] for f in s["factors"])


def test_the_stateless_assessment_returns_what_the_engine_returns(db: None) -> None:
    raw = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))

    def plain(o: Any) -> Any:
        return o.isoformat() if isinstance(o, date) else o

    response = Client().post(
        "/api/rules/assess", json.dumps(raw, default=plain), content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json() == json.loads(json.dumps(assess(load_facts(EXAMPLE)).as_dict()))


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("get", "/api/rules/outcomes?forum=tribunal", None),
        ("get", "/api/rules/deadlines/no_such_step?from=2025-01-01", None),
        ("get", "/api/rules/deadlines/reg43_report?from=yesterday", None),
        ("get", "/api/rules/standards?on=1990-01-01", None),
        ("post", "/api/rules/assess", "[1, 2]"),
        ("post", "/api/rules/assess", "{not json"),
        ("post", "/api/rules/assess", '{"officer": {"rank": "admiral"}}'),
        ("get", "/api/public/outcomes?force=atlantis", None),
        ("get", "/api/public/outcomes/NOPE-1", None),
    ],
)
def test_every_failure_has_the_one_error_shape_and_is_never_a_500(
    method: str, url: str, body: str | None, db: None
) -> None:
    c = Client()
    response = c.get(url) if method == "get" else c.post(url, body, content_type="application/json")
    assert 400 <= response.status_code < 500, (url, response.status_code)
    assert set(response.json()) == ERROR_KEYS


def test_the_public_register_api_is_paged_and_says_how_many_records_there_are(
    demo: list[str],
) -> None:
    client = Client()
    everything = client.get("/api/public/outcomes?limit=500")
    total = int(everything["X-Total-Count"])
    assert total == len(everything.json()) >= 2
    first = client.get("/api/public/outcomes?limit=1")
    second = client.get("/api/public/outcomes?limit=1&offset=1")
    assert first.status_code == second.status_code == 200
    assert [r["ref"] for r in first.json() + second.json()] == [
        r["ref"] for r in everything.json()[:2]
    ]
    assert int(first["X-Total-Count"]) == total
    too_many = client.get("/api/public/outcomes?limit=501")
    assert too_many.status_code == 422
    assert too_many.json()["field"] == "limit"


def test_case_documents_come_through_the_api_with_the_case_checks(
    demo: list[str], users: dict[str, Any]
) -> None:
    client = _bearer(users["viewer"])
    pdf = client.get(f"/api/cases/{CANONICAL_REF}/documents/decision?format=pdf")
    assert pdf.status_code == 200, pdf.content
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    html = client.get(f"/api/cases/{CANONICAL_REF}/documents/published-outcome?format=html")
    assert html.status_code == 200 and b"PC A" in html.content
    for url, status, field in [
        (f"/api/cases/{CANONICAL_REF}/documents/memo", 422, "kind"),
        (f"/api/cases/{CANONICAL_REF}/documents/decision?format=odt", 422, "format"),
        # A final written warning: there is no barred-list report to give.
        (f"/api/cases/{CANONICAL_REF}/documents/barred-list-report", 404, "kind"),
    ]:
        response = client.get(url)
        assert response.status_code == status
        assert response.json()["field"] == field
    elsewhere = _bearer(users["no_role"])
    assert elsewhere.get(f"/api/cases/{CANONICAL_REF}/documents/decision").status_code == 404
