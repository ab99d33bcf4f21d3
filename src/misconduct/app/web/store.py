"""Where the web pages and the API get cases and record steps: the case services over the Django
unit of work. Writes go through :class:`CaseService` only; reads of a case as it stands decode the
state the repository stores with each event (:func:`state`, :func:`states`), the timeline reads the
events (:func:`events`), and searches query the projection tables the repository keeps.
"""

from __future__ import annotations

import base64
import json
import re
import typing
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from threading import Lock
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Q, QuerySet
from django.http import Http404

from misconduct.app import models as m
from misconduct.app.pgbackend import prepared_cursor
from misconduct.app.readmodels import chair_key
from misconduct.app.roles import Action, CaseScope, Grant, Role, allowed, forces_for
from misconduct.app.web.models import Membership
from misconduct.domain.case import Case
from misconduct.domain.ledger import RecordedEvent
from misconduct.domain.lifecycle import Context
from misconduct.domain.terms import AssignmentRole, PartyRole
from misconduct.errors import InvalidInput
from misconduct.services.cases import CaseService, load

T = TypeVar("T")

if TYPE_CHECKING:
    from misconduct.app.repository import DjangoUnitOfWork


def _uow() -> DjangoUnitOfWork:
    from misconduct.app.repository import DjangoUnitOfWork

    return DjangoUnitOfWork()


def _clock() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    """The web edge is where the clock may be read."""
    return date.today()


def service(actor: str) -> CaseService:
    return CaseService(_uow, clock=_clock, actor=actor)


def read(ref: str) -> tuple[Case, list[RecordedEvent]]:
    """The case folded from its events, with the events."""
    with _uow() as uow:
        return load(uow, ref)


def state(ref: str) -> Case:
    """The case as it stands, from its stored state; InvalidInput if there is no such case.

    Reads open no transaction: on SQLite a transaction takes the write lock, and a read of one
    case needs none."""
    from misconduct.app.repository import DjangoRepository

    return DjangoRepository().load_state(ref)


def states(refs: Iterable[str] | None = None) -> dict[str, Case]:
    """The existing cases of ``refs`` (every case if None) as they stand, by reference."""
    from misconduct.app.repository import DjangoRepository

    return DjangoRepository().load_states(refs)


def events(ref: str) -> list[RecordedEvent]:
    """The case's recorded events in order (none if there is no such case)."""
    from misconduct.app.repository import DjangoRepository

    return DjangoRepository().events(ref)


@dataclass(frozen=True)
class EventHead:
    """What the case page's timeline shows of a recorded event: no payload, no personal data."""

    sequence: int
    occurred_on: date
    recorded_at: datetime
    actor: str


def event_heads(ref: str) -> list[EventHead]:
    """The case's recorded events in order, without their payloads (one indexed query)."""
    rows = (
        m.Event.objects.filter(case__ref=ref)
        .order_by("sequence")
        .values_list("sequence", "occurred_on", "recorded_at", "actor")
    )
    return [EventHead(*r) for r in rows]


def context(case: Case) -> Context:
    """Facts from outside the case that the rules need: each officer's warnings from other cases
    (one query for all the officers)."""
    from misconduct.app.repository import warnings_of

    return Context(warnings_of(case.officers, excluding=case.ref))


def all_cases() -> list[Case]:
    return list(states().values())


# -- who may see what ------------------------------------------------------------------------


UserLike = AbstractBaseUser | AnonymousUser


def grants(user: Any) -> list[Grant]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_misconduct_grants", None)
    if cached is None:  # fixed SQL, no join: every staff page reads it
        with connections["default"].cursor() as cursor:
            cursor.execute(
                f"SELECT role, force FROM {Membership._meta.db_table} WHERE user_id = %s"
                " ORDER BY force, role",
                [user.pk],
            )
            cached = [Grant(Role(role), force) for role, force in cursor.fetchall()]
        user._misconduct_grants = cached
    return list(cached)


def scope(case: Case) -> CaseScope:
    chairs = [p.name for p in case.parties if p.role is PartyRole.CHAIR]
    if AssignmentRole.CHAIR in case.assignments:  # issue 9: the chair assigned by username
        chairs.append(case.assignments[AssignmentRole.CHAIR])
    if case.proceedings is not None:
        chairs.insert(0, case.proceedings.arrangement.chair)
    return CaseScope(case.force, tuple(chairs))


def may(user: Any, action: Action, case: Case) -> bool:
    return allowed(
        grants(user),
        action,
        scope(case),
        username=user.get_username(),
        full_name=user.get_full_name() if hasattr(user, "get_full_name") else "",
    )


def may_in(user: Any, action: Action, where: CaseScope) -> bool:
    """:func:`may` for a case known by its scope (the case page's read model holds it)."""
    return allowed(
        grants(user),
        action,
        where,
        username=user.get_username(),
        full_name=user.get_full_name() if hasattr(user, "get_full_name") else "",
    )


def permissions(user: Any, case: Case) -> Callable[[Action], bool]:
    """:func:`may` for one user and case, each action decided once (a page asks for every step)."""
    return permissions_in(user, scope(case))


def permissions_in(user: Any, where: CaseScope) -> Callable[[Action], bool]:
    """:func:`permissions` for a case known by its scope."""
    g = grants(user)
    username = user.get_username()
    full_name = user.get_full_name() if hasattr(user, "get_full_name") else ""
    decided: dict[Action, bool] = {}

    def check(action: Action) -> bool:
        if action not in decided:
            decided[action] = allowed(g, action, where, username=username, full_name=full_name)
        return decided[action]

    return check


def visible_case(user: Any, ref: str, action: Action = Action.VIEW_CASE) -> Case:
    """The case if the user may take ``action`` on it; 404 if it does not exist or is not theirs to
    see, 403 if they may see it but not take the action."""
    try:
        case = state(ref)
    except InvalidInput:
        raise Http404(f"no case {ref}") from None
    if not may(user, Action.VIEW_CASE, case):
        raise Http404(f"no case {ref}")
    if action is not Action.VIEW_CASE and not may(user, action, case):
        raise PermissionDenied(f"{action.value} is not allowed for this user on {ref}")
    return case


@dataclass(frozen=True)
class Search:
    text: str = ""
    force: str = ""
    stage: str = ""
    standard: str = ""
    officer: str = ""


def visible_where(user: Any, *, force: str = "force_id", case: str = "case_id") -> Q:
    """Which read-model rows the user may see, as a filter on their ``force`` and ``case`` columns:
    cases in their forces (a chair: assigned ones only)."""
    g = grants(user)
    full = {gr.force for gr in g if gr.role.value != "chair"} & forces_for(g)
    chaired_forces = {gr.force for gr in g if gr.role.value == "chair"} - full
    where = Q(**{f"{force}__in": sorted(full)})
    if chaired_forces:
        where |= Q(**{f"{force}__in": sorted(chaired_forces), f"{case}__in": chaired_ids(user)})
    return where


def scope_key(user: Any) -> tuple[Any, ...]:
    """What decides which cases the user sees, for keeping counts per scope."""
    g = sorted((gr.role.value, gr.force) for gr in grants(user))
    return (user.get_username(), user.get_full_name(), tuple(g))


def visible_rows(user: Any) -> QuerySet[m.CaseListing]:
    """The case-list rows the user may see: one indexed query on the read model, with no per-case
    check in Python."""
    return m.CaseListing.objects.filter(visible_where(user))


def chaired_ids(user: Any) -> QuerySet[m.CaseChair, int]:
    keys = {chair_key(user.get_username()), chair_key(user.get_full_name())} - {""}
    return m.CaseChair.objects.filter(key__in=sorted(keys)).values_list("case_id", flat=True)


class CountedPaginator(Paginator):  # type: ignore[type-arg]
    """A paginator given its count (kept by :func:`counted`) instead of running a COUNT itself."""

    def __init__(self, rows: Any, per_page: int, count: int) -> None:
        super().__init__(rows, per_page)
        self.__dict__["count"] = count


def chairs(user: Any, ref: str) -> bool:
    """Whether the user chairs the proceedings of case ``ref``."""
    return ref in chaired(user, [ref])


def chaired(user: Any, refs: Iterable[str]) -> set[str]:
    """Those of the cases ``refs`` whose proceedings the user chairs."""
    return set(
        m.CaseListing.objects.filter(ref__in=list(refs), case_id__in=chaired_ids(user)).values_list(
            "ref", flat=True
        )
    )


_STANDARD_ID = re.compile(r"[a-z][a-z_]*")


def with_standard(rows: QuerySet[m.CaseListing], standard: str) -> QuerySet[m.CaseListing]:
    """The cases with an allegation under ``standard`` (an id such as ``honesty_and_integrity``):
    the read model keeps each case's standards as ``|id|id|``, so ``|id|`` matches one exactly."""
    sid = standard.strip().lower()
    if not _STANDARD_ID.fullmatch(sid):
        return rows.none()
    return rows.filter(standards__contains=f"|{sid}|")


def search(user: Any, s: Search) -> QuerySet[m.CaseListing]:
    """The cases the user may see that match ``s``, newest first (an index gives the order)."""
    rows = visible_rows(user)
    if s.text:
        rows = rows.filter(search_text__contains=" ".join(s.text.split()).casefold())
    if s.officer:
        rows = rows.filter(officer_text__contains=" ".join(s.officer.split()).casefold())
    if s.force:
        rows = rows.filter(force_id=s.force)
    if s.stage:
        rows = rows.filter(stage=s.stage)
    if s.standard:
        rows = with_standard(rows, s.standard)
    return rows.select_related("force").order_by(*CASE_ORDER)


CASE_ORDER = ("-came_to_attention", "ref")
"""The case lists' order, newest first: the index ``listing_newest`` serves it."""


@dataclass(frozen=True)
class CaseRow:
    """A row of the case lists (staff and API), as :func:`case_page` reads it."""

    ref: str
    force: str
    force_name: str
    stage: str
    came_to_attention: date
    officers: list[list[str]]
    """Each officer's name, warrant number and display name, as the read model keeps them."""
    closed_on: date | None


def _placeholders(values: list[Any]) -> str:
    return ", ".join(["%s"] * len(values))


def _reach(user: Any) -> tuple[list[str], list[str], list[str]]:
    """The forces whose cases the user sees, those where they see only the cases they chair, and
    the keys they chair by (their username and full name), worked out once for the user's
    request (kept with the user, as :func:`grants` keeps the grants: a page's lists ask for them
    several times)."""
    found = getattr(user, "_misconduct_reach", None)
    if found is None:
        g = grants(user)
        full = sorted({gr.force for gr in g if gr.role is not Role.CHAIR} & forces_for(g))
        chaired_forces = sorted({gr.force for gr in g if gr.role is Role.CHAIR} - set(full))
        keys = sorted({chair_key(user.get_username()), chair_key(user.get_full_name())} - {""})
        found = (full, chaired_forces, keys)
        if getattr(user, "_misconduct_grants", None) is not None:  # kept as long as the grants
            user._misconduct_reach = found
    return found


def _visible_sql(
    user: Any, force: str = "l.force_id", case: str = "l.case_id", using: str = "default"
) -> Any:
    """:func:`visible_where` as SQL on the columns ``force`` and ``case``, and its parameters
    (None: no case is visible). On PostgreSQL each list of forces is one array parameter
    (``= ANY(%s)``, which the planner treats as the ``IN`` list it is): psycopg parses a statement
    of more than 50 parameters (or 4,096 characters) again at each execution, and a user of every
    force would otherwise send 43 a list."""
    full, chaired_forces, keys = _reach(user)
    array = connections[using].vendor == "postgresql"

    def among(column: str, values: list[str]) -> tuple[str, list[Any]]:
        if array:
            return f"{column} = ANY(%s)", [values]
        return f"{column} IN ({_placeholders(values)})", list(values)

    parts, params = [], []
    if full:
        sql, values = among(force, full)
        parts.append(sql)
        params += values
    if chaired_forces and keys:
        sql, values = among(force, chaired_forces)
        parts.append(
            f"({sql} AND {case} IN (SELECT case_id"
            f" FROM {m.CaseChair._meta.db_table} WHERE key IN ({_placeholders(keys)})))"
        )
        params += values + keys
    if not parts:
        return None
    return "(" + " OR ".join(parts) + ")", params


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


to_date = _date
"""A date column read in fixed SQL as a date (SQLite may give its text)."""


def case_page(
    user: Any,
    s: Search,
    size: int,
    *,
    after: str = "",
    before: str = "",
    offset: int = 0,
    using: str = "default",
) -> Keyset:
    """The page of :func:`search` after (or before) the row a cursor names, or from ``offset``, as
    :func:`keyset` reads it, in fixed SQL: the same rows, one to two index seeks, without building
    ORM queries or model instances (they cost more than the database's work). ``InvalidInput`` for
    a cursor that cannot be read, naming ``after`` or ``before``."""
    connection = connections[using]
    visible = _visible_sql(user, using=using)
    if visible is None:
        return Keyset([], None, None)
    where, params = [visible[0]], list(visible[1])
    like = connection.operators["contains"]
    for column, text in (("search_text", s.text), ("officer_text", s.officer)):
        if text:
            where.append(f"l.{column} {like}")
            words = " ".join(text.split()).casefold()
            params.append(f"%{connection.ops.prep_for_like_query(words)}%")
    if s.force:
        where.append("l.force_id = %s")
        params.append(s.force)
    if s.stage:
        where.append("l.stage = %s")
        params.append(s.stage)
    if s.standard:
        sid = s.standard.strip().lower()
        if not _STANDARD_ID.fullmatch(sid):
            return Keyset([], None, None)
        where.append(f"l.standards {like}")
        params.append(f"%{connection.ops.prep_for_like_query(f'|{sid}|')}%")
    base = (
        "SELECT l.ref, l.force_id, f.name, l.stage, l.came_to_attention, l.officers, l.closed_on"
        f" FROM {m.CaseListing._meta.db_table} l"
        f" INNER JOIN {m.Force._meta.db_table} f ON f.code = l.force_id WHERE "
        + " AND ".join(where)
    )
    backwards = bool(before) and not after
    raw, field = (before, "before") if backwards else (after, "after")
    # the list's order, newest first (index listing_newest), or its reverse to read backwards
    order = (
        " ORDER BY l.came_to_attention ASC, l.ref DESC"
        if backwards
        else (" ORDER BY l.came_to_attention DESC, l.ref ASC")
    )
    seeks: list[tuple[str, list[Any]]] = [("", [])]
    if raw:
        day, ref = _decode(m.CaseListing, CASE_ORDER, field, raw)
        d = connection.ops.adapt_datefield_value(day)
        later, beyond = (">", "<") if backwards else ("<", ">")
        seeks = [
            (f" AND l.came_to_attention = %s AND l.ref {beyond} %s", [d, ref]),
            (f" AND l.came_to_attention {later} %s", [d]),
        ]
    found: list[CaseRow] = []
    with connection.cursor() as cursor:
        for extra, values in seeks:
            limit = size + 1 - len(found)
            cursor.execute(
                f"{base}{extra}{order} LIMIT {int(limit)}"
                + (f" OFFSET {int(offset)}" if offset and not raw else ""),
                [*params, *values],
            )
            found += [
                CaseRow(
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    _date(r[4]),
                    json.loads(r[5]) if isinstance(r[5], str | bytes) else r[5],
                    None if r[6] is None else _date(r[6]),
                )
                for r in cursor.fetchall()
            ]
            if len(found) > size:
                break
    more = len(found) > size
    page = found[:size]
    if backwards:
        page.reverse()
    first_cursor = cursor_of(page[0], CASE_ORDER) if page else None
    last_cursor = cursor_of(page[-1], CASE_ORDER) if page else None
    if backwards:
        return Keyset(page, last_cursor, first_cursor if more else None)
    return Keyset(page, last_cursor if more else None, first_cursor if raw else None)


@dataclass(frozen=True, slots=True)
class DueRow:
    """A time limit of the read model (``DueEntry``), as :func:`due_rows` reads it."""

    id: int
    ref: str
    step: str
    title: str
    citation: str
    status: str
    nature: str
    party: str
    officer_id: str
    trigger: date
    due: date
    earliest: date | None
    latest: date | None
    last_day: date
    holder: str
    holder_role: str


_DUE_COLUMNS = ", ".join(f"d.{f}" for f in DueRow.__slots__)


@dataclass(frozen=True)
class Branch:
    """A list read in fixed SQL: a ``SELECT`` of the columns of :class:`DueRow` (in that order:
    what another kind of row does not have is NULL), ordered and limited, and its parameters, so
    that several lists can be read in one statement (:func:`read_together`)."""

    sql: str
    params: list[Any]


_NULLS = {
    name: "CAST(NULL AS bigint)"
    if name == "id"
    else "CAST(NULL AS date)"
    if name in ("trigger", "due", "earliest", "latest", "last_day")
    else "''"
    for name in DueRow.__slots__
}


def layout(**columns: str) -> str:
    """A select list in :class:`Branch`'s columns: the ``columns`` given (the first named ``id``),
    for the others NULL of the column's type (PostgreSQL must find one type for each column of a
    ``UNION``) or an empty text. Kept short: psycopg parses a statement longer than 4,096
    characters again at each execution."""
    return ", ".join(
        columns.get(name, null) + (" AS id" if name == "id" else "")
        for name, null in _NULLS.items()
    )


def due_branch(
    user: Any,
    natures: list[str],
    where: list[tuple[str, list[Any]]],
    size: int,
    using: str = "default",
) -> Branch | None:
    """:func:`due_rows` as a :class:`Branch` (None: nothing to read)."""
    visible = _visible_sql(user, force="d.force", case="d.case_id", using=using)
    if visible is None or not natures:
        return None
    conditions = [visible[0], "d.nature = %s", *(c for c, _ in where)]
    one = (
        f"SELECT {_DUE_COLUMNS} FROM {m.DueEntry._meta.db_table} d WHERE "
        + " AND ".join(conditions)
        + f" ORDER BY d.last_day, d.ref, d.id LIMIT {int(size)}"
    )
    params: list[Any] = []
    for nature in natures:
        params += [*visible[1], nature, *(v for _, values in where for v in values)]
    if len(natures) == 1:
        return Branch(one, params)
    # each nature's page, then the first ``size`` of them
    sql = " UNION ALL ".join(f"SELECT * FROM ({one}) n{i}" for i in range(len(natures)))
    return Branch(f"{sql} ORDER BY 14, 2, 1 LIMIT {int(size)}", params)


def due_rows(
    user: Any,
    natures: list[str],
    where: list[tuple[str, list[Any]]],
    size: int,
    using: str = "default",
) -> list[DueRow]:
    """The first ``size`` time limits the user may see, of the ``natures`` and meeting each
    condition of ``where`` (SQL on the alias ``d`` of ``DueEntry``, and its parameters), soonest
    first (by last day, reference and key), in fixed SQL. Each nature is read by its own index seek
    in that order (``due_nature_order`` or ``due_force_nature_order``), so a page reads ``size``
    rows of each whatever the number of cases; a single query over both natures would have read
    every row in the range and sorted them."""
    branch = due_branch(user, natures, where, size, using)
    if branch is None:
        return []
    with connections[using].cursor() as cursor:
        cursor.execute(branch.sql, branch.params)
        return [DueRow(*r) for r in cursor.fetchall()]


@dataclass(frozen=True, slots=True)
class ListedCase:
    """A case as the dashboard lists it."""

    ref: str
    force_name: str
    stage: str


def open_branch(
    user: Any, mine: list[int], among: bool, size: int, using: str = "default"
) -> Branch | None:
    """:func:`open_cases` as a :class:`Branch`: the reference in ``ref``, the force's name in
    ``title`` and the stage in ``status`` (None: nothing to read)."""
    visible = _visible_sql(user, using=using)
    if visible is None or (among and not mine):
        return None
    where, params = [visible[0], "l.closed = %s"], [*visible[1], False]
    if mine:
        where.append(f"l.case_id {'' if among else 'NOT '}IN ({_placeholders(mine)})")
        params += mine
    columns = layout(ref="l.ref", title="f.name", status="l.stage")
    sql = (
        f"SELECT {columns} FROM {m.CaseListing._meta.db_table} l"
        f" INNER JOIN {m.Force._meta.db_table} f ON f.code = l.force_id WHERE "
        + " AND ".join(where)
        + f" ORDER BY l.ref LIMIT {int(size)}"
    )
    return Branch(sql, params)


def assigned_branch(user: Any, size: int, using: str = "default") -> Branch | None:
    """The first ``size`` cases the user may see that are assigned to them, by reference, as a
    :class:`Branch`: the key in ``id``, the reference in ``ref``, the stage in ``status`` (None: no
    case is visible). The user's assignments are an index seek (``assignee_user_case``)."""
    visible = _visible_sql(user, using=using)
    if visible is None:
        return None
    sql = (
        f"SELECT {layout(id='l.case_id', ref='l.ref', status='l.stage')}"
        f" FROM {m.CaseListing._meta.db_table} l WHERE {visible[0]} AND l.case_id IN"
        f" (SELECT case_id FROM {m.CaseAssignee._meta.db_table} WHERE username = %s)"
        f" ORDER BY l.ref LIMIT {int(size)}"
    )
    return Branch(sql, [*visible[1], user.get_username()])


def awaited_page(user: Any, username: str, size: int, using: str = "default") -> list[Any]:
    """The first ``size`` awaited steps (``AwaitedEntry``) that ``username`` holds and that ``user``
    may see, longest awaited first, in fixed SQL: each row's key, reference, step, title, what
    awaits it, citation, the day awaited since, holder and role. The holder's rows are an index
    seek in that order (``awaited_holder_order``). A row's holder is one of its case's assignees,
    written with the assignment, so it needs no test of the assignments as the time limits' lists
    have (a hint to SQLite's planner there, among many rows held by nobody)."""
    visible = _visible_sql(user, force="a.force", case="a.case_id", using=using)
    if visible is None:
        return []
    sql = (
        "SELECT a.id, a.ref, a.step, a.title, a.detail, a.citation, a.since, a.holder,"
        f" a.holder_role FROM {m.AwaitedEntry._meta.db_table} a WHERE {visible[0]}"
        f" AND a.holder = %s ORDER BY a.since, a.ref, a.id LIMIT {int(size)}"
    )
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [*visible[1], username])
        return cursor.fetchall()


def listed_cases(rows: list[tuple[Any, ...]]) -> list[ListedCase]:
    """The rows of an :func:`open_branch` as the dashboard lists them."""
    return [ListedCase(r[1], r[3], r[5]) for r in rows]


def open_cases(
    user: Any, mine: list[int], among: bool, size: int, using: str = "default"
) -> list[ListedCase]:
    """The first ``size`` open cases the user may see, by reference, whose keys are among ``mine``
    (or, ``among`` false, are not), in fixed SQL: the open cases by reference are an index seek
    (``listing_open_ref``; the ORM's ``NOT closed`` could not use it on SQLite, which then read the
    cases by reference from the first, closed ones included)."""
    branch = open_branch(user, mine, among, size, using)
    if branch is None:
        return []
    with connections[using].cursor() as cursor:
        cursor.execute(branch.sql, branch.params)
        return listed_cases(cursor.fetchall())


def read_together(
    branches: list[Branch | None], using: str = "default"
) -> tuple[tuple[int, str], list[list[tuple[Any, ...]]]]:
    """The newest event (:func:`generation`) and the rows of each branch (in :class:`Branch`'s
    columns, in the branch's order; none for None), in one statement: each query to PostgreSQL is
    a round trip to a server sharing the machine, and a page's lists are several queries."""
    parts, params = [], []
    for i, branch in enumerate(branches):
        if branch is not None:
            parts.append(f"SELECT {i} AS k, b{i}.* FROM ({branch.sql}) b{i}")
            params += branch.params
    # the newest event last (SQLite takes each column's declared type from the first SELECT)
    newest = layout(id="e.id", ref="e.hash")
    parts.append(
        f"SELECT {len(branches)} AS k, g.* FROM (SELECT {newest}"
        f" FROM {m.Event._meta.db_table} e ORDER BY e.id DESC LIMIT 1) g"
    )
    # each branch's rows in its own order: by key, last day, reference, id, then ``step``
    sql = " UNION ALL ".join(parts) + " ORDER BY 1, 15, 3, 2, 4"
    found: list[list[tuple[Any, ...]]] = [[] for _ in range(len(branches) + 1)]
    # prepared on the connection: the same SQL for every request of a user of the same forces
    # (PostgreSQL plans it once, or each time if a plan for the values costs less)
    with prepared_cursor(connections[using]) as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            found[row[0]].append(row[1:])
    last = found.pop()
    return ((int(last[0][0]), str(last[0][1])) if last else (0, "")), found


def day(on: date, using: str = "default") -> Any:
    """``on`` as the database takes a date parameter in fixed SQL."""
    return connections[using].ops.adapt_datefield_value(on)


# -- counts kept per process until the next event ------------------------------------------------


def generation(using: str = "default") -> tuple[int, str]:
    """The newest event's id and hash: every write appends an event, so anything counted under an
    older generation may have changed (one indexed lookup, not a scan); the hash tells apart two
    databases, or a restored one, that reached the same id by different histories."""
    with connections[using].cursor() as cursor:  # fixed SQL: the ORM's building costs more
        cursor.execute(f"SELECT id, hash FROM {m.Event._meta.db_table} ORDER BY id DESC LIMIT 1")
        newest = cursor.fetchone()
    return (int(newest[0]), str(newest[1])) if newest else (0, "")


_counted: dict[Hashable, tuple[tuple[int, str], Any]] = {}
_counted_lock = Lock()


def counted(key: Hashable, compute: Callable[[], T], *, newest: tuple[int, str] | None = None) -> T:
    """``compute()`` (a count or other aggregate), kept per process under ``key`` until the next
    event is written anywhere. ``newest``: the :func:`generation` the caller has just read."""
    now = newest if newest is not None else generation()
    with _counted_lock:
        hit = _counted.get(key)
    if hit is not None and hit[0] == now:
        return typing.cast(T, hit[1])
    value = compute()
    with _counted_lock:
        if len(_counted) > 2000:
            _counted.clear()
        _counted[key] = (now, value)
    return value


def kept(key: Hashable) -> Any:
    """What :func:`counted` keeps under ``key``, whatever the newest event (None if nothing): a
    guess to read with, to be checked with :func:`counted` once the newest event is known."""
    with _counted_lock:
        hit = _counted.get(key)
    return None if hit is None else hit[1]


# -- long lists: keyset pages and bounded counts -------------------------------------------------


COUNT_CAP = 10_000
"""Lists count their rows up to this many and say "more than" beyond: a count never reads more."""


def count_text(n: int, noun: str) -> str:
    """``n`` as a list's count reads: "1 case.", "12 cases.", "More than 10,000 cases."."""
    if n > COUNT_CAP:
        return f"More than {COUNT_CAP:,} {noun}s."
    return f"{n:,} {noun}{'' if n == 1 else 's'}."


def list_params(q: Any) -> str:
    """The query string of a list page without its position (page, after, before)."""
    params = q.copy()
    for name in ("page", "after", "before"):
        params.pop(name, None)
    return str(params.urlencode())


def capped_count(rows: QuerySet[Any]) -> int:
    """How many rows ``rows`` has, but at most ``COUNT_CAP + 1`` (a bounded query, whatever the
    size of the table): more than :data:`COUNT_CAP` reads as "more than"."""
    return int(rows.order_by()[: COUNT_CAP + 1].count())


@dataclass(frozen=True)
class Keyset:
    """A page of a long list read by position rather than by offset: the rows after (or before)
    the row a cursor names, in the list's order, so that page 2,000 costs what page 1 costs."""

    rows: list[Any]
    next: str | None
    """The cursor of the next page (None on the last)."""
    previous: str | None
    """The cursor of the page before (None on the first)."""


def cursor_of(row: Any, order: tuple[str, ...]) -> str:
    """The cursor naming ``row``'s place in a list ordered by ``order``."""
    values = [getattr(row, f.lstrip("-")) for f in order]
    text = json.dumps([v.isoformat() if isinstance(v, date) else v for v in values])
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _decode(model: Any, order: tuple[str, ...], field: str, raw: str) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode())
        if not isinstance(values, list) or len(values) != len(order):
            raise ValueError("wrong length")
        return [
            model._meta.get_field(f.lstrip("-")).to_python(v)
            for f, v in zip(order, values, strict=True)
        ]
    except (ValueError, TypeError, UnicodeDecodeError, ValidationError):
        raise InvalidInput(
            field, "the position of a row, as a previous page gave it", raw
        ) from None


def keyset(
    rows: QuerySet[Any],
    order: tuple[str, ...],
    size: int,
    *,
    after: str = "",
    before: str = "",
) -> Keyset:
    """The ``size`` rows of ``rows`` (in ``order``, which must end in a unique field) after the row
    the cursor ``after`` names, or before the row ``before`` names, or the first ``size``. Each
    position is found by one to ``len(order)`` index seeks: rows sharing the cursor's first ``i``
    values and beyond it on the next, longest shared prefix first (an OR of them would make some
    databases read the list from its start). A cursor that cannot be read raises ``InvalidInput``
    naming ``after`` or ``before``."""
    backwards = bool(before) and not after
    raw, field = (before, "before") if backwards else (after, "after")
    flipped = tuple(f[1:] if f.startswith("-") else f"-{f}" for f in order)
    walk = flipped if backwards else order
    found: list[Any] = []
    if raw:
        values = _decode(rows.model, order, field, raw)
        for i in range(len(walk) - 1, -1, -1):
            name = walk[i].lstrip("-")
            step = {f.lstrip("-"): v for f, v in zip(walk[:i], values, strict=False)}
            step[f"{name}__{'lt' if walk[i].startswith('-') else 'gt'}"] = values[i]
            found += list(rows.filter(**step).order_by(*walk)[: size + 1 - len(found)])
            if len(found) > size:
                break
    else:
        found = list(rows.order_by(*walk)[: size + 1])
    more = len(found) > size
    page = found[:size]
    if backwards:
        page.reverse()
    first_cursor = cursor_of(page[0], order) if page else None
    last_cursor = cursor_of(page[-1], order) if page else None
    if backwards:
        return Keyset(page, last_cursor, first_cursor if more else None)
    return Keyset(page, last_cursor if more else None, first_cursor if raw else None)
