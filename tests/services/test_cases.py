"""Case services against in-memory fakes: transactions, conflicts, lists, export and import."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from misconduct.domain import commands as c
from misconduct.domain.ledger import GENESIS, RecordedEvent, verify_chain
from misconduct.errors import Conflict, InvalidInput, RuleViolation
from misconduct.services.audit import verify_all
from misconduct.services.cases import case_view, due_list
from misconduct.services.demo import load_demo, officer_id
from misconduct.services.transfer import export_case, import_case
from tests.services.fakes import FakeRepository, FakeUnitOfWork, demo_repository, fake_service

D = date.fromisoformat


@pytest.fixture
def repo() -> FakeRepository:
    return demo_repository()


def test_demo_loads_fourteen_cases_once(repo: FakeRepository) -> None:
    assert len(repo.refs()) == 14
    assert load_demo(fake_service(repo)) == []
    assert len(repo.refs()) == 14


def test_every_demo_chain_verifies(repo: FakeRepository) -> None:
    report = verify_all(lambda: FakeUnitOfWork(repo))
    assert report.ok and report.cases == 14 and report.events > 100


def test_a_refused_step_writes_nothing(repo: FakeRepository) -> None:
    before = repo.events("WMP-2026-0101")
    with pytest.raises(RuleViolation):
        fake_service(repo).execute("WMP-2026-0101", c.GiveReferralNotice(D("2026-11-20")))
    assert repo.events("WMP-2026-0101") == before


def test_a_stale_version_is_a_conflict_and_nothing_is_overwritten(repo: FakeRepository) -> None:
    svc = fake_service(repo)
    version = svc.case("KNT-2026-0103").version
    svc.execute(
        "KNT-2026-0103", c.ReceiveRegulation18Response(D("2026-11-20")), expected_version=version
    )
    with pytest.raises(Conflict, match=f"not {version}"):
        svc.execute(
            "KNT-2026-0103",
            c.RecordInterview(D("2026-11-21"), officer_id("kent", "18802")),
            expected_version=version,
        )
    assert svc.case("KNT-2026-0103").version == version + 1


def test_a_warning_from_another_case_counts_on_the_next_assessment(repo: FakeRepository) -> None:
    svc = fake_service(repo)
    svc.open(copy.deepcopy(next_case_for_surrey_officer()))
    case = svc.execute("SUR-2026-0200", next_assessment())
    assert case.warnings_at_severity[officer_id("surrey", "80144")].ww_in_force


def next_case_for_surrey_officer() -> c.OpenCase:
    from misconduct.services.demo import other_cases

    demo = next(d for d in other_cases() if d.ref == "SUR-2026-0108")
    from dataclasses import replace

    return replace(
        demo.opening,
        on=D("2026-11-23"),
        details=replace(
            demo.opening.details, ref="SUR-2026-0200", came_to_attention=D("2026-11-23")
        ),
    )


def next_assessment() -> c.Command:
    from misconduct.domain.records import SeverityAssessment
    from misconduct.domain.terms import LikelyForm, SeverityResult

    return c.AssessSeverity(
        D("2026-11-24"),
        SeverityAssessment(SeverityResult.MISCONDUCT, LikelyForm.MEETING, "PSD", "again"),
    )


def test_lists_filter_by_due_within_and_overdue(repo: FakeRepository) -> None:
    on = D("2026-11-25")
    summaries = repo.summaries()
    overdue = {s.ref for s in due_list(summaries, on, overdue=True)}
    assert overdue == {"LAN-2025-0112", "MER-2026-0107", "TVP-2025-0104"}
    soon = {s.ref for s in due_list(summaries, on, within=7)}
    assert soon == {"KNT-2026-0103", "ESX-2026-0105", "SUR-2026-0108"}
    with pytest.raises(InvalidInput, match="--due-within"):
        due_list(summaries, on, within=-1)


def test_export_then_import_gives_the_same_case_and_chain(repo: FakeRepository) -> None:
    exported = export_case(lambda: FakeUnitOfWork(repo), "MPS-2025-0001")
    other = FakeRepository()
    case = import_case(lambda: FakeUnitOfWork(other), exported)
    assert export_case(lambda: FakeUnitOfWork(other), "MPS-2025-0001") == exported
    assert verify_chain(other.events("MPS-2025-0001")) is None
    assert case.stage.value == "closed" and case.version == 19


def test_import_refuses_a_tampered_export_and_writes_nothing(repo: FakeRepository) -> None:
    exported = export_case(lambda: FakeUnitOfWork(repo), "MPS-2025-0001")
    exported["events"][14]["payload"]["decision"]["warning_months"] = 12
    other = FakeRepository()
    with pytest.raises(InvalidInput, match="event 15"):
        import_case(lambda: FakeUnitOfWork(other), exported)
    assert other.refs() == []


def test_import_refuses_a_reference_already_used(repo: FakeRepository) -> None:
    exported = export_case(lambda: FakeUnitOfWork(repo), "MPS-2025-0001")
    with pytest.raises(InvalidInput, match="not already used"):
        import_case(lambda: FakeUnitOfWork(repo), exported)


def test_a_case_read_before_another_writer_stored_a_step_still_answers(
    repo: FakeRepository,
) -> None:
    # Issue 13, finding 3: the answer after a stored write zipped the case's timeline with events
    # re-read afterwards; a step recorded in between made them differ in length and the API 500.
    svc = fake_service(repo)
    ref = "KNT-2026-0103"
    written = svc.execute(ref, c.ReceiveRegulation18Response(D("2026-11-20")))
    fake_service(repo).execute(ref, c.RecordInterview(D("2026-11-21"), officer_id("kent", "18802")))
    view = case_view(written, svc.history(ref), D("2026-11-22"))
    assert [t["sequence"] for t in view["timeline"]] == list(range(1, written.version + 1))


def _resealed(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events with every hash recomputed: what someone rewriting an export would do."""
    out, previous = [], GENESIS
    for n, e in enumerate(events, start=1):
        r = RecordedEvent.from_dict({**e, "sequence": n, "previous_hash": previous, "hash": ""})
        sealed = RecordedEvent.seal(
            r.case_ref,
            n,
            r.type,
            r.payload,
            r.occurred_on,
            r.recorded_at,
            r.actor,
            r.rules_version,
            previous,
        )
        out.append(sealed.as_dict())
        previous = sealed.hash
    return out


def _refused(exported: dict[str, Any], match: str) -> None:
    other = FakeRepository()
    with pytest.raises(InvalidInput, match=match):
        import_case(lambda: FakeUnitOfWork(other), exported)
    assert other.refs() == []


@pytest.mark.parametrize("ref", ["MPS-2025-0001", "KNT-2026-0103", "GMP-2026-0102"])
def test_every_step_of_a_real_history_passes_the_rules_on_import(
    repo: FakeRepository, ref: str
) -> None:
    exported = export_case(lambda: FakeUnitOfWork(repo), ref)
    case = import_case(lambda: FakeUnitOfWork(FakeRepository()), exported)
    assert case.version == len(exported["events"])


def test_import_refuses_a_resealed_history_with_an_unlawful_outcome(repo: FakeRepository) -> None:
    # Issue 13, finding 4: hashes recomputed after the outcome was changed used to be accepted.
    exported = export_case(lambda: FakeUnitOfWork(repo), "MPS-2025-0001")
    decided = next(e for e in exported["events"] if e["type"] == "OutcomeDecided")
    decided["payload"]["decision"]["outcome"] = "written_warning"  # not open at a hearing for GM
    exported["events"] = _resealed(exported["events"])
    _refused(exported, r"events\[15\].*step the rules allow")


def test_import_refuses_a_resealed_history_in_an_order_the_rules_forbid(
    repo: FakeRepository,
) -> None:
    # An illegal sequence used to end in a KeyError traceback.
    exported = export_case(lambda: FakeUnitOfWork(repo), "MPS-2025-0001")
    events = [e for e in exported["events"] if e["type"] != "SeverityAssessed"]
    exported["events"] = _resealed(events)
    _refused(exported, "step the rules allow")


def test_import_refuses_recorded_times_that_go_backwards(repo: FakeRepository) -> None:
    exported = export_case(lambda: FakeUnitOfWork(repo), "MPS-2025-0001")
    exported["events"][5]["recorded_at"] = "2020-01-01T09:00:00+00:00"
    exported["events"] = _resealed(exported["events"])
    _refused(exported, r"events\[6\]\.recorded_at")
