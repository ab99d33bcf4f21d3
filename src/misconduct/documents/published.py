"""The chair's reasons as they are published: what was found, how serious it was and why this outcome.

Written from what was recorded with the decision (the assessment stored on it, with the factors the
chair found and their notes) and the chair's own reasons, in the register of a ruling: the chair
found, assessed, took into account, concluded. No internal number (points, bands, weights) and no
verification status appears: those belong to the staff pages and the chair's annex. The public page,
the Atom feed, the public API and the published-outcome document all print these sections; each caller
passes every sentence through the one redaction policy before it is shown.

>>> s = ruling_sections(None, outcome=Outcome.WRITTEN_WARNING, finding=Finding.MISCONDUCT,
...     warning_months=None, chair_reasons="A single lapse.", panel=False)
>>> [x.heading for x in s]
['Outcome', "The chair's reasons"]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from misconduct.assessment.factors import Stage, default_factors
from misconduct.documents.text import finding_name, outcome_name, period, prose_list, sentence
from misconduct.rules.vocabulary import Finding, Outcome


@dataclass(frozen=True)
class Section:
    """A heading, its paragraphs and (optionally) a list after them."""

    heading: str
    paragraphs: tuple[str, ...]
    items: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "heading": self.heading,
            "paragraphs": list(self.paragraphs),
            "items": list(self.items),
        }

    def text(self) -> str:
        """One line of plain text (the Atom feed's summary)."""
        body = " ".join(self.paragraphs)
        if self.items:
            body += " " + "; ".join(i.rstrip(".") for i in self.items) + "."
        return f"{self.heading}: {body}"


@dataclass(frozen=True)
class Voice:
    """Who speaks: "The chair" in the published account; "I" or "We" in the chair's own decision."""

    who: str
    mid: str
    explains: str
    was: str

    @classmethod
    def of(cls, *, panel: bool, first_person: bool) -> Voice:
        if first_person:
            return (
                cls("We", "we", "we explain", "were")
                if panel
                else cls("I", "I", "I explain", "was")
            )
        if panel:
            return cls("The panel", "the panel", "the panel explains", "was")
        return cls("The chair", "the chair", "the chair explains", "was")


def _found_notes(stored: Mapping[str, Any]) -> dict[str, str]:
    found = stored.get("found") or {}
    notes: dict[str, str] = {}
    for name in ("factors", "personal_mitigation"):
        for e in found.get(name) or []:
            if isinstance(e, dict) and e.get("note"):
                notes[str(e["id"])] = str(e["note"])
    return notes


def _personal_ids(stored: Mapping[str, Any]) -> list[str]:
    found = stored.get("found") or {}
    if found.get("personal_mitigation") is not None:
        return [str(e["id"]) for e in found["personal_mitigation"] if isinstance(e, dict)]
    for s in stored.get("stages") or []:
        if isinstance(s, dict) and s.get("id") == "personal_mitigation":
            return [str(f) for f in (s.get("conclusions") or {}).get("factors") or []]
    return []


_EXAMPLES = re.compile(r"\s*\((?:for example|e\.g\.)?[^()]*\)$")


def described(description: str, note: str = "") -> str:
    """A factor as one sentence: the catalogue's description and, where the chair noted what was
    found, the note after a colon in place of the catalogue's own examples in brackets.

    >>> described("Police equipment or systems were used (work phone, vehicles).", "the work phone")
    'Police equipment or systems were used: the work phone.'
    >>> described("Genuine remorse and an apology.")
    'Genuine remorse and an apology.'
    """
    text = description.strip().rstrip(".")
    if note.strip():
        text = f"{_EXAMPLES.sub('', text)}: {note.strip().rstrip('.')}"
    return sentence(text)


def _described(ids: Sequence[str], notes: Mapping[str, str]) -> tuple[str, ...]:
    catalogue = default_factors().factors
    out = []
    for i in ids:
        text = catalogue[i].description if i in catalogue else i.replace("_", " ")
        out.append(described(text, notes.get(i, "")))
    return tuple(out)


def _level(stored: Mapping[str, Any], name: str) -> tuple[str, str]:
    """The level found and the chair's own reason for it, if the chair set it."""
    level = str((stored.get("seriousness") or {}).get(name) or "")
    explicit = (stored.get("found") or {}).get(name)
    return level, str(explicit[1]) if explicit and len(explicit) > 1 else ""


def _seriousness(stored: Mapping[str, Any], v: Voice, notes: Mapping[str, str]) -> list[Section]:
    who = v.who
    ser = stored.get("seriousness") or {}
    if not ser:
        return []
    catalogue = default_factors().factors
    factor_ids = [str(f) for f in stored.get("factors") or []]
    out: list[Section] = []
    paragraphs = []
    for name in ("culpability", "harm"):
        level, reason = _level(stored, name)
        if not level:
            continue
        what = "the officer's culpability" if name == "culpability" else "the harm caused"
        text = f"{who} assessed {what} as {level}"
        text += f": {reason}" if reason else "."
        paragraphs.append(sentence(text))
        stage = Stage.CULPABILITY if name == "culpability" else Stage.HARM
        found = [f for f in factor_ids if f in catalogue and catalogue[f].stage is stage]
        for d in _described(found, notes):
            # "found that the officer knew ..." for a clause; "found serious harm ..." for a noun.
            that = "that " if d.startswith("The ") else ""
            paragraphs.append(f"{who} found {that}{d[:1].lower()}{d[1:]}")
    if paragraphs:
        out.append(Section("Culpability and harm", tuple(paragraphs)))
    for kind, none in (
        ("aggravating", "no aggravating features"),
        ("mitigating", "no mitigating features of the conduct itself"),
    ):
        features = _described([str(f) for f in ser.get(kind) or []], notes)
        opening = f"took into account these {kind} features:" if features else f"found {none}."
        out.append(Section(f"{kind.capitalize()} features", (f"{who} {opening}",), features))
    if ser.get("overall"):
        out.append(
            Section(
                "Seriousness",
                (
                    f"Weighing culpability and harm together with those features, {v.mid} "
                    f"assessed the conduct as {ser['overall']}.",
                ),
            )
        )
    personal = _described(_personal_ids(stored), notes)
    out.append(
        Section(
            "Personal mitigation",
            (
                f"Personal mitigation goes to the outcome rather than to the seriousness of the "
                f"conduct, and carries limited weight. {who} accepted the following:",
            )
            if personal
            else (f"{who} {v.was} shown no personal mitigation that bore on the outcome.",),
            personal,
        )
    )
    return out


_NO_ARTICLE = (Outcome.NO_FURTHER_ACTION, Outcome.REFLECTIVE_PRACTICE, Outcome.MANAGEMENT_ADVICE)


def _outcome_words(outcome: Outcome, months: int | None) -> str:
    bare = outcome.is_dismissal or outcome in _NO_ARTICLE
    text = outcome_name(outcome) if bare else f"a {outcome_name(outcome)}"
    if months:
        text += f", to remain in force for {period(months)}"
    return text


def _alternatives(
    stored: Mapping[str, Any], outcome: Outcome, finding: Finding, v: Voice
) -> list[Section]:
    """Why a less severe outcome, and why not a more severe one, in the guidance's terms."""
    who = v.who
    try:
        lawful = [Outcome(o) for o in stored.get("available_outcomes") or []]
        indicated = {Outcome(o) for o in stored.get("indicated_outcomes") or []}
    except ValueError:
        return []
    if not lawful:
        return []
    less = [o for o in lawful if o.severity < outcome.severity]
    more = [o for o in lawful if o.severity > outcome.severity]
    out: list[Section] = []
    if not less:
        text = sentence(
            f"{_outcome_words(outcome, None)} is the least severe outcome open on a finding of "
            f"{finding_name(finding)} in these proceedings"
        )
    else:
        names = prose_list([outcome_name(o) for o in less])
        within = [o for o in less if o in indicated]
        text = (
            f"{who} considered the less severe outcomes open ({names}) first, as the guidance "
            f"requires, and concluded that they would not be sufficient to maintain public "
            f"confidence and uphold the standards expected of officers, given conduct of this "
            f"seriousness."
        )
        if within:
            text += (
                f" {prose_list([outcome_name(o) for o in within]).capitalize()} was within the "
                f"range the guidance indicates; {v.explains} below why more was needed."
            )
    out.append(Section("Why not a less severe outcome", (text,)))
    if more:
        paragraphs = []
        for o in more:
            name = outcome_name(o)[:1].upper() + outcome_name(o)[1:]
            if o in indicated:
                paragraphs.append(
                    f"{name} was also within the range the guidance indicates for conduct of this "
                    f"seriousness. {who} concluded that the purposes of the proceedings (public "
                    f"confidence in the police, high standards and the protection of the public) "
                    f"could be met without it, having regard to the mitigating features and the "
                    f"personal mitigation set out above."
                )
            else:
                paragraphs.append(
                    f"{name} would have gone further than the purposes of the proceedings require."
                )
        out.append(Section("Why not a more severe outcome", tuple(paragraphs)))
    return out


def ruling_sections(
    stored: Mapping[str, Any] | None,
    *,
    outcome: Outcome,
    finding: Finding,
    warning_months: int | None,
    chair_reasons: str,
    panel: bool,
    first_person: bool = False,
) -> tuple[Section, ...]:
    """The account of the decision for one officer: in the third person as published (before
    redaction), or in the chair's (or panel's) own voice for the written decision."""
    v = Voice.of(panel=panel, first_person=first_person)
    who = v.who
    stored = stored or {}
    notes = _found_notes(stored)
    sections = _seriousness(stored, v, notes)
    sections.append(
        Section(
            "Outcome",
            (
                sentence(
                    f"{who} found the conduct to amount to {finding_name(finding)} and "
                    f"{'have ' if first_person else ''}decided on "
                    f"{_outcome_words(outcome, warning_months)}"
                ),
            ),
        )
    )
    sections += _alternatives(stored, outcome, finding, v)
    words = tuple(sentence(p) for p in chair_reasons.split("\n\n") if p.strip())
    if words and not first_person:
        # The chair wrote in the first person: the published account quotes them as such.
        words = (f"In {v.mid}'s own words:", *words)
    if words:
        heading = (
            "Why the officer was not dismissed"
            if finding is Finding.GROSS_MISCONDUCT and not outcome.is_dismissal
            else ("Reasons" if first_person else f"{who}'s reasons")
        )
        sections.append(Section(heading, words))
    return tuple(sections)
