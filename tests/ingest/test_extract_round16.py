"""Rules of the sixteenth round (30/11/2026, issue 15), written against held-out 13's misses after
its one measurement. Every text is invented for the test; none is a page's."""

from __future__ import annotations

from tests.ingest.reading import one_record

_one = one_record


# --- Forum: "a hearing" alone ----------------------------------------------------------------


def test_a_hearing_of_no_named_kind_gives_no_forum() -> None:
    rec = _one(
        "A Kent Police officer has been sacked.\n"
        "PC Jo Marsh was dismissed without warning yesterday after a three day hearing, for "
        "driving with the blue lights on when not trained to, in breach of the Standards of "
        "Professional Behaviour.\n"
    )
    assert rec.value("forum") is None
    assert rec.fields["forum"].confidence < 0.8  # left for review
    assert rec.value("outcome") == "dismissal_without_notice"


def test_a_disciplinary_hearing_is_still_read_as_a_misconduct_hearing() -> None:
    rec = _one(
        "A Kent Police officer has been sacked.\n"
        "PC Jo Marsh was dismissed after a disciplinary hearing found she lied to a supervisor.\n"
    )
    assert rec.value("forum") == "misconduct_hearing"


def test_a_hearing_that_found_gross_misconduct_is_still_read_as_a_misconduct_hearing() -> None:
    rec = _one(
        "Gross misconduct was proven against PC Jo Marsh of Kent Police and at a hearing she was "
        "dismissed without notice.\n"
    )
    assert rec.value("forum") == "misconduct_hearing"


def test_a_special_misconduct_hearing_is_a_special_case_hearing() -> None:
    rec = _one(
        "PC Jo Marsh of Kent Police was dismissed following a special misconduct hearing, after "
        "she was jailed for fraud. The chair found gross misconduct.\n"
    )
    assert rec.value("forum") == "special_case_hearing"


def test_a_special_constables_misconduct_hearing_is_not_a_special_case_hearing() -> None:
    rec = _one(
        "Special Constable Jo Marsh of Kent Police was dismissed at a gross misconduct hearing "
        "on 4 May 2021.\n"
    )
    assert rec.value("forum") == "misconduct_hearing"


# --- Hearing dates -------------------------------------------------------------------------


def test_a_day_opening_a_sentence_in_which_the_panel_was_told_is_the_hearings() -> None:
    rec = _one(
        "Published: 10:00 AM June 20, 2023\n\n"
        "A misconduct panel found that PC Jo Marsh of Kent Police would have been dismissed.\n"
        "On Tuesday, June 13, the panel was told Marsh had shouted at a neighbour.\n"
    )
    assert rec.value("hearing_date") == "2023-06-13"


def test_a_full_date_opening_a_sentence_in_which_the_hearing_heard_is_the_hearings() -> None:
    rec = _one(
        "PC Jo Marsh of Kent Police was dismissed for gross misconduct.\n"
        "On 3 May 2022 the hearing heard that Marsh had lied about her sick leave in 2020.\n"
    )
    assert rec.value("hearing_date") == "2022-05-03"


def test_the_day_an_officer_was_suspended_is_not_the_hearings() -> None:
    rec = _one(
        "A Kent Police officer has been sacked for gross misconduct.\n"
        "PC Jo Marsh was suspended from duty on 12 March 2021 and dismissed following a "
        "misconduct hearing this week.\n"
    )
    assert rec.value("hearing_date") is None


def test_a_day_and_month_of_last_year_takes_no_year_from_the_date_line() -> None:
    rec = _one(
        "Published: 10:00 AM June 20, 2023\n\n"
        "PC Jo Marsh of Kent Police was dismissed at a misconduct hearing, having been "
        "suspended in 2021; the hearing was first listed on 12 February last year.\n"
    )
    assert rec.value("hearing_date") is None


# --- Officers named once, or without a rank before the name ---------------------------------


def test_a_name_with_an_age_and_a_rank_after_it_is_a_named_officer() -> None:
    rec = _one(
        "Jo Marsh, 41, a police inspector based at Dover, has been dismissed from Kent Police "
        "after a misconduct hearing.\n"
    )
    assert rec.value("anonymised") is False
    assert rec.name == "Jo Marsh"
    assert rec.value("rank") == "inspector"


def test_a_name_with_an_age_and_a_force_is_a_named_officer() -> None:
    rec = _one(
        "A police officer has been sacked after a misconduct hearing. Jo Marsh, 23, of Kent "
        "Police, shouted abuse at a taxi driver. Marsh was dismissed without notice.\n"
    )
    assert rec.value("anonymised") is False
    assert rec.name == "Jo Marsh"


def test_a_rank_in_apposition_before_the_surname_names_the_officer() -> None:
    rec = _one(
        "A judge called Jo Marsh a disgrace in March.\n"
        "A former police constable, Marsh was sentenced at Maidstone Crown Court.\n"
        "An accelerated misconduct hearing found she would have been dismissed.\n"
    )
    assert rec.value("anonymised") is False
    assert rec.value("rank") == "constable"
    assert rec.value("status") == "former"


def test_an_officer_named_once_beside_a_ranked_description_is_that_officer() -> None:
    rec = _one(
        "A Kent Police constable who left his post to go shopping has been sacked.\n"
        "PC Tom Reed was bored on his shift and drove to the shops.\n"
        "Reed was dismissed without notice at a misconduct hearing.\n"
    )
    assert rec.value("anonymised") is False
    assert rec.name == "Tom Reed"


def test_an_officer_said_to_be_upset_is_not_a_speaker() -> None:
    rec = _one(
        "A custody sergeant has been found guilty of gross misconduct.\n"
        "Sgt Tom Reed, who is due to retire, was said to be upset at the outcome.\n"
        "A Kent Police misconduct panel handed him a final written warning.\n"
    )
    assert rec.value("anonymised") is False
    assert rec.value("rank") == "sergeant"


def test_an_officer_of_another_rank_named_once_does_not_replace_the_one_described() -> None:
    rec = _one(
        "A Kent Police constable who left his post to go shopping has been sacked at a misconduct "
        "hearing.\nInspector Tom Reed investigated the matter for the force.\n"
    )
    assert rec.value("anonymised") is True
    assert rec.value("rank") == "constable"


# --- Outcomes -------------------------------------------------------------------------------


def test_adding_the_officer_would_be_dismissed_is_the_decision() -> None:
    rec = _one(
        "PC Tom Reed of Kent Police appeared before a misconduct panel this week.\n"
        "The chair said the allegations were proven and amounted to gross misconduct, adding PC "
        "Reed would be dismissed from his role.\n"
    )
    assert rec.value("outcome") == "dismissal_without_notice"


def test_a_possible_dismissal_is_still_not_an_outcome() -> None:
    rec = _one(
        "PC Tom Reed of Kent Police appeared before a misconduct panel this week, which found "
        "gross misconduct. He could be dismissed; the sanction will be given next week.\n"
    )
    assert rec.value("outcome") is None


def test_a_lesser_sanction_on_one_allegation_beside_a_dismissal_leaves_the_dismissal() -> None:
    rec = _one(
        "A Kent Police officer has been dismissed.\n"
        "PC Tom Reed was dismissed after a misconduct hearing for driving under blue lights.\n"
        "He was given a final written warning for the second allegation, about a locker.\n"
    )
    assert rec.value("outcome") == "dismissal_without_notice"


def test_a_final_written_warning_after_a_dismissal_is_considered_stays_the_outcome() -> None:
    rec = _one(
        "PC Tom Reed of Kent Police was given a final written warning at a misconduct hearing. "
        "The panel said he could have been dismissed.\n"
    )
    assert rec.value("outcome") == "final_written_warning"


# --- Findings, force, rank, Standards ---------------------------------------------------------


def test_found_guilty_of_misconduct_and_gross_misconduct_is_gross_misconduct() -> None:
    rec = _one(
        "PC Tom Reed of Kent Police received a final written warning after being found guilty "
        "of misconduct and gross misconduct at a four-day hearing.\n"
    )
    assert rec.value("finding") == "gross_misconduct"


def test_found_guilty_of_misconduct_alone_stays_misconduct() -> None:
    rec = _one(
        "PC Tom Reed of Kent Police received a written warning after being found guilty of "
        "misconduct at a misconduct meeting.\n"
    )
    assert rec.value("finding") == "misconduct"


def test_a_force_printed_with_police_in_lower_case_is_the_force() -> None:
    rec = _one(
        "A police officer has been dismissed for discreditable conduct.\n"
        "PC Tom Reed, who works for the Cumbria police, faced a special case hearing and was "
        "dismissed.\n"
    )
    assert rec.value("force") == "cumbria"


def test_the_off_duty_constable_gives_the_rank_of_an_unnamed_officer() -> None:
    rec = _one(
        "A Kent Police officer has been dismissed without notice for gross misconduct after "
        "an argument at home. The off-duty constable, who had been drinking, pushed her partner.\n"
    )
    assert rec.value("rank") == "constable"
    assert rec.value("anonymised") is True


def test_guilty_of_a_standard_after_others_found_breached_keeps_it() -> None:
    rec = _one(
        "PC Tom Reed of Kent Police was dismissed after a misconduct hearing. The panel found he "
        "had breached the standards of honesty and integrity and orders and instructions. He was "
        "also guilty of discreditable conduct.\n"
    )
    assert set(rec.value("standards")) == {
        "honesty_and_integrity",
        "orders_and_instructions",
        "discreditable_conduct",
    }


def test_orders_and_authority_alone_inside_a_list_of_standards_are_read() -> None:
    rec = _one(
        "PC Tom Reed of Kent Police was dismissed after a misconduct hearing. His behaviour "
        "breached the standards on honesty, integrity, orders, and discreditable conduct.\n"
    )
    assert "orders_and_instructions" in rec.value("standards")
    rec = _one(
        "PC Tom Reed of Kent Police was dismissed after a misconduct hearing. He was found in "
        "breach of the standards of professional behaviour including the use of force and "
        "authority.\n"
    )
    assert set(rec.value("standards")) == {"use_of_force", "authority_respect_and_courtesy"}


def test_orders_and_authority_in_a_narrative_are_not_standards() -> None:
    rec = _one(
        "PC Tom Reed of Kent Police ignored the orders of his sergeant and abused his authority "
        "over a witness. He was dismissed after a misconduct hearing found he breached the "
        "standard of discreditable conduct.\n"
    )
    assert rec.value("standards") == ["discreditable_conduct"]


def test_a_chief_special_officer_is_a_named_special_constable() -> None:
    rec = _one(
        "Former Chief Special Officer Jo Marsh was dismissed by Kent Police after a misconduct "
        "hearing found gross misconduct.\n"
    )
    assert rec.value("rank") == "special_constable"
    assert rec.value("anonymised") is False
