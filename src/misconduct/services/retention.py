"""Retention: published outcomes taken down when their publication period ends, with a warning
beforehand, and closed cases whose retention period has passed erased, with notice beforehand.

A take-down is the domain's own ``RemovePublication`` command, so it is an event on the case's
chain (who, when, under which rules), never a deletion. The period is the policy's number of days
(at least the 28 days of SI 2020/4 reg 43), and never ends before the case's own ``reg43_publication``
time limit. Erasure (:func:`erase`) deletes the values of a closed case's personal data, held
outside its hash chain, and records ``ErasePersonalData`` on the chain naming the data by id; the
case reads thereafter with each erased value replaced by a dated placeholder, and its chain still
verifies. Nothing here reads the clock: the date is an argument.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from misconduct.domain import commands as cmd
from misconduct.domain.case import Case
from misconduct.domain.events import holds_personal_values
from misconduct.domain.ledger import RecordedEvent
from misconduct.domain.lifecycle import decide
from misconduct.domain.outcome import MINIMUM_PUBLICATION_DAYS
from misconduct.domain.records import DueItem
from misconduct.domain.terms import Nature
from misconduct.errors import InvalidInput
from misconduct.services.cases import CaseService
from misconduct.services.ports import UnitOfWork

PUBLICATION_STEP = "reg43_publication"


@dataclass(frozen=True)
class Policy:
    publication_days: int = MINIMUM_PUBLICATION_DAYS
    """Days a published outcome stays up, after the day of publication (which is not counted)."""
    warning_days: int = 7
    """Days before the take-down that the case is listed as due for it."""
    closed_case_years: int = 0
    """Years after closure that a case's personal data is kept; 0 = never erased automatically."""

    def __post_init__(self) -> None:
        if self.publication_days < MINIMUM_PUBLICATION_DAYS:
            raise InvalidInput(
                "publication period",
                f"at least {MINIMUM_PUBLICATION_DAYS} days (SI 2020/4 reg 43)",
                self.publication_days,
            )
        if self.warning_days < 0:
            raise InvalidInput(
                "warning period", "a number of days, zero or more", self.warning_days
            )
        if self.closed_case_years < 0:
            raise InvalidInput(
                "retention period", "a number of years, zero or more", self.closed_case_years
            )


@dataclass(frozen=True)
class TakeDown:
    ref: str
    force: str
    published_on: date
    last_day: date
    """The last day the outcome stays published."""

    @property
    def remove_on(self) -> date:
        return self.last_day + timedelta(days=1)


@dataclass(frozen=True)
class Erasure:
    ref: str
    force: str
    closed_on: date
    erase_from: date
    held: int = 0
    """Personal values held apart from the chain, which erasure deletes."""
    inline: bool = False
    """Recorded (at least in part) before personal data were kept apart from the chain: what its
    events hold inline cannot be erased without breaking the chain (docs/retention.md)."""


@dataclass(frozen=True)
class Plan:
    as_at: date
    due: tuple[TakeDown, ...]
    """Published outcomes whose period has ended: taken down by :func:`take_down`."""
    upcoming: tuple[TakeDown, ...]
    """Published outcomes coming down within the warning period: the PSD's advance notice."""
    erasable: tuple[Erasure, ...]
    """Closed cases past their retention period, not yet erased."""
    erasing: tuple[Erasure, ...] = ()
    """Closed cases whose retention period ends within the warning period: the notice beforehand."""


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def publication_end(case: Case, policy: Policy) -> date | None:
    """The last day the case's outcome stays published, or None if it is not (or no longer) up."""
    if case.published_on is None or case.publication_removed_on is not None:
        return None
    days = case.publication_days or policy.publication_days  # a period set for the case comes first
    end = case.published_on + timedelta(days=days)
    for t in case.time_limits:
        if t.item.step == PUBLICATION_STEP and t.met_on is None:
            end = max(end, t.item.last_day)
    return end


TAKE_DOWN_STEP = "publication_take_down"


def take_down_item(case: Case, policy: Policy) -> DueItem | None:
    """The take-down of the case's published outcome as a task (the PSD's notice beforehand), or
    None if nothing of the case is published."""
    end = publication_end(case, policy)
    if end is None or case.published_on is None:
        return None
    return DueItem(
        step=TAKE_DOWN_STEP,
        title="Take the published outcome down (the daily retention run does it)",
        citation="SI 2020/4 reg 43: 28 days at least; the period set for the case or by policy",
        status="policy",
        trigger=case.published_on,
        nature=Nature.OBLIGATION,
        party="appropriate authority",
        due=end + timedelta(days=1),
    )


def plan(uow_factory: Callable[[], UnitOfWork], policy: Policy, as_at: date) -> Plan:
    due: list[TakeDown] = []
    upcoming: list[TakeDown] = []
    erasable: list[Erasure] = []
    erasing: list[Erasure] = []
    with uow_factory() as uow:
        refs = uow.cases.refs()
        for ref in refs:
            records = uow.cases.events(ref)
            case = Case.from_events([r.event() for r in records])
            end = publication_end(case, policy)
            if end is not None and case.published_on is not None and case.published_on <= as_at:
                item = TakeDown(ref, case.force, case.published_on, end)
                if as_at > end:
                    due.append(item)
                elif as_at >= end + timedelta(days=1) - timedelta(days=policy.warning_days):
                    upcoming.append(item)
            if policy.closed_case_years and case.closed_on is not None and case.erased_on is None:
                erase_from = add_years(case.closed_on, policy.closed_case_years)
                inline = any(holds_personal_values(r.type, r.payload) for r in records)
                erasure = Erasure(
                    ref, case.force, case.closed_on, erase_from, len(held(records)), inline
                )
                if as_at >= erase_from:
                    erasable.append(erasure)
                elif as_at >= erase_from - timedelta(days=policy.warning_days):
                    erasing.append(erasure)
    return Plan(as_at, tuple(due), tuple(upcoming), tuple(erasable), tuple(erasing))


ERASURE_STEP = "personal_data_erasure"


def erasure_item(case: Case, policy: Policy) -> DueItem | None:
    """The erasure of a closed case's personal data as a task, from the warning period before its
    retention period ends; None for an open case, one already erased, or no retention period."""
    if not policy.closed_case_years or case.closed_on is None or case.erased_on is not None:
        return None
    erase_from = add_years(case.closed_on, policy.closed_case_years)
    return DueItem(
        step=ERASURE_STEP,
        title="Erase the closed case's personal data (the daily retention run does it)",
        citation="Data Protection Act 2018 s 39: kept no longer than necessary; the force's "
        "retention schedule",
        status="policy",
        trigger=erase_from - timedelta(days=policy.warning_days),
        nature=Nature.OBLIGATION,
        party="appropriate authority",
        due=erase_from,
    )


def held(records: Sequence[RecordedEvent]) -> list[str]:
    """The ids of the personal data a case's events refer to that are still held (not erased)."""
    return [i for r in records for i, d in r.data().items() if not d.erased]


def erasure_reason(policy: Policy, closed_on: date) -> str:
    return (
        f"Retention schedule: the personal data of a case closed on {closed_on:%d/%m/%Y} are kept "
        f"{policy.closed_case_years} years after closure"
    )


def erase(service: CaseService, ref: str, on: date, reason: str) -> int:
    """Erase every personal datum of closed case ``ref`` still held, and record the erasure on its
    chain, in one transaction (nothing is written if the domain refuses); how many were erased."""
    with service.uow() as uow:
        records = uow.cases.events(ref)
        if not records:
            raise InvalidInput("REF", "the reference of an existing case", ref)
        ids = tuple(held(records))
        command = cmd.ErasePersonalData(on, ids, reason)
        decide(Case.from_events([r.event() for r in records]), command)  # refused: nothing written
        uow.cases.erase_personal(ref, ids, on)
        records = uow.cases.events(ref)
        case = Case.from_events([r.event() for r in records])
        expected = case.version
        event = decide(case, command)
        case.apply(event)
        uow.cases.append(ref, expected, [service._seal(case, records[-1].hash, event)], case)
        uow.commit()
    return len(ids)


def take_down(service: CaseService, items: tuple[TakeDown, ...], on: date) -> list[str]:
    """Record ``RemovePublication`` on each case, each in its own transaction; the references done."""
    done = []
    for item in items:
        service.execute(item.ref, cmd.RemovePublication(on))
        done.append(item.ref)
    return done
