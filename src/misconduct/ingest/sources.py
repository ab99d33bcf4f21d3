"""Read a published outcome from a file: plain text, HTML (standard library parser) or PDF (pypdf).

Spans in the records refer to the text these functions return, which ``--format json`` includes.

>>> html_to_text("<h1>Outcome</h1><p>PC A was <b>dismissed</b>.</p><script>x()</script>")
'Outcome\\n\\nPC A was dismissed.'
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from misconduct.errors import InvalidInput

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "table",
    "ul",
    "ol",
    "header",
    "footer",
    "blockquote",
    "dd",
    "dt",
}
_SKIP = {"script", "style", "noscript", "nav", "head", "template", "svg", "form", "button"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.parts.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    text = unescape("".join(parser.parts))
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


@contextmanager
def _pypdf_quiet() -> Iterator[None]:
    """pypdf logs what it finds wrong in a file ("EOF marker not found") to the terminal; the reader
    says what matters in one error instead."""
    log = logging.getLogger("pypdf")  # its modules' loggers take their level from it
    was = log.level
    log.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        log.setLevel(was)


def _pdf_pages(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pages = [page.extract_text() or "" for page in reader.pages]
    return "\n\n".join(p.strip() for p in pages).strip()


_NO_END = b"\nstartxref\n0\n%%EOF\n"
"""Written after a PDF whose end is missing (a download cut short), so that pypdf rebuilds the table
of where each object stands from the objects themselves, and reads what is there."""


def pdf_to_text(path: Path) -> str:
    """The text of a PDF's pages; a file pypdf cannot read is one error naming it and saying how it is
    damaged, without pypdf's own warnings on the terminal."""
    from pypdf.errors import DependencyError, FileNotDecryptedError

    def unreadable(what: str) -> InvalidInput:
        return InvalidInput(str(path), "a readable PDF file", what)

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise unreadable(f"a file that could not be opened ({exc.strerror or exc})") from None
    if not data.strip():
        raise unreadable("an empty file")
    with _pypdf_quiet():
        try:
            return _pdf_pages(data)
        except FileNotDecryptedError:
            raise unreadable("a PDF locked with a password") from None
        except DependencyError:  # AES without the cryptography package (pypdf[crypto])
            raise unreadable(
                "an encrypted PDF, which needs the cryptography package installed to be opened"
            ) from None
        except Exception:  # a damaged file can fail anywhere in pypdf's parser: said once below
            pass
        ended = b"%%EOF" in data[-2048:]
        if not ended:
            try:
                return _pdf_pages(data + _NO_END)
            except Exception:  # said below
                pass
    if b"%PDF-" not in data[:1024]:
        raise unreadable("a file that is not a PDF (it does not begin as one)")
    if not ended:
        raise unreadable("a damaged PDF whose end is missing (perhaps a download cut short)")
    raise unreadable("a damaged PDF that could not be read")


def kind_of(path: Path) -> str | None:
    return SUFFIXES.get(path.suffix.lower())


def read_text(path: Path) -> str:
    """The plain text of a notice, by its file type."""
    kind = kind_of(path)
    if kind is None:
        raise InvalidInput(str(path), "a .txt, .html or .pdf file", path.suffix or "no file type")
    if kind == "pdf":
        return pdf_to_text(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raw = path.read_text(encoding="cp1252", errors="replace")
    return html_to_text(raw) if kind == "html" else raw.replace("\r\n", "\n")


def files_in(path: Path) -> list[Path]:
    """The readable files of a folder (sorted), or the one file given."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and kind_of(p))
    if not path.exists():
        raise InvalidInput("FILE", "a file or folder that exists", str(path))
    return [path]
