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


def test_an_officer_named_before_the_rank_they_worked_as_is_read() -> None:
    text = (
        "A Kent Police officer who drove a patrol car after drinking has been sacked for gross "
        "misconduct.\n\n"
        "Jane Hollis worked as a police constable in Dover and breached the force's policy on "
        "alcohol.\n\n"
        "Ms Hollis admitted breaching the standard of discreditable conduct at the misconduct "
        "hearing. She was dismissed without notice.\n\n"
        "Former PCs Amy Reed and Owen Pike also faced hearings this year; both would have been "
        "dismissed had they not resigned.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    by_name = {r.name: r for r in ex.records}
    assert set(by_name) == {"Jane Hollis", "Amy Reed", "Owen Pike"}
    hollis = by_name["Jane Hollis"]
    assert hollis.value("rank") == "constable"
    assert hollis.value("outcome") == "dismissal_without_notice"
    assert hollis.value("standards") == ["discreditable_conduct"]
    assert by_name["Amy Reed"].value("standards") == []
