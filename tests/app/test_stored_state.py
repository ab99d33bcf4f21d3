"""The state stored with each event is the case as its events fold it: reads that need only the case as
it stands decode it instead of folding, and fall back to the fold when it cannot be trusted."""

from __future__ import annotations

import pytest

from misconduct.app import models as m
from misconduct.app.repository import DjangoRepository, DjangoUnitOfWork, state_format
from misconduct.domain.case import Case
from misconduct.errors import InvalidInput
from misconduct.services.cases import CaseService
from misconduct.services.demo import canonical_case, demo_cases
from tests.services.fakes import SteppingClock

pytestmark = pytest.mark.django_db(databases="__all__")


def service(alias: str) -> CaseService:
    return CaseService(lambda: DjangoUnitOfWork(alias), clock=SteppingClock(), actor="psd.tester")


def folded(repo: DjangoRepository, ref: str) -> Case:
    return Case.from_events([r.event() for r in repo.events(ref)])


def test_every_demo_case_after_every_step_reads_back_as_its_fold(alias: str) -> None:
    svc, repo = service(alias), DjangoRepository(alias)
    checked = 0
    for demo in demo_cases():
        svc.open(demo.opening)
        for step in (None, *demo.steps):
            if step is not None:
                svc.execute(demo.ref, step)
            row = m.Case.objects.using(alias).get(ref=demo.ref)
            assert row.state_format == state_format()
            stored = repo.load_state(demo.ref)
            assert stored == folded(repo, demo.ref), (demo.ref, stored.version)
            assert stored.stage.value == row.stage
            checked += 1
    assert checked > 100
    everything = repo.load_states()
    assert sorted(everything) == sorted(d.ref for d in demo_cases())
    assert all(case == folded(repo, ref) for ref, case in everything.items())


@pytest.mark.parametrize(
    "change",
    [
        {"state_format": ""},  # written before stored states were read
        {"state_format": "an-older-shape"},
        {"state": {"ref": "MPS-2025-0001", "no_such_field": 1}},
        {"state": "not an object"},
        {"version": 18},  # a state that is not at the row's version
    ],
    ids=["no-format", "older-format", "undecodable", "not-an-object", "other-version"],
)
def test_a_state_that_cannot_be_trusted_is_folded_from_the_events(
    alias: str, change: dict[str, object]
) -> None:
    demo = canonical_case()
    service(alias).open(demo.opening, demo.steps)
    repo = DjangoRepository(alias)
    expected = folded(repo, demo.ref)
    m.Case.objects.using(alias).filter(ref=demo.ref).update(**change)
    assert repo.load_state(demo.ref) == expected
    assert repo.load_states([demo.ref, "NO-SUCH-REF"]) == {demo.ref: expected}


def test_an_unknown_reference_is_named(alias: str) -> None:
    with pytest.raises(InvalidInput, match="NO-SUCH-REF"):
        DjangoRepository(alias).load_state("NO-SUCH-REF")
