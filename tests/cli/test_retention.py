"""``misconduct retention run`` against the test database: take-downs recorded as events, the public
view withdrawn, erasure of the personal data held apart from the chain, and ``audit verify`` still
passing."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner, Result

from misconduct.app import models as m
from misconduct.app.repository import DjangoRepository
from misconduct.app.web.publication import public_view
from misconduct.cli.main import cli
from misconduct.domain.case import Case
from misconduct.domain.personal import placeholder
from tests.app.test_personal_data import unlock_personal_data

pytestmark = pytest.mark.django_db
CANONICAL = "MPS-2025-0001"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _case(ref: str) -> Case:
    return Case.from_events([r.event() for r in DjangoRepository("default").events(ref)])


def test_retention_run_takes_down_records_an_event_and_erases_outside_the_chain(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run("demo", "--actor", "tester").exit_code == 0
    events = m.Event.objects.count()
    assert public_view(_case(CANONICAL), date(2025, 7, 1)) is not None

    dry = json.loads(
        run("retention", "run", "--as-at", "2025-07-01", "--dry-run", "--format", "json").output
    )
    assert [t["ref"] for t in dry["take_down"]] == [CANONICAL] and dry["taken_down"] == []
    assert m.Event.objects.count() == events  # a dry run records nothing

    done = run("retention", "run", "--as-at", "2025-07-01", "--actor", "retention")
    assert done.exit_code == 0, done.output
    assert f"Took down {CANONICAL}" in done.output
    last = m.Event.objects.filter(case__ref=CANONICAL).order_by("-sequence").first()
    assert last is not None and (last.type, last.actor) == ("PublicationRemoved", "retention")
    assert m.Event.objects.count() == events + 1
    assert public_view(_case(CANONICAL), date(2025, 7, 1)) is None
    again = run("retention", "run", "--as-at", "2025-07-02")
    assert "0 to take down" in again.output and m.Event.objects.count() == events + 1

    monkeypatch.setenv("MISCONDUCT_RETENTION_CLOSED_CASE_YEARS", "1")  # closed 19/06/2025
    coming = run("retention", "run", "--as-at", "2026-06-15", "--dry-run")
    assert "Erasure coming: MPS-2025-0001" in coming.output and "19 June 2026" in coming.output
    listed = run("retention", "run", "--as-at", "2026-07-01")  # also takes down two later outcomes
    events = m.Event.objects.count()
    assert "Past retention: MPS-2025-0001" in listed.output and not m.Erasure.objects.exists()
    names = set(m.Party.objects.filter(case__ref=CANONICAL).values_list("name", flat=True))
    gone = placeholder(date(2026, 7, 1))
    assert names and gone not in names
    erased = run("retention", "run", "--as-at", "2026-07-01", "--erase", "--actor", "dpo")
    assert erased.exit_code == 0, erased.output
    assert f"Erased {CANONICAL}" in erased.output
    assert set(m.Party.objects.filter(case__ref=CANONICAL).values_list("name", flat=True)) == {gone}
    record = m.Erasure.objects.get(case__ref=CANONICAL)
    assert record.actor == "dpo" and record.erased_on == date(2026, 7, 1)
    officer = m.Officer.objects.get(cases__ref=CANONICAL)
    assert officer.name == gone
    last = m.Event.objects.filter(case__ref=CANONICAL).order_by("-sequence").first()
    assert last is not None and (last.type, last.actor) == ("PersonalDataErased", "dpo")
    assert m.Event.objects.count() == events + 1  # the erasure is one more event on the chain
    assert not m.PersonalDatum.objects.filter(case__ref=CANONICAL, value__isnull=False).exists()
    assert _case(CANONICAL).officers[officer.officer_id].name == gone
    audit = run("audit", "verify", "--replay")  # the chain and the stored state still verify
    assert audit.exit_code == 0 and "stored state verifies" in audit.output, audit.output
    assert "0 past retention" in run("retention", "run", "--as-at", "2026-07-02", "--erase").output
    unlock_personal_data()  # as someone with write access to the database could
    other = m.PersonalDatum.objects.filter(value__isnull=False).exclude(case__ref=CANONICAL)
    other.filter(pk=other.order_by("pk").values_list("pk", flat=True).first()).update(value="X")
    tampered = run("audit", "verify")  # a changed value, not erased, no longer matches the chain
    assert tampered.exit_code == 7 and "does not match its commitment" in tampered.output


def test_bad_input_to_retention_run_is_one_line_naming_the_field(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad_date = run("retention", "run", "--as-at", "31/12/2025")
    assert bad_date.exit_code == 2 and bad_date.output.startswith("Error: --as-at: expected a date")
    future = run("retention", "run", "--as-at", "2999-01-01")
    assert future.exit_code == 2 and "use --dry-run to look ahead" in future.output
    assert run("retention", "run", "--as-at", "2999-01-01", "--dry-run").exit_code == 0
    monkeypatch.setenv("MISCONDUCT_PUBLICATION_DAYS", "14")
    short = run("retention", "run", "--dry-run")
    assert short.exit_code == 2
    assert short.output.strip() == (
        "Error: MISCONDUCT_PUBLICATION_DAYS: expected a whole number of days, at least 28, received '14'"
    )
