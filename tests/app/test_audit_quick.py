"""Issue 10 item 3: the integrity check's quick path (``audit._quick``), which checks a range of
cases with C functions mapped over its columns, passes a clean case and never a case that the event
by event check (``audit._chain``) would not pass: a change to any stored column of an event, a link
or sequence out of place, a reference to personal data that no longer holds, each sends the case to
the event by event check, which names it. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from json.encoder import encode_basestring

import pytest
from django.db import IntegrityError, connections, transaction
from hypothesis import given
from hypothesis import strategies as st

from misconduct.app import models as m
from misconduct.app.audit import (
    COMMITMENT_CHECK,
    PAYLOAD_CHECK,
    _bodies,
    _payloads_held,
    _personal_rows,
    _quick,
    verify_database,
)
from misconduct.app.repository import DjangoUnitOfWork
from misconduct.services.cases import CaseService
from misconduct.services.demo import canonical_case
from tests.app.test_audit_kept_text import CHANGES, REF, _open, _payload_changed, _sql, _unlock
from tests.services.fakes import SteppingClock

pytestmark = pytest.mark.django_db(databases="__all__")


def _refs(alias: str, pk: int) -> dict[int, str]:
    """The case's reference by key, as the command's ranges hold it (``audit._ranges``)."""
    return dict(m.Case.objects.using(alias).filter(pk=pk).values_list("pk", "ref"))


def _passed(alias: str, pk: int, *, evidence: bool = False) -> bool:
    refs = _refs(alias, pk)
    return pk in _quick(alias, pk, pk, refs, _personal_rows(alias, pk, pk), evidence)


def test_a_clean_case_passes_with_its_count_and_last_event(alias: str) -> None:
    pk = _open(alias)
    passed = _quick(alias, pk, pk, _refs(alias, pk), _personal_rows(alias, pk, pk), False)
    last = m.Event.objects.using(alias).filter(case_id=pk).order_by("-sequence").first()
    assert last is not None
    assert passed == {pk: (last.sequence, (last.sequence, last.hash))}
    assert m.PersonalDatum.objects.using(alias).filter(case_id=pk).exists()  # references checked


@pytest.mark.parametrize("column", sorted(CHANGES))
def test_a_change_to_any_stored_column_sends_the_case_the_long_way(alias: str, column: str) -> None:
    pk = _open(alias)
    _unlock(alias)
    change = CHANGES[column](alias)
    if column == "kept text" and connections[alias].vendor == "sqlite":
        change = "canonical_payload = payload"
        _sql(alias, f"UPDATE misconduct_event SET {change} WHERE case_id = %s", params=[pk])
        change = _payload_changed(alias)
    _sql(
        alias,
        f"UPDATE misconduct_event SET {change} WHERE case_id = %s AND sequence = 3",
        params=[pk],
    )
    assert not _passed(alias, pk)  # (PostgreSQL: the jsonb payload compared in the same query)
    assert not verify_database(alias, chain_only=True).ok


def test_a_kept_text_that_is_not_json_sends_the_range_the_long_way(alias: str) -> None:
    """On PostgreSQL the first query casts each kept text to compare the ``jsonb`` payload with it:
    a text that is not JSON fails that query (in a savepoint inside a transaction), and every case
    of the range is checked the long way, which names the event."""
    pk = _open(alias)
    _unlock(alias)
    _sql(
        alias,
        "UPDATE misconduct_event SET canonical_payload = '{not json' "
        "WHERE case_id = %s AND sequence = 3",
        params=[pk],
    )
    assert not _passed(alias, pk)
    found = [str(p) for p in verify_database(alias, chain_only=True).problems]
    assert any(p.startswith(f"case {REF}, event 3 (") for p in found), found
    assert m.Case.objects.using(alias).filter(pk=pk).exists()  # the connection is still usable


def test_postgresql_holds_each_payload_to_its_kept_text_when_it_is_written(alias: str) -> None:
    """On PostgreSQL the events' check constraint (migration 0018) refuses a ``jsonb`` payload that
    is not the JSON of its kept text, even with the append-only trigger gone; standing validated,
    the audit relies on it instead of comparing every payload. SQLite keeps one text: nothing to
    hold, nothing relied on."""
    pk = _open(alias)
    if connections[alias].vendor == "sqlite":
        assert not _payloads_held(alias)
        return
    assert _payloads_held(alias)
    _sql(alias, "DROP TRIGGER misconduct_event_no_update_delete ON misconduct_event")
    with pytest.raises(IntegrityError), transaction.atomic(using=alias):
        _sql(
            alias,
            f"UPDATE misconduct_event SET {_payload_changed(alias)} "
            "WHERE case_id = %s AND sequence = 3",
            params=[pk],
        )
    assert verify_database(alias, chain_only=True).ok


@pytest.mark.parametrize(
    "again",
    [
        "CHECK (canonical_payload IS NULL OR canonical_payload = '' "
        "OR payload::text = canonical_payload::jsonb::text) NOT VALID",
        "CHECK (canonical_payload IS NULL OR payload IS NOT NULL)",
    ],
    ids=["the-same-not-validated", "another-validated"],
)
def test_a_payload_changed_past_a_dropped_check_is_named_however_it_is_added_again(
    alias: str, again: str
) -> None:
    """Someone who can alter the table drops the constraint, changes a payload and adds a
    constraint of that name again: unvalidated, or not the same check, it is not relied on, and
    the payloads are compared (and the changed one named) as before."""
    if connections[alias].vendor == "sqlite":
        pytest.skip("PostgreSQL's jsonb payload and its check constraint")
    pk = _open(alias)
    _unlock(alias)
    _sql(
        alias,
        f"UPDATE misconduct_event SET {_payload_changed(alias)} "
        "WHERE case_id = %s AND sequence = 3",
        params=[pk],
    )
    _sql(alias, f"ALTER TABLE misconduct_event ADD CONSTRAINT {PAYLOAD_CHECK} {again}")
    assert not _payloads_held(alias)
    assert not _passed(alias, pk)
    found = [str(p) for p in verify_database(alias, chain_only=True).problems]
    differs = "the stored payload differs from the text its hash covers"
    assert any(p.startswith(f"case {REF}, event 3 (") and p.endswith(differs) for p in found), found


def _unguard(alias: str) -> None:
    """Drop the trigger that lets a personal value change only by erasure (rolled back with the
    test), as someone with write access to the database could; on PostgreSQL also the check that
    each held value's commitment is its own (the audit then hashes every value itself)."""
    if connections[alias].vendor == "sqlite":
        _sql(alias, "DROP TRIGGER misconduct_personaldatum_erase_only")
    else:
        _sql(
            alias,
            "DROP TRIGGER misconduct_personaldatum_guard ON misconduct_personaldatum",
            "SET CONSTRAINTS ALL IMMEDIATE",  # (the deferred checks first: the table is altered)
            f"ALTER TABLE misconduct_personaldatum DROP CONSTRAINT {COMMITMENT_CHECK}",
        )


def test_a_changed_personal_value_sends_the_case_the_long_way(alias: str) -> None:
    pk = _open(alias)
    _unguard(alias)
    datum = m.PersonalDatum.objects.using(alias).filter(case_id=pk).first()
    assert datum is not None
    m.PersonalDatum.objects.using(alias).filter(pk=datum.pk).update(value="Someone Else")
    assert not _passed(alias, pk)
    found = [str(p) for p in verify_database(alias, chain_only=True).problems]
    assert any("does not match its commitment" in p for p in found), found


def test_an_erased_value_is_checked_the_long_way_and_holds(alias: str) -> None:
    """A reference to an erased value is not among the held values' references: the case goes
    the long way, where an erasure in its chain is looked for (none here: reported)."""
    pk = _open(alias)
    datum = m.PersonalDatum.objects.using(alias).filter(case_id=pk).first()
    assert datum is not None
    m.PersonalDatum.objects.using(alias).filter(pk=datum.pk).update(
        value=None, salt=None, erased_on=date(2025, 6, 1)
    )
    assert not _passed(alias, pk)
    found = [str(p) for p in verify_database(alias, chain_only=True).problems]
    assert any("erased but no erasure in the chain names it" in p for p in found), found


def test_evidence_files_are_checked_the_long_way(alias: str) -> None:
    pk = _open(alias)
    _unlock(alias)
    _sql(
        alias,
        "UPDATE misconduct_event SET type = 'EvidenceAttached' WHERE case_id = %s AND sequence = 2",
        params=[pk],
    )
    assert not _passed(alias, pk, evidence=True)


def test_fields_with_characters_json_escapes_still_pass(alias: str) -> None:
    """An actor with a quote, a backslash and a tab: its JSON string is escaped, so the bodies are
    written one by one; the case recorded that way passes (its hash covers the escaped text)."""
    svc = CaseService(
        lambda: DjangoUnitOfWork(alias), clock=SteppingClock(), actor='psd "o\\r"\ttester'
    )
    demo = canonical_case()
    svc.open(demo.opening, demo.steps)
    pk = int(m.Case.objects.using(alias).get(ref=REF).pk)
    assert '"' in m.Event.objects.using(alias).filter(case_id=pk).first().actor
    assert _passed(alias, pk)
    assert verify_database(alias, chain_only=True).ok


@given(st.lists(st.text()))
def test_bodies_are_what_json_writes_between_the_quotes(texts: list[str]) -> None:
    assert list(_bodies(texts)) == [encode_basestring(t)[1:-1] for t in texts]
