"""The CPU cost of one request to each page of issue 10, in one process (Django's test client).

Serves the database that MISCONDUCT_DATA_DIR (SQLite) or DATABASE_URL names, as ``make bench-scale``
leaves it (e.g. ``BENCH_WORK=/tmp/scale-bench`` keeps ``/tmp/scale-bench/sqlite-1000``), signed in
as the user ``bench`` that ``bench/scale.py`` prepares. For each page it prints the CPU time
(``time.process_time``) of a request, the best of BENCH_ROUNDS rounds (default 5) of BENCH_REQUESTS
requests each (default 40), and the number of queries a request makes; the case page and the public
outcome page each request a different case of the whole database, chosen at random. CPU time is the
figure to compare on a shared machine: what other processes do does not count in it. On PostgreSQL
it also prints the server's CPU for the connection, a request (all rounds: /proc of the server's
process, so only with the server on this machine; the scheduler's count in nanoseconds where the
kernel keeps it, else clock ticks of 10 ms, then give it enough requests). The case page
reads the steps kept for today (``misconduct db steps``, which ``bench/scale.py`` runs before serving);
without them each case's first request works its steps out and keeps them (two to four times the
cost: see docs/performance.md).

``BENCH_WSGI=1`` sends each request through Django's WSGI handler as ``misconduct serve``'s gunicorn
does, instead of the test client: the request signals included (on PostgreSQL, the persistent
connection's health check, a ``SELECT 1`` at each request's first query, which the query count does
not show), the test client's own work left out.

``BENCH_ONLY=WORD,WORD`` measures only the pages whose name holds one of the words. ``BENCH_PROFILE=PAGE`` (a page's
name) prints the page's profile instead (cProfile over BENCH_REQUESTS requests, sorted by
BENCH_SORT, default ``cumulative``, its first BENCH_LINES lines, default 45; BENCH_DUMP=FILE also
writes it to FILE for ``pstats``). ``BENCH_SQL=1`` prints each page's
queries, each with its plan (``EXPLAIN QUERY PLAN`` on SQLite, ``EXPLAIN`` on PostgreSQL) and the
fastest time of its ``execute`` over 20 requests (on SQLite the work up to its first row, a sort
included; the rest is read as the rows are fetched).

    PYTHONPATH=src MISCONDUCT_DATA_DIR=/tmp/scale-bench/sqlite-1000 python bench/pages.py
"""

from __future__ import annotations

import os
import random
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "40"))


def main() -> None:
    os.environ.setdefault("MISCONDUCT_SECRET_KEY", "bench-only-not-a-secret")
    from misconduct.app import bootstrap

    bootstrap.setup()
    import scale
    from django.db import connection
    from django.test import Client

    info = scale.prepare_here()
    make: Any = Served if os.environ.get("BENCH_WSGI") else partial(Client, HTTP_HOST="127.0.0.1")
    staff = make()
    staff.cookies["sessionid"] = info["session"]
    public = make()
    rng = random.Random(1)
    pages = {
        name: (path, needs)
        for name, (path, needs) in scale.PAGES.items()
        if not path.startswith("/static/")
    }
    profile = os.environ.get("BENCH_PROFILE")
    queries: list[str] = []

    def counting(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries.append(sql)
        return execute(sql, params, many, context)

    for name, (path, needs) in pages.items():
        if (profile and name != profile) or not scale.chosen(name):
            continue
        headers = {}
        if needs.get("token"):
            headers["HTTP_AUTHORIZATION"] = f"Bearer {info['token']}"
        one = partial(
            request, name, path, staff if needs.get("session") else public, headers, info, rng
        )
        size = one()  # warm: templates compiled, caches filled, connection open
        queries.clear()
        with connection.execute_wrapper(counting):
            one()
        if os.environ.get("BENCH_SQL"):
            took: dict[str, float] = {}
            with connection.execute_wrapper(partial(timed, took)):
                for _ in range(20):
                    one()
            explain(name, queries, took)
        if profile:
            import cProfile
            import pstats

            with cProfile.Profile() as p:
                for _ in range(REQUESTS):
                    one()
            if os.environ.get("BENCH_DUMP"):
                p.dump_stats(os.environ["BENCH_DUMP"])
            stats = pstats.Stats(p).sort_stats(os.environ.get("BENCH_SORT", "cumulative"))
            stats.print_stats(int(os.environ.get("BENCH_LINES", "45")))
            return
        best = float("inf")
        server_before = server_cpu()
        for _ in range(ROUNDS):
            started = time.process_time()
            for _ in range(REQUESTS):
                one()
            best = min(best, (time.process_time() - started) / REQUESTS)
        server = server_cpu()
        served = (
            f"  server {(server - server_before) / (ROUNDS * REQUESTS) * 1000:.2f} ms"
            if server is not None and server_before is not None
            else ""
        )
        print(
            f"{name:<28} {best * 1000:6.2f} ms CPU  {len(queries):3d} queries  "
            f"{size // 1024:4d} KiB  (at most {1 / best:,.0f} req/s a core){served}",
            flush=True,
        )


def server_cpu() -> float | None:
    """On PostgreSQL, the CPU seconds the server process of this connection has used so far (read
    from /proc: the server on this machine), else None."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:  # the scheduler's count of the time on a CPU, in nanoseconds
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except (OSError, IndexError, ValueError):
        pass
    try:  # else user + system time, in clock ticks (10 ms)
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Served:
    """A client sending each request through Django's WSGI handler, as gunicorn does (BENCH_WSGI)."""

    def __init__(self) -> None:
        from django.core.handlers.wsgi import WSGIHandler
        from django.test.client import RequestFactory

        self.handler = WSGIHandler()
        self.factory = RequestFactory(HTTP_HOST="127.0.0.1")
        self.cookies: dict[str, str] = {}

    def get(self, url: str, **headers: str) -> Any:
        from types import SimpleNamespace

        path, _, query = url.partition("?")
        environ = self.factory._base_environ(
            PATH_INFO=path,
            QUERY_STRING=query,
            REQUEST_METHOD="GET",
            HTTP_COOKIE="; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            **headers,
        )
        status: list[int] = []

        def start_response(line: str, _headers: Any, _exc: Any = None) -> None:
            status.append(int(line.split()[0]))

        response = self.handler(environ, start_response)
        try:
            content = b"".join(response)
        finally:
            response.close()
        return SimpleNamespace(status_code=status[0], content=content)


def timed(
    took: dict[str, float], execute: Any, sql: str, params: Any, many: bool, context: Any
) -> Any:
    """An execute wrapper keeping each query's fastest time in ``took``."""
    started = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        spent = time.perf_counter() - started
        took[sql] = min(took.get(sql, spent), spent)


def explain(name: str, queries: list[str], took: dict[str, float]) -> None:
    """The queries of one request to the page, each with the database's plan for it (the plan of
    the query as sent, with its parameters left out: each ``%s`` is given NULL, so a plan that depends
    on a value may differ)."""
    from django.db import connection

    print(f"== {name}")
    for sql in queries:
        spent = f"{took[sql] * 1000:.3f} ms" if sql in took else "(varies)"
        print(f"[{spent}] {sql}")
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql.replace("%s", "NULL"))
            for row in cursor.fetchall():
                print("    ", row[-1])


def request(
    name: str,
    path: str,
    client: Any,
    headers: dict[str, str],
    info: dict[str, Any],
    rng: random.Random,
) -> int:
    """One request to the page, for a case (or a public outcome) chosen at random."""
    url = path.format(
        case_ref=rng.choice(info["case_refs"]),
        public_ref=rng.choice(info["public_refs"]),
        case_cursor=info["case_cursor"],
    )
    response = client.get(url, **headers)
    if response.status_code != 200:
        raise SystemExit(f"{name}: {url} answered {response.status_code}")
    return len(response.content)


if __name__ == "__main__":
    main()
