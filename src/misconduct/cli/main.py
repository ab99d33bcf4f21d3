"""The ``misconduct`` command group. Each area registers its commands here."""

from __future__ import annotations

import click

from misconduct import __version__
from misconduct.cli import assess as assess_cli
from misconduct.cli import backup as backup_cli
from misconduct.cli import casefile as casefile_cli
from misconduct.cli import cases as cases_cli
from misconduct.cli import documents as documents_cli
from misconduct.cli import ingest as ingest_cli
from misconduct.cli import precedents as precedents_cli
from misconduct.cli import retention as retention_cli
from misconduct.cli import rules as rules_cli
from misconduct.cli import serve as serve_cli


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="misconduct")
def cli() -> None:
    """Police misconduct proceedings in England & Wales: rules, deadlines, cases and outcomes."""


rules_cli.register(cli)
assess_cli.register(cli)
precedents_cli.register(cli)
cases_cli.register(cli)
casefile_cli.register(cli)
documents_cli.register(cli)
serve_cli.register(cli)
ingest_cli.register(cli)  # issue 15: ingest published outcomes
backup_cli.register(cli)
retention_cli.register(cli)


def main() -> None:
    cli(prog_name="misconduct")
