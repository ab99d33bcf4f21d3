"""`misconduct serve` refuses what would be unsafe or impossible before it starts anything."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from misconduct.cli.main import cli


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--port", "0"], "--port: expected a port from 1 to 65535"),
        (["--workers", "99"], "--workers: expected from 1 to 32 workers"),
        (["--host", "0.0.0.0"], "MISCONDUCT_SECRET_KEY: expected a key of your own"),
    ],
)
def test_serve_refuses_bad_options_in_one_line(
    args: list[str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MISCONDUCT_SECRET_KEY", raising=False)
    result = CliRunner().invoke(cli, ["serve", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
