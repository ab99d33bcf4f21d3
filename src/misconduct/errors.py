"""The project's error hierarchy: one root, structured fields, messages that say expected vs received.

Every layer raises these; the edges (CLI, HTTP) map them to exit codes and status codes in one place.
"""

from __future__ import annotations

from datetime import date
from typing import Any


class MisconductError(Exception):
    """Root of every error the project raises on purpose."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        expected: str | None = None,
        received: Any = None,
        citation: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.expected = expected
        self.received = received
        self.citation = citation

    def __str__(self) -> str:
        parts = [self.message]
        if self.citation:
            parts.append(f"({self.citation})")
        return " ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        return {
            "error": type(self).__name__,
            "message": self.message,
            "field": self.field,
            "expected": self.expected,
            "received": None if self.received is None else str(self.received),
            "citation": self.citation,
        }


class InvalidInput(MisconductError):
    """A value given by a user or a file is not of the expected form."""

    exit_code = 2

    def __init__(self, field: str, expected: str, received: Any, *, hint: str = "") -> None:
        message = f"{field}: expected {expected}, received {received!r}"
        if hint:
            message += f"; {hint}"
        super().__init__(message, field=field, expected=expected, received=received)


class RuleViolation(MisconductError):
    """The facts are well formed but the law does not allow the combination."""

    exit_code = 3

    def __init__(
        self,
        message: str,
        *,
        citation: str,
        field: str | None = None,
        provision_id: str | None = None,
        on: date | None = None,
    ) -> None:
        super().__init__(message, field=field, citation=citation)
        self.provision_id = provision_id
        self.on = on


class NotModelled(MisconductError):
    """The question is outside what the rules encode (e.g. a date before the regime modelled)."""

    exit_code = 4

    def __init__(self, message: str, *, provision_id: str | None = None, **fields: Any) -> None:
        super().__init__(message, **fields)
        self.provision_id = provision_id


class RuleDataError(MisconductError):
    """A parameter or provision file is malformed: a missing reference, an unknown key, a bad date."""

    exit_code = 5


class Conflict(MisconductError):
    """A write was based on a stale version of the record."""

    exit_code = 6
