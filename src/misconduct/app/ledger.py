"""The ledger: each write's case head (count and last hash) chained across every case, with an
optional key, and the signed checkpoint an auditor keeps outside the database.

An entry's ``chain`` is SHA-256 over the previous entry's chain, the case reference, the count and
the head hash. With ``MISCONDUCT_AUDIT_KEY`` set, each entry also carries an HMAC of its chain under
that key, so someone who can write to the database but does not hold the key cannot rebuild the
ledger after changing it. A checkpoint (``misconduct audit checkpoint FILE``) records the ledger's
length and last chain, signed with the key if there is one; ``audit verify --checkpoint FILE`` then
proves that nothing recorded up to it has been removed or rewritten since.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from json.encoder import encode_basestring
from typing import Any

from misconduct.domain.ledger import GENESIS, canonical_json
from misconduct.errors import InvalidInput

KEY_VARIABLE = "MISCONDUCT_AUDIT_KEY"
CHECKPOINT_FORMAT = "misconduct.checkpoint"


def audit_key() -> bytes | None:
    """The ledger key from the environment (never stored in the database), or None."""
    raw = os.environ.get(KEY_VARIABLE, "")
    return raw.encode("utf-8") if raw.strip() else None


def chain_of(previous: str, case_ref: str, count: int, head: str) -> str:
    """SHA-256 of the canonical JSON of the entry (``previous``, ``case``, ``count``, ``head``);
    for text and an integer, written straight in that form (keys sorted, no spaces: ``audit
    verify`` checks every entry), the same bytes."""
    if type(count) is int and type(previous) is type(case_ref) is type(head) is str:
        text = (
            f'{{"case":{encode_basestring(case_ref)},"count":{int.__repr__(count)},'
            f'"head":{encode_basestring(head)},"previous":{encode_basestring(previous)}}}'
        )
    else:
        text = canonical_json(
            {"previous": previous, "case": case_ref, "count": count, "head": head}
        )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def mac_of(chain: str, key: bytes | None) -> str:
    return hmac.new(key, chain.encode(), hashlib.sha256).hexdigest() if key else ""


def record(using: str, case_ref: str, count: int, head: str, at: datetime) -> None:
    """Append the entry for a write of ``case_ref`` (inside the write's transaction)."""
    record_many(using, [(case_ref, count, head, at)])


def record_many(using: str, writes: Sequence[tuple[str, int, str, datetime]]) -> None:
    """Append an entry for each ``(case_ref, count, head, recorded_at)`` written in the caller's
    transaction, in order: the tip locked once, the entries inserted together."""
    from misconduct.app import models as m
    from misconduct.app.rows import insert

    if not writes:
        return
    tip, _ = m.LedgerTip.objects.using(using).select_for_update().get_or_create(id=1)
    last = m.LedgerEntry.objects.using(using).filter(position=tip.position).first()
    previous = last.chain if last is not None else GENESIS
    key = audit_key()
    entries = []
    for i, (case_ref, count, head, at) in enumerate(writes, start=1):
        chain = chain_of(previous, case_ref, count, head)
        entries.append(
            {
                "position": tip.position + i,
                "case_ref": case_ref,
                "count": count,
                "head": head,
                "recorded_at": at,
                "previous": previous,
                "chain": chain,
                "mac": mac_of(chain, key),
            }
        )
        previous = chain
    insert(using, m.LedgerEntry, entries)
    m.LedgerTip.objects.using(using).filter(id=1).update(position=tip.position + len(writes))


@dataclass(frozen=True)
class Checkpoint:
    position: int
    chain: str
    cases: int
    events: int
    signature: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": CHECKPOINT_FORMAT,
            "position": self.position,
            "chain": self.chain,
            "cases": self.cases,
            "events": self.events,
            "signature": self.signature,
        }

    @staticmethod
    def signed(position: int, chain: str, cases: int, events: int) -> Checkpoint:
        body = canonical_json({"position": position, "chain": chain})
        return Checkpoint(position, chain, cases, events, mac_of(body, audit_key()))

    @classmethod
    def parse(cls, text: str) -> Checkpoint:
        try:
            data = json.loads(text)
            if data.get("format") != CHECKPOINT_FORMAT:
                raise ValueError("format")
            return cls(
                int(data["position"]),
                str(data["chain"]),
                int(data["cases"]),
                int(data["events"]),
                str(data.get("signature", "")),
            )
        except (ValueError, TypeError, KeyError, AttributeError):
            raise InvalidInput(
                "checkpoint file",
                f"a {CHECKPOINT_FORMAT} file written by 'audit checkpoint'",
                text[:60],
            ) from None

    def signature_ok(self) -> bool | None:
        """True or False with a key set; None without one (nothing to check against)."""
        key = audit_key()
        if key is None:
            return None
        body = canonical_json({"position": self.position, "chain": self.chain})
        return hmac.compare_digest(self.signature, mac_of(body, key))
