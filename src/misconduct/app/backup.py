"""Backup and restore of the whole database: cases, events, users, roles, tokens, sessions, everything.

SQLite is copied with its online backup API (``sqlite3.Connection.backup``), so a backup may be taken
while the application is serving. PostgreSQL is dumped and restored with its own tools (``pg_dump
-Fc`` and ``pg_restore``), which must be installed where the command runs.

Evidence files are kept outside the database (the ``evidence`` storage), with only their SHA-256 in
the hash chain. ``backup`` writes every file the chains record into an archive beside the database
backup (``FILE.evidence.tar``, one member per file, named by its SHA-256); ``restore`` puts each back
after checking its content against its name, and the audit then checks every recorded file.

A file is accepted for restore only if it is a backup of this application: a database (or dump) with
the application's event log and a migration history this version of the code knows. A restore refuses
to overwrite a database holding cases or users unless forced, applies any migrations newer than the
backup, and then runs the whole audit (``app.audit.verify_database``: chains, ledger, stored states).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from misconduct.domain.ledger import BrokenLink, RecordedEvent, verify_chain
from misconduct.domain.personal import Datum
from misconduct.errors import InvalidInput, MisconductError

if TYPE_CHECKING:
    from misconduct.app.audit import Report

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
# Tables every backup of this application has: the migration history and the event log.
REQUIRED_TABLES = ("django_migrations", "misconduct_case", "misconduct_event")
# A database holding a row in any of these is not empty: restore refuses to overwrite it unforced.
CONTENT_TABLES = ("misconduct_case", "misconduct_event", "auth_user")
FILE_FIELD = "FILE"


@dataclass(frozen=True)
class Counts:
    cases: int
    events: int
    users: int

    def __str__(self) -> str:
        return f"{self.cases} cases, {self.events} events, {self.users} users"


@dataclass(frozen=True)
class Backup:
    engine: str
    path: Path
    counts: Counts
    evidence: int = 0
    """Evidence files written to :func:`evidence_archive` beside the backup."""
    evidence_missing: tuple[str, ...] = ()
    """Files the chains record that the evidence storage does not hold (not backed up)."""


@dataclass(frozen=True)
class Restored:
    engine: str
    path: Path
    counts: Counts
    migrated: int
    audit: Report
    evidence: int = 0
    """Evidence files restored from the archive beside the backup."""


class ToolMissing(MisconductError):
    exit_code = 4


def _connection(using: str) -> Any:
    from django.db import connections

    return connections[using]


def _engine(using: str) -> str:
    vendor = str(_connection(using).vendor)
    if vendor not in ("sqlite", "postgresql"):
        raise MisconductError(f"backup is not supported for the {vendor} database")
    return vendor


def counts(using: str = "default") -> Counts:
    from django.contrib.auth import get_user_model

    from misconduct.app import models as m

    return Counts(
        m.Case.objects.using(using).count(),
        m.Event.objects.using(using).count(),
        get_user_model().objects.using(using).count(),
    )


def known_migrations() -> set[tuple[str, str]]:
    """Every (app, migration) this version of the code has on disk (no database is opened)."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True, load=True)
    return set(loader.disk_migrations)


# -- backup ---------------------------------------------------------------------------------------


def backup(path: Path, using: str = "default", *, overwrite: bool = False) -> Backup:
    """Write a backup of the whole database to ``path`` (written whole, then moved into place)."""
    engine = _engine(using)
    if path.exists() and not overwrite:
        raise InvalidInput(
            FILE_FIELD,
            "a file that does not exist yet",
            str(path),
            hint="use --force to replace it",
        )
    if not path.parent.is_dir():
        raise InvalidInput(FILE_FIELD, "a path in an existing folder", str(path))
    archive = evidence_archive(path)
    if archive.exists() and not overwrite:
        raise InvalidInput(
            FILE_FIELD,
            "a file whose evidence archive does not exist yet",
            str(archive),
            hint="use --force to replace it",
        )
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    partial_archive = archive.with_name(f".{archive.name}.partial-{os.getpid()}")
    try:
        if engine == "sqlite":
            _sqlite_backup(using, partial)
        else:
            _pg_dump(using, partial)
        written, missing = _write_evidence(using, partial_archive)
        os.replace(partial, path)
        if written:
            os.replace(partial_archive, archive)
        else:
            archive.unlink(missing_ok=True)  # an archive of an earlier backup under this name
    finally:
        partial.unlink(missing_ok=True)
        partial_archive.unlink(missing_ok=True)
    return Backup(engine, path, counts(using), written, missing)


def evidence_archive(path: Path) -> Path:
    """Where the evidence files of the backup at ``path`` are kept: beside it."""
    return path.with_name(f"{path.name}.evidence.tar")


def recorded_evidence(using: str = "default") -> list[str]:
    """The SHA-256 of every evidence file the chains record, once each, sorted."""
    from misconduct.app import models as m

    payloads = m.Event.objects.using(using).filter(type="EvidenceAttached")
    return sorted(
        {str(p["evidence"]["sha256"]) for p in payloads.values_list("payload", flat=True)}
    )


def _write_evidence(using: str, target: Path) -> tuple[int, tuple[str, ...]]:
    """Write every recorded evidence file the storage holds into a tar at ``target``; how many,
    and the digests of those it does not hold."""
    from misconduct.app.evidence import DjangoFileStore

    store, written, missing = DjangoFileStore(), 0, []
    digests = recorded_evidence(using)
    if not digests:
        return 0, ()
    with tarfile.open(target, "w") as archive:
        for digest in digests:
            try:
                content = store.read(digest)
            except FileNotFoundError:
                missing.append(digest)
                continue
            info = tarfile.TarInfo(f"evidence/{digest}")
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
            written += 1
    return written, tuple(missing)


def _restore_evidence(path: Path) -> int:
    """Put back each evidence file of the archive beside the backup at ``path``, if there is one;
    a member whose content does not have the SHA-256 it is named by is left out (the audit that
    follows reports the file as missing)."""
    from misconduct.app.evidence import DjangoFileStore

    archive_path = evidence_archive(path)
    if not archive_path.exists():
        return 0
    store, restored = DjangoFileStore(), 0
    try:
        with tarfile.open(archive_path, "r") as archive:
            for member in archive:
                digest = member.name.removeprefix("evidence/")
                handle = archive.extractfile(member) if member.isfile() else None
                if handle is None or not member.name.startswith("evidence/"):
                    continue
                content = handle.read()
                if hashlib.sha256(content).hexdigest() == digest:
                    store.save(digest, content)
                    restored += 1
    except tarfile.TarError as exc:
        raise MisconductError(
            f"the evidence archive {archive_path} could not be read ({exc}); the database was "
            "restored, its evidence files were not"
        ) from None
    return restored


def _sqlite_backup(using: str, target: Path) -> None:
    conn = _connection(using)
    conn.ensure_connection()
    if conn.in_atomic_block:  # the copy would wait for our own transaction's locks
        raise MisconductError("a backup cannot run inside a transaction")
    dest = sqlite3.connect(target)
    try:
        conn.connection.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    finally:
        dest.close()


def _pg_env(using: str) -> dict[str, str]:
    db = _connection(using).settings_dict
    env = dict(os.environ)
    for var, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
    ):
        if db.get(key):
            env[var] = str(db[key])
    return env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise ToolMissing(
            f"{name} not found: a PostgreSQL database is backed up and restored with PostgreSQL's own "
            "tools; install the PostgreSQL client (Debian: apt-get install postgresql-client) whose "
            "version is at least the server's",
            field="database tools",
            expected=f"{name} on the PATH",
            received="not found",
        )
    return found


def _run(args: list[str], env: Mapping[str, str], what: str) -> str:
    done = subprocess.run(args, env=dict(env), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = next((line for line in done.stderr.splitlines() if line.strip()), "no message")
        raise MisconductError(f"{what} failed: {detail}")
    return done.stdout


def _pg_dump(using: str, target: Path) -> None:
    name = str(_connection(using).settings_dict["NAME"])
    _run(
        [
            _tool("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={target}",
            name,
        ],
        _pg_env(using),
        "pg_dump",
    )


# -- checking a file ------------------------------------------------------------------------------


def check(path: Path, using: str = "default") -> str:
    """The engine of the backup at ``path``, once it is shown to be a backup of this application that
    this version can restore into the database ``using``; otherwise a clear error, nothing written."""
    engine = _engine(using)
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        raise InvalidInput(FILE_FIELD, "an existing backup file", str(path)) from None
    except OSError as exc:
        raise InvalidInput(
            FILE_FIELD, "a readable backup file", f"{path}: {exc.strerror}"
        ) from None
    kind = (
        "sqlite"
        if head == SQLITE_MAGIC
        else "postgresql"
        if head.startswith(PGDUMP_MAGIC)
        else None
    )
    expected = (
        "a SQLite backup made by `misconduct backup`"
        if engine == "sqlite"
        else "a pg_dump custom-format backup made by `misconduct backup`"
    )
    if kind is None:
        raise InvalidInput(
            FILE_FIELD, expected, f"{path}: neither a SQLite database nor a PostgreSQL dump"
        )
    if kind != engine:
        raise InvalidInput(
            FILE_FIELD,
            expected,
            f"{path}: a {'SQLite' if kind == 'sqlite' else 'PostgreSQL'} backup",
            hint="a backup is restored into a database of the same kind",
        )
    if kind == "sqlite":
        tables, migrations = _sqlite_contents(path)
    else:
        tables, migrations = _pg_contents(path, using)
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        raise InvalidInput(
            FILE_FIELD, "a backup of this application", f"{path}: no table {', '.join(missing)}"
        )
    if not any(app == "misconduct" for app, _ in migrations):
        raise InvalidInput(
            FILE_FIELD, "a backup of this application", f"{path}: none of its migrations recorded"
        )
    unknown = sorted(migrations - known_migrations())
    if unknown:
        raise InvalidInput(
            FILE_FIELD,
            "a backup made by this version of misconduct or an earlier one",
            f"{path}: migrations this version does not have: "
            + ", ".join(f"{a}.{n}" for a, n in unknown[:5]),
        )
    if kind == "sqlite":
        broken = _sqlite_chains(path)
        if broken:
            raise InvalidInput(
                FILE_FIELD,
                "a backup whose every hash chain verifies",
                f"{path}: {len(broken)} broken chain(s), first: {broken[0]}",
            )
    return kind


def _sqlite_open(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _sqlite_contents(path: Path) -> tuple[set[str], set[tuple[str, str]]]:
    try:
        db = _sqlite_open(path)
        try:
            problem = db.execute("PRAGMA quick_check").fetchone()[0]
            if problem != "ok":
                raise InvalidInput(FILE_FIELD, "an undamaged SQLite database", f"{path}: {problem}")
            tables = {
                r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            migrations: set[tuple[str, str]] = set()
            if "django_migrations" in tables:
                migrations = {
                    (a, n) for a, n in db.execute("SELECT app, name FROM django_migrations")
                }
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise InvalidInput(FILE_FIELD, "an undamaged SQLite database", f"{path}: {exc}") from None
    return tables, migrations


def _sqlite_chains(path: Path) -> list[BrokenLink]:
    """Every case's chain in the backup file, with the personal values it commits to, checked
    before anything is written."""
    db = _sqlite_open(path)
    try:
        rows = db.execute(
            "SELECT c.ref, e.sequence, e.type, e.payload, e.occurred_on, e.recorded_at, e.actor,"
            " e.rules_version, e.previous_hash, e.hash FROM misconduct_event e"
            " JOIN misconduct_case c ON c.id = e.case_id ORDER BY c.ref, e.sequence"
        ).fetchall()
        held = db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'misconduct_personaldatum'"
        ).fetchone()
        data_rows = (
            db.execute(
                "SELECT c.ref, d.datum_id, d.value, d.salt, d.erased_on FROM misconduct_personaldatum d"
                " JOIN misconduct_case c ON c.id = d.case_id"
            ).fetchall()
            if held
            else []
        )
    except sqlite3.DatabaseError as exc:
        raise InvalidInput(FILE_FIELD, "a backup of this application", f"{path}: {exc}") from None
    finally:
        db.close()
    data: dict[str, dict[str, Datum]] = {}
    by_case: dict[str, list[RecordedEvent]] = {}
    try:
        for ref, datum_id, value, salt, erased_on in data_rows:
            erased = date.fromisoformat(erased_on) if erased_on else None
            data.setdefault(ref, {})[datum_id] = Datum(datum_id, value, salt, erased)
        for ref, seq, typ, payload, occurred, recorded, actor, rules, prev, digest in rows:
            moment = datetime.fromisoformat(recorded)
            by_case.setdefault(ref, []).append(
                RecordedEvent.from_dict(
                    {
                        "case": ref,
                        "sequence": seq,
                        "type": typ,
                        "payload": json.loads(payload),
                        "occurred_on": occurred,
                        "recorded_at": (
                            moment if moment.tzinfo else moment.replace(tzinfo=UTC)
                        ).isoformat(),
                        "actor": actor,
                        "rules_version": rules,
                        "previous_hash": prev,
                        "hash": digest,
                    }
                ).with_personal(data.get(ref, {}))
            )
    except (ValueError, TypeError) as exc:
        raise InvalidInput(FILE_FIELD, "a backup of this application", f"{path}: {exc}") from None
    return [link for records in by_case.values() if (link := verify_chain(records)) is not None]


def _pg_contents(path: Path, using: str) -> tuple[set[str], set[tuple[str, str]]]:
    env = _pg_env(using)
    tool = _tool("pg_restore")
    try:
        listing = _run([tool, "--list", str(path)], env, "reading the backup")
    except MisconductError as exc:
        raise InvalidInput(
            FILE_FIELD, "an undamaged pg_dump custom-format backup", f"{path}: {exc}"
        ) from None
    tables = set()
    for line in listing.splitlines():
        parts = line.split()
        if "TABLE" in parts and "DATA" not in parts:
            at = parts.index("TABLE")
            if len(parts) > at + 2:
                tables.add(parts[at + 2])
    migrations: set[tuple[str, str]] = set()
    if "django_migrations" in tables:
        data = _run(
            [tool, "--data-only", "--table=django_migrations", "--file=-", str(path)],
            env,
            "reading the backup's migrations",
        )
        migrations = set(_copy_rows(data, "django_migrations", ("app", "name")))
    return tables, migrations


def _copy_rows(sql: str, table: str, columns: Iterable[str]) -> list[tuple[str, ...]]:
    """The values of ``columns`` in the COPY block for ``table`` of a pg_restore script."""
    rows: list[tuple[str, ...]] = []
    lines = iter(sql.splitlines())
    for line in lines:
        if line.startswith("COPY ") and f".{table} (" in line:
            header = line[line.index("(") + 1 : line.index(")")]
            names = [c.strip().strip('"') for c in header.split(",")]
            wanted = [names.index(c) for c in columns]
            for row in lines:
                if row == "\\.":
                    break
                values = row.split("\t")
                rows.append(tuple(values[i] for i in wanted))
    return rows


# -- restore --------------------------------------------------------------------------------------


def is_empty(using: str = "default") -> bool:
    """No cases, no events and no users (a database not yet initialised is empty)."""
    conn = _connection(using)
    present = set(conn.introspection.table_names())
    with conn.cursor() as cursor:
        for table in CONTENT_TABLES:
            if table in present:
                cursor.execute(f"SELECT 1 FROM {conn.ops.quote_name(table)} LIMIT 1")
                if cursor.fetchone() is not None:
                    return False
    return True


def restore(path: Path, using: str = "default", *, force: bool = False) -> Restored:
    """Replace the database ``using`` by the backup at ``path``; then migrate and verify every chain."""
    from misconduct.app.audit import verify_database

    name = str(_connection(using).settings_dict["NAME"])
    engine = check(path, using)
    if engine == "sqlite" and name != ":memory:" and not name.startswith("file:"):
        Path(name).parent.mkdir(parents=True, exist_ok=True)  # a new database in a new folder
    if not force and not is_empty(using):
        held = counts(using)
        raise InvalidInput(
            "database",
            "an empty database (no cases, no users)",
            f"a database holding {held}",
            hint="nothing was written; use --force to replace everything in it by the backup",
        )
    if engine == "sqlite":
        _sqlite_restore(path, using)
    else:
        _pg_restore(path, using)
    migrated = _migrate(using)
    evidence = _restore_evidence(path)
    from misconduct.app.evidence import DjangoFileStore

    report = verify_database(using, read_file=DjangoFileStore().read)
    return Restored(engine, path, counts(using), migrated, report, evidence)


def _sqlite_restore(path: Path, using: str) -> None:
    conn = _connection(using)
    conn.ensure_connection()
    if conn.in_atomic_block:
        raise MisconductError("a restore cannot run inside a transaction")
    source = _sqlite_open(path)
    try:
        source.backup(conn.connection)
    except sqlite3.DatabaseError as exc:
        raise MisconductError(f"restore failed: {exc}") from None
    finally:
        source.close()


def _pg_restore(path: Path, using: str) -> None:
    conn = _connection(using)
    name = str(conn.settings_dict["NAME"])
    conn.close()  # pg_restore drops and recreates the tables: no session of ours may hold them
    _run(
        [
            _tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={name}",
            str(path),
        ],
        _pg_env(using),
        "pg_restore (nothing was written)",
    )


def _migrate(using: str) -> int:
    """Apply the migrations this version has and the backup had not; how many were applied."""
    from django.core.management import call_command
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(_connection(using))
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        call_command("migrate", database=using, verbosity=0, interactive=False)
    return len(pending)
