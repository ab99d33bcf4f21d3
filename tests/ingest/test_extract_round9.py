"""Rules added on 30/11/2026 (issue 15, ninth round): the hearing-date convention's third way of
fixing a year (a weekday that agrees with exactly one year the page prints), dates that are not the
hearing's, and pages about several officers. Texts are written for the test."""

from __future__ import annotations

from misconduct.ingest import dates as d
from misconduct.ingest import extract

_BODY = (
    "A Norfolk Police constable has been dismissed without notice after a misconduct hearing "
    "found gross misconduct.\n\n"
    "PC Jane Doe was found to have breached the standard of honesty and integrity.\n\n"
)


def _hearing(text: str) -> object:
    ex = extract(text)
    assert ex.refused is None, ex.refused
    return ex.records[0].value("hearing_date")


def test_a_weekday_agreeing_with_the_one_printed_year_gives_it() -> None:
    # 12 March 2024 was a Tuesday; 2021 (a Friday) is the only other year printed
    text = _BODY + "She joined in 2021. The hearing was held on Tuesday 12 March; in 2024 ...\n"
    assert _hearing(text) == "2024-03-12"


def test_a_weekday_before_a_bracketed_day_and_month_is_read() -> None:
    # "Tuesday (12 March)": the weekday stands outside the brackets
    text = _BODY + "The hearing took place on Tuesday (12 March). She had joined in 2024.\n"
    assert _hearing(text) == "2024-03-12"
    (dm,) = d.find_day_months("on Tuesday (12 March)")
    assert dm.weekday == 1


def test_the_stored_prefix_year_does_not_count_as_printed() -> None:
    assert d.printed_years("date 2024-03-20 The hearing on Tuesday 12 March.") == set()
    text = " date 2024-03-20 " + _BODY + "The hearing was held on Tuesday 12 March.\n"
    assert _hearing(text) is None


def test_a_hearing_still_to_come_takes_no_year() -> None:
    # 13 June 2017 was a Tuesday and 2017 is printed, but the hearing is yet to be held
    text = (
        _BODY + "Another officer will face a gross misconduct hearing on Tuesday, June 13, over "
        "relationships between 2017 and 2018.\n"
    )
    assert _hearing(text) is None


def test_a_date_calculator_in_the_margin_is_not_a_hearing_today() -> None:
    text = (
        "90 days from today is Wed, 26 March 2025\n\nOfficers cleared\n\n21 March 2019\n\n"
        "Three Kent Police officers have been cleared of gross misconduct at a hearing.\n"
    )
    assert extract(text).records[0].value("hearing_date") is None


def test_a_date_with_no_hearing_word_long_before_the_page_is_not_offered() -> None:
    text = (
        "Officer dismissed\n\n3 February 2024, 17:16 | Updated: 4 February 2024, 09:10\n\n"
        + _BODY
        + "She had struck a man in a shop on 4 June 2021.\n"
    )
    assert _hearing(text) is None


def test_between_two_dates_of_a_sentence_the_hearings_clause_wins() -> None:
    text = (
        _BODY.replace("has been dismissed without notice", "would have been dismissed")
        + "A misconduct hearing was arranged, but she resigned on 30 March 2020, before the "
        "hearing, which took place on 7 May 2020.\n"
    )
    assert _hearing(text) == "2020-05-07"


def test_officers_counted_as_fired_take_their_counted_outcome() -> None:
    text = (
        "Four Cumbria police officers have been fired after a misconduct hearing found they had "
        "shared offensive images.\n\nOne other officer has been given a final written warning.\n"
    )
    outcomes = sorted(str(r.value("outcome")) for r in extract(text).records)
    assert outcomes == ["dismissal_without_notice"] * 4 + ["final_written_warning"]


def test_a_panel_that_found_no_allegation_proved_clears_the_officer() -> None:
    text = (
        "A Dorset Police superintendent has been cleared after a misconduct hearing.\n\n"
        "The panel found no allegations of misconduct or gross misconduct were proved against "
        "Superintendent Ann Roe.\n\n"
        "Claims that she had shouted at a colleague over a parking space were also dismissed.\n"
    )
    (rec,) = extract(text).records
    assert rec.value("finding") == "no_misconduct"
    assert rec.value("outcome") == "no_further_action"


def test_claims_as_the_subject_of_dismissed_are_not_a_dismissal() -> None:
    from misconduct.ingest import outcomes

    assert outcomes._claims_dismissed("Claims that he lied to other officers were also ")
    assert not outcomes._claims_dismissed("After the claims were heard, he was ")


def test_a_read_more_line_without_a_colon_is_another_story() -> None:
    text = (
        "A Gwent Police constable convicted of drink driving has been sacked by the force.\n\n"
        "PC Sam Poe was dismissed from the force without notice at the end of an accelerated "
        "misconduct hearing.\n\n"
        "Read More Gwent Police sergeant given final written warning over a crash\n\n"
        "The outcome of the hearing was that the officer was dismissed without notice.\n"
    )
    (rec,) = extract(text).records
    assert rec.value("outcome") == "dismissal_without_notice"


def test_cleared_of_the_allegations_or_of_any_wrongdoing_clears() -> None:
    for cleared in (
        "has been cleared of the allegations by a misconduct panel",
        "was cleared of any wrongdoing at a misconduct hearing",
    ):
        text = f"PC Lee Moe of Essex Police {cleared}.\n\nHe had been accused of lying.\n"
        ex = extract(text)
        assert ex.refused is None, ex.refused
        assert ex.records[0].value("finding") == "no_misconduct"
        assert ex.records[0].value("outcome") == "no_further_action"


def test_a_panel_that_could_not_prove_it_after_a_denial_clears() -> None:
    text = (
        "A Surrey Police officer has faced a gross misconduct hearing.\n\n"
        "PC Kim Hoe denied the allegations and a panel determined the force could not prove "
        "the conduct had happened.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert ex.records[0].value("finding") == "no_misconduct"


def test_an_independent_chair_who_deemed_no_case_to_answer_clears() -> None:
    text = (
        "PC Jo Doe of Kent Police appeared before a misconduct hearing last week. The hearing took "
        "place in front of an independent chair who deemed that PC Doe had no case to answer.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert ex.records[0].value("finding") == "no_misconduct"


def test_a_former_officer_counted_among_the_dismissed_would_have_been_dismissed() -> None:
    text = (
        "Two Dorset Police officers have been dismissed without notice after an accelerated "
        "misconduct hearing.\n\nPC Amy Roe and former PC Ben Loe shared offensive messages.\n"
    )
    by_name = {r.name: r for r in extract(text).records}
    assert by_name["Amy Roe"].value("outcome") == "dismissal_without_notice"
    assert by_name["Ben Loe"].value("outcome") == "would_have_been_dismissed"
    assert by_name["Ben Loe"].value("status") == "former"


def test_officers_counted_alongside_an_ex_officer_are_one_more() -> None:
    text = (
        "Two Kent Police officers have been dismissed, along with a former officer who was found "
        "to have lied to a court.\n\n"
        "At the first hearing former PC Tom Hale faced allegations of breaching the Standards of "
        "Professional Behaviour, namely Honesty and Integrity. He would have been dismissed had "
        "he not resigned.\n"
    )
    records = extract(text).records
    assert len(records) == 3
    by_name = {r.name: r for r in records}
    assert by_name["Tom Hale"].value("outcome") == "would_have_been_dismissed"
    assert by_name["Tom Hale"].value("standards") == ["honesty_and_integrity"]
    unnamed = [r for r in records if r.name != "Tom Hale"]
    # the Standards are in the words about the named officer: not the unnamed officers'
    assert [r.value("standards") for r in unnamed] == [[], []]


def test_a_standard_asked_of_every_officer_is_not_one_breached() -> None:
    text = (
        "A Devon and Cornwall Police special constable who made false claims has been dismissed "
        "after a hearing found gross misconduct.\n\n"
        "A senior officer said: Honesty and integrity are fundamental requirements for any "
        "police officer.\n"
    )
    (rec,) = extract(text).records
    assert rec.value("standards") == []
    breached = text + "\nThe panel found he fell below the standard of honesty and integrity.\n"
    (rec,) = extract(breached).records
    assert rec.value("standards") == ["honesty_and_integrity"]


def test_the_prospect_of_being_sacked_is_not_a_dismissal() -> None:
    text = (
        "A Cumbria Police constable faced the prospect of being sacked at a misconduct hearing.\n\n"
        "But a panel decided to give PC Sue Hay a written warning after hearing the facts.\n"
    )
    (rec,) = extract(text).records
    assert rec.value("outcome") == "written_warning"


def test_a_fast_track_hearing_is_an_accelerated_hearing() -> None:
    text = (
        "A Norfolk Police constable has been dismissed after a fast track hearing found gross "
        "misconduct, following his conviction.\n"
    )
    (rec,) = extract(text).records
    assert rec.value("forum") == "accelerated_misconduct_hearing"


def test_an_officer_counted_apart_from_the_dismissed_keeps_no_gross_misconduct_finding() -> None:
    text = (
        "Three Essex Police officers have been sacked for gross misconduct after a hearing.\n\n"
        "One other officer has been given a final written warning.\n"
    )
    records = extract(text).records
    warned = [r for r in records if r.value("outcome") == "final_written_warning"]
    dismissed = [r for r in records if r.value("outcome") == "dismissal_without_notice"]
    assert len(warned) == 1 and len(dismissed) == 3
    assert warned[0].value("finding") is None
    assert {r.value("finding") for r in dismissed} == {"gross_misconduct"}


def test_some_counted_officers_cleared_and_the_other_found_to_have_committed_misconduct() -> None:
    text = (
        "Three Hampshire Police officers have been cleared of gross misconduct.\n\n"
        "The panel exonerated two of the officers, while the third was given a finding of "
        "misconduct at the lower level.\n"
    )
    records = extract(text).records
    assert [r.value("finding") for r in records] == ["no_misconduct", "no_misconduct", "misconduct"]
    # the third officer's outcome is not printed: not the others' "no further action"
    assert records[2].value("outcome") is None


def test_a_standard_glued_to_the_next_line_is_read() -> None:
    text = (
        "A Wiltshire Police constable has been dismissed after a misconduct hearing found gross "
        "misconduct.\n\nHe was found to have breached these Standards of Professional "
        "Behaviour:i. Honesty and Integrityii. Orders and Instructionsiii. Discreditable "
        "ConductPC Hale admitted both allegations at the hearing.\n"
    )
    (rec,) = extract(text).records
    assert "discreditable_conduct" in rec.value("standards")
