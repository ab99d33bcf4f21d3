"""The markdown draft of "outcome and reasons": structure, voice and citations, not exact prose."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from misconduct.assessment.engine import assess
from misconduct.assessment.facts import load_facts
from misconduct.assessment.ruling import markdown_decision

EXAMPLES = Path(__file__).parents[2] / "examples"
SECTIONS = (
    "## Outcome and reasons",
    "### The purpose of these proceedings",
    "### Culpability",
    "### Harm",
    "### Aggravating and mitigating factors",
    "### Overall seriousness",
    "### The outcomes considered, from the least severe",
    "### Personal mitigation",
    "### Decision",
    "### Authorities",
)


def draft(name: str, **proceedings: object) -> str:
    facts = load_facts(EXAMPLES / name)
    if proceedings:
        facts = replace(facts, proceedings=replace(facts.proceedings, **proceedings))
    return markdown_decision(assess(facts))


def section(md: str, heading: str) -> str:
    start = md.index(heading)
    nxt = md.find("\n### ", start + len(heading))
    return md[start : nxt if nxt != -1 else len(md)]


def authorities(md: str) -> dict[int, str]:
    listing = section(md, "### Authorities")
    return {int(n): rest for n, rest in re.findall(r"^(\d+)\. (.+)$", listing, re.M)}


ALL = [
    "canonical_case.toml",
    "tc02_warrant_card_lone_woman.toml",
    "tc07_probationers_shared_graphic.toml",
    "tc12_indictable_only_conviction.toml",
]


@pytest.mark.parametrize("name", ALL)
def test_sections_in_the_order_of_a_ruling(name: str) -> None:
    md = draft(name)
    positions = [md.index(h) for h in SECTIONS]
    assert positions == sorted(positions)
    assert "does not replace it" in md


@pytest.mark.parametrize("name", ALL)
def test_every_step_cites_and_every_citation_is_listed_with_its_status(name: str) -> None:
    md = draft(name)
    listed = authorities(md)
    assert listed and sorted(listed) == list(range(1, len(listed) + 1))
    body = md[: md.index("### Authorities")]
    used = {int(n) for group in re.findall(r"\[(\d+(?:, \d+)*)\]", body) for n in group.split(", ")}
    assert used == set(listed)
    for rest in listed.values():
        assert re.search(r"\*(verified|secondary|unverified)\b", rest), rest
    for heading in SECTIONS[1:-1]:
        assert re.search(r"\[\d+", section(md, heading)), f"{heading} cites nothing"


@pytest.mark.parametrize("name", ALL)
def test_no_internal_numbers_and_no_guidance_paragraph_numbers(name: str) -> None:
    md = draft(name)
    body = md[: md.index("### Authorities")]
    assert "band" not in body.lower()
    assert "/8" not in body
    assert not re.search(r"\d+(\.\d+)? points?|weight \d|[+-]\d", body)
    assert not re.search(r"on the scale", body)
    assert not re.search(r"College of Policing[^.\n]*para(graph)? \d", md)


def test_canonical_reads_like_the_assistant_commissioners_ruling() -> None:
    md = draft("canonical_case.toml")
    assert "I assess culpability as **high**" in section(md, "### Culpability")
    assert "should have known" in section(md, "### Culpability")
    assert "I assess harm as **low**" in section(md, "### Harm")
    considered = section(md, "### The outcomes considered, from the least severe")
    assert considered.index("final written warning") < considered.index("Dismissal without notice")
    mitigation = section(md, "### Personal mitigation")
    assert "limited weight" in mitigation and "Bolton" not in mitigation
    assert "Bolton v Law Society" in section(md, "### Authorities")
    decision = section(md, "### Decision")
    assert "**a final written warning**" in decision and "**2 years**" in decision
    # gross misconduct without dismissal: the reasons duty, verified, is stated and cited
    reqs = section(md, "### Statutory requirements")
    assert "reasons" in reqs and "reasons for not dismissing" in reqs
    assert "reg 43(1)(e)" in section(md, "### Authorities")


def test_a_panel_speaks_as_we() -> None:
    md = draft("canonical_case.toml", panel=True)
    assert "We assess culpability" in md and "I assess" not in md
    assert " I " not in md.replace("[Chair", "")


def test_dismissal_after_a_floor_says_why_less_is_not_enough() -> None:
    md = draft("tc06_destroying_evidence.toml")
    considered = section(md, "### The outcomes considered, from the least severe")
    assert "would not be enough" in considered and "Salter" in section(md, "### Authorities")
    assert "**dismissal without notice**" in section(md, "### Decision")
    assert "### Statutory requirements" not in md or "reasons for not dismissing" not in md


def test_meeting_where_the_forum_caps_the_outcome_says_so() -> None:
    md = draft("tc07_probationers_shared_graphic.toml")
    considered = section(md, "### The outcomes considered, from the least severe")
    assert "misconduct meeting" in considered
    assert "most severe outcome open here" in considered
    assert "no choice of period" in section(md, "### Decision")


def test_presumption_of_dismissal_is_stated_with_exceptional_circumstances() -> None:
    md = draft("tc12_indictable_only_conviction.toml")
    reqs = section(md, "### Statutory requirements")
    assert "exceptional circumstances" in reqs
    assert "SI 2025/558" in section(md, "### Authorities")
