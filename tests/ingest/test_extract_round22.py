"""Rules of the twenty-second round (1/12/2026, issue 15), written against held-out 19's misses
after its one measurement. Every text is invented for the test; none is a page's."""

from __future__ import annotations

from misconduct.ingest import extract
from tests.ingest.reading import one_record, outcome_codes, records_by_name

_one = one_record
_by_name = records_by_name
_codes = outcome_codes


# --- A finding or the barred list is a result of proceedings ------------------------------------


def test_a_retired_officer_found_to_have_committed_gross_misconduct_and_barred_is_read() -> None:
    rec = _one(
        "Statement from a support network\n\n"
        "We have learned of the conviction of a Dorset Police sergeant for theft from an elderly "
        "neighbour. The sergeant, who retired soon afterwards, has since been found to have "
        "committed gross misconduct and put on the barred list.\n"
    )
    assert rec.value("force") == "dorset"
    assert rec.value("finding") == "gross_misconduct"
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.value("status") == "former"
    assert rec.value("anonymised") is True


def test_misconduct_only_alleged_is_still_refused() -> None:
    ex = extract(
        "A Dorset Police constable is alleged to have committed gross misconduct by lying to "
        "his sergeant about a stolen bicycle, the force said.\n"
    )
    assert ex.refused is not None


def test_the_barred_list_only_as_a_possibility_is_still_refused() -> None:
    ex = extract(
        "A Dorset Police constable accused of misconduct could be placed on the barred list if "
        "the allegations against him are proven, the force said.\n"
    )
    assert ex.refused is not None


# --- Thrown out of the force --------------------------------------------------------------------


def test_thrown_out_of_the_profession_is_a_dismissal() -> None:
    rec = _one(
        "A Kent Police constable who lied about a crash has been thrown out of the profession.\n"
        "PC Ann Bell faced a misconduct hearing last week over the allegations.\n"
    )
    assert rec.value("outcome") == "dismissal_without_notice"
    assert rec.value("forum") == "misconduct_hearing"
    assert rec.value("status") == "serving"


def test_kicked_or_booted_out_of_the_force_is_a_dismissal() -> None:
    assert _codes("The sergeant was kicked out of the force for gross misconduct.") == [
        "dismissal_without_notice"
    ]
    assert _codes("He has been booted out of the police after the hearing.") == [
        "dismissal_without_notice"
    ]


def test_a_case_thrown_out_or_a_possible_expulsion_is_no_dismissal() -> None:
    assert _codes("The case against the constable was thrown out of court.") == []
    assert _codes("He could be thrown out of the force if the allegations are proven.") == []
    assert _codes("The man was thrown out of the pub by door staff.") == []


# --- Would have led to dismissal had the officer still been employed ----------------------------


def test_would_have_led_to_dismissal_had_he_still_been_employed() -> None:
    rec = _one(
        "A Kent Police constable lied about his qualifications, a misconduct panel has found.\n"
        "The panel found his conduct was gross misconduct which would have resulted in his "
        "dismissal had he still been employed by the force.\n"
    )
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.value("status") == "former"


def test_would_have_led_to_her_dismissal_without_a_condition() -> None:
    assert _codes("The chair said the misconduct would have led to her dismissal.") == [
        "would_have_been_dismissed"
    ]


def test_a_dismissal_that_a_finding_led_to_is_still_a_dismissal() -> None:
    assert _codes("The finding of gross misconduct led to his dismissal without notice.") == [
        "dismissal_without_notice"
    ]
    assert _codes("He was dismissed while still employed by the force.") == [
        "dismissal_without_notice"
    ]


# --- Reflective practice advised as a means, beside a sanction ----------------------------------


_TWO_WARNED = (
    "Two Kent Police constables left a prisoner alone in a cell corridor, a misconduct hearing "
    "found.\n"
    "It happened when PC Sam Smith and PC Ann Bell were on a night shift in Dover in May.\n"
    "They have been given final written warnings that will last for three years.\n"
    "The panel found both were guilty of gross misconduct.\n"
    "It also said PC Smith should use \u201creflective practice to think about how he speaks to "
    "members of the public\u201d, after hearing of a rude remark.\n"
)


def test_reflective_practice_advised_beside_a_warning_is_not_the_outcome() -> None:
    recs = _by_name(_TWO_WARNED)
    smith = next(r for name, r in recs.items() if name and "Smith" in name)
    assert smith.value("outcome") == "final_written_warning"
    assert smith.value("warning_months") == 36


def test_reflective_practice_as_a_means_is_no_outcome() -> None:
    assert _codes("She should use reflective practice to consider her tone.") == []
    assert _codes("He was told to use reflective practice to reflect on the incident.") == []


def test_reflective_practice_given_is_still_an_outcome() -> None:
    assert _codes("PC Jo Bloggs was referred to reflective practice after the meeting.") == [
        "reflective_practice"
    ]
    assert _codes("The outcome was reflective practice.") == ["reflective_practice"]


# --- Decision makers ------------------------------------------------------------------------------


def test_a_chief_constable_who_led_the_hearing_decides() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police has been dismissed.\n"
        "Chief constable Jo Bloggs, who led the hearing, said his conduct amounted to gross "
        "misconduct.\n"
    )
    assert rec.value("decision_maker") == "Chief Constable Jo Bloggs"


def test_a_chief_constable_delivering_the_judgement_decides() -> None:
    rec = _one(
        "Former PC Tom Hale of Kent Police would have been sacked had he not resigned, a "
        "misconduct hearing found.\n"
        "Delivering her decision, Chief Constable Jo Bloggs said: \u201cHe let down his "
        "colleagues.\u201d\n"
    )
    assert rec.value("decision_maker") == "Chief Constable Jo Bloggs"


def test_a_chief_constable_named_before_the_title_who_finds_in_the_first_person_decides() -> None:
    rec = _one(
        "Former PC Tom Hale lied about his sick leave, a misconduct panel has concluded.\n"
        "Jo Bloggs, chief constable of Kent Police, said: \u201cI find that he was dishonest "
        "and so failed to meet the standards expected.\u201d\n"
        "He would have been dismissed had he still been serving.\n"
    )
    assert rec.value("decision_maker") == "Chief Constable Jo Bloggs"


def test_a_chief_constables_comment_beside_a_misconduct_panel_leaves_the_panel() -> None:
    rec = _one(
        "Former PC Tom Hale lied about his sick leave, a misconduct panel has concluded.\n"
        "Jo Bloggs, chief constable of Kent Police, said: \u201cThis outcome shows we will not "
        "tolerate dishonesty.\u201d\n"
        "He would have been dismissed had he still been serving.\n"
    )
    assert rec.value("decision_maker") == "a misconduct panel"


def test_a_panel_led_by_an_unnamed_legally_qualified_chair_decides() -> None:
    for chair in ("chair,", "Chair"):
        rec = _one(
            "PC Tom Hale of Kent Police was given a final written warning after a hearing.\n"
            f"The police disciplinary panel, led by an independent, legally qualified {chair} "
            "has now decided he breached the standards.\n"
        )
        assert rec.value("decision_maker") == "The police disciplinary panel"


def test_a_hearing_led_by_a_legally_qualified_chair_keeps_the_chair() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was given a final written warning at a misconduct hearing "
        "led by an independent legally qualified chair.\n"
    )
    assert rec.value("decision_maker") == "an independent legally qualified chair"
