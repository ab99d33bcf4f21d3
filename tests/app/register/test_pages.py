"""The register's public pages, exports, feed and analytics, and the staff review pages."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from misconduct.app.register import analytics, store
from misconduct.app.register.models import Record
from misconduct.ingest import extract

# The invented notices enter the register at once, as the extractor alone would have it (the
# review queue's calibration, which sends hearing dates and deciders to a person, is tested in
# tests/ingest/test_calibration.py and test_store.py).
pytestmark = pytest.mark.usefixtures("uncalibrated")

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)
NAMED = (
    "A misconduct hearing held on 3rd March 2024 at Kent Police headquarters found that PC John "
    "Smith breached the Standards of Professional Behaviour relating to honesty and integrity. "
    "The panel, chaired by Chief Constable Alan Pike, found his actions amounted to gross "
    "misconduct. PC Smith was dismissed without notice. He was a serving officer."
)
SECRET_NAME = "Zebedee Quartermaine"


def _records() -> list[Record]:
    source = store.save_extraction(
        extract(NAMED), source_url="https://kent.example/n1", licence="OGL v3.0", now=NOW
    )
    assert source is not None
    # An anonymised officer whose name reached the database by mistake is still never shown.
    anon = Record.objects.create(
        source=source,
        position=1,
        published=True,
        force="essex",
        year=2023,
        forum="misconduct_hearing",
        finding="gross_misconduct",
        outcome="final_written_warning",
        warning_months=24,
        anonymised=True,
        name=SECRET_NAME,
        label="Officer B",
        standards=["use_of_force"],
        created_at=NOW,
    )
    anon.standard_rows.create(standard="use_of_force")
    return list(Record.objects.order_by("id"))


@pytest.mark.django_db
def test_the_public_register_searches_by_every_filter_and_shows_source_and_licence() -> None:
    _smith, anon = _records()
    c = Client()
    page = c.get(reverse("register:search")).content.decode()
    assert "John Smith" in page and "Officer B" in page and "OGL v3.0" in page
    assert SECRET_NAME not in page
    for query, shown, hidden in [
        ("force=essex", "Officer B", "John Smith"),
        ("standard=honesty_and_integrity", "John Smith", "Officer B"),
        ("outcome=final_written_warning", "Officer B", "John Smith"),
        ("year=2024", "John Smith", "Officer B"),
        (
            "finding=gross_misconduct&forum=misconduct_hearing&rank=constable",
            "John Smith",
            "Officer B",
        ),
    ]:
        body = c.get(reverse("register:search") + "?" + query).content.decode()
        assert shown in body and hidden not in body, query
    bad = c.get(reverse("register:search") + "?year=last").content.decode()
    assert "Year: expected a year such as 2024" in bad
    detail = c.get(reverse("register:record", args=[anon.pk])).content.decode()
    assert "Officer B" in detail and "Use of Force" in detail and SECRET_NAME not in detail
    assert "OGL v3.0" in detail and "https://kent.example/n1" in detail


@pytest.mark.django_db
def test_a_page_of_results_reads_a_fixed_number_of_queries(
    django_assert_max_num_queries: Any,
) -> None:
    _records()
    with django_assert_max_num_queries(4):
        Client().get(reverse("register:search") + "?force=kent&standard=honesty_and_integrity")


@pytest.mark.django_db
def test_exports_and_the_feed_never_name_an_anonymised_officer() -> None:
    _records()
    c = Client()
    csv_body = b"".join(c.get(reverse("register:export-csv")).streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(csv_body)))
    assert {r["officer"] for r in rows} == {"John Smith", "Officer B"}
    assert all(r["licence"] and r["source"] for r in rows)
    data = json.loads(
        b"".join(c.get(reverse("register:export-json") + "?force=essex").streaming_content)
    )
    assert [r["officer"] for r in data["records"]] == ["Officer B"]
    # a yes-or-no field reads yes or no in the CSV; the JSON keeps true and false
    assert {r["officer"]: r["anonymised"] for r in rows} == {"John Smith": "no", "Officer B": "yes"}
    assert [r["anonymised"] for r in data["records"]] == [True]
    assert "True" not in csv_body and "False" not in csv_body
    feed = c.get(reverse("register:feed")).content.decode()
    assert "<feed" in feed and "Officer B" in feed and SECRET_NAME not in feed
    assert SECRET_NAME not in csv_body


@pytest.mark.django_db
def test_a_filter_from_no_list_is_refused_by_the_page_and_the_exports_not_ignored() -> None:
    _records()
    c = Client()
    page = c.get(reverse("register:search") + "?force=devon").content.decode()
    assert "Force: expected one of the forces in the list, received “devon”." in page
    for name in ("register:export-csv", "register:export-json"):
        refused = c.get(reverse(name) + "?standard=honesty&force=essex")
        assert refused.status_code == 400, name
        said = refused.content.decode()
        assert said == "Standard: expected one of the Standards in the list, received “honesty”.\n"


@pytest.mark.django_db
def test_exports_and_the_feed_give_this_systems_outcome_pages_in_full_and_each_entry_a_date() -> (
    None
):
    from misconduct.app.register.models import Source

    source = Source.objects.create(
        origin="system",
        url="/outcomes/KNT-2026-0001/",
        licence=store.SYSTEM_LICENCE,
        text_sha256="0" * 64,
        ingested_at=NOW,
    )
    Record.objects.create(
        source=source, position=0, published=True, force="kent", name="Jo Bloggs", created_at=NOW
    )
    c = Client()
    full = "http://testserver/outcomes/KNT-2026-0001/"
    csv_body = b"".join(c.get(reverse("register:export-csv")).streaming_content).decode()
    assert [r["source"] for r in csv.DictReader(io.StringIO(csv_body))] == [full]
    data = json.loads(b"".join(c.get(reverse("register:export-json")).streaming_content))
    assert [r["source"] for r in data["records"]] == [full]
    feed = c.get(reverse("register:feed")).content.decode()
    assert f"Source: {full}" in feed
    assert feed.count("<entry>") == feed.count("<updated>") - 1  # the feed's own and each entry's


@pytest.mark.django_db
def test_a_notice_stored_by_its_file_path_is_not_given_an_address_on_this_site() -> None:
    # Ingested without an address, a notice's source is the file it was read from: the exports
    # and the feed name that file, never an address on this site that would not find it.
    source = store.save_extraction(
        extract(NAMED), source_url="/home/psd/notices/kent.txt", licence="OGL v3.0", now=NOW
    )
    assert source is not None
    c = Client()
    csv_body = b"".join(c.get(reverse("register:export-csv")).streaming_content).decode()
    assert [r["source"] for r in csv.DictReader(io.StringIO(csv_body))] == [
        "/home/psd/notices/kent.txt"
    ]
    data = json.loads(b"".join(c.get(reverse("register:export-json")).streaming_content))
    assert [r["source"] for r in data["records"]] == ["/home/psd/notices/kent.txt"]
    feed = c.get(reverse("register:feed")).content.decode()
    assert "Source: /home/psd/notices/kent.txt (licence" in feed
    assert "testserver/home" not in csv_body + feed


def test_control_limits_narrow_as_a_force_has_more_cases() -> None:
    small = analytics.control_limits(0.8, 5, 1.96)
    large = analytics.control_limits(0.8, 500, 1.96)
    assert small[0] < large[0] < 0.8 < large[1] < small[1]
    assert analytics.control_limits(0.8, 1, 3.09) == (0.0, 1.0)


@pytest.mark.django_db
def test_forces_at_the_same_point_of_the_funnel_plot_share_one_label_instead_of_overprinting() -> (
    None
):
    source = store.save_extraction(
        extract(NAMED), source_url="https://kent.example/n2", licence="OGL v3.0", now=NOW
    )
    assert source is not None
    Record.objects.all().delete()
    for i, (force, outcome) in enumerate(
        [
            ("kent", "dismissal_without_notice"),
            ("durham", "dismissal_without_notice"),
            ("metropolitan", "would_have_been_dismissed"),
            ("wiltshire", "final_written_warning"),
            ("greater_manchester", "final_written_warning"),
        ]
    ):
        Record.objects.create(
            source=source,
            position=i,
            published=True,
            force=force,
            year=2024,
            finding="gross_misconduct",
            outcome=outcome,
            label=f"Officer {i}",
            created_at=NOW,
        )
    plot = analytics.funnel()
    assert plot.figure is not None
    labels = sorted(t.get_text() for ax in plot.figure.axes for t in ax.texts)
    assert labels == ["Durham, Kent, Metropolitan Police", "Greater Manchester, Wiltshire"]


@pytest.mark.django_db
def test_analytics_are_drawn_from_grouped_queries_and_state_their_data_and_limits() -> None:
    _records()
    funnel = analytics.funnel()
    assert {r["force"] for r in funnel.rows} == {"Kent", "Essex"}
    assert "Data: 2 published records" in funnel.data and "not all outcomes" in funnel.limits
    mix = analytics.outcome_mix()
    assert {(r["force"], r["outcome"]) for r in mix.rows} == {
        ("Kent", "dismissal without notice"),
        ("Essex", "final written warning"),
    }
    assert analytics.by_standard().rows[0]["records"] == 1
    png = analytics.render(analytics.funnel(), "png")
    assert png.startswith(b"\x89PNG")
    svg = Client().get(reverse("register:plot", args=["outcome-mix", "svg"])).content
    assert b"<svg" in svg
    page = Client().get(reverse("register:analytics")).content.decode()
    assert "funnel plot" in page and "not all outcomes" in page


@pytest.mark.django_db
def test_the_plots_count_what_they_draw_name_forces_rightly_and_draw_the_mix_for_a_year() -> None:
    _smith, anon = _records()
    Record.objects.filter(pk=anon.pk).update(force="metropolitan")
    anon.standard_rows.all().delete()  # a record naming no Standard is not in that plot's count
    assert "Data: 1 published records" in analytics.by_standard().data
    assert {r["force"] for r in analytics.funnel().rows} == {"Kent", "Metropolitan Police"}
    c = Client()
    page = c.get(reverse("register:analytics") + "?year=2023").content.decode()
    assert "Outcome mix by force, 2023" in page
    assert reverse("register:plot", args=["outcome-mix", "svg"]) + "?year=2023" in page
    assert '<option value="2024">2024</option>' in page
    bad = c.get(reverse("register:analytics") + "?year=recent")
    assert bad.status_code == 400
    assert "Year: expected a year such as 2024, received “recent”." in bad.content.decode()


@pytest.mark.django_db
def test_a_plot_image_refuses_a_wrong_year_instead_of_drawing_all_years() -> None:
    _records()
    c = Client()
    mix = reverse("register:plot", args=["outcome-mix", "svg"])
    assert b"Outcome mix by force, 2023" in c.get(mix + "?year=2023").content
    for year in ("abc", "1850", "20245", "-2024"):
        refused = c.get(mix + f"?year={year}")
        assert refused.status_code == 400, year
        assert refused["Content-Type"] == "text/plain; charset=utf-8"
        assert refused.content.decode() == (
            f"Year: expected a year such as 2024, received “{year}”.\n"
        )
    other = c.get(reverse("register:plot", args=["funnel", "png"]) + "?year=2023")
    assert other.status_code == 400
    assert other.content.decode() == (
        "Year: expected no year (this plot is drawn for all years), received “2023”.\n"
    )
    assert c.get(mix + "?year=").status_code == 200  # the page's "All years"


@pytest.mark.django_db
def test_staff_review_fields_and_people_without_a_role_are_kept_out(
    login: Callable[[str], Client],
) -> None:
    source = store.save_extraction(
        extract(
            "Officer A was dismissed after a hearing found gross misconduct proven against "
            "Officer A."
        ),
        source_url="https://x.example/a",
        licence="OGL v3.0",
        now=NOW,
    )
    assert source is not None
    rec = source.records.get()
    assert rec.pending
    assert login("no_role").get(reverse("register:review")).status_code == 404
    viewer = login("admin")  # the notice names no force: an administrator decides it
    queue = viewer.get(reverse("register:review")).content.decode()
    assert "Officer A" in queue
    assert "1 ingested record waits for a person" in " ".join(queue.split())
    url = reverse("register:review-record", args=[rec.pk])
    bad = viewer.post(url, {"field": "force", "action": "correct", "value": "Atlantis"})
    assert bad.status_code == 400
    assert (
        "Force: expected the name of a force in England and Wales, such as Kent Police"
        in bad.content.decode()
    )
    for field in rec.pending:
        viewer.post(url, {"field": field, "action": "confirm"})
    rec.refresh_from_db()
    assert rec.published
    assert Client().get(reverse("register:record", args=[rec.pk])).status_code == 200


@pytest.mark.django_db
def test_a_review_shows_each_correction_in_words_and_an_empty_correction_erases_nothing(
    login: Callable[[str], Client],
) -> None:
    source = store.save_extraction(
        extract(
            "Former Sgt Jo Bloggs would have been dismissed had he still been serving, a panel "
            "decided at a hearing. He shared pictures of a crime scene with friends."
        ),
        source_url="https://x.example/b",
        licence="OGL v3.0",
        threshold=1,  # every field awaits review: the queue decides only those
        now=NOW,
    )
    assert source is not None
    rec = source.records.get()
    assert {"forum", "finding"} <= set(rec.pending)
    viewer = login("admin")  # the notice names no force: an administrator decides it
    url = reverse("register:review-record", args=[rec.pk])
    page = viewer.get(url).content.decode()
    assert '<datalist id="choices-forum"><option value="misconduct meeting">' in page
    empty = viewer.post(url, {"field": "forum", "action": "correct", "value": "  "})
    assert empty.status_code == 400
    assert "Forum: expected a corrected value, or “not stated”, received “”." in (
        empty.content.decode()
    )
    rec.refresh_from_db()
    assert rec.forum == "misconduct_hearing" and "forum" in rec.pending
    # A refused correction keeps what was typed in its box, to be mended rather than retyped.
    sacked = viewer.post(url, {"field": "outcome", "action": "correct", "value": "sacked"})
    assert sacked.status_code == 400
    assert 'aria-label="Correct Outcome" value="sacked"' in sacked.content.decode()
    viewer.post(url, {"field": "forum", "action": "correct", "value": "Misconduct meeting"})
    viewer.post(url, {"field": "standards", "action": "correct", "value": "Confidentiality"})
    page = viewer.get(url).content.decode()
    assert "Corrected to: misconduct meeting" in page
    assert "corrected forum (misconduct hearing → misconduct meeting)" in page
    assert "corrected standards breached (none named → Confidentiality)" in page
    assert "misconduct_hearing" not in page
    viewer.post(url, {"field": "finding", "action": "correct", "value": "not stated"})
    rec.refresh_from_db()
    assert rec.finding == "" and "finding" not in rec.pending


DV_NOTICE = (
    "A misconduct hearing held on 5th May 2024 found that PC Anna Lee of Essex Police breached the "
    "Standards of Professional Behaviour relating to discreditable conduct by controlling and "
    "coercive behaviour towards her partner, and used police systems to look her up. The panel, "
    "chaired by a legally qualified chair, found gross misconduct. PC Lee was dismissed without "
    "notice. She was a serving officer."
)


@pytest.mark.django_db
def test_outcomes_by_special_category_are_read_at_ingest_and_plotted_with_their_limits() -> None:
    source = store.save_extraction(
        extract(DV_NOTICE), source_url="https://essex.example/n2", licence="OGL v3.0", now=NOW
    )
    assert source is not None
    (rec,) = source.records.all()
    assert rec.published
    cats = dict(rec.category_rows.values_list("category", "evidence"))
    assert set(cats) == {"vawg", "on_duty_or_police_equipment"}
    assert cats["vawg"].lower() == "controlling and coercive"
    plot = analytics.by_category()
    assert {(r["special category"], r["outcome"], r["records"]) for r in plot.rows} == {
        ("Violence against women and girls", "dismissal without notice", 1),
        (
            "On-duty conduct and misuse of police equipment or systems",
            "dismissal without notice",
            1,
        ),
    }
    assert "Data: 1 published records" in plot.data and "read from the notice" in plot.data
    assert "not all outcomes" in plot.limits
    c = Client()
    assert c.get(reverse("register:plot", args=["by-category", "png"])).content.startswith(
        b"\x89PNG"
    )
    assert b"<svg" in c.get(reverse("register:plot", args=["by-category", "svg"])).content
    page = c.get(reverse("register:analytics")).content.decode()
    assert "Outcomes by special category" in page and "Violence against women and girls" in page
    # The exports carry them too, as the notice's codes.
    body = b"".join(c.get(reverse("register:export-csv")).streaming_content).decode()
    (row,) = list(csv.DictReader(io.StringIO(body)))
    assert row["special_categories"] == "on_duty_or_police_equipment; vawg"
    data = json.loads(b"".join(c.get(reverse("register:export-json")).streaming_content))
    assert data["records"][0]["special_categories"] == ["on_duty_or_police_equipment", "vawg"]


@pytest.mark.django_db
def test_an_empty_plot_says_why_instead_of_drawing_an_axis_around_zero() -> None:
    """Found on the newcomer's journey (issue 15): with only ingested notices, no record gives the
    date of attention, and the timeliness plot drew an empty axis from -0.05 to 0.05."""
    for make in (analytics.time_to_outcome, analytics.outcome_by_year):
        plot = make()
        assert plot.figure is not None
        (ax,) = plot.figure.axes
        assert next(t.get_text() for t in ax.texts).startswith("No ")
        assert ax.get_ylim() == (0.0, 1.0)


@pytest.mark.django_db
def test_the_analytics_page_prints_each_plots_statement_once_and_the_download_carries_it() -> None:
    """The page prints a plot's title and its statement of data and limits as text beside the image,
    so its image is drawn without them (a reader met the statement twice, once in small type);
    the PNG and SVG to download keep both, since a file travels without the page."""
    _records()
    c = Client()
    page = c.get(reverse("register:analytics") + "?year=2023").content.decode()
    mix = reverse("register:plot", args=["outcome-mix", "svg"])
    funnel = reverse("register:plot", args=["funnel", "svg"])
    assert f'<img src="{mix}?year=2023&amp;embed=1"' in page
    assert f'<img src="{funnel}?embed=1"' in page
    assert f'href="{funnel}"' in page  # the download, whole
    statement = "not all outcomes"
    assert statement in c.get(funnel).content.decode()
    embedded = c.get(funnel + "?embed=1")
    assert embedded.status_code == 200 and b"<svg" in embedded.content
    assert statement not in embedded.content.decode()
    assert b"Outcome mix by force, 2023" not in c.get(mix + "?year=2023&embed=1").content
    png = c.get(reverse("register:plot", args=["funnel", "png"]) + "?embed=1").content
    assert png.startswith(b"\x89PNG")
