"""Rules added on 30/11/2026 (issue 15, eleventh round), in answer to held-out 9's misses (development
since its one measurement): month-only dates in prose, forums, former officers and cleared officers.
Texts are written for the test."""

from __future__ import annotations

from misconduct.ingest import extract


def _doc(text: str, field: str) -> object:
    ex = extract(text)
    assert ex.refused is None, ex.refused
    return ex.records[0].value(field)


def test_a_month_in_another_clause_than_the_hearing_is_not_its_date() -> None:
    text = (
        "A Kent Police constable has been dismissed.\n\n"
        "After PC Amble was questioned about the claims in May 2021, a misconduct hearing "
        "was held on June 3.\n"
    )
    assert _doc(text, "hearing_date") is None


def test_a_month_in_the_hearing_s_own_clause_is_its_date() -> None:
    text = (
        "A Kent Police constable has been dismissed.\n\n"
        "The misconduct hearing took place in June 2021 and found gross misconduct proven.\n"
    )
    assert _doc(text, "hearing_date") == "2021-06"


def test_a_month_in_a_story_sentence_is_not_a_hearing_date() -> None:
    text = (
        "A Kent Police constable was dismissed at a misconduct hearing.\n\n"
        "When PC Amble moved to a new team in April 2020 he began to take days off.\n"
    )
    assert _doc(text, "hearing_date") is None
