"""``misconduct document``: a notice, the written decision or the published outcome of a case, as a file."""

from __future__ import annotations

from pathlib import Path

import click

from misconduct.cli.cases import _database, _service
from misconduct.cli.output import handle_errors, parse_date
from misconduct.documents.render import FORMATS, KINDS, kind
from misconduct.errors import InvalidInput


@click.command("document")
@click.argument("kind_name", metavar="KIND")
@click.argument("ref", metavar="CASE_REF")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    default="pdf",
    show_default=True,
    help="docx to edit, pdf to publish, html for the web.",
)
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write (written only if the document is produced).",
)
@click.option(
    "--officer",
    default=None,
    help="Officer (warrant number or id), where the case has more than one.",
)
@click.option("--date", "dated", metavar="DATE", help="The date the document bears (YYYY-MM-DD).")
@handle_errors
def document_cmd(
    kind_name: str, ref: str, fmt: str, output: Path, officer: str | None, dated: str | None
) -> None:
    """Write document KIND for case CASE_REF. KIND is one of: reg17-notice, reg30-notice,
    reg35-notice, reg36-notice, decision, decision-draft, published-outcome, barred-list-report."""
    from misconduct.documents.api import render_case_document

    kind(kind_name)
    if not output.parent.is_dir():
        raise InvalidInput("-o", "a file in an existing folder", str(output))
    issued = parse_date(dated, "--date")
    with _database():
        rendered = render_case_document(
            _service(), kind_name, ref, fmt, officer_id=officer, issued_on=issued
        )
    output.write_bytes(rendered.content)
    click.echo(f"Wrote {output} ({KINDS[kind(kind_name).id].title}, {len(rendered.content)} bytes)")


def register(cli: click.Group) -> None:
    cli.add_command(document_cmd)
