"""The facts of a proven case, as the engine takes them: read from a TOML file and checked field by field.

Every problem is an :class:`~misconduct.errors.InvalidInput` that names the field, what was expected
and what was received: an unknown key, an unknown factor id, a date in the wrong order. The format is
documented in ``docs/facts-format.md``.

>>> facts = parse_facts({
...     "officer": {"rank": "constable"},
...     "allegation": {"came_to_attention": date(2025, 2, 1), "summary": "x"},
...     "proceedings": {"forum": "misconduct_hearing", "finding": "gross_misconduct",
...                     "severity_assessment_on": date(2025, 2, 10), "hearing_on": date(2025, 7, 1)},
... })
>>> facts.officer.rank.value, facts.proceedings.finding.value
('constable', 'gross_misconduct')
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from misconduct.assessment.factors import (
    Factor,
    FactorCatalogue,
    Level,
    Stage,
    default_factors,
)
from misconduct.errors import InvalidInput
from misconduct.rules.standards import parse_standards
from misconduct.rules.vocabulary import Finding, Forum, Outcome, Rank
from misconduct.rules.warning import WarningRecord


@dataclass(frozen=True)
class PriorWarning:
    kind: Outcome
    notified_on: date
    months: int
    career_break_days: int = 0

    @property
    def record(self) -> WarningRecord:
        return WarningRecord(self.kind, self.notified_on, self.months, self.career_break_days)


@dataclass(frozen=True)
class Officer:
    rank: Rank
    former: bool = False
    service_years: float | None = None
    warnings: tuple[PriorWarning, ...] = ()
    previously_reduced_in_rank: bool = False


@dataclass(frozen=True)
class Allegation:
    came_to_attention: date
    summary: str
    conduct_from: date | None = None
    conduct_to: date | None = None
    standards: tuple[str, ...] = ()
    unconnected_incidents: bool = False
    convicted_indictable_only: bool = False
    linked_to_pre_commencement_allegation: bool = False


@dataclass(frozen=True)
class Proceedings:
    forum: Forum
    finding: Finding
    severity_assessment_on: date
    hearing_on: date
    panel: bool = False  # decided by a panel ("we") rather than a chair sitting alone ("I")


@dataclass(frozen=True)
class FoundFactor:
    factor: Factor
    note: str = ""
    raised_late: bool = False


@dataclass(frozen=True)
class Explicit:
    """A level set by the chair, with the reason for it."""

    level: Level
    reason: str


@dataclass(frozen=True)
class AllegationFinding:
    """One allegation of several against the officer, with its own standards and finding.

    ``finding`` is None where the allegation was not proven; ``no_misconduct`` where the facts were
    proven but did not amount to misconduct. The outcome is one, over every proven allegation.
    """

    summary: str
    finding: Finding | None
    standards: tuple[str, ...] = ()
    conduct_from: date | None = None
    conduct_to: date | None = None
    note: str = ""

    @property
    def proven(self) -> bool:
        return self.finding in (Finding.MISCONDUCT, Finding.GROSS_MISCONDUCT)


@dataclass(frozen=True)
class Assumption:
    """A date the source did not give, stated as assumed with the reason."""

    field: str
    reason: str


@dataclass(frozen=True)
class Facts:
    officer: Officer
    allegation: Allegation
    proceedings: Proceedings
    factors: tuple[FoundFactor, ...] = ()
    culpability: Explicit | None = None
    harm: Explicit | None = None
    personal_mitigation: tuple[FoundFactor, ...] = ()
    exceptional_circumstances: str | None = None
    allegations: tuple[AllegationFinding, ...] = ()
    absent: tuple[FoundFactor, ...] = ()
    assumptions: tuple[Assumption, ...] = ()

    # Facts never change once built, so these are worked out once, on first use (the engine asks
    # for them many times in one assessment).
    @cached_property
    def factor_ids(self) -> frozenset[str]:
        return frozenset(f.factor.id for f in self.factors)

    @cached_property
    def absent_ids(self) -> frozenset[str]:
        return frozenset(f.factor.id for f in self.absent)

    @cached_property
    def proven_allegations(self) -> tuple[AllegationFinding, ...]:
        return tuple(a for a in self.allegations if a.proven)

    def with_factor(self, found: FoundFactor) -> Facts:
        """A copy with one more factor (used by property tests and what-if questions)."""
        if found.factor.id in self.factor_ids:
            return self
        return replace(self, factors=(*self.factors, found))

    def without_factor(self, factor_id: str) -> Facts:
        return replace(self, factors=tuple(f for f in self.factors if f.factor.id != factor_id))


_TOP = {"officer", "allegation", "proceedings"}
_TOP_OPTIONAL = {
    "factors",
    "culpability",
    "harm",
    "personal_mitigation",
    "exceptional_circumstances",
    "allegations",
    "absent",
    "assumptions",
}
# The dates a facts file may state as assumed (``[[assumptions]] field = ...``).
_DATE_FIELDS = (
    "allegation.came_to_attention",
    "allegation.conduct_from",
    "allegation.conduct_to",
    "proceedings.severity_assessment_on",
    "proceedings.hearing_on",
)


def load_facts(path: Path, *, catalogue: FactorCatalogue | None = None) -> Facts:
    """Read a facts file (TOML); errors name the file's field."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput("FILE", "a readable facts file", str(path)) from None
    except RecursionError:
        raise InvalidInput("FILE", "a facts file (TOML)", f"{path}: nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        text = path.read_text(encoding="utf-8")
        located = _field_at(text, exc)
        if located is not None:
            field, value = located
            if "date" in str(exc):
                raise InvalidInput(field, "a real date YYYY-MM-DD", value) from None
            raise InvalidInput(field, "a TOML value", value, hint=str(exc)) from None
        raise InvalidInput("FILE", "a TOML facts file", str(path), hint=str(exc)) from None
    except UnicodeDecodeError:
        raise InvalidInput("FILE", "a UTF-8 text file", str(path)) from None
    return parse_facts(raw, catalogue=catalogue)


_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.]+)\s*\]\]?")
_KEY_VALUE = re.compile(r"^\s*([A-Za-z0-9_]+)\s*=\s*(.*?)\s*(#.*)?$")


def _field_at(text: str, exc: tomllib.TOMLDecodeError) -> tuple[str, str] | None:
    """The facts-file field (``allegation.came_to_attention``) on the line a TOML error points at.

    ``tomllib`` refuses a value such as ``2023-02-31`` before the facts are checked, and says only
    the line; this names the field so the error reads like every other facts-file error.
    """
    match = re.search(r"at line (\d+)", str(exc))
    if match is None:
        return None
    lines = text.splitlines()
    number = int(match.group(1))
    if not 1 <= number <= len(lines):
        return None
    table = ""
    counts: dict[str, int] = {}
    for line in lines[: number - 1]:
        header = _HEADER.match(line)
        if header:
            table = header.group(2)
            if header.group(1) == "[[":
                counts[table] = counts.get(table, -1) + 1
                table = f"{table}[{counts[table]}]"
    pair = _KEY_VALUE.match(lines[number - 1])
    if pair is None:
        return None
    key, value = pair.group(1), pair.group(2)
    return (f"{table}.{key}" if table else key), value


def _table(raw: Any, name: str, required: set[str], optional: set[str]) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise InvalidInput(name, "a table", raw)
    for key in raw:
        if key not in required | optional:
            raise InvalidInput(
                f"{name}.{key}" if name else key,
                "one of " + ", ".join(sorted(required | optional)),
                key,
                hint="unknown key",
            )
    for key in sorted(required):
        if key not in raw:
            raise InvalidInput(f"{name}.{key}" if name else key, "a value (required)", None)
    return raw


def _date(raw: dict[str, Any], key: str, name: str) -> date:
    value = raw[key]
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidInput(f"{name}.{key}", "a real date YYYY-MM-DD", value)


def _opt_date(raw: dict[str, Any], key: str, name: str) -> date | None:
    return _date(raw, key, name) if key in raw else None


def _bool(raw: dict[str, Any], key: str, name: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise InvalidInput(f"{name}.{key}", "true or false", value)
    return value


def _text(raw: dict[str, Any], key: str, name: str, *, required: bool = False) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise InvalidInput(f"{name}.{key}", "non-empty text" if required else "text", value)
    return " ".join(value.split())


def _int(value: Any, name: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise InvalidInput(name, f"a whole number from {low} to {high}", value)
    return value


def _officer(raw: Any) -> Officer:
    t = _table(
        raw,
        "officer",
        {"rank"},
        {"status", "service_years", "warnings", "previously_reduced_in_rank"},
    )
    rank = Rank.parse(str(t["rank"]), field="officer.rank")
    status = t.get("status", "serving")
    if status not in ("serving", "former"):
        raise InvalidInput("officer.status", "serving or former", status)
    years = t.get("service_years")
    if years is not None and (
        not isinstance(years, int | float) or isinstance(years, bool) or not 0 <= years <= 60
    ):
        raise InvalidInput("officer.service_years", "a number of years from 0 to 60", years)
    warnings_raw = t.get("warnings", [])
    if not isinstance(warnings_raw, list):
        raise InvalidInput(
            "officer.warnings", "a list of [[officer.warnings]] tables", warnings_raw
        )
    warnings = []
    for i, w in enumerate(warnings_raw):
        name = f"officer.warnings[{i}]"
        wt = _table(w, name, {"kind", "notified_on", "months"}, {"career_break_days"})
        kind = Outcome.parse(str(wt["kind"]), field=f"{name}.kind")
        if kind not in (Outcome.WRITTEN_WARNING, Outcome.FINAL_WRITTEN_WARNING):
            raise InvalidInput(
                f"{name}.kind", "written_warning or final_written_warning", wt["kind"]
            )
        warnings.append(
            PriorWarning(
                kind,
                _date(wt, "notified_on", name),
                _int(wt["months"], f"{name}.months", 1, 120),
                _int(wt.get("career_break_days", 0), f"{name}.career_break_days", 0, 3650),
            )
        )
    return Officer(
        rank,
        status == "former",
        float(years) if years is not None else None,
        tuple(warnings),
        _bool(t, "previously_reduced_in_rank", "officer"),
    )


def _allegation(raw: Any) -> Allegation:
    name = "allegation"
    t = _table(
        raw,
        name,
        {"came_to_attention", "summary"},
        {
            "conduct_from",
            "conduct_to",
            "standards",
            "unconnected_incidents",
            "convicted_indictable_only",
            "linked_to_pre_commencement_allegation",
        },
    )
    came = _date(t, "came_to_attention", name)
    start = _opt_date(t, "conduct_from", name)
    end = _opt_date(t, "conduct_to", name)
    if start and end and end < start:
        raise InvalidInput(
            "allegation.conduct_to", f"a date on or after conduct_from ({start})", end.isoformat()
        )
    if start and start > came:
        raise InvalidInput(
            "allegation.conduct_from",
            f"a date on or before the allegation came to attention ({came})",
            start.isoformat(),
        )
    standards = t.get("standards", [])
    if not isinstance(standards, list) or not all(isinstance(s, str) for s in standards):
        raise InvalidInput("allegation.standards", "a list of standard ids", standards)
    parse_standards(standards, came, field="allegation.standards")
    return Allegation(
        came,
        _text(t, "summary", name, required=True),
        start,
        end,
        tuple(standards),
        _bool(t, "unconnected_incidents", name),
        _bool(t, "convicted_indictable_only", name),
        _bool(t, "linked_to_pre_commencement_allegation", name),
    )


def _proceedings(raw: Any, came: date, derived: Finding | None = None) -> Proceedings:
    """``derived`` is the most serious finding over ``[[allegations]]``, when the file has them:
    ``proceedings.finding`` may then be left out, and must agree with it if given."""
    name = "proceedings"
    required = {"forum", "severity_assessment_on", "hearing_on"}
    optional = {"panel", "finding"} if derived is not None else {"panel"}
    t = _table(raw, name, required if derived is not None else required | {"finding"}, optional)
    severity = _date(t, "severity_assessment_on", name)
    hearing = _date(t, "hearing_on", name)
    if severity < came:
        raise InvalidInput(
            "proceedings.severity_assessment_on",
            f"a date on or after the allegation came to attention ({came})",
            severity.isoformat(),
        )
    if hearing < severity:
        raise InvalidInput(
            "proceedings.hearing_on",
            f"a date on or after the severity assessment ({severity})",
            hearing.isoformat(),
        )
    finding = (
        Finding.parse(str(t["finding"]), field="proceedings.finding") if "finding" in t else derived
    )
    assert finding is not None
    if derived is not None and finding is not derived:
        raise InvalidInput(
            "proceedings.finding",
            f"{derived.value}, the most serious finding among the allegations (or leave it out)",
            t["finding"],
        )
    if finding is Finding.NO_MISCONDUCT:
        raise InvalidInput(
            "proceedings.finding",
            "misconduct or gross_misconduct (the engine assesses proven cases)",
            t["finding"],
        )
    return Proceedings(
        Forum.parse(str(t["forum"]), field="proceedings.forum"),
        finding,
        severity,
        hearing,
        _bool(t, "panel", name),
    )


def _found(
    raw: Any, name: str, cat: FactorCatalogue, stages: set[Stage]
) -> tuple[FoundFactor, ...]:
    if not isinstance(raw, list):
        raise InvalidInput(name, f"a list of [[{name}]] tables", raw)
    out: list[FoundFactor] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        where = f"{name}[{i}]"
        t = _table(item, where, {"id"}, {"note", "raised_late"})
        factor = cat.parse(t["id"], field=f"{where}.id", stages=stages)
        if factor.id in seen:
            raise InvalidInput(f"{where}.id", "each factor once", factor.id)
        seen.add(factor.id)
        late = _bool(t, "raised_late", where)
        if late and factor.stage is not Stage.PERSONAL_MITIGATION:
            raise InvalidInput(f"{where}.raised_late", "only on personal mitigation", late)
        out.append(FoundFactor(factor, _text(t, "note", where), late))
    return tuple(out)


def _explicit(raw: Any, name: str) -> Explicit:
    t = _table(raw, name, {"level", "reason"}, set())
    try:
        level = Level(t["level"])
    except ValueError:
        raise InvalidInput(f"{name}.level", "low, medium or high", t["level"]) from None
    return Explicit(level, _text(t, "reason", name, required=True))


_FINDINGS = {
    "gross_misconduct": Finding.GROSS_MISCONDUCT,
    "misconduct": Finding.MISCONDUCT,
    "no_misconduct": Finding.NO_MISCONDUCT,
    "not_proven": None,
}


def _allegations(raw: Any, came: date) -> tuple[AllegationFinding, ...]:
    name = "allegations"
    if not isinstance(raw, list) or not raw:
        raise InvalidInput(name, "a list of [[allegations]] tables, at least one", raw)
    out = []
    for i, item in enumerate(raw):
        where = f"{name}[{i}]"
        t = _table(
            item, where, {"summary", "finding"}, {"standards", "conduct_from", "conduct_to", "note"}
        )
        key = str(t["finding"]).strip().lower().replace("-", "_").replace(" ", "_")
        if key not in _FINDINGS:
            raise InvalidInput(f"{where}.finding", "one of " + ", ".join(_FINDINGS), t["finding"])
        standards = t.get("standards", [])
        if not isinstance(standards, list) or not all(isinstance(s, str) for s in standards):
            raise InvalidInput(f"{where}.standards", "a list of standard ids", standards)
        parse_standards(standards, came, field=f"{where}.standards")
        start = _opt_date(t, "conduct_from", where)
        end = _opt_date(t, "conduct_to", where)
        if start and end and end < start:
            raise InvalidInput(
                f"{where}.conduct_to", f"a date on or after conduct_from ({start})", end.isoformat()
            )
        out.append(
            AllegationFinding(
                _text(t, "summary", where, required=True),
                _FINDINGS[key],
                tuple(standards),
                start,
                end,
                _text(t, "note", where),
            )
        )
    if not any(a.proven for a in out):
        raise InvalidInput(
            name,
            "at least one allegation found to be misconduct or gross misconduct "
            "(the engine assesses proven cases)",
            ", ".join(str(a.finding.value if a.finding else "not_proven") for a in out),
        )
    return tuple(out)


def _most_serious(allegations: tuple[AllegationFinding, ...]) -> Finding:
    proven = [a.finding for a in allegations if a.proven and a.finding is not None]
    return max(proven, key=list(Finding).index)


def _assumptions(raw: Any, present: set[str]) -> tuple[Assumption, ...]:
    name = "assumptions"
    if not isinstance(raw, list):
        raise InvalidInput(name, "a list of [[assumptions]] tables", raw)
    out = []
    for i, item in enumerate(raw):
        where = f"{name}[{i}]"
        t = _table(item, where, {"field", "reason"}, set())
        if t["field"] not in present:
            raise InvalidInput(
                f"{where}.field",
                "a date given in this file: " + ", ".join(sorted(present)),
                t["field"],
            )
        out.append(Assumption(str(t["field"]), _text(t, "reason", where, required=True)))
    return tuple(out)


def parse_facts(raw: Any, *, catalogue: FactorCatalogue | None = None) -> Facts:
    """Check a decoded facts document and build :class:`Facts`."""
    cat = catalogue or default_factors()
    t = _table(raw, "", _TOP, _TOP_OPTIONAL)
    allegation = _allegation(t["allegation"])
    allegations = (
        _allegations(t["allegations"], allegation.came_to_attention) if "allegations" in t else ()
    )
    proceedings = _proceedings(
        t["proceedings"],
        allegation.came_to_attention,
        _most_serious(allegations) if allegations else None,
    )
    exceptional = t.get("exceptional_circumstances")
    if exceptional is not None and (not isinstance(exceptional, str) or not exceptional.strip()):
        raise InvalidInput("exceptional_circumstances", "non-empty text", exceptional)
    seriousness_stages = {
        Stage.CULPABILITY,
        Stage.HARM,
        Stage.AGGRAVATING,
        Stage.MITIGATING,
        Stage.CONTEXT,
    }
    factors = _found(t.get("factors", []), "factors", cat, seriousness_stages)
    absent = _found(t.get("absent", []), "absent", cat, seriousness_stages)
    both = {f.factor.id for f in factors} & {f.factor.id for f in absent}
    for i, f in enumerate(absent):
        if f.factor.id in both:
            raise InvalidInput(
                f"absent[{i}].id", "a factor not also listed as found in [[factors]]", f.factor.id
            )
    present = {
        f"{table}.{key}"
        for table, key in (d.split(".") for d in _DATE_FIELDS)
        if isinstance(t.get(table), dict) and key in t[table]
    }
    return Facts(
        officer=_officer(t["officer"]),
        allegation=allegation,
        proceedings=proceedings,
        allegations=allegations,
        absent=absent,
        assumptions=_assumptions(t.get("assumptions", []), present),
        factors=factors,
        culpability=_explicit(t["culpability"], "culpability") if "culpability" in t else None,
        harm=_explicit(t["harm"], "harm") if "harm" in t else None,
        personal_mitigation=_found(
            t.get("personal_mitigation", []),
            "personal_mitigation",
            cat,
            {Stage.PERSONAL_MITIGATION},
        ),
        exceptional_circumstances=" ".join(exceptional.split()) if exceptional else None,
    )


__all__ = [
    "Allegation",
    "AllegationFinding",
    "Assumption",
    "Explicit",
    "Facts",
    "FoundFactor",
    "Officer",
    "PriorWarning",
    "Proceedings",
    "load_facts",
    "parse_facts",
]
