"""Dates in the staff forms are typed and shown the British way (DD/MM/YYYY), whatever the browser's
locale: a text field with the format as its hint, never the browser's own date picker."""

from __future__ import annotations

import doctest
from collections.abc import Callable
from datetime import date
from typing import Any

from django.test import Client
from django.urls import reverse

from misconduct.app.roles import Role
from misconduct.app.web import dates, store
from misconduct.rules.vocabulary import Outcome
from tests.app.web.fixtures import PASSWORD, TODAY, make_user
from tests.assessment.builders import CANONICAL_FACTORS, CANONICAL_PERSONAL

REF = "WMP-2026-0101"


def _officer_client() -> Client:
    case, _ = store.read(REF)
    make_user("wm", [(Role.CASE_OFFICER, case.force)])
    client = Client()
    assert client.login(username="wm", password=PASSWORD)
    return client


def _add_party(client: Client, on: str) -> Any:
    case, _ = store.read(REF)
    url = reverse("web:step", args=[REF, "add-party"])
    return client.post(url, {"on": on, "role": "witness", "name": "A W", "version": case.version})


def test_the_module_examples_hold() -> None:
    assert doctest.testmod(dates).failed == 0


def test_british_dates_are_read_in_each_accepted_form_and_nothing_else() -> None:
    day = date(2025, 1, 20)
    for raw in ("20/01/2025", "20/1/2025", " 20 January 2025 ", "20 Jan 2025", "2025-01-20"):
        assert dates.parse_british(raw) == day, raw
    for raw in ("01/20/2025", "2025/01/20", "20-01-2025", "31/02/2025", "", "tomorrow"):
        assert dates.parse_british(raw) is None, raw


def test_a_step_form_shows_its_date_as_dd_mm_yyyy_with_the_format_as_a_hint(
    demo: list[str],
) -> None:
    page = _officer_client().get(reverse("web:step", args=[REF, "add-party"])).content.decode()
    field = page[page.index('name="on"') - 200 : page.index('name="on"') + 200]
    assert 'type="text"' in field and 'placeholder="DD/MM/YYYY"' in field
    assert f'value="{TODAY:%d/%m/%Y}"' in field
    assert 'type="date"' not in page
    assert "DD/MM/YYYY, for example 20/01/2025" in page


def test_a_british_date_is_recorded_as_that_day(demo: list[str]) -> None:
    response = _add_party(_officer_client(), "24/11/2026")
    assert response.status_code == 302, response.content.decode()[:2000]
    _, records = store.read(REF)
    assert records[-1].type == "PartyAdded" and records[-1].occurred_on == date(2026, 11, 24)


def test_a_date_in_american_order_is_refused_with_the_expected_form(demo: list[str]) -> None:
    before, _ = store.read(REF)
    response = _add_party(_officer_client(), "11/24/2026")
    assert response.status_code in (200, 422)
    assert "Enter a date as DD/MM/YYYY, for example 20/01/2025." in response.content.decode()
    assert 'value="11/24/2026"' in response.content.decode()  # what was typed is kept
    assert store.read(REF)[0].version == before.version


def test_the_chair_gives_the_decision_date_the_british_way(
    canonical_at_findings: str, login: Callable[[str], Client]
) -> None:
    client = login("chair")
    url = reverse("web:assessment", args=[canonical_at_findings])
    page = client.get(url).content.decode()
    field = page[page.index('name="on"') - 40 : page.index('name="on"') + 120]
    assert 'type="text"' in field and 'placeholder="DD/MM/YYYY"' in field
    case, _ = store.read(canonical_at_findings)
    assert case.proceedings is not None and case.proceedings.concluded_on is not None
    assert f'value="{case.proceedings.concluded_on:%d/%m/%Y}"' in field
    refused = client.post(url, {"factors": CANONICAL_FACTORS, "on": "05/14/2025"})
    assert refused.status_code == 200  # shown with the form, not a server error
    text = refused.content.decode()
    assert "expected a date as DD/MM/YYYY" in text and 'value="05/14/2025"' in text
    response = client.post(
        url,
        {
            "factors": CANONICAL_FACTORS,
            "personal_mitigation": CANONICAL_PERSONAL,
            "action": "decide",
            "outcome": Outcome.FINAL_WRITTEN_WARNING.value,
            "warning_months": "24",
            "reasons": "Culpability high, harm limited; admissions and remorse.",
            "on": "14/05/2025",
            "version": case.version,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    after, _ = store.read(canonical_at_findings)
    assert next(iter(after.decisions.values())).decided_on == date(2025, 5, 14)
