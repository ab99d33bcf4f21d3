"""A notice ingested again is recognised by its content (ingest15): the same normalised text, from
another file name or address, wrapped or punctuated otherwise, is not stored twice, and the person
ingesting is told plainly where the text already is. Two ingests of the same text at the same moment
store it once: the unique index on the content's hash refuses the second, whose transaction is
rolled back whole, and it is told the text is already stored."""

from __future__ import annotations

import doctest
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.db import IntegrityError, transaction

from misconduct.app.register import store
from misconduct.app.register.models import Record, RecordCategory, RecordStandard, Source
from misconduct.app.register.reviewers import Reviewer
from misconduct.cli.main import cli
from misconduct.ingest import content, extract
from tests.app.casefile.test_reference_race import sqlite_race_db
from tests.app.register.test_store import CERTAIN, UNCERTAIN
from tests.app.test_concurrency import _in_threads, race_db

__all__ = ["race_db", "sqlite_race_db"]
# The notices enter the register at once, as the extractor alone would have it.
pytestmark = pytest.mark.usefixtures("uncalibrated")

NOW = datetime(2026, 12, 1, 10, tzinfo=UTC)
# The same notice as a PDF's text gives it: lines wrapped, typographic quotation marks, a
# non-breaking space, and the dashes a word processor puts in.
REWRAPPED = (
    CERTAIN.replace(" breached the", "\nbreached the")
    .replace("relating to", "relating\u00a0to")
    .replace("hearing found", "hearing\n  found")
    + "\n\n"
)


def _rows(using: str = "default") -> tuple[int, ...]:
    """How many rows each of the register's tables holds."""
    return tuple(
        model.objects.using(using).count()
        for model in (Source, Record, RecordStandard, RecordCategory)
    )


def _store(text: str, url: str, using: str = "default") -> store.Stored | None:
    return store.store_text(extract(text), source_url=url, licence="OGL v3.0", now=NOW, using=using)


def test_the_normalisation_s_examples_hold() -> None:
    assert doctest.testmod(content).failed == 0
    assert content.content_sha256(CERTAIN) == content.content_sha256(REWRAPPED)
    assert content.content_sha256(CERTAIN) != content.content_sha256(CERTAIN.lower())


def test_a_web_page_holding_only_the_notice_is_its_text_and_one_with_more_words_is_another() -> (
    None
):
    """An HTML copy is read as text first (``ingest.sources``): its tags, line breaks and entities
    go, so a page holding the notice alone is the plain-text copy, and stored once. A page that
    also prints the site's own words (a heading, a footer; its menus are skipped) reads as other
    words, and is stored again: the normalisation never drops words, so two texts that differ in
    what a reader sees are never taken for one."""
    from misconduct.ingest.sources import html_to_text

    title, body = CERTAIN.split(". ", 1)
    alone = (
        f"<html><head><title>Outcome</title></head><body><p>{title}.<br>{body}</p></body></html>"
    )
    assert content.content_sha256(html_to_text(alone)) == content.content_sha256(CERTAIN)
    entities = alone.replace(" relating to ", "&nbsp;relating&#160;to ")
    assert content.content_sha256(html_to_text(entities)) == content.content_sha256(CERTAIN)
    site = alone.replace("<body>", "<body><nav>Home</nav><header>Kent Police</header>")
    assert content.content_sha256(html_to_text(site)) != content.content_sha256(CERTAIN)
    menu_only = alone.replace("<body>", "<body><nav>Home | News</nav>")
    assert content.content_sha256(html_to_text(menu_only)) == content.content_sha256(CERTAIN)


@pytest.mark.django_db
def test_the_same_text_from_another_file_or_address_is_not_stored_twice() -> None:
    first = _store(CERTAIN, "https://www.kent.police.uk/outcomes/1")
    assert first is not None and first.new
    source = Source.objects.get()
    assert source.content_sha256 == content.content_sha256(CERTAIN)
    written = _rows()
    for text, url in [
        (CERTAIN, "kent-copy.txt"),
        (REWRAPPED, "https://news.example/kent-officer-dismissed"),
        (REWRAPPED, "https://www.kent.police.uk/outcomes/1"),
    ]:
        again = _store(text, url)
        assert again is not None and not again.new and again.source == source, url
        assert _rows() == written, url
        assert again.said() == (
            "This text is already in the register (first stored on 01/12/2026 from "
            "https://www.kent.police.uk/outcomes/1); it was not stored again."
        )
    other = _store(CERTAIN.replace("John Smith", "Jon Smith"), "kent-copy.txt")
    assert other is not None and other.new and Source.objects.count() == 2


@pytest.mark.django_db
def test_the_message_says_where_the_text_s_records_are() -> None:
    waiting = _store(UNCERTAIN, "essex.txt")
    assert waiting is not None and waiting.new
    record = waiting.source.records.get()
    assert not record.published
    said = _store(UNCERTAIN, "essex-again.txt")
    assert said is not None and said.said().startswith(
        "This text is already stored, waiting for review (first stored on 01/12/2026 from "
        "essex.txt)"
    )
    store.withdraw(record.pk, reviewer=Reviewer("ann", admin=True), reason="A wrong match.")
    assert said.said().startswith("This text is already stored, withdrawn from the register")
    # a notice of two officers, one published and one waiting
    both = _store(CERTAIN, "kent.txt")
    assert both is not None
    Record.objects.filter(pk=both.source.records.get().pk).update(published=False, pending=["rank"])
    Record.objects.create(
        source=both.source, position=1, label="PC B", published=True, created_at=NOW
    )
    again = _store(CERTAIN, "kent-2.txt")
    assert again is not None and again.said().startswith(
        "This text is already stored: 1 officer record in the register, 1 officer record "
        "waiting for review (first stored"
    )


@pytest.mark.django_db
def test_misconduct_ingest_says_plainly_which_files_were_already_stored(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(CERTAIN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REWRAPPED, encoding="utf-8")  # the same notice, rewrapped
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--save", "--licence", "OGL v3.0"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "Saved 1 officer record(s)" in said
    assert (
        "b.txt: This text is already " in said and "from a.txt); it was not stored again." in said
    )
    assert Source.objects.count() == 1
    # only a text stored is shown by its file's name: b.txt, a repeat, is not counted among them
    assert "1 text(s) had no address" in said
    again = CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--save"])
    said = " ".join(again.output.split())
    assert "Saved 0 officer record(s)" in said and "a.txt: This text is already" in said
    assert "had no address" not in said
    assert Source.objects.count() == 1


@pytest.mark.django_db(databases="__all__")
def test_an_ingest_that_loses_the_race_is_rolled_back_whole_and_finds_the_winner_s_text(
    alias: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other ingest stores the text between this one's look and its write: this one's insert
    meets the unique index (an IntegrityError), its transaction is rolled back, and it answers that
    the text is already stored, its caller's transaction still usable."""
    winner = _store(CERTAIN, "https://www.kent.police.uk/a", using=alias)
    assert winner is not None and winner.new
    written = _rows(alias)
    looks: list[Source | None] = []
    real = store._stored

    def late(*args: Any) -> Source | None:
        found = None if not looks else real(*args)  # the first look comes before the winner's
        looks.append(found)
        return found

    monkeypatch.setattr(store, "_stored", late)
    with transaction.atomic(using=alias):  # a caller's transaction, as the tests' own
        loser = _store(REWRAPPED, "https://news.example/b", using=alias)
        assert loser is not None and not loser.new and loser.source == winner.source
        assert _rows(alias) == written
        assert Source.objects.using(alias).count() == 1  # the transaction is still usable
    assert looks == [None, winner.source]
    # a fault that is not the same text is not hidden
    monkeypatch.setattr(store, "_stored", lambda *args: None)
    with pytest.raises(IntegrityError):
        _store(CERTAIN, "https://www.kent.police.uk/a", using=alias)
    assert _rows(alias) == written


def _race(alias: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two ingests of one text in threads with their own connections, both past their look before
    either writes."""
    barrier = threading.Barrier(2, timeout=30)
    waited: set[int] = set()
    real = store._stored

    looks: list[Source | None] = []

    def meeting(*args: Any) -> Source | None:
        found = real(*args)
        looks.append(found)
        if threading.get_ident() not in waited:
            waited.add(threading.get_ident())
            barrier.wait()
        return found

    monkeypatch.setattr(store, "_stored", meeting)
    results: dict[str, store.Stored | None] = {}

    def ingest(name: str, text: str, url: str) -> Any:
        return lambda: results.__setitem__(name, _store(text, url, using=alias))

    outcome = _in_threads(
        {
            "first": ingest("first", CERTAIN, "https://www.kent.police.uk/a"),
            "second": ingest("second", REWRAPPED, "second.txt"),
        }
    )
    assert outcome == {"first": None, "second": None}, outcome
    stored = [r for r in results.values() if r is not None]
    assert sorted(r.new for r in stored) == [False, True]
    assert stored[0].source == stored[1].source
    assert _rows(alias)[:2] == (1, 1)
    # both looked and found nothing; the loser looked again after the unique index refused it
    assert looks[:2] == [None, None] and len(looks) == 3 and looks[2] == stored[0].source


def test_two_ingests_of_one_text_at_once_on_sqlite_store_it_once(
    sqlite_race_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _race(sqlite_race_db, monkeypatch)


def test_two_ingests_of_one_text_at_once_on_postgresql_store_it_once(
    race_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _race(race_db, monkeypatch)
