"""Personal data kept apart from the hash chain, so that it can be erased while the chain verifies.

A record field that holds personal data (a name, contact details, free text that may name people)
is declared with :data:`PERSONAL_DATA` as its metadata. When an event is sealed, each such value that is not empty is
moved out of the payload into a :class:`Datum` (the value with a random salt, held outside the
chain) and the payload keeps only a reference: the datum's id and a salted commitment, the SHA-256
of the id, salt and value. The chain hashes the reference, never the value. Reading a case resolves
each reference to its value, or, once the datum is erased, to :func:`placeholder`.

A changed value no longer matches its commitment; an erased one has no value left to check, and must
be named by a ``PersonalDataErased`` event of the same chain (:func:`check`).

>>> @dataclass(frozen=True)
... class Witness:
...     name: str = dataclasses.field(metadata=PERSONAL_DATA)
...     role: str = "witness"
>>> salts = iter(["00" * 16])
>>> payload, data = commit({"name": "Ann Example", "role": "witness"}, Witness, "1", lambda: next(salts))
>>> payload["name"]["personal_datum"], len(payload["name"]["commitment"])
('1/name', 64)
>>> payload["role"], resolve(payload, data)
('witness', {'name': 'Ann Example', 'role': 'witness'})
>>> resolve(payload, {"1/name": Datum("1/name", None, None, date(2033, 2, 1))})["name"]
'[erased under the retention schedule on 01/02/2033]'
>>> check(payload, data, erased=frozenset()) is None
True
>>> check(payload, {"1/name": Datum("1/name", "Ann Exampel", data["1/name"].salt)}, frozenset())
'personal datum 1/name does not match its commitment in the chain'
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from json.encoder import encode_basestring
from types import MappingProxyType
from typing import Any

PERSONAL = "personal"
"""The field metadata key that marks a field as personal data."""
PAYLOAD_OF = "payload_of"
"""The field metadata key of a dict holding another event's payload: names the field with its type."""
ID_KEY = "personal_datum"
COMMITMENT_KEY = "commitment"
PLACEHOLDER_START = "[erased under the retention schedule on "


PERSONAL_DATA: Mapping[str, Any] = MappingProxyType({PERSONAL: True})
"""The metadata of a dataclass field holding personal data, kept out of the chain when its event is
sealed: ``name: str = field(metadata=PERSONAL_DATA)``."""


def placeholder(erased_on: date) -> str:
    return f"{PLACEHOLDER_START}{erased_on:%d/%m/%Y}]"


def is_erased(value: str) -> bool:
    """Whether ``value`` is the placeholder of an erased datum (not a person's name or words)."""
    return value.startswith(PLACEHOLDER_START)


def commitment(datum_id: str, salt: str, value: str) -> str:
    """SHA-256 of ``json.dumps([datum_id, salt, value], ensure_ascii=False, separators=(",", ":"))``
    (three strings written as that call writes them, without making an encoder each time:
    ``audit verify`` checks every commitment)."""
    if type(datum_id) is str and type(salt) is str and type(value) is str:
        text = (
            f"[{encode_basestring(datum_id)},{encode_basestring(salt)},{encode_basestring(value)}]"
        )
    else:
        text = json.dumps([datum_id, salt, value], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def datum_commitment(datum: Datum) -> str | None:
    """The :func:`commitment` of a held datum's value (None once erased: nothing to commit to)."""
    if datum.value is None or datum.salt is None:
        return None
    return commitment(datum.id, datum.salt, datum.value)


@dataclass(frozen=True)
class Datum:
    """A personal value held outside the chain; ``value`` and ``salt`` are None once erased."""

    id: str
    value: str | None
    salt: str | None
    erased_on: date | None = None

    @property
    def erased(self) -> bool:
        return self.value is None

    def shown(self) -> str:
        if self.value is not None:
            return self.value
        return placeholder(self.erased_on or date.min)

    def as_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "salt": self.salt,
            "erased_on": self.erased_on.isoformat() if self.erased_on else None,
        }

    @classmethod
    def from_dict(cls, datum_id: str, data: Mapping[str, Any]) -> Datum:
        value, salt, erased_on = data.get("value"), data.get("salt"), data.get("erased_on")
        if value is None:
            if erased_on is None:
                raise ValueError(f"personal datum {datum_id}: neither a value nor an erasure date")
            return cls(datum_id, None, None, date.fromisoformat(str(erased_on)))
        if not isinstance(value, str) or not isinstance(salt, str):
            raise ValueError(f"personal datum {datum_id}: value and salt must be text")
        return cls(datum_id, value, salt)


def is_reference(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {ID_KEY, COMMITMENT_KEY}


def references(payload: Any) -> Iterator[tuple[str, str]]:
    """Every (datum id, commitment) a payload holds, at any depth."""
    if is_reference(payload):
        yield payload[ID_KEY], payload[COMMITMENT_KEY]
    elif isinstance(payload, dict):
        for v in payload.values():
            yield from references(v)
    elif isinstance(payload, list):
        for v in payload:
            yield from references(v)


def reference_ids(payload: Any) -> list[str]:
    """The datum id of every reference :func:`references` gives, in the same order (a list built in
    one walk, for the write path)."""
    out: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if len(value) == 2 and ID_KEY in value and COMMITMENT_KEY in value:
                out.append(value[ID_KEY])
                return
            for v in value.values():
                if isinstance(v, dict | list):
                    walk(v)
        elif isinstance(value, list):
            for v in value:
                if isinstance(v, dict | list):
                    walk(v)

    walk(payload)
    return out


def resolve(payload: Any, data: Mapping[str, Datum]) -> Any:
    """``payload`` with each reference replaced by its value (or the erasure placeholder). A
    reference with no datum raises ``KeyError`` naming it: the store has lost it."""
    if is_reference(payload):
        return data[payload[ID_KEY]].shown()
    if isinstance(payload, dict):
        return {k: resolve(v, data) for k, v in payload.items()}
    if isinstance(payload, list):
        return [resolve(v, data) for v in payload]
    return payload


def check(payload: Any, data: Mapping[str, Datum], erased: frozenset[str]) -> str | None:
    """The first reference of ``payload`` whose datum is missing, changed, or erased without an
    erasure in the chain (``erased``: the ids that erasure events name); None if all hold."""
    for datum_id, committed in references(payload):
        datum = data.get(datum_id)
        if datum is None:
            return f"personal datum {datum_id} is missing (neither held nor erased)"
        if datum.value is None or datum.salt is None:
            if datum_id not in erased:
                return f"personal datum {datum_id} is erased but no erasure in the chain names it"
        elif commitment(datum_id, datum.salt, datum.value) != committed:
            return f"personal datum {datum_id} does not match its commitment in the chain"
    return None


@functools.cache
def _plan(cls: type) -> tuple[tuple[str, Any, bool, str | None], ...]:
    """(name, resolved type hint, personal, field naming a nested payload's type) for each field of
    the dataclass ``cls``: resolving hints is slow, so once per type."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (f.name, hints[f.name], bool(f.metadata.get(PERSONAL)), f.metadata.get(PAYLOAD_OF))
        for f in dataclasses.fields(cls)
    )


@functools.cache
def _kind(hint: Any) -> tuple[Any, tuple[Any, ...]]:
    return typing.get_origin(hint), typing.get_args(hint)


@functools.cache
def _may_hold(hint: Any) -> bool:
    """Whether a value of ``hint`` may hold a personal field or another event's payload (else the
    walk leaves it as it is)."""
    seen: set[Any] = set()

    def holds(h: Any) -> bool:
        if h is Any:
            return True
        origin, args = _kind(h)
        if origin is not None:
            return any(holds(a) for a in args)
        if not (dataclasses.is_dataclass(h) and isinstance(h, type)) or h in seen:
            return False
        seen.add(h)
        return any(personal or nested or holds(t) for _, t, personal, nested in _plan(h))

    return holds(hint)


@functools.cache
def _walked(cls: type) -> tuple[tuple[str, Any, bool, str | None], ...]:
    """The fields of :func:`_plan` that may hold something personal (a personal field, another
    event's payload, or a record that holds one): the only ones :func:`commit` walks into."""
    return tuple(p for p in _plan(cls) if p[2] or p[3] or _may_hold(p[1]))


@functools.cache
def _is_record(hint: Any) -> bool:
    return dataclasses.is_dataclass(hint) and isinstance(hint, type)


def commit(
    payload: dict[str, Any],
    shape: Any,
    prefix: str,
    salt: Callable[[], str],
    types_by_name: Mapping[str, type] | None = None,
) -> tuple[dict[str, Any], dict[str, Datum]]:
    """``payload`` (the plain form of a record of type ``shape``) with its personal values replaced
    by references whose ids start with ``prefix``, and the data they refer to.

    The walk follows ``shape``: a record's fields that may hold something personal (a personal
    field, another event's payload, or a record or list that holds one) are walked into, the rest
    kept as they are; each text met in a personal field (or in a list or record under one) becomes a
    datum named by its dotted path. The walk of each type is made once (:func:`_walker`)."""
    sealing = _Sealing(prefix, salt, types_by_name)
    return _walker(shape, False)(payload, "", sealing), sealing.data


class _Sealing:
    """What one :func:`commit` carries through its walk: the ids' prefix, the salts, the data made so
    far and the event types a nested payload may name."""

    __slots__ = ("data", "prefix", "salt", "types")

    def __init__(
        self, prefix: str, salt: Callable[[], str], types: Mapping[str, type] | None
    ) -> None:
        self.prefix = prefix
        self.salt = salt
        self.types = types
        self.data: dict[str, Datum] = {}

    def datum(self, value: str, path: str) -> Any:
        """A non-empty text at ``path`` held apart as a datum, and the reference that replaces it."""
        if not value:
            return value
        datum_id = f"{self.prefix}/{path}"
        datum = Datum(datum_id, value, self.salt())
        self.data[datum_id] = datum
        assert datum.salt is not None
        return {ID_KEY: datum_id, COMMITMENT_KEY: commitment(datum_id, datum.salt, value)}


Walker = Callable[[Any, str, _Sealing], Any]
"""The walk of a value of one type (and whether it is under a personal field): the value, its
dotted path, the sealing under way."""

_walkers: dict[tuple[Any, bool], Walker] = {}


def _walker(hint: Any, mark: bool) -> Walker:
    """The walk of a value of ``hint`` (under a personal field if ``mark``), made once: what
    :func:`commit` does with it depends on the type, known before the value, and on the value's
    own kind (None, a text, a list, a dict), checked on every call as before."""
    try:
        return _walkers[(hint, mark)]
    except KeyError:
        made = _walkers[(hint, mark)] = _make_walker(hint, mark)
        return made
    except TypeError:  # an unhashable hint: made each time
        return _make_walker(hint, mark)


def _make_walker(hint: Any, mark: bool) -> Walker:
    if not mark and not _may_hold(hint):

        def keep(value: Any, path: str, sealing: _Sealing) -> Any:
            return value

        return keep
    origin, args = _kind(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        inner = _walker(options[0] if len(options) == 1 else Any, mark)

        def option(value: Any, path: str, sealing: _Sealing) -> Any:
            if value is None:
                return None
            if mark and isinstance(value, str):
                return sealing.datum(value, path)
            return inner(value, path, sealing)

        return option
    if origin in (tuple, list):
        item = _walker(args[0] if args else Any, mark)

        def items(value: Any, path: str, sealing: _Sealing) -> Any:
            if value is None:
                return None
            if mark and isinstance(value, str):
                return sealing.datum(value, path)
            if isinstance(value, list):
                return [item(v, f"{path}.{i}", sealing) for i, v in enumerate(value)]
            return value

        return items
    if _is_record(hint):
        return _record_walker(hint, mark)

    def leaf(value: Any, path: str, sealing: _Sealing) -> Any:
        if value is None:
            return None
        if mark and isinstance(value, str):
            return sealing.datum(value, path)
        return value

    return leaf


def _record_walker(hint: type, mark: bool) -> Walker:
    """The walk of a record of type ``hint``: its fields' walks are found at the first call (a
    record may hold itself, so not while this one is being made)."""
    plan: tuple[tuple[str, Walker, str | None], ...] | None = None

    def record(value: Any, path: str, sealing: _Sealing) -> Any:
        nonlocal plan
        if value is None:
            return None
        if mark and isinstance(value, str):
            return sealing.datum(value, path)
        if not isinstance(value, dict):
            return value
        if plan is None:
            plan = tuple(
                (name, _walker(field_hint, personal), nested)
                for name, field_hint, personal, nested in _walked(hint)
            )
        out = dict(value)
        for name, walk, nested in plan:
            if name not in value:
                continue  # (a field that can hold nothing personal is not walked: kept as it is)
            where = f"{path}.{name}" if path else name
            if nested and sealing.types and value.get(nested) in sealing.types:
                out[name] = _walker(sealing.types[value[nested]], False)(
                    value[name], where, sealing
                )
            else:
                out[name] = walk(value[name], where, sealing)
        return out

    return record


def personal_fields(shape: type) -> Iterator[str]:
    """The dotted paths of every personal field of a record type and the records it holds."""
    seen: set[type] = set()

    def walk(hint: Any, path: str) -> Iterator[str]:
        for arg in typing.get_args(hint):
            yield from walk(arg, path)
        if dataclasses.is_dataclass(hint) and isinstance(hint, type) and hint not in seen:
            seen.add(hint)
            hints = typing.get_type_hints(hint)
            for f in dataclasses.fields(hint):
                where = f"{path}.{f.name}" if path else f.name
                if f.metadata.get(PERSONAL):
                    yield where
                else:
                    yield from walk(hints[f.name], where)
            seen.discard(hint)

    return walk(shape, "")


_MARK = re.compile("\ue000(\\d+)\ue001")


def apart(value: Any, texts: Iterable[str]) -> tuple[Any, tuple[str, ...]]:
    """``value`` (JSON: dicts, lists, text) with every occurrence of each of ``texts`` (free text
    someone typed, which the structure's own sentences may quote) replaced by a numbered mark, and
    the texts the marks stand for: so the structure can go in the chain and the texts beside it.
    :func:`together` puts them back.

    >>> kept, notes = apart({"why": "Aggravating: planned (over weeks).", "n": 2}, ["over weeks"])
    >>> kept["why"].replace("\\ue000", "<").replace("\\ue001", ">"), notes
    ('Aggravating: planned (<0>).', ('over weeks',))
    >>> together(kept, notes)
    {'why': 'Aggravating: planned (over weeks).', 'n': 2}
    >>> together(kept, [placeholder(date(2033, 2, 1))])["why"]
    'Aggravating: planned ([erased under the retention schedule on 01/02/2033]).'
    """
    wanted = sorted({t for t in texts if t.strip()}, key=len, reverse=True)
    if not wanted:
        return value, ()
    # One pass over each string, longest text first, so a mark is never searched again (a short
    # note inside a longer one, or inside a mark, is left alone).
    pattern = re.compile("|".join(re.escape(t) for t in wanted))
    used: dict[str, int] = {}

    def mark(match: re.Match[str]) -> str:
        n = used.setdefault(match.group(0), len(used))
        return f"\ue000{n}\ue001"

    def walk(v: Any) -> Any:
        if isinstance(v, str):
            return pattern.sub(mark, v)
        if isinstance(v, dict):
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v

    kept = walk(value)
    return kept, tuple(sorted(used, key=used.__getitem__))


def together(value: Any, texts: Sequence[str]) -> Any:
    """``value`` with each mark of :func:`apart` replaced by its text (or by the placeholder that
    stands for it once erased)."""

    def walk(v: Any) -> Any:
        if isinstance(v, str):
            if "\ue000" not in v:
                return v
            return _MARK.sub(
                lambda m: texts[int(m.group(1))] if int(m.group(1)) < len(texts) else "", v
            )
        if isinstance(v, dict):
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v

    return walk(value)
