"""``misconduct serve``: the web application and API under gunicorn, static files by whitenoise.

``--demo`` prepares a demonstration first: applies the migrations, loads the demo cases (idempotent),
brings their published outcomes into the national register, ingests the invented notices of other
forces in ``examples/notices`` (they wait in the register's review queue for a person; stored once,
however often the demo is prepared), creates the demo logins if absent and prints them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from misconduct.cli.output import handle_errors
from misconduct.errors import InvalidInput

# Invented notices of other forces (no real officer or case), read from the checkout `make run`
# starts in. Their licence says what they are on every page that shows them.
DEMO_NOTICES = Path("examples/notices")
DEMO_LICENCE = "invented for this demonstration (no real officer or case)"


def _demo_notices(folder: Path) -> str:
    """Ingest the demo notices as `misconduct ingest FOLDER --save` would (a text already stored
    is recognised by its content and not stored again); say what happened, in words."""
    if not folder.is_dir():
        return (
            f"Demo notices: none found at {folder}; the register holds this system's outcomes only."
        )
    from misconduct.app.register.store import store_texts
    from misconduct.ingest import extract
    from misconduct.ingest.sources import files_in, read_text

    done = store_texts(
        ((f.name, extract(read_text(f), source=f.name), None) for f in files_in(folder)),
        licence=DEMO_LICENCE,
    )
    new, waiting, kept, refused = done.new, done.pending, len(done.repeats), done.refused
    said = [f"{new} newly ingested ({waiting} officer record(s) waiting for review)"] if new else []
    said += [f"{kept} already stored before"] if kept else []
    said += [f"{refused} refused as not a misconduct outcome"] if refused else []
    return (
        "Demo notices of other forces: "
        + ", ".join(said or ["none"])
        + ". Review them at /staff/register/review/."
    )


def _prepare_demo(notices: Path = DEMO_NOTICES) -> None:
    from misconduct.app import bootstrap

    bootstrap.setup()
    bootstrap.init_db()
    from misconduct.app import models as m
    from misconduct.app.web.demo_users import DEMO_PASSWORD, ensure_demo_users
    from misconduct.services.demo import load_demo

    loaded = load_demo(bootstrap.service("demo data loader", lambda: datetime.now(UTC)))
    click.echo(f"Demo cases: {len(loaded)} loaded, {m.Case.objects.count()} in the database.")
    from misconduct.app.register.store import sync_system
    from misconduct.app.web import store as case_store

    synced = sync_system(case_store.today())
    click.echo(
        f"National register: {synced.records} officer record(s) from this system's published "
        "outcomes."
    )
    click.echo(_demo_notices(notices))
    forces = sorted(set(m.Case.objects.values_list("force_id", flat=True)))
    users = ensure_demo_users(forces)
    click.echo("Demo logins (password for each: " + DEMO_PASSWORD + "):")
    for user, created in users:
        roles = ", ".join(r.label.lower() for r in user.roles) or "administrator (Django admin)"
        note = "created" if created else "already there"
        click.echo(f"  {user.username:<10} {roles} ({note})")


def _gunicorn(bind: str, workers: int, options: dict[str, Any]) -> None:
    from gunicorn.app.base import BaseApplication

    from misconduct.app import bootstrap

    bootstrap.setup()
    bootstrap.check_ready()
    from django.db import connections

    # The check above opened a connection in this (the master) process: closed before gunicorn
    # forks, or every worker would inherit the one socket and read each other's answers (on
    # PostgreSQL, pages failed with one query's rows given to another).
    connections.close_all()
    from misconduct.app.wsgi import application

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", bind)
            self.cfg.set("workers", workers)
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    Server().run()


LOOPBACK = {"127.0.0.1", "localhost", "::1"}
THREADS = 4
"""Threads per worker by default (see docs/performance.md for what was measured)."""


def _refuse_development_key_off_loopback(host: str) -> None:
    """Anything reachable from another machine must have its own signing key."""
    import os

    from misconduct.app.config import SETTINGS

    default_key = SETTINGS["MISCONDUCT_SECRET_KEY"].default
    key = os.environ.get("MISCONDUCT_SECRET_KEY", "") or default_key
    if host not in LOOPBACK and key == default_key:
        raise InvalidInput(
            "MISCONDUCT_SECRET_KEY",
            f"a key of your own when serving on {host} (the default is for this machine only)",
            "the development default",
        )


def register(cli: click.Group) -> None:
    @cli.command("serve")
    @click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
    @click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
    @click.option("--workers", default=2, show_default=True, type=int, help="Gunicorn workers.")
    @click.option(
        "--threads",
        default=THREADS,
        show_default=True,
        type=int,
        help="Threads per worker (gunicorn's gthread worker, with keep-alive); 1: one request at a time.",
    )
    @click.option(
        "--demo",
        is_flag=True,
        help="Migrate, load the demo cases, create the demo logins if absent and print them.",
    )
    @handle_errors
    def serve(host: str, port: int, workers: int, threads: int, demo: bool) -> None:
        """Serve the web application and the API (gunicorn; static files by whitenoise)."""
        if not 1 <= port <= 65535:
            raise InvalidInput("--port", "a port from 1 to 65535", port)
        if not 1 <= workers <= 32:
            raise InvalidInput("--workers", "from 1 to 32 workers", workers)
        if not 1 <= threads <= 64:
            raise InvalidInput("--threads", "from 1 to 64 threads a worker", threads)
        _refuse_development_key_off_loopback(host)
        if demo:
            _prepare_demo()
        click.echo(
            f"Serving on http://{host}:{port}/ (staff pages at /staff/, API docs at /api/docs)"
        )
        # The application writes the access lines itself (misconduct.app.logs), without query strings.
        options: dict[str, Any] = {"accesslog": None, "timeout": 60}
        if threads > 1:  # issue 10: keep-alive, and a worker's wait on the database overlapped
            options.update(worker_class="gthread", threads=threads, keepalive=5)
        _gunicorn(f"{host}:{port}", workers, options)
