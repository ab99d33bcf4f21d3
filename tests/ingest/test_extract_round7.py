"""Rules added on 30/11/2026 (issue 15, seventh round), in answer to the misses of held-out 5
(development since its one measurement). Texts are written for the test."""

from __future__ import annotations

from misconduct.ingest import extract


def test_a_count_in_the_sentence_giving_the_result_makes_one_record_each() -> None:
    text = (
        "Statement from the office of the police and crime commissioner\n\n"
        "The commissioner for Kent spoke after the hearing.\n\n"
        "He said he had followed the case closely for years.\n\n"
        "He said the allegations of gross misconduct against the four Kent Police officers have "
        "been found not proven by the misconduct hearing panel.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 4
    for record in ex.records:
        assert record.value("finding") == "no_misconduct"
        assert record.value("outcome") == "no_further_action"
        assert record.value("force") == "kent"


def test_a_count_in_a_sentence_without_the_result_does_not_make_records() -> None:
    text = (
        "Statement from the office of the police and crime commissioner\n\n"
        "The commissioner for Kent spoke after the hearing.\n\n"
        "He said he had followed the case closely for years.\n\n"
        "He said five officers at the station had waited a long time.\n\n"
        "The panel found the allegation of misconduct not proven.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 1
    assert ex.records[0].value("finding") == "no_misconduct"


def test_an_officer_named_before_the_rank_they_worked_as_is_read() -> None:
    text = (
        "A Kent Police officer who drove a patrol car after drinking has been sacked for gross "
        "misconduct.\n\n"
        "Jane Hollis worked as a police constable in Dover and breached the force's policy on "
        "alcohol.\n\n"
        "Ms Hollis admitted breaching the standard of discreditable conduct at the misconduct "
        "hearing. She was dismissed without notice.\n\n"
        "Former PCs Amy Reed and Owen Pike also faced hearings this year; both would have been "
        "dismissed had they not resigned.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    by_name = {r.name: r for r in ex.records}
    assert set(by_name) == {"Jane Hollis", "Amy Reed", "Owen Pike"}
    hollis = by_name["Jane Hollis"]
    assert hollis.value("rank") == "constable"
    assert hollis.value("outcome") == "dismissal_without_notice"
    assert hollis.value("standards") == ["discreditable_conduct"]
    assert by_name["Amy Reed"].value("standards") == []


def test_an_unnamed_lead_officer_is_kept_beside_a_named_officer_told_later() -> None:
    text = (
        "A police sergeant who lied on an expenses claim has been dismissed by Cheshire "
        "Police.\n\n"
        "The sergeant was found to have committed gross misconduct at a hearing last week.\n\n"
        "He had already resigned, so he would have been dismissed had he still served.\n\n"
        "In another case this month, PC Lee Dunn was found to have committed misconduct and was "
        "given a written warning.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 2
    lead, dunn = ex.records
    assert lead.name is None and lead.value("rank") == "sergeant"
    assert lead.value("outcome") == "would_have_been_dismissed"
    assert dunn.name == "Lee Dunn"
    assert dunn.value("outcome") == "written_warning"


def test_a_force_named_inside_an_accelerated_hearing_keeps_the_forum() -> None:
    text = (
        "PC Sam Carr was dismissed without notice after an accelerated Essex Police misconduct "
        "hearing found gross misconduct.\n"
    )
    ex = extract(text)
    assert ex.records[0].value("forum") == "accelerated_misconduct_hearing"


def test_a_report_that_never_says_misconduct_is_read_when_it_names_the_sanction() -> None:
    text = (
        "A Dorset Police officer has been dismissed without notice after being convicted of "
        "drink-driving. PC Ian Hale was found at the hearing to have breached the standard of "
        "discreditable conduct.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert ex.records[0].value("outcome") == "dismissal_without_notice"


def test_an_officer_dismissed_following_a_hearing_is_read() -> None:
    text = (
        "A Dorset police constable convicted of fraud has been dismissed from the force. PC Ian "
        "Hale was sacked following a hearing at the force's headquarters.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    # "a hearing" whose kind the text never names gives no forum, left for review with the
    # hearing as evidence (sixteenth round, after held-out 12's and 13's truths: "a hearing"
    # alone records none); it was a misconduct hearing at 0.6 until then.
    forum = ex.records[0].fields["forum"]
    assert forum.value is None
    assert forum.evidence is not None and forum.evidence.text == "hearing"
    assert forum.confidence < 0.8


def test_a_dismissal_from_a_job_outside_the_police_without_a_hearing_is_still_refused() -> None:
    text = "A shop worker was dismissed after a customer complained about rude remarks at a till.\n"
    assert extract(text).refused is not None


def test_a_panel_concluding_there_is_no_case_to_answer_clears_the_officer() -> None:
    text = (
        "PC Dan Rowe of Gwent Police was cleared yesterday. An IOPC investigation had found he "
        "had a case to answer for gross misconduct, but the misconduct panel concluded that the "
        "officer had no case to answer.\n"
    )
    record = extract(text).records[0]
    assert record.value("finding") == "no_misconduct"
    assert record.value("outcome") == "no_further_action"


def test_a_hearing_thrown_out_is_not_an_officer_dismissed() -> None:
    text = (
        "Long wait ends as misconduct case is dismissed\n\n"
        "A Kent Police sergeant's gross misconduct hearing ended without a result and was "
        "dismissed on Monday. The sergeant answered allegations at the hearing, which were "
        "dismissed, that he had used excessive force.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    record = ex.records[0]
    assert record.value("outcome") == "no_further_action"
    assert record.value("finding") == "no_misconduct"


def test_an_officer_at_a_hearing_who_was_dismissed_is_still_dismissed() -> None:
    text = (
        "PC Joe Lamb of Kent Police, who admitted the allegations at the hearing, was dismissed "
        "without notice for gross misconduct.\n"
    )
    assert extract(text).records[0].value("outcome") == "dismissal_without_notice"


def test_the_sanction_of_a_warning_is_given_and_a_definition_of_gross_misconduct_is_not() -> None:
    text = (
        "A misconduct panel found PC Raj Dev of Surrey Police guilty of gross misconduct and "
        "imposed the sanction of a final written warning for five years. Gross misconduct is "
        "behaviour grave enough as to justify dismissal.\n"
    )
    record = extract(text).records[0]
    assert record.value("outcome") == "final_written_warning"
    assert record.value("warning_months") == 60


def test_a_sanction_of_dismissal_that_was_possible_is_still_not_given() -> None:
    text = (
        "PC Raj Dev of Surrey Police faced a sanction of dismissal at the misconduct hearing but "
        "was given a written warning after misconduct was found.\n"
    )
    assert extract(text).records[0].value("outcome") == "written_warning"


def test_counted_officers_given_different_outcomes_do_not_all_get_one() -> None:
    text = (
        "Three Norfolk Police officers faced misconduct meetings last year, a report shows.\n\n"
        "In the first case a written warning was given for breaching confidentiality.\n\n"
        "In another case there was management advice, and in the last a final written "
        "warning.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 3
    for record in ex.records:
        assert record.value("outcome") is None
        assert record.value("standards") == []
        assert record.value("force") == "norfolk"


def test_counted_officers_given_one_outcome_all_get_it() -> None:
    text = (
        "Three Norfolk Police officers were given written warnings at a misconduct meeting for "
        "breaching the standard of confidentiality.\n"
    )
    ex = extract(text)
    assert len(ex.records) == 3
    assert {r.value("outcome") for r in ex.records} == {"written_warning"}


def test_a_date_inside_what_the_allegation_says_is_not_the_hearing_date() -> None:
    text = (
        "DC Mark Bell of Cumbria Police has been dismissed. A spokesman said the two-day hearing "
        "was held for DC Bell to answer allegations that he behaved badly at a training event "
        "on March 3 and 4, 2015, in breach of the standard of discreditable conduct. He was "
        "found to have committed gross misconduct.\n"
    )
    assert extract(text).records[0].value("hearing_date") is None


def test_a_hearing_date_in_a_sentence_naming_the_allegation_is_still_read() -> None:
    text = (
        "PC Mark Bell of Cumbria Police, accused of lying, was dismissed at a misconduct hearing "
        "held on 5 March 2015 after gross misconduct was found.\n"
    )
    assert extract(text).records[0].value("hearing_date") == "2015-03-05"


def test_a_date_told_of_a_criminal_hearing_or_a_message_is_not_the_hearing_date() -> None:
    text = (
        "PC Ann Cole and PC Bob Hart of Kent Police were cleared of misconduct. Kent Police "
        "informed the watchdog in May 2021 that the criminal hearing had ended in their "
        "acquittal and that it would bring no proceedings.\n"
    )
    for record in extract(text).records:
        assert record.value("hearing_date") is None


def test_a_last_written_warning_is_a_final_written_warning() -> None:
    text = (
        "PC Kim Ray of Derbyshire Police kept her job after a misconduct hearing found gross "
        "misconduct: she was given one last written warning.\n"
    )
    assert extract(text).records[0].value("outcome") == "final_written_warning"


def test_an_officer_who_did_not_treat_colleagues_with_respect_breached_that_standard() -> None:
    text = (
        "PC Gary Stone of Avon and Somerset Police was dismissed without notice after a "
        "misconduct hearing. The panel heard that he did not treat fellow officers with respect "
        "and courtesy when he mocked them at work.\n"
    )
    assert extract(text).records[0].value("standards") == ["authority_respect_and_courtesy"]
