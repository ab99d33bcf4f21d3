"""In a real browser (Debian's Chromium, driven by Playwright), issue 9's journey: a PSD case officer
signs in, opens the overtime-sergeant case from the dashboard, uploads a statement, adds a note and
assigns the case; the case is then carried step by step to a published outcome (by the demo login
that holds the authority's and the chair's roles), and the public page never shows the complainant.
Screenshots go to docs/screenshots/ with MISCONDUCT_SCREENSHOTS=1 (docs/intake.md shows them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from misconduct.app.web.demo_users import DEMO_PASSWORD
from tests.browser.live import live_server
from tests.browser.test_canonical_flow import _shot
from tests.services.test_evidence import PDF

REF = "MPS-2026-0001"


@pytest.fixture
def server(tmp_path: Path) -> Any:
    with live_server(tmp_path, timeout=180) as base:  # a busy machine may be slow to answer
        yield base


def _sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/staff/")


def _step(
    page: Any,
    base: str,
    step_id: str,
    fields: dict[str, str],
    ticks: tuple[str, ...] = (),
    ref: str = REF,
) -> None:
    page.goto(f"{base}/staff/cases/{ref}/steps/{step_id}/")
    for name, value in fields.items():
        target = page.locator(f"[name={name}]").first
        if target.evaluate("e => e.tagName") == "SELECT":
            target.select_option(value)
        else:
            target.fill(value)
    for selector in ticks:
        page.check(selector)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/staff/cases/{ref}/", timeout=20_000)


def _arrange_and_adjourn_the_hearing(demo: Any, base: str, shots: Path) -> None:
    """The hearing arranged with its venue, time and the 2024 panel; the papers to the chair, notice
    to the officer and the public; one adjournment with reasons, after an extension of time."""
    _step(
        demo,
        base,
        "arrange-proceedings",
        {
            "on": "25/08/2026",
            "forum": "misconduct_hearing",
            "starts_on": "15/09/2026",
            "starts_at": "10:00",
            "venue": "Room 4, Empress State Building, London SW6",
            "chair": "demo",
            "chair_role": "chief_officer_delegate",
            "qualified_lay_member": "Alex Lay",
            "lay_member": "Sam Member",
            "legally_qualified_person": "Jo Counsel",
        },
        ("[name=in_public]", "[name=public_notice_required]"),
    )
    _step(demo, base, "papers-to-chair", {"on": "27/08/2026"})
    _step(demo, base, "hearing-notice", {"on": "28/08/2026"})
    _step(demo, base, "public-notice", {"on": "28/08/2026"})
    # An adjournment past the hearing's time limit is refused until the chair extends it.
    demo.goto(f"{base}/staff/cases/{REF}/steps/adjourn/")
    demo.fill("[name=on]", "01/09/2026")
    demo.fill("[name=resumes_on]", "13/10/2026")
    demo.fill("[name=reasons]", "The officer's representative is in hospital.")
    demo.click("button[type=submit]")
    assert demo.url.endswith("/steps/adjourn/")  # not recorded: the form again, with the refusal
    refusal = demo.locator("[role=alert]").first.inner_text()
    assert "09/10/2026" in refusal and "29(6)(b)" in refusal
    _step(
        demo,
        base,
        "extend-time-limit",
        {
            "on": "01/09/2026",
            "step": "reg29_hearing_without_pre_hearing",
            "extended_to": "16/10/2026",
            "reasons": "The officer's representative is in hospital until October.",
        },
    )
    _step(
        demo,
        base,
        "adjourn",
        {
            "on": "01/09/2026",
            "resumes_on": "22/09/2026",
            "resumes_at": "09:30",
            "reasons": "The officer's representative is in hospital.",
        },
    )
    text = demo.inner_text("main")
    assert "Misconduct hearing arranged for 15/09/2026 at 10:00, Room 4" in text
    assert "lay member: Sam Member" in text
    assert (
        "Time limit extended to 16/10/2026: Misconduct hearing where there is no pre-hearing"
        in text
    )
    assert (
        "Proceedings adjourned from 15/09/2026 to 22/09/2026 at 09:30. Reasons: The officer's "
        "representative is in hospital." in text
    )
    hearing = demo.inner_text("#hearing-heading + dl")
    assert "22/09/2026 at 09:30" in hearing and "demo (chief officer's delegate)" in hearing
    assert "notice of the new date is still to be given" in hearing
    _shot(demo, shots, "intake-hearing")


def test_a_case_officer_opens_the_overtime_case_and_it_is_carried_to_publication(
    browser: Any, server: str, shots: Path, tmp_path: Path
) -> None:
    base = server
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page.set_default_timeout(20_000)
    _sign_in(page, base, "officer")
    page.click("text=Open a case")
    page.wait_for_url(f"{base}/staff/cases/new/")
    page.select_option("[name=force]", "metropolitan")
    page.select_option("[name=source]", "complaint")
    page.fill("[name=summary]", "Sergeant alleged to have claimed overtime for shifts not worked.")
    page.fill("[name=opened_on]", "06/05/2026")
    page.fill("[name=attention_force]", "05/05/2026")
    page.select_option("[name=referred]", "no")
    page.fill("[name=referral_reasons]", "Does not meet the mandatory referral criteria.")
    page.select_option("[name=mode]", "local")
    page.fill("[name=officer1_name]", "Alex Harper")
    page.select_option("[name=officer1_rank]", "sergeant")
    page.fill("[name=officer1_number]", "27731")
    page.fill("[name=allegation1_particulars]", "Claimed overtime for six shifts not worked.")
    page.fill("[name=allegation1_conduct_from]", "02/03/2026")
    page.fill("[name=allegation1_conduct_to]", "24/04/2026")
    page.check("input[name=allegation1_standards][value=honesty_and_integrity]")
    page.select_option("[name=party1_role]", "complainant")
    page.fill("[name=party1_name]", "Priya Anand")
    page.fill("[name=party1_contact]", "priya.anand@example.org")
    page.check("[name=party1_restricted]")
    page.select_option("[name=party2_role]", "witness")
    page.fill("[name=party2_name]", "Tom Reeve")
    _shot(page, shots, "intake-new-case")
    page.click("text=Open the case")
    page.wait_for_url(f"{base}/staff/cases/{REF}/")
    assert f"Case {REF} opened." in page.inner_text("main")

    page.click("text=Case file")
    page.wait_for_url(f"{base}/staff/cases/{REF}/file/")
    statement = tmp_path / "upload" / "statement-anand.pdf"
    statement.parent.mkdir()
    statement.write_bytes(PDF)
    page.set_input_files("input[name=file]", str(statement))
    page.fill("input[name=title]", "Statement of Priya Anand")
    page.click("text=Upload")
    page.wait_for_url(f"{base}/staff/cases/{REF}/file/")
    assert "Statement of Priya Anand" in page.inner_text("main")
    page.fill("textarea[name=text]", "Duty records requested from the planning unit.")
    page.click("text=Add note")
    page.wait_for_url(f"{base}/staff/cases/{REF}/")
    page.goto(f"{base}/staff/cases/{REF}/file/")
    page.select_option("select[name=role]", "case_officer")
    page.fill("input[name=username]", "officer")
    page.click("button:has-text('Assign')")
    page.wait_for_url(f"{base}/staff/cases/{REF}/")
    page.goto(f"{base}/staff/cases/{REF}/file/")
    text = page.inner_text("main")
    assert "Duty records requested" in text and "Statement of Priya Anand" in text
    _shot(page, shots, "intake-case-file")
    page.goto(f"{base}/staff/")
    assert REF in page.inner_text("main")  # under My cases at once

    demo = browser.new_page(viewport={"width": 1280, "height": 900}, locale="en-GB")
    demo.set_default_timeout(20_000)
    _sign_in(demo, base, "demo")
    officer = "PS Alex Harper"  # the officer's id is opaque: chosen by the label shown
    _step(
        demo,
        base,
        "assess-severity",
        {
            "on": "12/05/2026",
            "result": "gross_misconduct",
            "likely_form": "hearing",
            "reasons": "Dishonest claims for money.",
        },
    )
    _step(demo, base, "appoint-investigator", {"on": "13/05/2026", "investigator": "DS Example"})
    _step(demo, base, "regulation-17-notice", {"on": "14/05/2026"})
    _step(demo, base, "investigation-report", {"on": "03/08/2026"})
    _step(
        demo,
        base,
        "case-to-answer",
        {
            "on": "10/08/2026",
            "level": "gross_misconduct",
            "form": "misconduct_hearing",
            "reasons": "The records support the allegation.",
        },
        ("[name=case_to_answer]",),
    )
    _step(demo, base, "referral-notice", {"on": "12/08/2026"})
    _step(demo, base, "officer-response", {"on": "20/08/2026"})
    _arrange_and_adjourn_the_hearing(demo, base, shots)
    _step(
        demo,
        base,
        "findings",
        {"on": "22/09/2026", "level__A1": "gross_misconduct"},
        ("[name=proven__A1]", "input[name=standards_breached__A1][value=honesty_and_integrity]"),
    )
    _step(
        demo,
        base,
        "decide-outcome",
        {
            "on": "22/09/2026",
            "officer_id": officer,
            "outcome": "final_written_warning",
            "warning_months": "24",
            "reasons": "Dishonesty over weeks; admissions and an unblemished record.",
        },
    )
    _step(demo, base, "outcome-report", {"on": "25/09/2026"})
    _step(demo, base, "notify-officer", {"on": "25/09/2026", "officer_id": officer})
    _step(demo, base, "publish", {"on": "28/09/2026"})
    assert "Published" in demo.inner_text("main")
    demo.goto(f"{base}/outcomes/{REF}/")
    public = demo.content()
    assert "final written warning for two years" in demo.inner_text("main").lower()
    assert "Priya Anand" not in public and "priya.anand" not in public


def test_a_mistaken_adjournment_is_corrected_through_the_case_file(
    browser: Any, server: str, shots: Path
) -> None:
    """The Essex demo case (referred to a misconduct meeting): the meeting is arranged and adjourned
    to the wrong date; the adjournment is corrected from the case file, with reasons, and the
    timeline shows the original and the correction while the meeting moves to the right date."""
    ref, base = "ESX-2026-0105", server
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page.set_default_timeout(20_000)
    _sign_in(page, base, "demo")
    _step(
        page,
        base,
        "arrange-proceedings",
        {
            "on": "25/11/2026",
            "forum": "misconduct_meeting",
            "starts_on": "10/12/2026",
            "starts_at": "10:00",
            "venue": "Meeting room 2, Chelmsford",
            "chair": "demo",
            "chair_role": "person_conducting",
            "adviser": "HR adviser",
        },
        ref=ref,
    )
    _step(
        page,
        base,
        "adjourn",
        {"on": "27/11/2026", "resumes_on": "17/12/2026", "reasons": "The officer is unwell."},
        ref=ref,
    )
    page.goto(f"{base}/staff/cases/{ref}/file/")
    row = page.locator("tr", has_text="Proceedings adjourned from 10/12/2026 to 17/12/2026")
    row.get_by_role("link", name="Correct").click()
    page.fill("[name=on]", "27/11/2026")
    page.fill("[name=resumes_on]", "14/12/2026")
    page.fill("[name=reasons]", "The officer is unwell.")
    page.fill("[name=correction_reasons]", "The chair fixed 14/12/2026, not 17/12/2026.")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/staff/cases/{ref}/")
    text = page.inner_text("main")
    assert "corrected; the original stays on record" in text
    assert "Now: Proceedings adjourned from 10/12/2026 to 14/12/2026" in text
    assert "(corrected by #" in text  # the original stays, marked
    page.goto(f"{base}/staff/cases/{ref}/file/")
    timeline = page.inner_text("main")
    assert "(corrected by #" in timeline
    assert "The chair fixed 14/12/2026, not 17/12/2026." in timeline
    hearing_page = f"{base}/staff/cases/{ref}/"
    page.goto(hearing_page)
    assert "14/12/2026" in page.inner_text("#hearing-heading + dl")
    _shot(page, shots, "intake-correction")
