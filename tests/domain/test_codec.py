"""Every event survives the trip to plain JSON and back, whatever its fields hold."""

from __future__ import annotations

import dataclasses
import json
import threading
import time as time_module
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from misconduct.domain import codec
from misconduct.domain import events as ev
from misconduct.domain.case import Case
from misconduct.domain.codec import from_plain, to_plain
from misconduct.domain.events import event_from_payload, event_payload
from misconduct.domain.records import OutcomeDecision
from misconduct.errors import InvalidInput, MisconductError
from misconduct.rules.vocabulary import Finding, Outcome

# Text a person could type: at least one visible character, since records refuse blank names.
TEXT = st.text(min_size=1, max_size=12).filter(lambda s: s.strip() != "")
JSON_SCALARS = st.none() | st.booleans() | st.integers(-(10**6), 10**6) | TEXT
JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)


def _built(cls: type[Any], kwargs: dict[str, Any]) -> Any:
    """The record, or None when its own checks refuse the generated values (e.g. a date order)."""
    try:
        return cls(**kwargs)
    except MisconductError:
        return None


def strategy_for(hint: Any) -> st.SearchStrategy[Any]:
    """Values of ``hint``, built from the same type hints the codec reads."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(st.none() if a is type(None) else strategy_for(a) for a in args))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(strategy_for(args[0]), max_size=3).map(tuple)
        return st.tuples(*(strategy_for(a) for a in args))
    if origin is list:
        return st.lists(strategy_for(args[0]), max_size=3)
    if origin is frozenset:
        return st.frozensets(strategy_for(args[0]), max_size=3)
    if origin is dict:
        return st.dictionaries(strategy_for(args[0]), strategy_for(args[1]), max_size=3)
    if hint is Any:
        return JSON
    if isinstance(hint, type) and issubclass(hint, Enum):
        return st.sampled_from(list(hint))
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(-(10**6), 10**6)
    if hint is str:
        return TEXT
    if hint is datetime:
        return st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1))
    if hint is time:
        return st.times()
    if hint is date:
        return st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hints = typing.get_type_hints(hint)
        fields = {f.name: strategy_for(hints[f.name]) for f in dataclasses.fields(hint) if f.init}
        return (
            st.fixed_dictionaries(fields)
            .map(lambda kw: _built(hint, kw))
            .filter(lambda v: v is not None)
        )
    raise TypeError(f"no strategy for {hint!r}")


ANY_EVENT = st.one_of(*(strategy_for(cls) for cls in ev.EVENT_TYPES.values()))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_EVENT)
def test_every_event_rebuilds_from_its_stored_payload(event: ev.Event) -> None:
    stored = json.loads(json.dumps(event_payload(event)))  # exactly what the database keeps
    assert event_from_payload(event.type, stored, event.on) == event


@pytest.mark.parametrize("cls", list(ev.EVENT_TYPES.values()), ids=list(ev.EVENT_TYPES))
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_each_event_type_round_trips(cls: type[ev.Event], data: st.DataObject) -> None:
    event = data.draw(strategy_for(cls))
    assert type(event) is cls
    stored = json.loads(json.dumps(event_payload(event)))
    assert event_from_payload(event.type, stored, event.on) == event


def test_a_decision_with_its_assessment_trace_replays() -> None:
    trace = [{"provision": "reg42", "applied": True, "citation": {"status": "verified"}}]
    decision = OutcomeDecision(
        "metropolitan:1",
        Outcome.FINAL_WRITTEN_WARNING,
        "Chair",
        assessment={"trace": trace, "stages": []},
        assessment_trace=trace,
        assessment_rules_version="2025.1",
    )
    event = ev.OutcomeDecided(date(2025, 5, 14), decision, "gross_misconduct", "2020", ())
    assert event_from_payload(event.type, event_payload(event), event.on) == event


@dataclass(frozen=True)
class Shapes:
    ids: list[str]
    pair: tuple[Finding, date]
    by_finding: dict[Finding, int]
    either: int | str
    maybe: list[Finding] | None = None


def test_nested_and_keyed_shapes_convert_both_ways() -> None:
    value = Shapes(
        ["a"], (Finding.MISCONDUCT, date(2025, 1, 2)), {Finding.GROSS_MISCONDUCT: 2}, "x", []
    )
    plain = to_plain(value)
    assert plain["by_finding"] == {"gross_misconduct": 2}
    assert from_plain(Shapes, plain) == value


def test_a_wrong_value_names_the_field_and_item() -> None:
    with pytest.raises(InvalidInput, match=r"Shapes\.pair\[0\]"):
        from_plain(
            Shapes,
            {"ids": [], "pair": ["bad", "2025-01-02"], "by_finding": {}, "either": 1},
        )
    with pytest.raises(InvalidInput, match="a list of 2 items"):
        from_plain(Shapes, {"ids": [], "pair": ["misconduct"], "by_finding": {}, "either": 1})
    with pytest.raises(InvalidInput, match="int or str"):
        from_plain(
            Shapes,
            {"ids": [], "pair": ["misconduct", "2025-01-02"], "by_finding": {}, "either": 1.5},
        )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategy_for(Case))
def test_any_case_state_rebuilds_from_its_stored_json(case: Case) -> None:
    stored = json.loads(json.dumps(to_plain(case)))  # what the repository keeps as the case's state
    assert from_plain(Case, stored) == case


@dataclass(frozen=True)
class _Node:
    """A type that holds itself, as the case's records do (a stand-in while its converter is made)."""

    label: str
    children: tuple[_Node, ...] = ()
    note: _Leaf | None = None


@dataclass(frozen=True)
class _Leaf:
    text: str
    parent: _Node | None = None


def test_threads_decoding_at_once_while_the_converters_are_made_never_see_a_stand_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A threaded server decodes cases in several threads at once: none may call the stand-in for a
    type that holds itself before its converter is made (it failed with an IndexError, a 500). The
    making is slowed down so that the threads meet while it is under way."""
    compile_slowly = codec._compile

    def slow(hint: Any) -> codec.Converter:
        time_module.sleep(0.002)
        return compile_slowly(hint)

    monkeypatch.setattr(codec, "_compile", slow)
    data = codec.to_plain(
        _Node("a", (_Node("b", note=_Leaf("x", _Node("c"))),), _Leaf("y", _Node("d")))
    )
    failures: list[BaseException] = []

    def decode(start: threading.Barrier) -> None:
        start.wait()
        try:
            node = codec.from_plain(_Node, data)
            assert node.children[0].note is not None and node.children[0].note.parent is not None
            assert node.children[0].note.parent.label == "c"
        except BaseException as error:  # collected for the assertion below
            failures.append(error)

    for _ in range(5):
        for hint in [h for h in codec._converters if "_Node" in str(h) or "_Leaf" in str(h)]:
            del codec._converters[hint]
        start = threading.Barrier(6)
        threads = [threading.Thread(target=decode, args=(start,)) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert failures == []
