"""Generated cases for the benchmarks: the demo cases copied under new references and officers.

Every copy keeps its demo case's events and dates, so the copies of the canonical case and the
other published demo cases are published outcomes, and the rest sit at their demo stages.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from misconduct.domain.commands import Command
from misconduct.services.demo import DemoCase, demo_cases


def _renamed(value: Any, names: dict[str, str]) -> Any:
    """``value`` with every string that is a key of ``names`` replaced, through dataclasses."""
    if isinstance(value, str):
        return names.get(value, value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _renamed(getattr(value, f.name), names)
            for f in dataclasses.fields(value)
            if f.init
        }
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(_renamed(v, names) for v in value)
    if isinstance(value, list):
        return [_renamed(v, names) for v in value]
    if isinstance(value, dict):
        return {_renamed(k, names): _renamed(v, names) for k, v in value.items()}
    return value


def copy_of(demo: DemoCase, n: int) -> tuple[Command, tuple[Command, ...]]:
    """The ``n``th copy of ``demo``: a new reference, officer ids and warrant numbers."""
    names = {demo.ref: f"{demo.ref}-B{n:05d}"}
    for o in demo.opening.details.officers:
        number = f"9{n:05d}{o.warrant_number}"
        names[o.officer_id] = f"{o.force}:{number}"
        names[o.warrant_number] = number
    return _renamed(demo.opening, names), tuple(_renamed(s, names) for s in demo.steps)


def generated_cases(
    n: int, *, published_only: bool = False
) -> list[tuple[Command, tuple[Command, ...]]]:
    """``n`` cases cycling through the demo cases (only those ending published, if asked)."""
    demos = demo_cases()
    if published_only:
        demos = [d for d in demos if any(type(s).__name__ == "PublishOutcome" for s in d.steps)]
    return [copy_of(demos[i % len(demos)], i) for i in range(n)]
