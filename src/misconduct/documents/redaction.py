"""The one redaction policy for everything public: the register's pages, the Atom feed, the public
API and every public document (text and metadata).

:func:`policy_for` decides, from the case alone, who must not be identifiable and what stands in their
place: each officer whose name may not be published (an anonymity order gives them the cipher; a
hearing not held in public gives them "The officer"), with their warrant number and internal id;
complainants, witnesses, police friends and any party marked as restricted. Officials acting in a
public capacity (the chair, panel members, the legally qualified person, the appropriate authority,
the investigator) are not withheld. No warrant number is ever public. The people are matched as
:mod:`misconduct.documents.matching` describes (any length, every apostrophe, dash and space form,
accents, case, possessives, initials, ranks).

It is a pure function of the case, so the public pages, the documents and any read model written
from the case (see ``app.repository``) redact identically. Documents are written from
:func:`public_context`, and the finished file is checked again by :func:`assert_clean`.

>>> from misconduct.documents.context import OfficerInfo
>>> o = OfficerInfo("Jo Example", "Constable", "PC", "100001", cipher="PC A")
>>> scrub("PC Jo Example (warrant 100001) admitted it; Example's phone.", o)
"PC A (warrant [number withheld]) admitted it; PC A's phone."
"""

from __future__ import annotations

import dataclasses
import functools
import html
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from misconduct.documents.context import DocumentContext, OfficerInfo, Protected
from misconduct.documents.matching import Matcher, Term
from misconduct.documents.text import british
from misconduct.domain.case import Case
from misconduct.domain.personal import is_erased
from misconduct.domain.terms import PartyRole
from misconduct.errors import MisconductError

REDACTED = "[redacted]"
WITHHELD = "[name withheld]"
NUMBER_WITHHELD = "[number withheld]"
UNNAMED_OFFICER = "The officer"
T = TypeVar("T")

# Parties who are private people: never named in public, whatever their role in the case.
PERSONAL_ROLES = frozenset({PartyRole.COMPLAINANT, PartyRole.WITNESS, PartyRole.POLICE_FRIEND})


@dataclass(frozen=True)
class Policy:
    """Who is withheld and how; :meth:`scrub` applies it to a text, :meth:`leaks` checks one."""

    people: tuple[Protected, ...]
    labels: tuple[tuple[str, str, bool], ...] = ()
    """For each officer of the case: (officer id, public label, whether the label hides the name)."""

    def terms(self) -> list[Term]:
        out = []
        for p in self.people:
            if p.name.strip():
                out.append(Term.name(p.name, p.label))
            out += [Term.number(n, NUMBER_WITHHELD) for n in p.numbers if n.strip()]
            out += [Term.literal(i, p.label if p.name else REDACTED) for i in p.identifiers]
        return out

    @functools.cached_property
    def _matcher(self) -> Matcher:
        return Matcher(self.terms())

    @functools.cached_property
    def _check(self) -> Matcher:
        return Matcher(self.terms(), strong_only=True)

    def scrub(self, text: str) -> str:
        """``text`` with every protected name, number and identifier replaced."""
        return self._matcher.sub(text)

    def leaks(self, texts: Iterable[str]) -> bool:
        """Whether any text (HTML entities read as characters) still shows a protected person by a
        full name, a surname, a rank and surname, or a number."""
        return self._check.search(html.unescape(t) for t in texts)

    def label(self, officer_id: str) -> tuple[str, bool]:
        for oid, label, hidden in self.labels:
            if oid == officer_id:
                return label, hidden
        raise KeyError(officer_id)

    def __add__(self, other: Policy) -> Policy:
        return Policy(self.people + other.people, self.labels or other.labels)


def officer_labels(case: Case) -> list[tuple[str, str, bool]]:
    """Each officer's public label and whether it hides the name: the cipher under an anonymity
    order (numbered when the case has several officers), the rank and name at a hearing in public,
    otherwise "The officer"."""
    p = case.proceedings
    cipher = p.arrangement.anonymity_cipher.strip() if p else ""
    in_public = bool(p and p.arrangement.in_public)
    officers = list(case.officers.values())
    out = []
    for i, o in enumerate(officers, start=1):
        if cipher:
            out.append((o.officer_id, cipher if len(officers) == 1 else f"{cipher} ({i})", True))
        elif in_public:
            out.append((o.officer_id, o.display_name(), False))
        else:
            label = UNNAMED_OFFICER if len(officers) == 1 else f"{UNNAMED_OFFICER} ({i})"
            out.append((o.officer_id, label, True))
    return out


def _restricted(party: Any) -> bool:
    return party.role in PERSONAL_ROLES or bool(getattr(party, "restricted", False))


def policy_for(case: Case, extra: Iterable[Protected] = ()) -> Policy:
    """The redaction policy of ``case``: every officer (by their public label), every private or
    restricted party, and any ``extra`` people (personal details kept outside the case's events).
    A name erased under the retention schedule is its placeholder, not a name: nothing to match."""
    labels = officer_labels(case)
    people = []
    for (_, label, hidden), o in zip(labels, case.officers.values(), strict=True):
        people.append(
            Protected(
                o.name if hidden and not is_erased(o.name) else "",
                label,
                numbers=(o.warrant_number,),
                identifiers=(o.officer_id,),
            )
        )
    people += [
        Protected(
            "" if is_erased(p.name) else p.name,
            WITHHELD,
            identifiers=tuple(c for c in [getattr(p, "contact", "")] if c and not is_erased(c)),
        )
        for p in case.parties
        if _restricted(p)
    ]
    return Policy((*people, *extra), tuple(labels))


def _officer_person(officer: OfficerInfo) -> Protected:
    """A document's own officer: the name (under an order), warrant number, date of birth, address."""
    identity: list[str] = []
    if officer.date_of_birth is not None:
        dob = officer.date_of_birth
        identity += [
            dob.isoformat(),
            british(dob),
            f"{dob:%d/%m/%Y}",
            f"{dob.day}/{dob.month}/{dob.year}",
        ]
    if officer.address.strip():
        identity.append(officer.address.strip())
        identity += [
            line.strip() for line in re.split(r"[,\n]", officer.address) if len(line.strip()) > 3
        ]
    return Protected(
        officer.name if officer.anonymised else "",
        officer.cipher if officer.anonymised else officer.display(),
        numbers=(officer.warrant_number,),
        identifiers=tuple(identity),
    )


def document_policy(ctx: DocumentContext) -> Policy:
    """The policy for a document: its own officer, and everyone else the case's policy withholds
    (carried on the context as ``withheld``)."""
    return Policy((_officer_person(ctx.officer), *ctx.withheld))


def scrub(text: str, officer: OfficerInfo) -> str:
    """``text`` with the officer's identifying details replaced (a one-officer policy)."""
    return Policy((_officer_person(officer),)).scrub(text)


def _walk(value: T, policy: Policy) -> T:
    if isinstance(value, Enum):  # vocabulary values are strings too, and never identify anyone
        return value
    if isinstance(value, str):
        return policy.scrub(value)  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(_walk(v, policy) for v in value)  # type: ignore[return-value]
    if isinstance(value, Protected):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {
            f.name: _walk(getattr(value, f.name), policy) for f in dataclasses.fields(value)
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
    """The context a public document may be written from: every free text scrubbed by the case's
    policy, and the officer reduced to what may be published."""
    policy = document_policy(ctx)
    scrubbed = _walk(dataclasses.replace(ctx, force=ctx.force, withheld=()), policy)
    return dataclasses.replace(
        scrubbed, force=ctx.force, officer=public_officer(ctx.officer), withheld=ctx.withheld
    )


class RedactionFailure(MisconductError):
    """A public document would have shown something the redaction policy withholds."""


def file_texts(content: bytes, fmt: str) -> list[str]:
    """The text a file carries, metadata included, for the check: every XML part of a DOCX; the
    HTML itself. (A PDF is checked through the HTML it is rendered from and its metadata.)"""
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(content)) as z:
            xml = [z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")]
        return xml + [re.sub(r"<[^>]+>", "", x) for x in xml]
    return [content.decode("utf-8", "replace")]


def assert_clean(texts: Iterable[str], officer: OfficerInfo | Policy) -> None:
    """Fail, without repeating what was found, if any text shows what the policy withholds."""
    policy = officer if isinstance(officer, Policy) else Policy((_officer_person(officer),))
    if policy.leaks(texts):
        raise RedactionFailure(
            "a public document would identify a person the redaction policy withholds; "
            "nothing was written",
            field="redaction",
        )
