"""Schemathesis against the OpenAPI schema on a running server (gunicorn): no generated request,
with or without an API token, gets a 5xx. Bounded: a few examples per operation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from tests.browser.live import live_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    data = tmp_path_factory.mktemp("schemathesis")
    with live_server(data) as base:
        yield base, (data / "token.txt").read_text().strip()


def test_no_generated_request_gets_a_server_error(server: tuple[str, str]) -> None:
    base, token = server
    schema = schemathesis.openapi.from_url(f"{base}/api/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    statuses: list[int] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=10,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def run(case: Any) -> None:
            for headers in ({}, {"Authorization": f"Bearer {token}"}):
                response = case.call(base_url=base, headers=headers)
                statuses.append(response.status_code)
                case.validate_response(response, checks=[not_a_server_error])

        run()
    assert max(statuses) < 500
    assert {s // 100 for s in statuses} >= {2, 4}  # both accepted and refused requests were made
    assert len(statuses) >= 2 * len(operations)


def test_the_schema_is_served_and_documents_the_error_shape(server: tuple[str, str]) -> None:
    import json
    import urllib.request

    base, _ = server
    with urllib.request.urlopen(f"{base}/api/openapi.json") as r:
        doc = json.load(r)
    assert "ErrorOut" in doc["components"]["schemas"]
    with urllib.request.urlopen(f"{base}/api/docs") as r:
        assert r.status == 200
