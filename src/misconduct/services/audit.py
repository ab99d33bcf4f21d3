"""Audit: recompute every case's hash chain and report the first broken link in each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from misconduct.domain.ledger import BrokenLink, verify_chain
from misconduct.services.ports import UnitOfWork


@dataclass(frozen=True)
class AuditReport:
    cases: int
    events: int
    broken: tuple[BrokenLink, ...]

    @property
    def ok(self) -> bool:
        return not self.broken


def verify_all(uow_factory: Callable[[], UnitOfWork]) -> AuditReport:
    broken: list[BrokenLink] = []
    cases = events = 0
    with uow_factory() as uow:
        for ref in uow.cases.refs():
            records = uow.cases.events(ref)
            cases += 1
            events += len(records)
            link = verify_chain(records)
            if link is not None:
                broken.append(link)
    return AuditReport(cases, events, tuple(broken))
