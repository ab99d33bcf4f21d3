"""Rows inserted in bulk without building a model object for each: the write path's inserts.

Django's ``bulk_create`` builds a model instance for every row and compiles each value through the
field's lookups; for the dozens of rows a case writes (events, personal data, projection, read
models) that cost more than the rules' checks. :func:`insert` takes each row as a mapping of the
model's column attributes, fills an absent one with the field's default as a model instance would,
converts dates, times and JSON as the field itself does for this database
(``Field.get_db_prep_save``), and sends one ``executemany`` (or, when keys are wanted back, one
multi-row ``INSERT ... RETURNING`` per chunk).
"""

from __future__ import annotations

import functools
import json
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.conf import settings
from django.db import connections, models
from django.db.backends.base.operations import BaseDatabaseOperations

from misconduct.app.pgbackend import keys as foreign_keys
from misconduct.app.pgbackend import prepared_cursor
from misconduct.domain.ledger import json_encoder

# Fields whose value is stored as given (text, numbers, booleans, keys): no conversion needed.
_AS_GIVEN = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.ForeignKey,
    models.AutoField,
)


def json_text(field: models.JSONField, value: Any) -> str | None:
    """``value`` as the JSON text ``field`` stores (its encoder), or None for SQL NULL."""
    if value is None:
        return None
    if field.encoder is None:
        return dumps(value)
    return json.dumps(value, cls=field.encoder)


dumps = json_encoder()
"""``json.dumps(value)``: the same text, its encoder made once (``domain.ledger.json_encoder``)."""
compact_dumps = json_encoder(separators=(",", ":"))
"""``json.dumps(value, separators=(",", ":"))``: the same text."""


class _Encoded:
    """JSON already encoded by :func:`json_text` (so that a worker process can encode it)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def encoded(text: str | None) -> _Encoded | None:
    return None if text is None else _Encoded(text)


@functools.cache
def _plan(
    model: type[models.Model], using: str
) -> tuple[str, tuple[str, ...], dict[str, Any], tuple[tuple[int, Callable[[Any], Any]], ...]]:
    """The insert statement's table and columns (every concrete field but an automatic key), each
    column's default, and the conversion of the columns that need one on this database."""
    connection = connections[using]
    fields = [
        f
        for f in model._meta.concrete_fields
        if not (f.primary_key and isinstance(f, models.AutoField))
    ]
    converts: list[tuple[int, Callable[[Any], Any]]] = []
    for i, f in enumerate(fields):
        if isinstance(f, models.JSONField):
            converts.append((i, functools.partial(_json, f, connection)))
        elif isinstance(f, models.DateTimeField):
            converts.append((i, _moment_of(connection)))
        elif isinstance(f, models.DateField):
            converts.append((i, _day_of(connection)))
        elif not isinstance(f, _AS_GIVEN):
            converts.append((i, functools.partial(_prep, f, connection)))
    return (
        model._meta.db_table,
        tuple(f.attname for f in fields),
        {f.attname: f.get_default() for f in fields},
        tuple(converts),
    )


@functools.cache
def _json_columns(model: type[models.Model], using: str) -> tuple[int, ...]:
    columns = _plan(model, using)[1]
    return tuple(
        i for i, name in enumerate(columns) if isinstance(_field_of(model, name), models.JSONField)
    )


def _field_of(model: type[models.Model], attname: str) -> Any:
    return next(f for f in model._meta.concrete_fields if f.attname == attname)


def _prep(field: models.Field[Any, Any], connection: Any, value: Any) -> Any:
    return field.get_db_prep_save(value, connection)


def _none_or(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


def _day_of(connection: Any) -> Callable[[Any], Any]:
    """A date column's conversion on ``connection``: ``ops.adapt_datefield_value``, which is
    ``str`` on a backend that keeps Django's own (SQLite's: ``None`` stays ``None``), written as that
    without the method's call."""
    adapt = type(connection.ops).adapt_datefield_value
    if adapt is BaseDatabaseOperations.adapt_datefield_value:
        return _text_or_none
    return _none_or(connection.ops.adapt_datefield_value)


def _text_or_none(value: Any) -> Any:
    return None if value is None else str(value)


def _moment_of(connection: Any) -> Callable[[Any], Any]:
    """A date-time column's conversion on ``connection``: ``ops.adapt_datetimefield_value``. On
    SQLite with time zones on (Django's own conversion, not replaced) that is an aware moment made
    naive in the connection's time zone, then ``str`` (``None`` stays ``None``; a naive moment is
    ``str`` of it), written as that without Django's three calls a value."""
    if connection.vendor != "sqlite" or not settings.USE_TZ:
        return _none_or(connection.ops.adapt_datetimefield_value)
    from django.db.backends.sqlite3.operations import DatabaseOperations

    if (
        type(connection.ops).adapt_datetimefield_value
        is not DatabaseOperations.adapt_datetimefield_value
    ):
        return _none_or(connection.ops.adapt_datetimefield_value)
    zone = connection.timezone

    def moment(value: Any) -> Any:
        if value is None:
            return None
        if value.utcoffset() is not None:  # ``timezone.is_aware``, then ``make_naive``
            value = value.astimezone(zone).replace(tzinfo=None)
        return str(value)

    return moment


def _json(field: models.JSONField, connection: Any, value: Any) -> Any:
    """A JSON column's value as the field stores it. Text already encoded stays as it is: on
    PostgreSQL still wrapped (:func:`insert_values` sends it as ``jsonb``, as the field's own adapter
    does), elsewhere as the text itself."""
    if isinstance(value, _Encoded):
        return value if connection.vendor == "postgresql" else value.text
    return field.get_db_prep_save(value, connection)


def values(
    using: str, model: type[models.Model], rows: Sequence[Mapping[str, Any]]
) -> list[list[Any]]:
    """``rows`` (mappings of column attribute names to values; an absent one takes the field's
    default) as the lists of values :func:`insert_values` sends to ``using``, converted as the fields
    convert them there. Needs no connection, so a worker process may build them."""
    defaults = _plan(model, using)[2]
    build = _builder(model, using)
    out = []
    for row in rows:
        try:
            items = build(row)  # every column given (most rows): no defaults to fill in
        except KeyError:
            items = build({**defaults, **row})
        out.append(items)
    return out


@functools.cache
def _builder(model: type[models.Model], using: str) -> Callable[[Mapping[str, Any]], list[Any]]:
    """The list of a row's values in the columns' order, each converted (:func:`_plan`), as one
    list display written out once for the table (``[row["a"], convert(row["b"]), ...]``): no loop
    over the columns, no call for a value stored as given, and a date made text (SQLite) in place."""
    _, columns, _, converts = _plan(model, using)
    convert = dict(converts)
    scope: dict[str, Any] = {}
    items = []
    for i, column in enumerate(columns):
        value = f"row[{column!r}]"
        if convert.get(i) is _text_or_none:
            items.append(f"(None if (v := {value}) is None else str(v))")
        elif i in convert:
            scope[f"convert{i}"] = convert[i]
            items.append(f"convert{i}({value})")
        else:
            items.append(value)
    source = f"def build(row):\n    return [{', '.join(items)}]\n"
    exec(source, scope)  # (the columns are the model's attribute names)
    return typing.cast(Callable[[Mapping[str, Any]], list[Any]], scope["build"])


def insert_values(
    using: str,
    model: type[models.Model],
    rows: Sequence[list[Any]],
    *,
    keys: Mapping[str, Mapping[Any, Any]] | None = None,
    returning: Sequence[str] = (),
    unique: str = "",
    owned: str = "",
) -> list[tuple[Any, ...]]:
    """Insert ``rows`` (from :func:`values`) into ``model``'s table in the caller's transaction,
    each value of a column named in ``keys`` replaced by what that mapping gives for it (the primary
    keys of rows written just before); with ``returning``, those columns of the new rows (in no set
    order). ``unique`` names a column whose values no two rows of the table share: on PostgreSQL
    the rows are then copied and read back by it (one ``COPY`` and one query instead of a statement
    with a parameter for every value). ``owned`` does the same for a column whose values these rows
    hold alone, no other row of the table holding any of them (the keys of cases created in this
    transaction, which no other transaction sees): every row read back by it is one of these."""
    if not rows:
        return []
    table, columns, _, _ = _plan(model, using)
    connection = connections[using]
    swaps = [(columns.index(c), mapping) for c, mapping in (keys or {}).items()]
    wraps = _json_columns(model, using) if connection.vendor == "postgresql" else ()
    # Rows a ``COPY`` sends (below) carry encoded JSON as its text, which the server reads as the
    # column's type; a statement's parameters as ``jsonb`` (the field's own adapter's type).
    copied = len(rows) > 1 and (not returning or bool(unique or owned))
    if swaps or wraps:
        from psycopg.types.json import Jsonb

        for row in rows:
            for i, mapping in swaps:
                row[i] = mapping[row[i]]
            for i in wraps:
                if isinstance(row[i], _Encoded):
                    row[i] = row[i].text if copied else Jsonb(row[i].text, dumps=_same)
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    if not returning and len(rows) == 1:  # one row (a page's access record): one ``execute``
        # (psycopg's executemany goes through its pipeline mode, dearer for one), of a statement
        # prepared on the connection (the same for every row of the table)
        with prepared_cursor(connection) as cursor:
            cursor.execute(f"INSERT INTO {quote(table)} ({names}) VALUES {one}", rows[0])
        return []
    with connection.cursor() as cursor:
        if not returning:
            sql = f"INSERT INTO {quote(table)} ({names}) VALUES {one}"
            if connection.vendor == "postgresql":
                _copy(connection, cursor.cursor, table, columns, rows)
            else:
                cursor.executemany(sql, rows)
            return []
        back = ", ".join(quote(c) for c in returning)
        by = unique or owned
        if by and connection.vendor == "postgresql" and len(rows) > 1:
            _copy(connection, cursor.cursor, table, columns, rows)
            at = columns.index(by)
            cursor.execute(
                f"SELECT {back} FROM {quote(table)} WHERE {quote(by)} = ANY(%s)",
                [list(dict.fromkeys(row[at] for row in rows))],
            )
            return [tuple(r) for r in cursor.fetchall()]
        limit = connection.features.max_query_params or 65535
        size = max(1, limit // len(columns))
        out: list[tuple[Any, ...]] = []
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            cursor.execute(
                f"INSERT INTO {quote(table)} ({names}) VALUES {', '.join([one] * len(chunk))}"
                f" RETURNING {back}",
                [v for items in chunk for v in items],
            )
            out += [tuple(r) for r in cursor.fetchall()]
        return out


def _copy(
    connection: Any, cursor: Any, table: str, columns: Sequence[str], rows: Sequence[list[Any]]
) -> None:
    """``rows`` sent by one ``COPY ... FROM STDIN`` on PostgreSQL (psycopg's ``cursor``), which puts
    in the same values as the ``INSERT`` would (each converted by the same psycopg adapter, the
    server reading them as the column's type), in the same transaction. Django's cursor binds
    parameters on the client, so ``executemany`` sent every row as a statement of its own that the
    server parsed and planned again (about 4 ms of the server's CPU a seeded case, branch seed7).
    While ``db seed`` writes, the rows' foreign keys may be checked once a batch instead of once a
    row (``pgbackend.keys``, branch pgseed9). psycopg's errors are turned into Django's, as its
    cursor turns them: a duplicate key is an ``IntegrityError``, which the write path answers with a
    conflict."""
    quote = connection.ops.quote_name
    sql = f"COPY {quote(table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    copying = foreign_keys.copying(connection, cursor, table, columns)
    with connection.wrap_database_errors, copying as note:
        with cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
        if note is not None:
            note(rows)


def among(using: str, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
    """SQL saying that ``column`` (as written in the statement) is one of ``values``, with its
    parameters: on PostgreSQL one array (``= ANY(%s)``), elsewhere ``IN`` with a parameter a value.
    Django's PostgreSQL cursor binds on the client, so a parameter a value costs a Python quoting of
    each and a query text for the server to parse thousands of values from (a batch of seeded cases
    asks for some 2,000 officers)."""
    if connections[using].vendor == "postgresql":
        return f"{column} = ANY(%s)", [list(values)]
    return f"{column} IN ({', '.join(['%s'] * len(values))})", list(values)


def _same(text: str) -> str:
    return text


def insert(
    using: str,
    model: type[models.Model],
    rows: Sequence[Mapping[str, Any]],
    *,
    returning: Sequence[str] = (),
) -> list[tuple[Any, ...]]:
    """Insert ``rows`` (mappings of column attribute names to values) into ``model``'s table in the
    caller's transaction; with ``returning``, those columns of the new rows (in no set order)."""
    return insert_values(using, model, values(using, model, rows), returning=returning)
