"""A reviewer corrects, in the browser, a field the software read with confidence but wrongly left
empty (review15): from the record's page in the public register to the review page and back, a
wrong value refused with what was typed kept, then the corrected value in the register. The notice
is written for the test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.browser.conftest import sign_in
from tests.browser.test_accessibility import AXE, _violations
from tests.browser.test_register_journey import published_notice

# The date stands where the software does not read one: the record is published without it.
NOTICE = (
    "Kent Police officer dismissed\n\nPC John Smith breached the Standards of Professional "
    "Behaviour relating to honesty and integrity. A misconduct hearing found his actions amounted "
    "to gross misconduct. PC Smith was dismissed without notice.\n"
)


def test_a_reviewer_corrects_a_published_record_and_the_register_shows_the_correction(
    server: str, browser: Any, tmp_path: Path, shots: Path
) -> None:
    context = published_notice(tmp_path, NOTICE, browser)
    shots.mkdir(parents=True, exist_ok=True)
    page = context.new_page()
    page.goto(f"{server}/register/")
    page.click("text=John Smith")
    record_url = page.url
    assert page.locator("tr:has-text('Hearing date') td").inner_text() == "Not stated"
    assert page.locator("text=Correct a field of this record").count() == 0  # not signed in

    sign_in(page, server)
    page.goto(record_url)
    page.click("text=Correct a field of this record")
    assert page.locator("text=In the public register").count() == 1
    page.click("summary:has-text('Correct hearing date')")
    row = page.locator("tr:has(summary:has-text('Correct hearing date'))")
    row.locator("input[name=value]").fill("31/02/2024")
    row.locator("input[name=reason]").fill("The date is given at the foot of the notice.")
    row.locator("button[value=amend]").click()
    page.wait_for_load_state()
    alert = page.locator("[role=alert]")
    assert "Hearing date: expected a date that exists, in the form DD/MM/YYYY" in (
        alert.inner_text()
    )
    row = page.locator("tr:has(summary:has-text('Correct hearing date'))")
    assert row.locator("input[name=value]").input_value() == "31/02/2024"  # kept, to mend
    page.screenshot(path=str(shots / "register-correction-refused.png"), full_page=True)

    row.locator("input[name=value]").fill("03/03/2024")
    row.locator("button[value=amend]").click()
    page.wait_for_load_state()
    assert page.locator("text=The register shows the corrected value.").count() == 1
    assert page.locator("text=Corrected to: 03/03/2024").count() == 1
    decisions = page.locator("h2:has-text('Decisions so far') + ul").inner_text()
    assert "corrected hearing date (Not stated → 03/03/2024)" in decisions
    assert "Reason: The date is given at the foot of the notice." in decisions
    page.screenshot(path=str(shots / "register-correction-saved.png"), full_page=True)
    if AXE.exists():
        assert _violations(page, AXE.read_text()) == []

    page.click("text=the record as the public sees it")
    assert page.locator("tr:has-text('Hearing date') td").inner_text() == "03/03/2024"
    page.goto(f"{server}/register/?year=2024")
    assert page.locator("text=John Smith").count() == 1
    page.screenshot(path=str(shots / "register-correction-public.png"), full_page=True)
