"""Word (DOCX) for editing: the same blocks, a header with the force and its crest, page numbers in the
footer as Word fields, and core properties set from the document's metadata only (never a default)."""

from __future__ import annotations

import io
from datetime import datetime

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from misconduct.documents.model import (
    Block,
    Bullets,
    Document,
    Facts,
    Heading,
    Para,
    Signature,
    Table,
)

NAVY = RGBColor(0x1F, 0x2A, 0x44)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays the document out."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, code, separate, shown, end):
        run._r.append(element)


def _header_footer(d: DocxDocument, doc: Document) -> None:
    section = d.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(22)
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    marking = header.add_run(doc.marking)
    marking.bold, marking.font.size = True, Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{doc.reference} · Page ").font.size = Pt(8)
    _field(footer, "PAGE")
    footer.add_run(" of ").font.size = Pt(8)
    _field(footer, "NUMPAGES")


def _masthead(d: DocxDocument, doc: Document) -> None:
    if doc.crest is not None and doc.crest_mimetype in ("image/png", "image/jpeg"):
        d.add_picture(io.BytesIO(doc.crest), width=Mm(18))
    force = d.add_paragraph()
    run = force.add_run(doc.force)
    run.bold, run.font.size, run.font.color.rgb = True, Pt(13), NAVY
    d.add_paragraph(f"{doc.reference} · {doc.dated}").runs[0].font.size = Pt(9)
    title = d.add_heading(doc.title, level=0)
    title.runs[0].font.size = Pt(18)
    sub = d.add_paragraph(doc.subtitle)
    sub.runs[0].italic = True


def _table(
    d: DocxDocument, header: tuple[str, ...] | None, rows: tuple[tuple[str, ...], ...]
) -> None:
    width = len(header) if header else len(rows[0])
    table = d.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    if header:
        cells = table.add_row().cells
        for cell, text in zip(cells, header, strict=True):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    d.add_paragraph()


def _block(d: DocxDocument, b: Block) -> None:
    if isinstance(b, Heading):
        d.add_heading(b.text, level=1 if b.level <= 2 else 2)
    elif isinstance(b, Para):
        p = d.add_paragraph(b.text, style="Intense Quote" if b.style == "box" else None)
        if b.style == "small":
            p.runs[0].font.size = Pt(8.5)
    elif isinstance(b, Facts):
        _table(d, None, b.rows)
    elif isinstance(b, Bullets):
        style = "List Number" if b.numbered else "List Bullet"
        for item in b.items:
            d.add_paragraph(item, style=style)
    elif isinstance(b, Table):
        _table(d, b.header, b.rows)
    elif isinstance(b, Signature):
        d.add_paragraph("\n\n______________________________")
        for line in b.lines:
            d.add_paragraph(line).paragraph_format.space_after = Pt(0)


def render_docx(doc: Document, *, dated: datetime) -> bytes:
    d = new_docx()
    normal = d.styles["Normal"]
    normal.font.name, normal.font.size = "Georgia", Pt(10.5)
    _header_footer(d, doc)
    _masthead(d, doc)
    for b in doc.blocks:
        _block(d, b)
    props = d.core_properties
    m = doc.metadata
    props.title, props.subject, props.keywords = m.title, m.subject, ", ".join(m.keywords)
    props.author = props.last_modified_by = m.author
    props.comments = props.category = props.content_status = ""
    props.identifier = props.language = props.version = ""
    props.language = "en-GB"
    props.created = props.modified = props.last_printed = dated
    props.revision = 1
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()
