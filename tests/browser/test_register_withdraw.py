"""A member of staff withdraws a record from the public register in the browser, and restores it
(withdraw15): from the record's page in the register to its review page, a withdrawal without a
reason refused, then withdrawn with one; the record gone from the public register and its page
saying only that it is no longer published; the list of withdrawn records with who, when and why;
restored from there, and back in the register. The notice is written for the test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.browser.conftest import sign_in
from tests.browser.test_accessibility import AXE, _violations
from tests.browser.test_register_journey import published_notice

NOTICE = (
    "Kent Police officer dismissed\n\nPC Sam Brook breached the Standards of Professional "
    "Behaviour relating to honesty and integrity. A misconduct hearing found his actions amounted "
    "to gross misconduct. PC Brook was dismissed without notice.\n"
)
REASON = "Kent Police withdrew the notice: it named the wrong officer."


def test_staff_withdraw_a_record_and_restore_it(
    server: str, browser: Any, tmp_path: Path, shots: Path
) -> None:
    context = published_notice(tmp_path, NOTICE, browser)
    shots.mkdir(parents=True, exist_ok=True)
    axe = AXE.read_text() if AXE.exists() else None
    page = context.new_page()
    page.goto(f"{server}/register/")
    page.click("text=Sam Brook")
    record_url = page.url

    sign_in(page, server)
    page.goto(record_url)
    page.click("text=Correct a field of this record")
    review_url = page.url
    page.click("summary:has-text('Withdraw this record from the public register')")
    form = page.locator("form:has(button[value=withdraw])")
    form.locator("input[name=reason]").fill("   ")  # blank: refused by the server, not saved
    form.locator("button[value=withdraw]").click()
    page.wait_for_load_state()
    assert (
        "Reason: expected why the record is withdrawn" in page.locator("[role=alert]").inner_text()
    )
    page.screenshot(path=str(shots / "register-withdraw.png"), full_page=True)
    if axe:
        assert _violations(page, axe) == []

    form = page.locator("form:has(button[value=withdraw])")
    form.locator("input[name=reason]").fill(REASON)
    form.locator("button[value=withdraw]").click()
    page.wait_for_load_state()
    assert page.locator("text=Withdrawn: the record is no longer in the public register").count()
    assert page.locator("h2:has-text('Withdrawn from the public register')").count() == 1
    assert f"Reason: {REASON}" in page.locator("section").first.inner_text()
    history = page.locator("h2:has-text('Decisions so far') + ul").inner_text()
    assert "demo withdrew the record from the public register" in history
    page.screenshot(path=str(shots / "register-withdrawn-record.png"), full_page=True)

    # the public: gone from the register, and its page says only that it is no longer published
    public = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    visitor = public.new_page()
    visitor.goto(f"{server}/register/")
    assert visitor.locator("text=Sam Brook").count() == 0
    response = visitor.goto(record_url)
    assert response is not None and response.status == 410
    said = visitor.locator("main").inner_text()
    assert "This record is no longer published" in said
    assert REASON not in said and "Sam Brook" not in said
    visitor.screenshot(path=str(shots / "register-no-longer-published.png"), full_page=True)

    # staff's list of withdrawn records: who, when, why; restored from there
    page.goto(f"{server}/staff/register/review/")
    page.click("text=records withdrawn from the public register")
    row = page.locator("tr:has-text('Sam Brook')")
    assert REASON in row.inner_text() and "demo" in row.inner_text()
    page.screenshot(path=str(shots / "register-withdrawn-list.png"), full_page=True)
    if axe:
        assert _violations(page, axe) == []
    row.locator("input[name=reason]").fill("Checked with Kent Police: the notice is right.")
    row.locator("button[value=restore]").click()
    page.wait_for_load_state()
    assert page.locator("text=Restored: the record is back in the public register.").count() == 1
    assert page.locator("text=No record is withdrawn.").count() == 1

    page.goto(f"{server}/register/")
    assert page.locator("text=Sam Brook").count() == 1
    # whoever saw its page withdrawn sees it again (the browser did not keep the 410)
    response = visitor.goto(record_url)
    assert response is not None and response.status == 200
    assert "Sam Brook" in visitor.locator("main").inner_text()
    public.close()
    page.goto(review_url)
    history = page.locator("h2:has-text('Decisions so far') + ul").inner_text()
    assert "demo restored the record" in history
    context.close()
