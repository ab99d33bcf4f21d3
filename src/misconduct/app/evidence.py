"""Evidence files in Django's ``evidence`` storage (settings.STORAGES): the services' file store."""

from __future__ import annotations

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages


def _name(digest: str) -> str:
    # Two levels of folders keep any one folder small.
    return f"{digest[:2]}/{digest[2:4]}/{digest}"


class DjangoFileStore:
    def save(self, digest: str, content: bytes) -> None:
        storage = storages["evidence"]
        if not storage.exists(_name(digest)):
            storage.save(_name(digest), ContentFile(content))

    def read(self, digest: str) -> bytes:
        storage = storages["evidence"]
        if not storage.exists(_name(digest)):
            raise FileNotFoundError(digest)
        with storage.open(_name(digest), "rb") as f:
            data: bytes = f.read()
        return data


def delete_evidence(digest: str) -> None:
    """Delete a file from the evidence storage (erasure under the retention schedule)."""
    storage = storages["evidence"]
    if storage.exists(_name(digest)):
        storage.delete(_name(digest))


def limit() -> int:
    return int(settings.EVIDENCE_MAX_BYTES)
