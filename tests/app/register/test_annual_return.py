"""The Home Office annual return from the system's own cases."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from misconduct.app.register.annual_return import annual_return, year_ending
from misconduct.app.web import store

# The Home Office's categories, as ../shared/data/STATISTICS.md records them.
HOME_OFFICE_CATEGORIES = (
    "Misconduct meeting",
    "Misconduct hearing",
    "Accelerated misconduct hearing",
    "Gross misconduct",
    "Misconduct",
    "Not misconduct",
    "Police complaints",
    "Conduct matters",
    "Recordable conduct matters",
)


def test_the_year_is_the_home_offices_year_ending_31_march() -> None:
    assert year_ending(2024) == (date(2023, 4, 1), date(2024, 3, 31))


@pytest.mark.django_db
def test_the_return_counts_every_officer_decided_in_the_year_once_in_each_table(
    demo: list[str],
) -> None:
    cases = store.all_cases()
    decided = [(c, d) for c in cases for d in c.decisions.values()]
    assert decided, "the demo data must decide an outcome for this test to mean anything"
    case, decision = decided[0]
    d = decision.decided_on
    year = d.year + 1 if d.month >= 4 else d.year
    start, end = year_ending(year)
    expected = [
        (c, x)
        for c, x in decided
        if c.force == case.force and start <= x.decided_on <= end and "2020" in x.regime
    ]
    result = annual_return(cases, case.force, year)
    assert len(result.officers) == len(expected) - sum(c.forum is None for c, _ in expected)
    n = len(result.officers)
    assert n >= 1
    by_forum, findings, outcomes, by_source, dismissed, timeliness = result.tables
    assert by_forum.rows[-1][1] == n
    assert sum(int(v) for r in findings.rows for v in r[1:]) == n
    assert sum(int(v) for r in outcomes.rows for v in r[1:]) == n
    assert sum(int(v) for r in by_source.rows for v in r[1:]) == n
    assert sum(int(r[1]) for r in timeliness.rows[:-1]) == n
    assert dismissed.rows[0][1] == sum(
        o.outcome.value in ("dismissal_without_notice", "dismissal_with_notice")
        for o in result.officers
    )
    text = result.csv()
    for category in HOME_OFFICE_CATEGORIES:
        assert category in text, category
    assert f"{start:%d/%m/%Y} to {end:%d/%m/%Y}" in text
    assert list(csv.reader(io.StringIO(text)))


@pytest.mark.django_db
def test_the_return_page_is_for_the_forces_a_person_holds_a_role_in(
    demo: list[str], login: Callable[[str], Client]
) -> None:
    url = reverse("register:annual-return")
    assert login("no_role").get(url).status_code == 404
    viewer = login("viewer")
    page = viewer.get(url + "?force=metropolitan&year=2026")
    assert page.status_code == 200 and "Metropolitan Police Service" in page.content.decode()
    refused = viewer.get(url + "?force=kent&year=2026")
    assert refused.status_code == 400
    assert "Force: expected a force you hold a role in" in refused.content.decode()
    bad_year = viewer.get(url + "?year=soon").content.decode()
    assert "Year ending 31 March: expected a year from 2021" in bad_year
    download = viewer.get(url + "?force=metropolitan&year=2026&format=csv")
    assert download["Content-Type"].startswith("text/csv")
    assert "Officers dismissed" in download.content.decode()
    # The CSV names the force as the page does, not by its code.
    assert download.content.decode().startswith(
        '"Home Office annual return: Metropolitan Police Service, year ending 31 March 2026'
    )
    # Both mistakes are said at once; a year with no outcome says so in each table.
    both = viewer.get(url + "?force=kent&year=soon").content.decode()
    assert "Force: expected a force you hold a role in, received “kent”." in both
    assert "expected a year from 2021 to 2100, received “soon”." in both
    # A refused request shows no tables (another force's or year's figures under the errors
    # would read as the answer) and keeps the year as typed, to be mended.
    assert "Officers dismissed" not in both and "Download as CSV" not in both
    assert 'name="year" inputmode="numeric" value="soon"' in both
    empty = viewer.get(url + "?force=metropolitan&year=2022").content.decode()
    assert "None in this year." in empty
    # The register's staff page leads to it.
    assert url in viewer.get(reverse("register:review")).content.decode()
