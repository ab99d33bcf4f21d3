"""The walks written out once a type (branch seed9: ``codec.to_plain``'s record encoders,
``personal.commit``'s walkers, ``dates.check_dates``' record checks) give exactly what the walks they
replaced gave, interpreted field by field on every call: the same plain values with their keys in
the same order, the same references, data and data order, and the same refusal of a date. The
walks as they were are kept here as the reference."""

from __future__ import annotations

import itertools
import json
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from enum import Enum
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from misconduct.domain import commands as cmd
from misconduct.domain import dates as dates_module
from misconduct.domain import events as ev
from misconduct.domain import personal as pd
from misconduct.domain.case import Case
from misconduct.domain.codec import to_plain
from misconduct.domain.dates import check_dates, dataclass_fields
from misconduct.errors import InvalidInput
from tests.domain.test_codec import ANY_EVENT, strategy_for

_PLAIN = frozenset((str, int, float, bool, type(None)))


def reference_to_plain(value: Any) -> Any:
    """``codec.to_plain`` as it was: each dataclass's fields read by name in a loop."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    names = dataclass_fields(kind)
    if names is not None:
        return {name: reference_to_plain(getattr(value, name)) for name in names}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(reference_to_plain(k)): reference_to_plain(v) for k, v in value.items()}
    if isinstance(value, frozenset | set):
        return sorted([reference_to_plain(v) for v in value])
    if isinstance(value, list | tuple):
        return [reference_to_plain(v) for v in value]
    return value


def reference_commit(
    payload: dict[str, Any],
    shape: Any,
    prefix: str,
    salt: Callable[[], str],
    types_by_name: Mapping[str, type] | None = None,
) -> tuple[dict[str, Any], dict[str, pd.Datum]]:
    """``personal.commit`` as it was: the type hints interpreted again at every value."""
    data: dict[str, pd.Datum] = {}

    def walk(hint: Any, value: Any, path: str, mark: bool) -> Any:
        if value is None:
            return None
        if mark and isinstance(value, str):
            if not value:
                return value
            datum_id = f"{prefix}/{path}"
            datum = pd.Datum(datum_id, value, salt())
            data[datum_id] = datum
            assert datum.salt is not None
            return {
                pd.ID_KEY: datum_id,
                pd.COMMITMENT_KEY: pd.commitment(datum_id, datum.salt, value),
            }
        if not mark and not pd._may_hold(hint):
            return value
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            options = [a for a in args if a is not type(None)]
            inner = options[0] if len(options) == 1 else Any
            return walk(inner, value, path, mark)
        if origin in (tuple, list) and isinstance(value, list):
            item = args[0] if args else Any
            return [walk(item, v, f"{path}.{i}", mark) for i, v in enumerate(value)]
        if pd._is_record(hint) and isinstance(value, dict):
            out = dict(value)
            for name, field_hint, personal, nested in pd._walked(hint):
                if name not in value:
                    continue
                where = f"{path}.{name}" if path else name
                if nested and types_by_name and value.get(nested) in types_by_name:
                    out[name] = walk(types_by_name[value[nested]], value[name], where, False)
                else:
                    out[name] = walk(field_hint, value[name], where, personal)
            return out
        return value

    return walk(shape, payload, "", False), data


def reference_check_dates(value: Any, *, today: date, name: str = "on") -> None:
    """``dates.check_dates`` as it was: each record's fields read by name in a loop."""
    kind = type(value)
    if kind in _PLAIN:
        return
    if isinstance(value, date):
        dates_module._check(name, value, today)
    elif (names := dataclass_fields(kind)) is not None:
        for field in names:
            item = getattr(value, field)
            if type(item) not in _PLAIN:
                reference_check_dates(item, today=today, name=field)
    elif isinstance(value, list | tuple | dict):
        # a list's items under the list's name, a mapping's under their keys
        pairs = value.items() if isinstance(value, dict) else ((name, item) for item in value)
        for key, item in pairs:
            reference_check_dates(item, today=today, name=str(key))


def ordered(value: Any) -> str:
    """The value as JSON with its keys in their order (so that the order is compared too)."""
    return json.dumps(value, ensure_ascii=False)


def salts() -> Callable[[], str]:
    counter = itertools.count()
    return lambda: f"{next(counter):032x}"


SLOW = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(ANY_EVENT)
def test_an_event_s_plain_form_is_the_field_by_field_one(event: ev.Event) -> None:
    assert ordered(to_plain(event)) == ordered(reference_to_plain(event))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategy_for(Case))
def test_a_case_state_s_plain_form_is_the_field_by_field_one(case: Case) -> None:
    assert ordered(to_plain(case)) == ordered(reference_to_plain(case))


@SLOW
@given(ANY_EVENT)
def test_an_event_is_sealed_as_the_interpreted_walk_sealed_it(event: ev.Event) -> None:
    payload = ev.event_payload(event)
    got, data = pd.commit(payload, type(event), "7", salts(), ev.EVENT_TYPES)
    want, reference = reference_commit(payload, type(event), "7", salts(), ev.EVENT_TYPES)
    assert ordered(got) == ordered(want)
    assert list(data.items()) == list(reference.items())


def test_a_correction_s_replacement_is_sealed_as_before() -> None:
    """A nested payload named by another field (``StepCorrected``), with personal values at two
    depths, a list of records and an empty text."""
    correction = ev.StepCorrected(
        date(2025, 3, 1),
        3,
        "Wrong witness named",
        "PartyAdded",
        date(2025, 2, 1),
        {"party": {"role": "witness", "name": "Ann Other", "contact": "", "detail": "x"}},
    )
    payload = ev.event_payload(correction)
    assert pd.commit(payload, ev.StepCorrected, "9", salts(), ev.EVENT_TYPES) == reference_commit(
        payload, ev.StepCorrected, "9", salts(), ev.EVENT_TYPES
    )


def _refusal(check: Callable[..., None], value: Any, today: date) -> str | None:
    try:
        check(value, today=today)
    except InvalidInput as refused:
        return str(refused)
    return None


@SLOW
@given(ANY_EVENT, st.dates(min_value=date(1960, 1, 1), max_value=date(2045, 12, 31)))
def test_dates_are_refused_as_the_field_by_field_walk_refused_them(
    event: ev.Event, today: date
) -> None:
    assert _refusal(check_dates, event, today) == _refusal(reference_check_dates, event, today)


COMMANDS = st.one_of(
    *(
        strategy_for(c)
        for c in vars(cmd).values()
        if isinstance(c, type) and c.__module__ == cmd.__name__ and dataclass_fields(c)
    )
)


@SLOW
@given(COMMANDS, st.dates(min_value=date(1960, 1, 1), max_value=date(2045, 12, 31)))
def test_a_command_s_dates_are_refused_as_before(command: Any, today: date) -> None:
    assert _refusal(check_dates, command, today) == _refusal(reference_check_dates, command, today)


@SLOW
@given(ANY_EVENT)
def test_an_event_s_label_is_the_one_every_test_of_describe_gives(
    event: ev.Event,
) -> None:
    """``events.describe`` labels a type it says nothing more of by its type's label, kept once a
    type: the same label as when every type goes through its tests one by one."""
    quick = ev.describe(event)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ev, "_DESCRIBED", tuple(ev.EVENT_TYPES.values()))
        patch.setattr(ev, "_generic_labels", {})
        assert ev.describe(event) == quick
