"""Who may change a record of the register: confirm or correct its fields, or bring the system's
own outcomes in. An administrator may change any record; anyone else only the records of a force in
which they hold a role other than viewer. A record whose force is not known is an administrator's
to change (its force corrected first, it is then that force's).

Who may read the reasons in a record's review log (why it was withdrawn, restored or corrected): an
administrator, or anyone holding a role in the record's force, a viewer included. A reason can hold
sensitive matter (a legal request, a concern for someone's welfare), so other staff see only that
there is one and for whom it is kept.

>>> kent = Reviewer.from_grants("ann", [Grant(Role.CASE_OFFICER, "kent")], admin=False)
>>> kent.may_change("kent"), kent.may_change("essex"), kent.may_change("")
(True, False, False)
>>> kent.why_not("essex")
'This record is of Essex Police: it is confirmed and corrected by staff of Essex Police or by an administrator.'
>>> bea = Reviewer.from_grants("bea", [Grant(Role.VIEWER, "kent")], admin=False)
>>> bea.deciding, bea.may_read_reasons("kent"), kent.may_read_reasons("essex")
(False, True, False)
>>> reason_kept_for("essex")
'The reason is kept for the staff of Essex Police and administrators.'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from misconduct.app.register.models import FORCE_NAMES
from misconduct.app.roles import Grant, Role


def force_name(code: str) -> str:
    """A force's name ("" for a code of no force, or none)."""
    return FORCE_NAMES.get(code, "")


def in_words(forces: Iterable[str]) -> str:
    """Forces' names as a sentence lists them.

    >>> in_words(["surrey", "kent", "essex"])
    'Essex Police, Kent Police and Surrey Police'
    """
    names = sorted(force_name(f) or f for f in forces)
    return " and ".join(part for part in (", ".join(names[:-1]), *names[-1:]) if part)


def reason_kept_for(force: str) -> str:
    """What a page says in place of a reason of a record of ``force`` that the reader may not read
    (``Reviewer.may_read_reasons``)."""
    name = force_name(force)
    if not name:
        return "The reason is kept for administrators (the record's force is not known)."
    return f"The reason is kept for the staff of {name} and administrators."


@dataclass(frozen=True)
class Reviewer:
    """A person deciding on records: their name for the review log, whether they are an
    administrator, the forces whose records they may change, and the forces whose records' reasons
    they may read (any role, a viewer's included)."""

    name: str
    admin: bool = False
    forces: frozenset[str] = field(default_factory=frozenset)
    reads: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def from_grants(cls, name: str, grants: Iterable[Grant], *, admin: bool) -> Reviewer:
        """A viewer changes nothing, so only the other roles count for ``forces``; every role counts
        for ``reads``."""
        held = list(grants)
        return cls(
            name,
            admin,
            frozenset(g.force for g in held if g.role is not Role.VIEWER),
            frozenset(g.force for g in held),
        )

    @property
    def deciding(self) -> bool:
        """Whether they may change any record at all (an administrator, or a deciding role)."""
        return self.admin or bool(self.forces)

    def may_change(self, force: str) -> bool:
        return self.admin or (bool(force) and force in self.forces)

    def may_read_reasons(self, force: str) -> bool:
        """Whether they may read the reasons in the review log of a record of ``force`` (whoever
        may change the record may read them)."""
        return self.may_change(force) or (bool(force) and force in self.reads)

    def why_not(self, force: str) -> str:
        """Why a record of ``force`` is not theirs to change, in words for the page."""
        name = force_name(force)
        if not name:
            return (
                "This record's force is not known, so only an administrator can confirm or "
                "correct it. Once an administrator has corrected its force, that force's staff "
                "can review it."
            )
        return (
            f"This record is of {name}: it is confirmed and corrected by staff of {name} or by "
            "an administrator."
        )

    def decided_by(self, force: str) -> str:
        """Who decides a record of ``force``, as the review queue's column says it."""
        if self.may_change(force):
            return "You"
        name = force_name(force)
        return (
            f"{name} or an administrator" if name else "An administrator (the force is not known)"
        )


def reviewer_of(user: Any) -> Reviewer:
    """The signed-in user as a reviewer, from the roles they hold (one query, kept per request)."""
    from misconduct.app.web import store as case_store

    return Reviewer.from_grants(
        str(user.get_username()),
        case_store.grants(user),
        admin=bool(getattr(user, "is_staff", False)),
    )
