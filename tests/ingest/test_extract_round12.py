"""Rules of the twelfth round (30/11/2026, issue 15): the conventions decided by the lead (Standards
at issue, a bare "conduct", warning periods) and rules written against the development misses on
forum, outcome and warning period. Texts are written for the test."""

from __future__ import annotations

from misconduct.ingest import extract
from misconduct.ingest.model import OfficerRecord


def _only(text: str) -> OfficerRecord:
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 1
    return ex.records[0]


def _value(text: str, field: str) -> object:
    ex = extract(text)
    assert ex.refused is None, ex.refused
    return ex.records[0].value(field)


def test_an_officer_cleared_has_the_standards_said_not_breached() -> None:
    text = (
        "PC Lee Fern of Kent Police appeared before a misconduct hearing.\n\n"
        "The panel found that PC Fern had not breached the standards of professional behaviour of "
        "confidentiality, orders and instructions or duties and responsibilities, and the "
        "allegations were not proven.\n"
    )
    rec = _only(text)
    assert rec.value("finding") == "no_misconduct"
    assert rec.value("standards") == [
        "confidentiality",
        "orders_and_instructions",
        "duties_and_responsibilities",
    ]


def test_an_officer_cleared_of_conduct_described_has_no_standard() -> None:
    text = (
        "PC Lee Fern of Kent Police appeared before a misconduct hearing accused of using "
        "unreasonable force on a suspect.\n\n"
        "The panel found the allegations not proven.\n"
    )
    rec = _only(text)
    assert rec.value("finding") == "no_misconduct"
    assert rec.value("standards") == []
    # an officer found to have breached a Standard still has it read from its own words
    proven = text.replace("not proven", "proven and amounting to gross misconduct")
    assert _only(proven).value("standards") == ["use_of_force"]


def test_a_standard_all_officers_are_trusted_to_keep_is_not_the_officers() -> None:
    text = (
        "A former Kent Police constable would have been dismissed, a misconduct hearing found.\n\n"
        'The head of standards said: "The public must be able to trust that all of our officers '
        'act with honesty and integrity."\n'
    )
    assert _only(text).value("standards") == []


def test_the_chief_constable_finding_unnamed_is_a_chief_chaired_hearing() -> None:
    text = (
        "PC Dan Moor of Kent Police attended a hearing on Tuesday 8 March 2022 where he answered "
        "allegations that he lied to a supervisor.\n\n"
        "The Chief Constable found that his actions amounted to gross misconduct and he has been "
        "dismissed without notice.\n"
    )
    assert _value(text, "forum") == "accelerated_misconduct_hearing"
    # the deputy's finding is not the chief officer's
    deputy = text.replace("The Chief Constable found", "The Deputy Chief Constable found")
    assert _value(deputy, "forum") == "misconduct_hearing"
    # from the 2024 amendments a chief officer chairs every hearing: no promotion
    later = text.replace("2022", "2025")
    assert _value(later, "forum") == "misconduct_hearing"


def test_a_former_officer_of_a_named_force_found_gross_misconduct_and_barred() -> None:
    text = (
        "A former Kent Police officer has been found guilty of gross misconduct by a panel, "
        "barring him from policing, after he lied about his identity to a woman.\n"
    )
    rec = _only(text)
    assert rec.value("status") == "former"
    assert rec.value("outcome") == "would_have_been_dismissed"
    # a former chief officer quoted is not the officer
    quoted = (
        "A Kent Police constable has been found guilty of gross misconduct by a panel and "
        "dismissed. A former Chief Constable of the force said the case was sad.\n"
    )
    assert _only(quoted).value("status") != "former"
    # nor is someone else the text describes so ("Jo Bloggs, a former Kent Police officer")
    other = (
        "PC Dan Moor of Kent Police was given a final written warning at a misconduct hearing. "
        "Jo Bloggs, a former Kent "
        "Police officer who was cleared before him, said the case was long.\n"
    )
    assert _only(other).value("status") != "former"


def test_an_earlier_event_in_a_clause_the_sentence_turns_from_is_not_the_hearings() -> None:
    text = (
        "Former PC Dan Moor of Kent Police would have been dismissed, a misconduct panel said.\n\n"
        "He was cleared of assault at trial earlier this year, but an accelerated misconduct "
        "hearing found his conduct amounted to gross misconduct. The misconduct hearing was held "
        "at headquarters.\n"
    )
    assert _value(text, "forum") == "accelerated_misconduct_hearing"
    # the earlier hearing in the forum's own clause is still another hearing
    earlier = (
        "PC Dan Moor of Kent Police was given a final written warning at a misconduct hearing.\n\n"
        "Earlier this year an accelerated misconduct hearing dismissed two other officers of "
        "his team.\n"
    )
    assert _value(earlier, "forum") == "misconduct_hearing"


def test_a_kind_of_hearing_named_only_in_the_plural_is_not_the_forum() -> None:
    text = (
        "DC Jo Lark of Kent Police was given management advice after a misconduct hearing.\n\n"
        "The force publishes the outcomes of its public misconduct or special case hearings on "
        "its website.\n"
    )
    assert _value(text, "forum") == "misconduct_hearing"
    # named in the singular, it is the forum
    single = text.replace("after a misconduct hearing", "after a special case hearing")
    assert _value(single, "forum") == "special_case_hearing"


def test_a_former_officer_who_could_not_have_stayed_would_have_been_dismissed() -> None:
    text = (
        "A special case hearing found that a former Kent Police constable committed gross "
        "misconduct.\n\n"
        "The chief constable said it would be untenable, had the officer still been serving, for "
        "him to remain in the force.\n"
    )
    rec = _only(text)
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.fields["outcome"].confidence < 0.8
    # without the counterfactual it is no outcome
    plain = text.replace(", had the officer still been serving,", "")
    assert _only(plain).value("outcome") != "would_have_been_dismissed"
