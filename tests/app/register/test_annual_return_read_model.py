"""The annual return read from the decided outcomes' read model is the return the cases' fold gives:
the same tables, officers and reasons for leaving a decision out, on the demo and on seeded cases."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pytest

from misconduct.app import models as m
from misconduct.app.read_tables import write_read_models
from misconduct.app.register import annual_return as ar
from misconduct.app.register.annual_return import AnnualReturn, Finalised, year_ending
from misconduct.app.repository import DjangoRepository, DjangoUnitOfWork
from misconduct.domain.case import Case
from misconduct.services.cases import CaseService
from misconduct.services.seed import seeded_cases
from tests.services.fakes import SteppingClock


def folded_return(cases: Iterable[Case], force: str, year: int) -> AnnualReturn:
    """The return as ``for_force`` gave it before issue 10: every case of the force read and folded,
    the year's decisions kept (this is that code, kept here as the reference)."""
    start, end = year_ending(year)
    out: list[Finalised] = []
    left: list[str] = []
    for case in (c for c in cases if c.force == force):
        for officer_id, d in case.decisions.items():
            if not start <= d.decided_on <= end:
                continue
            where = f"{case.ref} ({officer_id})"
            if "2020" not in d.regime:
                left.append(
                    f"{where}: decided under the 2012 Regulations, which the return does not count"
                )
                continue
            forum = case.forum
            if forum not in ar.FORUMS:
                left.append(f"{where}: the type of proceedings is not recorded")
                continue
            assert forum is not None
            out.append(
                Finalised(
                    case.ref,
                    case.source.value,
                    forum,
                    d.finding,
                    d.decision.outcome,
                    (d.decided_on - case.came_to_attention).days,
                )
            )
    return AnnualReturn(
        force, year, tuple(out), tuple(left), ar._tabled(force, year, out, left).tables
    )


def _key(o: Finalised) -> tuple[str, ...]:
    return (o.case_ref, o.source, o.forum.value, o.finding.value, o.outcome.value, str(o.days))


def compare_every_return(using: str) -> tuple[int, int]:
    """Compare, for each force and each year with a decision, the two returns; the officers and the
    decisions left out that were compared."""
    return compare_every_return_of(list(DjangoRepository(using).load_states().values()), using)


def compare_every_return_of(cases: list[Case], using: str) -> tuple[int, int]:
    """As :func:`compare_every_return`, the fold's return made from ``cases``."""
    years = {
        (c.force, d.decided_on.year + (d.decided_on.month >= 4))
        for c in cases
        for d in c.decisions.values()
    }
    assert years, "the cases must decide outcomes for this comparison to mean anything"
    officers = left = 0
    for force, year in sorted(years):
        old = folded_return(cases, force, year)
        new = ar.for_force(force, year, using=using)
        assert new.tables == old.tables, (force, year)
        assert sorted(map(_key, new.officers)) == sorted(map(_key, old.officers)), (force, year)
        assert sorted(new.left_out) == sorted(old.left_out), (force, year)
        assert new.csv() == old.csv()
        assert ar.annual_return(cases, force, year).tables == new.tables
        officers += len(old.officers)
        left += len(old.left_out)
    # a year with no decision of the force reads no rows and gives the empty return
    quiet = ar.for_force(cases[0].force, 2021, using=using)
    assert quiet.tables == folded_return(cases, cases[0].force, 2021).tables
    return officers, left


@pytest.mark.django_db
def test_the_return_from_the_read_model_is_the_return_from_the_fold_on_the_demo(
    demo: list[str],
) -> None:
    officers, _ = compare_every_return("default")
    assert officers >= 1
    assert m.DecisionEntry.objects.count() == sum(
        len(c.decisions) for c in DjangoRepository("default").load_states().values()
    )


@pytest.mark.django_db(databases="__all__")
def test_the_return_from_the_read_model_is_the_return_from_the_fold_on_seeded_cases(
    alias: str,
) -> None:
    svc = CaseService(lambda: DjangoUnitOfWork(alias), clock=SteppingClock(), actor="seed")
    items = [(s.opening, s.steps) for s in seeded_cases(200, 11, date(2026, 11, 25))]
    svc.open_many(items, until_refused=True)
    officers, _ = compare_every_return(alias)
    assert officers >= 5


@pytest.mark.django_db
def test_decisions_left_out_are_left_out_with_the_same_reasons_from_the_read_model() -> None:
    """A decision under the 2012 Regulations and one with no type of proceedings recorded (neither
    occurs in the seeded cases, so the cases are altered here and their rows written as the
    repository writes them) are left out, for the same reasons, by both ways of reading."""
    svc = CaseService(lambda: DjangoUnitOfWork("default"), clock=SteppingClock(), actor="seed")
    svc.open_many(
        [(s.opening, s.steps) for s in seeded_cases(60, 11, date(2026, 11, 25))],
        until_refused=True,
    )
    states = DjangoRepository("default").load_states()
    decided = [c for c in states.values() if c.decisions]
    assert len(decided) >= 3
    older, unrecorded = decided[0], decided[1]
    for d in older.decisions.values():
        d.regime = "conduct_regs_2012"
    unrecorded.proceedings = None
    unrecorded.determination = None
    assert unrecorded.forum is None
    pks = dict(m.Case.objects.values_list("ref", "id"))
    write_read_models("default", [(pks[c.ref], c) for c in (older, unrecorded)], {})
    officers, left = compare_every_return_of(list(states.values()), "default")
    assert officers >= 1
    assert left == len(older.decisions) + len(unrecorded.decisions)
