"""The CPU (user + system, seconds) a process has used so far, from /proc: for the bench scripts
that measure a PostgreSQL server's processes beside the command (seed_pg_cpu.py,
verify_pg_cpu.py)."""

import os

TCK = os.sysconf("SC_CLK_TCK")


def cpu(pid: int) -> float | None:
    """None once the process has gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TCK
    except OSError:
        return None
