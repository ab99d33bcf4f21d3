"""What the services need from storage: a unit of work holding a case repository.

The Django implementation lives in ``misconduct.app.repository``; tests use in-memory fakes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from types import TracebackType
from typing import Protocol, Self

from misconduct.domain.case import Case
from misconduct.domain.ledger import RecordedEvent
from misconduct.domain.records import DueItem
from misconduct.domain.terms import Stage
from misconduct.rules.warning import WarningRecord


@dataclass(frozen=True)
class CaseSummary:
    """One line of the case list, with the time limits still open."""

    ref: str
    force: str
    stage: Stage
    version: int
    came_to_attention: date
    officers: tuple[str, ...]
    open_limits: tuple[DueItem, ...]
    closed: bool

    @classmethod
    def of(cls, case: Case) -> CaseSummary:
        return cls(
            ref=case.ref,
            force=case.force,
            stage=case.stage,
            version=case.version,
            came_to_attention=case.came_to_attention,
            officers=tuple(o.display_name() for o in case.officers.values()),
            open_limits=tuple(case.open_limits()),
            closed=case.closed_on is not None,
        )


class CaseRepository(Protocol):
    def events(self, ref: str) -> list[RecordedEvent]:
        """Every event of the case in sequence order; empty when there is no such case."""

    def refs(self) -> list[str]:
        """Every case reference, sorted."""

    def latest_reference(self, force: str, year: int) -> list[str]:
        """The reference with the highest number given to a case of the force and year (none if
        there is none yet): what a new case's number follows. One lookup, not every reference."""

    def all_events(self) -> Iterator[RecordedEvent]:
        """Every event of every case, each case's in sequence order and together (streamed)."""

    def append(
        self, ref: str, expected_version: int, new: Sequence[RecordedEvent], case: Case
    ) -> None:
        """Append ``new`` and write the projection ``case``; raise ``Conflict`` if the stored
        version is not ``expected_version``."""

    def append_many(self, batch: Sequence[tuple[str, int, Sequence[RecordedEvent], Case]]) -> None:
        """:meth:`append` for each ``(ref, expected_version, new, case)``, in one transaction."""

    def erase_personal(self, ref: str, ids: Sequence[str], on: date) -> int:
        """Delete the values of the case's personal data ``ids`` (held outside the chain), keeping
        each as a tombstone dated ``on``; how many were erased."""

    def summaries(self) -> list[CaseSummary]:
        """The current state of every case, for lists and due dates."""

    def warnings_for(self, officer_id: str, *, excluding: str) -> list[WarningRecord]:
        """Warnings on the officer's record from cases other than ``excluding``."""

    def warnings_of(self, officer_ids: Sequence[str]) -> dict[str, list[WarningRecord]]:
        """Warnings on each officer's record from every stored case (one query), by officer."""

    def cases_of_officer(self, officer_id: str) -> list[Case]:
        """Every case in which the officer (by id) is a subject, as it stands."""

    def officer_id(self, force: str, warrant_number: str) -> str | None:
        """The id given to the officer of ``force`` with ``warrant_number`` (the officers' person
        table, ``domain.persons``), or None if none is known or the number was erased. A case
        appended with an officer not yet known registers the officer in the same transaction; a
        second id for the same force and number raises ``Conflict`` (field ``officer``)."""


class UnitOfWork(Protocol):
    cases: CaseRepository

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Roll back unless ``commit`` was called."""

    def commit(self) -> None: ...
