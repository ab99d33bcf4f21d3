"""The fixed identifiers other tools rely on: forums, findings, outcomes, standards, ranks.

>>> Outcome.FINAL_WRITTEN_WARNING.label
'Final written warning'
>>> Forum.parse("misconduct_hearing", field="forum") is Forum.MISCONDUCT_HEARING
True
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from misconduct.errors import InvalidInput

E = TypeVar("E", bound="Vocabulary")

_LABELS: dict[str, str] = {}


class Vocabulary(StrEnum):
    """A closed list of identifiers with human labels."""

    @property
    def label(self) -> str:
        # A label depends only on the value: built once per value, then read from a table (the
        # engine asks for labels thousands of times a second).
        value = self._value_
        try:
            return _LABELS[value]
        except KeyError:
            label = _LABELS[value] = value.replace("_", " ").capitalize()
            return label

    @classmethod
    def parse(cls: type[E], value: str, *, field: str) -> E:
        try:
            return cls(value.strip().lower().replace("-", "_"))
        except (ValueError, AttributeError):
            raise InvalidInput(field, "one of " + ", ".join(m.value for m in cls), value) from None


class Forum(Vocabulary):
    MISCONDUCT_MEETING = "misconduct_meeting"
    MISCONDUCT_HEARING = "misconduct_hearing"
    ACCELERATED_MISCONDUCT_HEARING = "accelerated_misconduct_hearing"


class Finding(Vocabulary):
    NO_MISCONDUCT = "no_misconduct"
    MISCONDUCT = "misconduct"
    GROSS_MISCONDUCT = "gross_misconduct"


class Outcome(Vocabulary):
    """Outcomes in order of severity (the order is used by the assessment engine)."""

    NO_FURTHER_ACTION = "no_further_action"
    REFLECTIVE_PRACTICE = "reflective_practice"
    MANAGEMENT_ADVICE = "management_advice"
    WRITTEN_WARNING = "written_warning"
    FINAL_WRITTEN_WARNING = "final_written_warning"
    REDUCTION_IN_RANK = "reduction_in_rank"
    DISMISSAL_WITH_NOTICE = "dismissal_with_notice"
    DISMISSAL_WITHOUT_NOTICE = "dismissal_without_notice"
    WOULD_HAVE_BEEN_DISMISSED = "would_have_been_dismissed"

    @property
    def severity(self) -> int:
        """The position in the order of severity (0 for no further action)."""
        return _SEVERITY[self._value_]

    @property
    def is_dismissal(self) -> bool:
        return self._value_ in _DISMISSAL_VALUES


_DISMISSALS = frozenset(
    {
        Outcome.DISMISSAL_WITH_NOTICE,
        Outcome.DISMISSAL_WITHOUT_NOTICE,
        Outcome.WOULD_HAVE_BEEN_DISMISSED,
    }
)
_DISMISSAL_VALUES = frozenset(o._value_ for o in _DISMISSALS)
# Keyed by the plain value (a str hashes in C; an enum member hashes through Enum.__hash__).
_SEVERITY: dict[str, int] = {o._value_: i for i, o in enumerate(Outcome)}


class Rank(Vocabulary):
    """Ranks in ascending order; the Metropolitan and City of London ranks sit beside their equivalents."""

    SPECIAL_CONSTABLE = "special_constable"
    CONSTABLE = "constable"
    SERGEANT = "sergeant"
    INSPECTOR = "inspector"
    CHIEF_INSPECTOR = "chief_inspector"
    SUPERINTENDENT = "superintendent"
    CHIEF_SUPERINTENDENT = "chief_superintendent"
    ASSISTANT_CHIEF_CONSTABLE = "assistant_chief_constable"
    COMMANDER = "commander"
    DEPUTY_CHIEF_CONSTABLE = "deputy_chief_constable"
    DEPUTY_ASSISTANT_COMMISSIONER = "deputy_assistant_commissioner"
    ASSISTANT_COMMISSIONER = "assistant_commissioner"
    CHIEF_CONSTABLE = "chief_constable"
    DEPUTY_COMMISSIONER = "deputy_commissioner"
    COMMISSIONER = "commissioner"

    @property
    def has_lower_rank(self) -> bool:
        """A constable (or a special constable) has no rank to be reduced to."""
        return self not in (Rank.CONSTABLE, Rank.SPECIAL_CONSTABLE)

    @property
    def is_senior_officer(self) -> bool:
        """Above chief superintendent (reg 2(1))."""
        return _RANK_ORDER[self._value_] > _RANK_ORDER[Rank.CHIEF_SUPERINTENDENT._value_]

    @property
    def abbreviation(self) -> str:
        return _ABBREVIATIONS.get(self, self.label)


_RANK_ORDER: dict[str, int] = {r._value_: i for i, r in enumerate(Rank)}

_ABBREVIATIONS = {
    Rank.SPECIAL_CONSTABLE: "SC",
    Rank.CONSTABLE: "PC",
    Rank.SERGEANT: "PS",
    Rank.INSPECTOR: "Insp",
    Rank.CHIEF_INSPECTOR: "CI",
    Rank.SUPERINTENDENT: "Supt",
    Rank.CHIEF_SUPERINTENDENT: "Ch Supt",
}
