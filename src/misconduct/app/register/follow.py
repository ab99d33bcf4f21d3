"""This system's own outcomes in the register follow their cases: an outcome taken down in its case
(``RemovePublication``, by ``misconduct retention run`` or the case's step) leaves the register, its
exports, feed, API and plots in the transaction that records the take-down, and a sync takes out
those no longer published for any other reason. Both read the partial index ``register_system``
(the published records that name a case), never the register's other records.

A record taken out so is simply no longer ``published``: its page is "not found", as for a record
never public, and nothing is added to the register's review log (the take-down is an event on the
case's own chain). Should the case's outcome be published again, the next sync brings it back.

An officer's name hidden in the case after the copy was made (an anonymity order, a hearing no
longer in public) is hidden in every copy of its outcome, published or not (a withdrawn copy may
be restored without a sync), in the transaction that records it; and the case's erasure clears the
officer's name from its copies. Both reach the copies through the system's source of the case (by
its address, ``register_source_once``) and its records (``register_record_once``)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from django.db.models import Case, Q, QuerySet, Value, When

from misconduct.app.register.models import Record, RecordCategory, Source


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


def _source(ref: str, using: str) -> QuerySet[Source]:
    """This system's source of the outcome of case ``ref`` (at most one: ``sync_system``)."""
    return Source.objects.using(using).filter(url=f"/outcomes/{ref}/", origin="system")


def _copies(ref: str, using: str) -> QuerySet[Record]:
    """Every register copy of the outcome of case ``ref``: published, taken down or withdrawn."""
    return Record.objects.using(using).filter(source__in=_source(ref, using), case_ref=ref)


def anonymised(ref: str, labels: Sequence[str], title: str, using: str = "default") -> int:
    """Hide the officers' names in the register's copies of case ``ref``'s outcome (in the caller's
    transaction): each copy, by its officer's position, takes the label ``labels`` gives it, with
    no name; the source takes ``title``. Nothing is written when the copies already say so (one
    indexed UPDATE, none found: the case has no copy). How many copies changed."""
    if not labels:
        return 0
    label = Case(*(When(position=i, then=Value(v)) for i, v in enumerate(labels)), default="label")
    changed = (
        _copies(ref, using)
        .filter(position__lt=len(labels))
        .filter(Q(anonymised=False) | ~Q(name="") | ~Q(label=label))
        .update(anonymised=True, name="", label=label)
    )
    if changed:
        _source(ref, using).update(title=title[:300])
    return changed


def erased(ref: str, label: str, using: str = "default") -> int:
    """Clear the officers' names from the register's copies of case ``ref``'s outcome as the case
    is erased (in the caller's transaction): no copy keeps a name; one that showed it takes
    ``label`` (the erasure's placeholder); the source's title, which named the officers, is
    cleared, and so are the words of the outcome a special category was read from. How many
    copies there were."""
    from misconduct.app.register.store import BY_STANDARD

    copies = _copies(ref, using)
    copies.filter(anonymised=False).update(anonymised=True, name="", label=label)
    copies.exclude(name="").update(name="")
    _source(ref, using).update(title="")
    RecordCategory.objects.using(using).filter(record__in=copies).exclude(
        evidence__startswith=BY_STANDARD
    ).update(evidence="")
    return copies.count()
