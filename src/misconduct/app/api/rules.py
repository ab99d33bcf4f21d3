"""The rules as a public service: lawful outcomes, deadlines, standards, the factor catalogue and a
stateless assessment (a facts document in, the engine's JSON out). No login; nothing stored."""

from __future__ import annotations

from datetime import date
from typing import Any

from ninja import Body, Field, Query, Router, Schema

from misconduct.app.api.errors import ERROR_RESPONSES
from misconduct.assessment.engine import assess
from misconduct.assessment.factors import Stage, default_factors
from misconduct.assessment.facts import parse_facts
from misconduct.rules.catalogue import rules_version
from misconduct.rules.deadlines import deadline, steps
from misconduct.rules.outcomes import OutcomeQuestion, lawful_outcomes
from misconduct.rules.standards import standards_on
from misconduct.rules.vocabulary import Finding, Forum, Rank

router = Router(tags=["rules"])


class OutcomeQuestionIn(Schema):
    forum: Forum
    finding: Finding
    came_to_attention: date = Field(description="the date the allegation came to attention")
    severity_assessment_on: date
    decided_on: date = Field(description="the date of the decision (hearing or meeting)")
    rank: Rank = Rank.CONSTABLE
    former_officer: bool = False
    fww_in_force: bool = Field(
        False, description="a final written warning in force on the severity-assessment date"
    )
    ww_in_force: bool = False
    previously_reduced_in_rank: bool = False
    unconnected_incidents: bool = False
    convicted_indictable_only: bool = False
    linked_to_pre_commencement_allegation: bool = False
    dg_reinvestigation_on: date | None = None


class OutcomesOut(Schema):
    regime: str
    regime_label: str
    available_outcomes: list[str]
    warning_periods: dict[str, dict[str, Any]]
    default_outcome: str | None
    requirements: list[dict[str, Any]]
    notes: list[str]
    trace: list[dict[str, Any]]
    rules_version: str


class DeadlineStepOut(Schema):
    step: str
    title: str
    from_event: str
    citation: str
    status: str


class DeadlineIn(Schema):
    from_: date = Field(alias="from", description="the date of the event the limit runs from")


class DeadlineOut(Schema):
    step: str
    title: str
    from_: str = Field(alias="from")
    from_event: str
    kind: str
    due: str | None = None
    earliest: str | None = None
    latest: str | None = None
    citation: str
    status: str
    summary: str
    trace: list[dict[str, Any]]


class StandardOut(Schema):
    id: str
    heading: str
    text: str
    citation: str


class StandardsIn(Schema):
    on: date = Field(description="the date the standards are wanted for")


class FactorOut(Schema):
    id: str
    stage: str
    description: str
    level: str | None
    weight: float
    category: str | None
    reference: dict[str, str]


class StageOut(Schema):
    stage: str
    label: str
    factors: list[FactorOut]


class CategoryOut(Schema):
    id: str
    title: str
    floor: str | None
    floor_wording: str
    reference: dict[str, str]


class FactorCatalogueOut(Schema):
    stages: list[StageOut]
    categories: list[CategoryOut]


@router.get(
    "/outcomes",
    response={200: OutcomesOut, **ERROR_RESPONSES},
    summary="Outcomes lawfully open on the facts and dates",
    auth=None,
)
def outcomes(request: Any, q: Query[OutcomeQuestionIn]) -> dict[str, Any]:
    answer = lawful_outcomes(OutcomeQuestion(**q.dict()))
    return {**answer.as_dict(), "rules_version": rules_version()}


@router.get(
    "/deadlines",
    response={200: list[DeadlineStepOut], **ERROR_RESPONSES},
    summary="Every statutory time limit the rules know",
    auth=None,
)
def deadline_steps(request: Any) -> list[dict[str, Any]]:
    out = []
    for p in steps():
        v = p.versions[-1]
        out.append(
            {
                "step": p.id,
                "title": p.title,
                "from_event": str(v.parameters.get("from_event", "")),
                "citation": str(v.citation),
                "status": v.citation.status.value,
            }
        )
    return out


@router.get(
    "/deadlines/{step}",
    response={200: DeadlineOut, **ERROR_RESPONSES},
    summary="The date a time limit falls on, from the event it runs from",
    auth=None,
    by_alias=True,
)
def deadline_for(request: Any, step: str, q: Query[DeadlineIn]) -> dict[str, Any]:
    return deadline(step, q.from_).as_dict()


@router.get(
    "/standards",
    response={200: list[StandardOut], **ERROR_RESPONSES},
    summary="The Standards of Professional Behaviour in force on a date",
    auth=None,
)
def standards(request: Any, q: Query[StandardsIn]) -> list[dict[str, Any]]:
    return [
        {"id": s.id, "heading": s.heading, "text": s.text, "citation": s.citation}
        for s in standards_on(q.on)
    ]


@router.get(
    "/factors",
    response={200: FactorCatalogueOut, **ERROR_RESPONSES},
    summary="The factor catalogue, by stage of the outcomes guidance",
    auth=None,
)
def factors(request: Any) -> dict[str, Any]:
    cat = default_factors()
    return {
        "stages": [
            {
                "stage": stage.value,
                "label": stage.label,
                "factors": [f.as_dict() for f in cat.by_stage(stage)],
            }
            for stage in Stage
        ],
        "categories": [
            {
                "id": c.id,
                "title": c.title,
                "floor": c.floor.value if c.floor else None,
                "floor_wording": c.floor_wording,
                "reference": c.citation.as_dict(),
            }
            for c in cat.categories.values()
        ],
    }


@router.post(
    "/assess",
    response={200: dict[str, Any], **ERROR_RESPONSES},
    summary="Assess a facts document (docs/facts-format.md as JSON) and return the engine's result",
    auth=None,
)
def assess_facts(request: Any, facts: Body[dict[str, Any]]) -> dict[str, Any]:
    return assess(parse_facts(facts)).as_dict()
