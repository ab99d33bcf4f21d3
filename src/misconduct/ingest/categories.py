"""The guidance's special categories a published outcome describes, read from its words.

The categories are the project's own vocabulary (``assessment/parameters/categories.yaml``: operational
dishonesty, abuse of position for a sexual purpose, violence against women and girls, discrimination,
criminal conviction, vulnerable victim, on-duty conduct and misuse of police equipment or systems,
conduct over a period of time). A notice rarely names them, so each is read from plain cues (words a
notice uses for the conduct) and from the Standards found breached; each hit keeps its evidence.
This is a rough reading for analytics: a cue can be about another person (a victim's conviction)
and a category the notice does not describe is missed. Texts about several officers give every
officer the text's categories.

>>> [c.code for c in find_categories("PC A pursued a sexual relationship with a vulnerable victim "
...     "of domestic abuse he met on duty.", [])]
['abuse_of_position_sexual_purpose', 'vawg', 'vulnerable_victim', 'on_duty_or_police_equipment']
>>> [c.code for c in find_categories("He made racist remarks.", ["equality_and_diversity"])]
['discrimination']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from misconduct.assessment.factors import default_factors

_CUES: dict[str, str] = {
    "operational_dishonesty": (
        r"false\s+(?:entr(?:y|ies)|statements?|records?|information)|falsif\w+|"
        r"(?:lied|lying|dishonest\w*|misled|misleading)\b[^.]{0,80}?"
        r"\b(?:investigation|report|record|supervisor|court|crime|duty|victim|colleague|custody)|"
        r"operational\s+dishonesty"
    ),
    "abuse_of_position_sexual_purpose": (
        r"abus\w+\s+(?:of\s+)?(?:his|her|their|the)?\s*position\s+for\s+a?\s*sexual\s+purpose|"
        r"\bAPSP\b|(?:sexual|intimate|inappropriate|emotional)\s+relationships?\s+with\b[^.]{0,80}?"
        r"\b(?:victim|witness|woman|women|member\s+of\s+the\s+public|met\s+(?:on|during|through|"
        r"while))|pursu\w+\s+(?:an?\s+)?(?:inappropriate\s+)?relationships?\s+with"
    ),
    "vawg": (
        r"violence\s+against\s+women|\bVAWG\b|domestic\s+(?:abuse|violence)|controlling\s+and\s+"
        r"coercive|coercive\s+control|sexual\s+(?:assault|harassment|misconduct|touching)|stalk\w*|"
        r"\brape\b|upskirting|voyeurism|misogyn\w+|harass\w*\s+(?:a\s+|two\s+|several\s+)?"
        r"(?:woman|women|female)"
    ),
    "discrimination": (
        r"racis\w+|racial\w*|homophob\w+|transphob\w+|sexis[mt]\w*|misogyn\w+|discriminat\w+|"
        r"islamophob\w+|antisemit\w+|\bableis\w+"
    ),
    "criminal_conviction": (
        r"convicted|conviction|pleaded\s+guilty|pled\s+guilty|found\s+guilty\s+(?:at|by)\s+"
        r"(?:\w+\s+){0,2}court|sentenced|(?:crown|magistrates’?'?)\s+court"
    ),
    "vulnerable_victim": r"vulnerab\w+",
    "on_duty_or_police_equipment": (
        r"\bon\s+duty\b|while\s+working|police\s+(?:computer\s+)?(?:systems?|computers?|databases?|"
        r"vehicles?|cars?|radios?|phones?|equipment|records)|\bPNC\b|during\s+the\s+course\s+of\s+"
        r"(?:his|her|their)\s+duties|met\s+(?:on|through|during)\s+(?:duty|work|(?:his|her|their)\s+"
        r"duties)|in\s+uniform"
    ),
    "conduct_over_period": (
        r"over\s+a\s+(?:period|number\s+of\s+(?:months|years|weeks))|on\s+(?:numerous|several|"
        r"multiple|many)\s+occasions|repeated(?:ly)?|persistent(?:ly)?|more\s+than\s+\d+\s+times|"
        r"\bbetween\s+(?:\w+\s+)?(?:19|20)\d{2}\s+and\s+(?:\w+\s+)?(?:19|20)\d{2}"
    ),
}
# Standards that name a category by themselves.
_BY_STANDARD = {"equality_and_diversity": "discrimination"}


@dataclass(frozen=True)
class CategoryHit:
    code: str
    start: int | None
    end: int | None
    text: str


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    known = set(default_factors().categories)
    unknown = set(_CUES) - known
    if unknown:  # the cues must name the assessment's categories, never invent one
        raise ValueError(f"cues for unknown special categories: {sorted(unknown)}")
    return {code: re.compile(rf"\b(?:{cue})", re.IGNORECASE) for code, cue in _CUES.items()}


def find_categories(text: str, standards: list[str]) -> list[CategoryHit]:
    """The special categories the text describes, in the catalogue's order, each with its first
    cue (or the Standard that names it)."""
    out: dict[str, CategoryHit] = {}
    for code, pattern in _patterns().items():
        m = pattern.search(text)
        if m:
            out[code] = CategoryHit(code, m.start(), m.end(), m.group())
    for standard in standards:
        named = _BY_STANDARD.get(standard)
        if named and named not in out:
            out[named] = CategoryHit(named, None, None, f"Standard breached: {standard}")
    order = list(_CUES)
    return sorted(out.values(), key=lambda h: order.index(h.code))


def category_title(code: str) -> str:
    """The category's title in the assessment's catalogue ("Violence against women and girls")."""
    return default_factors().category(code).title
