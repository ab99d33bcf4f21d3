"""The take-down of a published outcome is a task on "My work" and in reminders beforehand (issue 13)."""

from __future__ import annotations

from datetime import date

from misconduct.app import casework
from misconduct.domain import commands as c
from misconduct.services.retention import TAKE_DOWN_STEP, Policy
from tests.services.fakes import FakeRepository, demo_repository, fake_service

CANONICAL = "MPS-2025-0001"  # published 22 May 2025 and closed


def _take_downs(repo: FakeRepository, on: date, policy: Policy) -> list[casework.Task]:
    service = fake_service(repo)
    cases = {ref: service.case(ref) for ref in repo.refs()}
    return [t for t in casework.tasks(cases, on, policy) if t.due.item.step == TAKE_DOWN_STEP]


def test_a_published_outcome_is_a_task_until_it_is_taken_down() -> None:
    repo = demo_repository()
    before = _take_downs(repo, date(2025, 6, 15), Policy())
    assert [(t.due.ref, t.due.item.last_day, t.overdue) for t in before] == [
        (CANONICAL, date(2025, 6, 20), False)
    ]
    assert "daily retention run" in before[0].due.item.title
    late = _take_downs(repo, date(2025, 6, 21), Policy())
    assert [(t.due.ref, t.overdue) for t in late] == [(CANONICAL, True)]
    longer = _take_downs(repo, date(2025, 6, 21), Policy(publication_days=60))
    assert [(t.due.item.last_day, t.overdue) for t in longer] == [(date(2025, 7, 22), False)]
    fake_service(repo).execute(CANONICAL, c.RemovePublication(date(2025, 6, 21)))
    assert _take_downs(repo, date(2025, 6, 22), Policy()) == []


def test_the_erasure_of_a_closed_case_is_a_task_from_the_notice_period_until_done() -> None:
    from misconduct.services.retention import ERASURE_STEP, erase

    repo = demo_repository()
    policy = Policy(warning_days=7, closed_case_years=1)  # the canonical case closed 19/06/2025

    def erasures(on: date) -> list[tuple[str, date, bool]]:
        service = fake_service(repo)
        cases = {ref: service.case(ref) for ref in repo.refs()}
        return [
            (t.due.ref, t.due.item.last_day, t.overdue)
            for t in casework.tasks(cases, on, policy)
            if t.due.item.step == ERASURE_STEP
        ]

    assert erasures(date(2026, 6, 11)) == []
    assert erasures(date(2026, 6, 12)) == [(CANONICAL, date(2026, 6, 19), False)]
    assert erasures(date(2026, 6, 20)) == [(CANONICAL, date(2026, 6, 19), True)]
    erase(fake_service(repo), CANONICAL, date(2026, 6, 20), "Retention schedule")
    assert erasures(date(2026, 6, 21)) == []
