"""Rules added on 30/11/2026 (issue 15, fourth round), one test each. Texts are written for the test."""

from __future__ import annotations

from misconduct.ingest import extract, refusal
from misconduct.ingest.model import OfficerRecord


def _only(text: str) -> OfficerRecord:
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 1, [r.label for r in ex.records]
    return ex.records[0]


def test_a_sanction_argued_for_is_not_the_outcome() -> None:
    text = (
        "PC Ann Lee of Kent Police has kept her job after a gross misconduct hearing. Counsel for "
        "the force had argued for an outcome of dismissal without notice. The panel decided the "
        "proportionate outcome was a final written warning.\n"
    )
    assert _only(text).value("outcome") == "final_written_warning"


def test_a_sanction_asked_for_is_not_the_outcome() -> None:
    text = (
        "Kent Police had asked that Police Constable Tom Hale should be dismissed without notice. "
        "After a three day misconduct hearing the chair gave him a final warning.\n"
    )
    assert _only(text).value("outcome") == "final_written_warning"


def test_a_sanction_declined_is_not_the_outcome() -> None:
    text = (
        "Former PC Brian Hale of the Metropolitan Police was found to have committed gross "
        "misconduct at an accelerated misconduct hearing, but the chair declined to impose a "
        "retrospective dismissal.\n"
    )
    assert _only(text).value("outcome") is None


def test_a_sanction_found_disproportionate_is_not_the_outcome() -> None:
    text = (
        "PC Tom Hale of Essex Police was given a written warning at a misconduct hearing. The chair "
        "said his health would render dismissal without notice a disproportionate outcome.\n"
    )
    assert _only(text).value("outcome") == "written_warning"


def test_a_dismissal_overturned_on_appeal_gives_way_to_the_outcome_that_replaced_it() -> None:
    text = (
        "DC Paul Hale of Essex Police was sacked for gross misconduct last year. Following an "
        "appeal the decision to dismiss him has been overturned and replaced with a written "
        "warning instead.\n"
    )
    assert _only(text).value("outcome") == "written_warning"


def test_dismissing_an_allegation_is_not_an_outcome() -> None:
    text = (
        "A misconduct panel dismissed an allegation that PS Peter Hale of Kent Police had been "
        "rude. It found gross misconduct in his use of force, and he has been demoted.\n"
    )
    assert _only(text).value("outcome") == "reduction_in_rank"


def test_determined_that_the_officer_would_be_dismissed_is_a_decision() -> None:
    text = (
        "PC J of Devon and Cornwall Police appeared at a misconduct hearing which found gross "
        "misconduct. The panel determined that the officer would be dismissed without notice.\n"
    )
    assert _only(text).value("outcome") == "dismissal_without_notice"


def _by_name(text: str) -> dict[str, OfficerRecord]:
    ex = extract(text)
    assert ex.refused is None, ex.refused
    return {r.name or r.label: r for r in ex.records}


def test_one_officers_dismissal_is_not_given_to_the_others() -> None:
    text = (
        "PC Ann Lee and PC Bob Hale of Kent Police appeared at a misconduct hearing. PC Lee was "
        "found to have committed gross misconduct. She has been dismissed without notice. PC Hale "
        "told the panel he regretted the messages.\n"
    )
    recs = _by_name(text)
    assert recs["Ann Lee"].value("outcome") == "dismissal_without_notice"
    assert recs["Bob Hale"].value("outcome") is None


def test_an_outcome_stated_of_all_the_officers_is_each_officers() -> None:
    text = (
        "PC Ann Lee and PC Bob Hale of Kent Police appeared at a misconduct hearing. PC Lee sent "
        "the messages. Both officers were dismissed without notice.\n"
    )
    recs = _by_name(text)
    assert recs["Ann Lee"].value("outcome") == "dismissal_without_notice"
    assert recs["Bob Hale"].value("outcome") == "dismissal_without_notice"


def test_officers_named_together_share_the_outcome_of_their_sentence() -> None:
    text = (
        "Three Dorset Police officers faced a misconduct hearing. PC Ann Lee was found to have "
        "committed gross misconduct and was dismissed without notice. Sgt Bob Hale and PC Carl "
        "Ince were handed final written warnings, which will last for two years.\n"
    )
    recs = _by_name(text)
    assert recs["Ann Lee"].value("outcome") == "dismissal_without_notice"
    for name in ("Bob Hale", "Carl Ince"):
        assert recs[name].value("outcome") == "final_written_warning"
        assert recs[name].value("warning_months") == 24


def test_a_dated_list_of_management_advice_is_read_one_row_a_line() -> None:
    text = (
        "Eleven members of Northamptonshire Police staff or officers have been given management "
        "advice following an investigation into their conduct.\n\n"
        "March 2013 Failure to follow police policy on force systems by police officer "
        "Management Advice\n\n"
        "September 2013 Failure to follow police policy on associations by police staff "
        "Management Advice\n\n"
        "March 2014 Police officer acted inappropriately towards a colleague breaching standards "
        "of authority, respect and courtesy. Management Advice\n"
    )
    assert refusal(text) is None
    ex = extract(text)
    assert [r.value("outcome") for r in ex.records] == ["management_advice", "management_advice"]
    assert [r.value("force") for r in ex.records] == ["northamptonshire", "northamptonshire"]
    # each row keeps its own Standards: the first names none
    assert [r.value("standards") for r in ex.records] == [[], ["authority_respect_and_courtesy"]]


def test_a_hearing_the_chief_constable_chaired_is_the_forum_of_its_year() -> None:
    before_2020 = (
        "Sgt Nick Hale of West Midlands Police would have been dismissed for gross misconduct, at "
        "a hearing chaired by "
        "Chief Constable Dave Thompson on 19 November 2019.\n"
    )
    assert _only(before_2020).value("forum") == "special_case_hearing"
    in_2022 = (
        "PC Tom Hale of Lancashire Police was dismissed for gross misconduct. Overseen by Chief "
        "Constable Chris Rowley, the hearing was held on 17 January 2022.\n"
    )
    assert _only(in_2022).value("forum") == "accelerated_misconduct_hearing"
    # since the 2024 amendments chief officers chair every hearing: nothing is inferred
    in_2025 = (
        "PC Tom Hale of Kent Police was dismissed for gross misconduct at a misconduct hearing "
        "chaired by Chief Constable Tim Smith on 3 March 2025.\n"
    )
    assert _only(in_2025).value("forum") == "misconduct_hearing"
    # an independent chair: a misconduct hearing, whoever spoke afterwards
    independent = (
        "PC Tom Hale of Kent Police was dismissed at a misconduct hearing led by a legally "
        "qualified chair on 3 March 2022. Chief Constable Tim Smith concluded that it was right.\n"
    )
    assert _only(independent).value("forum") == "misconduct_hearing"


def test_no_further_action_against_someone_else_is_not_the_finding_of_a_sanctioned_officer() -> (
    None
):
    text = (
        "The man was not arrested and no further action was taken against him. A Kent Police "
        "officer was later dismissed without notice at a misconduct hearing for failing to "
        "safeguard the victim.\n"
    )
    rec = _only(text)
    assert rec.value("outcome") == "dismissal_without_notice"
    assert rec.value("finding") == "gross_misconduct"


def test_the_other_officer_of_a_count_is_counted() -> None:
    text = (
        "Two Hertfordshire Police officers failed to safeguard a victim. A panel found gross "
        "misconduct. One officer was dismissed without notice and the former officer would have "
        "been sacked had he not resigned.\n"
    )
    ex = extract(text)
    assert sorted(r.value("outcome") for r in ex.records) == [
        "dismissal_without_notice",
        "would_have_been_dismissed",
    ]


def test_a_finding_reduced_or_not_serious_enough_for_gross_misconduct_is_misconduct() -> None:
    reduced = (
        "Because of her vulnerability the force said the matter was reduced from gross misconduct "
        "to misconduct. The Gloucestershire officer was given a final written warning.\n"
    )
    assert _only(reduced).value("finding") == "misconduct"
    not_serious = (
        "A Northamptonshire special constable has been given a written warning. The panel found "
        "his breaches amounted to misconduct, but are not so serious they constitute gross "
        "misconduct.\n"
    )
    assert _only(not_serious).value("finding") == "misconduct"


def test_an_officer_demoted_or_warned_was_serving_whatever_rank_was_former() -> None:
    text = (
        "A former police inspector, known as Inspector Y, of Norfolk Police was demoted after a "
        "misconduct hearing found gross misconduct.\n"
    )
    rec = _only(text)
    assert rec.value("outcome") == "reduction_in_rank"
    assert rec.value("status") == "serving"


def test_an_earlier_dismissal_is_not_the_outcome() -> None:
    text = (
        "By the time of the misconduct hearing her colleague had already been sacked by the "
        "force for other matters. The Gloucestershire officer was given a written warning.\n"
    )
    assert _only(text).value("outcome") == "written_warning"


def test_the_level_an_outcome_was_given_for_is_the_finding() -> None:
    text = (
        "A Norfolk Police spokeswoman said that, after a gross misconduct investigation, the "
        "officer in question received a final written warning for misconduct at a hearing.\n"
    )
    assert _only(text).value("finding") == "misconduct"
    general = (
        "PC Cameron Hale of West Yorkshire Police would have been dismissed had he not resigned. "
        "Since 2017, officers sacked for misconduct have been added to the barred list; the "
        "panel found gross misconduct.\n"
    )
    assert _only(general).value("finding") == "gross_misconduct"


def test_standards_stated_of_the_pair_are_each_officers() -> None:
    text = (
        "Officer A and Officer B of Derbyshire Constabulary appeared at a misconduct hearing. "
        "Officer A was dismissed without notice. Officer B received a final written warning. In "
        "doing so the pair were alleged to have breached the authority, respect and courtesy and "
        "discreditable conduct standards of professional behaviour.\n"
    )
    recs = _by_name(text)
    for label in ("Officer A", "Officer B"):
        assert recs[label].value("standards") == [
            "authority_respect_and_courtesy",
            "discreditable_conduct",
        ]


def test_no_sanction_for_a_former_officer_is_no_further_action() -> None:
    text = (
        "In February 2019 a misconduct panel concluded the Surrey Police officer had committed "
        "misconduct (not gross misconduct). As the officer had resigned from the force while our "
        "investigation was taking place, there was no sanction.\n"
    )
    rec = _only(text)
    assert rec.value("outcome") == "no_further_action"
    assert rec.value("finding") == "misconduct"
