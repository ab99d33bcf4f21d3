"""In a real browser, what issue 14 found a person reading: the words on the pages (problem 5), the
register's search and filters (problem 3), the written decision as a ruling (problem 4) and the
defaults (problem 7).

One server for the module; nothing here records a step, so the tests share it.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from misconduct.services.demo import CANONICAL_REF
from tests.browser.conftest import sign_in
from tests.browser.test_accessibility import DECIDED_REF, STAFF_PAGES
from tests.plain_words import problems_in

AWAITING_REF = "MER-2026-0107"  # awaits the demo chair's decision
OPEN_ALL = "() => document.querySelectorAll('details').forEach(d => d.open = true)"
# Identifiers shown as code (an HTTP header, a rules version) are for the machine: left out.
NO_CODE = "() => document.querySelectorAll('code').forEach(c => c.textContent = '')"


def _page(browser: Any) -> Any:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page.set_default_timeout(20_000)
    return page


def _read(page: Any, problems: dict[str, list[str]]) -> str:
    page.evaluate(OPEN_ALL)  # folded-away text is read too: the reasons a step is not open
    page.evaluate(NO_CODE)
    text = str(page.inner_text("body"))
    found = problems_in(text)
    if found:
        problems[page.url] = found
    return text


def test_the_pages_a_person_reads_have_no_ids_options_or_iso_dates(
    browser: Any, shared_server: str
) -> None:
    base, page, problems = shared_server, _page(browser), {}  # type: ignore[var-annotated]
    for path in ("/", f"/outcomes/{DECIDED_REF}/", "/login/", "/no-such-page/"):
        page.goto(f"{base}{path}")
        _read(page, problems)
    sign_in(page, base)
    for path in (*STAFF_PAGES, "/staff/cases/ESX-2026-0105/steps/arrange-proceedings/"):
        page.goto(f"{base}{path}")
        _read(page, problems)
    # A refused step, and a decision with a date that is not one, explained in words.
    page.goto(f"{base}/staff/cases/{CANONICAL_REF}/")
    text = _read(page, problems)
    assert "Steps not open now, and why" in text
    page.goto(f"{base}/staff/cases/{AWAITING_REF}/assessment/")
    page.select_option("#id_outcome", index=1)
    if page.locator("#id_warning_months").count():
        page.fill("#id_warning_months", "24")
    page.fill("#id_reasons", "The officer abused the trust of a vulnerable victim.")
    page.fill("#id_on", "31/02/2026")
    page.click("button[value=decide]")
    page.wait_for_load_state()
    text = _read(page, problems)
    assert "There is a problem" in text
    summary = page.inner_text(".error-summary")
    assert "Date: expected a date as DD/MM/YYYY" in summary and "“31/02/2026”" in summary
    assert not problems, "\n".join(f"{p}: {o}" for p, os in problems.items() for o in os[:5])


def test_the_register_finds_by_words_and_filters(browser: Any, shared_server: str) -> None:
    base, page = shared_server, _page(browser)
    page.goto(f"{base}/")
    everything = page.locator("main article").count()
    assert everything >= 2
    page.select_option("select[name=outcome]", "written_warning")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    shown = page.inner_text("main")
    assert page.locator("main article").count() < everything
    assert "Written warning" in shown and "Dismissal without notice." not in shown
    page.goto(f"{base}/")
    page.fill("input[name=q]", "no such words anywhere")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("main article").count() == 0


def test_the_written_decision_reads_as_a_ruling(browser: Any, shared_server: str) -> None:
    base, page = shared_server, _page(browser)
    sign_in(page, base)
    page.goto(f"{base}/staff/cases/{DECIDED_REF}/documents/decision.html")
    text = page.inner_text("body")
    for engine in ("Points", "Starting point", "Adjustment", "unverified", "verified"):
        assert engine not in text, engine
    assert "Legally qualified person: Legally qualified person" not in text
    assert "Right of appeal" in text or "appeal" in text.lower()
    assert not problems_in(text), problems_in(text)


def test_the_defaults_do_not_decide_for_the_user(browser: Any, shared_server: str) -> None:
    base, page = shared_server, _page(browser)
    sign_in(page, base)
    page.goto(f"{base}/staff/cases/WMP-2026-0101/steps/assess-severity/")
    assert page.input_value("select[name=result]") == ""  # no outcome chosen until one is chosen
    # The API's 401 says where a token comes from.
    try:
        urllib.request.urlopen(f"{base}/api/cases/")
        raise AssertionError("the API answered without a token")
    except urllib.error.HTTPError as e:
        assert e.code == 401
        out = json.loads(e.read())
    assert "/staff/tokens/" in out["message"] and out["field"] == "Authorization"
