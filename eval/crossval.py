"""Out-of-fold measurement of the engine: k-fold cross-validation with bootstrap intervals.

What is tuned is fitted on the training folds only and measured on the held-out fold:
- the ordering threshold for misconduct findings (``ordering.severe_first_at_pressure``), the
  personal-mitigation threshold (``personal_mitigation.opens_lower_at``) and the edges of four bands
  (the top of management advice; both ends of the final written warning, with its top under the
  2012 Regulations; the top of reduction in rank) and whether, at a misconduct meeting whose
  seriousness reaches the gross-misconduct minimum, the outcomes below the final written warning
  are indicated beside it (``misconduct_meeting.lesser_beside``), chosen from a small grid
  (``grid()``);
- the stated likelihood of each indicated outcome (by how many are indicated and its place);
- the baseline "majority outcome per finding level".
The engine "as shipped" (the parameters in guidance.yaml, read from the guidance, nothing fitted) is
measured on every case beside it. Any form of dismissal matches any other (dismissal with or without
notice, "would have been dismissed"), as in issue 12's table.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from cases_data import RealCase

from misconduct.assessment.engine import assess
from misconduct.assessment.guidance import Guidance, default_guidance
from misconduct.errors import MisconductError
from misconduct.rules.vocabulary import Finding, Outcome

K = 5
SEED = 2026
BOOTSTRAP = 1000
# The tuned parameters and the values tried for each (fitted on the training folds only):
PRESSURES = (0.0, 99.0)  # misconduct findings: most severe first on any net aggravation, or never
OPENS = (1.0, 2.0)  # personal mitigation opens the next less severe outcome at 1 or 2 points
MA_TOP = (1, 3)  # management advice (2012 Regulations) sufficient up to low, or up to moderate
FWW_LOW = (3, 4)  # a final written warning needed from moderate, or from serious conduct
FWW_TOP = (4, 5)  # a final written warning sufficient up to serious, or very serious conduct
FWW_TOP_2012 = (0, 6)  # under the 2012 Regulations: the same top (0), or up to 6
RIR_TOP = (5, 6)  # reduction in rank sufficient up to 5 or 6
# at a meeting whose seriousness reaches the gross-misconduct minimum: the final written warning
# alone (0), or with the outcomes misconduct just short of that level suits beside it (1)
MEETING_LESSER = (0, 1)
PARAMETERS = (
    "ordering",
    "opens",
    "ma_top",
    "fww_low",
    "fww_top",
    "fww_top_2012",
    "rir_top",
    "meeting_lesser",
)
Config = tuple[float, ...]
SHIPPED: Config = (-1e9,)  # marker: the parameters as shipped


def grid() -> list[Config]:
    return list(
        itertools.product(
            PRESSURES, OPENS, MA_TOP, FWW_LOW, FWW_TOP, FWW_TOP_2012, RIR_TOP, MEETING_LESSER
        )
    )


def same(a: Outcome, b: Outcome) -> bool:
    return a is b or (a.is_dismissal and b.is_dismissal)


def variant(g: Guidance, config: Config) -> Guidance:
    pressure, opens, ma_top, fww_low, fww_top, fww_2012, rir_top, meeting = config
    bands = dict(g.bands)
    ma, fww, rir = (
        Outcome.MANAGEMENT_ADVICE,
        Outcome.FINAL_WRITTEN_WARNING,
        Outcome.REDUCTION_IN_RANK,
    )
    bands[ma] = replace(bands[ma], high=int(ma_top))
    bands[fww] = replace(
        bands[fww], low=int(fww_low), high=int(fww_top), high_2012=int(fww_2012) or None
    )
    bands[rir] = replace(bands[rir], high=int(rir_top))
    blocks = dict(g.blocks)
    o, pm, mm = blocks["ordering"], blocks["personal_mitigation"], blocks["misconduct_meeting"]
    blocks["ordering"] = replace(o, values={**o.values, "severe_first_at_pressure": pressure})
    blocks["personal_mitigation"] = replace(pm, values={**pm.values, "opens_lower_at": opens})
    blocks["misconduct_meeting"] = replace(mm, values={**mm.values, "lesser_beside": bool(meeting)})
    return replace(g, blocks=blocks, bands=bands)


@dataclass(frozen=True)
class Run:
    """The engine's answer on one case under one configuration."""

    indicated: tuple[Outcome, ...]
    most_severe: Outcome | None
    regime: str
    label: str
    categories: tuple[str, ...]
    pm_points: float
    net: float
    error: str = ""

    def covered(self, actual: Outcome) -> bool:
        return any(same(o, actual) for o in self.indicated)

    def top1(self, actual: Outcome) -> bool:
        return bool(self.indicated) and same(self.indicated[0], actual)


def run_case(case: RealCase, g: Guidance) -> Run:
    try:
        a = assess(case.facts, guidance=g)
    except MisconductError as exc:
        return Run((), None, "", "", (), 0.0, 0.0, str(exc))
    return Run(
        a.indicated,
        a.available[-1] if a.available else None,
        a.answer.regime.regime.value,
        a.seriousness.label,
        tuple(c.id for c in a.seriousness.categories),
        a.personal_mitigation_points,
        a.seriousness.net_weight,
    )


def run_all(cases: Sequence[RealCase]) -> dict[Config, list[Run]]:
    g = default_guidance()
    out = {SHIPPED: [run_case(c, g) for c in cases]}
    for config in grid():
        gv = variant(g, config)
        out[config] = [run_case(c, gv) for c in cases]
    return out


def folds(n: int) -> list[int]:
    order = list(range(n))
    random.Random(SEED).shuffle(order)
    fold = [0] * n
    for rank, i in enumerate(order):
        fold[i] = rank % K
    return fold


def _objective(runs: list[Run], cases: Sequence[RealCase], idx: list[int]) -> tuple[float, float]:
    cov = sum(runs[i].covered(cases[i].outcome) for i in idx) / len(idx)
    top = sum(runs[i].top1(cases[i].outcome) for i in idx) / len(idx)
    mean = sum(len(runs[i].indicated) for i in idx) / len(idx)
    penalty = max(0.0, mean - 1.5)
    return (cov + top - 2 * penalty, -mean)


@dataclass
class Row:
    """One case's out-of-fold answer: the tuned engine, the shipped engine, the baselines."""

    case: RealCase
    run: Run  # tuned on the other folds
    shipped: Run
    config: Config
    likelihood: tuple[float, ...]  # stated likelihood of each indicated outcome (out of fold)
    majority: Outcome | None


def _class(o: Outcome) -> Outcome:
    return Outcome.DISMISSAL_WITHOUT_NOTICE if o.is_dismissal else o


def _likelihoods(
    runs: list[Run], cases: Sequence[RealCase], idx: list[int]
) -> Callable[[int, int], float]:
    hits: Counter[tuple[int, int]] = Counter()
    total: Counter[tuple[int, int]] = Counter()
    for i in idx:
        ind = runs[i].indicated
        for pos, o in enumerate(ind):
            key = (min(len(ind), 3), min(pos, 2))
            total[key] += 1
            hits[key] += same(o, cases[i].outcome)

    def p(n: int, pos: int) -> float:
        key = (min(n, 3), min(pos, 2))
        return (hits[key] + 1) / (total[key] + 2)  # Laplace: no key is ever stated as certain

    return p


def cross_validate(cases: Sequence[RealCase]) -> tuple[list[Row], dict[Config, list[Run]]]:
    runs = run_all(cases)
    fold = folds(len(cases))
    rows: list[Row | None] = [None] * len(cases)
    for k in range(K):
        train = [i for i in range(len(cases)) if fold[i] != k]
        test = [i for i in range(len(cases)) if fold[i] == k]
        if not train or not test:
            continue
        best = max(
            (c for c in runs if c != SHIPPED), key=lambda c: _objective(runs[c], cases, train)
        )
        stated = _likelihoods(runs[best], cases, train)
        by_finding: dict[str, Counter[Outcome]] = {}
        for i in train:
            by_finding.setdefault(cases[i].facts.proceedings.finding.value, Counter())[
                _class(cases[i].outcome)
            ] += 1
        overall: Counter[Outcome] = Counter(_class(cases[i].outcome) for i in train)
        for i in test:
            r = runs[best][i]
            counts = by_finding.get(cases[i].facts.proceedings.finding.value) or overall
            rows[i] = Row(
                cases[i],
                r,
                runs[SHIPPED][i],
                best,
                tuple(stated(len(r.indicated), pos) for pos in range(len(r.indicated))),
                counts.most_common(1)[0][0] if counts else None,
            )
    return [r for r in rows if r is not None], runs


def bootstrap(values: Sequence[float]) -> tuple[float, float, float]:
    """The mean and its 95% percentile interval over ``BOOTSTRAP`` resamples."""
    n = len(values)
    if not n:
        return (float("nan"),) * 3
    rng = random.Random(SEED)
    means = sorted(sum(values[rng.randrange(n)] for _ in range(n)) / n for _ in range(BOOTSTRAP))
    return (sum(values) / n, means[int(0.025 * BOOTSTRAP)], means[int(0.975 * BOOTSTRAP) - 1])


SUBSETS: list[tuple[str, Callable[[Row], bool]]] = [
    ("all", lambda r: True),
    ("real outcome not dismissal", lambda r: not r.case.outcome.is_dismissal),
    ("real outcome dismissal", lambda r: r.case.outcome.is_dismissal),
    (
        "gross misconduct not dismissed",
        lambda r: (
            r.case.facts.proceedings.finding is Finding.GROSS_MISCONDUCT
            and not r.case.outcome.is_dismissal
        ),
    ),
    ("misconduct meeting", lambda r: r.case.forum == "misconduct_meeting"),
    ("misconduct hearing", lambda r: r.case.forum == "misconduct_hearing"),
    ("accelerated hearing", lambda r: r.case.forum == "accelerated_misconduct_hearing"),
    ("2012 Regulations", lambda r: r.shipped.regime == "conduct_regs_2012"),
    ("2020 Regulations", lambda r: r.shipped.regime == "conduct_regs_2020"),
    ("2020 as amended 2025", lambda r: r.shipped.regime == "conduct_regs_2020_amended_2025"),
    ("corpus (eval/corpus)", lambda r: r.case.origin == "corpus"),
    ("shared cases (eval/cases)", lambda r: r.case.origin == "shared"),
]
