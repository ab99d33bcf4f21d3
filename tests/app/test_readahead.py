"""Reading the SQLite file ahead of ``audit verify``: which file, when it is skipped, and that the
whole file is asked for, piece by piece."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from misconduct.app import readahead


def _environment(**values: str) -> dict[str, str]:
    return {"DJANGO_SETTINGS_MODULE": "misconduct.app.settings", **values}


def test_the_file_is_the_one_the_environment_names(tmp_path: Path) -> None:
    folder = _environment(MISCONDUCT_DATA_DIR=str(tmp_path))
    assert readahead.database_file(folder) == tmp_path / "misconduct.sqlite3"
    named = _environment(DATABASE_URL=f"sqlite:///{tmp_path}/other.sqlite3")
    assert readahead.database_file(named) == tmp_path / "other.sqlite3"
    for url in ("sqlite:///:memory:", "postgres://postgres@127.0.0.1:5432/misconduct"):
        assert readahead.database_file(_environment(DATABASE_URL=url)) is None
    # other settings (a test's, a deployment's own module): their database is not known here
    assert readahead.database_file({"DJANGO_SETTINGS_MODULE": "elsewhere.settings"}) is None
    # a bad setting is left to Django's start to report
    assert readahead.database_file(_environment(DATABASE_URL="mysql://x/y")) is None


def test_the_tests_in_memory_database_is_not_read_ahead(db: None) -> None:
    from django.conf import settings

    assert settings.configured
    assert readahead.start() == "not done: not a SQLite database file"


def test_every_byte_of_the_file_and_its_log_is_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "misconduct.sqlite3"
    database.write_bytes(b"x" * (2 * readahead.STEP + 5))
    log = tmp_path / "misconduct.sqlite3-wal"
    log.write_bytes(b"y" * 10)
    asked: list[tuple[int, int, int]] = []
    sizes = {}
    real_open = os.open

    def opened(path: Path, flags: int) -> int:
        fd = real_open(path, flags)
        sizes[fd] = Path(path).stat().st_size
        return fd

    def advise(fd: int, offset: int, length: int, advice: int) -> None:
        assert advice == os.POSIX_FADV_WILLNEED
        asked.append((sizes[fd], offset, length))

    monkeypatch.setattr(readahead.os, "open", opened)
    monkeypatch.setattr(readahead.os, "posix_fadvise", advise)
    readahead._advise([database, log])
    step = readahead.STEP
    assert asked == [
        (2 * step + 5, 0, step),
        (2 * step + 5, step, step),
        (2 * step + 5, 2 * step, step),
        (10, 0, step),
    ]


def test_a_file_too_large_for_the_memory_is_not_read_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "misconduct.sqlite3"
    database.write_bytes(b"x" * (3 << 20))
    monkeypatch.setattr(readahead, "available_memory", lambda: 5 << 20)
    assert readahead.start(database) == (
        "not done: the file (3 MB) is more than half the memory available (5 MB)"
    )
    monkeypatch.setattr(readahead, "available_memory", lambda: 6 << 20)
    assert readahead.start(database) == "asked for 3 MB"
    assert readahead.start(tmp_path / "none.sqlite3") == "not done: no database file"


def test_the_memory_available_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    if not Path("/proc/meminfo").exists():
        pytest.skip("no /proc/meminfo on this system")
    available = readahead.available_memory()
    assert available is not None and available > 0
