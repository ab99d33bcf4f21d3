"""Django's PostgreSQL backend with a health check that costs no round trip and prepared
statements for the fixed SQL of every request (see ``base``)."""

from __future__ import annotations

from typing import Any


def prepared_cursor(connection: Any) -> Any:
    """A cursor for a statement of fixed SQL that requests send again and again, whose plan does
    not depend on its values: prepared on the server on this project's PostgreSQL backend
    (``DatabaseWrapper.prepared_cursor``), the connection's own cursor on any other database."""
    make = getattr(connection, "prepared_cursor", None)
    return make() if make is not None else connection.cursor()
