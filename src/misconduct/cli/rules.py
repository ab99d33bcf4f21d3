"""``misconduct rules …`` and ``misconduct deadline``: the law as a command-line service."""

from __future__ import annotations

from datetime import time
from typing import Any

import click
from rich.table import Table

from misconduct.cli.output import (
    FORMAT_OPTION,
    british,
    console,
    emit_json,
    handle_errors,
    parse_date,
    today,
)
from misconduct.errors import InvalidInput
from misconduct.rules.catalogue import default_catalogue
from misconduct.rules.deadlines import SentBy, deadline, steps
from misconduct.rules.docs import catalogue_markdown
from misconduct.rules.outcomes import OutcomeQuestion, lawful_outcomes
from misconduct.rules.regime import determine_regime
from misconduct.rules.standards import standards_on
from misconduct.rules.vocabulary import Finding, Forum, Rank


@click.group("rules")
def rules_group() -> None:
    """The regulations as dated, cited rules."""


@rules_group.command("standards")
@click.option("--on", "on", metavar="DATE", help="Date (YYYY-MM-DD); default today.")
@FORMAT_OPTION
@handle_errors
def standards_cmd(on: str | None, fmt: str) -> None:
    """List the Standards of Professional Behaviour in force on a date."""
    day = parse_date(on, "--on") or today()
    items = standards_on(day)
    if fmt == "json":
        emit_json(
            {
                "on": day,
                "citation": items[0].citation,
                "status": items[0].version.citation.status.value,
                "standards": [{"id": s.id, "heading": s.heading, "text": s.text} for s in items],
            }
        )
        return
    table = Table(
        title=f"Standards of Professional Behaviour on {british(day)} ({items[0].citation})"
    )
    table.add_column("id")
    table.add_column("heading")
    table.add_column("summary (our words)")
    for s in items:
        table.add_row(s.id, s.heading, s.text)
    console.print(table)


# The options of ``rules outcomes``, each once: (option, question field, required, help).
# Dates are read with ``parse_date`` and named by their option in any error.
_OUTCOME_DATES: tuple[tuple[str, str, bool, str], ...] = (
    (
        "--allegation-date",
        "came_to_attention",
        True,
        "Date the allegation came to the appropriate authority's attention.",
    ),
    (
        "--severity-date",
        "severity_assessment_on",
        True,
        "Date of the severity assessment (warnings are tested on it).",
    ),
    ("--decision-date", "decided_on", False, "Date of the decision; default today."),
    (
        "--dg-reinvestigation-date",
        "dg_reinvestigation_on",
        False,
        "Date of a Director General re-investigation or s.28A direction (reg 64(2)).",
    ),
    (
        "--referral-notice-date",
        "referral_notice_on",
        False,
        "Date notice of referral was given (reg 30(1) or 51(1)); decides SI 2024/521 (reg 7).",
    ),
    (
        "--reduced-in-rank-date",
        "reduced_in_rank_on",
        False,
        "Date of the officer's last reduction in rank, if any (reg 23(10)(c), 42(13)).",
    ),
    (
        "--linked-allegation-date",
        "linked_allegation_came_to_attention",
        False,
        "Date an earlier linked allegation, still being handled, came to attention.",
    ),
    (
        "--known-to-police-body-date",
        "first_known_to_police_body_on",
        False,
        "Earlier date a local policing body or chief officer knew of the allegation.",
    ),
    (
        "--known-to-director-general-date",
        "first_known_to_director_general_on",
        False,
        "Date the Director General (IOPC) first knew of the allegation.",
    ),
)
# (flag, question field, help)
_OUTCOME_FLAGS: tuple[tuple[str, str, str], ...] = (
    (
        "--fww-in-force",
        "fww_in_force",
        "A final written warning was in force on the severity-assessment date.",
    ),
    (
        "--ww-in-force",
        "ww_in_force",
        "A written warning was in force on the severity-assessment date.",
    ),
    (
        "--previously-reduced",
        "previously_reduced_in_rank",
        "Already reduced in rank at the severity-assessment date.",
    ),
    ("--former-officer", "former_officer", "The officer has left the force."),
    (
        "--unconnected-incidents",
        "unconnected_incidents",
        "Misconduct from more than one incident not closely connected (reg 42(6)).",
    ),
    (
        "--convicted-indictable-only",
        "convicted_indictable_only",
        "The conduct led to conviction of an indictable-only offence.",
    ),
    (
        "--linked-pre-commencement",
        "linked_to_pre_commencement_allegation",
        "Relates to a pre-28 May 2025 allegation still being handled (SI 2025/558 reg 64(1)(b)).",
    ),
)


def _param(option: str) -> str:
    return option.removeprefix("--").replace("-", "_")


def _outcome_options(command: Any) -> Any:
    """Apply the table's options to ``rules outcomes`` (in the table's order in ``--help``)."""
    for flag, _field, text in reversed(_OUTCOME_FLAGS):
        command = click.option(flag, is_flag=True, help=text)(command)
    for option, _field, required, text in reversed(_OUTCOME_DATES):
        command = click.option(option, required=required, metavar="DATE", help=text)(command)
    return command


@rules_group.command("outcomes")
@click.option(
    "--forum",
    required=True,
    help="misconduct_meeting, misconduct_hearing or accelerated_misconduct_hearing.",
)
@click.option("--finding", required=True, help="no_misconduct, misconduct or gross_misconduct.")
@click.option(
    "--rank",
    default="constable",
    show_default=True,
    help="The officer's rank, e.g. constable, sergeant.",
)
@_outcome_options
@FORMAT_OPTION
@handle_errors
def outcomes_cmd(fmt: str, **opts: Any) -> None:
    """The outcomes lawfully open on the facts and dates, with requirements and the trace."""
    if opts["fww_in_force"] and opts["ww_in_force"]:
        raise InvalidInput(
            "--ww-in-force",
            "at most one of --fww-in-force and --ww-in-force (a final written warning governs)",
            "both flags",
        )
    dates = {
        field: parse_date(opts[_param(option)], option) for option, field, _r, _h in _OUTCOME_DATES
    }
    try:
        question = OutcomeQuestion(
            forum=Forum.parse(opts["forum"], field="--forum"),
            finding=Finding.parse(opts["finding"], field="--finding"),
            rank=Rank.parse(opts["rank"], field="--rank"),
            **{**dates, "decided_on": dates["decided_on"] or today()},
            **{field: opts[_param(flag)] for flag, field, _h in _OUTCOME_FLAGS},
        )
    except InvalidInput as error:
        # The question names its own fields; the person typed options.
        option = {field: option for option, field, _r, _h in _OUTCOME_DATES}.get(error.field or "")
        if option is None:
            raise
        raise InvalidInput(option, error.expected or "", error.received) from None
    answer = lawful_outcomes(question)
    data = answer.as_dict()
    if fmt == "json":
        emit_json(data)
        return
    console.print(f"[bold]Regime:[/bold] {answer.regime.regime.label}")
    if not answer.available:
        console.print("[bold]Lawful outcomes:[/bold] none (no disciplinary action can be imposed)")
    else:
        console.print("[bold]Lawful outcomes[/bold] (least severe first):")
    for outcome in answer.available:
        period = answer.warning_periods.get(outcome)
        extra = ""
        if period is not None:
            extra = (
                f" — {period.min_months} months"
                if period.min_months == period.max_months
                else f" — {period.min_months} to {period.max_months} months"
            ) + f" ({period.version.citation})"
        console.print(f"  • {outcome.label}{extra}")
    for req in answer.requirements:
        applies = ", ".join(o.label.lower() for o in req.applies_to)
        console.print(
            f"[bold]Requirement[/bold] if {applies}: {req.text} [{req.citation}; {req.status}]"
        )
    for action in answer.other_actions:
        console.print(f"[bold]Also open:[/bold] {action.text} [{action.citation}; {action.status}]")
    for note in answer.notes:
        console.print(f"[bold]Note:[/bold] {note}")
    _print_trace(data["trace"])


def _print_trace(trace: list[dict[str, Any]]) -> None:
    table = Table(title="Trace", show_lines=False)
    table.add_column("provision")
    table.add_column("citation")
    table.add_column("status")
    table.add_column("conclusion")
    for entry in trace:
        cit = entry["citation"]
        table.add_row(
            entry["provision"] + ("" if entry["applied"] else " (not applied)"),
            "" if cit is None else f"{cit['instrument']} {cit['provision']}",
            "" if cit is None else cit["status"],
            entry["conclusion"],
        )
    console.print(table)


@rules_group.command("catalogue")
@FORMAT_OPTION
@handle_errors
def catalogue_cmd(fmt: str) -> None:
    """Every provision with its dates, citation and verification status."""
    cat = default_catalogue()
    if fmt == "json":
        emit_json(
            [
                {
                    "id": p.id,
                    "title": p.title,
                    "date_basis": p.date_basis.value,
                    "versions": [
                        {
                            "in_force_from": v.in_force_from,
                            "in_force_until": v.in_force_until,
                            "citation": v.citation.as_dict(),
                            "summary": v.summary,
                            "parameters": dict(v.parameters),
                        }
                        for v in p.versions
                    ],
                }
                for p in cat
            ]
        )
        return
    click.echo(catalogue_markdown(cat), nl=False)


@click.command("deadline")
@click.argument("step", required=False)
@click.option("--from", "from_", metavar="DATE", help="Date of the event the time limit runs from.")
@click.option("--list", "list_", is_flag=True, help="List the steps.")
@click.option(
    "--sent-by",
    type=click.Choice([m.value for m in SentBy]),
    help="How the notice was sent to the officer (reg 9); --from is then the day it was sent.",
)
@click.option("--sent-at", metavar="HH:MM", help="Time an e-mailed notice was sent.")
@click.option(
    "--allegation-date",
    metavar="DATE",
    help="Date the allegation came to attention (decides whether the 2025 deemed-service rules apply).",
)
@click.option(
    "--delegated",
    is_flag=True,
    help="The chair delegated the outcome report to the legally qualified person (reg 43(1B)).",
)
@click.option(
    "--referral-notice-date",
    metavar="DATE",
    help="Date notice of referral was given (needed with --delegated; SI 2024/521 reg 7).",
)
@FORMAT_OPTION
@handle_errors
def deadline_cmd(step: str | None, from_: str | None, list_: bool, fmt: str, **opts: Any) -> None:
    """The due date (or window) of a statutory step, in working days, with its citation."""
    if list_:
        rows = []
        for p in steps():
            v = p.versions[-1]
            rows.append(
                {
                    "step": p.id,
                    "title": p.title,
                    "from_event": v.parameters.get("from_event", ""),
                    "citation": str(v.citation),
                    "status": v.citation.status.value,
                }
            )
        if fmt == "json":
            emit_json(rows)
            return
        table = Table(title="Time-limit steps")
        for col in ("step", "title", "runs from", "citation", "status"):
            table.add_column(col)
        for r in rows:
            table.add_row(r["step"], r["title"], r["from_event"], r["citation"], r["status"])
        console.print(table)
        return
    if step is None:
        raise InvalidInput("STEP", "a step id (see `misconduct deadline --list`)", "nothing")
    if from_ is None:
        raise InvalidInput("--from", "a date in the form YYYY-MM-DD", "nothing")
    trigger = parse_date(from_, "--from")
    assert trigger is not None
    allegation = parse_date(opts["allegation_date"], "--allegation-date")
    result = deadline(
        step,
        trigger,
        delegated_to_lqp=opts["delegated"],
        referral_notice_on=parse_date(opts["referral_notice_date"], "--referral-notice-date"),
        sent_by=opts["sent_by"],
        sent_at=_parse_time(opts["sent_at"], "--sent-at"),
        regime=determine_regime(allegation) if allegation is not None else None,
    )
    if fmt == "json":
        emit_json(result.as_dict())
        return
    console.print(f"[bold]{result.title}[/bold] ({result.step})")
    if result.sent_on is not None:
        console.print(
            f"Sent: {british(result.sent_on)}; taken to have been given on "
            f"{british(result.trigger)} (reg 9)"
        )
    console.print(f"From: {british(result.trigger)} — {result.from_event}")
    if result.due is not None:
        console.print(f"Due: [bold]{result.due:%a} {british(result.due)}[/bold]")
    else:
        assert result.earliest and result.latest
        console.print(
            f"Window: [bold]{result.earliest:%a} {british(result.earliest)} – "
            f"{result.latest:%a} {british(result.latest)}[/bold]"
        )
    console.print(f"Citation: {result.citation} ({result.status})")
    for note in result.notes:
        console.print(f"Note: {note}")


def _parse_time(value: str | None, option: str) -> time | None:
    if value is None:
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise InvalidInput(option, "a time in the form HH:MM", value) from None


def register(cli: click.Group) -> None:
    cli.add_command(rules_group)
    cli.add_command(deadline_cmd)
