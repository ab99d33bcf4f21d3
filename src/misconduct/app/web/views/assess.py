"""The assessment page: the factor catalogue by stage; ticking factors re-runs the engine (htmx swaps
the result in place; without JavaScript a button does the same); the chair records the decision,
and a departure from the indicated outcomes needs reasons."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from misconduct.app.roles import Action
from misconduct.app.web import store
from misconduct.app.web.assessment import Choices, assessable, check_decision, run
from misconduct.app.web.dates import EXPECTED, parse_british
from misconduct.assessment.engine import Assessment
from misconduct.assessment.factors import Level, Stage, default_factors
from misconduct.assessment.precedents import NOTE as PRECEDENTS_NOTE
from misconduct.assessment.precedents import similar
from misconduct.domain import commands as cmd
from misconduct.domain.case import Case
from misconduct.domain.records import OutcomeDecision
from misconduct.errors import InvalidInput, MisconductError
from misconduct.rules.catalogue import rules_version
from misconduct.rules.vocabulary import Outcome


def _officer(case: Case, data: Any) -> str:
    wanted = str(data.get("officer") or "")
    if wanted:
        if wanted not in case.officers:
            raise Http404("no such officer on this case")
        return wanted
    for oid in case.officers:
        if assessable(case, oid) and oid not in case.decisions:
            return oid
    return next(iter(case.officers))


def _decision_date(case: Case, data: Any) -> date:
    raw = str(data.get("on") or "")
    if raw:
        on = parse_british(raw)
        if on is None:
            raise InvalidInput("on", EXPECTED, raw)
        return on
    p = case.proceedings
    return (p.concluded_on if p and p.concluded_on else None) or store.today()


def _context(
    request: HttpRequest, case: Case, data: Any, error: MisconductError | None = None
) -> dict[str, Any]:
    officer_id = _officer(case, data)
    choices = Choices.from_data(data)
    assessment: Assessment | None = None
    problem = error
    if assessable(case, officer_id):
        try:
            assessment = run(case, officer_id, choices, store.context(case), store.today())
        except MisconductError as exc:
            problem = problem or exc
    cat = default_factors()
    chosen = str(data.get("outcome") or "")
    if not chosen and assessment and assessment.most_likely:
        chosen = assessment.most_likely.value
    departs = bool(assessment and chosen and chosen not in {o.value for o in assessment.indicated})
    months = str(data.get("warning_months") or "")
    if not months and assessment and assessment.fww:
        months = str(assessment.fww.suggested)
    try:
        on = f"{_decision_date(case, data):%d/%m/%Y}"
    except InvalidInput as exc:  # shown with the form, as typed, rather than a server error
        problem = problem or exc
        on = str(data.get("on") or "")
    return {
        "case": case,
        "officer_id": officer_id,
        "officer": case.officers[officer_id],
        "officers": list(case.officers.values()),
        "assessable": assessable(case, officer_id),
        "decided": case.decisions.get(officer_id),
        "stages": [(s, cat.by_stage(s)) for s in Stage],
        "categories": cat.categories,
        "levels": list(Level),
        "choices": choices,
        "ticked": set(choices.factors) | set(choices.personal_mitigation),
        "a": assessment,
        "result": assessment.as_dict() if assessment else None,
        # The published library only: decided cases on the system are not read on each preview.
        "precedents": similar(assessment, limit=3) if assessment else None,
        "precedents_note": PRECEDENTS_NOTE,
        "not_open": [o for o in Outcome if assessment and o not in assessment.available],
        "chosen": chosen,
        "departs": departs,
        "months": months,
        "reasons": str(data.get("reasons") or ""),
        "on": on,
        "can_decide": store.may(request.user, Action.DECIDE, case),
        "error": problem,
        "version": case.version,
    }


@login_required
@require_http_methods(["GET", "POST"])
def assessment(request: HttpRequest, ref: str) -> HttpResponse:
    case = store.visible_case(request.user, ref)
    data = request.POST if request.method == "POST" else request.GET
    error: MisconductError | None = None
    if request.method == "POST" and request.POST.get("action") == "decide":
        case = store.visible_case(request.user, ref, Action.DECIDE)
        try:
            _record(request, case)
        except MisconductError as exc:
            error = exc
        else:
            messages.success(request, "The outcome is recorded.")
            return redirect("web:case", ref=ref)
    return render(
        request,
        "web/staff/assessment.html",
        _context(request, case, data, error),
        status=422 if error else 200,
    )


@login_required
@require_POST
def preview(request: HttpRequest, ref: str) -> HttpResponse:
    """The result panel only, for htmx to swap in as factors are ticked."""
    case = store.visible_case(request.user, ref)
    return render(
        request, "web/staff/_assessment_result.html", _context(request, case, request.POST)
    )


def _record(request: HttpRequest, case: Case) -> None:
    data = request.POST
    officer_id = _officer(case, data)
    a = run(case, officer_id, Choices.from_data(data), store.context(case), store.today())
    raw_months = str(data.get("warning_months") or "").strip()
    try:
        months = int(raw_months) if raw_months else None
    except ValueError:
        raise InvalidInput("warning_months", "a whole number of months", raw_months) from None
    outcome = str(data.get("outcome") or "")
    reasons = str(data.get("reasons") or "")
    decision = check_decision(a, outcome, months, reasons)
    result = a.as_dict()
    actor = request.user.get_full_name() or request.user.get_username()
    command = cmd.DecideOutcome(
        _decision_date(case, data),
        OutcomeDecision(
            officer_id,
            decision.outcome,
            actor,
            decision.reasons,
            decision.fww_months,
            assessment=result,  # with its trace: the documents read it from here
            assessment_rules_version=rules_version(),
        ),
    )
    try:
        version = int(str(data.get("version") or case.version))
    except ValueError:
        raise InvalidInput(
            "version", "the case version the page showed", data.get("version")
        ) from None
    store.service(request.user.get_username()).execute(case.ref, command, expected_version=version)
