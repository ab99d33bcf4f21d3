"""Issue 13, finding 7: the whole database (cases, events, ledger, users, roles, tokens) backed up
while in use and restored elsewhere, verified by the audit after the restore."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.browser.live import PREPARE

BIN = Path(sys.executable).parent / "misconduct"
COUNT = """
from misconduct.app import bootstrap
bootstrap.setup()
from django.contrib.auth import get_user_model
from misconduct.app import models as m
from misconduct.app.api.models import ApiToken
from misconduct.app.web.models import Membership
print(m.Case.objects.count(), m.Event.objects.count(), get_user_model().objects.count(),
      Membership.objects.count(), ApiToken.objects.count(), m.LedgerEntry.objects.count())
"""


def _env(data: Path) -> dict[str, str]:
    env = {**os.environ, "MISCONDUCT_DATA_DIR": str(data)}
    env.pop("DATABASE_URL", None)
    return env


def _run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN), *args], env=_env(data), capture_output=True, text=True, timeout=300
    )


def _counts(data: Path) -> str:
    return subprocess.run(
        [sys.executable, "-c", COUNT],
        env=_env(data),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout.strip()


def test_backup_then_restore_elsewhere_keeps_everything_and_verifies(tmp_path: Path) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir()
    there.mkdir()
    subprocess.run([sys.executable, "-c", PREPARE], env=_env(here), check=True, timeout=300)
    before = _counts(here)
    cases, _events, users, memberships, tokens, ledger = map(int, before.split())
    assert cases >= 14 and users >= 2 and memberships and tokens == 1 and ledger >= cases
    saved = tmp_path / "backup.sqlite3"
    done = _run(here, "backup", str(saved))
    assert done.returncode == 0, done.stderr
    restored = _run(there, "restore", str(saved))
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "the audit verifies" in restored.stdout
    assert _counts(there) == before
    verify = _run(there, "audit", "verify")
    assert verify.returncode == 0, verify.stdout
    # A database with cases is not overwritten unless asked; a file that is no backup is refused.
    again = _run(there, "restore", str(saved))
    assert again.returncode == 2 and "--replace" in again.stdout + again.stderr
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    bad = _run(there, "restore", str(junk), "--replace")
    assert bad.returncode == 2 and "FILE" in bad.stdout + bad.stderr
    assert _counts(there) == before
    assert _run(here, "backup", str(saved)).returncode == 2  # never overwrites a file
