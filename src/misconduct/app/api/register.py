"""The national register of published outcomes (issue 15) in the JSON API: a search with the public
register's filters, paged by key (newest first), and one record. Facts and provenance only; an
anonymised officer is never named (``store.public_row``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema

from misconduct.app.api.errors import ERROR_RESPONSES, NotFound
from misconduct.app.register import store
from misconduct.app.register.models import Record
from misconduct.domain.forces import FORCES
from misconduct.errors import InvalidInput

router = Router(tags=["register"])

_FORCE_NAMES = {f.code: f.name for f in FORCES}
VOCABULARIES = store.FILTER_CHOICES
_EXAMPLES = {
    "force": "metropolitan or west_midlands",
    "rank": "constable or sergeant",
    "standard": "honesty_and_integrity",
    "finding": "misconduct or gross_misconduct",
    "outcome": "final_written_warning",
    "forum": "misconduct_hearing",
}
MAX_LIMIT = 200


class RegisterQuery(Schema):
    force: str = Field("", max_length=64, description="a force code such as metropolitan")
    year: int | None = Field(None, ge=1990, le=2200, description="the year of the hearing")
    rank: str = Field("", max_length=64, description="a rank id such as constable")
    standard: str = Field(
        "", max_length=64, description="a Standard id such as honesty_and_integrity"
    )
    finding: str = Field("", max_length=32, description="misconduct or gross_misconduct")
    outcome: str = Field(
        "", max_length=64, description="an outcome id such as dismissal_without_notice"
    )
    forum: str = Field("", max_length=64, description="a forum id such as misconduct_hearing")
    before: int | None = Field(
        None,
        ge=1,
        le=2**62,
        description="the next_before of the previous page: records older than this one",
    )
    limit: int = Field(50, ge=1, le=MAX_LIMIT, description="at most this many records (1 to 200)")


class RegisterRecordOut(Schema):
    id: int
    officer: str = Field(
        description="the officer's name, or a label when the officer is anonymised"
    )
    anonymised: bool
    force: str | None
    force_name: str | None
    year: int | None
    hearing_date: str | None = Field(description="ISO date, year-month or year, as published")
    rank: str | None
    status: str | None = Field(description="serving or former")
    forum: str | None
    finding: str | None
    standards: list[str]
    special_categories: list[str] = Field(
        description="the guidance's special categories the notice describes (read from its words)"
    )
    outcome: str | None
    warning_months: int | None
    decision_maker: str | None
    origin: str = Field(description="ingested (a published notice) or system (this system's case)")
    source: str = Field(description="where the record came from: an address or a file name")
    licence: str


class RegisterPageOut(Schema):
    records: list[RegisterRecordOut]
    next_before: int | None = Field(
        description="pass as before for the next page; null on the last page"
    )


def _filters(q: RegisterQuery) -> dict[str, str]:
    """The filters given, each checked against its vocabulary (a clear error naming the field)."""
    out: dict[str, str] = {}
    for key, allowed in VOCABULARIES.items():
        value = str(getattr(q, key)).strip()
        if not value:
            continue
        if value not in allowed:
            raise InvalidInput(key, f"an id such as {_EXAMPLES[key]}", value)
        out[key] = value
    if q.year is not None:
        out["year"] = str(q.year)
    return out


def _out(r: Record) -> dict[str, Any]:
    row = store.public_row(r)
    row["force_name"] = _FORCE_NAMES.get(r.force) or None
    row["special_categories"] = [c.category for c in r.category_rows.all()]
    return row


@router.get(
    "/records",
    response={200: RegisterPageOut, **ERROR_RESPONSES},
    summary="Search the register of published outcomes (newest first, paged by key)",
    auth=None,
)
def records(request: Any, response: HttpResponse, q: Query[RegisterQuery]) -> dict[str, Any]:
    """The same filters as the public register page; ``next_before`` gives the next page."""
    rows = store.search(_filters(q)).prefetch_related("category_rows")
    if q.before is not None:
        rows = rows.filter(id__lt=q.before)
    found = list(rows[: q.limit + 1])
    more = len(found) > q.limit
    found = found[: q.limit]
    response["Cache-Control"] = "public, max-age=60"
    return {"records": [_out(r) for r in found], "next_before": found[-1].id if more else None}


@router.get(
    "/records/{record_id}",
    response={200: RegisterRecordOut, **ERROR_RESPONSES},
    summary="One record of the register",
    auth=None,
)
def record(request: Any, record_id: int) -> dict[str, Any]:
    found = (
        Record.objects.filter(published=True, id=record_id)
        .select_related("source")
        .prefetch_related("category_rows")
        .first()
        if 0 < record_id < 2**62
        else None
    )
    if found is None:
        raise NotFound(
            "no published record has this number", field="record_id", received=str(record_id)
        )
    return _out(found)
