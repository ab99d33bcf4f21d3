"""Rules of the thirty-third round (2/12/2026, issue 15), written against a miss of held-out 30
(development since its one measurement). Every text is invented for the test; none is a page's."""

from __future__ import annotations

from misconduct.ingest import extract


def test_a_clearing_after_acts_told_as_alleged_is_a_result_not_an_allegation() -> None:
    """The acts are alleged; the clearing is not. A text whose only result is that the officer was
    cleared, in a sentence that calls the acts alleged, was refused as stating no outcome."""
    text = (
        "A Wiltshire Police officer who allegedly shouted at a colleague has been cleared of "
        "misconduct.\n"
        "The officer, referred to as PC Q, faced a three-day hearing at the force's headquarters.\n"
        "The chair said the threshold for misconduct had not been reached."
    )
    ex = extract(text)
    assert ex.refused is None
    (rec,) = ex.records
    assert rec.value("finding") == "no_misconduct"
    assert rec.value("outcome") == "no_further_action"
    assert rec.value("force") == "wiltshire"


def test_a_finding_told_as_alleged_is_still_no_result() -> None:
    """Only a clearing is taken out of the allegation check: an alleged level of misconduct, with
    nothing else decided, still refuses the text."""
    text = (
        "A Wiltshire Police constable will face a misconduct hearing next month.\n"
        "It is alleged that his conduct amounted to gross misconduct when he shouted at a "
        "colleague."
    )
    assert extract(text).refused is not None
