"""The one redaction policy for every public document (the published notice and the published outcome).

A public document never shows the officer's warrant number, date of birth or address. Where an
anonymity order stands (the proceedings gave the officer a cipher), it never shows the officer's name
either: the cipher stands in its place, in the text and in the file's metadata. The policy works on the
context, before any document is written, so no renderer can leak what it was never given; and
:func:`assert_clean` checks the finished file as a second line of defence.

>>> from misconduct.documents.context import OfficerInfo
>>> o = OfficerInfo("Jo Example", "Constable", "PC", "100001", cipher="PC A")
>>> scrub("PC Jo Example (warrant 100001) admitted it; Example apologised.", o)
'PC A (warrant [redacted]) admitted it; PC A apologised.'
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from collections.abc import Iterable
from enum import Enum
from typing import Any, TypeVar

from misconduct.documents.context import DocumentContext, OfficerInfo
from misconduct.documents.text import british
from misconduct.errors import MisconductError

REDACTED = "[redacted]"
T = TypeVar("T")


def _identity_terms(officer: OfficerInfo) -> list[str]:
    """What identifies the officer in any public document: warrant number, date of birth, address."""
    terms = [officer.warrant_number.strip()]
    if officer.date_of_birth is not None:
        dob = officer.date_of_birth
        terms += [
            dob.isoformat(),
            british(dob),
            f"{dob:%d/%m/%Y}",
            f"{dob.day}/{dob.month}/{dob.year}",
        ]
    if officer.address.strip():
        terms.append(officer.address.strip())
        terms += [
            line.strip() for line in re.split(r"[,\n]", officer.address) if len(line.strip()) > 3
        ]
    return [t for t in terms if t]


def _name_terms(officer: OfficerInfo) -> list[str]:
    """The officer's name in the forms a text may use: in full, with rank, and each part alone."""
    name = " ".join(officer.name.split())
    parts = [p for p in re.split(r"[\s\-]+", name) if len(p) > 1]
    surname = parts[-1] if parts else name
    with_rank = [f"{officer.rank_abbreviation} {name}", f"{officer.rank} {name}"]
    with_rank += [f"{officer.rank_abbreviation} {surname}", f"{officer.rank} {surname}"]
    return [*with_rank, name, *parts]


def _pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    unique = sorted({t for t in terms if t}, key=len, reverse=True)
    if not unique:
        return None
    return re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(t) for t in unique) + r")(?!\w)", re.IGNORECASE
    )


def scrub(text: str, officer: OfficerInfo) -> str:
    """``text`` with every identifying term replaced: the name by the cipher (if an order stands),
    the rest by ``[redacted]``."""
    if officer.anonymised:
        names = _pattern(_name_terms(officer))
        if names is not None:
            text = names.sub(officer.cipher, text)
    identity = _pattern(_identity_terms(officer))
    return identity.sub(REDACTED, text) if identity is not None else text


def _walk(value: T, officer: OfficerInfo) -> T:
    if isinstance(value, Enum):  # vocabulary values are strings too, and never identify anyone
        return value
    if isinstance(value, str):
        return scrub(value, officer)  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(_walk(v, officer) for v in value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {
            f.name: _walk(getattr(value, f.name), officer) for f in dataclasses.fields(value)
        }
        return dataclasses.replace(value, **changes)
    return value


def public_officer(officer: OfficerInfo) -> OfficerInfo:
    return dataclasses.replace(
        officer,
        name=officer.cipher if officer.anonymised else officer.name,
        rank_abbreviation="" if officer.anonymised else officer.rank_abbreviation,
        warrant_number="",
        date_of_birth=None,
        address="",
    )


def public_context(ctx: DocumentContext) -> DocumentContext:
    """The context a public document may be written from: every free text scrubbed, and the officer
    reduced to what may be published."""
    scrubbed = _walk(dataclasses.replace(ctx, force=ctx.force), ctx.officer)
    return dataclasses.replace(scrubbed, force=ctx.force, officer=public_officer(ctx.officer))


class RedactionFailure(MisconductError):
    """A public document would have shown something the redaction policy withholds."""


def _found(texts: Iterable[str], officer: OfficerInfo) -> list[str]:
    checks = [("warrant number, date of birth or address", _pattern(_identity_terms(officer)))]
    if officer.anonymised:
        checks.append(("name", _pattern([" ".join(officer.name.split())])))
    found = []
    for text in texts:
        for what, pattern in checks:
            if pattern is not None and pattern.search(text):
                found.append(what)
    return found


def file_texts(content: bytes, fmt: str) -> list[str]:
    """The text a file carries, metadata included, for the check: every XML part of a DOCX; the
    HTML itself. (A PDF is checked through the HTML it is rendered from and its metadata.)"""
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(content)) as z:
            xml = [z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")]
        return xml + [re.sub(r"<[^>]+>", "", x) for x in xml]
    return [content.decode("utf-8", "replace")]


def assert_clean(texts: Iterable[str], officer: OfficerInfo) -> None:
    """Fail, without repeating what was found, if any text shows what the policy withholds."""
    found = _found(texts, officer)
    if found:
        raise RedactionFailure(
            "a public document would show the officer's " + found[0] + "; nothing was written",
            field="redaction",
        )
