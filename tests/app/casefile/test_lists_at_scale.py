"""Issue 10: "My work" reads the read models (who holds each time limit, who each case is assigned
to) and lists exactly what the tasks of every case, folded, would give; the long lists page by
position (keyset) and visit every row once in either direction; a new case's reference follows the
force and year's counter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client

from misconduct.app import casework
from misconduct.app import models as m
from misconduct.app.repository import DjangoRepository, DjangoUnitOfWork
from misconduct.app.roles import Role
from misconduct.app.web import register, store
from misconduct.app.web.models import Membership
from misconduct.app.web.views import casefile
from misconduct.app.web.views import public as public_views
from misconduct.errors import InvalidInput
from misconduct.services import intake
from misconduct.services.cases import CaseService
from misconduct.services.seed import FORCES, seeded_cases
from tests.app.casefile.test_open_case import bearer, overtime
from tests.app.web.fixtures import make_user
from tests.services.fakes import SteppingClock

SEEDED_ON = date(2026, 11, 25)


def _key(t: casework.Task) -> tuple[Any, ...]:
    return (t.due.ref, t.due.item.step, t.due.item.last_day, t.overdue, t.assignee, t.role)


@pytest.mark.parametrize("on", [date(2025, 6, 15), date(2025, 6, 21), date(2026, 11, 25)])
def test_my_work_lists_what_the_tasks_of_every_case_give(
    demo: list[str], on: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(casework, "TASKS_SHOWN", 10_000)
    forces = {c.force for c in store.states().values()}
    every = casework.tasks(store.states(), on)
    holders = {t.assignee for t in every if t.assignee}
    assert holders, "the demo cases assign their time limits to somebody"
    for name in sorted(holders):
        user = make_user(name, [(Role.CASE_OFFICER, f) for f in sorted(forces)])
        rows = m.DueEntry.objects.filter(store.visible_where(user, force="force"))
        overdue, due = casework.task_lists(rows.filter(holder=name), on, ("t", name))
        team, _ = casework.task_lists(rows.exclude(holder=name), on, ("u", name))
        mine = [t for t in every if t.assignee == name]
        assert sorted(map(_key, overdue.tasks)) == sorted(_key(t) for t in mine if t.overdue)
        assert sorted(map(_key, due.tasks)) == sorted(_key(t) for t in mine if not t.overdue)
        others = [t for t in every if t.assignee != name and t.overdue]
        assert sorted(map(_key, team.tasks)) == sorted(map(_key, others))
        assert (overdue.count, due.count, team.count) == (
            len(overdue.tasks),
            len(due.tasks),
            len(team.tasks),
        )
        assigned = {ref for ref, c in store.states().items() if casework.assigned_to(c, name)}
        assert {r.ref for r in casework.assigned_cases(user)} == assigned
        # "My work" reads the same lists in fixed SQL, in the same order, with the same counts
        own = rows.filter(
            holder=name,
            case_id__in=m.CaseAssignee.objects.filter(username=name).values("case_id"),
        )
        lists = casework.work_lists(user, on, ("w", name))
        assert (lists.overdue, lists.due) == casework.task_lists(own, on, ("o", name))
        assert lists.team_overdue == team


def test_my_work_pages_the_cases_and_counts_what_it_does_not_show(
    demo: list[str],
    users: dict[str, Any],
    login: Callable[[str], Client],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    svc = store.service("officer")
    refs = [intake.open_case(svc, overtime()).ref for _ in range(3)]
    for ref in refs:
        version = store.state(ref).version
        reply = login("officer").post(
            f"/staff/cases/{ref}/steps/assign/",
            {"on": "25/11/2026", "role": "investigator", "username": "officer", "version": version},
        )
        assert reply.status_code == 302, reply.content
    monkeypatch.setattr(casefile, "MY_CASES_PAGE", 2)
    first = login("officer").get("/staff/my-work/").content.decode()
    assert refs[0] in first and refs[1] in first and refs[2] not in first
    assert "Investigator" in first and "Page 1 of 2" in first
    second = login("officer").get("/staff/my-work/?page=2").content.decode()
    assert refs[2] in second and refs[0] not in second
    assert refs[0] not in login("kent_officer").get("/staff/my-work/").content.decode()
    monkeypatch.setattr(casework, "TASKS_SHOWN", 1)
    for code in {c.force for c in store.states(demo).values()} - {"metropolitan"}:
        Membership.objects.create(user=users["officer"], role=Role.CASE_OFFICER.value, force=code)
    users["officer"]._misconduct_grants = None
    visible = m.DueEntry.objects.filter(store.visible_where(users["officer"], force="force"))
    lists = casework.task_lists(visible.filter(holder="officer"), date(2026, 11, 25), "capped")
    longest = max(lists, key=lambda t: t.count)
    assert len(longest.tasks) == 1 and longest.count > 1
    page = login("officer").get("/staff/my-work/").content.decode()
    assert f"The first 1 of {longest.count}, soonest first." in page


@pytest.fixture
def seeded(users: dict[str, Any]) -> Any:
    svc = CaseService(DjangoUnitOfWork, clock=SteppingClock(), actor="seed")
    svc.open_many(
        [(s.opening, s.steps) for s in seeded_cases(60, 3, SEEDED_ON)], until_refused=True
    )
    return make_user("everywhere", [(Role.CASE_OFFICER, f) for f, _ in FORCES])


def _walk(rows: Any, order: tuple[str, ...], size: int) -> tuple[list[str], list[str]]:
    """Every ref of ``rows`` by following ``next`` from the first page, then ``previous`` back."""
    forward, pages = [], []
    page = store.keyset(rows, order, size)
    while True:
        pages.append(page)
        forward += [r.ref for r in page.rows]
        if page.next is None:
            break
        page = store.keyset(rows, order, size, after=page.next)
    backward = [r.ref for r in pages[-1].rows]
    while page.previous is not None:
        page = store.keyset(rows, order, size, before=page.previous)
        backward = [r.ref for r in page.rows] + backward
    return forward, backward


def test_the_case_list_pages_by_position_over_every_case_once(seeded: Any) -> None:
    rows = store.search(seeded, store.Search())
    every = [r.ref for r in rows]
    assert len(every) == 60
    forward, backward = _walk(rows, store.CASE_ORDER, 7)
    assert forward == every and backward == every
    narrowed = store.search(seeded, store.Search(force="metropolitan"))
    assert _walk(narrowed, store.CASE_ORDER, 4)[0] == [r.ref for r in narrowed]
    with pytest.raises(InvalidInput) as bad:
        store.keyset(rows, store.CASE_ORDER, 7, after="not-a-position")
    assert bad.value.field == "after"


def _pages(user: Any, search: store.Search, size: int) -> tuple[list[Any], list[Any]]:
    """Every row of :func:`store.case_page` by following ``next``, then ``previous`` back."""
    forward, pages = [], []
    page = store.case_page(user, search, size)
    while True:
        pages.append(page)
        forward += page.rows
        if page.next is None:
            break
        page = store.case_page(user, search, size, after=page.next)
    backward = list(pages[-1].rows)
    while page.previous is not None:
        page = store.case_page(user, search, size, before=page.previous)
        backward = page.rows + backward
    return forward, backward


def test_the_case_list_read_in_fixed_sql_is_the_search_page_by_page(seeded: Any) -> None:
    states = store.states()
    some = next(c for c in states.values() if c.officers and c.allegations)
    officer = next(iter(some.officers.values()))
    standard = next(iter(next(iter(some.allegations.values())).standards))
    chair = make_user("chair.list", [(Role.CHAIR, "metropolitan"), (Role.CASE_OFFICER, "kent")])
    searches = [
        store.Search(),
        store.Search(force="metropolitan"),
        store.Search(stage=some.stage.value),
        store.Search(text=some.ref.lower()),
        store.Search(text="  " + officer.name.split()[-1].upper() + " "),
        store.Search(officer=officer.warrant_number),
        store.Search(standard=standard),
        store.Search(standard="not a standard"),
        store.Search(text="100%_"),
    ]
    nobody = make_user("nobody.list", [])
    for user in (seeded, chair, nobody):
        for search in searches:
            expected = list(store.search(user, search))
            if user is seeded and search not in searches[-2:]:
                assert expected, search  # each filter finds something to compare
            forward, backward = _pages(user, search, 4)
            assert [r.ref for r in forward] == [r.ref for r in expected], search
            assert [r.ref for r in backward] == [r.ref for r in expected], search
            assert [
                (r.force, r.force_name, r.stage, r.came_to_attention, r.officers, r.closed_on)
                for r in forward
            ] == [
                (e.force_id, e.force.name, e.stage, e.came_to_attention, e.officers, e.closed_on)
                for e in expected
            ]
    every = list(store.search(seeded, store.Search()))
    assert [r.ref for r in store.case_page(seeded, store.Search(), 7, offset=14).rows] == [
        r.ref for r in every[14:21]
    ]
    with pytest.raises(InvalidInput) as bad:
        store.case_page(seeded, store.Search(), 7, before="not-a-position")
    assert bad.value.field == "before"


def test_the_register_pages_by_position_in_register_order(seeded: Any) -> None:
    rows = register.filtered(SEEDED_ON, register.Filters())
    every = [r.ref + r.kind for r in rows]
    assert len(every) > 10
    forward, backward = _walk(rows, register.ORDER, 3)
    assert len(forward) == len(every) and forward == backward
    assert forward == [r.ref for r in rows]


def test_pages_and_the_apis_follow_their_next_links(
    seeded: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = Client()
    client.force_login(seeded)
    first = client.get("/staff/cases/").content.decode()
    assert "60 cases." in first and "after=" in first
    cursor = first.split("after=", 1)[1].split('"', 1)[0]
    second = client.get(f"/staff/cases/?after={cursor}").content.decode()
    assert "before=" in second and "First page" in second
    assert client.get("/staff/cases/?after=%25%25").status_code == 200  # the first page

    api = bearer(seeded)
    answer = api.get("/api/cases/").json()
    seen = [r["ref"] for r in answer["results"]]
    while answer["next"]:
        answer = api.get(f"/api/cases/?after={answer['next']}").json()
        assert answer["page"] is None
        seen += [r["ref"] for r in answer["results"]]
    assert seen == [r.ref for r in store.search(seeded, store.Search())]
    bad = api.get("/api/cases/?after=nonsense")
    assert bad.status_code == 422 and bad.json()["field"] == "after"

    monkeypatch.setattr(store, "today", lambda: SEEDED_ON)
    public = Client().get("/api/public/outcomes?limit=4")
    total = int(public["X-Total-Count"])
    records = [r["ref"] for r in public.json()]
    while "X-Next-After" in public:
        assert 'rel="next"' in public["Link"]
        public = Client().get(f"/api/public/outcomes?limit=4&after={public['X-Next-After']}")
        records += [r["ref"] for r in public.json()]
    offset = Client().get(f"/api/public/outcomes?limit={total}").json()
    assert records == [r["ref"] for r in offset] and len(records) == total
    monkeypatch.setattr(public_views, "PAGE_SIZE", 4)
    page = Client().get("/").content.decode()
    assert "Older →" in page and f"{total} records." in page
    older = page.split("after=", 1)[1].split('"', 1)[0]
    assert "← Newer" in Client().get(f"/?after={older}").content.decode()


def test_a_new_reference_follows_the_counter_not_every_reference(
    users: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    svc = store.service("officer")
    assert intake.open_case(svc, overtime()).ref == "MPS-2026-0001"
    given = {**overtime(), "ref": "MPS-2026-0100"}
    assert intake.open_case(svc, given).ref == "MPS-2026-0100"
    assert intake.open_case(svc, overtime()).ref == "MPS-2026-0101"
    assert m.ReferenceCounter.objects.get(key="MPS-2026").last == 101
    repo = DjangoRepository()
    with django_assert_max_num_queries(1):
        assert repo.latest_reference("metropolitan", 2026) == ["MPS-2026-0101"]
    with django_assert_max_num_queries(1):
        assert repo.latest_reference("kent", 2026) == []
