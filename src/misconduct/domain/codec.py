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
import inspect
import operator
import threading
import types
import typing
from collections.abc import Callable
from datetime import date, datetime, time
from enum import Enum
from typing import Any, TypeVar

from misconduct.domain.dates import dataclass_fields
from misconduct.errors import InvalidInput

T = TypeVar("T")


_PLAIN = frozenset((str, int, float, bool, type(None)))
"""The types :func:`to_plain` keeps as they are (by exact type: a subclass, an enum, is converted).
The encoders below test a field's or an item's type against it before calling :func:`to_plain`
(most values are text or numbers), which gives the same value without the call."""


def to_plain(value: Any) -> Any:
    """A JSON-ready copy of ``value``: dataclasses become dicts, in field order."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    try:
        encode = _encoders[kind]
    except KeyError:
        encode = _encoders[kind] = _encoder(kind)
    return encode(value)


_encoders: dict[type, Callable[[Any], Any]] = {}
"""What :func:`to_plain` does with a value of each type, found once a type (it depends on the type
alone)."""


def _encoder(kind: type) -> Callable[[Any], Any]:
    names = dataclass_fields(kind)
    if names is not None:
        return _record_encoder(names)
    if issubclass(kind, Enum):
        if inspect.getattr_static(kind, "value") is _ENUM_VALUE:
            return _VALUE_OF  # (``Enum.value`` gives ``_value_``: read without the descriptor)
        return lambda value: value.value
    if issubclass(kind, datetime | date | time):
        return kind.isoformat
    if issubclass(kind, dict):
        return lambda value: {
            str(to_plain(k)): v if type(v) in _PLAIN else to_plain(v) for k, v in value.items()
        }
    if issubclass(kind, frozenset | set):
        return lambda value: sorted([to_plain(v) for v in value])
    if issubclass(kind, list | tuple):
        return lambda value: [v if type(v) in _PLAIN else to_plain(v) for v in value]
    return lambda value: value


_ENUM_VALUE = inspect.getattr_static(Enum, "value")
_VALUE_OF = operator.attrgetter("_value_")


def _record_encoder(names: tuple[str, ...]) -> Callable[[Any], Any]:
    """The encoder of a dataclass of fields ``names``: the dict of each field's plain form, in field
    order, as a comprehension over the names gives it, written out once for the type (as
    ``dataclasses`` writes its ``__init__``) so that no field costs a ``getattr`` and a loop step.
    A text, number or ``None`` is kept as it is; anything else goes through :func:`to_plain`."""
    if not names:
        return lambda value: {}
    lines = [f"    v{i} = value.{name}" for i, name in enumerate(names)]
    items = ", ".join(
        f"{name!r}: v{i} if (t := type(v{i})) in plain"
        f" else e(v{i}) if (e := encoders.get(t)) is not None else to_plain(v{i})"
        for i, name in enumerate(names)
    )
    source = "def encode(value):\n" + "\n".join(lines) + f"\n    return {{{items}}}\n"
    scope: dict[str, Any] = {"plain": _PLAIN, "to_plain": to_plain, "encoders": _encoders}
    exec(source, scope)  # (the names are a dataclass's field names: identifiers)
    return typing.cast(Callable[[Any], Any], scope["encode"])


def from_plain(cls: type[T], data: Any, *, where: str = "") -> T:
    """Rebuild a dataclass from :func:`to_plain` output, failing with the field that is wrong."""
    return typing.cast(T, _converter(cls)(data, where or cls.__name__))


Converter = Callable[[Any, str], Any]
_converters: dict[Any, Converter] = {}
_pending: dict[Any, Converter] = {}
"""Converters being made by the thread that holds ``_building`` (threaded servers decode at once)."""
_building = threading.RLock()


def _converter(hint: Any) -> Converter:
    """The function that converts data to ``hint``, made once a hint: each kind of hint checks what
    it did when it was interpreted on every call, and says the same when data do not fit, but
    decoding many records (``audit verify`` folds every event) no longer finds again, for every
    value, what its type needs."""
    try:
        return _converters[hint]
    except KeyError:
        pass
    except TypeError:  # an unhashable hint: made each time
        return _compile(hint)
    with _building:
        found = _converters.get(hint) or _pending.get(hint)
        if found is not None:
            return found
        # Converters being made are kept apart until the outermost is whole: a type that holds
        # itself is first a stand-in, and no other thread may call one before it is filled in.
        outermost = not _pending
        made: list[Converter] = []
        _pending[hint] = lambda data, where: made[0](data, where)
        try:
            converter = _compile(hint)
        except BaseException:
            if outermost:
                _pending.clear()
            raise
        made.append(converter)
        _pending[hint] = converter
        if outermost:
            _converters.update(_pending)
            _pending.clear()
        return converter


def _compile(hint: Any) -> Converter:
    if hint is str or hint is bool:
        expected = _SCALARS[hint]

        def scalar(data: Any, where: str) -> Any:
            if not isinstance(data, hint):
                raise InvalidInput(where, expected, data)
            return data

        return scalar
    origin, args = _kind(hint)
    if origin in (typing.Union, types.UnionType):
        return _compile_union(args)
    if origin in (list, tuple, frozenset, set):
        return _compile_sequence(origin, args)
    if origin is dict:
        key_of, value_of = (_converter(a) for a in (args or (Any, Any)))

        def mapping(data: Any, where: str) -> Any:
            _expect(isinstance(data, dict), where, "an object", data)
            return {
                key_of(k, f"{where} key {k!r}"): value_of(v, f"{where}.{k}")
                for k, v in data.items()
            }

        return mapping
    if hint is list or hint is dict:
        plain = "a list" if hint is list else "an object"

        def bare(data: Any, where: str) -> Any:
            _expect(isinstance(data, hint), where, plain, data)
            return data

        return bare
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _compile_dataclass(hint)
    return _compile_leaf(hint)


def _compile_union(args: tuple[Any, ...]) -> Converter:
    none = type(None) in args
    options = [_converter(a) for a in args if a is not type(None)]
    if len(options) == 1:
        only = options[0]

        def optional(data: Any, where: str) -> Any:
            if data is None and none:
                return None
            return only(data, where)

        return optional
    names = " or ".join(getattr(a, "__name__", str(a)) for a in args)

    def union(data: Any, where: str) -> Any:
        if data is None and none:
            return None
        for option in options:
            try:
                return option(data, where)
            except InvalidInput:
                continue
        raise InvalidInput(where, names, data)

    return union


def _compile_sequence(origin: Any, args: tuple[Any, ...]) -> Converter:
    if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
        each = [_converter(a) for a in args]
        size = f"a list of {len(args)} items"

        def fixed(data: Any, where: str) -> Any:
            _expect(isinstance(data, list), where, "a list", data)
            _expect(len(data) == len(each), where, size, data)
            return tuple(
                c(item, f"{where}[{i}]") for i, (c, item) in enumerate(zip(each, data, strict=True))
            )

        return fixed
    item_of = _converter(args[0] if args else Any)

    def sequence(data: Any, where: str) -> Any:
        _expect(isinstance(data, list), where, "a list", data)
        items = [item_of(item, f"{where}[{i}]") for i, item in enumerate(data)]
        return items if origin is list else origin(items)

    return sequence


def _compile_dataclass(hint: type) -> Converter:
    plan = [
        (name, _converter(field_hint), has_default)
        for name, field_hint, has_default in _fields(hint)
    ]
    names = frozenset(name for name, _, _ in plan)
    listed = "only the fields " + ", ".join(sorted(names))

    def record(data: Any, where: str) -> Any:
        _expect(isinstance(data, dict), where, "an object", data)
        if not names.issuperset(data):
            raise InvalidInput(where, listed, sorted(set(data) - names))
        kwargs = {}
        for name, convert, has_default in plan:
            if name in data:
                kwargs[name] = convert(data[name], f"{where}.{name}")
            elif not has_default:
                raise InvalidInput(f"{where}.{name}", "a value", None)
        return hint(**kwargs)

    return record


def _compile_leaf(hint: Any) -> Converter:
    """Enums, dates and times, numbers, ``Any``; any other hint fails when data meet it."""
    if isinstance(hint, type) and issubclass(hint, Enum):
        kind = hint

        def member(data: Any, where: str) -> Any:
            try:
                return kind(data)
            except ValueError:
                raise InvalidInput(
                    where, "one of " + ", ".join(str(m.value) for m in kind), data
                ) from None

        return member
    if hint is datetime or hint is time or hint is date:
        return functools.partial(_moment, hint)
    if hint is int:

        def whole(data: Any, where: str) -> Any:
            _expect(
                isinstance(data, int) and not isinstance(data, bool), where, "a whole number", data
            )
            return data

        return whole
    if hint is float:

        def number(data: Any, where: str) -> Any:
            _expect(
                isinstance(data, int | float) and not isinstance(data, bool),
                where,
                "a number",
                data,
            )
            return float(data)

        return number
    if hint is Any:
        return lambda data, where: data

    def unknown(data: Any, where: str) -> Any:
        raise TypeError(f"{where}: cannot convert to {hint!r}")

    return unknown


def _moment(hint: Any, data: Any, where: str) -> Any:
    if hint is datetime:
        expected = "a date-time in ISO form"
    elif hint is time:
        expected = "a time in the form HH:MM"
    else:
        expected = "a date in the form YYYY-MM-DD"
    _expect(isinstance(data, str), where, expected, data)
    try:
        return hint.fromisoformat(data)
    except ValueError:
        raise InvalidInput(where, expected, data) from None


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


def _expect(ok: bool, where: str, expected: str, received: Any) -> None:
    if not ok:
        raise InvalidInput(where, expected, received)
