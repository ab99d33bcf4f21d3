"""Export a case as JSON with its events, and import it back: the same case, the same chain.

Format 2 carries the case's personal data beside the events (``personal``: by id, each value with
its salt, or the date it was erased), since the events hold only references and commitments; an
import checks every value against its commitment. Format 1 (events with their values inline) still
imports."""

from __future__ import annotations

import copy
import dataclasses
import itertools
from collections.abc import Callable
from typing import Any

from misconduct.domain import commands as cmd
from misconduct.domain.case import Case
from misconduct.domain.events import CaseOpened, Event, event_payload
from misconduct.domain.ledger import RecordedEvent, verify_chain
from misconduct.domain.lifecycle import Context, decide, open_case
from misconduct.domain.personal import Datum
from misconduct.errors import InvalidInput, MisconductError
from misconduct.rules.warning import WarningRecord
from misconduct.services.cases import load
from misconduct.services.ports import UnitOfWork

FORMAT = "misconduct.case"
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)


def export_case(uow_factory: Callable[[], UnitOfWork], ref: str) -> dict[str, Any]:
    with uow_factory() as uow:
        case, records = load(uow, ref)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "ref": ref,
        "version": case.version,
        "events": [r.as_dict() for r in records],
        "personal": {i: d.as_dict() for r in records for i, d in sorted(r.data().items())},
    }


def import_case(uow_factory: Callable[[], UnitOfWork], data: Any) -> Case:
    """Recreate a case from an export; refuses a broken chain, a foreign format or a used reference."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidInput(
            "format",
            f"{FORMAT!r}",
            data.get("format") if isinstance(data, dict) else type(data).__name__,
        )
    if data.get("format_version") not in READABLE_VERSIONS:
        raise InvalidInput(
            "format_version", " or ".join(map(str, READABLE_VERSIONS)), data.get("format_version")
        )
    ref = data.get("ref")
    raw = data.get("events")
    if not isinstance(ref, str) or not ref:
        raise InvalidInput("ref", "a case reference", ref)
    if not isinstance(raw, list) or not raw:
        raise InvalidInput("events", "a non-empty list of events", raw)
    personal = _personal(data.get("personal", {}))
    records = [
        RecordedEvent.from_dict(e).with_personal(personal) if isinstance(e, dict) else _bad(e)
        for e in raw
    ]
    foreign = [r.sequence for r in records if r.case_ref != ref]
    if foreign:
        raise InvalidInput("events[].case", f"every event of case {ref}", f"events {foreign}")
    link = verify_chain(records)
    if link is not None:
        raise InvalidInput("events", "a hash chain that verifies", str(link))
    _check_times(records)
    events = [_event(r) for r in records]
    with uow_factory() as uow:
        if uow.cases.events(ref):
            raise InvalidInput("ref", "a reference not already used", ref)
        case = replay(events, lambda oid: uow.cases.warnings_for(oid, excluding=ref))
        if data.get("version") not in (None, case.version):
            raise InvalidInput("version", str(case.version), data.get("version"))
        uow.cases.append(ref, 0, records, case)
        uow.commit()
    return case


def _personal(raw: Any) -> dict[str, Datum]:
    """The export's personal data by id, each checked for shape (their commitments are checked with
    the chain)."""
    if not isinstance(raw, dict):
        raise InvalidInput("personal", "an object of personal data by id", type(raw).__name__)
    out = {}
    for datum_id, value in raw.items():
        if not isinstance(value, dict):
            raise InvalidInput(f"personal.{datum_id}", "an object", type(value).__name__)
        try:
            out[datum_id] = Datum.from_dict(datum_id, value)
        except (ValueError, TypeError) as exc:
            raise InvalidInput(
                f"personal.{datum_id}", "a value with its salt, or an erasure date", str(exc)
            ) from None
    return out


def _event(r: RecordedEvent) -> Event:
    try:
        return r.event()
    except InvalidInput as exc:
        raise InvalidInput(
            f"events[{r.sequence}] ({r.type})", exc.expected or "a valid event", exc.received
        ) from None
    except (KeyError, TypeError, ValueError, AttributeError):
        raise InvalidInput(
            f"events[{r.sequence}]", "an event this version records", r.type
        ) from None


def _check_times(records: list[RecordedEvent]) -> None:
    """Recorded times never go backwards along a chain (a rewritten history often does)."""
    for before, after in itertools.pairwise(records):
        if after.recorded_at < before.recorded_at:
            raise InvalidInput(
                f"events[{after.sequence}].recorded_at",
                f"a time no earlier than event {before.sequence}'s",
                after.recorded_at.isoformat(),
            )


def _commands_for(event: Event) -> list[cmd.Command]:
    """The commands that could have produced ``event``: each command whose fields the event has."""
    fields = {f.name: getattr(event, f.name) for f in dataclasses.fields(event)}
    out = []
    for kind in _COMMANDS:
        wanted = dataclasses.fields(kind)
        required = {
            f.name
            for f in wanted
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        }
        if required <= set(fields):
            out.append(kind(**{f.name: fields[f.name] for f in wanted if f.name in fields}))
    return out


_COMMANDS = [
    k
    for k in vars(cmd).values()
    if isinstance(k, type) and issubclass(k, cmd.Command) and k not in (cmd.Command, cmd.OpenCase)
]


def _same(a: Event, b: Event) -> bool:
    """The same event, leaving aside the time limits (computed by the rules in force when it was
    recorded, which may since have been corrected)."""
    pa, pb = event_payload(a), event_payload(b)
    pa.pop("deadlines", None)
    pb.pop("deadlines", None)
    return a.type == b.type and a.on == b.on and pa == pb


def replay(events: list[Event], warnings: Callable[[str], list[WarningRecord]]) -> Case:
    """The case the events make, each one checked by the domain's own rules as if taken as a step:
    a history the rules would have refused is refused, naming the first event they refuse."""
    first = events[0]
    if not isinstance(first, CaseOpened):
        raise InvalidInput("events[1]", "CaseOpened", first.type)
    if not _same(open_case(cmd.OpenCase(first.on, first.details)), first):
        raise InvalidInput("events[1]", "a case opening the rules accept", first.type)
    case = Case.from_events([first])
    for n, event in enumerate(events[1:], start=2):
        context = Context({oid: warnings(oid) for oid in case.officers})
        for command in _commands_for(event):
            try:
                produced = decide(copy.deepcopy(case), command, context)
            except MisconductError:
                continue
            if _same(produced, event):
                break
        else:
            raise InvalidInput(
                f"events[{n}]",
                "a step the rules allow at that point of the case",
                f"{event.type} dated {event.on:%d/%m/%Y}",
            )
        case.apply(event)
    return case


def _bad(value: Any) -> RecordedEvent:
    raise InvalidInput("events[]", "an object", type(value).__name__)
