"""The canonical case (Met "PC A") walked through every step, each time limit against a date worked
out by hand from the England & Wales calendar (DOMAIN.md §5 and §10)."""

from __future__ import annotations

from datetime import date

from misconduct.domain.case import Case
from misconduct.domain.lifecycle import decide, open_case
from misconduct.domain.terms import Stage
from misconduct.rules.vocabulary import Outcome
from misconduct.services.demo import canonical_case, officer_id

D = date.fromisoformat


def walk() -> list[Case]:
    """The case after every step, in order (each is a fresh fold, so earlier states are kept)."""
    demo = canonical_case()
    events = [open_case(demo.opening)]
    states = [Case.from_events(events)]
    for command in demo.steps:
        case = Case.from_events(events)
        events.append(decide(case, command))
        states.append(Case.from_events(events))
    return states


def limit(case: Case, step: str) -> tuple[date | None, date | None, date | None, date | None]:
    (t,) = [t for t in case.time_limits if t.item.step == step]
    return t.item.due, t.item.earliest, t.item.latest, t.met_on


def test_every_step_of_the_canonical_case_is_accepted_and_the_case_closes() -> None:
    states = walk()
    assert [s.stage for s in states][:3] == [Stage.INTAKE, Stage.INTAKE, Stage.UNDER_INVESTIGATION]
    final = states[-1]
    assert final.stage is Stage.CLOSED
    assert final.version == len(canonical_case().steps) + 1


def test_reg19_report_falls_due_twelve_months_after_attention_and_the_report_discharges_it() -> (
    None
):
    # Came to attention Tue 21 Jan 2025; 12 calendar months on is Wed 21 Jan 2026.
    assert limit(walk()[-1], "reg19_timeliness_report") == (
        D("2026-01-21"),
        None,
        None,
        D("2025-04-14"),
    )


def test_reg18_window_is_ten_working_days_after_the_reg17_notice() -> None:
    # Notice Thu 6 Feb 2025: 7, 10, 11, 12, 13, 14, 17, 18, 19, 20 Feb -> Thu 20 Feb 2025.
    assert limit(walk()[-1], "reg18_response") == (D("2025-02-20"), None, None, D("2025-02-19"))


def test_accelerated_hearing_window_skips_the_early_may_bank_holiday() -> None:
    # Notice Thu 24 Apr 2025; Mon 5 May is a bank holiday: 10th WD Fri 9 May, 15th WD Fri 16 May.
    due, earliest, latest, met = limit(walk()[-1], "reg52_hearing_window")
    assert (due, earliest, latest, met) == (None, D("2025-05-09"), D("2025-05-16"), D("2025-05-01"))


def test_outcome_report_is_due_five_working_days_after_the_hearing() -> None:
    # Hearing Wed 14 May 2025: 15, 16, 19, 20, 21 May -> Wed 21 May 2025.
    assert limit(walk()[-1], "reg63_report") == (D("2025-05-21"), None, None, D("2025-05-20"))


def test_tribunal_appeal_window_skips_the_spring_bank_holiday() -> None:
    # Notified Wed 21 May 2025; Mon 26 May is a bank holiday: 10th WD is Thu 5 Jun 2025.
    assert limit(walk()[-1], "pat_notice_of_appeal")[:3] == (D("2025-06-05"), None, None)


def test_publication_must_remain_for_twenty_eight_whole_days_after_the_first() -> None:
    # Published Thu 22 May 2025 (a part day, not counted): 28 whole days run to Thu 19 Jun 2025.
    assert limit(walk()[-1], "reg43_publication")[:3] == (D("2025-06-19"), None, None)


def test_final_written_warning_runs_two_years_from_notification() -> None:
    decision = walk()[-1].decisions[officer_id("metropolitan", "274519")]
    assert decision.decision.outcome is Outcome.FINAL_WRITTEN_WARNING
    assert decision.decision.warning_months == 24
    assert decision.warning_expires_on == D("2027-05-20")
    assert decision.regime == "conduct_regs_2020"
    assert decision.available == (
        Outcome.FINAL_WRITTEN_WARNING,
        Outcome.DISMISSAL_WITHOUT_NOTICE,
    )


def test_anonymity_order_uses_the_cipher_pc_a() -> None:
    proceedings = walk()[-1].proceedings
    assert proceedings is not None
    assert proceedings.arrangement.anonymity_cipher == "PC A"


def test_what_is_due_next_moves_with_the_as_at_date() -> None:
    states = walk()
    after_referral = next(s for s in states if s.stage is Stage.REFERRED)
    nxt = after_referral.next_due(D("2025-04-25"))
    assert nxt is not None and nxt.step == "reg52_hearing_window"
    assert after_referral.overdue(D("2025-05-19"))[0].step == "reg52_hearing_window"
    assert after_referral.overdue(D("2025-05-16")) == []


def test_a_2012_warning_runs_from_the_day_after_notification_so_ends_a_day_later() -> None:
    """SI 2012/2632 reg 3(3): a 2012 warning runs "from" the day it takes effect, so that day does not
    count; the same facts under the 2020 Regulations end the day before (reg 42(9))."""
    from misconduct.domain import commands as c

    demo = canonical_case()
    events = [open_case(demo.opening)]
    for command in demo.steps:
        case = Case.from_events(events)
        if isinstance(command, c.NotifyOfficer):
            case.decisions[command.officer_id].regime = "conduct_regs_2012"
            notified = decide(case, command)
            assert notified.warning_expires_on == D("2027-05-21")  # type: ignore[attr-defined]
            return
        events.append(decide(case, command))
    raise AssertionError("the canonical case has no notification step")
