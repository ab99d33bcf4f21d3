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
    if cached is None:
        rows = Membership.objects.filter(user=user).order_by("force", "role")  # no join
        cached = [Grant(Role(role), force) for role, force in rows.values_list("role", "force")]
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


def permissions(user: Any, case: Case) -> Callable[[Action], bool]:
    """:func:`may` for one user and case, each action decided once (a page asks for every step)."""
    g = grants(user)
    where = scope(case)
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
