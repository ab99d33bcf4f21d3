"""Foreign keys checked once a batch while ``db seed`` writes on PostgreSQL (``app.pgbackend.keys``,
branch pgseed9): a key that is not there is still refused, the session's role is put back after each
``COPY``, only tables whose inserts fire nothing but those checks are copied this way, and nothing
changes outside the seed's session."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, connections, transaction

from misconduct.app import models as m
from misconduct.app import seeding
from misconduct.app.pgbackend import keys
from misconduct.app.rows import insert
from tests.services.fakes import SteppingClock

pytestmark = pytest.mark.django_db(databases="__all__")


def _postgres(alias: str) -> None:
    if connections[alias].vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite checks its foreign keys as before")


def _role(alias: str) -> str:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT current_setting('session_replication_role')")
        return str(cursor.fetchone()[0])


def _loaded(alias: str) -> keys.KeyChecks:
    checks = keys.checks_of(connections[alias])
    if checks is None:
        pytest.skip("the test database's user may not set session_replication_role")
    return checks


def _party(case_id: int, name: str) -> dict[str, object]:
    return {"case_id": case_id, "role": "witness", "name": name, "detail": ""}


def test_a_missing_key_is_refused_once_a_batch(alias: str) -> None:
    _postgres(alias)
    seeding.seed(
        1, 3, date(2026, 11, 25), actor="seed", clock=SteppingClock(), workers=0, using=alias
    )
    case_id = m.Case.objects.using(alias).values_list("id", flat=True).get()
    connection = connections[alias]
    with seeding._bulk_session(alias):
        checks = _loaded(alias)
        assert {"misconduct_event", "misconduct_party", "misconduct_publictag"} <= set(
            checks.references
        )
        # rows whose keys are there are written, and the role is back to origin after each COPY
        with transaction.atomic(using=alias), keys.once_a_batch(connection):
            insert(alias, m.Party, [_party(case_id, "one"), _party(case_id, "two")])
            assert checks.pending and _role(alias) == "origin"
        assert not checks.pending
        assert m.Party.objects.using(alias).filter(name__in=["one", "two"]).count() == 2
        # a key that is not there: refused when the batch ends, nothing of it kept
        with (
            pytest.raises(IntegrityError, match=r"Key \(case_id\)=\(987654321\) is not present"),
            transaction.atomic(using=alias),
            keys.once_a_batch(connection),
        ):
            insert(alias, m.Party, [_party(case_id, "three"), _party(987654321, "four")])
        assert not m.Party.objects.using(alias).filter(name__in=["three", "four"]).exists()
        assert _role(alias) == "origin"
    assert keys.checks_of(connection) is None


def test_outside_a_batch_postgresql_checks_each_row_itself(alias: str) -> None:
    _postgres(alias)
    seeding.seed(
        1, 3, date(2026, 11, 25), actor="seed", clock=SteppingClock(), workers=0, using=alias
    )
    case_id = m.Case.objects.using(alias).values_list("id", flat=True).get()
    with seeding._bulk_session(alias):
        _loaded(alias)
        # no once_a_batch: the COPY runs as the role has it, with the server's own checks (which,
        # deferred, refuse the key when the constraints are checked)
        with pytest.raises(IntegrityError), transaction.atomic(using=alias):
            insert(alias, m.Party, [_party(case_id, "five"), _party(987654321, "six")])
            assert _role(alias) == "origin"
            with connections[alias].cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_a_table_with_another_insert_trigger_keeps_the_servers_checks(alias: str) -> None:
    _postgres(alias)
    with connections[alias].cursor() as cursor:
        cursor.execute(
            "CREATE FUNCTION pgseed9_noop() RETURNS trigger LANGUAGE plpgsql AS"
            " $$ BEGIN RETURN NEW; END $$"
        )
        cursor.execute(
            "CREATE TRIGGER pgseed9_noop BEFORE INSERT ON misconduct_party"
            " FOR EACH ROW EXECUTE FUNCTION pgseed9_noop()"
        )
        cursor.execute(
            "CREATE RULE pgseed9_rule AS ON UPDATE TO misconduct_warning DO ALSO NOTHING"
        )
        checks = keys.load(cursor, connections[alias].pg_version)
    if checks is None:
        pytest.skip("the test database's user may not set session_replication_role")
    assert "misconduct_party" not in checks.references
    assert "misconduct_warning" not in checks.references
    assert "misconduct_event" in checks.references
    event = {(r.column, r.parent, r.key) for r in checks.references["misconduct_event"]}
    assert event == {("case_id", "misconduct_case", "id")}
