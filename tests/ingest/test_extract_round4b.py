"""Rules added on 30/11/2026 (issue 15, fourth round) after held-out 3 had been measured once, in
answer to its misses (so held-out 3 is development since). Texts are written for the test."""

from __future__ import annotations

from misconduct.ingest import extract, refusal
from misconduct.ingest.model import OfficerRecord


def _only(text: str) -> OfficerRecord:
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 1, [r.label for r in ex.records]
    return ex.records[0]


def test_a_warning_the_officer_already_had_is_not_the_outcome() -> None:
    text = (
        "A Kent Police officer has been sacked for gross misconduct after lying about a second "
        "job. The officer was also on a final written warning at the time.\n"
    )
    assert _only(text).value("outcome") == "dismissal_without_notice"
    subject = (
        "An Essex sergeant has been dismissed without notice at a misconduct hearing. The conduct "
        "occurred while the sergeant was subject to a final written warning.\n"
    )
    assert _only(subject).value("outcome") == "dismissal_without_notice"


def test_a_panel_unable_to_conclude_dismissal_did_not_find_it() -> None:
    text = (
        "A former Thames Valley Police officer was found to have committed gross misconduct at a "
        "misconduct hearing. However, the panel was unable to conclude that the officer would "
        "have been sacked if he was still with the force.\n"
    )
    assert _only(text).value("outcome") != "would_have_been_dismissed"


def test_officers_cleared_in_other_words_are_read() -> None:
    no_misconduct = (
        "Former PC Kaiser Hale of the Metropolitan Police attended a two-day misconduct hearing. "
        "The tribunal has found that there was no misconduct.\n"
    )
    assert refusal(no_misconduct) is None
    rec = _only(no_misconduct)
    assert rec.value("finding") == "no_misconduct"
    assert rec.value("outcome") == "no_further_action"
    all_not_proven = (
        "It was alleged that PC Matthew Hale of the Metropolitan Police breached the Standards of "
        "Professional Behaviour. The panel, led by an independent legally qualified chair, found "
        "all of the allegations not proven.\n"
    )
    assert refusal(all_not_proven) is None
    assert _only(all_not_proven).value("finding") == "no_misconduct"


def test_the_words_that_say_which_dismissal_win_over_a_bare_sacked() -> None:
    text = (
        "A British Transport Police constable has been sacked after a disciplinary hearing found "
        "gross misconduct. He has now been 'dismissed with notice' after the five-day hearing.\n"
    )
    assert _only(text).value("outcome") == "dismissal_with_notice"


def test_a_line_linking_to_another_story_is_not_read() -> None:
    text = (
        "A former Thames Valley Police officer used racially offensive language, a misconduct "
        "panel found. The behaviour amounted to gross misconduct.\n"
        "READ MORE: Thames Valley Police officers dismissed for gross misconduct\n"
        "No details about the officer were given.\n"
    )
    ex = extract(text)
    assert ex.text == text  # the text is kept as given
    rec = _only(text)
    assert rec.value("outcome") is None
    assert rec.value("finding") == "gross_misconduct"


def test_an_officer_cleared_keeps_the_standards_alleged() -> None:
    # Until the twelfth round an officer cleared had no Standard; by the convention decided then,
    # the register records the Standards at issue (those alleged) and the finding says not proven.
    text = (
        "It was alleged that PC Matthew Hale of the Metropolitan Police breached the Standards of "
        "Professional Behaviour in respect of honesty and integrity and use of force. The panel "
        "found all of the allegations not proven.\n"
    )
    rec = _only(text)
    assert rec.value("finding") == "no_misconduct"
    assert rec.value("standards") == ["honesty_and_integrity", "use_of_force"]
    # (the review queue's calibration may add its reason after the reader's note)
    assert rec.fields["standards"].note.startswith("alleged; the finding clears the officer")


def test_a_rejected_mention_takes_the_words_inside_it_with_it() -> None:
    text = (
        "A former Kent Police officer used offensive language towards a colleague. The panel found "
        "the allegation proven and the behaviour amounted to gross misconduct. However, the panel "
        "was unable to conclude that the officer would have been sacked if he was still serving.\n"
    )
    rec = _only(text)
    # Not "sacked": since the sixth round such a former officer's outcome is read as no further
    # action (the corpus's convention), never as a dismissal.
    assert rec.value("outcome") == "no_further_action"
    assert rec.value("finding") == "gross_misconduct"


def test_an_allegation_found_proven_is_a_result_not_an_allegation() -> None:
    text = (
        "A former Kent Police officer allegedly used offensive language. A hearing is to take "
        "place in August for another officer. The panel found the allegation proven and the "
        "behaviour amounted to gross misconduct.\n"
    )
    assert refusal(text) is None


def test_dismissal_had_he_still_been_serving_is_would_have_been_dismissed() -> None:
    text = (
        "Ex-PC James Hale of Sussex Police appeared at a misconduct hearing. The panel found "
        "gross misconduct. The sanction was dismissal without notice had he still been a serving "
        "officer.\n"
    )
    rec = _only(text)
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.value("status") == "former"


def test_officers_counted_as_sacked_are_each_given_the_outcome() -> None:
    text = (
        "TWO Leicestershire Police officers have been sacked on the spot following a misconduct "
        "hearing held in private. The panel found both of them guilty of gross misconduct.\n"
    )
    ex = extract(text)
    assert [r.value("outcome") for r in ex.records] == [
        "dismissal_without_notice",
        "dismissal_without_notice",
    ]


def test_a_breach_of_the_code_of_professional_standards_is_read() -> None:
    text = (
        "A Greater Manchester Police special constable has been sacked for posting a homophobic "
        "reply on social media. The chief constable said the comment was a serious breach of the "
        "force's code of professional standards and left him no alternative but to dismiss him.\n"
    )
    assert refusal(text) is None
    rec = _only(text)
    assert rec.value("outcome") == "dismissal_without_notice"
    assert rec.value("force") == "greater_manchester"
