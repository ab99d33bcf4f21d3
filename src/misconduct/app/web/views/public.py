"""Public pages (no login): hearing notices and published outcomes, nationally and per force, and the
Atom feed of outcomes. Everything shown comes from :func:`publication.public_view`, through the
register (:mod:`misconduct.app.web.register`)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, time
from functools import partial
from threading import Lock
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import condition

from misconduct.app.readmodels import record_format
from misconduct.app.web import record_page, register, store
from misconduct.app.web.frame import frame
from misconduct.app.web.publication import PublicCase
from misconduct.domain.forces import FORCES, force
from misconduct.errors import InvalidInput
from misconduct.rules.standards import standards_on
from misconduct.rules.vocabulary import Finding, Outcome

PAGE_SIZE = 50
MAX_AGE = 60
"""Seconds a browser, CDN or reverse proxy may keep a public page without asking again."""


# -- caching: an ETag and Last-Modified from the register's state, so a proxy can serve the pages --


def _stamp(request: HttpRequest, *args: Any, **kwargs: Any) -> tuple[tuple[int, str], datetime]:
    cached = getattr(request, "_register_stamp", None)
    if cached is None:
        newest = store.generation()
        # The newest change to a public record changes only with a write, which appends an event:
        # kept per process under the newest event (one query a page, not two).
        changed = store.counted(("last-changed",), register.last_changed, newest=newest)
        cached = request._register_stamp = (newest, changed)  # type: ignore[attr-defined]
    return cached


def _etag(request: HttpRequest, *args: Any, **kwargs: Any) -> str:
    events, _ = _stamp(request)
    who = request.user.pk if request.user.is_authenticated else ""
    text = f"{events}|{record_format()}|{store.today()}|{who}|{request.get_full_path()}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _last_modified(request: HttpRequest, *args: Any, **kwargs: Any) -> datetime:
    """The later of the newest change to a public record and the start of today (a record's
    visibility changes with the date)."""
    _, changed = _stamp(request)
    midnight = datetime.combine(store.today(), time(0), tzinfo=UTC)
    return max(changed, midnight)


_rendered: dict[str, tuple[bytes, str]] = {}
_rendered_lock = Lock()


def cacheable(
    view: Callable[..., HttpResponse], *, keep: bool = True
) -> Callable[..., HttpResponse]:
    """ETag, Last-Modified (a 304 when unchanged) and ``Cache-Control: public`` on a public page;
    with ``keep`` (the default), for visitors not signed in, the page rendered under an ETag is kept
    per process and served again while the ETag holds (it changes with any event, the date, the
    code's record format and the URL)."""

    def rendered(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key = _etag(request) if keep and not request.user.is_authenticated else ""
        with _rendered_lock:
            hit = _rendered.get(key) if key else None
        if hit is not None:
            return HttpResponse(hit[0], content_type=hit[1])
        response = view(request, *args, **kwargs)
        if key and response.status_code == 200 and not response.streaming:
            with _rendered_lock:
                if len(_rendered) > 256:
                    _rendered.clear()
                _rendered[key] = (response.content, response["Content-Type"])
        return response

    conditional = condition(etag_func=_etag, last_modified_func=_last_modified)(rendered)

    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = conditional(request, *args, **kwargs)
        if response.status_code in (200, 304):
            if request.user.is_authenticated:  # the page names the signed-in user
                patch_cache_control(response, private=True, max_age=0)
            else:
                patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response

    wrapped.__name__ = getattr(view, "__name__", "view")
    wrapped.__doc__ = view.__doc__
    return wrapped


# -- the register ------------------------------------------------------------------------------


def _year(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() and 1990 < int(raw) < 2200 else None


def filters_from(q: Any, force_code: str = "") -> register.Filters:
    return register.Filters(
        force=force_code or q.get("force", "").strip(),
        year=_year(q.get("year")),
        outcome=q.get("outcome", "").strip(),
        finding=q.get("finding", "").strip(),
        standard=q.get("standard", "").strip(),
        text=q.get("q", "").strip()[:200],
    )


def _forces_with(counts: dict[str, int]) -> list[tuple[str, str, int]]:
    return [(f.code, f.name, counts[f.code]) for f in FORCES if f.code in counts]


def _listing(request: HttpRequest, in_force: str = "", **extra: Any) -> HttpResponse:
    """The list page: ``PAGE_SIZE`` records a page, notices first, then outcomes newest first."""
    today = store.today()
    f = filters_from(request.GET, in_force)
    rows = register.filtered(today, f)
    count = store.counted(("register", today, f), lambda: store.capped_count(rows))
    q = request.GET
    try:
        page = store.keyset(
            rows, register.ORDER, PAGE_SIZE, after=q.get("after", ""), before=q.get("before", "")
        )
    except InvalidInput:  # a position edited by hand: the first page
        page = store.keyset(rows, register.ORDER, PAGE_SIZE)
    shown = register.decoded(page.rows, today)
    kinds = store.counted(
        ("register-kinds", today, f),
        lambda: set(rows.order_by().values_list("kind", flat=True).distinct()),
    )
    return render(
        request,
        "web/public/list.html",
        {
            "page": page,
            "count_text": store.count_text(count, "record"),
            "notices": [r for r in shown if r.kind == "notice"],
            "outcomes": [r for r in shown if r.kind == "outcome"],
            "any_notices": "notice" in kinds,
            "any_outcomes": "outcome" in kinds,
            "forces": _forces_with(
                store.counted(("by-force", today), lambda: register.counts_by_force(today))
            ),
            "force_name": None,
            "filters": f,
            "filtered": bool(f.year or f.outcome or f.finding or f.standard or f.text),
            "querystring": store.list_params(q),
            "years": store.counted(("years",), register.years),
            "outcome_choices": [(o.value, o.label) for o in Outcome],
            "finding_choices": [
                *((x.value, x.label) for x in Finding if x is not Finding.NO_MISCONDUCT),
                ("not_proven", "Not proven"),
            ],
            "standard_choices": [(s.id, s.heading) for s in standards_on(today)],
            **extra,
        },
    )


@cacheable
def national(request: HttpRequest) -> HttpResponse:
    return _listing(request)


@cacheable
def by_force(request: HttpRequest, code: str) -> HttpResponse:
    try:
        f = force(code)
    except InvalidInput:
        raise Http404("no such force") from None
    return _listing(request, f.code, force_name=f.name, force_code=f.code)


@partial(cacheable, keep=False)
def record(request: HttpRequest, ref: str) -> HttpResponse:
    """A public record's page: its finished HTML, stored with the record (one indexed read),
    with its links put in, in the site's frame (rendered once per process for visitors not signed
    in: ``frame``). Not kept per process: it costs about what a kept page costs, and 45,000 pages
    would push the register's kept pages out (issue 10)."""
    found = register.record_page(ref, store.today())
    if found is None:
        raise Http404("nothing published under this reference")
    content = record_page.content(found, ref)
    around = frame(request, "web/public/record.html")
    if around is None:  # signed in, or a message waiting: the template shows them
        return render(
            request, "web/public/record.html", {"title": found["title"], "content": content}
        )
    return HttpResponse(around.page(found["title"], content))


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

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return cacheable(super().__call__)(request, *args, **kwargs)

    def items(self) -> list[PublicCase]:
        today = store.today()
        rows = register.filtered(today, register.Filters(kind="outcome"))[:50]
        return register.decoded(list(rows), today)

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
        assert item.published_on is not None
        return datetime.combine(item.published_on, time(9), tzinfo=UTC)

    def item_updateddate(self, item: PublicCase) -> Any:
        return self.item_pubdate(item)
