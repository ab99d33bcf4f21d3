"""The automated WCAG 2.2 AA check: axe-core (from the npm registry, ``package.json``) run in Chromium on
every page type, public and staff, and on /api/docs. No serious or critical violation is allowed.

Also here: /api/docs renders offline (Swagger UI from the installed package, no CDN), and the 404
page is the site's own, with a way back.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from misconduct.services.demo import CANONICAL_REF
from tests.browser.conftest import sign_in

AXE = Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DECIDED_REF = "SUR-2026-0108"  # a demo case with its outcome decided
STAFF_PAGES = (
    "/staff/",
    "/staff/cases/",
    f"/staff/cases/{CANONICAL_REF}/",
    f"/staff/cases/{CANONICAL_REF}/assessment/",
    f"/staff/cases/{DECIDED_REF}/assessment/",
    f"/staff/cases/{CANONICAL_REF}/steps/findings/",
    "/staff/cases/WMP-2026-0101/steps/assess-severity/",
    "/staff/tokens/",
)
"""A page of each staff kind (also read for plain language by ``test_plain_reading``)."""


@pytest.fixture
def axe() -> str:
    if not AXE.exists():
        message = f"axe-core not installed at {AXE}: run npm install (make install does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text()


def _violations(page: Any, axe: str) -> list[str]:
    page.add_script_tag(content=axe)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_every_page_type_passes_the_wcag_check(browser: Any, shared_server: str, axe: str) -> None:
    base = shared_server
    # Every request stays on this machine: a page that reached for a CDN would fail to load here.
    # bypass_csp: the Content Security Policy forbids inline scripts, and axe is injected as one.
    context = browser.new_context(
        locale="en-GB", viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    outside: list[str] = []

    def only_local(route: Any) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems: dict[str, list[str]] = {}

    def check(path: str) -> None:
        page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")
        found = _violations(page, axe)
        if found:
            problems[path] = found

    check("/")
    check("/outcomes/force/metropolitan/")
    links = page.locator("a[href^='/outcomes/'][href$='/']").evaluate_all(
        "as => as.map(a => a.getAttribute('href')).filter(h => !h.includes('/force/'))"
    )
    for href in links[:1]:
        check(href)  # a public record
    check("/login/")
    check("/no-such-page/")
    assert "Page not found" in page.inner_text("main")
    assert page.locator("a[href='/']").count() >= 1  # a way back
    check("/api/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)  # it rendered, offline
    found = _violations(page, axe)
    if found:
        problems["/api/docs (rendered)"] = found

    sign_in(page, base)
    for path in STAFF_PAGES:
        check(path)
    assert not outside, f"requests left the machine: {outside[:3]}"
    assert not problems, "\n".join(f"{p}: {v}" for p, vs in problems.items() for v in vs)


def test_the_openapi_document_parses_strictly_and_the_docs_need_no_cdn(shared_server: str) -> None:
    import json
    import urllib.request

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        duplicated = {k for k in keys if keys.count(k) > 1}
        assert not duplicated, f"duplicated keys {duplicated}"
        return dict(pairs)

    with urllib.request.urlopen(f"{shared_server}/api/openapi.json") as r:
        json.loads(r.read(), object_pairs_hook=no_duplicates)
    with urllib.request.urlopen(f"{shared_server}/api/docs") as r:
        html = r.read().decode()
    assert not re.search(r"https?://(?!127\.0\.0\.1)", html.split("<body", 1)[-1])
