"""Withdrawing a record from the public register, and restoring it (withdraw15): with a required
reason, appended to the append-only review log, the record's read model (``published`` and
``withdrawal``) changed in the same transaction, so that the public register, its exports, feed,
API and plots leave a withdrawn record out by the indexes they already read; staff list the
withdrawn records and restore them, from the web and the command line."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from django.db import DatabaseError, transaction
from django.test import Client
from django.urls import reverse

from misconduct.app.register import analytics, store
from misconduct.app.register.models import Record, ReviewEvent
from misconduct.app.register.reviewers import Reviewer
from misconduct.app.roles import AccessDenied, Grant, Role
from misconduct.cli.main import cli
from misconduct.errors import Conflict, InvalidInput
from misconduct.ingest import extract
from tests.app.register.test_force_scope import _explain, _written, price_out_scans
from tests.app.register.test_force_scope import _record as _waiting_record
from tests.app.web.fixtures import PASSWORD, make_user

pytestmark = pytest.mark.usefixtures("uncalibrated")

NOW = datetime(2026, 12, 1, 10, tzinfo=UTC)
ANN = Reviewer("ann", admin=True)
KENT = Reviewer.from_grants("kent", [Grant(Role.CASE_OFFICER, "kent")], admin=False)
ESSEX = Reviewer.from_grants("essex", [Grant(Role.CASE_OFFICER, "essex")], admin=False)
NOTICE = (
    "A misconduct hearing held on 3rd March 2024 at Kent Police headquarters found that PC John "
    "Smith breached the Standards of Professional Behaviour relating to honesty and integrity. "
    "The panel found his actions amounted to gross misconduct. PC Smith was dismissed without "
    "notice. He was a serving officer."
)
REASON = "The force withdrew the notice on 30 November 2026."
SECRET_REASON = "Court order 77-ZX: a legal request"


def _published(text: str = NOTICE, url: str = "https://kent.example/n1") -> Record:
    source = store.save_extraction(extract(text), source_url=url, licence="OGL v3.0", now=NOW)
    assert source is not None
    record = source.records.get()
    assert record.published, record.pending
    return record


def _public_view(client: Client) -> dict[str, str]:
    """Everything the public reads of the register, as text."""

    def streamed(name: str) -> str:
        return b"".join(client.get(reverse(name)).streaming_content).decode()

    return {
        "page": client.get(reverse("register:search")).content.decode(),
        "csv": streamed("register:export-csv"),
        "json": streamed("register:export-json"),
        "feed": client.get(reverse("register:feed")).content.decode(),
        "api": client.get("/api/register/records").content.decode(),
    }


def _plain(html: str) -> list[str]:
    """What a page says that is not plain British English (tests/plain_words.py)."""
    from tests.app.web.test_plain_pages import _Reader
    from tests.plain_words import problems_in

    reader = _Reader()
    reader.feed(html)
    return problems_in(reader.text)


def _plots() -> dict[str, str]:
    return {name: make().data for name, make in analytics.PLOTS.items()}


@pytest.mark.django_db
def test_a_withdrawn_record_leaves_every_public_view_and_a_restored_one_returns() -> None:
    smith = _published()
    other = _published(NOTICE.replace("John Smith", "Jane Doe").replace("PC Smith", "PC Doe"))
    public = Client()
    before = _public_view(public)
    assert all("John Smith" in text and "Jane Doe" in text for text in before.values())
    plots_before = _plots()
    assert "Data: 2 published records" in plots_before["outcome-mix"]

    rec = store.withdraw(smith.pk, reviewer=ANN, reason=SECRET_REASON, now=NOW)
    assert not rec.published and rec.withdrawn
    after = _public_view(public)
    for name, text in after.items():
        assert "John Smith" not in text and "Jane Doe" in text, name
        assert SECRET_REASON not in text, name
    assert [r["officer"] for r in csv.DictReader(io.StringIO(after["csv"]))] == ["Jane Doe"]
    assert [r["officer"] for r in json.loads(after["json"])["records"]] == ["Jane Doe"]
    assert list(store.search({})) == [other]
    assert list(store.search({"standard": "honesty_and_integrity"})) == [other]
    plots = _plots()
    for name in ("outcome-mix", "outcome-by-year", "funnel", "by-standard"):
        assert "Data: 1 published records" in plots[name], (name, plots[name])
    # the record's own page says it is no longer published, and never why; so does the API (404)
    page = public.get(reverse("register:record", args=[smith.pk]))
    assert page.status_code == 410
    # not kept by a browser or a proxy (a 410 is otherwise fresh for ever): it may be restored
    assert {"no-cache", "max-age=0", "must-revalidate"} <= set(page["Cache-Control"].split(", "))
    said = " ".join(page.content.decode().split())
    assert "This record is no longer published" in said
    assert SECRET_REASON not in said and "John Smith" not in said and "Kent" not in said
    assert public.get(f"/api/register/records/{smith.pk}").status_code == 404
    # nor is it waiting for review
    assert smith.pk not in set(store.queue().values_list("pk", flat=True))

    rec = store.restore(smith.pk, reviewer=ANN, reason="The force published it again.", now=NOW)
    assert rec.published and not rec.withdrawn
    assert all("John Smith" in text for text in _public_view(public).values())
    assert _plots() == plots_before
    assert public.get(reverse("register:record", args=[smith.pk])).status_code == 200


@pytest.mark.django_db
def test_withdrawal_and_restoration_are_appended_to_the_review_log_never_updated() -> None:
    rec = _published()
    store.withdraw(rec.pk, reviewer=ANN, reason=REASON, now=NOW)
    first = ReviewEvent.objects.values().get()
    later = NOW + timedelta(days=2)
    store.restore(rec.pk, reviewer=KENT, reason="Published again.", now=later)
    store.withdraw(rec.pk, reviewer=KENT, reason="Withdrawn again.", now=later)
    events = list(ReviewEvent.objects.order_by("id").values())
    assert events[0] == first  # the first withdrawal is kept as it was written
    assert [
        (e["field"], e["action"], e["before"], e["after"], e["reviewer"], e["reason"])
        for e in events
    ] == [
        ("published", "withdrawn", True, False, "ann", REASON),
        ("published", "restored", False, True, "kent", "Published again."),
        ("published", "withdrawn", True, False, "kent", "Withdrawn again."),
    ]
    # the record points at the withdrawal in force: who, when and why
    rec.refresh_from_db()
    assert rec.withdrawal_id == events[-1]["id"]
    assert list(store.withdrawn()) == [rec]
    # the database refuses to change or remove the log's events
    rows = ReviewEvent.objects.filter(pk=events[0]["id"])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        rows.update(reason="nothing happened")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        rows.delete()


@pytest.mark.django_db
def test_a_record_waiting_for_review_is_withdrawn_from_the_queue_and_restored_to_it() -> None:
    rec = _waiting_record("kent")
    assert list(store.queue()) == [rec]
    store.withdraw(rec.pk, reviewer=KENT, reason="A wrong match: another force's officer.")
    assert list(store.queue()) == [] and list(store.queue("kent")) == []
    # never public, so its page is simply not found (not "no longer published")
    assert Client().get(reverse("register:record", args=[rec.pk])).status_code == 404
    # a withdrawn record may still be decided and corrected, and stays out of the register
    for field in ("outcome", "forum"):
        store.review(rec.pk, field, reviewer=KENT)
    rec.refresh_from_db()
    assert rec.pending == [] and not rec.published
    store.correct(rec.pk, "rank", "sergeant", reviewer=KENT, reason="the notice says so")
    rec.refresh_from_db()
    assert not rec.published and list(store.search({})) == []
    rec = store.restore(rec.pk, reviewer=KENT, reason="Checked: the match is right.")
    assert rec.published and list(store.search({})) == [rec]
    ReviewEvent.objects.filter(action="restored").get(after=True)

    waiting = _waiting_record("kent", label="Officer B")
    store.withdraw(waiting.pk, reviewer=KENT, reason="Unsure.")
    waiting = store.restore(waiting.pk, reviewer=KENT, reason="Back to the queue.")
    assert not waiting.published and list(store.queue()) == [waiting]


@pytest.mark.django_db
def test_a_withdrawal_or_restoration_asked_wrongly_is_refused_and_writes_nothing() -> None:
    rec = _published()
    before = _written(rec.pk)
    for reason, expected in (
        ("", "why the record is withdrawn"),
        ("  ", "why"),
        ("x" * 501, "500"),
    ):
        with pytest.raises(InvalidInput) as err:
            store.withdraw(rec.pk, reviewer=ANN, reason=reason)
        assert err.value.field == "Reason" and expected in str(err.value.expected)
    # a restoration of a record that is not withdrawn, or a second withdrawal (a second press of
    # the button, or another person first): a conflict saying who did what when, before the reason
    with pytest.raises(Conflict) as conflict:
        store.restore(rec.pk, reviewer=ANN, reason="")
    assert conflict.value.message == "This record is not withdrawn. Nothing was changed."
    assert (conflict.value.field, conflict.value.expected) == ("Record", "a withdrawn record")
    assert _written(rec.pk) == before
    store.withdraw(rec.pk, reviewer=KENT, reason=REASON, now=NOW)
    with pytest.raises(Conflict) as conflict:
        store.withdraw(rec.pk, reviewer=ANN, reason="")
    assert conflict.value.message == (
        "This record was already withdrawn from the public register by kent on 01/12/2026 at "
        "10:00. Nothing was changed."
    )
    with pytest.raises(InvalidInput) as err:
        store.restore(rec.pk, reviewer=ANN, reason="")
    assert err.value.field == "Reason"
    store.restore(rec.pk, reviewer=ANN, reason="r", now=NOW + timedelta(hours=1))
    with pytest.raises(Conflict, match="it was restored by ann on 01/12/2026 at 11:00"):
        store.restore(rec.pk, reviewer=KENT, reason="r")
    assert ReviewEvent.objects.count() == 2


@pytest.mark.django_db(databases="__all__")
def test_only_who_may_change_the_record_withdraws_or_restores_it(alias: str) -> None:
    rec = _waiting_record("kent", using=alias, pending=())
    before = _written(rec.pk, alias)
    for who in (ESSEX, Reviewer.from_grants("v", [Grant(Role.VIEWER, "kent")], admin=False)):
        with pytest.raises(AccessDenied):
            store.withdraw(rec.pk, reviewer=who, reason=REASON, using=alias)
    assert _written(rec.pk, alias) == before
    store.withdraw(rec.pk, reviewer=KENT, reason=REASON, using=alias)
    with pytest.raises(AccessDenied):
        store.restore(rec.pk, reviewer=ESSEX, reason="r", using=alias)
    assert not Record.objects.using(alias).get(pk=rec.pk).published
    store.restore(rec.pk, reviewer=ANN, reason="r", using=alias)
    assert Record.objects.using(alias).get(pk=rec.pk).published
    assert list(
        ReviewEvent.objects.using(alias).order_by("id").values_list("action", "reviewer")
    ) == [("withdrawn", "kent"), ("restored", "ann")]


@pytest.mark.django_db
def test_this_system_s_own_outcomes_are_taken_down_in_their_case_not_here(
    login: Callable[[str], Client],
) -> None:
    from tests.app.register.test_corrections import _own_outcome

    own = _own_outcome()
    with pytest.raises(InvalidInput) as err:
        store.withdraw(own.pk, reviewer=ANN, reason=REASON)
    assert "taken down in their case" in str(err.value.expected)
    # asked from the web all the same (the page offers no form): the refusal is on the page
    url = reverse("register:review-record", args=[own.pk])
    refused = login("admin").post(url, {"action": "withdraw", "reason": REASON})
    assert refused.status_code == 400
    assert "taken down in their case" in refused.content.decode()
    assert ReviewEvent.objects.count() == 0 and Record.objects.get(pk=own.pk).published


# -- the staff pages --------------------------------------------------------------------------------


def _restore_from_list(client: Client, url: str, reason: str) -> str:
    """Press Restore on the list of withdrawn records: back on the list, what it then says."""
    back = client.post(
        url, {"action": "restore", "reason": reason, "back": "withdrawn"}, follow=True
    )
    assert back.redirect_chain == [(reverse("register:withdrawn"), 302)]
    return " ".join(back.content.decode().split())


@pytest.mark.django_db
def test_staff_withdraw_from_the_record_s_page_and_restore_from_the_list_of_withdrawn_records(
    login: Callable[[str], Client],
) -> None:
    rec = _published()
    public = Client()
    make_user("psd", [(Role.CASE_OFFICER, "kent")])  # a plain name: the pages are read for words
    officer = login("psd")
    detail = reverse("register:record", args=[rec.pk])
    assert "or withdraw it from the register" in officer.get(detail).content.decode()
    url = reverse("register:review-record", args=[rec.pk])
    page = officer.get(url).content.decode()
    assert "<summary>Withdraw this record from the public register</summary>" in page
    # a withdrawal without a reason: refused beside the form, nothing written
    refused = officer.post(url, {"action": "withdraw", "reason": " "})
    assert refused.status_code == 400
    said = refused.content.decode()
    assert "Reason: expected why the record is withdrawn" in said and "<details open>" in said
    assert _plain(said) == []
    assert ReviewEvent.objects.count() == 0 and Record.objects.get(pk=rec.pk).published

    done = officer.post(url, {"action": "withdraw", "reason": SECRET_REASON}, follow=True)
    assert done.redirect_chain == [(url, 302)]
    page = " ".join(done.content.decode().split())
    assert "Withdrawn: the record is no longer in the public register" in page
    assert "Withdrawn from the public register</h2>" in page
    assert "Withdrawn by psd on " in page
    assert f"Reason: {SECRET_REASON}" in page
    assert "psd withdrew the record from the public register" in page
    assert 'value="restore"' in page and "Withdraw this record" not in page
    assert _plain(done.content.decode()) == []
    gone = public.get(detail)
    assert gone.status_code == 410 and SECRET_REASON not in gone.content.decode()
    assert _plain(gone.content.decode()) == []
    assert "John Smith" not in public.get(reverse("register:search")).content.decode()

    listing = officer.get(reverse("register:withdrawn"))
    assert listing.status_code == 200
    text = " ".join(listing.content.decode().split())
    assert "1 withdrawn record." in text
    assert "John Smith" in text and "psd" in text and SECRET_REASON in text
    assert 'value="restore"' in text and 'name="back" value="withdrawn"' in text
    assert _plain(listing.content.decode()) == []
    text = _restore_from_list(officer, url, "Published again.")
    assert "Restored: the record is back in the public register." in text
    assert "No record is withdrawn." in text
    assert public.get(detail).status_code == 200
    assert "John Smith" in public.get(reverse("register:search")).content.decode()


@pytest.mark.django_db
def test_a_second_press_or_a_page_out_of_date_says_what_the_record_is_and_changes_nothing(
    login: Callable[[str], Client],
) -> None:
    rec = _published()
    make_user("psd", [(Role.CASE_OFFICER, "kent")])
    officer = login("psd")
    url = reverse("register:review-record", args=[rec.pk])
    officer.post(url, {"action": "withdraw", "reason": SECRET_REASON})
    # the same form sent again: the page as it now stands, not the reason typed into the form to
    # restore it
    again = officer.post(url, {"action": "withdraw", "reason": "typed twice"}, follow=True)
    assert again.redirect_chain == [(url, 302)]
    page = " ".join(again.content.decode().split())
    assert "This record was already withdrawn from the public register by psd on " in page
    assert "Nothing was changed." in page and "typed twice" not in page
    assert _plain(again.content.decode()) == []
    # a restoration from the list of withdrawn records after someone else restored it
    store.restore(rec.pk, reviewer=ANN, reason="Published again.")
    page = _restore_from_list(officer, url, "mine")
    assert "This record is not withdrawn: it was restored by ann on " in page
    assert "No record is withdrawn." in page
    assert list(ReviewEvent.objects.values_list("action", "reason")) == [
        ("withdrawn", SECRET_REASON),
        ("restored", "Published again."),
    ]


@pytest.mark.django_db
def test_a_withdrawal_without_the_page_s_token_is_refused() -> None:
    """A form posted from another site (no CSRF token) withdraws nothing; the page's own does."""
    rec = _published()
    user = make_user("psd", [(Role.CASE_OFFICER, "kent")])
    client = Client(enforce_csrf_checks=True)
    assert client.login(username=user.get_username(), password=PASSWORD)
    url = reverse("register:review-record", args=[rec.pk])
    forged = client.post(url, {"action": "withdraw", "reason": REASON})
    assert forged.status_code == 403 and ReviewEvent.objects.count() == 0
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', client.get(url).content.decode()
    )
    assert token is not None
    sent = {"action": "withdraw", "reason": REASON, "csrfmiddlewaretoken": token[1]}
    assert client.post(url, sent).status_code == 302
    assert Record.objects.get(pk=rec.pk).withdrawn


@pytest.mark.django_db
def test_who_may_not_change_a_record_reads_the_list_but_neither_withdraws_nor_restores(
    login: Callable[[str], Client],
) -> None:
    rec = _published()
    url = reverse("register:review-record", args=[rec.pk])
    met = login("officer")  # a case officer of the Metropolitan Police: the record is Kent's
    assert "Withdraw this record" not in met.get(url).content.decode()
    refused = met.post(url, {"action": "withdraw", "reason": REASON})
    assert refused.status_code == 403
    assert "Nothing was changed" in refused.content.decode()
    assert login("viewer").post(url, {"action": "withdraw", "reason": REASON}).status_code == 403
    assert login("no_role").get(reverse("register:withdrawn")).status_code == 404
    assert Client().get(reverse("register:withdrawn")).status_code == 302  # to sign in
    assert ReviewEvent.objects.count() == 0
    store.withdraw(rec.pk, reviewer=KENT, reason=REASON)
    page = " ".join(met.get(reverse("register:withdrawn")).content.decode().split())
    assert "John Smith" in page and "Kent Police or an administrator may restore it" in page
    assert 'value="restore"' not in page
    assert met.post(url, {"action": "restore", "reason": "r"}).status_code == 403
    assert not Record.objects.get(pk=rec.pk).published


@pytest.mark.django_db
def test_the_list_of_withdrawn_records_pages_by_position(login: Callable[[str], Client]) -> None:
    from misconduct.app.register import views

    labels = [f"Officer {c}" for c in "ABCDE"]
    for label in labels:
        rec = _waiting_record("kent", pending=(), label=label)
        store.withdraw(rec.pk, reviewer=ANN, reason=f"reason {label}")
    original = views.WITHDRAWN_PAGE
    views.WITHDRAWN_PAGE = 2
    try:
        client = login("admin")
        seen: list[str] = []
        url = reverse("register:withdrawn")
        pages = 0
        while url:
            page = client.get(url).content.decode()
            pages += 1
            seen += re.findall(r">(Officer [A-E])</a>", page)
            following = re.search(r'href="\?after=([^"]*)"', page)
            url = reverse("register:withdrawn") + "?after=" + following[1] if following else ""
        assert (seen, pages) == (labels[::-1], 3)  # the latest withdrawal first
        assert "5 withdrawn records." in page
    finally:
        views.WITHDRAWN_PAGE = original


@pytest.mark.django_db(databases="__all__")
def test_the_list_of_withdrawn_records_and_the_queue_read_their_indexes(alias: str) -> None:
    for i in range(30):
        rec = _waiting_record(("kent", "essex")[i % 2], using=alias, pending=("outcome",))
        if i % 3 == 0:
            store.withdraw(rec.pk, reviewer=ANN, reason="r", using=alias)
    connection = price_out_scans(alias)
    queries = {
        "first page": (store.withdrawn()[:51], "register_withdrawn"),
        "a later page": (store.withdrawn().filter(withdrawal_id__lt=20)[:51], "register_withdrawn"),
        "count": (
            Record.objects.filter(withdrawal__isnull=False).order_by()[:10001].values("pk"),
            "register_withdrawn",
        ),
        "the queue": (store.queue()[:51], "register_waiting"),
        "one force's queue": (store.queue("kent")[:51], "register_waiting"),
    }
    for name, (rows, index) in queries.items():
        plan = _explain(alias, rows.using(alias))
        if connection.vendor == "sqlite":
            assert index in plan, (name, plan)
            assert not re.search(r"SCAN register_record(?! USING (COVERING )?INDEX)", plan), plan
        else:
            assert "Seq Scan on register_record" not in plan, (name, plan)
            assert "Sort" not in plan and index in plan, (name, plan)
    assert store.queue().using(alias).count() == 20
    assert store.withdrawn().using(alias).count() == 10


# -- the command line -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_misconduct_register_withdraw_and_restore() -> None:
    rec = _published()
    runner = CliRunner()
    out = runner.invoke(
        cli, ["register", "withdraw", str(rec.pk), "--reason", REASON, "--actor", "psd.admin"]
    )
    assert out.exit_code == 0, out.output
    said = " ".join(out.output.split())
    assert said == (
        f"Record {rec.pk} (PC John Smith, Kent Police) is withdrawn from the public register, its "
        "exports, feed and plots. The reason is kept for the staff of Kent Police and administrators."
    )
    event = ReviewEvent.objects.get()
    assert (event.action, event.reviewer, event.reason) == ("withdrawn", "psd.admin", REASON)
    again = runner.invoke(cli, ["register", "withdraw", str(rec.pk), "--reason", REASON])
    assert again.exit_code == 6, again.output
    assert "This record was already withdrawn from the public register by psd.admin" in again.output
    out = runner.invoke(cli, ["register", "restore", str(rec.pk), "--reason", "Published again."])
    assert out.exit_code == 0, out.output
    assert "is restored: it is back in the public register." in out.output
    assert Record.objects.get(pk=rec.pk).published
    missing = runner.invoke(cli, ["register", "withdraw", "999999", "--reason", REASON])
    assert missing.exit_code == 2
    assert "ID: expected the number of a record of the register" in missing.output
    no_reason = runner.invoke(cli, ["register", "withdraw", str(rec.pk)])
    assert no_reason.exit_code == 2 and "--reason" in no_reason.output
    blank = runner.invoke(cli, ["register", "withdraw", str(rec.pk), "--reason", " "])
    assert blank.exit_code == 2 and "Reason: expected" in blank.output
    assert ReviewEvent.objects.count() == 2
