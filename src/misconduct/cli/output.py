"""Output for the CLI: JSON for scripts, Rich for people, and the one place errors become exit codes."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any, TypeVar

import click
from rich.console import Console

from misconduct.domain import dates
from misconduct.errors import InvalidInput, MisconductError

F = TypeVar("F", bound=Callable[..., Any])

console = Console(highlight=False, soft_wrap=False)

FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for scripts.",
)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=_default))


def _default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def handle_errors(func: F) -> F:
    """Turn project errors into a one-line message on stderr and the error's exit code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MisconductError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(option, "a date in the form YYYY-MM-DD", value) from None


def british(day: date | None) -> str:
    """Dates the British way (20 January 2025), and a dash for none."""
    return "—" if day is None else dates.british(day)


def today() -> date:
    """The CLI is the edge where the clock may be read."""
    return date.today()
