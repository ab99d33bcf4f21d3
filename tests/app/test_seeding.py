"""``misconduct db seed`` writes through the one write path: every chain and ledger entry verifies,
the stored read models are what a fold of the events gives and what ``db rebuild`` writes again, and
cases built by worker processes are the cases one process builds. On SQLite and on PostgreSQL."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from misconduct.app import models as m
from misconduct.app import seeding
from misconduct.app.audit import verify_database
from misconduct.app.read_tables import expected_rows, rebuild, stored_rows
from misconduct.app.repository import DjangoRepository
from tests.conftest import POSTGRES_PROBLEM, POSTGRES_URL
from tests.services.fakes import SteppingClock

ON = date(2026, 11, 25)


@pytest.mark.django_db(databases="__all__")
def test_seeded_read_models_are_the_fold_and_what_a_rebuild_writes(alias: str) -> None:
    written = seeding.seed(
        300, 4, ON, actor="seed", clock=SteppingClock(), batch=120, workers=0, using=alias
    )
    assert written == 300
    assert gc.isenabled() and gc.get_freeze_count() == 0  # the collector as it was before seeding
    ids = list(m.Case.objects.using(alias).order_by("id").values_list("id", flat=True))
    assert len(ids) == 300
    stored = stored_rows(alias, ids)
    folded = DjangoRepository(alias).fold_many(ids)
    assert stored == {pk: expected_rows(folded[pk][0]) for pk in ids}
    assert sum(1 for rows in stored.values() if rows[5]) >= 20  # public records among them
    rebuild(alias)
    assert stored_rows(alias, ids) == stored
    report = verify_database(alias)
    assert report.ok, report.problems[:3]
    assert (report.cases, report.ledger) == (300, 300)
    assert report.events == m.Event.objects.using(alias).count() > 3000


# Run in the seeded database's own process: what was written, as values that do not depend on the
# salts or the moment of writing, and whether the read models equal a fold and a rebuild.
CHECK = """
import hashlib, json
from misconduct.app import bootstrap
bootstrap.setup()
from misconduct.app import models as m
from misconduct.app.read_tables import expected_rows, rebuild, stored_rows
from misconduct.app.repository import DjangoRepository
from misconduct.domain.codec import to_plain
ids = list(m.Case.objects.order_by("id").values_list("id", flat=True))
repo = DjangoRepository()
stored = stored_rows("default", ids)
folded = repo.fold_many(ids)
fold = all(stored[pk] == expected_rows(folded[pk][0]) for pk in ids)
rebuild()
again = stored_rows("default", ids) == stored
digest = hashlib.sha256()
for ref, case in sorted(repo.load_states().items()):
    digest.update(json.dumps([ref, to_plain(case)], sort_keys=True, default=str).encode())
for row in m.Event.objects.order_by("case__ref", "sequence").values_list(
    "case__ref", "sequence", "type", "occurred_on", "actor", "rules_version"
):
    digest.update(repr(row).encode())
print(json.dumps({"cases": len(ids), "fold": fold, "rebuild": again, "digest": digest.hexdigest()}))
"""


def _run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _seed(env: dict[str, str], workers: int) -> dict[str, object]:
    cli = ["-m", "misconduct", "db"]
    _run([*cli, "init"], env)
    options = ["--cases", "150", "--seed", "6", "--on", ON.isoformat(), "--batch", "40"]
    out = _run([*cli, "seed", *options, "--workers", str(workers)], env)
    assert "Seeded 150 cases" in out
    verified = _run(["-m", "misconduct", "audit", "verify", "--replay"], env)
    assert "every chain, ledger entry and stored state verifies" in verified, verified
    checked: dict[str, object] = json.loads(_run(["-c", CHECK], env).strip().splitlines()[-1])
    return checked


@pytest.fixture(params=["sqlite", "postgresql"])
def databases(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[list[dict[str, str]]]:
    """Two empty databases of one kind, as environments for the command line."""
    base = {
        **os.environ,
        "MISCONDUCT_SECRET_KEY": "test-only-not-a-secret",
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    base.pop("DATABASE_URL", None)
    if request.param == "sqlite":
        yield [{**base, "MISCONDUCT_DATA_DIR": str(tmp_path / name)} for name in ("one", "two")]
        return
    if POSTGRES_PROBLEM is not None:
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}: {POSTGRES_PROBLEM}")
    import psycopg

    server = POSTGRES_URL.rpartition("/")[0].replace("postgres://", "postgresql://", 1)
    names = [f"test_seed_{uuid.uuid4().hex[:12]}" for _ in range(2)]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as c:
        for name in names:
            c.execute(f'CREATE DATABASE "{name}"')
    try:
        yield [
            {**base, "MISCONDUCT_DATA_DIR": str(tmp_path), "DATABASE_URL": f"{server}/{name}"}
            for name in names
        ]
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as c:
            for name in names:
                c.execute(f'DROP DATABASE IF EXISTS "{name}"')


def test_cases_built_by_worker_processes_are_the_cases_one_process_builds(
    databases: list[dict[str, str]],
) -> None:
    parallel, single = (_seed(env, workers) for env, workers in zip(databases, (2, 0), strict=True))
    assert parallel == single
    assert parallel["cases"] == 150
    assert parallel["fold"] is True and parallel["rebuild"] is True


# A worker's read while another connection holds SQLite's write lock (as the writing process does
# for each batch): the read must not queue for that lock. It used to run in a transaction, which
# this project begins IMMEDIATE, and on a loaded machine `db seed` stopped with "database is locked".
WORKER_READ = """
import sqlite3, sys
from datetime import date
from misconduct.app import bootstrap
bootstrap.setup()
from django.conf import settings
from misconduct.app import seeding
from tests.services.fakes import SteppingClock
holder = sqlite3.connect(settings.DATABASES["default"]["NAME"], isolation_level=None)
holder.execute("BEGIN IMMEDIATE")
seeding._start("seed", SteppingClock(), "default")
rows = seeding._build((0, 5, 6, date(2026, 11, 25)))
holder.execute("ROLLBACK")
print(len(rows.officers) > 0)
"""


def test_a_worker_reads_without_waiting_for_the_writers_lock(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "MISCONDUCT_SECRET_KEY": "test-only-not-a-secret",
        "PYTHONPATH": os.pathsep.join(sys.path),
        "MISCONDUCT_DATA_DIR": str(tmp_path),
        "MISCONDUCT_SQLITE_BUSY_TIMEOUT": "1",
    }
    env.pop("DATABASE_URL", None)
    _run(["-m", "misconduct", "db", "init"], env)
    assert _run(["-c", WORKER_READ], env).strip().splitlines()[-1] == "True"
