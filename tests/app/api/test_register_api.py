"""The register of published outcomes in the JSON API: the public register's filters, keyset
paging, one record, never an anonymised officer's name, and a schema that parses strictly."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import schemathesis
from django.test import Client

from misconduct.app.api.api import api
from misconduct.app.register import store
from misconduct.app.register.models import Record, Source
from misconduct.ingest import extract

# The invented notices enter the register at once, as the extractor alone would have it (the
# review queue's calibration, which sends hearing dates and deciders to a person, is tested in
# tests/ingest/test_calibration.py and test_store.py).
pytestmark = pytest.mark.usefixtures("uncalibrated")

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)
SECRET_NAME = "Zebedee Quartermaine"
NAMED = (
    "A misconduct hearing held on 3rd March 2024 at Kent Police headquarters found that PC John "
    "Smith breached the Standards of Professional Behaviour relating to honesty and integrity. "
    "The panel, chaired by Chief Constable Alan Pike, found his actions amounted to gross "
    "misconduct. PC Smith was dismissed without notice. He was a serving officer."
)
ERROR_KEYS = {"error", "message", "field", "expected", "received", "citation", "detail"}


def _register() -> tuple[Record, list[Record]]:
    source = store.save_extraction(
        extract(NAMED), source_url="https://kent.example/n1", licence="OGL v3.0", now=NOW
    )
    assert source is not None
    named = source.records.get()
    other = Source.objects.create(
        origin="ingested",
        url="https://essex.example/n2",
        licence="publisher copyright (facts only)",
        text_sha256="0" * 64,
        ingested_at=NOW,
    )
    anonymised = []
    for i in range(5):
        rec = Record.objects.create(
            source=other,
            position=i,
            published=True,
            force="essex",
            year=2023,
            rank="sergeant",
            forum="misconduct_hearing",
            finding="gross_misconduct",
            outcome="final_written_warning",
            warning_months=24,
            anonymised=True,
            name=SECRET_NAME,  # reached the database by mistake: still never shown
            label=f"Officer {'ABCDE'[i]}",
            standards=["use_of_force"],
            created_at=NOW,
        )
        rec.standard_rows.create(standard="use_of_force")
        rec.category_rows.create(category="on_duty_or_police_equipment", evidence="on duty")
        anonymised.append(rec)
    Record.objects.create(  # waiting for review: never in the API
        source=other, position=9, published=False, force="essex", label="Officer Z", created_at=NOW
    )
    return named, anonymised


@pytest.mark.django_db
def test_the_register_is_searched_by_every_filter_and_never_names_an_anonymised_officer() -> None:
    named, anonymised = _register()
    c = Client()
    everything = c.get("/api/register/records")
    assert everything.status_code == 200
    body = everything.json()
    assert [r["id"] for r in body["records"]] == sorted(
        [named.id] + [a.id for a in anonymised], reverse=True
    )
    assert body["next_before"] is None
    assert SECRET_NAME not in everything.content.decode()
    smith = c.get("/api/register/records", {"force": "kent"}).json()["records"]
    assert [(r["officer"], r["outcome"], r["force_name"]) for r in smith] == [
        ("John Smith", "dismissal_without_notice", "Kent Police")
    ]
    assert smith[0]["source"] == "https://kent.example/n1" and smith[0]["licence"] == "OGL v3.0"
    for params, expected in (
        ({"year": 2023}, 5),
        ({"year": 2024}, 1),
        ({"rank": "sergeant"}, 5),
        ({"standard": "honesty_and_integrity"}, 1),
        ({"standard": "use_of_force", "force": "essex"}, 5),
        ({"finding": "gross_misconduct"}, 6),
        ({"outcome": "final_written_warning"}, 5),
        ({"forum": "misconduct_hearing"}, 6),
        ({"forum": "misconduct_meeting"}, 0),
    ):
        found = c.get("/api/register/records", params).json()["records"]
        assert len(found) == expected, params
    officer_b = c.get(f"/api/register/records/{anonymised[1].id}").json()
    assert officer_b["officer"] == "Officer B" and officer_b["anonymised"] is True
    assert officer_b["special_categories"] == ["on_duty_or_police_equipment"]


@pytest.mark.django_db
def test_keyset_pages_follow_one_another_without_gaps_or_repeats() -> None:
    named, anonymised = _register()
    c = Client()
    seen: list[int] = []
    before = None
    pages = 0
    while True:
        params = {"limit": 2} | ({"before": before} if before else {})
        body = c.get("/api/register/records", params).json()
        seen += [r["id"] for r in body["records"]]
        pages += 1
        before = body["next_before"]
        if before is None:
            break
    assert pages == 3
    assert seen == sorted([named.id] + [a.id for a in anonymised], reverse=True)


@pytest.mark.django_db
def test_bad_filters_and_missing_records_get_clear_errors() -> None:
    _register()
    c = Client()
    wrong = c.get("/api/register/records", {"outcome": "sacked"})
    assert wrong.status_code == 422
    assert set(wrong.json()) == ERROR_KEYS
    assert wrong.json()["field"] == "outcome" and wrong.json()["received"] == "sacked"
    assert c.get("/api/register/records", {"limit": 0}).status_code == 422
    assert c.get("/api/register/records", {"force": "gotham"}).json()["field"] == "force"
    hidden = Record.objects.get(published=False)
    missing = c.get(f"/api/register/records/{hidden.id}")
    assert missing.status_code == 404 and missing.json()["field"] == "record_id"
    assert c.get("/api/register/records/999999999").status_code == 404


def test_the_schema_with_the_register_parses_strictly() -> None:
    doc = api.get_openapi_schema(path_prefix="/api/")
    schema = schemathesis.openapi.from_dict(doc)
    operations = [result.ok() for result in schema.get_all_operations()]  # raises on a bad one
    paths = {op.path for op in operations}
    assert {"/api/register/records", "/api/register/records/{record_id}"} <= paths
    params = {p["name"] for p in doc["paths"]["/api/register/records"]["get"]["parameters"]}
    assert params == {
        "force",
        "year",
        "rank",
        "standard",
        "finding",
        "outcome",
        "forum",
        "before",
        "limit",
    }
    assert "RegisterRecordOut" in doc["components"]["schemas"]
