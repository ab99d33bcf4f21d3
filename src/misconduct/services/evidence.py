"""Evidence files: their type read from their content, stored under their SHA-256, the hash recorded
in the case's event chain (``EvidenceAttached``), so the chain proves the file has not changed.

The store is a port (:class:`FileStore`): the Django implementation keeps files in a Django storage
(local folder by default, any django-storages backend such as S3 by setting); tests use a dict.

>>> sniff(b"%PDF-1.7 ...")
'application/pdf'
>>> sniff(b"MZ\\x90\\x00")
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from misconduct.domain import commands as cmd
from misconduct.domain.case import Case
from misconduct.domain.records import Evidence
from misconduct.errors import InvalidInput, MisconductError
from misconduct.services.cases import CaseService

ALLOWED = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (DOCX)",
    "image/png": "PNG image",
    "image/jpeg": "JPEG image",
    "image/gif": "GIF image",
    "image/tiff": "TIFF image",
    "audio/mpeg": "MP3 audio",
    "audio/wav": "WAV audio",
    "audio/mp4": "M4A audio",
    "video/mp4": "MP4 video",
    "video/quicktime": "QuickTime video",
    "video/webm": "WebM video",
}
KINDS = "PDF, Word (DOCX), images (PNG, JPEG, GIF, TIFF), audio (MP3, WAV, M4A) or video (MP4, MOV, WebM)"


def _docx(content: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, ValueError):
        return False
    return "[Content_Types].xml" in names and any(n.startswith("word/") for n in names)


def sniff(content: bytes) -> str | None:
    """The media type the content's own bytes show (never the file name's extension), if allowed."""
    head = content[:16]
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"PK\x03\x04"):
        return (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            if _docx(content)
            else None
        )
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "audio/mpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand == b"qt  ":
            return "video/quicktime"
        if brand in (b"M4A ", b"M4B "):
            return "audio/mp4"
        return "video/mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm"
    return None


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class FileStore(Protocol):
    def save(self, digest: str, content: bytes) -> None:
        """Keep ``content`` under ``digest`` (a file already there is the same file)."""

    def read(self, digest: str) -> bytes:
        """The content stored under ``digest``; ``FileNotFoundError`` if there is none."""


@dataclass(frozen=True)
class Upload:
    filename: str
    content: bytes
    title: str = ""
    step: str = ""


def check_upload(upload: Upload, limit: int) -> Evidence:
    """The evidence record for ``upload``, or ``InvalidInput`` naming what is wrong with it."""
    if not upload.content:
        raise InvalidInput("file", "a file that is not empty", "an empty file")
    if len(upload.content) > limit:
        raise InvalidInput(
            "file",
            f"a file of at most {limit // (1024 * 1024)} MB",
            f"{len(upload.content) / (1024 * 1024):.1f} MB",
        )
    media_type = sniff(upload.content)
    if media_type is None:
        raise InvalidInput(
            "file", KINDS, f"{upload.filename or 'a file'} whose content is none of these"
        )
    name = upload.filename.replace("\\", "/").rsplit("/", 1)[-1].strip() or "evidence"
    title = upload.title.strip() or name
    return Evidence(
        sha256(upload.content), name, title, media_type, len(upload.content), upload.step
    )


def attach(
    service: CaseService,
    store: FileStore,
    ref: str,
    upload: Upload,
    *,
    on: date | None = None,
    limit: int,
    version: int | None = None,
) -> Case:
    """Store the file, then record ``EvidenceAttached`` with its hash. The file is written first so a
    recorded hash always has its file; a file stored for an event that was then refused is harmless
    (content-addressed, referenced by nothing)."""
    evidence = check_upload(upload, limit)
    command = cmd.AttachEvidence(on or service.today(), evidence)
    # Check the case and the rules before writing anything.
    from misconduct.domain.dates import check_dates
    from misconduct.domain.lifecycle import decide

    check_dates(command, today=service.today())
    decide(service.case(ref), command)
    store.save(evidence.sha256, upload.content)
    return service.execute(ref, command, expected_version=version)


class EvidenceChanged(MisconductError):
    exit_code = 7


def read_evidence(case: Case, digest: str, store: FileStore) -> tuple[Evidence, bytes]:
    """One of the case's files, checked against its recorded hash before it is handed out."""
    held = next((h.evidence for h in case.evidence if h.evidence.sha256 == digest), None)
    if held is None:
        raise InvalidInput("file", "a file held with case " + case.ref, digest)
    content = store.read(digest)
    if sha256(content) != digest:
        raise EvidenceChanged(
            f"the stored file {held.title!r} no longer matches its recorded SHA-256",
            field="file",
        )
    return held, content
