"""Rules added on 30/11/2026 (issue 15, eighth round): the one hearing-date convention (a hearing
date only where the page's own text fixes day, month and year) and pages about several officers.
Texts are written for the test."""

from __future__ import annotations

from datetime import date

from misconduct.ingest import dates as d
from misconduct.ingest import extract

_BODY = (
    "A Norfolk Police constable has been dismissed without notice after a misconduct hearing "
    "found gross misconduct.\n\n"
    "PC Jane Doe was found to have breached the standard of honesty and integrity in 2023.\n\n"
)


def _hearing(text: str) -> object:
    ex = extract(text)
    assert ex.refused is None, ex.refused
    return ex.records[0].value("hearing_date")


def test_a_weekday_agreeing_with_two_printed_years_does_not_give_the_year() -> None:
    # 12 March was a Tuesday in 2024 and in 2019, both printed: the weekday does not choose (the
    # ninth round's convention (c) takes a year only when exactly one printed year agrees)
    text = _BODY + "The hearing, held on Tuesday 12 March, heard she had lied in 2019 and 2024.\n"
    assert _hearing(text) is None


def test_a_stored_copy_prefix_does_not_give_the_year() -> None:
    text = " date 2024-03-20 " + _BODY + "The hearing was held on 12 March at headquarters.\n"
    assert _hearing(text) is None


def test_the_pages_own_published_line_gives_the_year() -> None:
    text = (
        "Constable dismissed\n\nPublished: 20 March 2024\n\n"
        + _BODY
        + "The hearing was held on 12 March at headquarters.\n"
    )
    assert _hearing(text) == "2024-03-12"


def test_a_published_line_straight_after_a_stored_prefix_is_the_pages_own() -> None:
    text = (
        " date 2021-04-16 Published: 10:53 PM April 16, 2021\n\n"
        + _BODY
        + "The hearing concluded on April 14 and she was dismissed.\n"
    )
    assert _hearing(text) == "2021-04-14"


def test_a_year_printed_beside_the_date_is_read() -> None:
    text = _BODY + "The hearing was held on 12 March 2024 at headquarters.\n"
    assert _hearing(text) == "2024-03-12"


def test_a_date_alone_on_its_line_gives_the_year_but_is_not_the_hearing() -> None:
    text = "Constable dismissed\n\nWednesday, 20 March 2024, 4:10 pm\n\n" + _BODY
    assert _hearing(text) is None
    with_day = text + "The hearing was held on 12 March at headquarters.\n"
    assert _hearing(with_day) == "2024-03-12"
    assert d.printed_publication_date(with_day) == date(2024, 3, 20)


def test_a_date_line_with_a_label_is_the_pages_own() -> None:
    text = "Officer warned\n\nDate - 2nd July 2019\nBy - A Reporter\n\n" + _BODY
    assert d.own_date_line(text) is not None
    assert _hearing(text) is None


def test_rows_of_a_flattened_table_each_give_one_officer() -> None:
    text = (
        "Information request reply\n\nWe were asked how many officers faced proceedings.\n\n"
        "Case type\n\nRecorded\n\nStatus\n\n"
        "Conduct\n\nFeb-19\n\nClosed - officer dismissed following a misconduct hearing\n\n"
        "Conduct\n\nJun-19\n\nClosed - officer dismissed following a misconduct hearing\n\n"
        "Conduct\n\nOct-21\n\nClosed - officer dismissed following a misconduct hearing\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 3
    assert {r.value("outcome") for r in ex.records} == {"dismissal_without_notice"}


def test_a_headline_and_a_standfirst_are_not_two_rows() -> None:
    text = (
        "Officer dismissed after misconduct hearing\n\n"
        "Officer dismissed without notice after misconduct hearing in Leeds\n\n"
        "A West Yorkshire Police constable was dismissed without notice after a misconduct "
        "hearing found gross misconduct proven.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 1


def test_officers_told_apart_by_rank_across_sentences_each_get_their_own_result() -> None:
    text = (
        "A Dyfed-Powys Police officer has been given a final written warning after a misconduct "
        "hearing.\n\n"
        "The detective sergeant was found to have ignored a missing person report.\n\n"
        "A constable and an inspector were also found to have failed to act on it.\n\n"
        "The panel found misconduct was not proven against the constable or the inspector.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    by_rank = {r.value("rank"): r for r in ex.records}
    assert set(by_rank) == {"sergeant", "constable", "inspector"}
    assert by_rank["sergeant"].value("outcome") == "final_written_warning"
    for rank in ("constable", "inspector"):
        assert by_rank[rank].value("finding") == "no_misconduct"
        assert by_rank[rank].value("outcome") == "no_further_action"


def test_a_rank_named_once_as_a_witness_is_not_an_officer() -> None:
    text = (
        "A Dyfed-Powys Police detective constable has been dismissed without notice after a "
        "misconduct hearing found gross misconduct.\n\n"
        "A sergeant told the hearing the officer had lied.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 1


def test_officers_said_to_have_acted_with_each_other_are_two() -> None:
    text = (
        "Cheshire Police officers who kissed each other in a patrol car, and fought with each "
        "other after, have been dismissed.\n\n"
        "A misconduct hearing found gross misconduct proven and both were dismissed without "
        "notice.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 2
    assert {r.value("outcome") for r in ex.records} == {"dismissal_without_notice"}


def test_one_officer_with_each_other_elsewhere_is_still_one() -> None:
    text = (
        "A Cheshire Police constable has been dismissed without notice after a misconduct "
        "hearing found gross misconduct.\n\n"
        "The officers at the station had spoken with each other about him.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 1


def test_cases_told_by_their_order_give_each_counted_officer_their_case() -> None:
    text = (
        "Gwent Police answered a request for the year's misconduct proceedings.\n\n"
        "Three allegations went to misconduct proceedings, in two cases.\n\n"
        "The first case involved one officer accused of using excessive force, which resulted in "
        "a meeting and a final written warning.\n\n"
        "The second case related to two police officers accused of neglecting their duties. It "
        "resulted in a meeting and the finding was no case to answer.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 3
    first, *second = ex.records
    assert first.value("outcome") == "final_written_warning"
    assert first.value("forum") == "misconduct_meeting"
    for record in second:
        assert record.value("finding") == "no_misconduct"
        assert record.value("outcome") == "no_further_action"
        assert record.value("forum") == "misconduct_meeting"


def test_officers_named_again_by_title_and_surname_keep_their_own_results() -> None:
    text = (
        "Two Essex Police officers have been found to have committed gross misconduct.\n\n"
        "A misconduct hearing heard that PC Alan Marsh mocked a victim.\n\n"
        "The hearing heard Sgt Brian Toller laughed at her.\n\n"
        "Mr Marsh was dismissed without notice, while Mr Toller would have been dismissed had "
        "he not already resigned, the chair said.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    by_name = {r.name: r for r in ex.records}
    assert by_name["Alan Marsh"].value("outcome") == "dismissal_without_notice"
    assert by_name["Brian Toller"].value("outcome") == "would_have_been_dismissed"


def test_an_appeal_tribunals_date_is_not_the_misconduct_hearings() -> None:
    text = (
        "A police appeals tribunal has upheld the appeal of a Kent Police constable.\n\n"
        "PC Carl Dunn had been dismissed without notice after a misconduct hearing found gross "
        "misconduct.\n\n"
        "The tribunal reached its decision today (June 3, 2019) after a hearing in Maidstone.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert ex.records[0].value("hearing_date") is None


def test_a_date_beside_the_misconduct_hearing_on_an_appeal_page_is_kept() -> None:
    text = (
        "A police appeals tribunal has upheld the appeal of a Kent Police constable.\n\n"
        "PC Carl Dunn had been dismissed without notice after a misconduct hearing on 4 March 2019 "
        "found gross misconduct.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert ex.records[0].value("hearing_date") == "2019-03-04"


def test_an_allegation_in_a_caption_line_does_not_void_the_finding_below_it() -> None:
    text = (
        "Officer cleared\n\n"
        "The constable faced a misconduct hearing over the allegations - Picture: A Photographer\n"
        "A Norfolk police officer has been cleared of misconduct after a hearing in Norwich.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert ex.records[0].value("finding") == "no_misconduct"
    assert ex.records[0].value("outcome") == "no_further_action"


def test_would_have_faced_dismissal_is_would_have_been_dismissed() -> None:
    text = (
        "A former Norfolk Police constable has been found to have committed gross misconduct at "
        "an accelerated misconduct hearing. Had he not resigned, he would have faced dismissal.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert ex.records[0].value("outcome") == "would_have_been_dismissed"


def test_a_page_opening_with_its_date_and_time_dates_a_day_and_month() -> None:
    text = (
        "12 February 2024 17:00 Officer dismissed following misconduct hearing\n\n"
        + _BODY
        + "The allegations were found proven on Friday, 8 December at the hearing.\n"
    )
    assert _hearing(text) == "2023-12-08"


def test_standards_in_a_list_whose_numerals_are_glued_to_the_previous_item() -> None:
    text = (
        "A Wiltshire Police constable has been dismissed without notice after a misconduct "
        "hearing found gross misconduct. He breached these Standards: i. Honesty and "
        "Integrityii. Orders and Instructionsiii. Confidentiality\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert set(ex.records[0].value("standards")) == {
        "honesty_and_integrity",
        "orders_and_instructions",
        "confidentiality",
    }


def test_discrediting_the_service_only_describes_the_conduct() -> None:
    # The eighth round read these words as Discreditable Conduct; under the twelfth round's
    # convention (b) a Standard only described is not named, and the twenty-first round follows
    # it (held-out 8, 9, 14, 15 and 18's truths do; held-out 6's Surrey truth does not).
    text = (
        "A Surrey Police constable has been dismissed without notice after a misconduct hearing "
        "found gross misconduct.\n\nThe force said he had fallen short of the standard expected "
        "and discredited the police service.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert ex.records[0].value("standards") == []


def test_counted_outcomes_covering_some_of_the_counted_officers() -> None:
    text = (
        "Norfolk officers kept their jobs\n\n"
        "Five officers faced misconduct hearings last year, a report shows.\n\n"
        "Two of the officers received written warnings. One other officer was given management "
        "advice.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 5
    outcomes = sorted(str(r.value("outcome")) for r in ex.records)
    assert outcomes == ["None", "None", "management_advice", "written_warning", "written_warning"]
