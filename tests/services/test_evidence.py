"""Evidence: the type read from the content, the size limit, the hash in the chain, and a changed or
missing file caught by the audit."""

from __future__ import annotations

import io
import zipfile

import pytest

from misconduct.errors import InvalidInput
from misconduct.services.audit import verify_all
from misconduct.services.evidence import Upload, attach, read_evidence, sniff
from misconduct.services.intake import open_case
from tests.services.fakes import FakeRepository, FakeUnitOfWork, fake_service
from tests.services.test_intake import overtime

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n"


class DictStore:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def save(self, digest: str, content: bytes) -> None:
        self.files.setdefault(digest, content)

    def read(self, digest: str) -> bytes:
        if digest not in self.files:
            raise FileNotFoundError(digest)
        return self.files[digest]


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (PDF, "application/pdf"),
        (docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 8, "image/png"),
        (b"\xff\xd8\xff\xe0" + b"\0" * 8, "image/jpeg"),
        (b"ID3\x04" + b"\0" * 8, "audio/mpeg"),
        (b"RIFF\0\0\0\0WAVEfmt ", "audio/wav"),
        (b"\0\0\0\x18ftypisom" + b"\0" * 4, "video/mp4"),
        (b"\x1a\x45\xdf\xa3" + b"\0" * 8, "video/webm"),
        (b"MZ\x90\x00 an executable", None),
        (b"PK\x03\x04 a zip that is not a Word file", None),
        (b"plain text", None),
    ],
)
def test_the_type_comes_from_the_content(content: bytes, kind: str | None) -> None:
    assert sniff(content) == kind


def test_a_statement_is_attached_with_its_hash_in_the_chain_and_the_audit_checks_it() -> None:
    repo, files = FakeRepository(), DictStore()
    svc = fake_service(repo)
    ref = open_case(svc, overtime()).ref
    case = attach(
        svc,
        files,
        ref,
        Upload("C:\\statements\\anand.pdf", PDF, "Statement of the complainant", "add-party"),
        limit=1024,
    )
    held = case.evidence[0].evidence
    assert (held.filename, held.title, held.media_type) == (
        "anand.pdf",
        "Statement of the complainant",
        "application/pdf",
    )
    assert repo.stored[ref][-1].payload["evidence"]["sha256"] == held.sha256
    assert read_evidence(case, held.sha256, files) == (held, PDF)
    uow = lambda: FakeUnitOfWork(repo)  # noqa: E731
    assert verify_all(uow, files.read).ok
    files.files[held.sha256] = PDF + b"tampered"
    report = verify_all(uow, files.read)
    assert not report.ok and "has changed" in report.broken[0].problem
    files.files.clear()
    assert "is missing" in verify_all(uow, files.read).broken[0].problem


@pytest.mark.parametrize(
    ("upload", "expected"),
    [
        (Upload("a.exe", b"MZ\x90\x00"), "PDF, Word"),
        (Upload("big.pdf", PDF + b"\0" * 2048), "at most"),
        (Upload("empty.pdf", b""), "not empty"),
    ],
)
def test_a_file_that_is_not_allowed_is_refused_and_nothing_is_stored(
    upload: Upload, expected: str
) -> None:
    repo, files = FakeRepository(), DictStore()
    svc = fake_service(repo)
    ref = open_case(svc, overtime()).ref
    before = len(repo.stored[ref])
    with pytest.raises(InvalidInput, match=expected) as refused:
        attach(svc, files, ref, upload, limit=1024)
    assert refused.value.field == "file"
    assert files.files == {} and len(repo.stored[ref]) == before


def test_a_file_for_an_unknown_case_is_not_stored() -> None:
    files = DictStore()
    with pytest.raises(InvalidInput):
        attach(fake_service(), files, "MPS-2026-9999", Upload("s.pdf", PDF), limit=1024)
    assert files.files == {}
