"""Django's PostgreSQL backend, with a persistent connection's health check that asks the server
only when something has happened to the connection, and prepared statements for the fixed SQL that
every request sends (issue 10).

With persistent connections (``CONN_MAX_AGE``) and ``CONN_HEALTH_CHECKS``, Django checks the
connection before each request's first query by sending ``SELECT 1`` and waiting for the answer: a
round trip to the server on every request, as dear as one of the page's own queries. Here a
connection that is open, idle (no transaction) and has nothing waiting on its socket is usable
without asking: a server that ends a connection (a restart, ``pg_terminate_backend``, an idle
timeout) sends its notice and closes the socket, which leaves the socket readable. Anything else (a
connection the driver holds broken or closed is not usable; one in a transaction, or whose socket
has something to read) is checked by Django's ``SELECT 1`` as before. A server that vanishes
without closing its end (the network cut) is not seen by either check until a query times out.

Django's cursors bind parameters in the client: each statement reaches the server as text with
its values written in, which the server parses, analyses and plans afresh every time. The few
statements of fixed SQL that every staff request sends (the session with its user and roles, the
case page's row, the access record's insert) go through :meth:`DatabaseWrapper.prepared_cursor`
instead: psycopg's cursor binding on the server, which prepares each statement at its first
execution on the connection and then sends only its name and values. The server keeps a plan per
statement (PostgreSQL's own choice between a plan for the values and a generic one, after five
executions), so only statements whose plan does not depend on their values should use it. A
statement the server refuses because a table it reads was altered since it was prepared is
prepared again (:class:`PreparedCursor`).
"""

from __future__ import annotations

import select
from typing import Any

from django.db.backends.postgresql import base, operations

__all__ = ["DatabaseWrapper", "PreparedCursor"]


class PreparedCursor(base.ServerBindingCursor):  # type: ignore[misc,name-defined]
    """psycopg's server-side binding cursor, preparing every statement it executes (psycopg keeps
    the connection's prepared statements by their SQL and parameter types, the last 100)."""

    def execute(
        self, query: Any, params: Any = None, *, prepare: bool | None = None, **kw: Any
    ) -> Any:
        from psycopg import errors, pq

        prepare = True if prepare is None else prepare
        try:
            return super().execute(query, params, prepare=prepare, **kw)
        except errors.FeatureNotSupported:
            # "cached plan must not change result type": another connection altered a table the
            # statement reads (a migration while this worker serves). psycopg would send the
            # stale statement again at every execution; ``DEALLOCATE ALL`` (which psycopg sees,
            # forgetting its own) lets the next one be prepared afresh. In a transaction the
            # rollback does the same.
            if self.connection.info.transaction_status != pq.TransactionStatus.IDLE:
                raise
            super().execute("DEALLOCATE ALL", prepare=False)
            return super().execute(query, params, prepare=prepare, **kw)


class DatabaseOperations(operations.DatabaseOperations):
    def last_executed_query(self, cursor: Any, sql: Any, params: Any) -> Any:
        """A prepared statement's SQL as Django's client-side cursor would have sent it (its
        values written in), so that a query log reads the same either way."""
        if isinstance(cursor, PreparedCursor):
            return self.compose_sql(sql, params)
        return super().last_executed_query(cursor, sql, params)


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
    _preparing = False

    def get_connection_params(self) -> dict[str, Any]:
        params: dict[str, Any] = super().get_connection_params()
        if "prepare_threshold" not in self.settings_dict["OPTIONS"]:
            # Django turns psycopg's prepared statements off unless OPTIONS names a threshold (for
            # poolers that cannot keep them: PgBouncer before 1.21 in transaction mode; give
            # ``"prepare_threshold": None`` there). Its own cursors bind in the client and never
            # prepare; the threshold of psycopg's default only lets :meth:`prepared_cursor` work.
            params["prepare_threshold"] = 5
        return params

    def prepared_cursor(self) -> Any:
        """A cursor (Django's wrapper, so query logs and execute wrappers see its statements)
        whose statements are prepared on the server at their first execution on this connection:
        for fixed SQL sent at every request, whose plan does not depend on its values."""
        self._preparing = True
        try:
            return self._cursor()
        finally:
            self._preparing = False

    def create_cursor(self, name: str | None = None) -> Any:
        if name or not self._preparing:
            return super().create_cursor(name)
        cursor = PreparedCursor(self.connection)
        # as Django's own cursors: the connection's time zone, if it differs from the adapters'
        loader = self.connection.adapters.get_loader(base.TIMESTAMPTZ_OID, base.Format.TEXT)
        if self.timezone != loader.timezone:
            base.register_tzloader(self.timezone, cursor)
        return cursor

    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None:
            return False
        quiet = _quiet(connection)
        if quiet is not None:
            return quiet
        return bool(super().is_usable())


def _quiet(connection: object) -> bool | None:
    """False if psycopg holds ``connection`` closed or broken; True if it is idle, open and nothing
    has arrived on its socket; None when only a query can tell (or the driver is not psycopg 3)."""
    from psycopg import Connection, pq

    if not isinstance(connection, Connection):
        return None
    if connection.closed or connection.broken:
        return False
    if (
        connection.pgconn.status != pq.ConnStatus.OK
        or connection.info.transaction_status != pq.TransactionStatus.IDLE
    ):
        return None
    try:
        poll = select.poll()
        poll.register(connection.fileno(), select.POLLIN | select.POLLPRI)
        waiting = poll.poll(0)
    except (OSError, ValueError):
        return None
    return True if not waiting else None
