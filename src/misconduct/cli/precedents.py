"""``misconduct precedents``: the published outcomes most like a case's facts, and how they differ."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from misconduct.assessment.facts import load_facts
from misconduct.assessment.precedents import NOTE, Comparison, Match, category_names, similar
from misconduct.cli.output import FORMAT_OPTION, british, emit_json, handle_errors
from misconduct.domain.dates import british_month
from misconduct.errors import InvalidInput

MAX_LIMIT = 50


def _when(decided: object) -> str:
    """The date a precedent was decided, the British way (its record keeps it as YYYY-MM-DD)."""
    if not decided:
        return "date not stated"
    text = str(decided)
    try:
        if len(text) == 7:  # YYYY-MM
            return british_month(date.fromisoformat(text + "-01"))
        return british(date.fromisoformat(text[:10]))
    except ValueError:
        return text


def _match_text(n: int, m: Match) -> list[str]:
    p = m.precedent
    months = f" ({p.fww_months} months)" if p.fww_months else ""
    return [
        f"{n}. {p.force}, {_when(p.decided)}, {p.rank or 'rank not stated'}: "
        f"{p.outcome.label.lower()}{months}  [likeness {m.score:.2f}]",
        "   alike: " + ("; ".join(m.alike) or "nothing"),
        "   differs: " + ("; ".join(m.differs) or "nothing"),
        f"   source: {p.provenance.url} ({p.provenance.licence})",
        f"   library id: {p.id}",
    ]


def comparison_text(c: Comparison) -> str:
    s = c.subject
    lines = [
        NOTE,
        "",
        f"This case: {s.finding.value.replace('_', ' ')} at a {s.forum.value.replace('_', ' ')}; "
        f"seriousness {s.label} ({s.points}), culpability {s.culpability.value}, harm {s.harm.value}"
        + ("; special categories: " + category_names(s.categories) if s.categories else "")
        + ".",
        f"The {len(c.matches)} most alike of {c.library_size} published outcomes "
        "(the same finding level first):",
        "",
    ]
    for n, m in enumerate(c.matches, 1):
        lines += [*_match_text(n, m), ""]
    lines.append(
        f"Outcomes among these {len(c.matches)}: "
        + ", ".join(f"{o.label.lower()} {k}" for o, k in c.spread)
        + "."
    )
    return "\n".join(lines)


def practice_text(c: Comparison) -> str:
    """What similar cases did, for ``misconduct assess``: a block apart from the indication."""
    lines = [
        "What similar cases did (practice, not the guidance)",
        "=" * 51,
        "The indication above is the guidance applied to these facts. This is practice: the "
        f"outcomes of the {len(c.matches)} published cases most like this one (of "
        f"{c.library_size}). It informs the chair's judgement and never binds it.",
        "Outcomes: "
        + ", ".join(f"{o.label.lower()} {n} of {len(c.matches)}" for o, n in c.spread)
        + ".",
        "",
    ]
    for n, m in enumerate(c.matches, 1):
        p = m.precedent
        lines.append(
            f"  {n}. {p.outcome.label.lower()}: {p.force}, {_when(p.decided)}, "
            f"{p.rank or 'rank not stated'} [likeness {m.score:.2f}]  {p.provenance.url}"
        )
    return "\n".join(lines)


@click.command("precedents")
@click.argument("facts_file", metavar="FILE", type=click.Path(path_type=Path))
@click.option(
    "--limit", default=5, show_default=True, help=f"How many precedents (1 to {MAX_LIMIT})."
)
@FORMAT_OPTION
@handle_errors
def precedents_cmd(facts_file: Path, limit: int, fmt: str) -> None:
    """The published outcomes most like a case (facts file in TOML): what is alike, what differs,
    and the spread of their outcomes. Precedents inform the chair; they do not bind. The library is
    small and leans towards dismissal."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput("--limit", f"a whole number from 1 to {MAX_LIMIT}", limit)
    c = similar(load_facts(facts_file), limit=limit)
    if fmt == "json":
        emit_json(c.as_dict())
    else:
        click.echo(comparison_text(c))


def register(cli: click.Group) -> None:
    cli.add_command(precedents_cmd)
