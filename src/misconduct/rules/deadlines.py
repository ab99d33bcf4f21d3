"""Statutory time limits, computed in working days (or calendar periods) from the event they run from.

Counting follows the words of each provision (kept beside it in ``parameters/time_limits.yaml``):

* "before the end of N working days beginning with the first working day after X" (and "beginning with
  the day after X"): the N-th working day after X; X itself never counts (``working_days_after``);
* "N working days beginning with the date of X" (reg 33(9), (15)): X is day 1 if it is a working day
  (``working_days_beginning_with``);
* "4 weeks beginning with the first working day after X" (regs 11(8), 17(7)): 28 days counted from the
  first working day after X (``weeks_beginning_first_working_day_after``).

Where a notice or document is *given or supplied to the officer* and the case is under the 2020
Regulations as amended by SI 2025/558, reg 9(3)-(4) decides the day it counts as given (e-mail before
4.30 p.m. on a working day: that day; otherwise the next working day; post: the second day after posting
if a working day, otherwise the next working day after posting).

>>> d = deadline("reg31_response", date(2025, 5, 16))
>>> d.due, d.citation
(datetime.date(2025, 6, 9), 'SI 2020/4 reg 31(1)-(3)')
>>> w = deadline("reg52_hearing_window", date(2025, 8, 20))
>>> w.earliest, w.latest
(datetime.date(2025, 9, 4), datetime.date(2025, 9, 11))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from enum import StrEnum
from functools import cache
from typing import Any

from misconduct.errors import InvalidInput, RuleDataError, RuleViolation
from misconduct.rules.catalogue import Catalogue, DateBasis, Provision, default_catalogue
from misconduct.rules.regime import RegimeDecision
from misconduct.rules.trace import Trace
from misconduct.rules.workdays import (
    add_months,
    add_working_days,
    add_working_days_counting_start,
    add_years,
    end_of_months_beginning_with,
    first_working_day_after,
    is_working_day,
    subtract_working_days,
    uk_date,
)

SI_2024_521_COMMENCEMENT = date(2024, 5, 7)
EMAIL_CUT_OFF = time(16, 30)


class SentBy(StrEnum):
    """How a notice or document was given to the officer (reg 9)."""

    HAND = "hand"  # in person, left at the address, by the police friend, or another agreed manner
    EMAIL = "email"  # e-mail or other electronic communication (reg 9(1)(b) from 28 May 2025)
    POST = "post"  # first class recorded delivery or next-working-day service (reg 9(2)(b))


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
    sent_on: date | None = None
    """The day the notice was sent, where reg 9 moved the trigger to the day it counts as given."""
    notes: tuple[str, ...] = ()

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
        if self.sent_on is not None:
            out["sent_on"] = self.sent_on.isoformat()
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
            notes=list(self.notes),
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


def deemed_given(
    sent_on: date,
    sent_by: SentBy | str,
    *,
    sent_at: time | None = None,
    regime: RegimeDecision | None = None,
    trace: Trace | None = None,
    catalogue: Catalogue | None = None,
) -> date:
    """The day a written notice or document counts as given to the officer (reg 9).

    Under the 2020 Regulations as amended by SI 2025/558 (reg 9(3)-(4)) an e-mail sent on a working day
    before 4.30 p.m. counts that day, otherwise the next working day; a posted notice counts on the
    second day after posting if that is a working day, otherwise on the next working day after the day
    it was posted. Before those amendments (and for pre-commencement allegations) there is no deeming
    rule: the notice is given on the day it is given.

    >>> from misconduct.rules.regime import determine_regime
    >>> r = determine_regime(date(2025, 7, 1))
    >>> deemed_given(date(2025, 12, 5), "email", sent_at=time(16, 45), regime=r)  # Fri after 4.30
    datetime.date(2025, 12, 8)
    >>> deemed_given(date(2025, 12, 4), "post", regime=r)  # Thu: second day is Sat, so next WD: Fri
    datetime.date(2025, 12, 5)
    """
    cat = catalogue or default_catalogue()
    method = SentBy(sent_by) if not isinstance(sent_by, SentBy) else sent_by
    rules_on = regime.rules_date if regime is not None else sent_on
    if regime is None and sent_on >= date(2025, 5, 28) and method is not SentBy.HAND:
        raise InvalidInput(
            "date the allegation came to attention",
            "the case's regime, to tell whether the 2025 deemed-service rules apply",
            "nothing",
        )
    version = cat.version_or_none("reg9_notices", rules_on)
    if version is None or not version.parameters.get("deemed_service") or method is SentBy.HAND:
        if version is not None and trace is not None:
            trace.record(
                version,
                f"sent by {method.value} on {sent_on.isoformat()}: given on that day "
                "(no deemed-service rule applies)",
                on=rules_on,
                applied=False,
                sent_on=sent_on,
                sent_by=method,
            )
        return sent_on
    if method is SentBy.EMAIL:
        if sent_at is None:
            raise InvalidInput("time the e-mail was sent", "a time such as 16:29", "nothing")
        if is_working_day(sent_on) and sent_at < EMAIL_CUT_OFF:
            given = sent_on
        else:
            given = first_working_day_after(sent_on)
    else:
        second_day = sent_on + timedelta(days=2)
        given = second_day if is_working_day(second_day) else first_working_day_after(sent_on)
    if trace is not None:
        trace.record(
            version,
            f"sent by {method.value} on {sent_on.isoformat()}"
            + (f" at {sent_at.strftime('%H:%M')}" if sent_at is not None else "")
            + f": taken to have been given on {given.isoformat()}",
            on=rules_on,
            sent_on=sent_on,
            sent_by=method,
            sent_at=sent_at.isoformat() if sent_at is not None else None,
        )
    return given


def _check_saving_2024(
    title: str,
    params: Any,
    referral_notice_on: date | None,
    delegated_to_lqp: bool,
    trace: Trace,
    cat: Catalogue,
    on: date,
) -> None:
    """SI 2024/521 reg 7(1): its amendments do not apply where the reg 30(1)/51(1) notice came first."""
    needs = bool(params.get("si2024_521_amendment")) or delegated_to_lqp
    if not needs:
        return
    if referral_notice_on is None:
        if delegated_to_lqp:
            raise InvalidInput(
                "date of the notice of referral",
                "the date notice was given under regulation 30(1) or 51(1) (delegation of the "
                "report depends on it, SI 2024/521 reg 7)",
                "nothing",
            )
        return
    saving = cat.version("si2024_521_reg7_saving", max(on, SI_2024_521_COMMENCEMENT))
    if referral_notice_on < SI_2024_521_COMMENCEMENT:
        raise RuleViolation(
            f"notice of referral was given on {uk_date(referral_notice_on)}, before 7 May 2024: "
            f"the SI 2024/521 amendments behind this time limit ({title.lower()}) do not apply to "
            "the matter",
            citation=str(saving.citation),
            field="referral_notice_on",
            provision_id="si2024_521_reg7_saving",
            on=referral_notice_on,
        )
    trace.record(
        saving,
        f"notice of referral given on {referral_notice_on.isoformat()} (on or after 7 May 2024): "
        "the SI 2024/521 amendments apply",
        on=referral_notice_on,
        referral_notice_on=referral_notice_on,
    )


def deadline(
    step: str,
    trigger: date,
    *,
    delegated_to_lqp: bool = False,
    referral_notice_on: date | None = None,
    sent_by: SentBy | str | None = None,
    sent_at: time | None = None,
    regime: RegimeDecision | None = None,
    catalogue: Catalogue | None = None,
) -> Deadline:
    """The time limit ``step`` running from ``trigger`` (the day of the event it runs from).

    ``sent_by``/``sent_at``: for a step that runs from a notice or document given to the officer, how
    and when it was sent; with ``regime`` (the case's regime) they decide the day it counts as given.
    ``delegated_to_lqp``: the chair delegated the outcome report to the legally qualified person
    (reg 43(1B)-(1D), 63(1B)-(1D)); needs ``referral_notice_on``.
    """
    cat = catalogue or default_catalogue()
    known = _step_ids(cat)
    if step not in known:
        raise InvalidInput("step", "one of " + ", ".join(sorted(known)), step)
    trace = Trace()
    notes: list[str] = []
    sent_on: date | None = None
    first = cat.version(step, trigger)
    if sent_by is not None:
        if not first.parameters.get("given_to_officer"):
            raise InvalidInput(
                "how the notice was sent",
                "nothing: this time limit does not run from a notice given to the officer",
                str(sent_by),
            )
        given = deemed_given(
            trigger, sent_by, sent_at=sent_at, regime=regime, trace=trace, catalogue=cat
        )
        if given != trigger:
            sent_on, trigger = trigger, given
    version = cat.version(step, trigger)
    params = version.parameters
    _check_saving_2024(
        version.title, params, referral_notice_on, delegated_to_lqp, trace, cat, trigger
    )
    if delegated_to_lqp:
        if "delegated_n" not in params:
            raise InvalidInput(
                "delegated to the legally qualified person",
                "only for the outcome report of a misconduct hearing or accelerated hearing",
                version.title,
            )
        notes.append(str(params.get("delegated_note", "")).strip())
    kind = str(params.get("kind"))
    n_key = "delegated_n" if delegated_to_lqp else "n"
    due = earliest = latest = None
    if kind == "working_days_after":
        due = add_working_days(trigger, int(params[n_key]))
    elif kind == "working_days_beginning_with":
        due = add_working_days_counting_start(trigger, int(params[n_key]))
    elif kind == "weeks_beginning_first_working_day_after":
        due = first_working_day_after(trigger) + timedelta(weeks=int(params["n"]), days=-1)
    elif kind == "working_days_before":
        due = subtract_working_days(trigger, int(params["n"]))
    elif kind == "not_after_event":
        due = trigger
    elif kind == "working_days_window":
        earliest = add_working_days(trigger, int(params["min"]))
        latest = add_working_days(trigger, int(params["max"]))
    elif kind == "calendar_days_after":
        due = trigger + timedelta(days=int(params["n"]))
    elif kind == "day_after_months_beginning_with":
        due = end_of_months_beginning_with(trigger, int(params["n"])) + timedelta(days=1)
    elif kind == "calendar_months_after":
        due = add_months(trigger, int(params["n"]))
    elif kind == "calendar_years_after":
        due = add_years(trigger, int(params["n"]))
    else:
        raise RuleDataError(f"{step}: unknown time-limit kind {kind!r}")
    working = cat.version_or_none("working_day", trigger) if "working" in kind else None
    if working is not None:
        trace.record(
            working, "working days exclude weekends and England & Wales holidays", on=trigger
        )
    result = due.isoformat() if due else f"{earliest} to {latest}"
    trace.record(
        version,
        f"from {trigger.isoformat()}: {result}"
        + (" (report delegated to the legally qualified person)" if delegated_to_lqp else ""),
        on=trigger,
        trigger=trigger,
        delegated_to_lqp=delegated_to_lqp,
    )
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
        sent_on=sent_on,
        notes=tuple(n for n in notes if n),
    )
