"""``misconduct backup`` / ``restore`` (issue 13, finding 7): the whole database, verified after restore.

Each test makes databases of its own (SQLite files, or PostgreSQL databases when a server and the
PostgreSQL client tools are there) as extra Django aliases, so a restore never touches the test
database of the rest of the suite.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connections

from misconduct.app import backup as b
from misconduct.app import bootstrap
from misconduct.app.api.models import ApiToken
from misconduct.app.audit import _commitments_held
from misconduct.app.config import database
from misconduct.app.models import PersonalDatum
from misconduct.app.web.models import Membership
from misconduct.errors import InvalidInput
from misconduct.services.audit import verify_all
from misconduct.services.demo import load_demo
from tests import migrated
from tests.conftest import POSTGRES_PROBLEM, POSTGRES_URL
from tests.services.fakes import SteppingClock

MakeDb = Callable[..., str]


def _reset() -> None:
    connections._settings = None  # type: ignore[attr-defined]
    connections.__dict__.pop("settings", None)


@pytest.fixture
def make_db(django_db_blocker: Any, tmp_path: Path) -> Iterator[MakeDb]:
    """Make an extra database alias (SQLite file, or a PostgreSQL database), migrated if asked (a
    copy of one migrated once per session: tests/migrated.py)."""
    made: list[tuple[str, str | None]] = []

    def make(kind: str = "sqlite", *, migrate: bool = True) -> str:
        alias = f"bk_{uuid.uuid4().hex[:10]}"
        if kind == "sqlite":
            path = tmp_path / f"{alias}.sqlite3"
            if migrate:
                migrated.sqlite_at(path)
            settings.DATABASES[alias] = database(f"sqlite:///{path}", {})
            made.append((alias, None))
        else:
            if migrate:
                migrated.create_postgres(alias)
            else:
                with psycopg.connect(_server(), autocommit=True) as admin:
                    admin.execute(f'CREATE DATABASE "{alias}"')
            settings.DATABASES[alias] = {**database(POSTGRES_URL, os.environ), "NAME": alias}
            made.append((alias, alias))
        _reset()
        return alias

    with django_db_blocker.unblock():
        yield make
        for alias, pg_name in made:
            connections[alias].close()
            del settings.DATABASES[alias]
            if pg_name is not None:
                with psycopg.connect(_server(), autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
        _reset()


def _server() -> str:
    return POSTGRES_URL.replace("postgres://", "postgresql://", 1)


def _fill(alias: str) -> None:
    """The demo cases, and a user with a role and an API token."""
    load_demo(bootstrap.service("tester", SteppingClock(), using=alias))
    user = get_user_model().objects.db_manager(alias).create_user("psd.lead", password="x" * 12)
    Membership.objects.using(alias).create(user=user, role="appropriate_authority", force="kent")
    ApiToken.objects.using(alias).create(
        user=user, name="cron", key_hash="a" * 64, prefix="msc_aaaaaa"
    )


def _snapshot(alias: str) -> dict[str, Any]:
    with bootstrap.uow_factory(alias)() as uow:  # type: ignore[attr-defined]
        cases = [(s.ref, s.stage, s.version, s.officers) for s in uow.cases.summaries()]
        hashes = {ref: [r.hash for r in uow.cases.events(ref)] for ref in uow.cases.refs()}
    users = list(get_user_model().objects.using(alias).values_list("username", "password"))
    roles = list(Membership.objects.using(alias).values_list("user__username", "role", "force"))
    tokens = list(ApiToken.objects.using(alias).values_list("key_hash", "name"))
    return {"cases": cases, "hashes": hashes, "users": users, "roles": roles, "tokens": tokens}


def _round_trip(make_db: MakeDb, kind: str, tmp_path: Path) -> None:
    source = make_db(kind)
    _fill(source)
    path = tmp_path / "whole.backup"
    made = b.backup(path, source)
    held = b.counts(source)
    assert made.counts == held and held.cases >= 14 and held.users >= 1
    target = make_db(kind, migrate=False)  # a new, empty database: restore creates every table
    done = b.restore(path, target)
    assert done.audit.ok, done.audit.problems
    assert (done.audit.cases, done.audit.events) == (held.cases, held.events)
    assert verify_all(bootstrap.uow_factory(target)).ok  # type: ignore[arg-type]
    assert _snapshot(target) == _snapshot(source)
    # each held personal value comes back with its commitment, which PostgreSQL's restored check
    # constraint (validated, as made) holds to it: the audit relies on it there as on the source
    data = PersonalDatum.objects.using(target).exclude(value=None)
    assert data.exists() and not data.filter(commitment=None).exists()
    assert _commitments_held(target) == _commitments_held(source) == (kind == "postgresql")


def test_sqlite_backup_restores_the_whole_database_into_an_empty_one(
    make_db: MakeDb, tmp_path: Path
) -> None:
    _round_trip(make_db, "sqlite", tmp_path)


def test_postgresql_round_trip_with_pg_dump_and_pg_restore(make_db: MakeDb, tmp_path: Path) -> None:
    missing = [t for t in ("pg_dump", "pg_restore") if shutil.which(t) is None]
    if POSTGRES_PROBLEM is not None or missing:
        # scripts/system-deps.sh does not install the PostgreSQL client, so CI skips too.
        pytest.skip(
            f"needs a PostgreSQL server and its client tools: {POSTGRES_PROBLEM or missing}"
        )
    _round_trip(make_db, "postgresql", tmp_path)


def test_restore_refuses_a_database_that_is_not_empty_and_writes_nothing(
    make_db: MakeDb, tmp_path: Path
) -> None:
    source = make_db()
    _fill(source)
    path = tmp_path / "whole.backup"
    b.backup(path, source)
    target = make_db()
    load_demo(bootstrap.service("other", SteppingClock(), using=target))
    before = _snapshot(target)
    with pytest.raises(InvalidInput) as refused:
        b.restore(path, target)
    assert "an empty database" in str(refused.value) and "--force" in str(refused.value)
    assert _snapshot(target) == before
    assert b.restore(path, target, force=True).audit.ok
    assert _snapshot(target) == _snapshot(source)


def _refused(path: Path, target: str, words: str) -> None:
    before = b.counts(target)
    with pytest.raises(InvalidInput) as refused:
        b.restore(path, target)
    assert refused.value.field == "FILE" and words in str(refused.value), str(refused.value)
    assert b.counts(target) == before == b.Counts(0, 0, 0)


def test_restore_refuses_corrupt_foreign_and_tampered_files_writing_nothing(
    make_db: MakeDb, tmp_path: Path
) -> None:
    source = make_db()
    _fill(source)
    good = tmp_path / "good.backup"
    b.backup(good, source)
    target = make_db()

    _refused(tmp_path / "absent.backup", target, "an existing backup file")
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"not a backup at all\n" * 50)
    _refused(junk, target, "neither a SQLite database nor a PostgreSQL dump")
    truncated = tmp_path / "truncated.backup"
    truncated.write_bytes(good.read_bytes()[:6000])
    _refused(truncated, target, "undamaged")
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    _refused(foreign, target, "a backup of this application")
    newer = tmp_path / "newer.backup"
    shutil.copy(good, newer)
    with sqlite3.connect(newer) as db:
        db.execute(
            "INSERT INTO django_migrations (app, name, applied) VALUES ('misconduct', '9999_future', '2030-01-01')"
        )
    _refused(newer, target, "9999_future")
    tampered = tmp_path / "tampered.backup"
    shutil.copy(good, tampered)
    with sqlite3.connect(tampered) as db:
        db.execute("DROP TRIGGER misconduct_event_no_update")
        db.execute("UPDATE misconduct_event SET actor = 'someone else' WHERE id = 3")
    _refused(tampered, target, "broken chain")


def test_backup_will_not_replace_a_file_unless_forced(make_db: MakeDb, tmp_path: Path) -> None:
    source = make_db()
    path = tmp_path / "exists.backup"
    path.write_text("keep me")
    with pytest.raises(InvalidInput, match="does not exist yet"):
        b.backup(path, source)
    assert path.read_text() == "keep me"
    b.backup(path, source, overwrite=True)
    assert path.read_bytes().startswith(b.SQLITE_MAGIC)
    assert not list(tmp_path.glob(".exists.backup.partial-*"))


def _evidence_in(settings: Any, folder: Path) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(folder)},
        },
    }


def test_evidence_files_are_backed_up_beside_the_database_and_restored_then_audited(
    make_db: MakeDb, tmp_path: Path, settings: Any
) -> None:
    from misconduct.app.evidence import DjangoFileStore
    from misconduct.services import evidence as ev
    from tests.services.test_evidence import PDF

    _evidence_in(settings, tmp_path / "live-evidence")
    source = make_db()
    _fill(source)
    service = bootstrap.service("tester", SteppingClock(), using=source)
    with bootstrap.uow_factory(source)() as uow:  # type: ignore[attr-defined]
        ref = next(s.ref for s in uow.cases.summaries() if not s.closed)
    statement = PDF.replace(b"<<>>", b"<</Statement 1>>")
    for name, content in (("statement.pdf", statement), ("report.pdf", PDF)):
        ev.attach(service, DjangoFileStore(), ref, ev.Upload(name, content, name, ""), limit=10**6)
    path = tmp_path / "whole.backup"
    made = b.backup(path, source)
    assert made.evidence == 2 and made.evidence_missing == ()
    assert b.evidence_archive(path).exists()

    _evidence_in(settings, tmp_path / "new-evidence")  # a new machine: no evidence files yet
    target = make_db(migrate=False)
    done = b.restore(path, target)
    assert done.evidence == 2 and done.audit.ok, done.audit.problems
    assert DjangoFileStore().read(hashlib.sha256(statement).hexdigest()) == statement

    _evidence_in(settings, tmp_path / "third-evidence")  # the archive lost: the audit says so
    b.evidence_archive(path).unlink()
    bare = make_db(migrate=False)
    lost = b.restore(path, bare)
    assert lost.evidence == 0 and not lost.audit.ok
    assert any(
        "evidence file" in p.problem and "is missing" in p.problem for p in lost.audit.problems
    )
