"""What a person should never have to read (issue 14, problem 5): internal ids in snake_case, the
domain's command names, command-line options, ISO dates, doubled words, American spellings. Used by
the page, document and browser tests."""

from __future__ import annotations

import re

SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
CLI_FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]+")
COMMAND = re.compile(
    r"\b(?:Record|Decide|Arrange|Publish|Submit|Notify|Determine|Assess|Close|Open|Give|Appoint)"
    r"[A-Z][a-z]+\w*"
)
DOUBLED = re.compile(r"\b(\w{3,}) \1\b", re.IGNORECASE)
AMERICAN = re.compile(
    r"\b(?!(?:size|sizes|seize|seized|prize|prizes|resize)\b)\w+(?:ize|izes|ized|izing|ization)\b"
    r"|\b(?:behaviors?|colors?|honors?|favors?|centers?|license|defense|offense|catalog)\b",
    re.IGNORECASE,
)
PATTERNS = {
    "snake_case id": SNAKE,
    "ISO date": ISO_DATE,
    "command-line option": CLI_FLAG,
    "command name": COMMAND,
    "doubled word": DOUBLED,
    "American spelling": AMERICAN,
}


def problems_in(text: str) -> list[str]:
    """Each offending token in ``text`` with the line it is on."""
    found = []
    for line in text.splitlines():
        for name, pattern in PATTERNS.items():
            for m in pattern.finditer(line):
                found.append(f"{name} {m[0]!r} in: {' '.join(line.split())[:140]}")
    return found
