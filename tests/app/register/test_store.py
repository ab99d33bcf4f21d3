"""Saving ingested records, the review queue, and the system's own outcomes in the register."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.db import DatabaseError, transaction
from django.test import Client
from django.urls import reverse

from misconduct.app.register import store
from misconduct.app.register.models import Record, RecordCategory, ReviewEvent, Source
from misconduct.app.register.reviewers import Reviewer
from misconduct.domain.dates import british_numeric
from misconduct.errors import InvalidInput
from misconduct.ingest import extract
from tests.domain.days import DATETIMES, DAYS

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)
ANN = Reviewer("ann", admin=True)
"""An administrator, who may change any record (who else may: test_force_scope.py)."""
CERTAIN = (
    "A misconduct hearing held on 3rd March 2024 at Kent Police headquarters found that PC John "
    "Smith had breached the Standards of Professional Behaviour relating to honesty and integrity. "
    "The panel, chaired by Chief Constable Alan Pike, found that his actions amounted to gross "
    "misconduct. PC Smith was dismissed without notice. He was a serving officer."
)
UNCERTAIN = (
    "An officer referred to as Officer A was dismissed after a hearing. It was found that Officer "
    "A's conduct amounted to gross misconduct."
)


def _save(
    text: str, licence: str = "OGL v3.0", url: str = "https://example.org/n"
) -> Source | None:
    return store.save_extraction(extract(text), source_url=url, licence=licence, now=NOW)


@pytest.mark.django_db
@pytest.mark.usefixtures("uncalibrated")
def test_a_record_read_with_confidence_enters_the_register_at_once() -> None:
    source = _save(CERTAIN)
    assert source is not None
    (rec,) = source.records.all()
    assert (rec.published, rec.pending) == (True, [])
    assert (rec.force, rec.year, rec.outcome, rec.name) == (
        "kent",
        2024,
        "dismissal_without_notice",
        "John Smith",
    )
    assert list(rec.standard_rows.values_list("standard", flat=True)) == ["honesty_and_integrity"]
    assert source.text == CERTAIN  # an open licence: the text is kept with attribution


@pytest.mark.django_db
def test_the_calibration_sends_doubtful_fields_to_review_with_the_reason_on_the_review_page(
    login: Callable[[str], Client],
) -> None:
    source = _save(CERTAIN)
    assert source is not None
    (rec,) = source.records.all()
    # a hearing date and a decider are often misread: they wait for a person, values unchanged
    assert not rec.published and {"hearing_date", "decision_maker"} <= set(rec.pending)
    assert rec.extracted["hearing_date"]["value"] == "2024-03-03"
    page = login("officer").get(reverse("register:review-record", args=[rec.pk]))
    shown = " ".join(page.content.decode().split())
    assert "To review: this field is often misread (" in shown
    assert "(tested on published notices: " in shown and "such values were wrong)" in shown
    assert f"{len(rec.pending)} fields wait for a decision." in shown and "(s)" not in shown


@pytest.mark.django_db
def test_a_record_with_an_uncertain_field_waits_and_enters_only_when_every_field_is_reviewed() -> (
    None
):
    source = _save(UNCERTAIN, licence="Publisher's copyright")
    assert source is not None and source.text == ""  # facts and provenance only
    (rec,) = source.records.all()
    assert not rec.published and "force" in rec.pending
    assert list(store.search({})) == []
    assert list(store.queue()) == [rec]
    for field in list(rec.pending):
        if field == "force":
            rec = store.review(rec.pk, field, reviewer=ANN, correction="Essex Police", now=NOW)
        else:
            rec = store.review(rec.pk, field, reviewer=ANN, now=NOW)
    assert rec.published and rec.force == "essex"
    assert list(store.search({"force": "essex"})) == [rec]
    assert ReviewEvent.objects.filter(record=rec, action="corrected").get().after == "essex"


@pytest.mark.django_db
def test_a_wrong_correction_names_the_field_in_plain_words_and_changes_nothing() -> None:
    # every field awaits review (the queue decides only those)
    source = store.save_extraction(
        extract(UNCERTAIN), source_url="https://example.org/n", licence="OGL", threshold=1, now=NOW
    )
    assert source is not None
    rec = source.records.get()
    with pytest.raises(InvalidInput) as err:
        store.review(rec.pk, "force", reviewer=ANN, correction="Atlantis Constabulary")
    assert err.value.field == "Force" and "Kent Police" in str(err.value.expected)
    with pytest.raises(InvalidInput) as err2:
        store.review(rec.pk, "outcome", reviewer=ANN, correction="a stern look")
    assert err2.value.field == "Outcome" and "final written warning" in str(err2.value.expected)
    assert ReviewEvent.objects.count() == 0
    rec.refresh_from_db()
    assert not rec.published


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2024-01-25", "25/01/2024"),
        ("2024-01-05", "05/01/2024"),
        ("0999-01-02", "02/01/0999"),
        ("2024-01", "01/2024"),  # a record may give only the month, or the year
        ("2024", "2024"),
        (None, ""),
        ("", ""),
        # Text that is not a day: its parts turned about all the same, or left as they are.
        ("2024-01-05T09:07:00", "05T09:07:00/01/2024"),
        ("2024-13-45", "45/13/2024"),
        ("20240105", "20240105"),
        ("not a date", "not a date"),
    ],
)
def test_a_record_s_date_is_shown_in_figures_day_first(iso: str | None, expected: str) -> None:
    assert store.british(iso) == expected


@pytest.mark.parametrize(
    ("day", "_", "figures"),
    [d for d in DAYS + DATETIMES if d[0].year >= 1000],  # (ISO pads a short year; figures do not)
)
def test_a_record_s_whole_day_is_written_as_the_domain_writes_it(
    day: date, _: str, figures: str
) -> None:
    iso = date(day.year, day.month, day.day).isoformat()
    assert store.british(iso) == british_numeric(day) == figures


@pytest.mark.django_db
def test_corrections_are_read_the_british_way() -> None:
    assert store.parse_value("hearing_date", "27th February 2024") == "2024-02-27"
    assert store.parse_value("hearing_date", "05/03/2024") == "2024-03-05"
    # A notice that gives only the month ("in March 2024") is corrected to the month, as ingest
    # reads it, not forced to a day it does not give or widened to the year.
    assert store.parse_value("hearing_date", "03/2024") == "2024-03"
    assert store.parse_value("hearing_date", "March 2024") == "2024-03"
    assert store.british("2024-03") == "03/2024"
    for wrong in ("13/2024", "Smarch 2024"):
        with pytest.raises(InvalidInput, match="MM/YYYY"):
            store.parse_value("hearing_date", wrong)
    assert store.parse_value("standards", "Honesty and Integrity, use of force") == [
        "honesty_and_integrity",
        "use_of_force",
    ]
    assert store.parse_value("rank", "PC") == "constable"
    assert store.parse_value("anonymised", "Yes") is True
    assert store.british("2024-02-27") == "27/02/2024"


@pytest.mark.django_db(databases="__all__")
def test_the_review_log_is_append_only(alias: str) -> None:
    source = Source.objects.using(alias).create(
        origin="ingested", url="u", licence="OGL", text_sha256="x", ingested_at=NOW
    )
    rec = Record.objects.using(alias).create(
        source=source, position=0, label="Officer A", created_at=NOW
    )
    event = ReviewEvent.objects.using(alias).create(
        record=rec, field="force", action="confirmed", reviewer="ann", recorded_at=NOW
    )
    rows = ReviewEvent.objects.using(alias).filter(pk=event.pk)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(using=alias):
        rows.update(reviewer="bob")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(using=alias):
        rows.delete()


@pytest.mark.django_db
def test_a_refused_text_writes_nothing_and_the_same_text_is_stored_once() -> None:
    assert _save("Sunny spells are expected across Kent this weekend, with rain later.") is None
    assert Source.objects.count() == 0
    first = _save(CERTAIN)
    again = _save(CERTAIN)
    assert first == again and Record.objects.count() == 1


@pytest.mark.django_db
def test_the_systems_own_published_outcomes_come_through_the_public_projection(
    demo: list[str],
) -> None:
    from misconduct.app.web import register as public_register

    on = date(2026, 11, 25)
    views = [v for v in public_register.records(on) if v.kind == "outcome"]
    assert views, "the demo data must publish an outcome for this test to mean anything"
    report = store.sync_system(on, now=NOW)
    assert report.cases == len(views)
    again = store.sync_system(on, now=NOW)
    assert again == report and Record.objects.count() == report.records
    for view in views:
        rows = Record.objects.filter(case_ref=view.ref).order_by("position")
        for officer, row in zip(view.officers, rows, strict=True):
            assert row.published and row.source.origin == "system"
            assert row.anonymised == officer.anonymised
            assert row.public_label == officer.label
            assert row.outcome == (officer.outcome_id or "")
            if officer.anonymised:
                assert row.name == ""
            # Special categories are read from the published particulars and reasons only.
            published = " ".join(
                [a.particulars for a in officer.allegations]
                + [p for s in officer.reasons for p in (*s.paragraphs, *s.items)]
            )
            for code, evidence in row.category_rows.values_list("category", "evidence"):
                assert evidence.startswith("Standard breached") or evidence in published, code
    assert RecordCategory.objects.filter(record__source__origin="system").exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("uncalibrated")
def test_misconduct_ingest_save_stores_records_and_register_sync_brings_the_systems_own(
    tmp_path: Path, demo: list[str]
) -> None:
    from click.testing import CliRunner

    from misconduct.cli.main import cli

    (tmp_path / "a.txt").write_text(CERTAIN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(UNCERTAIN, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "ingest",
            str(tmp_path),
            "--save",
            "--licence",
            "OGL v3.0",
            "--source-url",
            "https://www.kent.police.uk/outcomes",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "review queue" in result.output
    assert Record.objects.filter(source__origin="ingested").count() == 2
    assert Record.objects.filter(published=True, force="kent").count() == 1
    assert store.queue().count() == 1
    # With --format json, standard output stays JSON and what was saved goes to standard error.
    (tmp_path / "c.txt").write_text(CERTAIN.replace("Smith", "Jones"), encoding="utf-8")
    as_json = CliRunner().invoke(
        cli, ["ingest", str(tmp_path / "c.txt"), "--save", "--format", "json"]
    )
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout)[0]["records"]
    assert "Saved 1 officer record(s): 1 published in the register" in as_json.stderr
    synced = CliRunner().invoke(cli, ["register", "sync", "--on", "2026-11-25"])
    assert synced.exit_code == 0, synced.output
    assert Record.objects.filter(source__origin="system").exists()
    # The count is of this system's own outcomes, not of the whole register.
    assert "Brought this system's published outcomes into the register:" in synced.output
    bad = CliRunner().invoke(cli, ["register", "sync", "--on", "25/11/2026"])
    assert bad.exit_code == 2 and "--on" in bad.output


@pytest.mark.django_db
def test_each_notice_keeps_its_own_address_and_only_web_addresses_are_links(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from misconduct.cli.main import cli

    (tmp_path / "a.txt").write_text(CERTAIN, encoding="utf-8")
    (tmp_path / "a.txt.url").write_text("https://www.kent.police.uk/a\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(CERTAIN.replace("John Smith", "Jo Smith"), encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["ingest", str(tmp_path), "--save", "--source-url", "javascript:x()"]
    )
    assert result.exit_code == 0, result.output
    urls = dict(Source.objects.values_list("url", "id"))
    assert "https://www.kent.police.uk/a" in urls and "javascript:x()" in urls
    assert Source.objects.get(url="javascript:x()").link == ""
    assert Source.objects.get(url="https://www.kent.police.uk/a").link.startswith("https://")


@pytest.mark.django_db
def test_a_notice_without_an_address_is_stored_by_its_file_name_not_the_path_on_this_computer(
    tmp_path: Path,
) -> None:
    from click.testing import CliRunner

    from misconduct.cli.main import cli

    folder = tmp_path / "home" / "psd" / "Downloads"
    folder.mkdir(parents=True)
    (folder / "kent-smith.txt").write_text(CERTAIN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--save"])
    assert result.exit_code == 0, result.output
    # The public register shows the source: the name of the file, not where it sat on the
    # analyst's computer.
    assert list(Source.objects.values_list("url", flat=True)) == ["kent-smith.txt"]
