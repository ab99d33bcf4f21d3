"""Benchmarks over a seeded database: case replay, loading the stored states, the public register's
pages and its API list.

The database is a fresh SQLite file in a temporary folder, seeded once with generated cases through
the case service (the same write path as the web app), so the figures say what the app does with
that many cases on this machine.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache

from generated import generated_cases

PUBLISHED = 1000
UNPUBLISHED = 250
MIN_SECONDS = 2.0
MAX_REQUESTS = 500


@cache
def seeded() -> tuple[int, int]:
    """Seed the database once; returns (cases, seconds taken)."""
    os.environ["MISCONDUCT_DATA_DIR"] = tempfile.mkdtemp(prefix="misconduct-bench-")
    os.environ.setdefault("MISCONDUCT_SECRET_KEY", "bench-only-not-a-secret")
    # The access log's line a request (INFO) would bury the figures under thousands of lines.
    os.environ.setdefault("MISCONDUCT_LOG_LEVEL", "WARNING")
    from misconduct.app import bootstrap

    bootstrap.setup()
    bootstrap.init_db()
    from django.db import transaction

    service = bootstrap.service("bench", lambda: datetime(2026, 11, 20, 9, tzinfo=UTC))
    cases = generated_cases(PUBLISHED, published_only=True)
    cases += [c for c in generated_cases(PUBLISHED + UNPUBLISHED * 4) if not _published(c)][
        :UNPUBLISHED
    ]
    start = time.perf_counter()
    with transaction.atomic():  # one commit: seeding is not what is measured
        for opening, steps in cases:
            service.open(opening, steps)
    return len(cases), round(time.perf_counter() - start)


def _published(case: tuple[object, tuple[object, ...]]) -> bool:
    return any(type(s).__name__ == "PublishOutcome" for s in case[1])


def _data() -> str:
    total, seconds = seeded()
    return f"{total:,} generated cases ({PUBLISHED:,} published), SQLite, seeded in {seconds} s"


def bench_case_replay() -> str:
    seeded()
    from misconduct.app.repository import DjangoRepository
    from misconduct.domain.case import Case

    repo = DjangoRepository()
    histories = [[r.event() for r in repo.events(ref)] for ref in repo.refs()]  # decoded first
    events = sum(len(h) for h in histories)
    start = time.perf_counter()
    for h in histories:
        Case.from_events(h)
    elapsed = time.perf_counter() - start
    return (
        f"{events / elapsed:,.0f} events folded/s, {len(histories) / elapsed:,.0f} cases/s "
        f"({len(histories):,} cases, {events:,} events decoded beforehand, {elapsed:.2f} s)"
    )


def bench_case_load() -> str:
    seeded()
    from misconduct.app.repository import DjangoUnitOfWork
    from misconduct.services.cases import load

    with DjangoUnitOfWork() as uow:
        refs = uow.cases.refs()
        start = time.perf_counter()
        events = sum(len(load(uow, ref)[1]) for ref in refs)
        elapsed = time.perf_counter() - start
    return (
        f"{len(refs) / elapsed:,.0f} cases/s, {events / elapsed:,.0f} events/s read, decoded and "
        f"folded ({len(refs):,} cases, {events:,} events, {elapsed:.2f} s; {_data()})"
    )


def bench_case_state_load() -> str:
    seeded()
    from misconduct.app.repository import DjangoRepository

    repo = DjangoRepository()
    start = time.perf_counter()
    cases = repo.load_states()
    elapsed = time.perf_counter() - start
    return (
        f"{len(cases) / elapsed:,.0f} cases/s read and decoded from their stored state, in one "
        f"query ({len(cases):,} cases, {elapsed:.2f} s; {_data()})"
    )


def _requests_per_second(path: str, check: Callable[[bytes], bool]) -> str:
    seeded()
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    cold = time.perf_counter()
    first = client.get(path)
    cold = time.perf_counter() - cold
    if first.status_code != 200 or not check(first.content):
        raise SystemExit(f"{path}: unexpected answer {first.status_code}")
    count, start = 0, time.perf_counter()
    while count < MAX_REQUESTS and (count < 3 or time.perf_counter() - start < MIN_SECONDS):
        assert client.get(path).status_code == 200
        count += 1
    elapsed = time.perf_counter() - start
    return (
        f"{count / elapsed:,.1f} requests/s, {elapsed / count * 1000:,.1f} ms each "
        f"after a first request of {cold * 1000:,.0f} ms (GET {path}, Django test client, "
        f"one process, {len(first.content) // 1024:,} KiB; {_data()})"
    )


def bench_public_register_page() -> str:
    return _requests_per_second("/", lambda body: b'rel="next"' in body)


def bench_public_register_page_2() -> str:
    """The second page, reached as a reader reaches it: by the first page's link (keyset paging)."""
    import re

    seeded()
    from django.test import Client

    first = Client(HTTP_HOST="127.0.0.1").get("/").content.decode()
    after = re.search(r'after=([^"&]+)" rel="next"', first)
    if after is None:
        raise SystemExit("/: the first page of the register links to no next page")
    return _requests_per_second(f"/?after={after.group(1)}", lambda body: b'rel="prev"' in body)


def bench_public_force_page() -> str:
    return _requests_per_second("/outcomes/force/metropolitan/", lambda body: b"Outcome:" in body)


def bench_public_record_page() -> str:
    return _requests_per_second("/outcomes/MPS-2025-0001-B00000/", lambda body: b"PC A" in body)


def bench_public_document() -> str:
    """The published outcome as a web page: written from the case, every free text scrubbed by the
    redaction policy and the finished file checked again (``documents.redaction``)."""
    return _requests_per_second(
        "/outcomes/MPS-2025-0001-B00000/published-outcome.html", lambda body: b"PC A" in body
    )


def bench_public_api_list() -> str:
    return _requests_per_second("/api/public/outcomes", lambda body: body.startswith(b"["))
