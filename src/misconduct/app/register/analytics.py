"""Consistency analytics over the register: aggregates by SQL GROUP BY, plots by matplotlib.

Every plot states its data (how many published records, from which origins and years) and its
limits: published outcomes are not all outcomes (hearings are published, meetings rarely; forces
publish for as little as 28 days; ingested records may be incomplete).
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, Count, IntegerField, Max, Min, Q, Value, When
from matplotlib.figure import Figure  # drawn without pyplot: no global state, no display
from matplotlib.ticker import MaxNLocator

from misconduct.app.register.models import (
    Record,
    RecordCategory,
    RecordStandard,
    standard_heading,
)
from misconduct.app.register.store import words
from misconduct.domain.forces import FORCES
from misconduct.ingest.categories import category_title

DISMISSALS = ("dismissal_without_notice", "dismissal_with_notice", "would_have_been_dismissed")
LIMITS = (
    "Published outcomes are not all outcomes: hearings are published, meetings rarely, and forces "
    "publish for as little as 28 days. Ingested records may miss what a notice did not say."
)


def _short_name(code: str, name: str) -> str:
    """A force's name without a closing "Police" or "Constabulary", for the plots' labels ("Kent");
    the Metropolitan Police Service and the British Transport Police keep the word."""
    if code in ("metropolitan", "british_transport_police"):
        return "Metropolitan Police" if code == "metropolitan" else name
    return re.sub(r" (?:Police|Constabulary)$", "", name)


_FORCE_NAMES = {f.code: _short_name(f.code, f.name) for f in FORCES}
OUTCOME_ORDER = (
    "dismissal_without_notice",
    "would_have_been_dismissed",
    "dismissal_with_notice",
    "reduction_in_rank",
    "final_written_warning",
    "written_warning",
    "management_advice",
    "reflective_practice",
    "no_further_action",
)
COLOURS = dict(
    zip(
        OUTCOME_ORDER,
        (
            "#8c1c13",
            "#bf4342",
            "#e07a5f",
            "#6d597a",
            "#e09f3e",
            "#f2cc8f",
            "#81b29a",
            "#3d7ea6",
            "#bbbbbb",
        ),
        strict=True,
    )
)


@dataclass
class Plot:
    """A plot's data as rows (for the page's table) and the statement of its data and limits."""

    name: str
    title: str
    rows: list[dict[str, Any]]
    data: str
    limits: str = LIMITS
    figure: Figure | None = field(default=None, repr=False)


def _published() -> Any:
    return Record.objects.filter(published=True)


def _data_statement(rows: Any, what: str) -> str:
    agg = rows.aggregate(
        n=Count("id"),
        first=Min("year"),
        last=Max("year"),
        system=Count("id", filter=Q(source__origin="system")),
    )
    n, system = agg["n"], agg["system"]
    if not agg["first"]:
        years = "no years known"
    elif agg["first"] == agg["last"]:
        years = f"year {agg['first']}"
    else:
        years = f"years {agg['first']}–{agg['last']}"
    return (
        f"Data: {n} published records in the register ({n - system} ingested from published "
        f"notices, {system} from this system), {years}; {what}."
    )


def _figure(plot: Plot, height: float = 4.8) -> Figure:
    fig = Figure(figsize=(9, height), layout="constrained")
    fig.suptitle(plot.title, fontsize=12, fontweight="bold")
    fig.text(
        0.01,
        0.005,
        plot.data + "\n" + plot.limits,
        fontsize=7,
        color="#444",
        wrap=True,
        va="bottom",
    )
    # Keep about 0.7 inch at the foot for the statement of data and limits, whatever the height.
    foot = min(0.4, 0.7 / height)
    fig.get_layout_engine().set(rect=(0, foot, 1, 1 - foot))  # type: ignore[union-attr]
    return fig


def years() -> list[int]:
    """The years the published records give, newest first (for the page's choice of year)."""
    rows = _published().exclude(year__isnull=True).values_list("year", flat=True).distinct()
    return sorted(rows.order_by(), reverse=True)


def _legend_beside(ax: Any) -> None:
    """The outcomes' legend beside the bars, so that it hides none of them."""
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)


def outcome_mix(year: int | None = None) -> Plot:
    """Outcome mix by force (stacked shares), for one year or all years."""
    rows = _published().exclude(outcome="").exclude(force="")
    if year:
        rows = rows.filter(year=year)
    counts = list(
        rows.values("force", "outcome").annotate(n=Count("id")).order_by("force", "outcome")
    )
    by_force: dict[str, dict[str, int]] = {}
    for r in counts:
        by_force.setdefault(r["force"], {})[r["outcome"]] = r["n"]
    forces = sorted(by_force, key=lambda f: -sum(by_force[f].values()))[:20]
    plot = Plot(
        "outcome-mix",
        "Outcome mix by force" + (f", {year}" if year else ", all years"),
        [
            {"force": _FORCE_NAMES.get(f, f), "outcome": words(o), "records": n}
            for f in forces
            for o, n in sorted(by_force[f].items())
        ],
        _data_statement(
            rows, "the 20 forces with most records, each bar the shares of its outcomes"
        ),
    )
    fig = _figure(plot, 1.8 + 0.32 * max(len(forces), 1))
    ax = fig.add_subplot()
    left = [0.0] * len(forces)
    for o in OUTCOME_ORDER:
        shares = [by_force[f].get(o, 0) / sum(by_force[f].values()) for f in forces]
        if any(shares):
            ax.barh(
                [_label(f, by_force[f]) for f in forces],
                shares,
                left=left,
                color=COLOURS[o],
                label=words(o),
            )
            left = [a + b for a, b in zip(left, shares, strict=True)]
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the force's published outcomes")
    if forces:
        _legend_beside(ax)
    else:
        ax.text(0.5, 0.5, "No published records yet", ha="center", transform=ax.transAxes)
    plot.figure = fig
    return plot


def _label(force: str, counts: dict[str, int]) -> str:
    return f"{_FORCE_NAMES.get(force, force)} (n={sum(counts.values())})"


def outcome_by_year() -> Plot:
    rows = _published().exclude(outcome="").filter(year__isnull=False)
    counts = list(rows.values("year", "outcome").annotate(n=Count("id")).order_by("year"))
    years = sorted({r["year"] for r in counts})
    plot = Plot(
        "outcome-by-year",
        "Published outcomes by year",
        [{"year": r["year"], "outcome": words(r["outcome"]), "records": r["n"]} for r in counts],
        _data_statement(rows, "records with a known year and outcome, counted by outcome"),
    )
    fig = _figure(plot)
    ax = fig.add_subplot()
    bottom = [0] * len(years)
    for o in OUTCOME_ORDER:
        ns = [
            next((r["n"] for r in counts if r["year"] == y and r["outcome"] == o), 0) for y in years
        ]
        if any(ns):
            ax.bar([str(y) for y in years], ns, bottom=bottom, color=COLOURS[o], label=words(o))
            bottom = [a + b for a, b in zip(bottom, ns, strict=True)]
    ax.set_ylabel("officers")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if years:
        _legend_beside(ax)
    else:
        ax.set_ylim(0, 1)
        ax.text(
            0.5, 0.5, "No published record gives a year yet", ha="center", transform=ax.transAxes
        )
    plot.figure = fig
    return plot


@dataclass(frozen=True)
class FunnelPoint:
    force: str
    cases: int
    dismissed: int

    @property
    def rate(self) -> float:
        return self.dismissed / self.cases


def funnel_points() -> list[FunnelPoint]:
    rows = (
        _published()
        .filter(finding="gross_misconduct")
        .exclude(force="")
        .values("force")
        .annotate(n=Count("id"), d=Count("id", filter=Q(outcome__in=DISMISSALS)))
        .order_by("force")
    )
    return [FunnelPoint(r["force"], r["n"], r["d"]) for r in rows]


def control_limits(p: float, n: int, z: float) -> tuple[float, float]:
    """Binomial control limits (normal approximation) around the national rate ``p`` for a force
    with ``n`` cases; ``z`` 1.96 for 95%, 3.09 for 99.8%.

    >>> [round(x, 3) for x in control_limits(0.8, 100, 1.96)]
    [0.722, 0.878]
    """
    se = math.sqrt(p * (1 - p) / n) if n else 1.0
    return max(0.0, p - z * se), min(1.0, p + z * se)


def funnel() -> Plot:
    """Dismissal rate after a gross misconduct finding, by force, against the number of cases, with
    95% and 99.8% control limits around the national rate (so small forces are not misjudged)."""
    points = funnel_points()
    total = sum(p.cases for p in points)
    national = sum(p.dismissed for p in points) / total if total else 0.0
    rows = []
    for p in points:
        lo95, hi95 = control_limits(national, p.cases, 1.96)
        lo998, hi998 = control_limits(national, p.cases, 3.09)
        where = (
            "above the 99.8% limit"
            if p.rate > hi998
            else "below the 99.8% limit"
            if p.rate < lo998
            else "above the 95% limit"
            if p.rate > hi95
            else "below the 95% limit"
            if p.rate < lo95
            else "within the limits"
        )
        rows.append(
            {
                "force": _FORCE_NAMES.get(p.force, p.force),
                "gross misconduct findings": p.cases,
                "dismissed or would have been": p.dismissed,
                "rate": f"{p.rate:.0%}",
                "against the national rate": where,
            }
        )
    plot = Plot(
        "funnel",
        "Gross misconduct: dismissal rate by force (funnel plot)",
        rows,
        _data_statement(
            _published().filter(finding="gross_misconduct"),
            f"only those with a finding of gross misconduct; national rate {national:.0%}; limits "
            "95% and 99.8% (binomial, normal approximation)",
        ),
    )
    fig = _figure(plot, 5.2)
    ax = fig.add_subplot()
    if points:
        top = max(p.cases for p in points) + 2
        ns = list(range(1, top + 1))
        for z, style, name in ((1.96, "--", "95% limits"), (3.09, ":", "99.8% limits")):
            lims = [control_limits(national, n, z) for n in ns]
            ax.plot(ns, [lo for lo, _ in lims], style, color="#555", label=name)
            ax.plot(ns, [hi for _, hi in lims], style, color="#555")
        ax.axhline(national, color="#8c1c13", lw=1, label=f"national rate {national:.0%}")
        ax.scatter([p.cases for p in points], [p.rate for p in points], color="#3d7ea6", zorder=3)
        # Name the forces outside the 95% limits and the five largest; the table names them all.
        # Forces at the same point (common among small forces) share one label: printed one on
        # another, their names could not be read.
        largest = sorted(points, key=lambda p: -p.cases)[:5]
        named: dict[tuple[int, int], list[str]] = {}
        for p in points:
            lo, hi = control_limits(national, p.cases, 1.96)
            if p not in largest and lo <= p.rate <= hi:
                continue
            named.setdefault((p.cases, p.dismissed), []).append(_FORCE_NAMES.get(p.force, p.force))
        for (cases, dismissed), names in named.items():
            ax.annotate(
                ", ".join(sorted(names)),
                (cases, dismissed / cases),
                fontsize=6,
                xytext=(3, 3),
                textcoords="offset points",
            )
        ax.legend(fontsize=7, loc="lower right")
    else:
        ax.text(0.5, 0.5, "No gross misconduct findings yet", ha="center", transform=ax.transAxes)
    ax.set_ylim(-0.02, 1.05)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("gross misconduct findings published (officers)")
    ax.set_ylabel("share dismissed or would have been")
    plot.figure = fig
    return plot


def _outcomes_by(rows: Any, key: str) -> tuple[dict[str, dict[str, int]], list[str]]:
    """Counts of published outcomes by ``key`` of an index table (one GROUP BY), and the keys by
    number of records, largest first."""
    counts = (
        rows.filter(record__published=True)
        .exclude(record__outcome="")
        .values(key, "record__outcome")
        .annotate(n=Count("id"))
        .order_by(key)
    )
    out: dict[str, dict[str, int]] = {}
    for r in counts:
        out.setdefault(r[key], {})[r["record__outcome"]] = r["n"]
    return out, sorted(out, key=lambda k: -sum(out[k].values()))


def by_standard() -> Plot:
    """Outcomes by the Standard breached (a record counts once for each Standard it breached)."""
    by_std, standards = _outcomes_by(RecordStandard.objects, "standard")
    plot = Plot(
        "by-standard",
        "Outcomes by Standard of Professional Behaviour breached",
        [
            {"standard": standard_heading(s), "outcome": words(o), "records": n}
            for s in standards
            for o, n in sorted(by_std[s].items())
        ],
        _data_statement(
            _published().filter(standard_rows__isnull=False).exclude(outcome="").distinct(),
            "records naming the Standards breached; a record counts "
            "once for each Standard (special categories: see the next plot)",
        ),
    )
    fig = _figure(plot, 1.8 + 0.35 * max(len(standards), 1))
    ax = fig.add_subplot()
    left = [0] * len(standards)
    for o in OUTCOME_ORDER:
        ns = [by_std[s].get(o, 0) for s in standards]
        if any(ns):
            ax.barh(
                [standard_heading(s) for s in standards],
                ns,
                left=left,
                color=COLOURS[o],
                label=words(o),
            )
            left = [a + b for a, b in zip(left, ns, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("officers")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if standards:
        _legend_beside(ax)
    plot.figure = fig
    return plot


def by_category() -> Plot:
    """Outcomes by the guidance's special category (a record counts once for each category its
    notice describes), each bar the shares of its outcomes, with the number of officers."""
    by_cat, cats = _outcomes_by(RecordCategory.objects, "category")
    plot = Plot(
        "by-category",
        "Outcomes by special category",
        [
            {"special category": category_title(c), "outcome": words(o), "records": n}
            for c in cats
            for o, n in sorted(by_cat[c].items())
        ],
        _data_statement(
            _published().filter(category_rows__isnull=False).distinct(),
            "records whose notice describes one of the guidance's special categories; a record "
            "counts once for each category. The categories are read from the notice's words at "
            "ingest (rough: a notice that does not describe the conduct gives none, and a word "
            "about someone else can give one) and from the Standards breached (equality and "
            "diversity gives discrimination); for this system's own cases, from the published "
            "particulars and reasons",
        ),
    )
    fig = _figure(plot, 1.8 + 0.35 * max(len(cats), 1))
    ax = fig.add_subplot()
    left = [0.0] * len(cats)
    labels = [f"{category_title(c)} (n={sum(by_cat[c].values())})" for c in cats]
    for o in OUTCOME_ORDER:
        shares = [by_cat[c].get(o, 0) / sum(by_cat[c].values()) for c in cats]
        if any(shares):
            ax.barh(labels, shares, left=left, color=COLOURS[o], label=words(o))
            left = [a + b for a, b in zip(left, shares, strict=True)]
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the category's published outcomes")
    if cats:
        _legend_beside(ax)
    else:
        ax.text(0.5, 0.5, "No special categories read yet", ha="center", transform=ax.transAxes)
    plot.figure = fig
    return plot


_BUCKETS = (
    (0, 91, "under 3 months"),
    (91, 182, "3 to 6 months"),
    (182, 365, "6 to 12 months"),
    (365, 730, "1 to 2 years"),
    (730, 100000, "2 years or more"),
)


def time_to_outcome() -> Plot:
    """Time from the allegation coming to attention to the outcome, in bands (SQL CASE)."""
    rows = _published().filter(days_to_outcome__isnull=False)
    band = Case(
        *[
            When(days_to_outcome__gte=lo, days_to_outcome__lt=hi, then=Value(i))
            for i, (lo, hi, _) in enumerate(_BUCKETS)
        ],
        output_field=IntegerField(),
    )
    counts = dict(
        rows.annotate(band=band)
        .values_list("band")
        .annotate(n=Count("id"))
        .values_list("band", "n")
    )
    plot = Plot(
        "time-to-outcome",
        "Time from attention to outcome",
        [{"time": name, "officers": counts.get(i, 0)} for i, (_, _, name) in enumerate(_BUCKETS)],
        _data_statement(
            rows,
            "only records where both dates are known (this system's own cases; "
            "published notices rarely give the date of attention)",
        ),
    )
    fig = _figure(plot)
    ax = fig.add_subplot()
    ax.bar(
        [name for _, _, name in _BUCKETS],
        [counts.get(i, 0) for i in range(len(_BUCKETS))],
        color="#3d7ea6",
    )
    ax.set_ylabel("officers")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if not counts:  # an empty plot would draw a meaningless axis around zero
        ax.set_ylim(0, 1)
        ax.text(
            0.5,
            0.5,
            "No record gives both dates yet (only this system's own cases do)",
            ha="center",
            transform=ax.transAxes,
        )
    plot.figure = fig
    return plot


PLOTS = {
    "outcome-mix": outcome_mix,
    "outcome-by-year": outcome_by_year,
    "funnel": funnel,
    "by-standard": by_standard,
    "by-category": by_category,
    "time-to-outcome": time_to_outcome,
}


def render(plot: Plot, fmt: str, *, embedded: bool = False) -> bytes:
    """The plot as PNG or SVG bytes. A file to download carries its title and its statement of
    data and limits; ``embedded`` draws it without them, for the analytics page, which prints both
    as text beside the image (so a reader meets each once, and a screen reader reads them)."""
    assert plot.figure is not None
    if embedded:
        fig = plot.figure
        fig.suptitle("")
        for text in fig.texts:
            text.set_visible(False)
        fig.get_layout_engine().set(rect=(0, 0, 1, 1))  # type: ignore[union-attr]
    out = io.BytesIO()
    plot.figure.savefig(out, format=fmt, dpi=110 if fmt == "png" else None)
    return out.getvalue()
