"""Rules of the twenty-first round (1/12/2026, issue 15), written against held-out 18's misses after
its one measurement. Every text is invented for the test; none is a page's."""

from __future__ import annotations

from misconduct.ingest import extract
from misconduct.ingest.outcomes import find_outcomes
from tests.ingest.reading import one_record, records_by_name

_one = one_record
_by_name = records_by_name


# --- "The other officer", cleared, beside the one the text names ---------------------------------


_TWO_OFFICERS = (
    "A Kent Police constable has been sacked over a false statement.\n"
    "PC Tom Hale was one of two officers called to a burglary in Ashford in 2019.\n"
    "It was claimed that his statement had been copied from the statement of the other officer.\n"
    "A misconduct hearing found gross misconduct proven against PC Hale and he was dismissed "
    "without notice. But the case against the other officer, who has not been named, was found "
    "not proven.\n"
)


def test_the_other_officer_cleared_is_one_more_record() -> None:
    recs = _by_name(_TWO_OFFICERS)
    assert len(recs) == 2 and None in recs
    other = recs[None]
    assert other.value("finding") == "no_misconduct"
    assert other.value("outcome") == "no_further_action"
    assert other.value("anonymised") is True
    assert other.value("force") == "kent"
    hale = next(r for name, r in recs.items() if name)
    assert hale.value("outcome") == "dismissal_without_notice"


def test_the_other_officer_named_only_as_a_source_is_no_record() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was dismissed without notice after a misconduct hearing.\n"
        "His statement had been copied from the statement of the other officer in the case.\n"
    )
    assert rec.name == "Tom Hale"


def test_the_other_officer_after_the_result_of_the_named_one_is_no_record() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police blamed the other officer for the crash, but a misconduct "
        "hearing found he had lied and he was dismissed without notice.\n"
    )
    assert rec.name == "Tom Hale"


def test_a_dismissal_of_court_proceedings_is_no_sanction() -> None:
    assert not find_outcomes("Their evidence led to the dismissal of criminal court proceedings.")
    assert not find_outcomes("It resulted in the dismissal of the charges against the man.")
    assert [h.code for h in find_outcomes("The panel ordered the dismissal of the officer.")] == [
        "dismissal_without_notice"
    ]


# --- Hearing dates the text does not tie to the hearing -----------------------------------------


def test_a_date_line_is_not_the_hearing_for_a_today_that_names_no_hearing() -> None:
    rec = _one(
        "Officer warned over threats to a photographer\n\n"
        "April 3, 2015\n\n"
        "A Kent Police officer has been given a written warning for misconduct after a complaint "
        "was upheld.\n"
        "A spokesman today confirmed that the constable remains on restricted duties.\n"
    )
    assert rec.value("hearing_date") is None


def test_a_date_line_with_a_hearing_today_still_dates_the_hearing() -> None:
    rec = _one(
        "Officer sacked\n\n"
        "April 3, 2015\n\n"
        "PC Tom Hale of Kent Police was dismissed without notice at a misconduct hearing today.\n"
    )
    assert rec.value("hearing_date") == "2015-04-03"


def test_a_message_dated_a_day_is_not_the_hearing() -> None:
    rec = _one(
        "Sergeant warned over posts\n"
        "Sergeant Ann Bell of Kent Police has received a final written warning at a misconduct "
        "hearing for posts she wrote online.\n"
        "One post, dated May 9, 2017, mocked a senior officer.\n"
    )
    assert rec.value("hearing_date") is None


def test_a_date_line_labelled_date_still_counts() -> None:
    rec = _one(
        "Misconduct outcome\n"
        "Date of hearing: 9 May 2017\n"
        "Sergeant Ann Bell of Kent Police has received a final written warning.\n"
    )
    assert rec.value("hearing_date") == "2017-05-09"


def test_a_date_in_what_the_hearing_was_told_is_the_conducts() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was given a final written warning by a misconduct panel.\n"
        "On 12 June 2018, PC Hale and a colleague raided a flat in Dover, the hearing was told.\n"
    )
    assert rec.value("hearing_date") is None


def test_a_date_the_hearing_was_held_on_is_still_read() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was given a final written warning at a misconduct hearing "
        "held on 12 June 2018, the force said.\n"
    )
    assert rec.value("hearing_date") == "2018-06-12"


# --- A plural rank with capitals before two full names -----------------------------------------


def test_a_capitalised_plural_rank_before_two_names_is_two_constables() -> None:
    recs = _by_name(
        "Two officers of Kent Police have been given final written warnings at a misconduct "
        "hearing.\n"
        "Police Constables Jo Bloggs and Sam Smith, who both worked in Dover, were found asleep "
        "on duty.\n"
    )
    assert set(recs) == {"Jo Bloggs", "Sam Smith"}
    for rec in recs.values():
        assert rec.value("rank") == "constable"
        assert rec.value("anonymised") is False


def test_a_title_case_headline_with_a_plural_rank_names_no_one() -> None:
    ex = extract(
        "Police Constables Warned Over Conduct And Sergeants Cleared\n"
        "Two Kent Police constables were given written warnings at a misconduct meeting.\n"
    )
    assert ex.refused is None
    assert all(r.name is None for r in ex.records)


# --- A rank after "by" is not the officer's ----------------------------------------------------


def test_a_rank_after_by_is_someone_acting_on_the_officer() -> None:
    rec = _one(
        "A Kent Police officer who reported for duty drunk has been dismissed for gross "
        "misconduct.\n"
        "PC Ann Bell drank wine the night before she started her shift.\n"
        "PC Bell was asked by a sergeant to take a breath test, which she failed.\n"
    )
    assert rec.name == "Ann Bell"
    assert rec.value("rank") == "constable"
    assert rec.value("anonymised") is False


def test_an_unnamed_sergeant_described_is_still_read() -> None:
    rec = _one(
        "A sergeant of Kent Police has been dismissed without notice after a misconduct hearing "
        "found gross misconduct.\n"
    )
    assert rec.value("rank") == "sergeant"


# --- A Standard as the heading of the particulars -----------------------------------------------


def test_a_standard_whose_particulars_follow_is_named() -> None:
    rec = _one(
        "Former PC Tom Hale of Kent Police would have been dismissed, a misconduct hearing ruled.\n"
        "The officer's \u201cdiscreditable conduct\u201d was said to include:\n"
        "\u2022 being drunk in a hotel bar\n"
    )
    assert rec.value("standards") == ["discreditable_conduct"]


def test_what_a_standard_can_include_in_general_is_no_standard() -> None:
    rec = _one(
        "Former PC Tom Hale of Kent Police would have been dismissed, a misconduct hearing ruled.\n"
        "Discreditable conduct can include behaviour off duty, a spokesman explained.\n"
    )
    assert rec.value("standards") == []


# --- Decision makers ---------------------------------------------------------------------------


def test_a_chief_constable_presiding_over_the_hearing_decides() -> None:
    rec = _one(
        "PC Ann Bell of Kent Police has been dismissed.\n"
        "Chief Constable Jo Bloggs, who was presiding over the hearing at headquarters, said she "
        "was guilty of gross misconduct.\n"
    )
    assert rec.value("decision_maker") == "Chief Constable Jo Bloggs"


def test_an_assistant_commissioner_who_chaired_the_hearing_decides() -> None:
    rec = _one(
        "DC Tom Hale of the Metropolitan Police has been given a final written warning.\n"
        "Although a panel found his conduct amounted to gross misconduct, he kept his job.\n"
        "Assistant Commissioner Jo Bloggs, who chaired the misconduct hearing, said: \u201cHe "
        "lied.\u201d\n"
    )
    assert rec.value("decision_maker") == "Assistant Commissioner Jo Bloggs"


def test_a_chief_constable_who_issued_the_warning_decides() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police has been found guilty of gross misconduct.\n"
        "Chief Constable Jo Bloggs issued PC Hale with a final written warning.\n"
    )
    assert rec.value("decision_maker") == "Chief Constable Jo Bloggs"


def test_a_chief_constable_in_lower_case_after_the_forces_initials_decides() -> None:
    rec = _one(
        "PC lied on his application, misconduct panel rules\n"
        "Former PC Tom Hale joined Kent Police (KP) last year.\n"
        "KP chief constable Jo Bloggs found Mr Hale had lied, and said he would have been "
        "dismissed had he not resigned.\n"
    )
    assert rec.value("decision_maker") == "Chief Constable Jo Bloggs"


def test_a_chief_constable_who_spoke_of_the_outcome_does_not_decide() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was dismissed without notice by a misconduct panel.\n"
        "Chief Constable Jo Bloggs said the outcome sent a clear message.\n"
    )
    assert rec.value("decision_maker") == "a misconduct panel"


def test_a_panel_chaired_by_a_legally_qualified_chair_decides() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was given a final written warning at a misconduct hearing.\n"
        "The panel, chaired by an independent legally qualified chair, found the allegations "
        "proven.\n"
    )
    assert rec.value("decision_maker") == "The panel"


def test_a_hearing_chaired_by_a_legally_qualified_chair_keeps_the_chair() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was given a final written warning at a misconduct hearing "
        "chaired by an independent legally qualified chair.\n"
    )
    assert rec.value("decision_maker") == "an independent legally qualified chair"


def test_a_panel_with_a_place_and_a_quoted_finding_decides() -> None:
    rec = _one(
        "Former PC Tom Hale of Kent Police would have been dismissed had he not resigned.\n"
        "The disciplinary panel in the proceedings, held at the force's headquarters in "
        "Maidstone, Kent, \u201cfound the allegations proven\u201d.\n"
    )
    assert rec.value("decision_maker") == "The disciplinary panel"


def test_a_case_found_proven_by_the_panel_names_the_panel() -> None:
    rec = _one(
        "The case of gross misconduct against PC Tom Hale of Kent Police was found proven by the "
        "panel and he was dismissed without notice.\n"
    )
    assert rec.value("decision_maker") == "the panel"


def test_the_findings_by_the_panel_name_the_panel() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was dismissed without notice after a disciplinary hearing.\n"
        "His conduct fell far short, which is reflected in the findings by the panel.\n"
    )
    assert rec.value("decision_maker") == "the panel"


# --- Ciphers: a witness's, and the rank of an officer known by one -----------------------------


def test_a_cipher_a_witness_was_referred_to_as_is_no_second_officer() -> None:
    rec = _one(
        "A Kent Police officer has been dismissed for gross misconduct.\n"
        "PC Tom Hale kissed a colleague against her will at a party.\n"
        "The colleague, who was referred to as Officer A, said it was unwanted.\n"
        "PC Hale later drove Officer A home, a misconduct hearing was told.\n"
        "PC Hale was dismissed without notice.\n"
    )
    assert rec.value("outcome") == "dismissal_without_notice"


def test_a_second_officer_known_by_a_cipher_is_still_read() -> None:
    ex = extract(
        "PC Tom Hale of Kent Police was dismissed without notice at a misconduct hearing.\n"
        "Officer B was given a final written warning at the same hearing.\n"
    )
    assert len(ex.records) == 2


def test_an_officer_known_by_a_cipher_takes_the_rank_described() -> None:
    rec = _one(
        "A police officer has been sacked for gross misconduct.\n"
        "The Kent Police constable, known as Officer A, sent messages to a vulnerable woman.\n"
        "Officer A was dismissed without notice at a misconduct hearing.\n"
    )
    assert rec.value("rank") == "constable"
    assert rec.value("anonymised") is True


def test_an_officer_known_by_a_cipher_takes_no_rank_when_two_are_described() -> None:
    rec = _one(
        "The Kent Police constable, known as Officer A, was dismissed for gross misconduct at a "
        "hearing.\nThe inspector who reported him was praised.\n"
    )
    assert rec.value("rank") is None


# --- Discreditable Conduct described, not named (convention (b)) --------------------------------


def test_bringing_discredit_on_the_police_only_describes_the_conduct() -> None:
    rec = _one(
        "Former PC Ann Bell of Kent Police would have been dismissed, a misconduct hearing found.\n"
        "The panel found she had committed gross misconduct, in that she had brought discredit "
        "on the police and undermined public confidence.\n"
    )
    assert rec.value("standards") == []


def test_the_standards_own_words_quoted_name_it() -> None:
    rec = _one(
        "Former PC Ann Bell of Kent Police would have been dismissed, a misconduct hearing found.\n"
        "The force said the standard requires officers to behave in a manner which does not bring "
        "discredit on the police service, and she had breached it.\n"
    )
    assert rec.value("standards") == ["discreditable_conduct"]


def test_what_police_officers_must_do_in_general_names_no_standard() -> None:
    rec = _one(
        "PC Ann Bell of Kent Police was dismissed without notice for gross misconduct.\n"
        "A superintendent said: \u201cPolice officers must behave in a manner that does not "
        "discredit the police service, on or off duty.\u201d\n"
    )
    assert rec.value("standards") == []


def test_a_panel_chaired_by_a_named_legally_qualified_chair_keeps_the_named_chair() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was dismissed without notice.\n"
        "The disciplinary panel, chaired by legally qualified chair Jo Bloggs, concluded his "
        "conduct amounted to gross misconduct.\n"
    )
    # (with the name since the twenty-sixth round: until then the description alone)
    assert rec.value("decision_maker") == "legally qualified chair Jo Bloggs"


def test_an_independently_chaired_panel_that_concluded_decides() -> None:
    rec = _one(
        "Former PC Ann Bell of Kent Police would have been dismissed had she still been serving.\n"
        "The independently chaired disciplinary panel concluded she had committed gross "
        "misconduct.\n"
    )
    assert rec.value("decision_maker") == "The independently chaired disciplinary panel"


def test_a_ruling_on_anonymity_by_the_panel_names_no_decision_maker() -> None:
    rec = _one(
        "A Kent Police constable was given a final written warning for misconduct.\n"
        "The officer cannot be named because of a decision made by the panel's chair.\n"
    )
    assert rec.value("decision_maker") is None


def test_a_title_half_in_capitals_is_printed_whole() -> None:
    rec = _one(
        "Former PC Tom Hale of Kent Police lied about his sick leave.\n"
        "Chief constable Bloggs found the allegations proven, and decided Hale would have been "
        "dismissed had he not resigned.\n"
    )
    assert rec.value("decision_maker") == "Chief Constable Bloggs"
