"""Issue 13, finding 3 and 5: errors are logged with their traceback (there was no logging
configuration), and the access line holds no search term, name or query string."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from django.test import Client

from misconduct.app.logs import JsonFormatter


@pytest.fixture
def lines() -> Iterator[io.StringIO]:
    """What the access and request loggers write, formatted as the settings format it."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(JsonFormatter())
    loggers = [logging.getLogger("misconduct.access"), logging.getLogger("django.request")]
    for logger in loggers:
        logger.addHandler(handler)
    yield out
    for logger in loggers:
        logger.removeHandler(handler)


def _records(out: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]


def test_the_access_line_keeps_no_search_term(db: None, lines: io.StringIO) -> None:
    Client().get("/staff/cases/", {"q": "Daniel Marsh 274519"})
    Client().get("/api/cases/", {"q": "Marsh"}, HTTP_AUTHORIZATION="Bearer msc_nothing")
    records = [r for r in _records(lines) if r["message"] == "request"]
    assert [r["path"] for r in records] == ["/staff/cases/", "/api/cases/"]
    assert records[0]["status"] == 302 and records[1]["status"] == 401
    assert "user_id" in records[0] and "duration_ms" in records[0]
    text = lines.getvalue()
    assert "Marsh" not in text and "274519" not in text and "?" not in text


def test_a_server_error_is_logged_with_its_traceback(
    db: None, lines: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    from misconduct.app.web import register

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the register could not be read")

    monkeypatch.setattr(register, "filtered", broken)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    errors = [r for r in _records(lines) if r["level"] == "ERROR"]
    assert errors, lines.getvalue()
    assert "Traceback" in str(errors[0]["traceback"])
    assert "the register could not be read" in str(errors[0]["traceback"])


def test_the_settings_configure_logging_to_standard_error() -> None:
    from django.conf import settings

    assert settings.LOGGING["root"]["handlers"] == ["stderr"]
    assert settings.LOGGING["handlers"]["stderr"]["formatter"] == "json"
