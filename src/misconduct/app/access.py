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


def record(user: Any, case: Case | Seen, what: str) -> None:
    """Record that ``user`` saw ``what`` of ``case``, now (the web edge reads the clock): one
    insert, without building a model object (issue 10: every case page writes one)."""
    from django.db import router

    from misconduct.app.rows import insert

    row = {
        "at": timezone.now(),
        "user_id": user.pk,
        "username": user.get_username(),
        "force": case.force,
        "case_ref": case.ref,
        "what": what[:80],
    }
    insert(router.db_for_write(m.AccessRecord), m.AccessRecord, [row])


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
