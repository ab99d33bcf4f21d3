"""Test configuration: Django for the tests that use a database, and a second database on PostgreSQL.

Pure tests (rules, assessment, domain, services with fakes) never touch a database. Tests that take
the ``alias`` fixture run once on SQLite and once on PostgreSQL at MISCONDUCT_TEST_POSTGRES_URL
(default postgres://postgres@127.0.0.1:5432/test). Without a reachable server the PostgreSQL runs are
skipped with the reason, unless CI is set, when they fail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

POSTGRES_URL = os.environ.get(
    "MISCONDUCT_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test"
)


def _postgres_problem() -> str | None:
    try:
        import psycopg

        with psycopg.connect(
            POSTGRES_URL.replace("postgres://", "postgresql://", 1), connect_timeout=2
        ):
            return None
    except Exception as exc:  # any failure to connect is reported, not raised
        return (
            f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
        )


POSTGRES_PROBLEM = _postgres_problem()


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings as django_settings

    # The test client's login() authenticates without a request, which the lockout (django-axes)
    # needs; tests/app/test_security.py turns it back on to test it through the login page.
    django_settings.AXES_ENABLED = False
    # Argon2 is the production hasher; the suite creates hundreds of users, so it hashes with MD5
    # (Django's own advice for tests). Servers started by the browser tests keep the real setting.
    django_settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if POSTGRES_PROBLEM is None:
        from django.conf import settings
        from django.db import connections

        from misconduct.app.config import database

        settings.DATABASES["postgres"] = database(POSTGRES_URL, os.environ)
        # A test database of this run's own, so that two runs on one machine (two developers, or a
        # developer and CI) never drop or reuse each other's.
        settings.DATABASES["postgres"]["TEST"] = {"NAME": f"test_misconduct_{os.getpid()}"}
        # Let the connection handler fill in defaults (TEST, OPTIONS...) for the new alias.
        connections._settings = None
        connections.__dict__.pop("settings", None)


@pytest.fixture(params=["default", "postgres"], ids=["sqlite", "postgresql"])
def alias(request: pytest.FixtureRequest) -> str:
    """A database alias; the PostgreSQL run is skipped (or fails under CI) without a server."""
    if request.param == "postgres" and POSTGRES_PROBLEM is not None:
        message = f"PostgreSQL not reachable at {POSTGRES_URL}: {POSTGRES_PROBLEM}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return str(request.param)


def forget_kept_pages() -> None:
    """Counts and pages kept per process are keyed by the newest event; test databases are rolled
    back between tests, so what one test kept must not be served to the next."""
    import sys

    store = sys.modules.get("misconduct.app.web.store")
    if store is not None:
        store._counted.clear()
    public = sys.modules.get("misconduct.app.web.views.public")
    if public is not None:
        public._rendered.clear()


@pytest.fixture(autouse=True)
def _forget_kept_pages() -> Iterator[None]:
    yield
    forget_kept_pages()


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup: None, django_db_blocker: Any) -> Any:
    """The demo cases loaded once per session through the write path, in a transaction rolled back,
    and the rows that wrote kept: the ``demo`` fixture writes them again into each test's own
    transaction instead of loading every case again (tests/snapshot.py)."""
    from tests.app.web.fixtures import DemoSnapshot

    with django_db_blocker.unblock():
        snapshot = DemoSnapshot.record("default")
    forget_kept_pages()
    return snapshot
