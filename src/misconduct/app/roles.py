"""Who may do what: staff roles, the actions each may take, and the force and chair checks.

Every staff view and API endpoint asks :func:`require` (or :func:`allowed`) with the user's
memberships, the action and the case it acts on. A membership is a role held in one force; a chair
reaches only the proceedings where they are named as chair. Administrators manage users, forces and
memberships through the Django admin; being an administrator grants no case work.

>>> m = Grant(Role.VIEWER, "metropolitan")
>>> allowed([m], Action.VIEW_CASE, CaseScope("metropolitan", chairs=()), username="ann")
True
>>> allowed([m], Action.RECORD_STEP, CaseScope("metropolitan", chairs=()), username="ann")
False
>>> allowed([m], Action.VIEW_CASE, CaseScope("kent", chairs=()), username="ann")
False
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from misconduct.errors import MisconductError


class Role(StrEnum):
    CASE_OFFICER = "case_officer"
    APPROPRIATE_AUTHORITY = "appropriate_authority"
    CHAIR = "chair"
    VIEWER = "viewer"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Action(StrEnum):
    VIEW_CASE = "view_case"
    """Read a case: parties, allegations, timeline, deadlines, decision."""
    OPEN_CASE = "open_case"
    """Open a new case in the force."""
    RECORD_STEP = "record_step"
    """Case work: notices, responses, arrangements, publication, appeals, closure."""
    DETERMINE = "determine"
    """The appropriate authority's determinations: severity, case to answer, form of proceedings."""
    DECIDE = "decide"
    """The chair's part: findings, the assessment and the outcome."""


ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.CASE_OFFICER: frozenset({Action.VIEW_CASE, Action.OPEN_CASE, Action.RECORD_STEP}),
    Role.APPROPRIATE_AUTHORITY: frozenset({Action.VIEW_CASE, Action.DETERMINE}),
    Role.CHAIR: frozenset({Action.VIEW_CASE, Action.DECIDE}),
    Role.VIEWER: frozenset({Action.VIEW_CASE}),
}
"""The actions each role may take on a case of its own force (a chair: on its own proceedings)."""


@dataclass(frozen=True)
class Grant:
    """One role held in one force."""

    role: Role
    force: str


@dataclass(frozen=True)
class CaseScope:
    """What the checks need to know about a case: its force and who chairs its proceedings."""

    force: str
    chairs: tuple[str, ...] = ()


class AccessDenied(MisconductError):
    """The user holds no role that allows the action on this case (or on this force)."""

    exit_code = 7


def is_assigned_chair(chairs: Iterable[str], username: str, full_name: str = "") -> bool:
    """A chair is assigned when the proceedings (or a chair party) name them, by username or full
    name.

    >>> is_assigned_chair(["Chair appointed under reg 28", "jbloggs"], "jbloggs")
    True
    >>> is_assigned_chair(["Someone else"], "jbloggs", "Jo Bloggs")
    False
    """
    candidates = {username.casefold(), " ".join(full_name.split()).casefold()} - {""}
    return any(" ".join(c.split()).casefold() in candidates for c in chairs)


def allowed(
    grants: Iterable[Grant],
    action: Action,
    scope: CaseScope | None,
    *,
    username: str,
    full_name: str = "",
    force: str | None = None,
) -> bool:
    """Whether any grant allows ``action`` on the case in ``scope`` (or, without a case, in ``force``)."""
    for g in grants:
        if action not in ROLE_ACTIONS[g.role]:
            continue
        if scope is None:
            if force is None or g.force == force:
                return True
            continue
        if g.force != scope.force:
            continue
        if g.role is Role.CHAIR and not is_assigned_chair(scope.chairs, username, full_name):
            continue
        return True
    return False


def require(
    grants: Iterable[Grant],
    action: Action,
    scope: CaseScope | None,
    *,
    username: str,
    full_name: str = "",
    force: str | None = None,
) -> None:
    """Raise :class:`AccessDenied` unless :func:`allowed`."""
    grants = list(grants)
    if not allowed(grants, action, scope, username=username, full_name=full_name, force=force):
        where = scope.force if scope is not None else (force or "any force")
        raise AccessDenied(
            f"{action.value.replace('_', ' ')} is not allowed for this user in {where}",
            field="role",
            expected="a role allowing " + action.value + " in " + where,
            received=", ".join(f"{g.role.value}@{g.force}" for g in grants) or "no role",
        )


def forces_for(grants: Iterable[Grant], action: Action = Action.VIEW_CASE) -> set[str]:
    """The forces in which some grant allows ``action`` (a chair: subject to assignment)."""
    return {g.force for g in grants if action in ROLE_ACTIONS[g.role]}
