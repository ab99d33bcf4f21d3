"""Building and preparing seeded cases in one process, for counting instructions with callgrind
(load-independent; branch seed9, docs/performance.md): start-up and ``db init`` on a fresh SQLite
database in a temporary folder, a first batch of 250 cases built and prepared (what is loaded once),
then N more in batches of 250, as a ``db seed`` worker does (``CaseService.build_new``, then
``repository.prepare``), with the cycle collector set as seeding sets it.

    PYTHONHASHSEED=0 valgrind --tool=callgrind python bench/seed_instructions.py 0
    PYTHONHASHSEED=0 valgrind --tool=callgrind python bench/seed_instructions.py 500

The difference between the two counts over 500 is the instructions a case. Run from a worktree with
PYTHONPATH=src."""

# ruff: noqa: E402  (Django is set up before the app is imported)
import os
import sys
import tempfile
from datetime import UTC, date, datetime

os.environ.setdefault("MISCONDUCT_DATA_DIR", tempfile.mkdtemp(prefix="seed-instructions-"))
os.environ.setdefault("MISCONDUCT_SECRET_KEY", "bench-only")
from misconduct.app import bootstrap

bootstrap.setup()
bootstrap.init_db()
from misconduct.app import seeding
from misconduct.app.repository import prepare
from misconduct.services.seed import seeded_cases

BATCH = 250


def main(count: int) -> None:
    def clock() -> datetime:
        return datetime(2026, 11, 25, 12, tzinfo=UTC)

    service = bootstrap.service("seed", clock)
    seeding._fewer_collections()
    for start in range(0, BATCH + count, BATCH):
        seeding._between_batches()
        items = [(s.opening, s.steps) for s in seeded_cases(BATCH, 1, date(2026, 11, 25), start)]
        prepare(service.build_new(items, {}, until_refused=True))


if __name__ == "__main__":
    main(int(sys.argv[1]))
