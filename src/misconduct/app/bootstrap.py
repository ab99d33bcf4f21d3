"""Starting Django from outside a web server (the CLI, scripts) and building the services over it."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from misconduct.errors import MisconductError

if TYPE_CHECKING:  # imported by ``service`` (not by commands that only read, ``audit verify``)
    from misconduct.services.cases import CaseService


SETTINGS = "misconduct.app.settings"
CASES_ONLY = "misconduct.app.cases_settings"
"""The same settings with only the cases' application installed (``cases_settings``)."""


def setup(*, cases_only: bool = False) -> None:
    """Configure Django once, with ``misconduct.app.settings`` unless another module is named.
    ``cases_only``: a command that reads the case tables and nothing else (``audit verify``) starts
    with the same settings but only the cases' application installed (:data:`CASES_ONLY`), unless
    another settings module is named."""
    import django
    from django.apps import apps

    if apps.ready:
        return
    if cases_only and os.environ.get("DJANGO_SETTINGS_MODULE", SETTINGS) == SETTINGS:
        os.environ["DJANGO_SETTINGS_MODULE"] = CASES_ONLY
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    django.setup()


def uow_factory(using: str = "default") -> Callable[[], object]:
    from misconduct.app.repository import DjangoUnitOfWork

    return lambda: DjangoUnitOfWork(using)


def service(actor: str, clock: Callable[[], datetime], using: str = "default") -> CaseService:
    from misconduct.app.repository import DjangoUnitOfWork
    from misconduct.services.cases import CaseService

    return CaseService(lambda: DjangoUnitOfWork(using), clock=clock, actor=actor)


def init_db(using: str = "default") -> str:
    """Create the SQLite folder if needed and apply every migration; returns the database name."""
    from django.conf import settings
    from django.core.management import call_command

    db = settings.DATABASES[using]
    if db["ENGINE"].endswith("sqlite3") and db["NAME"] != ":memory:":
        Path(db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    call_command("migrate", database=using, verbosity=0, interactive=False)
    _read_models_current(using)
    return str(db["NAME"])


def _read_models_current(using: str) -> None:
    """Build the read models of a database whose cases were written before they existed: a case
    without its listing or its case page, or a public record without its page."""
    from misconduct.app import models as m
    from misconduct.app.read_tables import rebuild

    cases = m.Case.objects.using(using).count()
    if (
        cases != m.CaseListing.objects.using(using).count()
        or cases != m.CasePage.objects.using(using).count()
        or m.PublicEntry.objects.using(using).filter(page__isnull=True).exists()
    ):
        rebuild(using)


def check_ready(using: str = "default") -> None:
    """Fail with one line if the database has not been initialised."""
    from django.db import connections
    from django.db.migrations.executor import MigrationExecutor
    from django.db.utils import DatabaseError

    db = connections[using].settings_dict
    name = str(db["NAME"])
    in_memory = name == ":memory:" or name.startswith("file:")  # tests' shared in-memory files
    if db["ENGINE"].endswith("sqlite3") and not in_memory and not Path(name).exists():
        raise MisconductError(
            f"no database at {name} yet: run `misconduct db init` to create it",
            field="database",
            expected="a database created by `misconduct db init`",
            received="no file",
        )
    try:
        executor = MigrationExecutor(connections[using])
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        raise MisconductError(f"database unavailable: {exc}".splitlines()[0]) from None
    if pending:
        raise MisconductError(
            "database not initialised or out of date: run `misconduct db init`",
            field="database",
            expected="all migrations applied",
            received=f"{len(pending)} pending",
        )
