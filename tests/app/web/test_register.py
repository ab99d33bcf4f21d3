"""The public register reads only the cases that can have a public record, and keeps each record
under the case's latest event: the same records as the one public projection, never a stale one."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest
from django.test import Client
from django.urls import reverse

from misconduct.app import bootstrap
from misconduct.app import models as m
from misconduct.app.web import register, store
from misconduct.app.web.publication import public_view, published
from misconduct.domain import commands as cmd
from misconduct.services.cases import load
from misconduct.services.demo import load_demo
from tests.app.web.fixtures import TODAY, demo_service


def test_the_register_gives_exactly_the_public_projection_of_every_case(demo: list[str]) -> None:
    cases = store.all_cases()
    expected = published(cases, TODAY)
    assert expected, "the demo data must have public records for this test to mean anything"
    assert register.records(TODAY) == expected
    assert register.records(TODAY) == expected  # a second time, from what was kept
    for force in {c.force for c in cases}:
        assert register.records(TODAY, force=force) == published(cases, TODAY, force=force)
    for case in cases:
        assert register.record(case.ref, TODAY) == public_view(case, TODAY)


@pytest.mark.django_db(databases="__all__")
def test_only_cases_with_a_notice_given_or_an_outcome_published_have_public_rows(
    alias: str,
) -> None:
    service = bootstrap.service("tests", lambda: datetime(2026, 11, 25, 9, tzinfo=UTC), alias)
    load_demo(service)
    uow = bootstrap.uow_factory(alias)
    with uow() as u:  # type: ignore[attr-defined]
        folded = {ref: load(u, ref)[0] for ref in u.cases.refs()}
    expected = {
        ref
        for ref, case in folded.items()
        if case.published_on or (case.proceedings and case.proceedings.public_notice_on)
    }
    assert expected and len(expected) < len(folded)
    stored = set(m.PublicEntry.objects.using(alias).values_list("ref", flat=True))
    assert stored <= expected
    assert register.records(TODAY, using=alias) == published(folded.values(), TODAY)


def test_a_new_event_replaces_the_kept_record(demo: list[str]) -> None:
    ref = "BTP-2025-0110"
    before = register.record(ref, TODAY)
    assert before is not None and before.kind == "outcome"
    assert ref in Client().get(reverse("web:public")).content.decode()
    demo_service().execute(ref, cmd.RemovePublication(TODAY))
    assert register.record(ref, TODAY) is None
    assert ref not in Client().get(reverse("web:public")).content.decode()
    assert Client().get(reverse("web:public-record", args=[ref])).status_code == 404


def test_a_case_without_a_notice_becomes_public_when_one_is_given(demo: list[str]) -> None:
    ref = "WYP-2026-0106"
    assert not m.PublicEntry.objects.filter(ref=ref).exists()
    assert register.record(ref, TODAY) is None
    demo_service().execute(ref, cmd.GivePublicNotice(TODAY))
    after = register.record(ref, TODAY)
    assert after is not None and after.kind == "notice"
    assert after == public_view(store.read(ref)[0], TODAY)


def test_the_register_pages_list_every_record_once_in_order(
    demo: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from misconduct.app.web.views import public as views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    expected = [r.ref for r in register.records(TODAY)]
    assert len(expected) > 2, "the demo data must fill more than one page"
    client = Client()
    seen: list[str] = []
    url, pages = reverse("web:public"), 0
    while url:  # each page names the next by position (keyset), not by number
        page = client.get(url).content.decode()
        pages += 1
        on_page = sorted(
            (page.index(f"/outcomes/{ref}/"), ref)
            for ref in expected
            if f"/outcomes/{ref}/" in page
        )
        seen += [ref for _, ref in on_page]
        assert f"{len(expected)} records." in page
        assert "No hearing notices at present" not in page or pages == 1
        following = re.search(r'href="([^"]*)" rel="next"', page)
        url = reverse("web:public") + html.unescape(following[1]) if following else ""
    assert seen == expected and pages == (len(expected) + 1) // 2
    garbled = client.get(reverse("web:public"), {"after": "%%"}).content.decode()
    assert f"/outcomes/{expected[0]}/" in garbled  # a position edited by hand: the first page
