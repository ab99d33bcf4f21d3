"""Audit: recompute every case's hash chain and report the first broken link in each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby

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
    """Every case's chain, checked as the events stream past in case and sequence order (one pass,
    memory for one case at a time)."""
    broken: list[BrokenLink] = []
    cases = events = 0
    with uow_factory() as uow:
        for _, records in groupby(uow.cases.all_events(), key=lambda r: r.case_ref):
            chain = list(records)
            cases += 1
            events += len(chain)
            link = verify_chain(chain)
            if link is not None:
                broken.append(link)
    return AuditReport(cases, events, tuple(broken))
