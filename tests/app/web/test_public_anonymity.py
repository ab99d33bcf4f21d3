"""Anonymity on everything public: pages, feed and API, for the demo cases with anonymity orders,
and the visibility rules (notices, outcomes, the 28-day minimum) of the one public projection."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from misconduct.app.web import store
from misconduct.app.web.publication import public_view, published
from misconduct.domain.case import Case
from misconduct.services.demo import CANONICAL_REF
from tests.app.web.fixtures import TODAY


def _anonymised(cases: list[Case]) -> list[Case]:
    return [
        c
        for c in cases
        if c.proceedings is not None and c.proceedings.arrangement.anonymity_cipher.strip()
    ]


def _secrets(case: Case) -> list[str]:
    out = []
    for o in case.officers.values():
        out += [o.name, o.warrant_number, o.officer_id, *o.name.split()]
    return out


def _public_texts(client: Client, refs: list[str]) -> dict[str, str]:
    urls = [reverse("web:public"), reverse("web:feed"), "/api/public/outcomes"]
    urls += [reverse("web:public-force", args=[c]) for c in ("metropolitan", "west_midlands")]
    for ref in refs:
        urls += [reverse("web:public-record", args=[ref]), f"/api/public/outcomes/{ref}"]
    out = {}
    for url in urls:
        response = client.get(url)
        if response.status_code == 200:
            out[url] = response.content.decode()
    return out


def test_no_anonymised_officer_name_or_number_reaches_a_public_page_the_feed_or_the_api(
    demo: list[str],
) -> None:
    cases = store.all_cases()
    anonymous = _anonymised(cases)
    assert anonymous, "the demo data must include a case with an anonymity order"
    shown = [c for c in anonymous if public_view(c, TODAY) is not None]
    assert shown, "an anonymised case must be public for this test to mean anything"
    texts = _public_texts(Client(), [c.ref for c in cases])
    assert any(
        c.proceedings.arrangement.anonymity_cipher in t for c in shown for t in texts.values()
    )
    for case in anonymous:
        for secret in _secrets(case):
            for url, text in texts.items():
                assert secret.casefold() not in text.casefold(), (secret, url)


def test_no_warrant_number_or_internal_officer_id_is_ever_public(demo: list[str]) -> None:
    cases = store.all_cases()
    texts = _public_texts(Client(), [c.ref for c in cases])
    for case in cases:
        for o in case.officers.values():
            for text in texts.values():
                assert o.officer_id not in text
                assert f">{o.warrant_number}<" not in text
                assert f'"{o.warrant_number}"' not in text


def test_an_officer_named_in_the_particulars_appears_only_by_the_cipher(
    canonical_at_findings: str,
) -> None:
    case, _ = store.read(canonical_at_findings)
    officer = next(iter(case.officers.values()))
    a = next(iter(case.allegations.values()))
    from dataclasses import replace

    renamed = replace(a, particulars=f"{officer.name} ({officer.warrant_number}) sent images.")
    case.allegations[a.allegation_id] = renamed
    case.published_on = TODAY
    view = public_view(case, TODAY)
    assert view is not None
    text = str(view.as_dict())
    assert officer.name not in text and officer.warrant_number not in text
    assert "PC A ([number withheld]) sent images" in text


def test_an_outcome_stays_public_for_its_28_days_even_if_removed_early(
    canonical_at_findings: str,
) -> None:
    case, _ = store.read(canonical_at_findings)
    published_on = date(2026, 11, 2)
    case.published_on = published_on
    case.publication_removed_on = published_on + timedelta(days=3)
    # The minimum is the rules' reg43_publication time limit (its last day, whatever its count).
    from misconduct.rules.deadlines import deadline

    last = deadline("reg43_publication", published_on).last_day
    assert last >= published_on + timedelta(days=27)
    assert public_view(case, last) is not None
    assert public_view(case, last + timedelta(days=1)) is None
    # Reg 43(8): 28 whole days after the day of publication (a part day, not counted).
    assert public_view(case, published_on + timedelta(days=28)) is not None
    assert public_view(case, published_on + timedelta(days=29)) is None
    case.publication_removed_on = None
    assert public_view(case, published_on + timedelta(days=400)) is not None
    assert public_view(case, published_on - timedelta(days=1)) is None


def test_a_private_meeting_is_never_public(demo: list[str]) -> None:
    for case in store.all_cases():
        view = public_view(case, TODAY)
        if view is not None:
            assert case.forum is not None and case.forum.value != "misconduct_meeting"


def test_the_public_pages_list_per_force_and_nationally(
    demo: list[str], login: Callable[[str], Client]
) -> None:
    records = published(store.all_cases(), TODAY)
    assert records
    client = Client()
    page = client.get(reverse("web:public")).content.decode()
    for r in records:
        assert r.ref in page
        assert r.ref in client.get(reverse("web:public-force", args=[r.force])).content.decode()
    feed = client.get(reverse("web:feed"))
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert b"<feed" in feed.content


def test_the_canonical_outcome_is_published_as_pc_a(demo: list[str]) -> None:
    response = Client().get(reverse("web:public-record", args=[CANONICAL_REF]))
    if response.status_code == 404:
        pytest.skip("the demo's canonical publication is not public on the pinned date")
    text = response.content.decode()
    assert "PC A" in text and "final written warning" in text.lower() and "for two years" in text
    assert "20 January 2025" in text or "14 May 2025" in text  # British dates


def test_a_hearing_notice_is_public_once_given_and_until_the_outcome_replaces_it(
    demo: list[str],
) -> None:
    from misconduct.domain import commands as cmd
    from tests.app.web.fixtures import demo_service

    case = next(c for c in store.all_cases() if c.ref == "WYP-2026-0106")
    assert public_view(case, TODAY) is None
    demo_service().execute(case.ref, cmd.GivePublicNotice(TODAY))
    after, _ = store.read(case.ref)
    view = public_view(after, TODAY)
    assert view is not None and view.kind == "notice"
    page = Client().get(reverse("web:public")).content.decode()
    assert "Hearing notice" in page and case.ref in page
    officer = next(iter(after.officers.values()))
    assert officer.warrant_number not in page
