"""Golden outputs of the assessment engine: proof that a speed change changed no answer.

Runs the assessment on every facts file in ``examples/`` and ``eval/corpus/`` and on the facts that
``make bench`` generates, and the rules' lawful outcomes on the questions it generates, and compares a
SHA-256 digest of each public output (the JSON of ``misconduct assess --format json`` without the
similar cases, the text report and the markdown draft; the rules' answer as JSON; the error a refused
case gives) with the digests stored in ``bench/golden-digests.json``.

    python bench/golden.py            # check: prints what differs, exits 1 if anything does
    python bench/golden.py --write    # store the current digests (after a deliberate change of logic)

A change to the engine's logic or the rule data changes the digests on purpose: rewrite them with
``--write`` in the same commit and say so. A change for speed must leave them all equal.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from misconduct.assessment.engine import assess  # noqa: E402
from misconduct.assessment.facts import Facts, load_facts  # noqa: E402
from misconduct.assessment.report import markdown_decision, text_report  # noqa: E402
from misconduct.errors import MisconductError  # noqa: E402
from misconduct.rules.outcomes import lawful_outcomes  # noqa: E402

DIGESTS = ROOT / "bench" / "golden-digests.json"
GENERATED = 5000  # the batch make bench assesses


def _default(value: Any) -> Any:  # as the CLI's emit_json
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=_default)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _error(exc: MisconductError) -> str:
    return f"error {type(exc).__name__}: {exc}"


def _assessment(facts: Facts, *, reports: bool) -> str:
    try:
        a = assess(facts)
    except MisconductError as exc:
        return _digest(_error(exc))
    parts = [_json(a.as_dict())]
    if reports:
        parts += [text_report(a), markdown_decision(a)]
    return _digest("\n\x00\n".join(parts))


def outputs() -> dict[str, str]:
    """Every output's digest, by a name that says where it came from."""
    from run import generated_facts, generated_questions  # bench/run.py: the bench's own data

    out: dict[str, str] = {}
    files = sorted((ROOT / "examples").glob("*.toml")) + sorted(
        (ROOT / "eval" / "corpus").glob("*.toml")
    )
    for path in files:
        name = str(path.relative_to(ROOT))
        try:
            facts = load_facts(path)
        except MisconductError as exc:
            out[name] = _digest(_error(exc))
            continue
        out[name] = _assessment(facts, reports=True)
    for i, facts in enumerate(generated_facts(GENERATED)):
        out[f"bench/generated_facts[{i}]"] = _assessment(facts, reports=i < 500)
    for i, q in enumerate(generated_questions(GENERATED)):
        try:
            text = _json(lawful_outcomes(q).as_dict())
        except MisconductError as exc:
            text = _error(exc)
        out[f"bench/generated_questions[{i}]"] = _digest(text)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the current digests")
    args = parser.parse_args()
    current = outputs()
    if args.write:
        DIGESTS.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {len(current)} digests to {DIGESTS.relative_to(ROOT)}")
        return 0
    stored: dict[str, str] = json.loads(DIGESTS.read_text(encoding="utf-8"))
    differ = sorted(k for k in stored.keys() & current.keys() if stored[k] != current[k])
    missing, extra = sorted(stored.keys() - current.keys()), sorted(current.keys() - stored.keys())
    for label, names in (("differs", differ), ("missing", missing), ("new", extra)):
        for name in names[:20]:
            print(f"{label}: {name}")
        if len(names) > 20:
            print(f"{label}: ... and {len(names) - 20} more")
    same = len(stored.keys() & current.keys()) - len(differ)
    print(
        f"{same} of {len(stored)} outputs identical; {len(differ)} differ, {len(missing)} missing, "
        f"{len(extra)} new"
    )
    return 1 if differ or missing or extra else 0


if __name__ == "__main__":
    raise SystemExit(main())
