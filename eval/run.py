"""Evaluate the assessment engine against real published outcomes (``make eval``).

Each ``cases/<record-id>[--<n>].toml`` is a facts file written in our words from one record of
``../shared/cases/real_outcomes_dev.jsonl``; ``n`` picks the officer (index into ``outcome_codes``,
default 0). Reports coverage (actual outcome among the indicated), top-1 accuracy (actual is the most
likely), sharpness (mean number indicated) and a table of misses, then the same figures split by the
actual outcome, by hearing type (as the record states it) and on the records whose outcome was not a
dismissal (the hard ones: published outcomes are mostly dismissals, which a dismissal-leaning engine
gets right for free). Records with no facts file are listed with the reason (``excluded.toml``).
Skips cleanly without the data.

A former officer's "would have been dismissed" is counted as matched by dismissal without notice only
where the rules answer treats the former officer as serving (2012 Regulations, not modelled for former
officers); such rows are marked in the table so the gap stays visible.
"""

from __future__ import annotations

import json
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from misconduct.assessment.engine import assess  # noqa: E402
from misconduct.assessment.facts import load_facts  # noqa: E402
from misconduct.errors import MisconductError  # noqa: E402

DATA = ROOT.parent / "shared" / "cases" / "real_outcomes_dev.jsonl"
CASES = Path(__file__).parent / "cases"
EXCLUDED = Path(__file__).parent / "excluded.toml"
DISMISSALS = {"dismissal_without_notice", "would_have_been_dismissed"}

Row = tuple[str, str, list[str], bool, bool, str, str]


def _figures(rows: list[Row]) -> str:
    n = len(rows)
    if not n:
        return "no records"
    cov = sum(r[3] for r in rows)
    top = sum(r[4] for r in rows)
    mean = sum(len(r[2]) for r in rows) / n
    return f"n={n:2}  coverage {cov}/{n} = {cov / n:4.0%}  top-1 {top}/{n} = {top / n:4.0%}  mean {mean:.2f}"


def _split(title: str, rows: list[Row], key: Callable[[Row], str]) -> None:
    print(f"\nby {title}:")
    for value in sorted({key(r) for r in rows}):
        print(f"  {value:34} {_figures([r for r in rows if key(r) == value])}")


def main() -> int:
    if not DATA.exists():
        print(f"eval: skipped ({DATA} not found)")
        return 0
    records = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            records[r["id"]] = r
    rows: list[Row] = []
    for path in sorted(CASES.glob("*.toml")):
        rid, _, idx = path.stem.partition("--")
        if rid not in records:
            print(f"eval: {path.name} names no record")
            return 1
        actual = records[rid]["truth"]["outcome_codes"][int(idx or 0)]
        hearing = str(records[rid]["truth"]["hearing_type"]).split(" ")[0]
        try:
            a = assess(load_facts(path))
        except MisconductError as exc:
            rows.append((path.stem, actual, [], False, False, f"error: {exc}", hearing))
            continue
        indicated = [o.value for o in a.indicated]
        note = ""
        equivalent = set(indicated)
        if (
            actual == "would_have_been_dismissed"
            and a.facts.officer.former
            and "would_have_been_dismissed" not in [o.value for o in a.available]
        ):
            equivalent |= (
                {"would_have_been_dismissed"} if "dismissal_without_notice" in indicated else set()
            )
            note = "former officer under the 2012 Regulations: rules treat as serving"
        covered = actual in equivalent
        top1 = bool(indicated) and bool(
            indicated[0] == actual
            or (bool(note) and indicated[0] == "dismissal_without_notice" and covered)
        )
        rows.append((path.stem, actual, indicated, covered, top1, note, hearing))
    n = len(rows)
    covered = sum(r[3] for r in rows)
    top1 = sum(r[4] for r in rows)
    mean = sum(len(r[2]) for r in rows) / n
    print(
        f"eval: {n} facts files from {len({r[0].split('--')[0] for r in rows})} of {len(records)} records"
    )
    print(f"coverage (actual among indicated): {covered}/{n} = {covered / n:.0%}  (target >= 90%)")
    print(f"top-1 (actual is most likely):     {top1}/{n} = {top1 / n:.0%}  (target >= 70%)")
    print(f"mean indicated outcomes:           {mean:.2f}  (target <= 1.6)")
    misses = [r for r in rows if not r[3] or not r[4]]
    if misses:
        print("\nmisses (not covered, or covered but not first):")
        print(f"{'case':48} {'actual':26} {'indicated'}")
        for case, actual, ind, cov, _t1, note, _h in misses:
            flag = "" if cov else "NOT COVERED "
            print(f"{case:48} {actual:26} {flag}{', '.join(ind)} {note}")
    marked = [r for r in rows if r[5] and r not in misses]
    if marked:
        print("\nmatched through the former-officer equivalence (rules gap):")
        for case, actual, ind, *_ in marked:
            print(f"  {case}: {actual} ~ {', '.join(ind)}")
    _split("actual outcome", rows, lambda r: r[1])
    _split("hearing type (as the record states it)", rows, lambda r: r[6])
    hard = [r for r in rows if r[1] not in DISMISSALS]
    print(f"\nnon-dismissal outcomes (the hard ones): {_figures(hard)}")
    print(
        f"dismissal outcomes:                     {_figures([r for r in rows if r[1] in DISMISSALS])}"
    )
    excluded = tomllib.loads(EXCLUDED.read_text(encoding="utf-8")) if EXCLUDED.exists() else {}
    with_file = {r[0].split("--")[0] for r in rows}
    missing = sorted(set(records) - with_file)
    print(f"\nrecords without a facts file: {len(missing)}")
    for rid in missing:
        print(f"  {rid}: {excluded.get(rid, 'no reason recorded')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
