"""The documents there are, and ``render(kind, context, fmt)``: the one entry point for every format.

Public documents are written from ``redaction.public_context`` and the finished file is checked by
``redaction.assert_clean`` before it is returned; nothing is returned if the check fails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time

from misconduct.documents.barred_list import barred_list_report
from misconduct.documents.context import DocumentContext
from misconduct.documents.decision import decision_draft, published_outcome, written_decision
from misconduct.documents.html import render_html
from misconduct.documents.model import Document
from misconduct.documents.notices import (
    proceedings_notice,
    public_hearing_notice,
    referral_notice,
    regulation_17_notice,
)
from misconduct.documents.redaction import (
    assert_clean,
    document_policy,
    file_texts,
    public_context,
)
from misconduct.errors import InvalidInput


@dataclass(frozen=True)
class Kind:
    id: str
    title: str
    public: bool
    build: Callable[[DocumentContext], Document]


KINDS: dict[str, Kind] = {
    k.id: k
    for k in (
        Kind(
            "reg17-notice", "Notice of investigation (regulation 17)", False, regulation_17_notice
        ),
        Kind("reg30-notice", "Notice of referral (regulation 30, or 51)", False, referral_notice),
        Kind(
            "reg35-notice",
            "Notice to the officer of the meeting or hearing and the panel (regulation 35, or 52)",
            False,
            proceedings_notice,
        ),
        Kind(
            "reg36-notice",
            "Notice of hearing, for publication (regulation 36, or 53)",
            True,
            public_hearing_notice,
        ),
        Kind(
            "decision",
            "Written decision and outcome report (regulation 43, or 63)",
            False,
            written_decision,
        ),
        Kind(
            "decision-draft",
            "Chair's draft of the written decision, with the provisions relied on and their status",
            False,
            decision_draft,
        ),
        Kind(
            "published-outcome",
            "Published outcome (public version of the decision)",
            True,
            published_outcome,
        ),
        Kind("barred-list-report", "Report for the police barred list", False, barred_list_report),
    )
}

FORMATS = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass(frozen=True)
class Rendered:
    content: bytes
    filename: str
    mimetype: str


def kind(value: str) -> Kind:
    key = value.strip().lower().replace("_", "-")
    if key not in KINDS:
        raise InvalidInput("document kind", "one of " + ", ".join(KINDS), value)
    return KINDS[key]


def build(kind_id: str, ctx: DocumentContext) -> Document:
    """The document for ``ctx`` as blocks, after the redaction policy for public kinds."""
    k = kind(kind_id)
    return k.build(public_context(ctx) if k.public else ctx)


def render(kind_id: str, ctx: DocumentContext, fmt: str) -> Rendered:
    k = kind(kind_id)
    if fmt not in FORMATS:
        raise InvalidInput("format", "one of " + ", ".join(FORMATS), fmt)
    doc = build(k.id, ctx)
    html = render_html(doc)
    if fmt == "html":
        content = html.encode("utf-8")
    elif fmt == "pdf":
        from misconduct.documents.pdf import render_pdf  # WeasyPrint loads Pango: only when asked

        content = render_pdf(html, dated=ctx.issued_on)
    else:
        from misconduct.documents.word import render_docx

        stamp = datetime.combine(ctx.issued_on, time(9), tzinfo=UTC)
        content = render_docx(doc, dated=stamp)
    if k.public:
        m = doc.metadata
        checked = [doc.text(), html, m.title, m.subject, m.author, *m.keywords]
        if fmt == "docx":
            checked += file_texts(content, "docx")
        assert_clean(checked, document_policy(ctx))
    safe_ref = "".join(c if c.isalnum() or c in "-_" else "-" for c in ctx.case_ref)
    return Rendered(content, f"{safe_ref}-{k.id}.{fmt}", FORMATS[fmt])
