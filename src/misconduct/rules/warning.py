"""Warnings: how long they run, when they expire, whether one is in force on a date.

>>> w = WarningRecord(Outcome.FINAL_WRITTEN_WARNING, notified_on=date(2025, 6, 10), months=24)
>>> w.expires_on()
datetime.date(2027, 6, 9)
>>> w.in_force(date(2027, 6, 9)), w.in_force(date(2027, 6, 10))
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from misconduct.errors import InvalidInput, RuleViolation
from misconduct.rules.catalogue import (
    Catalogue,
    ProvisionVersion,
    catalogue_or_default,
    default_catalogue,
)
from misconduct.rules.regime import Regime, RegimeDecision
from misconduct.rules.trace import Trace
from misconduct.rules.vocabulary import Forum, Outcome
from misconduct.rules.workdays import add_months, end_of_months_beginning_with

WARNINGS = (Outcome.WRITTEN_WARNING, Outcome.FINAL_WRITTEN_WARNING)
COUNTING_2020 = date(2020, 2, 1)
COUNTING_2012_END = date(2020, 1, 31)
_FWW_PERIOD = {  # the provision for a final written warning's period, by forum (value)
    Forum.MISCONDUCT_MEETING._value_: "reg42_9b_fww_period_meeting",
    Forum.MISCONDUCT_HEARING._value_: "reg42_10_fww_period_hearing",
    Forum.ACCELERATED_MISCONDUCT_HEARING._value_: "reg62_4_fww_period_amh",
}
_LOWER = {m._value_: m.label.lower() for vocab in (Outcome, Forum) for m in vocab}


@dataclass(frozen=True)
class WarningPeriod:
    """The lawful range of a warning's period, in months, and the provision it comes from."""

    outcome: Outcome
    min_months: int
    max_months: int
    version: ProvisionVersion

    @property
    def default_months(self) -> int:
        return self.min_months

    def check(self, months: int) -> None:
        if not self.min_months <= months <= self.max_months:
            expected = (
                f"{self.min_months} months"
                if self.min_months == self.max_months
                else f"between {self.min_months} and {self.max_months} months"
            )
            raise RuleViolation(
                f"a {self.outcome.label.lower()} here runs for {expected}; received {months} months",
                citation=str(self.version.citation),
                field="warning_months",
            )

    def as_dict(self) -> dict[str, object]:
        return {
            "min_months": self.min_months,
            "max_months": self.max_months,
            "default_months": self.default_months,
            "citation": str(self.version.citation),
            "status": self.version.citation.status.value,
        }


def warning_period(
    outcome: Outcome,
    forum: Forum,
    regime: RegimeDecision,
    *,
    trace: Trace | None = None,
    catalogue: Catalogue | None = None,
) -> WarningPeriod | None:
    """The period range for a warning outcome given at a forum under a regime; None for other outcomes."""
    if outcome not in WARNINGS:
        return None
    cat = catalogue_or_default(catalogue)
    on = regime.rules_date
    if regime.regime is Regime.CONDUCT_REGS_2012:
        v = cat.version("regs2012_warning_periods", on)
    elif outcome is Outcome.WRITTEN_WARNING:
        v = cat.version("reg42_9a_written_warning_period", on)
    else:
        v = cat.version(_FWW_PERIOD[forum._value_], on)
    # A period depends only on the outcome, the forum and the version read: each is built once
    # (WarningPeriod is immutable), with the wording of its trace entry.
    key = (outcome._value_, forum._value_, id(v))
    kept = _PERIODS.get(key)
    if kept is None or kept[0].version is not v:
        kept = _period(outcome, forum, v, regime.regime is Regime.CONDUCT_REGS_2012)
        if len(_PERIODS) >= 4096:
            _PERIODS.clear()
        _PERIODS[key] = kept
    period, conclusion = kept
    if trace is not None:
        trace.add(period.version, conclusion, on, True, {"outcome": outcome, "forum": forum})
    return period


_PERIODS: dict[tuple[str, str, int], tuple[WarningPeriod, str]] = {}


def _period(
    outcome: Outcome, forum: Forum, v: ProvisionVersion, old_rules: bool
) -> tuple[WarningPeriod, str]:
    if old_rules:
        key = (
            "written_warning_months"
            if outcome is Outcome.WRITTEN_WARNING
            else "final_written_warning_months"
        )
        months = int(v.parameters[key])
        period = WarningPeriod(outcome, months, months, v)
    elif outcome is Outcome.WRITTEN_WARNING:
        months = int(v.parameters["months"])
        period = WarningPeriod(outcome, months, months, v)
    else:
        period = WarningPeriod(
            outcome, int(v.parameters["min_months"]), int(v.parameters["max_months"]), v
        )
    return period, (
        f"{_LOWER[outcome._value_]} at a {_LOWER[forum._value_]}: "
        f"{period.min_months}–{period.max_months} months"
    )


@dataclass(frozen=True)
class WarningRecord:
    """A warning on an officer's record."""

    kind: Outcome
    notified_on: date
    months: int
    career_break_days: int = 0
    first_day_counts: bool = True
    """2020 Regulations: the period begins with the day notified (reg 42(9)). A 2012 warning runs "from"
    the date it takes effect (SI 2012/2632 reg 3(3)): that day does not count (pass False)."""

    def __post_init__(self) -> None:
        if self.kind not in WARNINGS:
            raise InvalidInput(
                "warning kind", "written_warning or final_written_warning", self.kind
            )
        if self.months < 1:
            raise InvalidInput(
                "warning months", "a whole number of months, at least 1", self.months
            )
        if self.career_break_days < 0:
            raise InvalidInput("career_break_days", "zero or more days", self.career_break_days)

    def expires_on(self) -> date:
        """The last day in force: the period begins with the day of notification, so it ends the day
        before the same date ``months`` later, moved on by any career-break days."""
        if self.first_day_counts:
            end = end_of_months_beginning_with(self.notified_on, self.months)
        else:
            end = add_months(self.notified_on, self.months)
        return end + timedelta(days=self.career_break_days)

    def in_force(self, on: date) -> bool:
        return self.notified_on <= on <= self.expires_on()


def expiry_trace(warning: WarningRecord, *, on: date, catalogue: Catalogue | None = None) -> Trace:
    """The provisions behind a warning's expiry date (beginning-with convention, career breaks)."""
    cat = catalogue or default_catalogue()
    trace = Trace()
    counting_on = max(on, COUNTING_2020) if warning.first_day_counts else min(on, COUNTING_2012_END)
    last = warning.expires_on() - timedelta(days=warning.career_break_days)
    trace.record(
        cat.version("warning_period_beginning_with", counting_on),
        f"notified {warning.notified_on.isoformat()}, {warning.months} months: "
        f"last day in force {last.isoformat()}",
        on=counting_on,
        notified_on=warning.notified_on,
        months=warning.months,
    )
    breaks = cat.version_or_none("warning_career_break", on)
    if breaks is not None:
        trace.record(
            breaks,
            f"career break of {warning.career_break_days} days extends the expiry to "
            f"{warning.expires_on().isoformat()}",
            on=on,
            applied=warning.career_break_days > 0,
            career_break_days=warning.career_break_days,
        )
    return trace
