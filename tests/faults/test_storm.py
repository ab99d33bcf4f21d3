"""Issue 13, finding 3, against a real server: twelve writers on one case, each retrying on a
conflict and repeating every acknowledged request once with its Idempotency-Key (as a client that
lost the answer would). No request gets a 500, every acknowledged step is stored exactly once, and
the hash chain verifies. Bounded: 12 writers x 4 steps, each request with a 30-second timeout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.live import live_server

REF = "WMP-2026-0101"
WRITERS = 12
STEPS = 4


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Path]]:
    data = tmp_path_factory.mktemp("storm")
    with live_server(data) as base:
        yield base, (data / "token.txt").read_text().strip(), data


def call(
    base: str, token: str, path: str, body: Any = None, key: str | None = None
) -> tuple[int, Any]:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    if key:
        headers["Idempotency-Key"] = key
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def test_twelve_writers_on_one_case_get_no_500_and_lose_or_double_nothing(
    server: tuple[str, str, Path],
) -> None:
    base, token, data = server
    statuses: list[int] = []
    acknowledged: list[str] = []
    lock = threading.Lock()

    def writer(n: int) -> None:
        for i in range(STEPS):
            name = f"Storm witness {n}-{i}"
            body = {"on": "2026-11-24", "role": "witness", "name": name}
            key = f"storm-{n}-{i}"
            for _attempt in range(40):
                status, _ = call(base, token, f"/api/cases/{REF}/steps/add-party", body, key)
                with lock:
                    statuses.append(status)
                if status == 200:
                    again, _ = call(base, token, f"/api/cases/{REF}/steps/add-party", body, key)
                    with lock:
                        statuses.append(again)
                        acknowledged.append(name)
                    break

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads)
    assert 500 not in statuses and set(statuses) <= {200, 409}, sorted(set(statuses))
    assert len(acknowledged) == WRITERS * STEPS
    status, case = call(base, token, f"/api/cases/{REF}")
    assert status == 200
    stored = [t for t in case["timeline"] if t["type"] == "PartyAdded"]
    assert len(stored) == WRITERS * STEPS  # each once: the repeated requests recorded nothing
    env = {**os.environ, "MISCONDUCT_DATA_DIR": str(data)}
    env.pop("DATABASE_URL", None)
    verify = subprocess.run(
        [str(Path(sys.executable).parent / "misconduct"), "audit", "verify"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr
