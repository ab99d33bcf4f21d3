"""The Django implementation of the services' storage ports: events appended, projection rewritten,
in one transaction; a stale version raises ``Conflict``.

Reads that need only the case as it stands (:meth:`DjangoRepository.load_states`) decode the state
stored with the last event instead of folding every event; the events stay the record, and a state
that is missing or of another shape of ``Case`` is folded from them.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from types import TracebackType
from typing import Any, Self

from django.apps import apps
from django.db import IntegrityError, connections, transaction

from misconduct.app import ledger
from misconduct.app import models as m
from misconduct.app.event_bytes import payload_columns
from misconduct.app.pgbackend import keys as foreign_keys
from misconduct.app.read_tables import delete_read_rows, read_rows
from misconduct.app.register import follow as register_follow
from misconduct.app.rows import among, encoded, insert, insert_values, json_text, values
from misconduct.app.web import casepage
from misconduct.app.web.publication import public_title
from misconduct.documents.redaction import officer_labels
from misconduct.domain.case import Case
from misconduct.domain.codec import from_plain, to_plain
from misconduct.domain.events import event_from_payload
from misconduct.domain.forces import force as force_named
from misconduct.domain.ledger import RecordedEvent
from misconduct.domain.personal import Datum, datum_commitment, is_erased, resolve
from misconduct.domain.records import DueItem
from misconduct.domain.reference import PATTERN, prefix, reference
from misconduct.domain.terms import Nature, Stage
from misconduct.errors import Conflict, InvalidInput
from misconduct.rules.vocabulary import Outcome
from misconduct.rules.warning import WarningRecord
from misconduct.services.ports import CaseSummary
from misconduct.services.retention import TAKE_DOWN_STEP

Appended = tuple[str, int, Sequence[RecordedEvent], Case]
"""A case's reference, the version it was at, its new events and the case after them."""


def _conflict(ref: str, expected: int) -> Conflict:
    return Conflict(
        f"case {ref} has changed since version {expected}: nothing was written; reload and try again",
        field="version",
        expected=str(expected),
        received=expected,
    )


def _shape(hint: Any, seen: frozenset[type] = frozenset()) -> str:
    """The shape of a type as the codec sees it: dataclass fields, generics, enum values."""
    origin = typing.get_origin(hint)
    if origin is not None:
        args = ",".join(_shape(a, seen) for a in typing.get_args(hint))
        return f"{getattr(origin, '__qualname__', repr(origin))}[{args}]"
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if hint in seen:
            return hint.__qualname__
        hints = typing.get_type_hints(hint)
        inner = seen | {hint}
        fields = ",".join(
            f"{f.name}:{_shape(hints[f.name], inner)}" for f in dataclasses.fields(hint) if f.init
        )
        return f"{hint.__qualname__}({fields})"
    if isinstance(hint, type) and issubclass(hint, Enum):
        return f"{hint.__qualname__}<{'|'.join(str(v.value) for v in hint)}>"
    return getattr(hint, "__qualname__", repr(hint))


# Bump when ``Case.apply`` changes what a fold gives without changing the shape of ``Case``, so that
# states stored before are folded again from the events rather than read.
_FOLD = 2


@functools.cache
def state_format() -> str:
    """The format of a stored state: a fingerprint of the shape of ``Case`` (and of :data:`_FOLD`)."""
    text = f"{_FOLD}:{_shape(Case)}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def decode_state(state: Any, fmt: str, version: int) -> Case | None:
    """The ``Case`` a stored state holds, or None unless it is of this format and at ``version``."""
    if fmt != state_format() or not isinstance(state, dict):
        return None
    try:
        case = from_plain(Case, state)
    except (InvalidInput, TypeError, ValueError):
        return None
    return case if case.version == version else None


class DjangoRepository:
    def __init__(self, using: str = "default") -> None:
        self.using = using

    def personal_data(self, case_ids: Iterable[int]) -> dict[int, dict[str, Datum]]:
        """The personal data the events of the cases ``case_ids`` refer to, by case (one query)."""
        out: dict[int, dict[str, Datum]] = {}
        rows = (
            m.PersonalDatum.objects.using(self.using)
            .filter(case_id__in=list(case_ids))
            .values_list("case_id", "datum_id", "value", "salt", "erased_on")
        )
        for pk, datum_id, value, salt, erased_on in rows:
            out.setdefault(pk, {})[datum_id] = Datum(datum_id, value, salt, erased_on)
        return out

    def events(self, ref: str) -> list[RecordedEvent]:
        # The events first, then their personal data: each event's data were committed with it, so
        # a write committed between the two queries cannot leave an event read without its data
        # (PostgreSQL's read committed gives each query the latest commits).
        rows = list(m.Event.objects.using(self.using).filter(case__ref=ref).order_by("sequence"))
        pk = m.Case.objects.using(self.using).filter(ref=ref).values_list("id", flat=True).first()
        data = self.personal_data([pk]).get(pk, {}) if pk is not None else {}
        return [
            RecordedEvent(
                ref,
                r.sequence,
                r.type,
                r.payload,
                r.occurred_on,
                r.recorded_at,
                r.actor,
                r.rules_version,
                r.previous_hash,
                r.hash,
                data,
            )
            for r in rows
        ]

    def load_state(self, ref: str) -> Case:
        """The case as it stands; an error naming the reference if unknown."""
        found = self.load_states([ref])
        if ref not in found:
            raise InvalidInput("REF", "the reference of an existing case", ref)
        return found[ref]

    def load_states(self, refs: Iterable[str] | None = None) -> dict[str, Case]:
        """Each existing case of ``refs`` (every case if None) as it stands, by reference: decoded
        from the state stored with its last event, or folded from its events where that state is
        missing, of another format or not at the case's version."""
        rows = m.Case.objects.using(self.using)
        if refs is not None:
            rows = rows.filter(ref__in=list(refs))
        out = {}
        for ref, version, state, fmt in rows.order_by("ref").values_list(
            "ref", "version", "state", "state_format"
        ):
            case = decode_state(state, fmt, version)
            if case is None:
                case = Case.from_events([r.event() for r in self.events(ref)])
            out[ref] = case
        return out

    def fold_many(self, ids: Sequence[int]) -> dict[int, tuple[Case, datetime]]:
        """Each case of the primary keys ``ids`` folded from its events, with when its last event
        was recorded (one query)."""
        rows = (
            m.Event.objects.using(self.using)
            .filter(case_id__in=list(ids))
            .order_by("case_id", "sequence")
            .values_list("case_id", "type", "payload", "occurred_on", "recorded_at")
        )
        events: dict[int, list[Any]] = {}
        last: dict[int, datetime] = {}
        data = self.personal_data(ids)
        for pk, kind, payload, on, at in rows:
            resolved = resolve(payload, data.get(pk, {}))
            events.setdefault(pk, []).append(event_from_payload(kind, resolved, on))
            last[pk] = at
        return {pk: (Case.from_events(evs), last[pk]) for pk, evs in events.items()}

    def all_events(self) -> Iterator[RecordedEvent]:
        """Every event, streamed in chunks in (case, sequence) order: one query, no model objects,
        with each case's personal data (streamed beside them in case order: one more query)."""
        for _, event in self.keyed_events():
            yield event

    def keyed_events(self) -> Iterator[tuple[int, RecordedEvent]]:
        """:meth:`all_events`, each with its case's primary key."""
        data = (
            m.PersonalDatum.objects.using(self.using)
            .order_by("case_id")
            .values_list("case_id", "datum_id", "value", "salt", "erased_on")
            .iterator(chunk_size=5000)
        )
        pending = next(data, None)
        current: tuple[int, dict[str, Datum]] = (-1, {})
        rows = (
            m.Event.objects.using(self.using)
            .order_by("case_id", "sequence")
            .values_list(
                "case_id",
                "case__ref",
                "sequence",
                "type",
                "payload",
                "occurred_on",
                "recorded_at",
                "actor",
                "rules_version",
                "previous_hash",
                "hash",
            )
        )
        for pk, *row in rows.iterator(chunk_size=5000):
            if pk != current[0]:
                current = (pk, {})
                while pending is not None and pending[0] <= pk:
                    if pending[0] == pk:
                        current[1][pending[1]] = Datum(*pending[1:])
                    pending = next(data, None)
            yield pk, RecordedEvent(*row, current[1])

    def refs(self) -> list[str]:
        return list(m.Case.objects.using(self.using).order_by("ref").values_list("ref", flat=True))

    def latest_reference(self, force: str, year: int) -> list[str]:
        """From the force and year's counter (one row), which every new case's write raises."""
        last = (
            m.ReferenceCounter.objects.using(self.using)
            .filter(key=f"{prefix(force)}-{year:04d}")
            .values_list("last", flat=True)
            .first()
        )
        return [reference(force, year, last)] if last else []

    def _count_references(self, refs: Iterable[str]) -> None:
        """Raise each force and year's counter to the highest number among ``refs`` (new cases), in
        the caller's transaction. Writers racing for one number are told apart by the unique
        reference of the case before they reach the counter; the row's lock orders the rest."""
        highest: dict[str, int] = {}
        for ref in refs:
            found = PATTERN.fullmatch(ref)
            if found is not None:
                key = ref[: found.start(2) - 1]
                highest[key] = max(highest.get(key, 0), int(found.group(2)))
        if not highest:
            return
        connection = connections[self.using]
        table = connection.ops.quote_name(m.ReferenceCounter._meta.db_table)
        with connection.cursor() as cursor:
            cursor.executemany(
                f'INSERT INTO {table} ("key", "last") VALUES (%s, %s) ON CONFLICT ("key") DO UPDATE'
                f' SET "last" = CASE WHEN excluded."last" > {table}."last" THEN excluded."last"'
                f' ELSE {table}."last" END',
                sorted(highest.items()),
            )

    def append(
        self, ref: str, expected_version: int, new: Sequence[RecordedEvent], case: Case
    ) -> None:
        self.append_many([(ref, expected_version, new, case)])

    def append_many(self, batch: Sequence[Appended]) -> None:
        """Append each case's new events and rewrite its projection and read models, all in the
        caller's transaction: the one write path, for one step or a batch of new cases (``db seed``).
        A stale version (or a reference already used by a new case) raises ``Conflict``."""
        self.write(prepare(batch, self.using))

    def write(self, rows: Prepared) -> None:
        """Write the rows :func:`prepare` built (in the caller's transaction): the cases' rows, their
        events and personal data, the ledger's entries, the projection and the read models. (While
        ``db seed`` writes on PostgreSQL, the foreign keys of the rows copied are checked once, as
        the write ends: ``pgbackend.keys``.)"""
        u = self.using
        if rows.vendor != connections[u].vendor:
            raise ValueError(f"rows prepared for {rows.vendor}, not {connections[u].vendor}")
        with foreign_keys.once_a_batch(connections[u]):
            self._write(rows)

    def _write(self, rows: Prepared) -> None:
        u = self.using
        db = m.Case.objects.using(u)
        ids: dict[str, int] = {}
        try:
            made = insert_values(u, m.Case, rows.created, returning=("id", "ref"), unique="ref")
            ids.update((ref, pk) for pk, ref in made)
            for ref, expected, fields in rows.updated:
                if db.filter(ref=ref, version=expected).update(**fields) != 1:
                    raise _conflict(ref, expected)
                ids[ref] = db.filter(ref=ref).values_list("id", flat=True).get()
            for label, items in rows.log:
                insert_values(u, apps.get_model(label), items, keys={"case_id": ids})
        except IntegrityError:
            raise _conflict(*rows.first) from None
        ledger.record_many(u, rows.ledger)
        self._count_references(ref for _, ref in made)
        self._register_officers(rows.persons)
        pks = list(ids.values())
        if not rows.fresh:
            m.Case.officers.through.objects.using(u).filter(case_id__in=pks).delete()
            for model in (m.Party, m.Allegation, m.TimeLimit, m.Warning):
                model.objects.using(u).filter(case_id__in=pks).delete()
            delete_read_rows(u, pks)
        officers = self._officers(rows.officers)
        for label, items in rows.tables:
            model = apps.get_model(label)
            keys = {"case_id": ids}
            if model in (m.Allegation, m.Warning, m.Case.officers.through):
                keys["officer_id"] = officers
            insert_values(u, model, items, keys=keys)
        # The steps kept for today on the other cases of these officers weighed their warnings.
        casepage.forget_steps(u, officers.values(), pks)
        # An outcome taken down leaves the national register with it (one indexed UPDATE).
        register_follow.taken_down(rows.taken_down, u)
        # An officer's name hidden after publication is hidden in the register's copies with it.
        for ref, labels, title in rows.anonymised:
            register_follow.anonymised(ref, labels, title, u)
        if rows.entries:
            entries = {
                (case_id, kind): pk
                for pk, case_id, kind in insert_values(
                    u,
                    m.PublicEntry,
                    rows.entries,
                    keys={"case_id": ids},
                    returning=("id", "case_id", "kind"),
                    # new cases: no other public record is theirs (PostgreSQL copies, then reads
                    # back by case, instead of one INSERT with a parameter for every value)
                    owned="case_id" if rows.fresh else "",
                )
            }
            insert(
                u,
                m.PublicTag,
                [
                    {
                        "entry_id": entries[(ids[rows.entry_keys[i][0]], rows.entry_keys[i][1])],
                        "tag": t,
                    }
                    for i, t in rows.tags
                ],
            )

    def _officers(self, rows: Sequence[Mapping[str, Any]]) -> dict[str, int]:
        """Insert or update the officers' rows; their primary keys by officer id. An officer's row
        is shared by their cases: an erased case never overwrites the name another case holds
        (``app.erasure`` erases it once no other case holds it)."""
        if not rows:
            return {}
        connection = connections[self.using]
        quote = connection.ops.quote_name
        table = quote(m.Officer._meta.db_table)
        columns = ("officer_id", "force_id", "warrant_number", "name", "rank", "serving")
        kinds = ("text", "text", "text", "text", "text", "boolean")
        names = ", ".join(quote(c) for c in columns)
        values = ", ".join(["%s"] * len(columns))
        update = ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in columns[1:])
        with connection.cursor() as cursor:
            for erased in (True, False):
                params = [[r[c] for c in columns] for r in rows if is_erased(r["name"]) == erased]
                if not params:
                    continue
                action = f" ON CONFLICT ({quote('officer_id')}) DO " + (
                    "NOTHING" if erased else f"UPDATE SET {update}"
                )
                if connection.vendor == "postgresql" and len({p[0] for p in params}) == len(params):
                    # One statement for many rows (each officer once, as ON CONFLICT DO UPDATE
                    # needs), in the rows' order, from one array a column: Django's cursor binds
                    # on the client, so executemany would send a statement a row for the server to
                    # parse and plan again, and a parameter a value a statement of thousands. (The
                    # arrays are text, so that the insert checks each value's length as before.)
                    arrays = ", ".join(f"%s::{kind}[]" for kind in kinds)
                    cursor.execute(
                        f"INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays}){action}",
                        [list(column) for column in zip(*params, strict=True)],
                    )
                else:
                    cursor.executemany(
                        f"INSERT INTO {table} ({names}) VALUES ({values}){action}", params
                    )
            which, params = among(self.using, quote("officer_id"), [r["officer_id"] for r in rows])
            cursor.execute(
                f"SELECT {quote('officer_id')}, {quote('id')} FROM {table} WHERE {which}", params
            )
            return dict(cursor.fetchall())

    def _register_officers(self, persons: Sequence[tuple[str, str, str]]) -> None:
        """Put each officer of new cases (id, force, warrant number, from :func:`prepare`) that the
        officers' person table does not know there, in the caller's transaction. The table allows
        one id for a force and number: a writer who registered the same officer first makes this
        raise ``Conflict``."""
        every = {oid: (force, number) for oid, force, number in persons}
        if not every:
            return
        connection = connections[self.using]
        quote = connection.ops.quote_name
        which, params = among(self.using, quote("officer_id"), list(every))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote('officer_id')} FROM {quote(m.OfficerPerson._meta.db_table)}"
                f" WHERE {which}",
                params,
            )
            known = {oid for (oid,) in cursor.fetchall()}
        new = [
            {"officer_id": oid, "force_id": force, "warrant_number": number}
            for oid, (force, number) in every.items()
            if oid not in known
        ]
        try:
            insert(self.using, m.OfficerPerson, new)
        except IntegrityError:
            raise Conflict(
                "an officer of the case already has another id here (another writer opened a "
                "case for them at the same moment, or the case comes from another database): "
                "nothing was written",
                field="officer",
                expected="one id for each officer",
                received=", ".join(sorted(o["officer_id"] for o in new)),
            ) from None

    def officer_id(self, force: str, warrant_number: str) -> str | None:
        """The id the officers' person table gives the officer (None if unknown or erased)."""
        found: str | None = (
            m.OfficerPerson.objects.using(self.using)
            .filter(force_id=force, warrant_number=warrant_number)
            .values_list("officer_id", flat=True)
            .first()
        )
        return found

    def erase_personal(self, ref: str, ids: Sequence[str], on: date) -> int:
        """Delete the values and salts of the case's personal data ``ids``, keeping each as a
        tombstone dated ``on`` (in the caller's transaction); how many were erased."""
        return (
            m.PersonalDatum.objects.using(self.using)
            .filter(case__ref=ref, datum_id__in=list(ids), value__isnull=False)
            .update(value=None, salt=None, erased_on=on)
        )

    def _case_fields(self, case: Case) -> dict[str, Any]:
        return case_fields(case)

    def summaries(self) -> list[CaseSummary]:
        """Every case's summary line with its open time limits, from the read models."""
        u = self.using
        limits: dict[str, list[DueItem]] = {}
        rows = m.DueEntry.objects.using(u).exclude(step=TAKE_DOWN_STEP)  # open limits only
        for d in rows.order_by("ref", "last_day", "id"):
            limits.setdefault(d.ref, []).append(due_item(d))
        return [
            CaseSummary(
                ref=r.ref,
                force=r.force_id,
                stage=Stage(r.stage),
                version=r.version,
                came_to_attention=r.came_to_attention,
                officers=tuple(o[2] for o in r.officers),
                open_limits=tuple(limits.get(r.ref, ())),
                closed=r.closed,
            )
            for r in m.CaseListing.objects.using(u).order_by("ref")
        ]

    def cases_of_officer(self, officer_id: str) -> list[Case]:
        refs = m.Case.objects.using(self.using).filter(officers__officer_id=officer_id)
        return list(self.load_states(refs.values_list("ref", flat=True)).values())

    def warnings_of(
        self, officer_ids: Sequence[str], *, excluding: str | None = None
    ) -> dict[str, list[WarningRecord]]:
        """Each officer's warnings in one query (from every case but ``excluding``'s)."""
        out: dict[str, list[WarningRecord]] = {}
        rows = m.Warning.objects.using(self.using).filter(officer__officer_id__in=list(officer_ids))
        if excluding is not None:
            rows = rows.exclude(case__ref=excluding)
        for oid, kind, on, months, career_break in rows.order_by("id").values_list(
            "officer__officer_id", "kind", "notified_on", "months", "career_break_days"
        ):
            out.setdefault(oid, []).append(WarningRecord(Outcome(kind), on, months, career_break))
        return out

    def warnings_for(self, officer_id: str, *, excluding: str) -> list[WarningRecord]:
        rows = (
            m.Warning.objects.using(self.using)
            .filter(officer__officer_id=officer_id)
            .exclude(case__ref=excluding)
        )
        return [
            WarningRecord(Outcome(w.kind), w.notified_on, w.months, w.career_break_days)
            for w in rows
        ]


Table = tuple[str, list[list[Any]]]
"""A model (by label: the officers' through model is not picklable) and the values of its new rows
(``rows.values``), naming their case by reference (and their officer by officer id) until written."""


@dataclass
class Prepared:
    """The rows a batch of :data:`Appended` writes, built by :func:`prepare` without the database
    (so a worker process may build them), their values converted for the database's ``vendor``; each
    names its case by reference and its officer by officer id until :meth:`DjangoRepository.write`
    gives them their keys."""

    vendor: str
    created: list[list[Any]]
    """New cases' rows."""
    updated: list[tuple[str, int, dict[str, Any]]]
    """Each existing case's reference, the version it was at, and its fields after the write."""
    log: list[Table]
    """The events and their personal data."""
    ledger: list[tuple[str, int, str, datetime]]
    fresh: bool
    """Whether every case is new (no rows of theirs to delete first)."""
    officers: list[dict[str, Any]]
    persons: list[tuple[str, str, str]]
    """New cases' officers for the officers' person table: id, force, warrant number."""
    tables: list[Table]
    """The projection and the read models but the public records."""
    entries: list[list[Any]]
    """The public records."""
    entry_keys: list[tuple[str, str]]
    """Each public record's case reference and kind, in the order of ``entries``."""
    tags: list[tuple[int, str]]
    """Each public record's tags, naming it by its position in ``entries``."""
    first: tuple[str, int]
    """The first case's reference and version, which a refused write names."""
    taken_down: list[str] = field(default_factory=list)
    """The existing cases whose published outcome is taken down: the register's copy leaves it in
    the same transaction (``register.follow``)."""
    anonymised: list[tuple[str, list[str], str]] = field(default_factory=list)
    """The existing cases with a published outcome whose officers' names are hidden (an anonymity
    order, a hearing in private): each reference, its officers' public labels and its outcome's
    title, which the register's copies take in the same transaction (``register.follow``)."""


def hidden_labels(case: Case) -> tuple[list[str], str] | None:
    """The public labels of ``case``'s officers and its outcome's title, when they hide the names of
    its published outcome (None otherwise, and for a case never published)."""
    if case.published_on is None:
        return None
    labels = officer_labels(case)
    if not any(hidden for _, _, hidden in labels):
        return None
    names = [label for _, label, _ in labels]
    return names, public_title("outcome", names, force_named(case.force).name)


def case_fields(case: Case) -> dict[str, Any]:
    """The columns of a case's row (``state`` as plain JSON values)."""
    arrangement = case.proceedings.arrangement if case.proceedings else None
    return {
        "force_id": case.force,
        "source": case.source.value,
        "came_to_attention": case.came_to_attention,
        "summary": case.summary,
        "stage": case.stage.value,
        "version": case.version,
        "forum": case.forum.value if case.forum else "",
        "anonymity_cipher": arrangement.anonymity_cipher if arrangement else "",
        "closed_on": case.closed_on,
        "state": to_plain(case),
        "state_format": state_format(),
    }


def prepare(batch: Sequence[Appended], using: str = "default") -> Prepared:
    """The rows ``batch`` writes into the database ``using``: the cases' rows, events, personal
    data, ledger entries, projection (officers, parties, allegations, time limits, warnings) and
    read models."""
    state_field = m.Case._meta.get_field("state")
    vendor = connections[using].vendor
    standards_field = m.Allegation._meta.get_field("standards")
    created, updated = [], []
    for ref, version, _, case in batch:
        fields = case_fields(case)
        if version == 0:
            fields["state"] = encoded(json_text(state_field, fields["state"]))
            created.append({"ref": ref, **fields})
        else:
            updated.append((ref, version, fields))
    events = [
        {
            "case_id": ref,
            "sequence": e.sequence,
            "type": e.type,
            **payload_columns(e.payload, vendor, e.payload_text),
            "occurred_on": e.occurred_on,
            "recorded_at": e.recorded_at,
            "actor": e.actor,
            "rules_version": e.rules_version,
            "previous_hash": e.previous_hash,
            "hash": e.hash,
        }
        for ref, _, new, _ in batch
        for e in new
    ]
    personal = [
        {
            "case_id": ref,
            "datum_id": d.id,
            "value": d.value,
            "salt": d.salt,
            "erased_on": d.erased_on,
            "commitment": datum_commitment(d),
        }
        for ref, _, new, _ in batch
        for e in new
        for d in e.data().values()
    ]
    officers = {
        o.officer_id: {
            "officer_id": o.officer_id,
            "force_id": o.force,
            "warrant_number": o.warrant_number,
            "name": o.name,
            "rank": o.rank.value,
            "serving": o.serving,
        }
        for _, _, _, case in batch
        for o in case.officers.values()
    }
    parties: list[dict[str, Any]] = []
    allegations: list[dict[str, Any]] = []
    limits: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    for ref, _, _, case in batch:
        parties += [
            {"case_id": ref, "role": p.role.value, "name": p.name, "detail": p.detail}
            for p in case.parties
        ]
        for a in case.allegations.values():
            f = case.findings.get(a.allegation_id)
            allegations.append(
                {
                    "case_id": ref,
                    "allegation_id": a.allegation_id,
                    "officer_id": a.officer_id,
                    "particulars": a.particulars,
                    "conduct_from": a.conduct_from,
                    "conduct_to": a.conduct_to,
                    "on_duty": a.on_duty,
                    "standards": encoded(json_text(standards_field, list(a.standards))),
                    "proven": f.proven if f else None,
                    "finding_level": f.level.value if f else "",
                }
            )
        limits += [
            {
                "case_id": ref,
                "step": t.item.step,
                "title": t.item.title,
                "citation": t.item.citation,
                "status": t.item.status,
                "nature": t.item.nature.value,
                "party": t.item.party,
                "officer_id": t.item.officer_id or "",
                "trigger": t.item.trigger,
                "due": t.item.due,
                "earliest": t.item.earliest,
                "latest": t.item.latest,
                "last_day": t.item.last_day,
                "met_on": t.met_on,
            }
            for t in case.time_limits
        ]
        warnings += [
            {
                "officer_id": o.officer_id,
                "case_id": ref,
                "kind": w.kind.value,
                "notified_on": w.notified_on,
                "months": w.months,
                "career_break_days": w.career_break_days,
                "expires_on": WarningRecord(
                    w.kind, w.notified_on, w.months, w.career_break_days
                ).expires_on(),
                "prior": True,
            }
            for o in case.officers.values()
            for w in o.prior_warnings
        ]
        for oid, d in case.decisions.items():
            months = d.decision.warning_months
            if d.notified_on and d.warning_expires_on and months:
                warnings.append(
                    {
                        "officer_id": oid,
                        "case_id": ref,
                        "kind": d.decision.outcome.value,
                        "notified_on": d.notified_on,
                        "months": months,
                        "expires_on": d.warning_expires_on,
                    }
                )
    read = read_rows(
        [(ref, case) for ref, _, _, case in batch],
        {ref: new[-1].recorded_at for ref, _, new, _ in batch if new},
    )
    u = using
    through = m.Case.officers.through
    links = [
        {"case_id": ref, "officer_id": oid} for ref, _, _, case in batch for oid in case.officers
    ]
    return Prepared(
        vendor=connections[u].vendor,
        created=values(u, m.Case, created),
        updated=updated,
        log=[
            (m.Event._meta.label, values(u, m.Event, events)),
            (m.PersonalDatum._meta.label, values(u, m.PersonalDatum, personal)),
        ],
        ledger=[
            (ref, new[-1].sequence, new[-1].hash, new[-1].recorded_at)
            for ref, _, new, _ in batch
            if new
        ],
        fresh=all(v == 0 for _, v, _, _ in batch),
        officers=list(officers.values()),
        persons=[
            (o.officer_id, o.force, o.warrant_number)
            for _, version, _, case in batch
            if version == 0
            for o in case.officers.values()
            if not is_erased(o.warrant_number)
        ],
        tables=[
            (model._meta.label, values(u, model, items))
            for model, items in (
                (through, links),
                (m.Party, parties),
                (m.Allegation, allegations),
                (m.Warning, warnings),
                (m.TimeLimit, limits),
                (m.CaseListing, read.listings),
                (m.CaseChair, read.chairs),
                (m.DueEntry, read.dues),
                (m.AwaitedEntry, read.awaited),
                (m.CaseAssignee, read.assignees),
                (m.DecisionEntry, read.decisions),
                (m.CasePage, read.pages),
            )
        ],
        entries=values(u, m.PublicEntry, read.entries),
        entry_keys=[(r["case_id"], r["kind"]) for r in read.entries],
        tags=read.tags,
        first=(batch[0][0], batch[0][1]),
        taken_down=[
            ref
            for ref, version, _, case in batch
            if version and case.publication_removed_on is not None
        ],
        anonymised=[
            (ref, *hidden)
            for ref, version, _, case in batch
            if version and (hidden := hidden_labels(case)) is not None
        ],
    )


def warnings_of(
    officer_ids: Iterable[str], *, excluding: str, using: str = "default"
) -> dict[str, list[WarningRecord]]:
    """:meth:`DjangoRepository.warnings_for` of each officer of ``officer_ids``, in one query (the
    case page asks for every officer of the case); an officer with none has an empty list."""
    ids = list(officer_ids)
    found = DjangoRepository(using).warnings_of(ids, excluding=excluding)
    return {oid: found.get(oid, []) for oid in ids}


def due_item(t: m.DueEntry) -> DueItem:
    return DueItem(
        step=t.step,
        title=t.title,
        citation=t.citation,
        status=t.status,
        trigger=t.trigger,
        nature=Nature(t.nature),
        party=t.party,
        due=t.due,
        earliest=t.earliest,
        latest=t.latest,
        officer_id=t.officer_id or None,
    )


class DjangoUnitOfWork:
    """One database transaction; rolled back unless ``commit`` is called."""

    def __init__(self, using: str = "default") -> None:
        self.using = using
        self.cases = DjangoRepository(using)
        self._committed = False

    def __enter__(self) -> Self:
        self._atomic = transaction.atomic(using=self.using)
        self._atomic.__enter__()
        self._committed = False
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None and not self._committed:
            transaction.set_rollback(True, using=self.using)
        self._atomic.__exit__(exc_type, exc, tb)

    def commit(self) -> None:
        self._committed = True
