"""What other layers call: one function from a case reference to a finished file.

>>> from misconduct.documents.render import KINDS
>>> sorted(KINDS)[:2]
['barred-list-report', 'decision']
"""

from __future__ import annotations

from datetime import date

from misconduct.documents.adapter import context_for_case
from misconduct.documents.render import FORMATS, KINDS, Rendered, render
from misconduct.services.cases import CaseService

__all__ = ["FORMATS", "KINDS", "Rendered", "render", "render_case_document"]


def render_case_document(
    service: CaseService,
    kind: str,
    ref: str,
    fmt: str,
    *,
    officer_id: str | None = None,
    issued_on: date | None = None,
    crest: bytes | None = None,
) -> Rendered:
    """The document ``kind`` for case ``ref`` in ``fmt`` (html, pdf or docx), with its file name and
    media type; bad input raises ``InvalidInput`` before anything is rendered."""
    ctx = context_for_case(service, ref, officer_id=officer_id, issued_on=issued_on, crest=crest)
    return render(kind, ctx, fmt)
