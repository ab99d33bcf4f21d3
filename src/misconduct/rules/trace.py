"""The trace: every provision and parameter a rule used (or found not in force), with its reference.

A trace is built as a rule runs and returned with its answer, so that a decision can show exactly which
versions of which provisions, with which values, led to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from misconduct.rules.catalogue import ProvisionVersion
from misconduct.rules.frozen import slots_builder


@dataclass(frozen=True, slots=True)
class TraceEntry:
    provision_id: str
    title: str
    applied: bool
    conclusion: str
    on: date
    version: ProvisionVersion | None
    inputs: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        v = self.version
        return {
            "provision": self.provision_id,
            "title": self.title,
            "applied": self.applied,
            "conclusion": self.conclusion,
            "date_used": self.on.isoformat(),
            "version": None
            if v is None
            else {
                "in_force_from": v.in_force_from.isoformat(),
                "in_force_until": v.in_force_until.isoformat() if v.in_force_until else None,
            },
            "citation": None if v is None else v.citation.as_dict(),
            "parameters": {} if v is None else _plain(dict(v.parameters)),
            "inputs": _plain(self.inputs),
        }


# Trace.record builds several entries for every rules answer. The frozen dataclass's __init__ sets
# each field through object.__setattr__ from Python; this builds the same object (equal and
# immutable as before) with its slots set by ordinary assignment (misconduct.rules.frozen).
if tuple(f.name for f in fields(TraceEntry)) != (
    "provision_id",
    "title",
    "applied",
    "conclusion",
    "on",
    "version",
    "inputs",
):  # pragma: no cover - a guard for whoever adds a field
    raise AssertionError("TraceEntry's fields changed: update _entry's callers")

_entry: Callable[
    [str, str, bool, str, date, ProvisionVersion | None, dict[str, Any]], TraceEntry
] = slots_builder(TraceEntry)
"""``TraceEntry(...)`` for the rules' own calls, without the dataclass __init__'s overhead."""


def _entries_at(
    parts: tuple[tuple[str, str, bool, str, ProvisionVersion | None, dict[str, Any]], ...],
    days: tuple[date, ...],
) -> list[TraceEntry]:
    """``[_entry(pid, title, applied, conclusion, day, version, inputs) for ...]`` for a template's
    entries (``parts``) read at ``days`` (one a part), in one call: the answers built from a
    template make several entries each."""
    entry = _entry
    return [
        entry(pid, title, applied, conclusion, day, version, inputs)
        for (pid, title, applied, conclusion, version, inputs), day in zip(parts, days, strict=True)
    ]


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "value") and isinstance(value.value, str):
        return value.value
    return value


@dataclass
class Trace:
    entries: list[TraceEntry] = field(default_factory=list)

    def record(
        self,
        version: ProvisionVersion,
        conclusion: str,
        *,
        on: date,
        applied: bool = True,
        **inputs: Any,
    ) -> ProvisionVersion:
        self.entries.append(
            _entry(version.provision_id, version.title, applied, conclusion, on, version, inputs)
        )
        return version

    def add(
        self,
        version: ProvisionVersion,
        conclusion: str,
        on: date,
        applied: bool,
        inputs: dict[str, Any],
    ) -> None:
        """``record`` with the inputs as a dict the caller gives up (no keyword re-packing)."""
        self.entries.append(
            _entry(version.provision_id, version.title, applied, conclusion, on, version, inputs)
        )

    def record_not_in_force(self, provision_id: str, title: str, on: date, why: str) -> None:
        self.entries.append(_entry(provision_id, title, False, why, on, None, {}))

    def extend(self, other: Trace) -> None:
        self.entries.extend(other.entries)

    @property
    def provision_ids(self) -> set[str]:
        return {e.provision_id for e in self.entries}

    def as_list(self) -> list[dict[str, Any]]:
        return [e.as_dict() for e in self.entries]
