"""``misconduct audit verify`` over the database: every case's hash chain, the ledger that anchors
each case's head outside its rows, every stored state and read model against a fold of the events,
and (given one) a checkpoint kept outside the database.

What it finds, it names: the case, the position or sequence, and what does not match; never the
content (names, particulars) of what it compared.

Speed (issue 10): rows are read with the database's own cursor (no model objects), each event's hash
is written from its stored columns (:func:`~misconduct.domain.ledger.event_hash`, the same bytes as
``computed_hash``), and the cases are checked in ranges of :data:`CHUNK`, each range in a worker
process when the machine has more than one core (``workers``), the results merged in case order.
``chain_only`` leaves out the fold of each case (the stored state, columns and read models against
its events) and says so: the chains, the personal data, the evidence files, the ledger and the
checkpoint are checked either way.
"""

from __future__ import annotations

import hmac
import itertools
import json
import multiprocessing
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from django.db import connections

from misconduct.app import models as m
from misconduct.app.ledger import Checkpoint, audit_key, chain_of, mac_of
from misconduct.app.read_tables import READ_MODEL_NAMES, expected_rows, stored_rows
from misconduct.app.readmodels import record_format
from misconduct.app.repository import state_format
from misconduct.domain import personal as pd
from misconduct.domain.case import Case
from misconduct.domain.codec import to_plain
from misconduct.domain.events import PersonalDataErased, event_from_payload
from misconduct.domain.ledger import GENESIS, RecordedEvent, event_hash
from misconduct.rules.catalogue import default_catalogue
from misconduct.services.audit import first_changed_file


@dataclass(frozen=True)
class Problem:
    where: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


@dataclass(frozen=True)
class Report:
    cases: int
    events: int
    ledger: int
    problems: tuple[Problem, ...]
    keyed: bool
    chain_only: bool = False
    """True when the fold of each case (stored state, columns, read models) was not compared."""
    workers: int = 1
    """Processes that checked the cases."""

    @property
    def ok(self) -> bool:
        return not self.problems


def _table(model: type[Any], using: str) -> str:
    return str(connections[using].ops.quote_name(model._meta.db_table))


def _columns(using: str, *names: str) -> str:
    quote = connections[using].ops.quote_name
    return ", ".join(quote(n) for n in names)


def _day(value: Any) -> Any:
    """A stored date as a ``date`` (SQLite's cursor gives its text); None stays None."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def _moment(value: Any) -> datetime:
    """A stored time as an aware ``datetime`` (SQLite's cursor gives naive UTC text, as Django
    wrote it; PostgreSQL's gives an aware value)."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if not isinstance(moment, datetime):
        raise TypeError("not a time")
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _ledger(using: str) -> tuple[list[Problem], dict[str, tuple[int, str]], list[str]]:
    """The ledger's own chain (and keyed hashes); each case's last anchored head ``(count, head)``
    by reference; every entry's chain in order (for a checkpoint)."""
    problems: list[Problem] = []
    heads: dict[str, tuple[int, str]] = {}
    chains: list[str] = []
    key = audit_key()
    previous, keyed = GENESIS, False
    columns = _columns(using, "position", "case_ref", "count", "head", "previous", "chain", "mac")
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM {_table(m.LedgerEntry, using)} ORDER BY "
            + _columns(using, "position")
        )
        for n, (position, ref, count, head, before, chain, mac) in enumerate(
            cursor.fetchall(), start=1
        ):
            where = f"ledger entry {position}"
            if position != n:
                problems.append(Problem(where, f"expected position {n}: entries are missing"))
                break
            if before != previous:
                problems.append(Problem(where, "does not follow the entry before"))
            if chain_of(before, ref, count, head) != chain:
                problems.append(Problem(where, "its chain does not match its content"))
            if key is not None and (mac or keyed):
                keyed = True
                if not hmac.compare_digest(mac, mac_of(chain, key)):
                    problems.append(Problem(where, "its keyed hash does not match (audit key)"))
            previous = chain
            heads[ref] = (count, head)
            chains.append(chain)
    tip = m.LedgerTip.objects.using(using).filter(id=1).values_list("position", flat=True).first()
    if tip is not None and tip != len(chains):
        problems.append(Problem("ledger", f"the tip says {tip} entries, {len(chains)} are stored"))
    return problems, heads, chains


CHUNK = 500
"""Cases checked together (one range of primary keys): their rows, events, personal data and read
models in a few queries, so memory holds one range whatever the number of cases."""


@dataclass
class _Row:
    """A case's stored row, with its parties and allegations (what ``_fold`` compares)."""

    ref: str
    version: int
    state: Any
    state_format: str
    stage: str
    anonymity_cipher: str
    closed_on: Any
    summary: str
    parties: list[tuple[str, str]] = field(default_factory=list)
    allegations: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Job:
    """What every range's check needs (given to worker processes when they start)."""

    using: str
    heads: dict[str, tuple[int, str]]
    read_file: Callable[[str], bytes] | None
    chain_only: bool


@dataclass
class _Part:
    """One range's findings, in case order."""

    cases: int = 0
    events: int = 0
    refs: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


_Event = tuple[int, str, Any, date, datetime, str, str, str, str]
"""An event as stored: sequence, type, payload, occurred on, recorded at, actor, rules version,
previous hash, hash."""


def _rows(using: str, lo: int, hi: int) -> dict[int, _Row]:
    """The rows of the cases whose primary keys are from ``lo`` to ``hi``, in key order."""
    connection = connections[using]
    between = f"{connection.ops.quote_name('case_id')} BETWEEN %s AND %s"
    with connection.cursor() as cursor:
        columns = _columns(
            using,
            "id",
            "ref",
            "version",
            "state",
            "state_format",
            "stage",
            "anonymity_cipher",
            "closed_on",
            "summary",
        )
        cursor.execute(
            f"SELECT {columns} FROM {_table(m.Case, using)} WHERE "
            f"{connection.ops.quote_name('id')} BETWEEN %s AND %s ORDER BY "
            + _columns(using, "id"),
            [lo, hi],
        )
        rows = {pk: _Row(*fields) for pk, *fields in cursor.fetchall()}
        cursor.execute(
            f"SELECT {_columns(using, 'case_id', 'role', 'name')} FROM {_table(m.Party, using)} "
            f"WHERE {between}",
            [lo, hi],
        )
        for pk, role, name in cursor.fetchall():
            if pk in rows:
                rows[pk].parties.append((role, name))
        cursor.execute(
            f"SELECT {_columns(using, 'case_id', 'allegation_id', 'particulars')} "
            f"FROM {_table(m.Allegation, using)} WHERE {between}",
            [lo, hi],
        )
        for pk, aid, particulars in cursor.fetchall():
            if pk in rows:
                rows[pk].allegations[aid] = particulars
    return rows


def _personal(using: str, lo: int, hi: int) -> dict[int, dict[str, pd.Datum]]:
    """The personal data of the cases from ``lo`` to ``hi``, by case and id."""
    connection = connections[using]
    out: dict[int, dict[str, pd.Datum]] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {_columns(using, 'case_id', 'datum_id', 'value', 'salt', 'erased_on')} "
            f"FROM {_table(m.PersonalDatum, using)} WHERE "
            f"{connection.ops.quote_name('case_id')} BETWEEN %s AND %s",
            [lo, hi],
        )
        for pk, datum_id, value, salt, erased_on in cursor.fetchall():
            out.setdefault(pk, {})[datum_id] = pd.Datum(datum_id, value, salt, _day(erased_on))
    return out


def _events(using: str, lo: int, hi: int) -> Iterator[tuple[int, list[tuple[Any, ...]]]]:
    """Each case's stored events (raw columns, sequence order) for the cases ``lo`` to ``hi``."""
    connection = connections[using]
    columns = _columns(
        using,
        "case_id",
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
    case_id = connection.ops.quote_name("case_id")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM {_table(m.Event, using)} WHERE {case_id} BETWEEN %s AND %s "
            f"ORDER BY {case_id}, {connection.ops.quote_name('sequence')}",
            [lo, hi],
        )
        for pk, rows in itertools.groupby(cursor.fetchall(), key=lambda r: r[0]):
            yield pk, [r[1:] for r in rows]


_references: list[tuple[Any, Any]] = []
"""The personal-data references met by :func:`_decode`'s last call."""


def _note(obj: dict[str, Any]) -> dict[str, Any]:
    if len(obj) == 2 and pd.ID_KEY in obj and pd.COMMITMENT_KEY in obj:
        _references.append((obj[pd.ID_KEY], obj[pd.COMMITMENT_KEY]))
    return obj


_decode = json.JSONDecoder(object_hook=_note).decode
"""A stored payload decoded, noting in :data:`_references` every object shaped as a reference to
personal data (``pd.is_reference``) at any depth, so that they need no second walk."""


_held: dict[str, pd.Datum] = {}
"""The personal data :func:`_decode_resolved` puts in place of references (one case's)."""


def _resolve(obj: dict[str, Any]) -> Any:
    if len(obj) == 2 and pd.ID_KEY in obj and pd.COMMITMENT_KEY in obj:
        datum = _held.get(obj[pd.ID_KEY])
        if datum is None:  # as ``RecordedEvent.event`` says it
            raise ValueError(f"personal datum {obj[pd.ID_KEY]} is missing")
        return datum.shown()
    return obj


_decode_resolved = json.JSONDecoder(object_hook=_resolve).decode
"""A stored payload decoded with each reference replaced by its personal value as held now:
``pd.resolve`` of the payload without a second walk over it."""


def _payload(stored: Any) -> tuple[Any, list[tuple[Any, Any]] | None]:
    """The payload, with its references (None if they were not noted: already decoded)."""
    if not isinstance(stored, str):
        return stored, None
    _references.clear()
    payload = _decode(stored)
    return payload, list(_references)


def _personal_holds(
    references: list[tuple[Any, Any]], data: dict[str, pd.Datum], erased: frozenset[str]
) -> bool:
    """True if every reference holds as ``pd.check`` checks it. These are every object of the
    payload shaped as a reference, so a superset of what ``pd.check`` walks: all holding, it finds
    nothing; otherwise ``pd.check`` itself names the first that does not (in its order)."""
    for datum_id, committed in references:
        if not isinstance(datum_id, str):
            return False
        datum = data.get(datum_id)
        if datum is None:
            return False
        if datum.value is None or datum.salt is None:
            if datum_id not in erased:
                return False
        elif pd.commitment(datum_id, datum.salt, datum.value) != committed:
            return False
    return True


@dataclass
class _Texts:
    """Each event's stored payload text and the references noted in it (None: not noted)."""

    stored: list[Any] = field(default_factory=list)
    noted: list[list[tuple[Any, Any]] | None] = field(default_factory=list)


def _chain(
    ref: str, stored: list[tuple[Any, ...]], data: dict[str, pd.Datum], texts: _Texts
) -> tuple[list[_Event], Problem | None]:
    """The case's events decoded, and the first broken link of its chain, as
    :func:`~misconduct.domain.ledger.verify_chain` finds it (sequence, link, hash, personal data)."""
    events: list[_Event] = []
    noted = texts.noted
    for sequence, kind, text, on, at, actor, rules, previous, digest in stored:
        try:
            payload, references = _payload(text)
            events.append(
                (sequence, kind, payload, _day(on), _moment(at), actor, rules, previous, digest)
            )
            noted.append(references)
            texts.stored.append(text)
        except (ValueError, TypeError) as exc:
            where = f"case {ref}, event {sequence} ({kind})"
            return events, Problem(where, f"a stored column cannot be read ({type(exc).__name__})")
    erased = frozenset(
        str(i)
        for e in events
        if e[1] == PersonalDataErased.__name__ and isinstance(e[2], dict)
        for i in e[2].get("data", ())
    )
    previous_hash, expected = GENESIS, 1
    for (sequence, kind, payload, on, at, actor, rules, previous, digest), references in zip(
        events, noted, strict=True
    ):
        where = f"case {ref}, event {sequence} ({kind})"
        if sequence != expected:
            return events, Problem(where, f"expected sequence {expected}")
        if previous != previous_hash:
            return events, Problem(where, "previous_hash does not match the event before")
        computed = event_hash(
            ref,
            sequence,
            kind,
            payload,
            on.isoformat(),
            at.astimezone(UTC).isoformat(),
            actor,
            rules,
            previous,
        )
        if computed != digest:
            return events, Problem(where, "stored hash does not match the event's content")
        if references is None or not _personal_holds(references, data, erased):
            problem = pd.check(payload, data, erased)
            if problem is not None:
                return events, Problem(where, problem)
        previous_hash = digest
        expected += 1
    return events, None


def _files(
    ref: str,
    events: list[_Event],
    data: dict[str, pd.Datum],
    read_file: Callable[[str], bytes],
) -> Problem | None:
    """The first evidence file missing or changed (``services.audit.first_changed_file``)."""
    if not any(e[1] == "EvidenceAttached" for e in events):
        return None
    link = first_changed_file([RecordedEvent(ref, *e, data) for e in events], read_file)
    return (
        Problem(f"case {ref}, event {link.sequence} ({link.type})", link.problem) if link else None
    )


def _replay(events: list[_Event], data: dict[str, pd.Datum], texts: _Texts) -> Case:
    """The fold of the case's events, each with its personal values as held now."""
    decoded = []
    _held.clear()
    _held.update(data)
    for (_, kind, payload, on, *_), text, references in zip(
        events, texts.stored, texts.noted, strict=True
    ):
        if references is None:  # decoded by the driver: walked
            try:
                resolved = pd.resolve(payload, data)
            except KeyError as exc:  # as ``RecordedEvent.event`` says it
                raise ValueError(f"personal datum {exc.args[0]} is missing") from None
        elif references:
            resolved = _decode_resolved(text)
        else:  # no personal data: as stored
            resolved = payload
        decoded.append(event_from_payload(kind, resolved, on))
    return Case.from_events(decoded)


def _fold(
    ref: str,
    events: list[_Event],
    data: dict[str, pd.Datum],
    texts: _Texts,
    row: _Row,
    read: tuple[object, ...] | None,
) -> list[Problem]:
    """The stored state and the read models of one case against the fold of its events (with its
    personal data as held now: an erased value folds to its placeholder, as it was stored)."""
    where = f"case {ref}"
    try:
        fold = _replay(events, data, texts)
    except Exception as exc:  # a history the domain cannot replay is itself the finding
        return [Problem(where, f"its events cannot be replayed ({type(exc).__name__})")]
    problems = []
    if row.version != fold.version:
        problems.append(
            Problem(where, f"stored version {row.version}, the events give {fold.version}")
        )
    if row.state_format == state_format():
        try:
            state = json.loads(row.state) if isinstance(row.state, str) else row.state
        except ValueError:
            state = None
        # to_plain gives JSON values already (lists, string keys), so it compares with the JSON
        if to_plain(fold) != state:
            problems.append(Problem(where, "the stored state differs from the fold of its events"))
    columns = {
        "stage": fold.stage.value,
        "anonymity_cipher": fold.proceedings.arrangement.anonymity_cipher
        if fold.proceedings
        else "",
        "closed_on": fold.closed_on,
        "summary": fold.summary,
    }
    for name, value in columns.items():
        stored = getattr(row, name)
        if (_day(stored) if name == "closed_on" else stored) != value:
            problems.append(
                Problem(where, f"the stored {name.replace('_', ' ')} differs from the events")
            )
    if sorted(row.parties) != sorted((p.role.value, p.name) for p in fold.parties):
        problems.append(Problem(where, "the stored parties differ from the events"))
    if row.allegations != {k: a.particulars for k, a in fold.allegations.items()}:
        problems.append(Problem(where, "the stored allegations differ from the events"))
    if read is None:
        problems.append(
            Problem(where, "has no row in the case list (rebuild: misconduct db rebuild)")
        )
    else:
        for name, held, folded in zip(READ_MODEL_NAMES, read, expected_rows(fold), strict=True):
            if held != folded:
                problems.append(
                    Problem(
                        where,
                        f"its {name} (read model) differ from the events "
                        "(rebuild: misconduct db rebuild)",
                    )
                )
    return problems


_job: _Job | None = None
"""The job of this worker process (set when it starts)."""


def _start(job: _Job | None) -> None:
    global _job
    _job = job


def _check(bounds: tuple[int, int]) -> _Part:
    """Every case whose primary key is from ``bounds[0]`` to ``bounds[1]``: its chain, its head
    against the ledger, its evidence files and (unless chain only) its fold."""
    job = _job
    assert job is not None, "the job is set before any range is checked"
    lo, hi = bounds
    rows = _rows(job.using, lo, hi)
    data = _personal(job.using, lo, hi)
    read = {} if job.chain_only else stored_rows(job.using, list(rows))
    stored = _events(job.using, lo, hi)
    part = _Part()
    pending = next(stored, None)
    for pk, row in rows.items():
        ref = row.ref
        while pending is not None and pending[0] < pk:  # events of no case row (not possible while
            pending = next(stored, None)  # the foreign key holds): the ledger notices
        raw: list[tuple[Any, ...]] = []
        if pending is not None and pending[0] == pk:
            raw = pending[1]
            pending = next(stored, None)
        held = data.get(pk, {})
        part.refs.append(ref)
        part.cases += 1
        part.events += len(raw)
        texts = _Texts()
        events, link = _chain(ref, raw, held, texts) if raw else ([], None)
        if link is None and raw and job.read_file is not None:
            link = _files(ref, events, held, job.read_file)
        if link is not None:
            part.problems.append(link)
        head = job.heads.get(ref)
        if head is None:
            part.problems.append(Problem(f"case {ref}", "is not anchored in the ledger"))
        elif not raw:
            part.problems.append(
                Problem(f"case {ref}", "is in the ledger but its events are missing")
            )
        elif (raw[-1][0], raw[-1][8]) != head:
            part.problems.append(
                Problem(
                    f"case {ref}",
                    f"the ledger anchors {head[0]} events, {len(raw)} are stored "
                    "(events removed or rewritten)",
                )
            )
        if raw and not job.chain_only:
            if len(events) < len(raw):  # a column that cannot be read: nothing to fold
                part.problems.append(
                    Problem(f"case {ref}", "its events cannot be replayed (unreadable column)")
                )
            else:
                part.problems += _fold(ref, events, held, texts, row, read.get(pk))
    return part


def _ranges(using: str, size: int) -> list[tuple[int, int]]:
    """The cases' primary keys in ranges of ``size`` cases, first and last key of each."""
    ids = list(m.Case.objects.using(using).order_by("id").values_list("id", flat=True))
    return [(ids[i], ids[min(i + size, len(ids)) - 1]) for i in range(0, len(ids), size)]


def _processes(using: str, workers: int | None, ranges: int) -> int:
    """How many processes check the ranges: one where only this connection sees the data (inside a
    transaction, or an in-memory SQLite database) or where processes cannot be forked."""
    connection = connections[using]
    if connection.in_atomic_block or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        return 1
    wanted = workers if workers is not None else (os.cpu_count() or 1)
    return max(1, min(wanted, ranges))


def _parts(using: str, job: _Job, ranges: list[tuple[int, int]], processes: int) -> Iterator[_Part]:
    if processes <= 1:
        _start(job)
        try:
            yield from map(_check, ranges)
        finally:
            _start(None)
        return
    # What every fold reads once (the rules' catalogue, the formats of stored states and records)
    # is read here, so that the workers inherit it instead of each reading it again.
    default_catalogue()
    state_format()
    record_format()
    # Each worker opens its own connection: the one this process holds must not be shared by forks.
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with context.Pool(processes, initializer=_start, initargs=(job,)) as pool:
        yield from pool.imap(_check, ranges)


def verify_database(
    using: str = "default",
    checkpoint: Checkpoint | None = None,
    read_file: Callable[[str], bytes] | None = None,
    *,
    workers: int | None = None,
    chain_only: bool = False,
    chunk: int = CHUNK,
) -> Report:
    """``read_file`` (content by SHA-256) also checks every evidence file the chains record.

    One pass in case order over ranges of ``chunk`` cases, each range checked by one of
    ``workers`` processes (the machine's cores if None; one inside a transaction), the findings
    merged in case order. ``chain_only``: no fold of each case (see the module's docstring)."""
    ledger_problems, heads, chains = _ledger(using)
    ranges = _ranges(using, chunk)
    processes = _processes(using, workers, len(ranges))
    job = _Job(using, heads, read_file, chain_only)
    problems: list[Problem] = []
    cases = events = 0
    seen: set[str] = set()
    for part in _parts(using, job, ranges, processes):
        cases += part.cases
        events += part.events
        seen.update(part.refs)
        problems += part.problems
    for ref in sorted(set(heads) - seen):
        problems.append(Problem(f"case {ref}", "is in the ledger but its events are missing"))
    problems = ledger_problems + problems
    if checkpoint is not None:
        problems += _checkpoint(checkpoint, chains)
    return Report(
        cases=cases,
        events=events,
        ledger=len(chains),
        problems=tuple(problems),
        keyed=audit_key() is not None,
        chain_only=chain_only,
        workers=processes,
    )


def _checkpoint(checkpoint: Checkpoint, chains: list[str]) -> list[Problem]:
    where = "checkpoint"
    signed = checkpoint.signature_ok()
    if signed is False:
        return [Problem(where, "its signature does not match the audit key")]
    if checkpoint.position > len(chains):
        return [
            Problem(
                where,
                f"records {checkpoint.position} ledger entries, only {len(chains)} are stored",
            )
        ]
    if checkpoint.position and chains[checkpoint.position - 1] != checkpoint.chain:
        return [
            Problem(where, f"the ledger at entry {checkpoint.position} is not what it recorded")
        ]
    return []


def checkpoint(using: str = "default") -> Checkpoint:
    """The ledger as it stands, signed with the audit key if one is set."""
    last = m.LedgerEntry.objects.using(using).order_by("-position").first()
    return Checkpoint.signed(
        last.position if last else 0,
        last.chain if last else GENESIS,
        m.Case.objects.using(using).count(),
        m.Event.objects.using(using).count(),
    )
