"""The register's pages: public search, exports, feed and analytics; the staff review queue,
the sync of the system's own outcomes and the Home Office annual return."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Q
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_POST

from misconduct.app.register import analytics, annual_return, store
from misconduct.app.register.models import (
    FORCE_NAMES,
    PUBLICATION,
    STANDARD_HEADINGS,
    Record,
    standard_heading,
)
from misconduct.app.register.reviewers import Reviewer, in_words, reason_kept_for, reviewer_of
from misconduct.app.roles import AccessDenied
from misconduct.app.web import store as case_store
from misconduct.domain.forces import FORCES
from misconduct.errors import Conflict, InvalidInput
from misconduct.ingest.model import FIELDS, FINDINGS, FORUMS, STATUSES
from misconduct.rules.vocabulary import Rank

EXPORT_COLUMNS = (
    "id",
    "officer",
    "anonymised",
    "force",
    "year",
    "hearing_date",
    "rank",
    "status",
    "forum",
    "finding",
    "standards",
    "special_categories",
    "outcome",
    "warning_months",
    "decision_maker",
    "origin",
    "source",
    "licence",
)


def _choices() -> dict[str, Any]:
    return {
        "forces": [(f.code, f.name) for f in FORCES],
        "ranks": [(r.value, store.words(r.value)) for r in Rank],
        "findings": [(f, store.words(f)) for f in FINDINGS],
        "forums": [(f, store.words(f)) for f in FORUMS],
        "outcomes": [(o, store.words(o)) for o in store.OUTCOMES],
        "standards": sorted(STANDARD_HEADINGS.items(), key=lambda item: item[1]),
    }


def _filters(request: HttpRequest) -> tuple[dict[str, str], str | None]:
    try:
        return store.filters_from(request.GET), None
    except InvalidInput as exc:
        return {}, f"{exc.field}: expected {exc.expected}, received “{exc.received}”."


def register(request: HttpRequest) -> HttpResponse:
    """Public search of the register: one page of results, newest first."""
    filters, error = _filters(request)
    before = request.GET.get("before")
    rows, next_key = store.page(filters, int(before) if before and before.isdigit() else None)
    query = "&".join(f"{k}={v}" for k, v in filters.items())
    return render(
        request,
        "register/search.html",
        {
            "rows": [(r, store.public_row(r)) for r in rows],
            "filters": filters,
            "error": error,
            "next_key": next_key,
            "query": query,
            "force_names": FORCE_NAMES,
            **_choices(),
        },
    )


def record(request: HttpRequest, pk: int) -> HttpResponse:
    """A record of the public register. One withdrawn from it after it was public answers 410 with
    a page saying it is no longer published (never why); any other record not in the register,
    404."""
    found = (
        Record.objects.select_related("source", "withdrawal")
        .filter(pk=pk)
        .filter(Q(published=True) | Q(withdrawal__isnull=False))
        .first()
    )
    if found is None or (found.withdrawal is not None and not found.withdrawal.before):
        raise Http404("No such record in the register.")
    if found.withdrawal is not None:
        gone = render(
            request,
            "register/withdrawn_public.html",
            {
                "r": found,
                "staff": _may_review(request.user),
                # never the reason itself: only whether the record's review page gives it to them
                "reads_reasons": reviewer_of(request.user).may_read_reasons(found.force),
            },
            status=410,
        )
        # A 410 is fresh for ever to a browser or a proxy that is not told otherwise (Chromium
        # keeps it as it keeps a permanent redirect), yet a withdrawal can be undone: asked again
        # each time, so that a restored record's page is seen by whoever saw it withdrawn.
        patch_cache_control(gone, no_cache=True, max_age=0, must_revalidate=True)
        return gone
    r = found
    # signed-in reviewers reach the correction of a record from its page, if it is theirs to change
    staff = r.source.origin == "ingested" and _may_review(request.user)
    read_only = _read_only(reviewer_of(request.user), r.force) if staff else ""
    return render(
        request,
        "register/record.html",
        {
            "r": r,
            "row": store.public_row(r),
            "force_name": FORCE_NAMES.get(r.force, ""),
            "may_correct": staff and not read_only,
            "read_only": read_only,
        },
    )


def _sourced(request: HttpRequest, row: dict[str, Any]) -> dict[str, Any]:
    """A row leaving the site (an export, the feed) names this system's own outcome page in full,
    not as a path that means nothing in a spreadsheet or a feed reader. A notice ingested from a
    file keeps its file's name: it has no address on this site."""
    if row["origin"] == "system" and str(row["source"]).startswith("/"):
        return {**row, "source": request.build_absolute_uri(row["source"])}
    return row


def _refused(error: str) -> HttpResponse:
    """An export asked with a filter from no list: the error, not the whole register."""
    return HttpResponse(error + "\n", status=400, content_type="text/plain; charset=utf-8")


def _csv_cell(value: Any) -> Any:
    """A value as the CSV writes it: a yes-or-no field (``anonymised``) as yes or no, as a
    spreadsheet's reader says it (the JSON export keeps true and false)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def export_csv(request: HttpRequest) -> HttpResponse:
    filters, error = _filters(request)
    if error:
        return _refused(error)

    def lines() -> Iterator[str]:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, EXPORT_COLUMNS)
        writer.writeheader()
        for row in store.export_rows(filters):
            writer.writerow(
                {
                    **{k: _csv_cell(v) for k, v in _sourced(request, row).items()},
                    "standards": "; ".join(row["standards"]),
                    "special_categories": "; ".join(row["special_categories"]),
                }
            )
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
        yield buf.getvalue()

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="register.csv"'
    return response


def export_json(request: HttpRequest) -> HttpResponse:
    filters, error = _filters(request)
    if error:
        return _refused(error)

    def chunks() -> Iterator[str]:
        yield '{"licence_note": "Each record carries the licence of its source.", "records": ['
        for i, row in enumerate(store.export_rows(filters)):
            yield ("," if i else "") + json.dumps(_sourced(request, row), ensure_ascii=False)
        yield "]}"

    return StreamingHttpResponse(chunks(), content_type="application/json")


class RegisterFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed
    title = "National register of published police misconduct outcomes"
    subtitle = "Outcomes ingested from forces' published notices and this system's own."

    def link(self) -> str:
        return reverse("register:search")

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpRequest:
        return request  # so that items() can name this system's outcome pages in full

    def items(self, request: HttpRequest) -> list[Record]:
        rows = list(store.search({}).annotate(reviewed_at=Max("reviews__recorded_at"))[:50])
        for r in rows:
            r.source_shown = _sourced(request, store.public_row(r))["source"]
        return rows

    def item_title(self, item: Record) -> str:
        outcome = store.words(item.outcome) if item.outcome else "outcome not stated"
        return f"{FORCE_NAMES.get(item.force, 'Force not known')}: {item.public_label}, {outcome}"

    def item_description(self, item: Record) -> str:
        return (
            f"Finding: {store.words(item.finding) or 'not stated'}. Forum: "
            f"{store.words(item.forum) or 'not stated'}. Source: {item.source_shown} "
            f"(licence: {item.source.licence})."
        )

    def item_link(self, item: Record) -> str:
        return reverse("register:record", args=[item.pk])

    def item_pubdate(self, item: Record) -> Any:
        return item.created_at

    def item_updateddate(self, item: Record) -> Any:
        """Atom requires each entry's <updated>: the last review of a record that waited for one
        (when it entered the register), else when it was stored."""
        return item.reviewed_at or item.created_at


def _year_refused(year: str) -> str | None:
    """What is wrong with a ``?year=`` of the analytics (None when it is a year)."""
    if year and not re.fullmatch(r"(?:19|20)\d{2}", year):
        return f"Year: expected a year such as 2024, received “{year}”."
    return None


def analytics_page(request: HttpRequest) -> HttpResponse:
    """The plots; ``?year=`` draws the outcome mix by force for that year."""
    year = (request.GET.get("year") or "").strip()
    error = _year_refused(year)
    if error:
        year = ""
    plots = [
        analytics.outcome_mix(int(year) if year else None),
        analytics.outcome_by_year(),
        analytics.funnel(),
        analytics.by_standard(),
        analytics.by_category(),
        analytics.time_to_outcome(),
    ]
    return render(
        request,
        "register/analytics.html",
        {
            "plots": [
                (
                    p,
                    [list(r.keys()) for r in p.rows[:1]],
                    [list(r.values()) for r in p.rows],
                    f"?year={year}" if year and p.name == "outcome-mix" else "",
                    f"?year={year}&embed=1" if year and p.name == "outcome-mix" else "?embed=1",
                )
                for p in plots
            ],
            "year": year,
            "years": analytics.years(),
            "error": error,
        },
        status=400 if error else 200,
    )


def plot_image(request: HttpRequest, name: str, fmt: str) -> HttpResponse:
    if name not in analytics.PLOTS or fmt not in ("png", "svg"):
        raise Http404("No such plot.")
    year = (request.GET.get("year") or "").strip()
    # a wrong year is refused, as the page and the register's filters refuse it, not drawn as all
    # years; only the outcome mix is drawn for one year
    error = _year_refused(year)
    if year and not error and name != "outcome-mix":
        error = f"Year: expected no year (this plot is drawn for all years), received “{year}”."
    if error:
        return _refused(error)
    plot = analytics.outcome_mix(int(year)) if year else analytics.PLOTS[name]()
    content_type = "image/png" if fmt == "png" else "image/svg+xml"
    embedded = request.GET.get("embed") == "1"  # the analytics page's own copy (no caption)
    return HttpResponse(analytics.render(plot, fmt, embedded=embedded), content_type=content_type)


# -- staff -----------------------------------------------------------------------------------------


def _may_review(user: Any) -> bool:
    """The review pages are for staff: an administrator or anyone holding a role in a force."""
    return bool(getattr(user, "is_staff", False) or case_store.grants(user))


_READ_ONLY = (
    "Your role lets you read the review queue, not change the register: confirming or correcting "
    "a field needs a role such as case officer, or an administrator."
)


def _reviewer(request: HttpRequest) -> Reviewer:
    """The user as a reviewer (who may change the records of which forces: ``reviewers``); a page
    that does not exist to anyone not on staff, and a refusal (403, nothing written) for a change
    asked by a user who may change no record at all (a viewer). Whether they may change the record
    asked about is checked as it is changed (``store``)."""
    if not _may_review(request.user):
        raise Http404("Not found.")
    who = reviewer_of(request.user)
    if request.method == "POST" and not who.deciding:
        raise PermissionDenied(_READ_ONLY)
    return who


def _read_only(who: Reviewer, force: str) -> str:
    """Why the user may not change a record of ``force``, for the page ("" when they may)."""
    if who.may_change(force):
        return ""
    if not who.deciding:
        return _READ_ONLY
    return "You can read this record but not change it. " + who.why_not(force)


def _not_allowed(request: HttpRequest, reason: str) -> HttpResponse:
    """The refusal page with the reason in words (nothing was written)."""
    return render(request, "403.html", {"reason": reason}, status=403)


def _readable(who: Reviewer, force: str, reason: str | None) -> dict[str, str]:
    """A reason from the review log of a record of ``force`` as the user may read it: the reason
    itself, or (to staff of another force) only for whom it is kept; both empty for no reason."""
    if not reason:
        return {"reason": "", "kept": ""}
    if who.may_read_reasons(force):
        return {"reason": reason, "kept": ""}
    return {"reason": "", "kept": reason_kept_for(force)}


def _shown(value: Any, field: str) -> str:
    if field == "force" and value in FORCE_NAMES:
        return FORCE_NAMES[value]
    if value is None:
        return "Not stated"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):  # the Standards: headings, which hold commas themselves
        return "; ".join(standard_heading(str(v)) for v in value) or "none named"
    if isinstance(value, str) and len(value) >= 4 and value[:4].isdigit():
        return store.british(value)
    return store.words(str(value))


QUEUE_PAGE = 50
"""Records on a page of the review queue."""
UNKNOWN = "unknown"
"""The queue's filter for the records whose force is not known."""


def _waiting(n: int, which: str) -> str:
    """The queue's count in words: "3 ingested records of Kent Police wait for a person"."""
    if n == 0:
        return f"No ingested record{which} waits for a person"
    if n > case_store.COUNT_CAP:
        return f"More than {case_store.COUNT_CAP:,} ingested records{which} wait for a person"
    verb = "waits" if n == 1 else "wait"
    return f"{n:,} ingested record{'' if n == 1 else 's'}{which} {verb} for a person"


def _page_of(
    request: HttpRequest, rows: Any, order: tuple[str, ...], size: int
) -> case_store.Keyset:
    """The page of a staff list the request's position (``after`` or ``before``) names; a position
    edited by hand gives the first page."""
    try:
        return case_store.keyset(
            rows,
            order,
            size,
            after=request.GET.get("after", ""),
            before=request.GET.get("before", ""),
        )
    except InvalidInput:
        return case_store.keyset(rows, order, size)


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    """The records waiting for a person, a page at a time (by position, oldest first), of every
    force or of one; each row says who may decide it. Every read is of an index over the waiting
    records, and the count stops at the lists' cap."""
    who = _reviewer(request)
    asked = (request.GET.get("force") or "").strip()
    error = None
    if asked and asked != UNKNOWN and asked not in FORCE_NAMES:
        error = f"Force: expected a force from the list, received “{asked}”."
        asked = ""
    force = None if not asked else "" if asked == UNKNOWN else asked
    page = _page_of(request, store.queue(force).select_related("source"), ("id",), QUEUE_PAGE)
    which = ""
    if force is not None:
        which = f" of {FORCE_NAMES[force]}" if force else " whose force is not known"
    return render(
        request,
        "register/review_queue.html",
        {
            "rows": [(r, who.decided_by(r.force)) for r in page.rows],
            "page": page,
            "waiting": _waiting(case_store.capped_count(store.queue(force)), which),
            "forces": sorted(FORCE_NAMES.items(), key=lambda item: item[1]),
            "force": asked,
            "unknown": UNKNOWN,
            "querystring": f"force={asked}&" if asked else "",
            "error": error,
            "may_decide": who.deciding,
            "yours": "" if who.admin else in_words(who.forces),
            # the button says "your force(s)": the sentence above it lists them
            "your_forces": "your force" if len(who.forces) == 1 else "your forces",
            "read_only": _READ_ONLY,
        },
        status=400 if error else 200,
    )


@login_required
def review_record(request: HttpRequest, pk: int) -> HttpResponse:
    who = _reviewer(request)
    r = get_object_or_404(Record.objects.select_related("source"), pk=pk)
    error: dict[str, str] = {}
    typed: dict[str, dict[str, str]] = {}
    if request.method == "POST" and request.POST.get("action") in _PUBLICATION_ACTIONS:
        done = _withdraw_or_restore(request, who, r)
        if isinstance(done, HttpResponse):
            return done
        error[PUBLICATION] = done
        typed[PUBLICATION] = {"reason": request.POST.get("reason", "")}
    elif request.method == "POST":
        field = request.POST.get("field", "")
        action = request.POST.get("action")
        try:
            if action == "confirm":
                store.review(r.pk, field, reviewer=who)
            elif action == "amend":  # any field, with a reason
                typed[field] = {
                    "value": request.POST.get("value", ""),
                    "reason": request.POST.get("reason", ""),
                }
                store.correct(r.pk, field, reviewer=who, **typed[field])
            else:  # the queue's correction of a field awaiting review
                typed[field] = {"value": request.POST.get("value", "")}
                store.review(r.pk, field, reviewer=who, correction=typed[field]["value"])
        except AccessDenied as exc:  # a record of another force, or of none known
            return _not_allowed(request, exc.message)
        except InvalidInput as exc:
            error[field] = f"{exc.field}: expected {exc.expected}, received “{exc.received}”."
        else:
            messages.success(request, f"{store.LABELS.get(field, field)}: saved.")
            was_published = r.published
            r.refresh_from_db()
            if r.published and was_published:  # a correction of a record in the register
                messages.success(request, "The register shows the corrected value.")
                return redirect("register:review-record", pk=r.pk)
            if r.published:
                messages.success(request, "Every field is reviewed: the record is in the register.")
                return redirect("register:review")
            return redirect("register:review-record", pk=r.pk)
    reviews = list(r.reviews.order_by("recorded_at", "id"))
    corrected = {e.field: e.after for e in reviews if e.action == "corrected"}
    withdrawal = next((e for e in reversed(reviews) if e.pk == r.withdrawal_id), None)
    fields = [
        {
            "name": n,
            "label": store.LABELS[n],
            "pending": n in r.pending,
            "error": error.get(n),
            **r.extracted.get(n, {}),
            "shown": _shown(r.extracted.get(n, {}).get("value"), n),
            "corrected": _shown(corrected[n], n) if n in corrected else None,
            "choices": _correction_choices(n),
            "typed": typed.get(n, {}),
            "hint": _HINTS.get(n, "Correct value"),
        }
        for n in FIELDS
    ]
    return render(
        request,
        "register/review_record.html",
        {
            "r": r,
            "fields": fields,
            "reviews": [
                {
                    "at": e.recorded_at,
                    "reviewer": e.reviewer,
                    "action": e.action,
                    "label": store.LABELS.get(e.field, e.field),
                    "before": _shown(e.before, e.field),
                    "after": _shown(e.after, e.field),
                    **_readable(who, r.force, e.reason),
                    "publication": e.field == PUBLICATION,
                }
                for e in reviews
            ],
            "force_name": FORCE_NAMES.get(r.force, ""),
            "not_stated": store.NOT_STATED,
            "correctable": r.source.origin == "ingested",
            "may_decide": who.may_change(r.force),
            "read_only": _read_only(who, r.force),
            "withdrawal": withdrawal,
            "withdrawal_reason": _readable(who, r.force, withdrawal.reason if withdrawal else None),
            "publication_error": error.get(PUBLICATION),
            "publication_typed": typed.get(PUBLICATION, {}),
            "reason_limit": store.REASON_LIMIT,
        },
        status=400 if error else 200,
    )


_PUBLICATION_ACTIONS = ("withdraw", "restore")
"""The review page's actions on a record's place in the public register (``store.withdraw`` and
``store.restore``); the staff list of withdrawn records posts its Restore to the same page."""


def _withdraw_or_restore(request: HttpRequest, who: Reviewer, r: Record) -> HttpResponse | str:
    """Withdraw or restore the record: a redirect with what was done, the refusal page (403), or
    the error to show beside the form (nothing written)."""
    action = request.POST.get("action")
    reason = request.POST.get("reason", "")
    change = store.withdraw if action == "withdraw" else store.restore
    back = (
        redirect("register:withdrawn")
        if request.POST.get("back") == "withdrawn"
        else redirect("register:review-record", pk=r.pk)
    )
    try:
        done = change(r.pk, reviewer=who, reason=reason)
    except AccessDenied as exc:
        return _not_allowed(request, exc.message)
    except Conflict as exc:  # a second press, or someone else first: the page as it now stands
        messages.warning(request, exc.message)
        return back
    except InvalidInput as exc:
        return f"{exc.field}: expected {exc.expected}, received “{exc.received}”."
    if action == "withdraw":
        messages.success(
            request,
            "Withdrawn: the record is no longer in the public register, its exports, feed or "
            "plots. Its public page now says it is no longer published, without the reason.",
        )
    elif done.published:
        messages.success(request, "Restored: the record is back in the public register.")
    else:
        messages.success(
            request,
            "Restored: the record is back in the review queue, and enters the public register "
            "once every field is decided.",
        )
    return back


WITHDRAWN_PAGE = 50
"""Withdrawn records on a page of staff's list of them."""


@login_required
def withdrawn_list(request: HttpRequest) -> HttpResponse:
    """The records withdrawn from the public register, the latest withdrawal first, a page at a time
    (by position, from the index of withdrawn records), with who withdrew each, when, and why to
    whoever may read the reasons of its force (``Reviewer.may_read_reasons``), and a Restore for
    those the user may change."""
    who = _reviewer(request)
    page = _page_of(request, store.withdrawn(), ("-withdrawal_id",), WITHDRAWN_PAGE)
    count = case_store.capped_count(Record.objects.filter(withdrawal__isnull=False))
    return render(
        request,
        "register/withdrawn.html",
        {
            "rows": [
                (
                    r,
                    who.may_change(r.force),
                    who.decided_by(r.force),
                    _readable(who, r.force, r.withdrawal.reason),
                )
                for r in page.rows
            ],
            "page": page,
            "querystring": "",
            "count": case_store.count_text(count, "withdrawn record"),
            "may_decide": who.deciding,
            "read_only": _READ_ONLY,
            "reason_limit": store.REASON_LIMIT,
        },
    )


_HINTS = {
    "hearing_date": "DD/MM/YYYY",
    "anonymised": "yes or no",
    "standards": "Standards, separated by commas",
}
"""What a correction's box shows until something is typed."""


def _correction_choices(field: str) -> list[str]:
    """What a reviewer may type for a field with a list of values (offered as suggestions)."""
    if field == "force":
        return [f.name for f in FORCES]
    if field == "standards":
        return list(STANDARD_HEADINGS.values())
    lists: dict[str, Any] = {
        "rank": [r.value for r in Rank],
        "status": STATUSES,
        "forum": FORUMS,
        "finding": FINDINGS,
        "outcome": store.OUTCOMES,
    }
    return [store.words(v) for v in lists.get(field, ())]


@login_required
@require_POST
def sync(request: HttpRequest) -> HttpResponse:
    """Bring this system's published outcomes in: an administrator's of every force, anyone
    else's of the forces whose records they may change."""
    who = _reviewer(request)
    report = store.sync_system(case_store.today(), forces=None if who.admin else who.forces)
    messages.success(request, report.said())
    return redirect("register:review")


@login_required
def annual(request: HttpRequest) -> HttpResponse:
    """The Home Office annual return for a force the user holds a role in, and a year."""
    user = request.user
    mine = sorted({g.force for g in case_store.grants(user)})
    allowed = [f.code for f in FORCES] if getattr(user, "is_staff", False) else mine
    if not allowed:
        raise Http404("Not found.")
    force_code = request.GET.get("force") or allowed[0]
    year_raw = request.GET.get("year") or str(case_store.today().year)
    errors = []
    if force_code not in allowed:
        errors.append(f"Force: expected a force you hold a role in, received “{force_code}”.")
    if not year_raw.isdigit() or not 2021 <= int(year_raw) <= 2100:
        errors.append(
            f"Year ending 31 March: expected a year from 2021 to 2100, received “{year_raw}”."
        )
    # A refused request shows the errors and the form as typed, and no tables: another force's
    # or year's figures beneath the errors would read as the answer.
    result = None if errors else annual_return.for_force(force_code, int(year_raw))
    if result is not None and request.GET.get("format") == "csv":
        response = HttpResponse(result.csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="annual-return-{force_code}-{year_raw}.csv"'
        )
        return response
    start, end = annual_return.year_ending(int(year_raw)) if result else (None, None)
    return render(
        request,
        "register/annual_return.html",
        {
            "result": result,
            "forces": [(c, FORCE_NAMES[c]) for c in allowed],
            "force": force_code,
            "year": year_raw,
            "errors": errors,
            "force_name": FORCE_NAMES.get(force_code, ""),
            "start": start,
            "end": end,
        },
        status=400 if errors else 200,
    )
