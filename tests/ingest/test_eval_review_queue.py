"""``eval/ingest_eval.py --review``: what the review queue would do with each scored value, against
the truth. Records are built for the test."""

from __future__ import annotations

from collections import Counter
from types import ModuleType

import pytest

from misconduct.ingest.model import DEFAULT_THRESHOLD, FIELDS, Field, OfficerRecord, absent
from tests.ingest.reading import load_scorer


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return load_scorer("ingest_eval_review_under_test")


def _record(**fields: Field) -> OfficerRecord:
    return OfficerRecord({f: fields.get(f, absent()) for f in FIELDS}, name="Amble")


SURE = DEFAULT_THRESHOLD + 0.1
UNSURE = DEFAULT_THRESHOLD - 0.1


def test_each_value_is_counted_by_what_the_queue_does_with_it(scorer: ModuleType) -> None:
    review: dict[str, Counter[str]] = {f: Counter() for f in FIELDS}
    rec = _record(
        force=Field("kent", None, SURE),
        forum=Field("misconduct_meeting", None, UNSURE),
        rank=Field("sergeant", None, SURE),
        hearing_date=Field(None, None, UNSURE, "a date that may be the hearing's"),
    )
    scorer.review_tally(review, "force", rec, True, True, True)  # right, enters as read
    scorer.review_tally(review, "forum", rec, False, True, True)  # wrong, waits for a person
    scorer.review_tally(review, "rank", rec, False, True, True)  # wrong, enters as read
    scorer.review_tally(review, "hearing_date", rec, False, False, True)  # missed, doubtful
    scorer.review_tally(review, "outcome", None, False, False, True)  # no record at all
    scorer.review_tally(review, "status", rec, False, False, False)  # nothing to score
    assert review["force"] == Counter({"right": 1})
    assert review["forum"] == Counter({"wrong, caught": 1})
    assert review["rank"] == Counter({"wrong": 1})
    assert review["hearing_date"] == Counter({"missed, caught": 1})
    assert review["outcome"] == Counter({"no record": 1})
    assert not review["status"]


def test_the_table_gives_the_precision_of_what_enters_unreviewed(scorer: ModuleType) -> None:
    review: dict[str, Counter[str]] = {f: Counter() for f in FIELDS}
    review["force"].update({"right": 3, "wrong": 1, "wrong, caught": 2, "right, to review": 1})
    out = scorer.review_table("a set", review)
    (force,) = [line for line in out.splitlines() if line.strip().startswith("force")]
    # scored 7: 3 wrong (2 caught), 4 right (1 sent to review); 4 enter as read, 1 of them wrong
    assert force.split()[1:10] == ["7", "3", "2", "0", "0", "0", "4", "1", "0.75"]
    (total,) = [line for line in out.splitlines() if "all fields" in line]
    assert "0.75 (1 wrong of 4)" in total


def test_score_pages_fills_the_review_counts_from_a_text(scorer: ModuleType) -> None:
    text = (
        "A Kent Police constable has been dismissed without notice after a misconduct hearing "
        "found he had committed gross misconduct.\n"
    )
    truth = {
        "name": "amble",
        "force": "kent",
        "forum": "misconduct_hearing",
        "finding": "gross_misconduct",
        "outcome": "dismissal_without_notice",
        "anonymised": True,
    }
    review: dict[str, Counter[str]] = {f: Counter() for f in FIELDS}
    counts, _, _ = scorer.score_pages([("kent-t", text, None, [("kent-t--amble", truth)])], review)
    assert counts["force"]["tp"] == 1
    assert review["force"]["right"] + review["force"]["right, to review"] == 1
    assert sum(review["outcome"].values()) == 1
