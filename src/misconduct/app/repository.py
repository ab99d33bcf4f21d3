"""The Django implementation of the services' storage ports: events appended, projection rewritten,
in one transaction; a stale version raises ``Conflict``.

Reads that need only the case as it stands (:meth:`DjangoRepository.load_states`) decode the state
stored with the last event instead of folding every event; the events stay the record, and a state
that is missing or of another shape of ``Case`` is folded from them.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import typing
from collections.abc import Iterable, Sequence
from enum import Enum
from types import TracebackType
from typing import Any, Self

from django.db import IntegrityError, transaction

from misconduct.app import ledger
from misconduct.app import models as m
from misconduct.domain.case import Case
from misconduct.domain.codec import from_plain, to_plain
from misconduct.domain.ledger import RecordedEvent
from misconduct.domain.records import DueItem
from misconduct.domain.terms import Nature, Stage
from misconduct.errors import Conflict, InvalidInput
from misconduct.rules.vocabulary import Outcome
from misconduct.rules.warning import WarningRecord
from misconduct.services.ports import CaseSummary


def _conflict(ref: str, expected: int) -> Conflict:
    return Conflict(
        f"case {ref} has changed since version {expected}: nothing was written; reload and try again",
        field="version",
        expected=str(expected),
        received=expected,
    )


def _shape(hint: Any, seen: frozenset[type] = frozenset()) -> str:
    """The shape of a type as the codec sees it: dataclass fields, generics, enum values."""
    origin = typing.get_origin(hint)
    if origin is not None:
        args = ",".join(_shape(a, seen) for a in typing.get_args(hint))
        return f"{getattr(origin, '__qualname__', repr(origin))}[{args}]"
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if hint in seen:
            return hint.__qualname__
        hints = typing.get_type_hints(hint)
        inner = seen | {hint}
        fields = ",".join(
            f"{f.name}:{_shape(hints[f.name], inner)}" for f in dataclasses.fields(hint) if f.init
        )
        return f"{hint.__qualname__}({fields})"
    if isinstance(hint, type) and issubclass(hint, Enum):
        return f"{hint.__qualname__}<{'|'.join(str(v.value) for v in hint)}>"
    return getattr(hint, "__qualname__", repr(hint))


# Bump when ``Case.apply`` changes what a fold gives without changing the shape of ``Case``, so that
# states stored before are folded again from the events rather than read.
_FOLD = 1


@functools.cache
def state_format() -> str:
    """The format of a stored state: a fingerprint of the shape of ``Case`` (and of :data:`_FOLD`)."""
    text = f"{_FOLD}:{_shape(Case)}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def decode_state(state: Any, fmt: str, version: int) -> Case | None:
    """The ``Case`` a stored state holds, or None unless it is of this format and at ``version``."""
    if fmt != state_format() or not isinstance(state, dict):
        return None
    try:
        case = from_plain(Case, state)
    except (InvalidInput, TypeError, ValueError):
        return None
    return case if case.version == version else None


class DjangoRepository:
    def __init__(self, using: str = "default") -> None:
        self.using = using

    def events(self, ref: str) -> list[RecordedEvent]:
        rows = m.Event.objects.using(self.using).filter(case__ref=ref).order_by("sequence")
        return [
            RecordedEvent(
                ref,
                r.sequence,
                r.type,
                r.payload,
                r.occurred_on,
                r.recorded_at,
                r.actor,
                r.rules_version,
                r.previous_hash,
                r.hash,
            )
            for r in rows
        ]

    def load_state(self, ref: str) -> Case:
        """The case as it stands; an error naming the reference if unknown."""
        found = self.load_states([ref])
        if ref not in found:
            raise InvalidInput("REF", "the reference of an existing case", ref)
        return found[ref]

    def load_states(self, refs: Iterable[str] | None = None) -> dict[str, Case]:
        """Each existing case of ``refs`` (every case if None) as it stands, by reference: decoded
        from the state stored with its last event, or folded from its events where that state is
        missing, of another format or not at the case's version."""
        rows = m.Case.objects.using(self.using)
        if refs is not None:
            rows = rows.filter(ref__in=list(refs))
        out = {}
        for ref, version, state, fmt in rows.order_by("ref").values_list(
            "ref", "version", "state", "state_format"
        ):
            case = decode_state(state, fmt, version)
            if case is None:
                case = Case.from_events([r.event() for r in self.events(ref)])
            out[ref] = case
        return out

    def refs(self) -> list[str]:
        return list(m.Case.objects.using(self.using).order_by("ref").values_list("ref", flat=True))

    def append(
        self, ref: str, expected_version: int, new: Sequence[RecordedEvent], case: Case
    ) -> None:
        db = m.Case.objects.using(self.using)
        fields = self._case_fields(case)
        try:
            if expected_version == 0:
                row = db.create(ref=ref, **fields)
            else:
                if db.filter(ref=ref, version=expected_version).update(**fields) != 1:
                    raise _conflict(ref, expected_version)
                row = db.get(ref=ref)
            m.Event.objects.using(self.using).bulk_create(
                [
                    m.Event(
                        case=row,
                        sequence=e.sequence,
                        type=e.type,
                        payload=e.payload,
                        occurred_on=e.occurred_on,
                        recorded_at=e.recorded_at,
                        actor=e.actor,
                        rules_version=e.rules_version,
                        previous_hash=e.previous_hash,
                        hash=e.hash,
                    )
                    for e in new
                ]
            )
        except IntegrityError:
            raise _conflict(ref, expected_version) from None
        last = new[-1]
        ledger.record(self.using, ref, last.sequence, last.hash, last.recorded_at)
        self._project(row, case)

    def _case_fields(self, case: Case) -> dict[str, Any]:
        arrangement = case.proceedings.arrangement if case.proceedings else None
        return {
            "force_id": case.force,
            "source": case.source.value,
            "came_to_attention": case.came_to_attention,
            "summary": case.summary,
            "stage": case.stage.value,
            "version": case.version,
            "forum": case.forum.value if case.forum else "",
            "anonymity_cipher": arrangement.anonymity_cipher if arrangement else "",
            "closed_on": case.closed_on,
            "state": to_plain(case),
            "state_format": state_format(),
        }

    def _project(self, row: m.Case, case: Case) -> None:
        """Rewrite the case's child rows from the domain projection."""
        u = self.using
        officers = {}
        for o in case.officers.values():
            officers[o.officer_id], _ = m.Officer.objects.using(u).update_or_create(
                officer_id=o.officer_id,
                defaults={
                    "force_id": o.force,
                    "warrant_number": o.warrant_number,
                    "name": o.name,
                    "rank": o.rank.value,
                    "serving": o.serving,
                },
            )
        row.officers.set(officers.values())
        for model in (m.Party, m.Allegation, m.TimeLimit, m.Warning):
            model.objects.using(u).filter(case=row).delete()
        m.Party.objects.using(u).bulk_create(
            m.Party(case=row, role=p.role.value, name=p.name, detail=p.detail) for p in case.parties
        )
        allegations = []
        for a in case.allegations.values():
            f = case.findings.get(a.allegation_id)
            allegations.append(
                m.Allegation(
                    case=row,
                    allegation_id=a.allegation_id,
                    officer=officers[a.officer_id],
                    particulars=a.particulars,
                    conduct_from=a.conduct_from,
                    conduct_to=a.conduct_to,
                    on_duty=a.on_duty,
                    standards=list(a.standards),
                    proven=f.proven if f else None,
                    finding_level=f.level.value if f else "",
                )
            )
        m.Allegation.objects.using(u).bulk_create(allegations)
        m.TimeLimit.objects.using(u).bulk_create(
            m.TimeLimit(
                case=row,
                step=t.item.step,
                title=t.item.title,
                citation=t.item.citation,
                status=t.item.status,
                nature=t.item.nature.value,
                party=t.item.party,
                officer_id=t.item.officer_id or "",
                trigger=t.item.trigger,
                due=t.item.due,
                earliest=t.item.earliest,
                latest=t.item.latest,
                last_day=t.item.last_day,
                met_on=t.met_on,
            )
            for t in case.time_limits
        )
        warnings = [
            m.Warning(
                officer=officers[o.officer_id],
                case=row,
                kind=w.kind.value,
                notified_on=w.notified_on,
                months=w.months,
                career_break_days=w.career_break_days,
                expires_on=WarningRecord(
                    w.kind, w.notified_on, w.months, w.career_break_days
                ).expires_on(),
                prior=True,
            )
            for o in case.officers.values()
            for w in o.prior_warnings
        ]
        for oid, d in case.decisions.items():
            months = d.decision.warning_months
            if d.notified_on and d.warning_expires_on and months:
                warnings.append(
                    m.Warning(
                        officer=officers[oid],
                        case=row,
                        kind=d.decision.outcome.value,
                        notified_on=d.notified_on,
                        months=months,
                        expires_on=d.warning_expires_on,
                    )
                )
        m.Warning.objects.using(u).bulk_create(warnings)

    def summaries(self) -> list[CaseSummary]:
        rows = m.Case.objects.using(self.using).order_by("ref").prefetch_related("time_limits")
        out = []
        for r in rows:
            limits = [t for t in r.time_limits.all() if t.met_on is None]
            out.append(
                CaseSummary(
                    ref=r.ref,
                    force=r.force_id,
                    stage=Stage(r.stage),
                    version=r.version,
                    came_to_attention=r.came_to_attention,
                    officers=tuple(_display(o) for o in r.state.get("officers", {}).values()),
                    open_limits=tuple(_due_item(t) for t in limits),
                    closed=r.closed_on is not None,
                )
            )
        return out

    def cases_of_officer(self, officer_id: str) -> list[Case]:
        refs = m.Case.objects.using(self.using).filter(officers__officer_id=officer_id)
        return list(self.load_states(refs.values_list("ref", flat=True)).values())

    def warnings_for(self, officer_id: str, *, excluding: str) -> list[WarningRecord]:
        rows = (
            m.Warning.objects.using(self.using)
            .filter(officer__officer_id=officer_id)
            .exclude(case__ref=excluding)
        )
        return [
            WarningRecord(Outcome(w.kind), w.notified_on, w.months, w.career_break_days)
            for w in rows
        ]


def _display(officer: dict[str, Any]) -> str:
    from misconduct.rules.vocabulary import Rank

    return f"{Rank(officer['rank']).abbreviation} {officer['name']}"


def _due_item(t: m.TimeLimit) -> DueItem:
    return DueItem(
        step=t.step,
        title=t.title,
        citation=t.citation,
        status=t.status,
        trigger=t.trigger,
        nature=Nature(t.nature),
        party=t.party,
        due=t.due,
        earliest=t.earliest,
        latest=t.latest,
        officer_id=t.officer_id or None,
    )


class DjangoUnitOfWork:
    """One database transaction; rolled back unless ``commit`` is called."""

    def __init__(self, using: str = "default") -> None:
        self.using = using
        self.cases = DjangoRepository(using)
        self._committed = False

    def __enter__(self) -> Self:
        self._atomic = transaction.atomic(using=self.using)
        self._atomic.__enter__()
        self._committed = False
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None and not self._committed:
            transaction.set_rollback(True, using=self.using)
        self._atomic.__exit__(exc_type, exc, tb)

    def commit(self) -> None:
        self._committed = True
