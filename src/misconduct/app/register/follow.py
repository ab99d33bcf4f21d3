"""This system's own outcomes in the register follow their cases: an outcome taken down in its case
(``RemovePublication``, by ``misconduct retention run`` or the case's step) leaves the register, its
exports, feed, API and plots in the transaction that records the take-down, and a sync takes out
those no longer published for any other reason. Both read the partial index ``register_system``
(the published records that name a case), never the register's other records.

A record taken out so is simply no longer ``published``: its page is "not found", as for a record
never public, and nothing is added to the register's review log (the take-down is an event on the
case's own chain). Should the case's outcome be published again, the next sync brings it back."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from django.db.models import QuerySet

from misconduct.app.register.models import Record


def _system(using: str) -> QuerySet[Record]:
    """The published records of this system's own outcomes (those naming a case), by case: the
    rows of ``register_system``."""
    # ``case_ref > ''`` as well as the index's own condition: a range on its column, so that
    # SQLite's planner reads it rather than another index of the published records
    return Record.objects.using(using).filter(published=True, case_ref__gt="").exclude(case_ref="")


def taken_down(refs: Collection[str], using: str = "default") -> int:
    """Take the outcomes of the cases ``refs`` out of the register (in the caller's transaction):
    one UPDATE through the index, nothing when none is there; how many records left it."""
    if not refs:
        return 0
    return _system(using).filter(case_ref__in=list(refs)).update(published=False)


def no_longer_published(
    published: Iterable[str], forces: Collection[str] | None, using: str = "default"
) -> int:
    """Take out of the register the outcomes of this system's cases (of ``forces``, or every force)
    that are not among ``published``, the references of the cases whose outcome is public now;
    how many records left it."""
    held = _system(using).values_list("case_ref", "force")  # the index alone, not a force's others
    public = set(published)
    stale = {
        ref for ref, force in held if ref not in public and (forces is None or force in forces)
    }
    return taken_down(stale, using)
