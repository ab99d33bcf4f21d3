"""Issue 10 item 3: ``audit verify`` hashes each event's kept canonical text (``app.event_bytes``)
without decoding it. On SQLite and PostgreSQL: the write path keeps the exact text the hash covers;
a change to any stored column of an event (payload, type, dates, actor, rules version, hashes,
sequence, the kept text itself) is reported at the default level and with the replay; events
recorded before the text was kept (no kept text, the payload as Django wrote it) still verify, and a
change to them is still reported."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from django.db import connections
from hypothesis import given, settings
from hypothesis import strategies as st

from misconduct.app import models as m
from misconduct.app.audit import PAYLOAD_CHECK, _noted, verify_database
from misconduct.app.event_bytes import IN_PAYLOAD
from misconduct.app.ledger import chain_of
from misconduct.app.repository import DjangoUnitOfWork
from misconduct.domain import personal as pd
from misconduct.domain.ledger import canonical_json
from misconduct.services.cases import CaseService
from misconduct.services.demo import canonical_case
from tests.services.fakes import SteppingClock

pytestmark = pytest.mark.django_db(databases="__all__")

REF = "MPS-2025-0001"


def _open(alias: str) -> int:
    """The canonical case, written through the one write path; its primary key."""
    svc = CaseService(lambda: DjangoUnitOfWork(alias), clock=SteppingClock(), actor="psd.tester")
    demo = canonical_case()
    svc.open(demo.opening, demo.steps)
    return int(m.Case.objects.using(alias).get(ref=REF).pk)


def _sql(alias: str, *statements: str, params: list[Any] | None = None) -> None:
    with connections[alias].cursor() as cursor:
        for statement in statements:
            cursor.execute(statement, params)


def _unlock(alias: str) -> None:
    """Drop the triggers that keep the event log append-only (rolled back with the test), as
    someone with write access to the database could; on PostgreSQL also the check that each
    ``jsonb`` payload is the JSON of its kept text (the audit then compares them itself)."""
    if connections[alias].vendor == "sqlite":
        _sql(alias, "DROP TRIGGER misconduct_event_no_update")
    else:
        _sql(
            alias,
            "DROP TRIGGER misconduct_event_no_update_delete ON misconduct_event",
            "SET CONSTRAINTS ALL IMMEDIATE",  # (the deferred checks first: the table is altered)
            f"ALTER TABLE misconduct_event DROP CONSTRAINT {PAYLOAD_CHECK}",
        )


def _problems(alias: str, *, replay: bool) -> list[str]:
    return [str(p) for p in verify_database(alias, chain_only=not replay).problems]


def test_the_write_path_keeps_the_text_the_hash_covers(alias: str) -> None:
    pk = _open(alias)
    sqlite = connections[alias].vendor == "sqlite"
    with connections[alias].cursor() as cursor:
        cursor.execute(
            "SELECT payload, canonical_payload FROM misconduct_event WHERE case_id = %s "
            "ORDER BY sequence",
            [pk],
        )
        rows = cursor.fetchall()
    assert len(rows) > 10
    for payload, kept in rows:
        if sqlite:  # the payload column is itself the canonical text
            assert kept == IN_PAYLOAD and payload == canonical_json(json.loads(payload))
        else:
            assert kept == canonical_json(json.loads(kept)) and json.loads(payload) == json.loads(
                kept
            )
    stored = m.Event.objects.using(alias).filter(case_id=pk).order_by("sequence")
    assert [e.payload for e in stored] == [json.loads(p if sqlite else k) for p, k in rows]
    for level in (False, True):
        assert verify_database(alias, chain_only=not level).ok


def _payload_changed(alias: str) -> str:
    if connections[alias].vendor == "sqlite":
        return "payload = json_set(payload, '$.extra', 1)"
    return """payload = payload || '{"extra": 1}'::jsonb"""


CHANGES = {
    "payload": _payload_changed,
    "type": lambda alias: "type = 'CaseClosed'",
    "occurred_on": lambda alias: "occurred_on = '2025-01-02'",
    "recorded_at": lambda alias: "recorded_at = '2025-01-02 10:00:00'",
    "actor": lambda alias: "actor = 'intruder'",
    "rules_version": lambda alias: "rules_version = 'other'",
    "previous_hash": lambda alias: f"previous_hash = '{'1' * 64}'",
    "hash": lambda alias: f"hash = '{'2' * 64}'",
    "sequence": lambda alias: "sequence = 99",
    "kept text": lambda alias: "canonical_payload = '{\"extra\":1}'",
    "kept text blanked": lambda alias: "canonical_payload = NULL",
}


@pytest.mark.parametrize("column", sorted(CHANGES))
@pytest.mark.parametrize("replay", [False, True], ids=["default", "replay"])
def test_a_change_to_any_stored_column_of_an_event_is_reported(
    alias: str, column: str, replay: bool
) -> None:
    pk = _open(alias)
    assert verify_database(alias, chain_only=not replay).ok
    _unlock(alias)
    change = CHANGES[column](alias)
    if column == "kept text" and connections[alias].vendor == "sqlite":
        change = "canonical_payload = payload"  # a kept text beside the payload ...
        _sql(alias, f"UPDATE misconduct_event SET {change} WHERE case_id = %s", params=[pk])
        change = _payload_changed(alias)  # ... and the payload changed
    _sql(
        alias,
        f"UPDATE misconduct_event SET {change} WHERE case_id = %s AND sequence = 3",
        params=[pk],
    )
    found = _problems(alias, replay=replay)
    # named at the event changed; with its sequence changed, at the event now in its place
    event = 4 if column == "sequence" else 3
    assert any(p.startswith(f"case {REF}, event {event} (") for p in found), found


def _first_number(value: Any, path: tuple[Any, ...] = ()) -> tuple[tuple[Any, ...], int] | None:
    """The path to the first integer (not a truth value) in a decoded payload, and the integer."""
    if isinstance(value, int) and not isinstance(value, bool):
        return path, value
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, inner in items:
        found = _first_number(inner, (*path, key))
        if found is not None:
            return found
    return None


def test_a_number_written_with_another_scale_is_reported(alias: str) -> None:
    """The same number to JSON (1 and 1.0 compare equal, in jsonb too) but not what reads decode
    (an integer becomes a float): a change to the payload, reported."""
    pk = _open(alias)
    found = next(
        (e, hit)
        for e in m.Event.objects.using(alias).filter(case_id=pk).order_by("sequence")
        if (hit := _first_number(e.payload)) is not None
    )
    event, (path, number) = found
    _unlock(alias)
    if connections[alias].vendor == "sqlite":
        where = "$" + "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in path)
        change, params = "payload = json_set(payload, %s, json(%s))", [where, f"{number}.0"]
    else:
        change = "payload = jsonb_set(payload, %s::text[], (%s)::jsonb)"
        params = [[str(k) for k in path], f"{number}.0"]
    _sql(alias, f"UPDATE misconduct_event SET {change} WHERE id = %s", params=[*params, event.pk])
    read: Any = m.Event.objects.using(alias).get(pk=event.pk).payload
    for key in path:
        read = read[key]
    assert read == number and isinstance(read, float)  # equal as a number, not as what is read
    problems = _problems(alias, replay=False)
    assert any(p.startswith(f"case {REF}, event {event.sequence}") for p in problems), problems


def test_the_same_json_in_other_text_is_reported_where_the_text_is_the_record(alias: str) -> None:
    """SQLite: the payload column is the hashed text, so even spacing added to it is a change.
    PostgreSQL: jsonb keeps no spacing, so the kept text respaced is the like case."""
    pk = _open(alias)
    _unlock(alias)
    if connections[alias].vendor == "sqlite":
        change = "payload = replace(payload, ':', ': ')"
    else:
        change = "canonical_payload = replace(canonical_payload, ':', ': ')"
    _sql(
        alias,
        f"UPDATE misconduct_event SET {change} WHERE case_id = %s AND sequence = 2",
        params=[pk],
    )
    found = _problems(alias, replay=False)
    assert any(p.startswith(f"case {REF}, event 2") for p in found), found


def _as_recorded_before(alias: str, pk: int) -> None:
    """The case's events as a database written before this change holds them: no kept text, the
    payload as Django's JSON field wrote it (fields in order, spaces, ASCII escapes)."""
    _unlock(alias)
    for e in m.Event.objects.using(alias).filter(case_id=pk):
        text = json.dumps(e.payload)  # what the JSON field wrote
        if connections[alias].vendor == "sqlite":
            _sql(
                alias,
                "UPDATE misconduct_event SET canonical_payload = NULL, payload = %s WHERE id = %s",
                params=[text, e.pk],
            )
        else:
            _sql(
                alias,
                "UPDATE misconduct_event SET canonical_payload = NULL WHERE id = %s",
                params=[e.pk],
            )


@pytest.mark.parametrize("replay", [False, True], ids=["default", "replay"])
def test_events_recorded_before_the_text_was_kept_still_verify(alias: str, replay: bool) -> None:
    pk = _open(alias)
    _as_recorded_before(alias, pk)
    assert not m.Event.objects.using(alias).filter(canonical_payload__isnull=False).exists()
    report = verify_database(alias, chain_only=not replay)
    assert report.ok, report.problems
    assert report.events == m.Event.objects.using(alias).count()
    _sql(
        alias,
        f"UPDATE misconduct_event SET {_payload_changed(alias)} WHERE case_id = %s AND sequence = 4",
        params=[pk],
    )
    found = _problems(alias, replay=replay)
    assert any(p.startswith(f"case {REF}, event 4") for p in found), found


def test_a_kept_text_removed_after_an_event_that_has_one_is_reported(alias: str) -> None:
    """Events recorded before have no kept text, and every event after them has one: an event with
    none after one with it was not written so."""
    pk = _open(alias)
    _unlock(alias)
    _sql(
        alias,
        "UPDATE misconduct_event SET canonical_payload = NULL WHERE case_id = %s AND sequence = 5",
        params=[pk],
    )
    found = _problems(alias, replay=False)
    assert any(p.startswith(f"case {REF}, event 5") and "kept" in p for p in found), found


_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(alphabet=st.sampled_from(["a", '"', "\\", "{", "}", ":", ",", "é", "\n"])),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from([pd.ID_KEY, pd.COMMITMENT_KEY, "x", '"personal_datum":']),
            inner,
            max_size=3,
        )
        | st.builds(
            lambda i, c: {pd.ID_KEY: i, pd.COMMITMENT_KEY: c},
            st.text(alphabet=st.sampled_from(["1", "/", "a", '"', "\\", "é"])) | st.integers(),
            st.text(alphabet=st.sampled_from(["0", "f", '"', "}"])),
        )
    ),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(_json)
def test_the_references_read_from_the_text_are_those_the_payload_holds(payload: Any) -> None:
    """Read from the canonical text, the references are exactly ``pd.references`` of the payload
    (same order), or None where the text must be decoded instead: never a reference missed."""
    text = canonical_json(payload)
    noted = _noted(text)
    if noted is not None:
        assert noted == list(pd.references(json.loads(text)))


def test_plain_references_are_read_without_decoding() -> None:
    payload = {
        "a": {pd.ID_KEY: "1/a", pd.COMMITMENT_KEY: "ab" * 32},
        "b": [{pd.ID_KEY: "1/b.0", pd.COMMITMENT_KEY: "cd" * 32}],
        "c": "no reference here",
    }
    assert _noted(canonical_json(payload)) == [("1/a", "ab" * 32), ("1/b.0", "cd" * 32)]
    assert _noted(canonical_json({"c": 'a "personal_datum": in text'})) == []


@settings(max_examples=300, deadline=None)
@given(previous=st.text(), ref=st.text(), count=st.integers(min_value=0), head=st.text())
def test_a_ledger_entry_chain_is_the_json_it_was_defined_by(
    previous: str, ref: str, count: int, head: str
) -> None:
    """``chain_of`` writes the entry's canonical JSON straight (faster for ``audit verify``): the
    same bytes as the definition, so ledgers written before verify as they did."""
    text = canonical_json({"previous": previous, "case": ref, "count": count, "head": head})
    assert chain_of(previous, ref, count, head) == hashlib.sha256(text.encode()).hexdigest()
