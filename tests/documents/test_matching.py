"""The matcher finds exactly what one regular expression of all its patterns would find.

:class:`misconduct.documents.matching.Matcher` looks for each term's anchors first, tries only the
patterns whose anchor a text holds, and merges their matches; here it is compared with the plain
form (every pattern, longest first, as the alternatives of one expression over the folded text) on
names typed in the ways the property tests type them, run into each other and into noise."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from misconduct.documents.matching import _RANKS, _SEP, Matcher, Term, fold, folded
from tests.documents.test_redaction_properties import _variants, full_name


def _one_expression(
    terms: list[Term], text: str, *, strong_only: bool
) -> list[tuple[int, int, str]]:
    alternatives = [
        (p, t.replacement) for t in terms for p, strong in t.patterns if strong or not strong_only
    ]
    alternatives.sort(key=lambda a: len(a[0]), reverse=True)
    regex = re.compile("|".join(f"(?P<t{i}>{p})" for i, (p, _) in enumerate(alternatives)))
    f, origin = fold(text)
    out = []
    for m in regex.finditer(f):
        end = origin[m.end() - 1] + 1
        while end < len(text) and folded(text[end]) == "":
            end += 1
        out.append((origin[m.start()], end, alternatives[int((m.lastgroup or "t0")[1:])][1]))
    return out


_NOISE = st.text(
    st.sampled_from(list("abdgnprt .'-’\u00a0\u2011PCSgt0179é\u0301\u200bÓ")), max_size=12
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    a=full_name(),
    b=full_name(),
    number=st.integers(0, 999999).map(str),
    short=st.integers(0, 99).map(str),
    noise=_NOISE,
    rank=st.sampled_from(["PC", "Sgt", "DI", "p.c.", "Ch Supt", "Mr"]),
    strong_only=st.booleans(),
)
def test_the_matcher_finds_what_one_expression_of_its_patterns_finds(
    a: str, b: str, number: str, short: str, noise: str, rank: str, strong_only: bool
) -> None:
    terms = [
        Term.name(a, "PC A"),
        Term.name(b, "[w]"),
        # Another person sharing parts of both names, and the first again under another label:
        # at one position the first pattern in order wins, whichever person it belongs to.
        Term.name(f"{b.split()[0]} {a.split()[-1]}", "[x]"),
        Term.name(a, "[again]"),
        Term.number(number, "[n]"),
        Term.number(short, "[s]"),
        Term.literal(f"kent:{number}", "[id]"),
    ]
    matcher = Matcher(terms, strong_only=strong_only)
    texts = [noise + v + noise + w for v in _variants(a, rank) for w in _variants(b, rank)[:4]]
    texts += [
        f"{rank} {a[0]}.{b[0]}. and {rank}{a.split()[-1]}{noise}",
        f"warrant {number}, no. {short}; {rank} {short}; kent:{number}{noise}",
        noise,
    ]
    for text in texts:
        expected = _one_expression(terms, text, strong_only=strong_only)
        assert matcher.spans(text) == expected, text
        assert matcher.spans(text) == expected, text  # and again, from what it kept


def _anchors_as_one_expression(terms: list[Term], f: str, *, strong_only: bool) -> bool:
    """Whether folded text ``f`` holds an anchor of ``terms``, by the plain anchors' expression and
    one expression of the ranks' alternation with the anchors that follow a rank after it."""
    plain, ranked = [], []
    for t in terms:
        anchors = t.anchors if len(t.anchors) == len(t.patterns) else None
        for i, (pattern, strong) in enumerate(t.patterns):
            if strong or not strong_only:
                anchor, after_rank = anchors[i] if anchors else (pattern, False)
                (ranked if after_rank else plain).append(anchor)
    found = [re.compile("|".join(plain))] if plain else []
    if ranked:
        found.append(re.compile(rf"(?<!\w)(?:{_RANKS})\.?{_SEP}(?:{'|'.join(ranked)})"))
    return any(rx.search(f) is not None for rx in found)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    a=full_name(),
    noise=_NOISE,
    rank=st.sampled_from(["PC", "Sgt", "DI", "p.c.", "Ch Supt", "Det. Sgt", "Mr", "XPC", ""]),
    between=st.sampled_from(["", " ", ". ", "-", " '. ", "\n"]),
    strong_only=st.booleans(),
)
def test_an_anchor_after_a_rank_is_found_where_one_expression_with_the_ranks_finds_it(
    a: str, noise: str, rank: str, between: str, strong_only: bool
) -> None:
    """The ranks' alternation is compiled once and read backwards from each place an anchor starts
    (``_RANK_BEFORE``) instead of compiled again with each case's names after it: a text has an
    anchor exactly when the one expression finds one."""
    terms = [Term.name(a, "PC A"), Term.number("7", "[s]")]
    matcher = Matcher(terms, strong_only=strong_only)
    initials = "".join(w[0] for w in a.split())
    texts = [
        noise + rank + between + v + noise for v in [*_variants(a, rank)[:6], initials, a[-3:]]
    ]
    texts += [f"{noise}{rank}{between}{noise}", f"{rank}{between}{rank}{between}{a}"]
    for text in texts:
        f = folded(text)
        assert matcher._has(f) == _anchors_as_one_expression(terms, f, strong_only=strong_only), (
            text
        )


_GAP = st.sampled_from(["", "", " ", "-", ".", "/", "'", "--", ". ", "\u2011", "x"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    number=st.text(st.sampled_from(list("S0179ab")), min_size=1, max_size=7),
    literal=st.text(st.sampled_from(list("off_7a9.-/' ")), min_size=1, max_size=10),
    gaps=st.lists(_GAP, min_size=12, max_size=12),
    noise=_NOISE,
    strong_only=st.booleans(),
)
def test_a_number_or_an_identifier_is_found_where_one_expression_finds_it_gaps_and_all(
    number: str, literal: str, gaps: list[str], noise: str, strong_only: bool
) -> None:
    """A number's or a literal's anchor is looked for only in a text holding its needle (the text
    without gaps holding the term's characters without gaps): the text has an anchor, and the same
    matches, exactly when the one expression of the anchors finds one."""
    terms = [Term.number(number, "[n]"), Term.literal(literal, "[id]"), Term.name("Jo Ng", "[a]")]
    matcher = Matcher(terms, strong_only=strong_only)

    def typed(text: str) -> str:
        return "".join(c + gaps[i % len(gaps)] for i, c in enumerate(text))

    texts = [
        noise + typed(number) + noise,
        f"PC{number}; no. {typed(number)}",
        noise + literal + noise,
        noise + typed(literal) + " jo ng",
        typed(noise),
    ]
    for text in texts:
        f = folded(text)
        assert matcher._has(f) == _anchors_as_one_expression(terms, f, strong_only=strong_only), (
            text
        )
        assert matcher.spans(text) == _one_expression(terms, text, strong_only=strong_only), text
