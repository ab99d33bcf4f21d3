"""PDF for publication: the HTML rendered by WeasyPrint, which takes the page numbers from the CSS
counters and the metadata (title, author, subject, keywords) from the HTML head."""

from __future__ import annotations

import logging
from datetime import date

from weasyprint import HTML  # type: ignore[import-untyped]

# WeasyPrint logs font-matching and CSS notes at WARNING; they are not errors in the document.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def render_pdf(html: str, *, dated: date) -> bytes:
    stamped = html.replace(
        '<meta name="generator"',
        f'<meta name="dcterms.created" content="{dated.isoformat()}">'
        f'<meta name="dcterms.modified" content="{dated.isoformat()}">'
        '<meta name="generator"',
        1,
    )
    pdf: bytes = HTML(string=stamped).write_pdf()
    return pdf
