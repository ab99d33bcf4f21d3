"""This system's own outcomes in the register follow their cases (takedown15): an outcome taken down
in its case leaves the register, its exports, feed, API and plots in the transaction that records
the take-down, and a sync takes out those no longer published; both read the partial index
``register_system`` only."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from misconduct.app import models as m
from misconduct.app.erasure import erase
from misconduct.app.models import Erasure
from misconduct.app.register import follow, store
from misconduct.app.register.models import Record, RecordCategory, Source
from misconduct.app.register.store import BY_STANDARD
from misconduct.app.repository import DjangoRepository, DjangoUnitOfWork
from misconduct.domain import commands as cmd
from misconduct.domain.personal import placeholder
from misconduct.errors import RuleViolation
from misconduct.services.cases import CaseService
from misconduct.services.demo import demo_cases
from tests.app.register.test_force_scope import _explain, price_out_scans
from tests.app.web.fixtures import TODAY, demo_service
from tests.services.fakes import SteppingClock

NOW = datetime(2026, 12, 1, 10, tzinfo=UTC)
REF = "BTP-2025-0110"
NAME = "PC Ryan Whitaker"


def _public(client: Client, ref: str) -> dict[str, bool]:
    """Whether each public view of the register shows the outcome of case ``ref``."""

    def streamed(name: str) -> str:
        return b"".join(client.get(reverse(name)).streaming_content).decode()

    return {
        "csv": ref in streamed("register:export-csv"),
        "json": ref in streamed("register:export-json"),
        "feed": ref in client.get(reverse("register:feed")).content.decode(),
        "api": ref in client.get("/api/register/records").content.decode(),
    }


def test_an_outcome_taken_down_in_its_case_leaves_the_register_at_once(demo: list[str]) -> None:
    store.sync_system(TODAY, now=NOW)
    held = Record.objects.get(case_ref=REF)
    public = Client()
    assert all(_public(public, REF).values())
    assert public.get(reverse("register:record", args=[held.pk])).status_code == 200

    demo_service().execute(REF, cmd.RemovePublication(TODAY))
    assert not Record.objects.get(pk=held.pk).published
    assert not any(_public(public, REF).values())
    assert public.get(reverse("register:record", args=[held.pk])).status_code == 404
    assert public.get(f"/api/register/records/{held.pk}").status_code == 404
    # the other outcomes stay, and a sync does not bring it back
    assert Record.objects.filter(published=True).exclude(case_ref=REF).count() == 2
    again = store.sync_system(TODAY, now=NOW)
    assert (again.cases, again.removed) == (2, 0)
    assert not Record.objects.get(pk=held.pk).published


def test_a_sync_takes_out_the_outcomes_no_longer_published_of_the_forces_it_syncs(
    demo: list[str],
) -> None:
    store.sync_system(TODAY, now=NOW)
    # taken down before the register followed its cases: its copy was left published
    demo_service().execute(REF, cmd.RemovePublication(TODAY))
    Record.objects.filter(case_ref=REF).update(published=True)
    force = Record.objects.get(case_ref=REF).force
    others = sorted({f for f in Record.objects.values_list("force", flat=True)} - {force})
    assert others
    report = store.sync_system(TODAY, forces=others, now=NOW)
    assert report.removed == 0 and Record.objects.get(case_ref=REF).published
    report = store.sync_system(TODAY, now=NOW)
    assert report.removed == 1 and not Record.objects.get(case_ref=REF).published
    assert report.said().endswith(
        " 1 officer record(s) whose outcome is no longer published left it."
    )


@pytest.mark.django_db(databases="__all__")
def test_following_the_cases_reads_the_index_of_the_system_s_own_outcomes(alias: str) -> None:
    for i in range(30):
        source = Source.objects.using(alias).create(
            origin="system" if i % 3 == 0 else "ingested",
            url=f"/outcomes/KNT-2026-{i:04d}/" if i % 3 == 0 else f"https://notices.example/{i}",
            licence="OGL v3.0",
            text_sha256=str(i),
            ingested_at=NOW,
        )
        Record.objects.using(alias).create(
            source=source,
            position=0,
            label=f"Officer {i}",
            force="kent",
            case_ref=f"KNT-2026-{i:04d}" if i % 3 == 0 else "",
            published=True,
            created_at=NOW,
        )
    connection = price_out_scans(alias)
    for rows in (
        follow._system(alias).filter(case_ref__in=["KNT-2026-0003", "KNT-2026-0006"]),
        follow._system(alias).values("case_ref", "force"),
    ):
        plan = _explain(alias, rows)
        if connection.vendor == "sqlite":
            assert "register_system" in plan, plan
            assert not re.search(r"SCAN register_record(?! USING (COVERING )?INDEX)", plan), plan
        else:
            assert "Seq Scan on register_record" not in plan and "register_system" in plan, plan
    assert follow.taken_down(["KNT-2026-0003", "KNT-2026-0006"], alias) == 2
    assert follow.no_longer_published(["KNT-2026-0000"], ["kent"], alias) == 7
    assert Record.objects.using(alias).filter(published=True).count() == 21


def _order_anonymity(ref: str, cipher: str) -> None:
    """Write case ``ref`` as it stands with an anonymity order (the case's one write path), the
    state changed directly: the follow itself, whatever step hid the name (the chair's direction,
    the step that does so, is tested below)."""
    repository = DjangoRepository()
    case = repository.load_state(ref)
    assert case.proceedings is not None
    case.proceedings.arrangement = replace(case.proceedings.arrangement, anonymity_cipher=cipher)
    with transaction.atomic():
        repository.append(ref, case.version, [], case)


def test_an_anonymity_order_after_publication_hides_the_name_in_the_register_at_once(
    demo: list[str],
) -> None:
    store.sync_system(TODAY, now=NOW)
    held = Record.objects.get(case_ref=REF)
    assert (held.anonymised, held.name, held.label) == (False, NAME, NAME)
    other = Record.objects.get(case_ref="SWP-2025-0113")
    public = Client()
    assert NAME in public.get(reverse("register:record", args=[held.pk])).content.decode()

    _order_anonymity(REF, "Officer W")
    held.refresh_from_db()
    assert (held.anonymised, held.name, held.label, held.published) == (
        True,
        "",
        "Officer W",
        True,
    )
    assert held.source.title == "Outcome: Officer W (British Transport Police)"
    page = public.get(reverse("register:record", args=[held.pk])).content.decode()
    assert "Officer W" in page and "Whitaker" not in page
    assert Record.objects.get(pk=other.pk).name == other.name  # another case's copy is left
    # a sync keeps it so, and a copy not published (withdrawn, taken down) is hidden as well
    store.sync_system(TODAY, now=NOW)
    assert Record.objects.get(pk=held.pk).label == "Officer W"
    Record.objects.filter(pk=held.pk).update(published=False)
    _order_anonymity(REF, "Officer X")
    assert Record.objects.get(pk=held.pk).label == "Officer X"


def test_the_chair_s_direction_after_publication_hides_the_name_in_the_register_at_once(
    demo: list[str],
) -> None:
    """As above, through the step a chair's direction is recorded with (``DirectAnonymity``)."""
    store.sync_system(TODAY, now=NOW)
    held = Record.objects.get(case_ref=REF)
    assert (held.anonymised, held.name) == (False, NAME)
    service = demo_service()
    service.execute(REF, cmd.DirectAnonymity(TODAY, "Officer W", "", "A risk to his family."))
    held.refresh_from_db()
    assert (held.anonymised, held.name, held.label) == (True, "", "Officer W")
    assert held.source.title == "Outcome: Officer W (British Transport Police)"
    public = Client()
    page = public.get(reverse("register:record", args=[held.pk])).content.decode()
    assert "Officer W" in page and "Whitaker" not in page
    # Lifted again: the case's public page names him from that day, but the register's copy made
    # while his name was hidden stays so (the register follows a case only to hide a name) until
    # a person syncs the register, which copies the outcome as the case now publishes it.
    service.execute(REF, cmd.DirectAnonymity(TODAY, "", "", lift=True))
    assert "Whitaker" in public.get(reverse("web:public-record", args=[REF])).content.decode()
    held.refresh_from_db()
    assert (held.anonymised, held.name, held.label) == (True, "", "Officer W")
    store.sync_system(TODAY, now=NOW)
    held.refresh_from_db()
    assert (held.anonymised, held.name) == (False, NAME)


@pytest.mark.django_db(databases="__all__")
def test_the_chair_s_direction_reaches_the_register_s_copies_in_its_transaction(
    alias: str,
) -> None:
    demo = next(d for d in demo_cases() if d.ref == REF)
    service = CaseService(
        lambda: DjangoUnitOfWork(alias), clock=SteppingClock(), actor="psd.tester"
    )
    service.open(demo.opening, demo.steps)
    source = Source.objects.using(alias).create(
        origin="system",
        url=f"/outcomes/{REF}/",
        title=f"Outcome: {NAME} (British Transport Police)",
        licence="OGL v3.0",
        text_sha256=REF,
        ingested_at=NOW,
    )
    held = Record.objects.using(alias).create(
        source=source,
        position=0,
        label=NAME,
        name=NAME,
        anonymised=False,
        force="btp",
        case_ref=REF,
        published=True,
        created_at=NOW,
    )
    service.execute(REF, cmd.DirectAnonymity(TODAY, "Officer W", "", "A risk to his family."))
    got = Record.objects.using(alias).filter(case_ref=REF)
    assert {(r.anonymised, r.name, r.label) for r in got} == {(True, "", "Officer W")}
    assert Source.objects.using(alias).get(pk=source.pk).title == (
        "Outcome: Officer W (British Transport Police)"
    )
    # a refused direction writes nothing, here or in the register
    with pytest.raises(RuleViolation):
        service.execute(REF, cmd.DirectAnonymity(TODAY, "Officer X"))
    assert Record.objects.using(alias).get(pk=held.pk).label == "Officer W"
    # lifted: the copies stay hidden
    service.execute(REF, cmd.DirectAnonymity(TODAY, "", "", lift=True))
    got = Record.objects.using(alias).filter(case_ref=REF)
    assert {(r.anonymised, r.name, r.label) for r in got} == {(True, "", "Officer W")}
    assert m.Case.objects.using(alias).get(ref=REF).anonymity_cipher == ""


def test_an_erased_case_leaves_no_officer_s_name_in_the_register(demo: list[str]) -> None:
    store.sync_system(TODAY, now=NOW)
    demo_service().execute(REF, cmd.RemovePublication(TODAY))
    demo_service().execute(REF, cmd.CloseCase(TODAY, "Outcome published and taken down."))
    held = Record.objects.get(case_ref=REF)
    assert not held.published and held.name == NAME

    erased_on = date(2032, 7, 1)
    done = erase(demo_service("dpo"), REF, erased_on, "Retention schedule", clock=lambda: NOW)
    assert done.ref == REF
    held.refresh_from_db()
    assert (held.anonymised, held.name, held.label) == (True, "", placeholder(erased_on))
    assert held.source.title == ""
    assert (
        not RecordCategory.objects.filter(record=held)
        .exclude(evidence="")
        .exclude(evidence__startswith=BY_STANDARD)
    )
    assert Erasure.objects.get(case__ref=REF).erased["register_record.name"] == 1
    texts = Record.objects.filter(case_ref=REF).values_list("name", "label", "source__title")
    assert not [t for row in texts for t in row if "Whitaker" in t]


@pytest.mark.django_db(databases="__all__")
def test_anonymity_and_erasure_reach_the_copies_of_one_case_by_index(alias: str) -> None:
    records = {}
    for i in range(30):
        ref = f"KNT-2026-{i // 2:04d}"
        source, _ = Source.objects.using(alias).get_or_create(
            origin="system",
            url=f"/outcomes/{ref}/",
            defaults={"licence": "OGL v3.0", "text_sha256": ref, "ingested_at": NOW},
        )
        records[(ref, i % 2)] = Record.objects.using(alias).create(
            source=source,
            position=i % 2,
            label=f"PC Name{i}",
            name=f"PC Name{i}",
            anonymised=False,
            force="kent",
            case_ref=ref,
            published=i % 4 != 1,  # some copies withdrawn or taken down
            created_at=NOW,
        )
    connection = price_out_scans(alias)
    plan = _explain(alias, follow._copies("KNT-2026-0003", alias))
    if connection.vendor == "sqlite":
        assert plan.count("SEARCH") == 2, plan
        assert not re.search(r"SCAN register_(record|source)(?! USING (COVERING )?INDEX)", plan), (
            plan
        )
    else:
        assert "Seq Scan" not in plan, plan

    labels = ["Officer A (1)", "Officer A (2)"]
    assert follow.anonymised("KNT-2026-0003", labels, "Outcome: Officer A", alias) == 2
    assert follow.anonymised("KNT-2026-0003", labels, "Outcome: Officer A", alias) == 0
    got = Record.objects.using(alias).filter(case_ref="KNT-2026-0003").order_by("position")
    assert [(r.anonymised, r.name, r.label) for r in got] == [(True, "", v) for v in labels]
    assert follow.erased("KNT-2026-0004", "[erased]", alias) == 2
    got = Record.objects.using(alias).filter(case_ref="KNT-2026-0004")
    assert {(r.anonymised, r.name, r.label) for r in got} == {(True, "", "[erased]")}
    named = Record.objects.using(alias).filter(anonymised=False).exclude(name="")
    assert named.count() == 26
