"""The one place where errors become HTTP responses, in one shape: error, message, field, expected,
received, citation.

Project errors (``misconduct.errors``) map by class to a status; request validation, authentication,
missing objects and denied access use the same shape, so a client parses one kind of error body.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from misconduct.app.plain import field_label, plain
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
    detail: str | None = None
    """The message in the rules' own terms (ids, ISO dates), for programs and developers."""


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
        "detail": None,
    }


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        return repr(value)


_EXPECTED = {
    "missing": "a value",
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_parsing": "a number",
    "float_type": "a number",
    "bool_parsing": "true or false",
    "bool_type": "true or false",
    "string_type": "text",
    "date_parsing": "a date as YYYY-MM-DD",
    "date_from_datetime_parsing": "a date as YYYY-MM-DD",
    "date_type": "a date as YYYY-MM-DD",
    "list_type": "a list",
    "dict_type": "an object",
    "model_type": "an object",
    "json_invalid": "a valid JSON document",
}
"""Pydantic's error types as what was expected, in words (any other: pydantic's own sentence)."""


_SOURCES = ("body", "query", "path", "header", "cookie", "form")


def _problem(e: Mapping[str, Any], request: HttpRequest | None) -> tuple[str | None, str, str]:
    """One pydantic error as (field id, what was expected, the sentence a person reads)."""
    raw = [str(p) for p in e.get("loc", ())]
    loc = raw[1:] if raw and raw[0] in _SOURCES else raw
    field = ".".join(loc) or None
    kind = str(e.get("type", ""))
    msg = str(e.get("msg", "a valid value"))
    expected = _EXPECTED.get(kind) or msg[:1].lower() + msg[1:]
    value = e.get("input")
    if value is None and request is not None and raw[:1] == ["query"] and len(loc) == 1:
        value = request.GET.get(loc[0])  # ninja leaves the input out of a query's error
    label = field_label(loc[-1]) if loc else "The request"
    if kind == "missing":
        return field, expected, f"{label}: expected {expected}, but received nothing."
    if value is None:
        return field, expected, f"{label}: expected {expected}."
    return field, expected, f"{label}: expected {expected}, but received “{_text(value)}”."


def _validation_body(exc: ValidationError, request: HttpRequest | None = None) -> dict[str, Any]:
    """The first problem pydantic found, in our shape; the message gives every problem in words."""
    errors = exc.errors or [{"loc": (), "msg": "invalid request"}]
    problems = [_problem(e, request) for e in errors]
    field, expected, _ = problems[0]
    first = errors[0].get("input")
    if first is None and request is not None and field and field in request.GET:
        first = request.GET.get(field)
    return body(
        "InvalidInput",
        " ".join(sentence for _, _, sentence in problems),
        field=field,
        expected=expected,
        received=first,
    )


def install(api: NinjaAPI) -> None:
    """Register the handlers on the API: every error leaves in :class:`ErrorOut` shape."""

    def project_error(request: HttpRequest, exc: MisconductError) -> HttpResponse:
        # The sentence a person reads, with the machine-readable error, field and wording beside it.
        data = exc.as_dict()
        data["detail"] = data["message"]
        data["message"] = plain(exc).message
        return api.create_response(request, data, status=status_for(exc))

    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return api.create_response(request, _validation_body(exc, request), status=422)

    def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        tokens = request.build_absolute_uri(reverse("web:tokens"))
        data = body(
            "NotAuthenticated",
            f"This needs an API token. Sign in and create one on the API tokens page ({tokens}), "
            "then send it in the header 'Authorization: Bearer <token>'.",
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
