"""`misconduct audit verify` (with any more options) on a PostgreSQL database that is already
seeded, with the code in SRC (a `src` folder: a worktree's, or an older commit's exported with
`git archive`), and where the CPU went: the command's own (user + system, `/usr/bin/time`, its
workers included) and that of the server processes serving that database (from /proc, sampled
every 20 ms: the server must run on this machine), with the wall clock and the load average
(branch pgverify10, docs/performance.md).
usage: python bench/verify_pg_cpu.py SRC DBNAME [DATA_DIR] [more audit verify options]"""

import os
import subprocess
import sys
import threading
import time

import psycopg
from proc_cpu import cpu

SRC, DB = sys.argv[1], sys.argv[2]
DATA = sys.argv[3] if len(sys.argv) > 3 and not sys.argv[3].startswith("-") else None
EXTRA = sys.argv[4:] if DATA else sys.argv[3:]
BASE = "postgresql://postgres@127.0.0.1:5432"


env = {
    **os.environ,
    "PYTHONPATH": SRC,
    "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB}",
    "MISCONDUCT_SECRET_KEY": os.environ.get("MISCONDUCT_SECRET_KEY", "bench-only"),
    "MISCONDUCT_DATA_DIR": DATA or os.environ.get("MISCONDUCT_DATA_DIR", "/tmp"),
}
mon = psycopg.connect(f"{BASE}/postgres", autocommit=True)
mine = mon.execute("select pg_backend_pid()").fetchone()[0]  # type: ignore[index]
last: dict[int, float] = {}
stop = False


def sample() -> None:
    while not stop:
        rows = mon.execute(
            "select pid from pg_stat_activity where datname = %s and pid <> %s", [DB, mine]
        ).fetchall()
        for (pid,) in rows:
            value = cpu(pid)
            if value is not None:
                last[pid] = value  # (each backend serves this command alone: it started at 0)
        time.sleep(0.02)


thread = threading.Thread(target=sample)
thread.start()
code = "import sys; sys.argv[0] = 'misconduct'; from misconduct.cli import main; sys.exit(main())"
done = subprocess.run(
    ["/usr/bin/time", "-f", "%U %S %e", sys.executable, "-c", code, "audit", "verify", *EXTRA],
    env=env,
    capture_output=True,
    text=True,
)
stop = True
thread.join()
user, system, wall = done.stderr.strip().splitlines()[-1].split()
said = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-300:]
print(
    f"client {float(user) + float(system):.2f} s (user {user}, system {system}), "
    f"server {sum(last.values()):.2f} s ({len(last)} backends), wall {wall} s, "
    f"load {os.getloadavg()[0]:.1f} | {said}"
)
