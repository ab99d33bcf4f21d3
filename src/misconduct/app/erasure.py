"""Erasing a closed case's personal data under the retention schedule (issue 13 item 6).

The events of a case hold no personal value, only a reference and a salted commitment to each
(``domain.personal``); the values are rows of ``misconduct_personaldatum``. Erasure
(``services.retention.erase``) deletes each value and its salt, keeping a dated tombstone, and
records ``PersonalDataErased`` on the case's chain naming the data by id. The same write folds the
case again, so its stored state, its child rows (parties, allegations) and its read models (lists,
search text, chairs, public records) hold the erasure placeholder instead of the values. The chain
still verifies, and ``audit verify`` reports a value that was changed rather than erased.

Here the application adds what the services do not know: an officer's row in ``misconduct_officer``
is shared by their cases, so its name and warrant number are erased once no case that is not erased
holds the officer, and so is the number in the officers' person table (``misconduct_officerperson``:
the officer's opaque id stays, in the events and the table, with nothing left to tie it to a number);
the case's evidence files (statements, recordings) are deleted from the evidence storage unless a
case not erased holds the same file (files are stored once by SHA-256); and the
``misconduct_erasure`` row that indexes the case as erased; and the national register's copies of
the case's outcome, published or not, lose the officer's name (``register.follow``). The chain
keeps each file's SHA-256, which ``audit verify`` no longer expects to find once the case's erasure
is on the chain.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction

from misconduct.app import models as m
from misconduct.app.evidence import delete_evidence
from misconduct.app.register import follow as register_follow
from misconduct.domain.personal import placeholder
from misconduct.errors import InvalidInput
from misconduct.services import retention
from misconduct.services.cases import CaseService


@dataclass(frozen=True)
class Erased:
    ref: str
    data: int
    """Personal values erased from the store (names, contact details, free text)."""
    officers: int
    """Officer rows whose name and warrant number were erased (no case not erased holds them)."""
    files: int = 0
    """Evidence files deleted from the evidence storage."""


def erase(
    service: CaseService,
    ref: str,
    on: date,
    reason: str,
    *,
    clock: Callable[[], datetime],
    using: str = "default",
) -> Erased:
    """Erase the personal data of closed case ``ref`` and record it (one transaction, once)."""
    with transaction.atomic(using=using):
        case = m.Case.objects.using(using).select_for_update().filter(ref=ref).first()
        if case is None:
            raise InvalidInput("REF", "the reference of an existing case", ref)
        if m.Erasure.objects.using(using).filter(case=case).exists():
            raise InvalidInput("REF", "a case not already erased", ref)
        data = retention.erase(service, ref, on, reason)
        officers = persons = 0
        for officer in case.officers.using(using).all():
            kept = officer.cases.using(using).exclude(pk=case.pk).filter(erasure__isnull=True)
            if not kept.exists():
                officer.name = officer.warrant_number = placeholder(on)
                officer.save(using=using, update_fields=["name", "warrant_number"])
                persons += (
                    m.OfficerPerson.objects.using(using)
                    .filter(officer_id=officer.officer_id, warrant_number__isnull=False)
                    .update(warrant_number=None, erased_on=on)
                )
                officers += 1
        # The register's copies of the case's outcome (published or not) keep no officer's name.
        copies = register_follow.erased(ref, placeholder(on), using)
        files = _evidence_only_here(case, using)
        m.Erasure.objects.using(using).create(
            case=case,
            erased_on=on,
            recorded_at=clock(),
            actor=service.actor,
            erased={
                "misconduct_personaldatum": data,
                "misconduct_officer.name": officers,
                "misconduct_officer.warrant_number": officers,
                "misconduct_officerperson.warrant_number": persons,
                "evidence files": len(files),
                "register_record.name": copies,
            },
        )
        # Files are deleted once the erasure is committed: a failed erasure leaves them in place.
        for digest in files:
            transaction.on_commit(lambda d=digest: delete_evidence(d), using=using)  # type: ignore[misc]
    return Erased(ref, data, officers, len(files))


def _evidence_only_here(case: m.Case, using: str) -> list[str]:
    """The SHA-256 of each evidence file of ``case`` that no case not erased also holds."""
    attached = m.Event.objects.using(using).filter(type="EvidenceAttached")
    mine = {
        str(p["evidence"]["sha256"])
        for p in attached.filter(case=case).values_list("payload", flat=True)
    }
    others = attached.exclude(case=case).filter(case__erasure__isnull=True)
    return sorted(d for d in mine if not others.filter(payload__evidence__sha256=d).exists())
