"""Plain-text helpers for extraction: sentences with their offsets, headlines and simple tables.

>>> [s.text for s in sentences("PC A was dismissed. He appealed.\\n\\nNext")]
['PC A was dismissed.', 'He appealed.', 'Next']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

_SENTENCE_END = re.compile(
    r"(?<=[.!?”\"])\s+(?=[A-Z“\"‘'(•0-9])|\n\s*\n|\n(?=\s*(?:•|\d+[.)]|[a-z][.)]|[ivx]+\.)\s)"
    # a stop with no space after it, where a copy lost the space: "set for 15 January 2024.On 11
    # December 2023, he was dismissed", "serious injuries.PC Bloggs" (a word of three small
    # letters or figures before it, so not "Mr.Smith" or "U.K."; twenty-seventh round)
    r"|(?<=[a-z0-9]{3}[.!?])(?=[A-Z][A-Za-z])"
)


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    text: str


class Located(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


L = TypeVar("L", bound=Located)


def longest_first(found: Sequence[L]) -> list[L]:
    """Matches in text order; where two overlap, the longer (then the earlier) is kept."""
    out: list[L] = []
    for m in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


# A line of a hard-wrapped paragraph (a PDF's or a plain-text notice's) that runs on: it ends
# without a sentence's or a label's stop, and the next line is neither blank, a label ("Date of
# hearing: ...") nor a list's item.
_RUNS_ON = re.compile(r"[\w,;’'”\")-]$")
_MID_PHRASE = re.compile(r"(?:(?<![\w’'])[a-z][\w’']*|,)$")
_NOT_RUN_ON = re.compile(r"\s*$|\s*(?:[A-Z][A-Za-z ]{0,40}:\s|•|-\s|\d+[.)]\s|\(?[a-z]\)\s)")


def unwrap(text: str) -> str:
    """A hard-wrapped text with its wrapped lines joined, each such line break read as a space (so
    every offset is kept): "found that PC Daniel / Harlow breached ... respect and / courtesy"
    is one sentence, one officer and two Standards (twenty-sixth round).

    A text is hard-wrapped when its lines are kept to a width (none of its long lines runs past
    130 characters) and at least two of them run on into the next line, one of them mid-phrase; only a line at least
    three-fifths of that width long is joined, so a headline, a label's line or a short list item
    keeps its own line. The excerpts of news pages, a paragraph a line, are left as they are.

    >>> unwrap("Kent Police\\n\\nA hearing chaired by Ms Rebecca Thornton found that PC Daniel\\n"
    ...        "Harlow breached the Standards for honesty and integrity, respect and\\n"
    ...        "courtesy, and discreditable conduct, and he was dismissed without\\n"
    ...        "notice.\\n\\nDate: 14 March 2024")[13:]
    'A hearing chaired by Ms Rebecca Thornton found that PC Daniel Harlow breached the Standards for honesty and integrity, respect and courtesy, and discreditable conduct, and he was dismissed without notice.\\n\\nDate: 14 March 2024'
    """
    lines = text.split("\n")
    long = [len(line) for line in lines if len(line.strip()) >= 50]
    if len(long) < 3 or max(long) > 130:
        return text
    width = sorted(long)[int(0.9 * (len(long) - 1))]
    joins = [
        i
        for i in range(len(lines) - 1)
        if len(lines[i].rstrip()) >= 0.6 * width
        and _RUNS_ON.search(lines[i].rstrip())
        and not _NOT_RUN_ON.match(lines[i + 1])
        # a table's row, its cells parted by pipes, is a line of its own (thirty-sixth round)
        and "|" not in lines[i]
        and "|" not in lines[i + 1]
    ]
    if len(joins) < 2 or not any(_MID_PHRASE.search(lines[i].rstrip()) for i in joins):
        # (at least one line runs on mid-phrase, in a small word or after a comma: the rows of a
        # table printed one a line, each ending in its outcome, are not a wrapped paragraph)
        return text
    out = list(text)
    at = 0
    starts = []
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    for i in joins:
        out[starts[i] + len(lines[i])] = " "
    return "".join(out)


def sentences(text: str) -> list[Piece]:
    """The text cut at sentence ends and blank lines, each piece with its offsets (a new list each
    call; the cutting itself is done once per text)."""
    return list(_sentences(text))


@functools.lru_cache(maxsize=32)
def _sentences(text: str) -> tuple[Piece, ...]:
    # The readers ask for the same text's sentences once per officer and per field: cut anew each
    # time, a text of 200 KB took a minute and a half to read (now eight seconds).
    return tuple(p for p in _split(text, _SENTENCE_END) if p.text)


def headline_end(text: str) -> int:
    """Where the body starts: after a first line that reads as a headline (short, no full stop)."""
    first = text.lstrip("\n")
    offset = len(text) - len(first)
    line = first.split("\n", 1)[0]
    if 0 < len(line) <= 160 and not line.rstrip().endswith((".", ":", "|")) and "\n" in first:
        return offset + len(line)
    return 0


def table_cells(text: str) -> dict[str, Piece]:
    """A one-row table (pipes, or one cell a line) read as header → value, when the text is one.

    Only headers we know are read (date, finding, outcome, sanction, hearing type, rank, breach).
    """
    if text.count("|") >= 6:
        cells = [p for p in _split(text, r"\|") if p.text]
    else:
        cells = [p for p in _split(text, r"\n") if p.text]
    headers = []
    for i, cell in enumerate(cells):
        if _header_kind(cell.text):
            headers.append(i)
        elif headers:
            break
    if len(headers) < 3 or headers != list(range(headers[0], headers[0] + len(headers))):
        return {}
    values = cells[headers[-1] + 1 : headers[-1] + 1 + len(headers)]
    out = {}
    for h, v in zip(headers, values, strict=False):
        kind = _header_kind(cells[h].text)
        if kind and kind not in out:
            out[kind] = v
    return out


# The first cell of a row that names the officer it is about ("Officer 1", "PC A", "Sergeant").
_ROW_LABEL = re.compile(
    r"^(?:former\s+|ex-)?(?:officer|pc|ps|sgt|dc|ds|di|dci|insp\w*|constable|sergeant|police\s+\w+|"
    r"special\s+constable|detective\s+\w+|chief\s+\w+)\b|^[A-Z](?:\s|$)",
    re.IGNORECASE,
)


def table_rows(text: str) -> list[dict[str, Piece]]:
    """A pipe table of several rows, one officer a row, read as header → cell for each row
    (30/11/2026, issue 15: Freedom of Information answers print "| Allegation | Outcome |" and
    then "Officer 1 | Confidentiality | Misconduct meeting – Officer received management
    advice."). A first column without a header that names the officer is kept as ``label``.
    Fewer than two rows give an empty list (a one-row table is read by ``table_cells``)."""
    if text.count("|") < 6:
        return _line_rows(text)
    # (a line break before a line holding a pipe parts cells too: a table typed without pipes at
    # the ends of its lines, "Officer | Rank | Outcome" then "Officer A | PC | Dismissed";
    # thirty-sixth round)
    cells = [
        p
        for p in _split(text, r"\||\n(?=[^\n]*\|)")
        if p.text and not re.fullmatch(r"[-:\s]+", p.text)
    ]
    start = next(
        (
            i
            for i in range(len(cells) - 1)
            if _header_kind(cells[i].text) and _header_kind(cells[i + 1].text)
        ),
        None,
    )
    if start is None:
        return []
    end = start
    while end < len(cells) and _header_kind(cells[end].text):
        end += 1
    kinds = [_header_kind(c.text) for c in cells[start:end]]
    data = cells[end:]
    labelled = bool(data) and bool(_ROW_LABEL.match(data[0].text)) and len(data[0].text) <= 40
    width = len(kinds) + (1 if labelled else 0)
    rows: list[dict[str, Piece]] = []
    for at in range(0, len(data) - width + 1, width):
        row = data[at : at + width]
        if any(len(c.text) > 300 for c in row):
            break
        if labelled and not (_ROW_LABEL.match(row[0].text) and len(row[0].text) <= 40):
            break
        out: dict[str, Piece] = {"label": row[0]} if labelled else {}
        for kind, cell in zip(kinds, row[1:] if labelled else row, strict=True):
            if kind and kind not in out:
                out[kind] = cell
        rows.append(out)
    return rows if len(rows) >= 2 else []


_LINE_HEADER = re.compile(
    r"^(?=[^\n]*\b(?:outcome|sanction)\b)(?=[^\n]*\b(?:breach|standards?|allegation)\b)"
    r"[^\n\d]{5,100}$",
    re.IGNORECASE | re.MULTILINE,
)
# A row ends with its outcome ("... Discreditable Conduct Convicted at court ... Dismissed").
_ROW_END = re.compile(
    r"(?:dismissed(?:\s+without\s+notice)?|dismissal(?:\s+without\s+notice)?|final\s+written\s+"
    r"warning|written\s+warning|management\s+advice|reduction\s+in\s+rank|would\s+have\s+been\s+"
    r"dismissed)\s*\.?\s*$",
    re.IGNORECASE,
)


def _ended_row(start: int, line: str, end: re.Match[str]) -> dict[str, Piece]:
    """One officer's row of a table printed a line a row: the whole line (where its Standards are
    read) and the outcome it ends with (``_ROW_END``), at their offsets in the text."""
    outcome = end.group().rstrip(". ")
    return {
        "standards": Piece(start, start + len(line), line),
        "outcome": Piece(start + end.start(), start + end.start() + len(outcome), outcome),
    }


def _line_rows(text: str) -> list[dict[str, Piece]]:
    """A table printed one row a line under a header line naming at least a breach and an
    outcome column ("Year Breach Type(s) Summary Outcome"), as a force's Freedom of Information
    answer prints it: each later line that ends with an outcome is one officer's row, its
    Standards and outcome read from that line (30/11/2026, issue 15). A line that ends with
    anything else ("Resigned whilst under investigation") is not an outcome and is passed over.
    Fewer than two such lines give an empty list."""
    header = _LINE_HEADER.search(text)
    if header is None:
        return _dated_line_rows(text) or _block_rows(text)
    rows: list[dict[str, Piece]] = []
    pos = header.end()
    for line in text[pos:].split("\n"):
        start = pos + (len(line) - len(line.lstrip()))
        pos += len(line) + 1
        stripped = line.strip()
        if len(stripped) > 400:
            break
        end = _ROW_END.search(stripped)
        if not stripped or end is None:
            continue
        rows.append(_ended_row(start, stripped, end))
    return rows if len(rows) >= 2 else []


_DATED_LINE = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
_STAFF_LINE = re.compile(
    r"\b(?:police\s+staff|staff\s+member|member\s+of\s+staff|PCSO|community\s+support\s+officer)\b",
    re.I,
)
_RANK_WORD = re.compile(
    r"\b(?:constable|sergeant|inspector|superintendent|PC|PS|DC|DS|DI|Sgt)\b(?<!support\sconstable)",
    re.I,
)
_OFFICER_LINE = re.compile(r"\b(?:officers?|constables?|sergeants?|inspectors?|PCs?)\b", re.I)


_HEADING_OUTCOME = re.compile(
    r"\b(?:(?:have|has|were|was)\s+(?:been\s+)?(?:given|received|issued\s+with)\s+)"
    r"(?P<outcome>management\s+advice|(?:final\s+)?written\s+warnings?)\b",
    re.IGNORECASE,
)


def _heading_outcome(text: str) -> Piece | None:
    """The one outcome an opening gives every case of a list ("Twenty officers have been given
    management advice ..."), read only before the first dated line."""
    first = next(
        (
            m
            for m in re.finditer(r"^[ \t]*\S.*$", text, re.M)
            if _DATED_LINE.match(m.group().strip())
        ),
        None,
    )
    if first is None:
        return None
    found = list(_HEADING_OUTCOME.finditer(text[: first.start()]))
    if len(found) != 1:
        return None
    m = found[0]
    return Piece(m.start("outcome"), m.end("outcome"), m.group("outcome"))


def _dated_line_rows(text: str) -> list[dict[str, Piece]]:
    """A list printed one case a line, each line opening with its month and year and ending with
    its outcome ("March 2014 Police officer acted inappropriately towards a colleague breaching
    standards of authority, respect and courtesy. Management Advice"; 30/11/2026, fourth round):
    each such line about an officer is one row, its Standards and outcome read from the line. A
    line about police staff is passed over. Fewer than two such lines give an empty list."""
    rows: list[dict[str, Piece]] = []
    pos = 0
    heading = _heading_outcome(text)
    for line in text.split("\n"):
        start = pos + (len(line) - len(line.lstrip()))
        pos += len(line) + 1
        stripped = line.strip()
        if not _DATED_LINE.match(stripped) or len(stripped) > 1200:
            continue
        end = _ROW_END.search(stripped)
        if _STAFF_LINE.search(stripped) and not _OFFICER_LINE.search(stripped):
            continue
        if end is None and heading is not None and _OFFICER_LINE.search(stripped):
            # A line with no outcome of its own, under an opening that gives every case listed
            # one outcome ("... have been given management advice ..."; sixth round).
            rows.append(
                {"standards": Piece(start, start + len(stripped), stripped), "heading": heading}
            )
            continue
        if end is None or len(stripped) > 400:
            continue
        rows.append(_ended_row(start, stripped, end))
    return rows if len(rows) >= 2 else []


# The opening of a list's item: a bullet or a number ("• ...", "- ...", ":: ...", "2. ...")
LIST_ITEM = re.compile(r"[ \t]*(?:::|[-•*–]|\d{1,2}[.)])[ \t]+(?=\S)")
# A line of a labelled block: "Outcome: Dismissal without notice", "Officer: Police Constable (Ely)"
_LABELLED = re.compile(
    r"[ \t]*(?P<label>[A-Z][A-Za-z'’ ()/-]{1,40}?)[ \t]*:[ \t]*(?P<value>\S[^\n]*)"
)
# the label of the line that says who the officer was
_OFFICER_LABEL = re.compile(r"(?:officer|subject|rank|name)\b", re.IGNORECASE)
_PROCEEDINGS_LABEL = re.compile(r"proceedings|forum|hearing\b|meeting\b", re.IGNORECASE)


def _block_rows(text: str) -> list[dict[str, Piece]]:
    """Cases printed one labelled block a case ("Officer: Police Constable (Ely)", "Proceedings:
    Misconduct hearing, 20/03/2025", "Finding: ...", "Outcome: ..."), as a force's page of a
    quarter's outcomes prints them: each block that names an officer and an outcome is one
    officer's row, its cells by their labels ("label" the officer's line, "date" the proceedings'
    line where it holds a date); a block about police staff is passed over (forty-second round).
    Fewer than two blocks of a case and its outcome (staff's counted) give an empty list."""
    blocks: list[list[tuple[str, Piece]]] = []
    current: list[tuple[str, Piece]] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        m = _LABELLED.fullmatch(line)
        if m is None:
            if current and not line.strip():
                blocks.append(current)
                current = []
            continue
        label = m.group("label").strip()
        value = Piece(start + m.start("value"), start + m.end("value"), m.group("value").rstrip())
        if _OFFICER_LABEL.match(label) and any(_OFFICER_LABEL.match(k) for k, _ in current):
            blocks.append(current)  # the next case's officer line, with no blank line between
            current = []
        current.append((label, value))
    if current:
        blocks.append(current)
    rows: list[dict[str, Piece]] = []
    cases = 0  # blocks of a case and its outcome, police staff's among them
    for block in blocks:
        row: dict[str, Piece] = {}
        for label, value in block:
            if _OFFICER_LABEL.match(label) and "label" not in row:
                row["label"] = value
            elif _PROCEEDINGS_LABEL.match(label) and re.search(r"\d", value.text):
                row.setdefault("date", value)
            elif (kind := _header_kind(label)) and kind not in row and kind != "name":
                row[kind] = value
        officer = row.get("label")
        if officer is None or "outcome" not in row:
            continue
        cases += 1
        if _STAFF_LINE.search(officer.text) and not _RANK_WORD.search(officer.text):
            continue
        # the whole block, where its words (the forum, Standards) are read
        first, last = block[0][1], block[-1][1]
        row["standards"] = row.get("standards") or Piece(
            first.start, last.end, text[first.start : last.end]
        )
        rows.append(row)
    return rows if cases >= 2 else []


_HEADERS = [
    ("hearing_type", r"hearing\s+type|type\s+of\s+hearing"),
    ("date", r"\bdate\b"),
    ("finding", r"finding|hearing\s+outcome|outcome\s+of\s+the\s+hearing"),
    ("outcome", r"outcome|sanction"),
    ("rank", r"\brank\b"),
    ("standards", r"breach|standards?|nature\s+of\s+the\s+misconduct|allegation"),
    ("name", r"\bname\b|regulation\s+30"),
]


def _header_kind(cell: str) -> str | None:
    if len(cell) > 60 or re.search(r"\d{4}", cell):
        return None
    for kind, pattern in _HEADERS:
        if re.search(pattern, cell, re.IGNORECASE):
            return kind
    return None


def _split(text: str, sep: str | re.Pattern[str]) -> list[Piece]:
    out: list[Piece] = []
    pos = 0
    for m in re.finditer(sep, text):
        _cell(out, text, pos, m.start())
        pos = m.end()
    _cell(out, text, pos, len(text))
    return out


def _cell(out: list[Piece], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    s = start + (chunk.index(stripped) if stripped else 0)
    out.append(Piece(s, s + len(stripped), stripped))
