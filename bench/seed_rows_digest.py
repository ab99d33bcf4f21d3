"""Digests of what a seeded batch writes, to compare two versions of the write path (branch seed9,
docs/performance.md): N cases of ``--seed 3`` built and prepared as ``db seed`` does, then

- ``plain``: every case's plain state and every event's plain payload (no salt in either);
- ``rows``: every prepared row of every table (``repository.prepare``), with salts, commitments and
  hashes (32 to 64 hexadecimal characters) masked, since each seal draws fresh salts.

Run from a worktree with PYTHONPATH=src (a fresh SQLite database in a temporary folder; with
DATABASE_URL naming an empty PostgreSQL database, the rows prepared for it):
    PYTHONHASHSEED=0 python bench/seed_rows_digest.py 300

Columns a version adds can be left out of ``rows`` to compare it with one without them, each
named ``app_label.Model.attname``; the personal data's ``commitment`` (branch pgverify11) is then
checked to be ``personal.commitment`` of its row's id, salt and value, or None where no value is:
    PYTHONHASHSEED=0 python bench/seed_rows_digest.py 300 misconduct.PersonalDatum.commitment"""

# ruff: noqa: E402  (Django is set up before the app is imported)
import hashlib
import json
import os
import re
import sys
import tempfile
from datetime import UTC, date, datetime
from typing import Any

os.environ.setdefault("MISCONDUCT_DATA_DIR", tempfile.mkdtemp(prefix="seed-digest-"))
os.environ.setdefault("MISCONDUCT_SECRET_KEY", "bench-only")
from misconduct.app import bootstrap

bootstrap.setup()
bootstrap.init_db()
from misconduct.app.repository import prepare
from misconduct.app.rows import _Encoded
from misconduct.domain.codec import to_plain
from misconduct.domain.events import event_payload
from misconduct.services.seed import seeded_cases

_HEX = re.compile(r"[0-9a-f]{32,64}")


def _unwrapped(value: Any) -> Any:
    if isinstance(value, _Encoded):
        return ("encoded", value.text)
    if isinstance(value, list | tuple):
        return [_unwrapped(v) for v in value]
    if isinstance(value, dict):
        return {k: _unwrapped(v) for k, v in value.items()}
    return value


def _leave_out(label: str, table: list[list[Any]], names: list[str]) -> None:
    """The columns ``names`` taken out of ``table``'s rows (``label``'s), in place; a personal
    datum's commitment checked as it goes."""
    from django.apps import apps

    from misconduct.app.rows import _plan
    from misconduct.domain.personal import commitment

    columns = _plan(apps.get_model(label), "default")[1]
    for name in names:
        at = columns.index(name.rsplit(".", 1)[1])
        for row in table:
            kept = dict(zip(columns, row, strict=True))
            if name == "misconduct.PersonalDatum.commitment":
                made = kept["value"] and commitment(kept["datum_id"], kept["salt"], kept["value"])
                assert row[at] == (made or None), kept["datum_id"]
            del row[at]
        columns = columns[:at] + columns[at + 1 :]


def main(count: int, leave_out: list[str]) -> None:
    def clock() -> datetime:
        return datetime(2026, 11, 25, 12, tzinfo=UTC)

    service = bootstrap.service("seed", clock)
    items = [(s.opening, s.steps) for s in seeded_cases(count, 3, date(2026, 11, 25), 0)]
    batch = service.build_new(items, {}, until_refused=True)
    plain = hashlib.sha256()
    for _, _, new, case in batch:
        plain.update(json.dumps(to_plain(case)).encode())
        for recorded in new:
            plain.update(json.dumps(event_payload(recorded.event())).encode())
    rows = prepare(batch)
    for label, table in rows.log:
        left = [name for name in leave_out if name.startswith(f"{label}.")]
        if left:
            _leave_out(label, table, left)
    written = hashlib.sha256()
    for name in ("created", "log", "ledger", "officers", "persons", "tables", "entries", "tags"):
        text = repr(_unwrapped(getattr(rows, name)))
        assert " at 0x" not in text  # (no object left whose text is its address)
        written.update(_HEX.sub("H", text).encode())
    print("plain", plain.hexdigest())
    print("rows", written.hexdigest())


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2:])
