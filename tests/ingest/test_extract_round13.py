"""Rules of the thirteenth round (30/11/2026, issue 15), written against held-out 11's misses after
its one measurement. Texts are written for the test."""

from __future__ import annotations

from misconduct.ingest import extract
from misconduct.ingest.model import OfficerRecord


def _only(text: str) -> OfficerRecord:
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 1
    return ex.records[0]


def test_a_sanction_the_officer_requested_is_not_the_one_given() -> None:
    text = (
        "PC Ada Moss of Essex Police swore at a member of the public. At the misconduct hearing "
        "she asked the chair for leniency and requested the panel for a final written warning. "
        "The panel found gross misconduct and PC Moss was dismissed without notice.\n"
    )
    assert _only(text).value("outcome") == "dismissal_without_notice"


def test_a_sanction_argued_for_successfully_is_the_one_given() -> None:
    text = (
        "Police constable Tom Reed of Kent Police admitted a breach of professional standards at "
        "a disciplinary hearing about a message he posted, but his solicitor successfully argued "
        "that he should receive a written warning, and he keeps his job.\n"
    )
    assert _only(text).value("outcome") == "written_warning"


def test_a_surname_printed_once_without_its_last_s_is_the_same_officer() -> None:
    text = (
        "Misconduct hearing on 3rd March 2021 about PC Sam Rogers of Dorset Police.\n"
        "PC Rogers sent an offensive message to a colleague. The panel read PC Roger's reply "
        "to the allegation. PC Rogers admitted sending it.\n"
        "PC Roger received a written warning.\n"
    )
    rec = _only(text)
    assert rec.name == "Sam Rogers"
    assert rec.value("outcome") == "written_warning"


def test_two_officers_whose_surnames_differ_by_more_than_an_s_stay_apart() -> None:
    text = (
        "PC Ann Rogers and PC Ben Rogan of Dorset Police were both found to have committed gross "
        "misconduct at a misconduct hearing and were dismissed without notice.\n"
    )
    ex = extract(text)
    assert sorted(r.name or "" for r in ex.records) == ["Ann Rogers", "Ben Rogan"]


def test_counted_officers_not_dismissed_take_the_misconduct_their_own_sentence_prints() -> None:
    text = (
        "Three Surrey Police officers have been sacked after a misconduct hearing found them "
        "guilty of gross misconduct over messages sent in a group chat.\n\n"
        "Two others were given final written warnings after admitting the lesser charge of "
        "misconduct.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    pairs = sorted((r.value("outcome"), r.value("finding")) for r in ex.records)
    assert pairs == [
        ("dismissal_without_notice", "gross_misconduct"),
        ("dismissal_without_notice", "gross_misconduct"),
        ("dismissal_without_notice", "gross_misconduct"),
        ("final_written_warning", "misconduct"),
        ("final_written_warning", "misconduct"),
    ]


def test_misconduct_admitted_is_a_finding_but_a_hearing_admitted_to_is_not() -> None:
    from misconduct.ingest.outcomes import find_findings

    assert [h.code for h in find_findings("The sergeant admitted gross misconduct.")] == [
        "gross_misconduct"
    ]
    assert find_findings("He was admitted to the misconduct hearing room late.") == []
    assert find_findings("He was jailed after admitting misconduct in a public office.") == []


def test_a_hearing_before_a_legally_qualified_chair_hyphenated_is_a_misconduct_hearing() -> None:
    text = (
        "PC Jo Lamb of Dorset Police was dismissed without notice for gross misconduct. The "
        "disciplinary hearing was led by an independent legally-qualified chair.\n"
    )
    assert _only(text).value("forum") == "misconduct_hearing"


def test_duties_alone_inside_a_list_of_standards_is_duties_and_responsibilities() -> None:
    text = (
        "PC Kim Hart of Dorset Police was dismissed without notice after a misconduct hearing "
        "found she had breached the standards of professional behaviour in respect of honesty "
        "and integrity, orders and instructions, duties and discreditable conduct.\n"
    )
    assert _only(text).value("standards") == [
        "honesty_and_integrity",
        "orders_and_instructions",
        "duties_and_responsibilities",
        "discreditable_conduct",
    ]


def test_duties_outside_a_list_of_standards_is_no_standard() -> None:
    text = (
        "PC Kim Hart of Dorset Police was dismissed without notice after a misconduct hearing "
        "found she had breached the standards of professional behaviour in respect of honesty "
        "and integrity. She had been on restricted duties since the arrest.\n"
    )
    assert _only(text).value("standards") == ["honesty_and_integrity"]


def test_an_unnamed_officer_takes_the_standards_of_a_sentence_about_all_the_officers() -> None:
    text = (
        "Two officers have been dismissed for gross misconduct after a misconduct hearing.\n\n"
        "Police Constable Ray Dunn stopped a car in Truro. PC Dunn later gave evidence in court "
        "that was found to be false.\n\n"
        "The panel found the officers had breached the standards of professional behaviour in "
        "respect of honesty and integrity and discreditable conduct.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 2
    for r in ex.records:
        assert r.value("standards") == ["honesty_and_integrity", "discreditable_conduct"]


def test_a_date_in_what_counsel_said_the_officer_had_done_is_not_the_hearing_date() -> None:
    text = (
        "PC Max Hale of Kent Police has been dismissed without notice for gross misconduct.\n\n"
        "Jo Price, counsel for the hearing, said PC Hale had been filmed at 2.15am on March 3, "
        "2019, taking a bag from the evidence store.\n"
    )
    assert _only(text).value("hearing_date") is None


def test_the_end_of_a_period_of_conduct_is_not_the_hearing_date() -> None:
    text = (
        "A misconduct hearing found that PC Max Hale of Kent Police sent offensive messages to "
        "colleagues in the period from 4 May to 19 May 2022, and he was dismissed without notice "
        "for gross misconduct.\n"
    )
    assert _only(text).value("hearing_date") is None


def test_a_date_in_a_bulleted_item_takes_only_its_own_items_words() -> None:
    text = (
        "PC Max Hale of Kent Police has been dismissed without notice for gross misconduct "
        "over his posts. The posts included:\n"
        "- One that the panel determined was offensive to disabled people.\n"
        "- One claiming the flood of 9 February 2022 was invented.\n"
    )
    assert _only(text).value("hearing_date") is None


def test_a_hearing_date_in_its_own_bulleted_item_is_kept() -> None:
    text = (
        "PC Max Hale of Kent Police has been dismissed without notice for gross misconduct. "
        "The details:\n"
        "- Officer concerned: PC Max Hale.\n"
        "- The misconduct hearing was held on 9 February 2022.\n"
    )
    assert _only(text).value("hearing_date") == "2022-02-09"


def test_a_standard_in_what_officers_in_general_can_be_disciplined_for_is_not_the_officers() -> (
    None
):
    text = (
        "PC Lou Grant of Essex Police was dismissed without notice at a misconduct hearing for "
        "offensive posts online, in breach of the standards of professional behaviour.\n"
        "Police officers can be disciplined for being unfit for duty through drink even when "
        "off duty.\n"
    )
    assert _only(text).value("standards") == []


def test_an_officer_cleared_is_read_though_no_hearing_or_finding_is_named() -> None:
    text = (
        "A former special sergeant has been cleared of gross misconduct.\n\n"
        "Former Special Sergeant Ivo Tamm was cleared of breaching the Standards of Professional "
        "Behaviour in respect of Discreditable Conduct.\n"
    )
    rec = _only(text)
    assert rec.value("finding") == "no_misconduct"
    assert rec.value("outcome") == "no_further_action"
    assert rec.value("rank") == "special_constable"
    assert rec.value("status") == "former"


def test_a_court_clearing_an_officer_of_a_crime_is_still_refused() -> None:
    text = (
        "PC Ivo Tamm was cleared of assault by magistrates on Monday. Kent Police said a "
        "misconduct investigation would follow.\n"
    )
    assert extract(text).refused is not None


def test_a_surname_printed_once_with_a_letter_doubled_is_the_same_officer() -> None:
    text = (
        "PC Ugo Ferraro of Kent Police was dismissed without notice after a misconduct hearing "
        "found gross misconduct. PC Ferrarro was found to have lied to his sergeant.\n"
    )
    assert _only(text).name == "Ugo Ferraro"
