"""The outcome assessment of one officer on a case, from the case's own record, ready to be stored.

The case gives the officer, the allegations, the forum, the finding and the dates; the caller gives
the factors found (with notes) and the personal mitigation. The engine's result is kept whole on the
decision, its trace inside ``assessment["trace"]`` (where the documents and the web read it), with
the rules version it was computed under.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from misconduct.assessment.engine import Assessment, assess
from misconduct.assessment.facts import parse_facts
from misconduct.assessment.precedents import similar
from misconduct.domain.case import Case
from misconduct.domain.personal import apart
from misconduct.domain.records import OutcomeDecision, PriorWarning
from misconduct.errors import RuleViolation
from misconduct.rules.catalogue import rules_version
from misconduct.rules.vocabulary import Finding, Outcome
from misconduct.rules.warning import WarningRecord


@dataclass(frozen=True)
class Found:
    """What the chair found for one officer: factor ids with notes, personal mitigation with notes,
    levels set explicitly as (level, reason), and any exceptional circumstances relied on."""

    factors: Mapping[str, str]
    personal_mitigation: Mapping[str, str] = field(default_factory=dict)
    culpability: tuple[str, str] | None = None
    harm: tuple[str, str] | None = None
    exceptional_circumstances: str = ""


def _entries(found: Mapping[str, str]) -> list[dict[str, str]]:
    return [{"id": k, "note": v} if v else {"id": k} for k, v in found.items()]


def case_facts(
    case: Case,
    officer_id: str,
    found: Found,
    *,
    other_warnings: Sequence[PriorWarning | WarningRecord] = (),
) -> dict[str, Any]:
    """The facts document (docs/facts-format.md) for ``officer_id`` after the findings.

    ``other_warnings``: warnings the officer received in other cases, which count when in force on
    this case's severity-assessment date (the case itself knows only those recorded at intake).
    """
    p = case.proceedings
    finding = case.officer_finding(officer_id)
    if p is None or p.concluded_on is None or case.severity_on is None:
        raise RuleViolation(
            "the assessment follows the findings of a meeting or hearing",
            citation="College of Policing, Guidance on outcomes (2022): stage 1 follows the findings",
            field="findings",
        )
    if finding is Finding.NO_MISCONDUCT:
        raise RuleViolation(
            f"no misconduct was found against {officer_id}: there is nothing to assess",
            citation="SI 2020/4 reg 42(1)",
            field="findings",
        )
    officer = case.officers[officer_id]
    mine = [a for a in case.allegations.values() if a.officer_id == officer_id]
    decided = case.decisions.get(officer_id)
    # The guidance weighs conduct known when the matter came to attention; a later allegation's
    # period is left out rather than refused.
    known = [a for a in mine if a.conduct_from <= case.came_to_attention]
    period = (
        {
            "conduct_from": min(a.conduct_from for a in known),
            "conduct_to": max(a.conduct_to for a in known),
        }
        if known
        else {}
    )
    facts: dict[str, Any] = {
        "officer": {
            "rank": officer.rank.value,
            "status": "serving" if officer.serving else "former",
            "previously_reduced_in_rank": officer.previously_reduced_in_rank,
            "warnings": [
                {
                    "kind": w.kind.value,
                    "notified_on": w.notified_on,
                    "months": w.months,
                    "career_break_days": w.career_break_days,
                }
                for w in [*officer.prior_warnings, *other_warnings]
            ],
        },
        "allegation": {
            "came_to_attention": case.came_to_attention,
            "summary": case.summary,
            **period,
            "standards": sorted({s for a in mine for s in a.standards}),
            "unconnected_incidents": bool(decided and decided.decision.unconnected_incidents),
        },
        "proceedings": {
            "forum": p.arrangement.forum.value,
            "finding": finding.value,
            "severity_assessment_on": case.severity_on,
            "hearing_on": p.concluded_on,
        },
        "factors": _entries(found.factors),
        "personal_mitigation": _entries(found.personal_mitigation),
    }
    for name in ("culpability", "harm"):
        explicit: tuple[str, str] | None = getattr(found, name)
        if explicit is not None:
            facts[name] = {"level": explicit[0], "reason": explicit[1]}
    if found.exceptional_circumstances:
        facts["exceptional_circumstances"] = found.exceptional_circumstances
    return facts


PRECEDENTS_SHOWN = 3
"""How many of the most alike published outcomes are kept with a decision."""


def recorded(a: Assessment, found: Found) -> dict[str, Any]:
    """The engine's result as it is stored with the decision, with what the chair found (factors and
    personal mitigation with their notes, levels set with reasons) and the published outcomes it was
    compared with at the time: a decided case is shown from this, never recomputed on later rules."""
    result = a.as_dict()
    result["found"] = {
        "factors": _entries(found.factors),
        "personal_mitigation": _entries(found.personal_mitigation),
        "culpability": list(found.culpability) if found.culpability else None,
        "harm": list(found.harm) if found.harm else None,
        "exceptional_circumstances": found.exceptional_circumstances,
    }
    result["precedents"] = similar(a, limit=PRECEDENTS_SHOWN).as_dict()
    return result


def free_text(a: Assessment, found: Found | None = None) -> list[str]:
    """The words people typed that the assessment holds or quotes: the chair's notes on factors and
    mitigation, the reasons for a level set, exceptional circumstances, the allegations' summaries
    and notes, the reasons for an assumed date (as found, and as the engine read them)."""
    f = a.facts
    texts = [x.note for x in (*f.factors, *f.personal_mitigation, *f.absent)]
    texts += [e.reason for e in (f.culpability, f.harm) if e is not None]
    texts += [f.exceptional_circumstances or "", f.allegation.summary]
    texts += [t for x in f.allegations for t in (x.summary, x.note)]
    texts += [x.reason for x in f.assumptions]
    if found is not None:
        texts += [*found.factors.values(), *found.personal_mitigation.values()]
        texts += [e[1] for e in (found.culpability, found.harm) if e is not None]
        texts.append(found.exceptional_circumstances)
    return texts


def kept_apart(a: Assessment, result: dict[str, Any], found: Found | None = None) -> dict[str, Any]:
    """The stored assessment as ``OutcomeDecision`` takes it: ``assessment``, the result with the
    free text marked (it goes in the hash chain), and ``assessment_notes``, the text (held beside
    the chain and erased with the case's other personal data; issue 13 item 6)."""
    kept, notes = apart(result, free_text(a, found))
    return {"assessment": kept, "assessment_notes": notes}


def assess_officer(case: Case, officer_id: str, found: Found) -> Assessment:
    return assess(parse_facts(case_facts(case, officer_id, found)))


def assessed_decision(
    case: Case,
    officer_id: str,
    found: Found,
    *,
    outcome: Outcome,
    decision_maker: str,
    reasons: str = "",
    warning_months: int | None = None,
) -> OutcomeDecision:
    """The chair's decision, carrying the engine's assessment (trace included) and rules version."""
    a = assess_officer(case, officer_id, found)
    return OutcomeDecision(
        officer_id,
        outcome,
        decision_maker,
        reasons,
        warning_months,
        assessment_rules_version=rules_version(),
        **kept_apart(a, recorded(a, found), found),
    )
