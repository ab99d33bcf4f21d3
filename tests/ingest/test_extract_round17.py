"""Rules of the seventeenth round (30/11/2026, issue 15), written against held-out 14's misses after
its one measurement. Every text is invented for the test; none is a page's."""

from __future__ import annotations

from misconduct.ingest import extract
from misconduct.ingest.extract import refusal
from tests.ingest.reading import one_record

_one = one_record


# --- Texts that tell a conduct outcome without saying "misconduct" ----------------------------


def test_a_police_officer_dismissed_opening_a_sentence_is_read() -> None:
    rec = _one(
        "Kent officer sacked after failing a drugs test\n"
        "A Kent Police officer has been dismissed after failing a drugs test.\n"
        "DC Sam Hollis, who worked in Maidstone, tested positive for cocaine last spring.\n"
    )
    assert rec.value("outcome") == "dismissal_without_notice"
    assert rec.value("force") == "kent"
    assert rec.value("forum") is None


def test_a_dismissal_that_is_not_a_police_officers_is_still_refused() -> None:
    not_subject = (
        "A charge against a Kent Police officer has been dismissed by magistrates after the "
        "witness failed to attend.\n"
    )
    not_police = "A factory security officer has been sacked after failing a drugs test at work.\n"
    assert refusal(not_subject) is not None
    assert refusal(not_police) is not None


def test_a_written_warning_from_the_professional_standards_department_is_read() -> None:
    rec = _one(
        "Two Kent Police officers were found at a barbecue during the lockdown.\n"
        "The force's Professional Standards Department has issued the police constable with a "
        "written warning.\n"
    )
    assert rec.value("outcome") == "written_warning"
    assert rec.value("rank") == "constable"


def test_a_written_warning_from_a_sergeant_is_still_refused() -> None:
    text = (
        "A police officer was given a written warning by her sergeant for parking in the "
        "station's disabled bay, a colleague said.\n"
    )
    assert refusal(text) is not None


# --- Hearing dates that are not the hearing's ---------------------------------------------------


def test_a_date_in_what_the_hearing_found_the_officer_had_done_is_the_conducts() -> None:
    rec = _one(
        "PC Lee Dunn was dismissed from Kent Police after a misconduct hearing found he had "
        "claimed a degree on his application to join the force in March 2018, which was false.\n"
    )
    assert rec.value("outcome") == "dismissal_without_notice"
    assert rec.value("hearing_date") is None


def test_a_date_in_what_was_proven_the_officers_failed_to_do_is_the_conducts() -> None:
    rec = _one(
        "PC Lee Dunn of Kent Police was given a final written warning after a misconduct "
        "hearing.\n"
        'After the hearing, a superintendent said: "It was proven that the officer failed to '
        'record the search properly in June 2016."\n'
    )
    assert rec.value("hearing_date") is None


def test_a_hearing_found_on_a_date_is_still_the_hearings() -> None:
    rec = _one(
        "PC Lee Dunn of Kent Police was dismissed after a misconduct hearing held on 4 March "
        "2024 found he had lied to his sergeant.\n"
    )
    assert rec.value("hearing_date") == "2024-03-04"


def test_a_date_at_an_unrelated_hearing_is_not_the_hearings() -> None:
    rec = _one(
        "PC Lee Dunn of Kent Police has been dismissed for gross misconduct.\n"
        "On 3 May 2021, the officer shouted at a witness while in the public gallery at an "
        "unrelated misconduct hearing.\n"
    )
    assert rec.value("hearing_date") is None


def test_a_page_date_with_at_and_a_time_is_not_the_hearings() -> None:
    rec = _one(
        "Officer Dismissed After Crash\n\n"
        "Mar 9, 2025 at 8:15 AM\n\n"
        "In a recent case, an officer lied about a crash in Ashford.\n"
        "PC Lee Dunn of Kent Police has been dismissed after a gross misconduct hearing.\n"
    )
    assert rec.value("hearing_date") is None


# --- Forum --------------------------------------------------------------------------------------


def test_a_fast_track_hearing_in_quotation_marks_is_an_accelerated_hearing() -> None:
    rec = _one(
        'PC Lee Dunn of Kent Police was dismissed after a "fast-track" misconduct hearing found '
        "he had breached the standards of professional behaviour.\n"
    )
    assert rec.value("forum") == "accelerated_misconduct_hearing"


# --- Force --------------------------------------------------------------------------------------


def test_a_force_the_officer_served_in_at_the_time_of_the_conduct_is_not_his_force() -> None:
    rec = _one(
        "A police officer has been dismissed after a misconduct hearing.\n"
        "The hearing was told Dunn sent the messages in 2019. He was a special constable for "
        "Surrey Police at the time.\n"
        "PC Lee Dunn was dismissed without notice at the hearing at Kent Police headquarters.\n"
    )
    assert rec.value("force") == "kent"


# --- Pages about several officers ---------------------------------------------------------------


def test_an_officer_said_to_be_guilty_of_the_same_is_an_officer_of_the_page() -> None:
    ex = extract(
        "Two special constables would have been sacked had they not resigned before an "
        "accelerated hearing.\n\n"
        "One of them, called SC P, sent messages which breached the rules in 2020.\n\n"
        "SC Q was guilty of the same offences in 2021.\n"
    )
    assert ex.refused is None, ex.refused
    assert [r.label for r in ex.records] == ["SC P", "SC Q"]
    assert [r.value("outcome") for r in ex.records] == ["would_have_been_dismissed"] * 2


def test_an_officer_named_after_fellow_officer_has_their_own_outcome() -> None:
    ex = extract(
        "Two Kent Police officers were dismissed on Friday after a misconduct hearing.\n"
        "The hearing found that officers Ann Bell and Tom Pike had committed gross misconduct, "
        "while fellow officer Sue Hart's actions amounted to misconduct.\n"
        "Bell and Pike were both dismissed while the panel gave Hart a final written warning.\n"
    )
    assert ex.refused is None, ex.refused
    got = {r.name: (r.value("outcome"), r.value("finding")) for r in ex.records}
    assert got == {
        "Ann Bell": ("dismissal_without_notice", "gross_misconduct"),
        "Tom Pike": ("dismissal_without_notice", "gross_misconduct"),
        "Sue Hart": ("final_written_warning", "misconduct"),
    }


def test_officers_named_together_in_one_sentence_still_share_it() -> None:
    ex = extract(
        "PC Ann Bell and PC Tom Pike of Kent Police were both dismissed after a gross misconduct "
        "hearing.\n"
    )
    assert [r.value("outcome") for r in ex.records] == ["dismissal_without_notice"] * 2


def test_counted_officers_who_would_have_been_dismissed_told_in_the_active_voice() -> None:
    ex = extract(
        "Two police officers have been dismissed and three former officers criticised at a "
        "Kent Police misconduct hearing.\n"
        "These breaches amounted to gross misconduct.\n"
        "Chairing the hearing, the chief constable dismissed two serving officers and said he "
        "would have dismissed the three former officers too, had they still been serving.\n"
    )
    assert ex.refused is None, ex.refused
    outcomes = sorted(r.value("outcome") for r in ex.records)
    assert outcomes == ["dismissal_without_notice"] * 2 + ["would_have_been_dismissed"] * 3
    assert sorted(r.value("status") for r in ex.records) == ["former"] * 3 + ["serving"] * 2


# --- Standards ----------------------------------------------------------------------------------


def test_standards_the_officers_fell_short_in_are_named() -> None:
    ex = extract(
        "Two Kent Police officers have been sacked after a misconduct hearing held in private.\n"
        "Both were judged to have fallen short in their honesty and integrity, their authority, "
        "and their respect for equality and diversity.\n"
        "This amounted to gross misconduct.\n"
    )
    assert ex.refused is None, ex.refused
    assert [r.value("standards") for r in ex.records] == [
        ["honesty_and_integrity", "equality_and_diversity"]
    ] * 2


def test_a_total_of_dismissals_larger_than_its_parts_keeps_the_rest() -> None:
    ex = extract(
        "Seven Kent Police officers have been dismissed over offensive messages.\n"
        "The first inquiry looked at three officers, all found to have committed gross "
        "misconduct.\n"
        "Three officers were dismissed without notice and a further officer would have been "
        "dismissed had he not resigned.\n"
        "Two of the officers received final written warnings.\n"
    )
    assert ex.refused is None, ex.refused
    outcomes = sorted(r.value("outcome") for r in ex.records)
    assert outcomes == sorted(
        ["dismissal_without_notice"] * 6
        + ["would_have_been_dismissed"]
        + ["final_written_warning"] * 2
    )


def test_a_total_of_dismissals_equal_to_its_parts_is_not_counted_twice() -> None:
    ex = extract(
        "Three Kent Police officers have been dismissed.\n"
        "Two officers were dismissed without notice and a further officer would have been "
        "dismissed had he not retired.\n"
    )
    outcomes = sorted(r.value("outcome") for r in ex.records)
    assert outcomes == ["dismissal_without_notice"] * 2 + ["would_have_been_dismissed"]


# --- Outcome ------------------------------------------------------------------------------------


def test_a_warning_in_force_is_not_the_outcome() -> None:
    rec = _one(
        "A misconduct hearing found PC Lee Dunn's remarks amounted to misconduct.\n"
        "As he already has a final written warning in force, PC Dunn of Kent Police has been "
        "dismissed without notice.\n"
    )
    assert rec.value("outcome") == "dismissal_without_notice"


def test_a_warning_given_in_force_for_a_period_is_the_outcome() -> None:
    rec = _one(
        "PC Lee Dunn of Kent Police was given a final written warning in force for two years "
        "after a misconduct meeting.\n"
    )
    assert rec.value("outcome") == "final_written_warning"


def test_officers_a_hearing_found_had_breached_the_standards_are_named() -> None:
    ex = extract(
        "Two serving Kent Police officers were dismissed on Friday over offensive messages.\n"
        "The hearing found that Ann Bell and Tom Pike breached the standards of professional "
        "behaviour in relation to discreditable conduct.\n"
    )
    assert ex.refused is None, ex.refused
    assert [(r.name, r.value("anonymised")) for r in ex.records] == [
        ("Ann Bell", False),
        ("Tom Pike", False),
    ]
    assert [r.value("outcome") for r in ex.records] == ["dismissal_without_notice"] * 2


def test_counted_outcomes_told_with_one_another_and_a_third() -> None:
    ex = extract(
        "Two more Kent Police officers have been disciplined over a group chat.\n"
        "One was given a written warning while another received 'management' advice.\n"
        "Earlier, two officers were sacked and a third was handed a final written warning "
        "after a misconduct hearing.\n"
    )
    assert ex.refused is None, ex.refused
    outcomes = sorted(r.value("outcome") for r in ex.records)
    assert outcomes == sorted(
        [
            "written_warning",
            "management_advice",
            "dismissal_without_notice",
            "dismissal_without_notice",
            "final_written_warning",
        ]
    )


def test_a_headline_count_equal_to_its_parts_is_still_a_summary() -> None:
    ex = extract(
        "Three Kent Police officers have been sacked after a misconduct hearing.\n"
        "Two officers were dismissed without notice and the former officer would have been "
        "dismissed.\n"
    )
    outcomes = sorted(r.value("outcome") for r in ex.records)
    assert outcomes == ["dismissal_without_notice"] * 2 + ["would_have_been_dismissed"]


def test_courtesy_and_conduct_printed_alone_inside_a_list_are_standards() -> None:
    rec = _one(
        "PC Lee Dunn of Kent Police has been dismissed after a misconduct hearing.\n"
        "He fell short in honesty and integrity, authority, courtesy, conduct, and his respect "
        "for equality and diversity.\n"
    )
    assert rec.value("standards") == [
        "honesty_and_integrity",
        "authority_respect_and_courtesy",
        "discreditable_conduct",
        "equality_and_diversity",
    ]


def test_courtesy_outside_a_list_of_standards_is_not_a_standard() -> None:
    rec = _one(
        "PC Lee Dunn of Kent Police has been dismissed after a misconduct hearing found he "
        "breached the standard of discreditable conduct.\n"
        "The chair thanked the witnesses for their courtesy during the hearing.\n"
    )
    assert rec.value("standards") == ["discreditable_conduct"]


def test_a_capitalised_headline_after_a_rank_is_not_a_second_officer() -> None:
    rec = _one(
        "News - Kent Police Constable Sacked After Gross Misconduct Hearing\n"
        "PC Lee Dunn of Kent Police has been dismissed after a gross misconduct hearing.\n"
    )
    assert rec.name == "Lee Dunn"


# --- Decision maker -----------------------------------------------------------------------------


def test_a_chief_constable_satisfied_of_gross_misconduct_decided() -> None:
    rec = _one(
        "PC Lee Dunn of Kent Police has been dismissed after an accelerated hearing.\n"
        "Chief Constable Jo Marsh was satisfied his actions amounted to gross misconduct.\n"
    )
    assert rec.value("decision_maker") == "Chief Constable Jo Marsh"


def test_an_assistant_commissioner_who_concluded_decided() -> None:
    rec = _one(
        "A Metropolitan Police officer has been dismissed after failing a drugs test.\n"
        "Assistant Commissioner Jo Marsh concluded that PC Lee Dunn had breached the standards.\n"
    )
    assert rec.value("decision_maker") == "Assistant Commissioner Jo Marsh"


def test_a_chief_constable_in_lower_case_chairing_the_hearing_decided() -> None:
    ex = extract(
        "Two Kent Police officers have been dismissed for gross misconduct.\n"
        "Chairing the hearing, chief constable Jo Marsh dismissed two serving officers.\n"
    )
    assert [r.value("decision_maker") for r in ex.records] == ["Chief Constable Jo Marsh"] * 2


def test_the_panel_today_found_is_the_panel() -> None:
    rec = _one(
        "PC Lee Dunn of Kent Police has been dismissed after a misconduct hearing.\n"
        "The panel today found his conduct amounted to misconduct.\n"
    )
    assert rec.value("decision_maker") == "The panel"


# --- Officers and speakers ----------------------------------------------------------------------


def test_a_speaker_named_with_a_description_between_commas_is_not_the_officer() -> None:
    ex = extract(
        "A Kent Police officer has been dismissed after an accelerated misconduct hearing.\n"
        "Chief Superintendent Jo Marsh, the district commander for the east of the county, "
        'said: "This behaviour has no place in policing."\n'
    )
    assert ex.refused is None, ex.refused
    assert [r.name for r in ex.records] == [None]


def test_a_speaker_from_a_named_forces_professional_standards_is_not_the_officer() -> None:
    ex = extract(
        "A Kent Police officer has been sacked for gross misconduct.\n"
        "Det Insp Jo Marsh, from Kent Police's Professional Standards Department, said the "
        "conduct fell far below what is expected.\n"
    )
    assert [r.name for r in ex.records] == [None]


def test_an_officer_described_then_named_opening_the_next_sentence_is_named() -> None:
    rec = _one(
        "A probationer detective constable has been dismissed from Kent Police after an "
        "accelerated misconduct hearing.\n"
        "Sam Hollis was off duty at the time of the assault.\n"
        "Hollis was dismissed without notice.\n"
    )
    assert rec.name == "Sam Hollis"
    assert rec.value("rank") == "constable"
    assert rec.value("anonymised") is False
