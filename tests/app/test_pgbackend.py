"""The PostgreSQL backend's health check (``misconduct.app.pgbackend``, issue 10): a persistent
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
