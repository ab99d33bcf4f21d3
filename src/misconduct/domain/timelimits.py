"""Time limits as a case records them: the rules compute the date, the step says who must act.

>>> item = due("reg31_response", date(2025, 5, 16), Nature.OBLIGATION, "officer")
>>> item.due, item.citation
(datetime.date(2025, 6, 9), 'SI 2020/4 reg 31(1)-(3)')
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from misconduct.domain.records import DueItem
from misconduct.domain.terms import Nature
from misconduct.rules.catalogue import default_catalogue
from misconduct.rules.deadlines import deadline
from misconduct.rules.workdays import add_months


def due(
    step: str, trigger: date, nature: Nature, party: str, officer_id: str | None = None
) -> DueItem:
    """The time limit ``step`` running from ``trigger``, as computed by the rules in force then."""
    title, citation, status, on, earliest, latest = _computed(
        step, trigger, id(default_catalogue())
    )
    return DueItem(
        step=step,
        title=title,
        citation=citation,
        status=status,
        trigger=trigger,
        nature=nature,
        party=party,
        due=on,
        earliest=earliest,
        latest=latest,
        officer_id=officer_id,
    )


@lru_cache(maxsize=65536)
def _computed(
    step: str, trigger: date, catalogue: int
) -> tuple[str, str, str, date | None, date | None, date | None]:
    """What the rules give for ``step`` from ``trigger`` (under the catalogue of id ``catalogue``,
    the process's default one), found once per step and date: many cases share a date."""
    d = deadline(step, trigger)
    return d.title, d.citation, d.status, d.due, d.earliest, d.latest


def in_force(step: str, trigger: date) -> bool:
    """Whether the rules have a version of ``step`` for this date (none before the 2020 regime)."""
    return default_catalogue().version_or_none(step, trigger) is not None


def due_if_in_force(
    step: str, trigger: date, nature: Nature, party: str, officer_id: str | None = None
) -> tuple[DueItem, ...]:
    return (due(step, trigger, nature, party, officer_id),) if in_force(step, trigger) else ()


def next_timeliness_report(after: date) -> tuple[DueItem, ...]:
    """Reg 19: after a report, the next is due the set number of months later."""
    version = default_catalogue().version_or_none("reg19_timeliness_report", after)
    if version is None:
        return ()
    months = int(version.parameters["then_every_months"])
    return (
        DueItem(
            step="reg19_timeliness_report",
            title=version.title,
            citation=str(version.citation),
            status=version.citation.status.value,
            trigger=after,
            nature=Nature.OBLIGATION,
            party="appropriate authority",
            due=add_months(after, months),
        ),
    )
