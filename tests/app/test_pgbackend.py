"""The PostgreSQL backend (``misconduct.app.pgbackend``, issue 10). Its health check: a persistent
connection that is idle and has nothing on its socket is usable without a round trip; one the
server has ended, or one psycopg holds closed, is not; anything else is asked ``SELECT 1``."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.db import connections

from misconduct.app.pgbackend.base import DatabaseWrapper


def _probe(alias: str) -> Any:
    """A connection of its own to the test's PostgreSQL database (ended by the tests, so not the
    test's own), with Django's ``SELECT 1`` counted."""
    if alias != "postgres":
        pytest.skip("the backend is PostgreSQL's")
    probe = connections.create_connection(alias)
    assert isinstance(probe, DatabaseWrapper)
    probe.connect()
    return probe


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Django's own health check (a ``SELECT 1``) replaced by one that notes each time it is asked."""
    asked: list[str] = []
    monkeypatch.setattr(
        "django.db.backends.postgresql.base.DatabaseWrapper.is_usable",
        lambda self: asked.append("SELECT 1") or True,
    )
    return asked


@pytest.mark.django_db(databases="__all__")
def test_an_idle_connection_is_usable_without_asking_the_server(
    alias: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    probe = _probe(alias)
    try:
        asked = _counted(monkeypatch)
        assert probe.is_usable()
        assert asked == []
        with probe.cursor() as cursor:  # still usable after a query, without asking
            cursor.execute("SELECT 2")
            assert cursor.fetchone() == (2,)
        assert probe.is_usable() and asked == []
        probe.connection.close()  # psycopg holds it closed
        assert not probe.is_usable() and asked == []
    finally:
        probe.close()


@pytest.mark.django_db(databases="__all__")
def test_a_connection_the_server_ended_is_not_usable(alias: str) -> None:
    probe = _probe(alias)
    try:
        with probe.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            assert cursor.fetchone() == (True,)
        deadline = time.monotonic() + 10  # the server's notice takes a moment to arrive
        while probe.is_usable() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not probe.is_usable()
    finally:
        probe.close()


@pytest.mark.django_db(databases="__all__")
def test_a_connection_in_a_transaction_is_asked(
    alias: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    probe = _probe(alias)
    try:
        asked = _counted(monkeypatch)
        probe.set_autocommit(False)
        with probe.cursor() as cursor:
            cursor.execute("SELECT 1")
        assert probe.is_usable()
        assert asked == ["SELECT 1"]
        probe.rollback()
    finally:
        probe.close()


@pytest.mark.django_db(databases="__all__")
def test_the_prepared_cursor_prepares_its_statement_once_on_the_connection(alias: str) -> None:
    """Prepared at its first execution and run by name after; the connection's own cursor on
    SQLite."""
    from django.test.utils import CaptureQueriesContext

    from misconduct.app.pgbackend import prepared_cursor

    connection = connections[alias]
    sql = "SELECT CAST(%s AS text) || 'x', %s + 1"
    with CaptureQueriesContext(connection) as sent:
        for value in ("a", "b", "it's"):
            with prepared_cursor(connection) as cursor:
                cursor.execute(sql, [value, 41])
                assert cursor.fetchone() == (f"{value}x", 42)
    # a query log reads the statement with its values, as Django's own cursor sends it
    assert sent.captured_queries[-1]["sql"] == "SELECT CAST('it''s' AS text) || 'x', 41 + 1"
    if alias != "postgres":  # the connection's own cursor elsewhere
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), sum(generic_plans + custom_plans) FROM pg_prepared_statements"
            " WHERE statement = %s",
            ["SELECT CAST($1 AS text) || 'x', $2 + 1"],
        )
        assert cursor.fetchone() == (1, 3)  # prepared once, run three times


@pytest.mark.django_db(databases="__all__")
def test_without_a_prepare_threshold_nothing_is_prepared(alias: str) -> None:
    """``OPTIONS["prepare_threshold"] = None`` (a pooler that cannot keep prepared statements):
    the prepared cursor binds on the server and prepares nothing."""
    probe = _probe(alias)
    options = {**probe.settings_dict["OPTIONS"], "prepare_threshold": None}
    probe.settings_dict = {**probe.settings_dict, "OPTIONS": options}  # this connection's only
    try:
        probe.close()
        with probe.prepared_cursor() as cursor:
            cursor.execute("SELECT %s + 1", [1])
            assert cursor.fetchone() == (2,)
            cursor.execute("SELECT count(*) FROM pg_prepared_statements")
            assert cursor.fetchone() == (0,)
    finally:
        probe.close()


@pytest.mark.django_db(databases="__all__")
def test_a_statement_prepared_before_its_table_changed_is_prepared_again(alias: str) -> None:
    """A migration run by another process while a worker serves: the server refuses a prepared
    statement whose result's type changed ("cached plan must not change result type"); outside a
    transaction it is prepared afresh and answered, instead of failing at every request."""
    probe = _probe(alias)
    other = _probe(alias)
    try:
        with other.cursor() as cursor:
            cursor.execute("CREATE TABLE pg7_probe (a varchar(10))")
            cursor.execute("INSERT INTO pg7_probe VALUES ('x')")
        for _ in range(2):
            with probe.prepared_cursor() as cursor:
                cursor.execute("SELECT a FROM pg7_probe WHERE a = %s", ["x"])
                assert cursor.fetchall() == [("x",)]
        with other.cursor() as cursor:
            cursor.execute("ALTER TABLE pg7_probe ALTER COLUMN a TYPE varchar(20)")
        for _ in range(2):
            with probe.prepared_cursor() as cursor:
                cursor.execute("SELECT a FROM pg7_probe WHERE a = %s", ["x"])
                assert cursor.fetchall() == [("x",)]
    finally:
        with other.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS pg7_probe")
        probe.close()
        other.close()
