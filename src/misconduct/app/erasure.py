"""Erasing a closed case's personal data that lies OUTSIDE its hash-chained events (issue 13).

What this can erase today: the names and details of the case's parties in the ``misconduct_party``
read table, and the names of its officers in ``misconduct_officer`` where every case of that officer
has been erased. The event chain is not touched, so ``audit verify`` still passes.

What it cannot erase: the same names inside the events (the case's opening details, each party
added, free text such as the summary, particulars and reasons, and each event's actor). The chain
hashes every event's payload, so changing one breaks it; the stored state (``Case.state``) is a fold
of those events and is folded again from them. Real erasure needs events that refer to people by id,
with their details held in a table outside the chain: see docs/retention.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction

from misconduct.app import models as m
from misconduct.errors import InvalidInput

ERASED = "[erased]"


@dataclass(frozen=True)
class Erased:
    ref: str
    parties: int
    officers: int


def erase(
    ref: str, on: date, *, actor: str, clock: Callable[[], datetime], using: str = "default"
) -> Erased:
    """Erase what of case ``ref``'s personal data lies outside its events, once; record that it was."""
    with transaction.atomic(using=using):
        case = m.Case.objects.using(using).select_for_update().filter(ref=ref).first()
        if case is None:
            raise InvalidInput("REF", "the reference of an existing case", ref)
        if case.closed_on is None:
            raise InvalidInput("REF", "a closed case", f"{ref} (still open)")
        if m.Erasure.objects.using(using).filter(case=case).exists():
            raise InvalidInput("REF", "a case not already erased", ref)
        parties = (
            m.Party.objects.using(using)
            .filter(case=case)
            .exclude(name=ERASED, detail="")
            .update(name=ERASED, detail="")
        )
        officers = 0
        for officer in case.officers.using(using).exclude(name=ERASED):
            kept = officer.cases.using(using).exclude(pk=case.pk).filter(erasure__isnull=True)
            if not kept.exists():
                officer.name = ERASED
                officer.save(using=using, update_fields=["name"])
                officers += 1
        m.Erasure.objects.using(using).create(
            case=case,
            erased_on=on,
            recorded_at=clock(),
            actor=actor,
            erased={"misconduct_party.name,detail": parties, "misconduct_officer.name": officers},
        )
    return Erased(ref, parties, officers)


def erased_refs(using: str = "default") -> set[str]:
    return set(m.Erasure.objects.using(using).values_list("case__ref", flat=True))
