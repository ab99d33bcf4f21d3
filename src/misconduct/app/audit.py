"""``misconduct audit verify`` over the database: every case's hash chain, the ledger that anchors
each case's head outside its rows, every stored state and read model against a fold of the events,
and (given one) a checkpoint kept outside the database.

What it finds, it names: the case, the position or sequence, and what does not match; never the
content (names, particulars) of what it compared.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from misconduct.app import models as m
from misconduct.app.ledger import Checkpoint, audit_key, chain_of, mac_of
from misconduct.app.read_tables import READ_MODEL_NAMES, chunks, expected_rows, stored_rows
from misconduct.app.repository import DjangoRepository, state_format
from misconduct.domain.case import Case
from misconduct.domain.codec import to_plain
from misconduct.domain.ledger import GENESIS, RecordedEvent, verify_chain
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

    @property
    def ok(self) -> bool:
        return not self.problems


def _ledger(using: str) -> tuple[list[Problem], dict[str, m.LedgerEntry], list[m.LedgerEntry]]:
    problems: list[Problem] = []
    heads: dict[str, m.LedgerEntry] = {}
    entries = list(m.LedgerEntry.objects.using(using).order_by("position"))
    key = audit_key()
    previous, keyed = GENESIS, False
    for n, e in enumerate(entries, start=1):
        where = f"ledger entry {e.position}"
        if e.position != n:
            problems.append(Problem(where, f"expected position {n}: entries are missing"))
            break
        if e.previous != previous:
            problems.append(Problem(where, "does not follow the entry before"))
        if chain_of(e.previous, e.case_ref, e.count, e.head) != e.chain:
            problems.append(Problem(where, "its chain does not match its content"))
        if key is not None and (e.mac or keyed):
            keyed = True
            if not hmac.compare_digest(e.mac, mac_of(e.chain, key)):
                problems.append(Problem(where, "its keyed hash does not match (audit key)"))
        previous = e.chain
        heads[e.case_ref] = e
    tip = m.LedgerTip.objects.using(using).filter(id=1).first()
    if tip is not None and tip.position != len(entries):
        problems.append(
            Problem("ledger", f"the tip says {tip.position} entries, {len(entries)} are stored")
        )
    return problems, heads, entries


CHUNK = 500
"""Cases read together: their rows, parties and allegations in three queries."""


@dataclass
class _Row:
    """A case's stored row, with its parties and allegations (what ``_case`` compares)."""

    ref: str
    version: int
    state: Any
    state_format: str
    stage: str
    anonymity_cipher: str
    closed_on: Any
    summary: str
    parties: list[tuple[str, str]]
    allegations: dict[str, str]


def _rows(using: str, ids: list[int]) -> dict[int, _Row]:
    rows = {
        pk: _Row(*fields, [], {})
        for pk, *fields in m.Case.objects.using(using)
        .filter(id__in=ids)
        .values_list(
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
    }
    for pk, role, name in (
        m.Party.objects.using(using).filter(case_id__in=ids).values_list("case_id", "role", "name")
    ):
        rows[pk].parties.append((role, name))
    for pk, aid, particulars in (
        m.Allegation.objects.using(using)
        .filter(case_id__in=ids)
        .values_list("case_id", "allegation_id", "particulars")
    ):
        rows[pk].allegations[aid] = particulars
    return rows


def _case(
    ref: str, records: list[RecordedEvent], row: _Row, read: tuple[object, ...] | None
) -> list[Problem]:
    """The stored state and the read models of one case against the fold of its events (with its
    personal data as held now: an erased value folds to its placeholder, as it was stored)."""
    where = f"case {ref}"
    try:
        fold = Case.from_events([r.event() for r in records])
    except Exception as exc:  # a history the domain cannot replay is itself the finding
        return [Problem(where, f"its events cannot be replayed ({type(exc).__name__})")]
    problems = []
    if row.version != fold.version:
        problems.append(
            Problem(where, f"stored version {row.version}, the events give {fold.version}")
        )
    # to_plain gives JSON values already (lists, string keys), so it compares with the stored JSON
    if row.state_format == state_format() and to_plain(fold) != row.state:
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
        if getattr(row, name) != value:
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


def verify_database(
    using: str = "default",
    checkpoint: Checkpoint | None = None,
    read_file: Callable[[str], bytes] | None = None,
) -> Report:
    """``read_file`` (content by SHA-256) also checks every evidence file the chains record.

    One pass in case order: the events stream past (one query), the cases' rows are read a chunk at
    a time, so memory holds one chunk whatever the number of cases."""
    ledger_problems, heads, entries = _ledger(using)
    problems: list[Problem] = []
    stream = DjangoRepository(using).keyed_events()
    pending = next(stream, None)
    cases = events = 0
    seen: set[str] = set()
    ids = m.Case.objects.using(using).order_by("id").values_list("id", flat=True)
    for chunk in chunks(ids.iterator(chunk_size=CHUNK), CHUNK):
        rows = _rows(using, chunk)
        read = stored_rows(using, chunk)
        for pk in chunk:
            records = []
            while pending is not None and pending[0] < pk:  # events of no case row (not possible
                pending = next(stream, None)  # while the foreign key holds): the ledger notices
            while pending is not None and pending[0] == pk:
                records.append(pending[1])
                pending = next(stream, None)
            row = rows[pk]
            ref = row.ref
            seen.add(ref)
            cases += 1
            events += len(records)
            if records:
                link = verify_chain(records)
                if link is None and read_file is not None:
                    link = first_changed_file(records, read_file)
                if link is not None:
                    problems.append(
                        Problem(
                            f"case {link.case_ref}, event {link.sequence} ({link.type})",
                            link.problem,
                        )
                    )
            head = heads.get(ref)
            if head is None:
                problems.append(Problem(f"case {ref}", "is not anchored in the ledger"))
            elif not records:
                problems.append(
                    Problem(f"case {ref}", "is in the ledger but its events are missing")
                )
            elif (records[-1].sequence, records[-1].hash) != (head.count, head.head):
                problems.append(
                    Problem(
                        f"case {ref}",
                        f"the ledger anchors {head.count} events, {len(records)} are stored "
                        "(events removed or rewritten)",
                    )
                )
            if records:
                problems += _case(ref, records, row, read.get(pk))
    for ref in sorted(set(heads) - seen):
        problems.append(Problem(f"case {ref}", "is in the ledger but its events are missing"))
    problems = ledger_problems + problems
    if checkpoint is not None:
        problems += _checkpoint(checkpoint, entries)
    return Report(
        cases=cases,
        events=events,
        ledger=len(entries),
        problems=tuple(problems),
        keyed=audit_key() is not None,
    )


def _checkpoint(checkpoint: Checkpoint, entries: list[m.LedgerEntry]) -> list[Problem]:
    where = "checkpoint"
    signed = checkpoint.signature_ok()
    if signed is False:
        return [Problem(where, "its signature does not match the audit key")]
    if checkpoint.position > len(entries):
        return [
            Problem(
                where,
                f"records {checkpoint.position} ledger entries, only {len(entries)} are stored",
            )
        ]
    if checkpoint.position and entries[checkpoint.position - 1].chain != checkpoint.chain:
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
