"""The Home Office annual return from the system's own cases, for one force and one year.

The Home Office's *Police misconduct, England and Wales* statistics count officers whose proceedings
were finalised in the year ending 31 March, under the Police (Conduct) Regulations 2020 only, by the
type of proceedings (misconduct meeting, misconduct hearing, accelerated misconduct hearing), the
finding level (gross misconduct, misconduct, no misconduct), the disciplinary action, officers
dismissed, and how the matter arose (complaint, conduct matter, recordable conduct matter); the
categories are those of ``../shared/data/STATISTICS.md``. Timeliness is the time from the matter
coming to attention to the decision. An officer is finalised on the day the outcome was decided.

The tables are computed by :func:`annual_return` from the cases (pure; no clock, no database);
:func:`for_force` computes the same tables from the read model of decided outcomes
(``DecisionEntry``, written with the events), reading only the force's decisions of the year.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from typing import TYPE_CHECKING, Any

from misconduct.app import readmodels
from misconduct.app.readmodels import Decided
from misconduct.domain.case import Case
from misconduct.domain.forces import force
from misconduct.rules.vocabulary import Finding, Forum, Outcome

if TYPE_CHECKING:
    from django.db.models import QuerySet

FORUMS = (Forum.MISCONDUCT_MEETING, Forum.MISCONDUCT_HEARING, Forum.ACCELERATED_MISCONDUCT_HEARING)
FINDINGS = (Finding.GROSS_MISCONDUCT, Finding.MISCONDUCT, Finding.NO_MISCONDUCT)
SOURCES = ("complaint", "conduct_matter", "recordable_conduct_matter")
SOURCE_LABELS = {
    "complaint": "Police complaints",
    "conduct_matter": "Conduct matters",
    "recordable_conduct_matter": "Recordable conduct matters",
}
FIELDS = tuple(f.name for f in fields(Decided))
"""The columns of ``DecisionEntry`` that make a :class:`readmodels.Decided`, in its order."""
DISMISSED = (Outcome.DISMISSAL_WITHOUT_NOTICE, Outcome.DISMISSAL_WITH_NOTICE)
BANDS = (
    (0, 91, "Under 3 months"),
    (91, 182, "3 to 6 months"),
    (182, 365, "6 to 12 months"),
    (365, 730, "1 to 2 years"),
    (730, 10**6, "2 years or more"),
)


def year_ending(year: int) -> tuple[date, date]:
    """The Home Office statistical year ending 31 March ``year``."""
    return date(year - 1, 4, 1), date(year, 3, 31)


@dataclass(frozen=True)
class Finalised:
    """One officer whose proceedings were finalised in the year."""

    case_ref: str
    source: str
    forum: Forum
    finding: Finding
    outcome: Outcome
    days: int


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str | int, ...], ...]


@dataclass(frozen=True)
class AnnualReturn:
    force: str
    year: int
    officers: tuple[Finalised, ...]
    left_out: tuple[str, ...]
    tables: tuple[Table, ...]

    def csv(self) -> str:
        out = io.StringIO()
        w = csv.writer(out)
        start, end = year_ending(self.year)
        w.writerow(
            [
                f"Home Office annual return: {force(self.force).name}, year ending 31 March "
                f"{self.year} ({start:%d/%m/%Y} to {end:%d/%m/%Y})"
            ]
        )
        for t in self.tables:
            w.writerow([])
            w.writerow([t.title])
            w.writerow(t.columns)
            w.writerows(t.rows)
        if self.left_out:  # as the page lists them
            w.writerow([])
            w.writerow(["Not counted"])
            w.writerows([reason] for reason in self.left_out)
        return out.getvalue()


_LABELS = {"no_misconduct": "Not misconduct"}  # the Home Office's words


def _label(value: str) -> str:
    return _LABELS.get(value, value.replace("_", " ").capitalize())


def finalised(cases: Iterable[Case], year: int) -> tuple[list[Finalised], list[str]]:
    """The officers finalised in the year under the 2020 Regulations, and what was left out, why."""
    return counted((d for case in cases for d in readmodels.decided(case)), year)


def counted(rows: Iterable[Decided], year: int) -> tuple[list[Finalised], list[str]]:
    """Of the decided outcomes ``rows``, the officers the return counts for the year and what was
    left out, why: decisions under the 2012 Regulations, and those with no type of proceedings."""
    start, end = year_ending(year)
    out: list[Finalised] = []
    left: list[str] = []
    for d in rows:
        if not start <= d.decided_on <= end:
            continue
        where = f"{d.ref} ({d.officer_id})"
        if "2020" not in d.regime:
            left.append(
                f"{where}: decided under the 2012 Regulations, which the return does not count"
            )
            continue
        if d.forum not in FORUMS:
            left.append(f"{where}: the type of proceedings is not recorded")
            continue
        out.append(
            Finalised(
                d.ref,
                d.source,
                Forum(d.forum),
                Finding(d.finding),
                Outcome(d.outcome),
                (d.decided_on - d.came_to_attention).days,
            )
        )
    return out, left


def annual_return(cases: Iterable[Case], force: str, year: int) -> AnnualReturn:
    """The return from the cases as they fold (every case given is read)."""
    return _tabled(force, year, *finalised((c for c in cases if c.force == force), year))


def _tabled(force: str, year: int, officers: list[Finalised], left: list[str]) -> AnnualReturn:
    tables = [
        _by_forum(officers),
        _findings(officers),
        _outcomes(officers),
        _by_source(officers),
        _dismissed(officers),
        _timeliness(officers),
    ]
    return AnnualReturn(force, year, tuple(officers), tuple(left), tuple(tables))


def _by_forum(officers: list[Finalised]) -> Table:
    counts = Counter(o.forum for o in officers)
    total = len(officers)
    rows = [
        (_label(f.value), counts[f], f"{counts[f] / total:.0%}" if total else "—") for f in FORUMS
    ]
    return Table(
        "Officers whose proceedings were finalised, by type of proceedings",
        ("Type of proceedings", "Officers", "Share"),
        (*rows, ("Total", total, "")),
    )


def _findings(officers: list[Finalised]) -> Table:
    counts = Counter((o.forum, o.finding) for o in officers)
    rows = [(_label(f.value), *(counts[(f, g)] for g in FINDINGS)) for f in FORUMS]
    return Table(
        "Finding level, by type of proceedings",
        ("Type of proceedings", *(_label(g.value) for g in FINDINGS)),
        tuple(rows),
    )


def _outcomes(officers: list[Finalised]) -> Table:
    counts = Counter((o.forum, o.outcome) for o in officers)
    used = [o for o in Outcome if any(counts[(f, o)] for f in FORUMS)]
    rows = [(_label(o.value), *(counts[(f, o)] for f in FORUMS)) for o in used]
    return Table(
        "Disciplinary action, by type of proceedings",
        ("Outcome", *(_label(f.value) for f in FORUMS)),
        tuple(rows),
    )


def _by_source(officers: list[Finalised]) -> Table:
    counts = Counter((o.forum, o.source) for o in officers)
    rows = [(_label(f.value), *(counts[(f, s)] for s in SOURCES)) for f in FORUMS]
    return Table(
        "Type of proceedings, by how the matter arose",
        ("Type of proceedings", *(SOURCE_LABELS[s] for s in SOURCES)),
        tuple(rows),
    )


def _dismissed(officers: list[Finalised]) -> Table:
    dismissed = sum(o.outcome in DISMISSED for o in officers)
    would = sum(o.outcome is Outcome.WOULD_HAVE_BEEN_DISMISSED for o in officers)
    return Table(
        "Officers dismissed",
        ("", "Officers"),
        (
            ("Dismissed (with or without notice)", dismissed),
            ("Would have been dismissed (had already left)", would),
        ),
    )


def _timeliness(officers: list[Finalised]) -> Table:
    days = [o.days for o in officers]
    rows: list[tuple[str | int, ...]] = [
        (name, sum(lo <= d < hi for d in days)) for lo, hi, name in BANDS
    ]
    rows.append(
        ("Median days from attention to outcome", int(statistics.median(days)) if days else "—")
    )
    return Table(
        "Timeliness: from the matter coming to attention to the outcome",
        ("", "Officers"),
        tuple(rows),
    )


def decisions_of_year(force: str, year: int, using: str = "default") -> QuerySet[Any, Any]:
    """The query for the force's decided outcomes in the year (by the index on force and day), each
    row the values of a :class:`readmodels.Decided`."""
    from misconduct.app import models as m

    start, end = year_ending(year)
    return (
        m.DecisionEntry.objects.using(using)
        .filter(force=force, decided_on__gte=start, decided_on__lte=end)
        .order_by("ref", "id")
        .values_list(*FIELDS)
    )


def for_force(force: str, year: int, using: str = "default") -> AnnualReturn:
    """The return for one force from the decided outcomes' read model: that force's decisions of the
    year, one indexed query (never every case of the force)."""
    rows = decisions_of_year(force, year, using)
    return _tabled(force, year, *counted((Decided(*r) for r in rows), year))
