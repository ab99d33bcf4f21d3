"""Published hearing notices and outcomes, as the public pages show them (``publication.published``)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from threading import Lock
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from misconduct.app.api.errors import ERROR_RESPONSES, NotFound
from misconduct.app.web import register, store
from misconduct.app.web.publication import PublicCase
from misconduct.domain.forces import force as force_named

router = Router(tags=["public"])


class PublicQuery(Schema):
    force: str | None = Field(None, description="a force code such as metropolitan")
    year: int | None = Field(
        None, ge=1990, le=2200, description="the year of the notice or of the publication"
    )
    outcome: str = Field("", description="an outcome id such as final_written_warning")
    finding: str = Field("", description="a finding id: misconduct, gross_misconduct or not_proven")
    standard: str = Field("", description="a standard id such as honesty_and_integrity")
    q: str = Field("", max_length=200, description="words the record must contain")
    limit: int = Field(100, ge=1, le=500, description="at most this many records (1 to 500)")
    offset: int = Field(
        0, ge=0, description="skip this many records (notices first, then outcomes)"
    )
    after: str = Field(
        "",
        max_length=400,
        description="the X-Next-After header of a previous answer: the records after it, found "
        "by position (as fast at any depth; offset is then ignored)",
    )


class PublicAllegationOut(Schema):
    particulars: str
    standards: list[str]
    finding: str | None
    standards_breached: list[str]
    conduct_from: str | None = Field(None, description="first day of the conduct alleged")
    conduct_to: str | None = Field(None, description="last day of the conduct alleged")
    on_duty: bool | None = Field(
        None, description="whether the conduct was at least partly on duty"
    )


class PublicReasonOut(Schema):
    """One part of the chair's published reasons: a heading, its paragraphs and any list."""

    heading: str
    paragraphs: list[str]
    items: list[str]


class PublicOfficerOut(Schema):
    officer: str
    anonymised: bool
    outcome: str | None
    outcome_id: str | None
    warning_months: int | None
    allegations: list[PublicAllegationOut]
    reasons: list[PublicReasonOut] = Field(
        default_factory=list,
        description="the chair's reasons as published, anonymised (empty for a hearing notice)",
    )


class PublicCaseOut(Schema):
    ref: str
    kind: str
    force: str
    force_name: str
    forum: str
    hearing_on: str | None
    in_public: bool
    notice_on: str | None
    published_on: str | None
    visible_until_at_least: str | None
    decided_on: str | None
    regime: str | None
    reporting_restrictions: str
    chair: str = Field("", description="who chaired the hearing, as recorded (a role or a name)")
    officers: list[PublicOfficerOut]
    document_url: str | None = Field(
        None, description="the published-outcome document (PDF); null for a hearing notice"
    )


def _out(record: PublicCase) -> dict[str, Any]:
    out = record.as_dict()
    out["document_url"] = (
        reverse("web:public-document", args=[record.ref, "pdf"])
        if record.kind == "outcome"
        else None
    )
    return out


@router.get(
    "/outcomes",
    response={200: list[PublicCaseOut], **ERROR_RESPONSES},
    summary="Hearing notices and published outcomes (anonymity orders applied)",
    auth=None,
)
def outcomes(request: Any, response: HttpResponse, q: Query[PublicQuery]) -> list[dict[str, Any]]:
    """A page of the register. ``X-Total-Count`` gives the number of records, counted up to
    10,000 (``X-Total-Count-Capped: true`` when there are more); ``X-Next-After`` (and a ``Link``
    header) names the next page, read with ``after``."""
    if q.force:
        force_named(q.force)
    today = store.today()
    f = register.Filters(
        force=q.force or "",
        year=q.year,
        outcome=q.outcome,
        finding=q.finding,
        standard=q.standard,
        text=q.q,
    )
    rows = register.filtered(today, f)
    count = store.counted(("register", today, f), lambda: store.capped_count(rows))
    response["X-Total-Count"] = str(min(count, store.COUNT_CAP))
    if count > store.COUNT_CAP:
        response["X-Total-Count-Capped"] = "true"
    response["Cache-Control"] = "public, max-age=60"
    if q.after:
        found = store.keyset(rows, register.ORDER, q.limit, after=q.after)
        page, following = found.rows, found.next
    else:
        page = list(rows[q.offset : q.offset + q.limit + 1])
        following = (
            store.cursor_of(page[q.limit - 1], register.ORDER) if len(page) > q.limit else None
        )
        page = page[: q.limit]
    if following:
        params = request.GET.copy()
        params.pop("offset", None)
        params["after"] = following
        response["X-Next-After"] = following
        response["Link"] = f'<{request.path}?{params.urlencode()}>; rel="next"'
    return [_out(r) for r in register.decoded(page, today)]


@router.get(
    "/outcomes/{ref}",
    response={200: PublicCaseOut, **ERROR_RESPONSES},
    summary="One hearing notice or published outcome",
    auth=None,
)
def outcome(request: Any, ref: str) -> dict[str, Any]:
    found = register.record(ref, store.today())
    if found is not None:
        return _out(found)
    raise NotFound("nothing is published under this reference", field="ref", received=ref)


CACHED_PATHS = ("/api/public/outcomes",)
"""The public API's list, whose answer depends on the register's state, the date and the URL only."""

_answers: dict[str, tuple[int, bytes, list[tuple[str, str]]]] = {}
_answers_lock = Lock()


class ListCache:
    """Middleware: the public API list's answer, kept per process under the newest event, the date,
    the code's record format and the URL (query string included), and served again while they hold,
    as the public pages are (``views.public.cacheable``). Any event written anywhere changes the
    key, so no answer older than the database is served; a reader polling the first page, as a
    news site or an aggregator does, costs one indexed lookup. Only GETs without credentials are
    kept (the list ignores them, but an answer to a token is not shared)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.method != "GET"
            or request.path not in CACHED_PATHS
            or "HTTP_AUTHORIZATION" in request.META
        ):
            return self.get_response(request)
        from misconduct.app.readmodels import record_format

        text = f"{store.generation()}|{record_format()}|{store.today()}|{request.get_full_path()}"
        key = hashlib.sha256(text.encode()).hexdigest()
        with _answers_lock:
            hit = _answers.get(key)
        if hit is not None:
            status, body, headers = hit
            response = HttpResponse(body, status=status)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            with _answers_lock:
                if len(_answers) > 256:
                    _answers.clear()
                _answers[key] = (response.status_code, response.content, list(response.items()))
        return response
