"""Passes of the assessment for counting instructions with callgrind (load-independent).

    PYTHONHASHSEED=0 valgrind --tool=callgrind python bench/instructions.py whole 1500 2
    PYTHONHASHSEED=0 valgrind --tool=callgrind python bench/instructions.py whole 1500 0

The difference between the two counts, divided by twice the number printed, is the instructions an
assessment. ``whole``: every assessment with the rules' answer and regime decisions emptied before
each pass (as ``make bench``); ``rules``: only the rules' answer and its citation for questions
never asked; ``cached``: the assessment with every rules answer already cached (use at most 1,000
facts, so that they all fit the cache).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from run import generated_facts  # noqa: E402

from misconduct.assessment import engine  # noqa: E402
from misconduct.errors import MisconductError  # noqa: E402
from misconduct.rules.regime import regime_cache_clear  # noqa: E402


def main(mode: str, count: int, passes: int) -> int:
    batch = []
    for facts in generated_facts(count):
        try:
            engine.assess(facts)
        except MisconductError:
            continue
        batch.append(facts)
    questions = [engine.question_for(f) for f in batch]
    rules = engine._default_rules.__wrapped__  # the rules' answer and citation, uncached
    for _ in range(passes):
        if mode == "whole":
            engine._default_rules.cache_clear()
            regime_cache_clear()
            for facts in batch:
                engine.assess(facts)
        elif mode == "rules":
            regime_cache_clear()
            for q in questions:
                rules(q)
        elif mode == "cached":
            for facts in batch:
                engine.assess(facts)
        else:
            raise SystemExit(f"mode: expected whole, rules or cached; received {mode!r}")
    print(len(batch))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
