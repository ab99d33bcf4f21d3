"""The token holder's work, as the web page "My work" lists it: the time limits they hold, overdue
and due, the team's overdue ones, and the steps they hold that the regulations set no time for
(awaited, never overdue). Read from the indexed read models, one page of each list whatever the
caseload (``casework.work_lists``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ninja import Field, Router, Schema

from misconduct.app import casework
from misconduct.app.api.errors import ERROR_RESPONSES
from misconduct.app.web import store

router = Router(tags=["work"])


class TaskOut(Schema):
    ref: str = Field(description="the case reference")
    step: str
    title: str = Field(description="what must be done, as the case page says it")
    citation: str = Field(description="the regulation that sets the time limit")
    last_day: date = Field(description="the last day for it (working days, bank holidays out)")
    overdue: bool
    holder: str = Field(description="the username who holds it, or empty when no one does")
    role: str | None = Field(description="the holder's role on the case")


class AwaitedOut(Schema):
    ref: str = Field(description="the case reference")
    step: str
    title: str
    detail: str = Field(description="what it is awaited for")
    citation: str
    since: date = Field(description="awaited since (the regulations set no last day)")
    holder: str
    role: str | None


class TaskListOut(Schema):
    count: int = Field(description=f"how many, counted up to {store.COUNT_CAP:,}")
    count_capped: bool
    first: list[TaskOut] = Field(description=f"the first {casework.TASKS_SHOWN}, soonest first")


class AwaitedListOut(Schema):
    count: int
    count_capped: bool
    first: list[AwaitedOut] = Field(
        description=f"the first {casework.TASKS_SHOWN}, longest awaited first"
    )


class WorkOut(Schema):
    on: date = Field(description="the day the lists were read for")
    overdue: TaskListOut = Field(description="time limits you hold that have passed")
    due: TaskListOut = Field(description="time limits you hold that are still open")
    team_overdue: TaskListOut = Field(
        description="time limits others hold, in the forces you may see, that have passed"
    )
    awaited: AwaitedListOut = Field(
        description="steps you hold that the regulations set no time for (reg 39(3A); reg 59(4))"
    )


def _counted(count: int) -> dict[str, Any]:
    """A list's count as the API gives every count: capped, and whether it was."""
    return {"count": min(count, store.COUNT_CAP), "count_capped": count > store.COUNT_CAP}


def _tasks(found: casework.TaskList) -> dict[str, Any]:
    return {
        **_counted(found.count),
        "first": [
            {
                "ref": t.due.ref,
                "step": t.due.item.step,
                "title": t.due.item.title,
                "citation": t.due.item.citation,
                "last_day": t.due.item.last_day,
                "overdue": t.overdue,
                "holder": t.assignee,
                "role": t.role.value if t.role else None,
            }
            for t in found.tasks
        ],
    }


@router.get(
    "/",
    response={200: WorkOut, **ERROR_RESPONSES},
    summary="Your work: the time limits you hold, the team's overdue ones, and what awaits you",
)
def work(request: Any) -> dict[str, Any]:
    user = request.auth
    today = store.today()
    lists = casework.work_lists(user, today, ("api", *store.scope_key(user)))
    awaited = lists.awaited
    return {
        "on": today,
        "overdue": _tasks(lists.overdue),
        "due": _tasks(lists.due),
        "team_overdue": _tasks(lists.team_overdue),
        "awaited": {
            **_counted(awaited.count),
            "first": [
                {
                    "ref": a.ref,
                    "step": a.step,
                    "title": a.title,
                    "detail": a.detail,
                    "citation": a.citation,
                    "since": a.since,
                    "holder": a.assignee,
                    "role": a.role.value if a.role else None,
                }
                for a in awaited.tasks
            ],
        },
    }
