"""Synthetic cases for load tests and demonstrations at national scale (``misconduct db seed``).

Deterministic for a seed. Proportions follow ``../shared/data/STATISTICS.md`` (Home Office, police
misconduct, England and Wales, years ending March 2023 and 2024; IOPC outcomes report 2022/23):
officers referred to proceedings go to a misconduct meeting about half the time (53% and 45%), a
hearing 27% and an accelerated hearing 19%; misconduct is found proven at 79% of meetings; at
hearings gross misconduct is proven for 78%, misconduct for 9%, nothing for the rest; accelerated
hearings end almost always in gross misconduct and dismissal; of gross misconduct proven after IOPC
investigations about three in four officers were dismissed (32 of 43). Cases before proceedings
(assessed as no misconduct, still under investigation, no case to answer) make up the rest, as in
any force's caseload. Every name is invented; the particulars are generic descriptions.

The timetable of each kind of case follows the demonstration cases (``services.demo``), whose gaps
satisfy the rules; a step the rules refuse on a given date ends the case there (see
``CaseService.open_many``), so every case written is one the rules accept.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from misconduct.domain import commands as c
from misconduct.domain.case import Case
from misconduct.domain.persons import new_officer_id
from misconduct.domain.proceedings import required_panel
from misconduct.domain.records import (
    AllegationFinding,
    AllegationRecord,
    CaseDetails,
    Determination,
    OutcomeDecision,
    PanelMember,
    ProceedingsArrangement,
    SeverityAssessment,
    SubjectOfficer,
)
from misconduct.domain.terms import ChairRole, LikelyForm, PanelRole, SeverityResult, Source
from misconduct.rules.outcomes import lawful_outcomes
from misconduct.rules.vocabulary import Finding, Forum, Outcome, Rank

Step = c.Command | Callable[[Case], c.Command]

# Forces and their weight (larger forces carry more cases).
FORCES = (
    ("metropolitan", 30),
    ("west_midlands", 10),
    ("greater_manchester", 9),
    ("west_yorkshire", 7),
    ("thames_valley", 6),
    ("merseyside", 5),
    ("kent", 5),
    ("essex", 5),
    ("avon_and_somerset", 4),
    ("surrey", 3),
    ("cleveland", 2),
    ("north_wales", 2),
)
CONDUCT = (
    ("Spoke rudely to a member of the public during a stop.", ("authority_respect_and_courtesy",)),
    ("Did not record a crime report on time.", ("duties_and_responsibilities",)),
    (
        "Searched police systems without a policing purpose.",
        ("confidentiality", "honesty_and_integrity"),
    ),
    ("Used excessive force on a detained person.", ("use_of_force",)),
    (
        "Sent offensive messages in a group chat.",
        ("discreditable_conduct", "equality_and_diversity"),
    ),
    ("Gave a false account of an incident in a statement.", ("honesty_and_integrity",)),
    ("Formed an inappropriate relationship with a victim of crime.", ("discreditable_conduct",)),
    ("Drove a police vehicle dangerously off duty.", ("discreditable_conduct",)),
    ("Failed to attend an urgent call and said he had.", ("duties_and_responsibilities",)),
    ("Disclosed operational information to a friend.", ("confidentiality",)),
)
FIRST = ("Alex", "Sam", "Jordan", "Chris", "Jamie", "Robin", "Taylor", "Morgan", "Casey", "Drew")
LAST = ("Ashworth", "Brennan", "Calloway", "Dunmore", "Everett", "Fairley", "Garside", "Hollins")

# (weight, path) over the whole caseload; proceedings 50%: meeting 25, hearing 14, accelerated 11.
PATHS = (
    (4, "intake"),
    (14, "no_misconduct"),
    (14, "investigating"),
    (8, "no_case_to_answer"),
    (5, "referred"),
    (23, "meeting"),
    (12, "hearing"),
    (9, "accelerated"),
    (11, "hearing_published"),
)


@dataclass(frozen=True)
class Seeded:
    opening: c.OpenCase
    steps: tuple[Step, ...]


def _pick(rng: random.Random, weighted: Sequence[tuple[int, str]]) -> str:
    return rng.choices([v for _, v in weighted], weights=[w for w, _ in weighted])[0]


def _force(rng: random.Random) -> str:
    return rng.choices([f for f, _ in FORCES], weights=[w for _, w in FORCES])[0]


def _decide(
    on: date, officer: str, rng: random.Random, preferred: Sequence[tuple[int, Outcome]]
) -> Callable[[Case], c.Command]:
    """A decision among the outcomes the rules leave open on the case as it then stands, drawn with
    the national weights ``preferred`` (the least severe open outcome if none of them is open)."""

    def command(case: Case) -> c.Command:
        from misconduct.domain.guards import question

        p = case.proceedings
        assert p is not None
        answer = lawful_outcomes(
            question(case, officer, p.arrangement.forum, case.officer_finding(officer), on)
        )
        open_ = [(w, o) for w, o in preferred if o in answer.available]
        outcome = (
            rng.choices([o for _, o in open_], weights=[w for w, _ in open_])[0]
            if open_
            else answer.available[0]
        )
        needs_reasons = any(
            r.id in ("exceptional_circumstances", "reasons_for_not_dismissing")
            for r in answer.requirements_for(outcome)
        )
        reasons = "Mitigation accepted; the outcome protects the public." if needs_reasons else ""
        return c.DecideOutcome(on, OutcomeDecision(officer, outcome, "Chair", reasons))

    return command


_GROSS = (
    (74, Outcome.DISMISSAL_WITHOUT_NOTICE),
    (22, Outcome.FINAL_WRITTEN_WARNING),
    (4, Outcome.WRITTEN_WARNING),
)
_MISCONDUCT = (
    (40, Outcome.WRITTEN_WARNING),
    (35, Outcome.MANAGEMENT_ADVICE),
    (15, Outcome.FINAL_WRITTEN_WARNING),
    (10, Outcome.REFLECTIVE_PRACTICE),
)


_PUT_OFF = "The officer's police friend is unavailable on the date arranged."
# Invented names for synthetic panels, one per role.
_PANEL_NAMES = {
    PanelRole.POLICE_MEMBER: "Superintendent (police member)",
    PanelRole.INDEPENDENT_MEMBER: "Independent member",
    PanelRole.QUALIFIED_LAY_MEMBER: "Lay member (qualified)",
    PanelRole.LAY_MEMBER: "Lay member",
    PanelRole.LEGALLY_QUALIFIED_PERSON: "Legally qualified person",
}


def _arranged(
    on: date, forum: Forum, starts: date, chair: str, cipher: str = ""
) -> Callable[[Case], c.Command]:
    """The meeting or hearing arranged with venue and time, and the chair's capacity and a member in
    each role the rules require for the case's date (``required_panel``), so they are checked like
    real ones; the chief officer's delegate chairs a hearing from 7 May 2024."""

    def build(case: Case) -> c.Command:
        role, roles = required_panel(case)
        name = "Chief officer's delegate" if role is ChairRole.CHIEF_OFFICER_DELEGATE else chair
        adviser = [_PANEL_NAMES[r] for r in roles if r.advises]
        return c.ArrangeProceedings(
            on,
            ProceedingsArrangement(
                forum,
                starts,
                name,
                panel=tuple(_PANEL_NAMES[r] for r in roles if not r.advises),
                adviser=adviser[0] if adviser else "",
                in_public=forum is not Forum.MISCONDUCT_MEETING,
                anonymity_cipher=cipher,
                privacy_reasons="Welfare grounds." if cipher else "",
                venue="Professional Standards hearing room",
                starts_at=time(10),
                chair_role=role,
                members=tuple(PanelMember(_PANEL_NAMES[r], r) for r in roles),
            ),
        )

    return build


def _put_off(on: date, to: date) -> Callable[[Case], c.Command]:
    """Before putting a meeting off past its reg 34 limit, the person conducting extends it with
    reasons (reg 34(2)-(3)); where no such limit runs (before the 2020 regime), a note says why."""

    def build(case: Case) -> c.Command:
        if any(i.step == "reg34_meeting" for i in case.open_limits()):
            return c.ExtendTimeLimit(on, "reg34_meeting", to, _PUT_OFF)
        return c.AddNote(on, _PUT_OFF)

    return build


def seeded_case(n: int, seed: int, on: date) -> Seeded:
    """The ``n``-th synthetic case of ``seed``, with every step dated on or before ``on``."""
    rng = random.Random(seed * 1_000_003 + n)
    force = _force(rng)
    path = _pick(rng, PATHS)
    span = 5 * 365
    attention = on - timedelta(days=rng.randrange(20, span))

    def d(days: int) -> date:
        return attention + timedelta(days=days)

    # An opaque id (``domain.persons``) from its own generator, so the draws below stay as they were.
    oid = new_officer_id(random.Random(f"seeded officer {seed} {n}"))
    officer = SubjectOfficer(
        oid,
        f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        f"S{seed}-{n}",
        rng.choices([Rank.CONSTABLE, Rank.SERGEANT, Rank.INSPECTOR], weights=[80, 15, 5])[0],
        force,
    )
    particulars, standards = rng.choice(CONDUCT)
    allegation = AllegationRecord(
        "A1", oid, particulars, d(-20), d(-5), rng.random() < 0.8, standards
    )
    source = rng.choices(
        [Source.COMPLAINT, Source.CONDUCT_MATTER, Source.RECORDABLE_CONDUCT_MATTER],
        weights=[20, 50, 30],
    )[0]
    ref = f"S{seed}-{force[:3].upper()}-{n:07d}"
    details = CaseDetails(ref, force, source, attention, particulars, (officer,), (allegation,))
    opening = c.OpenCase(d(1), details)
    steps: list[tuple[date, Step]] = []

    def add(day: int, step: Step) -> None:
        steps.append((d(day), step))

    def assess(day: int, result: SeverityResult, form: LikelyForm | None) -> None:
        add(
            day,
            c.AssessSeverity(d(day), SeverityAssessment(result, form, "Head of PSD", "Assessed.")),
        )

    def investigate(start: int, report: int, statement: bool = False) -> None:
        add(start, c.AppointInvestigator(d(start), "PSD investigator"))
        add(start + 2, c.GiveRegulation17Notice(d(start + 2)))
        add(report, c.SubmitInvestigationReport(d(report), statement))

    def determine(
        day: int, level: Finding | None, form: Forum | None, certified: bool = False
    ) -> None:
        add(
            day,
            c.DetermineCaseToAnswer(
                d(day),
                Determination(
                    level is not None,
                    level,
                    form,
                    "Appropriate authority",
                    "Considered.",
                    certified_special_conditions=certified,
                ),
            ),
        )

    def find(day: int, level: Finding) -> None:
        proven = level is not Finding.NO_MISCONDUCT
        add(
            day,
            c.RecordFindings(
                d(day), (AllegationFinding("A1", proven, level, standards if proven else ()),)
            ),
        )

    def conclude(day: int, preferred: Sequence[tuple[int, Outcome]], publish: bool) -> None:
        add(day, _decide(d(day), oid, rng, preferred))
        add(day + 6, c.SubmitOutcomeReport(d(day + 6)))
        add(day + 7, c.NotifyOfficer(d(day + 7), oid))
        if publish:
            add(day + 8, c.PublishOutcome(d(day + 8)))
        add(day + 40, c.CloseCase(d(day + 40), "Outcome final."))

    if path == "no_misconduct":
        assess(13, SeverityResult.PRACTICE_REQUIRING_IMPROVEMENT, None)
        add(15, c.ReferToReflectivePractice(d(15), oid))
    elif path == "investigating":
        if rng.random() < 0.5:
            assess(8, SeverityResult.MISCONDUCT, LikelyForm.MEETING)
        else:
            assess(8, SeverityResult.GROSS_MISCONDUCT, LikelyForm.HEARING)
        add(9, c.AppointInvestigator(d(9), "PSD investigator"))
        add(11, c.GiveRegulation17Notice(d(11)))
    elif path == "no_case_to_answer":
        assess(8, SeverityResult.MISCONDUCT, LikelyForm.MEETING)
        investigate(9, 120)
        determine(134, None, None)
        add(160, c.CloseCase(d(160), "No case to answer."))
    elif path in ("referred", "meeting"):
        assess(13, SeverityResult.MISCONDUCT, LikelyForm.MEETING)
        investigate(14, 120)
        determine(134, Finding.MISCONDUCT, Forum.MISCONDUCT_MEETING)
        add(139, c.GiveReferralNotice(d(139)))
        if path == "meeting":
            add(157, c.ReceiveOfficerResponse(d(157), True))
            add(157, c.ExchangeWitnessLists(d(157)))
            # Arranged within the reg 34 limit, then put off with the limit extended (reg 34(2)).
            add(
                160,
                _arranged(d(160), Forum.MISCONDUCT_MEETING, d(180), "Chair appointed under reg 28"),
            )
            add(161, c.SendPapersToChair(d(161)))
            add(161, c.GiveHearingNotice(d(161)))
            add(175, _put_off(d(175), d(255)))
            add(175, c.AdjournProceedings(d(175), d(251), _PUT_OFF))
            add(176, c.GiveHearingNotice(d(176)))
            find(251, Finding.MISCONDUCT if rng.random() < 0.79 else Finding.NO_MISCONDUCT)
            conclude(251, _MISCONDUCT, publish=False)
    elif path in ("hearing", "hearing_published"):
        assess(8, SeverityResult.GROSS_MISCONDUCT, LikelyForm.HEARING)
        investigate(9, 200)
        determine(209, Finding.GROSS_MISCONDUCT, Forum.MISCONDUCT_HEARING)
        add(213, c.GiveReferralNotice(d(213)))
        add(230, c.ReceiveOfficerResponse(d(230), False))
        add(233, c.ExchangeWitnessLists(d(233)))
        cipher = f"Officer {chr(65 + rng.randrange(26))}" if rng.random() < 0.2 else ""
        add(
            238,
            _arranged(
                d(238),
                Forum.MISCONDUCT_HEARING,
                d(290),
                "Legally qualified chair",
                cipher,
            ),
        )
        add(239, c.SendPapersToChair(d(239)))
        add(239, c.GiveHearingNotice(d(239)))
        add(255, c.HoldPreHearing(d(255)))
        add(276, c.GivePublicNotice(d(276)))
        roll = rng.random()
        level = (
            Finding.GROSS_MISCONDUCT
            if roll < 0.78
            else Finding.MISCONDUCT
            if roll < 0.87
            else Finding.NO_MISCONDUCT
        )
        find(294, level)
        conclude(
            294,
            _GROSS if level is Finding.GROSS_MISCONDUCT else _MISCONDUCT,
            publish=path == "hearing_published" or rng.random() < 0.8,
        )
    elif path == "accelerated":
        assess(14, SeverityResult.GROSS_MISCONDUCT, LikelyForm.HEARING)
        investigate(14, 83, statement=True)
        determine(91, Finding.GROSS_MISCONDUCT, Forum.ACCELERATED_MISCONDUCT_HEARING, True)
        add(93, c.GiveReferralNotice(d(93)))
        add(100, c.ReceiveOfficerResponse(d(100), True))
        cipher = "Officer A" if rng.random() < 0.2 else ""
        add(
            100,
            _arranged(
                d(100), Forum.ACCELERATED_MISCONDUCT_HEARING, d(111), "Chief officer", cipher
            ),
        )
        find(111, Finding.GROSS_MISCONDUCT)
        conclude(
            111,
            ((95, Outcome.DISMISSAL_WITHOUT_NOTICE), (5, Outcome.FINAL_WRITTEN_WARNING)),
            publish=True,
        )
    return Seeded(opening, tuple(s for day, s in steps if day <= on))


def seeded_cases(count: int, seed: int, on: date, start: int = 0) -> Iterator[Seeded]:
    for n in range(start, start + count):
        yield seeded_case(n, seed, on)
