"""Every document, for every case the document tests build, in plain British English: no internal
ids in snake_case, no command names, no command-line options, no ISO dates, no doubled words, no
American spellings (issue 14, problem 5). Dates in documents are written out (30 November 2026).

HTML and DOCX for every kind a case has reached; the PDF (slower to render) for the canonical case's
written decision and its published outcome, the two documents the public and the officer read.
"""

from __future__ import annotations

import io
import re
from html import unescape

import pytest
from docx import Document as open_docx

from misconduct.documents.context import DocumentContext
from misconduct.documents.render import KINDS, render
from misconduct.errors import InvalidInput
from tests.documents.reading import pdf_text
from tests.plain_words import problems_in

NUMERIC_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")


def _text_of_html(html: str) -> str:
    body = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", html)
    return unescape(re.sub(r"<[^>]+>", "\n", body))


def _text_of_docx(content: bytes) -> str:
    """Each paragraph, cell, header and footer on a line of its own (a heading followed by a table
    cell is not one sentence)."""
    d = open_docx(io.BytesIO(content))
    parts = [p.text for p in d.paragraphs]
    parts += [cell.text for t in d.tables for row in t.rows for cell in row.cells]
    for section in d.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


def _documents(contexts: dict[str, DocumentContext], fmt: str) -> dict[str, str]:
    out = {}
    for name, ctx in contexts.items():
        for kind in KINDS:
            try:
                content = render(kind, ctx, fmt).content
            except InvalidInput:
                continue  # a document this case has not reached
            text = _text_of_html(content.decode()) if fmt == "html" else _text_of_docx(content)
            out[f"{name} {kind}.{fmt}"] = text
    return out


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_every_document_reads_in_plain_british_english(
    contexts: dict[str, DocumentContext], fmt: str
) -> None:
    documents = _documents(contexts, fmt)
    assert len(documents) >= 4 * 5, sorted(documents)
    offences = {
        name: found + [f"numeric date {m[0]!r}" for m in NUMERIC_DATE.finditer(text)]
        for name, text in documents.items()
        if (found := problems_in(text)) or NUMERIC_DATE.search(text)
    }
    assert not offences, "\n".join(f"{n}: {o}" for n, os in offences.items() for o in os[:5])


@pytest.mark.parametrize("kind", ["decision", "published-outcome"])
def test_the_canonical_pdfs_read_in_plain_british_english(
    contexts: dict[str, DocumentContext], kind: str
) -> None:
    text = pdf_text(render(kind, contexts["canonical"], "pdf").content)
    assert not problems_in(text), problems_in(text)
    assert not NUMERIC_DATE.search(text)
