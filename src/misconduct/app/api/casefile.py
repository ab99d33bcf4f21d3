"""Staff endpoints for intake and the working case file: open a case, upload and download evidence,
read the case log and what is due to the user. Same role and force checks as the web pages."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from ninja import Body, Field, File, Form, Schema, Status
from ninja.files import UploadedFile

from misconduct.app import casework
from misconduct.app.api.errors import ERROR_RESPONSES
from misconduct.app.api.staff import router
from misconduct.app.roles import Action
from misconduct.app.stepinput import command_from
from misconduct.app.web import store
from misconduct.app.web.steps import step_named
from misconduct.services.cases import case_view
from misconduct.services.corrections import correct


@router.post(
    "/",
    response={201: dict[str, Any], **ERROR_RESPONSES},
    summary="Open a case (the intake format of docs/intake.md); the reply is the new case, with its ref",
)
def open_case(request: Any, data: Body[dict[str, Any]]) -> Status[dict[str, Any]]:
    case = casework.open_case(request.auth, data)
    return Status(201, case_view(case, store.events(case.ref), store.today()))


@router.post(
    "/{ref}/evidence",
    response={201: dict[str, Any], **ERROR_RESPONSES},
    summary="Attach a file (PDF, DOCX, image, audio or video) to the case or one of its steps",
)
def upload(
    request: Any,
    ref: str,
    file: File[UploadedFile],
    title: Form[str] = "",
    step: Form[str] = "",
    version: Form[int | None] = None,
) -> Status[dict[str, Any]]:
    user = request.auth
    store.visible_case(user, ref, Action.RECORD_STEP)
    updated = casework.attach(user, ref, file.name or "", file.read(), title, step, version)
    return Status(201, case_view(updated, store.events(ref), store.today()))


@router.get(
    "/{ref}/evidence/{sha256}",
    response={200: None, **ERROR_RESPONSES},
    summary="Download a file held with the case (checked against its recorded SHA-256)",
)
def download(request: Any, ref: str, sha256: str) -> HttpResponse:
    case = store.visible_case(request.auth, ref)
    return casework.file_response(case, sha256)


@router.get(
    "/{ref}/log",
    response={200: list[dict[str, Any]], **ERROR_RESPONSES},
    summary="The case log: notes with their author and time, oldest first",
)
def log(request: Any, ref: str) -> list[dict[str, Any]]:
    case = store.visible_case(request.auth, ref)
    return casework.notes(case, store.events(ref))


class CorrectionIn(Schema):
    sequence: int
    step: str
    reasons: str
    data: dict[str, Any] = Field(default_factory=dict)
    version: int | None = None


@router.post(
    "/{ref}/corrections",
    response={201: dict[str, Any], **ERROR_RESPONSES},
    summary="Correct a mistaken step: the event it supersedes, the step as it should have been "
    "(fields as for /steps), and the reasons; the original stays in the record",
)
def correction(request: Any, ref: str, body: CorrectionIn) -> Status[dict[str, Any]]:
    the_step = step_named(body.step)
    case = store.visible_case(request.auth, ref, the_step.action)
    command = command_from(the_step, case, body.data)
    fixed = correct(
        store.service(request.auth.get_username()),
        ref,
        body.sequence,
        body.reasons,
        command,
        expected_version=body.version,
    )
    return Status(201, case_view(fixed, store.events(ref), store.today()))
