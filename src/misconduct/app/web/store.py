"""Where the web pages and the API get cases and record steps: the case services over the Django
unit of work. Writes go through :class:`CaseService` only; reads of a case as it stands decode the
state the repository stores with each event (:func:`state`, :func:`states`), the timeline reads the
events (:func:`events`), and searches query the projection tables the repository keeps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from misconduct.app import models as m
from misconduct.app.roles import Action, CaseScope, Grant, allowed, forces_for
from misconduct.app.web.models import Membership
from misconduct.domain.case import Case
from misconduct.domain.ledger import RecordedEvent
from misconduct.domain.lifecycle import Context
from misconduct.domain.terms import AssignmentRole, PartyRole
from misconduct.errors import InvalidInput
from misconduct.services.cases import CaseService, load

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
    """The case as it stands, from its stored state; InvalidInput if there is no such case."""
    with _uow() as uow:
        return uow.cases.load_state(ref)


def states(refs: Iterable[str] | None = None) -> dict[str, Case]:
    """The existing cases of ``refs`` (every case if None) as they stand, by reference."""
    with _uow() as uow:
        return uow.cases.load_states(refs)


def events(ref: str) -> list[RecordedEvent]:
    """The case's recorded events in order (none if there is no such case)."""
    with _uow() as uow:
        return uow.cases.events(ref)


def context(case: Case) -> Context:
    """Facts from outside the case that the rules need: each officer's warnings from other cases."""
    with _uow() as uow:
        return Context(
            {oid: uow.cases.warnings_for(oid, excluding=case.ref) for oid in case.officers}
        )


def all_cases() -> list[Case]:
    return list(states().values())


# -- who may see what ------------------------------------------------------------------------


UserLike = AbstractBaseUser | AnonymousUser


def grants(user: Any) -> list[Grant]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_misconduct_grants", None)
    if cached is None:
        cached = [ms.grant for ms in Membership.objects.filter(user=user)]
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


def visible_rows(user: Any) -> QuerySet[m.Case]:
    """The projection rows the user may see: cases in their forces (a chair: assigned ones only)."""
    g = grants(user)
    full = {gr.force for gr in g if gr.role.value != "chair"} & forces_for(g)
    rows = m.Case.objects.filter(force__code__in=full)
    chaired = {gr.force for gr in g if gr.role.value == "chair"} - full
    if chaired:
        candidates = m.Case.objects.filter(force__code__in=chaired).values_list("ref", flat=True)
        refs = [
            ref for ref, case in states(candidates).items() if may(user, Action.VIEW_CASE, case)
        ]
        rows = rows | m.Case.objects.filter(ref__in=refs)
    return rows.distinct()


def chairs(user: Any, ref: str) -> bool:
    """Whether the user chairs the proceedings of case ``ref``."""
    return ref in chaired(user, [ref])


def chaired(user: Any, refs: Iterable[str]) -> set[str]:
    """Those of the cases ``refs`` whose proceedings the user chairs."""
    from misconduct.app.roles import is_assigned_chair

    name, full_name = user.get_username(), user.get_full_name()
    return {
        ref
        for ref, case in states(refs).items()
        if is_assigned_chair(scope(case).chairs, name, full_name)
    }


_STANDARD_ID = re.compile(r"[a-z][a-z_]*")


def with_standard(rows: QuerySet[m.Case], standard: str) -> QuerySet[m.Case]:
    """The cases with an allegation under ``standard`` (an id such as ``honesty_and_integrity``).

    Filtered in the database, so the case list pages the result before reading any row: each
    allegation's standards are a JSON list of ids, and an id in quotes matches one element exactly
    (ids are lower-case letters and underscores, which JSON writes unescaped)."""
    sid = standard.strip().lower()
    if not _STANDARD_ID.fullmatch(sid):
        return rows.none()
    return rows.filter(allegations__standards__icontains=f'"{sid}"')


def search(user: Any, s: Search) -> QuerySet[m.Case]:
    rows = visible_rows(user)
    if s.text:
        t = s.text.strip()
        rows = rows.filter(
            Q(ref__icontains=t)
            | Q(summary__icontains=t)
            | Q(officers__name__icontains=t)
            | Q(officers__warrant_number__iexact=t)
        )
    if s.officer:
        o = s.officer.strip()
        rows = rows.filter(Q(officers__name__icontains=o) | Q(officers__warrant_number__iexact=o))
    if s.force:
        rows = rows.filter(force__code=s.force)
    if s.stage:
        rows = rows.filter(stage=s.stage)
    if s.standard:
        rows = with_standard(rows, s.standard)
    return (
        rows.select_related("force")
        .prefetch_related("officers")
        .distinct()
        .order_by("-came_to_attention", "ref")
    )
