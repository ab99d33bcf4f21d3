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


_BUILT: dict[int, tuple[ProvisionVersion, tuple[Standard, ...]]] = {}
"""The standards of each provision version already built, by the version's identity (a version is
never changed once loaded; the version is kept with them, so its identity is not reused)."""


def standards_on(on: date, *, catalogue: Catalogue | None = None) -> list[Standard]:
    cat = catalogue or default_catalogue()
    v = cat.version(STANDARDS_PROVISION, on)
    built = _BUILT.get(id(v))
    if built is None or built[0] is not v:
        built = (
            v,
            tuple(
                Standard(s["id"], s["heading"], " ".join(s["text"].split()), v)
                for s in v.parameters["standards"]
            ),
        )
        if len(_BUILT) > 64:
            _BUILT.clear()
        _BUILT[id(v)] = built
    return list(built[1])


def parse_standards(values: list[str], on: date, *, field: str = "standards") -> list[Standard]:
    """Resolve standard ids against the standards in force on a date, or fail naming the field."""
    by_id = {s.id: s for s in standards_on(on)}
    out = []
    for value in values:
        if value not in by_id:
            raise InvalidInput(field, "one of " + ", ".join(by_id), value)
        out.append(by_id[value])
    return out
