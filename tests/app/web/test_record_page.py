"""A public record's page is kept as finished HTML in its read model (issue 10): the stored page is
the page of the stored record, a row without one (or with one of another version) shows the same
page built from its record, every value is escaped, and a request is two indexed reads."""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from misconduct.app import models as m
from misconduct.app.readmodels import decode_record
from misconduct.app.web import record_page, register
from misconduct.app.web.publication import PublicAllegation, PublicCase, PublicOfficer
from misconduct.documents.published import Section
from tests.app.web.fixtures import TODAY
from tests.conftest import forget_kept_pages


def test_each_stored_page_is_the_page_of_its_stored_record(demo: list[str]) -> None:
    rows = list(m.PublicEntry.objects.all())
    assert {r.kind for r in rows} == {"notice", "outcome"}
    for row in rows:
        record = decode_record(row.record, row.record_format)
        assert record is not None
        assert row.page == record_page.page(record)


def _pages(refs: list[str]) -> dict[str, bytes]:
    forget_kept_pages()
    out = {}
    for ref in refs:
        response = Client().get(reverse("web:public-record", args=[ref]))
        assert response.status_code == 200
        out[ref] = response.content
    return out


def test_a_page_not_stored_or_stored_by_other_code_is_built_from_its_record(
    demo: list[str],
) -> None:
    refs = sorted(set(register.visible(TODAY).values_list("ref", flat=True)))
    assert len(refs) >= 3
    stored = _pages(refs)
    m.PublicEntry.objects.update(page={"version": record_page.VERSION - 1, "head": "stale"})
    assert _pages(refs) == stored
    m.PublicEntry.objects.update(page=None)
    assert _pages(refs) == stored


def test_a_page_is_two_indexed_reads_whatever_the_record(demo: list[str]) -> None:
    refs = sorted(set(register.visible(TODAY).values_list("ref", flat=True)))
    forget_kept_pages()
    Client().get(reverse("web:public-record", args=[refs[0]]))  # the newest change, kept
    for ref in refs[1:]:
        with CaptureQueriesContext(connection) as queries:
            response = Client().get(reverse("web:public-record", args=[ref]))
        assert response.status_code == 200
        assert len(queries) == 2  # the newest event (for the ETag), the stored page
        assert response.has_header("ETag") and response.has_header("Last-Modified")


def _record(kind: str) -> PublicCase:
    allegation = PublicAllegation(
        particulars="Said <b>this</b> & that",
        standards=("Honesty & integrity", "Authority, respect <and> courtesy"),
        finding="Gross misconduct" if kind == "outcome" else None,
        standards_breached=("Honesty & integrity",) if kind == "outcome" else (),
        conduct_from=date(2025, 3, 1),
        conduct_to=date(2025, 3, 4),
        on_duty=False,
    )
    officer = PublicOfficer(
        label="Officer <A>",
        anonymised=True,
        outcome="Final written warning" if kind == "outcome" else None,
        outcome_id="final_written_warning" if kind == "outcome" else None,
        warning_months=24 if kind == "outcome" else None,
        allegations=(allegation,),
        reasons=(Section("Harm <high>", ("A & B.",), ("one <item>",)),),
    )
    return PublicCase(
        ref="MPS-2025-0001",
        force="metropolitan",
        force_name="Metropolitan <Police>",
        kind=kind,
        forum="Misconduct hearing",
        hearing_on=date(2025, 6, 2),
        in_public=True,
        notice_on=date(2025, 5, 1),
        published_on=date(2025, 7, 1) if kind == "outcome" else None,
        visible_until_at_least=date(2025, 7, 29) if kind == "outcome" else None,
        decided_on=date(2025, 6, 20) if kind == "outcome" else None,
        regime="2020",
        officers=(officer,),
        reporting_restrictions="No <names> of witnesses",
        chair="Legally qualified chair <x>",
    )


def test_every_part_of_the_record_is_shown_escaped_with_its_links(db: None) -> None:
    for kind in ("outcome", "notice"):
        p = record_page.page(_record(kind))
        html = str(record_page.content(p, "MPS-2025-0001"))
        assert "<b>" not in html and "<A>" not in html and "<item>" not in html
        for text in (
            "Said &lt;b&gt;this&lt;/b&gt; &amp; that",
            "Honesty &amp; integrity, Authority, respect &lt;and&gt; courtesy",
            "The conduct took place between 1 March 2025 and 4 March 2025, off duty.",
            "Metropolitan &lt;Police&gt;",
            "Misconduct hearing, held in public",
            "2 June 2025",
            "Legally qualified chair &lt;x&gt;",
            "Reporting restrictions: No &lt;names&gt; of witnesses",
            "Officer &lt;A&gt;",
        ):
            assert text in html, (kind, text)
        assert f'href="{reverse("web:public-force", args=["metropolitan"])}"' in html
        documents = [
            f'href="{reverse("web:public-document", args=["MPS-2025-0001", fmt])}"'
            for fmt in ("pdf", "html")
        ]
        if kind == "outcome":
            assert p["documents"] and all(d in html for d in documents)
            for text in (
                "Officer &lt;A&gt;: final written warning for two years",
                "<strong>Finding: gross misconduct</strong>, a breach of Honesty &amp; integrity.",
                "<h3>Harm &lt;high&gt;</h3>",
                "<p>A &amp; B.</p>",
                "<li>one &lt;item&gt;</li>",
                "Decided</dt><dd>20 June 2025",
                "Published</dt><dd>1 July 2025",
                "until 29 July 2025 at the earliest",
                "The allegation and the finding",
            ):
                assert text in html, text
        else:
            assert not p["documents"] and not any(d in html for d in documents)
            assert "<h3>The allegation</h3>" in html and "Finding" not in html
        assert p["title"] == _record(kind).title


def test_audit_verify_checks_the_page_the_public_is_shown(demo: list[str]) -> None:
    from misconduct.app.audit import verify_database

    m.PublicEntry.objects.update(page=None)  # written before pages were kept: built from records
    assert verify_database().ok
    row = m.PublicEntry.objects.filter(kind="outcome").first()
    assert row is not None and row.record is not None
    page = record_page.page(decode_record(row.record, row.record_format))  # type: ignore[arg-type]
    page["body"] = page["body"].replace("</section>", "<p>A name withheld, shown.</p></section>")
    m.PublicEntry.objects.filter(pk=row.pk).update(page=page)
    problems = [str(p) for p in verify_database().problems]
    assert any(
        p.startswith(f"case {row.ref}: its public records (read model) differ") for p in problems
    ), problems
