"""``misconduct ingest``: read published outcomes (text, HTML, PDF) into one record per officer."""

from __future__ import annotations

import difflib
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from misconduct.cli.output import FORMAT_OPTION, british, console, emit_json, handle_errors
from misconduct.domain.forces import FORCES
from misconduct.errors import InvalidInput
from misconduct.ingest import DEFAULT_THRESHOLD, FIELDS, Extraction, Field, extract
from misconduct.ingest.sources import files_in, read_text

_FORCE_NAMES = {f.code: f.name for f in FORCES}


def _show(value: Any, field: str = "") -> str:
    """A value in words for the table (``--format json`` keeps the codes): a force by its name, a
    date as people write it (5 May 2023)."""
    if value is None:
        return "—"
    if field == "force" and value in _FORCE_NAMES:
        return _FORCE_NAMES[value]
    if field == "hearing_date" and isinstance(value, str):
        try:
            return british(date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, list):
        return ", ".join(str(v).replace("_", " ") for v in value) or "none named"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).replace("_", " ")


_EVIDENCE_SHOWN = 70
"""The characters of evidence the table shows (``--format json`` gives the whole span)."""


def _evidence_cell(f: Field) -> str:
    """The words a value was read from, a long span cut between words; or, when there are none,
    the note saying why, whole (it is the reason a field waits for review)."""
    if f.evidence is None:
        return f.note or ""
    text = f.evidence.text
    if len(text) <= _EVIDENCE_SHOWN:
        return text
    return text[:_EVIDENCE_SHOWN].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _print(ex: Extraction, threshold: float) -> None:
    if ex.refused:
        console.print(f"[bold]{ex.source}[/bold]: refused. {ex.refused}")
        return
    console.print(f"[bold]{ex.source}[/bold]: {len(ex.records)} officer(s)")
    for w in ex.warnings:
        console.print(f"  warning: {w}")
    for rec in ex.records:
        table = Table(
            title=rec.label if rec.value("anonymised") else (rec.name or rec.label),
            title_justify="left",
        )
        for col in ("field", "value", "confidence", "evidence"):
            table.add_column(col)
        for name in FIELDS:
            f = rec.fields[name]
            conf = f"{f.confidence:.2f}" + (" review" if f.confidence < threshold else "")
            table.add_row(name.replace("_", " "), _show(f.value, name), conf, _evidence_cell(f))
        console.print(table)


def _address(path: Path) -> str | None:
    """The address a notice was published at, from a ``<file>.url`` beside it, if there is one."""
    sidecar = path.with_name(path.name + ".url")
    if sidecar.is_file():
        return sidecar.read_text(encoding="utf-8").strip() or None
    return None


def _publisher(code: str) -> None:
    """The ``--publisher`` given is a force code; an error names the option and the codes that
    look like what was typed ("devon" → devon_and_cornwall)."""
    if code in {f.code for f in FORCES}:
        return
    typed = code.strip().lower().replace(" ", "_").replace("-", "_")
    near = [f.code for f in FORCES if typed and (typed in f.code or typed in f.name.lower())]
    near = near or difflib.get_close_matches(typed, [f.code for f in FORCES], n=3)
    raise InvalidInput(
        "--publisher",
        "a force code such as kent, metropolitan or devon_and_cornwall",
        code,
        hint=f"did you mean {' or '.join(near)}?"
        if near
        else "the codes are " + ", ".join(f.code for f in FORCES),
    )


def register(cli: click.Group) -> None:
    @cli.command("ingest")
    @click.argument("path", metavar="FILE|DIR", type=click.Path(path_type=Path))
    @click.option(
        "--source-url",
        default=None,
        help="The address the texts were published at (their provenance); a file NOTICE.txt.url "
        "beside a notice gives that notice's own address.",
    )
    @click.option(
        "--publisher",
        default=None,
        metavar="FORCE",
        help="The force that published the text (a force code such as kent), used when "
        "the text names none.",
    )
    @click.option(
        "--licence",
        default="verify",
        help="The licence of the source, e.g. 'OGL v3.0' (kept with the records).",
    )
    @click.option(
        "--threshold",
        default=DEFAULT_THRESHOLD,
        show_default=True,
        type=float,
        help="Fields below this confidence go to the review queue.",
    )
    @click.option(
        "--save",
        is_flag=True,
        help="Store the records in the register's database (uncertain ones for review).",
    )
    @FORMAT_OPTION
    @handle_errors
    def ingest(
        path: Path,
        source_url: str | None,
        publisher: str | None,
        licence: str,
        threshold: float,
        save: bool,
        fmt: str,
    ) -> None:
        """Read published outcome notices or news reports (plain text, HTML or PDF) into one record
        per officer: force, rank, status, forum, finding, Standards, outcome, warning period,
        hearing date, decision maker and whether the officer is anonymised, each with the span of
        text it was read from and a confidence. Texts that are not misconduct outcomes are refused
        with the reason."""
        if publisher is not None:
            _publisher(publisher)
        if not 0 <= threshold <= 1:
            raise InvalidInput("--threshold", "a number from 0 to 1", threshold)
        files = files_in(path)
        if not files:
            raise InvalidInput("FILE|DIR", "a folder holding .txt, .html or .pdf files", str(path))
        urls = {f: _address(f) or source_url for f in files}
        results = [
            extract(read_text(f), source=str(f), source_url=urls[f], publisher=publisher)
            for f in files
        ]
        saved = ""
        if save:
            from misconduct.cli.cases import _database

            with _database():
                from misconduct.app.register.store import store_texts

                done = store_texts(
                    ((f.name, ex, urls[f]) for f, ex in zip(files, results, strict=True)),
                    licence=licence,
                    threshold=threshold,
                )
            published, pending, repeats = done.published, done.pending, done.repeats
            no_address = done.no_address
            saved = (
                f"Saved {published + pending} officer record(s): {published} published in the "
                f"register, {pending} waiting in the review queue for a person to check their uncertain "
                "fields at "
                "/staff/register/review/ (start the web application with `misconduct serve`)."
            )
            if repeats:
                saved += "\n" + "\n".join(repeats)
            if no_address:
                saved += (
                    f"\n{no_address} text(s) had no address (--source-url, or a NOTICE.txt.url file "
                    "beside the notice): the register shows their file name as the source."
                )
        if fmt == "json":
            emit_json([{**ex.as_dict(), "text": ex.text} for ex in results])
            if save:  # what was stored, on standard error, so that standard output stays JSON
                click.echo(saved, err=True)
        else:
            for ex in results:
                _print(ex, threshold)
            if save:
                console.print(saved, soft_wrap=True)
        if all(ex.refused for ex in results):
            sys.exit(2)

    @cli.group("register")
    def register_group() -> None:
        """The national register of published outcomes."""

    @register_group.command("sync")
    @click.option("--on", "on", metavar="DATE", help="As-at date (YYYY-MM-DD); default today.")
    @handle_errors
    def sync(on: str | None) -> None:
        """Bring this system's own published outcomes into the register, read through the public
        projection (anonymity orders and redaction apply as on the public pages)."""
        from misconduct.cli.cases import _database
        from misconduct.cli.output import parse_date, today

        day = parse_date(on, "--on") or today()
        with _database():
            from misconduct.app.register.store import sync_system

            report = sync_system(day)
        console.print(report.said(), soft_wrap=True)

    def _record_change(record_id: int, reason: str, actor: str | None, action: str) -> None:
        """Withdraw or restore a record as an administrator (the command line's operator runs the
        deployment), named in the review log by ``--actor`` or the login name."""
        from misconduct.cli.cases import _actor, _database

        who = _actor(actor)
        with _database():
            from misconduct.app.register import store
            from misconduct.app.register.models import Record
            from misconduct.app.register.reviewers import Reviewer, reason_kept_for

            change = store.withdraw if action == "withdraw" else store.restore
            try:
                record = change(record_id, reviewer=Reviewer(who, admin=True), reason=reason)
            except Record.DoesNotExist:
                raise InvalidInput(
                    "ID", "the number of a record of the register", record_id
                ) from None
        what = f"Record {record.pk} ({record.label}, {record.force_name or 'force not known'})"
        if action == "withdraw":
            said = (
                f"{what} is withdrawn from the public register, its exports, feed and plots. "
                + reason_kept_for(record.force)
            )
        elif record.published:
            said = f"{what} is restored: it is back in the public register."
        else:
            said = (
                f"{what} is restored to the review queue: it enters the public register once "
                "every field is decided."
            )
        console.print(said, soft_wrap=True)

    actor_option = click.option(
        "--actor",
        default=None,
        help="Who is making the change (kept in the register's review log); default the login name.",
    )
    reason_option = click.option(
        "--reason",
        required=True,
        help="Why (required; kept in the record's review log, never shown to the public).",
    )

    @register_group.command("withdraw")
    @click.argument("record_id", metavar="ID", type=int)
    @reason_option
    @actor_option
    @handle_errors
    def withdraw(record_id: int, reason: str, actor: str | None) -> None:
        """Withdraw record ID (a record read from a notice) from the public register, with a
        reason: a notice the force withdrew, a wrong match, a legal request."""
        _record_change(record_id, reason, actor, "withdraw")

    @register_group.command("restore")
    @click.argument("record_id", metavar="ID", type=int)
    @reason_option
    @actor_option
    @handle_errors
    def restore(record_id: int, reason: str, actor: str | None) -> None:
        """Restore withdrawn record ID, with a reason: back to the public register, or to the review
        queue if a field still awaits a decision."""
        _record_change(record_id, reason, actor, "restore")
