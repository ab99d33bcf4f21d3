"""Strict reading of the project's YAML data files: one place for keys, dates and citations.

Both the rules catalogue and the assessment's guidance data load through these helpers, so a
missing reference, an unknown key or a bad date fails the same way everywhere.

>>> load_citation({"instrument": "SI 2020/4", "provision": "reg 42", "status": "verified"}, "x")
Citation(instrument='SI 2020/4', provision='reg 42', status=<Status.VERIFIED: 'verified'>, note='')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from misconduct.errors import RuleDataError


class Status(StrEnum):
    """How far a citation was checked (DOMAIN.md §0 markers [V], [V-2], (unverified))."""

    VERIFIED = "verified"
    SECONDARY = "secondary"
    UNVERIFIED = "unverified"


@dataclass(frozen=True)
class Citation:
    instrument: str
    provision: str
    status: Status
    note: str = ""

    def __str__(self) -> str:
        return f"{self.instrument} {self.provision}".strip()

    def as_dict(self) -> dict[str, str]:
        return {
            "instrument": self.instrument,
            "provision": self.provision,
            "status": self.status._value_,
            "note": self.note,
        }


CITATION_KEYS = {"instrument", "provision", "status", "note"}


def read_yaml_list(path: Path) -> list[Any]:
    """A YAML file whose top level is a list; anything else (or bad YAML, or a bad date) fails."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, ValueError) as exc:
        raise RuleDataError(
            f"{path.name}: expected a date YYYY-MM-DD and valid YAML: {exc}"
        ) from None
    if not isinstance(data, list):
        raise RuleDataError(f"{path.name}: expected a list")
    return data


def check_keys(raw: Any, where: str, required: set[str], optional: set[str]) -> dict[str, Any]:
    """A mapping with every required key and no key outside required | optional."""
    if not isinstance(raw, dict):
        raise RuleDataError(f"{where}: expected a mapping, received {raw!r}")
    unknown = set(raw) - required - optional
    if unknown:
        raise RuleDataError(
            f"{where}: unknown keys {sorted(unknown)}; allowed {sorted(required | optional)}"
        )
    missing = required - set(raw)
    if missing:
        raise RuleDataError(f"{where}: missing {sorted(missing)} (every entry needs its reference)")
    return raw


def text(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RuleDataError(f"{where}.{key}: expected non-empty text, received {value!r}")
    return " ".join(value.split())


def status(value: Any, where: str) -> Status:
    try:
        return Status(value)
    except ValueError:
        raise RuleDataError(
            f"{where}.status: expected verified, secondary or unverified, received {value!r}"
        ) from None


def citation_from(raw: dict[str, Any], where: str) -> Citation:
    """The citation carried by an entry's own instrument/provision/status/note keys."""
    return Citation(
        text(raw, "instrument", where),
        text(raw, "provision", where),
        status(raw.get("status"), where),
        " ".join(str(raw.get("note") or "").split()),
    )


def load_citation(raw: Any, where: str) -> Citation:
    """A ``reference`` mapping as a :class:`Citation`; every entry must say where it comes from."""
    if not isinstance(raw, dict):
        raise RuleDataError(
            f"{where}: missing reference (a mapping of instrument, provision, status)"
        )
    check_keys(raw, where, CITATION_KEYS - {"note"}, {"note"})
    return citation_from(raw, where)


def parse_date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise RuleDataError(f"{where}: expected a date YYYY-MM-DD, received {value!r}")
