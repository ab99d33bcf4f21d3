"""The bytes an event's hash covers, stored so that ``audit verify`` can hash them as they are
(issue 10 item 3).

An event's hash is the SHA-256 of the canonical JSON of its fields (``domain.ledger``: sorted keys,
no spaces), the payload's canonical JSON among them. Until this module the payload column held
another text of the same value (SQLite: Django's ``json.dumps``, fields in order, with spaces;
PostgreSQL: ``jsonb``, which keeps neither key order nor spacing), so the audit decoded every
payload and encoded it again to hash it. Now the one write path (``repository.prepare``, which
``db seed`` and every command use) stores the payload's canonical JSON text itself:

- **SQLite**: the ``payload`` column holds that text (the same JSON value Django reads), and
  ``canonical_payload`` is empty, meaning "the payload column is the hashed text".
- **PostgreSQL**: ``payload`` is ``jsonb`` made from that text, and ``canonical_payload`` keeps the
  text; the audit asks the database whether the two are the same JSON (their ``jsonb`` texts equal).

``canonical_payload`` is NULL for an event recorded before this change: the audit then decodes its
payload and encodes it again, as it always did.
"""

from __future__ import annotations

from typing import Any

from misconduct.app.rows import encoded
from misconduct.domain.ledger import canonical_json

IN_PAYLOAD = ""
"""``canonical_payload`` when the ``payload`` column itself holds the hashed text (SQLite)."""


def payload_columns(payload: Any, vendor: str, text: str = "") -> dict[str, Any]:
    """The stored columns of an event's ``payload`` on a database of ``vendor``: ``payload`` (what
    reads decode) and ``canonical_payload`` (see the module's docstring), both from the one text
    the event's hash covers (``text``, when the sealing kept it: ``RecordedEvent.payload_text``)."""
    text = text or canonical_json(payload)
    kept = IN_PAYLOAD if vendor == "sqlite" else text
    return {"payload": encoded(text), "canonical_payload": kept}
