"""Reading rendered files back: the text and metadata of a PDF (pypdf) and of a DOCX (python-docx)."""

from __future__ import annotations

import io

from docx import Document as open_docx
from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def pdf_metadata(content: bytes) -> str:
    meta = PdfReader(io.BytesIO(content)).metadata or {}
    return " ".join(str(v) for v in meta.values())


def docx_text(content: bytes) -> str:
    d = open_docx(io.BytesIO(content))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in d.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return " ".join(" ".join(parts).split())


def docx_metadata(content: bytes) -> str:
    p = open_docx(io.BytesIO(content)).core_properties
    fields = (p.author, p.title, p.subject, p.keywords, p.last_modified_by, p.comments, p.category)
    return " ".join(f or "" for f in fields)


def flat(text: str) -> str:
    """Text with runs of white space (and PDF hyphenation breaks) made single spaces."""
    return " ".join(text.replace("\u2010 ", "").replace("\u00ad", "").split())
