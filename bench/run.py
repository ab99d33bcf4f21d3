"""Performance figures (``make bench``): each benchmark prints its figure and the data size it used.

Benchmarks are named functions in ``BENCHMARKS``; other areas add theirs to the list.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from misconduct.assessment.engine import assess  # noqa: E402
from misconduct.assessment.factors import Stage, default_factors  # noqa: E402
from misconduct.assessment.facts import Facts, parse_facts  # noqa: E402

FORUM_FINDING = [
    ("misconduct_meeting", "misconduct"),
    ("misconduct_hearing", "misconduct"),
    ("misconduct_hearing", "gross_misconduct"),
    ("accelerated_misconduct_hearing", "gross_misconduct"),
]
RANKS = ["constable", "sergeant", "inspector", "superintendent"]


def generated_facts(n: int, seed: int = 2025) -> list[Facts]:
    """A reproducible batch of varied facts: forums, findings, ranks, dates either side of 2025."""
    rng = random.Random(seed)
    cat = default_factors()
    seriousness = [f.id for f in cat if f.stage is not Stage.PERSONAL_MITIGATION]
    personal = [f.id for f in cat.by_stage(Stage.PERSONAL_MITIGATION)]
    out = []
    for _ in range(n):
        forum, finding = rng.choice(FORUM_FINDING)
        came = date(2020, 3, 1) + timedelta(days=rng.randrange(0, 2200))
        doc: dict[str, Any] = {
            "officer": {
                "rank": rng.choice(RANKS),
                "status": rng.choice(["serving"] * 9 + ["former"]),
            },
            "allegation": {"came_to_attention": came, "summary": "generated"},
            "proceedings": {
                "forum": forum,
                "finding": finding,
                "severity_assessment_on": came + timedelta(days=10),
                "hearing_on": came + timedelta(days=200),
            },
            "factors": [{"id": f} for f in rng.sample(seriousness, rng.randrange(0, 8))],
            "personal_mitigation": [{"id": p} for p in rng.sample(personal, rng.randrange(0, 3))],
        }
        out.append(parse_facts(doc))
    return out


def bench_assessments_per_second() -> str:
    batch = generated_facts(5000)
    for facts in batch[:200]:  # warm the parameter caches
        assess(facts)
    start = time.perf_counter()
    for facts in batch:
        assess(facts)
    elapsed = time.perf_counter() - start
    return (
        f"{len(batch) / elapsed:,.0f} assessments/s on one core "
        f"(batch of {len(batch)} generated facts, {elapsed:.2f} s; target >= 5,000/s)"
    )


BENCHMARKS: list[tuple[str, Callable[[], str]]] = [
    ("assessment engine", bench_assessments_per_second),
]


def main() -> int:
    for name, func in BENCHMARKS:
        print(f"{name}: {func()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
