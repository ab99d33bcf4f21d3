"""The one place where errors become HTTP responses, in one shape: error, message, field, expected,
received, citation.

Project errors (``misconduct.errors``) map by class to a status; request validation, authentication,
missing objects and denied access use the same shape, so a client parses one kind of error body.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from misconduct.app.roles import AccessDenied
from misconduct.errors import (
    Conflict,
    InvalidInput,
    MisconductError,
    NotModelled,
    RuleDataError,
    RuleViolation,
)

STATUS: tuple[tuple[type[MisconductError], int], ...] = (
    (InvalidInput, 422),
    (RuleViolation, 422),
    (NotModelled, 422),
    (Conflict, 409),
    (AccessDenied, 403),
    (RuleDataError, 500),
)
"""Status by error class, most specific first; any other project error is a 400."""


class ErrorOut(Schema):
    """Every failure the API returns has this shape."""

    error: str
    message: str
    field: str | None = None
    expected: str | None = None
    received: str | None = None
    citation: str | None = None


class NotFound(MisconductError):
    """No such object, or not one this user may see (the two are not told apart)."""


ERROR_RESPONSES: dict[int, type[ErrorOut]] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    413: ErrorOut,
    422: ErrorOut,
}
"""Declared on every operation, so the OpenAPI schema says what failures look like."""


def status_for(exc: MisconductError) -> int:
    if isinstance(exc, NotFound):
        return 404
    for cls, status in STATUS:
        if isinstance(exc, cls):
            return status
    return 400


def body(
    error: str,
    message: str,
    *,
    field: str | None = None,
    expected: str | None = None,
    received: Any = None,
    citation: str | None = None,
) -> dict[str, Any]:
    return {
        "error": error,
        "message": message,
        "field": field,
        "expected": expected,
        "received": None if received is None else _text(received),
        "citation": citation,
    }


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        return repr(value)


def _validation_body(exc: ValidationError) -> dict[str, Any]:
    """The first problem pydantic found, in our shape (the rest are listed in the message)."""
    errors = exc.errors or [{"loc": (), "msg": "invalid request"}]
    first = errors[0]
    loc = [str(p) for p in first.get("loc", ())]
    if loc and loc[0] in ("body", "query", "path", "header", "cookie", "form"):
        loc = loc[1:]
    field = ".".join(loc) or None
    messages = "; ".join(
        ".".join(str(p) for p in e.get("loc", ())) + ": " + str(e.get("msg", "")) for e in errors
    )
    return body(
        "InvalidInput",
        messages,
        field=field,
        expected=str(first.get("msg", "a valid value")),
        received=first.get("input"),
    )


def install(api: NinjaAPI) -> None:
    """Register the handlers on the API: every error leaves in :class:`ErrorOut` shape."""

    def project_error(request: HttpRequest, exc: MisconductError) -> HttpResponse:
        data = exc.as_dict()
        return api.create_response(request, data, status=status_for(exc))

    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return api.create_response(request, _validation_body(exc), status=422)

    def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        data = body(
            "NotAuthenticated",
            "an API token is required: send 'Authorization: Bearer <token>'",
            field="Authorization",
            expected="Bearer <token> of an active API token",
            received="none or an unknown token",
        )
        return api.create_response(request, data, status=401)

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        data = body("HttpError", str(exc))
        return api.create_response(request, data, status=exc.status_code)

    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        data = body("NotFound", str(exc) or "not found", received=request.path)
        return api.create_response(request, data, status=404)

    def denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        data = body(
            "AccessDenied",
            str(exc) or "not allowed",
            field="role",
            expected="a role allowing this action in the case's force",
        )
        return api.create_response(request, data, status=403)

    api.add_exception_handler(MisconductError, project_error)
    api.add_exception_handler(PermissionDenied, denied)
    api.add_exception_handler(ValidationError, validation_error)
    api.add_exception_handler(AuthenticationError, authentication_error)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(Http404, not_found)

    def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        data = body(
            "RequestTooLarge",
            f"the request body is larger than the {limit:,} bytes this API accepts",
            field="body",
            expected=f"at most {limit:,} bytes",
            received="more",
        )
        return api.create_response(request, data, status=413)

    api.add_exception_handler(RequestDataTooBig, too_big)
