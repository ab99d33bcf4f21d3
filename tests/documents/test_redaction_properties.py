"""Property tests of the one redaction policy: names of every shape (two letters, hyphenated, Irish,
Welsh, accented, invented), typed into every free-text field in every form a person might type them,
never reach a public surface: the public record (pages, feed and API are drawn from it) and every
public document's text and metadata."""

from __future__ import annotations

import dataclasses
import html
import re
from datetime import date
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from misconduct.app.web.publication import public_view
from misconduct.documents.adapter import context_from_case
from misconduct.documents.matching import PARTICLES, folded
from misconduct.documents.render import build, render
from misconduct.domain.case import Case
from misconduct.domain.records import PartyRecord, SubjectOfficer
from misconduct.domain.terms import PartyRole
from misconduct.rules.vocabulary import Rank
from tests.documents.builders import HEARING, record

ON = date(2026, 1, 15)

GIVEN = ["Daniel", "Siân", "Dafydd", "Zoë", "José", "Niamh", "Aoife", "Łukasz", "Gwenllian", "Jo"]
SURNAMES = [
    "Ng",
    "Li",
    "Wu",
    "Yu",
    "O'Connor-Bright",
    "O’Brien",
    "Ó Súilleabháin",
    "Mac Giolla Phádraig",
    "ap Rhys",
    "ferch Dafydd",
    "Llewelyn-Jones",
    "Müller",
    "Dvořák",
    "Søndergaard",
    "Nic Aoidh",
]
_LETTERS = "bcdfghjklmnprstvwz"
_VOWELS = "aeiouy"


@st.composite
def invented(draw: st.DrawFn) -> str:
    """A pronounceable invented name part of two to eight letters."""
    n = draw(st.integers(1, 4))
    body = "".join(
        draw(st.sampled_from(_LETTERS)) + draw(st.sampled_from(_VOWELS)) for _ in range(n)
    )
    return body.capitalize()


part = st.one_of(st.sampled_from(SURNAMES), invented())
given_name = st.one_of(st.sampled_from(GIVEN), invented())


@st.composite
def full_name(draw: st.DrawFn) -> str:
    surname = draw(part)
    if draw(st.booleans()):
        surname = f"{surname}-{draw(invented())}"
    return f"{draw(given_name)} {surname}"


def _tokens(name: str) -> list[str]:
    words = name.split()
    particles = {folded(w) for w in words if folded(w) in PARTICLES and w[:1].islower()}
    return [t for t in re.split(r"[ '\-.]+", folded(name)) if len(t) >= 2 and t not in particles]


def _variants(name: str, rank: str = "PC") -> list[str]:
    """The ways a person might type a name into a free-text field."""
    surname = name.split(" ", 1)[1]
    curly = name.replace("'", "\u2019")
    return [
        name,
        curly,
        name.replace(" ", "\u00a0"),
        name.upper(),
        f"{surname}'s",
        surname.replace("-", "\u2011") + "\u2019s",
        f"{rank} {surname}",
        f"{name[0]}. {surname}",
        surname.split("-")[-1],
        surname.split()[-1].split("'")[-1].split("\u2019")[-1],
    ]


def _mentioning(*names: str) -> str:
    said = "; ".join(v for n in names for v in _variants(n))
    return f"It was reported that {said} were present."


@cache
def _base() -> Case:
    return record(HEARING)


def _case(officer: str, other: str, complainant: str, witness: str, warrant: str) -> Case:
    case = _copy(_base())
    ((oid, o),) = list(case.officers.items())[:1]
    case.officers[oid] = dataclasses.replace(o, name=officer, warrant_number=warrant)
    second = SubjectOfficer("kent:900777", other, "900777", Rank.SERGEANT, "kent")
    case.officers[second.officer_id] = second
    case.parties = [
        PartyRecord(PartyRole.COMPLAINANT, complainant),
        PartyRecord(PartyRole.WITNESS, witness),
    ]
    text = _mentioning(officer, other, complainant, witness) + f" Warrant {warrant}, 900 777."
    case.summary = text
    case.allegations = {
        k: dataclasses.replace(a, particulars=text) for k, a in case.allegations.items()
    }
    assert case.proceedings is not None and case.severity is not None
    arrangement = dataclasses.replace(case.proceedings.arrangement, reporting_restrictions=text)
    case.proceedings = dataclasses.replace(case.proceedings, arrangement=arrangement)
    case.severity = dataclasses.replace(case.severity, reasons=text)
    case.decisions = {
        k: dataclasses.replace(d, decision=dataclasses.replace(d.decision, reasons=text))
        for k, d in case.decisions.items()
    }
    return case


def _copy(case: Case) -> Case:
    import copy

    return copy.deepcopy(case)


def _surfaces(case: Case) -> dict[str, str]:
    view = public_view(case, ON)
    assert view is not None
    out = {"public record": f"{view.title} {view.as_dict()}"}
    ctx = context_from_case(case)
    for kind in ("published-outcome", "reg36-notice"):
        doc = build(kind, ctx)
        m = doc.metadata
        rendered = render(kind, ctx, "html").content.decode()
        out[kind] = " ".join([rendered, m.title, m.subject, m.author, *m.keywords])
    return out


@cache
def _boilerplate() -> frozenset[str]:
    """The words the public surfaces use of their own, with placeholder names."""
    case = _case("Qqq Xxx", "Qqw Xxw", "Qqe Xxe", "Qqr Xxr", "977001")
    text = " ".join(_surfaces(case).values())
    return frozenset(re.findall(r"\w+", folded(html.unescape(text))))


def _shown(term: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text) is not None


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    officer=full_name(),
    other=full_name(),
    complainant=full_name(),
    witness=full_name(),
    warrant=st.integers(910000, 989999).map(str),
)
def test_no_protected_name_or_number_reaches_any_public_surface(
    officer: str, other: str, complainant: str, witness: str, warrant: str
) -> None:
    case = _case(officer, other, complainant, witness, warrant)
    ordinary = _boilerplate()
    for where, text in _surfaces(case).items():
        plain = folded(html.unescape(re.sub(r"<[^>]+>", " ", text)))
        for name in (officer, other, complainant, witness):
            assert not _shown(folded(name), plain), (name, where)
            for token in _tokens(name):
                if token not in ordinary:
                    assert not _shown(token, plain), (token, name, where)
        for number in (warrant, "900777"):
            assert number not in re.sub(r"[ .\-/]", "", plain), (number, where)


def test_the_cipher_and_the_withheld_labels_stand_in_their_place() -> None:
    case = _case(
        "Daniel Ng", "Siân ap Rhys", "Aoife O'Connor-Bright", "Zoë Llewelyn-Jones", "912345"
    )
    text = _surfaces(case)["public record"]
    assert "Officer B (1)" in text and "Officer B (2)" in text and "[name withheld]" in text
    assert "[number withheld]" in text
