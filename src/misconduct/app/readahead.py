"""Asking the kernel to read a SQLite database file into memory ahead of a command that reads most
of it (``misconduct audit verify``), while the command starts.

A command that checks every event reads nearly every page of the file, but in the order of its
queries (by case, through the indexes), which on a file not in memory is one small random read
after another. Asked at the start, the kernel reads the whole file in large sequential requests
while Python imports and Django starts, so that the queries then find it in memory.

This imports nothing of Django: it reads the database's file name from the same environment
variables the settings do. It does nothing (and says why) for PostgreSQL, an in-memory database,
a missing file, a system without ``posix_fadvise``, or a file that does not fit comfortably in
the memory available (more than half of it): there the reading ahead would push out of memory
pages read earlier, the command's own among them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

STEP = 1 << 20
"""Bytes asked for by each call. Linux reads at most the device's read-ahead window or largest
request (whichever is larger, often 128 KB to 8 MB) for one ``POSIX_FADV_WILLNEED``, however long
the range asked for, so the file is asked for piece by piece."""

SHARE_OF_MEMORY = 0.5
"""The largest share of the memory available that the file may take to be read ahead."""


def database_file(env: Mapping[str, str] | None = None) -> Path | None:
    """The SQLite file of the ``default`` database, or None (PostgreSQL, in memory, settings that
    cannot be read). From ``env`` if given; else Django's settings if already configured (in the
    same process), else this process's environment."""
    conf = sys.modules.get("django.conf") if env is None else None
    if conf is not None and conf.settings.configured:
        db = conf.settings.DATABASES.get("default", {})
    else:
        environ = os.environ if env is None else env
        if environ.get("DJANGO_SETTINGS_MODULE", "misconduct.app.settings") != (
            "misconduct.app.settings"
        ):
            return None  # other settings: their database is not known here
        from misconduct.app.config import SETTINGS
        from misconduct.errors import MisconductError

        try:
            db = SETTINGS["DATABASE_URL"].value(environ)
        except MisconductError:  # a bad setting: Django's start reports it, not this
            return None
    name = str(db.get("NAME", ""))
    if not str(db.get("ENGINE", "")).endswith("sqlite3") or not name or name == ":memory:":
        return None
    if name.startswith("file:"):  # a URI (shared in-memory test databases among them)
        return None
    return Path(name)


def available_memory() -> int | None:
    """Bytes of memory available (``MemAvailable`` of /proc/meminfo), or None where not known."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _advise(paths: list[Path]) -> None:
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            size = os.fstat(fd).st_size
            for offset in range(0, size, STEP):
                os.posix_fadvise(fd, offset, STEP, os.POSIX_FADV_WILLNEED)
        except OSError:
            pass  # a hint only: the command reads the file as it would have
        finally:
            os.close(fd)


def _detached(paths: list[Path]) -> bool:
    """Ask for ``paths`` from a process of its own (forked twice, so that nothing waits for it or
    has to reap it), holding none of this process's files (its output among them, so that a
    caller reading that output to its end does not wait for the reading ahead). Not a thread:
    each of its thousands of calls would take the interpreter's lock back from this process's
    imports, and its CPU would be this process's. False where a process cannot be forked."""
    if not hasattr(os, "fork"):
        return False
    try:
        child = os.fork()
    except OSError:
        return False
    if child:
        os.waitpid(child, 0)
        return True
    # the child (exits at once) and its child (asks, then exits): never back into the caller's code
    try:
        if os.fork() == 0:
            os.closerange(0, 1 << 16)
            _advise(paths)
    finally:
        os._exit(0)


def start(path: Path | None = None) -> str:
    """Start reading the database file (and its write-ahead log) ahead, from a process that does
    nothing else, while this one goes on (importing, starting Django); return what was done, in a
    few words (for the tests and for ``--format json``)."""
    if not hasattr(os, "posix_fadvise"):
        return "not done: this system cannot be asked to read ahead"
    if path is None:
        path = database_file()
        if path is None:
            return "not done: not a SQLite database file"
    files = [p for p in (path, Path(f"{path}-wal")) if p.is_file()]
    if not files:
        return "not done: no database file"
    size = sum(p.stat().st_size for p in files)
    available = available_memory()
    if available is None:
        return "not done: the memory available is not known"
    if size > available * SHARE_OF_MEMORY:
        return (
            f"not done: the file ({size // 2**20:,} MB) is more than half the memory available "
            f"({available // 2**20:,} MB)"
        )
    if not _detached(files):
        return "not done: this system cannot start a process to read ahead"
    return f"asked for {size // 2**20:,} MB"
