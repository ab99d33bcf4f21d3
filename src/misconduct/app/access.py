"""Who saw what: every view of a case and every document shown or downloaded is recorded, append-only
(user, time, case, what), and the force's appropriate authority (the PSD lead) can read the record
of their force's cases (``/staff/access/``)."""

from __future__ import annotations

from typing import Any, Protocol

from django.db.models import QuerySet
from django.utils import timezone

from misconduct.app import models as m
from misconduct.app.roles import Role
from misconduct.domain.case import Case


class Seen(Protocol):
    """What the record names of a case: a ``Case``, or the case page's row of one."""

    @property
    def ref(self) -> str: ...

    @property
    def force(self) -> str: ...


def record(user: Any, case: Case | Seen, what: str, using: str | None = None) -> None:
    """Record that ``user`` saw ``what`` of ``case``, now (the web edge reads the clock): one
    insert, without building a model object (issue 10: every case page writes one), on ``using``
    (default: where the router writes access records)."""
    from django.db import connections, router

    from misconduct.app.rows import insert

    row = {
        "at": timezone.now(),
        "user_id": user.pk,
        "username": user.get_username(),
        "force": case.force,
        "case_ref": case.ref,
        "what": what[:80],
    }
    using = using or router.db_for_write(m.AccessRecord)
    connection = connections[using]
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        insert(using, m.AccessRecord, [row])
        return
    unwaited(connection, row)


def unwaited(connection: Any, row: dict[str, Any]) -> None:
    """Insert the access record ``row`` on the PostgreSQL ``connection`` with its transaction
    committed without waiting for the server to write its log to disk (``synchronous_commit =
    off`` for that transaction only, set in the statement itself): called outside any transaction,
    the insert is its own, so a crash of the server or the machine within about half a second of a
    view can lose that view's record, never change or reorder another; the cases' events are
    committed as before. (SQLite's setting for every write, ``synchronous=NORMAL`` in WAL mode,
    takes the same risk on a power loss.)"""
    from misconduct.app.pgbackend import prepared_cursor

    table = m.AccessRecord._meta.db_table
    with prepared_cursor(connection) as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(row)}) SELECT {', '.join(['%s'] * len(row))}"
            " FROM (SELECT set_config('synchronous_commit', 'off', true)) quick",
            list(row.values()),
        )


def lead_forces(grants: Any) -> set[str]:
    """The forces whose access record this user may read: where they are the appropriate authority."""
    return {g.force for g in grants if g.role is Role.APPROPRIATE_AUTHORITY}


def records(forces: set[str], *, case_ref: str = "", username: str = "") -> QuerySet[Any]:
    rows = m.AccessRecord.objects.filter(force__in=forces)
    if case_ref:
        rows = rows.filter(case_ref=case_ref.strip())
    if username:
        rows = rows.filter(username=username.strip())
    return rows
