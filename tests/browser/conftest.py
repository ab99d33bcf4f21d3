"""Fixtures for the browser tests: Debian's Chromium driven by Playwright, and a real server.

Skipped, saying why, when Chromium is missing; under CI (``CI`` set) a missing Chromium fails.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.browser.live import live_server

CHROMIUM = os.environ.get("MISCONDUCT_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DOCS_SHOTS = Path(__file__).parents[2] / "docs" / "screenshots"


@pytest.fixture
def server(tmp_path: Path) -> Any:
    with live_server(tmp_path) as base:
        yield base


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One server for a module whose tests touch different cases (starting one takes seconds)."""
    with live_server(tmp_path_factory.mktemp("server")) as base:
        yield base


def _chromium() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    found = shutil.which("chromium")
    if found:
        return found
    message = f"Chromium not found at {CHROMIUM}: apt-get install chromium (scripts/system-deps.sh)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def browser() -> Any:
    path = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=ARGS, timeout=30_000)
        yield b
        b.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """docs/screenshots/ when MISCONDUCT_SCREENSHOTS=1 (to refresh the docs), else a temporary folder,
    so an ordinary test run leaves the tree clean."""
    return DOCS_SHOTS if os.environ.get("MISCONDUCT_SCREENSHOTS") == "1" else tmp_path / "shots"


def sign_in(page: Any, base: str, username: str = "demo") -> None:
    from misconduct.app.web.demo_users import DEMO_PASSWORD

    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/staff/")
