"""The scoring conventions decided in the twelfth round (30/11/2026, issue 15) in
``eval/ingest_eval.py``: a finding is scored only where the text names a level. Texts are written
for the test."""

from __future__ import annotations

from collections import Counter
from types import ModuleType

import pytest

from tests.ingest.reading import load_scorer

NAMES_NO_LEVEL = (
    "A Kent Police constable has been dismissed without notice after a hearing found he had lied "
    "to a supervisor.\n"
)
NAMES_GROSS = (
    "A Kent Police constable has been dismissed without notice after a hearing found he had "
    "committed gross misconduct.\n"
)


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return load_scorer("ingest_eval_round12_under_test")


def _truth(finding: str | None) -> dict[str, object]:
    return {
        "name": "amble",
        "force": "kent",
        "forum": "misconduct_hearing",
        "outcome": "dismissal_without_notice",
        "anonymised": False,
        **({"finding": finding} if finding else {}),
    }


def _page(scorer: ModuleType, text: str, finding: str | None) -> tuple[Counter[str], int]:
    counts, sizes, _ = scorer.score_pages(
        [("kent-test", text, None, [("kent-test--amble", _truth(finding))])]
    )
    return counts["finding"], int(sizes["unscored finding"])


def test_which_texts_name_a_level(scorer: ModuleType) -> None:
    assert not scorer.names_a_finding(NAMES_NO_LEVEL)
    assert scorer.names_a_finding(NAMES_GROSS)
    assert scorer.names_a_finding("The panel found the allegation not proven.")
    assert scorer.names_a_finding("The officer was found to have committed misconduct.")
    # "misconduct" naming the proceedings is not a level
    assert not scorer.names_a_finding("A misconduct hearing dismissed the officer.")


def test_a_text_naming_no_level_scores_neither_the_truth_nor_the_extraction(
    scorer: ModuleType,
) -> None:
    # the extractor infers gross misconduct from the dismissal (for review), the truth records it:
    # neither is scored, and the officer's finding is counted as not stated
    counts, unscored = _page(scorer, NAMES_NO_LEVEL, "gross_misconduct")
    assert (counts["tp"], counts["fp"], counts["fn"]) == (0, 0, 0)
    assert unscored == 1
    # nor when the truth records none: the inferred value is no false positive
    counts, unscored = _page(scorer, NAMES_NO_LEVEL, None)
    assert (counts["tp"], counts["fp"], counts["fn"]) == (0, 0, 0)
    assert unscored == 1


def test_a_text_naming_the_level_is_scored_both_ways(scorer: ModuleType) -> None:
    counts, unscored = _page(scorer, NAMES_GROSS, "gross_misconduct")
    assert (counts["tp"], counts["fp"], counts["fn"]) == (1, 0, 0)
    assert unscored == 0
    # a truth without a finding where the text names one: the value read is a false positive
    counts, _ = _page(scorer, NAMES_GROSS, None)
    assert (counts["tp"], counts["fp"], counts["fn"]) == (0, 1, 0)


def test_the_inferred_finding_waits_for_review(scorer: ModuleType) -> None:
    """The extractor may still infer gross misconduct from a dismissal, below the review threshold."""
    from misconduct.ingest import extract
    from misconduct.ingest.model import DEFAULT_THRESHOLD

    record = extract(NAMES_NO_LEVEL).records[0]
    assert record.value("finding") == "gross_misconduct"
    assert record.fields["finding"].confidence < DEFAULT_THRESHOLD
    assert "finding" in record.uncertain()


def test_the_shared_cases_scoring_applies_it_too(scorer: ModuleType) -> None:
    from misconduct.ingest import extract

    for text, want in ((NAMES_NO_LEVEL, (0, 0, 0)), (NAMES_GROSS, (1, 0, 0))):
        truth = scorer.normalise_truth({**_truth("gross_misconduct"), "outcome_codes": []})
        counts = scorer.score([(truth, extract(text).records)], ["t"], [text])["finding"]
        assert (counts["tp"], counts["fp"], counts["fn"]) == want


def test_a_bare_conduct_ending_a_list_is_a_stated_discreditable_conduct(scorer: ModuleType) -> None:
    listed = "The panel found breaches of the standards of use of force, respect and conduct."
    assert scorer.stated("standard", "discreditable_conduct", listed)
    assert not scorer.stated(
        "standard", "discreditable_conduct", "The panel looked at his conduct on the night."
    )
