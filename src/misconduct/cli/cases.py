"""``misconduct db``, ``demo``, ``case`` and ``audit``: case management over the same services as the web."""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import click

from misconduct.cli.output import (
    FORMAT_OPTION,
    british,
    console,
    emit_json,
    handle_errors,
    parse_date,
    today,
)
from misconduct.errors import InvalidInput, MisconductError

ACTOR_OPTION = click.option(
    "--actor",
    default=None,
    help="Who is making the change (recorded on every event); default the login name.",
)
ON_OPTION = click.option(
    "--on", "on", metavar="DATE", help="As-at date for due and overdue (YYYY-MM-DD); default today."
)


def _now() -> datetime:
    return datetime.now(UTC)


def _actor(value: str | None) -> str:
    actor = value if value is not None else getpass.getuser()
    if not actor.strip():
        raise InvalidInput("--actor", "the name of the person making the change", actor)
    return actor


@contextmanager
def _database(*, ready: bool = True, cases_only: bool = False) -> Iterator[None]:
    """Start Django (``cases_only``: with the cases' application alone, for a command that reads
    the case tables and nothing else); turn database failures into one line naming what to do."""
    from misconduct.app import bootstrap

    bootstrap.setup(cases_only=cases_only)
    from django.db.utils import DatabaseError

    try:
        if ready:
            bootstrap.check_ready()
        yield
    except DatabaseError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise MisconductError(f"database error: {first}") from None


def _service(actor: str | None = None) -> Any:
    from misconduct.app import bootstrap

    return bootstrap.service(_actor(actor) if actor is not None else "reader", _now)


# -- db -------------------------------------------------------------------------------------------


@click.group("db")
def db_group() -> None:
    """The database: create or migrate it."""


@db_group.command("init")
@handle_errors
def db_init() -> None:
    """Create the database (SQLite by default) and apply every migration."""
    from misconduct.app import bootstrap

    with _database(ready=False):
        name = bootstrap.init_db()
    click.echo(f"Database ready: {name}")


@db_group.command("rebuild")
@handle_errors
def db_rebuild() -> None:
    """Rewrite every read model (case list, due dates, public register, case page) from the
    events."""
    with _database():
        from misconduct.app import models as m
        from misconduct.app.read_tables import rebuild

        total = m.Case.objects.count()
        with _progress() as bar:
            task = bar.add_task("Rebuilding read models", total=total)
            done = rebuild(progress=lambda n: bar.advance(task, n))
    click.echo(f"Rebuilt the read models of {done} cases.")


@db_group.command("steps")
@click.option(
    "--on", "on", metavar="DATE", help="The day to work them out for (YYYY-MM-DD); default today."
)
@handle_errors
def db_steps(on: str | None) -> None:
    """Work out the steps open on every case today, as the staff case page shows them, and keep
    them for the day (run once a day, after midnight; a case page left without them works its own
    out at its first request)."""
    day = parse_date(on, "--on") or today()
    with _database():
        from misconduct.app import models as m
        from misconduct.app.web.casepage import refresh_steps

        total = m.CasePage.objects.count()
        with _progress() as bar:
            task = bar.add_task("Working out the steps", total=total)
            done = refresh_steps(day, progress=lambda n: bar.advance(task, n))
    click.echo(f"Worked out the steps of {done} cases for {day.isoformat()}.")


@db_group.command("seed")
@click.option(
    "--cases",
    "count",
    type=click.IntRange(1, 10_000_000),
    required=True,
    help="How many synthetic cases to write.",
)
@click.option(
    "--seed",
    "seed",
    type=click.IntRange(0, 1_000_000),
    default=1,
    show_default=True,
    help="Which set of synthetic cases (the same seed gives the same cases).",
)
@click.option(
    "--batch",
    type=click.IntRange(1, 10_000),
    default=None,
    help="Cases written per transaction [default: 2,000, fewer for a small seed so that every "
    "worker has batches to build].",
)
@click.option(
    "--workers",
    type=click.IntRange(0, 64),
    default=2,
    show_default=True,
    help="Processes building the cases while this one writes them (0: build and write here).",
)
@ON_OPTION
@handle_errors
def db_seed(count: int, seed: int, batch: int | None, workers: int, on: str | None) -> None:
    """Write synthetic cases (national proportions of forums, findings and outcomes) through the
    real write path: rules, events, hash chains, ledger and read models, in batched transactions."""
    import time

    from misconduct.app import seeding

    day = parse_date(on, "--on") or today()
    with _database():
        started = time.perf_counter()
        with _progress() as bar:
            task = bar.add_task("Seeding cases", total=count)
            written = seeding.seed(
                count,
                seed,
                day,
                actor="seed",
                clock=_now,
                batch=batch,
                workers=workers,
                progress=lambda n: bar.advance(task, n),
            )
        elapsed = time.perf_counter() - started
        _analyse()
    click.echo(f"Seeded {written} cases in {elapsed:.1f} s ({written / elapsed:,.0f} cases/s).")


def _analyse() -> None:
    """Refresh the database's statistics after a bulk write: without them SQLite picks the force's
    index and sorts every case to show one page, instead of reading the list's index in order."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _progress() -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    return Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )


# -- demo -----------------------------------------------------------------------------------------


@click.command("demo")
@ACTOR_OPTION
@handle_errors
def demo_cmd(actor: str | None) -> None:
    """Load the canonical case and a dozen cases at other stages (cases already loaded are kept)."""
    from misconduct.services.demo import load_demo

    who = _actor(actor)
    with _database():
        loaded = load_demo(_service(who))
    if loaded:
        click.echo(f"Loaded {len(loaded)} cases: " + ", ".join(loaded))
    else:
        click.echo("Demo cases already loaded; nothing changed.")


# -- case -----------------------------------------------------------------------------------------


@click.group("case")
def case_group() -> None:
    """Cases: list, show, export and import."""


@case_group.command("list")
@click.option(
    "--due-within",
    type=str,
    default=None,
    metavar="DAYS",
    help="Only cases with a time limit in the next DAYS days.",
)
@click.option("--overdue", is_flag=True, help="Only cases with an overdue obligation.")
@ON_OPTION
@FORMAT_OPTION
@handle_errors
def case_list(due_within: str | None, overdue: bool, on: str | None, fmt: str) -> None:
    """List cases with their stage, next time limit and anything overdue."""
    from misconduct.services.cases import due_list, dues

    within = _days(due_within)
    day = parse_date(on, "--on") or today()
    with _database():
        summaries = _service().cases()
    chosen = due_list(summaries, day, within=within, overdue=overdue)
    rows = []
    for s in chosen:
        items = dues(s, day)
        late = [d.item for d in items if d.overdue]
        upcoming = [d.item for d in items if not d.overdue and d.item.nature.value != "not_before"]
        rows.append(
            {
                "ref": s.ref,
                "force": s.force,
                "stage": s.stage.value,
                "version": s.version,
                "officers": list(s.officers),
                "next_due": _due_dict(upcoming[0]) if upcoming else None,
                "overdue": [_due_dict(i) for i in late],
            }
        )
    if fmt == "json":
        emit_json({"as_at": day, "cases": rows})
        return
    from rich.table import Table  # (here: ``audit verify`` prints no table and does not import it)

    table = Table(title=f"Cases as at {british(day)}")
    for col in ("ref", "stage", "officers", "next due", "overdue"):
        table.add_column(col)
    for r in rows:
        nxt = r["next_due"]
        table.add_row(
            r["ref"],
            r["stage"].replace("_", " "),
            ", ".join(r["officers"]),
            f"{nxt.get('title') or nxt['step']} by {british(date.fromisoformat(nxt['last_day']))}"
            if nxt
            else "—",
            "; ".join(
                f"{i.get('title') or i['step']} ({british(date.fromisoformat(i['last_day']))})"
                for i in r["overdue"]
            )
            or "—",
        )
    console.print(table)


def _days(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        days = int(value)
    except ValueError:
        raise InvalidInput("--due-within", "a whole number of days, zero or more", value) from None
    if days < 0:
        raise InvalidInput("--due-within", "a whole number of days, zero or more", value)
    return days


def _due_dict(item: Any) -> dict[str, Any]:
    from misconduct.domain.codec import to_plain

    return {**to_plain(item), "last_day": item.last_day.isoformat()}


@case_group.command("show")
@click.argument("ref")
@ON_OPTION
@FORMAT_OPTION
@handle_errors
def case_show(ref: str, on: str | None, fmt: str) -> None:
    """Show a case: its state, its timeline and its time limits."""
    from misconduct.services.cases import case_view, load

    day = parse_date(on, "--on") or today()
    with _database():
        svc = _service()
        with svc.uow() as uow:
            case, records = load(uow, ref)
    view = case_view(case, records, day)
    if fmt == "json":
        emit_json(view)
        return
    _print_case(view, day)


def _print_case(view: dict[str, Any], day: date) -> None:
    d = date.fromisoformat
    console.print(
        f"[bold]{view['ref']}[/bold]  {view['force']}  stage: {view['stage'].replace('_', ' ')}  version {view['version']}"
    )
    console.print(
        f"Came to attention {british(d(view['came_to_attention']))}; {view['source'].replace('_', ' ')}"
    )
    console.print(view["summary"])
    from rich.table import Table

    timeline = Table(title="Timeline")
    for col in ("#", "date", "step", "recorded by"):
        timeline.add_column(col)
    for e in view["timeline"]:
        timeline.add_row(str(e["sequence"]), british(d(e["occurred_on"])), e["label"], e["actor"])
    console.print(timeline)
    limits = Table(title=f"Time limits as at {british(day)}")
    for col in ("step", "citation", "by", "who", "met", "state"):
        limits.add_column(col)
    overdue = {(i["step"], i["trigger"]) for i in view["overdue"]}
    for t in view["time_limits"]:
        last = t["due"] or t["latest"]
        state = (
            "met"
            if t["met_on"]
            else (
                "OVERDUE" if (t["step"], t["trigger"]) in overdue else t["nature"].replace("_", " ")
            )
        )
        limits.add_row(
            t["title"],
            t["citation"],
            british(d(last)),
            t["party"],
            british(d(t["met_on"])) if t["met_on"] else "—",
            state,
        )
    console.print(limits)


@case_group.command("export")
@click.argument("ref")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to a file instead of standard output.",
)
@handle_errors
def case_export(ref: str, output: Path | None) -> None:
    """Export a case as JSON with all its events and their hashes."""
    from misconduct.app import bootstrap
    from misconduct.services.transfer import export_case

    with _database():
        data = export_case(bootstrap.uow_factory(), ref)  # type: ignore[arg-type]
    text = json.dumps(data, indent=2, ensure_ascii=False)
    if output is None:
        click.echo(text)
    else:
        output.write_text(text + "\n", encoding="utf-8")
        click.echo(f"Exported {ref} ({len(data['events'])} events) to {output}")


@case_group.command("import")
@click.argument("file", type=str)
@handle_errors
def case_import(file: str) -> None:
    """Import a case exported by ``case export``; its chain must verify and its reference be new."""
    from misconduct.app import bootstrap
    from misconduct.services.transfer import import_case

    path = Path(file)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput("FILE", "an existing file", file) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(
            "FILE", "a JSON export from `misconduct case export`", f"{file}: {exc}"
        ) from None
    except RecursionError:
        raise InvalidInput(
            "FILE", "a JSON export from `misconduct case export`", f"{file}: nested too deeply"
        ) from None
    with _database():
        try:
            case = import_case(bootstrap.uow_factory(), data)  # type: ignore[arg-type]
        except RecursionError:
            raise InvalidInput("FILE", "a case export", f"{file}: nested too deeply") from None
    click.echo(f"Imported {case.ref} ({case.version} events, stage {case.stage.value})")


# -- audit ----------------------------------------------------------------------------------------


@click.group("audit")
def audit_group() -> None:
    """The tamper-evident event log."""


@audit_group.command("verify")
@click.option(
    "--checkpoint",
    "checkpoint_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A checkpoint written earlier by 'audit checkpoint': prove nothing up to it has changed.",
)
@click.option(
    "--replay",
    is_flag=True,
    default=False,
    help="Also replay every case's events through the rules and compare the result with the "
    "case's stored state and with the lists built from it (case list, time limits, public "
    "register). Much slower.",
)
@click.option(
    "--chain-only",
    is_flag=True,
    default=False,
    hidden=True,
    help="The default check (kept for scripts written before it became the default).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes checking the cases (default: one per CPU core).",
)
@FORMAT_OPTION
@handle_errors
def audit_verify(
    checkpoint_file: Path | None,
    fmt: str,
    replay: bool = False,
    chain_only: bool = False,
    workers: int | None = None,
) -> None:
    """Check that nothing recorded has been changed, removed or added: every case's hash chain
    (each event against its hash, each personal value against its commitment, each evidence file
    against its recorded SHA-256) and the ledger that anchors each case's last event. With
    --replay, also replay each case's events and compare the result with its stored state and
    lists. Report what does not match (exit 7)."""
    import time

    from misconduct.app import readahead

    # First: the kernel reads a SQLite file into memory while the rest starts (Django, the ledger).
    read_ahead = readahead.start()
    from misconduct.app.ledger import Checkpoint

    if replay and chain_only:
        raise InvalidInput("--replay", "either --replay or the default check", "--chain-only too")
    kept = None
    if checkpoint_file is not None:
        try:
            kept = Checkpoint.parse(checkpoint_file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput("checkpoint file", "a readable file", str(checkpoint_file)) from exc
    with _database(cases_only=not replay):  # the replay folds into the web read models
        from misconduct.app.audit import verify_database
        from misconduct.app.evidence import DjangoFileStore

        # Evidence files too: each must still have the SHA-256 its EvidenceAttached event records.
        started = time.perf_counter()
        report = verify_database(
            checkpoint=kept,
            read_file=DjangoFileStore().read,
            workers=workers,
            chain_only=not replay,
        )
        seconds = time.perf_counter() - started
    rate = round(report.events / seconds) if seconds > 0 else 0
    level = "integrity" if report.chain_only else "replay"
    if fmt == "json":
        emit_json(
            {
                "ok": report.ok,
                "cases": report.cases,
                "events": report.events,
                "ledger_entries": report.ledger,
                "keyed": report.keyed,
                "chain_only": report.chain_only,
                "level": level,
                "workers": report.workers,
                "seconds": round(seconds, 3),
                "events_per_second": rate,
                "read_ahead": read_ahead,
                "broken": [{"where": p.where, "problem": p.problem} for p in report.problems],
            }
        )
    else:
        for p in report.problems:
            click.echo(f"BROKEN: {p}")
        if not report.ok:
            verdict = f"{len(report.problems)} problem(s)"
        elif report.chain_only:
            verdict = (
                "every chain and ledger entry verifies (the stored states and lists were not "
                "replayed from the events: add --replay for that)"
            )
        else:
            verdict = "every chain, ledger entry and stored state verifies"
        click.echo(
            f"Checked {report.cases} cases, {report.events} events, "
            f"{report.ledger} ledger entries: {verdict}."
        )
        processes = "process" if report.workers == 1 else "processes"
        click.echo(
            f"Took {seconds:.2f} s ({rate:,} events/s, {report.workers} {processes}, "
            f"{'integrity check' if report.chain_only else 'with replay'})."
        )
    if not report.ok:
        raise SystemExit(7)


@audit_group.command("checkpoint")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@handle_errors
def audit_checkpoint(file: Path) -> None:
    """Write the ledger's length and last chain to FILE (signed with MISCONDUCT_AUDIT_KEY if set):
    keep it outside the database, and give it to 'audit verify --checkpoint' later."""
    with _database():
        from misconduct.app.audit import checkpoint

        kept = checkpoint()
    try:
        file.write_text(json.dumps(kept.as_dict(), indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InvalidInput("FILE", "a file that can be written", str(file)) from exc
    signed = "signed with the audit key" if kept.signature else "unsigned (no audit key set)"
    click.echo(f"Checkpoint at ledger entry {kept.position} written to {file}, {signed}.")


def register(cli: click.Group) -> None:
    for command in (db_group, demo_cmd, case_group, audit_group):
        cli.add_command(command)
