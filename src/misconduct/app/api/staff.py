"""Staff endpoints (API token required): cases, allegations, lifecycle steps, assessments and
decisions, with the same role and force checks as the web pages (``misconduct.app.web.store``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpResponse
from ninja import Body, Field, Query, Router, Schema

from misconduct.app import access
from misconduct.app.api.errors import ERROR_RESPONSES, NotFound
from misconduct.app.api.idempotency import once
from misconduct.app.roles import Action
from misconduct.app.stepinput import command_from, version_of
from misconduct.app.web import documents, store
from misconduct.app.web.assessment import Choices, check_decision, run
from misconduct.app.web.steps import FieldSpec, step_named, steps_for
from misconduct.documents.api import FORMATS, KINDS
from misconduct.domain import commands as cmd
from misconduct.domain.case import Case
from misconduct.domain.codec import to_plain
from misconduct.domain.persons import named, officer_named
from misconduct.domain.records import OutcomeDecision
from misconduct.errors import InvalidInput
from misconduct.rules.catalogue import rules_version
from misconduct.services.assessment import kept_apart
from misconduct.services.cases import case_view

router = Router(tags=["cases"])

PAGE_SIZE = 50


class CaseQuery(Schema):
    q: str = Field("", description="reference, officer name, warrant number or summary text")
    force: str = ""
    stage: str = ""
    standard: str = ""
    officer: str = ""
    page: int = Field(1, ge=1, le=100000)
    after: str = Field(
        "",
        max_length=400,
        description="the next of a previous answer: the page after it, found by position (as "
        "fast at any depth; page is then ignored)",
    )


class CaseRowOut(Schema):
    ref: str
    force: str
    stage: str
    came_to_attention: date
    officers: list[str]
    closed_on: date | None


class CasePageOut(Schema):
    count: int = Field(description="how many cases match, counted up to 10,000 (see count_capped)")
    count_capped: bool = Field(description="true when more than 10,000 cases match")
    page: int | None = Field(description="the page number, or null for a page read with after")
    pages: int
    next: str | None = Field(description="pass as after for the next page; null on the last")
    results: list[CaseRowOut]


class CaseStepOut(Schema):
    step: str
    label: str
    action: str
    open: bool
    refused: dict[str, Any] | None
    refused_choices: dict[str, dict[str, Any]]
    fields: list[dict[str, Any]]


class AssessmentIn(Schema):
    officer_id: str | None = None
    factors: list[str] = Field(default_factory=list)
    personal_mitigation: list[str] = Field(default_factory=list)
    culpability: str = ""
    culpability_reason: str = ""
    harm: str = ""
    harm_reason: str = ""
    exceptional_circumstances: str = ""


class DecisionIn(AssessmentIn):
    outcome: str
    warning_months: int | None = Field(None, ge=1, le=120)
    reasons: str = ""
    on: date | None = None
    version: int | None = None


def _user(request: Any) -> Any:
    return request.auth


@router.get("/", response={200: CasePageOut, **ERROR_RESPONSES}, summary="Cases you may see")
def cases(request: Any, q: Query[CaseQuery]) -> dict[str, Any]:
    search = store.Search(q.q, q.force, q.stage, q.standard, q.officer)
    user = _user(request)
    count = store.counted(
        ("api-cases", store.scope_key(user), search),
        lambda: store.capped_count(store.search(user, search)),
    )
    # The page's rows in fixed SQL (store.case_page); the paginator only numbers the pages.
    paginator = store.CountedPaginator([], PAGE_SIZE, min(count, store.COUNT_CAP))
    number: int | None = None
    if q.after:
        found = store.case_page(user, search, PAGE_SIZE, after=q.after)
        shown, following = found.rows, found.next
    else:
        number = paginator.get_page(q.page).number  # out of range: the last page, as before
        shown = store.case_page(user, search, PAGE_SIZE, offset=(number - 1) * PAGE_SIZE).rows
        more = count > number * PAGE_SIZE
        following = store.cursor_of(shown[-1], store.CASE_ORDER) if shown and more else None
    return {
        "count": min(count, store.COUNT_CAP),
        "count_capped": count > store.COUNT_CAP,
        "page": number,
        "pages": paginator.num_pages,
        "next": following,
        "results": [
            {
                "ref": r.ref,
                "force": r.force,
                "stage": r.stage,
                "came_to_attention": r.came_to_attention,
                "officers": [o[0] for o in r.officers],
                "closed_on": r.closed_on,
            }
            for r in shown
        ],
    }


@router.get(
    "/{ref}", response={200: dict[str, Any], **ERROR_RESPONSES}, summary="One case, as it stands"
)
def case(request: Any, ref: str) -> dict[str, Any]:
    found = store.visible_case(_user(request), ref)
    access.record(_user(request), found, "case (API)")
    records = store.events(ref)
    return case_view(found, records, store.today())


@router.get(
    "/{ref}/allegations",
    response={200: list[dict[str, Any]], **ERROR_RESPONSES},
    summary="A case's allegations with their findings",
)
def allegations(request: Any, ref: str) -> list[dict[str, Any]]:
    found = store.visible_case(_user(request), ref)
    access.record(_user(request), found, "allegations (API)")
    out = []
    for a in found.allegations.values():
        f = found.findings.get(a.allegation_id)
        out.append({**to_plain(a), "finding": to_plain(f) if f else None})
    return out


def _field_doc(spec: FieldSpec, case: Case) -> dict[str, Any]:
    return {
        "name": spec.name,
        "label": spec.label,
        "kind": spec.kind,
        "required": spec.required,
        "choices": [v for v, _ in spec.choices(case)] if spec.choices else None,
    }


@router.get(
    "/{ref}/steps",
    response={200: list[CaseStepOut], **ERROR_RESPONSES},
    summary="The lifecycle steps open to you on this case, and why others are not",
)
def steps(request: Any, ref: str) -> list[dict[str, Any]]:
    user = _user(request)
    found = store.visible_case(user, ref)
    out = []
    for a in steps_for(found, store.context(found), store.today()):
        if not store.may(user, a.step.action, found):
            continue
        out.append(
            {
                "step": a.step.id,
                "label": a.step.label,
                "action": a.step.action.value,
                "open": a.open,
                "refused": None
                if a.refusal is None
                else {"message": a.refusal.message, "citation": a.refusal.citation},
                "refused_choices": {
                    name: {v: {"message": r.message, "citation": r.citation} for v, r in by.items()}
                    for name, by in a.choices.items()
                },
                "fields": [_field_doc(f, found) for f in a.step.all_fields(found)],
            }
        )
    return out


@router.post(
    "/{ref}/steps/{step_id}",
    response={200: dict[str, Any], **ERROR_RESPONSES},
    summary="Take a lifecycle step: the fields listed by GET /steps, plus the case version you saw "
    "(send an Idempotency-Key header to make a retry safe)",
)
def take_step(request: Any, ref: str, step_id: str, data: Body[dict[str, Any]]) -> dict[str, Any]:
    user = _user(request)
    the_step = step_named(step_id)
    found = store.visible_case(user, ref, the_step.action)
    command = command_from(the_step, found, data)
    version = version_of(data)

    def write() -> dict[str, Any]:
        updated = store.service(user.get_username()).execute(ref, command, expected_version=version)
        return case_view(updated, store.events(ref), store.today())

    return once(request, write)


def _choices(body: AssessmentIn) -> Choices:
    return Choices(
        tuple(body.factors),
        tuple(body.personal_mitigation),
        body.culpability,
        body.culpability_reason,
        body.harm,
        body.harm_reason,
        body.exceptional_circumstances,
    )


def _officer(found: Case, wanted: str | None) -> str:
    if wanted is None:
        return next(iter(found.officers))
    officer_id = officer_named(found.officers, wanted)
    if officer_id is None:
        raise InvalidInput(
            "officer_id", "the warrant number or id of an officer: " + named(found.officers), wanted
        )
    return officer_id


@router.post(
    "/{ref}/assessment",
    response={200: dict[str, Any], **ERROR_RESPONSES},
    summary="Assess the case with the factors found (nothing is stored)",
)
def assessment(request: Any, ref: str, body: AssessmentIn) -> dict[str, Any]:
    found = store.visible_case(_user(request), ref)
    officer_id = _officer(found, body.officer_id)
    a = run(found, officer_id, _choices(body), store.context(found), store.today())
    return a.as_dict()


@router.post(
    "/{ref}/decision",
    response={200: dict[str, Any], **ERROR_RESPONSES},
    summary="The chair records the outcome; a departure from the indication needs reasons",
)
def decision(request: Any, ref: str, body: DecisionIn) -> dict[str, Any]:
    user = _user(request)
    found = store.visible_case(user, ref, Action.DECIDE)
    officer_id = _officer(found, body.officer_id)
    a = run(found, officer_id, _choices(body), store.context(found), store.today())
    checked = check_decision(a, body.outcome, body.warning_months, body.reasons)
    result = a.as_dict()
    p = found.proceedings
    on = body.on or (p.concluded_on if p and p.concluded_on else store.today())
    command = cmd.DecideOutcome(
        on,
        OutcomeDecision(
            officer_id,
            checked.outcome,
            user.get_full_name() or user.get_username(),
            checked.reasons,
            checked.fww_months,
            assessment_rules_version=rules_version(),
            # With its trace (the documents read it from here); the chair's words kept apart.
            **kept_apart(a, result),
        ),
    )

    def write() -> dict[str, Any]:
        updated = store.service(user.get_username()).execute(
            ref, command, expected_version=body.version
        )
        view = case_view(updated, store.events(ref), on)
        return {"decision": checked.as_dict()["decision"], "case": view}

    return once(request, write)


class DocumentQuery(Schema):
    format: str = Field("pdf", description="pdf, docx or html")


@router.get(
    "/{ref}/documents/{kind}",
    response={200: None, **ERROR_RESPONSES},
    summary="A document of the case as a file (regulation 17 or 30 notice, hearing notice, "
    "written decision, published outcome, barred-list report)",
    # Keyed 200 (the number), as ninja keys ``response``: a "200" string beside it would give the
    # OpenAPI document the key twice, which strict parsers (and Swagger UI) refuse.
    openapi_extra={
        "responses": {
            200: {
                "description": "the file",
                "content": {
                    "application/pdf": {},
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {},
                    "text/html": {},
                },
            }
        }
    },
)
def document(request: Any, ref: str, kind: str, q: Query[DocumentQuery]) -> HttpResponse:
    found = store.visible_case(_user(request), ref)
    if kind not in KINDS:
        raise InvalidInput("kind", "one of " + ", ".join(KINDS), kind)
    if q.format not in FORMATS:
        raise InvalidInput("format", "one of " + ", ".join(FORMATS), q.format)
    if not documents.reached(found, kind):
        raise NotFound(f"case {ref} has not reached this document", field="kind", received=kind)
    response = documents.file_response(found, kind, q.format, store.today())
    access.record(_user(request), found, f"document {kind}.{q.format} (API)")
    return response
