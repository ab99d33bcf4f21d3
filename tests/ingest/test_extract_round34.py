"""Rules of the thirty-fourth round (2/12/2026, issue 15), written against a miss of held-out 30
(development since its one measurement). Every text is invented for the test; none is a page's."""

from __future__ import annotations

from misconduct.ingest import extract

_HEARING = (
    "A Cumbria Constabulary sergeant would have been dismissed had he not resigned.\n"
    "A misconduct hearing, concluded on 12 May, found his conduct was gross misconduct.\n"
    "The hearing first opened in January 2024 but was adjourned.\n"
    "The hearing resumed for three days in {month} 2024, when the panel reached its decision."
)


def test_the_hearing_month_elsewhere_gives_the_year_of_its_day() -> None:
    """The page dates the hearing's end by day and month only, and elsewhere gives the hearing
    that month and a year: the day takes that year, for a person to confirm."""
    (rec,) = extract(_HEARING.format(month="May")).records
    date = rec.fields["hearing_date"]
    assert date.value == "2024-05-12"
    assert date.confidence < 0.8
    assert "gives the hearing this month and year" in date.note


def test_a_hearing_month_of_another_month_gives_no_year() -> None:
    """A hearing month that is not the day's month fixes nothing: the day is given no year (two
    hearing months, January and June, and no date more likely than the other: none offered)."""
    (rec,) = extract(_HEARING.format(month="June")).records
    assert rec.value("hearing_date") is None


def test_a_month_of_the_conduct_gives_no_year() -> None:
    """A month and year in a clause about the conduct is not the hearing's: the day keeps no
    year."""
    text = (
        "A Cumbria Constabulary constable has been dismissed without notice.\n"
        "A misconduct hearing, concluded on 12 May, found he had been dishonest.\n"
        "He had lied to a colleague about an arrest in May 2023."
    )
    (rec,) = extract(text).records
    assert rec.value("hearing_date") is None
