"""Time limits as a case records them: the rules compute the date, the step says who must act.

>>> item = due("reg31_response", date(2025, 5, 16), Nature.OBLIGATION, "officer")
>>> item.due, item.citation
(datetime.date(2025, 6, 9), 'SI 2020/4 reg 31(1)-(3)')
"""

from __future__ import annotations

from datetime import date

from misconduct.domain.records import DueItem
from misconduct.domain.terms import Nature
from misconduct.rules.catalogue import default_catalogue
from misconduct.rules.deadlines import deadline
from misconduct.rules.workdays import add_months


def due(
    step: str, trigger: date, nature: Nature, party: str, officer_id: str | None = None
) -> DueItem:
    """The time limit ``step`` running from ``trigger``, as computed by the rules in force then."""
    d = deadline(step, trigger)
    return DueItem(
        step=step,
        title=d.title,
        citation=d.citation,
        status=d.status,
        trigger=trigger,
        nature=nature,
        party=party,
        due=d.due,
        earliest=d.earliest,
        latest=d.latest,
        officer_id=officer_id,
    )


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
