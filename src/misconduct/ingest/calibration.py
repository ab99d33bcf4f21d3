"""Calibrating the review queue: which read values a person should look at before they are public.

The extractor gives each field a confidence from the rule that read it; on the development sets
those confidences sent only a few of the wrong values to review (2 of 34 on held-out 7). This module
runs at the end of extraction (``calibrated`` wraps ``extract``) and, without changing any value,
lowers the confidence of a field when one of a small table of named conditions holds for it: each
condition is general (it looks at the text and the records, never at a page or a source), and its
reason, with how often such values were wrong on the development sets, becomes the field's note,
which the review page shows beside the value.

``CONDITIONS`` are the candidates, each a plain test; ``TABLE`` says which apply to which field and
was chosen from data by ``eval/calibration.py`` (fitted on the development sets only; leave-one-set-
out figures in ``docs/register.md``, "Calibrating the review queue").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from misconduct.ingest import dates as d
from misconduct.ingest.gazetteer import RANK_PATTERN, find_forces, find_standards
from misconduct.ingest.model import DEFAULT_THRESHOLD, Extraction, Field, OfficerRecord
from misconduct.ingest.outcomes import find_findings, find_forums, find_outcomes
from misconduct.ingest.text import Piece, headline_end, sentences, table_rows

# A doubtful field's confidence: below the threshold, so that it waits for a person.
DOUBTFUL = 0.7
assert DOUBTFUL < DEFAULT_THRESHOLD

_GENERIC = {
    "the",
    "officer",
    "officers",
    "former",
    "police",
    "unnamed",
    "constable",
    "sergeant",
    "inspector",
    "detective",
    "special",
}
_CONDITIONAL = re.compile(
    r"\b(?:would|could|might|may|if|alleg\w*|due\s+to|will|expected|faces?|facing)\b", re.I
)
_RANK = re.compile(RANK_PATTERN, re.I)
_CHAIR = re.compile(r"\b(?:chair\w*|presid\w*|panel|chief\s+constable|commissioner)\b", re.I)
_NAMED_RANK = re.compile(
    r"\b(?:" + RANK_PATTERN + r"|PCs?|PSs?|DCs?|DSs?|Sgt|Insp|Supt|constables?|sergeants?|"
    r"inspectors?)\.?\s+(?-i:[A-Z][a-z]{2,})",
    re.I,
)
_WARNING = re.compile(r"\bwarning\b", re.I)
_HEARING_WORD = re.compile(r"\b(?:hearing|meeting)s?\b", re.I)
_FORMER = re.compile(r"\b(?:former|ex-?|retired|resigned|left\s+the\s+force)\b", re.I)


def _given(f: Field) -> bool:
    """Whether a field holds a value read from the text (an empty list of Standards holds none)."""
    return f.value is not None and f.value != []


class Page:
    """What the conditions look at on one extraction: computed once, on demand."""

    def __init__(self, ex: Extraction) -> None:
        self.ex = ex
        self.text = ex.text
        self.records = ex.records

    @functools.cached_property
    def sentences(self) -> list[Piece]:
        return sentences(self.text)

    @functools.cached_property
    def body(self) -> int:
        return headline_end(self.text)

    @functools.cached_property
    def table(self) -> bool:
        return bool(table_rows(self.text))

    def sentence_at(self, at: int) -> Piece | None:
        return next((s for s in self.sentences if s.start <= at < s.end), None)

    @functools.cached_property
    def mentions(self) -> list[list[int]]:
        """For each record, where the text names that officer (their name's words, or the label
        when it is the text's own, like "PC A"); empty for an officer the text only counts."""
        out: list[list[int]] = []
        for r in self.records:
            words = {
                w
                for w in re.findall(r"[A-Za-z][A-Za-z’'-]{2,}", r.name or "")
                if w.lower() not in _GENERIC
            }
            pats = [re.escape(w) for w in words]
            if (
                not r.name
                and r.label
                and not r.label.lower().startswith(("unnamed", "the officer"))
            ):
                pats.append(re.escape(r.label).replace(r"\ ", r"\s+"))
            if not pats:
                out.append([])
                continue
            rx = re.compile(r"\b(?:" + "|".join(pats) + r")\b")
            out.append([m.start() for m in rx.finditer(self.text)])
        return out

    @functools.cached_property
    def rivals(self) -> dict[str, int]:
        """How many distinct values of a field the whole text offers (a value chosen among several
        may be the wrong one)."""
        text = self.text
        ranks = {m.group().lower().rstrip("s") for m in _RANK.finditer(text)}
        return {
            "outcome": len({h.code for h in find_outcomes(text)}),
            "forum": len({h.code for h in find_forums(text)}),
            "finding": len({h.code for h in find_findings(text)}),
            "force": len({m.code for m in find_forces(text)}),
            "hearing_date": len({f.iso for f in d.find_dates(text) if f.precision == "day"}),
            "rank": len(ranks),
            "standards": len({m.code for m in find_standards(text)}),
            "decision_maker": len(_CHAIR.findall(text)),
            "warning_months": len(_WARNING.findall(text)),
            "status": len(_FORMER.findall(text)) and 2,
            "anonymised": len({n for r in self.records if (n := r.name)}) and 2,
        }


Test = Callable[[Page, int, str], bool]


@dataclass(frozen=True)
class Condition:
    """A named, general reason to doubt a value; ``reason`` is what the reviewer reads."""

    name: str
    reason: str
    test: Test
    absent: bool = False
    """Whether it speaks of a field left empty (a value the text may state but was not read)."""


def _field(page: Page, i: int, name: str) -> Field:
    return page.records[i].fields[name]


def _several(page: Page, i: int, name: str) -> bool:
    return len(page.records) > 1


def _unnamed_among_several(page: Page, i: int, name: str) -> bool:
    return len(page.records) > 1 and not page.mentions[i]


def _evidence_far(page: Page, i: int, name: str) -> bool:
    """On a page about several officers, the evidence is not in a sentence naming this officer."""
    f = _field(page, i, name)
    if len(page.records) <= 1 or f.evidence is None or not page.mentions[i]:
        return False
    s = page.sentence_at(f.evidence.start)
    return s is None or not any(s.start <= m < s.end for m in page.mentions[i])


def _evidence_names_another(page: Page, i: int, name: str) -> bool:
    """The sentence of the evidence names another officer of the page and not this one."""
    f = _field(page, i, name)
    if len(page.records) <= 1 or f.evidence is None:
        return False
    s = page.sentence_at(f.evidence.start)
    if s is None:
        return False

    def named(k: int) -> bool:
        return any(s.start <= m < s.end for m in page.mentions[k])

    return not named(i) and any(named(k) for k in range(len(page.records)) if k != i)


def _no_evidence(page: Page, i: int, name: str) -> bool:
    return _field(page, i, name).evidence is None


def _inferred(page: Page, i: int, name: str) -> bool:
    return bool(re.search(r"inferred|not stated", _field(page, i, name).note))


def _noted(page: Page, i: int, name: str) -> bool:
    return bool(_field(page, i, name).note)


def _rivals(page: Page, i: int, name: str) -> bool:
    return page.rivals.get(name, 0) > 1


def _several_and_rivals(page: Page, i: int, name: str) -> bool:
    return len(page.records) > 1 and page.rivals.get(name, 0) > 1


def _same_for_all(page: Page, i: int, name: str) -> bool:
    """Every officer of a page about several was given this one value, though the text offers
    others."""
    if len(page.records) <= 1 or page.rivals.get(name, 0) <= 1:
        return False
    value = _field(page, i, name).value
    return all(r.fields[name].value == value for r in page.records)


def _name_after_rank(page: Page, i: int, name: str) -> bool:
    """No officer was found named, yet the text prints a rank followed by a capitalised word
    ("PC Smith", "Sergeant John Smith")."""
    f = _field(page, i, name)
    if name != "anonymised" or f.value is not True:
        return False
    return bool(_NAMED_RANK.search(page.text))


_DISMISSED = {"dismissal_without_notice", "dismissal_with_notice"}
_SERVING_ONLY = _DISMISSED | {"final_written_warning", "written_warning", "reduction_in_rank"}
_SANCTIONS = _SERVING_ONLY | {"would_have_been_dismissed", "management_advice"}


def _disagreements(r: OfficerRecord) -> set[str]:
    """The fields of a record that the conduct rules say cannot go together: a dismissal (or
    would-have-been dismissal) only for gross misconduct, no sanction where no misconduct was
    found, a sanction of a serving officer not given to a former one (nor the reverse), and a
    misconduct meeting neither dismisses nor finds gross misconduct."""
    v = {n: f.value for n, f in r.fields.items()}
    out: set[str] = set()

    def clash(*names: str) -> None:
        out.update(names)

    dismissal = v["outcome"] in _DISMISSED or v["outcome"] == "would_have_been_dismissed"
    if dismissal and v["finding"] in ("misconduct", "no_misconduct"):
        clash("finding", "outcome")
    if v["finding"] == "no_misconduct" and v["outcome"] in _SANCTIONS:
        clash("finding", "outcome")
    if v["status"] == "former" and v["outcome"] in _SERVING_ONLY:
        clash("status", "outcome")
    if v["status"] == "serving" and v["outcome"] == "would_have_been_dismissed":
        clash("status", "outcome")
    if v["forum"] == "misconduct_meeting" and (dismissal or v["finding"] == "gross_misconduct"):
        clash("forum", "finding" if v["finding"] == "gross_misconduct" else "outcome")
    return out


def _disagrees(page: Page, i: int, name: str) -> bool:
    return name in _disagreements(page.records[i])


def _in_headline(page: Page, i: int, name: str) -> bool:
    f = _field(page, i, name)
    return f.evidence is not None and f.evidence.start < page.body


def _date_line(page: Page, i: int, name: str) -> bool:
    """The evidence stands on a short line of its own near the top (a page's copied date line)."""
    f = _field(page, i, name)
    if f.evidence is None:
        return False
    start = page.text.rfind("\n", 0, f.evidence.start) + 1
    end = page.text.find("\n", f.evidence.end)
    line = page.text[start : end if end >= 0 else len(page.text)]
    return len(line.strip()) <= 2 * len(f.evidence.text) + 12 and f.evidence.start < 600


def _conditional(page: Page, i: int, name: str) -> bool:
    """The evidence's sentence speaks of what may or would be, or of what was alleged."""
    f = _field(page, i, name)
    s = page.sentence_at(f.evidence.start) if f.evidence else None
    return s is not None and bool(_CONDITIONAL.search(s.text))


def _below_ninety(page: Page, i: int, name: str) -> bool:
    return _field(page, i, name).confidence < 0.9


def _any(page: Page, i: int, name: str) -> bool:
    return True


def _long_text(page: Page, i: int, name: str) -> bool:
    return len(page.text) > 6000


def _table(page: Page, i: int, name: str) -> bool:
    return page.table


_ABSENT_WORDS: dict[str, Callable[[str], bool]] = {
    "forum": lambda t: bool(_HEARING_WORD.search(t)),
    "hearing_date": lambda t: any(f.precision == "day" for f in d.find_dates(t)),
    "rank": lambda t: bool(_RANK.search(t)),
    "standards": lambda t: bool(find_standards(t)),
    "warning_months": lambda t: bool(re.search(r"\bwarning\b[^.]{0,60}\b(?:month|year)", t, re.I)),
    "decision_maker": lambda t: bool(_CHAIR.search(t)),
    "outcome": lambda t: bool(find_outcomes(t)),
    "finding": lambda t: bool(find_findings(t)),
    "force": lambda t: bool(find_forces(t, weak=True)),
}


def _absent_but_worded(page: Page, i: int, name: str) -> bool:
    """The field was left empty though the text has words for it."""
    test = _ABSENT_WORDS.get(name)
    return test is not None and test(page.text)


CONDITIONS: dict[str, Condition] = {
    c.name: c
    for c in (
        Condition(
            "several officers",
            "the page is about several officers: this value may be another officer's",
            _several,
        ),
        Condition(
            "unnamed among several",
            "the page is about several officers and does not name this one: "
            "which value is whose was worked out from counts",
            _unnamed_among_several,
        ),
        Condition(
            "read away from the officer",
            "the page is about several officers and this was read in a sentence that does not "
            "name this officer",
            _evidence_far,
        ),
        Condition(
            "read beside another officer",
            "read in a sentence that names another officer of the page, not this one",
            _evidence_names_another,
        ),
        Condition("no evidence", "no words of the text were read for this value", _no_evidence),
        Condition("inferred", "not stated: inferred from another field", _inferred),
        Condition("noted", "the reader left a note on this value", _noted),
        Condition(
            "several candidates",
            "the text offers more than one possible value for this field",
            _rivals,
        ),
        Condition(
            "several officers, several candidates",
            "the page is about several officers and offers more than one possible value for "
            "this field",
            _several_and_rivals,
        ),
        Condition(
            "same for all",
            "every officer of the page was given this value, though the text offers others",
            _same_for_all,
        ),
        Condition(
            "a name after a rank",
            "no officer was found named, but the text prints a rank followed by a name",
            _name_after_rank,
        ),
        Condition(
            "disagrees with another field",
            "the conduct rules do not allow this value together with another field of the record "
            "(e.g. a dismissal without a finding of gross misconduct)",
            _disagrees,
        ),
        Condition("headline", "read from the headline", _in_headline),
        Condition(
            "date line",
            "read from a short line of its own near the top (a page's date?)",
            _date_line,
        ),
        Condition(
            "conditional",
            "read in a sentence about what would, could or may be, or what was alleged",
            _conditional,
        ),
        Condition("often wrong", "this field is often misread", _any),
        Condition(
            "middling", "the wording it was read from is less certain than most", _below_ninety
        ),
        Condition("long text", "a long text, with room for other values", _long_text),
        Condition("table", "read from a table's row", _table),
        Condition(
            "left empty though worded",
            "left empty, though the text has words for this field",
            _absent_but_worded,
            absent=True,
        ),
    )
}


def conditions_met(page: Page, i: int, name: str) -> list[str]:
    """The candidate conditions that hold for one field of one record (given values and empty
    fields have their own conditions)."""
    given = _given(_field(page, i, name))
    return [c.name for c in CONDITIONS.values() if c.absent != given and c.test(page, i, name)]


@dataclass(frozen=True)
class Rule:
    """One row of the table: a condition applied to a field, with the development figures."""

    condition: str
    field: str
    wrong: int
    of: int


# Fitted by ``eval/calibration.py --fit`` on all development sets (the shared cases, the page
# texts, held-out 2 to 19), on the rules of the twenty-second round (first fitted without held-out
# 19, on the twenty-first round's rules: the same seven rules): each rule with the wrong (or, for an
# empty field, missed) values among the values it holds for there. In sample it sends 284 of 351
# wrong values and 151 of 168 missed ones to review (the extractor's own confidences sent 64 and
# 18) at 20% of the right values (11% before); leave-one-set-out figures in docs/register.md,
# "Calibrating the review queue".
TABLE: tuple[Rule, ...] = (
    Rule("left empty though worded", "rank", 89, 273),
    Rule("left empty though worded", "decision_maker", 44, 170),
    Rule("often wrong", "decision_maker", 191, 521),
    Rule("a name after a rank", "anonymised", 18, 124),
    Rule("middling", "standards", 16, 114),
    Rule("unnamed among several", "rank", 3, 26),
    Rule("often wrong", "hearing_date", 10, 96),
)


def _doubt(f: Field, rules: list[Rule]) -> Field:
    why = "; ".join(
        f"{CONDITIONS[r.condition].reason} (tested on published notices: "
        + (
            f"the text did give it in {r.wrong} of {r.of} such cases)"
            if CONDITIONS[r.condition].absent
            else f"{r.wrong} of {r.of} such values were wrong)"
        )
        for r in rules
    )
    note = f"{f.note}; to review: {why}" if f.note else f"to review: {why}"
    return replace(f, confidence=min(f.confidence, DOUBTFUL), note=note)


def calibrate(ex: Extraction, table: tuple[Rule, ...] | None = None) -> Extraction:
    """The extraction with the confidence of each field that a rule of ``table`` (``TABLE``)
    doubts lowered to ``DOUBTFUL`` (never raised) and the reason added to its note; values are
    never changed."""
    table = TABLE if table is None else table
    if ex.refused or not ex.records or not table:
        return ex
    page = Page(ex)
    by_field: dict[str, list[Rule]] = {}
    for rule in table:
        by_field.setdefault(rule.field, []).append(rule)
    records = []
    for i, r in enumerate(ex.records):
        fields = dict(r.fields)
        for name, rules in by_field.items():
            f = fields[name]
            given = _given(f)
            hold = [
                rule
                for rule in rules
                if CONDITIONS[rule.condition].absent != given
                and CONDITIONS[rule.condition].test(page, i, name)
            ]
            if hold:
                fields[name] = _doubt(f, hold)
        records.append(OfficerRecord(fields, r.name, r.label))
    return replace(ex, records=records)


def calibrated(fn: Callable[..., Extraction]) -> Callable[..., Extraction]:
    """``extract`` with ``calibrate`` applied to its result (the raw reader stays reachable as
    ``__wrapped__``, for eval/calibration.py)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Extraction:
        return calibrate(fn(*args, **kwargs))

    return wrapper
