"""Issue 13, findings 1 and 2, through a running application: a case stored with a two-letter
surname under an anonymity order, a hyphenated and apostrophised complainant and a witness, typed
with curly apostrophes, non-breaking hyphens and spaces and possessives, is named on no public page,
feed or API answer, nor in any public document (HTML, DOCX and its metadata)."""

from __future__ import annotations

import dataclasses
import html
import re
import unicodedata

import pytest
from django.test import Client
from django.urls import reverse

from misconduct.documents.api import render_case_document
from misconduct.domain import commands as c
from misconduct.domain.records import PartyRecord
from misconduct.domain.terms import PartyRole
from tests.app.web.fixtures import demo_service
from tests.documents.builders import HEARING, commands
from tests.documents.reading import docx_metadata, docx_text

REF = "KNT-2025-0913"
PARTICULARS = (
    "PC Ng admitted it\u2026 Ng\u2019s phone held messages to Aoife O\u2019Connor\u2011Bright; "
    "Ms Bright\u2019s complaint was seen by Siân\u00a0ap\u00a0Rhys. D. Ng (warrant 40 913) agreed."
)
SECRETS = ["ng", "daniel", "aoife", "connor", "bright", "sian", "rhys", "40913"]


@pytest.fixture
def stored(db: None) -> str:
    scenario = dataclasses.replace(
        HEARING, ref=REF, officer_name="Daniel Ng", warrant="40913", cipher="PC A"
    )
    opening, steps = commands(scenario)
    details = opening.details
    allegations = tuple(
        dataclasses.replace(a, particulars=PARTICULARS) for a in details.allegations
    )
    opening = dataclasses.replace(
        opening, details=dataclasses.replace(details, allegations=allegations)
    )
    on = opening.on
    parties = [
        c.AddParty(on, PartyRecord(PartyRole.COMPLAINANT, "Aoife O'Connor-Bright")),
        c.AddParty(on, PartyRecord(PartyRole.WITNESS, "Siân ap Rhys")),
    ]
    demo_service().open(opening, [*parties, *steps])
    return REF


def _visible(text: str) -> str:
    plain = unicodedata.normalize("NFKD", html.unescape(re.sub(r"<[^>]+>", " ", text)))
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()


def _assert_clean(text: str, where: str) -> None:
    plain = _visible(text)
    for secret in SECRETS:
        assert not re.search(rf"(?<!\w){secret}(?!\w)", plain), (secret, where)
    assert "40913" not in re.sub(r"[ .\-/]", "", plain), where


def test_pages_feed_and_api_name_no_one_the_policy_withholds(
    stored: str, fixed_today: object
) -> None:
    client = Client()
    urls = [
        reverse("web:public"),
        reverse("web:feed"),
        reverse("web:public-record", args=[stored]),
        reverse("web:public-force", args=["kent"]),
        "/api/public/outcomes",
        f"/api/public/outcomes/{stored}",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert "PC A" in text, url
        _assert_clean(text, url)


@pytest.mark.parametrize("kind", ["published-outcome", "reg36-notice"])
@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_public_documents_name_no_third_party(stored: str, kind: str, fmt: str) -> None:
    rendered = render_case_document(demo_service(), kind, stored, fmt)
    if fmt == "docx":
        text = docx_text(rendered.content) + " " + docx_metadata(rendered.content)
    else:
        text = rendered.content.decode()
    _assert_clean(text, f"{kind} ({fmt})")


def test_the_private_decision_still_names_everyone(stored: str) -> None:
    text = render_case_document(demo_service(), "decision", stored, "html").content.decode()
    assert "Daniel Ng" in text and "O\u2019Connor\u2011Bright" in html.unescape(text)
