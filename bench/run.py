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

from misconduct.assessment.engine import _default_rules, assess  # noqa: E402
from misconduct.assessment.factors import Stage, default_factors  # noqa: E402
from misconduct.assessment.facts import Facts, parse_facts  # noqa: E402
from misconduct.errors import MisconductError  # noqa: E402
from misconduct.rules.deadlines import deadline, steps  # noqa: E402
from misconduct.rules.outcomes import OutcomeQuestion, lawful_outcomes  # noqa: E402
from misconduct.rules.regime import regime_cache_clear  # noqa: E402
from misconduct.rules.vocabulary import Finding, Forum, Rank  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
import web  # noqa: E402

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
    """Assessments a second on one core: the best of three passes over 5,000 generated facts.

    Reported both per second of CPU time used by this process (``time.process_time``: what one core
    does, whatever else the machine runs) and per second of wall-clock time (which on a shared
    machine also counts the time other processes held the core). Every assessment builds its full
    reasons and trace; nothing is skipped. The rules' answer is cached per question (a question asked
    again, as when the assessment page reruns a case, is answered once); the cache is emptied before
    each pass, so the figure is for questions never asked before.
    """
    batch = []
    for facts in generated_facts(5000):  # keep the facts the rules answer (a former officer at a
        try:  # meeting is refused); this also warms the parameter caches
            assess(facts)
        except MisconductError:
            continue
        batch.append(facts)
    cpu_rate = wall_rate = 0.0
    elapsed = 0.0
    for _ in range(3):
        _default_rules.cache_clear()  # no pass is served from an earlier pass's rules answers
        regime_cache_clear()  # nor from its regime decisions
        cpu, wall = time.process_time(), time.perf_counter()
        for facts in batch:
            assess(facts)
        cpu_used, elapsed = time.process_time() - cpu, time.perf_counter() - wall
        cpu_rate = max(cpu_rate, len(batch) / cpu_used)
        wall_rate = max(wall_rate, len(batch) / elapsed)
    return (
        f"{cpu_rate:,.0f} assessments per CPU-second on one core, {wall_rate:,.0f}/s wall clock "
        f"(best of 3 passes over {len(batch)} generated facts; target >= 20,000/s)"
    )


def bench_deadlines_per_second() -> str:
    rng = random.Random(2025)
    ids = [p.id for p in steps()]
    calls = []
    for _ in range(20_000):
        trigger = date(2020, 3, 1) + timedelta(days=rng.randrange(0, 2200))
        calls.append((rng.choice(ids), trigger))
    answered = []
    for step, trigger in calls:  # keep the steps in force on the trigger date
        try:
            deadline(step, trigger)
        except MisconductError:
            continue
        answered.append((step, trigger))
    start = time.perf_counter()
    for step, trigger in answered:
        deadline(step, trigger)
    elapsed = time.perf_counter() - start
    return (
        f"{len(answered) / elapsed:,.0f} deadlines/s on one core ({len(answered):,} computations "
        f"over {len(ids)} steps, trigger dates March 2020 to March 2026, {elapsed:.2f} s)"
    )


def generated_questions(n: int, seed: int = 2025) -> list[OutcomeQuestion]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        forum, finding = rng.choice(FORUM_FINDING)
        came = date(2020, 3, 1) + timedelta(days=rng.randrange(0, 2200))
        out.append(
            OutcomeQuestion(
                Forum(forum),
                Finding(finding),
                came,
                came + timedelta(days=10),
                came + timedelta(days=200),
                rank=Rank(rng.choice(RANKS)),
                former_officer=rng.random() < 0.1,
                fww_in_force=rng.random() < 0.2,
                ww_in_force=rng.random() < 0.2,
            )
        )
    return out


def bench_lawful_outcomes_per_second() -> str:
    batch = generated_questions(5000)
    answered = []
    for q in batch:  # keep the questions the rules answer (some combinations are refused)
        try:
            lawful_outcomes(q)
        except MisconductError:
            continue
        answered.append(q)
    regime_cache_clear()  # the timed loop reuses no regime decided in the warm-up
    start = time.perf_counter()
    for q in answered:
        lawful_outcomes(q)
    elapsed = time.perf_counter() - start
    return (
        f"{len(answered) / elapsed:,.0f} answers/s on one core ({len(answered):,} generated "
        f"questions: forums, findings, ranks, warnings, dates 2020 to 2026; {elapsed:.2f} s)"
    )


BENCHMARKS: list[tuple[str, Callable[[], str]]] = [
    ("assessment engine", bench_assessments_per_second),
    ("working-day deadlines", bench_deadlines_per_second),
    ("lawful outcomes", bench_lawful_outcomes_per_second),
    ("case replay", web.bench_case_replay),
    ("case load", web.bench_case_load),
    ("case state load", web.bench_case_state_load),
    ("public register page /", web.bench_public_register_page),
    ("public force page", web.bench_public_force_page),
    ("public register page 2", web.bench_public_register_page_2),
    ("public record page", web.bench_public_record_page),
    ("public API list", web.bench_public_api_list),
]


def main() -> int:
    for name, func in BENCHMARKS:
        print(f"{name}: {func()}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
