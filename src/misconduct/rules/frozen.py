"""Building frozen dataclasses quickly where a hot path builds one for every answer.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__`` from Python, one call
a field; for a class without ``__post_init__`` and without ``__slots__`` the same instance (equal,
hashed, printed and immutable as before) can be made with its fields set in one step, by a function
compiled once a class (as ``dataclasses`` compiles ``__init__``) that takes one parameter a field.

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
    # a function with one parameter a field (so a wrong number of values is refused by the call),
    # made once a class as dataclasses makes __init__: no count, zip or loop on each call
    return _compile(
        cls,
        names,
        "_fz_obj = _fz_new(_fz_cls)\n    _fz_set_dict(_fz_obj, '__dict__', {"
        + ", ".join(f"{n!r}: {n}" for n in names)
        + "})",
        {"_fz_new": object.__new__, "_fz_cls": cls, "_fz_set_dict": object.__setattr__},
    )


def slots_builder(cls: type[T]) -> Callable[..., T]:
    """``builder`` for a frozen dataclass with ``__slots__`` (and without ``__post_init__``).

    The instance is made as one of a plain class with the same slots (its twin, made once), whose
    slots are set by ordinary assignment, and then given ``cls`` as its class (Python allows this
    between classes of the same layout): the same object the dataclass's ``__init__`` makes, without
    its call to ``object.__setattr__`` for each field (or the call to each slot's descriptor this
    builder made before, which cost about three times as much)."""
    if hasattr(cls, "__post_init__") or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__}: only for a dataclass with __slots__ and no __post_init__")
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    twin = _twin(cls, names)
    return _compile(
        cls,
        names,
        "_fz_obj = _fz_new(_fz_twin)"
        + "".join(f"\n    _fz_obj.{n} = {n}" for n in names)
        + "\n    _fz_obj.__class__ = _fz_cls",
        {"_fz_new": object.__new__, "_fz_twin": twin, "_fz_cls": cls},
    )


def _twin(cls: type[Any], names: tuple[str, ...]) -> type[Any]:
    """A plain class with the slots of ``cls`` (exactly its fields, in order, on ``object``), checked
    once to take ``cls`` as its class; a class that cannot is refused."""
    if cls.__bases__ != (object,) or tuple(cls.__dict__["__slots__"]) != names:
        raise TypeError(f"{cls.__name__}: its slots must be exactly its fields, on object")
    twin = type(f"_{cls.__name__}Twin", (), {"__slots__": names, "__module__": cls.__module__})
    probe: Any = object.__new__(twin)
    try:
        probe.__class__ = cls
    except TypeError as exc:  # pragma: no cover - a layout Python refuses to share
        raise TypeError(f"{cls.__name__}: no plain class shares its layout ({exc})") from None
    return twin


def _compile(
    cls: type[T], names: tuple[str, ...], body: str, env: dict[str, Any]
) -> Callable[..., T]:
    """``def build(<names>): <body>; return obj``, compiled once with ``env`` as its globals (the
    names are a dataclass's field names, so valid identifiers)."""
    if not all(n.isidentifier() and not n.startswith("_fz_") for n in names):
        raise TypeError(f"{cls.__name__}: field names must be identifiers not starting with _fz_")
    source = f"def build({', '.join(names)}):\n    {body}\n    return _fz_obj\n"
    exec(source, env)  # the source is built from the class's own field names only
    build: Callable[..., T] = env["build"]
    build.__name__ = build.__qualname__ = f"build_{cls.__name__}"
    return build
