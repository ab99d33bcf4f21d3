"""Helpers the extraction tests share."""

from __future__ import annotations

from misconduct.ingest import extract
from misconduct.ingest.model import OfficerRecord


def one_record(text: str) -> OfficerRecord:
    """The one record ``extract`` reads from ``text`` (the test fails if the text is refused or
    gives more or fewer records than one)."""
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 1, [r.label for r in ex.records]
    return ex.records[0]
