"""The read-model tables written: :func:`write_read_models` stores :func:`readmodels.project` of each
case in the caller's transaction; :func:`rebuild` rewrites every case's rows from its events."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from django.db import connections, transaction

from misconduct.app import models as m
from misconduct.app.readmodels import (
    RANK,
    Awaited,
    Decided,
    encode_record,
    project,
    record_format,
)
from misconduct.app.rows import encoded, insert, json_text
from misconduct.app.web import record_page
from misconduct.domain.case import Case

T = TypeVar("T")


K = TypeVar("K")


@dataclass
class ReadRows(Generic[K]):
    """The read-model rows of some cases, each naming its case by a key (a primary key, or a
    reference until the write gives the case its primary key), built without the database; each
    public record's tags name it by its position in ``entries``."""

    listings: list[dict[str, Any]] = field(default_factory=list)
    chairs: list[dict[str, Any]] = field(default_factory=list)
    dues: list[dict[str, Any]] = field(default_factory=list)
    awaited: list[dict[str, Any]] = field(default_factory=list)
    assignees: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)
    tags: list[tuple[int, str]] = field(default_factory=list)
    pages: list[dict[str, Any]] = field(default_factory=list)
    """The staff case page's rows (``web.casepage``)."""


_DECIDED = tuple(f.name for f in dataclasses.fields(Decided))
_AWAITED = tuple(f.name for f in dataclasses.fields(Awaited))


def read_rows(cases: Sequence[tuple[K, Case]], changed: Mapping[K, datetime]) -> ReadRows[K]:
    """The rows of :func:`readmodels.project` of each ``(key, case)``; a public record's change is
    dated ``changed[key]`` (now if absent)."""
    from misconduct.app.web import casepage

    out: ReadRows[K] = ReadRows()
    fmt = record_format()
    record_field = m.PublicEntry._meta.get_field("record")
    page_field = m.PublicEntry._meta.get_field("page")
    officers_field = m.CaseListing._meta.get_field("officers")
    for pk, case in cases:
        p = project(case)
        s = p.summary
        out.listings.append(
            {
                "case_id": pk,
                "ref": s.ref,
                "force_id": s.force,
                "stage": s.stage,
                "version": s.version,
                "came_to_attention": s.came_to_attention,
                "opened_on": s.opened_on,
                "officers": encoded(json_text(officers_field, [list(o) for o in s.officers])),
                "search_text": s.search_text,
                "officer_text": s.officer_text,
                "standards": s.standards,
                "assignee": s.assignee,
                "next_deadline": s.next_deadline,
                "overdue_from": s.overdue_from,
                "published_on": s.published_on,
                "closed_on": s.closed_on,
                "closed": s.closed_on is not None,
            }
        )
        spells = [(r.visible_from, r.visible_until) for r in p.public]
        out.pages.append({"case_id": pk, **casepage.row(case, spells)})
        out.chairs += [{"case_id": pk, "key": k} for k in s.chairs]
        out.assignees += [{"case_id": pk, "username": u, "role": r} for u, r in s.assignees]
        # the fields of ``readmodels.Decided`` are the table's columns, by the same names (text
        # and dates only, so read as they are rather than copied deeply by ``asdict``)
        out.decisions += [
            {**{f: getattr(d, f) for f in _DECIDED}, "case_id": pk} for d in p.decided
        ]
        out.dues += [
            {
                "case_id": pk,
                "ref": d.ref,
                "force": d.force,
                "step": d.step,
                "title": d.title,
                "citation": d.citation,
                "status": d.status,
                "nature": d.nature,
                "party": d.party,
                "officer_id": d.officer_id,
                "trigger": d.trigger,
                "due": d.due,
                "earliest": d.earliest,
                "latest": d.latest,
                "last_day": d.last_day,
                "holder": d.holder,
                "holder_role": d.holder_role,
            }
            for d in p.dues
        ]
        # the fields of ``readmodels.Awaited`` are the table's columns, by the same names
        out.awaited += [{**{f: getattr(a, f) for f in _AWAITED}, "case_id": pk} for a in p.awaited]
        at = changed.get(pk) or datetime.now(UTC)
        for r in p.public:
            out.tags += [(len(out.entries), t) for t in r.tags]
            out.entries.append(
                {
                    "case_id": pk,
                    "ref": r.ref,
                    "kind": r.kind,
                    "rank": RANK[r.kind],
                    "force": r.force,
                    "year": r.year,
                    "sort_on": r.sort_on,
                    "visible_from": r.visible_from,
                    "visible_until": r.visible_until,
                    "record": encoded(json_text(record_field, encode_record(r.record))),
                    "record_format": fmt,
                    "page": encoded(json_text(page_field, record_page.page(r.record))),
                    "search_text": r.search_text,
                    "changed_at": at,
                }
            )
    return out


def insert_read_rows(using: str, rows: ReadRows[K], ids: Mapping[K, int]) -> None:
    """Insert ``rows`` in the caller's transaction, each case's key replaced by ``ids[key]``."""

    def keyed(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{**r, "case_id": ids[r["case_id"]]} for r in items]

    insert(using, m.CaseListing, keyed(rows.listings))
    insert(using, m.CaseChair, keyed(rows.chairs))
    insert(using, m.DueEntry, keyed(rows.dues))
    insert(using, m.AwaitedEntry, keyed(rows.awaited))
    insert(using, m.CaseAssignee, keyed(rows.assignees))
    insert(using, m.DecisionEntry, keyed(rows.decisions))
    insert(using, m.CasePage, keyed(rows.pages))
    if rows.entries:
        entries = keyed(rows.entries)
        made = {
            (case_id, kind): pk
            for pk, case_id, kind in insert(
                using, m.PublicEntry, entries, returning=("id", "case_id", "kind")
            )
        }
        insert(
            using,
            m.PublicTag,
            [
                {"entry_id": made[(entries[i]["case_id"], entries[i]["kind"])], "tag": t}
                for i, t in rows.tags
            ],
        )


def delete_read_rows(using: str, ids: Sequence[int]) -> None:
    """Delete the read-model rows of the cases ``ids`` (in the caller's transaction)."""
    for model in (
        m.CaseListing,
        m.CaseChair,
        m.DueEntry,
        m.AwaitedEntry,
        m.CaseAssignee,
        m.DecisionEntry,
        m.CasePage,
    ):
        model.objects.using(using).filter(case_id__in=ids).delete()
    m.PublicTag.objects.using(using).filter(entry__case_id__in=ids).delete()
    m.PublicEntry.objects.using(using).filter(case_id__in=ids).delete()


def write_read_models(
    using: str,
    cases: Sequence[tuple[int, Case]],
    changed: Mapping[int, datetime],
    *,
    fresh: bool = False,
) -> None:
    """Replace the read-model rows of each ``(primary key, case)``; ``fresh``: none exist yet."""
    ids = [pk for pk, _ in cases]
    if not fresh:
        delete_read_rows(using, ids)
    insert_read_rows(using, read_rows(cases, changed), {pk: pk for pk in ids})


READ_MODELS = (
    m.PublicTag,
    m.PublicEntry,
    m.DueEntry,
    m.AwaitedEntry,
    m.CaseChair,
    m.CaseAssignee,
    m.DecisionEntry,
    m.CasePage,
    m.CaseListing,
)


def rebuild(
    using: str = "default",
    *,
    batch: int = 500,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Rewrite every read model from the events (each case folded from its own events, not from its
    stored state), in one transaction; the number of cases rebuilt."""
    from misconduct.app.repository import DjangoRepository

    repo = DjangoRepository(using)
    done = 0
    with transaction.atomic(using=using):
        for model in READ_MODELS:
            model.objects.using(using).all().delete()
        for chunk in chunks(
            m.Case.objects.using(using).order_by("id").values_list("id", "ref"), batch
        ):
            folded = repo.fold_many([pk for pk, _ in chunk])
            cases = [(pk, folded[pk][0]) for pk, _ in chunk]
            last = {pk: folded[pk][1] for pk, _ in chunk}
            write_read_models(using, cases, last, fresh=True)
            done += len(chunk)
            if progress is not None:
                progress(len(chunk))
    if connections[using].vendor == "sqlite":
        with connections[using].cursor() as cursor:
            cursor.execute("ANALYZE")
    return done


def chunks(rows: Iterable[T], size: int) -> Iterator[list[T]]:
    """``rows`` in lists of ``size`` (the last shorter), read as they come."""
    chunk: list[T] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_DUE_FIELDS = (
    "step",
    "title",
    "citation",
    "status",
    "nature",
    "party",
    "officer_id",
    "trigger",
    "due",
    "earliest",
    "latest",
    "last_day",
    "holder",
    "holder_role",
)
_DECIDED_FIELDS = (
    "officer_id",
    "decided_on",
    "regime",
    "forum",
    "finding",
    "outcome",
    "source",
    "came_to_attention",
)
READ_MODEL_NAMES = (
    "case list",
    "chairs",
    "time limits",
    "assignees",
    "decisions",
    "public records",
    "case page",
    "awaited steps",
)
"""What :func:`stored_rows` and :func:`expected_rows` give for a case, in order, as ``audit verify``
names each when it differs."""


def expected_rows(case: Case) -> tuple[object, ...]:
    """The read-model rows :func:`write_read_models` writes for ``case``, as plain comparable values
    in the order of :data:`READ_MODEL_NAMES` (each list sorted, so row order does not matter)."""
    from misconduct.app.web import casepage

    p = project(case)
    s = p.summary
    return (
        (
            s.ref,
            s.force,
            s.stage,
            s.version,
            s.came_to_attention,
            s.opened_on,
            [list(o) for o in s.officers],
            s.search_text,
            s.officer_text,
            s.standards,
            s.assignee,
            s.next_deadline,
            s.overdue_from,
            s.published_on,
            s.closed_on,
            s.closed_on is not None,
        ),
        sorted(s.chairs),
        sorted(tuple(getattr(d, f) for f in ("ref", "force", *_DUE_FIELDS)) for d in p.dues),
        sorted(tuple(a) for a in s.assignees),
        sorted(tuple(getattr(d, f) for f in ("ref", "force", *_DECIDED_FIELDS)) for d in p.decided),
        {
            r.kind: (
                r.ref,
                r.force,
                r.year,
                r.sort_on,
                r.visible_from,
                r.visible_until,
                r.record,
                r.search_text,
                tuple(sorted(r.tags)),
                record_page.page(r.record),
            )
            for r in p.public
        },
        casepage.expected(case),
        sorted(tuple(getattr(a, f) for f in _AWAITED) for a in p.awaited),
    )


def stored_rows(using: str, ids: Sequence[int]) -> dict[int, tuple[object, ...]]:
    """The stored read-model rows of the cases ``ids`` (one query a table), shaped as
    :func:`expected_rows` gives them; a case with no listing row is absent."""
    from misconduct.app.readmodels import decode_record
    from misconduct.app.web import casepage

    # values, not model objects: ``audit verify`` reads every case's rows
    listings = (
        m.CaseListing.objects.using(using)
        .filter(case_id__in=ids)
        .values_list(
            "case_id",
            "ref",
            "force_id",
            "stage",
            "version",
            "came_to_attention",
            "opened_on",
            "officers",
            "search_text",
            "officer_text",
            "standards",
            "assignee",
            "next_deadline",
            "overdue_from",
            "published_on",
            "closed_on",
            "closed",
        )
    )
    out: dict[int, list[object]] = {}
    for pk, *fields in listings:
        fields[6] = [list(o) for o in fields[6]]  # the officers, as lists
        out[pk] = [tuple(fields), [], [], [], [], {}, None, []]

    def rows(pk: int) -> list[object]:
        return out.setdefault(pk, [None, [], [], [], [], {}, None, []])

    for pk, key in (
        m.CaseChair.objects.using(using).filter(case_id__in=ids).values_list("case_id", "key")
    ):
        rows(pk)[1].append(key)  # type: ignore[attr-defined]
    for pk, *due in (
        m.DueEntry.objects.using(using)
        .filter(case_id__in=ids)
        .values_list("case_id", "ref", "force", *_DUE_FIELDS)
    ):
        rows(pk)[2].append(tuple(due))  # type: ignore[attr-defined]
    for pk, *assignee in (
        m.CaseAssignee.objects.using(using)
        .filter(case_id__in=ids)
        .values_list("case_id", "username", "role")
    ):
        rows(pk)[3].append(tuple(assignee))  # type: ignore[attr-defined]
    for pk, *decision in (
        m.DecisionEntry.objects.using(using)
        .filter(case_id__in=ids)
        .values_list("case_id", "ref", "force", *_DECIDED_FIELDS)
    ):
        rows(pk)[4].append(tuple(decision))  # type: ignore[attr-defined]
    tags: dict[int, list[str]] = {}
    for entry_id, tag in (
        m.PublicTag.objects.using(using)
        .filter(entry__case_id__in=ids)
        .values_list("entry_id", "tag")
    ):
        tags.setdefault(entry_id, []).append(tag)
    for pk, entry_id, kind, *entry, record, fmt, search_text, page in (
        m.PublicEntry.objects.using(using)
        .filter(case_id__in=ids)
        .values_list(
            "case_id",
            "id",
            "kind",
            "ref",
            "force",
            "year",
            "sort_on",
            "visible_from",
            "visible_until",
            "record",
            "record_format",
            "search_text",
            "page",
        )
    ):
        decoded = decode_record(record, fmt)
        # the page the public is shown: the stored one, else (written before it was kept, or by
        # other code) the one built from the stored record
        shown = record_page.usable(page)
        if shown is None and decoded is not None:
            shown = record_page.page(decoded)
        rows(pk)[5][kind] = (  # type: ignore[index]
            *entry,
            decoded,
            search_text,
            tuple(sorted(tags.get(entry_id, []))),
            shown,
        )
    for pk, ref, version, force, chairs, page, fmt in (
        m.CasePage.objects.using(using)
        .filter(case_id__in=ids)
        .values_list("case_id", "ref", "version", "force", "chairs", "parts", "parts_format")
    ):
        # a row of another format is what a rebuild would rewrite: it differs from the fold
        stored = json.loads(page) if fmt == casepage.FORMAT else None
        rows(pk)[6] = (ref, version, force, json.loads(chairs), stored)
    for pk, *awaited in (
        m.AwaitedEntry.objects.using(using)
        .filter(case_id__in=ids)
        .values_list("case_id", *_AWAITED)
    ):
        rows(pk)[7].append(tuple(awaited))  # type: ignore[attr-defined]
    for parts in out.values():
        for i in (1, 2, 3, 4, 7):
            parts[i] = sorted(parts[i])  # type: ignore[type-var]
    return {pk: tuple(parts) for pk, parts in out.items()}
