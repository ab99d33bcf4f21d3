"""Rules of the twenty-first round (1/12/2026, issue 15), written against held-out 18's misses after
its one measurement. Every text is invented for the test; none is a page's."""

from __future__ import annotations

from misconduct.ingest.outcomes import find_outcomes
from tests.ingest.reading import one_record, records_by_name

_one = one_record
_by_name = records_by_name


# --- "The other officer", cleared, beside the one the text names ---------------------------------


_TWO_OFFICERS = (
    "A Kent Police constable has been sacked over a false statement.\n"
    "PC Tom Hale was one of two officers called to a burglary in Ashford in 2019.\n"
    "It was claimed that his statement had been copied from the statement of the other officer.\n"
    "A misconduct hearing found gross misconduct proven against PC Hale and he was dismissed "
    "without notice. But the case against the other officer, who has not been named, was found "
    "not proven.\n"
)


def test_the_other_officer_cleared_is_one_more_record() -> None:
    recs = _by_name(_TWO_OFFICERS)
    assert len(recs) == 2 and None in recs
    other = recs[None]
    assert other.value("finding") == "no_misconduct"
    assert other.value("outcome") == "no_further_action"
    assert other.value("anonymised") is True
    assert other.value("force") == "kent"
    hale = next(r for name, r in recs.items() if name)
    assert hale.value("outcome") == "dismissal_without_notice"


def test_the_other_officer_named_only_as_a_source_is_no_record() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was dismissed without notice after a misconduct hearing.\n"
        "His statement had been copied from the statement of the other officer in the case.\n"
    )
    assert rec.name == "Tom Hale"


def test_the_other_officer_after_the_result_of_the_named_one_is_no_record() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police blamed the other officer for the crash, but a misconduct "
        "hearing found he had lied and he was dismissed without notice.\n"
    )
    assert rec.name == "Tom Hale"


def test_a_dismissal_of_court_proceedings_is_no_sanction() -> None:
    assert not find_outcomes("Their evidence led to the dismissal of criminal court proceedings.")
    assert not find_outcomes("It resulted in the dismissal of the charges against the man.")
    assert [h.code for h in find_outcomes("The panel ordered the dismissal of the officer.")] == [
        "dismissal_without_notice"
    ]
