"""Retention (issue 13, finding 7): published outcomes taken down when their period ends, as an event
on the case's chain, with notice beforehand; closed cases listed once past their retention period."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from misconduct.domain import commands as c
from misconduct.domain.ledger import verify_chain
from misconduct.errors import InvalidInput, RuleViolation
from misconduct.services.demo import canonical_case, load_demo
from misconduct.services.retention import Policy, add_years, plan, take_down
from tests.services.fakes import FakeRepository, FakeUnitOfWork, fake_service

D = date.fromisoformat
CANONICAL = "MPS-2025-0001"  # a hearing outcome published 22 May 2025, then the case closed


@pytest.fixture(scope="module")
def demo_repo() -> FakeRepository:
    repo = FakeRepository()
    load_demo(fake_service(repo))
    return repo


def _copy(repo: FakeRepository) -> FakeRepository:
    fresh = FakeRepository()
    fresh.stored = {k: list(v) for k, v in repo.stored.items()}
    fresh.projections = dict(repo.projections)
    return fresh


def _plan(repo: FakeRepository, policy: Policy, on: str):  # type: ignore[no-untyped-def]
    return plan(lambda: FakeUnitOfWork(repo), policy, D(on))


def test_an_outcome_comes_down_after_28_whole_days_with_notice_the_week_before(
    demo_repo: FakeRepository,
) -> None:
    policy = Policy()
    assert [t.ref for t in _plan(demo_repo, policy, "2025-06-12").upcoming] == []
    week_before = _plan(demo_repo, policy, "2025-06-13")
    assert [(t.ref, t.last_day, t.remove_on) for t in week_before.upcoming] == [
        (CANONICAL, D("2025-06-19"), D("2025-06-20"))
    ]
    last_day = _plan(demo_repo, policy, "2025-06-19")
    assert last_day.due == () and [t.ref for t in last_day.upcoming] == [CANONICAL]
    after = _plan(demo_repo, policy, "2025-06-20")
    assert [t.ref for t in after.due] == [CANONICAL] and after.upcoming == ()


def test_a_longer_policy_period_keeps_the_outcome_up_longer(demo_repo: FakeRepository) -> None:
    policy = Policy(publication_days=90, warning_days=0)
    assert _plan(demo_repo, policy, "2025-08-20").due == ()
    assert [t.ref for t in _plan(demo_repo, policy, "2025-08-21").due] == [CANONICAL]


def test_take_down_is_an_event_on_the_chain_and_is_done_once(demo_repo: FakeRepository) -> None:
    repo = _copy(demo_repo)
    service = fake_service(repo, actor="retention")
    before = len(repo.stored[CANONICAL])
    due = _plan(repo, Policy(), "2025-07-01").due
    assert take_down(service, due, D("2025-07-01")) == [CANONICAL]
    records = repo.stored[CANONICAL]
    assert len(records) == before + 1 and records[-1].type == "PublicationRemoved"
    assert records[-1].actor == "retention" and records[-1].occurred_on == D("2025-07-01")
    assert verify_chain(records) is None
    assert service.case(CANONICAL).publication_removed_on == D("2025-07-01")
    assert _plan(repo, Policy(), "2025-07-02").due == ()  # nothing left to take down


def test_the_domain_still_refuses_a_take_down_inside_the_28_days(demo_repo: FakeRepository) -> None:
    repo = _copy(demo_repo)
    with pytest.raises(RuleViolation, match="must stay published until at least 2025-06-19"):
        fake_service(repo).execute(CANONICAL, c.RemovePublication(D("2025-06-19")))
    assert repo.stored == demo_repo.stored


def test_a_policy_period_under_28_days_or_negative_is_refused() -> None:
    with pytest.raises(InvalidInput, match="at least 28 days"):
        Policy(publication_days=27)
    with pytest.raises(InvalidInput, match="zero or more"):
        Policy(warning_days=-1)
    with pytest.raises(InvalidInput, match="zero or more"):
        Policy(closed_case_years=-1)


def test_closed_cases_are_listed_for_erasure_only_past_their_retention(
    demo_repo: FakeRepository,
) -> None:
    closed = {
        ref: case.closed_on
        for ref, case in demo_repo.projections.items()
        if case.closed_on is not None
    }
    assert CANONICAL in closed
    assert _plan(demo_repo, Policy(), "2099-01-01").erasable == ()  # 0 years: never
    policy = Policy(closed_case_years=6)
    first = min(closed.values())
    assert first is not None
    erase_from = add_years(first, 6)
    day_before = date.fromordinal(erase_from.toordinal() - 1).isoformat()
    assert first not in {e.closed_on for e in _plan(demo_repo, policy, day_before).erasable}
    on_the_day = _plan(demo_repo, policy, erase_from.isoformat()).erasable
    assert [e.ref for e in on_the_day if e.closed_on == first]
    assert all(e.erase_from == add_years(e.closed_on, 6) for e in on_the_day)


def test_years_are_added_to_29_february_as_28_february() -> None:
    assert add_years(D("2024-02-29"), 1) == D("2025-02-28")
    assert add_years(D("2024-02-29"), 4) == D("2028-02-29")


def _canonical_published_for(days: int | None) -> FakeRepository:
    demo = canonical_case()
    steps = tuple(
        replace(s, period_days=days) if isinstance(s, c.PublishOutcome) else s for s in demo.steps
    )
    repo = FakeRepository()
    fake_service(repo).open(demo.opening, steps)
    return repo


def test_a_period_set_for_the_case_comes_before_the_policy_and_binds_the_domain() -> None:
    repo = _canonical_published_for(60)  # published 22 May 2025: up to and including 21 July
    case = fake_service(repo).case(CANONICAL)
    assert case.publication_days == 60
    assert _plan(repo, Policy(), "2025-07-21").due == ()
    assert [t.last_day for t in _plan(repo, Policy(publication_days=365), "2025-07-22").due] == [
        D("2025-07-21")
    ]
    with pytest.raises(RuleViolation, match="until at least 2025-07-21 \\(the 60 days set"):
        fake_service(repo).execute(CANONICAL, c.RemovePublication(D("2025-07-21")))
    fake_service(repo).execute(CANONICAL, c.RemovePublication(D("2025-07-22")))


def test_a_period_under_28_days_is_refused_when_publishing() -> None:
    with pytest.raises(RuleViolation, match="at least 28 days, not 27") as refused:
        _canonical_published_for(27)
    assert refused.value.citation == "SI 2020/4 reg 43" and refused.value.field == "period_days"
