"""In-memory fakes of the storage ports: a dict of event lists, committed or thrown away whole."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from types import TracebackType
from typing import Self

from misconduct.domain.case import Case
from misconduct.domain.ledger import RecordedEvent
from misconduct.domain.personal import Datum
from misconduct.errors import Conflict
from misconduct.rules.warning import WarningRecord
from misconduct.services.cases import CaseService
from misconduct.services.ports import CaseSummary


class FakeRepository:
    def __init__(self) -> None:
        self.stored: dict[str, list[RecordedEvent]] = {}
        self.projections: dict[str, Case] = {}

    def events(self, ref: str) -> list[RecordedEvent]:
        return list(self.stored.get(ref, []))

    def refs(self) -> list[str]:
        return sorted(self.stored)

    def latest_reference(self, force: str, year: int) -> list[str]:
        from misconduct.domain.reference import next_number, reference

        last = next_number(self.stored, force, year) - 1
        return [reference(force, year, last)] if last else []

    def all_events(self) -> Iterator[RecordedEvent]:
        for ref in self.refs():
            yield from self.stored[ref]

    def append(
        self, ref: str, expected_version: int, new: Sequence[RecordedEvent], case: Case
    ) -> None:
        current = len(self.stored.get(ref, []))
        if current != expected_version:
            raise Conflict(f"case {ref} is at version {current}, not {expected_version}")
        self.stored.setdefault(ref, []).extend(new)
        self.projections[ref] = copy.deepcopy(case)

    def append_many(self, batch: Sequence[tuple[str, int, Sequence[RecordedEvent], Case]]) -> None:
        for ref, expected, new, case in batch:
            self.append(ref, expected, new, case)

    def erase_personal(self, ref: str, ids: Sequence[str], on: date) -> int:
        gone = set(ids)
        erased = 0
        records = []
        for r in self.stored.get(ref, []):
            data = dict(r.personal)
            for i, d in r.personal.items():
                if i in gone and not d.erased:
                    data[i] = Datum(i, None, None, on)
                    erased += 1
            records.append(dataclasses.replace(r, personal=data))
        self.stored[ref] = records
        return erased

    def summaries(self) -> list[CaseSummary]:
        return [CaseSummary.of(self.projections[r]) for r in self.refs()]

    def cases_of_officer(self, officer_id: str) -> list[Case]:
        return [copy.deepcopy(c) for c in self.projections.values() if officer_id in c.officers]

    def officer_id(self, force: str, warrant_number: str) -> str | None:
        for case in self.projections.values():
            for o in case.officers.values():
                if (o.force, o.warrant_number) == (force, warrant_number):
                    return o.officer_id
        return None

    def warnings_for(self, officer_id: str, *, excluding: str) -> list[WarningRecord]:
        out = []
        for ref, case in self.projections.items():
            decision = case.decisions.get(officer_id)
            if ref == excluding or decision is None or decision.notified_on is None:
                continue
            months = decision.decision.warning_months
            if months is not None:
                out.append(WarningRecord(decision.decision.outcome, decision.notified_on, months))
        return out

    def warnings_of(self, officer_ids: Sequence[str]) -> dict[str, list[WarningRecord]]:
        return {
            oid: found for oid in officer_ids if (found := self.warnings_for(oid, excluding=""))
        }


class FakeUnitOfWork:
    """Shares one repository; a block that does not commit leaves it as it was."""

    def __init__(self, repo: FakeRepository) -> None:
        self.shared = repo
        self.cases = repo
        self.committed = False

    def __enter__(self) -> Self:
        self.snapshot = (copy.deepcopy(self.shared.stored), copy.deepcopy(self.shared.projections))
        self.committed = False
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self.committed:
            self.shared.stored, self.shared.projections = self.snapshot

    def commit(self) -> None:
        self.committed = True


class SteppingClock:
    """A pinned clock that moves one second per reading."""

    def __init__(self, start: datetime = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def fake_service(repo: FakeRepository | None = None, actor: str = "psd.tester") -> CaseService:
    repo = repo or FakeRepository()
    return CaseService(lambda: FakeUnitOfWork(repo), clock=SteppingClock(), actor=actor)


_demo: list[FakeRepository] = []


def demo_repository() -> FakeRepository:
    """A repository holding the demo cases as ``load_demo(fake_service(repo))`` writes them. The load
    runs once per session (each step copies the whole fake repository, so it takes seconds); every
    caller gets its own deep copy, free to change."""
    if not _demo:
        from misconduct.services.demo import load_demo

        repo = FakeRepository()
        load_demo(fake_service(repo))
        _demo.append(repo)
    return copy.deepcopy(_demo[0])
