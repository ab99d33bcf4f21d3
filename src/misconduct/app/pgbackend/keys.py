"""Foreign keys checked once a batch instead of once a row, for the rows ``db seed`` copies into
PostgreSQL (branch pgseed9).

PostgreSQL checks a foreign key with a trigger on every row inserted: one query a row (``SELECT 1
FROM parent WHERE key = $1 FOR KEY SHARE``), run at commit for this project's deferred constraints.
A seeded case writes about 36 rows, most of them naming the same case, so a batch of 2,000 cases
ran some 75,000 of those queries for about 5,000 distinct keys: a quarter of the server's CPU.

While ``db seed`` writes (:func:`bulk`, from ``seeding._bulk_session``), each ``COPY`` of the write
path into a table whose only insert triggers are such checks runs with the session's
``session_replication_role`` set to ``replica`` for that statement alone (``SET LOCAL``, put back
straight after, and undone by a rollback in any case), which skips the per-row checks; the values
copied into every foreign-key column are kept, and before the write returns, in its transaction,
each referenced table is asked once for all of them (:meth:`KeyChecks.verify`), with the same row
lock as PostgreSQL's own check (``FOR KEY SHARE``, held to the end of the transaction, so that no
other transaction can delete a referenced row before this one commits). A key that is not there
raises ``IntegrityError`` naming the constraint, the table and the key, as PostgreSQL's check
would; the batch's transaction is then rolled back, nothing of it written.

What is checked is read from the database's own catalogue at the start of the seed (every
single-column foreign key of the tables in the schema), not from the models, so that no constraint
can be left out. A table is copied this way only if every trigger that an insert into it fires is
one of those checks and it has no rule (the replica role would skip any other trigger, or fire one
set ``ENABLE REPLICA``); any other table, and every other statement (updates, deletes, the
officers' upsert), keeps PostgreSQL's own checks. Nothing is done this way unless the connection may
set ``session_replication_role`` (a superuser, or PostgreSQL 15's ``GRANT SET ON PARAMETER``), the
role is ``origin`` to begin with, and the write runs inside a transaction.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

_KEYS = """
SELECT c.conname, t.relname, a.attname, p.relname, pa.attname, cardinality(c.conkey)
FROM pg_constraint c
JOIN pg_class t ON t.oid = c.conrelid
JOIN pg_class p ON p.oid = c.confrelid
JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
WHERE c.contype = 'f'
  AND t.relnamespace = current_schema()::regnamespace
  AND p.relnamespace = current_schema()::regnamespace
"""

# Every trigger an INSERT fires (TRIGGER_TYPE_INSERT = 4), with the constraint it checks and whether
# it is PostgreSQL's own check of a foreign key on insert; and every table with a rule.
_INSERT_TRIGGERS = """
SELECT t.relname, g.tgconstraint <> 0 AND g.tgfoid = 'pg_catalog."RI_FKey_check_ins"'::regproc,
       coalesce(c.conname, '')
FROM pg_trigger g
JOIN pg_class t ON t.oid = g.tgrelid
LEFT JOIN pg_constraint c ON c.oid = g.tgconstraint
WHERE g.tgtype & 4 <> 0 AND t.relnamespace = current_schema()::regnamespace
UNION ALL
SELECT t.relname, false, '' FROM pg_rewrite r JOIN pg_class t ON t.oid = r.ev_class
WHERE t.relkind = 'r' AND t.relnamespace = current_schema()::regnamespace
"""


@dataclass(frozen=True)
class Reference:
    """A single-column foreign key: ``table.column`` references ``parent.key``."""

    name: str
    table: str
    column: str
    parent: str
    key: str


@dataclass
class KeyChecks:
    """The foreign keys of the tables whose rows :func:`copying` may copy without PostgreSQL's
    per-row checks, and the keys copied since the batch began (:func:`once_a_batch`)."""

    references: dict[str, tuple[Reference, ...]]
    """By table: every foreign key of the tables whose inserts fire nothing but their checks."""
    open: bool = False
    pending: list[tuple[Reference, set[Any]]] = field(default_factory=list)

    def note(self, refs: Sequence[tuple[Reference, int]], rows: Sequence[Sequence[Any]]) -> None:
        """Keep the keys that ``rows`` (just copied) hold in each reference's column (at its index
        in the rows)."""
        for ref, at in refs:
            keys = {row[at] for row in rows}
            keys.discard(None)  # (a NULL references nothing, and is not checked)
            if keys:
                self.pending.append((ref, keys))

    def verify(self, cursor: Any, quote: Any) -> None:
        """Each key kept since the batch began present in the table it references, and locked there
        as PostgreSQL's own check locks it (``FOR KEY SHARE``): one query a referenced table;
        ``IntegrityError`` for the first key not found."""
        from django.db import IntegrityError

        wanted: dict[tuple[str, str], set[Any]] = {}
        for ref, keys in self.pending:
            wanted.setdefault((ref.parent, ref.key), set()).update(keys)
        for (parent, key), keys in wanted.items():
            cursor.execute(
                f"SELECT {quote(key)} FROM {quote(parent)} WHERE {quote(key)} = ANY(%s)"
                " FOR KEY SHARE",
                [sorted(keys)],
            )
            found = {row[0] for row in cursor.fetchall()}
            if len(found) == len(keys):
                continue
            for ref, some in self.pending:
                if (ref.parent, ref.key) == (parent, key) and not some <= found:
                    missing = min(some - found)
                    raise IntegrityError(
                        f'insert or update on table "{ref.table}" violates foreign key constraint'
                        f' "{ref.name}"\nDETAIL:  Key ({ref.column})=({missing}) is not present'
                        f' in table "{parent}".'
                    )


def load(cursor: Any, pg_version: int) -> KeyChecks | None:
    """The foreign keys of this schema's tables, or None if the session may not set
    ``session_replication_role`` or it is not ``origin``."""
    if pg_version >= 150000:
        cursor.execute("SELECT has_parameter_privilege('session_replication_role', 'SET')")
    else:
        cursor.execute("SELECT current_setting('is_superuser') = 'on'")
    allowed = bool(cursor.fetchone()[0])
    cursor.execute("SELECT current_setting('session_replication_role')")
    if not allowed or cursor.fetchone()[0] != "origin":
        return None
    cursor.execute(_KEYS)
    every: dict[str, list[Reference]] = {}
    several: set[str] = set()  # tables with a foreign key of more than one column
    for name, table, column, parent, key, width in cursor.fetchall():
        if width != 1:
            several.add(table)
        else:
            every.setdefault(table, []).append(Reference(name, table, column, parent, key))
    cursor.execute(_INSERT_TRIGGERS)
    other: set[str] = set(several)  # tables an insert into which fires anything else
    for table, check, name in cursor.fetchall():
        if not check or name not in {r.name for r in every.get(table, ())}:
            other.add(table)
    return KeyChecks({t: tuple(refs) for t, refs in every.items() if t not in other})


def checks_of(connection: Any) -> KeyChecks | None:
    found: KeyChecks | None = getattr(connection, "key_checks", None)
    return found


@contextlib.contextmanager
def bulk(connection: Any) -> Iterator[None]:
    """While the seed writes: the foreign keys of ``connection``'s database loaded, so that each
    write (:func:`once_a_batch`) may check them once (nothing, if the session may not)."""
    with connection.cursor() as cursor:
        connection.key_checks = load(cursor, connection.pg_version)
    try:
        yield
    finally:
        connection.key_checks = None


@contextlib.contextmanager
def once_a_batch(connection: Any) -> Iterator[None]:
    """The foreign keys of the rows copied inside it (:func:`copying`) checked once as it ends, in
    the caller's transaction. Does nothing outside :func:`bulk`, or outside a transaction (each
    ``COPY`` would commit before the check)."""
    checks = checks_of(connection)
    if checks is None or checks.open or not connection.in_atomic_block:
        yield
        return
    checks.open = True
    try:
        yield
        if checks.pending:
            with connection.cursor() as cursor:
                checks.verify(cursor, connection.ops.quote_name)
    finally:
        checks.open = False
        checks.pending = []


@contextlib.contextmanager
def copying(connection: Any, cursor: Any, table: str, columns: Sequence[str]) -> Iterator[Any]:
    """Around one ``COPY`` of rows into ``table`` (``columns`` in order) on ``cursor`` (psycopg's):
    inside :func:`once_a_batch`, for a table whose inserts fire nothing but foreign-key checks, the
    statement runs without those checks and gives a function to call with the rows copied, whose
    keys the batch then checks; otherwise it changes nothing and gives None."""
    checks = checks_of(connection)
    refs = checks.references.get(table) if checks is not None and checks.open else None
    if checks is None or refs is None:
        yield None
        return
    at = [(ref, columns.index(ref.column)) for ref in refs]
    cursor.execute("SET LOCAL session_replication_role = replica")
    try:
        yield lambda rows: checks.note(at, rows)
    finally:
        from psycopg import pq

        # (after an error the transaction is aborted: its rollback undoes the SET LOCAL)
        if connection.connection.info.transaction_status != pq.TransactionStatus.INERROR:
            cursor.execute("SET LOCAL session_replication_role = origin")
