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
from misconduct.app.web.assessment import (
    Choices,
    assessable,
    check_decision,
    decision_field,
    run,
)
from misconduct.app.web.dates import EXPECTED, parse_british
from misconduct.assessment.engine import Assessment
from misconduct.assessment.factors import Level, Stage, default_factors
from misconduct.assessment.precedents import NOTE as PRECEDENTS_NOTE
from misconduct.assessment.precedents import similar
from misconduct.domain import commands as cmd
from misconduct.domain.case import Case
from misconduct.domain.records import OutcomeDecision
from misconduct.errors import Conflict, InvalidInput, MisconductError
from misconduct.rules.catalogue import rules_version
from misconduct.rules.vocabulary import Outcome
from misconduct.services.assessment import PRECEDENTS_SHOWN, kept_apart, recorded


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


def _recorded_choices(stored: dict[str, Any]) -> Choices:
    """What the chair found, from the decision's stored assessment; a decision stored before the
    chair's choices were kept gives back the factor ids the engine recorded."""
    if stored.get("found"):
        return Choices.from_recorded(stored["found"])
    personal: list[str] = []
    for s in stored.get("stages") or []:
        if isinstance(s, dict) and s.get("id") == "personal_mitigation":
            personal = [str(f) for f in (s.get("conclusions") or {}).get("factors") or []]
    return Choices(tuple(str(f) for f in stored.get("factors") or []), tuple(personal))


def _recorded(case: Case, officer_id: str) -> dict[str, Any] | None:
    """The decided assessment exactly as it was stored with the decision, for the read-only view."""
    decided = case.decisions.get(officer_id)
    if decided is None or decided.decision.assessment is None:
        return None
    stored = decided.decision.shown_assessment()
    assert stored is not None
    choices = _recorded_choices(stored)
    cat = default_factors()
    known = cat.factors

    def described(ids: tuple[str, ...]) -> list[tuple[str, str]]:
        return [
            (known[i].description if i in known else i.replace("_", " "), choices.notes.get(i, ""))
            for i in ids
        ]

    ser = stored.get("seriousness") or {}
    return {
        "result": stored,
        "choices": choices,
        "aggravating": described(tuple(ser.get("aggravating") or ())),
        "mitigating": described(tuple(ser.get("mitigating") or ())),
        "other_factors": described(
            tuple(
                f
                for f in choices.factors
                if f not in set(ser.get("aggravating") or ()) | set(ser.get("mitigating") or ())
            )
        ),
        "personal": described(choices.personal_mitigation),
        "trace": stored.get("trace") or decided.decision.assessment_trace or [],
        "rules_version": decided.decision.assessment_rules_version or "",
        "precedents": stored.get("precedents"),
    }


def _context(
    request: HttpRequest, case: Case, data: Any, error: MisconductError | None = None
) -> dict[str, Any]:
    officer_id = _officer(case, data)
    decided = case.decisions.get(officer_id)
    # A decided case is shown as recorded; running today's rules on it is a separate, labelled view.
    rerun = decided is not None and str(data.get("rerun") or "") == "1"
    recorded = _recorded(case, officer_id) if decided is not None else None
    if rerun and recorded and "factors" not in data and "personal_mitigation" not in data:
        choices = recorded["choices"]  # the comparison starts from what the chair found
    else:
        choices = Choices.from_data(data)
    assessment: Assessment | None = None
    problem = error
    live = assessable(case, officer_id) and (decided is None or rerun)
    if live:
        try:
            assessment = run(case, officer_id, choices, store.context(case), store.today())
        except MisconductError as exc:
            problem = problem or exc
    cat = default_factors()
    fww = assessment.fww if assessment else None
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
        "decided": decided,
        "recorded": recorded,
        "rerun": rerun,
        "live": live,
        "stages": [(s, cat.by_stage(s)) for s in Stage],
        "categories": cat.categories,
        "levels": list(Level),
        "choices": choices,
        "ticked": set(choices.factors) | set(choices.personal_mitigation),
        "a": assessment,
        "result": assessment.as_dict() if assessment else None,
        # The published library only: decided cases on the system are not read on each preview.
        "precedents": similar(assessment, limit=PRECEDENTS_SHOWN) if assessment else None,
        "precedents_note": PRECEDENTS_NOTE,
        "not_open": [o for o in Outcome if assessment and o not in assessment.available],
        # The decision inputs: exactly what the chair sent, never a value the engine suggests.
        "open_outcomes": [o for o in Outcome if assessment and o in assessment.available],
        "fww_range": (fww.min_months, fww.max_months) if fww else None,
        "chosen": str(data.get("outcome") or ""),
        "departs": bool(
            assessment
            and data.get("outcome")
            and str(data.get("outcome")) not in {o.value for o in assessment.indicated}
        ),
        "months": str(data.get("warning_months") or ""),
        "reasons": str(data.get("reasons") or ""),
        "on": on,
        "can_decide": store.may(request.user, Action.DECIDE, case),
        "error": problem,
        "error_field": decision_field(problem) if problem else "",
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
    if officer_id in case.decisions:
        raise Conflict(
            "the outcome for this officer has already been decided; it cannot be decided again here",
            field="outcome",
        )
    choices = Choices.from_data(data)
    a = run(case, officer_id, choices, store.context(case), store.today())
    outcome = str(data.get("outcome") or "")
    if not outcome:
        raise InvalidInput("outcome", "the outcome the chair has decided on", None)
    raw_months = str(data.get("warning_months") or "").strip()
    if outcome == Outcome.FINAL_WRITTEN_WARNING.value and not raw_months:
        raise InvalidInput("warning_months", "the number of months the warning runs for", None)
    try:
        months = int(raw_months) if raw_months else None
    except ValueError:
        raise InvalidInput("warning_months", "a whole number of months", raw_months) from None
    reasons = str(data.get("reasons") or "")
    decision = check_decision(a, outcome, months, reasons)
    result = recorded(a, choices.found())
    actor = request.user.get_full_name() or request.user.get_username()
    command = cmd.DecideOutcome(
        _decision_date(case, data),
        OutcomeDecision(
            officer_id,
            decision.outcome,
            actor,
            # The chair's words as typed (paragraphs kept); the engine's check only read them.
            reasons.replace("\r\n", "\n").strip(),
            decision.fww_months,
            assessment_rules_version=rules_version(),
            # With its trace (the documents read it from here); the chair's words kept apart.
            **kept_apart(a, result, choices.found()),
        ),
    )
    try:
        version = int(str(data.get("version") or case.version))
    except ValueError:
        raise InvalidInput(
            "version", "the case version the page showed", data.get("version")
        ) from None
    store.service(request.user.get_username()).execute(case.ref, command, expected_version=version)
