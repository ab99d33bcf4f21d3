"""Pieces several documents share: the document shell, the allegations, the barred-list warning, time
limits as sentences, and the table of provisions relied on."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from misconduct.documents.context import (
    AllegationInfo,
    Cited,
    DocumentContext,
    TimeLimitInfo,
)
from misconduct.documents.model import Block, Bullets, Document, Heading, Metadata, Para, Table
from misconduct.documents.text import british, conduct_period, prose_list, sentence
from misconduct.errors import InvalidInput

PRIVATE = "OFFICIAL-SENSITIVE: PERSONAL"
PUBLIC = "OFFICIAL: FOR PUBLICATION"

BARRED_LIST_WARNING = Cited(
    "If you are dismissed at misconduct proceedings, information including your full name and a "
    "description of the conduct that led to your dismissal will be added to the police barred list "
    "held by the College of Policing, and may be published for a period of up to five years.",
    "SI 2020/4 reg 17(1)(e); Police Act 1996 Part 4A",
    "secondary",
)


def document(
    ctx: DocumentContext,
    kind: str,
    title: str,
    subtitle: str,
    blocks: Iterable[Block],
    *,
    public: bool,
    dated: date | None = None,
) -> Document:
    """The shell every document shares. Metadata is drawn from the same context as the text, so a
    public document's properties hold only what its text may hold."""
    who = ctx.officer.public_name() if public else ctx.officer.display()
    return Document(
        kind=kind,
        title=title,
        subtitle=subtitle,
        force=ctx.force.name,
        reference=ctx.case_ref,
        dated=british(dated or ctx.issued_on),
        marking=PUBLIC if public else PRIVATE,
        blocks=tuple(blocks),
        metadata=Metadata(
            title=f"{title}: {ctx.case_ref}",
            subject=f"{title} concerning {who}",
            keywords=("police misconduct", ctx.force.name, ctx.case_ref, kind),
            author=ctx.force.name,
        ),
        crest=ctx.force.crest,
        crest_mimetype=ctx.force.crest_mimetype,
    )


def require(value: object, kind: str, expected: str, ctx: DocumentContext, missing: str) -> None:
    """Refuse to write a document the case record cannot support yet, naming what is missing."""
    if value is None or value is False:
        raise InvalidInput(kind, expected, f"case {ctx.case_ref} with {missing}")


def allegation_blocks(
    allegations: Iterable[AllegationInfo], *, with_text: bool = True
) -> list[Block]:
    out: list[Block] = []
    for n, a in enumerate(allegations, start=1):
        out.append(Heading(f"Allegation {n}", level=3))
        when = conduct_period(a.conduct_from, a.conduct_to)
        duty = "while on duty" if a.on_duty else "while off duty"
        out.append(
            Para(
                f"{sentence(a.particulars)} The conduct is alleged to have taken place {when}, {duty}."
            )
        )
        headings = prose_list([s.heading for s in a.standards])
        out.append(
            Para(
                f"If proven, this conduct would fall below the Standards of Professional Behaviour "
                f"in respect of {headings}."
            )
        )
        if with_text:
            out.append(Bullets(tuple(f"{s.heading}: {s.text}" for s in a.standards)))
    return out


def limit_sentence(limit: TimeLimitInfo) -> str:
    if limit.due is not None:
        return f"{british(limit.due)}"
    return f"between {british(limit.earliest)} and {british(limit.latest)}"


def cited_rows(items: Iterable[Cited]) -> tuple[tuple[str, str, str], ...]:
    return tuple((c.text, c.citation, c.status or "see note") for c in items)


def _distinct(items: Iterable[Cited]) -> dict[tuple[str, str], Cited]:
    seen: dict[tuple[str, str], Cited] = {}
    for c in items:
        seen.setdefault((c.text, c.citation), c)
    return seen


def sources(items: Iterable[Cited]) -> list[Block]:
    """The provisions a document relies on, with how far each was checked (DOMAIN.md §0)."""
    seen = _distinct(items)
    if not seen:
        return []
    return [
        Heading("Provisions relied on", level=3),
        Table(("What", "Provision", "Checked"), cited_rows(seen.values())),
        Para(
            "\u201cverified\u201d: read in the legislation; \u201csecondary\u201d: read through a "
            "reliable secondary source; \u201cunverified\u201d: not yet confirmed against the text.",
            "small",
        ),
    ]


def legal_basis(items: Iterable[Cited]) -> list[Block]:
    """The provisions a final or public document rests on, as a reader needs them: what and where,
    without the project's verification statuses (those belong to a chair's draft)."""
    seen = _distinct(items)
    if not seen:
        return []
    return [
        Heading("Legal basis", level=3),
        Bullets(tuple(f"{c.text.rstrip('.')}: {c.citation}." for c in seen.values())),
    ]


def limit_source(limit: TimeLimitInfo) -> Cited:
    return Cited(limit.title, limit.citation, limit.status)
