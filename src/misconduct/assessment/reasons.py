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


@dataclass(frozen=True, slots=True)
class GuidanceTraceEntry:
    """A guidance parameter the engine used, kept as data; ``as_dict`` gives it the shape of the
    rules' trace entries (built when read, so an assessment nobody serialises builds no dict)."""

    block: str
    title: str
    conclusion: str
    citation: Citation
    inputs: tuple[tuple[str, Any], ...]
    """(name, value) pairs in order; a tuple value is read out as a list."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "provision": f"guidance.{self.block}",
            "title": self.title,
            "applied": True,
            "conclusion": self.conclusion,
            "citation": self.citation.as_dict(),
            "inputs": {k: list(v) if isinstance(v, tuple) else v for k, v in self.inputs},
        }


def guidance_trace_entry(
    block: str, title: str, conclusion: str, citation: Citation, **inputs: Any
) -> dict[str, Any]:
    """A trace entry for a guidance parameter, shaped like the rules' trace entries."""
    return GuidanceTraceEntry(block, title, conclusion, citation, tuple(inputs.items())).as_dict()
