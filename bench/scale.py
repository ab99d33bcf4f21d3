"""`make bench-scale`: every list page at 1,000 and at 100,000 cases, served by `misconduct serve`.

For each size (BENCH_SCALE_SIZES, default "1000,100000") and each database (SQLite; PostgreSQL too
when BENCH_POSTGRES_URL names a reachable server whose database this script may drop and create):
seed the cases with `misconduct db seed` (cases/s), verify every chain with `misconduct audit verify`
and again with `--replay` (events/s, whole command), work out the day's steps of every case
(`misconduct db steps`, as a deployment does once a day), serve with `misconduct serve` on 127.0.0.1
(BENCH_PORT, default 8107), and drive each page with locust (16 concurrent clients, BENCH_SECONDS
each, default 15), printing p50/p95/p99 and req/s beside a static file of the same server, and each
page's p50 at the largest size over the smallest.
A case page or an outcome page asks each time for a case chosen at random from the whole database.
Results go to bench/scale-results.json; docs/performance.md quotes them with the machine.

Also: BENCH_WORK (keep the seeded databases there and serve them again), BENCH_SEED_ONLY,
BENCH_VERIFY_MAX and BENCH_REPLAY_MAX (see docs/performance.md), BENCH_ONLY (words separated by
commas: drive only the pages whose name holds one), BENCH_SQLITE=0 (PostgreSQL only), BENCH_WORKERS
and BENCH_THREADS (`misconduct serve --workers/--threads`).
"""

from __future__ import annotations

import csv
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "8107"))
USERS = 16
SECONDS = int(os.environ.get("BENCH_SECONDS", "15"))
SIZES = [int(s) for s in os.environ.get("BENCH_SCALE_SIZES", "1000,100000").split(",") if s]
PAGES = {
    "static file (floor)": ("/static/web/site.css", {}),
    "public register": ("/", {}),
    "register, filtered": ("/?outcome=dismissal_without_notice&year=2024", {}),
    "Atom feed": ("/outcomes/feed.atom", {}),
    "public API list": ("/api/public/outcomes?limit=50", {}),
    "public outcome page": ("/outcomes/{public_ref}/", {}),
    "staff dashboard": ("/staff/", {"session": True}),
    "staff case list": ("/staff/cases/", {"session": True}),
    "staff case list, later page": ("/staff/cases/?after={case_cursor}", {"session": True}),
    "my work": ("/staff/my-work/", {"session": True}),
    "staff case page": ("/staff/cases/{case_ref}/", {"session": True}),
    "API case list": ("/api/cases/", {"token": True}),
}
LOCUSTFILE = """
import json, os, random
from locust import constant, task
from locust.contrib.fasthttp import FastHttpUser

REFS = json.loads(open(os.environ["BENCH_REFS"]).read())

class Reader(FastHttpUser):
    wait_time = constant(0)
    path = os.environ["BENCH_PATH"]
    headers = {k: v for k, v in (h.split(": ", 1) for h in os.environ.get("BENCH_HEADERS", "").split("\\n") if h)}

    @task
    def read(self):
        # A case page or an outcome page asks for a case of the whole database, chosen at random.
        path = self.path.format(case_ref=random.choice(REFS["case_refs"]), public_ref=random.choice(REFS["public_refs"]))
        with self.client.get(path, headers=self.headers, name="page", catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"status {r.status_code}")
"""


def chosen(name: str) -> bool:
    """Whether BENCH_ONLY (words separated by commas; default every page) names the page."""
    only = [w for w in os.environ.get("BENCH_ONLY", "").split(",") if w]
    return not only or any(w in name for w in only)


def run(args: list[str], env: dict[str, str]) -> str:
    out = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{out.stdout}\n{out.stderr}")
    return out.stdout


def prepare_here() -> dict[str, object]:
    """A staff user with every force, a session, an API token, and what to read: every case's
    reference and every public outcome's (each request picks one at random, so the pages are
    driven across the whole database, not one case kept warm), and a cursor half way down the
    case list (at most 5,000 rows in). Runs in a process where Django is set up."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )

    from misconduct.app import models as m
    from misconduct.app.api.models import ApiToken
    from misconduct.app.web import register, store
    from misconduct.app.web.models import Membership

    user, _ = get_user_model().objects.get_or_create(username="bench")
    user.set_password("bench-password-1")
    user.save()
    for f in m.CaseListing.objects.values_list("force_id", flat=True).distinct():
        Membership.objects.get_or_create(user=user, role="case_officer", force=f)
    s = import_module(settings.SESSION_ENGINE).SessionStore()
    s[SESSION_KEY] = str(user.pk)
    s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    s[HASH_SESSION_KEY] = user.get_session_auth_hash()
    s.save()
    # The CSRF cookie a browser sends back from its first page on (the bench's clients keep no
    # cookies): without it every staff page would make and set a new secret, which no signed-in
    # person's browser makes a server do.
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
    from django.utils.crypto import get_random_string

    csrf = get_random_string(CSRF_SECRET_LENGTH, CSRF_ALLOWED_CHARS)
    _, token = ApiToken.issue(user, "bench")
    public = list(
        register.filtered(store.today(), register.Filters(kind="outcome")).values_list(
            "ref", flat=True
        )
    )
    cases = list(m.CaseListing.objects.order_by("ref").values_list("ref", flat=True))
    deep = store.search(user, store.Search())[min(len(cases) // 2, 5000)]
    return {
        "session": s.session_key,
        "csrf": csrf,
        "token": token,
        "public_refs": public,
        "case_refs": cases,
        "case_cursor": store.cursor_of(deep, store.CASE_ORDER),
        "cases": m.Case.objects.count(),
        "events": m.Event.objects.count(),
    }


def prepare(env: dict[str, str]) -> dict[str, Any]:
    """:func:`prepare_here` in a process of its own, on the database ``env`` names."""
    code = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(ROOT / 'bench')!r})\n"
        "from misconduct.app import bootstrap; bootstrap.setup()\n"
        "import scale; print(json.dumps(scale.prepare_here()))\n"
    )
    out = run([str(BIN / "python"), "-c", code], env)
    return dict(json.loads(out.strip().splitlines()[-1]))


def serve(env: dict[str, str]) -> subprocess.Popen[bytes]:
    try:
        urllib.request.urlopen(f"http://{HOST}:{PORT}/", timeout=2)
    except OSError:
        pass
    else:
        raise SystemExit(f"something already answers on port {PORT}: stop it or set BENCH_PORT")
    server = subprocess.Popen(
        [
            str(BIN / "misconduct"),
            "serve",
            *("--host", HOST, "--port", str(PORT)),
            *("--workers", os.environ.get("BENCH_WORKERS", "2")),
            *(["--threads", os.environ["BENCH_THREADS"]] if "BENCH_THREADS" in os.environ else []),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(240):
        if server.poll() is not None:
            raise SystemExit(f"misconduct serve stopped (exit code {server.returncode})")
        try:
            urllib.request.urlopen(f"http://{HOST}:{PORT}/static/web/site.css", timeout=2)
            return server
        except OSError:
            time.sleep(0.5)
    os.killpg(server.pid, signal.SIGTERM)
    raise SystemExit("the server did not start")


def warm(path: str, headers: dict[str, str], refs: dict[str, Any]) -> None:
    """A few requests first, so that each worker has started and the page's first cost is not
    counted (a cold worker imports and connects once)."""
    for i in range(4):
        one = {k: refs[k + "s"][i % len(refs[k + "s"])] for k in ("case_ref", "public_ref")}
        request = urllib.request.Request(
            f"http://{HOST}:{PORT}{path.format(**one)}", headers=headers
        )
        try:
            urllib.request.urlopen(request, timeout=120).read()
        except OSError as exc:
            raise SystemExit(f"{path}: {exc}") from None


def drive(
    path: str, headers: dict[str, str], work: Path, env: dict[str, str], refs: dict[str, Any]
) -> dict[str, float]:
    warm(path, headers, refs)
    (work / "refs.json").write_text(json.dumps(refs))
    locustfile = work / "locustfile.py"
    locustfile.write_text(LOCUSTFILE)
    prefix = work / "run"
    e = {
        **env,
        "BENCH_PATH": path,
        "BENCH_REFS": str(work / "refs.json"),
        "BENCH_HEADERS": "\n".join(f"{k}: {v}" for k, v in headers.items()),
    }
    subprocess.run(
        [
            str(BIN / "locust"),
            "-f",
            str(locustfile),
            "--headless",
            "-u",
            str(USERS),
            "-r",
            str(USERS),
            "-t",
            f"{SECONDS}s",
            "--host",
            f"http://{HOST}:{PORT}",
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "ERROR",
        ],
        env=e,
        capture_output=True,
        check=False,
    )
    with open(f"{prefix}_stats.csv") as f:
        row = next((r for r in csv.DictReader(f) if r["Name"] == "page"), None)
    if row is None:  # not one request finished in the time given
        return {"requests": 0, "failures": 0, "rps": 0.0, "p50": 0.0, "p95": 0.0, "p99": 0.0}
    return {
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
        "rps": round(float(row["Requests/s"]), 1),
        "p50": float(row["50%"]),
        "p95": float(row["95%"]),
        "p99": float(row["99%"]),
    }


def fresh_postgres(url: str) -> None:
    """Drop and create the benchmark's own PostgreSQL database (never the default one)."""
    import psycopg

    base, _, name = url.rpartition("/")
    if not name.startswith("bench"):
        raise SystemExit("BENCH_POSTGRES_URL must name a database whose name starts with bench")
    with psycopg.connect(
        f"{base}/postgres".replace("postgres://", "postgresql://", 1), autocommit=True
    ) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}"')
        c.execute(f'CREATE DATABASE "{name}"')


def postgres_cases(url: str) -> int | None:
    """How many cases the benchmark's PostgreSQL database holds (None if it cannot be read)."""
    import psycopg

    try:
        with psycopg.connect(url.replace("postgres://", "postgresql://", 1)) as c:
            row = c.execute("SELECT count(*) FROM misconduct_case").fetchone()
    except psycopg.Error:
        return None
    return int(row[0]) if row else None


def one(size: int, db: str, url: str | None) -> dict[str, object]:
    """Seed (or, with BENCH_WORK, reuse a database this script seeded there before: the seeding
    rate is then the one recorded when it was seeded), verify, serve and drive every page."""
    keep = os.environ.get("BENCH_WORK")
    if keep:
        work = Path(keep) / f"{db.lower()}-{size}"
        work.mkdir(parents=True, exist_ok=True)
    else:
        work = Path(tempfile.mkdtemp(prefix=f"misconduct-scale-{size}-"))
    env = {
        **os.environ,
        "MISCONDUCT_DATA_DIR": str(work),
        "MISCONDUCT_SECRET_KEY": "bench-only-not-a-secret",
    }
    env.pop("DATABASE_URL", None)
    if url:
        # one database a size (``bench`` → ``bench_1000``), so that BENCH_WORK keeps every size
        url = f"{url}_{size}"
        env["DATABASE_URL"] = url
    marker, stepped = work / "seeded.txt", work / "steps.txt"
    # With BENCH_WORK, a database seeded before is served again: a SQLite file in its folder, or the
    # size's PostgreSQL database if it still holds that many cases.
    reused = bool(keep and marker.exists() and (not url or postgres_cases(url) == size))
    if reused:
        seeded = marker.read_text()
        print(f"  {db} {size:>7,} reusing the database seeded in {work}: {seeded.strip()}")
        run([str(BIN / "misconduct"), "db", "init"], env)  # migrations since (and a rebuild)
    else:
        stepped.unlink(missing_ok=True)  # a database seeded afresh has no steps worked out yet
        if url:
            fresh_postgres(url)
        run([str(BIN / "misconduct"), "db", "init"], env)
        seeded = run(
            [str(BIN / "misconduct"), "db", "seed", "--cases", str(size), "--seed", "1"], env
        )
        marker.write_text(seeded.strip().splitlines()[-1] + "\n")
        print(f"  {db} {size:>7,} {seeded.strip().splitlines()[-1]}", flush=True)
    rate = float(re.search(r"\(([\d,]+) cases/s\)", seeded).group(1).replace(",", ""))  # type: ignore[union-attr]
    if os.environ.get("BENCH_SEED_ONLY"):  # seed now, measure later (with BENCH_WORK)
        return {"cases": size, "database": db, "seed_cases_per_s": rate}
    verify_rate = verify_again_rate = replay_rate = None
    if size <= int(os.environ.get("BENCH_VERIFY_MAX", "100000000")):
        # The default check (chains, personal data, evidence files, ledger) twice: first with the
        # database as seeding left it (partly out of memory at 100,000 cases), then again at once
        # (in memory as far as the first left it); then the replay.
        replay = size <= int(os.environ.get("BENCH_REPLAY_MAX", "100000000"))
        levels: list[tuple[tuple[str, ...], str]] = [((), "first"), ((), "again")]
        for level, when in levels + ([(("--replay",), "")] if replay else []):
            t = time.perf_counter()
            verified = run([str(BIN / "misconduct"), "audit", "verify", *level], env)
            verify_s = time.perf_counter() - t
            checked = int(re.search(r"([\d]+) events", verified).group(1))  # type: ignore[union-attr]
            if level:
                replay_rate = round(checked / verify_s)
            elif when == "first":
                verify_rate = round(checked / verify_s)
            else:
                verify_again_rate = round(checked / verify_s)
            print(
                f"  {db} {size:>7,} audit verify {' '.join(level)}: {checked:,} events in "
                f"{verify_s:.1f} s{f' ({when})' if when else ''}",
                flush=True,
            )
    # The steps the case page shows are kept a day: a deployment works them out once a day
    # (``misconduct db steps``, after midnight), else each case's first page of the day does.
    # A database reused (BENCH_WORK) whose steps were worked out today is not worked out again.
    day = time.strftime("%Y-%m-%d")  # as `db steps` dates them
    if reused and stepped.exists() and stepped.read_text().strip() == day:
        print(f"  {db} {size:>7,} db steps: worked out already today", flush=True)
    else:
        t = time.perf_counter()
        run([str(BIN / "misconduct"), "db", "steps"], env)
        print(f"  {db} {size:>7,} db steps: {time.perf_counter() - t:.1f} s", flush=True)
        stepped.write_text(day + "\n")
    info = prepare(env)
    print(f"  {db} {size:>7,} holds {info['cases']:,} cases, {info['events']:,} events", flush=True)
    server = serve(env)
    pages = {}
    try:
        for name, (path, needs) in PAGES.items():
            if not chosen(name):
                continue
            headers = {}
            if needs.get("session"):
                headers["Cookie"] = f"sessionid={info['session']}; csrftoken={info['csrf']}"
            if needs.get("token"):
                headers["Authorization"] = f"Bearer {info['token']}"
            refs = {k: info[k] for k in ("case_refs", "public_refs")}
            path = path.replace("{case_cursor}", str(info["case_cursor"]))
            pages[name] = drive(path, headers, work, env, refs)
            p = pages[name]
            print(
                f"  {db} {size:>7,} {name:<22} p50 {p['p50']:>6.0f} ms  p95 {p['p95']:>6.0f}  p99 {p['p99']:>6.0f}  {p['rps']:>7.1f} req/s  ({p['failures']} failed)",
                flush=True,
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    if not url and not keep:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "size": size,
        "cases": info["cases"],
        "database": db,
        "seed_cases_per_s": rate,
        "events": info["events"],
        "verify_events_per_s": verify_rate,
        "verify_again_events_per_s": verify_again_rate,
        "verify_replay_events_per_s": replay_rate,
        "pages": pages,
    }


def main() -> None:
    results = []
    postgres = os.environ.get("BENCH_POSTGRES_URL")
    # BENCH_SQLITE=0: PostgreSQL only (a subset run, with BENCH_WORK and BENCH_ONLY)
    sqlite = os.environ.get("BENCH_SQLITE", "1") != "0"
    for size in SIZES:
        if sqlite:
            results.append(one(size, "SQLite", None))
        if postgres:
            results.append(one(size, "PostgreSQL", postgres))
    if len(SIZES) > 1 and not os.environ.get("BENCH_SEED_ONLY"):
        for db in {r["database"] for r in results}:
            small, large = (
                next(r for r in results if r["size"] == s and r["database"] == db)
                for s in (min(SIZES), max(SIZES))
            )
            print(f"p50 at {max(SIZES):,} over p50 at {min(SIZES):,} ({db}):")
            for name in small["pages"]:  # type: ignore[attr-defined]
                a, b = small["pages"][name]["p50"], large["pages"][name]["p50"]  # type: ignore[index]
                print(f"  {name:<22} {b / a if a else float('nan'):.2f}")
    out = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "system": platform.platform(),
            "load_average_at_end": os.getloadavg(),
        },
        "users": USERS,
        "seconds": SECONDS,
        "results": results,
    }
    (ROOT / "bench" / "scale-results.json").write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
