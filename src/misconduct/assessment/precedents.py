"""Precedents: published outcomes (and decided cases) compared with the case before the chair.

A :class:`Precedent` is a decided case with its provenance (where the outcome was published, under
which licence), the facts of record (force, date, rank, forum, finding, outcome, final-written-warning
months when stated) and a :class:`Profile`: what the engine makes of its facts (regime, special
categories, culpability, harm, seriousness, factor ids). The shipped library
(``parameters/precedents.yaml``, written by ``eval/build_precedents.py``) keeps each entry's facts,
not its profile: :func:`default_library` reruns the engine on them, so a precedent is always read
through the current rules.

:func:`similar` ranks precedents against a case: the same finding level first, then a weighted score
(``WEIGHTS``) of the overlap of special categories and factors and the distance in culpability, harm
and seriousness, and whether the forum is the same. Each match says in plain words what is alike and
what differs, and the comparison gives the spread of outcomes among the matches.

**Precedents inform; they do not bind.** Each misconduct case turns on its own facts, and the
library is small and leans towards dismissal (published outcomes are mostly gross misconduct
hearings). The similarity measure is the project's design, not a legal test.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from misconduct.assessment.engine import Assessment, assess
from misconduct.assessment.factors import PARAMETER_DIR, Level, default_factors
from misconduct.assessment.facts import Facts, parse_facts
from misconduct.assessment.guidance import default_guidance
from misconduct.errors import MisconductError, RuleDataError
from misconduct.rules.datafile import check_keys, read_yaml_list
from misconduct.rules.regime import Regime
from misconduct.rules.vocabulary import Finding, Forum, Outcome

LIBRARY_PATH = PARAMETER_DIR / "precedents.yaml"

# How much each kind of likeness counts towards the score (each likeness is between 0 and 1, the
# score is their weighted mean). OUR DESIGN, NOT LAW: no statute, guidance or judgment sets a measure
# of likeness between misconduct cases. Special categories weigh most because the guidance treats
# them specially (floors, minimum levels); seriousness next because it drives the outcome; the
# finding level is not weighted but ranked first (a misconduct finding cannot lead to dismissal).
WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "categories": 3.0,
        "factors": 2.0,
        "seriousness": 2.0,
        "culpability": 1.0,
        "harm": 1.0,
        "forum": 1.0,
    }
)

NOTE = (
    "Precedents inform the chair's judgement; they do not bind it. Each case turns on its own facts; "
    "the library is small (published outcomes, mostly gross misconduct hearings, which lean towards "
    "dismissal), and the similarity measure is the project's design, not a legal test."
)


@dataclass(frozen=True)
class Profile:
    """The engine's reading of a case, as far as it matters for comparison."""

    regime: str
    finding: Finding
    forum: Forum
    categories: frozenset[str]
    factors: frozenset[str]
    culpability: Level
    harm: Level
    points: int
    label: str

    @classmethod
    def of(cls, a: Assessment) -> Profile:
        return cls(
            regime=a.answer.regime.regime.value,
            finding=a.facts.proceedings.finding,
            forum=a.facts.proceedings.forum,
            categories=frozenset(c.id for c in a.seriousness.categories),
            factors=a.facts.factor_ids,
            culpability=a.seriousness.culpability,
            harm=a.seriousness.harm,
            points=a.seriousness.points,
            label=a.seriousness.label,
        )

    @classmethod
    def from_stored(cls, result: Mapping[str, Any], finding: Finding, forum: Forum) -> Profile:
        """From an assessment stored on a decision (``Assessment.as_dict``). Decisions stored before
        ``factors`` was recorded give only their aggravating and mitigating factors."""
        s = result["seriousness"]
        factors = result.get("factors")
        if factors is None:
            factors = [*s.get("aggravating", []), *s.get("mitigating", [])]
        return cls(
            regime=str(result["regime"]),
            finding=finding,
            forum=forum,
            categories=frozenset(s.get("categories", [])),
            factors=frozenset(factors),
            culpability=Level(s["culpability"]),
            harm=Level(s["harm"]),
            points=int(s["points"]),
            label=str(s["overall"]),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "regime": self.regime,
            "finding": self.finding.value,
            "forum": self.forum.value,
            "categories": sorted(self.categories),
            "factors": sorted(self.factors),
            "culpability": self.culpability.value,
            "harm": self.harm.value,
            "seriousness_points": self.points,
            "seriousness": self.label,
        }


@dataclass(frozen=True)
class Provenance:
    source: str
    url: str
    licence: str


@dataclass(frozen=True)
class Precedent:
    """A decided case. ``decided`` is as the record states it: ``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``, or None when the record gives no year. ``rank`` as published, or None."""

    id: str
    provenance: Provenance
    force: str
    decided: str | None
    rank: str | None
    outcome: Outcome
    fww_months: int | None
    profile: Profile

    @property
    def forum(self) -> Forum:
        return self.profile.forum

    @property
    def finding(self) -> Finding:
        return self.profile.finding

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.provenance.source,
            "source_url": self.provenance.url,
            "licence": self.provenance.licence,
            "force": self.force,
            "decided": self.decided,
            "rank": self.rank,
            "outcome": self.outcome.value,
            "fww_months": self.fww_months,
            "assessment": self.profile.as_dict(),
        }


@dataclass(frozen=True)
class Match:
    precedent: Precedent
    score: float  # 0 to 1, the weighted mean of the likenesses
    same_finding: bool
    alike: tuple[str, ...]
    differs: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 3),
            "same_finding": self.same_finding,
            "alike": list(self.alike),
            "differs": list(self.differs),
            "precedent": self.precedent.as_dict(),
        }


@dataclass(frozen=True)
class Comparison:
    subject: Profile
    matches: tuple[Match, ...]
    spread: tuple[tuple[Outcome, int], ...]  # outcomes among the matches, most frequent first
    library_size: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "note": NOTE,
            "library_size": self.library_size,
            "subject": self.subject.as_dict(),
            "outcome_spread": {o.value: n for o, n in self.spread},
            "matches": [m.as_dict() for m in self.matches],
        }


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared over all; two empty sets are alike (neither has any)."""
    return 1.0 if not a and not b else len(a & b) / len(a | b)


def _words(ids: Iterable[str], titles: Mapping[str, str] | None = None) -> str:
    return ", ".join((titles or {}).get(i, i.replace("_", " ")) for i in sorted(ids))


def category_names(ids: Iterable[str]) -> str:
    """Special categories by their titles, in lower case: "violence against women and girls"."""
    return _words(ids, {c.id: c.title.lower() for c in default_factors().categories.values()})


def likenesses(subject: Profile, other: Profile) -> dict[str, float]:
    """Each kind of likeness between 0 (unlike) and 1 (the same), keyed as ``WEIGHTS``."""
    top = default_guidance().max_points - 1
    return {
        "categories": _jaccard(subject.categories, other.categories),
        "factors": _jaccard(subject.factors, other.factors),
        "seriousness": 1.0 - abs(subject.points - other.points) / top,
        "culpability": 1.0 - abs(subject.culpability.rank - other.culpability.rank) / 2,
        "harm": 1.0 - abs(subject.harm.rank - other.harm.rank) / 2,
        "forum": 1.0 if subject.forum is other.forum else 0.0,
    }


def score(subject: Profile, other: Profile) -> float:
    parts = likenesses(subject, other)
    return sum(WEIGHTS[k] * v for k, v in parts.items()) / sum(WEIGHTS.values())


def explain(subject: Profile, other: Profile) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What is alike and what differs, in words ("here" is the case, "there" the precedent)."""
    alike: list[str] = []
    differs: list[str] = []

    def label(value: str) -> str:
        return value.replace("_", " ")

    if subject.finding is other.finding:
        alike.append(f"both {label(subject.finding.value)}")
    else:
        differs.append(
            f"finding: {label(subject.finding.value)} here, {label(other.finding.value)} there"
        )
    if subject.forum is other.forum:
        forum = label(subject.forum.value)
        alike.append(f"both at {'an' if forum[:1] in 'aeiou' else 'a'} {forum}")
    else:
        differs.append(
            f"forum: {label(subject.forum.value)} here, {label(other.forum.value)} there"
        )
    shared = subject.categories & other.categories
    if shared:
        alike.append("special categories in both: " + category_names(shared))
    elif not subject.categories and not other.categories:
        alike.append("no special category in either")
    if subject.categories - other.categories:
        differs.append(
            "categories only here: " + category_names(subject.categories - other.categories)
        )
    if other.categories - subject.categories:
        differs.append(
            "categories only there: " + category_names(other.categories - subject.categories)
        )
    if subject.factors & other.factors:
        alike.append("factors in both: " + _words(subject.factors & other.factors))
    if subject.factors - other.factors:
        differs.append("factors only here: " + _words(subject.factors - other.factors))
    if other.factors - subject.factors:
        differs.append("factors only there: " + _words(other.factors - subject.factors))
    for name, mine, theirs in (
        ("culpability", subject.culpability, other.culpability),
        ("harm", subject.harm, other.harm),
    ):
        if mine is theirs:
            alike.append(f"{name} {mine.value} in both")
        else:
            differs.append(f"{name}: {mine.value} here, {theirs.value} there")
    if subject.points == other.points:
        alike.append(f"seriousness {subject.label} ({subject.points}) in both")
    else:
        differs.append(
            f"seriousness: {subject.label} ({subject.points}) here, "
            f"{other.label} ({other.points}) there"
        )
    if subject.regime != other.regime:
        differs.append(
            f"regulations: {Regime(subject.regime).label} here, {Regime(other.regime).label} there"
        )
    return tuple(alike), tuple(differs)


def similar(
    subject: Assessment | Facts | Profile,
    library: Sequence[Precedent] | None = None,
    limit: int = 5,
) -> Comparison:
    """The ``limit`` precedents most like ``subject``, best first, with the spread of their outcomes.

    Order: the same finding level first, then the score, then the precedent id (so ties are stable).
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if isinstance(subject, Facts):
        subject = assess(subject)
    profile = Profile.of(subject) if isinstance(subject, Assessment) else subject
    pool = default_library() if library is None else tuple(library)
    ranked = sorted(
        (
            Match(
                p,
                score(profile, p.profile),
                p.finding is profile.finding,
                *explain(profile, p.profile),
            )
            for p in pool
        ),
        key=lambda m: (not m.same_finding, -round(m.score, 9), m.precedent.id),
    )[:limit]
    counts = Counter(m.precedent.outcome for m in ranked)
    spread = tuple(sorted(counts.items(), key=lambda kv: (-kv[1], -kv[0].severity)))
    return Comparison(profile, tuple(ranked), spread, len(pool))


_ENTRY_REQUIRED = {"id", "source", "source_url", "licence", "force", "outcome", "facts"}
_ENTRY_OPTIONAL = {"decided", "rank", "fww_months"}


def _decided(value: Any, where: str) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    parts = text.split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise RuleDataError(
            f"{where}.decided: expected YYYY, YYYY-MM or YYYY-MM-DD, received {value!r}"
        )
    return text


def load_library(path: Path = LIBRARY_PATH) -> tuple[Precedent, ...]:
    """Read the library and run the engine on every entry's facts; any failure names the entry."""
    out: list[Precedent] = []
    seen: set[str] = set()
    for i, raw in enumerate(read_yaml_list(path)):
        where = f"{path.name}[{i}]"
        check_keys(raw, where, _ENTRY_REQUIRED, _ENTRY_OPTIONAL)
        pid = str(raw["id"])
        where = f"{where}({pid})"
        if pid in seen:
            raise RuleDataError(f"{where}: duplicate id")
        seen.add(pid)
        try:
            outcome = Outcome(raw["outcome"])
        except ValueError:
            raise RuleDataError(f"{where}.outcome: unknown outcome {raw['outcome']!r}") from None
        months = raw.get("fww_months")
        if months is not None and (not isinstance(months, int) or not 1 <= months <= 120):
            raise RuleDataError(f"{where}.fww_months: expected months from 1 to 120 or null")
        try:
            profile = Profile.of(assess(parse_facts(raw["facts"])))
        except MisconductError as exc:
            raise RuleDataError(f"{where}.facts: {exc}") from None
        out.append(
            Precedent(
                id=pid,
                provenance=Provenance(
                    str(raw["source"]), str(raw["source_url"]), str(raw["licence"])
                ),
                force=str(raw["force"]),
                decided=_decided(raw.get("decided"), where),
                rank=str(raw["rank"]) if raw.get("rank") else None,
                outcome=outcome,
                fww_months=months,
                profile=profile,
            )
        )
    return tuple(out)


@cache
def default_library() -> tuple[Precedent, ...]:
    return load_library()


__all__ = [
    "NOTE",
    "WEIGHTS",
    "Comparison",
    "Match",
    "Precedent",
    "Profile",
    "Provenance",
    "category_names",
    "default_library",
    "explain",
    "likenesses",
    "load_library",
    "score",
    "similar",
]
