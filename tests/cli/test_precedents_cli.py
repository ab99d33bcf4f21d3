"""``misconduct precedents``: the nearest published outcomes to a facts file; bad input in one line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from misconduct.cli.main import cli

EXAMPLES = Path(__file__).parents[2] / "examples"
CANONICAL = str(EXAMPLES / "canonical_case.toml")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["precedents", *args])


def test_text_lists_the_matches_with_sources_and_says_precedents_do_not_bind() -> None:
    result = run(CANONICAL, "--limit", "3")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "they do not bind it" in out and "the library is small" in out
    assert out.count("\n   source: http") == 3
    assert "   alike: both gross misconduct" in out and "   differs: " in out
    assert "Outcomes among these 3: " in out


def test_json_gives_the_matches_best_first_and_the_outcome_spread() -> None:
    result = run(str(EXAMPLES / "tc02_warrant_card_lone_woman.toml"), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data["matches"]) == 5 and data["library_size"] >= 20
    scores = [m["score"] for m in data["matches"]]
    assert scores == sorted(scores, reverse=True)
    assert sum(data["outcome_spread"].values()) == 5
    first = data["matches"][0]["precedent"]
    assert first["source_url"].startswith("http") and first["licence"]
    assert first["assessment"]["finding"] == "gross_misconduct"


def test_bad_input_is_one_line_and_a_non_zero_exit(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('[officer]\nrank = "admiral"\n', encoding="utf-8")
    for args in ([str(tmp_path / "missing.toml")], [CANONICAL, "--limit", "0"], [str(broken)]):
        result = run(*args)
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert result.exit_code == 2 and len(lines) == 1, result.output
        assert lines[0].startswith("Error: ")
