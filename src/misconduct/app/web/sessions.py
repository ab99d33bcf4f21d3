"""Sessions and the signed-in user in one query (issue 10).

Django reads a staff page's session (one query), then its user (a second) and the user's roles (a
third, ``store.grants``). Here the session row names its user (``StaffSession.user_id``, written
whenever the session is saved), so :meth:`SessionStore.load` reads the session, the user's row and
their memberships together: one query, by the session key's index, joined by primary keys.

Nothing of the checks changes. The session is read only while unexpired (``expire_date`` later than
now) and its data only if their signature holds, as Django's database sessions do; the user is
taken from the row only if the session names that user and the model backend signed them in, is
refused if deactivated (``ModelBackend.user_can_authenticate``), and the session's password hash is
verified as ``django.contrib.auth.get_user`` verifies it (a session of a changed password is
flushed). Any other case (another backend, a user model of other fields) goes through Django's own
``get_user``. Sessions stay in the database: signing out, a password change or an expiry ends a
session on every worker at once.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.middleware import AuthenticationMiddleware, auser
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.db import connections, models, router
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject

from misconduct.app.pgbackend import prepared_cursor
from misconduct.app.roles import Grant, Role

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
_PLAIN = (models.AutoField, models.IntegerField, models.CharField, models.TextField)


class SessionStore(DatabaseStore):
    """Django's database sessions, in ``StaffSession`` (with the user's id), read in one query with
    the user and their roles."""

    signed_in: tuple[Any, Any, list[Grant]] | None = None
    """After :meth:`load`: the user id the row names, the user (None if no such user) and their
    grants; None if the row was not read with them."""
    along: tuple[str, str, list[Any]] | None = None
    """A statement to read with the session (:meth:`read_along`): its database, SQL and values."""
    read_with: list[Any] | None = None
    """After :meth:`load`: the row of :attr:`along` (a list of at most one), if it was read with
    the session."""

    def read_along(self, using: str, sql: str, params: list[Any]) -> None:
        """Read ``sql`` (fixed SQL of at most one row, which depends on nothing the session holds)
        with the session, in the same statement (the two joined, each by its own index), if the
        session has not been read yet and is read from ``using``; its row is then :attr:`read_with`
        (a list of at most one). A page whose first read does not depend on who asks (the case
        page's row) asks for it before ``login_required`` reads the session: on PostgreSQL one
        wait for the server instead of two (issue 10, branch pgpage10). If the session is not found,
        nothing of the other statement is kept."""
        if not hasattr(self, "_session_cache"):
            self.along = (using, sql, params)

    @classmethod
    def get_model_class(cls) -> Any:
        from misconduct.app.web.models import StaffSession

        return StaffSession

    def create_model_instance(self, data: dict[str, Any]) -> Any:
        obj = super().create_model_instance(data)
        try:
            obj.user_id = int(data[SESSION_KEY])
        except (KeyError, TypeError, ValueError):
            obj.user_id = None
        return obj

    def load(self) -> dict[str, Any]:
        plan = _plan(router.db_for_read(self.model))
        if plan is None:
            return dict(super().load())
        using, sql, fields = plan
        connection = connections[using]
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        params = [self.session_key, now]
        along = self.along if self.along is not None and self.along[0] == using else None
        if along is not None:  # both of at most one row: one statement, one round trip
            sql = joined(sql, along[1])
            params += along[2]
        with prepared_cursor(connection) as cursor:  # every staff request sends it
            cursor.execute(sql, params)
            found = cursor.fetchone()
        if found is None:
            self._session_key = None
            return {}
        width = len(fields) + 3  # the session's data, its user's id, the user's columns, roles
        if along is not None:
            # the other statement's row (its columns all NULL if it has none: read as no row)
            self.read_with = [found[width:]] if any(v is not None for v in found[width:]) else []
            found = found[:width]
        data, user_id = found[0], found[1]
        user = None
        if found[2] is not None:
            model = auth.get_user_model()
            values = [convert(v) for convert, v in zip(fields, found[2:-1], strict=True)]
            user = model.from_db(using, [f.attname for f in _user_fields(model)], values)
        grants = [Grant(Role(role), force) for role, force in _roles_of(found[-1])]
        self.signed_in = (user_id, user, grants)
        return dict(self.decode(data))


def joined(session: str, other: str) -> str:
    """The session's statement and another of at most one row as one: the session's columns, then
    the other's (all NULL if it has no row); no row if the session has none."""
    return f"SELECT * FROM ({session}) s LEFT JOIN ({other}) a ON 1 = 1"


def _user_fields(model: Any) -> list[Any]:
    return list(model._meta.concrete_fields)


_plans: dict[str, tuple[str, str, list[Callable[[Any], Any]]] | None] = {}


def _plan(using: str) -> tuple[str, str, list[Callable[[Any], Any]]] | None:
    """The one query's SQL on ``using`` and how each user column is read; None if the user model
    has a field of another kind than those converted here (Django's path is taken then)."""
    if using in _plans:
        return _plans[using]
    from misconduct.app.web.models import Membership, StaffSession

    model = auth.get_user_model()
    connection = connections[using]
    q = connection.ops.quote_name
    converts: list[Callable[[Any], Any]] = []
    plan: tuple[str, str, list[Callable[[Any], Any]]] | None = (using, "", converts)
    if connection.vendor not in _ROLES_LISTED:
        plan = None
    for f in _user_fields(model):
        if isinstance(f, models.BooleanField):
            converts.append(_bool)
        elif isinstance(f, models.DateTimeField):
            converts.append(_datetime)
        elif isinstance(f, _PLAIN):
            converts.append(_as_is)
        else:
            plan = None
    if plan is not None:
        columns = ", ".join(f"u.{q(f.column)}" for f in _user_fields(model))
        pk = q(model._meta.pk.column)
        roles = _ROLES_LISTED[connection.vendor].format(
            pair=f"g.{q('role')}, g.{q('force')}",
            order=f"g.{q('force')}, g.{q('role')}",
            table=q(Membership._meta.db_table),
            user=f"g.{q('user_id')} = u.{pk}",
        )
        sql = (
            f"SELECT s.{q('session_data')}, s.{q('user_id')}, {columns}, {roles}"
            f" FROM {q(StaffSession._meta.db_table)} s"
            f" LEFT JOIN {q(model._meta.db_table)} u ON u.{pk} = s.{q('user_id')}"
            f" WHERE s.{q('session_key')} = %s AND s.{q('expire_date')} > %s"
        )
        plan = (using, sql, converts)
    _plans[using] = plan
    return plan


# The user's roles as one JSON list of [role, force] pairs, ordered by force and role as
# ``store.grants`` orders them: one row a session, where a join to the memberships gave a row a
# role, each repeating the session's data and the user's columns (for a user of 12 forces, 12 rows
# for the driver to send and read; on PostgreSQL a time-zone conversion in Python for each row's
# ``date_joined``). SQLite 3.40 has no ordered aggregate: ordered by :func:`_roles_of`, in the
# order of SQLite's ``ORDER BY`` (the columns' BINARY collation, code point order).
_ROLES_LISTED = {
    "postgresql": "(SELECT json_agg(json_build_array({pair}) ORDER BY {order}) FROM {table} g"
    " WHERE {user})",
    "sqlite": "(SELECT json_group_array(json_array({pair})) FROM {table} g WHERE {user})",
}


def _roles_of(listed: Any) -> list[tuple[str, str]]:
    """The (role, force) pairs of :data:`_ROLES_LISTED`'s JSON (text on SQLite, decoded by the
    driver on PostgreSQL; NULL there when the user has none, or when there is no user), in order."""
    if listed is None:
        return []
    if isinstance(listed, str | bytes):  # SQLite: in no set order
        return sorted(((role, force) for role, force in json.loads(listed)), key=_by_force)
    return [(role, force) for role, force in listed]


def _by_force(pair: tuple[str, str]) -> tuple[str, str]:
    return pair[1], pair[0]


def _as_is(value: Any) -> Any:
    return value


def _bool(value: Any) -> Any:
    return None if value is None else bool(value)


def _datetime(value: Any) -> Any:
    """A stored time as the ORM gives it: aware, in UTC (SQLite gives text)."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime.fromisoformat(str(value))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def get_user(request: HttpRequest) -> Any:
    """``django.contrib.auth.get_user``, with the user read by the session's own query."""
    session: Any = request.session
    try:
        user_id = auth.get_user_model()._meta.pk.to_python(session[SESSION_KEY])
        backend_path = session[BACKEND_SESSION_KEY]
    except KeyError:
        return AnonymousUser()
    found = getattr(session, "signed_in", None)
    if (
        backend_path != MODEL_BACKEND
        or backend_path not in settings.AUTHENTICATION_BACKENDS
        or found is None
        or found[0] != user_id
    ):
        return auth.get_user(request)
    user = found[1]
    backend = auth.load_backend(backend_path)
    if user is not None and not backend.user_can_authenticate(user):
        user = None  # deactivated: as ModelBackend.get_user
    if user is not None:
        # the session is verified as django.contrib.auth.get_user verifies it
        session_hash = session.get(HASH_SESSION_KEY)
        session_auth_hash = user.get_session_auth_hash()
        verified = bool(session_hash) and constant_time_compare(session_hash, session_auth_hash)
        if not verified:
            if session_hash and any(
                constant_time_compare(session_hash, fallback)
                for fallback in user.get_session_auth_fallback_hash()
            ):
                session.cycle_key()
                session[HASH_SESSION_KEY] = session_auth_hash
            else:
                session.flush()
                user = None
    if user is None:
        return AnonymousUser()
    user._misconduct_grants = found[2]  # what ``store.grants`` would read
    return user


def _cached_user(request: HttpRequest) -> Any:
    if not hasattr(request, "_cached_user"):
        request._cached_user = get_user(request)
    return request._cached_user


class Authentication(AuthenticationMiddleware):
    """Django's authentication middleware, reading the user with the session (:func:`get_user`)."""

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: _cached_user(request))
        request.auser = partial(auser, request)
