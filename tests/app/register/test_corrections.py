"""Correcting any field of an ingested record, one the software was sure of included, before and
after it enters the register (review15): checked as the review queue checks a correction, kept in
the append-only review log with who, when, the value replaced, the new value and a reason, and then
shown by the register, its exports and its feed."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from django.test import Client
from django.urls import reverse

from misconduct.app.register import store
from misconduct.app.register.models import Record, RecordCategory, ReviewEvent, Source
from misconduct.app.register.reviewers import Reviewer
from misconduct.app.roles import Role
from misconduct.errors import InvalidInput
from misconduct.ingest import extract
from tests.app.web.fixtures import make_user

NOW = datetime(2026, 12, 1, 10, tzinfo=UTC)
ANN = Reviewer("ann", admin=True)
"""An administrator, who may change any record (who else may: test_force_scope.py)."""
# Read with confidence: published at once. The hearing date is given where the software does not
# look for it, so it is read as not stated, with confidence.
CERTAIN = (
    "Kent Police: PC John Smith breached the Standards of Professional Behaviour relating to "
    "honesty and integrity. A misconduct hearing found his actions amounted to gross misconduct. "
    "PC Smith was dismissed without notice. He was a serving officer."
)
UNCERTAIN = (
    "An officer referred to as Officer A was dismissed after a hearing. It was found that Officer "
    "A's conduct amounted to gross misconduct."
)


def _record(text: str = CERTAIN, url: str = "https://kent.example/n1") -> Record:
    source = store.save_extraction(extract(text), source_url=url, licence="OGL v3.0", now=NOW)
    assert source is not None
    return source.records.get()


def _correct(rec: Record, field: str, value: str, reason: str = "the notice says so") -> Record:
    return store.correct(rec.pk, field, value, reviewer=ANN, reason=reason, now=NOW)


def _own_outcome() -> Record:
    """One of this system's own published outcomes in the register (a Kent case)."""
    source = Source.objects.create(
        origin="system",
        url="/outcomes/KNT-2026-0001/",
        licence="x",
        text_sha256="0",
        ingested_at=NOW,
    )
    return Record.objects.create(
        source=source, position=0, published=True, force="kent", label="PC A", created_at=NOW
    )


@pytest.mark.django_db
def test_a_field_read_with_confidence_is_corrected_in_the_register_with_its_reason() -> None:
    rec = _record()
    assert rec.published and rec.hearing_date == "" and "hearing_date" not in rec.pending
    rec = _correct(rec, "hearing_date", "03/03/2024", "The notice gives the date in its footer.")
    assert rec.published and (rec.hearing_date, rec.year) == ("2024-03-03", 2024)
    event = ReviewEvent.objects.get(record=rec)
    assert (event.field, event.action, event.before, event.after) == (
        "hearing_date",
        "corrected",
        None,
        "2024-03-03",
    )
    assert (event.reviewer, event.recorded_at, event.reason) == (
        "ann",
        NOW,
        "The notice gives the date in its footer.",
    )
    assert list(store.search({"year": "2024"})) == [rec]
    assert store.public_row(rec)["hearing_date"] == "2024-03-03"
    # corrected again: the value replaced is the register's, not the one first read
    rec = _correct(rec, "hearing_date", "4 March 2024")
    assert ReviewEvent.objects.order_by("id").last().before == "2024-03-03"  # type: ignore[union-attr]
    # a field cleared: "not stated", as in the review queue
    rec = _correct(rec, "rank", "not stated")
    assert rec.rank == "" and ReviewEvent.objects.order_by("id").last().after is None  # type: ignore[union-attr]


@pytest.mark.django_db
def test_a_correction_is_checked_against_the_vocabularies_and_a_refused_one_writes_nothing() -> (
    None
):
    rec = _record()
    refused = [
        ("force", "Atlantis Constabulary", "Force", "Kent Police"),
        ("rank", "admiral", "Rank", "constable or sergeant"),
        ("forum", "a chat", "Forum", "misconduct meeting"),
        ("finding", "naughty", "Finding", "gross misconduct"),
        ("outcome", "a stern look", "Outcome", "final written warning"),
        ("standards", "Punctuality", "Standards breached", "Honesty and Integrity"),
        ("warning_months", "99", "Warning period (months)", "from 1 to 60"),
        ("hearing_date", "31/02/2024", "Hearing date", "DD/MM/YYYY"),
        ("anonymised", "perhaps", "Officer anonymised", "yes or no"),
        ("status", "retired", "Serving or former", "serving, former"),
        ("decision_maker", "", "Decision maker", "not stated"),
        ("outcome", "dismissal without notice", "Outcome", "different from the one"),
    ]
    for field, value, label, expected in refused:
        with pytest.raises(InvalidInput) as err:
            _correct(rec, field, value)
        assert err.value.field == label and expected in str(err.value.expected), field
    for reason in ("", "   "):
        with pytest.raises(InvalidInput) as err:
            _correct(rec, "forum", "misconduct meeting", reason)
        assert err.value.field == "Reason"
    with pytest.raises(InvalidInput, match="at most 500 characters"):
        _correct(rec, "forum", "misconduct meeting", "x" * 501)
    with pytest.raises(InvalidInput) as err:
        _correct(rec, "name", "Jo")
    assert err.value.field == "Field"
    assert ReviewEvent.objects.count() == 0
    after = Record.objects.get(pk=rec.pk)
    assert [getattr(after, f) for f in ("forum", "outcome", "published")] == [
        "misconduct_hearing",
        "dismissal_without_notice",
        True,
    ]


@pytest.mark.django_db
def test_each_field_takes_the_words_the_review_queue_takes() -> None:
    rec = _record()
    for field, value, column, stored in [
        ("force", "Essex Police", "force", "essex"),
        ("rank", "Sgt", "rank", "sergeant"),
        ("status", "former", "status", "former"),
        ("forum", "Misconduct meeting", "forum", "misconduct_meeting"),
        ("finding", "misconduct", "finding", "misconduct"),
        ("outcome", "final written warning", "outcome", "final_written_warning"),
        ("warning_months", "18", "warning_months", 18),
        (
            "decision_maker",
            "a legally qualified chair",
            "decision_maker",
            "a legally qualified chair",
        ),
        ("hearing_date", "2023", "hearing_date", "2023"),
    ]:
        rec = _correct(rec, field, value)
        assert getattr(rec, column) == stored, field
    assert list(
        store.search({"force": "essex", "year": "2023", "outcome": "final_written_warning"})
    )
    assert ReviewEvent.objects.filter(record=rec, action="corrected").count() == 9


@pytest.mark.django_db
def test_corrected_standards_are_searched_and_name_their_special_categories() -> None:
    rec = _record()
    assert set(rec.category_rows.values_list("category", flat=True)) == set()
    rec = _correct(rec, "standards", "Equality and Diversity; Honesty and Integrity")
    assert rec.standards == ["equality_and_diversity", "honesty_and_integrity"]
    assert list(store.search({"standard": "equality_and_diversity"})) == [rec]
    assert list(RecordCategory.objects.filter(record=rec).values_list("category", flat=True)) == [
        "discrimination"
    ]
    rec = _correct(rec, "standards", "Honesty and Integrity")
    assert list(store.search({"standard": "equality_and_diversity"})) == []
    assert not RecordCategory.objects.filter(record=rec).exists()


@pytest.mark.django_db
def test_categories_read_from_the_notice_s_words_outlive_a_correction_of_the_standards() -> None:
    rec = _record(CERTAIN + " He used police systems to look up a woman he met on duty.")
    words = set(rec.category_rows.values_list("category", flat=True))
    assert "on_duty_or_police_equipment" in words
    rec = _correct(rec, "standards", "not stated")
    assert set(rec.category_rows.values_list("category", flat=True)) == words


@pytest.mark.django_db
def test_before_it_enters_the_register_a_sure_field_is_corrected_and_an_uncertain_one_decided() -> (
    None
):
    rec = _record(UNCERTAIN)
    pending = list(rec.pending)
    assert "force" in pending and "outcome" not in pending and not rec.published
    rec = _correct(rec, "outcome", "dismissal with notice")
    assert rec.outcome == "dismissal_with_notice" and rec.pending == pending
    assert not rec.published
    rec = _correct(rec, "force", "Essex Police")  # a correction decides a field awaiting review
    assert "force" not in rec.pending
    for field in list(rec.pending):
        rec = store.review(rec.pk, field, reviewer=ANN, now=NOW)
    assert rec.published and list(store.search({"force": "essex"})) == [rec]


@pytest.mark.django_db
def test_an_officer_found_to_be_anonymised_is_named_nowhere_the_public_reads() -> None:
    rec = _record()
    assert rec.public_label == "John Smith"
    rec = _correct(rec, "anonymised", "yes", "The force's notice withholds the name.")
    assert rec.anonymised and rec.name == "" and "Smith" not in rec.label
    assert "Smith" not in store.public_row(rec)["officer"]
    c = Client()
    for name in ("register:search", "register:feed", "register:record"):
        args = [rec.pk] if name == "register:record" else []
        assert "Smith" not in c.get(reverse(name, args=args)).content.decode(), name
    body = b"".join(c.get(reverse("register:export-csv")).streaming_content).decode()
    assert "Smith" not in body


@pytest.mark.django_db
def test_this_systems_own_outcomes_are_not_corrected_here() -> None:
    rec = _own_outcome()
    with pytest.raises(InvalidInput) as err:
        _correct(rec, "force", "Essex Police")
    assert err.value.field == "Record" and "corrected in their case" in str(err.value.expected)
    assert ReviewEvent.objects.count() == 0


@pytest.mark.django_db
def test_a_reviewer_corrects_a_published_record_from_the_web_and_the_register_shows_it(
    login: Callable[[str], Client],
) -> None:
    rec = _record()
    public = Client()
    detail = reverse("register:record", args=[rec.pk])
    assert "Correct a field of this record" not in public.get(detail).content.decode()
    assert login("no_role").get(detail).content.decode().count("Correct a field") == 0
    url = reverse("register:review-record", args=[rec.pk])
    assert login("no_role").post(url, {"field": "forum", "action": "amend"}).status_code == 404
    make_user("reviewer", [(Role.CASE_OFFICER, "kent")])  # the record is Kent Police's
    viewer = login("reviewer")
    assert f'href="{url}">Correct a field of this record</a>' in viewer.get(detail).content.decode()
    page = viewer.get(url).content.decode()
    assert "In the public register" in page and "<summary>Correct hearing date</summary>" in page
    # a wrong value: the field named, what was expected and received, what was typed kept
    bad = viewer.post(
        url,
        {"field": "hearing_date", "action": "amend", "value": "31/02/2024", "reason": "footer"},
    )
    assert bad.status_code == 400
    said = bad.content.decode()
    assert "Hearing date: expected a date that exists, in the form DD/MM/YYYY" in said
    assert 'value="31/02/2024"' in said and 'value="footer"' in said and "<details open>" in said
    no_reason = viewer.post(
        url, {"field": "hearing_date", "action": "amend", "value": "03/03/2024", "reason": " "}
    )
    assert no_reason.status_code == 400
    assert "Reason: expected why the value is corrected" in no_reason.content.decode()
    assert ReviewEvent.objects.count() == 0
    done = viewer.post(
        url,
        {
            "field": "hearing_date",
            "action": "amend",
            "value": "03/03/2024",
            "reason": "The date is in the notice's footer.",
        },
        follow=True,
    )
    assert done.redirect_chain == [(url, 302)]
    page = done.content.decode()
    assert "The register shows the corrected value." in page
    assert "Corrected to: 03/03/2024" in page
    assert (
        "reviewer corrected hearing date (Not stated → 03/03/2024). Reason: The date is in the "
        "notice&#x27;s footer." in page
    )
    from tests.app.web.test_plain_pages import _Reader
    from tests.plain_words import problems_in

    reader = _Reader()
    reader.feed(page)
    assert problems_in(reader.text) == []
    # the public register, its exports and its feed show the corrected value
    assert "03/03/2024" in public.get(detail).content.decode()
    assert "John Smith" in public.get(reverse("register:search") + "?year=2024").content.decode()
    rows = list(
        csv.DictReader(
            io.StringIO(
                b"".join(public.get(reverse("register:export-csv")).streaming_content).decode()
            )
        )
    )
    assert [r["hearing_date"] for r in rows] == ["2024-03-03"]
    data = json.loads(b"".join(public.get(reverse("register:export-json")).streaming_content))
    assert [r["year"] for r in data["records"]] == [2024]
    viewer.post(
        url, {"field": "outcome", "action": "amend", "value": "reduction in rank", "reason": "r"}
    )
    assert "reduction in rank" in public.get(reverse("register:feed")).content.decode()


@pytest.mark.django_db
def test_the_queue_s_decision_is_refused_for_a_field_that_does_not_await_review() -> None:
    """Confirming or correcting without a reason is the queue's, for the fields it asks about: a
    field read with confidence, or already decided, is corrected with a reason (``correct``)."""
    rec = _record()
    assert rec.published and "force" not in rec.pending
    for correction in (None, "Essex Police"):
        with pytest.raises(InvalidInput) as err:
            store.review(rec.pk, "force", reviewer=ANN, correction=correction, now=NOW)
        assert err.value.field == "Force" and "corrected with a reason" in str(err.value.expected)
    assert ReviewEvent.objects.count() == 0
    assert Record.objects.get(pk=rec.pk).force == "kent"


@pytest.mark.django_db
def test_the_web_refuses_a_correction_without_a_reason_and_leaves_this_system_s_outcomes_alone(
    login: Callable[[str], Client],
) -> None:
    rec = _record()
    viewer = login("kent_officer")  # both records are Kent Police's
    url = reverse("register:review-record", args=[rec.pk])
    said = viewer.post(url, {"field": "outcome", "action": "correct", "value": "reduction in rank"})
    assert said.status_code == 400
    assert "Outcome: expected a field awaiting review" in said.content.decode()
    own = _own_outcome()
    own_url = reverse("register:review-record", args=[own.pk])
    for action in ("correct", "confirm"):
        said = viewer.post(own_url, {"field": "force", "action": action, "value": "Essex Police"})
        assert said.status_code == 400, action
    assert ReviewEvent.objects.count() == 0
    assert Record.objects.get(pk=rec.pk).outcome == "dismissal_without_notice"
    assert Record.objects.get(pk=own.pk).force == "kent"


@pytest.mark.django_db
def test_standards_corrected_in_the_queue_name_their_special_categories() -> None:
    source = store.save_extraction(
        extract(CERTAIN),
        source_url="https://kent.example/q",
        licence="OGL v3.0",
        threshold=1.0,
        now=NOW,
    )
    assert source is not None
    rec = source.records.get()
    assert "standards" in rec.pending and not rec.category_rows.exists()
    rec = store.review(
        rec.pk, "standards", reviewer=ANN, correction="Equality and Diversity", now=NOW
    )
    assert list(rec.category_rows.values_list("category", flat=True)) == ["discrimination"]


@pytest.mark.django_db
def test_a_viewer_reads_the_review_pages_but_changes_nothing(
    login: Callable[[str], Client],
) -> None:
    rec = _record(UNCERTAIN)
    assert rec.pending
    viewer = login("viewer")
    url = reverse("register:review-record", args=[rec.pk])
    page = " ".join(viewer.get(url).content.decode().split())
    assert "Your role lets you read the review queue, not change the register" in page
    assert 'value="confirm"' not in page and 'value="amend"' not in page
    queue = " ".join(viewer.get(reverse("register:review")).content.decode().split())
    assert "Bring this system's published outcomes" not in queue
    field = rec.pending[0]
    for asked in (
        {"field": field, "action": "confirm"},
        {"field": field, "action": "correct", "value": "not stated"},
        {"field": "forum", "action": "amend", "value": "misconduct meeting", "reason": "x"},
    ):
        refused = viewer.post(url, asked)
        assert refused.status_code == 403
        assert "Your role does not allow this. Nothing was changed." in refused.content.decode()
    assert viewer.post(reverse("register:sync")).status_code == 403
    assert ReviewEvent.objects.count() == 0
    rec.refresh_from_db()
    assert rec.pending and not rec.published
    detail = reverse("register:record", args=[rec.pk])
    assert "Correct a field of this record" not in viewer.get(detail).content.decode()
