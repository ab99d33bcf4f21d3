"""Evaluate the assessment engine on real published outcomes it was not built on (``make eval``).

Reads ``eval/corpus/*.toml`` (facts plus ``[source]`` and ``[truth]``), ``eval/cases/*.toml`` with
``../shared/cases/real_outcomes_dev.jsonl``, and ``$MISCONDUCT_EVAL_CORPUS`` if set (see
``cases_data.py``); skips cleanly when there is nothing to read. Prints, out of fold (k-fold
cross-validation, ``crossval.py``), coverage (the real outcome among those indicated), top-1 (the real
outcome first) and the mean number indicated, each with a 95% bootstrap interval, for every case and
for the subsets, beside the engine as shipped and the two baselines (the most severe lawful outcome;
the majority outcome per finding level, fitted on the training folds); then each miss with the facts
that explain it, and writes the calibration plot of stated likelihood against observed frequency
(``docs/eval-calibration.png``).

A miss is explained, never special-cased: nothing here feeds back into the engine.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases_data import load_cases  # noqa: E402
from crossval import PARAMETERS, SUBSETS, K, Row, bootstrap, cross_validate, same  # noqa: E402

PLOT = ROOT / "docs" / "eval-calibration.png"
TARGETS = (
    "targets: coverage >= 95% with mean indicated <= 1.5; top-1 >= most-severe baseline + 10 points; "
    "coverage >= 85% where the real outcome was not dismissal"
)


def _pct(values: list[float]) -> str:
    m, lo, hi = bootstrap(values)
    return f"{m:5.0%} [{lo:4.0%}-{hi:4.0%}]"


def _mean(values: list[float]) -> str:
    m, lo, hi = bootstrap(values)
    return f"{m:5.3f} [{lo:4.2f}-{hi:4.2f}]"


def _table(rows: list[Row]) -> None:
    head = (
        f"{'subset':32} {'n':>4}  {'coverage':17} {'top-1':17} {'mean indicated':19}"
        f" {'shipped cov / top-1':20} {'most severe top-1':18} {'majority top-1'}"
    )
    print(head)
    print("-" * len(head))
    for name, keep in SUBSETS:
        sub = [r for r in rows if keep(r)]
        if not sub:
            print(f"{name:32} {0:>4}  (none)")
            continue
        cov = [float(r.run.covered(r.case.outcome)) for r in sub]
        top = [float(r.run.top1(r.case.outcome)) for r in sub]
        mean = [float(len(r.run.indicated)) for r in sub]
        s_cov = sum(r.shipped.covered(r.case.outcome) for r in sub) / len(sub)
        s_top = sum(r.shipped.top1(r.case.outcome) for r in sub) / len(sub)
        severe = [
            float(r.run.most_severe is not None and same(r.run.most_severe, r.case.outcome))
            for r in sub
        ]
        major = [float(r.majority is not None and same(r.majority, r.case.outcome)) for r in sub]
        print(
            f"{name:32} {len(sub):>4}  {_pct(cov):17} {_pct(top):17} {_mean(mean):19}"
            f" {s_cov:4.0%} / {s_top:4.0%}          {_pct(severe):18} {_pct(major)}"
        )


def _why(r: Row) -> str:
    """The facts that explain a miss, in the engine's own terms (nothing is changed by it)."""
    a, run = r.case.outcome, r.run
    if run.error:
        return f"the engine refused the facts: {run.error}"
    bits = [f"seriousness {run.label}"]
    if run.categories:
        bits.append("categories " + ", ".join(run.categories))
    bits.append(f"net aggravation {run.net:+g}, personal mitigation {run.pm_points:g}")
    if not run.covered(a) and run.indicated:
        lower = a.severity < min(o.severity for o in run.indicated)
        if lower:
            bits.append(
                "real outcome less severe: the panel gave weight to mitigation or context the "
                "facts file does not carry, or the 2025 presumption / a floor bound"
                if run.pm_points < 2
                else "real outcome less severe despite the mitigation recorded"
            )
        else:
            bits.append(
                "real outcome more severe: the facts file records too little aggravation for the "
                "seriousness the panel found"
            )
    elif not run.top1(a):
        bits.append("covered but not first: the ordering rule put another outcome first")
    return "; ".join(bits)


def _misses(rows: list[Row]) -> None:
    misses = [
        r for r in rows if not r.run.covered(r.case.outcome) or not r.run.top1(r.case.outcome)
    ]
    print(f"\nmisses ({len(misses)}; not covered first, then covered but not first):")
    misses.sort(key=lambda r: (r.run.covered(r.case.outcome), r.case.id))
    for r in misses:
        flag = "covered" if r.run.covered(r.case.outcome) else "NOT COVERED"
        print(
            f"  {r.case.id}: real {r.case.outcome.value}; indicated "
            f"{', '.join(o.value for o in r.run.indicated) or 'none'} [{flag}]\n"
            f"      {_why(r)}"
        )


def _calibration(rows: list[Row]) -> str:
    points = [
        (p, float(same(o, r.case.outcome)))
        for r in rows
        for o, p in zip(r.run.indicated, r.likelihood, strict=True)
    ]
    if not points:
        return "no indicated outcomes: no calibration"
    bins: dict[int, list[tuple[float, float]]] = {}
    for p, hit in points:
        bins.setdefault(min(int(p * 5), 4), []).append((p, hit))
    lines = ["stated likelihood -> observed frequency (out of fold):"]
    xs, ys, ns = [], [], []
    for b in sorted(bins):
        group = bins[b]
        x = sum(p for p, _ in group) / len(group)
        y = sum(h for _, h in group) / len(group)
        xs.append(x)
        ys.append(y)
        ns.append(len(group))
        lines.append(
            f"  {b / 5:.1f}-{(b + 1) / 5:.1f}: stated {x:4.0%}, observed {y:4.0%} (n={len(group)})"
        )
    brier = sum((p - h) ** 2 for p, h in points) / len(points)
    lines.append(f"  Brier score {brier:.3f} over {len(points)} indicated outcomes")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        lines.append("  (matplotlib not installed: no plot written)")
        return "\n".join(lines)
    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], "--", color="grey", label="perfect calibration")
    ax.scatter(xs, ys, s=[20 + 4 * n for n in ns], color="#1d4f91", label="engine (out of fold)")
    for x, y, n in zip(xs, ys, ns, strict=True):
        ax.annotate(f"n={n}", (x, y), textcoords="offset points", xytext=(6, -10), fontsize=8)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel("stated likelihood of an indicated outcome")
    ax.set_ylabel("observed frequency it was the real outcome")
    ax.set_title(f"Calibration, {len(rows)} real outcomes, {K}-fold")
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    PLOT.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(PLOT, dpi=100, metadata={"Software": None})
    plt.close(fig)
    lines.append(f"  plot written to {PLOT.relative_to(ROOT)}")
    return "\n".join(lines)


def main() -> int:
    cases, problems = load_cases()
    for p in problems:
        print(f"eval: not loaded: {p}")
    if len(cases) < K:
        print(
            f"eval: skipped ({len(cases)} real cases found; eval/corpus and eval/cases are empty)"
        )
        return 0
    origins = {o: sum(c.origin == o for c in cases) for o in ("corpus", "shared")}
    print(
        f"eval: {len(cases)} real outcomes ({origins['corpus']} from the corpus, "
        f"{origins['shared']} shared cases), {K}-fold cross-validation, 95% bootstrap intervals"
    )
    print(TARGETS)
    rows, _ = cross_validate(cases)
    configs: dict[tuple[float, ...], int] = {}
    for r in rows:
        configs[r.config] = configs.get(r.config, 0) + 1
    print(
        "fitted on the training folds ("
        + ", ".join(PARAMETERS)
        + "): "
        + ", ".join(
            f"({', '.join(f'{v:g}' for v in c)}) for {n} cases" for c, n in sorted(configs.items())
        )
    )
    print()
    _table(rows)
    _misses(rows)
    print()
    print(_calibration(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
