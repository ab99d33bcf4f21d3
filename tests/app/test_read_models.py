"""The read models always equal a fold of the events: after any history of steps, the rows stored
with the events are ``readmodels.project`` of the case folded from its events, the register on any
date is the public projection of every case on that date, and ``db rebuild`` writes the same rows."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from misconduct.app import models as m
from misconduct.app.read_tables import expected_rows, rebuild, stored_rows
from misconduct.app.readmodels import NOTICE, windows
from misconduct.app.repository import DjangoRepository, DjangoUnitOfWork
from misconduct.app.web import register
from misconduct.app.web.publication import public_view, published
from misconduct.domain.case import Case
from misconduct.domain.lifecycle import decide, open_case
from misconduct.services.cases import CaseService
from misconduct.services.demo import demo_cases
from tests.services.fakes import SteppingClock

DEMOS = demo_cases()


def stored(using: str) -> dict[str, Any]:
    """Every read-model row, by case reference, as plain values comparable with a projection."""
    ids = dict(m.CaseListing.objects.using(using).values_list("case_id", "ref"))
    return {ids[pk]: rows for pk, rows in stored_rows(using, list(ids)).items()}


def expected(case: Case) -> Any:
    return expected_rows(case)


def folded(using: str) -> dict[str, Case]:
    repo = DjangoRepository(using)
    return {ref: Case.from_events([r.event() for r in repo.events(ref)]) for ref in repo.refs()}


histories = st.lists(
    st.tuples(st.integers(0, len(DEMOS) - 1), st.integers(0, 25)),
    min_size=1,
    max_size=5,
    unique_by=lambda t: t[0],
)
days = st.lists(st.dates(date(2024, 6, 1), date(2027, 6, 30)), min_size=1, max_size=4)


@pytest.mark.django_db(databases="__all__")
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=histories, on=days)
def test_the_read_models_always_equal_a_fold_of_the_events(
    alias: str, history: list[tuple[int, int]], on: list[date]
) -> None:
    with transaction.atomic(using=alias):
        svc = CaseService(lambda: DjangoUnitOfWork(alias), clock=SteppingClock(), actor="prop")
        for index, steps in history:
            demo = DEMOS[index]
            svc.open(demo.opening)
            for step in demo.steps[:steps]:  # one transaction per step, as the web takes them
                svc.execute(demo.ref, step)
        cases = folded(alias)
        assert stored(alias) == {ref: expected(case) for ref, case in cases.items()}
        for day in on:
            assert register.records(day, using=alias) == published(cases.values(), day)
        rebuilt = rebuild(alias)
        assert rebuilt == len(cases)
        assert stored(alias) == {ref: expected(case) for ref, case in cases.items()}
        transaction.set_rollback(True, using=alias)


def _boundaries(case: Case) -> set[date]:
    p = case.proceedings
    dates = {case.published_on, case.publication_removed_on}
    if p is not None:
        dates |= {p.public_notice_on, p.concluded_on, p.arrangement.starts_on}
    for _, start, until in windows(case):
        dates |= {start, until}
    out = set()
    for d in dates - {None}:
        assert d is not None
        out |= {d + timedelta(days=k) for k in (-1, 0, 1, 27, 28, 29)}
    return out


def test_each_public_window_is_exactly_when_the_public_projection_shows_the_record() -> None:
    checked = 0
    for demo in DEMOS:
        case = Case.from_events([open_case(demo.opening)])
        for step in (None, *demo.steps):
            if step is not None:
                case.apply(decide(case, step))
            spans = windows(case)
            for day in sorted(_boundaries(case)):
                view = public_view(case, day)
                inside = [
                    k
                    for k, start, until in spans
                    if start <= day and (until is None or day <= until)
                ]
                assert len(inside) <= 1
                assert (view.kind if view else None) == (inside[0] if inside else None), (
                    demo.ref,
                    case.version,
                    day,
                )
                checked += 1
    assert checked > 100
    assert any(k == NOTICE for d in DEMOS for k, _, _ in windows(_final(d)))


def _final(demo: Any) -> Case:
    case = Case.from_events([open_case(demo.opening)])
    for step in demo.steps:
        case.apply(decide(case, step))
    return case
