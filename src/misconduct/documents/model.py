"""A document as a list of blocks: each document is written once, as these, and rendered to every format.

>>> d = Document("decision", "Title", "Sub", "Force", "REF-1", "20 January 2025", "OFFICIAL",
...              (Heading("Findings"), Para("Proven.")), Metadata("Title", "Sub", ("k",), "Force"))
>>> [type(b).__name__ for b in d.blocks]
['Heading', 'Para']
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Para:
    text: str
    style: str = ""
    """"" for body text; "lead" for an opening statement; "box" for a statement set apart (a warning,
    a time limit); "small" for notes and citations."""


@dataclass(frozen=True)
class Facts:
    """Label and value pairs, shown as a two-column table."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Signature:
    lines: tuple[str, ...]


Block = Heading | Para | Facts | Bullets | Table | Signature


@dataclass(frozen=True)
class Metadata:
    """What goes into the file's own properties (DOCX core properties, PDF metadata)."""

    title: str
    subject: str
    keywords: tuple[str, ...]
    author: str


@dataclass(frozen=True)
class Document:
    kind: str
    title: str
    subtitle: str
    force: str
    reference: str
    dated: str
    marking: str
    """The protective marking printed at the top of every page."""
    blocks: tuple[Block, ...]
    metadata: Metadata
    crest: bytes | None = None
    crest_mimetype: str = "image/png"

    def text(self) -> str:
        """Every word the document shows, in order (for checks and tests)."""
        parts = [self.marking, self.force, self.title, self.subtitle, self.reference, self.dated]
        for b in self.blocks:
            if isinstance(b, Heading | Para):
                parts.append(b.text)
            elif isinstance(b, Facts):
                parts.extend(f"{k} {v}" for k, v in b.rows)
            elif isinstance(b, Bullets | Signature):
                parts.extend(b.items if isinstance(b, Bullets) else b.lines)
            else:
                parts.append(" ".join(b.header))
                parts.extend(" ".join(r) for r in b.rows)
        return "\n".join(parts)
