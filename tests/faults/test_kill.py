"""Issue 13, finding 8: kill -9 of the server in the middle of a burst of writes. Afterwards the
database passes SQLite's integrity check and the audit, and every write the server acknowledged is
there. Bounded: 6 writers, at most 30 seconds of writing, the kill after 20 acknowledged writes."""

from __future__ import annotations

import http.client
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import IO

from tests.browser.live import _free_port, prepare
from tests.faults.test_storm import REF, call

NAMES = (
    "from misconduct.app import bootstrap\n"
    "bootstrap.setup()\n"
    "from misconduct.app.web import store\n"
    f"print(chr(10).join(p.name for p in store.state({REF!r}).parties))\n"
)


def _env(data: Path) -> dict[str, str]:
    env = {**os.environ, "MISCONDUCT_DATA_DIR": str(data)}
    env.pop("DATABASE_URL", None)
    return env


def _serve(data: Path, log: IO[str]) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [str(Path(sys.executable).parent / "misconduct"), "serve", "--port", str(port)]
    proc = subprocess.Popen(
        command, env=_env(data), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=2):
                return proc, base
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((data / "server.log").read_text()[-2000:]) from None
            time.sleep(0.2)


def test_kill_9_during_a_write_burst_loses_no_acknowledged_write(tmp_path: Path) -> None:
    prepare(tmp_path, _env(tmp_path))
    token = (tmp_path / "token.txt").read_text().strip()
    with (tmp_path / "server.log").open("w") as log:
        proc, base = _serve(tmp_path, log)
        _burst_and_kill(tmp_path, proc, base, token)


def _burst_and_kill(tmp_path: Path, proc: subprocess.Popen[bytes], base: str, token: str) -> None:
    acknowledged: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()
    started = time.monotonic()

    def writer(n: int) -> None:
        i = 0
        while not stop.is_set() and time.monotonic() - started < 30:
            name = f"Burst witness {n}-{i}"
            body = {"on": "2026-11-24", "role": "witness", "name": name}
            try:
                status, _ = call(base, token, f"/api/cases/{REF}/steps/add-party", body, name)
            except (OSError, http.client.HTTPException):
                # the server is gone (the kill may fall after a response's headers and before
                # its body: an answer cut off is no acknowledgement)
                return
            if status == 200:
                with lock:
                    acknowledged.append(name)
                i += 1

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    while len(acknowledged) < 20 and time.monotonic() - started < 30:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    stop.set()
    for t in threads:
        t.join(timeout=60)
    assert len(acknowledged) >= 20
    db = sqlite3.connect(tmp_path / "misconduct.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    verify = subprocess.run(
        [str(Path(sys.executable).parent / "misconduct"), "audit", "verify"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr
    stored = subprocess.run(
        [sys.executable, "-c", NAMES],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout.splitlines()
    missing = set(acknowledged) - set(stored)
    assert not missing, sorted(missing)[:5]
