"""Reasons and stage results: what the engine concluded at each stage, and on what authority.

>>> from misconduct.rules.datafile import Status
>>> r = Reason("culpability is high", Citation("Guidance", "section on culpability", Status.UNVERIFIED))
>>> r.as_dict()["citation"]["status"]
'unverified'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from misconduct.rules.datafile import Citation


@dataclass(frozen=True, slots=True)
class Reason:
    text: str
    citation: Citation

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "citation": self.citation.as_dict()}

    @property
    def cited(self) -> str:
        status = self.citation.status.value
        return f"{self.text} [{self.citation}; {status}]"


@dataclass(frozen=True, slots=True)
class StageResult:
    """One of the guidance's three stages: its conclusions and the reasons for them."""

    id: str
    title: str
    conclusions: dict[str, Any]
    reasons: tuple[Reason, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "conclusions": self.conclusions,
            "reasons": [r.as_dict() for r in self.reasons],
        }


def guidance_trace_entry(
    block: str, title: str, conclusion: str, citation: Citation, **inputs: Any
) -> dict[str, Any]:
    """A trace entry for a guidance parameter, shaped like the rules' trace entries."""
    return {
        "provision": f"guidance.{block}",
        "title": title,
        "applied": True,
        "conclusion": conclusion,
        "citation": citation.as_dict(),
        "inputs": inputs,
    }
