"""HTML for the web and for print: one stylesheet, page numbers by CSS counters (WeasyPrint reads them).

Everything shown is escaped; metadata goes into ``<title>`` and ``<meta>`` so the PDF carries the same.
"""

from __future__ import annotations

import base64
from html import escape
from string import Template

from misconduct.documents.model import (
    Block,
    Bullets,
    Document,
    Facts,
    Heading,
    Para,
    Table,
)

STYLE = Template("""
@page {
  size: A4;
  margin: 22mm 20mm 24mm 20mm;
  @top-left { content: "$marking"; font: bold 8pt "DejaVu Sans", sans-serif; color: #444; }
  @top-right { content: "$reference"; font: 8pt "DejaVu Sans", sans-serif; color: #555; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages);
                   font: 8pt "DejaVu Sans", sans-serif; color: #555; }
}
html { font: 10.5pt/1.45 "DejaVu Serif", Georgia, serif; color: #111; }
body { max-width: 170mm; margin: 0 auto; }
header { display: flex; align-items: center; gap: 6mm; border-bottom: 1.5pt solid #1f2a44;
         padding-bottom: 3mm; margin-bottom: 5mm; }
.crest { width: 18mm; height: 18mm; flex: none; }
.crest img { width: 18mm; height: 18mm; object-fit: contain; }
.force { font: bold 13pt "DejaVu Sans", sans-serif; color: #1f2a44; }
.reference { font: 9pt "DejaVu Sans", sans-serif; color: #333; }
h1 { font: bold 16pt "DejaVu Sans", sans-serif; color: #1f2a44; margin: 2mm 0 1mm; }
.subtitle { font: 10pt "DejaVu Sans", sans-serif; color: #333; margin: 0 0 5mm; }
h2 { font: bold 11.5pt "DejaVu Sans", sans-serif; color: #1f2a44; margin: 6mm 0 2mm;
     break-after: avoid; }
h3 { font: bold 10.5pt "DejaVu Sans", sans-serif; margin: 4mm 0 1.5mm; break-after: avoid; }
p { margin: 0 0 2.5mm; text-align: justify; }
p.lead { font-size: 11pt; }
p.box { border: 1pt solid #1f2a44; background: #f3f5fa; padding: 2.5mm 3.5mm; text-align: left; }
p.small { font-size: 8.5pt; color: #444; text-align: left; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3.5mm; font-size: 9.5pt; }
th, td { border: .6pt solid #9aa3b5; padding: 1.4mm 2mm; vertical-align: top; text-align: left; }
th { background: #e6e9f0; font-family: "DejaVu Sans", sans-serif; }
table.facts td:first-child { width: 36%; background: #f3f5fa; font-family: "DejaVu Sans", sans-serif; }
ul, ol { margin: 0 0 3mm; padding-left: 6mm; }
li { margin-bottom: 1.2mm; }
.signature { margin-top: 10mm; break-inside: avoid; }
.signature p { margin: 0; text-align: left; }
.signature .line { border-top: .6pt solid #111; width: 70mm; margin: 12mm 0 1.5mm; }
""")


def _block(b: Block) -> str:
    if isinstance(b, Heading):
        tag = "h2" if b.level <= 2 else "h3"
        return f"<{tag}>{escape(b.text)}</{tag}>"
    if isinstance(b, Para):
        cls = f' class="{b.style}"' if b.style else ""
        return f"<p{cls}>{escape(b.text)}</p>"
    if isinstance(b, Facts):
        rows = "".join(f"<tr><td>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in b.rows)
        return f'<table class="facts">{rows}</table>'
    if isinstance(b, Bullets):
        tag = "ol" if b.numbered else "ul"
        return f"<{tag}>" + "".join(f"<li>{escape(i)}</li>" for i in b.items) + f"</{tag}>"
    if isinstance(b, Table):
        head = "".join(f"<th>{escape(h)}</th>" for h in b.header)
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in b.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    lines = "".join(f"<p>{escape(line)}</p>" for line in b.lines)
    return f'<div class="signature"><div class="line"></div>{lines}</div>'


def _crest(doc: Document) -> str:
    if doc.crest is None:
        return '<div class="crest" aria-hidden="true"></div>'
    data = base64.b64encode(doc.crest).decode("ascii")
    alt = escape(f"Crest of {doc.force}")
    return (
        f'<div class="crest"><img src="data:{doc.crest_mimetype};base64,{data}" alt="{alt}"></div>'
    )


def _css_text(text: str) -> str:
    return text.replace("\\", "").replace('"', "'").replace("<", "")


def _style(doc: Document) -> str:
    """The stylesheet, with the marking and reference printed at the top of every page."""
    return STYLE.substitute(
        marking=_css_text(doc.marking), reference=_css_text(f"{doc.reference} · {doc.dated}")
    )


def render_html(doc: Document) -> str:
    m = doc.metadata
    meta = "".join(
        f'<meta name="{name}" content="{escape(value)}">'
        for name, value in (
            ("author", m.author),
            ("description", m.subject),
            ("keywords", ", ".join(m.keywords)),
            ("generator", "misconduct"),
        )
    )
    body = "\n".join(_block(b) for b in doc.blocks)
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{escape(m.title)}</title>{meta}<style>{_style(doc)}</style></head>\n<body>"
        f'<header>{_crest(doc)}<div><div class="force">{escape(doc.force)}</div>'
        f'<div class="reference">{escape(doc.reference)} · {escape(doc.dated)}</div></div></header>'
        f"<h1>{escape(doc.title)}</h1>"
        f'<p class="subtitle">{escape(doc.subtitle)}</p>\n{body}\n</body></html>\n'
    )
