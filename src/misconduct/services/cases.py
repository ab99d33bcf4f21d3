"""Use cases over a case: open it, take a step, read it, list what is due. Each owns its transaction.

The clock and the actor are given to the service; nothing here reads the time of day.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from misconduct.domain import commands as cmd
from misconduct.domain.case import Case, Decision, TimelineEntry
from misconduct.domain.codec import to_plain
from misconduct.domain.dates import check_dates
from misconduct.domain.events import Event
from misconduct.domain.ledger import GENESIS, RecordedEvent
from misconduct.domain.lifecycle import Context, decide, open_case
from misconduct.domain.records import DueItem
from misconduct.domain.terms import Nature
from misconduct.errors import Conflict, InvalidInput, MisconductError
from misconduct.rules.catalogue import rules_version
from misconduct.rules.warning import WarningRecord
from misconduct.services.ports import CaseSummary, UnitOfWork

Step = cmd.Command | Callable[[Case], cmd.Command]
"""A step of a new case: a command, or a function of the case as it then stands giving one."""


def load(uow: UnitOfWork, ref: str) -> tuple[Case, list[RecordedEvent]]:
    """The case folded from its events, with the events; an error naming the reference if unknown."""
    records = uow.cases.events(ref)
    if not records:
        raise InvalidInput("REF", "the reference of an existing case", ref)
    return Case.from_events([r.event() for r in records]), records


@dataclass(frozen=True)
class Due:
    """A case's time limit as seen on a date."""

    ref: str
    item: DueItem
    overdue: bool


class CaseService:
    def __init__(
        self,
        uow: Callable[[], UnitOfWork],
        *,
        clock: Callable[[], datetime],
        actor: str,
        rules: str | None = None,
    ) -> None:
        if not actor.strip():
            raise InvalidInput("actor", "the name of the person making the change", actor)
        self.uow = uow
        self.clock = clock
        self.actor = actor
        self.rules = rules or rules_version()

    def _seal(self, case: Case, previous: str, event: Event) -> RecordedEvent:
        """The event sealed for the chain, its personal values held beside it (a fresh random salt
        for each, so a commitment cannot be tested against guessed names)."""
        return RecordedEvent.sealed(
            case.ref,
            case.version,
            event,
            self.clock(),
            self.actor,
            self.rules,
            previous,
            lambda: secrets.token_hex(16),
        )

    def open(self, command: cmd.OpenCase, steps: Sequence[cmd.Command] = ()) -> Case:
        """Open a case, and take any further ``steps`` in the same transaction (all or nothing)."""
        check_dates(command, today=self.today())
        with self.uow() as uow:
            ref = command.details.ref
            if uow.cases.events(ref):
                raise InvalidInput("ref", "a reference not already used", ref)
            case, new = self._build(uow, command, steps)
            uow.cases.append(ref, 0, new, case)
            uow.commit()
            return case

    def open_many(
        self,
        items: Sequence[tuple[cmd.OpenCase, Sequence[Step]]],
        *,
        until_refused: bool = False,
    ) -> list[Case]:
        """Open many new cases, each with its steps, in one transaction (all or nothing): the batch
        path of ``misconduct db seed``. A step may be a function of the case as it then stands. With
        ``until_refused``, a case whose step the rules refuse is kept as it stood before that step
        (and its later steps are dropped); otherwise the refusal is raised and nothing is written.
        A reference already used raises ``Conflict``."""
        with self.uow() as uow:
            batch = self.build_many(uow, items, until_refused=until_refused)
            uow.cases.append_many(batch)
            uow.commit()
        return [case for _, _, _, case in batch]

    def build_many(
        self,
        uow: UnitOfWork,
        items: Sequence[tuple[cmd.OpenCase, Sequence[Step]]],
        *,
        until_refused: bool = False,
    ) -> list[tuple[str, int, list[RecordedEvent], Case]]:
        """What :meth:`open_many` appends for ``items``, read and checked in ``uow`` but not
        written: each new case's reference, version 0, sealed events and the case after them."""
        # Every officer's warnings from other cases, read once for the batch (the batch's own
        # cases hold none yet: they are written together at the end).
        return self.build_new(
            items, uow.cases.warnings_of(officers_of(items)), until_refused=until_refused
        )

    def build_new(
        self,
        items: Sequence[tuple[cmd.OpenCase, Sequence[Step]]],
        warnings: Mapping[str, list[WarningRecord]],
        *,
        until_refused: bool = False,
    ) -> list[tuple[str, int, list[RecordedEvent], Case]]:
        """:meth:`build_many` with the officers' warnings from other cases already read (from
        ``uow.cases.warnings_of(officers_of(items))``), so that it needs no transaction."""
        batch = []
        for command, steps in items:
            case, new = self._build(
                None, command, steps, until_refused=until_refused, warnings=warnings
            )
            batch.append((command.details.ref, 0, new, case))
        return batch

    def _build(
        self,
        uow: UnitOfWork | None,
        command: cmd.OpenCase,
        steps: Sequence[Step],
        *,
        until_refused: bool = False,
        warnings: Mapping[str, list[WarningRecord]] | None = None,
    ) -> tuple[Case, list[RecordedEvent]]:
        check_dates(command, today=self.today())
        opened = open_case(command)
        case = Case.from_events([opened])
        new = [self._seal(case, GENESIS, opened)]
        # Warnings from other cases cannot change while this transaction writes this one.
        context = Context(
            {
                oid: list((warnings or {}).get(oid, ()))
                if warnings is not None or uow is None
                else uow.cases.warnings_for(oid, excluding=case.ref)
                for oid in case.officers
            }
        )
        for step in steps:
            try:
                taken = step(case) if callable(step) else step
                check_dates(taken, today=self.today())
                event = decide(case, taken, context)
            except MisconductError:
                if until_refused:
                    break
                raise
            case.apply(event)
            new.append(self._seal(case, new[-1].hash, event))
        return case, new

    def today(self) -> date:
        """The day it is for this service (from its clock): no step may be dated after it."""
        return self.clock().date()

    def _take(
        self, uow: UnitOfWork, case: Case, previous: str, command: cmd.Command
    ) -> RecordedEvent:
        check_dates(command, today=self.today())
        context = Context(
            {oid: uow.cases.warnings_for(oid, excluding=case.ref) for oid in case.officers}
        )
        event = decide(case, command, context)
        case.apply(event)
        return self._seal(case, previous, event)

    def execute(
        self, ref: str, command: cmd.Command, *, expected_version: int | None = None
    ) -> Case:
        """Check ``command`` against the case and the rules and record the event it produces.

        ``expected_version`` is the version the user saw; if the case has moved on since, nothing is
        written and ``Conflict`` is raised.
        """
        with self.uow() as uow:
            case, records = load(uow, ref)
            seen = case.version if expected_version is None else expected_version
            if seen != case.version:
                raise Conflict(
                    f"case {ref} is at version {case.version}, not {seen}: reload and try again",
                    field="version",
                    expected=str(case.version),
                    received=seen,
                )
            recorded = self._take(uow, case, records[-1].hash, command)
            uow.cases.append(ref, seen, [recorded], case)
            uow.commit()
            return case

    def case(self, ref: str) -> Case:
        with self.uow() as uow:
            return load(uow, ref)[0]

    def history(self, ref: str) -> list[RecordedEvent]:
        with self.uow() as uow:
            return load(uow, ref)[1]

    def exists(self, ref: str) -> bool:
        with self.uow() as uow:
            return bool(uow.cases.events(ref))

    def cases(self) -> list[CaseSummary]:
        with self.uow() as uow:
            return uow.cases.summaries()


def officers_of(items: Sequence[tuple[cmd.OpenCase, Sequence[Step]]]) -> list[str]:
    """The subject officers of new cases ``items``, each once, sorted."""
    return sorted({o.officer_id for command, _ in items for o in command.details.officers})


def due_list(
    summaries: list[CaseSummary], on: date, *, within: int | None = None, overdue: bool = False
) -> list[CaseSummary]:
    """The cases with an open obligation or window in the next ``within`` days, or overdue ones."""
    if within is not None and within < 0:
        raise InvalidInput("--due-within", "a number of days, zero or more", within)
    out = []
    for s in summaries:
        items = [d for d in dues(s, on) if d.item.nature is not Nature.NOT_BEFORE]
        if overdue and not any(d.overdue for d in items):
            continue
        if within is not None:
            horizon = on + timedelta(days=within)
            if not any(not d.overdue and d.item.last_day <= horizon for d in items):
                continue
        out.append(s)
    return out


def dues(summary: CaseSummary, on: date) -> list[Due]:
    if summary.closed:
        return []
    items = []
    for item in sorted(summary.open_limits, key=lambda i: i.last_day):
        late = item.nature is Nature.OBLIGATION and item.last_day < on
        if item.nature is Nature.WINDOW and item.last_day < on:
            continue  # a lapsed window is history, not a task
        items.append(Due(summary.ref, item, late))
    return items


def timeline(case: Case, records: list[RecordedEvent]) -> list[tuple[RecordedEvent, TimelineEntry]]:
    """Each step of ``case``'s timeline with its recorded event, matched by sequence.

    ``records`` may have been read after ``case`` (another writer may have recorded a step since):
    events the case has not reached are left out, so an answer after a stored write never fails
    because the case moved on.
    """
    by_sequence = {r.sequence: r for r in records}
    return [(by_sequence[e.sequence], e) for e in case.timeline if e.sequence in by_sequence]


def _decided(decided: Decision) -> dict[str, Any]:
    """A decision as shown: its assessment with the chair's words in place (held apart from the
    chain as ``assessment_notes``, which the view does not repeat)."""
    plain: dict[str, Any] = to_plain(decided)
    plain["decision"]["assessment"] = decided.decision.shown_assessment()
    plain["decision"].pop("assessment_notes", None)
    return plain


def case_view(case: Case, records: list[RecordedEvent], on: date) -> dict[str, Any]:
    """Everything ``case show`` prints: the state, the timeline and the time limits as at ``on``."""
    summary = CaseSummary.of(case)
    by_sequence = {r.sequence: r for r in records}
    return {
        "ref": case.ref,
        "as_at": on.isoformat(),
        "force": case.force,
        "source": case.source.value,
        "came_to_attention": case.came_to_attention.isoformat(),
        "stage": case.stage.value,
        "version": case.version,
        "summary": case.summary,
        "officers": [to_plain(o) for o in case.officers.values()],
        "allegations": [to_plain(a) for a in case.allegations.values()],
        "severity": to_plain(case.severity),
        "determination": to_plain(case.determination),
        "proceedings": to_plain(case.proceedings),
        "findings": [to_plain(f) for f in case.findings.values()],
        "decisions": {k: _decided(v) for k, v in case.decisions.items()},
        "appeals": [to_plain(a) for a in case.appeals],
        "published_on": to_plain(case.published_on),
        "closed_on": to_plain(case.closed_on),
        "next_due": to_plain(case.next_due(on)),
        "overdue": [to_plain(i) for i in case.overdue(on)],
        "time_limits": [
            {**to_plain(t.item), "met_on": to_plain(t.met_on)} for t in case.time_limits
        ],
        "timeline": [
            {
                "sequence": r.sequence,
                "occurred_on": r.occurred_on.isoformat(),
                "type": r.type,
                "label": entry.label,
                "actor": r.actor,
                "recorded_at": r.recorded_at.isoformat(),
            }
            for r, entry in timeline(case, records)
        ],
        "open_limits": len(summary.open_limits),
        "origin": to_plain(case.origin),
        "parties": [to_plain(p) for p in case.parties],
        "withdrawn_allegations": [to_plain(w) for w in case.withdrawn.values()],
        "assignments": {role.value: who for role, who in case.assignments.items()},
        "evidence": [to_plain(h) for h in case.evidence],
        "notes": [
            {**to_plain(n), "author": by_sequence[n.sequence].actor}
            for n in case.notes
            if n.sequence in by_sequence
        ],
    }
