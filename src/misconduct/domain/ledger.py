"""The append-only event log's records and their hash chain.

Each recorded event stores the SHA-256 of its canonical JSON, and that JSON includes the previous
event's hash, so changing any stored event breaks every link after it.

>>> from datetime import datetime, timezone
>>> first = RecordedEvent.seal("MPS-1", 1, "CaseOpened", {}, date(2025, 1, 21),
...     datetime(2025, 1, 21, 9, tzinfo=UTC), "psd", "v1", GENESIS)
>>> verify_chain([first]) is None
True
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from misconduct.domain.events import Event, event_from_payload

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 kept: the same value always gives the same text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("recorded_at must be timezone-aware")
    return moment.astimezone(UTC).isoformat()


@dataclass(frozen=True)
class RecordedEvent:
    case_ref: str
    sequence: int
    type: str
    payload: dict[str, Any]
    occurred_on: date
    recorded_at: datetime
    actor: str
    rules_version: str
    previous_hash: str
    hash: str

    def hashed_fields(self) -> dict[str, Any]:
        return {
            "case": self.case_ref,
            "sequence": self.sequence,
            "type": self.type,
            "payload": self.payload,
            "occurred_on": self.occurred_on.isoformat(),
            "recorded_at": _utc(self.recorded_at),
            "actor": self.actor,
            "rules_version": self.rules_version,
            "previous_hash": self.previous_hash,
        }

    def computed_hash(self) -> str:
        return hashlib.sha256(canonical_json(self.hashed_fields()).encode("utf-8")).hexdigest()

    @classmethod
    def seal(
        cls,
        case_ref: str,
        sequence: int,
        type_name: str,
        payload: dict[str, Any],
        occurred_on: date,
        recorded_at: datetime,
        actor: str,
        rules_version: str,
        previous_hash: str,
    ) -> RecordedEvent:
        unsealed = cls(
            case_ref,
            sequence,
            type_name,
            payload,
            occurred_on,
            recorded_at,
            actor,
            rules_version,
            previous_hash,
            "",
        )
        return replace(unsealed, hash=unsealed.computed_hash())

    def event(self) -> Event:
        return event_from_payload(self.type, self.payload, self.occurred_on)

    def as_dict(self) -> dict[str, Any]:
        out = self.hashed_fields()
        out["hash"] = self.hash
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RecordedEvent:
        from misconduct.errors import InvalidInput

        try:
            return cls(
                case_ref=str(data["case"]),
                sequence=int(data["sequence"]),
                type=str(data["type"]),
                payload=dict(data["payload"]),
                occurred_on=date.fromisoformat(data["occurred_on"]),
                recorded_at=datetime.fromisoformat(data["recorded_at"]),
                actor=str(data["actor"]),
                rules_version=str(data["rules_version"]),
                previous_hash=str(data["previous_hash"]),
                hash=str(data["hash"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidInput(
                "events[]",
                "an object with case, sequence, type, payload, occurred_on, recorded_at, actor, "
                "rules_version, previous_hash and hash",
                f"{type(exc).__name__}: {exc}",
            ) from None


@dataclass(frozen=True)
class BrokenLink:
    case_ref: str
    sequence: int
    type: str
    problem: str

    def __str__(self) -> str:
        return f"case {self.case_ref}, event {self.sequence} ({self.type}): {self.problem}"


def verify_chain(events: Iterable[RecordedEvent]) -> BrokenLink | None:
    """The first broken link in one case's chain, or None when every hash checks."""
    previous = GENESIS
    expected_sequence = 1
    for e in events:
        if e.sequence != expected_sequence:
            return BrokenLink(
                e.case_ref, e.sequence, e.type, f"expected sequence {expected_sequence}"
            )
        if e.previous_hash != previous:
            return BrokenLink(
                e.case_ref, e.sequence, e.type, "previous_hash does not match the event before"
            )
        if e.computed_hash() != e.hash:
            return BrokenLink(
                e.case_ref, e.sequence, e.type, "stored hash does not match the event's content"
            )
        previous = e.hash
        expected_sequence += 1
    return None
