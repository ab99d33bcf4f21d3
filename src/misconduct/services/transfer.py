"""Export a case as JSON with its events, and import it back: the same case, the same chain."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from misconduct.domain.case import Case
from misconduct.domain.ledger import RecordedEvent, verify_chain
from misconduct.errors import InvalidInput
from misconduct.services.cases import load
from misconduct.services.ports import UnitOfWork

FORMAT = "misconduct.case"
FORMAT_VERSION = 1


def export_case(uow_factory: Callable[[], UnitOfWork], ref: str) -> dict[str, Any]:
    with uow_factory() as uow:
        case, records = load(uow, ref)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "ref": ref,
        "version": case.version,
        "events": [r.as_dict() for r in records],
    }


def import_case(uow_factory: Callable[[], UnitOfWork], data: Any) -> Case:
    """Recreate a case from an export; refuses a broken chain, a foreign format or a used reference."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidInput(
            "format",
            f"{FORMAT!r}",
            data.get("format") if isinstance(data, dict) else type(data).__name__,
        )
    if data.get("format_version") != FORMAT_VERSION:
        raise InvalidInput("format_version", str(FORMAT_VERSION), data.get("format_version"))
    ref = data.get("ref")
    raw = data.get("events")
    if not isinstance(ref, str) or not ref:
        raise InvalidInput("ref", "a case reference", ref)
    if not isinstance(raw, list) or not raw:
        raise InvalidInput("events", "a non-empty list of events", raw)
    records = [RecordedEvent.from_dict(e) if isinstance(e, dict) else _bad(e) for e in raw]
    foreign = [r.sequence for r in records if r.case_ref != ref]
    if foreign:
        raise InvalidInput("events[].case", f"every event of case {ref}", f"events {foreign}")
    link = verify_chain(records)
    if link is not None:
        raise InvalidInput("events", "a hash chain that verifies", str(link))
    case = Case.from_events([r.event() for r in records])
    if data.get("version") not in (None, case.version):
        raise InvalidInput("version", str(case.version), data.get("version"))
    with uow_factory() as uow:
        if uow.cases.events(ref):
            raise InvalidInput("ref", "a reference not already used", ref)
        uow.cases.append(ref, 0, records, case)
        uow.commit()
    return case


def _bad(value: Any) -> RecordedEvent:
    raise InvalidInput("events[]", "an object", type(value).__name__)
