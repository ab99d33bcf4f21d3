"""Rules added on 30/11/2026 (issue 15, seventh round), in answer to the misses of held-out 5
(development since its one measurement). Texts are written for the test."""

from __future__ import annotations

from misconduct.ingest import extract


def test_a_count_in_the_sentence_giving_the_result_makes_one_record_each() -> None:
    text = (
        "Statement from the office of the police and crime commissioner\n\n"
        "The commissioner for Kent spoke after the hearing.\n\n"
        "He said he had followed the case closely for years.\n\n"
        "He said the allegations of gross misconduct against the four Kent Police officers have "
        "been found not proven by the misconduct hearing panel.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 4
    for record in ex.records:
        assert record.value("finding") == "no_misconduct"
        assert record.value("outcome") == "no_further_action"
        assert record.value("force") == "kent"


def test_a_count_in_a_sentence_without_the_result_does_not_make_records() -> None:
    text = (
        "Statement from the office of the police and crime commissioner\n\n"
        "The commissioner for Kent spoke after the hearing.\n\n"
        "He said he had followed the case closely for years.\n\n"
        "He said five officers at the station had waited a long time.\n\n"
        "The panel found the allegation of misconduct not proven.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 1
    assert ex.records[0].value("finding") == "no_misconduct"
