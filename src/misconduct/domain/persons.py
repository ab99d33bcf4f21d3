"""Officers named in the events by an opaque id, never by their warrant number (issue 13 item 6).

An officer's id is ``off_`` and 16 random hexadecimal digits. The events, the time limits, the
decisions and the read models refer to the officer by it; the warrant or collar number is personal
data, held beside the chain (``SubjectOfficer.warrant_number`` is a personal field, committed like a
name) and, for finding the same officer again, in the officers' person table of the storage, looked
up by force and number when a case is opened. Erasing a closed case erases the number with the rest
of its personal data; the id stays, and the chain still verifies.

Cases recorded before this change name their officers ``force:number`` (the number inside the id,
so inside the chain): those ids are kept, since events are never rewritten, and are read everywhere
as the new ones are (:func:`is_legacy`).

>>> oid = new_officer_id(random.Random(1))
>>> oid, is_opaque(oid), is_legacy(oid)
('off_91b7584a2265b1f5', True, False)
>>> is_legacy("metropolitan:274519"), legacy_number("metropolitan:274519")
(True, '274519')
"""

from __future__ import annotations

import random
import re
import secrets
from collections.abc import Mapping

from misconduct.domain.personal import is_erased
from misconduct.domain.records import SubjectOfficer

PREFIX = "off_"
_OPAQUE = re.compile(r"off_[0-9a-f]{16}")
_LEGACY = re.compile(r"[a-z_]+:(.+)")


def new_officer_id(source: random.Random | None = None) -> str:
    """A fresh opaque officer id: random (from the system's secure source unless ``source`` is
    given, as the seeder and the demo do so that their data are the same on every load)."""
    bits = source.getrandbits(64) if source is not None else secrets.randbits(64)
    return f"{PREFIX}{bits:016x}"


def is_opaque(officer_id: str) -> bool:
    return bool(_OPAQUE.fullmatch(officer_id))


def is_legacy(officer_id: str) -> bool:
    """An id of the form ``force:number``, given before officers had opaque ids."""
    return not is_opaque(officer_id) and bool(_LEGACY.fullmatch(officer_id))


def legacy_number(officer_id: str) -> str:
    """The warrant number inside a ``force:number`` id ("" for an opaque one)."""
    match = _LEGACY.fullmatch(officer_id)
    return match.group(1) if match and not is_opaque(officer_id) else ""


def officer_named(officers: Mapping[str, SubjectOfficer], value: str) -> str | None:
    """The id of the officer of a case that ``value`` names, by id (opaque or ``force:number``) or
    by warrant number; None if it names none, or more than one (two forces' officers may share a
    number), or if it is the placeholder of an erased number."""
    text = value.strip()
    if text in officers:
        return text
    if not text or is_erased(text):
        return None
    found = [oid for oid, o in officers.items() if o.warrant_number == text]
    return found[0] if len(found) == 1 else None


def named(officers: Mapping[str, SubjectOfficer]) -> str:
    """The officers of a case as a user may name them, for an error message."""
    return ", ".join(
        oid if is_erased(o.warrant_number) else f"{o.warrant_number} ({oid})"
        for oid, o in officers.items()
    )
