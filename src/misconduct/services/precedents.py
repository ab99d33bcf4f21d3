"""Decided cases on this system as precedents, beside the published library.

A decision counts when it carries the engine's assessment (``OutcomeDecision.assessment``): its
profile is read from that stored result, with the case's forum and the decision's finding. A
precedent names the case by reference and force and the officer by rank only, never by name or
warrant number. An appeal that substituted the outcome gives the substituted one; an appeal allowed
removes the decision.
"""

from __future__ import annotations

from collections.abc import Iterable

from misconduct.assessment.precedents import Precedent, Profile, Provenance
from misconduct.domain.case import Case
from misconduct.domain.terms import AppealResult
from misconduct.rules.vocabulary import Finding, Outcome
from misconduct.services.cases import load
from misconduct.services.ports import UnitOfWork

SOURCE = "decision recorded on this system"
LICENCE = "internal record: not published; check the case's anonymity order before citing it"


def _final(case: Case, officer_id: str, outcome: Outcome) -> Outcome | None:
    """The outcome after any appeal decided: the substituted one, or None if the appeal succeeded."""
    for appeal in case.appeals:
        if appeal.officer_id != officer_id or appeal.result is None:
            continue
        if appeal.result is AppealResult.ALLOWED:
            return None
        if appeal.result is AppealResult.OUTCOME_SUBSTITUTED and appeal.substituted_outcome:
            outcome = appeal.substituted_outcome
    return outcome


def case_precedents(cases: Iterable[Case]) -> list[Precedent]:
    """Every assessed decision of ``cases`` as a precedent, in case and officer order."""
    out: list[Precedent] = []
    for case in cases:
        forum = case.forum
        if forum is None:
            continue
        for n, officer_id in enumerate(case.officers, 1):
            decided = case.decisions.get(officer_id)
            if decided is None or decided.decision.assessment is None:
                continue
            if decided.finding is Finding.NO_MISCONDUCT:
                continue
            outcome = _final(case, officer_id, decided.decision.outcome)
            if outcome is None:
                continue
            fww = outcome is Outcome.FINAL_WRITTEN_WARNING
            out.append(
                Precedent(
                    id=f"{case.ref}/{n}" if len(case.officers) > 1 else case.ref,
                    provenance=Provenance(SOURCE, f"case:{case.ref}", LICENCE),
                    force=case.force,
                    decided=decided.decided_on.isoformat(),
                    rank=case.officers[officer_id].rank.abbreviation,
                    outcome=outcome,
                    fww_months=decided.decision.warning_months if fww else None,
                    profile=Profile.from_stored(
                        decided.decision.assessment, decided.finding, forum
                    ),
                )
            )
    return out


def decided_precedents(uow: UnitOfWork, *, excluding: str | None = None) -> list[Precedent]:
    """The assessed decisions of every stored case but ``excluding`` (the case being decided).

    Folds every case from its events: fine for one force's caseload, to be indexed before it is not.
    """
    with uow:
        refs = [r for r in uow.cases.refs() if r != excluding]
        return case_precedents(load(uow, ref)[0] for ref in refs)
