"""Backup and restore of the whole database: cases, events, ledger, access record, users, roles and
API tokens together.

On SQLite both use SQLite's online backup API, so a backup taken while the application serves is a
consistent snapshot. A restore checks the file first (a SQLite database of this application, whose
integrity check passes) and replaces everything only when told to. On PostgreSQL use its own tools
(docs/security.md): ``pg_dump --format=custom`` and ``pg_restore --clean``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from django.db import connections

from misconduct.errors import InvalidInput

POSTGRES_HINT = "on PostgreSQL use pg_dump --format=custom and pg_restore (see docs/security.md)"


def _sqlite(using: str) -> sqlite3.Connection:
    connection = connections[using]
    if connection.vendor != "sqlite":
        raise InvalidInput("DATABASE_URL", "a SQLite database for this command", POSTGRES_HINT)
    connection.ensure_connection()
    raw = connection.connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def backup(path: Path, using: str = "default") -> int:
    """Write a consistent copy of the database to ``path`` (which must not exist); its size."""
    source = _sqlite(using)
    if path.exists():
        raise InvalidInput("FILE", "a file that does not exist yet", str(path))
    try:
        target = sqlite3.connect(path)
    except sqlite3.Error as exc:
        raise InvalidInput("FILE", "a file that can be written", f"{path}: {exc}") from None
    try:
        source.backup(target)
    finally:
        target.close()
    return path.stat().st_size


def _checked(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise InvalidInput("FILE", "an existing backup file", str(path))
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        integrity = source.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.Error:
        raise InvalidInput("FILE", "a backup written by 'misconduct backup'", str(path)) from None
    if "misconduct_event" not in tables or "auth_user" not in tables:
        source.close()
        raise InvalidInput("FILE", "a backup written by 'misconduct backup'", str(path))
    if integrity != "ok":
        source.close()
        raise InvalidInput("FILE", "a backup whose integrity check passes", integrity)
    return source


def restore(path: Path, *, replace: bool, using: str = "default") -> None:
    """Replace the database with the backup at ``path``; refuses to overwrite cases unless
    ``replace``. Nothing is written if the file is not a sound backup."""
    target = _sqlite(using)
    source = _checked(path)
    try:
        has_cases = (
            target.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='misconduct_case'"
            ).fetchone()
            and target.execute("SELECT 1 FROM misconduct_case LIMIT 1").fetchone()
        )
        if has_cases and not replace:
            raise InvalidInput(
                "--replace",
                "--replace to overwrite a database that already holds cases",
                "a database with cases",
            )
        connections[using].close()
        target = _sqlite(using)
        source.backup(target)
    finally:
        source.close()
