"""The ``demo`` fixture writes the rows of one load recorded per session (tests/snapshot.py): what it
writes must be what loading the demo writes, on SQLite and on PostgreSQL, and it must fall back to a
real load whenever the recorded rows would not be."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connections, transaction

from misconduct.app import models as m
from misconduct.app.ledger import KEY_VARIABLE
from misconduct.services.demo import demo_cases, load_demo
from tests.app.web.fixtures import DemoSnapshot, demo_service
from tests.snapshot import _read_all, record


def _sequences(alias: str) -> dict[str, tuple[int, bool]]:
    """PostgreSQL's sequences, each as setval needs it to be put back: (value, is_called)."""
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT sequencename, last_value FROM pg_sequences")
        return {name: (1, False) if v is None else (v, True) for name, v in cursor.fetchall()}


def _put_back(alias: str, sequences: dict[str, tuple[int, bool]]) -> None:
    with connections[alias].cursor() as cursor:
        for name, (value, called) in sequences.items():
            cursor.execute("SELECT setval(%s, %s, %s)", [name, value, called])


class _CountedSalts:
    """Salts drawn in order from a counter, so that two loads seal the same commitments (a real load
    draws a fresh random salt for each personal value)."""

    def __init__(self) -> None:
        self.n = 0

    def token_hex(self, nbytes: int) -> str:
        self.n += 1
        return f"{self.n:0{nbytes * 2}x}"


@pytest.mark.django_db(databases="__all__")
def test_the_rows_written_back_are_what_a_load_writes(
    alias: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import misconduct.services.cases as cases_service

    monkeypatch.setattr(cases_service, "secrets", _CountedSalts())
    connection = connections[alias]
    postgres = connection.vendor == "postgresql"
    start = _sequences(alias) if postgres else {}
    loaded, snapshot = record(alias, lambda: load_demo(demo_service(using=alias)))
    assert sorted(loaded) == sorted(d.ref for d in demo_cases())
    tables = {c.table for c in snapshot.changes}
    assert {"misconduct_event", "misconduct_ledgerentry", "misconduct_caselisting"} <= tables
    assert any(c.updated for c in snapshot.changes), "the ledger's tip is updated, not inserted"

    with transaction.atomic(using=alias):
        assert snapshot.applies()
        snapshot.apply()
        restored = _read_all(connection)
        transaction.set_rollback(True, using=alias)
    # A second load from the same start: on PostgreSQL its sequences are put back first (they
    # are never rolled back), so that both loads draw the same keys.
    _put_back(alias, start)
    monkeypatch.setattr(cases_service, "secrets", _CountedSalts())
    with transaction.atomic(using=alias):
        load_demo(demo_service(using=alias))
        fresh = _read_all(connection)
        transaction.set_rollback(True, using=alias)
    assert restored.keys() == fresh.keys()
    for table in fresh:
        assert restored[table] == fresh[table], table


@pytest.mark.django_db
def test_the_fixture_gives_every_demo_case(demo: list[str]) -> None:
    assert sorted(demo) == sorted(d.ref for d in demo_cases())
    assert m.CaseListing.objects.count() == len(demo)


@pytest.mark.django_db
def test_a_database_not_as_recorded_is_loaded_through_the_write_path(
    demo: list[str], demo_snapshot: DemoSnapshot
) -> None:
    """Written twice, the rows would collide; the fixture sees the demo is there and loads instead,
    which leaves the cases already there alone."""
    events = m.Event.objects.count()
    assert not demo_snapshot.snapshot.applies()
    demo_snapshot.load()
    assert m.Event.objects.count() == events and m.Case.objects.count() == len(demo)


@pytest.mark.django_db
def test_with_another_ledger_key_the_demo_is_loaded_through_the_write_path(
    monkeypatch: pytest.MonkeyPatch, demo_snapshot: DemoSnapshot
) -> None:
    """The ledger's MACs are made with the key in the environment: rows recorded without it would
    not be the rows a load makes with it."""
    monkeypatch.setenv(KEY_VARIABLE, "a key kept by the auditor")
    assert demo_snapshot.key is None
    demo_snapshot.load()
    macs: Any = m.LedgerEntry.objects.values_list("mac", flat=True)
    assert macs and all(macs)
