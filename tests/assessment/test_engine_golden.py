"""The engine's whole output for 600 varied cases equals what it gave before the third speed round.

``engine_golden.json`` holds a SHA-256 digest of each case's output (the JSON of the assessment, the
text report and the markdown draft, or the error a refused case gives), written from the engine's
code before branch ``engine7`` (commit 053d11c) with ``python -m tests.assessment.test_engine_golden
--write``. The cases go further than ``make bench``'s: explicit levels, absent factors, notes,
warnings on the record, personal mitigation raised late, exceptional circumstances, several
allegations, the former-officer and refused combinations, and dates from 2019 to 2026 (all three
regulations).

Each case is assessed twice: first with the guidance's kept reasons and stage-2 plans emptied (so a
plan is worked out the first time its values are met, and kept for a later case), then again with
everything kept, so both ways of reaching the answer are compared with the stored digests. A change
of logic or rule data changes the digests on purpose: rewrite the file in the same commit and say so.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from misconduct.assessment.engine import assess
from misconduct.assessment.factors import Stage, default_factors
from misconduct.assessment.facts import Facts, parse_facts
from misconduct.assessment.guidance import default_guidance
from misconduct.assessment.report import markdown_decision, text_report
from misconduct.errors import MisconductError

GOLDEN = Path(__file__).with_name("engine_golden.json")
COUNT = 600

FORUM_FINDING = [
    ("misconduct_meeting", "misconduct"),
    ("misconduct_hearing", "misconduct"),
    ("misconduct_hearing", "gross_misconduct"),
    ("accelerated_misconduct_hearing", "gross_misconduct"),
    ("misconduct_meeting", "gross_misconduct"),  # refused: a meeting cannot find gross misconduct
    ("accelerated_misconduct_hearing", "misconduct"),  # refused
]
RANKS = ["constable", "sergeant", "inspector", "chief_inspector", "superintendent"]
LEVELS = ["low", "medium", "high"]


def _document(rng: random.Random, seriousness: list[str], personal: list[str]) -> dict[str, Any]:
    forum, finding = rng.choice(FORUM_FINDING[:4] if rng.random() < 0.95 else FORUM_FINDING)
    came = date(2019, 1, 1) + timedelta(days=rng.randrange(0, 2700))
    officer: dict[str, Any] = {
        "rank": rng.choice(RANKS),
        "status": "former" if rng.random() < 0.1 else "serving",
    }
    if rng.random() < 0.15:
        officer["warnings"] = [
            {
                "kind": rng.choice(["written_warning", "final_written_warning"]),
                "notified_on": came - timedelta(days=rng.randrange(30, 900)),
                "months": rng.choice([12, 18, 24]),
            }
        ]
    if rng.random() < 0.05:
        officer["previously_reduced_in_rank"] = True
    chosen = rng.sample(seriousness, rng.randrange(0, 9))
    doc: dict[str, Any] = {
        "officer": officer,
        "allegation": {"came_to_attention": came, "summary": "generated for the golden test"},
        "proceedings": {
            "forum": forum,
            "finding": finding,
            "severity_assessment_on": came + timedelta(days=rng.randrange(0, 60)),
            "hearing_on": came + timedelta(days=rng.randrange(90, 500)),
        },
        "factors": [
            {"id": f, "note": "as found"} if rng.random() < 0.2 else {"id": f} for f in chosen
        ],
        "personal_mitigation": [
            {
                "id": p,
                "raised_late": rng.random() < 0.2,
                **({"note": "put forward"} if rng.random() < 0.2 else {}),
            }
            for p in rng.sample(personal, rng.randrange(0, 4))
        ],
    }
    left = [f for f in seriousness if f not in chosen]
    if rng.random() < 0.1:
        doc["absent"] = [{"id": rng.choice(left)}]
    for name in ("culpability", "harm"):
        if rng.random() < 0.1:
            doc[name] = {"level": rng.choice(LEVELS), "reason": f"the chair's view of {name}"}
    if finding == "gross_misconduct" and rng.random() < 0.1:
        doc["exceptional_circumstances"] = "long illness at the time of the conduct"
    if rng.random() < 0.05:
        doc["allegations"] = [
            {"summary": "first allegation.", "finding": finding},
            {"summary": "second allegation.", "finding": "misconduct"},
        ]
        del doc["proceedings"]["finding"]
    return doc


def cases() -> list[tuple[str, Facts | str]]:
    """The cases, each named by its number: its facts, or the error its facts give."""
    cat = default_factors()
    seriousness = sorted(f.id for f in cat if f.stage is not Stage.PERSONAL_MITIGATION)
    personal = sorted(f.id for f in cat.by_stage(Stage.PERSONAL_MITIGATION))
    rng = random.Random(7)
    out: list[tuple[str, Facts | str]] = []
    for i in range(COUNT):
        doc = _document(rng, seriousness, personal)
        try:
            out.append((f"case {i}", parse_facts(doc)))
        except MisconductError as exc:
            out.append((f"case {i}", f"facts refused: {type(exc).__name__}: {exc}"))
    return out


def _default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def digest(facts: Facts | str) -> str:
    if isinstance(facts, str):
        text = facts
    else:
        try:
            a = assess(facts)
        except MisconductError as exc:
            text = f"error {type(exc).__name__}: {exc}"
        else:
            text = "\n\x00\n".join(
                [
                    json.dumps(a.as_dict(), indent=1, ensure_ascii=False, default=_default),
                    text_report(a),
                    markdown_decision(a),
                ]
            )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def outputs() -> dict[str, str]:
    return {name: digest(facts) for name, facts in cases()}


def test_the_output_equals_the_output_before_the_third_speed_round() -> None:
    stored: dict[str, str] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(stored) == COUNT
    all_cases = cases()
    refused = sum(1 for _, facts in all_cases if isinstance(facts, str))
    assert refused < COUNT // 10  # the cases are mostly ones the engine assesses
    default_guidance().tables.memo.clear()  # the first pass works every kept value out again
    for label in ("worked out", "kept"):
        current = {name: digest(facts) for name, facts in all_cases}
        differ = [name for name in stored if current[name] != stored[name]]
        assert not differ, f"{label}: {len(differ)} outputs differ, the first {differ[:5]}"


if __name__ == "__main__":  # python -m tests.assessment.test_engine_golden --write
    if sys.argv[1:] == ["--write"]:
        GOLDEN.write_text(json.dumps(outputs(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
