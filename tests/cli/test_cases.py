"""``misconduct db``, ``demo``, ``case`` and ``audit`` against the test database; bad input to each."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from django.db import connection

from misconduct.app import models as m
from misconduct.cli.main import cli
from tests.app.web.fixtures import DemoSnapshot
from tests.conftest import forget_kept_pages

pytestmark = pytest.mark.django_db


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def one_line_error(result: Result, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


def _load_demo() -> None:
    assert run("demo", "--actor", "tester").exit_code == 0


@pytest.fixture(scope="module")
def cli_demo(django_db_setup: None, django_db_blocker: Any) -> DemoSnapshot:
    """`misconduct demo` run once for the module, and what it wrote kept (tests/snapshot.py)."""
    with django_db_blocker.unblock():
        snapshot = DemoSnapshot.record("default", _load_demo)
    forget_kept_pages()
    return snapshot


@pytest.fixture
def demo(cli_demo: DemoSnapshot) -> None:
    """The demo as `misconduct demo` loads it, written from the rows of the module's one run."""
    cli_demo.load()


def test_db_init_migrates_and_demo_is_idempotent() -> None:
    assert run("db", "init").exit_code == 0
    first = run("demo", "--actor", "tester")
    assert first.exit_code == 0 and "Loaded 14 cases" in first.output
    again = run("demo", "--actor", "tester")
    assert "nothing changed" in again.output and m.Case.objects.count() == 14


def test_case_list_overdue_and_due_within(demo: None) -> None:
    out = json.loads(
        run("case", "list", "--overdue", "--on", "2026-11-25", "--format", "json").output
    )
    assert [c["ref"] for c in out["cases"]] == ["LAN-2025-0112", "MER-2026-0107", "TVP-2025-0104"]
    soon = json.loads(
        run("case", "list", "--due-within", "7", "--on", "2026-11-25", "--format", "json").output
    )
    assert {c["ref"] for c in soon["cases"]} == {"ESX-2026-0105", "KNT-2026-0103", "SUR-2026-0108"}


def test_case_show_gives_timeline_and_deadlines(demo: None) -> None:
    out = json.loads(
        run("case", "show", "MPS-2025-0001", "--on", "2025-05-15", "--format", "json").output
    )
    assert out["stage"] == "closed" and len(out["timeline"]) == 19
    report = next(t for t in out["time_limits"] if t["step"] == "reg63_report")
    assert (report["due"], report["met_on"]) == ("2025-05-21", "2025-05-20")
    assert "Timeline" in run("case", "show", "MPS-2025-0001").output


def test_export_import_round_trip(demo: None, tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    assert run("case", "export", "MPS-2025-0001", "-o", str(path)).exit_code == 0
    data = json.loads(path.read_text())
    with connection.cursor() as cursor:  # remove the case behind the app to import it afresh
        cursor.execute("DROP TRIGGER misconduct_event_no_delete")
        cursor.execute("DROP TRIGGER misconduct_personaldatum_no_delete")
        cursor.execute(
            "DELETE FROM misconduct_event WHERE case_id = (SELECT id FROM misconduct_case WHERE ref = 'MPS-2025-0001')"
        )
    m.PersonalDatum.objects.filter(case__ref="MPS-2025-0001").delete()
    m.Case.objects.filter(ref="MPS-2025-0001").delete()
    result = run("case", "import", str(path))
    assert result.exit_code == 0, result.output
    again = json.loads(run("case", "export", "MPS-2025-0001").output)
    assert again == data
    assert "every chain and ledger entry verifies" in run("audit", "verify").output
    replayed = run("audit", "verify", "--replay").output
    assert "every chain, ledger entry and stored state verifies" in replayed


def test_audit_verify_names_a_tampered_event(demo: None) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER misconduct_event_no_update")
        cursor.execute(
            "UPDATE misconduct_event SET actor = 'intruder' WHERE sequence = 3 AND case_id = (SELECT id FROM misconduct_case WHERE ref = 'GMP-2026-0102')"
        )
    result = run("audit", "verify")
    assert result.exit_code == 7
    assert "BROKEN: case GMP-2026-0102, event 3 (ReflectivePracticeReferred)" in result.output


def test_audit_verify_says_what_it_left_out_and_replays_when_asked(demo: None) -> None:
    """The default check (integrity: chains, personal data, evidence files, ledger) names what it
    leaves out; a changed read model, which only the replay compares, passes it, and the replay
    still fails; a tampered event fails both. ``--chain-only`` (the default's old name) is still
    accepted."""
    m.CaseListing.objects.filter(case__ref="GMP-2026-0102").update(search_text="changed")
    for args in ((), ("--chain-only",)):
        default = run("audit", "verify", *args)
        assert default.exit_code == 0, default.output
        assert (
            "every chain and ledger entry verifies (the stored states and lists were not "
            "replayed from the events: add --replay for that)" in default.output
        )
        assert "events/s, 1 process, integrity check)" in default.output
    quick = json.loads(run("audit", "verify", "--format", "json").output)
    assert quick["chain_only"] is True and quick["level"] == "integrity" and quick["ok"] is True
    # the test database is in memory: nothing to read ahead, and the report says so
    assert quick["read_ahead"] == "not done: not a SQLite database file"
    full = run("audit", "verify", "--replay", "--format", "json")
    assert full.exit_code == 7
    report = json.loads(full.output)
    assert report["chain_only"] is False and report["level"] == "replay"
    assert report["workers"] == 1
    assert report["events_per_second"] > 0 and report["events"] > 0
    assert [b["where"] for b in report["broken"]] == ["case GMP-2026-0102"]
    assert "with replay)" in run("audit", "verify", "--replay").output
    both = run("audit", "verify", "--replay", "--chain-only")
    assert both.exit_code != 0 and "--replay" in both.output
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER misconduct_event_no_update")
        cursor.execute(
            "UPDATE misconduct_event SET actor = 'intruder' WHERE sequence = 3 AND case_id = "
            "(SELECT id FROM misconduct_case WHERE ref = 'GMP-2026-0102')"
        )
    for args in ((), ("--replay",)):
        tampered = run("audit", "verify", *args, "--format", "json")
        assert tampered.exit_code == 7
        assert json.loads(tampered.output)["chain_only"] is (not args)
        broken = json.loads(tampered.output)["broken"]
        assert broken[0]["where"] == "case GMP-2026-0102, event 3 (ReflectivePracticeReferred)"


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("case", "show", "NOPE-1"), "REF"),
        (("case", "show", "MPS-2025-0001", "--on", "25/11/2026"), "--on"),
        (("case", "list", "--due-within", "soon"), "--due-within"),
        (("case", "list", "--due-within", "-3"), "--due-within"),
        (("case", "list", "--on", "tomorrow"), "--on"),
        (("case", "export", "NOPE-1"), "REF"),
        (("case", "import", "/nonexistent/case.json"), "FILE"),
        (("demo", "--actor", " "), "--actor"),
    ],
)
def test_bad_input_exits_non_zero_with_one_line_and_writes_nothing(
    demo: None, args: tuple[str, ...], field: str
) -> None:
    before = m.Event.objects.count()
    line = one_line_error(run(*args))
    assert f"{field}: expected" in line
    assert m.Event.objects.count() == before


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        json.dumps({"format": "other"}),
        json.dumps({"format": "misconduct.case", "format_version": 2, "ref": "X", "events": []}),
    ],
)
def test_import_of_a_bad_file_is_refused(demo: None, tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    before = m.Event.objects.count()
    one_line_error(run("case", "import", str(path)))
    assert m.Event.objects.count() == before


def test_import_of_a_tampered_export_is_refused(demo: None, tmp_path: Path) -> None:
    data = json.loads(run("case", "export", "SUR-2026-0108").output)
    data["ref"] = data["events"][0]["case"] = "SUR-COPY"
    path = tmp_path / "copy.json"
    path.write_text(json.dumps(data))
    line = one_line_error(run("case", "import", str(path)))
    assert "events[].case" in line and not m.Case.objects.filter(ref="SUR-COPY").exists()


def test_a_bad_database_url_fails_in_one_line(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": "mysql://nowhere/db",
        "DJANGO_SETTINGS_MODULE": "misconduct.app.settings",
    }
    done = subprocess.run(
        [sys.executable, "-m", "misconduct", "db", "init"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "Error: DATABASE_URL: expected sqlite:///PATH, sqlite:///:memory: or postgres://USER:PASSWORD@HOST:PORT/NAME, received 'mysql://nowhere/db'"
    ]


def test_the_canonical_written_decision_shows_the_three_stages_of_the_stored_assessment(
    demo: None, tmp_path: Path
) -> None:
    from tests.documents.reading import flat, pdf_text

    path = tmp_path / "decision.pdf"
    result = run("document", "decision", "MPS-2025-0001", "--format", "pdf", "-o", str(path))
    assert result.exit_code == 0, result.output
    text = flat(pdf_text(path.read_bytes()))
    # The decision reads as a ruling (issue 14): the guidance's three stages appear as the chair's
    # headings (seriousness: culpability, harm and its features; outcome; personal mitigation).
    for title in ("Culpability and harm", "Seriousness", "Personal mitigation", "Outcome"):
        assert title in text
    assert "Points" not in text and "unverified" not in text
    assert "he must have known a force-issued phone was not to be used for this" in text
