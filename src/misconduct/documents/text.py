"""How documents say things: dates the British way, periods in words, lists in prose, forums by name.

>>> british(date(2025, 1, 20))
'20 January 2025'
>>> period(24), period(18), period(30)
('two years', '18 months', '30 months')
>>> prose_list(["a", "b", "c"])
'a, b and c'
>>> ids_in_words("indicated: final_written_warning, dismissal_without_notice")
'indicated: final written warning, dismissal without notice'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from misconduct.domain import dates
from misconduct.rules.vocabulary import Finding, Forum, Outcome

_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def british(day: date | None) -> str:
    """20 January 2025 (as :func:`misconduct.domain.dates.british` writes it); a day not yet
    fixed, in words."""
    return "not yet fixed" if day is None else dates.british(day)


def period(months: int) -> str:
    """A warning period as a person would say it: whole years in words, otherwise months."""
    if months % 12 == 0:
        years = months // 12
        return f"{_NUMBERS.get(years, str(years))} year{'s' if years != 1 else ''}"
    return f"{months} months"


def prose_list(items: Sequence[str]) -> str:
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def forum_name(forum: Forum) -> str:
    return {
        Forum.MISCONDUCT_MEETING: "misconduct meeting",
        Forum.MISCONDUCT_HEARING: "misconduct hearing",
        Forum.ACCELERATED_MISCONDUCT_HEARING: "accelerated misconduct hearing",
    }[forum]


def finding_name(finding: Finding) -> str:
    return {
        Finding.NO_MISCONDUCT: "neither misconduct nor gross misconduct",
        Finding.MISCONDUCT: "misconduct",
        Finding.GROSS_MISCONDUCT: "gross misconduct",
    }[finding]


def outcome_name(outcome: Outcome) -> str:
    """The outcome in lower case, for use inside a sentence."""
    return outcome.label.lower()


def conduct_period(start: date, end: date) -> str:
    if start == end:
        return f"on {british(start)}"
    return f"between {british(start)} and {british(end)} (inclusive)"


def sentence(text: str) -> str:
    """Trim, capitalise the first letter and end with a full stop."""
    text = " ".join(text.split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


_ID = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def ids_in_words(text: str) -> str:
    """Identifiers left in an engine's text (``final_written_warning``) as words: an outcome by its
    name, anything else with its underscores as spaces."""

    def word(m: re.Match[str]) -> str:
        try:
            return outcome_name(Outcome(m[0]))
        except ValueError:
            return m[0].replace("_", " ")

    return _ID.sub(word, text)
