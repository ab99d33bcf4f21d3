"""Finding a person's name or number in free text however it was typed.

Text and names are compared after *folding*: Unicode compatibility forms (NFKD) with the accents
dropped, case folded, every apostrophe form (' ’ ‘ ʼ ` ´ ′) read as ', every dash as -, every space
(non-breaking, thin, ideographic) as a plain space and invisible format characters (zero-width
spaces, joiners) dropped. A match in the folded text is mapped back to the span of the original, so
the replacement lands exactly where the name was.

A name is matched in full, in every run of two or more of its parts ("O'Connor-Bright",
"Connor Bright", "OConnor"), by each part of two letters or more on its own ("Ng", "Bright") except
lower-case particles ("de", "ap", "van"), by its initials with the surname ("D. Ng", "DJ Ng"), and
with any rank in front ("PC Ng", "Sgt D. Ng"); a rank followed by the initials alone ("PC D.N.")
too. A number (warrant or collar number) is matched with or without spaces, dots or dashes between
its characters, and with a letter prefix run into it ("PC1234").

>>> m = Matcher([Term.name("Daniel O'Connor-Bright", "PC A")])
>>> m.sub("PC O\u2019Connor\u2011Bright admitted it; Bright\u2019s phone; D.\u00a0O'Connor-Bright.")
'PC A admitted it; PC A’s phone; PC A.'
>>> m.sub("Daniel and DANIEL")
'PC A and PC A'
>>> Matcher([Term.name("Siân ap Rhys", "X")]).sub("Sian ap Rhys; Rhys; sian")
'X; X; X'
>>> Matcher([Term.number("100 001", "[n]")]).sub("warrant 100001, or 100-001, or PC100001; 1000010")
'warrant [n], or [n], or PC[n]; 1000010'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

APOSTROPHES = frozenset("'’‘ʼ`´′‛ʹ＇ˈ")
DASHES = frozenset("-‐‑‒–—―−﹣－")
_SEP = r"[ '\-.]*"
"""Between the parts of one name: spaces, apostrophes, hyphens, dots, or nothing at all."""
_GAPS = str.maketrans("", "", " '-./")
"""What may stand between the parts of a name (``_SEP``) or the characters of a number."""


def _gapless(text: str) -> str:
    """``text`` without the characters of ``_GAPS``: where an expression matches a text, what it
    matched, without them, is in the text without them (see :attr:`Term.needle`)."""
    return text.translate(_GAPS)


# Lower-case particles of a surname: matched as part of the name, never on their own.
PARTICLES = frozenset(
    [
        "ap",
        "ab",
        "ferch",
        "verch",
        "de",
        "del",
        "della",
        "der",
        "den",
        "di",
        "da",
        "du",
        "dos",
        "das",
        "van",
        "von",
        "le",
        "la",
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "mac",
        "mc",
        "o",
        "y",
    ]
)

RANK_WORDS = (
    "special constable",
    "police constable",
    "detective constable",
    "constable",
    "detective sergeant",
    "police sergeant",
    "sergeant",
    "detective inspector",
    "detective chief inspector",
    "chief inspector",
    "inspector",
    "detective superintendent",
    "chief superintendent",
    "superintendent",
    "assistant chief constable",
    "deputy chief constable",
    "chief constable",
    "commander",
    "deputy assistant commissioner",
    "assistant commissioner",
    "deputy commissioner",
    "commissioner",
    "detective",
    "officer",
    "sc",
    "pc",
    "wpc",
    "dc",
    "tdc",
    "ps",
    "ds",
    "sgt",
    "insp",
    "di",
    "ci",
    "dci",
    "supt",
    "dsupt",
    "ch supt",
    "csupt",
    "acc",
    "dcc",
    "cc",
    "cmdr",
    "dac",
    "ac",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
)


@functools.lru_cache(maxsize=8192)
def fold_char(c: str) -> str:
    """One character as compared: see the module's docstring."""
    if c in APOSTROPHES:
        return "'"
    if c in DASHES:
        return "-"
    if c.isspace():
        return " "
    if unicodedata.category(c) in ("Cf", "Mn", "Me"):
        return ""
    decomposed = unicodedata.normalize("NFKD", c)
    plain = "".join(x for x in decomposed if not unicodedata.combining(x))
    return "".join(_plain_char(x) for x in plain.casefold())


def _plain_char(x: str) -> str:
    if x in APOSTROPHES:
        return "'"
    if x in DASHES:
        return "-"
    return " " if x.isspace() else x


# Every ASCII character folds to exactly one character (checked as the table is built), so ASCII
# text folds by one ``str.translate`` and each folded character comes from the same index.
_ASCII = {i: fold_char(chr(i)) for i in range(128)}
assert all(len(f) == 1 for f in _ASCII.values())


def _fold(text: str) -> tuple[str, tuple[int, ...] | None]:
    """:func:`fold`, with ``None`` for an origin that is every index in turn (ASCII text). Texts of
    a page's size are cached: a case's free texts are folded again for each surface and document."""
    return _fold_cached(text) if len(text) <= _CACHED_TEXT else _fold_text(text)


_CACHED_TEXT = 20_000
"""The longest text whose folding (and matches, see :class:`Matcher`) is kept for reuse."""


def _fold_text(text: str) -> tuple[str, tuple[int, ...] | None]:
    if text.isascii():
        return text.translate(_ASCII), None
    chars: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        for f in fold_char(c):
            chars.append(f)
            origin.append(i)
    return "".join(chars), tuple(origin)


_fold_cached = functools.lru_cache(maxsize=2048)(_fold_text)


def fold(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the original it came from."""
    f, origin = _fold(text)
    return f, list(range(len(text)) if origin is None else origin)


def folded(text: str) -> str:
    return _fold(text)[0]


def _parts(text: str) -> list[str]:
    return [p for p in re.split(r"[ '\-.,]+", folded(text)) if p]


def _rank_pattern(rank: str) -> str:
    if " " in rank or len(rank) > 5:
        return re.escape(rank).replace(r"\ ", _SEP)
    return r"\.?".join(map(re.escape, rank))  # "P.C." as well as "PC"


_RANKS = "|".join(_rank_pattern(r) for r in sorted(RANK_WORDS, key=len, reverse=True))
_RANK_PREFIX = rf"(?:(?:{_RANKS})\.?{_SEP})?"


def _reversed_rank_pattern(rank: str) -> str:
    """:func:`_rank_pattern` of ``rank`` read backwards: it matches a text reversed exactly where
    :func:`_rank_pattern` matches the text (``_SEP`` and ``\\.?`` read the same both ways)."""
    if " " in rank or len(rank) > 5:
        return re.escape(rank[::-1]).replace(r"\ ", _SEP)
    return r"\.?".join(map(re.escape, rank[::-1]))


_RANK_BEFORE = re.compile(
    rf"{_SEP}\.?(?:{'|'.join(_reversed_rank_pattern(r) for r in sorted(RANK_WORDS, key=len, reverse=True))})(?!\w)"
)
"""``(?<!\\w)(?:RANKS)\\.?SEP``, a rank and what may follow it, read backwards: matched at the
reversed text's position ``len(text) - i``, it tells whether such a rank ends at ``i``. Compiled once
(the ranks' alternation is slow to compile) instead of once with each case's names after it."""


@dataclass(frozen=True)
class Term:
    """One thing to find (as a regular expression over folded text) and what replaces it.

    ``strong`` terms are the ones the final check of a finished file looks for: they cannot occur in
    ordinary prose by chance (a full name, a surname with a rank, a number).
    """

    patterns: tuple[tuple[str, bool], ...]
    replacement: str
    anchors: tuple[tuple[str, bool], ...] = ()
    """For each pattern, a smaller expression that every text the pattern matches also matches, and
    whether it is what follows a rank (the pattern being a rank, then it). A :class:`Matcher` looks
    for the anchors first and runs the patterns only on a text that has one. A term without them
    (one anchor per pattern) is its own anchor."""
    needle: str = ""
    """Text that every text an anchor of this term matches holds once spaces, apostrophes, hyphens,
    dots and slashes are taken out of it (:func:`_gapless`), or "" for none: a text without it has
    none of the term's anchors, which are then neither compiled nor run (a number or an identifier
    is one case's own, so its expression would be compiled for that case alone)."""

    @classmethod
    @functools.lru_cache(maxsize=4096)  # a case's people, on every page and document
    def name(cls, name: str, replacement: str) -> Term:
        words = [w for w in re.split(r"\s+", name.strip()) if w]
        if not words:
            return cls((), replacement)
        particle = {
            p
            for w in words
            for p in _parts(w)
            if p in PARTICLES and not any(ch.isupper() for ch in w[:1])
        }
        tokens = _parts(name)
        pats: list[tuple[str, bool]] = []
        anchors: list[tuple[str, bool]] = []
        b, e = r"(?<!\w)", r"(?!\w)"

        def add(prefix: str, body: str, strong: bool, *, after_rank: bool = False) -> None:
            # ``prefix`` (the boundary, a rank) is left out of the anchor: a rank may run into the
            # name ("PCNg"), so the anchor starts where the name does.
            pats.append((prefix + body, strong))
            anchors.append((body, after_rank))

        # Every run of two or more parts, longest first, each optionally after a rank.
        for size in range(len(tokens), 1, -1):
            for start in range(len(tokens) - size + 1):
                run = tokens[start : start + size]
                add(b + _RANK_PREFIX, _SEP.join(map(re.escape, run)) + e, True)
        surname = _parts(words[-1])
        given = [t for w in words[:-1] for t in _parts(w) if t not in particle]
        initials = [g[0] for g in given]
        if initials and surname:
            tail = _SEP + _SEP.join(map(re.escape, surname))
            dotted = [rf"{re.escape(i)}\.?" for i in initials]
            add(b + _RANK_PREFIX, _SEP.join(dotted) + tail + e, True)
            add(b + _RANK_PREFIX, dotted[0] + tail + e, True)
            every = _SEP.join(rf"{re.escape(i)}\.?" for i in [*initials, surname[0][0]])
            add(rf"{b}(?:{_RANKS})\.?{_SEP}", f"{every}(?!\\w)", True, after_rank=True)
        for t in tokens:
            if len(t) >= 2 and t not in particle:
                strong = t in surname and len(t) >= 3
                add(rf"{b}(?:{_RANKS})\.?{_SEP}", re.escape(t) + e, True)
                add(b, re.escape(t) + e, strong and t not in _COMMON)
        return cls(tuple(pats), replacement, tuple(anchors))

    @classmethod
    @functools.lru_cache(maxsize=4096)
    def number(cls, number: str, replacement: str) -> Term:
        chars = [c for c in folded(number) if c.isalnum()]
        if not chars:
            return cls((), replacement)
        body = r"[ \-./]?".join(map(re.escape, chars))
        left = r"(?<![0-9])" if chars[0].isdigit() else r"(?<!\w)"
        right = r"(?![0-9])" if chars[-1].isdigit() else r"(?!\w)"
        prefixed = rf"(?:(?:{_RANKS}|warrant|collar|number|no)\.?{_SEP})"
        # (the characters are letters and digits, each apart from the next by at most one gap)
        needle = "".join(chars)
        if len(chars) >= 3:
            return cls(
                ((left + body + right, True),), replacement, ((body + right, False),), needle
            )
        # A number of one or two characters only where it reads as a number (after a rank, or
        # "warrant number"), prefix and all: on its own it would match any date or count.
        return cls(
            ((rf"(?<!\w){prefixed}(?:number|no)?\.?{_SEP}{body}{right}", True),),
            replacement,
            ((body + right, False),),
            needle,
        )

    @classmethod
    @functools.lru_cache(maxsize=4096)
    def literal(cls, text: str, replacement: str) -> Term:
        """Exactly this text (folded), as a whole: an address, a date, an internal id."""
        f = folded(text).strip()
        if not f:
            return cls((), replacement)
        body = _SEP.join(re.escape(p) for p in re.split(r"[ ]+", f))
        # (the parts in turn, with only gaps between them)
        return cls(
            ((rf"(?<!\w){body}(?!\w)", True),),
            replacement,
            ((body + r"(?!\w)", False),),
            _gapless(f),
        )


# Words of four letters or more that are surnames as well as ordinary English: a document's own
# wording may hold them, so the final check of a finished file does not look for them alone (the
# free text it was written from was scrubbed of them all the same).
_COMMON = frozenset(
    [
        "will",
        "hope",
        "rose",
        "young",
        "long",
        "white",
        "brown",
        "green",
        "black",
        "bright",
        "hall",
        "wood",
        "hill",
        "king",
        "ward",
        "page",
        "lord",
        "bishop",
        "church",
        "moore",
        "more",
        "best",
        "good",
        "rich",
        "small",
        "little",
        "short",
        "fair",
        "love",
        "grace",
        "faith",
        "mark",
        "case",
        "chief",
        "panel",
        "chair",
        "notice",
        "force",
        "hearing",
        "police",
        "officer",
        "report",
        "date",
        "reasons",
        "outcome",
        "meeting",
        "note",
        "time",
        "rule",
        "rules",
        "last",
        "first",
        "said",
        "made",
        "under",
        "order",
        "public",
        "written",
        "final",
        "home",
        "house",
        "street",
        "road",
        "lane",
        "park",
        "field",
        "fields",
        "well",
        "wells",
        "rank",
        "number",
        "days",
        "week",
        "month",
        "year",
        "court",
        "march",
        "april",
        "june",
        "july",
        "august",
        "early",
        "late",
        "price",
        "cash",
        "cook",
        "baker",
        "carter",
        "fisher",
        "hunter",
        "mason",
        "miller",
        "parker",
        "turner",
        "walker",
        "rider",
        "taylor",
        "smith",
        "judge",
        "marshal",
        "sheriff",
        "constable",
        "sergeant",
        "inspector",
    ]
)


class Matcher:
    """Every term's patterns, longest first, as if one regular expression over folded text: at the
    first position where any pattern matches, the first of them in that order wins, and the search
    goes on after it.

    The patterns are many (a few hundred: each person's parts with and without a rank), so a text is
    first looked at with the terms' anchors (see :class:`Term`) in one small expression: a text with
    none (most of a case's texts, and every finished document) is left as it is. Otherwise only the
    patterns whose own anchor the text has are tried. Each pattern is compiled once, when a text first
    needs it, and kept (:func:`_compiled`), so the case's pages, its documents and their final check
    share them; the matches of each text are kept too, since a case's texts are scrubbed again for
    each public surface, and :func:`matcher` keeps the matchers.
    """

    def __init__(self, terms: Iterable[Term], *, strong_only: bool = False) -> None:
        alternatives: list[tuple[str, str, str]] = []
        plain: dict[str, None] = {}
        ranked: dict[str, None] = {}
        needles: dict[str, str] = {}
        for t in terms:
            anchors = t.anchors if len(t.anchors) == len(t.patterns) else None
            for i, (pattern, strong) in enumerate(t.patterns):
                if strong or not strong_only:
                    anchor, after_rank = anchors[i] if anchors else (pattern, False)
                    alternatives.append((pattern, t.replacement, anchor))
                    (ranked if after_rank else plain)[anchor] = None
                    needles.setdefault(anchor, t.needle if anchors else "")
        # Longer patterns first: at one position the fullest form of a name wins over its parts.
        alternatives.sort(key=lambda a: len(a[0]), reverse=True)
        self._alternatives = [(p, a) for p, _, a in alternatives]
        self.replacements = [r for _, r, _ in alternatives]
        self._found: dict[str, tuple[tuple[int, int, str], ...]] = {}
        # The plain anchors, and the anchors that follow a rank, without the rank: a text has one
        # of those where a rank (``_RANK_BEFORE``, the ranks' alternation compiled once for every
        # case) ends just before it (:meth:`_has`). Each anchor is its own expression, compiled
        # once for every case that has it (a case's officers' names recur; their alternation would
        # be the case's own), and one with a needle only where the text has the needle.
        self._needles = needles
        self._plain = tuple(plain)
        self._after = tuple(ranked)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Each match as (start, end, replacement) in the original text."""
        if not (self._plain or self._after) or not text:
            return []
        found = self._found.get(text)
        if found is None:
            found = self._spans(text)
            if len(text) <= _CACHED_TEXT:
                if len(self._found) >= _KEPT_TEXTS:
                    self._found.clear()
                self._found[text] = found
        return list(found)

    def _matches(self, f: str) -> Iterator[tuple[int, re.Match[str]]]:
        """The matches in folded text (with the index of the pattern), as one alternation of the
        patterns in order would find them."""
        if not self._has(f):
            return
        has: dict[str, bool] = {}
        patterns: list[tuple[int, re.Pattern[str]]] = []
        gapless: list[str] = []
        for i, (pattern, anchor) in enumerate(self._alternatives):
            if anchor not in has:
                has[anchor] = self._search(anchor, f, gapless) is not None
            if has[anchor]:
                patterns.append((i, _compiled(pattern)))
        # The next match of each pattern at or after ``pos``: the earliest wins, and of those
        # starting at one position, the first pattern (they are in order).
        ahead = [rx.search(f) for _, rx in patterns]
        pos = 0
        while True:
            best: tuple[int, re.Match[str]] | None = None
            for k, (i, rx) in enumerate(patterns):
                m = ahead[k]
                while m is not None and (m.start() < pos or m.end() == m.start()):
                    # (No pattern matches an empty text; an empty match is passed over all the same.)
                    m = ahead[k] = rx.search(f, max(pos, m.start() + (m.end() == m.start())))
                if m is not None and (best is None or m.start() < best[1].start()):
                    best = (i, m)
            if best is None:
                return
            yield best
            pos = best[1].end()

    def _search(self, anchor: str, f: str, gapless: list[str]) -> re.Match[str] | None:
        """The first match of ``anchor`` in folded text ``f``; None at once where ``f`` (without
        gaps: ``gapless`` keeps it, once made, for the other anchors) lacks the anchor's needle."""
        needle = self._needles[anchor]
        if needle:
            if not gapless:
                gapless.append(_gapless(f))
            if needle not in gapless[0]:
                return None
        return _compiled(anchor).search(f)

    def _has(self, f: str) -> bool:
        """Whether folded text ``f`` has an anchor: a plain one anywhere, or one that follows a
        rank, as ``(?<!\\w)(?:RANKS)\\.?SEP(?:anchors)`` would find it. (The anchors in turn find
        one exactly where their alternation would.)"""
        gapless: list[str] = []
        if any(self._search(anchor, f, gapless) is not None for anchor in self._plain):
            return True
        backwards = f[::-1] if self._after else ""
        for anchor in self._after:
            found = self._search(anchor, f, gapless)
            while found is not None:
                # the anchor starts here: is it just after a rank? (every start is tried, as an
                # alternation after the ranks would try it)
                start = found.start()
                if _RANK_BEFORE.match(backwards, len(f) - start) is not None:
                    return True
                found = _compiled(anchor).search(f, start + 1)
        return False

    def _spans(self, text: str) -> tuple[tuple[int, int, str], ...]:
        f, origin = _fold(text)
        out = []
        for i, m in self._matches(f):
            if origin is None:
                start, end = m.start(), m.end()
            else:
                start, end = origin[m.start()], origin[m.end() - 1] + 1
            while end < len(text) and fold_char(text[end]) == "":
                end += 1  # a combining accent or an invisible character left after the name
            out.append((start, end, self.replacements[i]))
        return tuple(out)

    def sub(self, text: str) -> str:
        out, last = [], 0
        for start, end, replacement in self.spans(text):
            out += [text[last:start], replacement]
            last = end
        return "".join(out) + text[last:]

    def search(self, texts: Sequence[str] | Iterable[str]) -> bool:
        return any(self.spans(t) for t in texts)


_KEPT_TEXTS = 1024
"""The most texts one matcher keeps the matches of (forgotten all at once when full)."""


@functools.lru_cache(maxsize=8192)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@functools.lru_cache(maxsize=64)
def matcher(terms: tuple[Term, ...], *, strong_only: bool = False) -> Matcher:
    """The :class:`Matcher` of ``terms``, built once: the public pages and documents of one case
    share it."""
    return Matcher(terms, strong_only=strong_only)
