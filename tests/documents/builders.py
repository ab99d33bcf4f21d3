"""Case records for the document tests, built in one place through the domain lifecycle (so the
adapter and the rules compute every date), with the names and numbers the redaction tests search for.

All officers are fictional.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from misconduct.assessment.engine import assess
from misconduct.assessment.facts import load_facts
from misconduct.documents.adapter import context_from_case
from misconduct.documents.context import DocumentContext
from misconduct.domain import commands as c
from misconduct.domain.case import Case
from misconduct.domain.lifecycle import Context, decide, open_case
from misconduct.domain.records import (
    AllegationFinding,
    AllegationRecord,
    CaseDetails,
    Determination,
    OutcomeDecision,
    ProceedingsArrangement,
    SeverityAssessment,
    SubjectOfficer,
)
from misconduct.domain.terms import LikelyForm, SeverityResult, Source
from misconduct.rules.vocabulary import Finding, Forum, Outcome, Rank
from misconduct.services.demo import canonical_case

D = date.fromisoformat
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "canonical_case.toml"

CANONICAL_REASONS = (
    "PC A's behaviour, which he admitted, was wholly unacceptable. He knew, or must have known, "
    "that a force-issued phone was not to be used for this, and he used it repeatedly over about "
    "a year, some of the time on duty. His culpability is high.\n\n"
    "The harm, though real, is limited. What he did was inappropriate but not unlawful, and the "
    "people who received the messages were consenting adults. The public would rightly be "
    "troubled to learn that an officer had behaved in this way while on duty, and I have weighed "
    "that carefully.\n\n"
    "I accept the mitigation put before me. He has apologised, he has sought professional help, "
    "and the evidence satisfies me that he has already taken steps to understand and change his "
    "behaviour. Having considered the particular circumstances of this case with care, I am "
    "satisfied that the purposes of these proceedings can be met without dismissal, and that a "
    "final written warning is the proportionate outcome. Because I regard the seriousness of the "
    "breach as high, the warning will remain in force for two years."
)


def _fold(opening: c.OpenCase, steps: list[c.Command]) -> Case:
    case = Case.from_events([open_case(opening)])
    for step in steps:
        case.apply(decide(case, step, Context({oid: [] for oid in case.officers})))
    return case


def canonical_assessment(case: Case) -> dict[str, Any]:
    """The engine's assessment of the canonical facts file, set to the record's forum and dates:
    what the case service stores with the decision."""
    facts = load_facts(EXAMPLE)
    assert case.proceedings is not None and case.severity_on is not None
    facts = dataclasses.replace(
        facts,
        allegation=dataclasses.replace(facts.allegation, came_to_attention=case.came_to_attention),
        proceedings=dataclasses.replace(
            facts.proceedings,
            forum=case.proceedings.arrangement.forum,
            severity_assessment_on=case.severity_on,
            hearing_on=case.proceedings.arrangement.starts_on,
        ),
    )
    return assess(facts).as_dict()


def canonical_record() -> Case:
    """The demo's canonical case, with the decision carrying the chair's reasons and the stored
    assessment."""
    demo = canonical_case()
    steps = [s for s in demo.steps if not isinstance(s, c.CloseCase)]
    i = next(n for n, s in enumerate(steps) if isinstance(s, c.DecideOutcome))
    partial = _fold(demo.opening, steps[:i])
    d = steps[i]
    assert isinstance(d, c.DecideOutcome)
    stored = canonical_assessment(partial)
    steps[i] = c.DecideOutcome(
        d.on,
        dataclasses.replace(
            d.decision,
            decision_maker="Assistant Commissioner, Professionalism",
            reasons=CANONICAL_REASONS,
            assessment=stored,
            assessment_trace=stored["trace"],
            assessment_rules_version="test",
        ),
    )
    return _fold(demo.opening, steps)


@dataclass(frozen=True)
class Scenario:
    """One case through to its outcome, and what its documents must say."""

    name: str
    ref: str
    officer_name: str
    warrant: str
    cipher: str
    forum: Forum
    finding: Finding
    outcome: Outcome
    months: int | None
    came_to_attention: str
    severity_on: str
    notice_on: str
    starts_on: str
    notified_on: str
    reasons: str
    panel: tuple[str, ...] = ()
    published_on: str | None = None


def record(s: Scenario) -> Case:
    return _fold(*commands(s))


def commands(s: Scenario) -> tuple[c.OpenCase, list[c.Command]]:
    """The opening and the steps of scenario ``s`` (what a case service would be given)."""
    officer = SubjectOfficer(f"kent:{s.warrant}", s.officer_name, s.warrant, Rank.CONSTABLE, "kent")
    allegation = AllegationRecord(
        "A1",
        officer.officer_id,
        f"{s.officer_name} made offensive remarks about a colleague's race on a team messaging "
        "group and, when challenged, repeated them.",
        D(s.came_to_attention).replace(day=1),
        D(s.came_to_attention).replace(day=1),
        True,
        ("authority_respect_and_courtesy", "equality_and_diversity"),
    )
    opening = c.OpenCase(
        D(s.came_to_attention),
        CaseDetails(
            s.ref,
            "kent",
            Source.CONDUCT_MATTER,
            D(s.came_to_attention),
            "Offensive remarks on a team messaging group.",
            (officer,),
            (allegation,),
        ),
    )
    severity = (
        SeverityResult.GROSS_MISCONDUCT
        if s.finding is Finding.GROSS_MISCONDUCT
        else SeverityResult.MISCONDUCT
    )
    likely = LikelyForm.MEETING if s.forum is Forum.MISCONDUCT_MEETING else LikelyForm.HEARING
    accelerated = s.forum is Forum.ACCELERATED_MISCONDUCT_HEARING
    sa = D(s.severity_on)
    steps: list[c.Command] = [
        c.AssessSeverity(
            sa,
            SeverityAssessment(
                severity, likely, "Head of Professional Standards", "Discriminatory language."
            ),
        ),
        c.AppointInvestigator(sa, "Detective Inspector Robin Vale"),
        c.GiveRegulation17Notice(sa),
        c.SubmitInvestigationReport(D(s.notice_on), accelerated),
        c.DetermineCaseToAnswer(
            D(s.notice_on),
            Determination(
                True,
                s.finding,
                s.forum,
                "Superintendent, Professional Standards",
                "The evidence supports the allegation.",
                certified_special_conditions=accelerated,
            ),
        ),
        c.GiveReferralNotice(D(s.notice_on)),
    ]
    if not accelerated:
        steps.append(c.ReceiveOfficerResponse(D(s.notice_on), True))
    steps += [
        c.ArrangeProceedings(
            D(s.notice_on),
            ProceedingsArrangement(
                s.forum,
                D(s.starts_on),
                "Chief Superintendent Alex Moreno",
                panel=s.panel,
                in_public=s.forum is not Forum.MISCONDUCT_MEETING,
                anonymity_cipher=s.cipher,
                privacy_reasons="Anonymity on welfare grounds, after representations."
                if s.cipher
                else "",
            ),
        ),
        c.RecordFindings(
            D(s.starts_on),
            (
                AllegationFinding(
                    "A1",
                    True,
                    s.finding,
                    ("authority_respect_and_courtesy", "equality_and_diversity"),
                    True,
                ),
            ),
        ),
        c.DecideOutcome(
            D(s.starts_on),
            OutcomeDecision(
                officer.officer_id,
                s.outcome,
                "Chief Superintendent Alex Moreno",
                s.reasons,
                s.months,
            ),
        ),
        c.SubmitOutcomeReport(D(s.notified_on)),
        c.NotifyOfficer(D(s.notified_on), officer.officer_id),
    ]
    if s.published_on:
        steps.append(c.PublishOutcome(D(s.published_on)))
    return opening, steps


HEARING = Scenario(
    name="hearing",
    ref="KNT-2025-0201",
    officer_name="Marcus Thelwall",
    warrant="40917",
    cipher="Officer B",
    forum=Forum.MISCONDUCT_HEARING,
    finding=Finding.GROSS_MISCONDUCT,
    outcome=Outcome.DISMISSAL_WITHOUT_NOTICE,
    months=None,
    came_to_attention="2025-06-02",
    severity_on="2025-06-10",
    notice_on="2025-09-15",
    starts_on="2025-11-10",
    notified_on="2025-11-12",
    reasons="Discriminatory language repeated after challenge: nothing short of dismissal will maintain public confidence.",
    panel=("Ms Jane Lay (independent member)", "Mr Sam Okafor (independent member)"),
    published_on="2025-11-19",
)

MEETING = Scenario(
    name="meeting",
    ref="KNT-2026-0202",
    officer_name="Helen Barraclough",
    warrant="51230",
    cipher="",
    forum=Forum.MISCONDUCT_MEETING,
    finding=Finding.MISCONDUCT,
    outcome=Outcome.WRITTEN_WARNING,
    months=18,
    came_to_attention="2025-11-03",
    severity_on="2025-11-10",
    notice_on="2026-01-19",
    starts_on="2026-03-02",
    notified_on="2026-03-04",
    reasons="A single lapse, admitted at once, with genuine remorse: a written warning suffices.",
)

ACCELERATED = Scenario(
    name="accelerated",
    ref="KNT-2025-0203",
    officer_name="Gareth Pennock",
    warrant="62044",
    cipher="PC C",
    forum=Forum.ACCELERATED_MISCONDUCT_HEARING,
    finding=Finding.GROSS_MISCONDUCT,
    outcome=Outcome.FINAL_WRITTEN_WARNING,
    months=36,
    came_to_attention="2025-03-03",
    severity_on="2025-03-10",
    notice_on="2025-07-21",
    starts_on="2025-08-04",
    notified_on="2025-08-20",
    reasons="The remarks were a single episode, admitted and apologised for; a three-year final written warning protects the public.",
    published_on="2025-08-27",
)

SCENARIOS = (HEARING, MEETING, ACCELERATED)


def context(case: Case) -> DocumentContext:
    return context_from_case(case)
