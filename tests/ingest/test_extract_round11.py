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


def test_a_dismissal_stated_of_an_officer_who_had_resigned_is_would_have_been() -> None:
    text = (
        "A Kent Police constable has been barred from policing.\n\n"
        "PC Amble handed in his notice before the misconduct hearing. The chief constable said "
        "dismissal was the right outcome, had Amble not resigned.\n"
    )
    assert _doc(text, "outcome") == "would_have_been_dismissed"
    assert _doc(text, "status") == "former"


def test_a_resignation_counterfactual_beside_a_lesser_outcome_is_another_case() -> None:
    text = (
        "A Kent Police inspector has been dismissed for gross misconduct.\n\n"
        "Of the other hearings this year, one ended where, had the officer not left the force, "
        "a written warning would have been given.\n"
    )
    assert _doc(text, "outcome") == "dismissal_without_notice"


def test_a_lesser_sanction_a_former_officer_would_have_had_is_no_further_action() -> None:
    text = (
        "A former Kent Police constable has been found to have committed gross misconduct.\n\n"
        "PC Amble resigned before the hearing, but the panel said he would have received a final "
        "written warning had he still been serving.\n"
    )
    assert _doc(text, "outcome") == "no_further_action"
    assert _doc(text, "finding") == "gross_misconduct"


def test_counted_officers_whose_result_the_next_sentence_states_are_one_record_each() -> None:
    text = (
        "A staff association has criticised the time a complaint took.\n\n"
        "The complaint concerned an arrest in a Kent town centre.\n\n"
        "The watchdog asked whether the first officer's colleagues should have stepped in.\n\n"
        "A misconduct hearing was directed for all three officers. They were cleared of "
        "misconduct, but the process took two years.\n"
    )
    ex = extract(text)
    assert len(ex.records) == 3
    assert {r.value("finding") for r in ex.records} == {"no_misconduct"}


def test_an_accelerated_gross_misconduct_hearing_is_accelerated() -> None:
    text = (
        "A Kent Police constable has been dismissed.\n\n"
        "The deputy chief constable, who chaired an accelerated gross misconduct hearing, said "
        "PC Amble had let the public down.\n"
    )
    assert _doc(text, "forum") == "accelerated_misconduct_hearing"


def test_an_earlier_hearing_of_other_officers_is_not_the_forum() -> None:
    text = (
        "A former Kent Police sergeant would have been dismissed, a gross misconduct hearing "
        "found.\n\n"
        "Two other officers were previously dismissed after an accelerated misconduct hearing "
        "in March.\n"
    )
    assert _doc(text, "forum") == "misconduct_hearing"


def test_a_court_s_hearing_is_no_forum() -> None:
    text = (
        "A Kent Police constable has been sacked for gross misconduct.\n\n"
        "PC Amble admitted the offence and was convicted at his hearing at the magistrates' "
        "court. He resigned before the hearing.\n"
    )
    assert _doc(text, "forum") is None


def test_a_hearing_with_a_panel_chaired_by_the_chief_constable_is_not_accelerated() -> None:
    text = (
        "A former Kent Police constable committed gross misconduct.\n\n"
        "A misconduct hearing chaired by Chief Constable Ann Bell took place on 6 August 2021. "
        "The panel ruled that he would have been dismissed.\n"
    )
    assert _doc(text, "forum") == "misconduct_hearing"


def test_respect_comma_and_courtesy_is_the_standard() -> None:
    text = (
        "A Kent Police constable has been dismissed after a misconduct hearing.\n\n"
        "The panel found breaches of the standards of professional behaviour regarding use of "
        "force, respect, and courtesy.\n"
    )
    assert "authority_respect_and_courtesy" in _doc(text, "standards")  # type: ignore[operator]


def test_conduct_capable_of_bringing_discredit_names_no_standard() -> None:
    text = (
        "A Kent Police sergeant has been dismissed after a misconduct hearing.\n\n"
        "The chair said the episode was clearly capable of bringing discredit on the police "
        "service.\n"
    )
    assert _doc(text, "standards") == []


def test_the_standard_a_dismissal_was_given_for_is_named() -> None:
    text = (
        "A Kent Police detective has lost his job after a misconduct hearing.\n\n"
        "He arrived at work unfit after a night out. He was dismissed without notice for "
        "discreditable conduct and placed on the barred list.\n"
    )
    assert _doc(text, "standards") == ["discreditable_conduct"]
