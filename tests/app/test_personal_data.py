"""Issue 13 item 6: personal data kept apart from the chained events, so that a closed case's personal
data can be erased while its chain verifies. On SQLite and PostgreSQL: erasure leaves the chain and
the stored state verifying; no erased value remains in any table of the database or in the export;
a changed, deleted or unrecorded-erased value is reported by ``audit verify``; a history recorded
with its values inline (before this change) still loads, verifies, exports and imports."""

from __future__ import annotations

import contextlib
import json
import re
from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.db import connections

from misconduct.app import models as m
from misconduct.app.audit import COMMITMENT_CHECK, verify_database
from misconduct.app.erasure import erase
from misconduct.app.repository import DjangoRepository, DjangoUnitOfWork
from misconduct.domain import commands as c
from misconduct.domain.events import event_payload
from misconduct.domain.ledger import GENESIS, RecordedEvent, verify_chain
from misconduct.domain.personal import placeholder
from misconduct.domain.records import Evidence, PartyRecord
from misconduct.domain.terms import PartyRole
from misconduct.errors import InvalidInput
from misconduct.services import retention
from misconduct.services.cases import CaseService
from misconduct.services.demo import canonical_case
from misconduct.services.transfer import export_case, import_case
from tests.services.fakes import SteppingClock, fake_service

pytestmark = pytest.mark.django_db(databases="__all__")

CANONICAL = "MPS-2025-0001"
ERASED_ON = date(2032, 7, 1)
WITNESS = "Siobhán Ó Faoláin-Quartermaine"
CONTACT = "siobhan.quartermaine@example.org, 07700 900123"
NOTE = "Spoke to Zebedee Ulverston-Pryce, who saw the images on the phone."


def service(alias: str) -> CaseService:
    return CaseService(lambda: DjangoUnitOfWork(alias), clock=SteppingClock(), actor="psd.tester")


def steps_with_people() -> tuple[c.OpenCase, list[c.Command]]:
    """The canonical case with a restricted witness, a note and a file named after people, closed."""
    demo = canonical_case()
    *steps, close = demo.steps
    on = date(2025, 6, 18)
    extra: list[c.Command] = [
        c.AddParty(
            on,
            PartyRecord(
                PartyRole.WITNESS, WITNESS, "Saw the phone", contact=CONTACT, restricted=True
            ),
        ),
        c.AddNote(on, NOTE),
        c.AttachEvidence(
            on,
            Evidence(
                "ab" * 32,
                "statement-quartermaine.pdf",
                "Statement of S Quartermaine",
                "application/pdf",
                10,
            ),
        ),
    ]
    return demo.opening, [*steps, *extra, close]


def unlock_personal_data(alias: str = "default") -> None:
    """Drop the triggers that refuse changes to personal values (rolled back with the test), as
    someone with write access to the database could."""
    connection = connections[alias]
    statements = (
        [
            "DROP TRIGGER misconduct_personaldatum_erase_only",
            "DROP TRIGGER misconduct_personaldatum_no_delete",
        ]
        if connection.vendor == "sqlite"
        else [
            "DROP TRIGGER misconduct_personaldatum_guard ON misconduct_personaldatum",
            "SET CONSTRAINTS ALL IMMEDIATE",  # (the deferred checks first: the table is altered)
            f"ALTER TABLE misconduct_personaldatum DROP CONSTRAINT {COMMITMENT_CHECK}",
        ]
    )
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _texts(alias: str) -> str:
    """Every cell of every table of the database as text (JSON also with its escapes undone)."""
    out: list[str] = []
    connection = connections[alias]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                for cell in row:
                    if cell is None:
                        continue
                    text = (
                        cell
                        if isinstance(cell, str)
                        else json.dumps(cell, default=str, ensure_ascii=False)
                    )
                    out.append(text)
                    with contextlib.suppress(ValueError, TypeError):
                        out.append(json.dumps(json.loads(text), ensure_ascii=False))
    return without_digests("\n".join(out))


def without_digests(text: str) -> str:
    """``text`` with its runs of 16 or more hex digits (opaque ids, salts, commitments, hashes)
    blanked: they are random, so a warrant number's digits turn up inside one now and then by
    chance, which is no leak."""
    return _DIGESTS.sub("#", text)


_DIGESTS = re.compile(r"(?<![0-9a-f])[0-9a-f]{16,}(?![0-9a-f])")


def test_erasure_leaves_the_chain_verifying_and_no_value_anywhere(alias: str) -> None:
    svc = service(alias)
    opening, steps = steps_with_people()
    svc.open(opening, steps)
    other = canonical_case().opening  # a second case, open, which keeps its own data
    svc.open(c.OpenCase(other.on, _renamed(other.details, "MPS-2025-0002")))
    values = set(
        m.PersonalDatum.objects.using(alias)
        .filter(case__ref=CANONICAL)
        .values_list("value", flat=True)
    )
    kept = set(
        m.PersonalDatum.objects.using(alias)
        .exclude(case__ref=CANONICAL)
        .values_list("value", flat=True)
    )
    assert {WITNESS, CONTACT, NOTE, "Daniel Marsh"} <= values
    for stored in (
        m.Event.objects.using(alias).filter(case__ref=CANONICAL).values_list("payload", flat=True)
    ):
        text = json.dumps(stored, ensure_ascii=False)
        assert WITNESS not in text and NOTE not in text  # the chain holds commitments, not values
    before = _texts(alias)
    assert WITNESS in before and NOTE in before

    done = _erase(svc, alias)
    held = m.PersonalDatum.objects.using(alias).filter(case__ref=CANONICAL).count()
    assert done.data == held and done.officers == 0  # the officer is also in the open case

    report = verify_database(alias)
    assert report.ok, report.problems
    distinctive = {v for v in values - kept if len(v) >= 8}
    assert {WITNESS, CONTACT, NOTE} <= distinctive
    after = _texts(alias)
    left = sorted(v for v in distinctive if v in after)
    assert left == [], left
    exported = json.dumps(
        export_case(lambda: DjangoUnitOfWork(alias), CANONICAL), ensure_ascii=False
    )
    assert not [v for v in distinctive if v in exported]
    case = DjangoRepository(alias).load_state(CANONICAL)
    gone = placeholder(ERASED_ON)
    assert case.erased_on == ERASED_ON and case.summary == gone
    assert [p.name for p in case.parties if p.role is PartyRole.WITNESS] == [gone]
    assert case.notes[-1].text == gone
    with pytest.raises(InvalidInput):  # nothing left to erase, and done once
        _erase(svc, alias)


def _erase(svc: CaseService, alias: str) -> Any:
    return erase(
        svc, CANONICAL, ERASED_ON, "Retention", clock=lambda: datetime.now(UTC), using=alias
    )


def _renamed(details: Any, ref: str) -> Any:
    from dataclasses import replace

    return replace(details, ref=ref)


@pytest.mark.parametrize("tamper", ["changed", "deleted", "blanked"])
def test_a_value_changed_deleted_or_blanked_without_an_erasure_is_reported(
    alias: str, tamper: str
) -> None:
    svc = service(alias)
    opening, steps = steps_with_people()
    svc.open(opening, steps)
    row = m.PersonalDatum.objects.using(alias).get(case__ref=CANONICAL, value=WITNESS)
    rows = m.PersonalDatum.objects.using(alias).filter(pk=row.pk)
    unlock_personal_data(alias)
    if tamper == "changed":
        rows.update(value="Someone Else")
        expected = "does not match its commitment"
    elif tamper == "deleted":
        rows.delete()
        expected = "is missing"
    else:
        rows.update(value=None, salt=None, erased_on=ERASED_ON)
        expected = "no erasure in the chain names it"
    problems = [str(p) for p in verify_database(alias).problems]
    assert any(expected in p and row.datum_id in p for p in problems), problems
    assert not any(WITNESS in p for p in problems)  # the audit never prints what it compared


def test_the_database_refuses_any_change_to_a_value_but_its_erasure(alias: str) -> None:
    from django.db import DatabaseError, transaction

    svc = service(alias)
    opening, steps = steps_with_people()
    svc.open(opening, steps)
    rows = m.PersonalDatum.objects.using(alias).filter(case__ref=CANONICAL, value=WITNESS)
    for change in (
        lambda: rows.update(value="Someone Else"),
        lambda: rows.update(value=None, salt=None),  # blanked without a date: not an erasure
        lambda: rows.delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic(using=alias):
            change()
    assert rows.count() == 1
    assert rows.update(value=None, salt=None, erased_on=ERASED_ON) == 1
    erased = m.PersonalDatum.objects.using(alias).filter(case__ref=CANONICAL, erased_on=ERASED_ON)
    with pytest.raises(DatabaseError), transaction.atomic(using=alias):
        erased.update(value=WITNESS)  # an erased value never comes back


def test_a_history_recorded_with_values_inline_loads_verifies_and_imports(alias: str) -> None:
    """Events recorded before personal data were kept apart: values in the payload, no data beside."""
    fake = fake_service()
    opening, steps = steps_with_people()
    fake.open(opening, steps)
    previous, inline = GENESIS, []
    for r in fake.history(CANONICAL):
        old = RecordedEvent.seal(
            r.case_ref,
            r.sequence,
            r.type,
            event_payload(r.event()),
            r.occurred_on,
            r.recorded_at,
            r.actor,
            r.rules_version,
            previous,
        )
        previous = old.hash
        inline.append(old)
    assert verify_chain(inline) is None
    data = {
        "format": "misconduct.case",
        "format_version": 1,
        "ref": CANONICAL,
        "events": [r.as_dict() for r in inline],
    }
    case = import_case(lambda: DjangoUnitOfWork(alias), data)
    assert [p.name for p in case.parties if p.role is PartyRole.WITNESS] == [WITNESS]
    assert not m.PersonalDatum.objects.using(alias).exists()
    assert verify_database(alias).ok
    exported = export_case(lambda: DjangoUnitOfWork(alias), CANONICAL)
    assert exported["personal"] == {} and exported["events"] == [r.as_dict() for r in inline]
    plan = retention.plan(
        lambda: DjangoUnitOfWork(alias), retention.Policy(closed_case_years=1), ERASED_ON
    )
    assert [(e.ref, e.held, e.inline) for e in plan.erasable] == [(CANONICAL, 0, True)]


def test_an_export_carries_the_personal_data_and_an_import_checks_them(alias: str) -> None:
    fake = fake_service()
    opening, steps = steps_with_people()
    fake.open(opening, steps)
    from tests.services.fakes import FakeUnitOfWork

    repo = fake.uow().shared  # type: ignore[attr-defined]
    data = export_case(lambda: FakeUnitOfWork(repo), CANONICAL)
    assert data["format_version"] == 2
    assert WITNESS in {d["value"] for d in data["personal"].values()}
    assert WITNESS not in json.dumps(data["events"], ensure_ascii=False)
    changed = json.loads(json.dumps(data))
    key = next(k for k, d in changed["personal"].items() if d["value"] == WITNESS)
    changed["personal"][key]["value"] = "Someone Else"
    with pytest.raises(InvalidInput, match="does not match its commitment"):
        import_case(lambda: DjangoUnitOfWork(alias), changed)
    missing = json.loads(json.dumps(data))
    del missing["personal"][key]
    with pytest.raises(InvalidInput, match="is missing"):
        import_case(lambda: DjangoUnitOfWork(alias), missing)
    assert not m.Case.objects.using(alias).exists()  # nothing written
    case = import_case(lambda: DjangoUnitOfWork(alias), data)
    assert [p.name for p in case.parties if p.role is PartyRole.WITNESS] == [WITNESS]
    assert verify_database(alias).ok
    assert export_case(lambda: DjangoUnitOfWork(alias), CANONICAL) == data


def test_erasure_deletes_the_case_s_evidence_files_unless_another_case_holds_them(
    alias: str, settings: Any, tmp_path: Any, django_capture_on_commit_callbacks: Any
) -> None:
    import hashlib

    from misconduct.app.evidence import DjangoFileStore

    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "evidence")},
        },
    }
    store = DjangoFileStore()
    mine, shared = b"%PDF-1.7 statement of the witness", b"%PDF-1.7 the force's policy"
    digests = [hashlib.sha256(x).hexdigest() for x in (mine, shared)]
    for digest, content in zip(digests, (mine, shared), strict=True):
        store.save(digest, content)
    opening, steps = steps_with_people()
    *before, close = steps
    on = date(2025, 6, 18)
    files = [
        c.AttachEvidence(on, Evidence(d, f"{n}.pdf", n, "application/pdf", 30))
        for d, n in zip(digests, ("statement", "policy"), strict=True)
    ]
    svc = service(alias)
    svc.open(opening, [*before, *files, close])
    other = canonical_case().opening
    svc.open(
        c.OpenCase(other.on, _renamed(other.details, "MPS-2025-0002")),
        [c.AttachEvidence(on, Evidence(digests[1], "policy.pdf", "Policy", "application/pdf", 30))],
    )
    with django_capture_on_commit_callbacks(using=alias, execute=True):
        done = _erase(svc, alias)
    assert done.files == 2  # the statement and the file of steps_with_people; not the shared one
    with pytest.raises(FileNotFoundError):
        store.read(digests[0])
    assert store.read(digests[1]) == shared  # the open case still holds it
    report = verify_database(alias, read_file=store.read)
    assert report.ok, report.problems
