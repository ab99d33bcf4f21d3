"""The register as a newcomer meets it (issue 15): notices ingested with the CLI into the server's
database, the uncertain fields reviewed in the staff pages, the records in the public register and
its plots. The notices are written for the test, not copied from any page."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.browser.conftest import sign_in

CERTAIN = (
    "Kent Police officer dismissed\n\nA misconduct hearing held on 3rd March 2024 at Kent Police "
    "headquarters found that PC John Smith had breached the Standards of Professional Behaviour "
    "relating to honesty and integrity. The panel found his actions amounted to gross misconduct. "
    "PC Smith was dismissed without notice.\n"
)
# No finding is stated: it is inferred from the dismissal, so a person must confirm it.
UNCERTAIN = (
    "Essex Police officer sacked\n\nA former officer, Former PC Ann Lowe, would have been dismissed "
    "had she not resigned, a misconduct hearing on 12 June 2023 ruled. She breached the standards "
    "of honesty and integrity and discreditable conduct.\n"
)


def _ingest(data_dir: Path, notices: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["MISCONDUCT_DATA_DIR"] = str(data_dir)
    done = subprocess.run(
        [sys.executable, "-m", "misconduct", "ingest", str(notices), "--save", "--licence",
         "OGL v3.0", "--source-url", "https://www.example.police.uk/outcomes"],
        env=env, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.split())


def published_notice(data_dir: Path, notice: str, browser: Any) -> Any:
    """``notice`` ingested with the CLI into the server's database (in the register at once), and a
    browser context for the pages, which lets axe's inline script run despite the site's policy."""
    notices = data_dir / "notices"
    notices.mkdir()
    (notices / "kent.txt").write_text(notice, encoding="utf-8")
    assert "1 published in the register, 0 waiting" in _ingest(data_dir, notices)
    return browser.new_context(
        locale="en-GB", viewport={"width": 1280, "height": 900}, bypass_csp=True
    )


def test_ingested_notices_are_reviewed_and_appear_in_the_register_and_its_plots(
    server: str, browser: Any, tmp_path: Path, shots: Path
) -> None:
    notices = tmp_path / "notices"
    notices.mkdir()
    (notices / "kent.txt").write_text(CERTAIN, encoding="utf-8")
    (notices / "essex.txt").write_text(UNCERTAIN, encoding="utf-8")
    said = _ingest(tmp_path, notices)
    # the review queue's calibration sends every hearing date to a person: both records wait
    assert (
        "Saved 2 officer record(s): 0 published in the register, 2 waiting in the review queue"
        in said
    )

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/register/")
    assert page.locator("text=John Smith").count() == 0  # waits for review
    assert page.locator("text=Ann Lowe").count() == 0

    sign_in(page, server)
    shots.mkdir(parents=True, exist_ok=True)
    for officer in ("Ann Lowe", "John Smith"):
        page.goto(f"{server}/staff/register/review/")
        page.click(f"text={officer}")
        # the reason a field waits is shown beside it
        assert page.locator("text=To review: this field is often misread").count() >= 1
        if officer == "Ann Lowe":
            page.screenshot(path=str(shots / "register-review.png"), full_page=True)
        for _ in range(12):
            confirm = page.locator("button[value=confirm]")
            if confirm.count() == 0:
                break
            confirm.first.click()
            page.wait_for_load_state()
    page.goto(f"{server}/staff/register/review/")
    assert page.locator("text=Nothing waits for review.").count() == 1

    page.goto(f"{server}/register/")
    assert page.locator("text=Ann Lowe").count() == 1
    assert page.locator("text=John Smith").count() == 1
    assert page.locator("text=would have been dismissed").count() >= 1
    page.screenshot(path=str(shots / "register-search.png"), full_page=True)
    page.goto(f"{server}/register/analytics/")
    assert page.locator("h2").count() >= 6
    page.screenshot(path=str(shots / "register-analytics.png"), full_page=True)

    # On a phone the register's tables scroll within themselves; the page does not run off the
    # side of the screen (WCAG 1.4.10, reflow).
    phone = browser.new_page(viewport={"width": 390, "height": 844}, locale="en-GB")
    sign_in(phone, server)
    for path in (
        "/register/",
        "/register/analytics/",
        "/staff/register/review/",
        "/staff/register/review/1/",
        "/staff/register/annual-return/",
    ):
        phone.goto(f"{server}{path}")
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 391, (path, width)
