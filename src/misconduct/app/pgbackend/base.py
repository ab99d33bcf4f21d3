"""Django's PostgreSQL backend, with a persistent connection's health check that asks the server
only when something has happened to the connection (issue 10).

With persistent connections (``CONN_MAX_AGE``) and ``CONN_HEALTH_CHECKS``, Django checks the
connection before each request's first query by sending ``SELECT 1`` and waiting for the answer: a
round trip to the server on every request, as dear as one of the page's own queries. Here a
connection that is open, idle (no transaction) and has nothing waiting on its socket is usable
without asking: a server that ends a connection (a restart, ``pg_terminate_backend``, an idle
timeout) sends its notice and closes the socket, which leaves the socket readable. Anything else (a
connection the driver holds broken or closed is not usable; one in a transaction, or whose socket
has something to read) is checked by Django's ``SELECT 1`` as before. A server that vanishes
without closing its end (the network cut) is not seen by either check until a query times out.
"""

from __future__ import annotations

import select

from django.db.backends.postgresql import base

__all__ = ["DatabaseWrapper"]


class DatabaseWrapper(base.DatabaseWrapper):
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
