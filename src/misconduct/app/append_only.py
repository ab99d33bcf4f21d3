"""The triggers that make a table append-only: the database itself refuses UPDATE and DELETE (and, on
PostgreSQL, TRUNCATE), on SQLite and on PostgreSQL.

The migrations that create an append-only table call ``operation``. Migrations that have run must keep
doing what they did, so the SQL written here is frozen: tests/app/test_migrations.py holds a copy of
every statement each migration ran before this module existed and checks this module still writes it.
A new kind of guard belongs in a new migration, not in a change here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import migrations

INDENT = "\n       "  # the line break and indentation the migrations have always written


@dataclass(frozen=True)
class Triggers:
    """The statements for one table, by database vendor, to create (``up``) and drop (``down``)."""

    up: dict[str, list[str]]
    down: dict[str, list[str]]


def triggers(table: str, *, prefix: str | None = None, truncate: bool = True) -> Triggers:
    """The statements that make ``table`` append-only. ``prefix`` names the triggers and the
    PostgreSQL function (the table's name unless given); ``truncate`` adds PostgreSQL's TRUNCATE
    guard (SQLite has no TRUNCATE)."""
    name = prefix or table
    sqlite_up = [
        f"CREATE TRIGGER {name}_no_{op.lower()} BEFORE {op} ON {table}{INDENT}"
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {op} refused'); END"
        for op in ("UPDATE", "DELETE")
    ]
    sqlite_down = [f"DROP TRIGGER IF EXISTS {name}_no_{op}" for op in ("update", "delete")]
    function = f"{name}_append_only()"
    postgres_up = [
        f"CREATE FUNCTION {function} RETURNS trigger LANGUAGE plpgsql AS $${INDENT}"
        f"BEGIN RAISE EXCEPTION '{table} is append-only: % refused', TG_OP; END $$",
        f"CREATE TRIGGER {name}_no_update_delete BEFORE UPDATE OR DELETE ON {table}{INDENT}"
        f"FOR EACH ROW EXECUTE FUNCTION {function}",
    ]
    postgres_down = [
        f"DROP TRIGGER IF EXISTS {name}_no_update_delete ON {table}",
        f"DROP FUNCTION IF EXISTS {function}",
    ]
    if truncate:
        postgres_up.append(
            f"CREATE TRIGGER {name}_no_truncate BEFORE TRUNCATE ON {table}{INDENT}"
            f"FOR EACH STATEMENT EXECUTE FUNCTION {function}"
        )
        postgres_down.insert(0, f"DROP TRIGGER IF EXISTS {name}_no_truncate ON {table}")
    return Triggers(
        up={"sqlite": sqlite_up, "postgresql": postgres_up},
        down={"sqlite": sqlite_down, "postgresql": postgres_down},
    )


def _run(statements_by_vendor: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        vendor = schema_editor.connection.vendor
        if vendor not in statements_by_vendor:
            raise RuntimeError(f"no append-only triggers for the {vendor} database")
        for sql in statements_by_vendor[vendor]:
            schema_editor.execute(sql, params=None)  # no placeholders: "%" is PL/pgSQL

    return run


def operation(table: str, *, prefix: str | None = None, truncate: bool = True) -> Any:
    """A migration operation that creates the triggers, and drops them when migrated backwards."""
    t = triggers(table, prefix=prefix, truncate=truncate)
    return migrations.RunPython(_run(t.up), _run(t.down))
