"""Decided cases as precedents: case reference and force, never the officer's name or number."""

from __future__ import annotations

import json
from dataclasses import asdict

from misconduct.assessment.precedents import Profile, similar
from misconduct.services.demo import demo_cases
from misconduct.services.precedents import case_precedents, decided_precedents
from tests.services.fakes import FakeRepository, FakeUnitOfWork, demo_repository


def loaded() -> FakeRepository:
    return demo_repository()


def test_every_assessed_demo_decision_is_a_precedent_named_by_case_and_force() -> None:
    repo = loaded()
    precedents = decided_precedents(FakeUnitOfWork(repo))
    cases = [repo.projections[ref] for ref in repo.refs()]
    assessed = [
        (case, d)
        for case in cases
        for d in case.decisions.values()
        if d.decision.assessment is not None
    ]
    assert len(precedents) == len(assessed) >= 1
    for p, (case, d) in zip(precedents, assessed, strict=True):
        assert p.id.split("/")[0] == case.ref and p.force == case.force
        assert p.outcome is d.decision.outcome and p.decided == d.decided_on.isoformat()
        assert p.profile == Profile.from_stored(d.decision.assessment, d.finding, p.forum)
        text = json.dumps(asdict(p), default=str)
        for officer in case.officers.values():
            assert officer.name not in text and officer.warrant_number not in text


def test_the_case_being_decided_is_left_out_and_the_canonical_demo_finds_its_peers() -> None:
    repo = loaded()
    canonical = demo_cases()[0].ref
    others = decided_precedents(FakeUnitOfWork(repo), excluding=canonical)
    assert canonical not in {p.id.split("/")[0] for p in others}
    mine = case_precedents([repo.projections[canonical]])
    assert len(mine) == 1 and mine[0].finding.value == "gross_misconduct"
    c = similar(mine[0].profile, others, limit=len(others))
    gross = {p.id for p in others if p.finding is mine[0].finding}
    assert gross and {m.precedent.id for m in c.matches[: len(gross)]} == gross
    assert all(m.differs for m in c.matches) and c.matches[0].alike
