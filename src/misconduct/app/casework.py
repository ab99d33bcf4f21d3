"""The working case file for the web pages and the API alike: opening a case with the user's role
checked in the case's force, evidence in and out, the case log, and the cases and tasks a user holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse

from misconduct.app import models as m
from misconduct.app.evidence import DjangoFileStore, limit
from misconduct.app.readmodels import holder
from misconduct.app.repository import due_item
from misconduct.app.roles import Action, require
from misconduct.app.web import store
from misconduct.app.web.steps import BY_ID
from misconduct.domain.case import Case
from misconduct.domain.ledger import RecordedEvent
from misconduct.domain.terms import AssignmentRole, Nature, PartyRole
from misconduct.errors import InvalidInput
from misconduct.services import evidence as ev
from misconduct.services import intake, retention
from misconduct.services.cases import Due, dues
from misconduct.services.ports import CaseSummary


def open_case(user: Any, data: Mapping[str, Any]) -> Case:
    """Open the case ``data`` describes, if the user may open cases in its force."""
    if not isinstance(data, Mapping):
        raise InvalidInput("case", "a table of the case's details", type(data).__name__)
    code = data.get("force")
    require(
        store.grants(user),
        Action.OPEN_CASE,
        None,
        username=user.get_username(),
        force=str(code) if code else None,
    )
    return intake.open_case(store.service(user.get_username()), data)


def attach(
    user: Any,
    ref: str,
    filename: str,
    content: bytes,
    title: str = "",
    step: str = "",
    version: int | None = None,
    on: date | None = None,
) -> Case:
    if step and step not in BY_ID:
        raise InvalidInput("step", "one of " + ", ".join(BY_ID), step)
    return ev.attach(
        store.service(user.get_username()),
        DjangoFileStore(),
        ref,
        ev.Upload(filename, content, title, step),
        on=on,
        limit=limit(),
        version=version,
    )


def file_response(case: Case, digest: str) -> HttpResponse:
    held, content = ev.read_evidence(case, digest, DjangoFileStore())
    response = HttpResponse(content, content_type=held.media_type)
    safe = held.filename.replace('"', "")
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    response["X-Content-SHA256"] = held.sha256
    return response


def notes(case: Case, records: list[RecordedEvent]) -> list[dict[str, Any]]:
    """The case log: each note with who wrote it and when it was recorded."""
    by_sequence = {r.sequence: r for r in records}
    return [
        {
            "sequence": n.sequence,
            "on": n.on,
            "text": n.text,
            "author": by_sequence[n.sequence].actor,
            "recorded_at": by_sequence[n.sequence].recorded_at,
        }
        for n in case.notes
        if n.sequence in by_sequence
    ]


# -- who holds what ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    """A time limit seen as work: whose it is, and whether it is due soon or overdue."""

    due: Due
    assignee: str
    role: AssignmentRole | None

    @property
    def overdue(self) -> bool:
        return self.due.overdue


def tasks(
    cases: Mapping[str, Case], on: date, policy: retention.Policy | None = None
) -> list[Task]:
    """Every open time limit of the cases (due or overdue), with the person who holds it, the
    take-down of each published outcome, and the erasure of each closed case's personal data from
    the notice period before its retention period ends (``policy``: default the settings')."""
    out = []
    for case in cases.values():
        for d in dues(CaseSummary.of(case), on):
            if d.item.nature is Nature.NOT_BEFORE:
                continue
            who, role = holder(case, d.item.party)
            out.append(Task(d, who, role))
        schedule = policy or _publication_policy()
        # issue 13: the PSD's notice of a take-down (open or closed case) and of an erasure
        for item in (
            retention.take_down_item(case, schedule),
            retention.erasure_item(case, schedule),
        ):
            if item is not None and item.trigger <= on:
                who, role = holder(case, item.party)
                out.append(Task(Due(case.ref, item, item.last_day < on), who, role))
    return sorted(out, key=lambda t: (t.due.item.last_day, t.due.ref))


TASKS_SHOWN = 25
"""How many tasks of each list "My work" shows (with the count of all of them)."""


@dataclass(frozen=True)
class TaskList:
    """The first :data:`TASKS_SHOWN` tasks of a list, soonest first, and how many there are."""

    tasks: list[Task]
    count: int

    @property
    def total(self) -> str:
        """The count as a page says it ("more than 10,000" past the cap)."""
        return _total(self.count)


def _total(count: int) -> str:
    return f"{count:,}" if count <= store.COUNT_CAP else f"more than {store.COUNT_CAP:,}"


@dataclass(frozen=True)
class AwaitedTask:
    """A step awaited with no time in the regulations (``AwaitedEntry``) seen as work: the case,
    what it is and what awaits it, the day it has been awaited since (never a last day), and who
    holds it."""

    ref: str
    step: str
    title: str
    detail: str
    citation: str
    since: date
    assignee: str
    role: AssignmentRole | None


@dataclass(frozen=True)
class AwaitedList:
    """The first :data:`TASKS_SHOWN` awaited steps, longest awaited first, and how many there are."""

    tasks: list[AwaitedTask]
    count: int

    @property
    def total(self) -> str:
        """The count as a page says it ("more than 10,000" past the cap)."""
        return _total(self.count)


def awaited_of(d: m.AwaitedEntry) -> AwaitedTask:
    """The read model's awaited step ``d`` as work."""
    return AwaitedTask(
        d.ref,
        d.step,
        d.title,
        d.detail,
        d.citation,
        d.since,
        d.holder,
        AssignmentRole(d.holder_role) if d.holder_role else None,
    )


def _awaited_row(r: tuple[Any, ...]) -> AwaitedTask:
    """A row of :func:`store.awaited_page` as work."""
    _, ref, step, title, detail, citation, since, holder_, role = r
    return AwaitedTask(
        ref,
        step,
        title,
        detail,
        citation,
        store.to_date(since),
        holder_,
        AssignmentRole(role) if role else None,
    )


def task_lists(
    rows: QuerySet[m.DueEntry],
    on: date,
    key: Any,
    *,
    due: bool = True,
    newest: tuple[int, str] | None = None,
) -> tuple[TaskList, TaskList | None]:
    """The overdue and (unless ``due`` is false) the due tasks among the read model's time limits
    ``rows``, as :func:`tasks` would list them on ``on`` (a lapsed window is history, a not-before
    limit no task, a take-down a task from its publication): indexed queries that read one page
    each, with counts from SQL (up to ``store.COUNT_CAP``) kept per ``key`` until the next event
    (``newest``: the ``store.generation`` the caller has read, if it has)."""
    rows = _open_tasks(rows, on)
    lists = {
        "tasks-overdue": _overdue(rows, on),
        "tasks-due": rows.filter(last_day__gte=on) if due else None,
    }
    found = {
        name: None
        if q is None
        else TaskList(
            [task_of(d, on) for d in q.order_by("last_day", "ref", "id")[:TASKS_SHOWN]],
            store.counted((name, key, on), lambda q=q: store.capped_count(q), newest=newest),
        )
        for name, q in lists.items()
    }
    overdue = found["tasks-overdue"]
    assert overdue is not None
    return overdue, found["tasks-due"]


@dataclass(frozen=True, slots=True)
class AssignedCase:
    """A case assigned to the user, as "My work" lists it."""

    case_id: int
    ref: str
    stage: str


@dataclass(frozen=True)
class WorkLists:
    """ "My work"'s three lists of time limits, the newest event they were read with and, if
    asked for, the first page of the user's assigned cases with the roles they hold on each."""

    overdue: TaskList
    due: TaskList
    team_overdue: TaskList
    newest: tuple[int, str] = (0, "")
    cases: list[tuple[AssignedCase, list[AssignmentRole]]] | None = None
    awaited: AwaitedList = AwaitedList([], 0)
    """The steps the user holds that the regulations set no time for, awaited (not due)."""


NOT_HELD_BY = "COALESCE(d.holder, '') <> %s"
"""A time limit not held by the user (``%s``), for "My work"'s list of the team's: said through
COALESCE (a no-op, the column is never NULL) so that PostgreSQL estimates it at its default rather
than from the column's statistics. Where one value fills the column (nobody holds a limit yet, as in
a new deployment or the seeded data) those say no row qualifies; the plan a prepared statement keeps
would then sort every overdue limit, so the server planned the statement again at every request
instead (1.4 ms a run at 100,000 cases, against 0.3 ms with the kept plan; docs/performance.md)."""


def work_lists(
    user: Any,
    on: date,
    key: Any,
    using: str = "default",
    *,
    cases: int = 0,
) -> WorkLists:
    """The time limits the user holds (on cases assigned to them), overdue and due, and the team's
    overdue ones (held by others, in the forces the user may see), as :func:`task_lists` gives them
    for those rows, and (``cases``: how many) the first of the cases assigned to the user, as
    :func:`assigned_cases` and :func:`roles_on` give them: every page and the newest event read in
    one fixed-SQL statement (``store.read_together``; each time-limit list one index seek per
    nature), each count from SQL kept per ``key`` until the next event; and what the user holds
    awaited with no time limit (:func:`_awaited`: read apart, only when its kept count says there
    is something). A time limit's holder is
    one of its case's assignees, so the user's assigned cases (an indexed lookup) bound the search
    for their own: SQLite's statistics can make the holder look unselective (most limits held by
    nobody)."""
    username = user.get_username()
    obligation, window = Nature.OBLIGATION.value, Nature.WINDOW.value
    today = store.day(on, using)
    # a take-down is a task from its publication (its trigger) on
    open_ = ("NOT (d.step = %s AND d.trigger > %s)", [retention.TAKE_DOWN_STEP, today])
    assignees = m.CaseAssignee._meta.db_table
    assigned = (f"d.case_id IN (SELECT case_id FROM {assignees} WHERE username = %s)", [username])
    mine = [("d.holder = %s", [username]), assigned, open_]
    team = [(NOT_HELD_BY, [username]), open_]
    late = ("d.last_day < %s", [today])
    first_cases = store.assigned_branch(user, cases, using) if cases else None
    roles = None
    if first_cases is not None:
        roles = store.Branch(
            f"SELECT {store.layout(id='a.case_id', step='a.role')} FROM {assignees} a"
            f" WHERE a.username = %s AND a.case_id IN (SELECT c.id FROM ({first_cases.sql}) c)",
            [username, *first_cases.params],
        )
    newest, (overdue, due, team_overdue, listed, held) = store.read_together(
        [
            store.due_branch(user, [obligation], [*mine, late], TASKS_SHOWN, using),
            store.due_branch(
                user,
                [obligation, window],
                [*mine, ("d.last_day >= %s", [today])],
                TASKS_SHOWN,
                using,
            ),
            store.due_branch(user, [obligation], [*team, late], TASKS_SHOWN, using),
            first_cases,
            roles,
        ],
        using,
    )

    def counted(name: str, who: str, rows: Any) -> int:
        return store.counted(
            (name, (who, key), on), lambda: store.capped_count(rows()), newest=newest
        )

    def visible() -> Any:  # the counts' queries, built only when a count is not kept
        return m.DueEntry.objects.using(using).filter(store.visible_where(user, force="force"))

    def own() -> Any:
        rows = visible().filter(
            holder=username,
            case_id__in=m.CaseAssignee.objects.using(using)
            .filter(username=username)
            .values("case_id"),
        )
        return _open_tasks(rows, on)

    def page(rows: list[tuple[Any, ...]]) -> list[Task]:
        return [_task(r, on) for r in rows]

    held_by: dict[int, list[AssignmentRole]] = {}
    for r in held:
        held_by.setdefault(r[0], []).append(AssignmentRole(r[2]))
    return WorkLists(
        TaskList(page(overdue), counted("tasks-overdue", "mine", lambda: _overdue(own(), on))),
        TaskList(page(due), counted("tasks-due", "mine", lambda: own().filter(last_day__gte=on))),
        TaskList(
            page(team_overdue),
            counted(
                "tasks-overdue",
                "team",
                lambda: _overdue(_open_tasks(visible().exclude(holder=username), on), on),
            ),
        ),
        newest,
        [(AssignedCase(r[0], r[1], r[5]), held_by.get(r[0], [])) for r in listed]
        if cases
        else None,
        _awaited(user, on, key, newest, using),
    )


def _awaited(
    user: Any, on: date, key: Any, newest: tuple[int, str], using: str = "default"
) -> AwaitedList:
    """The steps awaited with no time limit that the user holds: their count kept per ``key``
    until the next event (as "My work"'s other counts), and the page read (one index seek) only
    when there is one. Not a branch of :func:`work_lists`'s statement: it would take that
    statement past the 4,096 characters psycopg keeps parsed for a chair (``store.layout``), for a
    list that is empty for nearly everyone."""
    count = store.counted(
        ("awaited", (user.get_username(), key), on),
        lambda: store.capped_count(awaited_rows(user, using)),
        newest=newest,
    )
    if not count:
        return AwaitedList([], 0)
    rows = store.awaited_page(user, user.get_username(), TASKS_SHOWN, using)
    return AwaitedList([_awaited_row(r) for r in rows], count)


def awaited_rows(user: Any, using: str = "default") -> QuerySet[m.AwaitedEntry]:
    """The awaited steps the user holds (as assignee of their case), in the cases they may see."""
    return (
        m.AwaitedEntry.objects.using(using)
        .filter(store.visible_where(user, force="force"))
        .filter(holder=user.get_username())
    )


def _open_tasks(rows: QuerySet[m.DueEntry], on: date) -> QuerySet[m.DueEntry]:
    return rows.filter(nature__in=[Nature.OBLIGATION.value, Nature.WINDOW.value]).exclude(
        step=retention.TAKE_DOWN_STEP, trigger__gt=on
    )


def _overdue(rows: QuerySet[m.DueEntry], on: date) -> QuerySet[m.DueEntry]:
    return rows.filter(nature=Nature.OBLIGATION.value, last_day__lt=on)


_tasks: dict[tuple[tuple[Any, ...], date], Task] = {}
TASKS_KEPT = 5_000
"""How many tasks read by :func:`work_lists` each process keeps (then it starts again)."""


def _task(row: tuple[Any, ...], on: date) -> Task:
    """:func:`task_of` the row ``row`` (``store.DueRow``'s columns) on ``on``, kept per process by
    the row's columns and the date, all that the task depends on (a ``Task`` is immutable): "My
    work" shows the same rows from request to request (issue 10)."""
    found = _tasks.get((row, on))
    if found is None:
        found = task_of(store.DueRow(*row), on)  # type: ignore[arg-type]
        if len(_tasks) >= TASKS_KEPT:
            _tasks.clear()
        _tasks[(row, on)] = found
    return found


def task_of(d: m.DueEntry, on: date) -> Task:
    """The read model's time limit ``d`` as a task on ``on``."""
    item = due_item(d)
    late = item.nature is Nature.OBLIGATION and item.last_day < on
    return Task(
        Due(d.ref, item, late), d.holder, AssignmentRole(d.holder_role) if d.holder_role else None
    )


def assigned_cases(user: Any) -> QuerySet[m.CaseListing]:
    """The cases the user may see that are assigned to them, by reference (an indexed query)."""
    mine = m.CaseAssignee.objects.filter(username=user.get_username()).values("case_id")
    return store.visible_rows(user).filter(case_id__in=mine).order_by("ref")


def roles_on(
    username: str, rows: list[m.CaseListing]
) -> list[tuple[m.CaseListing, list[AssignmentRole]]]:
    """Each case of ``rows`` with the roles it is assigned to ``username`` in (one query)."""
    roles: dict[int, list[AssignmentRole]] = {}
    for case_id, role in (
        m.CaseAssignee.objects.filter(username=username, case_id__in=[r.case_id for r in rows])
        .order_by("role")
        .values_list("case_id", "role")
    ):
        roles.setdefault(case_id, []).append(AssignmentRole(role))
    return [(r, roles.get(r.case_id, [])) for r in rows]


def _publication_policy() -> retention.Policy:
    from django.conf import settings

    return retention.Policy(
        publication_days=settings.PUBLICATION_DAYS,
        warning_days=settings.PUBLICATION_WARNING_DAYS,
        closed_case_years=settings.RETENTION_CLOSED_CASE_YEARS,
    )


def assigned_to(case: Case, username: str) -> list[AssignmentRole]:
    return [role for role, who in case.assignments.items() if who == username]


def restricted_names(case: Case) -> set[str]:
    """Names of the parties flagged as restricted: no public surface may show them."""
    return {p.name for p in case.parties if p.restricted and p.role is not PartyRole.CHAIR}
