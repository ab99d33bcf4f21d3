"""Statutory time limits, computed in working days (or calendar periods) from the event they run from.

>>> d = deadline("reg31_response", date(2025, 5, 16))
>>> d.due, d.citation
(datetime.date(2025, 6, 9), 'SI 2020/4 reg 31(1)-(3)')
>>> w = deadline("reg52_hearing_window", date(2025, 8, 20))
>>> w.earliest, w.latest
(datetime.date(2025, 9, 4), datetime.date(2025, 9, 11))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from misconduct.errors import InvalidInput, RuleDataError
from misconduct.rules.catalogue import Catalogue, DateBasis, Provision, default_catalogue
from misconduct.rules.trace import Trace
from misconduct.rules.workdays import add_months, add_working_days, add_years, subtract_working_days


@dataclass(frozen=True)
class Deadline:
    step: str
    title: str
    trigger: date
    from_event: str
    kind: str
    due: date | None
    earliest: date | None
    latest: date | None
    citation: str
    status: str
    summary: str
    trace: Trace = field(compare=False)

    @property
    def last_day(self) -> date:
        """The day by which the step must be done (the end of a window)."""
        value = self.latest if self.due is None else self.due
        assert value is not None
        return value

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "step": self.step,
            "title": self.title,
            "from": self.trigger.isoformat(),
            "from_event": self.from_event,
            "kind": self.kind,
        }
        if self.due is not None:
            out["due"] = self.due.isoformat()
        else:
            assert self.earliest is not None and self.latest is not None
            out["earliest"] = self.earliest.isoformat()
            out["latest"] = self.latest.isoformat()
        out.update(
            citation=self.citation,
            status=self.status,
            summary=self.summary,
            trace=self.trace.as_list(),
        )
        return out


def steps(catalogue: Catalogue | None = None) -> list[Provision]:
    """Every time-limit step, in catalogue order."""
    cat = catalogue or default_catalogue()
    return [p for p in cat if p.date_basis is DateBasis.TRIGGER]


@cache
def _step_ids(catalogue: Catalogue) -> frozenset[str]:
    return frozenset(p.id for p in steps(catalogue))


def deadline(step: str, trigger: date, *, catalogue: Catalogue | None = None) -> Deadline:
    cat = catalogue or default_catalogue()
    known = _step_ids(cat)
    if step not in known:
        raise InvalidInput("step", "one of " + ", ".join(sorted(known)), step)
    version = cat.version(step, trigger)
    params = version.parameters
    kind = str(params.get("kind"))
    due = earliest = latest = None
    if kind == "working_days_after":
        due = add_working_days(trigger, int(params["n"]))
    elif kind == "working_days_before":
        due = subtract_working_days(trigger, int(params["n"]))
    elif kind == "working_days_window":
        earliest = add_working_days(trigger, int(params["min"]))
        latest = add_working_days(trigger, int(params["max"]))
    elif kind == "calendar_days_after":
        due = trigger + timedelta(days=int(params["n"]))
    elif kind == "calendar_months_after":
        due = add_months(trigger, int(params["n"]))
    elif kind == "calendar_years_after":
        due = add_years(trigger, int(params["n"]))
    else:
        raise RuleDataError(f"{step}: unknown time-limit kind {kind!r}")
    trace = Trace()
    working = cat.version_or_none("working_day", trigger) if kind.startswith("working") else None
    if working is not None:
        trace.record(
            working, "working days exclude weekends and England & Wales holidays", on=trigger
        )
    result = due.isoformat() if due else f"{earliest} to {latest}"
    trace.record(version, f"from {trigger.isoformat()}: {result}", on=trigger, trigger=trigger)
    return Deadline(
        step=step,
        title=version.title,
        trigger=trigger,
        from_event=str(params.get("from_event", "")),
        kind=kind,
        due=due,
        earliest=earliest,
        latest=latest,
        citation=str(version.citation),
        status=version.citation.status.value,
        summary=version.summary,
        trace=trace,
    )
