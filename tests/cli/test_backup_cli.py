"""``misconduct backup`` and ``restore`` at the command line: one-line errors, nothing written (the
round trips are in tests/app/test_backup.py, on databases of their own: the test database here is a
shared in-memory SQLite inside a transaction, which a backup refuses)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from misconduct.app import models as m
from misconduct.cli.main import cli

pytestmark = pytest.mark.django_db


def test_backup_and_restore_refuse_with_one_line_and_write_nothing(tmp_path: Path) -> None:
    runner = CliRunner()
    kept = tmp_path / "kept.backup"
    kept.write_text("keep me")
    again = runner.invoke(cli, ["backup", str(kept)])
    assert again.exit_code == 2 and again.output.count("\n") == 1
    assert "expected a file that does not exist yet" in again.output
    assert kept.read_text() == "keep me"
    junk = tmp_path / "junk.backup"
    junk.write_text("hello")
    refused = runner.invoke(cli, ["restore", str(junk)])
    assert refused.exit_code == 2 and refused.output.startswith("Error: FILE: expected a SQLite")
    missing = runner.invoke(cli, ["restore", str(tmp_path / "absent.backup")])
    assert missing.exit_code == 2 and "an existing backup file" in missing.output
    assert m.Case.objects.count() == 0
    inside = runner.invoke(cli, ["backup", str(tmp_path / "new.backup")])  # the test's transaction
    assert inside.exit_code == 1 and "cannot run inside a transaction" in inside.output
    assert not (tmp_path / "new.backup").exists()
