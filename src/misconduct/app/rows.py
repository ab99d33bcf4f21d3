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
from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from django.db import connections, models

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
    return None if value is None else json.dumps(value, cls=field.encoder)


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
            converts.append((i, _json_converter(f, connection)))
        elif isinstance(f, models.DateTimeField):
            converts.append((i, _none_or(connection.ops.adapt_datetimefield_value)))
        elif isinstance(f, models.DateField):
            converts.append((i, _none_or(connection.ops.adapt_datefield_value)))
        elif not isinstance(f, _AS_GIVEN):
            converts.append((i, functools.partial(_prep, f, connection)))
    return (
        model._meta.db_table,
        tuple(f.attname for f in fields),
        {f.attname: f.get_default() for f in fields},
        tuple(converts),
    )


def _prep(field: models.Field[Any, Any], connection: Any, value: Any) -> Any:
    return field.get_db_prep_save(value, connection)


def _none_or(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


def _json_converter(field: models.JSONField, connection: Any) -> Callable[[Any], Any]:
    """A JSON column's value as the field stores it; text already encoded goes as it is (on
    PostgreSQL as ``jsonb``, as the field's own adapter sends it)."""
    if connection.vendor == "postgresql":
        from psycopg.types.json import Jsonb

        def same(text: str) -> str:
            return text

        def pg(value: Any) -> Any:
            if isinstance(value, _Encoded):
                return Jsonb(value.text, dumps=same)
            return field.get_db_prep_save(value, connection)

        return pg

    def other(value: Any) -> Any:
        if isinstance(value, _Encoded):
            return value.text
        return field.get_db_prep_save(value, connection)

    return other


def insert(
    using: str,
    model: type[models.Model],
    rows: Sequence[Mapping[str, Any]],
    *,
    returning: Sequence[str] = (),
) -> list[tuple[Any, ...]]:
    """Insert ``rows`` (mappings of column attribute names to values) into ``model``'s table in the
    caller's transaction; with ``returning``, those columns of the new rows (in no set order)."""
    if not rows:
        return []
    table, columns, defaults, converts = _plan(model, using)
    get = itemgetter(*columns)
    params = []
    for row in rows:
        values = list(get({**defaults, **row}) if len(columns) > 1 else (get(row),))
        for i, convert in converts:
            values[i] = convert(values[i])
        params.append(values)
    connection = connections[using]
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    with connection.cursor() as cursor:
        if not returning:
            cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES {one}", params)
            return []
        limit = connection.features.max_query_params or 65535
        size = max(1, limit // len(columns))
        back = ", ".join(quote(c) for c in returning)
        out: list[tuple[Any, ...]] = []
        for start in range(0, len(params), size):
            chunk = params[start : start + size]
            cursor.execute(
                f"INSERT INTO {quote(table)} ({names}) VALUES {', '.join([one] * len(chunk))}"
                f" RETURNING {back}",
                [v for values in chunk for v in values],
            )
            out += [tuple(r) for r in cursor.fetchall()]
        return out
