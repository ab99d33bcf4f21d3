"""Calibrating the review queue against the development sets (``make eval-calibration``).

1. ``rows``: every scored field of every officer of the DEVELOPMENT sets, read by the extractor
   WITHOUT the calibration (``extract.__wrapped__``), with its set, page, field, whether a value was
   given, the verdict against the hand-read truth (right, wrong, missed, empty: an empty field the
   truth leaves empty too, no record: the officer was not read), the extractor's confidence and
   note, and every candidate condition of ``misconduct.ingest.calibration.CONDITIONS`` that holds
   for it (features knowable at extraction time). ``--rows FILE`` writes them as JSON lines.
2. ``fit``: the table of (condition, field) rules, chosen greedily on training rows: the rule that
   sends the fewest right values to review for each wrong or missed value it catches, while it
   catches at least one in ``MIN_RATE`` of what it sends and at least ``MIN_CAUGHT`` values, until
   the right values sent to review (with those the extractor already sends) would pass ``BUDGET``
   of the right values.
3. ``--loso``: LEAVE-ONE-SET-OUT: for each of held-out 5 to 25, the table fitted on every other
   development set, scored on the one left out; beside the baselines (the current confidences;
   every field of a page about several officers; every value; a per-field threshold on the
   extractor's confidence, fitted by the same rule), per field and overall.
4. ``--fit``: the table fitted on all development sets, printed as the code of ``TABLE``.

Development sets: the shared cases (one-officer ones: a truth of several officers is not given
officer by officer), the page texts of ``MISCONDUCT_INGEST_TEXTS`` (corpus development and
held-out 2, held-out 3 and 4, and the corpus's saved texts) and held-out 5 to 33
(``MISCONDUCT_INGEST_HELDOUT<N>_TEXTS``, else ``heldout<N>`` in ``MISCONDUCT_INGEST_CACHE``, by
default the folder ``ingest-cache`` beside the repository). Held-out 19 was the test set of the
first table, and held-out 20 to 25 tested the shipped one again (none read by the fitting; each
measured once with it: "Calibrating the review queue" in docs/register.md, "Held-out 20 (21, 22,
23, 24 and 25) measured once" in docs/register-accuracy.md; held-out 26 was measured once at
67547b1, held-out 27 at ef1aa3a, held-out 28 at 0afedd0, held-out 29 at 1128f4d, held-out 30 at
a726f91, held-out 31 at 7463c50, held-out 32 at 49b221c, held-out 33 at 39e6367); all are development since. A held-out
set not yet measured (``NEVER`` on) is never read here.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ingest_eval as ie

from misconduct.ingest import calibration as cal
from misconduct.ingest.model import DEFAULT_THRESHOLD, Extraction, OfficerRecord

CACHE = Path(os.environ.get("MISCONDUCT_INGEST_CACHE", ie.ROOT.parent / "ingest-cache"))
LEFT_OUT = range(5, 26)  # the sets reported leave-one-set-out
TARGET_FIELDS = tuple(
    ie.TARGETS
)  # force, forum, finding, outcome, warning, Standards, hearing date
BUDGET = 0.25  # at most this share of the right values sent to review (training sets)
MIN_RATE = 0.05  # a rule catches at least one wrong or missed value in twenty it sends
MIN_CAUGHT = 3  # ... and at least three on the training sets
NEVER = 37  # held-out 37 on: never read, extracted or scored here (no held-out 37 exists yet;
# held-out 26 to 36, measured once at 67547b1, ef1aa3a, 0afedd0, 1128f4d, a726f91, 7463c50, 49b221c,
# 39e6367, c3c5552, cadeba6 and aac7ea0, are development since, so a later fitting may read them;
# the calibration was not fitted again when any of them was measured, as the texts of held-out 5 to
# 14 were not on those machines)

Page = tuple[str, str, str | None, list[tuple[str, dict[str, Any]]]]


def _shared_pages() -> list[Page]:
    """The one-officer shared cases in the shape of ``cached_pages`` (a name stem for matching)."""
    pages = []
    for ident, text, url, truth in ie.shared_items() if ie.DATA.exists() else []:
        if (truth.get("n_officers") or 1) != 1:
            continue
        outcomes = truth.get("outcome_codes") or truth.get("outcomes") or []
        one = {**truth, "outcome": outcomes[0] if outcomes else None}
        words = "-".join(re.findall(r"[A-Za-z]{3,}", str(truth.get("officer_name") or "")))
        pages.append((ident, text, url, [(f"shared-0-{words.lower()}--0", one)]))
    return pages


def _corpus_pages() -> list[Page]:
    """The corpus's saved texts (``eval/corpus/texts``) in the shape of ``cached_pages``."""
    import tomllib

    pages = []
    folder = ie.CORPUS
    for path in sorted((folder / "texts").glob("*.txt")) if (folder / "texts").exists() else []:
        page = re.sub(r"--\d+$", "", path.stem)
        officers = []
        for toml_path in sorted(folder.glob(f"{page}*.toml")):
            data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
            if isinstance(data.get("truth"), dict):
                officers.append((toml_path.stem, data["truth"]))
        text = path.read_text(encoding="utf-8")
        text = "\n".join(line for line in text.splitlines() if not line.startswith("# Source:"))
        if officers:
            pages.append((page, text, None, officers))
    return pages


def development_sets() -> dict[str, list[Page]]:
    """Every development set by name; a held-out set from ``NEVER`` on is never among them."""
    sets: dict[str, list[Page]] = {"shared": _shared_pages(), "corpus texts": _corpus_pages()}
    texts = Path(os.environ.get("MISCONDUCT_INGEST_TEXTS", CACHE / "texts"))
    held2 = ie.heldout2_ids()
    cached = ie.cached_pages(texts)
    sets["page texts"] = [p for p in cached if ie.set_of(p[0], held2) == "development"]
    sets["held-out 2"] = [p for p in cached if ie.set_of(p[0], held2) == "held-out 2"]
    for held in ie.HELD_OUT:
        if held.number >= NEVER:
            continue
        folder = os.environ.get(held.variable) if held.own_folder else None
        folder = folder or (texts if held.number <= 4 else CACHE / f"heldout{held.number}")
        sets[held.name] = ie.heldout3_pages(Path(folder), held.truths)
    assert not any(name == f"held-out {NEVER}" for name in sets)
    return {k: v for k, v in sets.items() if v}


@dataclass(frozen=True)
class Row:
    set: str
    page: str
    field: str
    given: bool
    verdict: str  # right, wrong, missed, empty, no record
    confidence: float
    note: str
    records: int
    conditions: frozenset[str]
    officer: int = -1  # the record's place on its page

    @property
    def error(self) -> bool:
        return self.verdict in ("wrong", "missed")

    @property
    def flagged_now(self) -> bool:
        return self.verdict != "no record" and self.confidence < DEFAULT_THRESHOLD

    def as_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "conditions": sorted(self.conditions)}


def rows(sets: dict[str, list[Page]]) -> list[Row]:
    """Every scored field of the sets, read without the calibration."""
    raw = ie.extract.__wrapped__  # type: ignore[attr-defined]
    out: list[Row] = []
    calibrated, ie.extract = ie.extract, raw
    try:
        for name, pages in sets.items():
            pages_cache: dict[int, cal.Page] = {}

            def each(
                page: str,
                ex: Extraction,
                rec: OfficerRecord | None,
                field: str,
                right: bool,
                given: bool,
                wanted: bool,
                name: str = name,
                pages_cache: dict[int, cal.Page] = pages_cache,
            ) -> None:
                if rec is None:
                    if given or wanted:
                        out.append(
                            Row(name, page, field, False, "no record", 1, "", 0, frozenset())
                        )
                    return
                ctx = pages_cache.setdefault(id(ex), cal.Page(ex))
                i = next(k for k, r in enumerate(ex.records) if r is rec)
                f = rec.fields[field]
                verdict = (
                    "right"
                    if right and (given or wanted)
                    else "empty"
                    if right
                    else ("wrong" if given else "missed")
                )
                out.append(
                    Row(
                        name,
                        page,
                        field,
                        given,
                        verdict,
                        f.confidence,
                        f.note,
                        len(ex.records),
                        frozenset(cal.conditions_met(ctx, i, field)),
                        i,
                    )
                )

            ie.score_pages(pages, None, each)
    finally:
        ie.extract = calibrated
    return out


# --- fitting ---------------------------------------------------------------------------------------

Key = tuple[str, str]  # (condition, field)


def _holds(row: Row, key: Key) -> bool:
    cond, field = key
    if row.field != field or row.verdict == "no record":
        return False
    if cond.startswith("confidence < "):  # the per-field threshold baseline
        return row.confidence < float(cond.removeprefix("confidence < "))
    return cond in row.conditions


def fit(
    train: list[Row],
    candidates: Iterable[Key] | None = None,
    budget: float | None = None,
    min_rate: float | None = None,
) -> list[tuple[Key, int, int]]:
    """The rules chosen on ``train``: (key, wrong or missed values it holds for, values it holds
    for) on the training rows, in the order chosen (see the module's docstring)."""
    budget = BUDGET if budget is None else budget
    min_rate = MIN_RATE if min_rate is None else min_rate
    if candidates is None:
        candidates = [(c, f) for c in cal.CONDITIONS for f in ie.FIELDS]
    candidates = list(candidates)
    rights = sum(r.verdict == "right" for r in train)
    flagged = [r.flagged_now for r in train]
    burden = sum(f and r.verdict == "right" for f, r in zip(flagged, train, strict=True))
    chosen: list[tuple[Key, int, int]] = []
    holds = {k: [_holds(r, k) for r in train] for k in candidates}
    while True:
        best = None
        for k in candidates:
            if any(k == c for c, _, _ in chosen):
                continue
            caught = cost = sent = 0
            for h, f, r in zip(holds[k], flagged, train, strict=True):
                if h and not f:
                    caught += r.error
                    cost += r.verdict in ("right", "empty")
                    sent += r.verdict == "right"
            if caught < MIN_CAUGHT or caught / (caught + cost) < min_rate:
                continue
            if burden + sent > budget * rights:
                continue
            score = caught / (caught + cost)
            if best is None or score > best[0] or (score == best[0] and caught > best[1]):
                best = (score, caught, sent, k)
        if best is None:
            return _pruned(train, chosen, holds)
        _, _, sent, k = best
        all_err = sum(h and r.error for h, r in zip(holds[k], train, strict=True))
        all_n = sum(h for h in holds[k])
        chosen.append((k, all_err, all_n))
        burden += sent
        flagged = [f or h for f, h in zip(flagged, holds[k], strict=True)]


def _pruned(
    train: list[Row], chosen: list[tuple[Key, int, int]], holds: dict[Key, list[bool]]
) -> list[tuple[Key, int, int]]:
    """The chosen rules less those that flag nothing the others (or the extractor) do not: a
    field sent to review whole ("often wrong") needs no narrower rule beside it. The narrowest
    are tried first."""
    kept = list(chosen)
    for rule in sorted(chosen, key=lambda c: c[2]):
        others = [holds[k] for k, _, _ in kept if k != rule[0]]
        if all(
            not h or r.flagged_now or any(o[n] for o in others)
            for n, (h, r) in enumerate(zip(holds[rule[0]], train, strict=True))
        ):
            kept.remove(rule)
    return kept


def apply(
    rows_: list[Row], rules: list[Key], *, several: bool = False, every: bool = False
) -> list[bool]:
    """Which rows wait for a person: the extractor's low confidences, plus the rules."""
    out = []
    for r in rows_:
        if r.verdict == "no record":
            out.append(False)
        elif every:
            out.append(True)
        else:
            out.append(
                r.flagged_now or (several and r.records > 1) or any(_holds(r, k) for k in rules)
            )
    return out


def tally(rows_: list[Row], flagged: list[bool]) -> dict[str, Counter[str]]:
    by: dict[str, Counter[str]] = defaultdict(Counter)
    for r, f in zip(rows_, flagged, strict=True):
        for name in (r.field, "all fields", "target fields" if r.field in TARGET_FIELDS else ""):
            if name:
                by[name][r.verdict + (", flagged" if f else "")] += 1
    return by


def summary(c: Counter[str]) -> str:
    wrong = c["wrong"] + c["wrong, flagged"]
    missed = c["missed"] + c["missed, flagged"]
    right = c["right"] + c["right, flagged"]
    empty = c["empty"] + c["empty, flagged"]
    burden = c["right, flagged"] + c["empty, flagged"]
    entering = c["right"] + c["wrong"]
    prec = f"{c['right'] / entering:.3f}" if entering else "  -  "
    return (
        f"wrong {c['wrong, flagged']:3}/{wrong:<3} ({_pct(c['wrong, flagged'], wrong)}) "
        f"missed {c['missed, flagged']:3}/{missed:<3} "
        f"right to review {c['right, flagged']:4}/{right:<4} ({_pct(c['right, flagged'], right)}) "
        f"+empty {c['empty, flagged']:3}/{empty:<4} burden {_pct(burden, right + empty)} "
        f"unreviewed precision {prec}"
    )


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:3.0f}%" if b else "  -"


def _thresholds(train: list[Row]) -> list[Key]:
    levels = sorted({round(r.confidence, 2) for r in train if r.confidence >= DEFAULT_THRESHOLD})
    return [(f"confidence < {t + 0.001:.3f}", f) for t in levels for f in ie.FIELDS]


def loso(all_rows: list[Row], verbose: bool = False) -> None:
    methods = (
        "current",
        "several-officer pages",
        "every value",
        "per-field threshold",
        "calibration",
    )
    totals: dict[str, dict[str, Counter[str]]] = {m: defaultdict(Counter) for m in methods}
    names = [f"held-out {n}" for n in LEFT_OUT]
    compact: list[tuple[str, dict[str, dict[str, Counter[str]]]]] = []
    for name in names:
        test = [r for r in all_rows if r.set == name]
        train = [r for r in all_rows if r.set != name]
        if not test:
            continue
        rules = [k for k, _, _ in fit(train)]
        thresholds = [k for k, _, _ in fit(train, _thresholds(train))]
        flags = {
            "current": apply(test, []),
            "several-officer pages": apply(test, [], several=True),
            "every value": apply(test, [], every=True),
            "per-field threshold": apply(test, thresholds),
            "calibration": apply(test, rules),
        }
        compact.append((name, {m: tally(test, flags[m]) for m in methods}))
        print(
            f"\n{name} ({len({r.page for r in test})} pages): {len(rules)} rules fitted without it"
        )
        if verbose:
            print("  rules: " + "; ".join(f"{c} → {f}" for c, f in rules))
        for m in methods:
            t = tally(test, flags[m])
            for k, v in t.items():
                totals[m][k].update(v)
            print(f"  {m:22} all:    {summary(t['all fields'])}")
            print(f"  {'':22} target: {summary(t['target fields'])}")
    print(
        "\nPer set: target fields' wrong values caught / wrong, all fields' wrong caught / wrong, "
        "right values to review (all fields)"
    )
    print(f"  {'set':12} " + " | ".join(f"{m[:22]:>22}" for m in methods if m != "every value"))
    for name, by in compact:
        cells = []
        for m in methods:
            if m == "every value":
                continue
            t, a = by[m]["target fields"], by[m]["all fields"]
            tw, aw = t["wrong"] + t["wrong, flagged"], a["wrong"] + a["wrong, flagged"]
            right = a["right"] + a["right, flagged"]
            cells.append(
                f"{t['wrong, flagged']:2}/{tw:<2} {a['wrong, flagged']:3}/{aw:<3} "
                f"{_pct(a['right, flagged'], right):>4}"
            )
        print(f"  {name:12} " + " | ".join(f"{c:>22}" for c in cells))
    print(
        f"\nLEAVE-ONE-SET-OUT, held-out {LEFT_OUT[0]} to {LEFT_OUT[-1]} added up (each scored by a "
        "table fitted without it)"
    )
    for m in methods:
        print(f"\n  {m}")
        for f in (*ie.FIELDS, "target fields", "all fields"):
            print(f"    {f:16} {summary(totals[m][f])}")


def _records_waiting(rows_: list[Row], flagged: list[bool]) -> tuple[int, int]:
    """How many of the scored officers' records would wait for a person, of how many."""
    ids = {(r.set, r.page, r.officer) for r in rows_ if r.officer >= 0}
    waiting = {(r.set, r.page, r.officer) for r, f in zip(rows_, flagged, strict=True) if f}
    return len(waiting & ids), len(ids)


def print_table(all_rows: list[Row]) -> None:
    chosen = fit(all_rows)
    print("TABLE: tuple[Rule, ...] = (")
    for (cond, field), wrong, n in chosen:
        print(f"    Rule({cond!r}, {field!r}, {wrong}, {n}),")
    print(")")
    flags = apply(all_rows, [k for k, _, _ in chosen])
    t = tally(all_rows, flags)
    now = tally(all_rows, apply(all_rows, []))
    waiting = _records_waiting(all_rows, apply(all_rows, []))
    print(
        f"\nrecords with a field waiting for a person: {waiting[0]} of {waiting[1]} now, "
        f"{_records_waiting(all_rows, flags)[0]} with the table"
    )
    print("\nin sample, all development sets (the shipped table):")
    for f in (*ie.FIELDS, "target fields", "all fields"):
        print(f"  {f:16} now: {summary(now[f])}")
        print(f"  {'':16} cal: {summary(t[f])}")


def main() -> int:
    argv = sys.argv[1:]
    global BUDGET, MIN_RATE
    if "--budget" in argv:
        BUDGET = float(argv[argv.index("--budget") + 1])
    if "--min-rate" in argv:
        MIN_RATE = float(argv[argv.index("--min-rate") + 1])
    sets = development_sets()
    print("development sets: " + ", ".join(f"{k} ({len(v)} pages)" for k, v in sets.items()))
    all_rows = rows(sets)
    if "--rows" in argv:
        path = Path(argv[argv.index("--rows") + 1])
        path.write_text("".join(json.dumps(r.as_dict()) + "\n" for r in all_rows), encoding="utf-8")
    if "--loso" in argv:
        missing = [f"held-out {n}" for n in LEFT_OUT if f"held-out {n}" not in sets]
        if len(missing) == len(LEFT_OUT):
            print(
                f"\nleave-one-set-out: skipped (no page texts of held-out {LEFT_OUT[0]} to "
                f"{LEFT_OUT[-1]} in {CACHE}; set MISCONDUCT_INGEST_CACHE to the folder holding "
                "heldout<N>/, or MISCONDUCT_INGEST_HELDOUT<N>_TEXTS)"
            )
        else:
            if missing:
                print(f"\nleave-one-set-out: no page texts for {', '.join(missing)}")
            loso(all_rows, "--verbose" in argv)
    if "--fit" in argv:
        print_table(all_rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
