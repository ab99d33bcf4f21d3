"""The settings, read from environment variables: each with a default, a parser and a one-line help.

Works with no configuration at all. A bad value fails loudly, naming the variable, what was expected
and what was received. ``python -m misconduct.app.config`` prints docs/settings.md.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from misconduct.errors import InvalidInput


@dataclass(frozen=True)
class Setting:
    name: str
    help: str
    default: str
    parse: Callable[[str, Mapping[str, str]], Any]

    def value(self, env: Mapping[str, str]) -> Any:
        raw = env.get(self.name)
        return self.parse(self.default if raw is None else raw, env)


def _bool(raw: str, env: Mapping[str, str], name: str = "") -> bool:
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise InvalidInput(name, "one of true, false, 1, 0, yes, no, on, off", raw)


def _positive_int(name: str) -> Callable[[str, Mapping[str, str]], int]:
    def parse(raw: str, env: Mapping[str, str]) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise InvalidInput(name, "a whole number of at least 1", raw) from None
        if value < 1:
            raise InvalidInput(name, "a whole number of at least 1", raw)
        return value

    return parse


def _at_least(name: str, low: int, unit: str) -> Callable[[str, Mapping[str, str]], int]:
    def parse(raw: str, env: Mapping[str, str]) -> int:
        expected = f"a whole number of {unit}, at least {low}"
        try:
            value = int(raw)
        except ValueError:
            raise InvalidInput(name, expected, raw) from None
        if value < low:
            raise InvalidInput(name, expected, raw)
        return value

    return parse


def data_dir(raw: str, env: Mapping[str, str]) -> Path:
    if raw:
        return Path(raw).expanduser()
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "misconduct"


def database(raw: str, env: Mapping[str, str]) -> dict[str, Any]:
    """A Django DATABASES entry from a URL: ``sqlite:///path`` or ``postgres://user:pw@host:port/db``."""
    timeout = SETTINGS["MISCONDUCT_SQLITE_BUSY_TIMEOUT"].value(env)
    if not raw:
        path = SETTINGS["MISCONDUCT_DATA_DIR"].value(env) / "misconduct.sqlite3"
        return _sqlite(str(path), timeout, env)
    expected = "sqlite:///PATH, sqlite:///:memory: or postgres://USER:PASSWORD@HOST:PORT/NAME"
    try:
        url = urlsplit(raw)
        port = url.port
    except ValueError:
        raise InvalidInput("DATABASE_URL", expected, raw) from None
    if url.scheme == "sqlite":
        path = unquote(url.path[1:] if url.path.startswith("/") else url.path)
        if not path or url.netloc:
            raise InvalidInput("DATABASE_URL", expected, raw)
        return _sqlite(path, timeout, env)
    if url.scheme in ("postgres", "postgresql", "pgsql"):
        name = unquote(url.path.lstrip("/"))
        if not name or not url.hostname:
            raise InvalidInput("DATABASE_URL", expected, raw)
        return {
            "ENGINE": "misconduct.app.pgbackend",
            "NAME": name,
            "USER": unquote(url.username or ""),
            "PASSWORD": unquote(url.password or ""),
            "HOST": url.hostname,
            "PORT": str(port or ""),
            # Persistent connections: a worker keeps its connection between requests (checked
            # before reuse) instead of opening one per request. The backend is Django's with a
            # check that asks the server only if something arrived on the idle connection
            # (issue 10: Django's asks ``SELECT 1`` at every request).
            "CONN_MAX_AGE": SETTINGS["MISCONDUCT_DB_CONN_MAX_AGE"].value(env),
            "CONN_HEALTH_CHECKS": True,
        }
    raise InvalidInput("DATABASE_URL", expected, raw)


def _sqlite(path: str, timeout: int, env: Mapping[str, str]) -> dict[str, Any]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "CONN_MAX_AGE": SETTINGS["MISCONDUCT_DB_CONN_MAX_AGE"].value(env),
        "OPTIONS": {
            "timeout": timeout,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


def _hosts(raw: str, env: Mapping[str, str]) -> list[str]:
    hosts = [h.strip() for h in raw.split(",") if h.strip()]
    if not hosts:
        raise InvalidInput("MISCONDUCT_ALLOWED_HOSTS", "a comma-separated list of host names", raw)
    return hosts


def _text(name: str) -> Callable[[str, Mapping[str, str]], str]:
    def parse(raw: str, env: Mapping[str, str]) -> str:
        if not raw.strip():
            raise InvalidInput(name, "a non-empty value", raw)
        return raw

    return parse


def _time_zone(raw: str, env: Mapping[str, str]) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(
            "MISCONDUCT_TIME_ZONE", "an IANA time zone such as Europe/London", raw
        ) from None
    return raw


_SETTINGS = (
    Setting(
        "MISCONDUCT_DATA_DIR",
        "Folder for the default SQLite database; default $XDG_DATA_HOME/misconduct or ~/.local/share/misconduct.",
        "",
        data_dir,
    ),
    Setting(
        "DATABASE_URL",
        "sqlite:///PATH or postgres://USER:PASSWORD@HOST:PORT/NAME; default a SQLite file in the data folder.",
        "",
        database,
    ),
    Setting(
        "MISCONDUCT_SQLITE_BUSY_TIMEOUT",
        "Seconds SQLite waits for a lock held by another writer before failing.",
        "5",
        _positive_int("MISCONDUCT_SQLITE_BUSY_TIMEOUT"),
    ),
    Setting(
        "MISCONDUCT_DB_CONN_MAX_AGE",
        "Seconds a web worker keeps its database connection open between requests (checked before reuse).",
        "600",
        _positive_int("MISCONDUCT_DB_CONN_MAX_AGE"),
    ),
    Setting(
        "MISCONDUCT_READ_REPLICA_URL",
        "Optional postgres:// URL of a read replica; the public register, feed and API read their records from it.",
        "",
        lambda raw, env: database(raw, env) if raw else None,
    ),
    Setting(
        "MISCONDUCT_SECRET_KEY",
        "Django's signing key; the default is for development only: set it for any shared deployment.",
        "misconduct-development-only-key-change-me",
        _text("MISCONDUCT_SECRET_KEY"),
    ),
    Setting(
        "MISCONDUCT_DEBUG",
        "Django debug pages (true or false); never true in production.",
        "false",
        lambda raw, env: _bool(raw, env, "MISCONDUCT_DEBUG"),
    ),
    Setting(
        "MISCONDUCT_ALLOWED_HOSTS",
        "Comma-separated host names the web application answers to.",
        "localhost,127.0.0.1",
        _hosts,
    ),
    Setting(
        "MISCONDUCT_EVIDENCE_DIR",
        "Folder for evidence files (kept by SHA-256) with the default local storage; default the evidence folder in the data folder.",
        "",
        lambda raw, env: (
            Path(raw).expanduser()
            if raw
            else SETTINGS["MISCONDUCT_DATA_DIR"].value(env) / "evidence"
        ),
    ),
    Setting(
        "MISCONDUCT_EVIDENCE_MAX_MB",
        "Largest evidence file accepted, in megabytes.",
        "200",
        _positive_int("MISCONDUCT_EVIDENCE_MAX_MB"),
    ),
    Setting(
        "MISCONDUCT_EVIDENCE_STORAGE",
        "Django storage class for evidence files: the local folder by default; `storages.backends.s3.S3Storage` (django-storages, `pip install 'misconduct[s3]'`) for an S3-compatible store.",
        "django.core.files.storage.FileSystemStorage",
        _text("MISCONDUCT_EVIDENCE_STORAGE"),
    ),
    Setting(
        "MISCONDUCT_EVIDENCE_S3_BUCKET",
        "With the S3 storage: the bucket (credentials from the usual AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).",
        "",
        lambda raw, env: raw.strip(),
    ),
    Setting(
        "MISCONDUCT_EVIDENCE_S3_ENDPOINT",
        "With the S3 storage: the endpoint URL of an S3-compatible service (empty for AWS itself).",
        "",
        lambda raw, env: raw.strip(),
    ),
    Setting(
        "MISCONDUCT_TIME_ZONE",
        "Time zone for displaying recorded times (stored in UTC).",
        "Europe/London",
        _time_zone,
    ),
    # Retention (issue 13): docs/retention.md sets these against the Data Protection Act 2018.
    Setting(
        "MISCONDUCT_PUBLICATION_DAYS",
        "Days a published hearing outcome stays up after the day of publication (at least 28, SI 2020/4 reg 43); then `misconduct retention run` takes it down.",
        "28",
        _at_least("MISCONDUCT_PUBLICATION_DAYS", 28, "days"),
    ),
    Setting(
        "MISCONDUCT_PUBLICATION_WARNING_DAYS",
        "Days before a take-down or an erasure that `misconduct retention run` lists it as coming (and the erasure is a task).",
        "7",
        _at_least("MISCONDUCT_PUBLICATION_WARNING_DAYS", 0, "days"),
    ),
    Setting(
        "MISCONDUCT_RETENTION_CLOSED_CASE_YEARS",
        "Years after closure that a case's personal data are kept before `misconduct retention run --erase` erases them (its chain keeps only commitments, and still verifies); 0 never erases. A force's policy, not a period set by law.",
        "0",
        _at_least("MISCONDUCT_RETENTION_CLOSED_CASE_YEARS", 0, "years"),
    ),
)
_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def _level(raw: str, env: Mapping[str, str]) -> str:
    if raw.strip().upper() not in _LEVELS:
        raise InvalidInput("MISCONDUCT_LOG_LEVEL", "one of " + ", ".join(_LEVELS), raw)
    return raw.strip().upper()


_SETTINGS += (
    Setting(
        "MISCONDUCT_LOG_LEVEL",
        "Least severe log lines written (JSON, one a line, on standard error): DEBUG, INFO, WARNING or ERROR.",
        "INFO",
        _level,
    ),
    Setting(
        "MISCONDUCT_HTTPS",
        "Served over TLS (true or false): Secure cookies, HSTS for a year, redirect to HTTPS, trust X-Forwarded-Proto.",
        "false",
        lambda raw, env: _bool(raw, env, "MISCONDUCT_HTTPS"),
    ),
    Setting(
        "MISCONDUCT_SESSION_IDLE_MINUTES",
        "Minutes without a request after which a staff session ends.",
        "30",
        _positive_int("MISCONDUCT_SESSION_IDLE_MINUTES"),
    ),
    Setting(
        "MISCONDUCT_LOGIN_FAILURE_LIMIT",
        "Failed sign-ins for one username before it is locked out.",
        "5",
        _positive_int("MISCONDUCT_LOGIN_FAILURE_LIMIT"),
    ),
    Setting(
        "MISCONDUCT_LOCKOUT_MINUTES",
        "Minutes a locked-out username must wait before trying again.",
        "15",
        _positive_int("MISCONDUCT_LOCKOUT_MINUTES"),
    ),
    Setting(
        "MISCONDUCT_AUDIT_KEY",
        "Secret for the ledger's keyed hashes and signed checkpoints (HMAC-SHA-256); empty for none. Keep it out of the database.",
        "",
        lambda raw, env: raw,
    ),
)

SETTINGS = {s.name: s for s in _SETTINGS}


def load(env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Every setting's value from ``env`` (default: the process environment)."""
    source = os.environ if env is None else env
    return {s.name: s.value(source) for s in _SETTINGS}


def settings_markdown() -> str:
    lines = [
        "# Settings",
        "",
        "<!-- Generated by `python -m misconduct.app.config`; a test fails when this file is stale. -->",
        "",
        "Every setting is an environment variable. With none set, the application uses a SQLite file in",
        "the user's data folder. A bad value stops the program with a message naming the variable.",
        "",
        "| Variable | Default | Meaning |",
        "| --- | --- | --- |",
    ]
    for s in _SETTINGS:
        default = f"`{s.default}`" if s.default else "(computed)"
        lines.append(f"| `{s.name}` | {default} | {s.help} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(settings_markdown(), end="")
