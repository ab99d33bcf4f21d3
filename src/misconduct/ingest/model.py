"""What ingest produces: one record per officer, each field with its evidence span and a confidence.

>>> f = Field("essex", Span(10, 21, "Essex Police"), 0.9)
>>> f.as_dict()["evidence"]["text"]
'Essex Police'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The fields of a record, in the order they are shown and reviewed.
FIELDS = (
    "force",
    "rank",
    "status",
    "forum",
    "finding",
    "standards",
    "outcome",
    "warning_months",
    "hearing_date",
    "decision_maker",
    "anonymised",
)

# Forums as published: the three of the 2020 Regulations and the 2012 special case hearing.
FORUMS = (
    "misconduct_meeting",
    "misconduct_hearing",
    "accelerated_misconduct_hearing",
    "special_case_hearing",
)
FINDINGS = ("no_misconduct", "misconduct", "gross_misconduct")
STATUSES = ("serving", "former")

# Fields below this confidence wait for a person before they enter the register.
DEFAULT_THRESHOLD = 0.8


@dataclass(frozen=True)
class Span:
    """Where in the extracted text a value was read: [start, end) and the text itself."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Field:
    """One extracted value (None when the text does not state it), its evidence and confidence."""

    value: Any
    evidence: Span | None
    confidence: float
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "value": self.value,
            "evidence": self.evidence.as_dict() if self.evidence else None,
            "confidence": round(self.confidence, 2),
        }
        if self.note:
            out["note"] = self.note
        return out


def absent(note: str = "not stated in the text") -> Field:
    return Field(None, None, 1.0 if note == "not stated in the text" else 0.5, note)


@dataclass(frozen=True)
class OfficerRecord:
    """One officer's published outcome, as read from one text."""

    fields: dict[str, Field]
    name: str | None = None  # as printed, only when the text names the officer
    label: str = "the officer"  # how the text refers to the officer (e.g. "PC A")

    def value(self, name: str) -> Any:
        return self.fields[name].value

    def uncertain(self, threshold: float = DEFAULT_THRESHOLD) -> list[str]:
        """Fields a person must confirm: a stated value or a doubtful absence below the threshold."""
        return [n for n in FIELDS if self.fields[n].confidence < threshold]

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": None if self.value("anonymised") else self.name,
            "label": self.label,
            **{n: self.fields[n].as_dict() for n in FIELDS},
        }


@dataclass(frozen=True)
class Extraction:
    """The result of reading one text: the officers' records, or the reason it was refused."""

    source: str
    text: str
    records: list[OfficerRecord] = field(default_factory=list)
    refused: str | None = None
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source}
        if self.refused:
            out["refused"] = self.refused
        else:
            out["records"] = [r.as_dict() for r in self.records]
        if self.warnings:
            out["warnings"] = self.warnings
        return out
