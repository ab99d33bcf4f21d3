"""The public register: hearing notices and published outcomes read from their read model.

Each public record is stored already redacted (``readmodels.project`` through
:func:`publication.public_view`) with the first and last day it is public, so a page of the register,
the feed or the API is one indexed query for the records public on a date, in register order (notices
first, then newest first, then by reference), filtered by force, year, outcome, finding, standard or
words. A record stored in another shape of ``PublicCase`` (code changed since it was written) is made
again from the case as it stands, so the page is never wrong while ``misconduct db rebuild`` catches up.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.db import connections
from django.db.models import Count, Max, Q, QuerySet

from misconduct.app import models as m
from misconduct.app.readmodels import decode_record
from misconduct.app.web import store
from misconduct.app.web.publication import PublicCase, public_view
from misconduct.app.web.record_page import page as page_of
from misconduct.app.web.record_page import usable as record_page_of

ORDER = ("rank", "-sort_on", "ref")
_ID = re.compile(r"[a-z][a-z_]*")


@dataclass(frozen=True)
class Filters:
    """What the public may narrow the register by; empty values do not filter."""

    force: str = ""
    year: int | None = None
    outcome: str = ""
    finding: str = ""
    standard: str = ""
    text: str = ""
    kind: str = ""

    def __bool__(self) -> bool:
        return any(
            (self.force, self.year, self.outcome, self.finding, self.standard, self.text, self.kind)
        )


def visible(on: date, *, using: str | None = None) -> QuerySet[m.PublicEntry]:
    """The public records on ``on``, in register order."""
    return (
        m.PublicEntry.objects.using(using)
        .filter(visible_from__lte=on)
        .filter(Q(visible_until__isnull=True) | Q(visible_until__gte=on))
        .order_by(*ORDER)
    )


def filtered(on: date, f: Filters, *, using: str | None = None) -> QuerySet[m.PublicEntry]:
    rows = visible(on, using=using)
    if f.force:
        rows = rows.filter(force=f.force)
    if f.year:
        rows = rows.filter(year=f.year)
    if f.kind:
        rows = rows.filter(kind=f.kind)
    for facet, value in (("outcome", f.outcome), ("finding", f.finding), ("standard", f.standard)):
        if value:
            v = value.strip().lower()
            if not _ID.fullmatch(v):
                return rows.none()
            tagged = m.PublicTag.objects.using(using).filter(tag=f"{facet}:{v}")
            rows = rows.filter(id__in=tagged.values("entry_id"))
    for word in f.text.casefold().split()[:8]:
        rows = rows.filter(search_text__contains=word)
    return rows


def decoded(rows: list[m.PublicEntry], on: date) -> list[PublicCase]:
    """The records of ``rows``, in their order (one made again where stored in another shape)."""
    out = []
    for row in rows:
        record = decode_record(row.record, row.record_format)
        if record is None:
            record = public_view(store.state(row.ref), on)
        if record is not None:
            out.append(record)
    return out


def records(on: date, *, force: str | None = None, using: str | None = None) -> list[PublicCase]:
    """Every public record on ``on`` (of one force, if given), in register order."""
    return decoded(list(filtered(on, Filters(force=force or ""), using=using)), on)


def record(ref: str, on: date, *, using: str | None = None) -> PublicCase | None:
    """The public record of case ``ref`` on ``on``, or None if nothing of it is public."""
    found = decoded(list(visible(on, using=using).filter(ref=ref)[:1]), on)
    return found[0] if found else None


_PAGE_SQL = (
    "SELECT page FROM {table} WHERE ref = %s AND visible_from <= %s"
    " AND (visible_until IS NULL OR visible_until >= %s) ORDER BY rank, sort_on DESC, ref LIMIT 1"
)


def record_page(ref: str, on: date, *, using: str | None = None) -> Mapping[str, Any] | None:
    """The page of the public record of case ``ref`` on ``on`` (``record_page.page``), or None if
    nothing of it is public: one indexed read of the stored page, as fixed SQL (building the ORM's
    query cost more than running it); a row without a stored page of this version has its page
    built from its record."""
    connection = connections[using or "default"]
    day = connection.ops.adapt_datefield_value(on)
    with connection.cursor() as cursor:
        cursor.execute(_PAGE_SQL.format(table=m.PublicEntry._meta.db_table), [ref, day, day])
        row = cursor.fetchone()
    if row is None:
        return None
    stored = json.loads(row[0]) if isinstance(row[0], str | bytes) else row[0]
    found = record_page_of(stored)
    if found is not None:
        return found
    r = record(ref, on, using=using)
    return None if r is None else page_of(r)


def counts_by_force(on: date, *, using: str | None = None) -> dict[str, int]:
    """How many records each force has public on ``on``."""
    rows = visible(on, using=using).order_by().values("force").annotate(n=Count("id"))
    return {r["force"]: r["n"] for r in rows}


def years(*, using: str | None = None) -> list[int]:
    """The years with a public record (newest first), for the year filter."""
    return sorted(
        m.PublicEntry.objects.using(using).order_by().values_list("year", flat=True).distinct(),
        reverse=True,
    )


def last_changed(*, using: str | None = None) -> datetime:
    """When the newest change to a public record was recorded (the epoch if there is none)."""
    at = m.PublicEntry.objects.using(using).aggregate(at=Max("changed_at"))["at"]
    return at or datetime(1970, 1, 1, tzinfo=UTC)
