"""Document downloads on the case page: which documents a case has reached, and the file itself
(rendered by ``misconduct.documents``, which applies the redaction policy to public documents)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.http import HttpResponse

from misconduct.app.web import store
from misconduct.documents.api import FORMATS, KINDS, render_case_document
from misconduct.domain.case import Case
from misconduct.errors import MisconductError
from misconduct.rules.vocabulary import Forum


@dataclass(frozen=True)
class Download:
    kind: str
    title: str
    public: bool
    formats: tuple[str, ...]


def _reached(case: Case, kind: str) -> bool:
    return _kinds_reached(case).get(kind, False)


def _kinds_reached(case: Case) -> dict[str, bool]:
    """Whether the case has reached each document kind (by id)."""
    hearing = case.forum in (Forum.MISCONDUCT_HEARING, Forum.ACCELERATED_MISCONDUCT_HEARING)
    return {
        "reg17-notice": case.investigation.reg17_notice_on is not None,
        "reg30-notice": case.referral is not None,
        "reg35-notice": case.proceedings is not None
        and bool(case.proceedings.arrangement.venue.strip())
        and case.proceedings.arrangement.starts_at is not None,
        "reg36-notice": case.proceedings is not None and hearing,
        "decision": bool(case.decisions),
        "decision-draft": bool(case.decisions),
        "published-outcome": bool(case.decisions) and hearing,
        "barred-list-report": any(d.decision.outcome.is_dismissal for d in case.decisions.values()),
    }


def available(case: Case) -> list[Download]:
    reached = _kinds_reached(case)  # (once for every kind)
    return [
        Download(k.id, k.title, k.public, tuple(FORMATS))
        for k in KINDS.values()
        if reached.get(k.id, False)
    ]


def reached(case: Case, kind: str) -> bool:
    """Whether ``kind`` is a document kind this case has reached."""
    return kind in KINDS and _reached(case, kind)


def file_response(case: Case, kind: str, fmt: str, on: date) -> HttpResponse:
    """The rendered document as a download (HTML inline); the caller has checked :func:`reached`.

    Raises the documents package's errors (e.g. an unknown format) for the caller to map.
    """
    rendered = render_case_document(store.service("documents"), kind, case.ref, fmt, issued_on=on)
    response = HttpResponse(rendered.content, content_type=rendered.mimetype)
    disposition = "inline" if fmt == "html" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{rendered.filename}"'
    return response


def download(case: Case, kind: str, fmt: str, on: date) -> HttpResponse:
    if not reached(case, kind):
        return HttpResponse(
            f"No {kind} document for case {case.ref} at this stage.",
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    try:
        return file_response(case, kind, fmt, on)
    except MisconductError as exc:
        return HttpResponse(str(exc), status=422, content_type="text/plain; charset=utf-8")
