"""Per-phase CPU of `db seed` in one process (build, prepare, pickle round trip, write), on a fresh
SQLite database in a temporary folder (branch seed6, docs/performance.md); with a phase name, its
cProfile (SORT=cumulative for another order). Run from a worktree with PYTHONPATH=src.
With DATABASE_URL naming an empty PostgreSQL database (initialised here) the rows are written there,
and the server process's own CPU while writing is added as `server=` (read from /proc: the server
must run on this machine; branch seed7).
usage: python bench/seed_phases.py N [gen|build|prepare|write]"""

# ruff: noqa: E402  (Django is set up before the app is imported)
import cProfile
import os
import pickle
import pstats
import sys
import tempfile
import time
from datetime import UTC, date, datetime

d = tempfile.mkdtemp(prefix="seed6-")
os.environ.setdefault("MISCONDUCT_DATA_DIR", d)
os.environ.setdefault("MISCONDUCT_SECRET_KEY", "bench-only")
from misconduct.app import bootstrap

bootstrap.setup()
bootstrap.init_db()
from misconduct.app import seeding
from misconduct.app.repository import DjangoUnitOfWork, prepare
from misconduct.services.cases import officers_of
from misconduct.services.seed import seeded_cases

N = int(sys.argv[1])
PROF = sys.argv[2] if len(sys.argv) > 2 else None
B = 250
on = date(2026, 11, 25)


def clock() -> datetime:
    return datetime(2026, 11, 25, 12, tzinfo=UTC)


svc = bootstrap.service("seed", clock)
seeding._fewer_collections()
seeding._cache_pages("default")
t = {"gen": 0.0, "build": 0.0, "prepare": 0.0, "pickle": 0.0, "write": 0.0, "server": 0.0}


def server_cpu() -> float:
    """The CPU seconds (user + system) of the PostgreSQL server process serving this connection
    (0 on SQLite)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


prof = cProfile.Profile()


def run(start, size, measure):
    seeding._between_batches()
    c0 = time.process_time()
    if measure and PROF == "gen":
        prof.enable()
    items = [(s.opening, s.steps) for s in seeded_cases(size, 1, on, start)]
    if measure and PROF == "gen":
        prof.disable()
    c1 = time.process_time()
    with DjangoUnitOfWork() as uow:
        known = uow.cases.warnings_of(officers_of(items))
    if measure and PROF == "build":
        prof.enable()
    built = svc.build_new(items, known, until_refused=True)
    if measure and PROF == "build":
        prof.disable()
    c2 = time.process_time()
    if measure and PROF == "prepare":
        prof.enable()
    rows = prepare(built, "default")
    if measure and PROF == "prepare":
        prof.disable()
    c3 = time.process_time()
    rows = pickle.loads(pickle.dumps(rows, pickle.HIGHEST_PROTOCOL))
    c4 = time.process_time()
    s0 = server_cpu()
    if measure and PROF == "write":
        prof.enable()
    with DjangoUnitOfWork() as uow:
        uow.cases.write(rows)
        uow.commit()
    if measure and PROF == "write":
        prof.disable()
    c5 = time.process_time()
    if measure:
        t["server"] += server_cpu() - s0
        for k, a, b in (
            ("gen", c0, c1),
            ("build", c1, c2),
            ("prepare", c2, c3),
            ("pickle", c3, c4),
            ("write", c4, c5),
        ):
            t[k] += b - a


run(0, B, False)
for start in range(B, B + N, B):
    run(start, B, True)
tot = sum(t.values())
print(
    " ".join(f"{k}={v / N * 1000:.3f}ms" for k, v in t.items()),
    f"total={tot / N * 1000:.3f}ms/case",
)
if PROF:
    pstats.Stats(prof).sort_stats(os.environ.get("SORT", "tottime")).print_stats(45)
