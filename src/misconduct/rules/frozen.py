"""Building frozen dataclasses quickly where a hot path builds one for every answer.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__`` from Python, one call
a field; for a class without ``__post_init__`` and without ``__slots__`` the same instance (equal,
hashed, printed and immutable as before) can be made with its fields set in one step.

>>> from dataclasses import dataclass
>>> @dataclass(frozen=True)
... class P:
...     x: int
...     y: str = "b"
>>> make = builder(P)
>>> make(1, "a") == P(1, "a")
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")


def builder(cls: type[T]) -> Callable[..., T]:
    """A function taking every field of ``cls`` positionally, in order (defaults included), and
    returning the instance ``cls(*values)`` would; it refuses a wrong number of values."""
    if hasattr(cls, "__post_init__") or "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__}: only for a dataclass without __post_init__ or __slots__")
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    count = len(names)
    new = object.__new__

    def build(*values: Any) -> T:
        if len(values) != count:
            raise TypeError(f"{cls.__name__} takes {count} values, received {len(values)}")
        obj: T = new(cls)
        obj.__dict__.update(zip(names, values, strict=True))
        return obj

    build.__name__ = f"build_{cls.__name__}"
    return build


def slots_builder(cls: type[T]) -> Callable[..., T]:
    """``builder`` for a frozen dataclass with ``__slots__`` (and without ``__post_init__``): each
    slot is set through its own descriptor, as the dataclass's ``__init__`` does through
    ``object.__setattr__``, without the per-field lookups."""
    if hasattr(cls, "__post_init__") or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__}: only for a dataclass with __slots__ and no __post_init__")
    setters = tuple(getattr(cls, f.name).__set__ for f in fields(cls))  # type: ignore[arg-type]
    count = len(setters)
    new = object.__new__

    def build(*values: Any) -> T:
        if len(values) != count:
            raise TypeError(f"{cls.__name__} takes {count} values, received {len(values)}")
        obj: T = new(cls)
        for set_slot, value in zip(setters, values, strict=True):
            set_slot(obj, value)
        return obj

    build.__name__ = f"build_{cls.__name__}"
    return build
