"""``misconduct backup FILE`` and ``misconduct restore FILE``: the whole database, every table."""

from __future__ import annotations

from pathlib import Path

import click

from misconduct.cli.cases import _database, audit_verify
from misconduct.cli.output import handle_errors

ENGINES = {"sqlite": "SQLite online backup", "postgresql": "pg_dump custom format"}


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@handle_errors
def backup_cmd(file: Path, force: bool) -> None:
    """Back up the whole database (cases, events, users, roles, tokens) to FILE, and every evidence
    file the cases record to FILE.evidence.tar beside it.

    SQLite is copied with its online backup API while the application may keep serving; PostgreSQL
    is dumped with pg_dump, which must be installed.
    """
    from misconduct.app.backup import backup, evidence_archive

    with _database():
        made = backup(file, overwrite=force)
    click.echo(f"Backed up {made.counts} to {made.path} ({ENGINES[made.engine]}).")
    if made.evidence:
        click.echo(f"Backed up {made.evidence} evidence file(s) to {evidence_archive(made.path)}.")
    for digest in made.evidence_missing:
        click.echo(f"Not backed up: evidence file {digest} is missing from the evidence storage.")


@click.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace a database that already holds cases or users.")
@handle_errors
def restore_cmd(file: Path, force: bool) -> None:
    """Restore the whole database from a backup made by ``misconduct backup``.

    The file must be a backup of this application; a database holding cases or users is replaced only
    with --force. Every case's hash chain is verified afterwards (as ``audit verify``).
    """
    from misconduct.app.backup import restore

    with _database(ready=False):
        done = restore(file, force=force)
    migrated = f"; {done.migrated} newer migration(s) applied" if done.migrated else ""
    files = f"; {done.evidence} evidence file(s)" if done.evidence else ""
    click.echo(f"Restored {done.counts} from {done.path}{migrated}{files}. Audit:")
    click.get_current_context().invoke(audit_verify, fmt="text")


def register(cli: click.Group) -> None:
    for command in (backup_cmd, restore_cmd):
        cli.add_command(command)
