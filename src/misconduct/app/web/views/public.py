"""Public pages (no login): hearing notices and published outcomes, nationally and per force, and the
Atom feed of outcomes. Everything shown comes from :func:`publication.public_view`, through the
register (:mod:`misconduct.app.web.register`)."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from misconduct.app.web import register, store
from misconduct.app.web.publication import PublicCase, ordered
from misconduct.domain.forces import FORCES, force
from misconduct.errors import InvalidInput


def _records(force_code: str | None = None) -> list[PublicCase]:
    return register.records(store.today(), force=force_code)


def _forces_with(records: list[PublicCase]) -> list[tuple[str, str, int]]:
    counts: dict[str, int] = {}
    for r in records:
        counts[r.force] = counts.get(r.force, 0) + 1
    return [(f.code, f.name, counts[f.code]) for f in FORCES if f.code in counts]


PAGE_SIZE = 50


def _listing(
    request: HttpRequest, records: list[PublicCase], everywhere: list[PublicCase], **extra: Any
) -> HttpResponse:
    """The list page: ``PAGE_SIZE`` records a page, notices first, then outcomes newest first."""
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = list(page)
    return render(
        request,
        "web/public/list.html",
        {
            "page": page,
            "notices": [r for r in shown if r.kind == "notice"],
            "outcomes": [r for r in shown if r.kind == "outcome"],
            "any_notices": any(r.kind == "notice" for r in records),
            "any_outcomes": any(r.kind == "outcome" for r in records),
            "forces": _forces_with(everywhere),
            "force_name": None,
            **extra,
        },
    )


def national(request: HttpRequest) -> HttpResponse:
    records = _records()
    return _listing(request, records, records)


def by_force(request: HttpRequest, code: str) -> HttpResponse:
    try:
        f = force(code)
    except InvalidInput:
        raise Http404("no such force") from None
    everywhere = _records()
    records = ordered(everywhere, force=f.code)
    return _listing(request, records, everywhere, force_name=f.name, force_code=f.code)


def record(request: HttpRequest, ref: str) -> HttpResponse:
    found = register.record(ref, store.today())
    if found is None:
        raise Http404("nothing published under this reference")
    return render(request, "web/public/record.html", {"r": found})


def document(request: HttpRequest, ref: str, fmt: str) -> HttpResponse:
    """The published-outcome document of a case whose outcome the public may see now."""
    from misconduct.app.web import documents

    found = register.record(ref, store.today())
    if found is None or found.kind != "outcome":
        raise Http404("nothing published under this reference")
    case = store.state(ref)
    if not documents.reached(case, "published-outcome"):
        raise Http404("no published-outcome document for this case")
    try:
        return documents.file_response(case, "published-outcome", fmt, store.today())
    except InvalidInput:
        raise Http404("no such format: html, pdf or docx") from None


class OutcomesFeed(Feed):
    """An Atom feed of published outcomes, newest first."""

    feed_type = Atom1Feed
    title = "Police misconduct outcomes, England and Wales"
    subtitle = "Published outcomes of misconduct hearings; anonymity orders applied."

    def link(self) -> str:
        return reverse("web:public")

    def items(self) -> list[PublicCase]:
        return [r for r in _records() if r.kind == "outcome"][:50]

    def item_title(self, item: PublicCase) -> str:
        return item.title

    def item_description(self, item: PublicCase) -> str:
        """The outcome, the findings and the chair's published reasons, as plain text."""
        parts = []
        for o in item.officers:
            line = f"{o.label}: {o.outcome or 'outcome pending'}"
            if o.warning_months:
                line += f" ({o.warning_months} months)"
            parts.append(line + ".")
            parts += [
                f"Allegation: {a.particulars} Finding: {(a.finding or 'none recorded').lower()}."
                for a in o.allegations
            ]
            parts += [s.text() for s in o.reasons]
        parts.append(
            f"The published outcome: {reverse('web:public-document', args=[item.ref, 'pdf'])}"
        )
        return "\n\n".join(parts)

    def item_link(self, item: PublicCase) -> str:
        return reverse("web:public-record", args=[item.ref])

    def item_guid(self, item: PublicCase) -> str:
        return f"{item.anchor}-{item.published_on}"

    def item_pubdate(self, item: PublicCase) -> Any:
        from datetime import datetime, time

        assert item.published_on is not None
        return datetime.combine(item.published_on, time(9), tzinfo=UTC)

    def item_updateddate(self, item: PublicCase) -> Any:
        return self.item_pubdate(item)
