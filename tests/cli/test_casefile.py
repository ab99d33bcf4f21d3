"""``misconduct case open`` and ``case step`` against the test database: the intake format from a
file, every lifecycle step by name, and bad input named with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from misconduct.app import models as m
from misconduct.domain.persons import is_opaque
from tests.cli.test_cases import one_line_error, run

pytestmark = pytest.mark.django_db
EXAMPLES = Path(__file__).parents[2] / "examples" / "intake"
OVERTIME = str(EXAMPLES / "overtime_sergeant.toml")


def test_case_open_prints_the_new_reference_and_the_case_as_json() -> None:
    text = run("case", "open", OVERTIME, "--actor", "psd")
    assert text.exit_code == 0 and "Opened MPS-2026-0001" in text.output
    out = json.loads(run("case", "open", OVERTIME, "--actor", "psd", "--format", "json").output)
    assert out["ref"] == "MPS-2026-0002" and out["stage"] == "intake"
    assert [e["type"] for e in out["timeline"]] == ["CaseOpened", "PartyAdded", "PartyAdded"]
    json_file = run("case", "open", str(EXAMPLES / "dsi_matter.json"), "--actor", "psd")
    assert "Opened WYP-2026-0001" in json_file.output


def test_case_open_bad_input_names_the_field_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(Path(OVERTIME).read_text().replace('rank = "sergeant"', 'rank = "general"'))
    assert "officer 1 rank" in one_line_error(run("case", "open", str(bad)))
    broken = tmp_path / "broken.toml"
    broken.write_text("force = ")
    assert "a TOML file" in one_line_error(run("case", "open", str(broken)))
    assert "an existing file" in one_line_error(run("case", "open", str(tmp_path / "none.json")))
    assert m.Case.objects.count() == 0


def test_case_step_takes_each_step_by_name_with_the_same_guards(tmp_path: Path) -> None:
    assert run("case", "open", OVERTIME, "--actor", "psd").exit_code == 0
    ref = "MPS-2026-0001"
    severity = {
        "on": "2026-05-12",
        "result": "gross_misconduct",
        "likely_form": "hearing",
        "decision_maker": "Supt Example",
        "reasons": "Dishonest claims for money could justify dismissal.",
    }
    data = tmp_path / "severity.json"
    data.write_text(json.dumps(severity))
    done = run("case", "step", ref, "assess-severity", "--data", f"@{data}", "--version", "3")
    assert done.exit_code == 0, done.output
    assert "version 4" in done.output
    stale = run(
        "case",
        "step",
        ref,
        "add-note",
        "--data",
        '{"on": "2026-05-12", "text": "x"}',
        "--version",
        "3",
    )
    assert stale.exit_code == 6, stale.output
    note = run(
        "case",
        "step",
        ref,
        "add-note",
        "--data",
        '{"on": "2026-05-12", "text": "Called."}',
        "--format",
        "json",
    )
    assert json.loads(note.output)["notes"][0]["text"] == "Called."
    future = run(
        "case",
        "step",
        ref,
        "appoint-investigator",
        "--data",
        '{"on": "9999-12-31", "investigator": "DS Example"}',
    )
    assert "no later than today" in one_line_error(future)
    refused = run("case", "step", ref, "referral-notice", "--data", '{"on": "2026-05-13"}')
    assert refused.exit_code == 3 and "regs 14, 23 and 30" in refused.output
    assert "step" in one_line_error(run("case", "step", ref, "fly", "--data", "{}"))
    assert "--data" in one_line_error(run("case", "step", ref, "add-note", "--data", "{nope"))
    assert m.Event.objects.filter(case__ref=ref).count() == 5


def test_case_correct_supersedes_a_mistaken_step_and_keeps_it() -> None:
    assert run("case", "open", OVERTIME, "--actor", "psd").exit_code == 0
    ref = "MPS-2026-0001"
    step = '{"on": "2026-05-14", "text": "Called the complainant."}'
    assert run("case", "step", ref, "add-note", "--data", step).exit_code == 0
    fixed = run(
        "case",
        "correct",
        ref,
        "4",
        "add-note",
        "--format",
        "json",
        "--data",
        '{"on": "2026-05-13", "text": "Called the complainant."}',
        "--reasons",
        "The call was on the 13th.",
    )
    assert fixed.exit_code == 0, fixed.output
    out = json.loads(fixed.output)
    assert [e["label"] for e in out["timeline"]][3:] == [
        "Note added (corrected by #5)",
        "Correction of #4: The call was on the 13th.",
    ]
    assert out["notes"][0]["on"] == "2026-05-13"
    no_reason = run("case", "correct", ref, "4", "add-note", "--data", step, "--reasons", " ")
    assert "reasons" in one_line_error(no_reason)
    assert m.Event.objects.filter(case__ref=ref).count() == 5


def test_case_step_names_the_officer_by_warrant_number() -> None:
    """Officer ids are opaque (``off_`` and 16 hex digits): a step takes the warrant number too."""
    assert run("case", "open", OVERTIME, "--actor", "psd").exit_code == 0
    ref = "MPS-2026-0001"
    (oid,) = m.Officer.objects.values_list("officer_id", flat=True)
    assert is_opaque(oid)  # random hex, not the number
    severity = {
        "on": "2026-05-12",
        "result": "gross_misconduct",
        "likely_form": "hearing",
        "decision_maker": "Supt Example",
        "reasons": "Dishonest claims for money could justify dismissal.",
    }
    assert (
        run("case", "step", ref, "assess-severity", "--data", json.dumps(severity)).exit_code == 0
    )
    appoint = '{"on": "2026-05-13", "investigator": "DS Example"}'
    assert run("case", "step", ref, "appoint-investigator", "--data", appoint).exit_code == 0
    wrong = run(
        "case", "step", ref, "interview", "--data", '{"on": "2026-05-20", "officer_id": "1"}'
    )
    assert "officer_id" in one_line_error(wrong) and "27731" in one_line_error(wrong)
    by_number = '{"on": "2026-05-20", "officer_id": "27731"}'
    done = run("case", "step", ref, "interview", "--data", by_number)
    assert done.exit_code == 0, done.output
    last = m.Event.objects.filter(case__ref=ref).order_by("-sequence").first()
    assert last is not None and last.payload["officer_id"] == oid
