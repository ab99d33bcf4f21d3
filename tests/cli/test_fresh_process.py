"""The newcomer's first commands, each in a fresh process on a fresh SQLite database (no Django
set up beforehand, as when typed in a shell): found by trying the register journey (issue 15)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

NOTICE = (
    "Kent Police officer dismissed\n\nA misconduct hearing held on 3rd March 2024 at Kent Police "
    "headquarters found that PC John Smith had breached the Standards of Professional Behaviour "
    "relating to honesty and integrity. The panel found his actions amounted to gross misconduct. "
    "PC Smith was dismissed without notice.\n"
)


def _run(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")
    }
    env["MISCONDUCT_DATA_DIR"] = str(tmp_path / "data")
    env["PYTHONPATH"] = str(Path(__file__).parents[2] / "src")
    return subprocess.run(
        [sys.executable, "-m", "misconduct", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_init_add_a_user_and_save_a_notice_in_fresh_processes(tmp_path: Path) -> None:
    assert _run(tmp_path, "db", "init").returncode == 0
    added = _run(
        tmp_path, "user", "add", "rev", "--force", "kent", "--role", "case_officer",
        "--password-stdin", stdin="a-long-enough-password-2026\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "Created rev: case_officer@kent"
    token = _run(tmp_path, "token", "create", "rev")
    assert token.returncode == 0 and token.stdout.startswith("msc_"), token.stderr
    notices = tmp_path / "notices"
    notices.mkdir()
    (notices / "kent.txt").write_text(NOTICE, encoding="utf-8")
    saved = _run(tmp_path, "ingest", str(notices), "--save")
    assert saved.returncode == 0, saved.stderr
    said = " ".join(saved.stdout.split())  # one line, not wrapped
    # the hearing date and the panel wait for a person (the review queue's calibration: both
    # fields are often misread)
    assert (
        "Saved 1 officer record(s): 0 published in the register, 1 waiting in the review queue"
        in said
    )
    assert "1 text(s) had no address" in said
    again = " ".join(_run(tmp_path, "ingest", str(notices), "--save").stdout.split())
    assert "Saved 0 officer record(s)" in again
    # Its record waits for review: it is stored, but not yet in the (public) register.
    assert (
        "kent.txt: This text is already stored, waiting for review (first stored on " in again
        and "from kent.txt); it was not stored again." in again
    )


def test_saving_before_the_database_exists_says_to_run_db_init(tmp_path: Path) -> None:
    notices = tmp_path / "notices"
    notices.mkdir()
    (notices / "kent.txt").write_text(NOTICE, encoding="utf-8")
    saved = _run(tmp_path, "ingest", str(notices), "--save")
    assert saved.returncode == 1
    assert "run `misconduct db init` to create it" in saved.stderr
    assert "unable to open" not in saved.stderr
    assert not (tmp_path / "data").exists()  # nothing made behind the person's back
