"""``misconduct db seed``: synthetic cases written through the one write path, built in parallel.

Each batch of cases is built as :meth:`CaseService.open_many` builds it (every step checked by the
rules, every event sealed into the case's hash chain: ``CaseService.build_many``) and turned into
the rows the repository writes (``repository.prepare``: the case's row and state, its events and
personal data, its projection and read models); the rows are then written by
``DjangoRepository.write`` in one transaction a batch, which also appends the ledger's entries.
``open_many`` does the same three steps in one process. With ``workers``, worker processes build and
prepare the batches while this process writes them, in order, one transaction a batch, so that the
rules and the sealing (most of the work) run on the other cores.

A worker reads the officers' warnings from other cases (which the rules weigh) from the database, as
``open_many`` does. A batch being built cannot see the warnings of a batch not yet written, so each
officer must be the subject of one seeded case only (``services.seed`` names every officer after
its case); the writer checks this and stops with an error otherwise.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any

from misconduct.errors import MisconductError
from misconduct.services.cases import CaseService

_service: CaseService | None = None
_using = "default"


def _fewer_collections() -> None:
    """Python's cycle collector once a batch instead of while it is built: building a batch makes
    many objects that live until the batch is written (each case's records and rows, freed by
    reference counting), and each automatic collection would walk all of them again (about a
    seventh of the CPU time, even at high thresholds). The collector is off while seeding;
    :func:`_between_batches` collects what a batch left in cycles and freezes what survives (module
    objects, caches) out of the next collection's reach."""
    gc.disable()
    gc.freeze()


def _between_batches() -> None:
    """Free the cycles the last batch left (at most one batch's worth is held), then freeze the
    survivors, so that each collection walks only what one batch made."""
    gc.collect()
    gc.freeze()


def _start(actor: str, clock: Callable[[], datetime], using: str) -> None:
    global _service, _using
    from misconduct.app import bootstrap

    _fewer_collections()
    _service = bootstrap.service(actor, clock, using)
    _using = using


def _build(task: tuple[int, int, int, date]) -> Any:
    """The rows of the seeded cases ``start`` to ``start + size`` (in a worker process)."""
    from misconduct.app.repository import DjangoRepository, prepare
    from misconduct.services.cases import officers_of
    from misconduct.services.seed import seeded_cases

    start, size, seed, on = task
    assert _service is not None
    _between_batches()
    items = [(s.opening, s.steps) for s in seeded_cases(size, seed, on, start)]
    # The officers' warnings from other cases, read by one statement in autocommit, outside any
    # transaction: on SQLite every transaction of this project begins IMMEDIATE (takes the write
    # lock), so a worker reading in one would queue for the lock behind the writer and the writer
    # behind it, and on a loaded machine one of them gave up ("database is locked"). One
    # statement reads a consistent snapshot by itself (WAL).
    known = DjangoRepository(_using).warnings_of(officers_of(items))
    return prepare(_service.build_new(items, known, until_refused=True), _using)


BATCH = 2000
"""Cases a transaction at most, by default (see docs/performance.md, "Seeding, fourth pass")."""


def default_batch(count: int, workers: int) -> int:
    """Cases a transaction when none is asked for: :data:`BATCH`, or fewer for a small seed, so
    that each worker has about four batches to build (at 1,000 cases and two workers, one batch of
    2,000 would leave one worker idle and the writer waiting for the whole seed)."""
    share = -(-count // (max(workers, 1) * 4))
    return max(50, min(BATCH, share))


def seed(
    count: int,
    seed: int,
    on: date,
    *,
    actor: str,
    clock: Callable[[], datetime],
    batch: int | None = None,
    workers: int = 2,
    progress: Callable[[int], None] = lambda n: None,
    using: str = "default",
) -> int:
    """Write ``count`` synthetic cases of ``seed`` dated up to ``on`` into the database ``using``;
    how many were written."""
    from misconduct.app import bootstrap
    from misconduct.services.seed import seeded_cases

    if batch is None:
        batch = default_batch(count, workers)
    tasks = [(start, min(batch, count - start), seed, on) for start in range(0, count, batch)]
    if workers < 1:
        service = bootstrap.service(actor, clock, using)
        written = 0
        with _collector_paused(), _bulk(using):
            for start, size, _, _ in tasks:
                _between_batches()
                items = [(s.opening, s.steps) for s in seeded_cases(size, seed, on, start)]
                written += len(service.open_many(items, until_refused=True))
                progress(size)
        return written
    with _collector_paused():  # here too: unpickling a batch's rows makes many objects
        return _write_built(tasks, actor, clock, workers, progress, using)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """:func:`_fewer_collections` in this process for the duration, the collector restored after."""
    enabled = gc.isenabled()
    _fewer_collections()
    try:
        yield
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()
        gc.collect()


def _cache_pages(using: str) -> None:
    """On SQLite, let this process's connection keep up to 256 MiB of pages in memory (instead of
    2 MiB) while it writes: the indexes of a large database are then not read again for each
    batch. It changes nothing of what is written or when it is durable (each batch's transaction
    commits as usual), and lasts as long as the connection."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -262144")


@contextlib.contextmanager
def _bulk(using: str) -> Iterator[None]:
    """The seeding connection set for writing many batches, whichever the database: SQLite's
    settings (:func:`_bulk_writing`) or PostgreSQL's (:func:`_bulk_session`); each does nothing on
    the other."""
    with _bulk_writing(using), _bulk_session(using):
        yield


@contextlib.contextmanager
def _bulk_session(using: str) -> Iterator[None]:
    """On PostgreSQL, two settings of this process's connection while it writes the seeded batches,
    reset after (no other connection, and no other write, is touched):

    - ``synchronous_commit = off``: a batch's commit returns without waiting for its WAL to reach
      the disk (the WAL writer flushes it within a fraction of a second). Safe here because a
      server crash in that moment can only lose the last batches whole (each batch is one
      transaction: its cases, events, ledger entries and counters together), never leave a batch
      in part or the database inconsistent; and seeded cases are synthetic, written again by the
      same command (the same ``--seed`` gives the same cases). Every other write keeps the server's
      setting.
    - ``default_toast_compression = lz4`` (when the server was built with it): the large values
      (each case's state, its kept case page, events' payloads, public records) are compressed
      with lz4 instead of pglz, which cost about a seventh of the server's CPU a seeded case. What
      a query reads back is the same value; only how the server keeps it on disk differs, and
      PostgreSQL reads either kind.
    - The foreign keys of the rows each batch copies checked once a batch instead of once a row,
      where the session may (``pgbackend.keys``).
    """
    from django.db import DatabaseError, connections

    from misconduct.app.pgbackend import keys as foreign_keys

    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        lz4 = bool((cursor.fetchone() or [False])[0])
        cursor.execute("SET synchronous_commit = off")
        if lz4:
            cursor.execute("SET default_toast_compression = lz4")
    try:
        with foreign_keys.bulk(connection):
            yield
    finally:
        # (a connection that broke while seeding is not asked again: its error is the one to show)
        with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")
            cursor.execute("RESET default_toast_compression")


_CHECKPOINT_PAGES = 65536
"""Pages (4 KiB) the write-ahead log grows to before SQLite copies it into the database while
seeding (256 MiB; SQLite's default, kept otherwise, is 1,000)."""


@contextlib.contextmanager
def _bulk_writing(using: str) -> Iterator[None]:
    """This process's SQLite connection set for writing many batches (nothing changes on
    PostgreSQL); restored after, and the write-ahead log copied into the database and synced to disk
    before the seed is reported done.

    - :func:`_cache_pages`.
    - The log is copied into the database (a checkpoint) every 256 MiB instead of every 4 MiB. Each
      batch's transaction writes every page it changed to the log; a checkpoint writes each page
      once, however many batches changed it since the last, and at the default every commit of a
      batch (more than 4 MiB) began one, rewriting the same index pages (the events' hashes, spread
      through their index) and waiting for the disk each time. What is written and when it is
      durable do not change (a commit is durable once in the log, as before).
    - When the database holds no case yet, ``synchronous=OFF``: the log and the database are not
      synced to disk after each checkpoint. A crash of this process (an error, a kill) leaves the
      database as consistent as before (SQLite hands every write to the operating system); only a
      crash of the operating system or a power loss during the seed may leave the file damaged,
      and then the seed is run again on a fresh ``db init``: nothing but seeded cases would be
      lost. Not on a database that already holds cases. The end of the seed syncs everything
      (``synchronous`` back to ``NORMAL``, then a full checkpoint)."""
    from django.db import connections

    from misconduct.app import models as m

    connection = connections[using]
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        # (inside the caller's transaction, as the tests seed, SQLite may not change these)
        _cache_pages(using)
        yield
        return
    fresh = not m.Case.objects.using(using).exists()
    _cache_pages(using)
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA wal_autocheckpoint = {_CHECKPOINT_PAGES}")
        if fresh:
            cursor.execute("PRAGMA synchronous = OFF")
    done = False
    try:
        yield
        done = True
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous = NORMAL")  # as config.py opens every connection
            cursor.execute("PRAGMA wal_autocheckpoint = 1000")
            if done:
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _write_built(
    tasks: list[tuple[int, int, int, date]],
    actor: str,
    clock: Callable[[], datetime],
    workers: int,
    progress: Callable[[int], None],
    using: str,
) -> int:
    from django.db import connections

    from misconduct.app.repository import DjangoUnitOfWork, Prepared

    # The workers are forked: no connection of this process may be shared with them.
    connections[using].close()
    context = multiprocessing.get_context("fork")
    seen: set[str] = set()
    written = 0
    with (
        context.Pool(workers, initializer=_start, initargs=(actor, clock, using)) as pool,
        _bulk(using),
    ):
        pending: deque[Any] = deque()
        queue = iter(tasks)
        # At most two batches a worker in flight, so that memory stays bounded if writing lags.
        for task in queue:
            pending.append(pool.apply_async(_build, (task,)))
            if len(pending) >= 2 * workers:
                break
        while pending:
            _between_batches()  # the last batch's rows are gone; this one's not yet read
            rows: Prepared = pending.popleft().get()
            following = next(queue, None)
            if following is not None:
                pending.append(pool.apply_async(_build, (following,)))
            officers = {o["officer_id"] for o in rows.officers}
            again = officers & seen
            if again:
                raise MisconductError(
                    f"seeded officer {sorted(again)[0]} is the subject of two cases: seeding in "
                    "parallel needs each officer in one case; run with --workers 0"
                )
            seen |= officers
            with DjangoUnitOfWork(using) as uow:
                uow.cases.write(rows)
                uow.commit()
            written += len(rows.created)
            progress(len(rows.created))
            del rows
    return written
