"""The catalogue of provisions: dated versions, each with its citation, status and parameters.

Provisions live in YAML files under ``parameters/``. Each version says when it is in force, which
instrument and paragraph it comes from, and whether that source was verified. Numbers and lists
(periods, time limits, the standards) are the version's ``parameters``, so every value carries the
reference of the version it belongs to. Loading fails loudly on an unknown key, a bad date, a
missing citation or an overlapping version.

>>> cat = default_catalogue()
>>> v = cat.version("reg42_9a_written_warning_period", date(2024, 1, 1))
>>> v.parameters["months"], str(v.citation)
(18, 'SI 2020/4 reg 42(9)(a)')
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from misconduct.errors import NotModelled, RuleDataError
from misconduct.rules.datafile import (
    Citation,
    check_keys,
    citation_from,
    parse_date,
    read_yaml_list,
    text,
)

PARAMETER_DIR = Path(__file__).parent / "parameters"


class DateBasis(StrEnum):
    """Which date of a case selects the version of a provision."""

    REGIME = (
        "regime"  # the date the allegation came to attention, as adjusted by transitional rules
    )
    SEVERITY_ASSESSMENT = "severity_assessment"
    HEARING = "hearing"
    DECISION = "decision"
    TRIGGER = "trigger"  # the event a time limit runs from
    ON = "on"  # the date asked about (standards, calendar)
    # the date notice of referral was given (reg 30(1) or 51(1))
    REFERRAL_NOTICE = "referral_notice"


@dataclass(frozen=True)
class ProvisionVersion:
    provision_id: str
    title: str
    in_force_from: date
    in_force_until: date | None
    citation: Citation
    summary: str
    parameters: Mapping[str, Any] = field(default_factory=dict)
    quote: str = ""
    """The regulation's own words the version rests on (Crown copyright, Open Government Licence v3.0)."""

    def in_force(self, on: date) -> bool:
        return self.in_force_from <= on and (
            self.in_force_until is None or on <= self.in_force_until
        )

    @property
    def label(self) -> str:
        until = self.in_force_until.isoformat() if self.in_force_until else "…"
        return f"{self.provision_id}@{self.in_force_from.isoformat()}–{until}"


@dataclass(frozen=True)
class Provision:
    id: str
    title: str
    date_basis: DateBasis
    source_file: str
    versions: tuple[ProvisionVersion, ...]

    def version_on(self, on: date) -> ProvisionVersion | None:
        # ProvisionVersion.in_force, inlined: the rules ask this many times an assessment.
        for version in self.versions:
            until = version.in_force_until
            if version.in_force_from <= on and (until is None or on <= until):
                return version
        return None

    @property
    def boundaries(self) -> list[date]:
        """Dates where the law changes for this provision (start of each version, day after each end)."""
        out: set[date] = set()
        for v in self.versions:
            out.add(v.in_force_from)
            if v.in_force_until is not None:
                out.add(date.fromordinal(v.in_force_until.toordinal() + 1))
        return sorted(out)


@dataclass(frozen=True, eq=False)
class Catalogue:
    """Compared and hashed by identity, so that per-catalogue lookups can be cached."""

    provisions: Mapping[str, Provision]

    def __iter__(self) -> Iterator[Provision]:
        return iter(self.provisions.values())

    def __len__(self) -> int:
        return len(self.provisions)

    def get(self, provision_id: str) -> Provision:
        try:
            return self.provisions[provision_id]
        except KeyError:
            raise RuleDataError(f"unknown provision {provision_id!r}") from None

    def version(self, provision_id: str, on: date) -> ProvisionVersion:
        """The version in force on a date, or NotModelled naming the dates that are modelled."""
        provision = self.provisions.get(provision_id) or self.get(provision_id)
        found = provision.version_on(on)
        if found is None:
            spans = ", ".join(
                f"{v.in_force_from.isoformat()} to {v.in_force_until or 'date'}"
                for v in provision.versions
            )
            raise NotModelled(
                f"{provision.title} ({provision_id}) is not modelled on {on.isoformat()}; "
                f"modelled: {spans}",
                provision_id=provision_id,
                field=provision.date_basis.value,
                expected=spans,
                received=on.isoformat(),
            )
        return found

    def version_or_none(self, provision_id: str, on: date) -> ProvisionVersion | None:
        provision = self.provisions.get(provision_id) or self.get(provision_id)
        return provision.version_on(on)


_PROVISION_KEYS = {"id", "title", "date_basis", "versions"}
_VERSION_KEYS = {
    "from",
    "until",
    "instrument",
    "provision",
    "status",
    "note",
    "summary",
    "parameters",
    "quote",
}
_VERSION_REQUIRED = {"from", "instrument", "provision", "status", "summary"}


def _load_version(pid: str, title: str, raw: Any, where: str) -> ProvisionVersion:
    check_keys(raw, where, _VERSION_REQUIRED, _VERSION_KEYS - _VERSION_REQUIRED)
    summary = text(raw, "summary", where)
    start = parse_date(raw["from"], f"{where}.from")
    until = parse_date(raw["until"], f"{where}.until") if raw.get("until") is not None else None
    if until is not None and until < start:
        raise RuleDataError(f"{where}: until {until} is before from {start}")
    params = raw.get("parameters") or {}
    if not isinstance(params, dict):
        raise RuleDataError(f"{where}.parameters: expected a mapping, received {params!r}")
    return ProvisionVersion(
        provision_id=pid,
        title=title,
        in_force_from=start,
        in_force_until=until,
        citation=citation_from(raw, where),
        summary=summary,
        parameters=params,
        quote=" ".join(str(raw.get("quote") or "").split()),
    )


def load_catalogue(directory: Path = PARAMETER_DIR) -> Catalogue:
    """Load every ``*.yaml`` file in a directory into one catalogue, validating as it goes."""
    provisions: dict[str, Provision] = {}
    for path in sorted(directory.glob("*.yaml")):
        data = read_yaml_list(path)
        for i, raw in enumerate(data):
            where = f"{path.name}[{i}]"
            check_keys(raw, where, _PROVISION_KEYS, set())
            pid = raw["id"]
            if pid in provisions:
                raise RuleDataError(f"{where}: duplicate provision id {pid!r}")
            try:
                basis = DateBasis(raw["date_basis"])
            except ValueError:
                raise RuleDataError(
                    f"{where}.date_basis: expected one of {[b.value for b in DateBasis]}, "
                    f"received {raw['date_basis']!r}"
                ) from None
            if not isinstance(raw["versions"], list) or not raw["versions"]:
                raise RuleDataError(f"{where}.versions: expected a non-empty list")
            versions = tuple(
                _load_version(pid, raw["title"], v, f"{where}({pid}).versions[{j}]")
                for j, v in enumerate(raw["versions"])
            )
            ordered = sorted(versions, key=lambda v: v.in_force_from)
            for a, b in itertools.pairwise(ordered):
                if a.in_force_until is None or a.in_force_until >= b.in_force_from:
                    raise RuleDataError(f"{where}({pid}): versions overlap at {b.in_force_from}")
            provisions[pid] = Provision(pid, raw["title"], basis, path.name, tuple(ordered))
    return Catalogue(provisions)


@cache
def default_catalogue() -> Catalogue:
    return load_catalogue()


def catalogue_or_default(catalogue: Catalogue | None) -> Catalogue:
    """``catalogue or default_catalogue()`` without calling ``len()`` (the rules ask this often)."""
    return catalogue if catalogue is not None and catalogue.provisions else default_catalogue()


@cache
def rules_version(directory: Path = PARAMETER_DIR) -> str:
    """A fingerprint of the rule data: stored with every decision and event that used the rules."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"rules-{digest.hexdigest()[:12]}"
