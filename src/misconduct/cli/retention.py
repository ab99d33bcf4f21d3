"""``misconduct retention run``: the retention schedule, meant for a daily cron job."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import click

from misconduct.cli.cases import ACTOR_OPTION, _actor, _database
from misconduct.cli.output import (
    FORMAT_OPTION,
    british,
    emit_json,
    handle_errors,
    parse_date,
    today,
)
from misconduct.errors import InvalidInput


@click.group("retention")
def retention_group() -> None:
    """Publication take-down and the retention schedule (docs/retention.md)."""


@retention_group.command("run")
@click.option(
    "--as-at", "as_at", metavar="DATE", help="The date to run as (YYYY-MM-DD); default today."
)
@click.option("--dry-run", is_flag=True, help="Say what would be done; record nothing.")
@click.option(
    "--erase",
    is_flag=True,
    help="Also erase the personal data outside the event chain of closed cases past retention.",
)
@ACTOR_OPTION
@FORMAT_OPTION
@handle_errors
def retention_run(
    as_at: str | None, dry_run: bool, erase: bool, actor: str | None, fmt: str
) -> None:
    """Take down published outcomes whose publication period has ended (recorded as a step on each
    case), list those coming down within the warning period, and list (or with --erase, erase)
    closed cases past their retention period.

    Periods come from MISCONDUCT_PUBLICATION_DAYS, MISCONDUCT_PUBLICATION_WARNING_DAYS and
    MISCONDUCT_RETENTION_CLOSED_CASE_YEARS.
    """
    from misconduct.app import bootstrap, config
    from misconduct.services import retention

    day = parse_date(as_at, "--as-at") or today()
    if day > today() and not dry_run:
        raise InvalidInput(
            "--as-at",
            f"today ({day_month_year(today())}) or earlier: take-downs are recorded on that date; "
            "use --dry-run to look ahead",
            day_month_year(day),
        )
    who = _actor(actor)
    values = config.load()
    policy = retention.Policy(
        publication_days=values["MISCONDUCT_PUBLICATION_DAYS"],
        warning_days=values["MISCONDUCT_PUBLICATION_WARNING_DAYS"],
        closed_case_years=values["MISCONDUCT_RETENTION_CLOSED_CASE_YEARS"],
    )
    with _database():
        from misconduct.app.erasure import erase as erase_case
        from misconduct.app.erasure import erased_refs

        plan = retention.plan(bootstrap.uow_factory(), policy, day)  # type: ignore[arg-type]
        already = erased_refs()
        pending = [e for e in plan.erasable if e.ref not in already]
        taken: list[str] = []
        erased: list[dict[str, Any]] = []
        if not dry_run:
            service = bootstrap.service(who, lambda: datetime.now(UTC))
            taken = retention.take_down(service, plan.due, day)
            if erase:
                for e in pending:
                    done = erase_case(e.ref, day, actor=who, clock=lambda: datetime.now(UTC))
                    erased.append(
                        {"ref": done.ref, "parties": done.parties, "officers": done.officers}
                    )
    if fmt == "json":
        emit_json(
            {
                "as_at": day,
                "dry_run": dry_run,
                "take_down": [_item(t) for t in plan.due],
                "taken_down": taken,
                "coming_down": [_item(t) for t in plan.upcoming],
                "past_retention": [
                    {
                        "ref": e.ref,
                        "force": e.force,
                        "closed_on": e.closed_on,
                        "erase_from": e.erase_from,
                    }
                    for e in pending
                ],
                "erased": erased,
            }
        )
        return
    verb = "Would take down" if dry_run else "Took down"
    for t in plan.due:
        click.echo(
            f"{verb} {t.ref}: published {british(t.published_on)}, period ended {british(t.last_day)}."
        )
    for t in plan.upcoming:
        click.echo(
            f"Coming down: {t.ref} ({t.force}) on {british(t.remove_on)}, published {british(t.published_on)}."
        )
    for e in pending:
        done_row = next((x for x in erased if x["ref"] == e.ref), None)
        if done_row is not None:
            click.echo(
                f"Erased {e.ref}: {done_row['parties']} party row(s), {done_row['officers']} officer "
                "name(s) outside the event chain; the events keep the names (docs/retention.md)."
            )
        else:
            click.echo(
                f"Past retention: {e.ref}, closed {british(e.closed_on)}, erasable from {british(e.erase_from)}."
            )
    click.echo(
        f"As at {british(day)}: {len(plan.due)} to take down, {len(plan.upcoming)} coming down, "
        f"{len(pending)} past retention{' (dry run: nothing recorded)' if dry_run else ''}."
    )


def day_month_year(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _item(t: Any) -> dict[str, Any]:
    return {
        "ref": t.ref,
        "force": t.force,
        "published_on": t.published_on,
        "last_day": t.last_day,
        "remove_on": t.remove_on,
    }


def register(cli: click.Group) -> None:
    cli.add_command(retention_group)
