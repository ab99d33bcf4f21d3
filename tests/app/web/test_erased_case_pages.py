"""A closed case whose personal data were erased (issue 13 item 6) still reads on the staff pages
and in the case list, with the erasure placeholder in place of every name, and none of them left."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from django.test import Client

from misconduct.app.erasure import erase
from misconduct.domain.personal import placeholder
from misconduct.services.demo import CANONICAL_REF
from tests.app.web.fixtures import demo_service

ERASED_ON = date(2026, 7, 1)


def test_an_erased_case_reads_with_placeholders_on_its_pages(
    demo: list[str], login: Callable[[str], Client]
) -> None:
    client = login("authority")
    before = client.get(f"/staff/cases/{CANONICAL_REF}/").content.decode()
    assert "Daniel Marsh" in before
    erase(
        demo_service("dpo"),
        CANONICAL_REF,
        ERASED_ON,
        "Retention schedule",
        clock=lambda: datetime(2026, 11, 25, 9, tzinfo=UTC),
    )
    gone = placeholder(ERASED_ON)
    for path in (f"/staff/cases/{CANONICAL_REF}/", f"/staff/cases/{CANONICAL_REF}/file/"):
        reply = client.get(path)
        assert reply.status_code == 200, path
        assert "Marsh" not in reply.content.decode(), path
    found = client.get("/staff/cases/?q=Marsh")  # the search text no longer holds the name
    assert found.status_code == 200 and CANONICAL_REF not in found.content.decode()
    assert CANONICAL_REF in client.get("/staff/cases/?q=MPS-2025").content.decode()
    case_page = client.get(f"/staff/cases/{CANONICAL_REF}/").content.decode()
    assert gone in case_page and "Personal data erased" in case_page
