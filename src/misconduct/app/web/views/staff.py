"""Staff pages (login required): dashboard, case list and search, the case page, a form per
lifecycle step, API tokens. Every page checks the role and the force through ``store``."""

from __future__ import annotations

import functools
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString
from django.views.decorators.http import require_http_methods, require_POST

from misconduct.app import access
from misconduct.app import models as m
from misconduct.app.api.models import ApiToken
from misconduct.app.plain import plain
from misconduct.app.roles import Action, Role, forces_for
from misconduct.app.web import casepage, sessions, staffpages, store
from misconduct.app.web.context import links
from misconduct.app.web.forms import StepForm
from misconduct.app.web.frame import staff_frame
from misconduct.app.web.html import fill, safe
from misconduct.app.web.steps import availability, step_named
from misconduct.app.web.templatetags.web import british, case_urls, label
from misconduct.domain.forces import FORCES, force
from misconduct.domain.terms import Nature, Stage
from misconduct.errors import InvalidInput, MisconductError
from misconduct.rules.outcomes import lawful_outcomes
from misconduct.rules.standards import standards_on
from misconduct.rules.workdays import add_working_days
from misconduct.services.retention import TAKE_DOWN_STEP

HORIZON_WORKING_DAYS = 10
PAGE_SIZE = 20


def _force_name(code: str) -> str:
    try:
        return force(code).name
    except InvalidInput:
        return code


DASHBOARD_ITEMS = 25
"""How many overdue and due items, and how many cases of each list, the dashboard shows."""


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Counts from SQL and one page of each list, whatever the number of cases: the lists and the
    newest event in one fixed-SQL statement (``store.read_together``), each count kept until the
    next event."""
    today = store.today()
    horizon = add_working_days(today, HORIZON_WORKING_DAYS)
    user = request.user
    key = store.scope_key(user)
    obligation, window = Nature.OBLIGATION.value, Nature.WINDOW.value
    # the take-downs are on "My work" and in reminders
    overdue_where = [("d.step <> %s", [TAKE_DOWN_STEP]), ("d.last_day < %s", [store.day(today)])]
    due_soon_where = [
        ("d.step <> %s", [TAKE_DOWN_STEP]),
        ("d.last_day >= %s", [store.day(today)]),
        ("d.last_day <= %s", [store.day(horizon)]),
    ]

    def dues() -> Any:  # the counts' queries, built only when a count is not kept
        return m.DueEntry.objects.filter(store.visible_where(user, force="force")).exclude(
            step=TAKE_DOWN_STEP
        )

    # The user's own cases are kept until the next event (steps, chairs and assignees are written
    # with one): the lists are read with the ones kept, and read again if an event came since.
    guess = store.kept(("own", key))
    if not isinstance(guess, list):
        guess = []
    newest, (due_soon, overdue, my_cases, other_cases) = store.read_together(
        [
            store.due_branch(user, [obligation, window], due_soon_where, DASHBOARD_ITEMS),
            store.due_branch(user, [obligation], overdue_where, DASHBOARD_ITEMS),
            store.open_branch(user, guess, True, DASHBOARD_ITEMS),
            store.open_branch(user, guess, False, DASHBOARD_ITEMS),
        ]
    )
    mine = store.counted(("own", key), lambda: _own_cases(user), newest=newest)
    if mine == guess:
        mine_listed, others_listed = store.listed_cases(my_cases), store.listed_cases(other_cases)
    else:
        mine_listed, others_listed = _open_cases(user, mine, True), _open_cases(user, mine, False)
    by_stage = store.counted(
        ("stages", key),
        lambda: dict(
            store.visible_rows(user)
            .order_by()
            .values_list("stage")
            .annotate(n=Count("pk"))
            .values_list("stage", "n")
        ),
        newest=newest,
    )
    nav = links(request)["nav"]
    cases = nav["cases"]
    granted = store.grants(user)
    context: dict[str, Any] = {
        "today": today,
        "horizon": horizon,
        "horizon_days": HORIZON_WORKING_DAYS,
        "due_soon_rows": due_soon,
        "overdue_rows": overdue,
        "overdue_count": store.counted(
            ("overdue", key, today),
            lambda: dues().filter(nature=obligation, last_day__lt=today).count(),
            newest=newest,
        ),
        "due_soon_count": store.counted(
            ("due-soon", key, today),
            lambda: (
                dues()
                .filter(nature__in=[obligation, window], last_day__gte=today, last_day__lte=horizon)
                .count()
            ),
            newest=newest,
        ),
        # the stages' rows as finished text (a count a row: the template engine localises
        # each number through several calls), kept with the counts
        "stages": store.counted(
            ("stages-rows", key, cases),
            lambda: safe(
                fill(
                    '<tr><td><a href="{}?stage={}">{}</a></td><td>{}</td></tr>',
                    cases,
                    st.value,
                    st.label,
                    str(by_stage[st.value]),
                )
                for st in Stage
                if by_stage.get(st.value)
            ),
            newest=newest,
        ),
        "my_cases": mine_listed,
        "can_open": bool(forces_for(granted, Action.OPEN_CASE)),
        # the annual return's page is for a role in a force, or an administrator (no query)
        "annual_return": bool(granted) or bool(getattr(user, "is_staff", False)),
        "other_cases": others_listed,
        "roles": [
            (role.label, sorted(_force_name(g.force) for g in granted if g.role is role))
            for role in Role
            if any(g.role is role for g in granted)
        ],
    }
    around = staff_frame(request, "web/staff/page.html")
    if around is None:  # a message waiting: the template shows it
        context["due_soon"] = staffpages.dues(due_soon, today)
        context["overdue"] = staffpages.dues(overdue, today)
        return render(request, "web/staff/dashboard.html", context)
    content = staffpages.dashboard(context, nav, nav["new_case"])
    return HttpResponse(around.page(request, "Dashboard", content))


def _open_cases(user: Any, mine: Any, among: bool) -> list[store.ListedCase]:
    """The first open cases the user may see, by reference, among their own cases ``mine`` (keys,
    or a query of them when there are a great many) or (``among`` false) not among them."""
    if isinstance(mine, list):
        return store.open_cases(user, mine, among, DASHBOARD_ITEMS)
    rows = store.visible_rows(user).filter(closed=False).select_related("force").order_by("ref")
    rows = rows.filter(case_id__in=mine) if among else rows.exclude(case_id__in=mine)
    return [store.ListedCase(c.ref, c.force.name, c.stage) for c in rows[:DASHBOARD_ITEMS]]


OWN_CASES_READ = 5000
"""Up to this many of the user's own cases are named to the database by key; beyond, subqueries."""


def _own_cases(user: Any) -> Any:
    """The keys of the cases the user has acted on, chairs or is assigned to: three indexed lookups
    (events by actor, chairs by name, assignees by username), so that the dashboard's lists look up
    the user's cases by key instead of testing every open case against them."""
    username = user.get_username()
    sources = (
        m.Event.objects.filter(actor=username).values_list("case_id", flat=True).distinct(),
        store.chaired_ids(user),
        m.CaseAssignee.objects.filter(username=username).values_list("case_id", flat=True),
    )
    own: set[int] = set()
    for source in sources:
        found = list(source.order_by()[: OWN_CASES_READ + 1])
        if len(found) > OWN_CASES_READ:  # a great many: let the database join them
            return (
                m.CaseListing.objects.filter(
                    Q(case_id__in=sources[0])
                    | Q(case_id__in=sources[1])
                    | Q(case_id__in=sources[2])
                )
                .order_by()
                .values("case_id")
            )
        own.update(found)
    return sorted(own)


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    q = request.GET
    search = store.Search(
        text=q.get("q", ""),
        force=q.get("force", ""),
        stage=q.get("stage", ""),
        standard=q.get("standard", ""),
        officer=q.get("officer", ""),
    )
    count = store.counted(
        ("cases", store.scope_key(request.user), search),
        lambda: store.capped_count(store.search(request.user, search)),
    )
    try:
        page = store.case_page(
            request.user, search, PAGE_SIZE, after=q.get("after", ""), before=q.get("before", "")
        )
    except InvalidInput:  # a position edited by hand: the first page
        page = store.case_page(request.user, search, PAGE_SIZE)
    mine = {g.force for g in store.grants(request.user)}
    url = case_urls()
    return render(
        request,
        "web/staff/case_list.html",
        {
            "page": page,
            # Each row and each choice as finished text (issue 10: the list's cost was mostly
            # template lookups, a reversal a row and enum properties).
            "rows": safe(
                fill(
                    '<tr>\n  <td><a href="{}">{}</a></td>\n  <td>{}</td>\n  <td>{}</td>\n'
                    "  <td>{}</td>\n  <td>{}</td>\n</tr>",
                    url(c.ref),  # as reverse(), the list's URL reversed once a process
                    c.ref,
                    c.force_name,
                    "; ".join(f"{name} ({number})" for name, number, *_ in c.officers),
                    british(c.came_to_attention),
                    label(c.stage),
                )
                for c in page.rows
            ),
            "count_text": store.count_text(count, "case"),
            "search": search,
            "querystring": store.list_params(q),
            "forces": _options([(f.code, f.name) for f in FORCES if f.code in mine], search.force),
            "stages": _options([(st.value, st.label) for st in Stage], search.stage),
            "standards": _options(
                [(st.id, st.heading) for st in standards_on(store.today())], search.standard
            ),
        },
    )


def _options(choices: list[tuple[str, str]], chosen: str) -> str:
    """A select's options, the one ``chosen`` selected, after its "Any"."""
    return safe(
        fill(
            '<option value="{}"{}>{}</option>', value, " selected" if value == chosen else "", text
        )
        for value, text in choices
    )


def _row_with_session(view: Any) -> Any:
    """The case page's row asked for with the session, before ``login_required`` reads it: on
    PostgreSQL one round trip for both (``sessions.SessionStore.read_along``); the row is used only
    once the reader is signed in and allowed to see the case, as before."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, ref: str) -> HttpResponse:
        session = getattr(request, "session", None)
        if isinstance(session, sessions.SessionStore):
            session.read_along("default", casepage.read_sql("default"), [ref])
        return view(request, ref)  # type: ignore[no-any-return]

    return wrapped


@_row_with_session
@login_required
def case_detail(request: HttpRequest, ref: str) -> HttpResponse:
    """The case as it stands, from its row of the case page's read model (``web.casepage``): what
    the page shows whatever the reader, as finished HTML. The request adds what depends on the
    reader (the steps they may take, the assessment link's wording), on the day (the steps open
    today, the overdue badges, the link to the public page) and the timeline's heads and names
    (issue 10)."""
    user = request.user
    along = getattr(request.session, "read_with", None)
    page = casepage.read(ref) if along is None else casepage.page_of(ref, (along or [None])[0])
    case = None
    if page is None:  # no row of this format (a database not rebuilt since): from the state
        case = _state_or_404(ref)
        page = casepage.of_case(case, _case_id(ref))
    if not store.may_in(user, Action.VIEW_CASE, page.scope):
        raise Http404(f"no case {ref}")
    access.record(user, page, "case page")
    today = store.today()
    may = store.permissions_in(user, page.scope)
    steps = page.steps if page.steps_on == today else None
    if steps is None:  # the first request of the day (or since a write): the rules' dry run
        if case is None or case.version != page.version:
            case = _state_or_404(ref)
        steps = casepage.steps_on(case, store.context(case), today)
        if case.version == page.version:
            casepage.store_steps(page.case_id, page.version, today, steps)
    p = page.parts
    here = reverse("web:case", args=[ref])
    labels = p["timeline"]
    day = today.isoformat()
    public = any(start <= day and (until is None or day <= until) for start, until in p["public"])
    link = reverse("web:public-record", args=[ref]) if public else ""
    return render(
        request,
        "web/staff/case_detail.html",
        {
            "ref": ref,
            "here": here,  # the case's URL: its file and assessment pages are below it
            "head": SafeString(p["head"]),
            "summary": SafeString(p["summary"]),
            "officers": SafeString(p["officers"]),
            "parties": SafeString(p["parties"]),
            "facts": SafeString(
                p["facts"].replace(
                    casepage.PUBLIC_LINK,
                    fill(' · <a href="{}">public page</a>', link) if link else "",
                )
            ),
            "findings": p["findings"],
            "can_decide": may(Action.DECIDE),
            "hearing": SafeString(p["hearing"]),
            "allegations": SafeString(p["allegations"]),
            "limits": safe(
                (
                    pre
                    + (
                        ' <span class="badge overdue">overdue</span>'
                        if overdue is not None and overdue < day
                        else ""
                    )
                    + post
                    for overdue, pre, post in p["limits"]
                ),
                "\n",
            ),
            "open_steps": safe(
                fill('<li><a href="{}steps/{}/">{}</a></li>', here, s.id, s.label)
                for step_id, refused in steps
                if refused is None and may((s := step_named(step_id)).action)
            ),
            "closed_steps": safe(
                (
                    refused
                    for step_id, refused in steps
                    if refused is not None and may(step_named(step_id).action)
                ),
                "\n",
            ),
            "documents": _documents(here, p["documents"]),
            "timeline": safe(
                fill(
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><small>{}</small></td></tr>",
                    h.sequence,
                    british(h.occurred_on),
                    what,
                    h.name,
                    british(h.recorded_at),
                )
                for h in (page.heads if page.heads is not None else casepage.heads(page.case_id))
                # read with the row (else just after it): a step recorded since is shown from the
                # next request
                if (what := labels.get(str(h.sequence))) is not None
            ),
        },
    )


def _state_or_404(ref: str) -> Any:
    try:
        return store.state(ref)
    except InvalidInput:
        raise Http404(f"no case {ref}") from None


def _case_id(ref: str) -> int:
    found = m.Case.objects.filter(ref=ref).values_list("id", flat=True).first()
    if found is None:
        raise Http404(f"no case {ref}")
    return int(found)


def _documents(here: str, documents: list[list[Any]]) -> str:
    """The documents the case has reached, with a link to each format."""
    if not documents:
        return ""
    items = "".join(
        fill(
            "<li>{}{}: {}</li>",
            title,
            SafeString(" <small>(public version, anonymity applied)</small>") if public else "",
            SafeString(
                " · ".join(
                    fill('<a href="{}" download>{}</a>', f"{here}documents/{kind}.{f}", f.upper())
                    for f in formats
                )
            ),
        )
        for kind, title, public, formats in documents
    )
    return SafeString(f"<section>\n  <h2>Documents</h2>\n  <ul>{items}</ul>\n</section>")


@login_required
@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, ref: str, step_id: str) -> HttpResponse:
    try:
        the_step = step_named(step_id)
    except InvalidInput:
        raise Http404("no such step") from None
    case = store.visible_case(request.user, ref, the_step.action)
    today = store.today()
    avail = availability(case, store.context(case), the_step, today)
    actor = request.user.get_full_name() or request.user.get_username()
    form = StepForm(
        the_step,
        case,
        avail,
        request.POST or None,
        initial_on=today,
        decision_maker=actor,
    )
    if the_step.id == "decide-outcome":
        _warning_periods(form, case, today)
    error: MisconductError | None = None
    if request.method == "POST" and form.is_valid():
        try:
            store.service(request.user.get_username()).execute(
                ref, form.command(), expected_version=form.cleaned_data["version"]
            )
        except MisconductError as exc:
            error = exc
            if exc.field and exc.field in form.fields:
                form.add_error(exc.field, plain(exc).message)
        else:
            messages.success(request, f"{the_step.label}: recorded.")
            return redirect("web:case", ref=ref)
    labels = {
        spec.name: dict(spec.choices(case)) if spec.choices else {}
        for spec in the_step.all_fields(case)
    }
    refused = [
        (form.fields[name].label if name in form.fields else name, labels[name].get(v, v), r)
        for name, by_value in avail.choices.items()
        for v, r in by_value.items()
    ]
    status = 422 if error is not None or (request.method == "POST" and form.errors) else 200
    return render(
        request,
        "web/staff/step.html",
        {
            "case": case,
            "step": the_step,
            "form": form,
            "avail": avail,
            "refused": refused,
            "error": error,
        },
        status=status,
    )


def _warning_periods(form: StepForm, case: Any, on: Any) -> None:
    """The warning periods the rules allow here, as the field's range and help, with citations."""
    from misconduct.domain.guards import question

    p = case.proceedings
    if p is None or case.severity_on is None or not case.findings:
        return
    oid = next(iter(case.officers))
    try:
        answer = lawful_outcomes(
            question(case, oid, p.arrangement.forum, case.officer_finding(oid), on)
        )
    except MisconductError:
        return
    field = form.fields["warning_months"]
    notes = []
    for outcome, period in answer.warning_periods.items():
        notes.append(
            f"{outcome.label}: {period.min_months}–{period.max_months} months "
            f"({period.version.citation})"
        )
        field.widget.attrs.update(min=period.min_months, max=period.max_months)
    field.help_text = "; ".join(notes) or "No warning is open on these facts."


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    new_token = None
    if request.method == "POST":
        if not store.grants(request.user):
            raise Http404("no role")
        _, new_token = ApiToken.issue(request.user, request.POST.get("name", ""))
    return render(
        request,
        "web/staff/tokens.html",
        {
            "tokens": ApiToken.objects.filter(user=request.user),
            "new_token": new_token,
            "can_issue": bool(store.grants(request.user)),
        },
    )


@login_required
@require_POST
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    from django.utils import timezone

    updated = ApiToken.objects.filter(user=request.user, pk=pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if not updated:
        raise Http404("no such token")
    messages.success(request, "Token revoked.")
    return redirect("web:tokens")


@login_required
def document(request: HttpRequest, ref: str, kind: str, fmt: str) -> HttpResponse:
    from misconduct.app.web import documents

    case = store.visible_case(request.user, ref)
    response = documents.download(case, kind, fmt, store.today())
    if response.status_code == 200:
        access.record(request.user, case, f"document {kind}.{fmt}")
    return response


@login_required
def access_log(request: HttpRequest) -> HttpResponse:
    """Who saw which case or document: the appropriate authority's view of their forces' cases."""
    forces = access.lead_forces(store.grants(request.user))
    if not forces:
        raise PermissionDenied("only a force's appropriate authority may read its access record")
    q = request.GET
    rows = access.records(forces, case_ref=q.get("case", ""), username=q.get("user", ""))
    page = Paginator(rows, PAGE_SIZE).get_page(q.get("page"))
    return render(
        request,
        "web/staff/access.html",
        {"page": page, "case": q.get("case", ""), "who": q.get("user", "")},
    )
