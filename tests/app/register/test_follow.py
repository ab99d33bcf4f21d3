"""This system's own outcomes in the register follow their cases (takedown15): an outcome taken down
in its case leaves the register, its exports, feed, API and plots in the transaction that records
the take-down, and a sync takes out those no longer published; both read the partial index
``register_system`` only."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.test import Client
from django.urls import reverse

from misconduct.app.register import follow, store
from misconduct.app.register.models import Record, Source
from misconduct.domain import commands as cmd
from tests.app.register.test_force_scope import _explain, price_out_scans
from tests.app.web.fixtures import TODAY, demo_service

NOW = datetime(2026, 12, 1, 10, tzinfo=UTC)
REF = "BTP-2025-0110"


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
