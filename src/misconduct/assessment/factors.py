"""The factor catalogue: every factor a chair may find, its stage, its reference and its status.

Factors and the special categories they belong to are data (``parameters/factors.yaml`` and
``parameters/categories.yaml``); loading fails loudly on an unknown key, a missing reference or a
factor that names an unknown category.

>>> cat = default_factors()
>>> f = cat.get("operational_dishonesty")
>>> f.stage.value, f.level.value if f.level else None, f.category
('culpability', 'high', 'operational_dishonesty')
>>> cat.category("operational_dishonesty").floor.value
'dismissal_without_notice'
>>> cat.category("vawg").floor is None, cat.category("vawg").likely_severe
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from misconduct.errors import InvalidInput, RuleDataError
from misconduct.rules.datafile import (
    Citation,
    check_keys,
    load_citation,
    read_yaml_list,
)
from misconduct.rules.vocabulary import Outcome

PARAMETER_DIR = Path(__file__).parent / "parameters"


class Stage(StrEnum):
    CULPABILITY = "culpability"
    HARM = "harm"
    AGGRAVATING = "aggravating"
    MITIGATING = "mitigating"
    PERSONAL_MITIGATION = "personal_mitigation"
    # Facts a panel weighs that are neither seriousness nor personal mitigation (a loss of confidence
    # in the officer at their rank, a resignation after the decision): no level, no weight.
    CONTEXT = "context"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class Level(StrEnum):
    """Culpability and harm levels, in ascending order."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self._value_]


_LEVEL_RANK = {level._value_: i for i, level in enumerate(Level)}  # by value: a str hashes in C


@dataclass(frozen=True)
class Factor:
    id: str
    stage: Stage
    description: str
    citation: Citation
    level: Level | None = None
    weight: float = 0.0
    category: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "stage": self.stage.value,
            "description": self.description,
            "level": self.level.value if self.level else None,
            "weight": self.weight,
            "category": self.category,
            "reference": self.citation.as_dict(),
        }


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    citation: Citation
    culpability_at_least: Level | None = None
    harm_at_least: Level | None = None
    floor: Outcome | None = None
    floor_wording: str = ""
    likely_severe: bool = False  # the guidance's "likely outcome severe": an ordering, not a floor
    likely_wording: str = ""


@dataclass(frozen=True)
class FactorCatalogue:
    factors: Mapping[str, Factor]
    categories: Mapping[str, Category]

    def __iter__(self) -> Iterator[Factor]:
        return iter(self.factors.values())

    def __len__(self) -> int:
        return len(self.factors)

    def get(self, factor_id: str) -> Factor:
        try:
            return self.factors[factor_id]
        except KeyError:
            raise RuleDataError(f"unknown factor {factor_id!r}") from None

    def parse(self, factor_id: Any, *, field: str, stages: set[Stage]) -> Factor:
        """Resolve a factor id from a user's file, or fail naming the field and the allowed ids."""
        allowed = sorted(f.id for f in self if f.stage in stages)
        factor = self.factors.get(factor_id) if isinstance(factor_id, str) else None
        if factor is None or factor.stage not in stages:
            hint = ""
            if factor is not None:
                hint = f"{factor_id!r} is a {factor.stage.label} factor"
            raise InvalidInput(field, "a factor id: " + ", ".join(allowed), factor_id, hint=hint)
        return factor

    def category(self, category_id: str) -> Category:
        try:
            return self.categories[category_id]
        except KeyError:
            raise RuleDataError(f"unknown category {category_id!r}") from None

    def by_stage(self, stage: Stage) -> list[Factor]:
        return [f for f in self if f.stage is stage]


def _level(value: Any, where: str) -> Level:
    try:
        return Level(value)
    except ValueError:
        raise RuleDataError(f"{where}: expected low, medium or high, received {value!r}") from None


def load_factors(directory: Path = PARAMETER_DIR) -> FactorCatalogue:
    categories: dict[str, Category] = {}
    for i, raw in enumerate(read_yaml_list(directory / "categories.yaml")):
        where = f"categories.yaml[{i}]"
        check_keys(
            raw,
            where,
            {"id", "title", "reference"},
            {
                "culpability_at_least",
                "harm_at_least",
                "floor",
                "floor_wording",
                "likely_outcome",
                "likely_wording",
            },
        )
        likely = raw.get("likely_outcome")
        if likely not in (None, "severe"):
            raise RuleDataError(f"{where}.likely_outcome: expected severe, received {likely!r}")
        if likely and not raw.get("likely_wording"):
            raise RuleDataError(f"{where}: a likely outcome needs its likely_wording")
        if raw["id"] in categories:
            raise RuleDataError(f"{where}: duplicate category {raw['id']!r}")
        floor = None
        if raw.get("floor") is not None:
            try:
                floor = Outcome(raw["floor"])
            except ValueError:
                raise RuleDataError(f"{where}.floor: unknown outcome {raw['floor']!r}") from None
            if not raw.get("floor_wording"):
                raise RuleDataError(f"{where}: a floor needs its floor_wording")
        categories[raw["id"]] = Category(
            raw["id"],
            raw["title"],
            load_citation(raw["reference"], f"{where}.reference"),
            _level(raw["culpability_at_least"], where) if "culpability_at_least" in raw else None,
            _level(raw["harm_at_least"], where) if "harm_at_least" in raw else None,
            floor,
            " ".join(str(raw.get("floor_wording") or "").split()),
            likely == "severe",
            " ".join(str(raw.get("likely_wording") or "").split()),
        )
    factors: dict[str, Factor] = {}
    for i, raw in enumerate(read_yaml_list(directory / "factors.yaml")):
        where = f"factors.yaml[{i}]"
        check_keys(
            raw, where, {"id", "stage", "description", "reference"}, {"level", "weight", "category"}
        )
        fid = raw["id"]
        where = f"{where}({fid})"
        if fid in factors:
            raise RuleDataError(f"{where}: duplicate factor id")
        try:
            stage = Stage(raw["stage"])
        except ValueError:
            raise RuleDataError(
                f"{where}.stage: expected one of {[s.value for s in Stage]}, received {raw['stage']!r}"
            ) from None
        level: Level | None = None
        weight = 0.0
        if stage in (Stage.CULPABILITY, Stage.HARM):
            if "level" not in raw or "weight" in raw:
                raise RuleDataError(f"{where}: a {stage.label} factor has a level and no weight")
            level = _level(raw["level"], f"{where}.level")
        elif stage is Stage.CONTEXT:
            if "weight" in raw or "level" in raw:
                raise RuleDataError(f"{where}: a context factor has neither a level nor a weight")
        else:
            if "weight" not in raw or "level" in raw:
                raise RuleDataError(f"{where}: a {stage.label} factor has a weight and no level")
            if not isinstance(raw["weight"], int | float) or raw["weight"] <= 0:
                raise RuleDataError(f"{where}.weight: expected a positive number")
            weight = float(raw["weight"])
        category = raw.get("category")
        if category is not None and category not in categories:
            raise RuleDataError(f"{where}.category: unknown category {category!r}")
        factors[fid] = Factor(
            fid,
            stage,
            " ".join(str(raw["description"]).split()),
            load_citation(raw["reference"], f"{where}.reference"),
            level,
            weight,
            category,
        )
    return FactorCatalogue(factors, categories)


@cache
def default_factors() -> FactorCatalogue:
    return load_factors()
