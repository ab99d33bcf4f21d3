"""Issue 13, finding 8: a body over the limit is answered in the API's JSON error shape, and the two
step schemas have their own names, so /api/rules/deadlines is documented as it answers."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.test import Client

from tests.app.api.test_api import ERROR_KEYS, _bearer


def test_a_body_over_the_limit_gets_a_json_413(users: dict[str, Any]) -> None:
    client = _bearer(users["officer"])
    big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)
    response = client.post(
        "/api/cases/MPS-2025-0001/steps/add-party", big, content_type="application/json"
    )
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert set(response.json()) == ERROR_KEYS and response.json()["field"] == "body"


def test_the_two_step_schemas_are_documented_apart(db: None) -> None:
    schema = Client().get("/api/openapi.json").json()
    components = schema["components"]["schemas"]
    assert "DeadlineStepOut" in components and "CaseStepOut" in components
    assert "StepOut" not in components
    deadlines = schema["paths"]["/api/rules/deadlines"]["get"]["responses"]["200"]
    assert "DeadlineStepOut" in str(deadlines)
    steps = schema["paths"]["/api/cases/{ref}/steps"]["get"]["responses"]["200"]
    assert "CaseStepOut" in str(steps)
