"""``audit verify`` in worker processes (issue 10): the cases are checked in ranges, each range in a
process of its own, and the findings merged in case order are those one process finds. The pytest
database lives in one connection's transaction, so this runs the real thing on a SQLite file in a
subprocess: seeded by ``db seed``, verified, then tampered with and verified again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import json, sys
from misconduct.app import bootstrap
bootstrap.setup()
from django.db import connection
from misconduct.app.audit import verify_database

def both():
    out = []
    for workers in (1, 2):
        for chain_only in (False, True):
            r = verify_database(workers=workers, chain_only=chain_only, chunk=2)
            out.append([r.workers, r.chain_only, r.cases, r.events, [str(p) for p in r.problems]])
    return out

clean = both()
with connection.cursor() as c:
    for t in ("event_no_update", "event_no_delete", "personaldatum_no_delete",
              "personaldatum_erase_only"):
        c.execute(f"DROP TRIGGER misconduct_{t}")
    c.execute("SELECT id, ref FROM misconduct_case ORDER BY id")
    cases = c.fetchall()
    # a payload rewritten (the third range), a list row changed (the fourth), a personal value
    # changed (the fifth), the last event of a case removed (the second)
    c.execute("UPDATE misconduct_event SET payload = json_set(payload, '$.extra', 1) "
              "WHERE case_id = %s AND sequence = 2", [cases[4][0]])
    c.execute("UPDATE misconduct_caselisting SET search_text = 'changed' WHERE case_id = %s",
              [cases[6][0]])
    c.execute("UPDATE misconduct_personaldatum SET value = 'changed' WHERE id = "
              "(SELECT MIN(id) FROM misconduct_personaldatum WHERE case_id = %s)", [cases[8][0]])
    c.execute("DELETE FROM misconduct_event WHERE case_id = %s AND sequence = "
              "(SELECT MAX(sequence) FROM misconduct_event WHERE case_id = %s)",
              [cases[2][0], cases[2][0]])
print(json.dumps({"refs": [r for _, r in cases], "clean": clean, "tampered": both()}))
"""


def test_worker_processes_find_what_one_process_finds(tmp_path: Path) -> None:
    env = {**os.environ, "MISCONDUCT_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    cli = str(Path(sys.executable).parent / "misconduct")
    for args in (["db", "init"], ["db", "seed", "--cases", "9", "--seed", "3"]):
        done = subprocess.run([cli, *args], env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
    ran = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=300
    )
    assert ran.returncode == 0, ran.stderr
    found = json.loads(ran.stdout)
    refs = found["refs"]
    for runs in (found["clean"], found["tampered"]):
        one, one_chain, two, two_chain = runs
        assert (one[0], two[0]) == (1, 2)  # five ranges of two cases: two processes
        assert one[1:] == [False, *two[2:4], two[4]] and two[1] is False
        assert one_chain[1:] == [True, *two_chain[2:]]
        assert one[2] == 9
    assert found["clean"][0][4] == [] and found["clean"][1][4] == []
    problems = found["tampered"][0][4]
    assert any(p.startswith(f"case {refs[4]}, event 2") for p in problems), problems
    assert any(p.startswith(f"case {refs[6]}: its case list (read model)") for p in problems)
    assert any(p.startswith(f"case {refs[8]}, event") for p in problems), problems
    removed = (f"case {refs[2]}: the ledger anchors", f"case {refs[2]}: is in the ledger but")
    assert any(p.startswith(removed) for p in problems), problems
    chain_problems = found["tampered"][1][4]  # chains only: the list row is not compared
    assert not any(p.startswith(f"case {refs[6]}") for p in chain_problems), chain_problems
    assert any(p.startswith(f"case {refs[4]}, event 2") for p in chain_problems)
