"""``misconduct backup FILE`` and ``misconduct restore FILE``: the whole database (SQLite)."""

from __future__ import annotations

from pathlib import Path

import click

from misconduct.cli.output import handle_errors


def register(cli: click.Group) -> None:
    @cli.command("backup")
    @click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
    @handle_errors
    def backup_cmd(file: Path) -> None:
        """Copy the whole database (cases, events, ledger, users, roles, tokens) to FILE, safely
        while the application runs (SQLite; on PostgreSQL use pg_dump)."""
        from misconduct.app import bootstrap
        from misconduct.app.backup import backup

        bootstrap.setup()
        size = backup(file)
        click.echo(f"Backed up to {file} ({size:,} bytes). Check it with 'misconduct restore'.")

    @cli.command("restore")
    @click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--replace", is_flag=True, help="Overwrite a database that already holds cases.")
    @handle_errors
    def restore_cmd(file: Path, replace: bool) -> None:
        """Replace the database with a backup written by 'misconduct backup', then verify it as
        'audit verify' does (exit 7 if anything fails)."""
        from misconduct.app import bootstrap
        from misconduct.app.backup import restore

        bootstrap.setup()
        restore(file, replace=replace)
        from misconduct.app.audit import verify_database

        report = verify_database()
        for p in report.problems:
            click.echo(f"BROKEN: {p}")
        click.echo(
            f"Restored {report.cases} cases, {report.events} events: "
            + ("the audit verifies." if report.ok else f"{len(report.problems)} problem(s).")
        )
        if not report.ok:
            raise SystemExit(7)
