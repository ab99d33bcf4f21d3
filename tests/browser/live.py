"""A real server for the browser and schemathesis tests: ``misconduct serve`` (gunicorn) on a free
local port, over its own SQLite database prepared in a separate process, stopped at the end.

The events table refuses DELETE, so the test database cannot be flushed between tests; a server with
its own throwaway database keeps the tests apart without touching that guarantee.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

PREPARE = """
from datetime import UTC, datetime
from misconduct.app import bootstrap
bootstrap.setup()
bootstrap.init_db()
from misconduct.services.demo import canonical_case, load_demo, CANONICAL_REF
from misconduct.app.web.demo_users import ensure_demo_users
service = bootstrap.service("demo data loader", lambda: datetime(2026, 11, 25, 9, tzinfo=UTC))
demo = canonical_case()
steps = []
for step in demo.steps:
    if type(step).__name__ == "DecideOutcome":
        break
    steps.append(step)
service.open(demo.opening, steps)
load_demo(service)
from misconduct.app import models as m
ensure_demo_users(sorted(set(m.Case.objects.values_list("force_id", flat=True))))
from django.contrib.auth import get_user_model
from misconduct.app.api.models import ApiToken
import os, pathlib
_, token = ApiToken.issue(get_user_model().objects.get(username="demo"), "tests")
(pathlib.Path(os.environ["MISCONDUCT_DATA_DIR"]) / "token.txt").write_text(token)
"""
DATABASE = "misconduct.sqlite3"  # where PREPARE writes, under MISCONDUCT_DATA_DIR


_prepared: list[Path] = []
"""The data folder PREPARE ran in, once per test session; every server's folder is a copy of it."""


def prepare(data_dir: Path, env: dict[str, str]) -> None:
    """Fill ``data_dir`` as PREPARE does. PREPARE (migrations, demo cases, logins with the real
    password hasher) takes seconds, so it runs once per session, in a folder of its own, and each
    call copies what it wrote: the database through SQLite's backup API, the other files as they
    are."""
    if not _prepared:
        template = Path(tempfile.mkdtemp(prefix="misconduct-prepared-"))
        atexit.register(shutil.rmtree, template, True)
        run_env = {**env, "MISCONDUCT_DATA_DIR": str(template)}
        subprocess.run([sys.executable, "-c", PREPARE], env=run_env, check=True, timeout=300)
        _prepared.append(template)
    template = _prepared[0]
    data_dir.mkdir(parents=True, exist_ok=True)
    for item in template.iterdir():
        if item.name == DATABASE:
            with (
                closing(sqlite3.connect(item)) as source,
                closing(sqlite3.connect(data_dir / DATABASE)) as target,
            ):
                source.backup(target)
        elif item.name.startswith(DATABASE):  # -wal, -shm: already in the copy
            continue
        elif item.is_dir():
            shutil.copytree(item, data_dir / item.name)
        else:
            shutil.copy2(item, data_dir / item.name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(data_dir: Path, *, timeout: float = 30.0) -> Iterator[str]:
    """Prepare a database in ``data_dir`` (the canonical case at its findings, the other demo cases,
    the demo logins, an API token for the ``demo`` user in ``token.txt``) and serve it; yields the
    base URL."""
    env = {
        **os.environ,
        "MISCONDUCT_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "misconduct.app.settings",
    }
    env.pop("DATABASE_URL", None)
    prepare(data_dir, env)
    port = _free_port()
    bin_dir = Path(sys.executable).parent
    command = [str(bin_dir / "misconduct"), "serve", "--port", str(port), "--workers", "2"]
    log = (data_dir / "server.log").open("w")
    proc = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"server did not start: {(data_dir / 'server.log').read_text()[-2000:]}"
                    ) from None
                time.sleep(0.2)
        yield base
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
