"""Ingest published misconduct outcomes (text, HTML, PDF) into one record per officer.

Pure Python (no Django): ``extract(text)`` reads a text; ``sources.read_text(path)`` reads a file.
"""

from misconduct.ingest.extract import extract, refusal
from misconduct.ingest.model import (
    DEFAULT_THRESHOLD,
    FIELDS,
    Extraction,
    Field,
    OfficerRecord,
    Span,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "FIELDS",
    "Extraction",
    "Field",
    "OfficerRecord",
    "Span",
    "extract",
    "refusal",
]
