"""The public register: every case's public record, without folding every case on every request.

The pages, the feed and the API ask for the public records on a date. A case can only have one once
a hearing notice has been given or its outcome published, so only those cases are read, found from
the projection's stored state (``Case.state``) in one query. Each case's record is
:func:`publication.public_view` of the case as it stands (decoded from its stored state, in one query
for every case not cached), kept per process under the hash of the case's latest event and the date:
the hash chain makes that hash stand for the whole history, so a new event, another database or a
restored one never serves a stale record, and the one public projection decides what the public sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from threading import Lock

from django.db.models import OuterRef, Q, Subquery
from django.db.models.fields.json import KT

from misconduct.app import models as m
from misconduct.app.web import store
from misconduct.app.web.publication import PublicCase, ordered, public_view


@dataclass(frozen=True)
class _Entry:
    head: str
    on: date
    record: PublicCase | None


_cache: dict[str, _Entry] = {}
_lock = Lock()


def candidates(refs: list[str] | None = None, *, using: str = "default") -> dict[str, str]:
    """Each case (of ``refs``, if given) with a hearing notice given or an outcome published on
    some date, and the hash of its latest event; no other case has anything public on any date."""
    latest = m.Event.objects.using(using).filter(case=OuterRef("pk"), sequence=OuterRef("version"))
    rows = (
        m.Case.objects.using(using)
        .annotate(
            published_on=KT("state__published_on"),
            notice_on=KT("state__proceedings__public_notice_on"),
            head=Subquery(latest.values("hash")[:1]),
        )
        .filter(_a_date("published_on") | _a_date("notice_on"))
    )
    if refs is not None:
        rows = rows.filter(ref__in=refs)
    return dict(rows.values_list("ref", "head"))


def _a_date(name: str) -> Q:
    # A JSON null reads as SQL NULL on PostgreSQL and as the text "null" on SQLite; a date is neither.
    return Q(**{f"{name}__isnull": False}) & ~Q(**{name: "null"})


def _records(wanted: dict[str, str], on: date) -> list[PublicCase]:
    with _lock:
        entries = {ref: _cache.get(ref) for ref in wanted}
    stale = [ref for ref, e in entries.items() if e is None or e.head != wanted[ref] or e.on != on]
    if stale:
        fresh = store.states(stale)
        for ref in stale:
            case = fresh.get(ref)
            # A case written since ``candidates`` read its head is cached under the older head, so
            # the next request reads it again.
            entries[ref] = _Entry(wanted[ref], on, public_view(case, on) if case else None)
        with _lock:
            _cache.update({ref: e for ref in stale if (e := entries[ref]) is not None})
    return [e.record for e in entries.values() if e is not None and e.record is not None]


def records(on: date, *, force: str | None = None) -> list[PublicCase]:
    """Every public record on ``on`` (of one force, if given), in :func:`publication.ordered` order."""
    return ordered(_records(candidates(), on), force=force)


def record(ref: str, on: date) -> PublicCase | None:
    """The public record of case ``ref`` on ``on``, or None if nothing of it is public."""
    found = _records(candidates([ref]), on)
    return found[0] if found else None
