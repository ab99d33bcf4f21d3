"""The Django repository and the event log, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from django.db import DatabaseError, connections, transaction

from misconduct.app.audit import PAYLOAD_CHECK
from misconduct.app.repository import DjangoUnitOfWork
from misconduct.domain import commands as c
from misconduct.errors import Conflict
from misconduct.services.audit import verify_all
from misconduct.services.cases import CaseService
from misconduct.services.demo import canonical_case, load_demo, officer_id, other_cases
from misconduct.services.transfer import export_case, import_case
from tests.services.fakes import SteppingClock

pytestmark = pytest.mark.django_db(databases="__all__")
D = date.fromisoformat
PC = officer_id("metropolitan", "274519")


def service(alias: str, actor: str = "psd.tester") -> CaseService:
    return CaseService(lambda: DjangoUnitOfWork(alias), clock=SteppingClock(), actor=actor)


def load_two(alias: str) -> CaseService:
    svc = service(alias)
    for demo in (canonical_case(), next(d for d in other_cases() if d.ref == "KNT-2026-0103")):
        svc.open(demo.opening, demo.steps)
    return svc


def test_the_stored_case_folds_back_to_the_projection(alias: str) -> None:
    from misconduct.app import models as m

    svc = load_two(alias)
    case = svc.case("MPS-2025-0001")
    row = m.Case.objects.using(alias).get(ref="MPS-2025-0001")
    assert (row.stage, row.version, row.anonymity_cipher) == ("closed", 19, "PC A")
    assert m.Event.objects.using(alias).filter(case=row).count() == case.version
    warning = m.Warning.objects.using(alias).get(case=row)
    assert (warning.kind, warning.expires_on) == ("final_written_warning", D("2027-05-20"))
    assert row.time_limits.get(step="reg63_report").due == D("2025-05-21")
    recorded = svc.history("MPS-2025-0001")[0].recorded_at
    assert recorded.tzinfo is not None and recorded > datetime(2026, 1, 1, tzinfo=UTC)


def test_the_database_refuses_update_and_delete_on_events(alias: str) -> None:
    load_two(alias)
    with connections[alias].cursor() as cursor:
        for sql in (
            "UPDATE misconduct_event SET actor = 'someone else'",
            "DELETE FROM misconduct_event",
        ):
            with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(using=alias):
                cursor.execute(sql)
    assert verify_all(lambda: DjangoUnitOfWork(alias)).ok


def test_audit_names_an_event_edited_behind_the_application(alias: str) -> None:
    load_two(alias)
    connection = connections[alias]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # flush deferred checks first
            cursor.execute(
                "ALTER TABLE misconduct_event DISABLE TRIGGER misconduct_event_no_update_delete"
            )
            cursor.execute(f"ALTER TABLE misconduct_event DROP CONSTRAINT {PAYLOAD_CHECK}")
        else:
            cursor.execute("DROP TRIGGER misconduct_event_no_update")
        cursor.execute(
            "UPDATE misconduct_event SET payload = %s WHERE sequence = 15 AND case_id = "
            "(SELECT id FROM misconduct_case WHERE ref = 'MPS-2025-0001')",
            [json.dumps({"decision": {"officer_id": PC, "outcome": "written_warning"}})],
        )
    report = verify_all(lambda: DjangoUnitOfWork(alias))
    assert [(b.case_ref, b.sequence, b.type) for b in report.broken] == [
        ("MPS-2025-0001", 15, "OutcomeDecided")
    ]


def test_two_writers_on_one_version_one_wins_one_conflicts(alias: str) -> None:
    load_two(alias)
    first, second = service(alias, "first"), service(alias, "second")
    seen = first.case("KNT-2026-0103").version
    first.execute(
        "KNT-2026-0103", c.ReceiveRegulation18Response(D("2026-11-20")), expected_version=seen
    )
    with pytest.raises(Conflict):
        second.execute(
            "KNT-2026-0103",
            c.RecordInterview(D("2026-11-21"), officer_id("kent", "18802")),
            expected_version=seen,
        )
    history = first.history("KNT-2026-0103")
    assert [(e.sequence, e.actor) for e in history[-1:]] == [(seen + 1, "first")]


def test_a_stale_append_at_the_repository_is_refused(alias: str) -> None:
    load_two(alias)
    svc = service(alias)
    case = svc.case("KNT-2026-0103")
    with DjangoUnitOfWork(alias) as uow, pytest.raises(Conflict):
        uow.cases.append("KNT-2026-0103", case.version - 1, [], case)


def test_export_and_import_round_trip_in_the_database(alias: str) -> None:
    svc = load_two(alias)
    exported = export_case(lambda: DjangoUnitOfWork(alias), "MPS-2025-0001")
    exported_again = {**exported, "ref": "MPS-2025-0001-COPY"}
    for e in exported_again["events"]:
        e["case"] = "MPS-2025-0001-COPY"
    with pytest.raises(Exception, match="hash chain"):
        import_case(lambda: DjangoUnitOfWork(alias), exported_again)
    assert svc.exists("MPS-2025-0001-COPY") is False


def test_demo_loads_idempotently(alias: str) -> None:
    svc = service(alias)
    assert len(load_demo(svc)) == 14
    assert load_demo(svc) == []
    assert verify_all(lambda: DjangoUnitOfWork(alias)).events > 100
