"""The migrations match the models, and the append-only triggers are written by one helper that still
writes, statement for statement, what each migration wrote before the helper existed."""

from __future__ import annotations

import importlib
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from misconduct.app import append_only
from tests.app.casefile.test_reference_race import sqlite_race_db
from tests.app.test_concurrency import race_db

__all__ = ["race_db", "sqlite_race_db"]


@pytest.mark.django_db
def test_makemigrations_finds_nothing_to_write() -> None:
    out = StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out, stderr=out)
    except SystemExit:  # --check exits non-zero when a migration is missing
        pytest.fail(f"a model change has no migration:\n{out.getvalue()}")
    assert "No changes detected" in out.getvalue()


# The statements each migration held before ``misconduct.app.append_only`` existed, copied verbatim
# from main at 81d0c9c. They are what every database migrated so far ran.
FROZEN = {
    "0002_event_append_only": (
        append_only.triggers("misconduct_event"),
        {
            "sqlite": [
                "CREATE TRIGGER misconduct_event_no_update BEFORE UPDATE ON misconduct_event\n       BEGIN SELECT RAISE(ABORT, 'misconduct_event is append-only: UPDATE refused'); END",
                "CREATE TRIGGER misconduct_event_no_delete BEFORE DELETE ON misconduct_event\n       BEGIN SELECT RAISE(ABORT, 'misconduct_event is append-only: DELETE refused'); END",
            ],
            "postgresql": [
                "CREATE FUNCTION misconduct_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$\n       BEGIN RAISE EXCEPTION 'misconduct_event is append-only: % refused', TG_OP; END $$",
                "CREATE TRIGGER misconduct_event_no_update_delete BEFORE UPDATE OR DELETE ON misconduct_event\n       FOR EACH ROW EXECUTE FUNCTION misconduct_event_append_only()",
                "CREATE TRIGGER misconduct_event_no_truncate BEFORE TRUNCATE ON misconduct_event\n       FOR EACH STATEMENT EXECUTE FUNCTION misconduct_event_append_only()",
            ],
        },
        {
            "sqlite": [
                "DROP TRIGGER IF EXISTS misconduct_event_no_update",
                "DROP TRIGGER IF EXISTS misconduct_event_no_delete",
            ],
            "postgresql": [
                "DROP TRIGGER IF EXISTS misconduct_event_no_truncate ON misconduct_event",
                "DROP TRIGGER IF EXISTS misconduct_event_no_update_delete ON misconduct_event",
                "DROP FUNCTION IF EXISTS misconduct_event_append_only()",
            ],
        },
    ),
    "0005_safety_ledger": (
        append_only.triggers("misconduct_ledgerentry", prefix="misconduct_ledger"),
        {
            "sqlite": [
                "CREATE TRIGGER misconduct_ledger_no_update BEFORE UPDATE ON misconduct_ledgerentry\n       BEGIN SELECT RAISE(ABORT, 'misconduct_ledgerentry is append-only: UPDATE refused'); END",
                "CREATE TRIGGER misconduct_ledger_no_delete BEFORE DELETE ON misconduct_ledgerentry\n       BEGIN SELECT RAISE(ABORT, 'misconduct_ledgerentry is append-only: DELETE refused'); END",
            ],
            "postgresql": [
                "CREATE FUNCTION misconduct_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$\n       BEGIN RAISE EXCEPTION 'misconduct_ledgerentry is append-only: % refused', TG_OP; END $$",
                "CREATE TRIGGER misconduct_ledger_no_update_delete BEFORE UPDATE OR DELETE\n       ON misconduct_ledgerentry FOR EACH ROW EXECUTE FUNCTION misconduct_ledger_append_only()",
                "CREATE TRIGGER misconduct_ledger_no_truncate BEFORE TRUNCATE ON misconduct_ledgerentry\n       FOR EACH STATEMENT EXECUTE FUNCTION misconduct_ledger_append_only()",
            ],
        },
        {
            "sqlite": [
                "DROP TRIGGER IF EXISTS misconduct_ledger_no_update",
                "DROP TRIGGER IF EXISTS misconduct_ledger_no_delete",
            ],
            "postgresql": [
                "DROP TRIGGER IF EXISTS misconduct_ledger_no_truncate ON misconduct_ledgerentry",
                "DROP TRIGGER IF EXISTS misconduct_ledger_no_update_delete ON misconduct_ledgerentry",
                "DROP FUNCTION IF EXISTS misconduct_ledger_append_only()",
            ],
        },
    ),
    "0007_safety_access_log": (
        append_only.triggers("misconduct_accessrecord"),
        {
            "sqlite": [
                "CREATE TRIGGER misconduct_accessrecord_no_update BEFORE UPDATE ON misconduct_accessrecord\n       BEGIN SELECT RAISE(ABORT, 'misconduct_accessrecord is append-only: UPDATE refused'); END",
                "CREATE TRIGGER misconduct_accessrecord_no_delete BEFORE DELETE ON misconduct_accessrecord\n       BEGIN SELECT RAISE(ABORT, 'misconduct_accessrecord is append-only: DELETE refused'); END",
            ],
            "postgresql": [
                "CREATE FUNCTION misconduct_accessrecord_append_only() RETURNS trigger LANGUAGE plpgsql AS $$\n       BEGIN RAISE EXCEPTION 'misconduct_accessrecord is append-only: % refused', TG_OP; END $$",
                "CREATE TRIGGER misconduct_accessrecord_no_update_delete BEFORE UPDATE OR DELETE ON misconduct_accessrecord\n       FOR EACH ROW EXECUTE FUNCTION misconduct_accessrecord_append_only()",
                "CREATE TRIGGER misconduct_accessrecord_no_truncate BEFORE TRUNCATE ON misconduct_accessrecord\n       FOR EACH STATEMENT EXECUTE FUNCTION misconduct_accessrecord_append_only()",
            ],
        },
        {
            "sqlite": [
                "DROP TRIGGER IF EXISTS misconduct_accessrecord_no_update",
                "DROP TRIGGER IF EXISTS misconduct_accessrecord_no_delete",
            ],
            "postgresql": [
                "DROP TRIGGER IF EXISTS misconduct_accessrecord_no_truncate ON misconduct_accessrecord",
                "DROP TRIGGER IF EXISTS misconduct_accessrecord_no_update_delete ON misconduct_accessrecord",
                "DROP FUNCTION IF EXISTS misconduct_accessrecord_append_only()",
            ],
        },
    ),
    "register 0002_register_review_append_only": (
        append_only.triggers("register_reviewevent", truncate=False),
        {
            "sqlite": [
                "CREATE TRIGGER register_reviewevent_no_update BEFORE UPDATE ON register_reviewevent\n       BEGIN SELECT RAISE(ABORT, 'register_reviewevent is append-only: UPDATE refused'); END",
                "CREATE TRIGGER register_reviewevent_no_delete BEFORE DELETE ON register_reviewevent\n       BEGIN SELECT RAISE(ABORT, 'register_reviewevent is append-only: DELETE refused'); END",
            ],
            "postgresql": [
                "CREATE FUNCTION register_reviewevent_append_only() RETURNS trigger LANGUAGE plpgsql AS $$\n       BEGIN RAISE EXCEPTION 'register_reviewevent is append-only: % refused', TG_OP; END $$",
                "CREATE TRIGGER register_reviewevent_no_update_delete BEFORE UPDATE OR DELETE ON register_reviewevent\n       FOR EACH ROW EXECUTE FUNCTION register_reviewevent_append_only()",
            ],
        },
        {
            "sqlite": [
                "DROP TRIGGER IF EXISTS register_reviewevent_no_update",
                "DROP TRIGGER IF EXISTS register_reviewevent_no_delete",
            ],
            "postgresql": [
                "DROP TRIGGER IF EXISTS register_reviewevent_no_update_delete ON register_reviewevent",
                "DROP FUNCTION IF EXISTS register_reviewevent_append_only()",
            ],
        },
    ),
}

# One statement differed from the rest only in where its line broke (it was written by hand to fit
# the source's line length). PostgreSQL keeps a trigger parsed, not as the text that created it
# (pg_get_triggerdef rebuilds the text), so the break never reached a database; the text is compared
# with its whitespace collapsed. Every other statement, and every statement SQLite keeps verbatim in
# sqlite_master or PostgreSQL keeps as a function body, is compared character for character.
REFLOWED = {
    "CREATE TRIGGER misconduct_ledger_no_update_delete BEFORE UPDATE OR DELETE\n       ON misconduct_ledgerentry FOR EACH ROW EXECUTE FUNCTION misconduct_ledger_append_only()"
}


def _collapsed(sql: str) -> str:
    return " ".join(sql.split())


@pytest.mark.parametrize("migration", sorted(FROZEN))
def test_the_helper_writes_what_each_migration_wrote(migration: str) -> None:
    written, up, down = FROZEN[migration]
    assert written.down == down
    assert set(written.up) == set(up)
    for vendor, statements in up.items():
        assert len(written.up[vendor]) == len(statements), vendor
        for new, old in zip(written.up[vendor], statements, strict=True):
            if old in REFLOWED:
                assert _collapsed(new) == _collapsed(old)
            else:
                assert new == old


def test_the_migrations_call_the_helper_for_each_append_only_table() -> None:
    """Each migration's operations include the helper's, for the table and options frozen above."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    by_name = {
        "0002_event_append_only": ("misconduct", "0002_event_append_only"),
        "0005_safety_ledger": ("misconduct", "0005_safety_ledger"),
        "0007_safety_access_log": ("misconduct", "0007_safety_access_log"),
        "register 0002_register_review_append_only": (
            "register",
            "0002_register_review_append_only",
        ),
    }

    class Recorder:
        def __init__(self, vendor: str) -> None:
            self.connection = type("C", (), {"vendor": vendor})()
            self.ran: list[str] = []

        def execute(self, sql: str, params: object = None) -> None:
            self.ran.append(sql)

    for name, key in by_name.items():
        written = FROZEN[name][0]
        migration = loader.disk_migrations[key]
        runs = [
            op
            for op in migration.operations
            if type(op).__name__ == "RunPython" and op.code.__qualname__.startswith("_run.")
        ]
        assert len(runs) == 1, name
        for vendor in ("sqlite", "postgresql"):
            forwards, backwards = Recorder(vendor), Recorder(vendor)
            runs[0].code(None, forwards)
            runs[0].reverse_code(None, backwards)
            assert forwards.ran == written.up[vendor], (name, vendor)
            assert backwards.ran == written.down[vendor], (name, vendor)


def test_an_unknown_database_is_refused_by_name() -> None:
    run = append_only.operation("misconduct_event").code
    editor = type("E", (), {"connection": type("C", (), {"vendor": "oracle"})()})()
    with pytest.raises(RuntimeError, match="no append-only triggers for the oracle database"):
        run(None, editor)


# -- the register's migrations 0006 (withdrawals) and 0007 (content hashes), on data ---------------


@pytest.fixture(params=["sqlite_race_db", "race_db"], ids=["sqlite", "postgresql"])
def own_db(request: pytest.FixtureRequest) -> str:
    """A migrated database of this test's own (SQLite file or PostgreSQL), to migrate back and
    forth without touching the session's test database."""
    return str(request.getfixturevalue(request.param))


def test_the_register_migrations_keep_records_and_log_and_hash_the_texts_kept(
    own_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime

    from django.db import DatabaseError, IntegrityError, connections, transaction
    from django.db.migrations.executor import MigrationExecutor

    from misconduct.app.register import store
    from misconduct.app.register.models import Record, ReviewEvent, Source
    from misconduct.ingest.content import content_sha256

    before = ("register", "0005_scope15_queue_indexes")
    call_command("migrate", *before, database=own_db, verbosity=0)
    old = MigrationExecutor(connections[own_db]).loader.project_state(before).apps
    now = datetime(2026, 12, 1, tzinfo=UTC)
    text = "Kent Police: PC A was dismissed after a misconduct hearing."

    def source(url: str, kept: str, origin: str = "ingested") -> Any:
        return (
            old.get_model("register", "Source")
            .objects.using(own_db)
            .create(
                origin=origin, url=url, licence="OGL", text=kept, text_sha256=url, ingested_at=now
            )
        )

    first = source("a.txt", text)
    repeat = source("b.txt", "  Kent Police: PC A was\ndismissed after a misconduct hearing.\n")
    facts_only = source("c.txt", "")
    own = source("/outcomes/KNT-2026-0001/", "", origin="system")
    other = source("e.txt", "Essex Police: PC B was given a written warning.")
    late_repeat = source("f.txt", text.replace("PC A", "PC\u00a0A"))
    waiting = (
        old.get_model("register", "Record")
        .objects.using(own_db)
        .create(source=first, position=0, label="PC A", pending=["force"], created_at=now)
    )
    old.get_model("register", "ReviewEvent").objects.using(own_db).create(
        record=waiting, field="rank", action="confirmed", reviewer="ann", recorded_at=now
    )

    # two sources a page, so that a repeat is found on a later page than its first
    hashing = importlib.import_module(
        "misconduct.app.register.migrations.0007_ingest15_content_hash"
    )
    monkeypatch.setattr(hashing, "BATCH", 2)
    call_command("migrate", "register", database=own_db, verbosity=0)
    hashes = dict(Source.objects.using(own_db).values_list("id", "content_sha256"))
    assert hashes == {
        first.id: content_sha256(text),
        repeat.id: None,
        facts_only.id: None,
        own.id: None,
        other.id: content_sha256("Essex Police: PC B was given a written warning."),
        late_repeat.id: None,
    }
    # the record waits as it did, not withdrawn, and the review log is still append-only
    assert list(store.queue().using(own_db).values_list("id", flat=True)) == [waiting.id]
    assert Record.objects.using(own_db).get().withdrawal is None
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(using=own_db):
        ReviewEvent.objects.using(own_db).update(reviewer="bob")
    # the content's hash is unique where set
    with pytest.raises(IntegrityError), transaction.atomic(using=own_db):
        Source.objects.using(own_db).create(
            origin="ingested",
            url="d.txt",
            licence="OGL",
            text_sha256="d",
            content_sha256=content_sha256(text),
            ingested_at=now,
        )
