"""Issue 13, finding 3: a client that retries a write (the same Idempotency-Key) gets the first
answer back and the step is recorded once; the key with another request is refused."""

from __future__ import annotations

import json
from typing import Any

from misconduct.app.roles import Role
from misconduct.app.web import store
from tests.app.api.test_api import _bearer
from tests.app.web.fixtures import make_user

URL = "/api/cases/WMP-2026-0101/steps/add-party"


def _post(client: Any, body: dict[str, Any], key: str | None) -> Any:
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post(URL, json.dumps(body), content_type="application/json", **headers)


def test_a_retried_write_with_the_same_key_records_the_step_once(demo: list[str]) -> None:
    client = _bearer(make_user("wm", [(Role.CASE_OFFICER, "west_midlands")]))
    before = len(store.events("WMP-2026-0101"))
    body = {"on": "2026-11-24", "role": "witness", "name": "A Witness"}
    first = _post(client, body, "retry-1")
    again = _post(client, body, "retry-1")
    assert first.status_code == again.status_code == 200, again.content
    assert again.json() == first.json()
    assert len(store.events("WMP-2026-0101")) == before + 1
    # Without a key, the same body is a new request (and records a new step).
    assert _post(client, body, None).status_code == 200
    assert len(store.events("WMP-2026-0101")) == before + 2


def test_the_same_key_for_a_different_request_is_refused(demo: list[str]) -> None:
    client = _bearer(make_user("wm", [(Role.CASE_OFFICER, "west_midlands")]))
    assert (
        _post(client, {"on": "2026-11-24", "role": "witness", "name": "A"}, "k").status_code == 200
    )
    other = _post(client, {"on": "2026-11-24", "role": "witness", "name": "B"}, "k")
    assert other.status_code == 409 and other.json()["field"] == "Idempotency-Key header"


def test_a_refused_write_leaves_the_key_free_for_the_retry(demo: list[str]) -> None:
    client = _bearer(make_user("wm", [(Role.CASE_OFFICER, "west_midlands")]))
    bad = _post(client, {"on": "2026-11-24", "role": "nobody", "name": "A"}, "k2")
    assert bad.status_code == 422
    good = _post(client, {"on": "2026-11-24", "role": "witness", "name": "A"}, "k2")
    assert good.status_code == 200
