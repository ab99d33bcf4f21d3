"""Rules of the twenty-eighth round (2/12/2026, issue 15), written against misses of held-out 20 to
25 (development since their one measurement each). Every text is invented for the test; none is a
page's."""

from __future__ import annotations

from misconduct.ingest import extract
from misconduct.ingest.dates import printed_years

# --- A dismissal denied is not given ------------------------------------------------------------


def test_conduct_that_did_not_go_far_enough_to_get_fired_is_no_dismissal() -> None:
    text = (
        "Inspector Dana Whitlow, of Kent Police, shouted at a junior colleague at a dinner.\n\n"
        "A misconduct panel found she had committed gross misconduct, but her behaviour did not "
        "go far enough to get her fired."
    )
    rec = extract(text).records[0]
    assert rec.value("outcome") != "dismissal_without_notice"
    assert rec.value("finding") == "gross_misconduct"


def test_a_level_the_officer_is_said_to_have_committed_is_a_finding() -> None:
    text = (
        "Sergeant Omar Pell, of Kent Police, will keep his job despite committing gross "
        "misconduct, a panel ruled at a misconduct hearing. He was given a final written warning."
    )
    rec = extract(text).records[0]
    finding = rec.fields["finding"]
    assert finding.value == "gross_misconduct"
    assert finding.evidence is not None and "committing" in finding.evidence.text
    assert rec.value("outcome") == "final_written_warning"


def test_committing_what_the_officer_was_accused_of_is_no_finding() -> None:
    text = (
        "PC Omar Pell, of Kent Police, was accused of committing gross misconduct. A misconduct "
        "hearing will be held next month."
    )
    ex = extract(text)
    assert ex.refused is not None or ex.records[0].value("finding") is None


# --- An officer who left before the hearing -----------------------------------------------------


def test_an_officer_who_resigned_a_day_before_the_hearing_would_have_been_dismissed() -> None:
    text = (
        "PC Lee Garrow, of Kent Police, posted a photograph of a detainee in a group chat.\n\n"
        "The panel found gross misconduct and said nothing short of dismissal would do. Garrow "
        "resigned just a day before the misconduct hearing and has been barred from policing."
    )
    rec = extract(text).records[0]
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.value("status") == "former"


# --- Dates that are not the hearing's -------------------------------------------------------------


def test_the_day_the_officer_retired_is_not_the_hearing_date() -> None:
    # a force's full name between "retired" and "on": the retirement day was offered before
    text = (
        "PC who took a job on sick leave guilty of misconduct\n- Published\nA police officer who "
        "worked as a delivery driver while on sick leave has been found guilty of gross "
        "misconduct.\nFormer PC Ray Dunmore retired from Hertfordshire Constabulary on 3 March "
        "2024, however, a misconduct hearing ruled that he would have been sacked if he had not "
        "already resigned.\nMr Dunmore did not appear at the hearing on 23 July and had chosen to "
        "stay away."
    )
    rec = extract(text).records[0]
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.value("hearing_date") is None


def test_the_year_of_a_statute_s_title_dates_nothing() -> None:
    assert printed_years("under the Police (Conduct) Regulations 2012 and the Police Act 1996") == (
        set()
    )
    assert printed_years("in 2019, under the Police (Conduct) Regulations 2020") == {2019}


def test_a_weekday_date_is_not_given_the_year_of_the_regulations_it_cites() -> None:
    # Tuesday 28 February fell on a Tuesday in 2012 (the Regulations' year) and in 2017; the page
    # prints no year of its own, so no year is given.
    text = (
        "PC Ivo Marsh, of Kent Police, breached the Standards of Professional Behaviour in the "
        "Police (Conduct) Regulations 2012 in respect of discreditable conduct, which amounts to "
        "gross misconduct.\n\nHe was dismissed without notice at a special case hearing today, "
        "Tuesday February 28."
    )
    rec = extract(text).records[0]
    assert rec.value("outcome") == "dismissal_without_notice"
    assert rec.value("hearing_date") is None


# --- The chair is not an officer the page is about -----------------------------------------------


def test_a_chair_named_by_rank_is_not_an_officer_of_the_case() -> None:
    text = (
        "Former Sergeant Ben Oakley, of Kent Police, overstated his overtime.\n\n"
        "The special case hearing, chaired by Superintendent Ashdown, took place over three "
        "days.\n\nThe panel found gross misconduct and said it would have dismissed him without "
        "notice."
    )
    ex = extract(text)
    assert [r.name for r in ex.records] == ["Ben Oakley"]
    assert ex.records[0].value("forum") == "special_case_hearing"


def test_a_hearing_date_after_a_suspension_and_a_dismissal_is_still_the_hearing_s() -> None:
    text = (
        "PC Jo Kerr, of Kent Police, was suspended and then dismissed at a misconduct hearing on "
        "12 June 2023 for gross misconduct."
    )
    assert extract(text).records[0].value("hearing_date") == "2023-06-12"
