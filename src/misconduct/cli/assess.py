"""``misconduct assess``, ``misconduct decide`` and ``misconduct factors``: the outcome assessment engine."""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table

from misconduct.assessment.decision import decide
from misconduct.assessment.docs import factors_markdown
from misconduct.assessment.engine import assess
from misconduct.assessment.factors import default_factors
from misconduct.assessment.facts import load_facts
from misconduct.assessment.precedents import similar as similar_cases
from misconduct.assessment.report import markdown_decision, text_report
from misconduct.cli.output import console, emit_json, handle_errors
from misconduct.cli.precedents import practice_text
from misconduct.errors import InvalidInput
from misconduct.rules.vocabulary import Outcome

REPORT_FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="text for people, json for scripts, markdown for a draft written decision.",
)

FACTS_FILE = click.argument("facts_file", metavar="FILE", type=click.Path(path_type=Path))


SIMILAR_MAX = 50


@click.command("assess")
@FACTS_FILE
@REPORT_FORMAT_OPTION
@click.option(
    "--similar",
    default=10,
    show_default=True,
    help=f"How many of the most alike published cases to show apart from the indication "
    f"(0 for none, at most {SIMILAR_MAX}); not in the markdown draft.",
)
@handle_errors
def assess_cmd(facts_file: Path, fmt: str, similar: int) -> None:
    """Assess a proven case's outcome under the College of Policing guidance (facts file in TOML),
    and show apart what the most similar published cases did."""
    if not 0 <= similar <= SIMILAR_MAX:
        raise InvalidInput("--similar", f"a whole number from 0 to {SIMILAR_MAX}", similar)
    a = assess(load_facts(facts_file))
    practice = similar_cases(a, limit=similar) if similar else None
    if fmt == "json":
        emit_json(a.as_dict() | {"similar_cases": practice.as_dict() if practice else None})
    elif fmt == "markdown":
        click.echo(markdown_decision(a), nl=False)
    else:
        click.echo(text_report(a))
        if practice is not None and practice.matches:
            click.echo("\n" + practice_text(practice))


@click.command("decide")
@FACTS_FILE
@click.option("--outcome", required=True, help="The outcome imposed, e.g. final_written_warning.")
@click.option("--fww-months", type=int, help="Period of a final written warning, in months.")
@click.option("--reasons", default="", help="The chair's reasons (needed for a departure).")
@handle_errors
def decide_cmd(facts_file: Path, outcome: str, fww_months: int | None, reasons: str) -> None:
    """Check a chair's decision against the law and the assessment; print the decision record (JSON)."""
    a = assess(load_facts(facts_file))
    record = decide(
        a, Outcome.parse(outcome, field="--outcome"), fww_months=fww_months, reasons=reasons
    )
    emit_json(record.as_dict())


@click.command("factors")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="text for people, json for scripts, markdown for docs/factors.md.",
)
@handle_errors
def factors_cmd(fmt: str) -> None:
    """List the factor catalogue: every factor, its stage, reference and verification status."""
    cat = default_factors()
    if fmt == "json":
        emit_json([f.as_dict() for f in cat])
        return
    if fmt == "markdown":
        click.echo(factors_markdown(cat), nl=False)
        return
    table = Table(title="Factor catalogue (College of Policing guidance on outcomes; case law)")
    for col in ("id", "stage", "level/weight", "description", "reference", "status"):
        table.add_column(col)
    for f in cat:
        table.add_row(
            f.id,
            f.stage.label,
            f.level.value if f.level else f"{f.weight:g}",
            f.description,
            str(f.citation),
            f.citation.status.value,
        )
    console.print(table)


def register(cli: click.Group) -> None:
    cli.add_command(assess_cmd)
    cli.add_command(decide_cmd)
    cli.add_command(factors_cmd)
