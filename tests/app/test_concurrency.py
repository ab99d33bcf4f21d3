"""Two writers racing on one case, on PostgreSQL, in two threads with their own connections.

Each race runs in a throw-away database created for it and dropped after (the append-only triggers
refuse the DELETE and TRUNCATE a normal test cleanup would need). Without a reachable server the test
is skipped with the reason, or fails under CI, as the other PostgreSQL runs do.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any

import psycopg
import pytest
from django.conf import settings
from django.db import connections

from misconduct.app.config import database
from misconduct.app.repository import DjangoRepository, DjangoUnitOfWork
from misconduct.domain import commands as c
from misconduct.domain.case import Case
from misconduct.domain.ledger import RecordedEvent
from misconduct.domain.records import PartyRecord
from misconduct.domain.terms import PartyRole
from misconduct.errors import Conflict
from misconduct.services.audit import verify_all
from misconduct.services.cases import CaseService
from misconduct.services.demo import officer_id, other_cases
from tests import migrated
from tests.conftest import POSTGRES_PROBLEM, POSTGRES_URL
from tests.services.fakes import SteppingClock

D = date.fromisoformat
REF = "KNT-2026-0103"
OFFICER = officer_id("kent", "18802")


def _server_url() -> str:
    return POSTGRES_URL.replace("postgres://", "postgresql://", 1)


def _reset_connection_settings() -> None:
    connections._settings = None  # type: ignore[attr-defined]
    connections.__dict__.pop("settings", None)


@pytest.fixture
def race_db(django_db_blocker: Any) -> Iterator[str]:
    """A migrated PostgreSQL database of this test's own, as a Django alias; dropped afterwards."""
    if POSTGRES_PROBLEM is not None:
        message = f"PostgreSQL not reachable at {POSTGRES_URL}: {POSTGRES_PROBLEM}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    name = f"misconduct_race_{uuid.uuid4().hex[:12]}"
    alias = name
    with django_db_blocker.unblock():
        migrated.create_postgres(name)  # a copy of one migrated once per session
    settings.DATABASES[alias] = {**database(POSTGRES_URL, os.environ), "NAME": name}
    _reset_connection_settings()
    try:
        with django_db_blocker.unblock():
            yield alias
    finally:
        connections[alias].close()
        del settings.DATABASES[alias]
        _reset_connection_settings()
        with psycopg.connect(_server_url(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class _MeetingRepository(DjangoRepository):
    """The real repository, made to wait at ``append`` until the other writer is there too, so both
    have read the case at the same version before either writes."""

    def __init__(self, using: str, barrier: threading.Barrier) -> None:
        super().__init__(using)
        self.barrier = barrier

    def append(
        self, ref: str, expected_version: int, new: Sequence[RecordedEvent], case: Case
    ) -> None:
        self.barrier.wait()
        super().append(ref, expected_version, new, case)


def _service(alias: str, actor: str, barrier: threading.Barrier | None = None) -> CaseService:
    def uow() -> DjangoUnitOfWork:
        unit = DjangoUnitOfWork(alias)
        if barrier is not None:
            unit.cases = _MeetingRepository(alias, barrier)
        return unit

    return CaseService(uow, clock=SteppingClock(), actor=actor)


def _in_threads(jobs: dict[str, Callable[[], object]]) -> dict[str, BaseException | None]:
    """Run each job in its own thread (its own database connection); what each raised, if anything."""
    outcome: dict[str, BaseException | None] = {}

    def run(name: str, job: Callable[[], object]) -> None:
        try:
            job()
            outcome[name] = None
        except BaseException as exc:  # reported to the test, not swallowed
            outcome[name] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=item) for item in jobs.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a writer is still waiting"
    return outcome


def test_two_writers_race_on_one_version_exactly_one_wins(race_db: str) -> None:
    demo = next(d for d in other_cases() if d.ref == REF)
    _service(race_db, "loader").open(demo.opening, demo.steps)
    seen = _service(race_db, "reader").case(REF).version
    barrier = threading.Barrier(2, timeout=30)
    first = _service(race_db, "first", barrier)
    second = _service(race_db, "second", barrier)
    outcome = _in_threads(
        {
            "first": lambda: first.execute(
                REF, c.ReceiveRegulation18Response(D("2026-11-20")), expected_version=seen
            ),
            "second": lambda: second.execute(
                REF, c.RecordInterview(D("2026-11-21"), OFFICER), expected_version=seen
            ),
        }
    )
    winners = [name for name, error in outcome.items() if error is None]
    losers = {name: error for name, error in outcome.items() if error is not None}
    assert len(winners) == 1, outcome
    assert [type(e) for e in losers.values()] == [Conflict], outcome
    history = _service(race_db, "reader").history(REF)
    assert [(e.sequence, e.actor) for e in history[seen - 1 :]] == [
        (seen, "loader"),
        (seen + 1, winners[0]),
    ]
    report = verify_all(lambda: DjangoUnitOfWork(race_db))
    assert report.ok and report.events == seen + 1


def test_writers_that_retry_on_conflict_lose_nothing(race_db: str) -> None:
    demo = next(d for d in other_cases() if d.ref == REF)
    _service(race_db, "loader").open(demo.opening, demo.steps)
    start = _service(race_db, "reader").case(REF).version
    per_writer = 4
    conflicts: list[str] = []

    def writer(actor: str) -> Callable[[], None]:
        svc = _service(race_db, actor)

        def run() -> None:
            added = 0
            while added < per_writer:
                version = svc.case(REF).version
                party = PartyRecord(PartyRole.WITNESS, f"{actor} witness {added}")
                try:
                    svc.execute(REF, c.AddParty(D("2026-11-20"), party), expected_version=version)
                    added += 1
                except Conflict:
                    conflicts.append(actor)

        return run

    outcome = _in_threads({"a": writer("a"), "b": writer("b")})
    assert outcome == {"a": None, "b": None}
    case = _service(race_db, "reader").case(REF)
    names = sorted(p.name for p in case.parties if p.role is PartyRole.WITNESS)
    assert names == sorted(f"{w} witness {i}" for w in "ab" for i in range(per_writer))
    assert case.version == start + 2 * per_writer
    assert verify_all(lambda: DjangoUnitOfWork(race_db)).ok
