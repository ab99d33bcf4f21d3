"""Rules of the thirty-eighth round (2/12/2026, issue 15), written against misses of held-out 33
(development since its one measurement at 39e6367). Every text is invented for the test; none is
a page's."""

from __future__ import annotations

from misconduct.ingest import extract


def test_a_dismissal_evaded_is_not_given_and_a_matter_not_taken_further_is_no_action() -> None:
    """ "Has evaded dismissal following a misconduct hearing ... by not taking the matter any
    further": no dismissal; no further action."""
    text = (
        "A Detective Sergeant has evaded dismissal following a misconduct hearing.\n"
        "His actions amounted to misconduct, but Kent Police are not taking the matter any "
        "further."
    )
    (rec,) = extract(text).records
    assert rec.value("outcome") == "no_further_action"
    assert rec.value("finding") == "misconduct"
    # "dodged the sack" likewise
    text = text.replace("has evaded dismissal", "dodged the sack")
    (rec,) = extract(text).records
    assert rec.value("outcome") == "no_further_action"


def test_a_panel_that_threw_out_an_allegation_cleared_the_officer() -> None:
    """ "The panel threw out an allegation ... because the department had not acted quickly
    enough": the officer is cleared, and the text is not refused."""
    text = (
        "A South Yorkshire Police constable avoided the sack last week.\n"
        "PC Jo Bloggs faced an allegation that he did not disclose a friendship on a vetting form.\n"
        "The misconduct panel threw out an allegation against the officer because the standards "
        "department had not been quick enough to act."
    )
    ex = extract(text)
    assert ex.refused is None
    (rec,) = ex.records
    assert rec.value("finding") == "no_misconduct"
    assert rec.value("outcome") == "no_further_action"
    assert rec.value("force") == "south_yorkshire"
