"""`misconduct db seed --cases N --seed 1` into a fresh PostgreSQL database (dropped and created
here: its name must start with bench, or hold _bench after a helper's own prefix), with the code in SRC (a `src` folder: a worktree's, or an
older commit's exported with `git archive`), and where the CPU went: the command's own (user +
system, `/usr/bin/time`, workers included), the server processes serving that database (from
/proc, sampled four times a second: the server must run on this machine), the server's shared
processes (checkpointer, WAL writer, background writer), the wall clock, how busy the machine's
cores were and the load average (branch pgseed8, docs/performance.md).
usage: python bench/seed_pg_cpu.py SRC N DBNAME [more db seed options]"""

import os
import subprocess
import sys
import tempfile
import threading
import time

import psycopg
from proc_cpu import cpu

SRC, N, DB = sys.argv[1], int(sys.argv[2]), sys.argv[3]
EXTRA = sys.argv[4:]
if not (DB.startswith("bench") or "_bench" in DB):
    raise SystemExit("DBNAME must start with bench or hold _bench (it is dropped and created)")
BASE = "postgresql://postgres@127.0.0.1:5432"
CORES = os.cpu_count() or 1


def stat():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return sum(v), v[3] + v[4]


with psycopg.connect(f"{BASE}/postgres", autocommit=True) as c:
    c.execute(f'DROP DATABASE IF EXISTS "{DB}"')
    c.execute(f'CREATE DATABASE "{DB}"')

env = {
    **os.environ,
    "PYTHONPATH": SRC,
    "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB}",
    "MISCONDUCT_SECRET_KEY": "bench-only",
    "MISCONDUCT_DATA_DIR": tempfile.mkdtemp(prefix="seed-pg-"),
}
os.makedirs(env["MISCONDUCT_DATA_DIR"], exist_ok=True)
PY = sys.executable
subprocess.run([PY, "-m", "misconduct", "db", "init"], env=env, check=True, capture_output=True)

mon = psycopg.connect(f"{BASE}/postgres", autocommit=True)
mine = mon.execute("select pg_backend_pid()").fetchone()[0]
first: dict = {}
last: dict = {}
kind: dict = {}
stop = False


def sample():
    rows = mon.execute(
        "select pid, coalesce(datname,''), backend_type from pg_stat_activity"
        " where (datname = %s or backend_type in"
        " ('checkpointer','walwriter','background writer')) and pid <> %s",
        [DB, mine],
    ).fetchall()
    for pid, dat, bt in rows:
        v = cpu(pid)
        if v is None:
            continue
        if pid not in first:
            first[pid] = 0.0 if dat == DB else v
            kind[pid] = bt if dat != DB else "backend"
        last[pid] = v


def loop():
    while not stop:
        sample()
        time.sleep(0.25)


sample()
load0 = os.getloadavg()
t0, i0 = stat()
th = threading.Thread(target=loop)
th.start()
w0 = time.time()
out = subprocess.run(
    [
        "/usr/bin/time",
        "-f",
        "TIME %U %S %e",
        "nice",
        "-n",
        "10",
        PY,
        "-m",
        "misconduct",
        "db",
        "seed",
        "--cases",
        str(N),
        "--seed",
        "1",
        *EXTRA,
    ],
    env=env,
    capture_output=True,
    text=True,
)
stop = True
th.join()
sample()
t1, i1 = stat()
load1 = os.getloadavg()
line = [x for x in out.stdout.splitlines() if x.startswith("Seeded")]
tm = [x for x in out.stderr.splitlines() if x.startswith("TIME")]
if out.returncode or not tm:
    print(out.stdout[-2000:], out.stderr[-3000:])
    sys.exit(1)
u, s, e = map(float, tm[0].split()[1:])
back = sum(last[p] - first[p] for p in last if kind[p] == "backend")
aux = sum(last[p] - first[p] for p in last if kind[p] != "backend")
busy = 100 * (1 - (i1 - i0) / (t1 - t0))
print(
    f"{time.strftime('%H:%M:%S', time.gmtime(w0))}Z {os.path.basename(SRC.rstrip('/').rsplit('/src', 1)[0])}"
    f" N={N} {EXTRA} | {line[0] if line else '?'} | client {u:.2f}+{s:.2f}={u + s:.2f}s"
    f" ({(u + s) / N * 1000:.2f} ms/case) | backends {back:.2f}s ({back / N * 1000:.2f} ms/case)"
    f" aux {aux:.2f}s | wall {e:.1f}s | machine busy {busy * CORES:.0f}% of {CORES} cores"
    f" | load {load0[0]:.2f}->{load1[0]:.2f}",
    flush=True,
)
