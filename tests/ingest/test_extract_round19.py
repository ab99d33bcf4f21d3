"""Rules of the nineteenth round (30/11/2026, issue 15), written against held-out 16's misses after
its one measurement. Every text is invented for the test; none is a page's."""

from __future__ import annotations

from misconduct.ingest import extract
from tests.ingest.reading import one_record, records_by_name

_one = one_record
_by_name = records_by_name


# --- Texts once refused that state a result ------------------------------------------------------


def test_allegations_against_the_officers_not_proven_clear_them() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was investigated after a man he arrested fell ill.\n"
        "A misconduct hearing concluded that the allegations against the constable were not "
        "proven.\n"
    )
    assert rec.value("finding") == "no_misconduct"
    assert rec.value("outcome") == "no_further_action"


def test_allegations_against_an_officer_proven_are_no_clearing() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police faced a misconduct hearing.\n"
        "The allegations against the constable were proven and he was dismissed.\n"
    )
    assert rec.value("finding") != "no_misconduct"
    assert rec.value("outcome") == "dismissal_without_notice"


def test_a_meeting_at_which_no_case_to_answer_was_found_clears_the_officers() -> None:
    ex = extract(
        "Kent Police held a misconduct meeting for the two officers, at which no case to answer "
        "was found for either officer.\n"
    )
    assert ex.refused is None, ex.refused
    assert {r.value("finding") for r in ex.records} == {"no_misconduct"}
    assert {r.value("forum") for r in ex.records} == {"misconduct_meeting"}


def test_an_investigation_finding_no_case_to_answer_is_still_refused() -> None:
    ex = extract(
        "The IOPC investigated the actions of Kent Police officers after a crash.\n"
        "No case to answer was found for the two officers, and the investigation closed.\n"
        "A misconduct hearing was not held.\n"
    )
    assert ex.refused is not None


def test_would_be_dismissed_from_the_force_had_she_been_serving_is_would_have_been() -> None:
    rec = _one(
        "Former PC Ann Bell of Kent Police was found to have breached the standards of "
        "professional behaviour at a special case hearing.\n"
        "The chief constable determined that Ms Bell, who had resigned from the force on 3 March "
        "2021, would be dismissed from the force had she still been a serving police officer.\n"
    )
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.value("status") == "former"
    # the day she resigned is not the hearing's
    assert rec.value("hearing_date") is None


def test_would_be_dismissed_without_a_condition_is_still_a_possibility() -> None:
    ex = extract(
        "PC Ann Bell of Kent Police faces a misconduct hearing next month.\n"
        "If the allegation is proven she would be dismissed from the force.\n"
    )
    assert ex.refused is not None


def test_a_force_abbreviation_dismissing_an_officer_is_a_conduct_outcome() -> None:
    rec = _one(
        "A BTP Officer has been dismissed for kicking a passenger at a station.\n"
        "The officer had been on duty at the time.\n"
    )
    assert rec.value("force") == "british_transport_police"
    assert rec.value("outcome") == "dismissal_without_notice"


def test_an_officer_of_no_force_dismissed_in_capitals_is_still_refused() -> None:
    ex = extract(
        "A Security Officer has been dismissed by a supermarket after a row with a shopper.\n"
        "The company said it did not comment on staff matters.\n"
    )
    assert ex.refused is not None


# --- Officers named together ------------------------------------------------------------------------


def test_an_officer_named_beside_one_whose_result_is_told_is_an_officer_too() -> None:
    recs = _by_name(
        "Two Kent Police constables have received warnings for misconduct.\n"
        "PC Ann Bell and PC Tom Pike were driving a prisoner to custody.\n"
        "PC Pike was found to have used too much force.\n"
        "The panel decided both officers were given written warnings.\n"
    )
    assert set(recs) == {"Ann Bell", "Tom Pike"}
    assert {r.value("outcome") for r in recs.values()} == {"written_warning"}


def test_a_name_beside_an_officer_without_and_is_not_brought_in() -> None:
    recs = _by_name(
        "PC Ann Bell of Kent Police, who met Sgt Tom Pike at the station, drove a prisoner to "
        "custody.\n"
        "PC Bell was found guilty of misconduct for using too much force and was given a written "
        "warning.\n"
    )
    assert len(recs) == 1
    assert not any("Pike" in (name or "") for name in recs)


# --- Pages about several officers -----------------------------------------------------------------


def test_a_smaller_count_whose_sentence_tells_the_result_is_the_officers_reported_on() -> None:
    ex = extract(
        "Kent Police investigated a death in custody in 2019.\n"
        "The family complained about the response.\n"
        "The inquiry looked at the records.\n"
        "During the investigation, five police officers were served with notices.\n"
        "The force held a misconduct meeting for the two officers, at which no case to answer was "
        "found for either officer.\n"
    )
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 2
    assert {r.value("finding") for r in ex.records} == {"no_misconduct"}


def test_a_count_of_officers_investigated_alone_gives_one_record() -> None:
    ex = extract(
        "Kent Police investigated a death in custody in 2019.\n"
        "The family complained about the response.\n"
        "The inquiry looked at the records.\n"
        "During the investigation, five police officers were served with notices.\n"
        "At a misconduct meeting the chair found no case to answer.\n"
    )
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 1


def test_an_officer_and_a_colleague_cleared_together_are_two_records() -> None:
    recs = _by_name(
        "PC Tom Hale of Kent Police and a colleague took a drunk man off a train.\n"
        "A misconduct hearing concluded that the allegations against the officers were not "
        "proven.\n"
    )
    assert set(recs) == {"Tom Hale", None}
    assert {r.value("finding") for r in recs.values()} == {"no_misconduct"}
    assert recs[None].value("anonymised") is True


def test_a_colleague_whose_result_is_not_told_is_no_officer() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police and a colleague took a drunk man off a train.\n"
        "PC Hale was found guilty of misconduct and given a written warning.\n"
    )
    assert rec.value("outcome") == "written_warning"


def test_officers_told_apart_as_first_and_second_each_take_their_own_result() -> None:
    ex = extract(
        "Kent Police referred two officers to misconduct proceedings in 2018.\n"
        "At the hearing for the first officer, a panel found the lapse was not serious enough to "
        "amount to misconduct.\n"
        "The second officer also attended a hearing, where the panel found misconduct.\n"
    )
    assert ex.refused is None, ex.refused
    findings = {r.label: r.value("finding") for r in ex.records}
    assert findings == {"the first officer": "no_misconduct", "the second officer": "misconduct"}


def test_not_serious_enough_to_be_gross_misconduct_is_misconduct() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was found to have acted in a way that was not serious enough "
        "to amount to gross misconduct.\n"
        "The panel found misconduct proven and gave him a written warning.\n"
    )
    assert rec.value("finding") == "misconduct"


# --- Outcome and status: dismissed, would have been dismissed ---------------------------------


def test_a_would_be_dismissal_in_an_officers_own_words_wins_over_one_told_of_both() -> None:
    recs = _by_name(
        "Two Kent Police officers have been sacked for gross misconduct.\n"
        "A panel found PC Ann Bell and PC Tom Pike had lied, and they were dismissed without "
        "notice on Friday.\n"
        "The panel ruled that PC Bell be dismissed without notice and PC Pike would have been "
        "dismissed without notice had he still been serving.\n"
    )
    assert recs["Ann Bell"].value("outcome") == "dismissal_without_notice"
    assert recs["Tom Pike"].value("outcome") == "would_have_been_dismissed"
    assert recs["Tom Pike"].value("status") == "former"


def test_two_officers_dismissed_together_stay_dismissed() -> None:
    recs = _by_name(
        "Two Kent Police officers have been sacked for gross misconduct.\n"
        "A panel found PC Ann Bell and PC Tom Pike had lied, and they were dismissed without "
        "notice on Friday.\n"
    )
    assert {r.value("outcome") for r in recs.values()} == {"dismissal_without_notice"}


# --- Forum and decision makers --------------------------------------------------------------------


def test_a_special_hearing_chaired_by_the_chief_constable_is_a_special_case_hearing() -> None:
    rec = _one(
        "A Kent Police detective convicted of fraud has been sacked for gross misconduct.\n"
        "Kent Police Chief Constable Jo Bloggs said her actions undermined confidence.\n"
        "The special hearing, chaired by Mr Bloggs, found her conviction was gross misconduct "
        "and ordered DC Ann Bell to be dismissed without notice.\n"
    )
    assert rec.value("forum") == "special_case_hearing"
    assert rec.value("decision_maker") == "Chief Constable Jo Bloggs"


def test_a_special_hearing_at_a_court_is_no_special_case_hearing() -> None:
    rec = _one(
        "PC Ann Bell of Kent Police was dismissed after a misconduct hearing found gross "
        "misconduct.\n"
        "She had earlier attended a special hearing at the magistrates' court.\n"
    )
    assert rec.value("forum") == "misconduct_hearing"


def test_chaired_by_someone_else_of_the_chief_constables_title_is_not_the_chief() -> None:
    rec = _one(
        "Chief Constable Jo Bloggs said the force expected honesty.\n"
        "The misconduct hearing, chaired by Mr Smith, found PC Ann Bell of Kent Police had "
        "committed gross misconduct and she was dismissed.\n"
    )
    assert rec.value("decision_maker") != "Chief Constable Jo Bloggs"


def test_chaired_by_the_forces_chief_constable_names_the_chief() -> None:
    rec = _one(
        "The special case hearing, chaired by the force's chief constable Jo Bloggs, found that "
        "former PC Ann Bell of Kent Police would have been dismissed had she still been serving.\n"
    )
    assert rec.value("decision_maker") == "Chief Constable Jo Bloggs"


def test_a_panel_named_after_the_force_or_a_tribunal_panel_decided() -> None:
    rec = _one(
        "PC Tom Hale was dismissed without notice after a Kent Police panel found him guilty of "
        "gross misconduct.\n"
    )
    assert rec.value("decision_maker") == "a Kent Police panel"
    rec = _one(
        "A Kent Police constable has been sacked.\n"
        "A tribunal panel concluded it was gross misconduct and dismissed the officer without "
        "notice.\n"
    )
    assert rec.value("decision_maker") == "A tribunal panel"


# --- Ranks ------------------------------------------------------------------------------------------


def test_a_full_stop_after_a_rank_in_full_ends_the_sentence() -> None:
    rec = _one(
        "A police officer has been sacked. PC Tom Hale refused a drugs test. He was dismissed "
        "without notice after a Kent Police panel found him guilty of gross misconduct. Mr Hale "
        "was reported by a colleague to a chief inspector. Mr Hale resigned the next day.\n"
    )
    assert rec.value("rank") == "constable"


def test_a_full_stop_after_an_abbreviated_rank_is_kept() -> None:
    rec = _one("Insp. Tom Hale of Kent Police was dismissed for gross misconduct.\n")
    assert rec.value("rank") == "inspector"
    assert rec.name == "Tom Hale"


def test_a_special_sergeant_has_no_rank_in_the_vocabulary() -> None:
    recs = _by_name(
        "At a misconduct hearing it was found that Special Police Sgt Tom Hale of the "
        "Metropolitan Police committed gross misconduct.\n"
        "Sgt Hale was given a final written warning.\n"
    )
    assert recs["Tom Hale"].value("rank") is None


def test_special_constables_in_the_plural_are_others_not_the_officer() -> None:
    rec = _one(
        "The Kent Police constable was accused of bullying two special constables.\n"
        "A panel found gross misconduct and he was dismissed without notice.\n"
    )
    assert rec.value("rank") == "constable"


def test_officers_called_by_number_are_anonymised() -> None:
    ex = extract(
        "Two Kent Police constables, known as PC One and PC Two, had sex on duty.\n"
        "A panel found PC One committed gross misconduct and she was dismissed without notice.\n"
        "PC Two was found to have committed gross misconduct and would have been dismissed had "
        "he still been serving.\n"
    )
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 2
    assert all(r.value("anonymised") is True for r in ex.records)


def test_an_officer_named_with_a_surname_like_a_number_word_is_still_named() -> None:
    rec = _one("PC Tom Eight of Kent Police was dismissed for gross misconduct.\n")
    assert rec.value("anonymised") is False


# --- Standards ----------------------------------------------------------------------------------


def test_the_same_standard_is_the_one_named_in_the_sentence_before() -> None:
    recs = _by_name(
        "A panel found that PC Ann Bell, PC Tom Pike and PC Sam Ross of Kent Police committed "
        "gross misconduct.\n"
        "PC Bell and PC Pike were found to have breached the standards in respect of duties and "
        "responsibilities and given a final written warning.\n"
        "PC Ross was found to have breached the same standard, as well as honesty and integrity, "
        "and he was dismissed without notice.\n"
    )
    assert recs["Sam Ross"].value("standards") == [
        "duties_and_responsibilities",
        "honesty_and_integrity",
    ]
    assert recs["Ann Bell"].value("standards") == ["duties_and_responsibilities"]


def test_without_the_same_standard_an_officer_keeps_his_own() -> None:
    recs = _by_name(
        "A panel found that PC Ann Bell and PC Sam Ross of Kent Police committed gross "
        "misconduct.\n"
        "PC Bell was found to have breached the standards in respect of duties and "
        "responsibilities and given a final written warning.\n"
        "PC Ross was found to have breached the standard of honesty and integrity, and he was "
        "dismissed without notice.\n"
    )
    assert recs["Sam Ross"].value("standards") == ["honesty_and_integrity"]
