"""Plain JSON values from frozen dataclasses and back: dates as ISO strings, enums as their values.

Every shape a record can hold converts both ways: dataclasses, enums, dates, ``list``, ``tuple``
(``tuple[X, ...]`` and fixed ``tuple[X, Y]``), ``frozenset``, ``dict`` (enum keys by value), ``X | None``
and unions of several types, each nested in any other.

>>> from datetime import date
>>> from dataclasses import dataclass
>>> @dataclass(frozen=True)
... class Example:
...     on: date
...     names: tuple[str, ...] = ()
>>> to_plain(Example(date(2025, 1, 21), ("a",)))
{'on': '2025-01-21', 'names': ['a']}
>>> from_plain(Example, {"on": "2025-01-21", "names": ["a"]})
Example(on=datetime.date(2025, 1, 21), names=('a',))
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from datetime import date, datetime, time
from enum import Enum
from typing import Any, TypeVar

from misconduct.errors import InvalidInput

T = TypeVar("T")


_PLAIN = (str, int, float, bool, type(None))
_names: dict[type, tuple[str, ...] | None] = {}


def _dataclass_names(kind: type) -> tuple[str, ...] | None:
    """The field names of the dataclass ``kind`` (None if it is not one), found once per type."""
    try:
        return _names[kind]
    except KeyError:
        names = (
            tuple(f.name for f in dataclasses.fields(kind))
            if dataclasses.is_dataclass(kind)
            else None
        )
        _names[kind] = names
        return names


def to_plain(value: Any) -> Any:
    """A JSON-ready copy of ``value``: dataclasses become dicts, in field order."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    names = _dataclass_names(kind)
    if names is not None:
        out = {}
        for name in names:
            field = getattr(value, name)
            leaf = type(field)
            # the commonest leaves here, without a call each
            if leaf in _PLAIN:
                out[name] = field
            elif leaf is date:
                out[name] = field.isoformat()
            elif isinstance(field, Enum):
                out[name] = field.value
            else:
                out[name] = to_plain(field)
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(to_plain(k)): to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | frozenset | set):
        items = [v if type(v) in _PLAIN else to_plain(v) for v in value]
        return sorted(items) if isinstance(value, frozenset | set) else items
    return value


def from_plain(cls: type[T], data: Any, *, where: str = "") -> T:
    """Rebuild a dataclass from :func:`to_plain` output, failing with the field that is wrong."""
    return typing.cast(T, _convert(cls, data, where or cls.__name__))


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    """(name, resolved type hint, has a default) for each init field; resolving hints is slow, so once."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (
            f.name,
            hints[f.name],
            f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
        if f.init
    )


_SCALARS = {str: "a string", bool: "true or false"}
_kinds: dict[Any, tuple[Any, tuple[Any, ...]]] = {}


def _kind(hint: Any) -> tuple[Any, tuple[Any, ...]]:
    """``typing.get_origin`` and ``get_args`` of ``hint``, found once per hint."""
    try:
        return _kinds[hint]
    except KeyError:
        found = (typing.get_origin(hint), typing.get_args(hint))
        _kinds[hint] = found
        return found
    except TypeError:  # an unhashable hint
        return typing.get_origin(hint), typing.get_args(hint)


def _convert(hint: Any, data: Any, where: str) -> Any:
    if hint is str or hint is bool:  # the commonest leaves first
        _expect(isinstance(data, hint), where, _SCALARS[hint], data)
        return data
    origin, args = _kind(hint)
    if origin in (typing.Union, types.UnionType):
        return _union(args, data, where)
    if origin in (list, tuple, frozenset, set):
        _expect(isinstance(data, list), where, "a list", data)
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            _expect(len(data) == len(args), where, f"a list of {len(args)} items", data)
            return tuple(
                _convert(a, item, f"{where}[{i}]")
                for i, (a, item) in enumerate(zip(args, data, strict=True))
            )
        item_hint = args[0] if args else Any
        items = [_convert(item_hint, item, f"{where}[{i}]") for i, item in enumerate(data)]
        return items if origin is list else origin(items)
    if origin is dict:
        _expect(isinstance(data, dict), where, "an object", data)
        key_hint, value_hint = args or (Any, Any)
        return {
            _convert(key_hint, k, f"{where} key {k!r}"): _convert(value_hint, v, f"{where}.{k}")
            for k, v in data.items()
        }
    if hint is list or hint is dict:
        _expect(isinstance(data, hint), where, "a list" if hint is list else "an object", data)
        return data
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        _expect(isinstance(data, dict), where, "an object", data)
        plan = _fields(hint)
        names = {name for name, _, _ in plan}
        unknown = set(data) - names
        _expect(not unknown, where, "only the fields " + ", ".join(sorted(names)), sorted(unknown))
        kwargs = {}
        for name, field_hint, has_default in plan:
            if name in data:
                kwargs[name] = _convert(field_hint, data[name], f"{where}.{name}")
            else:
                _expect(has_default, f"{where}.{name}", "a value", None)
        return hint(**kwargs)
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(data)
        except ValueError:
            raise InvalidInput(
                where, "one of " + ", ".join(str(m.value) for m in hint), data
            ) from None
    if hint is datetime:
        _expect(isinstance(data, str), where, "a date-time in ISO form", data)
        try:
            return datetime.fromisoformat(data)
        except ValueError:
            raise InvalidInput(where, "a date-time in ISO form", data) from None
    if hint is time or hint is date:
        expected = "a time in the form HH:MM" if hint is time else "a date in the form YYYY-MM-DD"
        _expect(isinstance(data, str), where, expected, data)
        try:
            return hint.fromisoformat(data)
        except ValueError:
            raise InvalidInput(where, expected, data) from None
    if hint is bool:
        _expect(isinstance(data, bool), where, "true or false", data)
        return data
    if hint is int:
        _expect(isinstance(data, int) and not isinstance(data, bool), where, "a whole number", data)
        return data
    if hint is float:
        _expect(
            isinstance(data, int | float) and not isinstance(data, bool), where, "a number", data
        )
        return float(data)
    if hint is str:
        _expect(isinstance(data, str), where, "a string", data)
        return data
    if hint is Any:
        return data
    raise TypeError(f"{where}: cannot convert to {hint!r}")


def _union(args: tuple[Any, ...], data: Any, where: str) -> Any:
    """``X | None`` and unions of several types: None if allowed, else the first type that fits."""
    if data is None and type(None) in args:
        return None
    options = [a for a in args if a is not type(None)]
    if len(options) == 1:
        return _convert(options[0], data, where)
    for option in options:
        try:
            return _convert(option, data, where)
        except InvalidInput:
            continue
    names = " or ".join(getattr(a, "__name__", str(a)) for a in args)
    raise InvalidInput(where, names, data)


def _expect(ok: bool, where: str, expected: str, received: Any) -> None:
    if not ok:
        raise InvalidInput(where, expected, received)
