"""The strict British date parser."""

from __future__ import annotations

from datetime import date

import pytest

from misconduct.ingest.dates import (
    find_dates,
    find_day_months,
    impossible_dates,
    parse_date,
    resolve_year,
)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("27th February 2024", date(2024, 2, 27)),
        ("1st of March 2023", date(2023, 3, 1)),
        ("Wednesday, 14 January 2021", date(2021, 1, 14)),
        ("14/01/2021", date(2021, 1, 14)),
        ("2021-01-14", date(2021, 1, 14)),
        ("July 27, 2022", date(2022, 7, 27)),
        ("3 Sept 2020", date(2020, 9, 3)),
    ],
)
def test_british_dates_are_read_day_first(printed: str, expected: date) -> None:
    assert parse_date(printed) == expected


def test_an_impossible_date_is_reported_and_never_corrected() -> None:
    assert parse_date("31/02/2023") is None
    assert find_dates("heard on 31/02/2023") == []
    assert impossible_dates("heard on 31/02/2023 and 30 February 2022") == [
        "31/02/2023",
        "30 February 2022",
    ]


def test_a_range_or_list_of_days_gives_its_first_day_and_its_span() -> None:
    for printed, iso in [
        ("30 and 31 August 2023", "2023-08-30"),
        ("7, 8 & 12 January 2021", "2021-01-07"),
        ("07-11 March 2021", "2021-03-07"),
    ]:
        (found,) = find_dates(f"The hearing on {printed} ended.")
        assert (found.iso, found.text) == (iso, printed)


def test_month_and_year_alone_keep_their_precision() -> None:
    (found,) = find_dates("in Oct 2017")
    assert (found.iso, found.precision) == ("2017-10", "month")


def test_a_day_without_a_year_takes_one_only_when_a_single_nearby_year_fits_the_weekday() -> None:
    (friday,) = find_day_months("found proven on Friday, 8 December")
    assert resolve_year(friday, [2024]) == 2023
    (plain,) = find_day_months("held on 8 December")
    assert resolve_year(plain, [2024]) is None
    assert resolve_year(friday, []) is None


def test_spans_point_at_the_printed_date() -> None:
    text = "Heard on 12th November 2018 at Maidstone."
    (found,) = find_dates(text)
    assert text[found.start : found.end] == found.text == "12th November 2018"


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("held on July 6-9, 2020", "2020-07-06"),
        ("from the 6th to the 9th of July 2020", "2020-07-06"),
        ("on the 6th day of July 2020", "2020-07-06"),
        ("Date: 6/7/20", "2020-07-06"),
        ("between 6th and 9th July 2020", "2020-07-06"),
        ("Sept. 7, 2020", "2020-09-07"),
    ],
)
def test_more_printed_forms_of_a_hearing_date(printed: str, iso: str) -> None:
    assert [d.iso for d in find_dates(printed)] == [iso]
