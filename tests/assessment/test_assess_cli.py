from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from misconduct.cli.main import cli

CANONICAL = str(Path(__file__).parents[2] / "examples" / "canonical_case.toml")


def test_assess_json_has_the_documented_keys() -> None:
    result = CliRunner().invoke(cli, ["assess", CANONICAL, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in (
        "regime",
        "available_outcomes",
        "indicated_outcomes",
        "most_likely_outcome",
        "final_written_warning_months",
        "seriousness",
        "stages",
        "requirements",
        "warnings",
        "trace",
    ):
        assert key in data
    assert set(data["final_written_warning_months"]) >= {"min", "max", "suggested"}


def test_assess_text_and_markdown_say_the_chair_decides() -> None:
    for fmt in ("text", "markdown"):
        result = CliRunner().invoke(cli, ["assess", CANONICAL, "--format", fmt])
        assert result.exit_code == 0, result.output
        assert "does not replace it" in result.output
    md = CliRunner().invoke(cli, ["assess", CANONICAL, "--format", "markdown"]).output
    for heading in (
        "The purpose of these proceedings",
        "Culpability",
        "Harm",
        "Overall seriousness",
        "Personal mitigation",
        "Decision",
        "Authorities",
    ):
        assert f"### {heading}" in md


def test_decide_prints_the_record_of_an_accepted_decision() -> None:
    result = CliRunner().invoke(
        cli, ["decide", CANONICAL, "--outcome", "final_written_warning", "--fww-months", "24"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["decision"]["final_written_warning_months"] == 24


def test_decide_refuses_an_unlawful_outcome_in_one_line() -> None:
    result = CliRunner().invoke(cli, ["decide", CANONICAL, "--outcome", "written_warning"])
    assert result.exit_code != 0
    assert result.output.count("\n") == 1 and "reg 42" in result.output


def test_a_missing_file_is_a_one_line_error() -> None:
    result = CliRunner().invoke(cli, ["assess", "no-such-file.toml"])
    assert result.exit_code == 2
    assert result.output.startswith("Error: FILE:")


def test_factors_lists_the_catalogue_as_json() -> None:
    result = CliRunner().invoke(cli, ["factors", "--format", "json"])
    assert result.exit_code == 0
    assert any(f["id"] == "operational_dishonesty" for f in json.loads(result.output))


def test_what_similar_cases_did_is_shown_apart_from_the_indication_with_sources() -> None:
    text = CliRunner().invoke(cli, ["assess", CANONICAL, "--similar", "4"]).output
    indication, _, practice = text.partition("What similar cases did (practice, not the guidance)")
    assert "Indicated" in indication or "indicated" in indication
    assert practice and "never binds" in practice
    listed = [
        line for line in practice.splitlines() if line.strip()[:2] in {"1.", "2.", "3.", "4."}
    ]
    assert len(listed) == 4 and all("http" in line for line in listed)
    data = json.loads(
        CliRunner().invoke(cli, ["assess", CANONICAL, "--format", "json", "--similar", "4"]).output
    )
    similar = data["similar_cases"]
    assert len(similar["matches"]) == 4 and sum(similar["outcome_spread"].values()) == 4
    assert all(m["precedent"]["source_url"] for m in similar["matches"])
    markdown = CliRunner().invoke(cli, ["assess", CANONICAL, "--format", "markdown"]).output
    assert "What similar cases did" not in markdown  # the draft decision is the guidance only


def test_similar_out_of_range_is_refused_naming_the_option() -> None:
    result = CliRunner().invoke(cli, ["assess", CANONICAL, "--similar", "99"])
    assert result.exit_code != 0 and "--similar" in result.output
    none = CliRunner().invoke(cli, ["assess", CANONICAL, "--similar", "0"]).output
    assert "What similar cases did" not in none
