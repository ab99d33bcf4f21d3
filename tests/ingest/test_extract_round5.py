"""Rules added on 30/11/2026 (issue 15, fifth round) after held-out 4 had been measured once, in
answer to its misses (so held-out 4 is development since). Texts are written for the test."""

from __future__ import annotations

from misconduct.ingest import extract
from misconduct.ingest.model import OfficerRecord


def _only(text: str) -> OfficerRecord:
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 1, [r.label for r in ex.records]
    return ex.records[0]


def test_an_earlier_panels_sanction_before_a_rehearing_is_not_the_outcome() -> None:
    text = (
        "Avon and Somerset Police has dismissed an officer for offensive messages. The officer was "
        "dismissed without notice on Friday by a misconduct panel. Last year an earlier panel had "
        "given him a final written warning, but the decision was quashed on judicial review.\n"
    )
    assert _only(text).value("outcome") == "dismissal_without_notice"
    first = (
        "A Surrey Police constable has been sacked at a rehearing. The first hearing had issued a "
        "final written warning; a misconduct panel has now dismissed him without notice.\n"
    )
    assert _only(first).value("outcome") == "dismissal_without_notice"


def test_an_earlier_panel_named_elsewhere_does_not_hide_this_outcome() -> None:
    # The rule looks only within the sentence before the mention.
    text = (
        "Another panel sat last week. PC Jane Doe of Kent Police was given a final written warning "
        "at a misconduct hearing for gross misconduct.\n"
    )
    assert _only(text).value("outcome") == "final_written_warning"


def test_proven_to_be_misconduct_but_not_gross_misconduct_is_misconduct() -> None:
    text = (
        "PC John Smith of Kent Police faced an allegation of gross misconduct at a misconduct "
        "hearing. The panel decided the allegation was proven to be misconduct, but not gross "
        "misconduct. He was given a final written warning.\n"
    )
    assert _only(text).value("finding") == "misconduct"
    one_of = (
        "PC John Smith of Kent Police appeared at a misconduct hearing. The allegation was proven "
        "to be one of gross misconduct and he was dismissed without notice.\n"
    )
    assert _only(one_of).value("finding") == "gross_misconduct"


def test_an_unnamed_detective_rank_is_read() -> None:
    text = (
        "South Yorkshire Police confirmed that a Detective Inspector has been dismissed without "
        "notice following a gross misconduct hearing.\n"
    )
    assert _only(text).value("rank") == "inspector"
    sergeant = (
        "The detective sergeant was given a final written warning at a misconduct meeting held by "
        "Durham Constabulary.\n"
    )
    assert _only(sergeant).value("rank") == "sergeant"


def test_a_county_possessive_without_its_apostrophe_names_the_force() -> None:
    text = (
        "A constable from Cumbrias roads policing unit was dismissed without notice at a gross "
        "misconduct hearing.\n"
    )
    assert _only(text).value("force") == "cumbria"


def test_officers_counted_by_rank_are_given_it() -> None:
    text = (
        "Three Lancashire Police officers were dismissed without notice at a gross misconduct "
        "hearing on Friday. The three constables had shared offensive messages.\n"
    )
    ex = extract(text)
    assert [r.value("rank") for r in ex.records] == ["constable"] * 3
    mixed = (
        "Two Lancashire Police officers were dismissed without notice at a gross misconduct "
        "hearing. The two constables and two sergeants from another team were not involved.\n"
    )
    assert all(r.value("rank") is None for r in extract(mixed).records)
