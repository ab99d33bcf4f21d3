"""``misconduct audit verify`` over the database: every case's hash chain, the ledger that anchors
each case's head outside its rows, (unless ``chain_only``) every stored state and read model
against a fold of the events, and (given one) a checkpoint kept outside the database.

What it finds, it names: the case, the position or sequence, and what does not match; never the
content (names, particulars) of what it compared.

Speed (issue 10): rows are read with the database's own cursor (no model objects); each event's hash
is taken over the canonical text of its payload as the event log keeps it (``app.event_bytes``:
hashed as stored, never decoded; :func:`~misconduct.domain.ledger.event_hash_of_text`), its other
fields written from their stored columns, and on PostgreSQL each ``jsonb`` payload is that text's
JSON by the events' check constraint while it stands validated (:func:`_payloads_held`), the
database comparing them for the audit otherwise; an event recorded before the text was kept is
decoded and encoded again (:func:`~misconduct.domain.ledger.event_hash`). Each held personal value's
commitment is hashed from it, or, on PostgreSQL while the personal data's check constraint holds
each stored commitment to its value (:func:`_commitments_held`), read as stored. At the integrity
level a range's events are first checked all at once by C functions mapped over their columns
(:func:`_quick`: no Python call an event); only a case that does not pass there is checked event by
event (:func:`_chain`), which names what does not hold. The cases are checked in ranges of
:data:`CHUNK`, each range in a worker process when the machine has more than one core (``workers``),
while this process reads the ledger; the results are merged in case order. ``chain_only`` (the
command's default level, the integrity check) leaves out the fold of each case (the stored state,
columns and read models against its events: ``--replay``) and says so: the chains, the personal
data, the evidence files, the ledger and the checkpoint are checked either way. What only the replay
uses (the fold, the read models, the stored state's format, the rules' catalogue) is imported where
it is used, so that the integrity check starts without it.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import itertools
import json
import multiprocessing
import operator
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from django.db import DataError, connections, transaction

from misconduct.app import models as m
from misconduct.app.event_bytes import IN_PAYLOAD
from misconduct.app.ledger import Checkpoint, audit_key, chain_of, mac_of
from misconduct.domain import personal as pd
from misconduct.domain.ledger import GENESIS, RecordedEvent, event_hash, event_hash_of_text
from misconduct.services.audit import first_changed_file

if TYPE_CHECKING:  # what only the replay uses is imported where it is used (see the docstring)
    from misconduct.domain.case import Case


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


_Ledger = tuple[list[Problem], dict[str, tuple[int, str]], list[str]]
"""What the ledger's check finds (:func:`_ledger`)."""


def _ledger(using: str) -> _Ledger:
    """The ledger's own chain (and keyed hashes); each case's last anchored head ``(count, head)``
    by reference; every entry's chain in order (for a checkpoint). Without an audit key every
    entry is first checked at once (:func:`_ledger_at_once`); entry by entry where that does not
    pass, or with a key (:func:`_ledger_entries`, which names what does not hold)."""
    key = audit_key()
    columns = _columns(using, "position", "case_ref", "count", "head", "previous", "chain")
    mac = _columns(using, "mac") if key is not None else "NULL"  # (read only to be checked)
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT {columns}, {mac} FROM {_table(m.LedgerEntry, using)} ORDER BY "
            + _columns(using, "position")
        )
        rows = cursor.fetchall()
    with _collector_off():  # (no cycles among the rows and texts: see _check)
        checked = _ledger_at_once(rows) if key is None else None
        problems, heads, chains = checked if checked is not None else _ledger_entries(rows, key)
    tip = m.LedgerTip.objects.using(using).filter(id=1).values_list("position", flat=True).first()
    if tip is not None and tip != len(chains):
        problems.append(Problem("ledger", f"the tip says {tip} entries, {len(chains)} are stored"))
    return problems, heads, chains


def _ledger_at_once(rows: list[tuple[Any, ...]]) -> _Ledger | None:
    """:func:`_ledger_entries` of entries that all hold (no audit key), checked all at once as
    ``_quick`` checks events: each entry's chained text (``ledger.chain_of``) written from the
    columns and hashed, the chains and links compared whole. None where anything does not hold
    (or a column is not of its type): the entries are then checked one by one."""
    if not rows:
        return [], {}, []
    positions, refs, counts, heads, befores, chains, _ = zip(*rows, strict=True)
    if positions != tuple(range(1, len(rows) + 1)) or set(map(type, counts)) != {int}:
        return None
    try:
        keys = ('{"case":"', '","count":', ',"head":"', '","previous":"')  # as chain_of writes
        columns = (_bodies(refs), map(int.__repr__, counts), _bodies(heads), _bodies(befores))
        texts = _pieces(*itertools.chain.from_iterable(zip(keys, columns, strict=True)), '"}')
        computed = tuple(_sha256_hex(texts))
    except (TypeError, ValueError):
        return None
    if computed != chains or befores != (GENESIS, *chains[:-1]):
        return None
    return [], dict(zip(refs, zip(counts, heads, strict=True), strict=True)), list(chains)


def _ledger_entries(rows: list[tuple[Any, ...]], key: bytes | None) -> _Ledger:
    """The ledger checked entry by entry (see :func:`_ledger`)."""
    problems: list[Problem] = []
    heads: dict[str, tuple[int, str]] = {}
    chains: list[str] = []
    previous, keyed = GENESIS, False
    for n, (position, ref, count, head, before, chain, mac) in enumerate(rows, start=1):
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
    read_file: Callable[[str], bytes] | None
    chain_only: bool
    payloads_held: bool = False
    """PostgreSQL: every ``jsonb`` payload is the JSON of its kept text by the database's own
    validated constraint (:func:`_payloads_held`), so the payloads are not compared again."""
    commitments_held: bool = False
    """PostgreSQL: every held personal datum's stored commitment is that of its value and salt by
    the database's own validated constraint (:func:`_commitments_held`), so the values are not
    hashed again."""


@dataclass
class _Part:
    """One range's findings, in case order: for each case its reference, how many events it has,
    the sequence and hash of its last (which the ledger's head must be), the first broken link of
    its chain (or None), and what its fold found. The heads are compared by the process that reads
    the ledger, while the ranges are checked."""

    events: int = 0
    found: list[tuple[str, int, tuple[int, str] | None, Problem | None, list[Problem]]] = field(
        default_factory=list
    )


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


_Held = dict[str, tuple[Any, Any, Any]]
"""One case's personal data as stored, by id: value, salt and date erased (as the cursor gives it).
Made into ``pd.Datum`` (:func:`_data`) only where a check needs more than the commitments."""


def _as_text(using: str, column: str) -> str:
    """A date or time column, read as its stored text on SQLite (which the cursor would otherwise
    parse: the checks want the text), as itself elsewhere."""
    quoted = connections[using].ops.quote_name(column)
    return f"CAST({quoted} AS text)" if connections[using].vendor == "sqlite" else quoted


def _personal_rows(
    using: str, lo: int, hi: int, among: Sequence[int] | None = None
) -> list[tuple[Any, ...]]:
    """The personal data of the cases from ``lo`` to ``hi`` (those in ``among``, if given) as
    stored, in case order: case key, id, value, salt and date erased (as the cursor gives them)."""
    connection = connections[using]
    case_id = connection.ops.quote_name("case_id")
    only = ""
    if among is not None:
        only = f" AND {case_id} IN ({', '.join(['%s'] * len(among))})"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {_columns(using, 'case_id', 'datum_id', 'value', 'salt')}, "
            f"{_as_text(using, 'erased_on')} FROM {_table(m.PersonalDatum, using)} WHERE "
            f"{case_id} BETWEEN %s AND %s{only} ORDER BY {case_id}",
            [lo, hi, *(among or ())],
        )
        return list(cursor.fetchall())


def _personal(rows: list[tuple[Any, ...]], only: set[int] | None = None) -> dict[int, _Held]:
    """The personal data of :func:`_personal_rows` (of the cases in ``only``, if given), by case
    and id."""
    out: dict[int, _Held] = {}
    for pk, datum_id, *stored in rows:
        if only is not None and pk not in only:
            continue
        held = out.get(pk)
        if held is None:
            held = out[pk] = {}
        held[datum_id] = (stored[0], stored[1], stored[2])
    return out


def _data(held: _Held) -> dict[str, pd.Datum]:
    """One case's personal data as ``pd.Datum`` by id."""
    return {
        datum_id: pd.Datum(datum_id, value, salt, _day(erased_on))
        for datum_id, (value, salt, erased_on) in held.items()
    }


_Stored = tuple[Any, ...]
"""An event's columns as :func:`_events` reads them: case key, sequence, type, occurred on, recorded at,
actor, rules version, previous hash, hash, kept text (``canonical_payload``), the payload column
(with the kept text: read only when replaying or where it is the hashed text), and whether the
payload column equals a kept text beside it (SQLite; None elsewhere)."""


def _events(
    using: str, lo: int, hi: int, replay: bool, only: Sequence[int] | None = None
) -> Iterator[tuple[int, list[_Stored]]]:
    """Each case's stored events (:data:`_Stored`, sequence order) for the cases ``lo`` to ``hi``
    (those in ``only``, if given). The payload column is read only where it is needed
    (``app.event_bytes``): when ``replay``, where it is itself the hashed text, or where no text is
    kept (an event recorded before)."""
    connection = connections[using]
    quote = connection.ops.quote_name
    payload, kept = quote("payload"), quote("canonical_payload")
    wanted = (
        payload
        if replay
        else f"CASE WHEN {kept} IS NULL OR {kept} = '{IN_PAYLOAD}' THEN {payload} END"
    )
    same = (
        f"CASE WHEN {kept} <> '{IN_PAYLOAD}' THEN {payload} = {kept} END"
        if connection.vendor == "sqlite"
        else "NULL"
    )
    columns = ", ".join(
        [
            _columns(using, "case_id", "sequence", "type"),
            _as_text(using, "occurred_on"),
            _as_text(using, "recorded_at"),
            _columns(using, "actor", "rules_version", "previous_hash", "hash", "canonical_payload"),
        ]
    )
    case_id = quote("case_id")
    among = f" AND {case_id} IN ({', '.join(['%s'] * len(only))})" if only else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns}, {wanted}, {same} FROM {_table(m.Event, using)} "
            f"WHERE {case_id} BETWEEN %s AND %s{among} ORDER BY {case_id}, {quote('sequence')}",
            [lo, hi, *(only or ())],
        )
        rows = cursor.fetchall()
    start = 0
    for end in range(1, len(rows) + 1):  # each case's rows (sorted by case): a slice, as read
        if end == len(rows) or rows[end][0] != rows[start][0]:
            yield rows[start][0], rows[start:end]
            start = end


def _payload_differs(using: str) -> str:
    """PostgreSQL: true where an event's ``jsonb`` payload is not the JSON of the text kept beside
    it (null where no text is kept there). Two ``jsonb`` values are the same exactly when their
    texts are (keys in the order ``jsonb`` keeps them, each number as stored). Casting a kept text
    that is not JSON fails the query (PostgreSQL 15 has no cast that fails softly)."""
    quote = connections[using].ops.quote_name
    kept, payload = quote("canonical_payload"), quote("payload")
    return f"CASE WHEN {kept} <> '{IN_PAYLOAD}' THEN {payload}::text <> {kept}::jsonb::text END"


PAYLOAD_CHECK = "misconduct_event_payload_is_kept_text"
"""PostgreSQL: the events' check constraint that each ``jsonb`` payload is the JSON of its kept
text (migration ``0018_pgverify10_payload_is_kept_text``)."""

_PAYLOAD_CHECK_TEXT = (
    "CHECK (((canonical_payload IS NULL) OR (canonical_payload = ''::text) OR "
    "((payload)::text = ((canonical_payload)::jsonb)::text)))"
)
"""That constraint as PostgreSQL's catalogue gives it (``pg_get_constraintdef``): the same test as
:func:`_payload_differs`, made when each event is written."""


def _payloads_held(using: str) -> bool:
    """PostgreSQL: True when the events' table has :data:`PAYLOAD_CHECK` exactly as the migration
    made it, and validated (:func:`_check_stands`). Then no payload can differ from its kept text
    and the audit does not compare them; otherwise (dropped, added again unvalidated, changed,
    SQLite) it compares every one, as :func:`_payload_differs` says."""
    return _check_stands(using, m.Event, PAYLOAD_CHECK, _PAYLOAD_CHECK_TEXT)


COMMITMENT_CHECK = "misconduct_personaldatum_commitment_holds"
"""PostgreSQL: the personal data's check constraint that each held value's stored commitment is
``personal.commitment`` of its id, salt and value (migration ``0019_pgverify11_personal_commitment``)."""

_COMMITMENT_CHECK_TEXT = (
    "CHECK (((value IS NULL) OR (salt IS NULL) OR ((commitment IS NOT NULL) AND "
    "((commitment)::text = encode(sha256(convert_to((((((('['::text || (to_json(datum_id))::text) "
    "|| ','::text) || (to_json(salt))::text) || ','::text) || (to_json(value))::text) || "
    "']'::text), 'UTF8'::name)), 'hex'::text)))))"
)
"""That constraint as PostgreSQL's catalogue gives it (``pg_get_constraintdef``): the text
``personal.commitment`` hashes (PostgreSQL's ``to_json`` of a text is ``encode_basestring``'s),
hashed when each datum is written."""


def _commitments_held(using: str) -> bool:
    """PostgreSQL: True when the personal data's table has :data:`COMMITMENT_CHECK` exactly as the
    migration made it, and validated (:func:`_check_stands`). Then each held value's stored
    commitment is the one its value and salt make, and the audit reads it instead of hashing the
    value (:func:`_committed_references`); otherwise (dropped, added again unvalidated, changed,
    SQLite) it hashes every value (:func:`_references_held`)."""
    return _check_stands(using, m.PersonalDatum, COMMITMENT_CHECK, _COMMITMENT_CHECK_TEXT)


def _check_stands(using: str, model: type[Any], name: str, text: str) -> bool:
    """PostgreSQL: True when ``model``'s table has the check constraint ``name`` as ``text`` says,
    and validated: every stored row was checked against it, and no write since could pass without
    it (PostgreSQL has no way to turn a check constraint off short of dropping it, or a superuser
    writing the catalogue)."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT convalidated, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND conname = %s AND contype = 'c'",
            [_table(model, using), name],
        )
        found = cursor.fetchall()
    return bool(found == [(True, text)])


def _differing(using: str, lo: int, hi: int, among: list[int]) -> dict[int, tuple[int, str]]:
    """PostgreSQL: the first event of each case in ``among`` (from ``lo`` to ``hi``) whose
    ``jsonb`` payload is not the JSON of the text kept beside it (:func:`_payload_differs`), by
    case: (sequence, type). Asked only of cases whose every kept text has been hashed, so every
    text cast is JSON that the database accepted when the event was written."""
    connection = connections[using]
    quote = connection.ops.quote_name
    case_id = quote("case_id")
    found: dict[int, tuple[int, str]] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {case_id}, {quote('sequence')}, {quote('type')} FROM "
            f"{_table(m.Event, using)} WHERE {case_id} BETWEEN %s AND %s "
            f"AND {case_id} IN ({', '.join(['%s'] * len(among))}) AND {_payload_differs(using)} "
            f"ORDER BY {case_id}, {quote('sequence')}",
            [lo, hi, *among],
        )
        for pk, sequence, kind in cursor.fetchall():
            found.setdefault(pk, (sequence, kind))
    return found


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


def _personal_holds(references: list[tuple[Any, Any]], data: _Held, erased: frozenset[str]) -> bool:
    """True if every reference holds as ``pd.check`` checks it. These are every object of the
    payload shaped as a reference, so a superset of what ``pd.check`` walks: all holding, it finds
    nothing; otherwise ``pd.check`` itself names the first that does not (in its order)."""
    for datum_id, committed in references:
        if not isinstance(datum_id, str):
            return False
        datum = data.get(datum_id)
        if datum is None:
            return False
        value, salt = datum[0], datum[1]
        if value is None or salt is None:
            if datum_id not in erased:
                return False
        elif pd.commitment(datum_id, salt, value) != committed:
            return False
    return True


@dataclass
class _Texts:
    """Each event's stored payload text and the references noted in it (None: not noted)."""

    stored: list[Any] = field(default_factory=list)
    noted: list[list[tuple[Any, Any]] | None] = field(default_factory=list)


def _unreadable(where: str, exc: Exception) -> Problem:
    return Problem(where, f"a stored column cannot be read ({type(exc).__name__})")


def _text_of(row: _Stored) -> Any:
    """The payload text to decode: the payload column when it was read, else the kept text."""
    return row[10] if row[10] is not None else row[9]


def _decoded(ref: str, stored: list[_Stored], texts: _Texts) -> tuple[list[_Event], Problem | None]:
    """The case's events decoded (for the fold and the evidence files), and the first whose
    columns cannot be read."""
    events: list[_Event] = []
    for row in stored:
        sequence, kind, on, at, actor, rules, previous, digest = row[1:9]
        text = _text_of(row)
        try:
            payload, references = _payload(text)
            events.append(
                (sequence, kind, payload, _day(on), _moment(at), actor, rules, previous, digest)
            )
        except (ValueError, TypeError) as exc:
            return events, _unreadable(f"case {ref}, event {sequence} ({kind})", exc)
        texts.noted.append(references)
        texts.stored.append(text)
    return events, None


_ID = json.dumps(pd.ID_KEY) + ":"
_KEYS = sorted((pd.COMMITMENT_KEY, pd.ID_KEY))
_OPEN = "{" + json.dumps(_KEYS[0]) + ':"'
_BETWEEN = '",' + json.dumps(_KEYS[1]) + ':"'
_CLOSE = '"}'


def _noted(text: str) -> list[tuple[Any, Any]] | None:
    """The references a canonical payload text holds (``{"commitment":"…","personal_datum":"…"}``,
    keys sorted, no spaces), read from the text without decoding it; None (decode it instead) where
    an object has the id key without being a reference of two plain strings. Inside a JSON string
    every quote is escaped, so neither :data:`_ID` nor :data:`_OPEN` can be found there: each object
    with the id key is counted once, and each reference found is one of them."""
    if _ID not in text:
        return []
    parts = text.split(_OPEN)
    if len(parts) - 1 != text.count(_ID):
        return None
    found: list[tuple[Any, Any]] = []
    for part in parts[1:]:
        first, between, rest = part.partition(_BETWEEN)
        second, close, _ = rest.partition(_CLOSE)
        if not (between and close) or '"' in first + second or "\\" in first + second:
            return None  # escapes, or not two strings: decoded instead
        found.append((second, first) if _KEYS[0] == pd.COMMITMENT_KEY else (first, second))
    return found


def _erased(ref: str, stored: list[_Stored]) -> frozenset[str]:
    """The ids of the personal data the case's erasure events name (their payloads decoded)."""
    from misconduct.domain.events import PersonalDataErased

    out: set[str] = set()
    for row in stored:
        if row[2] == PersonalDataErased.__name__:
            try:
                payload = _payload(_text_of(row))[0]
            except (ValueError, TypeError):
                continue  # the event's own check reports it
            if isinstance(payload, dict):
                out.update(str(i) for i in payload.get("data", ()))
    return frozenset(out)


def _hashed_again(ref: str, row: _Stored, text: str) -> str:
    """The hash of the event ``row`` with ``text`` as its payload's canonical JSON and its dates
    as read and written again (when their stored text, taken as it is, did not give the hash)."""
    sequence, kind, on, at, actor, rules, previous = row[1:8]
    day, moment = _day(on).isoformat(), _moment(at).astimezone(UTC).isoformat()
    return event_hash_of_text(ref, sequence, kind, text, day, moment, actor, rules, previous)


def _hashed_decoded(ref: str, row: _Stored) -> tuple[str, Any, list[tuple[Any, Any]] | None]:
    """An event recorded before its payload's text was kept: its hash from the payload decoded
    and encoded again, the payload, and its references."""
    sequence, kind, on, at, actor, rules, previous = row[1:8]
    payload, references = _payload(row[10])
    computed = event_hash(
        ref,
        sequence,
        kind,
        payload,
        _day(on).isoformat(),
        _moment(at).astimezone(UTC).isoformat(),
        actor,
        rules,
        previous,
    )
    return computed, payload, references


def _chain(ref: str, stored: list[_Stored], data: _Held) -> Problem | None:
    """The first broken link of the case's chain, as
    :func:`~misconduct.domain.ledger.verify_chain` finds it (sequence, link, hash, personal data),
    and a payload that is not the text its hash covers. Each event's hash is taken over its kept
    canonical text (``app.event_bytes``) without decoding it, its dates as their stored text
    gives them (read and written again if that does not give the hash); an event recorded before
    that text was kept is decoded and encoded again."""
    erased = _erased(ref, stored)
    previous_hash, expected, kept_before = GENESIS, 1, False
    for row in stored:
        _, sequence, kind, on, at, actor, rules, previous, digest, kept, column, same = row
        if sequence != expected:
            return Problem(_where(ref, row), f"expected sequence {expected}")
        if previous != previous_hash:
            return Problem(_where(ref, row), "previous_hash does not match the event before")
        payload: Any = None
        try:
            if kept is None:  # recorded before the text was kept
                if kept_before:
                    return Problem(
                        _where(ref, row), "its kept payload text is missing (an earlier has one)"
                    )
                text = None
                computed, payload, references = _hashed_decoded(ref, row)
            else:
                kept_before = True
                text = column if kept == IN_PAYLOAD else kept
                if type(text) is not str:
                    raise TypeError("not text")
                if type(at) is str and len(at) in (19, 26) and at[10] == " ":
                    moment = f"{at[:10]}T{at[11:]}+00:00"  # Django's text of a UTC time (SQLite)
                elif type(at) is datetime and at.tzinfo is UTC:
                    moment = at.isoformat()
                else:
                    moment = _moment(at).astimezone(UTC).isoformat()
                day = on if type(on) is str else on.isoformat()
                computed = event_hash_of_text(
                    ref, sequence, kind, text, day, moment, actor, rules, previous
                )
                if computed != digest:
                    computed = _hashed_again(ref, row, text)
                references = _noted(text)
        except (ValueError, TypeError) as exc:
            return _unreadable(_where(ref, row), exc)
        if computed != digest:
            return Problem(_where(ref, row), "stored hash does not match the event's content")
        if same is not None and not same:
            return Problem(
                _where(ref, row), "the stored payload differs from the text its hash covers"
            )
        if references is None or not _personal_holds(references, data, erased):
            if text is not None:
                payload = json.loads(text)
            problem = pd.check(payload, _data(data), erased)
            if problem is not None:
                return Problem(_where(ref, row), problem)
        previous_hash = digest
        expected += 1
    return None


_HEX = type(hashlib.sha256()).hexdigest

_EVIDENCE = "EvidenceAttached"

_FIRST: dict[int, tuple[str, ...]] = {}
"""The sequences ``"1"`` to ``"n"`` of a case of ``n`` events, by ``n``."""


def _first(count: int) -> tuple[str, ...]:
    first = _FIRST.get(count)
    if first is None:
        first = _FIRST[count] = tuple(map(str, range(1, count + 1)))
    return first


_ESCAPED = ('"', "\\", *map(chr, range(0x20)))
"""The characters ``encode_basestring`` escapes (``ensure_ascii=False``): every other character of
a text is written as it is inside the quotes."""


def _bodies(column: Sequence[Any]) -> Sequence[str]:
    """Each text of ``column`` as the body of its JSON string (what ``encode_basestring`` writes
    between the quotes): the texts themselves when none has a character JSON escapes (looked for
    once in them all, a ``memchr`` a character). TypeError if one is not text."""
    joined = "".join(column)
    if any(map(joined.__contains__, _ESCAPED)):
        return [encode_basestring(text)[1:-1] for text in column]
    return column


def _sha256_hex(texts: Iterator[str]) -> Iterator[str]:
    return map(_HEX, map(hashlib.sha256, map(str.encode, texts)))


def _pieces(*pieces: Any) -> Iterator[str]:
    """Each row's text from ``pieces`` (a text, the same for every row, or a column of texts),
    joined in order: ``str.join`` over each row's pieces, no Python call a row."""
    columns = [itertools.repeat(p) if isinstance(p, str) else p for p in pieces]
    return map("".join, zip(*columns, strict=False))


def _unequal(cases: tuple[Any, ...], column: tuple[Any, ...], expected: tuple[Any, ...]) -> Any:
    """The case of each row where ``column`` is not ``expected``: the two compared whole first (one
    C loop, nothing made), row by row only where they differ."""
    if column == expected:
        return ()
    return itertools.compress(cases, map(operator.ne, column, expected))


def _references_held(rows: list[tuple[Any, ...]]) -> dict[Any, frozenset[str]]:
    """For each case, the references its held (not erased) personal data rows
    (:func:`_personal_rows`, in case order) make, each as the text between :data:`_OPEN` and
    :data:`_CLOSE` in a payload's canonical JSON (keys sorted, no spaces), its commitment
    ``personal.commitment`` of the stored value: all written and hashed at once. ValueError or
    TypeError if a value cannot be."""
    if not rows:
        return {}
    cases, ids, values, salts, _ = zip(*rows, strict=True)
    if None in values or None in salts:  # erased: left out
        held = [row for row in rows if row[2] is not None and row[3] is not None]
        if not held:
            return {}
        cases, ids, values, salts, _ = zip(*held, strict=True)
    names = _bodies(ids)  # each text as the body of its JSON string (escaped only if it must be)
    commitments = list(
        _sha256_hex(_pieces('["', names, '","', _bodies(salts), '","', _bodies(values), '"]'))
    )
    first, second = (commitments, names) if _KEYS[0] == pd.COMMITMENT_KEY else (names, commitments)
    cores = _pieces(first, _BETWEEN, second)
    return {
        pk: frozenset(map(operator.itemgetter(1), group))
        for pk, group in itertools.groupby(zip(cases, cores, strict=True), operator.itemgetter(0))
    }


_CORE = "commitment || %s || left(to_json(datum_id)::text, -1)"
"""PostgreSQL: a held datum's reference as :func:`_references_held` writes it (the commitment,
:data:`_BETWEEN` and the body of the id's JSON string, which ``to_json`` writes as Python does:
``tests/app/test_personal_commitment.py``), given :data:`_BETWEEN` without its closing quote (the
one ``to_json`` opens the id's string with). The commitment comes first: its key,
``commitment``, sorts before the id's, ``personal_datum`` (:data:`_KEYS`)."""


def _committed_references(using: str, lo: int, hi: int) -> dict[Any, frozenset[str]]:
    """PostgreSQL, where the database holds each held value's stored commitment to it
    (:func:`_commitments_held`): :func:`_references_held` of the cases from ``lo`` to ``hi``, each
    reference written by the database from the stored commitment and the id, a case's joined by
    newlines (which no reference holds: the commitment is hexadecimal, and JSON escapes a newline
    in the id), so that no value is read or hashed and the client splits one text a case."""
    connection = connections[using]
    quote = connection.ops.quote_name
    case_id = quote("case_id")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {case_id}, string_agg({_CORE}, E'\\n') "
            f"FROM {_table(m.PersonalDatum, using)} WHERE {case_id} BETWEEN %s AND %s "
            f"AND {quote('value')} IS NOT NULL AND {quote('salt')} IS NOT NULL "
            f"GROUP BY {case_id}",
            [_BETWEEN[:-1], lo, hi],
        )
        return {pk: frozenset(text.split("\n")) for pk, text in cursor.fetchall()}


def _references_hold(text: str, held: frozenset[str]) -> bool:
    """True if every object of the canonical JSON ``text`` that has the personal-data id key is a
    reference to one of the ``held`` (:func:`_references_held`). Each object opening with
    :data:`_OPEN` (which cannot be inside a JSON string: its quotes would be escaped) is read up to
    the first :data:`_CLOSE`; that is one of ``held`` only if the object is exactly that reference,
    which holds the id key once; and there must be as many of them as there are id keys."""
    objects = text.split(_OPEN)
    del objects[0]
    if len(objects) != text.count(_ID):
        return False
    first = operator.itemgetter(0)
    return held.issuperset(map(first, map(str.partition, objects, itertools.repeat(_CLOSE))))


def _quick(
    using: str,
    lo: int,
    hi: int,
    refs: dict[int, str],
    personal: list[tuple[Any, ...]],
    evidence: bool,
    compare: bool = True,
    committed: dict[Any, frozenset[str]] | None = None,
) -> dict[int, tuple[int, tuple[int, str]]]:
    """The cases from ``lo`` to ``hi`` whose every event verifies as :func:`_chain` checks it, by
    case: how many events and the sequence and hash of the last. Checked over all the range's
    events at once, each step a C function mapped over a column (no Python call an event):

    - the hashed bytes written from the stored columns as they are (each field the body of its JSON
      string, the payload its kept text, the time Django's text made ISO by the database) and
      hashed, against the stored hashes;
    - the sequences (1 to n) and the links (each previous hash the hash before, the first GENESIS);
    - a payload column equal to the kept text beside it (SQLite, where one is kept beside it: a
      text that differs is read as none, so its hash does not match; PostgreSQL: each ``jsonb``
      payload compared with its kept text by the database in the same query,
      :func:`_payload_differs`, which :func:`_differing` asks of the cases not passed here; a kept
      text that is not JSON fails that query, and every case of the range goes the long way; not
      ``compare``: the database's constraint holds them the same, :func:`_payloads_held`);
    - every reference to personal data: each object with the id key in the case's texts is a
      reference to one of the case's held values with its commitment (:func:`_references_hold`):
      those of ``personal`` (the range's :func:`_personal_rows`), each value hashed, or those
      ``committed`` gives, from the stored commitments (:func:`_committed_references`).

    A case not given (a check failed, a text not kept, an erased value referred to, an evidence
    file to check when ``evidence``, a field this cannot read) goes to :func:`_chain`, which names
    what does not hold: this passes only cases :func:`_chain` passes."""
    connection = connections[using]
    quote = connection.ops.quote_name
    kept, payload = quote("canonical_payload"), quote("payload")
    sequence = f"CAST({quote('sequence')} AS text) AS sequence_text"  # ordered by the number
    if connection.vendor == "sqlite":
        dates = (
            f"CAST({quote('occurred_on')} AS text), "
            f"replace(CAST({quote('recorded_at')} AS text), ' ', 'T')"
        )
        # the hashed text; none (so no hash matches) where a payload differs from the text kept
        # beside it (a database written elsewhere) or no text is kept (recorded before)
        text = (
            f"CASE WHEN {kept} = '{IN_PAYLOAD}' THEN {payload} "
            f"WHEN {payload} = {kept} THEN {kept} END"
        )
    else:
        at = f"{quote('recorded_at')} AT TIME ZONE 'UTC'"
        dates = (
            f"to_char({quote('occurred_on')}, 'YYYY-MM-DD'), "
            f"replace(to_char({at}, 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '.000000', '')"
        )
        # the hashed text is the kept text; the jsonb payload is compared with it by the database
        # (unless its constraint already holds them the same: then the column is left out)
        text = f"{kept}, {_payload_differs(using)}" if compare else kept
    case_id = quote("case_id")
    columns = _columns(using, "actor", "rules_version", "previous_hash", "hash", "type")
    try:
        # (within a savepoint inside a transaction, so that a failed cast leaves it usable)
        atomic = transaction.atomic(using) if connection.in_atomic_block else nullcontext()
        with atomic, connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {case_id}, {sequence}, {dates}, {columns}, {text} "
                f"FROM {_table(m.Event, using)} WHERE {case_id} BETWEEN %s AND %s "
                f"ORDER BY {case_id}, {quote('sequence')}",
                [lo, hi],
            )
            rows = cursor.fetchall()
    except DataError:  # PostgreSQL: a kept text that is not JSON; every case goes the long way
        return {}
    if not rows:
        return {}
    read = tuple(zip(*rows, strict=True))
    cases, sequences, ons, ats, actors, rules, previous, digests, kinds, texts = read[:10]
    counts = Counter(cases)  # in case order, as read
    expected_previous = [GENESIS, *digests[:-1]]
    expected_sequences: list[str] = []
    bounds: dict[Any, tuple[int, int]] = {}
    start = 0
    for pk, count in counts.items():
        expected_previous[start] = GENESIS
        expected_sequences += _first(count)
        bounds[pk] = (start, start + count)
        start += count
    try:
        names = {pk: encode_basestring(ref)[1:-1] for pk, ref in refs.items()}
        hashed = _pieces(
            '{"actor":"',
            _bodies(actors),
            '","case":"',
            map(names.get, cases),
            '","occurred_on":"',
            _bodies(ons),
            '","payload":',
            texts,
            ',"previous_hash":"',
            previous,  # for a case that passes, each is GENESIS or a hash that matched: hex
            '","recorded_at":"',
            _bodies(ats),
            '+00:00","rules_version":"',
            _bodies(rules),
            '","sequence":',
            sequences,
            ',"type":"',
            _bodies(kinds),
            '"}',
        )
        computed = list(_sha256_hex(hashed))
    except (TypeError, ValueError):
        return {}
    failed = set(_unequal(cases, tuple(computed), digests))
    failed.update(_unequal(cases, previous, tuple(expected_previous)))
    failed.update(_unequal(cases, sequences, tuple(expected_sequences)))
    if len(read) > 10 and any(read[10]):  # PostgreSQL: a jsonb payload that differs
        failed.update(itertools.compress(cases, read[10]))
    if evidence and _EVIDENCE in kinds:
        failed.update(
            itertools.compress(cases, map(operator.eq, kinds, itertools.repeat(_EVIDENCE)))
        )
    try:
        held = _references_held(personal) if committed is None else committed
    except (TypeError, ValueError):
        return {}
    none: frozenset[str] = frozenset()
    for pk, (first, end) in bounds.items():
        if pk in failed:
            continue
        try:
            joined = "\n".join(texts[first:end])  # a newline: in no JSON text but as an escape
        except TypeError:  # a text that is not text
            failed.add(pk)
            continue
        if not _references_hold(joined, held.get(pk, none)):
            failed.add(pk)
    return {
        pk: (end - first, (int(sequences[end - 1]), digests[end - 1]))
        for pk, (first, end) in bounds.items()
        if pk in refs and pk not in failed
    }


def _where(ref: str, row: _Stored) -> str:
    return f"case {ref}, event {row[1]} ({row[2]})"


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
    from misconduct.domain.case import Case
    from misconduct.domain.events import event_from_payload

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
    from misconduct.app.read_tables import READ_MODEL_NAMES, expected_rows
    from misconduct.app.repository import state_format
    from misconduct.domain.codec import to_plain

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


_Range = tuple[int, int, dict[int, str]]
"""A range of cases: the first and last primary key, and each case's reference by key (in order)."""


def _check(bounds: _Range) -> _Part:
    """Every case of the range (:data:`_Range`): its chain, its head against the ledger, its
    evidence files and (unless chain only) its fold. The integrity check runs with the garbage
    collector off: its many rows and texts hold no cycles, so tracing them as they are made (and
    the whole heap each time enough have been) finds nothing."""
    job = _job
    assert job is not None, "the job is set before any range is checked"
    if not job.chain_only:
        return _checked(job, bounds)
    with _collector_off():
        return _checked(job, bounds)


@contextmanager
def _collector_off() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _checked(job: _Job, bounds: _Range) -> _Part:
    lo, hi, listed = bounds
    replay = not job.chain_only
    rows = _rows(job.using, lo, hi) if replay else None
    refs = {pk: row.ref for pk, row in rows.items()} if rows is not None else listed
    # the held values' references from their stored commitments where the database holds them
    # (the integrity check; the replay needs the values): the values only of the cases _quick
    # does not pass, read after it
    committed = job.commitments_held and not replay
    personal = [] if committed else _personal_rows(job.using, lo, hi)
    read: dict[int, tuple[object, ...]] = {}
    if replay:
        from misconduct.app.read_tables import stored_rows

        read = stored_rows(job.using, list(refs))
    # The integrity check: the cases every check passes at once (_quick); the others one by one.
    passed: dict[int, tuple[int, tuple[int, str]]] = {}
    if not replay:
        evidence = job.read_file is not None
        held = _committed_references(job.using, lo, hi) if committed else None
        passed = _quick(job.using, lo, hi, refs, personal, evidence, not job.payloads_held, held)
    rest = [pk for pk in refs if pk not in passed]
    if not rest:  # every case passed at once: its count and last event, nothing found
        return _Part(
            sum(count for count, _ in passed.values()),
            [(ref, *passed[pk], None, []) for pk, ref in refs.items()],
        )
    if committed:
        personal = _personal_rows(job.using, lo, hi, rest if passed else None)
    data = _personal(personal, set(rest) if passed else None) if rest else {}
    stored = _events(job.using, lo, hi, replay, rest if passed else None) if rest else iter(())
    cases: list[tuple[int, str, list[_Stored], Problem | None]] = []
    pending = next(stored, None)
    for pk, ref in refs.items():
        if pk in passed:
            cases.append((pk, ref, [], None))
            continue
        while pending is not None and pending[0] < pk:  # events of no case row (not possible while
            pending = next(stored, None)  # the foreign key holds): the ledger notices
        raw: list[_Stored] = []
        if pending is not None and pending[0] == pk:
            raw = pending[1]
            pending = next(stored, None)
        cases.append((pk, ref, raw, _chain(ref, raw, data.get(pk, {})) if raw else None))
    if connections[job.using].vendor == "postgresql" and not job.payloads_held:
        # the payloads of the cases _quick passed were compared there; the others' are asked here
        asked = [pk for pk, _, _, link in cases if link is None and pk not in passed]
        differing = _differing(job.using, lo, hi, asked) if asked else {}
        for i, (pk, ref, raw, _) in enumerate(cases):
            if pk in differing:
                sequence, kind = differing[pk]
                differs = Problem(
                    f"case {ref}, event {sequence} ({kind})",
                    "the stored payload differs from the text its hash covers",
                )
                cases[i] = (pk, ref, raw, differs)
    part = _Part()
    for pk, ref, raw, link in cases:
        if pk in passed:
            count, last = passed[pk]
            part.events += count
            part.found.append((ref, count, last, link, []))
            continue
        part.events += len(raw)
        texts = _Texts()
        events: list[_Event] | None = None
        unreadable: Problem | None = None
        if replay or (
            link is None
            and job.read_file is not None
            and any(r[2] == "EvidenceAttached" for r in raw)
        ):
            events, unreadable = _decoded(ref, raw, texts)
            held = _data(data.get(pk, {}))
        if link is None and events is not None and job.read_file is not None:
            link = unreadable or _files(ref, events, held, job.read_file)
        folded: list[Problem] = []
        if raw and replay and rows is not None and events is not None:
            if unreadable is not None:  # a column that cannot be read: nothing to fold
                folded.append(
                    Problem(f"case {ref}", "its events cannot be replayed (unreadable column)")
                )
            else:
                folded = _fold(ref, events, held, texts, rows[pk], read.get(pk))
        end = (raw[-1][1], raw[-1][8]) if raw else None
        part.found.append((ref, len(raw), end, link, folded))
    return part


def _ranges(using: str, size: int) -> list[_Range]:
    """The cases in ranges of ``size`` cases (:data:`_Range`), in key order. Read without an order:
    SQLite then reads its index of the references, which holds both columns and is a small part
    of the table (whose rows hold each case's stored state), and the keys are sorted here."""
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT {_columns(using, 'id', 'ref')} FROM {_table(m.Case, using)}")
        cases = sorted(cursor.fetchall())
    return [
        (cases[i][0], cases[min(i + size, len(cases)) - 1][0], dict(cases[i : i + size]))
        for i in range(0, len(cases), size)
    ]


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


def _parts(
    using: str,
    job: _Job,
    ranges: list[_Range],
    processes: int,
    meanwhile: Callable[[], None],
) -> Iterator[_Part]:
    """Each range's :class:`_Part`, in order; ``meanwhile`` is called before the first is given,
    once the worker processes (if any) have started on the ranges."""
    if processes <= 1:
        meanwhile()
        _start(job)
        try:
            yield from map(_check, ranges)
        finally:
            _start(None)
        return
    if not job.chain_only:
        # What every fold reads once (the rules' catalogue, the formats of stored states and
        # records) is read here, so that the workers inherit it instead of each reading it again;
        # the integrity check folds nothing, and does not wait for it (nor imports it).
        from misconduct.app.readmodels import record_format
        from misconduct.app.repository import state_format
        from misconduct.rules.catalogue import default_catalogue

        default_catalogue()
        state_format()
        record_format()
    # Each worker opens its own connection: the one this process holds must not be shared by forks.
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with context.Pool(processes, initializer=_start, initargs=(job,)) as pool:
        results = pool.imap(_check, ranges)
        meanwhile()  # in this process, while the workers check the ranges
        yield from results


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
    ranges = _ranges(using, chunk)
    processes = _processes(using, workers, len(ranges))
    job = _Job(using, read_file, chain_only, _payloads_held(using), _commitments_held(using))
    ledger: list[_Ledger] = []
    problems: list[Problem] = []
    cases = events = 0
    seen: set[str] = set()
    for part in _parts(using, job, ranges, processes, lambda: ledger.append(_ledger(using))):
        heads = ledger[0][1]
        events += part.events
        for ref, count, last, link, folded in part.found:
            cases += 1
            seen.add(ref)
            if link is not None:
                problems.append(link)
            head = heads.get(ref)
            if head is None:
                problems.append(Problem(f"case {ref}", "is not anchored in the ledger"))
            elif last is None:
                problems.append(
                    Problem(f"case {ref}", "is in the ledger but its events are missing")
                )
            elif last != head:
                problems.append(
                    Problem(
                        f"case {ref}",
                        f"the ledger anchors {head[0]} events, {count} are stored "
                        "(events removed or rewritten)",
                    )
                )
            problems += folded
    if not ledger:  # no ranges: no cases
        ledger.append(_ledger(using))
    ledger_problems, heads, chains = ledger[0]
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
