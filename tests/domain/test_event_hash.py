"""``event_hash`` (what ``audit verify`` computes from the stored columns) gives exactly the hash
``RecordedEvent.computed_hash`` defines, for any text, payload and time, and ``commitment`` the
SHA-256 of the JSON it was defined by: the definitions of the chain and of the commitments are
unchanged, and a database written before still verifies."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from misconduct.domain.ledger import (
    GENESIS,
    RecordedEvent,
    canonical_json,
    event_hash,
    event_hash_of_text,
)
from misconduct.domain.personal import COMMITMENT_KEY, ID_KEY, commitment, reference_ids, references

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def _hash(e: RecordedEvent) -> str:
    return event_hash(
        e.case_ref,
        e.sequence,
        e.type,
        e.payload,
        e.occurred_on.isoformat(),
        e.recorded_at.astimezone(UTC).isoformat(),
        e.actor,
        e.rules_version,
        e.previous_hash,
    )


@settings(max_examples=300, deadline=None)
@given(
    ref=st.text(),
    sequence=st.integers(min_value=1, max_value=10**9),
    kind=st.text(),
    payload=st.dictionaries(st.text(), _json, max_size=6),
    on=st.dates(),
    at=st.datetimes(
        min_value=datetime(1900, 1, 2), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
    ),
    offset=st.integers(min_value=-12 * 60, max_value=12 * 60),
    actor=st.text(),
    rules=st.text(),
)
def test_event_hash_is_computed_hash(
    ref: str,
    sequence: int,
    kind: str,
    payload: dict[str, object],
    on: date,
    at: datetime,
    offset: int,
    actor: str,
    rules: str,
) -> None:
    local = at.astimezone(
        timezone(timedelta(minutes=offset))
    )  # recorded in any zone, hashed in UTC
    e = RecordedEvent.seal(ref, sequence, kind, payload, on, local, actor, rules, GENESIS)
    assert _hash(e) == e.hash == e.computed_hash()
    # the same hash from the payload's canonical text, as the event log keeps it (issue 10)
    kept = event_hash_of_text(
        ref,
        sequence,
        kind,
        canonical_json(payload),
        on.isoformat(),
        at.isoformat(),
        actor,
        rules,
        GENESIS,
    )
    assert kept == e.hash
    # the text the sealing hashed, kept for the write to store (``app.event_bytes``)
    assert e.payload_text == canonical_json(payload)


def test_event_hash_of_awkward_text() -> None:
    payload = {"zé": ["\u2028", "\x00", "\"'\\", "\U0001f600"], "a": {"b": 1.5, "A": None}}
    e = RecordedEvent.seal(
        "MPS-2026-0001",
        3,
        "NoteAdded",
        payload,
        date(2026, 1, 2),
        datetime(2026, 1, 2, 9, 30, 0, 1, tzinfo=UTC),
        "psd\u00e9",
        "v1\n",
        "f" * 64,
    )
    assert _hash(e) == e.hash == e.computed_hash()


@settings(max_examples=300, deadline=None)
@given(datum_id=st.text(), salt=st.text(), value=st.text())
def test_commitment_is_the_json_it_was_defined_by(datum_id: str, salt: str, value: str) -> None:
    text = json.dumps([datum_id, salt, value], ensure_ascii=False, separators=(",", ":"))
    assert commitment(datum_id, salt, value) == hashlib.sha256(text.encode()).hexdigest()


_payloads = st.recursive(
    st.none() | st.integers() | st.text(max_size=3),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from([ID_KEY, COMMITMENT_KEY, "x"]), inner, max_size=3)
        | st.builds(lambda i, c: {ID_KEY: i, COMMITMENT_KEY: c}, st.text(max_size=3), inner)
    ),
    max_leaves=15,
)


@settings(max_examples=300, deadline=None)
@given(payload=_payloads)
def test_reference_ids_are_the_references_in_order(payload: object) -> None:
    """The write path's list of a payload's datum ids is what ``references`` (which ``audit
    verify`` checks) walks, in the same order."""
    assert reference_ids(payload) == [i for i, _ in references(payload)]
