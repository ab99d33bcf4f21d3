"""Audit: recompute every case's hash chain and report the first broken link in each."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from misconduct.domain.ledger import BrokenLink, RecordedEvent, erased_ids, verify_chain

if TYPE_CHECKING:  # (the ports import the rules' catalogue: not needed to check files)
    from misconduct.services.ports import UnitOfWork


@dataclass(frozen=True)
class AuditReport:
    cases: int
    events: int
    broken: tuple[BrokenLink, ...]

    @property
    def ok(self) -> bool:
        return not self.broken


def verify_all(
    uow_factory: Callable[[], UnitOfWork], read_file: Callable[[str], bytes] | None = None
) -> AuditReport:
    """Every case's chain, checked as the events stream past in case and sequence order (one pass,
    memory for one case at a time); with ``read_file`` (content by SHA-256), also every evidence
    file the chain records, which must be present and still have the recorded hash."""
    broken: list[BrokenLink] = []
    cases = events = 0
    with uow_factory() as uow:
        for _, records in groupby(uow.cases.all_events(), key=lambda r: r.case_ref):
            chain = list(records)
            cases += 1
            events += len(chain)
            link = verify_chain(chain)
            if link is None and read_file is not None:
                link = first_changed_file(chain, read_file)
            if link is not None:
                broken.append(link)
    return AuditReport(cases, events, tuple(broken))


def first_changed_file(
    records: list[RecordedEvent], read_file: Callable[[str], bytes]
) -> BrokenLink | None:
    """The first evidence file missing or changed. Once a case's personal data are erased (an
    erasure on its chain), its files may be gone too; one still held must still match."""
    erased = bool(erased_ids(records))
    for r in records:
        if r.type != "EvidenceAttached":
            continue
        digest = str(r.payload["evidence"]["sha256"])
        try:
            content = read_file(digest)
        except FileNotFoundError:
            if erased:
                continue
            return BrokenLink(r.case_ref, r.sequence, r.type, f"evidence file {digest} is missing")
        if hashlib.sha256(content).hexdigest() != digest:
            return BrokenLink(
                r.case_ref, r.sequence, r.type, f"evidence file {digest} has changed since recorded"
            )
    return None
