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
    help="Also erase the personal data of closed cases past their retention period.",
)
@ACTOR_OPTION
@FORMAT_OPTION
@handle_errors
def retention_run(
    as_at: str | None, dry_run: bool, erase: bool, actor: str | None, fmt: str
) -> None:
    """Take down published outcomes whose publication period has ended (recorded as a step on each
    case), list those coming down within the warning period, list closed cases whose retention
    period ends within it, and list (or with --erase, erase) the personal data of closed cases past
    their retention period: the values go, the case's chain records the erasure and still verifies.

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

        plan = retention.plan(bootstrap.uow_factory(), policy, day)  # type: ignore[arg-type]
        taken: list[str] = []
        erased: dict[str, int] = {}
        if not dry_run:
            clock = lambda: datetime.now(UTC)  # noqa: E731
            service = bootstrap.service(who, clock)
            taken = retention.take_down(service, plan.due, day)
            if erase:
                for e in plan.erasable:
                    if not e.held:
                        continue  # recorded before personal data were kept apart: said below
                    reason = retention.erasure_reason(policy, e.closed_on)
                    erased[e.ref] = erase_case(service, e.ref, day, reason, clock=clock).data
    if fmt == "json":
        emit_json(
            {
                "as_at": day,
                "dry_run": dry_run,
                "take_down": [_item(t) for t in plan.due],
                "taken_down": taken,
                "coming_down": [_item(t) for t in plan.upcoming],
                "past_retention": [_erasure(e) for e in plan.erasable],
                "erasure_coming": [_erasure(e) for e in plan.erasing],
                "erased": [{"ref": ref, "data": n} for ref, n in erased.items()],
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
    for e in plan.erasing:
        click.echo(
            f"Erasure coming: {e.ref} ({e.force}), closed {british(e.closed_on)}, personal data "
            f"erased from {british(e.erase_from)}."
        )
    for e in plan.erasable:
        kept = (
            " Recorded before personal data were kept apart from the chain: what its earlier "
            "events hold cannot be erased (docs/retention.md)."
            if e.inline
            else ""
        )
        if e.ref in erased:
            click.echo(
                f"Erased {e.ref}: {erased[e.ref]} personal value(s); the erasure is recorded on "
                f"the case's chain, which still verifies.{kept}"
            )
        else:
            click.echo(
                f"Past retention: {e.ref}, closed {british(e.closed_on)}, erasable from "
                f"{british(e.erase_from)}.{kept}"
            )
    click.echo(
        f"As at {british(day)}: {len(plan.due)} to take down, {len(plan.upcoming)} coming down, "
        f"{len(plan.erasable)} past retention, {len(plan.erasing)} erasure(s) coming"
        f"{' (dry run: nothing recorded)' if dry_run else ''}."
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


def _erasure(e: Any) -> dict[str, Any]:
    return {
        "ref": e.ref,
        "force": e.force,
        "closed_on": e.closed_on,
        "erase_from": e.erase_from,
        "held": e.held,
        "recorded_before_personal_data_were_kept_apart": e.inline,
    }


def register(cli: click.Group) -> None:
    cli.add_command(retention_group)
