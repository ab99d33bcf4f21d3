"""Writers opening cases at the same moment, in threads with their own connections, on SQLite and on
PostgreSQL: every case gets its own reference, numbered on from the last, and every chain verifies.

Each writer reads the references in use, then waits for the others before writing, so they all pick
the same next number: one wins, the others find it taken and take the next.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connections

from misconduct.app.config import database
from misconduct.app.repository import DjangoUnitOfWork
from misconduct.services import intake
from misconduct.services.audit import verify_all
from misconduct.services.cases import CaseService
from tests import migrated
from tests.app.test_concurrency import _in_threads, _reset_connection_settings, race_db
from tests.services.fakes import SteppingClock
from tests.services.test_intake import overtime

WRITERS = 4
__all__ = ["race_db"]


@pytest.fixture
def sqlite_race_db(tmp_path: Path, django_db_blocker: Any) -> Iterator[str]:
    """A migrated SQLite file database of this test's own (threads cannot share :memory:)."""
    alias = "sqlite_race"
    with django_db_blocker.unblock():
        migrated.sqlite_at(tmp_path / "race.sqlite3")  # a copy of one migrated once per session
    settings.DATABASES[alias] = database(f"sqlite:///{tmp_path / 'race.sqlite3'}", os.environ)
    _reset_connection_settings()
    try:
        with django_db_blocker.unblock():
            yield alias
    finally:
        connections[alias].close()
        # The handler keeps this thread's connection by alias, with this test's file: the next test
        # of the session to use the alias must get a connection to its own file.
        del connections[alias]
        del settings.DATABASES[alias]
        _reset_connection_settings()


def _race(alias: str, monkeypatch: pytest.MonkeyPatch) -> None:
    barrier = threading.Barrier(WRITERS, timeout=30)
    waited: set[int] = set()
    real = intake.next_number

    def meeting(refs: Any, force: str, year: int) -> int:
        number = real(refs, force, year)
        if threading.get_ident() not in waited:  # the first attempt of each writer waits
            waited.add(threading.get_ident())
            barrier.wait()
        return number

    monkeypatch.setattr(intake, "next_number", meeting)
    opened: list[str] = []

    def writer(name: str) -> Any:
        svc = CaseService(lambda: DjangoUnitOfWork(alias), clock=SteppingClock(), actor=name)
        return lambda: opened.append(intake.open_case(svc, overtime()).ref)

    outcome = _in_threads({f"w{i}": writer(f"w{i}") for i in range(WRITERS)})
    assert all(error is None for error in outcome.values()), outcome
    assert sorted(opened) == [f"MPS-2026-{n:04d}" for n in range(1, WRITERS + 1)]
    report = verify_all(lambda: DjangoUnitOfWork(alias))
    assert report.ok and report.cases == WRITERS


def test_writers_opening_at_once_on_sqlite_get_distinct_references(
    sqlite_race_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _race(sqlite_race_db, monkeypatch)


def test_writers_opening_at_once_on_postgresql_get_distinct_references(
    race_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _race(race_db, monkeypatch)
