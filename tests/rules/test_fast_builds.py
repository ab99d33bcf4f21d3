"""The fast builds of frozen objects give the same objects as their constructors, with the same
checks, and refuse what they cannot build the same way."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

import pytest

from misconduct.errors import InvalidInput
from misconduct.rules.catalogue import default_catalogue
from misconduct.rules.frozen import builder, slots_builder
from misconduct.rules.outcomes import OutcomeQuestion, question
from misconduct.rules.trace import Trace, TraceEntry
from misconduct.rules.vocabulary import Finding, Forum, Rank


@dataclass(frozen=True)
class _Pair:
    left: int
    right: tuple[str, ...] = ()


def test_builder_gives_the_constructors_object() -> None:
    make = builder(_Pair)
    built = make(1, ("a",))
    assert built == _Pair(1, ("a",))
    assert hash(built) == hash(_Pair(1, ("a",)))
    assert repr(built) == repr(_Pair(1, ("a",)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.left = 2  # type: ignore[misc]


def test_builder_refuses_a_wrong_count_and_classes_it_cannot_build() -> None:
    make = builder(_Pair)
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'right'"):
        make(1)
    with pytest.raises(TypeError, match="takes 2 positional arguments but 3 were given"):
        make(1, (), 3)

    @dataclass(frozen=True)
    class Checked:
        x: int

        def __post_init__(self) -> None:
            pass

    @dataclass(frozen=True, slots=True)
    class Slotted:
        x: int

    for cls in (Checked, Slotted):
        with pytest.raises(TypeError, match="only for a dataclass"):
            builder(cls)


def _fields(**overrides: object) -> dict[str, object]:
    values: dict[str, object] = {
        "forum": Forum.MISCONDUCT_HEARING,
        "finding": Finding.MISCONDUCT,
        "came_to_attention": date(2024, 3, 1),
        "severity_assessment_on": date(2024, 3, 11),
        "decided_on": date(2024, 9, 1),
        "rank": Rank.SERGEANT,
        "former_officer": False,
        "fww_in_force": True,
        "ww_in_force": True,
        "previously_reduced_in_rank": False,
        "unconnected_incidents": False,
        "convicted_indictable_only": False,
        "linked_to_pre_commencement_allegation": False,
    }
    values.update(overrides)
    return values


def test_question_is_the_constructors_question() -> None:
    fast, slow = question(**_fields()), OutcomeQuestion(**_fields())  # type: ignore[arg-type]
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert fast.ww_in_force is False  # the constructor's own normalisation ran
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.rank = Rank.CONSTABLE  # type: ignore[misc]


def test_question_makes_the_constructors_checks() -> None:
    bad = _fields(severity_assessment_on=date(2024, 2, 1))
    with pytest.raises(InvalidInput) as slow:
        OutcomeQuestion(**bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as fast:
        question(**bad)  # type: ignore[arg-type]
    assert str(fast.value) == str(slow.value)


def test_trace_entries_are_the_dataclass_entries() -> None:
    on = date(2024, 1, 1)
    version = default_catalogue().version("reg42_9a_written_warning_period", on)
    trace = Trace()
    trace.record(version, "written warning", on=on, forum=Forum.MISCONDUCT_MEETING)
    trace.add(version, "written warning", on, True, {"forum": Forum.MISCONDUCT_MEETING})
    trace.record_not_in_force("x", "X", on, "not in force")
    expected = TraceEntry(
        version.provision_id,
        version.title,
        True,
        "written warning",
        on,
        version,
        {"forum": Forum.MISCONDUCT_MEETING},
    )
    assert trace.entries[0] == expected == trace.entries[1]
    assert trace.entries[2] == TraceEntry("x", "X", False, "not in force", on, None, {})
    assert [e.as_dict() for e in trace.entries[:2]] == [expected.as_dict()] * 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        trace.entries[0].applied = False  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class _SlottedPair:
    left: int
    right: tuple[str, ...] = ()


def test_slots_builder_gives_the_constructors_object_of_its_class() -> None:
    make = slots_builder(_SlottedPair)
    built = make(1, ("a",))
    assert type(built) is _SlottedPair
    assert built == _SlottedPair(1, ("a",)) and hash(built) == hash(_SlottedPair(1, ("a",)))
    assert repr(built) == repr(_SlottedPair(1, ("a",)))
    assert not hasattr(built, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.left = 2  # type: ignore[misc]
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'right'"):
        make(1)


def test_slots_builder_refuses_a_class_whose_slots_are_not_its_own_fields() -> None:
    @dataclass(frozen=True, slots=True)
    class Base:
        x: int

    @dataclass(frozen=True, slots=True)
    class Derived(Base):
        y: int

    with pytest.raises(TypeError, match="its slots must be exactly its fields"):
        slots_builder(Derived)
    with pytest.raises(TypeError, match="only for a dataclass with __slots__"):
        slots_builder(_Pair)
