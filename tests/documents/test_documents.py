"""Every document for the canonical case, a hearing, a meeting and an accelerated hearing: the findings,
outcome, period, expiry date and appeal deadline are in the PDF and the DOCX; every date the rules
computed appears the British way."""

from __future__ import annotations

from dataclasses import replace

import pytest

from misconduct.documents.adapter import context_from_case
from misconduct.documents.context import DocumentContext
from misconduct.documents.render import KINDS, build, render
from misconduct.domain.persons import officer_named
from misconduct.errors import InvalidInput
from tests.documents.builders import canonical_record
from tests.documents.reading import docx_text, flat, pdf_text

# What each case's written decision must say (dates worked out by hand from the calendar).
EXPECTED = {
    "canonical": ("Gross misconduct", "final written warning", "two years", "20 May 2027", "5 June 2025"),
    "hearing": ("Gross misconduct", "dismissal without notice", None, None, "26 November 2025"),
    "meeting": ("Misconduct", "written warning", "18 months", "3 September 2027", "13 March 2026"),
    "accelerated": ("Gross misconduct", "final written warning", "three years", "19 August 2028", "4 September 2025"),
}  # fmt: skip


@pytest.fixture(scope="module")
def decisions(contexts: dict[str, DocumentContext]) -> dict[str, tuple[str, str]]:
    """The written decision of each case as PDF text and DOCX text (four PDF renders in all)."""
    return {
        name: (
            flat(pdf_text(render("decision", ctx, "pdf").content)),
            flat(docx_text(render("decision", ctx, "docx").content)),
        )
        for name, ctx in contexts.items()
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_written_decision_states_finding_outcome_period_expiry_and_appeal_deadline(
    decisions: dict[str, tuple[str, str]], name: str, fmt: str
) -> None:
    text = decisions[name][0 if fmt == "pdf" else 1].lower()
    finding, outcome, period, expiry, appeal = EXPECTED[name]
    assert f"the conduct amounts to {finding.lower()}" in text
    assert f"the outcome is a {outcome}" in text
    if period is not None:
        assert f"remain in force for {period}" in text
        assert f"expire at the end of {expiry.lower()}" in text
    assert f"notice of appeal must be given by {appeal.lower()}" in text


def test_the_canonical_decision_reads_as_a_ruling_from_the_stored_assessment(
    contexts: dict[str, DocumentContext], decisions: dict[str, tuple[str, str]]
) -> None:
    ctx = contexts["canonical"]
    assert ctx.assessment is not None and len(ctx.assessment.stages) == 3
    pdf = decisions["canonical"][0]
    # The chair's findings on seriousness, in the chair's voice, from what was recorded.
    assert "I assessed the officer's culpability as high" in pdf
    assert "I took into account these aggravating features" in pdf
    assert "Committed on duty, in uniform" in pdf
    assert "Why not a more severe outcome" in pdf
    assert "Why the officer was not dismissed" in pdf
    assert "reg 43(1)(e)" in pdf
    assert "Page 1 of" in pdf
    # No engine internals, no verification statuses, no role repeated as a name.
    for internal in ("Points", "Starting point", "Adjustment", "unverified", "weight 1"):
        assert internal not in pdf, internal
    assert "Legally qualified person: Legally qualified person" not in pdf
    # One date: the report's, in the header and under the signature.
    assert pdf.count("20 May 2025") >= 2 and "14 May 2025" in pdf


def test_the_chairs_draft_carries_the_provisions_relied_on_with_their_status(
    contexts: dict[str, DocumentContext],
) -> None:
    text = flat(build("decision-draft", contexts["canonical"]).text())
    assert "Annex: the provisions and guidance applied" in text
    assert "unverified" in text or "secondary" in text


def test_a_meeting_decision_gives_the_regulation_45_appeal_and_no_dismissal_reasons(
    decisions: dict[str, tuple[str, str]],
) -> None:
    pdf = decisions["meeting"][0]
    assert "regulations 45 to 47" in pdf
    assert "Why the officer was not dismissed" not in pdf


def test_the_regulation_17_notice_warns_of_the_barred_list_and_gives_the_statement_deadline(
    contexts: dict[str, DocumentContext],
) -> None:
    text = flat(build("reg17-notice", contexts["canonical"]).text())
    assert "police barred list" in text and "up to five years" in text
    # Notice given 6 February 2025: 10 working days for the statement (reg 18).
    assert "by 20 February 2025 (regulation 18)" in text
    assert "gross misconduct" in text and "misconduct hearing" in text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("hearing", "by 6 October 2025, written notice"),  # 15 working days from 15 September
        ("meeting", "by 9 February 2026, written notice"),  # 15 working days from 19 January
        ("accelerated", "take place between 4 August 2025 and 11 August 2025"),  # reg 52(1)
        ("canonical", "take place between 9 May 2025 and 16 May 2025"),
    ],
)
def test_the_referral_notice_gives_the_deadline_the_rules_compute(
    contexts: dict[str, DocumentContext], name: str, expected: str
) -> None:
    assert expected in flat(build("reg30-notice", contexts[name]).text())


def test_an_accelerated_referral_is_titled_under_regulation_51(
    contexts: dict[str, DocumentContext],
) -> None:
    doc = build("reg30-notice", contexts["accelerated"])
    assert doc.title == "Notice of referral to an accelerated misconduct hearing"
    assert "Regulation 51" in doc.subtitle


@pytest.mark.parametrize(
    "name", ["canonical", "hearing", "accelerated"]
)  # a meeting publishes none
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_published_outcome_states_finding_outcome_period_expiry_and_appeal_deadline(
    contexts: dict[str, DocumentContext], name: str, fmt: str
) -> None:
    content = render("published-outcome", contexts[name], fmt).content
    text = flat(pdf_text(content) if fmt == "pdf" else docx_text(content)).lower()
    finding, outcome, period, expiry, appeal = EXPECTED[name]
    assert f"finding {finding.lower()}" in text
    assert f"outcome {outcome}" in text
    if period is not None:
        assert f"period {period}" in text
    if expiry is not None:
        assert f"expire at the end of {expiry.lower()}" in text
    assert f"notice of appeal must be given by {appeal.lower()}" in text


def test_the_published_outcome_states_the_minimum_publication_date(
    contexts: dict[str, DocumentContext],
) -> None:
    # Published 19 November 2025: not less than 28 whole days after that day, to 17 December 2025 (reg 43(8)).
    text = flat(build("published-outcome", contexts["hearing"]).text())
    assert "remain published until at least 17 December 2025" in text
    assert "Dismissal without notice" in text


def test_the_barred_list_report_names_the_officer_and_the_earliest_review(
    contexts: dict[str, DocumentContext],
) -> None:
    text = flat(build("barred-list-report", contexts["hearing"]).text())
    assert "Marcus Thelwall" in text and "40917" in text
    assert "12 November 2030" in text


@pytest.mark.parametrize(
    ("kind_id", "name"),
    [
        ("reg36-notice", "meeting"),
        ("published-outcome", "meeting"),
        ("barred-list-report", "canonical"),
    ],
)
def test_a_document_the_case_cannot_support_is_refused_naming_what_was_expected(
    contexts: dict[str, DocumentContext], kind_id: str, name: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        render(kind_id, contexts[name], "html")
    assert raised.value.field == kind_id
    assert contexts[name].case_ref in str(raised.value)


def test_every_kind_renders_to_html_for_the_cases_it_applies_to(
    contexts: dict[str, DocumentContext],
) -> None:
    rendered = 0
    for ctx in contexts.values():
        for kind_id in KINDS:
            try:
                html = render(kind_id, ctx, "html").content.decode()
            except InvalidInput:
                continue
            assert html.startswith("<!DOCTYPE html>") and ctx.force.name in html
            rendered += 1
    # 28 less: the barred list for three non-dismissals, two public kinds for the meeting.
    assert rendered == 23


def test_an_unknown_kind_or_format_fails_with_the_choices(
    contexts: dict[str, DocumentContext],
) -> None:
    with pytest.raises(InvalidInput, match="reg17-notice"):
        render("notice", contexts["canonical"], "pdf")
    with pytest.raises(InvalidInput, match="docx"):
        render("decision", contexts["canonical"], "odt")


def test_a_document_is_asked_for_by_the_officer_s_warrant_number_or_id() -> None:
    """Officer ids are opaque (``domain.persons``); a force:number id of an older case still works."""
    case = canonical_record()
    (oid,) = case.officers
    by_number = context_from_case(case, officer_id="274519")
    assert by_number == context_from_case(case, officer_id=oid)
    assert by_number.officer.warrant_number == "274519"
    with pytest.raises(InvalidInput, match="warrant number or id of an officer: 274519"):
        context_from_case(case, officer_id="999999")
    legacy = replace(case, officers={"metropolitan:274519": case.officers[oid]})
    assert officer_named(legacy.officers, "274519") == "metropolitan:274519"
