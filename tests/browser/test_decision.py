"""In a real browser: the chair's decision is recorded exactly as typed, even while the assessment is
refreshed around it; a decided case shows the recorded assessment, read-only; the decision form can be
completed with the keyboard alone.

One server for the module: the first test decides the canonical case, the keyboard test the demo case
that awaits the demo chair's decision (MER-2026-0107).
"""

from __future__ import annotations

from typing import Any

from misconduct.services.demo import CANONICAL_REF
from tests.assessment.builders import CANONICAL_FACTORS, CANONICAL_PERSONAL
from tests.browser.conftest import sign_in

AWAITING_REF = "MER-2026-0107"
IDLE = "!document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping')"
REASONS = (
    "I find culpability high: the officer must have known that a force-issued phone was not to be "
    "used for this. The harm is limited, since the recipients were consenting adults."
)


def test_what_the_chair_types_is_recorded_even_when_refreshes_land_late(
    browser: Any, shared_server: str
) -> None:
    base, ref = shared_server, CANONICAL_REF
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page.set_default_timeout(20_000)
    sign_in(page, base)
    page.goto(f"{base}/staff/cases/{ref}/assessment/")
    page.wait_for_function("window.htmx !== undefined")
    # Every refresh of the assessment lands 1.2 s after its answer arrives: a slow connection.
    page.evaluate("htmx.config.defaultSwapDelay = 1200")
    ticks = [*CANONICAL_FACTORS, *CANONICAL_PERSONAL]

    page.check(f"input[value={ticks[0]}]")
    page.select_option("#id_outcome", "final_written_warning")
    page.click("#id_warning_months")
    page.keyboard.type("36", delay=400)  # typed while the first refresh is pending, then lands
    for fid in ticks[1:5]:
        page.check(f"input[value={fid}]")
    page.click("#id_reasons")
    page.keyboard.type(REASONS, delay=12)  # about 2.5 s of typing across several late refreshes
    for fid in ticks[5:]:
        page.check(f"input[value={fid}]")
    page.wait_for_function(IDLE)
    page.wait_for_timeout(1500)  # the last swap has landed
    assert "Final written warning" in page.inner_text("#result")
    assert page.input_value("#id_warning_months") == "36"
    assert page.input_value("#id_reasons") == REASONS
    assert page.input_value("#id_outcome") == "final_written_warning"

    page.click("button[value=decide]")
    page.wait_for_url(f"{base}/staff/cases/{ref}/")
    main = page.inner_text("main")
    assert "36 months" in main and "24 months" not in main

    # The decided case: the recorded assessment, read-only, with the chair's words as typed.
    page.goto(f"{base}/staff/cases/{ref}/assessment/")
    main = page.inner_text("main")
    assert "The decision as recorded" in main
    assert REASONS in main
    assert "Culpability\nHigh" in main or "Culpability High" in main.replace("\t", " ")
    assert "Committed on duty, in uniform" in main  # an aggravating factor the chair found
    assert "rules version" in main
    assert "as compared at the time" in main
    assert page.locator("input[type=checkbox]").count() == 0  # nothing to change here
    assert page.locator("button[value=decide]").count() == 0

    # Re-running on today's rules is a separate, labelled view that records nothing.
    page.click("text=Re-run on today's rules, for comparison")
    assert "Comparison on today's rules" in page.inner_text("main")
    assert page.is_checked("input[value=on_duty_or_in_uniform]")
    assert page.locator("button[value=decide]").count() == 0


def test_a_chair_can_decide_with_the_keyboard_alone(browser: Any, shared_server: str) -> None:
    base = shared_server
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page.set_default_timeout(20_000)
    sign_in(page, base)
    page.goto(f"{base}/staff/")
    assert AWAITING_REF in page.inner_text("main")  # the demo chair has a decision waiting
    page.goto(f"{base}/staff/cases/{AWAITING_REF}/assessment/")
    page.wait_for_function("window.htmx !== undefined")

    def tab_to(selector: str, limit: int = 200) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(
                "s => document.activeElement && document.activeElement.matches(s)", selector
            ):
                # The focused control shows a ring a sighted keyboard user can see.
                outline = page.evaluate(
                    "() => getComputedStyle(document.activeElement).outlineStyle"
                )
                assert outline != "none", f"no visible focus on {selector}"
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to("input[value=abuse_of_position_or_trust]")
    page.keyboard.press("Space")
    tab_to("input[value=vulnerable_victim]")
    page.keyboard.press("Space")
    page.wait_for_function(IDLE)
    tab_to("#id_outcome")
    page.keyboard.press("ArrowDown")  # the first lawful outcome after "Choose the outcome"
    chosen = page.input_value("#id_outcome")
    assert chosen
    if chosen == "final_written_warning":
        tab_to("#id_warning_months")
        page.keyboard.type("30")
    tab_to("#id_on")
    page.keyboard.press("Control+A")
    page.keyboard.type("30/10/2026")
    tab_to("#id_reasons")
    page.keyboard.type("We find the officer abused the trust of a vulnerable victim.")
    tab_to("button[value=decide]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/staff/cases/{AWAITING_REF}/")
    assert "30 October 2026" in page.inner_text("main")
