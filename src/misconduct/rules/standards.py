"""The Standards of Professional Behaviour in force on a date.

>>> [s.id for s in standards_on(date(2024, 1, 1))][:2]
['honesty_and_integrity', 'authority_respect_and_courtesy']
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from misconduct.errors import InvalidInput
from misconduct.rules.catalogue import Catalogue, ProvisionVersion, default_catalogue

STANDARDS_PROVISION = "standards_of_professional_behaviour"


@dataclass(frozen=True)
class Standard:
    id: str
    heading: str
    text: str
    version: ProvisionVersion

    @property
    def citation(self) -> str:
        return str(self.version.citation)


def standards_on(on: date, *, catalogue: Catalogue | None = None) -> list[Standard]:
    cat = catalogue or default_catalogue()
    v = cat.version(STANDARDS_PROVISION, on)
    return [
        Standard(s["id"], s["heading"], " ".join(s["text"].split()), v)
        for s in v.parameters["standards"]
    ]


def parse_standards(values: list[str], on: date, *, field: str = "standards") -> list[Standard]:
    """Resolve standard ids against the standards in force on a date, or fail naming the field."""
    by_id = {s.id: s for s in standards_on(on)}
    out = []
    for value in values:
        if value not in by_id:
            raise InvalidInput(field, "one of " + ", ".join(by_id), value)
        out.append(by_id[value])
    return out
