"""Every page a person reads, public and staff, in plain British English: no internal ids in
snake_case, no command names, no command-line options, no ISO dates, no doubled words, no American
spellings (issue 14, problem 5).

The walk starts at the public register and the staff dashboard and follows every link on the site
(a few pages of each kind), as a user holding every role in every demo force: the same pages a person
would reach by clicking. What is checked is the text a person reads, including folded-away details,
labels, placeholders and titles; identifiers inside ``<code>`` (an HTTP header, a rules version)
are left alone, as are links' addresses and form values, which are for the machine.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from django.test import Client

from misconduct.app.roles import Role
from misconduct.app.web import store
from misconduct.services.demo import CANONICAL_REF
from tests.app.web.fixtures import PASSWORD, make_user
from tests.plain_words import problems_in

SKIP = ("/logout", "/admin", ".pdf", ".docx", ".atom", ".svg", ".png", ".csv", ".json", "/api/")
SKIP += ("/evidence/", "/revoke/")
PER_KIND = 2
"""Pages of each kind (the same address with another case reference or number) to read."""


class _Reader(HTMLParser):
    """The text a person reads on a page, and the links on it."""

    HIDDEN = frozenset({"script", "style", "code", "template"})
    BLOCKS = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "h1", "h2", "h3", "h4", "summary"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in self.HIDDEN:
            self._hidden += 1
        if tag in self.BLOCKS or tag == "br":
            self.parts.append("\n")
        if tag == "a" and a.get("href"):
            self.links.append(str(a["href"]))
        for name in ("placeholder", "title", "aria-label", "alt"):
            if a.get(name):
                self.parts.append(f"\n{a[name]}\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _kind(path: str) -> str:
    path = re.sub(r"[A-Z]{2,4}-\d{4}-\d{4}", "REF", path)
    return re.sub(r"/\d+/", "/N/", path)


def _walk(client: Client, starts: list[str]) -> dict[str, list[str]]:
    """Read every page reachable from ``starts`` (``PER_KIND`` of each kind); offences by page."""
    queue, seen, kinds = list(starts), set(), {}  # type: ignore[var-annotated]
    offences: dict[str, list[str]] = {}
    while queue:
        path = queue.pop(0)
        kind = _kind(path.split("?")[0])
        if path in seen or kinds.get(kind, 0) >= PER_KIND:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code in (301, 302) or "html" not in response.get("Content-Type", ""):
            continue
        kinds[kind] = kinds.get(kind, 0) + 1
        reader = _Reader()
        reader.feed(response.content.decode())
        found = problems_in(reader.text)
        if found:
            offences[path] = found
        for href in reader.links:
            parts = urlsplit(href)
            if parts.netloc or not parts.path.startswith("/") or any(s in href for s in SKIP):
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert len(seen) > 20, f"the walk read only {sorted(seen)}"
    return offences


def test_the_pattern_check_catches_what_issue_14_found() -> None:
    caught = problems_in(
        "Record the hearing_exception (give --reasons) by 2025-05-14; RecordFindings; chair chair; "
        "anonymized; a license"
    )
    assert len(caught) == 7, caught
    assert not problems_in(
        "Decided on 14 May 2025 by the chair: final written warning for two years."
    )


def test_every_page_reads_in_plain_british_english(demo: list[str], client: Client) -> None:
    forces = sorted({c.force for c in store.all_cases()})
    make_user("everyone", [(r, f) for r in Role for f in forces], "Alex Morgan")
    assert client.login(username="everyone", password=PASSWORD)
    starts = [
        "/",
        "/register/",
        f"/outcomes/{CANONICAL_REF}/",
        f"/outcomes/{CANONICAL_REF}/published-outcome.html",
        "/staff/",
        "/staff/cases/",
        f"/staff/cases/{CANONICAL_REF}/",
        f"/staff/cases/{CANONICAL_REF}/assessment/",
        f"/staff/cases/{CANONICAL_REF}/assessment/?rerun=1",
        "/staff/cases/MER-2026-0107/assessment/",
        *(
            f"/staff/cases/{CANONICAL_REF}/documents/{kind}.html"
            for kind in ("decision", "decision-draft", "published-outcome")
        ),
        "/staff/cases/new/",
        "/staff/my-work/",
        "/staff/tokens/",
        "/no-such-page/",
    ]
    offences = _walk(client, starts)
    assert not offences, "\n".join(f"{p}: {o}" for p, os in offences.items() for o in os[:5])


def test_a_refused_step_and_a_bad_date_are_explained_in_words(
    demo: list[str], client: Client
) -> None:
    """The reasons a step is not open, and a form's error, as a person reads them."""
    make_user("met", [(r, "metropolitan") for r in Role], "Sam Patel")
    assert client.login(username="met", password=PASSWORD)
    page = client.get(f"/staff/cases/{CANONICAL_REF}/").content.decode()
    assert "Steps not open now, and why" in page
    reader = _Reader()
    reader.feed(page)
    assert not problems_in(reader.text)
    response: Any = client.post(
        "/staff/cases/MER-2026-0107/assessment/",
        *(
            f"/staff/cases/{CANONICAL_REF}/documents/{kind}.html"
            for kind in ("decision", "decision-draft", "published-outcome")
        ),
        {"action": "decide", "officer": "", "outcome": "written_warning", "on": "45/13/2026"},
    )
    reader = _Reader()
    reader.feed(response.content.decode())
    assert not problems_in(reader.text), problems_in(reader.text)
