"""The numbers behind the engine's reading of the College of Policing guidance, loaded from data.

``parameters/guidance.yaml`` holds the culpability × harm matrix, the adjustment for aggravating and
mitigating factors, the seriousness labels, the band of seriousness each outcome suits, the weight of
personal mitigation and the suggested final-written-warning periods, each block with its reference.

>>> g = default_guidance()
>>> g.cell(Level.HIGH, Level.LOW), g.label(4)
(4, 'serious')
>>> g.bands[Outcome.FINAL_WRITTEN_WARNING].contains(4)
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from misconduct.assessment.factors import PARAMETER_DIR, Level
from misconduct.errors import RuleDataError
from misconduct.rules.datafile import Citation, check_keys, load_citation
from misconduct.rules.vocabulary import Outcome


@dataclass(frozen=True)
class Band:
    """The seriousness points an outcome is sufficient and proportionate for."""

    outcome: Outcome
    low: int
    high: int
    requires_any_factor: frozenset[str] = frozenset()
    requires_personal_mitigation: bool = False
    high_2012: int | None = None  # the top under the 2012 Regulations, where it differs

    def contains(self, points: int) -> bool:
        return self.low <= points <= self.high


@dataclass(frozen=True)
class Block:
    """One block of guidance.yaml: its description, citation and values."""

    name: str
    description: str
    citation: Citation
    values: Mapping[str, Any]


@dataclass(frozen=True)
class Guidance:
    blocks: Mapping[str, Block]
    cells: Mapping[tuple[Level, Level], int]
    bands: Mapping[Outcome, Band]
    labels: tuple[tuple[int, int, str], ...]
    fww_months: tuple[tuple[int, int, int], ...]

    @cached_property
    def max_points(self) -> int:
        return max(high for _, high, _ in self.labels)

    @cached_property
    def bands_2012(self) -> Mapping[Outcome, Band]:
        """The bands as they stand under the 2012 Regulations (a top of their own where set)."""
        return {
            o: b if b.high_2012 is None else replace(b, high=b.high_2012)
            for o, b in self.bands.items()
        }

    def bands_for(self, old_rules: bool) -> Mapping[Outcome, Band]:
        return self.bands_2012 if old_rules else self.bands

    def cell(self, culpability: Level, harm: Level) -> int:
        return self.cells[(culpability, harm)]

    def label(self, points: int) -> str:
        for low, high, name in self.labels:
            if low <= points <= high:
                return name
        raise RuleDataError(f"guidance.yaml overall: no label for {points} points")

    def shift(self, net_weight: float) -> int:
        adj = self.blocks["adjustment"].values
        steps = int(net_weight / float(adj["points_per_step"]))
        return max(-int(adj["max_down"]), min(int(adj["max_up"]), steps))

    def suggested_fww_months(self, points: int) -> int:
        for low, high, months in self.fww_months:
            if low <= points <= high:
                return months
        raise RuleDataError(f"guidance.yaml final_written_warning_period: no entry for {points}")

    def citation(self, block: str) -> Citation:
        return self.blocks[block].citation

    @cached_property
    def tables(self) -> GuidanceTables:
        """The values the engine reads on every assessment, read from the blocks once."""
        return GuidanceTables(self)


class GuidanceTables:
    """A guidance's parameters as plain attributes, converted once (the engine read each one through
    two mappings and a conversion on every assessment), with a store for the reasons the engine
    builds from them: a reason's wording depends only on these values and a few small inputs, so
    one built for an earlier case is the same object this one needs.
    """

    __slots__ = (
        "accelerated_needs",
        "band_factors",
        "cite",
        "default_level",
        "fww_months_off",
        "gm_min",
        "labels",
        "lesser_beside",
        "likely_severe_up_to",
        "max_down",
        "max_points",
        "max_up",
        "memo",
        "pm_late_weight",
        "pm_max_points",
        "pm_opens_lower_at",
        "points_per_step",
        "severe_first",
        "severe_first_gross",
    )

    def __init__(self, g: Guidance) -> None:
        v = {name: block.values for name, block in g.blocks.items()}
        self.cite: dict[str, Citation] = {name: b.citation for name, b in g.blocks.items()}
        self.default_level = Level(v["default_level"]["level"])
        self.gm_min = int(v["gross_misconduct"]["min_points"])
        self.likely_severe_up_to = int(v["likely_severe"]["lesser_outcomes_up_to"])
        self.severe_first = float(v["ordering"]["severe_first_at_pressure"])
        self.severe_first_gross = float(v["ordering"]["gross_misconduct_severe_first_at_pressure"])
        self.pm_late_weight = float(v["personal_mitigation"]["late_weight"])
        self.pm_max_points = float(v["personal_mitigation"]["max_points"])
        self.pm_opens_lower_at = float(v["personal_mitigation"]["opens_lower_at"])
        self.accelerated_needs = float(
            v["accelerated_hearing"]["less_severe_needs_mitigation_points"]
        )
        self.lesser_beside = bool(v["misconduct_meeting"]["lesser_beside"])
        self.fww_months_off = int(
            v["final_written_warning_period"]["months_off_per_mitigation_point"]
        )
        self.points_per_step = float(v["adjustment"]["points_per_step"])
        self.max_up = int(v["adjustment"]["max_up"])
        self.max_down = int(v["adjustment"]["max_down"])
        self.max_points = g.max_points
        # label(points) for every point a label covers (the first range, as Guidance.label reads
        # them); a point outside them still goes through Guidance.label and its error
        self.labels: dict[int, str] = {}
        for low, high, name in g.labels:
            for p in range(low, high + 1):
                self.labels.setdefault(p, name)
        # every factor some band requires one of (under either regulations: the 2012 bands differ
        # only in their tops): a case's factors met outside it open no band
        self.band_factors: frozenset[str] = frozenset().union(
            *(b.requires_any_factor for b in g.bands.values()),
            *(b.requires_any_factor for b in g.bands_2012.values()),
        )
        self.memo: dict[Any, Any] = {}

    def shift(self, net_weight: float) -> int:
        """Guidance.shift, from the converted values."""
        return max(-self.max_down, min(self.max_up, int(net_weight / self.points_per_step)))

    def remember(self, key: Any, value: Any) -> Any:
        """Keep a value built from these tables (and emptied past a bound, so memory stays small)."""
        memo = self.memo
        if len(memo) >= _MEMO_BOUND:
            memo.clear()
        memo[key] = value
        return value


_MEMO_BOUND = 20_000


_BLOCKS: dict[str, set[str]] = {
    "matrix": {"cells"},
    "adjustment": {"points_per_step", "max_up", "max_down"},
    "default_level": {"level"},
    "overall": {"labels"},
    "bands": {"outcomes"},
    "personal_mitigation": {"max_points", "late_weight", "opens_lower_at"},
    "gross_misconduct": {"min_points"},
    "ordering": {"severe_first_at_pressure", "gross_misconduct_severe_first_at_pressure"},
    "accelerated_hearing": {"less_severe_needs_mitigation_points"},
    "likely_severe": {"lesser_outcomes_up_to"},
    "misconduct_meeting": {"lesser_beside"},
    "final_written_warning_period": {"months_by_seriousness", "months_off_per_mitigation_point"},
}


def _int(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise RuleDataError(f"{where}: expected a whole number, received {value!r}")
    return value


def _ranges(raw: Any, where: str, value_key: str) -> list[tuple[int, int, Any]]:
    if not isinstance(raw, list) or not raw:
        raise RuleDataError(f"{where}: expected a non-empty list")
    out = []
    for i, item in enumerate(raw):
        check_keys(item, f"{where}[{i}]", {"from", "to", value_key}, set())
        out.append((_int(item["from"], where), _int(item["to"], where), item[value_key]))
    return out


def load_guidance(path: Path = PARAMETER_DIR / "guidance.yaml") -> Guidance:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RuleDataError(f"{path.name}: not valid YAML ({exc})") from None
    check_keys(data, path.name, set(_BLOCKS), set())
    blocks: dict[str, Block] = {}
    for name, keys in _BLOCKS.items():
        raw = check_keys(
            data[name], f"{path.name}.{name}", {"description", "reference"} | keys, set()
        )
        values = {k: raw[k] for k in keys}
        blocks[name] = Block(
            name,
            " ".join(str(raw["description"]).split()),
            load_citation(raw["reference"], f"{path.name}.{name}.reference"),
            values,
        )
    cells: dict[tuple[Level, Level], int] = {}
    raw_cells = blocks["matrix"].values["cells"]
    for c in Level:
        row = raw_cells.get(c.value) if isinstance(raw_cells, dict) else None
        if not isinstance(row, dict) or set(row) != {h.value for h in Level}:
            raise RuleDataError(f"{path.name}.matrix.cells.{c.value}: expected low, medium, high")
        for h in Level:
            cells[(c, h)] = _int(row[h.value], f"matrix.cells.{c.value}.{h.value}")
    bands: dict[Outcome, Band] = {}
    raw_bands = blocks["bands"].values["outcomes"]
    if not isinstance(raw_bands, dict):
        raise RuleDataError(f"{path.name}.bands.outcomes: expected a mapping")
    for key, raw in raw_bands.items():
        where = f"{path.name}.bands.outcomes.{key}"
        try:
            outcome = Outcome(key)
        except ValueError:
            raise RuleDataError(f"{where}: unknown outcome") from None
        check_keys(
            raw,
            where,
            {"from", "to"},
            {"requires_any_factor", "requires_personal_mitigation", "to_2012"},
        )
        bands[outcome] = Band(
            outcome,
            _int(raw["from"], where),
            _int(raw["to"], where),
            frozenset(raw.get("requires_any_factor") or ()),
            bool(raw.get("requires_personal_mitigation", False)),
            None if raw.get("to_2012") is None else _int(raw["to_2012"], where + ".to_2012"),
        )
    missing = set(Outcome) - set(bands)
    if missing:
        raise RuleDataError(f"{path.name}.bands: no band for {sorted(o.value for o in missing)}")
    try:
        Level(blocks["default_level"].values["level"])
    except ValueError:
        raise RuleDataError(
            f"{path.name}.default_level.level: expected low, medium or high"
        ) from None
    labels = tuple(
        (a, b, str(v))
        for a, b, v in _ranges(blocks["overall"].values["labels"], "overall", "label")
    )
    fww = tuple(
        (a, b, _int(v, "months"))
        for a, b, v in _ranges(
            blocks["final_written_warning_period"].values["months_by_seriousness"],
            "final_written_warning_period",
            "months",
        )
    )
    return Guidance(blocks, cells, bands, labels, fww)


@cache
def default_guidance() -> Guidance:
    return load_guidance()
