"""Staff pages for intake and the working case file: open a case, the case file (origin, officers,
parties, assignment, evidence, case log), evidence upload and download, and "My work"."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from misconduct.app import casework
from misconduct.app.roles import Action, forces_for
from misconduct.app.web import staffpages, store
from misconduct.app.web.frame import staff_frame
from misconduct.app.web.steps import BY_ID
from misconduct.domain.forces import FORCES
from misconduct.domain.terms import AssignmentRole, InvestigationMode, OfficerStatus
from misconduct.errors import MisconductError
from misconduct.rules.standards import standards_on
from misconduct.rules.vocabulary import Rank
from misconduct.services.intake import ORIGIN_LABELS, PARTY_ROLES, SOURCES

OFFICER_SLOTS = 3
ALLEGATION_SLOTS = 3
PARTY_SLOTS = 4


def _blank(post: QueryDict, prefix: str, names: tuple[str, ...]) -> bool:
    return not any(post.get(f"{prefix}{n}", "").strip() for n in names)


def intake_data(post: QueryDict) -> dict[str, Any]:
    """The intake format (docs/intake.md) from the new-case form; empty slots are left out."""
    data: dict[str, Any] = {
        "force": post.get("force", ""),
        "source": post.get("source", ""),
        "summary": post.get("summary", ""),
        "opened_on": post.get("opened_on", ""),
        "attention": {
            "force": post.get("attention_force", ""),
            "local_policing_body": post.get("attention_lpb", ""),
            "iopc": post.get("attention_iopc", ""),
        },
        "iopc_referral": {
            "referred": {"yes": True, "no": False}.get(post.get("referred", "")),
            "reasons": post.get("referral_reasons", ""),
            "mode": post.get("mode", ""),
        },
        "officers": [],
        "allegations": [],
        "parties": [],
    }
    for i in range(1, OFFICER_SLOTS + 1):
        p = f"officer{i}_"
        if _blank(post, p, ("name", "number")):
            continue
        data["officers"].append(
            {
                "name": post.get(p + "name", ""),
                "rank": post.get(p + "rank", ""),
                "number": post.get(p + "number", ""),
                "status": post.get(p + "status", "") or "serving",
                "left_on": post.get(p + "left_on", ""),
            }
        )
    for i in range(1, ALLEGATION_SLOTS + 1):
        p = f"allegation{i}_"
        if _blank(post, p, ("particulars", "conduct_from")):
            continue
        data["allegations"].append(
            {
                "id": f"A{len(data['allegations']) + 1}",
                "officer": post.get(p + "officer", ""),
                "particulars": post.get(p + "particulars", ""),
                "conduct_from": post.get(p + "conduct_from", ""),
                "conduct_to": post.get(p + "conduct_to", ""),
                "on_duty": post.get(p + "on_duty") == "on",
                "standards": post.getlist(p + "standards"),
            }
        )
    for i in range(1, PARTY_SLOTS + 1):
        p = f"party{i}_"
        if _blank(post, p, ("name",)):
            continue
        data["parties"].append(
            {
                "role": post.get(p + "role", ""),
                "name": post.get(p + "name", ""),
                "detail": post.get(p + "detail", ""),
                "contact": post.get(p + "contact", ""),
                "restricted": post.get(p + "restricted") == "on",
            }
        )
    return data


def _rows(post: QueryDict, prefix: str, slots: int, names: tuple[str, ...]) -> list[dict[str, Any]]:
    """What was typed into each slot of the form, to show it again after an error."""
    out = []
    for i in range(1, slots + 1):
        row: dict[str, Any] = {"i": i}
        for n in names:
            key = f"{prefix}{i}_{n}"
            row[n] = post.getlist(key) if n == "standards" else post.get(key, "")
        out.append(row)
    if prefix == "allegation" and not post:
        out[0]["on_duty"] = "on"
    return out


@login_required
@require_http_methods(["GET", "POST"])
def new_case(request: HttpRequest) -> HttpResponse:
    grants = store.grants(request.user)
    forces = [f for f in FORCES if f.code in forces_for(grants, Action.OPEN_CASE)]
    if not forces:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("opening a case needs the case officer role in a force")
    error: MisconductError | None = None
    if request.method == "POST":
        try:
            case = casework.open_case(request.user, intake_data(request.POST))
        except MisconductError as exc:
            error = exc
        else:
            messages.success(request, f"Case {case.ref} opened.")
            return redirect("web:case", ref=case.ref)
    today = store.today()
    return render(
        request,
        "web/staff/new_case.html",
        {
            "forces": forces,
            "sources": [(s.value, ORIGIN_LABELS[s]) for s in SOURCES],
            "modes": list(InvestigationMode),
            "ranks": list(Rank),
            "statuses": list(OfficerStatus),
            "roles": list(PARTY_ROLES),
            "standards": standards_on(today),
            "officer_rows": _rows(
                request.POST,
                "officer",
                OFFICER_SLOTS,
                ("name", "rank", "number", "status", "left_on"),
            ),
            "allegation_rows": _rows(
                request.POST,
                "allegation",
                ALLEGATION_SLOTS,
                ("officer", "conduct_from", "conduct_to", "particulars", "on_duty", "standards"),
            ),
            "party_rows": _rows(
                request.POST,
                "party",
                PARTY_SLOTS,
                ("role", "name", "contact", "detail", "restricted"),
            ),
            "post": request.POST,
            "error": error,
            "today": today,
        },
        status=422 if error else 200,
    )


@login_required
def case_file(request: HttpRequest, ref: str) -> HttpResponse:
    case = store.visible_case(request.user, ref)
    records = store.events(ref)
    by_sequence = {r.sequence: r for r in records}
    can_work = store.may(request.user, Action.RECORD_STEP, case)
    return render(
        request,
        "web/staff/case_file.html",
        {
            "case": case,
            "notes": casework.notes(case, records),
            "evidence": [{"held": h, "record": by_sequence.get(h.sequence)} for h in case.evidence],
            "assignments": [(r, case.assignments.get(r, "")) for r in AssignmentRole],
            "roles": list(AssignmentRole),
            "withdrawn": list(case.withdrawn.values()),
            "can_work": can_work and case.closed_on is None,
            "steps": [(s.id, s.label) for s in BY_ID.values()],
            "today": store.today(),
            "timeline": [
                {"record": r, "label": entry.label, "correctable": r.type in EVENT_STEP}
                for r, entry in zip(records, case.timeline, strict=True)
            ],
        },
    )


@login_required
@require_POST
def upload(request: HttpRequest, ref: str) -> HttpResponse:
    store.visible_case(request.user, ref, Action.RECORD_STEP)
    f = request.FILES.get("file")
    try:
        if f is None:
            from misconduct.errors import InvalidInput

            raise InvalidInput("file", "a file to upload", "no file")
        version = request.POST.get("version")
        casework.attach(
            request.user,
            ref,
            f.name or "",
            f.read(),
            request.POST.get("title", ""),
            request.POST.get("step", ""),
            int(version) if version and version.isdigit() else None,
        )
    except MisconductError as exc:
        messages.error(request, f"The file was not attached: {exc.message}")
    else:
        messages.success(request, "File attached; its SHA-256 is in the case's record.")
    return redirect("web:case-file", ref=ref)


@login_required
def download(request: HttpRequest, ref: str, sha256: str) -> HttpResponse:
    case = store.visible_case(request.user, ref)
    try:
        return casework.file_response(case, sha256)
    except MisconductError as exc:
        from django.http import Http404

        raise Http404(exc.message) from None


MY_CASES_PAGE = 50


@login_required
def my_work(request: HttpRequest) -> HttpResponse:
    """The cases assigned to the user and the time limits they hold, overdue first: indexed queries
    on the read models, one page each, whatever the number of cases; the lists, the first page of
    cases and the newest event in one statement (``casework.work_lists``)."""
    user = request.user
    username = user.get_username()
    today = store.today()
    key = store.scope_key(user)
    number = request.GET.get("page")
    first = number in (None, "", "1")  # the first page is read with the lists
    lists = casework.work_lists(user, today, key, cases=MY_CASES_PAGE if first else 0)
    count = store.counted(
        ("my-cases", key),
        lambda: store.capped_count(casework.assigned_cases(user)),
        newest=lists.newest,
    )
    # the first page's cases were read with the lists: the query of them (whose building costs
    # about a fifth of the page's CPU) is built only for a later page or a count not kept
    rows = lists.cases if lists.cases is not None else casework.assigned_cases(user)
    page = store.CountedPaginator(rows, MY_CASES_PAGE, count).get_page(number)
    context = {
        "cases": lists.cases
        if lists.cases is not None
        else casework.roles_on(username, list(page.object_list)),
        "page": page,
        "overdue": lists.overdue,
        "due": lists.due,
        "team_overdue": lists.team_overdue,
        "awaited": lists.awaited,
        "today": today,
    }
    around = staff_frame(request, "web/staff/page.html")
    if around is None:  # a message waiting: the template shows it
        return render(request, "web/staff/my_work.html", context)
    return HttpResponse(around.page(request, "My work", staffpages.my_work(context)))


# Which step records each kind of event: a correction is made with the form of the same step.
EVENT_STEP = {
    "PartyAdded": "add-party",
    "AllegationRecorded": "record-allegation",
    "SeverityAssessed": "assess-severity",
    "InvestigatorAppointed": "appoint-investigator",
    "Regulation17NoticeGiven": "regulation-17-notice",
    "Regulation18ResponseReceived": "regulation-18-response",
    "InterviewHeld": "interview",
    "TimelinessReportSent": "timeliness-report",
    "InvestigationReportSubmitted": "investigation-report",
    "CaseToAnswerDetermined": "case-to-answer",
    "ReferralNoticeGiven": "referral-notice",
    "OfficerResponseReceived": "officer-response",
    "WitnessListsExchanged": "witness-lists",
    "ProceedingsArranged": "arrange-proceedings",
    "PublicNoticeGiven": "public-notice",
    "PapersSentToChair": "papers-to-chair",
    "PreHearingHeld": "pre-hearing",
    "HearingNoticeGiven": "hearing-notice",
    "PanelObjectionMade": "panel-objection",
    "PanelObjectionDecided": "decide-panel-objection",
    "PanelMemberReplaced": "replace-panel-member",
    "ProceedingsAdjourned": "adjourn",
    "AnonymityDirected": "direct-anonymity",
    "ExcludedFromProceedings": "exclude-from-proceedings",
    "AttendanceConditionsImposed": "impose-attendance-conditions",
    "PrivacyReasonsGiven": "reasons-to-policing-body",
    "TimeLimitExtended": "extend-time-limit",
    "FindingsRecorded": "findings",
    "OutcomeDecided": "decide-outcome",
    "OutcomeReportSubmitted": "outcome-report",
    "OfficerNotified": "notify-officer",
    "OutcomePublished": "publish",
    "PublicationRemoved": "remove-publication",
    "AppealLodged": "lodge-appeal",
    "AppealDetermined": "determine-appeal",
    "AppealDeterminationNotified": "notify-appeal",
    "ReflectivePracticeReferred": "refer-reflective-practice",
    "ReflectivePracticeCompleted": "complete-reflective-practice",
    "BarredListReported": "barred-list",
    "CaseClosed": "close",
    "AllegationAmended": "amend-allegation",
    "AllegationWithdrawn": "withdraw-allegation",
    "NoteAdded": "add-note",
    "CaseAssigned": "assign",
    "OfficerSuspended": "suspend",
    "SuspensionReviewed": "review-suspension",
}


@login_required
@require_http_methods(["GET", "POST"])
def correct_step(request: HttpRequest, ref: str, sequence: int) -> HttpResponse:
    """Correct a mistaken step: the step's own form, filled in as it should have been, and reasons."""
    from django import forms
    from django.http import Http404

    from misconduct.app.web.forms import StepForm
    from misconduct.app.web.steps import Availability
    from misconduct.domain.case import Case
    from misconduct.services.corrections import correct

    records = store.events(ref)
    if not 1 <= sequence <= len(records) or records[sequence - 1].type not in EVENT_STEP:
        raise Http404("no step to correct")
    the_step = BY_ID[EVENT_STEP[records[sequence - 1].type]]
    case = store.visible_case(request.user, ref, the_step.action)
    original = records[sequence - 1]
    # The step's form as it was when the step was taken: its choices (e.g. the member whose
    # objection was decided) come from the case before the original, which the rules re-check the
    # correction against; the version is today's, so a concurrent change is still refused.
    before = Case.from_events([r.event() for r in records[: sequence - 1]])
    form = StepForm(
        the_step,
        before,
        Availability(the_step, None),
        request.POST or None,
        initial_on=original.occurred_on,
    )
    form.fields["version"].initial = case.version
    form.fields["correction_reasons"] = forms.CharField(
        label="Reasons for the correction", widget=forms.Textarea(attrs={"rows": 2})
    )
    error: MisconductError | None = None
    if request.method == "POST" and form.is_valid():
        try:
            correct(
                store.service(request.user.get_username()),
                ref,
                sequence,
                form.cleaned_data["correction_reasons"],
                form.command(),
                expected_version=form.cleaned_data["version"],
            )
        except MisconductError as exc:
            error = exc
        else:
            messages.success(request, f"Step #{sequence} corrected; the original stays on record.")
            return redirect("web:case", ref=ref)
    return render(
        request,
        "web/staff/correct.html",
        {"case": case, "step": the_step, "form": form, "original": original, "error": error},
        status=422 if error is not None or (request.method == "POST" and form.errors) else 200,
    )
