"""What a loader wrote to a database, recorded once per test session and written again into each test
that asks for it.

Loading the demo cases through the write path (events, ledger, read models) takes seconds; writing the
rows it produced takes milliseconds. :func:`record` runs a loader inside a transaction that is rolled
back, and keeps every row it inserted, updated or deleted, table by table, found by comparing each
table before and after. :meth:`Snapshot.apply` makes the same changes inside the caller's transaction
(a test's, rolled back after it), so the next test starts from the empty database as before.

On SQLite the rows come back byte for byte, keys and ``sqlite_sequence`` included, so a test sees
exactly what a fresh load would have written. On PostgreSQL the rows are the same; the sequences are
moved past the keys written, as loaddata does (PostgreSQL never rolls a sequence back, so keys were
never the same from one test to the next there).

A snapshot applies only to a database in the state it was recorded from, for the tables the loader
changed. :meth:`Snapshot.applies` checks that (the row counts of those tables, and the rows the loader
updated or deleted); a caller that finds it does not apply runs the loader instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import connections, transaction

T = TypeVar("T")
SEQUENCES = "sqlite_sequence"
"""SQLite's next key of each AUTOINCREMENT table: one row per table, no key of its own."""
Row = tuple[Any, ...]


@dataclass(frozen=True)
class TableChange:
    table: str
    columns: tuple[str, ...]
    key: tuple[int, ...]
    """Positions in ``columns`` of the primary key (every column if the table has none)."""
    rows_before: int
    inserted: tuple[Row, ...]
    updated: tuple[tuple[Row, Row], ...]
    """(row before, row after), for each row whose key was there before and after."""
    deleted: tuple[Row, ...]

    def key_of(self, row: Row) -> Row:
        return tuple(row[i] for i in self.key)


@dataclass(frozen=True)
class Snapshot:
    using: str
    changes: tuple[TableChange, ...]

    def applies(self) -> bool:
        """Whether the database is, in every table the loader changed, as it was when recorded."""
        connection = connections[self.using]
        with connection.cursor() as cursor:
            for change in self.changes:
                if change.table == SEQUENCES:  # one row per table, checked for the loader's tables
                    if any(
                        _select(cursor, connection, change, change.key_of(r))
                        for r in change.inserted
                    ):
                        return False
                else:
                    cursor.execute(f"SELECT COUNT(*) FROM {_q(connection, change.table)}")
                    if cursor.fetchone()[0] != change.rows_before:
                        return False
                for before in (*(old for old, _ in change.updated), *change.deleted):
                    if _select(cursor, connection, change, change.key_of(before)) != [before]:
                        return False
        return True

    def apply(self) -> None:
        """Make the recorded changes, in one transaction (a savepoint inside the caller's)."""
        connection = connections[self.using]
        with transaction.atomic(using=self.using), connection.cursor() as cursor:
            for change in sorted(self.changes, key=lambda c: c.table == SEQUENCES):
                if change.table == SEQUENCES:
                    _set_sqlite_sequences(cursor, change)
                    continue
                table = _q(connection, change.table)
                where = " AND ".join(
                    f"{_q(connection, change.columns[i])} = %s" for i in change.key
                )
                for row in change.deleted:
                    cursor.execute(f"DELETE FROM {table} WHERE {where}", change.key_of(row))
                if change.updated:
                    sets = ", ".join(f"{_q(connection, c)} = %s" for c in change.columns)
                    cursor.executemany(
                        f"UPDATE {table} SET {sets} WHERE {where}",
                        [
                            (*_params(connection, new), *change.key_of(old))
                            for old, new in change.updated
                        ],
                    )
                if change.inserted:
                    names = ", ".join(_q(connection, c) for c in change.columns)
                    marks = ", ".join(["%s"] * len(change.columns))
                    cursor.executemany(
                        f"INSERT INTO {table} ({names}) VALUES ({marks})",
                        [_params(connection, row) for row in change.inserted],
                    )
            if connection.vendor == "postgresql":
                _move_sequences_past(connection, {c.table for c in self.changes if c.inserted})


def record(using: str, load: Callable[[], T]) -> tuple[T, Snapshot]:
    """Run ``load`` on database ``using`` in a transaction rolled back afterwards; its result, and
    the changes it made."""
    connection = connections[using]
    with transaction.atomic(using=using):
        before = _read_all(connection)
        result = load()
        after = _read_all(connection)
        transaction.set_rollback(True, using=using)
    changes = []
    for table, (columns, key, rows_after) in after.items():
        _, _, rows_before = before.get(table, (columns, key, {}))
        if rows_after == rows_before:
            continue
        changes.append(
            TableChange(
                table=table,
                columns=columns,
                key=key,
                rows_before=len(rows_before),
                inserted=tuple(r for k, r in rows_after.items() if k not in rows_before),
                updated=tuple(
                    (rows_before[k], r)
                    for k, r in rows_after.items()
                    if k in rows_before and rows_before[k] != r
                ),
                deleted=tuple(r for k, r in rows_before.items() if k not in rows_after),
            )
        )
    return result, Snapshot(using, tuple(changes))


def _q(connection: Any, name: str) -> str:
    return str(connection.ops.quote_name(name))


def _columns_sql(connection: Any, columns: Sequence[str]) -> str:
    # SQLite: likely(x) is x, but an expression has no declared type, so the driver hands the value
    # back as stored (no date or bool conversion) and it is written back unchanged.
    if connection.vendor == "sqlite":
        return ", ".join(f"likely({_q(connection, c)})" for c in columns)
    return ", ".join(_q(connection, c) for c in columns)


def _select(cursor: Any, connection: Any, change: TableChange, key: Row) -> list[Row]:
    where = " AND ".join(f"{_q(connection, change.columns[i])} = %s" for i in change.key)
    cursor.execute(
        f"SELECT {_columns_sql(connection, change.columns)} FROM {_q(connection, change.table)}"
        f" WHERE {where}",
        key,
    )
    return [tuple(r) for r in cursor.fetchall()]


def _read_all(
    connection: Any,
) -> dict[str, tuple[tuple[str, ...], tuple[int, ...], dict[Row, Row]]]:
    """Every table's columns, key positions and rows by key."""
    out = {}
    with connection.cursor() as cursor:
        tables = [t.name for t in connection.introspection.get_table_list(cursor) if t.type == "t"]
        if connection.vendor == "sqlite":
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")
            if cursor.fetchone():
                tables.append(SEQUENCES)
        for table in sorted(tables):
            columns = tuple(
                c.name for c in connection.introspection.get_table_description(cursor, table)
            )
            if table == SEQUENCES:
                pk = ["name"]
            else:
                pk = connection.introspection.get_primary_key_columns(cursor, table) or []
            key = tuple(columns.index(c) for c in pk) or tuple(range(len(columns)))
            cursor.execute(
                f"SELECT {_columns_sql(connection, columns)} FROM {_q(connection, table)}"
            )
            rows: dict[Row, Row] = {}
            for r in cursor.fetchall():
                row = tuple(r)
                k = tuple(row[i] for i in key)
                if k in rows:
                    raise ValueError(f"{table}: two rows with the key {k}; cannot record it")
                rows[k] = row
            out[table] = (columns, key, rows)
    return out


def _params(connection: Any, row: Row) -> Row:
    return row


def _set_sqlite_sequences(cursor: Any, change: TableChange) -> None:
    """Inserting a key into an AUTOINCREMENT table has already moved its row up to that key; the
    recorded value is put back over it (a loader that deleted rows had moved it further)."""
    for _, row in (*((None, r) for r in change.inserted), *change.updated):
        name, seq = row
        cursor.execute(f"UPDATE {SEQUENCES} SET seq = %s WHERE name = %s", (seq, name))
        if cursor.rowcount == 0:
            cursor.execute(f"INSERT INTO {SEQUENCES} (name, seq) VALUES (%s, %s)", (name, seq))
    for row in change.deleted:
        cursor.execute(f"DELETE FROM {SEQUENCES} WHERE name = %s", (row[0],))


def _move_sequences_past(connection: Any, tables: set[str]) -> None:
    from django.apps import apps
    from django.core.management.color import no_style

    models = [m for m in apps.get_models(include_auto_created=True) if m._meta.db_table in tables]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
