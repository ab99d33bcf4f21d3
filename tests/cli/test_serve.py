"""`misconduct serve` refuses what would be unsafe or impossible before it starts anything."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from misconduct.cli.main import cli


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--port", "0"], "--port: expected a port from 1 to 65535"),
        (["--workers", "99"], "--workers: expected from 1 to 32 workers"),
        (["--threads", "0"], "--threads: expected from 1 to 64 threads a worker"),
        (["--host", "0.0.0.0"], "MISCONDUCT_SECRET_KEY: expected a key of your own"),
    ],
)
def test_serve_refuses_bad_options_in_one_line(
    args: list[str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MISCONDUCT_SECRET_KEY", raising=False)
    result = CliRunner().invoke(cli, ["serve", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_workers_do_not_inherit_the_masters_database_connection(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 10: gunicorn forks its workers from the process that checked the database; a
    connection left open there was shared by every worker (on PostgreSQL, one query's rows came
    back to another and pages failed under load). Every connection is closed before the fork."""
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    from misconduct.cli import serve

    order: list[str] = []
    monkeypatch.setattr(connections, "close_all", lambda: order.append("closed"))

    def run(self: BaseApplication) -> None:
        order.append(f"forked {self.cfg.workers} workers of {self.cfg.threads} threads")

    monkeypatch.setattr(BaseApplication, "run", run)
    serve._gunicorn("127.0.0.1:0", 2, {"worker_class": "gthread", "threads": 4})
    assert order == ["closed", "forked 2 workers of 4 threads"]


@pytest.mark.django_db
def test_the_demo_brings_its_published_outcomes_into_the_national_register(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`make run` (`serve --demo`): a newcomer's national register is not empty; the system's own
    published outcomes are in it, and preparing the demo again adds nothing twice."""
    from misconduct.app.register.models import Record
    from misconduct.cli.serve import _prepare_demo

    _prepare_demo()
    first = Record.objects.filter(source__origin="system").count()
    assert first > 0
    assert f"National register: {first} officer record(s)" in capsys.readouterr().out
    _prepare_demo()
    assert Record.objects.filter(source__origin="system").count() == first


@pytest.mark.django_db
def test_the_demo_ingests_the_invented_notices_of_other_forces_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`make run`: the newcomer's review queue holds the invented notices of `examples/notices`
    (every one waits for a person: each gives a hearing date, which the calibration sends to
    review), their licence says they are invented, the text that is not an outcome is refused, and
    preparing the demo again stores nothing twice."""
    from pathlib import Path

    from misconduct.app.register.models import Record, Source
    from misconduct.cli.serve import DEMO_LICENCE, DEMO_NOTICES, _prepare_demo

    texts = sorted(DEMO_NOTICES.glob("*.txt"))
    assert len(texts) >= 6, f"expected the demo notices in {DEMO_NOTICES.resolve()}"
    _prepare_demo()
    out = capsys.readouterr().out
    ingested = Record.objects.filter(source__origin="ingested")
    assert ingested.count() == len(texts) - 1
    assert not ingested.filter(published=True).exists()
    assert set(Source.objects.filter(origin="ingested").values_list("licence", flat=True)) == {
        DEMO_LICENCE
    }
    assert f"{len(texts) - 1} newly ingested" in out and ", 1 refused" in out
    assert "kent" in set(ingested.values_list("force", flat=True))
    _prepare_demo()
    assert Record.objects.filter(source__origin="ingested").count() == len(texts) - 1
    again = capsys.readouterr().out
    assert (
        f"Demo notices of other forces: {len(texts) - 1} already stored before, 1 refused" in again
    )
    assert "newly ingested" not in again

    _prepare_demo(Path("no/such/folder"))
    assert "none found at no/such/folder" in capsys.readouterr().out
