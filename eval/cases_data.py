"""The real outcomes ``make eval`` measures the engine on, from three places, read the same way.

- ``eval/corpus/*.toml``: facts in today's schema plus ``[source]`` (address, publisher, licence)
  and ``[truth]`` (the real outcome and the facts of record: forum, finding, regime, ...). The two
  tables are taken off before the facts are loaded, so the engine never sees the outcome.
- ``eval/cases/*.toml`` with ``../shared/cases/real_outcomes_dev.jsonl``: a facts file per record
  (``<record-id>[--<n>].toml``, ``n`` the officer), the truth from the record.
- ``MISCONDUCT_EVAL_CORPUS``: another directory of corpus files (for a corpus not yet merged).

Any of them may be missing; a file that does not load is reported, never silently dropped.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from misconduct.assessment.facts import Facts, parse_facts
from misconduct.errors import MisconductError
from misconduct.rules.vocabulary import Outcome

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
CASES = HERE / "cases"
SHARED = HERE.parents[1] / "shared" / "cases" / "real_outcomes_dev.jsonl"


@dataclass(frozen=True)
class RealCase:
    id: str
    origin: str  # "corpus" or "shared"
    facts: Facts
    outcome: Outcome
    forum: str
    finding: str
    source: str


def _corpus_dirs() -> list[Path]:
    dirs = [CORPUS]
    extra = os.environ.get("MISCONDUCT_EVAL_CORPUS")
    if extra:
        dirs.append(Path(extra))
    return [d for d in dirs if d.is_dir()]


def _corpus_case(path: Path, raw: dict[str, Any]) -> RealCase:
    truth = raw.pop("truth")
    source = raw.pop("source", {})
    facts = parse_facts(raw)
    return RealCase(
        path.stem,
        "corpus",
        facts,
        Outcome.parse(str(truth["outcome"]), field="truth.outcome"),
        str(truth.get("forum") or facts.proceedings.forum.value),
        str(truth.get("finding") or facts.proceedings.finding.value),
        str(source.get("url", "")),
    )


def load_cases() -> tuple[list[RealCase], list[str]]:
    """Every real case that loads, and a line for each file that does not."""
    cases: list[RealCase] = []
    problems: list[str] = []
    seen: set[str] = set()
    for directory in _corpus_dirs():
        for path in sorted(directory.glob("*.toml")):
            if path.stem in seen:
                continue
            try:
                raw = tomllib.loads(path.read_text(encoding="utf-8"))
                if "truth" not in raw:
                    problems.append(f"{path.name}: no [truth] table")
                    continue
                cases.append(_corpus_case(path, raw))
                seen.add(path.stem)
            except (MisconductError, tomllib.TOMLDecodeError, KeyError) as exc:
                problems.append(f"{path.name}: {exc}")
    if SHARED.exists() and CASES.is_dir():
        records = {}
        for line in SHARED.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                records[r["id"]] = r
        for path in sorted(CASES.glob("*.toml")):
            rid, _, idx = path.stem.partition("--")
            if rid not in records:
                problems.append(f"{path.name}: names no record of {SHARED.name}")
                continue
            truth = records[rid]["truth"]
            try:
                facts = parse_facts(tomllib.loads(path.read_text(encoding="utf-8")))
                actual = Outcome.parse(
                    str(truth["outcome_codes"][int(idx or 0)]), field="outcome_codes"
                )
            except (MisconductError, tomllib.TOMLDecodeError) as exc:
                problems.append(f"{path.name}: {exc}")
                continue
            cases.append(
                RealCase(
                    path.stem,
                    "shared",
                    facts,
                    actual,
                    facts.proceedings.forum.value,
                    facts.proceedings.finding.value,
                    str(records[rid].get("source_url_or_repo_path", "")),
                )
            )
    return cases, problems
