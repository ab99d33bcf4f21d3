"""Evidence through the web page, the API and the CLI: stored by SHA-256 in the evidence storage,
downloaded only by those who may see the case, and ``audit verify`` failing when a file changes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from misconduct.app.web import store
from misconduct.cli.main import cli
from misconduct.services.intake import open_case
from tests.app.casefile.test_open_case import bearer, overtime
from tests.services.test_evidence import PDF

REF = "MPS-2026-0001"


@pytest.fixture(autouse=True)
def evidence_dir(settings: Any, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "evidence"
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(folder)},
        },
    }
    yield folder


@pytest.fixture
def overtime_case(users: dict[str, Any]) -> str:
    return open_case(store.service("officer"), overtime()).ref


def test_a_statement_uploaded_on_the_page_is_stored_by_its_hash_and_downloads(
    overtime_case: str, login: Callable[[str], Client], evidence_dir: Path
) -> None:
    client = login("officer")
    upload = SimpleUploadedFile("statement.pdf", PDF, content_type="application/octet-stream")
    reply = client.post(
        f"/staff/cases/{REF}/evidence/",
        {"file": upload, "title": "Statement of Priya Anand", "step": "add-party"},
    )
    assert reply.status_code == 302
    case = store.state(REF)
    held = case.evidence[0].evidence
    assert held.media_type == "application/pdf" and held.step == "add-party"
    assert (evidence_dir / held.sha256[:2] / held.sha256[2:4] / held.sha256).read_bytes() == PDF
    page = client.get(f"/staff/cases/{REF}/file/").content.decode()
    assert "Statement of Priya Anand" in page
    download = client.get(f"/staff/cases/{REF}/evidence/{held.sha256}/")
    assert download.status_code == 200 and download.content == PDF
    assert download["Content-Type"] == "application/pdf"
    assert login("viewer").get(f"/staff/cases/{REF}/evidence/{held.sha256}/").status_code == 200
    assert (
        login("kent_officer").get(f"/staff/cases/{REF}/evidence/{held.sha256}/").status_code == 404
    )
    assert login("viewer").post(f"/staff/cases/{REF}/evidence/", {}).status_code == 403


def test_a_file_of_the_wrong_kind_is_refused_on_the_page(
    overtime_case: str, login: Callable[[str], Client]
) -> None:
    client = login("officer")
    upload = SimpleUploadedFile("statement.pdf", b"MZ\x90\x00 not a pdf")
    reply = client.post(f"/staff/cases/{REF}/evidence/", {"file": upload}, follow=True)
    assert "The file was not attached" in reply.content.decode()
    assert store.state(REF).evidence == []


def test_the_api_uploads_and_downloads_with_the_same_checks(
    overtime_case: str, users: dict[str, Any]
) -> None:
    api = bearer(users["officer"])
    reply = api.post(
        f"/api/cases/{REF}/evidence",
        {"file": SimpleUploadedFile("s.pdf", PDF), "title": "Statement"},
    )
    assert reply.status_code == 201, reply.content
    digest = reply.json()["evidence"][0]["evidence"]["sha256"]
    assert api.get(f"/api/cases/{REF}/evidence/{digest}").content == PDF
    assert (
        bearer(users["kent_officer"]).get(f"/api/cases/{REF}/evidence/{digest}").status_code == 404
    )
    refused = api.post(f"/api/cases/{REF}/evidence", {"file": SimpleUploadedFile("x", b"text")})
    assert refused.status_code == 422 and refused.json()["field"] == "file"


def test_case_attach_and_audit_verify_catch_a_changed_file(
    overtime_case: str, tmp_path: Path, evidence_dir: Path
) -> None:
    statement = tmp_path / "statement.pdf"
    statement.write_bytes(PDF)
    runner = CliRunner()
    done = runner.invoke(
        cli, ["case", "attach", REF, str(statement), "--title", "Statement", "--step", "add-party"]
    )
    assert done.exit_code == 0, done.output
    assert "attached 'Statement' (application/pdf" in done.output
    assert runner.invoke(cli, ["audit", "verify"]).exit_code == 0
    stored = next(p for p in evidence_dir.rglob("*") if p.is_file())
    stored.write_bytes(PDF + b"changed")
    failed = runner.invoke(cli, ["audit", "verify"])
    assert failed.exit_code == 7 and "has changed since recorded" in failed.output
    bad = runner.invoke(cli, ["case", "attach", REF, str(statement), "--step", "dance"])
    assert bad.exit_code == 2 and "--step" in bad.output
