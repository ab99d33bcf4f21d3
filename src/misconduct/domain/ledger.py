"""The append-only event log's records and their hash chain.

Each recorded event stores the SHA-256 of its canonical JSON, and that JSON includes the previous
event's hash, so changing any stored event breaks every link after it.

Personal values are not in the hashed payload: it holds a reference and a salted commitment to each
(``domain.personal``), and the values travel beside the event in ``personal`` (the case's data by
id), so that they can be erased while the chain still verifies. Events recorded before this held
their values inline; they are read and verified as they were.

>>> from datetime import datetime, timezone
>>> first = RecordedEvent.seal("MPS-1", 1, "CaseOpened", {}, date(2025, 1, 21),
...     datetime(2025, 1, 21, 9, tzinfo=UTC), "psd", "v1", GENESIS)
>>> verify_chain([first]) is None
True
"""

from __future__ import annotations

import hashlib
import json
import json.encoder
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from misconduct.domain import personal as pd

if TYPE_CHECKING:
    from misconduct.domain.events import Event

# The events' module is imported where an event is made or read (``sealed``, ``event``,
# ``erased_ids``): checking the hashes (``audit verify``) needs none of it.

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 kept: the same value always gives the same text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


_STRING = encode_basestring
"""A JSON string as :func:`canonical_json` writes it (``ensure_ascii=False``; separators play no
part in a string)."""


def json_encoder(
    *,
    sort_keys: bool = False,
    separators: tuple[str, str] = (", ", ": "),
    ensure_ascii: bool = True,
) -> Callable[[Any], str]:
    """``json.dumps`` with these arguments (and its other defaults), its encoder made once: the C
    encoder that ``json.dumps`` makes anew for every call (which costs more than encoding a small
    value), with no check for cycles (which decoded JSON and the plain forms of records cannot
    hold: a cycle would end in ``RecursionError`` instead of ``ValueError``), or, without it, a
    ``JSONEncoder`` made once."""
    item_separator, key_separator = separators
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # pragma: no cover - CPython has it
        return json.JSONEncoder(
            sort_keys=sort_keys, separators=separators, ensure_ascii=ensure_ascii
        ).encode
    string = json.encoder.encode_basestring_ascii if ensure_ascii else encode_basestring
    encode = make(
        None,
        json.JSONEncoder().default,
        string,
        None,
        key_separator,
        item_separator,
        sort_keys,
        False,
        True,
    )
    return lambda value: "".join(encode(value, 0))


_CANONICAL = json_encoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
""":func:`canonical_json` itself, its encoder made once."""


def event_hash(
    case_ref: str,
    sequence: int,
    type_name: str,
    payload: Any,
    occurred_on: str,
    recorded_at: str,
    actor: str,
    rules_version: str,
    previous_hash: str,
) -> str:
    """:meth:`RecordedEvent.computed_hash` from the stored columns, for ``audit verify``: the same
    bytes (``canonical_json`` of :meth:`RecordedEvent.hashed_fields`: its keys in sorted order, no
    spaces), written without building the event or its dict. ``occurred_on`` and ``recorded_at``
    are already in the ISO forms the hashed fields hold (``recorded_at`` in UTC). The test
    ``tests/domain/test_event_hash.py`` holds it to ``computed_hash``."""
    return event_hash_of_text(
        case_ref,
        sequence,
        type_name,
        _CANONICAL(payload),
        occurred_on,
        recorded_at,
        actor,
        rules_version,
        previous_hash,
    )


def event_hash_of_text(
    case_ref: str,
    sequence: int,
    type_name: str,
    payload_text: str,
    occurred_on: str,
    recorded_at: str,
    actor: str,
    rules_version: str,
    previous_hash: str,
) -> str:
    """:func:`event_hash` with the payload given as its canonical JSON text (``canonical_json`` of
    the payload, as the event log now keeps it: ``app.event_bytes``), which goes into the hashed
    bytes as it is. Each other field is written as a JSON string (or the sequence as an integer),
    so no column's text can stand in for another's."""
    text = (
        f'{{"actor":{_STRING(actor)},"case":{_STRING(case_ref)},'
        f'"occurred_on":{_STRING(occurred_on)},"payload":{payload_text},'
        f'"previous_hash":{_STRING(previous_hash)},"recorded_at":{_STRING(recorded_at)},'
        f'"rules_version":{_STRING(rules_version)},"sequence":{int.__repr__(sequence)},'
        f'"type":{_STRING(type_name)}}}'
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
    personal: Mapping[str, pd.Datum] = field(default_factory=dict, compare=False)
    """The case's personal data by id (held outside the chain), which the payload refers to."""
    payload_text: str = field(default="", compare=False, repr=False)
    """The payload's canonical JSON as :meth:`seal` hashed it (so the write stores that text without
    encoding the payload again: ``app.event_bytes``); empty for an event read back or built
    otherwise."""

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
        data: Mapping[str, pd.Datum] | None = None,
    ) -> RecordedEvent:
        # The bytes of canonical_json(hashed_fields()), written without building the record or
        # its dict twice (``event_hash``, held to ``computed_hash`` by its test).
        text = _CANONICAL(payload)
        digest = event_hash_of_text(
            case_ref,
            sequence,
            type_name,
            text,
            occurred_on.isoformat(),
            _utc(recorded_at),
            actor,
            rules_version,
            previous_hash,
        )
        return cls(
            case_ref,
            sequence,
            type_name,
            payload,
            occurred_on,
            recorded_at,
            actor,
            rules_version,
            previous_hash,
            digest,
            dict(data or {}),
            text,
        )

    @classmethod
    def sealed(
        cls,
        case_ref: str,
        sequence: int,
        event: Event,
        recorded_at: datetime,
        actor: str,
        rules_version: str,
        previous_hash: str,
        salt: Callable[[], str],
    ) -> RecordedEvent:
        """``event`` sealed with its personal values held beside the chain (``salt`` gives a fresh
        random salt for each)."""
        from misconduct.domain.events import sealed_payload

        payload, data = sealed_payload(event, str(sequence), salt)
        return cls.seal(
            case_ref,
            sequence,
            event.type,
            payload,
            event.on,
            recorded_at,
            actor,
            rules_version,
            previous_hash,
            data,
        )

    def event(self) -> Event:
        """The event with its personal values resolved (an erased one reads as erased)."""
        try:
            payload = pd.resolve(self.payload, self.personal)
        except KeyError as exc:
            raise ValueError(f"personal datum {exc.args[0]} is missing") from None
        from misconduct.domain.events import event_from_payload

        return event_from_payload(self.type, payload, self.occurred_on)

    def with_personal(self, data: Mapping[str, pd.Datum]) -> RecordedEvent:
        """The same event with the case's personal data ``data`` beside it."""
        return replace(self, personal=data)

    def data(self) -> dict[str, pd.Datum]:
        """The personal data this event's payload refers to (as held now)."""
        if not self.personal:
            return {}
        return {i: self.personal[i] for i in pd.reference_ids(self.payload) if i in self.personal}

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


def erased_ids(events: Iterable[RecordedEvent]) -> frozenset[str]:
    """The ids of the personal data the chain's erasure events name."""
    from misconduct.domain.events import PersonalDataErased

    return frozenset(
        str(i)
        for e in events
        if e.type == PersonalDataErased.__name__
        for i in e.payload.get("data", ())
    )


def verify_chain(events: Iterable[RecordedEvent]) -> BrokenLink | None:
    """The first broken link in one case's chain, or None when every hash checks and every personal
    value held beside it still matches its commitment (or was erased by an erasure in the chain)."""
    events = list(events)
    erased = erased_ids(events)
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
        problem = pd.check(e.payload, e.personal, erased)
        if problem is not None:
            return BrokenLink(e.case_ref, e.sequence, e.type, problem)
        previous = e.hash
        expected_sequence += 1
    return None
