"""Migrated databases for tests that need one of their own (backups, races): every migration runs once
per session, into a template, and each database is a copy of it.

SQLite: the template file is copied with SQLite's backup API into the new database's file.
PostgreSQL: the database is created with ``CREATE DATABASE ... TEMPLATE``, which copies the template
whole (tables, triggers, functions, sequences). Either way the copy is what ``migrate`` would have
made, in a fraction of the time. Callers run inside ``django_db_blocker.unblock()``.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import tempfile
import uuid
from contextlib import closing
from pathlib import Path
from typing import Any

import psycopg
from django.conf import settings
from django.core.management import call_command
from django.db import connections

from misconduct.app.config import database
from tests.conftest import POSTGRES_URL

_templates: dict[str, Any] = {}


def _reset_connection_settings() -> None:
    connections._settings = None  # type: ignore[attr-defined]
    connections.__dict__.pop("settings", None)


def _migrate(entry: dict[str, Any]) -> None:
    alias = f"template_{uuid.uuid4().hex[:10]}"
    settings.DATABASES[alias] = entry
    _reset_connection_settings()
    try:
        call_command("migrate", database=alias, verbosity=0)
    finally:
        connections[alias].close()
        del settings.DATABASES[alias]
        _reset_connection_settings()


def _server() -> str:
    return POSTGRES_URL.replace("postgres://", "postgresql://", 1)


def sqlite_at(path: Path) -> None:
    """Write a migrated SQLite database to ``path`` (not yet opened by anyone)."""
    if "sqlite" not in _templates:
        folder = Path(tempfile.mkdtemp(prefix="misconduct-migrated-"))
        atexit.register(shutil.rmtree, folder, True)
        _migrate(database(f"sqlite:///{folder / 'template.sqlite3'}", os.environ))
        _templates["sqlite"] = folder / "template.sqlite3"
    with (
        closing(sqlite3.connect(_templates["sqlite"])) as source,
        closing(sqlite3.connect(path)) as target,
    ):
        source.backup(target)


def create_postgres(name: str) -> None:
    """Create the PostgreSQL database ``name``, migrated."""
    if "postgres" not in _templates:
        template = f"misconduct_template_{os.getpid()}"
        with psycopg.connect(_server(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{template}"')
            admin.execute(f'CREATE DATABASE "{template}"')
        atexit.register(_drop, template)
        _migrate({**database(POSTGRES_URL, os.environ), "NAME": template})
        _templates["postgres"] = template
    with psycopg.connect(_server(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{_templates["postgres"]}"')


def _drop(name: str) -> None:
    try:
        with psycopg.connect(_server(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    except psycopg.Error:
        pass  # the server went away first; nothing left to drop
