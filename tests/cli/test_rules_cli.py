"""The rules commands: JSON for scripts, clear one-line errors for bad input."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from misconduct.cli.main import cli

CANONICAL = [
    "rules", "outcomes", "--forum", "misconduct_hearing", "--finding", "gross_misconduct",
    "--allegation-date", "2025-02-01", "--severity-date", "2025-02-10", "--decision-date", "2025-07-01",
]  # fmt: skip


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_outcomes_json_has_the_documented_keys() -> None:
    code, out, _ = _run(*CANONICAL, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {"regime", "available_outcomes", "requirements", "trace"} <= set(data)
    assert data["available_outcomes"] == ["final_written_warning", "dismissal_without_notice"]
    assert data["warning_periods"]["final_written_warning"]["max_months"] == 60


def test_a_sergeant_can_be_reduced_in_rank_and_a_june_2025_allegation_needs_exceptional_reasons() -> (
    None
):
    _code, out, _ = _run(*CANONICAL, "--rank", "sergeant", "--format", "json")
    assert json.loads(out)["available_outcomes"] == [
        "final_written_warning",
        "reduction_in_rank",
        "dismissal_without_notice",
    ]
    june = [a if a != "2025-02-01" else "2025-06-02" for a in CANONICAL]
    june = [a if a != "2025-02-10" else "2025-06-10" for a in june]
    data = json.loads(_run(*june, "--format", "json")[1])
    assert next(r["id"] for r in data["requirements"]) == "exceptional_circumstances"


def test_outcomes_text_output_names_the_regime_and_the_outcomes() -> None:
    code, out, _ = _run(*CANONICAL)
    assert code == 0
    assert "Police (Conduct) Regulations 2020" in out
    assert "Final written warning" in out and "24 to 60 months" in out


def _canonical_with(**overrides: str | None) -> list[str]:
    """The canonical arguments with some options replaced; a value of "" adds a bare flag."""
    args = list(CANONICAL)
    for name, value in overrides.items():
        option = "--" + name.replace("_", "-")
        if option in args:
            args[args.index(option) + 1] = str(value)
        else:
            args += [option] if value == "" else [option, str(value)]
    return args


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"forum": "tribunal"}, "--forum: expected one of misconduct_meeting"),
        (
            {"severity_date": "2025-02-31"},
            "--severity-date: expected a date in the form YYYY-MM-DD",
        ),
        (
            {"ww_in_force": "", "fww_in_force": ""},
            "at most one of --fww-in-force and --ww-in-force",
        ),
        ({"rank": "admiral"}, "--rank: expected one of"),
        ({"severity_date": "2024-01-01"}, "--severity-date: expected a date on or after"),
        ({"decision_date": "2025-02-09"}, "--decision-date: expected a date on or after"),
        (
            {"forum": "misconduct_meeting"},
            "gross misconduct cannot be dealt with at a misconduct meeting",
        ),
    ],
)
def test_bad_input_exits_non_zero_with_one_line_and_no_traceback(
    overrides: dict[str, str], message: str
) -> None:
    code, out, err = _run(*_canonical_with(**overrides))
    assert code != 0
    assert message in err
    assert "Traceback" not in err + out
    assert len(err.strip().splitlines()) == 1


def test_deadline_gives_due_date_and_citation() -> None:
    code, out, _ = _run("deadline", "reg31_response", "--from", "2025-05-16", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["due"] == "2025-06-09" and data["citation"] == "SI 2020/4 reg 31(1)-(3)"


def test_deadline_window_gives_earliest_and_latest() -> None:
    data = json.loads(
        _run("deadline", "reg52_hearing_window", "--from", "2025-08-20", "--format", "json")[1]
    )
    assert (data["earliest"], data["latest"]) == ("2025-09-04", "2025-09-11")


def test_deadline_list_names_the_steps() -> None:
    data = json.loads(_run("deadline", "--list", "--format", "json")[1])
    ids = {row["step"] for row in data}
    assert {
        "reg18_response",
        "reg31_response",
        "reg43_report",
        "reg45_appeal",
        "reg52_hearing_window",
        "reg63_report",
    } <= ids


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["deadline", "reg99", "--from", "2025-01-01"], "step: expected one of"),
        (["deadline", "reg31_response"], "--from: expected a date"),
        (
            ["deadline", "reg31_response", "--from", "16/05/2025"],
            "--from: expected a date in the form YYYY-MM-DD",
        ),
        (["deadline", "reg31_response", "--from", "2019-05-16"], "not modelled on 2019-05-16"),
        (["rules", "standards", "--on", "yesterday"], "--on: expected a date"),
    ],
)
def test_deadline_and_standards_errors_are_one_line(args: list[str], message: str) -> None:
    code, out, err = _run(*args)
    assert code != 0 and message in err and "Traceback" not in err + out


def test_standards_lists_ten_with_the_schedule_heading_for_fitness() -> None:
    data = json.loads(_run("rules", "standards", "--on", "2025-01-01", "--format", "json")[1])
    assert len(data["standards"]) == 10
    fitness = next(s for s in data["standards"] if s["id"] == "fitness_for_work")
    assert fitness["heading"] == "Fitness for Duty"
