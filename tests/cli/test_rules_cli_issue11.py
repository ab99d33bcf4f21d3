"""The rules commands take the facts issue 11 added: how a notice was sent, delegation, dates."""

from __future__ import annotations

import json

from click.testing import CliRunner

from misconduct.cli.main import cli


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_an_emailed_notice_after_half_past_four_counts_from_the_next_working_day() -> None:
    code, out, _ = _run(
        "deadline", "reg31_response", "--from", "2025-12-05", "--sent-by", "email",
        "--sent-at", "16:45", "--allegation-date", "2025-07-01", "--format", "json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert (data["sent_on"], data["from"], data["due"]) == (
        "2025-12-05",
        "2025-12-08",
        "2025-12-31",
    )


def test_a_delegated_report_before_the_2024_amendments_is_refused_in_one_line() -> None:
    code, out, err = _run(
        "deadline", "reg43_report", "--from", "2025-12-22", "--delegated",
        "--referral-notice-date", "2024-05-06",
    )  # fmt: skip
    assert code != 0
    assert "06/05/2024" in err and "SI 2024/521 reg 7" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err + out


def test_a_recent_reduction_in_rank_refuses_a_meeting() -> None:
    code, _, err = _run(
        "rules", "outcomes", "--forum", "misconduct_meeting", "--finding", "misconduct",
        "--allegation-date", "2025-06-02", "--severity-date", "2025-06-09",
        "--decision-date", "2025-09-01", "--rank", "sergeant", "--reduced-in-rank-date", "2023-06-10",
    )  # fmt: skip
    assert code != 0
    assert "reg 23(10)(c)" in err and "10/06/2023" in err


def test_the_2012_extension_of_a_final_written_warning_is_shown() -> None:
    code, out, _ = _run(
        "rules", "outcomes", "--forum", "misconduct_hearing", "--finding", "misconduct",
        "--allegation-date", "2018-03-01", "--severity-date", "2018-03-10",
        "--decision-date", "2019-01-01", "--fww-in-force", "--format", "json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert [a["id"] for a in data["other_actions"]] == ["extend_final_written_warning"]
    assert "final_written_warning" not in data["available_outcomes"]
