"""Who may change a record of the register (scope15): an administrator, or someone holding a role
other than viewer in the record's own force. A record whose force is not known is changed by an
administrator only. A change asked by anyone else is refused before anything is written; the pages
show the controls only where they will work, and say why not where they will not."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse

from misconduct.app.register import store
from misconduct.app.register.models import (
    Record,
    RecordCategory,
    RecordStandard,
    ReviewEvent,
    Source,
)
from misconduct.app.register.reviewers import Reviewer
from misconduct.app.roles import AccessDenied, Grant, Role

NOW = datetime(2026, 12, 1, 10, tzinfo=UTC)

MET_OFFICER = Reviewer.from_grants("met", [Grant(Role.CASE_OFFICER, "metropolitan")], admin=False)
KENT_OFFICER = Reviewer.from_grants(
    "kent", [Grant(Role.CASE_OFFICER, "kent"), Grant(Role.VIEWER, "essex")], admin=False
)
KENT_VIEWER = Reviewer.from_grants("kent_viewer", [Grant(Role.VIEWER, "kent")], admin=False)
ADMIN = Reviewer.from_grants("admin", [], admin=True)

WHO = [
    ("a case officer of another force", MET_OFFICER, "kent", False),
    ("a case officer of the record's force", KENT_OFFICER, "kent", True),
    ("a viewer in the record's force", KENT_VIEWER, "kent", False),
    ("a case officer elsewhere who only views in the record's force", KENT_OFFICER, "essex", False),
    ("an administrator", ADMIN, "kent", True),
    ("a case officer, the record's force not known", KENT_OFFICER, "", False),
    ("an administrator, the record's force not known", ADMIN, "", True),
]


def _record(
    force: str,
    *,
    using: str = "default",
    pending: tuple[str, ...] = ("outcome", "forum"),
    label: str = "Officer A",
) -> Record:
    """An ingested record of ``force`` ("" when not known), with ``pending`` awaiting review."""
    n = Source.objects.using(using).count()
    source = Source.objects.using(using).create(
        origin="ingested",
        url=f"https://notices.example/{n}",
        licence="OGL v3.0",
        text_sha256=str(n),
        ingested_at=NOW,
    )
    rec = Record.objects.using(using).create(
        source=source,
        position=0,
        label=label,
        force=force,
        forum="misconduct_hearing",
        outcome="final_written_warning",
        standards=["honesty_and_integrity"],
        extracted={
            "force": {"value": force or None, "confidence": 0.9},
            "forum": {"value": "misconduct_hearing", "confidence": 0.5},
            "outcome": {"value": "final_written_warning", "confidence": 0.5},
        },
        pending=list(pending),
        published=not pending,
        created_at=NOW,
    )
    RecordStandard.objects.using(using).create(record=rec, standard="honesty_and_integrity")
    RecordCategory.objects.using(using).create(record=rec, category="dishonesty", evidence="lied")
    return rec


def _written(pk: int, using: str = "default") -> tuple[Any, ...]:
    """Everything a decision on record ``pk`` could write: the record (the register's read model),
    its Standards and categories, and the append-only review log."""
    return (
        Record.objects.using(using).filter(pk=pk).values().get(),
        list(RecordStandard.objects.using(using).filter(record_id=pk).values_list("standard")),
        list(RecordCategory.objects.using(using).filter(record_id=pk).values_list("category")),
        list(ReviewEvent.objects.using(using).values_list("id", "field", "action", "reviewer")),
    )


# -- the store: the check is made on the record as locked, on SQLite and PostgreSQL ---------------


@pytest.mark.django_db(databases="__all__")
@pytest.mark.parametrize(
    ("reviewer", "force", "allowed"), [w[1:] for w in WHO], ids=[w[0] for w in WHO]
)
def test_only_an_administrator_or_a_deciding_role_in_the_record_s_force_changes_it(
    alias: str, reviewer: Reviewer, force: str, allowed: bool
) -> None:
    rec = _record(force, using=alias)
    changes: list[Callable[[], object]] = [
        lambda: store.review(rec.pk, "outcome", reviewer=reviewer, now=NOW, using=alias),
        lambda: store.review(
            rec.pk,
            "forum",
            reviewer=reviewer,
            correction="misconduct meeting",
            now=NOW,
            using=alias,
        ),
        lambda: store.correct(
            rec.pk,
            "rank",
            "sergeant",
            reviewer=reviewer,
            reason="The notice names the rank.",
            now=NOW,
            using=alias,
        ),
    ]
    before = _written(rec.pk, alias)
    for change in changes:
        if allowed:
            change()
            continue
        with pytest.raises(AccessDenied) as refused:
            change()
        assert refused.value.message == reviewer.why_not(force)
    if not allowed:
        assert _written(rec.pk, alias) == before
        return
    after = Record.objects.using(alias).get(pk=rec.pk)
    assert (after.forum, after.rank, after.pending, after.published) == (
        "misconduct_meeting",
        "sergeant",
        [],
        True,
    )
    assert list(
        ReviewEvent.objects.using(alias).order_by("id").values_list("field", "action", "reviewer")
    ) == [
        ("outcome", "confirmed", reviewer.name),
        ("forum", "corrected", reviewer.name),
        ("rank", "corrected", reviewer.name),
    ]


@pytest.mark.django_db(databases="__all__")
def test_a_record_whose_force_is_corrected_is_then_that_force_s_to_change(alias: str) -> None:
    """The check reads the force the record holds when the change is made: a Kent officer who
    finds a record is Essex Police's corrects its force, and from then on Essex decides it."""
    rec = _record("kent", using=alias)
    store.correct(
        rec.pk,
        "force",
        "Essex Police",
        reviewer=KENT_OFFICER,
        reason="An Essex notice.",
        using=alias,
    )
    before = _written(rec.pk, alias)
    with pytest.raises(AccessDenied):
        store.review(rec.pk, "outcome", reviewer=KENT_OFFICER, using=alias)
    assert _written(rec.pk, alias) == before
    essex = Reviewer.from_grants("essex", [Grant(Role.APPROPRIATE_AUTHORITY, "essex")], admin=False)
    assert store.review(rec.pk, "outcome", reviewer=essex, using=alias).pending == ["forum"]


def test_the_reason_a_change_is_refused_is_plain_and_names_the_force_not_its_code() -> None:
    kent = MET_OFFICER.why_not("kent")
    assert "Kent Police" in kent and "administrator" in kent and "kent" not in kent
    unknown = KENT_OFFICER.why_not("")
    assert "not known" in unknown and "administrator" in unknown
    assert (MET_OFFICER.may_change("metropolitan"), MET_OFFICER.may_change("kent")) == (True, False)
    assert (KENT_VIEWER.deciding, MET_OFFICER.deciding, ADMIN.deciding) == (False, True, True)


# -- the pages ------------------------------------------------------------------------------------


def _page(client: Client, url: str) -> str:
    return " ".join(client.get(url).content.decode().split())


@pytest.mark.django_db
def test_a_case_officer_of_another_force_reads_a_record_sees_no_controls_and_is_refused(
    login: Callable[[str], Client],
) -> None:
    waiting = _record("kent")
    published = _record("kent", pending=())
    met = login("officer")  # a case officer of the Metropolitan Police Service
    for rec in (waiting, published):
        url = reverse("register:review-record", args=[rec.pk])
        page = _page(met, url)
        assert "You can read this record but not change it" in page
        assert "staff of Kent Police or by an administrator" in page
        assert 'value="confirm"' not in page and 'value="amend"' not in page
        assert "Any field can be corrected below" not in page
        before = _written(rec.pk)
        for asked in (
            {"field": "outcome", "action": "confirm"},
            {"field": "forum", "action": "correct", "value": "misconduct meeting"},
            {"field": "rank", "action": "amend", "value": "sergeant", "reason": "the notice"},
        ):
            refused = met.post(url, asked)
            assert refused.status_code == 403, asked
            said = " ".join(refused.content.decode().split())
            assert "staff of Kent Police or by an administrator" in said
            assert "Nothing was changed." in said
        assert _written(rec.pk) == before
    detail = _page(met, reverse("register:record", args=[published.pk]))
    assert "Correct a field of this record" not in detail
    assert "staff of Kent Police or by an administrator" in detail


@pytest.mark.django_db
def test_a_case_officer_corrects_a_record_of_their_own_force(
    login: Callable[[str], Client],
) -> None:
    rec = _record("kent")
    kent = login("kent_officer")
    url = reverse("register:review-record", args=[rec.pk])
    page = _page(kent, url)
    assert 'value="confirm"' in page and 'value="amend"' in page
    assert "You can read this record but not change it" not in page
    assert kent.post(url, {"field": "outcome", "action": "confirm"}).status_code == 302
    done = kent.post(url, {"field": "forum", "action": "correct", "value": "misconduct meeting"})
    assert done.status_code == 302
    rec.refresh_from_db()
    assert rec.published and rec.forum == "misconduct_meeting"
    assert list(ReviewEvent.objects.values_list("field", "reviewer")) == [
        ("outcome", "kent_officer"),
        ("forum", "kent_officer"),
    ]
    detail = _page(kent, reverse("register:record", args=[rec.pk]))
    assert "Correct a field of this record" in detail


@pytest.mark.django_db
def test_an_administrator_changes_a_record_of_any_force_or_of_none(
    login: Callable[[str], Client],
) -> None:
    admin = login("admin")
    for force in ("kent", "metropolitan", ""):
        rec = _record(force)
        url = reverse("register:review-record", args=[rec.pk])
        assert 'value="confirm"' in _page(admin, url)
        assert admin.post(url, {"field": "outcome", "action": "confirm"}).status_code == 302
        amend = {"field": "rank", "action": "amend", "value": "sergeant", "reason": "the notice"}
        assert admin.post(url, amend).status_code == 302
        rec.refresh_from_db()
        assert (rec.rank, rec.pending) == ("sergeant", ["forum"]), force


@pytest.mark.django_db
def test_a_record_whose_force_is_not_known_is_changed_by_an_administrator_only(
    login: Callable[[str], Client],
) -> None:
    rec = _record("")
    url = reverse("register:review-record", args=[rec.pk])
    for name in ("officer", "kent_officer"):
        client = login(name)
        page = _page(client, url)
        assert "You can read this record but not change it" in page and "not known" in page
        assert 'value="confirm"' not in page
        before = _written(rec.pk)
        refused = client.post(url, {"field": "outcome", "action": "confirm"})
        assert refused.status_code == 403
        assert "not known" in refused.content.decode()
        assert _written(rec.pk) == before
    assert login("admin").post(url, {"field": "outcome", "action": "confirm"}).status_code == 302


@pytest.mark.django_db
def test_the_queue_says_who_decides_each_record_and_filters_by_force(
    login: Callable[[str], Client],
) -> None:
    _record("kent", label="Officer Kent")
    _record("metropolitan", label="Officer Met")
    _record("", label="Officer Unknown")
    met = login("officer")
    queue = _page(met, reverse("register:review"))
    assert "3 ingested records wait for a person" in queue
    rows = dict(re.findall(r"(Officer \w+)</a>.*?<td>([^<]*)</td></tr>", queue))
    assert rows == {
        "Officer Kent": "Kent Police or an administrator",
        "Officer Met": "You",
        "Officer Unknown": "An administrator (the force is not known)",
    }
    # the bulk action brings in only the outcomes of the forces the user may change
    # (the sentence above the button names the force; the button says "your force")
    assert "You may confirm and correct the records of Metropolitan Police Service." in queue
    assert "published outcomes of your force into the register" in queue
    kent_only = _page(met, reverse("register:review") + "?force=kent")
    assert "Officer Kent" in kent_only and "Officer Met" not in kent_only
    assert "1 ingested record of Kent Police waits for a person" in kent_only
    unknown = _page(met, reverse("register:review") + "?force=unknown")
    assert "Officer Unknown" in unknown and "Officer Kent" not in unknown
    wrong = met.get(reverse("register:review") + "?force=atlantis")
    assert wrong.status_code == 400 and "Force: expected" in wrong.content.decode()
    viewer = _page(login("viewer"), reverse("register:review"))
    assert "Your role lets you read the review queue" in viewer
    assert "into the register</button>" not in viewer
    admin = _page(login("admin"), reverse("register:review"))
    assert admin.count("<td>You</td>") == 3


@pytest.mark.django_db
def test_the_queue_is_read_a_page_at_a_time_and_each_record_is_on_one_page(
    login: Callable[[str], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    from misconduct.app.register import views

    monkeypatch.setattr(views, "QUEUE_PAGE", 2)
    labels = [f"Officer {c}" for c in "ABCDE"]
    for label in labels:
        _record("kent", label=label)
    client, url, seen, pages = login("kent_officer"), reverse("register:review"), [], 0
    while url:
        page = client.get(url).content.decode()
        pages += 1
        seen += re.findall(r"(Officer [A-E])</a>", page)
        following = re.search(r'href="([^"]*)" rel="next"', page)
        url = reverse("register:review") + following[1].replace("&amp;", "&") if following else ""
    assert (seen, pages) == (labels, 3)


@pytest.mark.django_db
def test_a_case_officer_brings_in_only_their_own_force_s_published_outcomes(
    demo: list[str], login: Callable[[str], Client]
) -> None:
    from misconduct.app.web import register as public_register
    from misconduct.app.web import store as case_store

    views = [v for v in public_register.records(case_store.today()) if v.kind == "outcome"]
    met_views = [v for v in views if v.force == "metropolitan"]
    assert met_views and len(met_views) < len(views), "the demo must publish outcomes of several"
    said = login("officer").post(reverse("register:sync"), follow=True).content.decode()
    assert f"{len(met_views)} case(s)" in said
    assert set(Record.objects.values_list("force", flat=True)) == {"metropolitan"}
    assert set(Record.objects.values_list("case_ref", flat=True)) == {v.ref for v in met_views}
    login("admin").post(reverse("register:sync"))
    assert set(Record.objects.values_list("case_ref", flat=True)) == {v.ref for v in views}


# -- the queue's reads use an index, on SQLite and PostgreSQL -------------------------------------


def price_out_scans(alias: str) -> Any:
    """The connection, on PostgreSQL analysed and with scans and sorts priced out: with a handful
    of rows any plan is cheap; priced out, a scan of the table or a sort of every row it reads
    shows that no index serves the query in its order."""
    connection = connections[alias]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            for method in ("seqscan", "bitmapscan", "sort"):
                cursor.execute(f"SET enable_{method} = off")
    return connection


def _explain(alias: str, rows: Any) -> str:
    sql, params = rows.query.get_compiler(alias).as_sql()
    connection = connections[alias]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return " | ".join(str(r[-1]) for r in cursor.fetchall())
        cursor.execute(f"EXPLAIN {sql}", params)
        return " | ".join(str(r[0]) for r in cursor.fetchall())


@pytest.mark.django_db(databases="__all__")
def test_the_queue_s_pages_and_count_read_an_index(alias: str) -> None:
    for i in range(30):
        _record(("kent", "essex", "")[i % 3], using=alias, pending=() if i % 2 else ("outcome",))
    connection = price_out_scans(alias)
    queries = {
        "first page": store.queue()[:51],
        "a later page": store.queue().filter(id__gt=5)[:51],
        "a page before": store.queue().filter(id__lt=25).order_by("-id")[:51],
        "one force": store.queue("kent")[:51],
        "one force, a later page": store.queue("kent").filter(id__gt=5)[:51],
        "force not known": store.queue("")[:51],
        "capped count": store.queue("kent").order_by()[:10001].values("pk"),
    }
    for name, rows in queries.items():
        plan = _explain(alias, rows.using(alias))
        if connection.vendor == "sqlite":
            assert "register_waiting" in plan, (name, plan)
            assert not re.search(r"SCAN register_record(?! USING (COVERING )?INDEX)", plan), plan
        else:
            assert "Seq Scan on register_record" not in plan, (name, plan)
            assert "Sort" not in plan and "register_waiting" in plan, (name, plan)


def test_the_module_examples_hold() -> None:
    import doctest

    from misconduct.app.register import reviewers

    assert doctest.testmod(reviewers).failed == 0
