"""On PostgreSQL every list query has an index to use: with sequential scans priced out
(``enable_seqscan = off``), no plan scans the cases, events or read-model tables in full.

A sequential scan still appears in a plan when no index can serve the query, so this catches a list
query that would read every case at national scale (and a missing index)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from misconduct.app import casework
from misconduct.app import models as m
from misconduct.app.register.annual_return import decisions_of_year
from misconduct.app.roles import Role
from misconduct.app.web import casepage, register, store
from misconduct.app.web.register import Filters
from misconduct.services.cases import CaseService
from misconduct.services.seed import seeded_cases
from tests.app.web.fixtures import make_user
from tests.services.fakes import SteppingClock

TABLES = (
    "misconduct_case",
    "misconduct_event",
    "misconduct_caselisting",
    "misconduct_dueentry",
    "misconduct_awaitedentry",
    "misconduct_publicentry",
    "misconduct_publictag",
    "misconduct_casechair",
    "misconduct_caseassignee",
    "misconduct_referencecounter",
    "misconduct_decisionentry",
    "misconduct_casepage",
)
ON = date(2026, 11, 25)


def _scans(plan: str) -> list[str]:
    return [
        line.strip()
        for line in plan.splitlines()
        if "Seq Scan on" in line and any(f" {t}" in line for t in TABLES)
    ]


@pytest.mark.django_db(databases="__all__")
def test_each_list_query_uses_an_index_on_postgresql(alias: str) -> None:
    if alias != "postgres":
        pytest.skip("plans are checked on PostgreSQL")
    from misconduct.app.repository import DjangoUnitOfWork

    svc = CaseService(lambda: DjangoUnitOfWork(alias), clock=SteppingClock(), actor="seed")
    items = [(s.opening, s.steps) for s in seeded_cases(300, 7, ON)]
    svc.open_many(items, until_refused=True)
    assert m.PublicEntry.objects.using(alias).exists()
    staff = make_user("plans", [(Role.CASE_OFFICER, "metropolitan"), (Role.CASE_OFFICER, "kent")])
    chair = make_user("chair.plans", [(Role.CHAIR, "kent")], full_name="Legally qualified chair")
    with connections[alias].cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("SET enable_seqscan = off")
    # My work's team list in the plan kept for every user: nobody holds a time limit here (one
    # value fills the column), and the estimate of "not held by the user" must not fall to nothing
    # there (it did, and the server planned My work again at every request: casework.NOT_HELD_BY)
    assert not m.DueEntry.objects.using(alias).exclude(holder="").exists()
    every = m.DueEntry.objects.using(alias).count()
    table = m.DueEntry._meta.db_table
    plan = _generic_plan(alias, f"SELECT 1 FROM {table} d WHERE {casework.NOT_HELD_BY}", ["plans"])
    estimated = re.search(r"rows=(\d+)", plan)
    assert estimated is not None and int(estimated.group(1)) >= every // 2, (every, plan)
    visible_dues = m.DueEntry.objects.filter(store.visible_where(staff, force="force"))
    obligation = {"nature": "obligation", "last_day__lt": ON}
    queries: dict[str, Any] = {
        "my work: overdue": visible_dues.filter(holder="plans", **obligation).order_by(
            "last_day", "ref", "id"
        )[:25],
        "my work: due": visible_dues.filter(
            holder="plans",
            case_id__in=m.CaseAssignee.objects.filter(username="plans").values("case_id"),
            nature__in=["obligation", "window"],
            last_day__gte=ON,
        ).order_by("last_day", "ref", "id")[:25],
        "my work: the team's overdue": visible_dues.exclude(holder="plans")
        .filter(**obligation)
        .order_by("last_day", "ref", "id")[:25],
        "my work: assigned cases": casework.assigned_cases(staff)[:50],
        "case list, a later page": store.search(staff, store.Search())
        .filter(came_to_attention__lt=ON)
        .order_by(*store.CASE_ORDER)[:21],
        "case list, a later page, same day": store.search(staff, store.Search())
        .filter(came_to_attention=ON, ref__gt="S7-MET-0000001")
        .order_by(*store.CASE_ORDER)[:21],
        "register, a later page": register.visible(ON).filter(rank=1, sort_on__lt=ON)[:51],
        "register, a later page, same day": register.visible(ON).filter(
            rank=1, sort_on=ON, ref__gt="S7-MET-0000001"
        )[:51],
        "capped count": store.search(staff, store.Search()).order_by()[:10001].values("pk"),
        "annual return": decisions_of_year("metropolitan", 2026, alias),
        "reference counter": m.ReferenceCounter.objects.filter(key="MPS-2026").values("last"),
        "case list": store.search(staff, store.Search())[:20],
        "case list by stage": store.search(staff, store.Search(stage="referred"))[:20],
        "case list of a chair": store.search(chair, store.Search())[:20],
        "stage counts": store.visible_rows(staff).order_by().values("stage"),
        "overdue": m.DueEntry.objects.filter(store.visible_where(staff, force="force"))
        .filter(nature="obligation", last_day__lt=ON)
        .order_by("last_day", "ref", "id")[:25],
        "open cases": store.visible_rows(staff).filter(closed=False).order_by("ref")[:25],
        "own cases: acted on": m.Event.objects.filter(actor="plans")
        .values_list("case_id", flat=True)
        .distinct()
        .order_by()[:5001],
        "own cases: assigned": m.CaseAssignee.objects.filter(username="plans")
        .values_list("case_id", flat=True)
        .order_by()[:5001],
        "own cases, open": store.visible_rows(staff)
        .filter(closed=False, case_id__in=[1, 2, 3])
        .order_by("ref")[:25],
        "my cases": store.visible_rows(staff)
        .filter(case_id__in=m.Event.objects.filter(actor="plans").values("case_id"))
        .order_by("ref")[:25],
        "register": register.visible(ON)[:50],
        "register of a force": register.filtered(ON, Filters(force="metropolitan"))[:50],
        "register by outcome": register.filtered(ON, Filters(outcome="dismissal_without_notice"))[
            :50
        ],
        "register by year": register.filtered(ON, Filters(year=2025))[:50],
        "feed": register.filtered(ON, Filters(kind="outcome"))[:50],
        "one record": register.visible(ON).filter(ref="S7-MET-0000001")[:1],
        "newest event": m.Event.objects.order_by("-id").values("id")[:1],
        "newest public change": m.PublicEntry.objects.order_by("-changed_at").values("changed_at")[
            :1
        ],
    }
    problems = {}
    for name, qs in queries.items():
        plan = qs.using(alias).explain()
        if _scans(plan):
            problems[name] = plan
    # The lists read in fixed SQL: each statement they send, as sent.
    some = register.visible(ON).using(alias).filter(kind="outcome").values_list("ref", flat=True)
    cursor = store.case_page(staff, store.Search(), 20, using=alias).next
    assert cursor is not None
    case_ref = m.CasePage.objects.using(alias).values_list("ref", flat=True).first()
    reads: dict[str, Callable[[], object]] = {
        "newest event (fixed SQL)": lambda: store.generation(alias),
        "case list (fixed SQL)": lambda: store.case_page(staff, store.Search(), 20, using=alias),
        "case list, a later page (fixed SQL)": lambda: store.case_page(
            staff, store.Search(), 20, after=cursor, using=alias
        ),
        "case list of a chair (fixed SQL)": lambda: store.case_page(
            chair, store.Search(stage="referred"), 20, using=alias
        ),
        "dashboard: due soon": lambda: store.due_rows(
            staff,
            ["obligation", "window"],
            [("d.step <> %s", ["x"]), ("d.last_day >= %s", [ON]), ("d.last_day <= %s", [ON])],
            25,
            alias,
        ),
        "dashboard: overdue": lambda: store.due_rows(
            staff, ["obligation"], [("d.last_day < %s", [ON])], 25, alias
        ),
        "dashboard: open cases": lambda: store.open_cases(staff, [1, 2, 3], False, 25, alias),
        "dashboard: my open cases": lambda: store.open_cases(staff, [1, 2, 3], True, 25, alias),
        "my work": lambda: casework.work_lists(staff, ON, "plans", using=alias),
        "my work with its first cases (one statement)": lambda: casework.work_lists(
            staff, ON, "plans", using=alias, cases=50
        ),
        "dashboard (one statement)": lambda: store.read_together(
            [
                store.due_branch(
                    staff,
                    ["obligation", "window"],
                    [
                        ("d.step <> %s", ["x"]),
                        ("d.last_day >= %s", [ON]),
                        ("d.last_day <= %s", [ON]),
                    ],
                    25,
                    alias,
                ),
                store.due_branch(staff, ["obligation"], [("d.last_day < %s", [ON])], 25, alias),
                store.open_branch(staff, [1, 2, 3], True, 25, alias),
                store.open_branch(staff, [1, 2, 3], False, 25, alias),
            ],
            alias,
        ),
        "a public record's page": lambda: register.record_page(some[0], ON, using=alias),
        "the staff case page's row with its events": lambda: casepage.read(case_ref, alias),
        "the session with its user and roles": lambda: _session(alias, staff),
        "the session with the staff case page's row": lambda: _session(alias, staff, case_ref),
    }
    prepared = 0
    for name, read in reads.items():
        kept: list[tuple[str, Any]] = []
        with (
            CaptureQueriesContext(connections[alias]) as sent,
            connections[alias].execute_wrapper(partial(_prepared, kept)),
        ):
            read()
        assert sent.captured_queries, name
        for i, q in enumerate(sent.captured_queries):
            with connections[alias].cursor() as c:
                c.execute("EXPLAIN " + q["sql"])
                plan = "\n".join(r[0] for r in c.fetchall())
            if _scans(plan):
                problems[f"{name} ({i + 1})"] = plan
        # a statement prepared on the connection may run on PostgreSQL's generic plan (for any
        # values) once it has run five times: that plan is checked too
        for i, (sql, params) in enumerate(kept):
            plan = _generic_plan(alias, sql, params)
            assert "$1" in plan, plan  # a plan for any values, not for these
            if _scans(plan):
                problems[f"{name}, generic plan ({i + 1})"] = plan
        prepared += len(kept)
    assert prepared >= 5  # the session (alone, and with the case page's row), the case page's row,
    # the dashboard and My work
    assert not problems, problems


def _prepared(
    kept: list[tuple[str, Any]], execute: Any, sql: str, params: Any, many: bool, context: Any
) -> Any:
    """An execute wrapper keeping the statements sent through a prepared cursor."""
    from misconduct.app.pgbackend.base import PreparedCursor

    if isinstance(context["cursor"].cursor, PreparedCursor):
        kept.append((sql, params))
    return execute(sql, params, many, context)


def _generic_plan(alias: str, sql: str, params: Any) -> str:
    """The plan PostgreSQL makes of ``sql`` for any values of its parameters (``plan_cache_mode =
    force_generic_plan``), explained with ``params``."""
    connection = connections[alias]
    count = iter(range(1, 1000))
    numbered = re.sub(r"%s", lambda _: f"${next(count)}", sql)
    with connection.cursor() as c:
        c.execute("SET plan_cache_mode = force_generic_plan")
        c.execute("PREPARE generic_check AS " + numbered)
        try:
            c.execute(
                "EXPLAIN EXECUTE generic_check(" + ", ".join(["%s"] * len(params)) + ")", params
            )
            return "\n".join(r[0] for r in c.fetchall())
        finally:
            c.execute("DEALLOCATE generic_check")
            c.execute("RESET plan_cache_mode")


def _session(alias: str, user: Any, case_ref: str | None = None) -> object:
    """The one statement reading a session with its user and their roles, as a request sends it
    (with ``case_ref``: joined to the case page's row, as the case page sends it)."""
    from django.utils import timezone

    from misconduct.app.pgbackend import prepared_cursor
    from misconduct.app.web import sessions

    plan = sessions._plan(alias)
    assert plan is not None
    sql, params = plan[1], ["no-such-session", timezone.now()]
    if case_ref is not None:
        sql, params = sessions.joined(sql, casepage.read_sql(alias)), [*params, case_ref]
    with prepared_cursor(connections[alias]) as c:
        c.execute(sql, params)
        return c.fetchall()
