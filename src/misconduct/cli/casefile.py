"""``misconduct case open``, ``case step``, ``case attach``, ``user add``, ``token create`` and
``remind``: the working case file from the command line, over the same services as the web and API."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

import click

from misconduct.cli.cases import ACTOR_OPTION, _actor, _database, _service
from misconduct.cli.output import FORMAT_OPTION, emit_json, handle_errors, today
from misconduct.errors import InvalidInput


def read_data_file(file: str, option: str = "FILE") -> Any:
    """A TOML or JSON file (by its suffix; JSON if unsure), or an error naming the file."""
    path = Path(file)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInput(option, "an existing file", file) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(option, "a readable UTF-8 text file", f"{file}: {exc}") from None
    try:
        if path.suffix.lower() == ".toml":
            return tomllib.loads(text)
        return json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        kind = "TOML" if path.suffix.lower() == ".toml" else "JSON"
        raise InvalidInput(option, f"a {kind} file", f"{file}: {exc}") from None


def _data_option(value: str) -> Any:
    """``--data`` as inline JSON, or ``@FILE`` (TOML or JSON)."""
    if value.startswith("@"):
        return read_data_file(value[1:], "--data")
    try:
        return json.loads(value)
    except json.JSONDecodeError as exc:
        raise InvalidInput("--data", "a JSON object, or @FILE", f"{value}: {exc}") from None


def _emit_case(ref: str, fmt: str, message: str) -> None:
    from misconduct.services.cases import case_view, load

    svc = _service()
    with svc.uow() as uow:
        case, records = load(uow, ref)
    if fmt == "json":
        emit_json(case_view(case, records, today()))
    else:
        click.echo(message)


@click.command("open")
@click.argument("file")
@ACTOR_OPTION
@FORMAT_OPTION
@handle_errors
def case_open(file: str, actor: str | None, fmt: str) -> None:
    """Open a case from FILE (TOML or JSON, the format in docs/intake.md); prints its reference."""
    from misconduct.services.intake import open_case

    data = read_data_file(file)
    with _database():
        case = open_case(_service(_actor(actor)), data)
        _emit_case(
            case.ref, fmt, f"Opened {case.ref} ({case.force}, {len(case.officers)} officer(s))"
        )


@click.command("step")
@click.argument("ref")
@click.argument("step")
@click.option(
    "--data",
    "data",
    default="{}",
    metavar="JSON|@FILE",
    help="The step's fields as a JSON object, or @FILE (TOML or JSON); `on` is the legal date.",
)
@click.option("--version", "version", type=int, default=None, help="The case version you saw.")
@ACTOR_OPTION
@FORMAT_OPTION
@handle_errors
def case_step(
    ref: str, step: str, data: str, version: int | None, actor: str | None, fmt: str
) -> None:
    """Take lifecycle STEP on case REF (the steps of GET /api/cases/REF/steps), with the same
    checks as the web form and the API."""
    from misconduct.app.stepinput import command_from, version_of
    from misconduct.app.web.steps import step_named

    values = _data_option(data)
    if not isinstance(values, dict):
        raise InvalidInput("--data", "a JSON object of the step's fields", values)
    if version is not None:
        values = {**values, "version": version}
    the_step = step_named(step)
    with _database():
        svc = _service(_actor(actor))
        case = svc.case(ref)
        command = command_from(the_step, case, values)
        updated = svc.execute(ref, command, expected_version=version_of(values))
        _emit_case(ref, fmt, f"{ref}: {the_step.label} recorded (version {updated.version})")


@click.command("correct")
@click.argument("ref")
@click.argument("sequence", type=int)
@click.argument("step")
@click.option(
    "--data", "data", default="{}", metavar="JSON|@FILE", help="The step as it should have been."
)
@click.option("--reasons", required=True, help="Why the step is corrected.")
@click.option("--version", "version", type=int, default=None, help="The case version you saw.")
@ACTOR_OPTION
@FORMAT_OPTION
@handle_errors
def case_correct(
    ref: str,
    sequence: int,
    step: str,
    data: str,
    reasons: str,
    version: int | None,
    actor: str | None,
    fmt: str,
) -> None:
    """Correct event SEQUENCE of case REF by STEP as it should have been; the original stays."""
    from misconduct.app.stepinput import command_from
    from misconduct.app.web.steps import step_named
    from misconduct.services.corrections import correct

    values = _data_option(data)
    if not isinstance(values, dict):
        raise InvalidInput("--data", "a JSON object of the step's fields", values)
    the_step = step_named(step)
    with _database():
        svc = _service(_actor(actor))
        command = command_from(the_step, svc.case(ref), values)
        fixed = correct(svc, ref, sequence, reasons, command, expected_version=version)
        _emit_case(ref, fmt, f"{ref}: event {sequence} corrected (version {fixed.version})")


@click.command("attach")
@click.argument("ref")
@click.argument("file")
@click.option("--step", default="", help="The lifecycle step the file belongs to (a step id).")
@click.option("--title", default="", help="What the file is; default its file name.")
@click.option(
    "--on", "on", metavar="DATE", help="The date it was received (YYYY-MM-DD); default today."
)
@ACTOR_OPTION
@FORMAT_OPTION
@handle_errors
def case_attach(
    ref: str, file: str, step: str, title: str, on: str | None, actor: str | None, fmt: str
) -> None:
    """Attach FILE (PDF, DOCX, image, audio or video) to case REF; its SHA-256 goes in the chain."""
    from misconduct.app.evidence import DjangoFileStore, limit
    from misconduct.app.web.steps import BY_ID
    from misconduct.cli.output import parse_date
    from misconduct.services.evidence import Upload, attach

    path = Path(file)
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput("FILE", "an existing file", file) from None
    except OSError as exc:
        raise InvalidInput("FILE", "a readable file", f"{file}: {exc}") from None
    if step and step not in BY_ID:
        raise InvalidInput("--step", "one of " + ", ".join(BY_ID), step)
    with _database():
        case = attach(
            _service(_actor(actor)),
            DjangoFileStore(),
            ref,
            Upload(path.name, content, title, step),
            on=parse_date(on, "--on"),
            limit=limit(),
        )
        held = case.evidence[-1].evidence
        _emit_case(
            ref, fmt, f"{ref}: attached {held.title!r} ({held.media_type}, SHA-256 {held.sha256})"
        )


# -- users and tokens -----------------------------------------------------------------------------


@click.group("user")
def user_group() -> None:
    """Staff users (for deployment; the Django admin does the same)."""


@user_group.command("add")
@click.argument("username")
@click.option("--force", "forces", multiple=True, help="A force code (repeatable).")
@click.option(
    "--role",
    "roles",
    multiple=True,
    help="case_officer, appropriate_authority, chair or viewer (repeatable).",
)
@click.option(
    "--admin",
    is_flag=True,
    help="Make the user an administrator: the Django admin (users, roles, forces, tokens) and "
    "every force's records of the register; no case work unless a role is also given.",
)
@click.option("--name", default="", help="The user's full name (a chair is matched by it).")
@click.option("--email", default="", help="Where reminders are sent.")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read a password from standard input; "
    "without it the user cannot sign in to the web pages until one is set.",
)
@handle_errors
def user_add(
    username: str,
    forces: tuple[str, ...],
    roles: tuple[str, ...],
    admin: bool,
    name: str,
    email: str,
    password_stdin: bool,
) -> None:
    """Create USERNAME (or add to an existing user) with each ROLE in each FORCE, or as an
    administrator (--admin), or both."""
    # sys.stdin, not click.get_text_stream (deprecated in Click 8.3)
    password = sys.stdin.read().strip() if password_stdin else None
    with _database():
        # Imported once Django is set up: the accounts module reads the user model.
        from misconduct.app.accounts import add_user

        added = add_user(username, forces, roles, name, email, password, admin=admin)
    verb = "Created" if added.created else "Updated"
    if not admin:
        click.echo(f"{verb} {username}: " + ", ".join(added.grants))
        return
    roles_held = f" Roles: {', '.join(added.grants)}." if added.grants else " No case work."
    click.echo(
        f"{verb} {username} as an administrator: the Django admin at /admin/ and every force's "
        f"records of the register.{roles_held}"
    )
    if not added.can_sign_in:
        click.echo(
            f"{username} has no password yet, so cannot sign in: add --password-stdin to set one."
        )


@click.group("token")
def token_group() -> None:
    """API tokens."""


@token_group.command("create")
@click.argument("username")
@click.option("--name", default="command line", help="What the token is for.")
@handle_errors
def token_create(username: str, name: str) -> None:
    """Make an API token for USERNAME and print it once (only its hash is kept)."""
    with _database():
        from misconduct.app.accounts import issue_token

        token = issue_token(username, name)
    click.echo(token)


@click.command("remind")
@click.option("--on", "on", metavar="DATE", help="As-at date (YYYY-MM-DD); default today.")
@click.option(
    "--within",
    default=5,
    show_default=True,
    type=click.IntRange(0, 60),
    help="Also remind of items due within this many working days.",
)
@handle_errors
def remind(on: str | None, within: int) -> None:
    """Email each assigned person their overdue, soon-due and awaited items (for cron)."""
    from misconduct.app.reminders import send
    from misconduct.cli.output import parse_date

    day = parse_date(on, "--on") or today()
    with _database():
        sent = send(day, within)
    for username, where, count in sent:
        click.echo(f"{username}: {count} item(s) -> {where}")
    if not sent:
        click.echo("Nothing due or awaited for anyone assigned.")


def register(cli: click.Group) -> None:
    group = cli.commands["case"]
    assert isinstance(group, click.Group)
    for command in (case_open, case_step, case_attach, case_correct):
        group.add_command(command)
    for top in (user_group, token_group, remind):
        cli.add_command(top)
