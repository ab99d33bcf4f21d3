"""The working case file for the web pages and the API alike: opening a case with the user's role
checked in the case's force, evidence in and out, the case log, and the cases and tasks a user holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.http import HttpResponse

from misconduct.app.evidence import DjangoFileStore, limit
from misconduct.app.roles import Action, require
from misconduct.app.web import store
from misconduct.app.web.steps import BY_ID
from misconduct.domain.case import Case
from misconduct.domain.ledger import RecordedEvent
from misconduct.domain.terms import AssignmentRole, Nature, PartyRole
from misconduct.errors import InvalidInput
from misconduct.services import evidence as ev
from misconduct.services import intake, retention
from misconduct.services.cases import Due, dues
from misconduct.services.ports import CaseSummary


def open_case(user: Any, data: Mapping[str, Any]) -> Case:
    """Open the case ``data`` describes, if the user may open cases in its force."""
    if not isinstance(data, Mapping):
        raise InvalidInput("case", "a table of the case's details", type(data).__name__)
    code = data.get("force")
    require(
        store.grants(user),
        Action.OPEN_CASE,
        None,
        username=user.get_username(),
        force=str(code) if code else None,
    )
    return intake.open_case(store.service(user.get_username()), data)


def attach(
    user: Any,
    ref: str,
    filename: str,
    content: bytes,
    title: str = "",
    step: str = "",
    version: int | None = None,
    on: date | None = None,
) -> Case:
    if step and step not in BY_ID:
        raise InvalidInput("step", "one of " + ", ".join(BY_ID), step)
    return ev.attach(
        store.service(user.get_username()),
        DjangoFileStore(),
        ref,
        ev.Upload(filename, content, title, step),
        on=on,
        limit=limit(),
        version=version,
    )


def file_response(case: Case, digest: str) -> HttpResponse:
    held, content = ev.read_evidence(case, digest, DjangoFileStore())
    response = HttpResponse(content, content_type=held.media_type)
    safe = held.filename.replace('"', "")
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    response["X-Content-SHA256"] = held.sha256
    return response


def notes(case: Case, records: list[RecordedEvent]) -> list[dict[str, Any]]:
    """The case log: each note with who wrote it and when it was recorded."""
    by_sequence = {r.sequence: r for r in records}
    return [
        {
            "sequence": n.sequence,
            "on": n.on,
            "text": n.text,
            "author": by_sequence[n.sequence].actor,
            "recorded_at": by_sequence[n.sequence].recorded_at,
        }
        for n in case.notes
        if n.sequence in by_sequence
    ]


# -- who holds what ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    """A time limit seen as work: whose it is, and whether it is due soon or overdue."""

    due: Due
    assignee: str
    role: AssignmentRole | None

    @property
    def overdue(self) -> bool:
        return self.due.overdue


# Which assignment role carries which party's time limits ("who acts" in the rules' terms).
PARTY_ROLE = {
    "chair": AssignmentRole.CHAIR,
    "person conducting the meeting": AssignmentRole.CHAIR,
    "officer": AssignmentRole.CASE_OFFICER,
    "appropriate authority": AssignmentRole.CASE_OFFICER,
}


def holder(case: Case, party: str) -> tuple[str, AssignmentRole | None]:
    """The person assigned to act on a time limit of ``party``: the role named for it, else the
    case officer, else the investigator."""
    role = PARTY_ROLE.get(party, AssignmentRole.CASE_OFFICER)
    fallbacks = (AssignmentRole.CHAIRS_CLERK,) if role is AssignmentRole.CHAIR else ()
    for candidate in (role, *fallbacks, AssignmentRole.CASE_OFFICER, AssignmentRole.INVESTIGATOR):
        if candidate in case.assignments:
            return case.assignments[candidate], candidate
    return "", None


def tasks(
    cases: Mapping[str, Case], on: date, policy: retention.Policy | None = None
) -> list[Task]:
    """Every open time limit of the cases (due or overdue), with the person who holds it, the
    take-down of each published outcome, and the erasure of each closed case's personal data from
    the notice period before its retention period ends (``policy``: default the settings')."""
    out = []
    for case in cases.values():
        for d in dues(CaseSummary.of(case), on):
            if d.item.nature is Nature.NOT_BEFORE:
                continue
            who, role = holder(case, d.item.party)
            out.append(Task(d, who, role))
        schedule = policy or _publication_policy()
        # issue 13: the PSD's notice of a take-down (open or closed case) and of an erasure
        for item in (
            retention.take_down_item(case, schedule),
            retention.erasure_item(case, schedule),
        ):
            if item is not None and item.trigger <= on:
                who, role = holder(case, item.party)
                out.append(Task(Due(case.ref, item, item.last_day < on), who, role))
    return sorted(out, key=lambda t: (t.due.item.last_day, t.due.ref))


def _publication_policy() -> retention.Policy:
    from django.conf import settings

    return retention.Policy(
        publication_days=settings.PUBLICATION_DAYS,
        warning_days=settings.PUBLICATION_WARNING_DAYS,
        closed_case_years=settings.RETENTION_CLOSED_CASE_YEARS,
    )


def assigned_to(case: Case, username: str) -> list[AssignmentRole]:
    return [role for role, who in case.assignments.items() if who == username]


def restricted_names(case: Case) -> set[str]:
    """Names of the parties flagged as restricted: no public surface may show them."""
    return {p.name for p in case.parties if p.restricted and p.role is not PartyRole.CHAIR}
