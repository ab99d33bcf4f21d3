"""Issue 13, finding 4: ``audit verify`` notices what it used to miss. Each test plays someone with
write access to the database who removes the append-only triggers and covers their tracks as far as
they can without the audit key or the checkpoint kept outside the database."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.db import connection

from misconduct.app import models as m
from misconduct.app.audit import verify_database
from misconduct.app.ledger import KEY_VARIABLE, chain_of
from misconduct.cli.main import cli
from misconduct.domain import commands as cmd
from misconduct.domain.case import Case
from misconduct.services.demo import CANONICAL_REF, load_demo
from tests.app.web.fixtures import DemoSnapshot, demo_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_snapshot: DemoSnapshot) -> None:
    """The demo cases as ``load_demo`` writes them (from the session's snapshot: tests/snapshot.py)."""
    demo_snapshot.load()


def _sql(*statements: str) -> None:
    with connection.cursor() as cursor:
        for s in statements:
            cursor.execute(s)


def _unlock() -> None:
    _sql(
        "DROP TRIGGER misconduct_event_no_delete",
        "DROP TRIGGER misconduct_event_no_update",
        "DROP TRIGGER misconduct_ledger_no_delete",
        "DROP TRIGGER misconduct_ledger_no_update",
        "DROP TRIGGER misconduct_personaldatum_no_delete",
    )


def _problems() -> list[str]:
    return [str(p) for p in verify_database().problems]


def _cut_tail(ref: str, keep: int) -> None:
    """Delete the case's events after ``keep`` and rewrite its row to match (a careful intruder)."""
    row = m.Case.objects.get(ref=ref)
    _sql(f"DELETE FROM misconduct_event WHERE case_id = {row.pk} AND sequence > {keep}")
    events = [e for e in m.Event.objects.filter(case=row).order_by("sequence")]
    from misconduct.app.repository import DjangoRepository

    fold = Case.from_events([r.event() for r in DjangoRepository().events(ref)])
    assert len(events) == keep == fold.version
    fields = DjangoRepository()._case_fields(fold)
    m.Case.objects.filter(pk=row.pk).update(**fields)
    from misconduct.app.read_tables import write_read_models

    write_read_models("default", [(row.pk, fold)], {})  # and the lists, to match


def test_the_demo_database_verifies(demo: None) -> None:
    report = verify_database()
    assert report.ok, report.problems
    assert report.ledger >= report.cases == 14


def test_a_read_model_changed_by_hand_is_detected(demo: None) -> None:
    """The public register reads its redacted rows from the read model, so a row changed there (an
    anonymised officer named again, a time limit removed) is reported against the fold."""
    row = m.Case.objects.get(ref=CANONICAL_REF)
    m.PublicEntry.objects.filter(case=row).update(search_text="named again")
    m.DueEntry.objects.filter(case__ref="KNT-2026-0103").delete()
    found = _problems()
    assert any(
        p.startswith(f"case {CANONICAL_REF}: its public records (read model) differ") for p in found
    ), found
    assert any(
        p.startswith("case KNT-2026-0103: its time limits (read model) differ") for p in found
    ), found


def test_deleting_the_tail_of_a_case_is_detected(demo: None) -> None:
    _unlock()
    _cut_tail(CANONICAL_REF, 15)
    found = _problems()
    assert any(p.startswith(f"case {CANONICAL_REF}: the ledger anchors") for p in found), found


def test_deleting_a_whole_case_is_detected(demo: None) -> None:
    _unlock()
    row = m.Case.objects.get(ref="KNT-2026-0103")
    _sql(f"DELETE FROM misconduct_event WHERE case_id = {row.pk}")
    m.PersonalDatum.objects.filter(case=row).delete()  # its personal data held beside the chain
    row.delete()
    assert "case KNT-2026-0103: is in the ledger but its events are missing" in _problems()


def test_blanking_the_stored_anonymity_cipher_is_detected(demo: None) -> None:
    row = m.Case.objects.get(ref=CANONICAL_REF)
    state = row.state
    assert state["proceedings"]["arrangement"]["anonymity_cipher"] == "PC A"
    state["proceedings"]["arrangement"]["anonymity_cipher"] = ""
    m.Case.objects.filter(pk=row.pk).update(state=state, anonymity_cipher="")
    found = _problems()
    assert f"case {CANONICAL_REF}: the stored state differs from the fold of its events" in found
    assert f"case {CANONICAL_REF}: the stored anonymity cipher differs from the events" in found


def test_the_chair_s_direction_replays_to_the_stored_state_and_lists(demo: None) -> None:
    """The replay folds the chair's direction as the write did: the cipher it gave in the case's
    row, state, public records and case page; a cipher blanked by hand is reported."""
    ref = "BTP-2025-0110"  # its outcome published, naming the officer
    demo_service().execute(
        ref, cmd.DirectAnonymity(date(2026, 11, 24), "Officer W", "", "A risk to his family.")
    )
    report = verify_database()
    assert report.ok, report.problems
    m.Case.objects.filter(ref=ref).update(anonymity_cipher="")
    assert f"case {ref}: the stored anonymity cipher differs from the events" in _problems()


def test_an_order_carried_into_a_new_arrangement_replays_to_the_stored_state(
    demo: None,
) -> None:
    """Arranged again after the chair's direction, the replay folds the new arrangement with the
    order it carried, as the write did; a cipher blanked by hand is reported."""
    from tests.app.api.test_hearing_api import referred
    from tests.services.test_hearing import HEARING, step

    svc = demo_service()
    ref = referred()
    step(svc, ref, "arrange-proceedings", HEARING)
    step(svc, ref, "direct-anonymity", {"on": "2026-09-10", "cipher": "PC A", "reasons": "Risk."})
    case = step(svc, ref, "arrange-proceedings", {**HEARING, "on": "2026-09-11", "venue": "Room 5"})
    assert case.proceedings is not None and case.proceedings.arrangement.anonymity_cipher == "PC A"
    report = verify_database()
    assert report.ok, report.problems
    m.Case.objects.filter(ref=ref).update(anonymity_cipher="")
    assert f"case {ref}: the stored anonymity cipher differs from the events" in _problems()


def test_an_exclusion_and_the_reasons_given_replay_to_the_stored_state(demo: None) -> None:
    """The replay folds the chair's exclusion of the public (the hearing then held in private) and
    the reasons given to the local policing body as the write did, case page included."""
    from tests.app.api.test_hearing_api import referred
    from tests.services.test_hearing import HEARING, step

    svc = demo_service()
    ref = referred()
    step(svc, ref, "arrange-proceedings", HEARING)
    exclusion = {"on": "2026-09-10", "public": True, "reasons": "A child witness."}
    step(svc, ref, "exclude-from-proceedings", exclusion)
    case = step(svc, ref, "reasons-to-policing-body", {"on": "2026-09-11"})
    assert case.proceedings is not None and not case.proceedings.arrangement.in_public
    report = verify_database()
    assert report.ok, report.problems


def test_a_read_model_that_differs_from_the_events_is_detected(demo: None) -> None:
    row = m.Case.objects.get(ref=CANONICAL_REF)
    m.Allegation.objects.filter(case=row).update(particulars="Something else entirely.")
    assert f"case {CANONICAL_REF}: the stored allegations differ from the events" in _problems()


def _rewrite_ledger_for(ref: str) -> None:
    """Rebuild the ledger after the case's tail was cut: what an intruder without the key can do."""
    rows = list(m.LedgerEntry.objects.order_by("position"))
    previous = "0" * 64
    for e in rows:
        if e.case_ref == ref:
            last = m.Event.objects.filter(case__ref=ref).order_by("-sequence").first()
            assert last is not None
            e.count, e.head = (
                min(e.count, last.sequence),
                (last.hash if e.count >= last.sequence else e.head),
            )
        chain = chain_of(previous, e.case_ref, e.count, e.head)
        m.LedgerEntry.objects.filter(pk=e.pk).update(
            count=e.count, head=e.head, previous=previous, chain=chain
        )
        previous = chain


def test_without_the_key_a_rebuilt_ledger_passes_and_with_it_it_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(KEY_VARIABLE, "a key kept by the auditor")
    load_demo(demo_service())
    assert verify_database().ok
    _unlock()
    _cut_tail(CANONICAL_REF, 15)
    _rewrite_ledger_for(CANONICAL_REF)
    monkeypatch.delenv(KEY_VARIABLE)
    assert verify_database().ok  # the limit of an unkeyed ledger, stated in docs/security.md
    monkeypatch.setenv(KEY_VARIABLE, "a key kept by the auditor")
    found = _problems()
    assert any("keyed hash does not match" in p for p in found), found


def _cli(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


def test_a_checkpoint_kept_outside_proves_a_rebuilt_ledger_wrong(
    demo: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = tmp_path / "checkpoint.json"
    assert _cli("audit", "checkpoint", str(kept)).exit_code == 0
    assert _cli("audit", "verify", "--checkpoint", str(kept)).exit_code == 0
    _unlock()
    _cut_tail(CANONICAL_REF, 15)
    _rewrite_ledger_for(CANONICAL_REF)
    assert verify_database().ok  # consistent inside the database ...
    result = _cli("audit", "verify", "--checkpoint", str(kept))
    assert result.exit_code == 7  # ... but not with what the auditor kept
    assert "checkpoint: the ledger at entry" in result.output


def test_a_checkpoint_signed_with_the_key_cannot_be_forged(
    demo: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_VARIABLE, "a key kept by the auditor")
    kept = tmp_path / "checkpoint.json"
    assert _cli("audit", "checkpoint", str(kept)).exit_code == 0
    data = json.loads(kept.read_text())
    assert data["signature"]
    data["position"] -= 1
    kept.write_text(json.dumps(data))
    result = _cli("audit", "verify", "--checkpoint", str(kept))
    assert result.exit_code == 7 and "signature does not match" in result.output
    kept.write_text("not a checkpoint")
    bad = _cli("audit", "verify", "--checkpoint", str(kept))
    assert bad.exit_code == 2 and "checkpoint file" in bad.output


LEDGER_CHANGES = {
    "chain": ("UPDATE misconduct_ledgerentry SET chain = %s WHERE position = 3", ["f" * 64]),
    "head": ("UPDATE misconduct_ledgerentry SET head = %s WHERE position = 3", ["e" * 64]),
    "count": ("UPDATE misconduct_ledgerentry SET count = count + 1 WHERE position = 3", []),
    "case": ("UPDATE misconduct_ledgerentry SET case_ref = 'X-1' WHERE position = 3", []),
    "link": ("UPDATE misconduct_ledgerentry SET previous = %s WHERE position = 3", ["d" * 64]),
    "position": ("DELETE FROM misconduct_ledgerentry WHERE position = 3", []),
    "type": ("UPDATE misconduct_ledgerentry SET count = 'seven' WHERE position = 3", []),
    "tip": ("UPDATE misconduct_ledgertip SET position = position + 1", []),
}


@pytest.mark.parametrize("change", sorted(LEDGER_CHANGES))
def test_the_ledger_checked_at_once_finds_what_the_entry_by_entry_check_finds(
    demo: None, change: str
) -> None:
    """Issue 10 item 3: without an audit key the ledger is first checked all at once
    (``audit._ledger_at_once``); any entry that does not hold sends it entry by entry, which
    names every problem as it always did."""
    from misconduct.app.audit import _ledger, _ledger_at_once, _ledger_entries

    def rows() -> list[tuple[Any, ...]]:
        return list(
            m.LedgerEntry.objects.order_by("position").values_list(
                "position", "case_ref", "count", "head", "previous", "chain", "mac"
            )
        )

    clean = _ledger_at_once(rows())
    assert clean is not None and clean == _ledger_entries(rows(), None) == _ledger("default")
    assert len(clean[2]) >= 14 and not clean[0]
    _unlock()
    sql, params = LEDGER_CHANGES[change]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
    if change != "tip":
        assert _ledger_at_once(rows()) is None
    problems, heads, chains = _ledger("default")
    assert problems and (problems, heads, chains)[1:] == _ledger_entries(rows(), None)[1:]
    assert [str(p) for p in _ledger_entries(rows(), None)[0]] == [
        str(p) for p in problems if p.where != "ledger"
    ]
    assert not verify_database().ok
