"""Demonstration data: the canonical case at its stages and dates, and cases at other stages.

Every officer name is fictional. Where the public account of the canonical case gives no date, the
date below is invented to be plausible and marked "invented". Loading is idempotent: a case whose
reference already exists is left alone.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from misconduct.domain import commands as c
from misconduct.domain.case import Case
from misconduct.domain.lifecycle import decide, open_case
from misconduct.domain.persons import new_officer_id
from misconduct.domain.records import (
    AllegationFinding,
    AllegationRecord,
    Assignment,
    CaseDetails,
    Determination,
    PanelMember,
    PartyRecord,
    PriorWarning,
    ProceedingsArrangement,
    SeverityAssessment,
    SubjectOfficer,
)
from misconduct.domain.terms import (
    AssignmentRole,
    ChairRole,
    LikelyForm,
    PanelRole,
    PartyRole,
    SeverityResult,
    Source,
)
from misconduct.rules.vocabulary import Finding, Forum, Outcome, Rank
from misconduct.services.assessment import Found, assessed_decision
from misconduct.services.cases import CaseService
from misconduct.services.intake import open_case as open_through_intake
from misconduct.services.intake import read_intake

D = date.fromisoformat
CANONICAL_REF = "MPS-2025-0001"
CANONICAL_FOUND = Found(
    {
        "knew_conduct_was_wrong": "he must have known a force-issued phone was not to be used for this",
        "limited_damage_to_public_confidence": (
            "the conduct was inappropriate but lawful; the public would be concerned to learn of "
            "it, but no one was harmed"
        ),
        "conduct_over_period": "about a year, January 2024 to January 2025",
        "on_duty_or_in_uniform": "five of the eight images were taken while he was on duty",
        "misuse_of_police_equipment_or_systems": "the force-issued work phone",
        "those_affected_consented": "",
        "conduct_not_criminal": "",
        "open_admissions": "the conduct was admitted",
    },
    {
        "remorse_and_apology": "he apologised",
        "insight_and_steps_taken": (
            "he sought professional medical help and has taken steps to address the behaviour, "
            "which he linked to the demands of his work"
        ),
    },
)
"""What the chair found in DOMAIN.md TC-1 (as in examples/canonical_case.toml)."""


CANONICAL_INTAKE: dict[str, Any] = {
    "ref": CANONICAL_REF,
    "force": "metropolitan",
    "source": "conduct_matter",
    "summary": (
        "Over about a year, used his force-issued mobile phone for sexual messages, sending eight "
        "intimate images of himself, five of them taken while on duty."
    ),
    "opened_on": "2025-01-22",  # invented: opened the day after it came to attention
    # invented: the day after the conduct period ended, before 28 May 2025
    "attention": {"force": "2025-01-21"},
    "iopc_referral": {
        "referred": False,
        "reasons": "invented: no mandatory referral criterion met",
        "mode": "local",
    },
    "officers": [{"name": "Daniel Marsh", "rank": "constable", "number": "274519"}],
    "allegations": [
        {
            "id": "A1",
            "officer": "274519",
            "particulars": (
                "Over about a year, used his force-issued mobile phone for sexual messages, sending "
                "eight intimate images of himself, five of them taken while on duty."
            ),
            "conduct_from": "2024-01-25",
            "conduct_to": "2025-01-20",
            "on_duty": True,
            "standards": ["discreditable_conduct"],
        }
    ],
}
"""The canonical case as it is opened: the intake format (docs/intake.md), through the intake service."""


@dataclass(frozen=True)
class DemoCase:
    opening: c.OpenCase
    steps: tuple[c.Command, ...]

    @property
    def ref(self) -> str:
        return self.opening.details.ref


def officer_id(force: str, number: str) -> str:
    """The opaque id of a demonstration officer: the same on every load (drawn from a generator
    seeded with the force and number, so not secret; real officers' ids are random), so that tests
    and a database loaded twice agree."""
    return new_officer_id(random.Random(f"demo officer {force} {number}"))


def _officer(
    force: str,
    number: str,
    name: str,
    rank: Rank = Rank.CONSTABLE,
    prior_warnings: tuple[PriorWarning, ...] = (),
) -> SubjectOfficer:
    return SubjectOfficer(
        officer_id(force, number), name, number, rank, force, prior_warnings=prior_warnings
    )


def _open(
    ref: str,
    on: str,
    attention: str,
    officer: SubjectOfficer,
    particulars: str,
    period: tuple[str, str],
    standards: tuple[str, ...],
    source: Source = Source.CONDUCT_MATTER,
    on_duty: bool = True,
) -> c.OpenCase:
    allegation = AllegationRecord(
        "A1", officer.officer_id, particulars, D(period[0]), D(period[1]), on_duty, standards
    )
    details = CaseDetails(
        ref, officer.force, source, D(attention), particulars, (officer,), (allegation,)
    )
    return c.OpenCase(D(on), details)


def _assess(on: str, result: SeverityResult, form: LikelyForm | None, reasons: str) -> c.Command:
    return c.AssessSeverity(
        D(on), SeverityAssessment(result, form, "Head of Professional Standards", reasons)
    )


def _investigate(
    appointed: str, notice: str, report: str, statement: bool = False
) -> list[c.Command]:
    return [
        c.AppointInvestigator(D(appointed), "Professional Standards investigator"),
        c.GiveRegulation17Notice(D(notice)),
        c.SubmitInvestigationReport(D(report), statement),
    ]


def _determine(on: str, level: Finding, form: Forum, certified: bool = False) -> c.Command:
    d = Determination(
        True,
        level,
        form,
        "Appropriate authority (PSD superintendent)",
        "Evidence supports the allegation.",
        certified_special_conditions=certified,
    )
    return c.DetermineCaseToAnswer(D(on), d)


# Invented names for the members of the demo panels, one per role.
PANEL_NAMES = {
    PanelRole.QUALIFIED_LAY_MEMBER: "Dr Morgan Reeve",
    PanelRole.LAY_MEMBER: "Mr Tom Ashdown",
    PanelRole.LEGALLY_QUALIFIED_PERSON: "Ms Ruth Okoye",
    PanelRole.POLICE_MEMBER: "Superintendent Dana Hale",
    PanelRole.INDEPENDENT_MEMBER: "Ms Priya Anand",
}


def _arrange(on: str, forum: Forum, starts: str, at: str = "10:00") -> c.Command:
    """Arranged as a PSD arranges a meeting or hearing today: venue and time, the chair's capacity
    and, for a hearing, a member in each role the rules give for the date of the notice of referral
    (every demo notice is after 7 May 2024: the chief officer's delegate with two lay members,
    advised by a legally qualified person), so the rules check them like real ones."""
    hearing = forum is Forum.MISCONDUCT_HEARING
    roles = (
        (PanelRole.QUALIFIED_LAY_MEMBER, PanelRole.LAY_MEMBER, PanelRole.LEGALLY_QUALIFIED_PERSON)
        if hearing
        else ()
    )
    arrangement = ProceedingsArrangement(
        forum,
        D(starts),
        "Chief Superintendent Alex Morgan" if hearing else "Chief Inspector Lee Barnes",
        in_public=forum is not Forum.MISCONDUCT_MEETING,
        venue="Professional Standards hearing room",
        starts_at=time.fromisoformat(at),
        chair_role=ChairRole.CHIEF_OFFICER_DELEGATE if hearing else ChairRole.PERSON_CONDUCTING,
        members=tuple(PanelMember(PANEL_NAMES[r], r) for r in roles),
        panel=tuple(PANEL_NAMES[r] for r in roles if not r.advises),
        adviser=PANEL_NAMES[PanelRole.LEGALLY_QUALIFIED_PERSON] if hearing else "",
    )
    return c.ArrangeProceedings(D(on), arrangement)


def _prepare(on: str, pre_hearing: str | None = None) -> list[c.Command]:
    """The papers to the chair (reg 32(6)) and the notice to the officer of the date, time, place and
    panel (reg 35(1)-(2)) on ``on``; for a hearing, the pre-hearing (reg 33)."""
    steps: list[c.Command] = [c.SendPapersToChair(D(on)), c.GiveHearingNotice(D(on))]
    if pre_hearing is not None:
        steps.append(c.HoldPreHearing(D(pre_hearing), "Witnesses and bundles agreed."))
    return steps


def _put_off(on: str, resumes: str, extended_to: str, reasons: str) -> list[c.Command]:
    """A meeting put off past its reg 34 limit: the person conducting extends the limit with
    reasons (reg 34(2)-(3)), adjourns it (reg 41(3)) and the officer is given notice of the new
    date (reg 35(1))."""
    return [
        c.ExtendTimeLimit(D(on), "reg34_meeting", D(extended_to), reasons),
        c.AdjournProceedings(D(on), D(resumes), reasons),
        c.GiveHearingNotice(D(on)),
    ]


def _find(on: str, level: Finding, standards: tuple[str, ...]) -> c.Command:
    return c.RecordFindings(
        D(on),
        (AllegationFinding("A1", level is not Finding.NO_MISCONDUCT, level, standards, True),),
    )


@dataclass(frozen=True)
class _Decide:
    """A decision in a demo case's steps, made with the assessment engine's result on the case as it
    stands at that point (after the findings): the facts come from the case's own record."""

    on: str
    officer: SubjectOfficer
    found: Found
    outcome: Outcome
    reasons: str = ""
    months: int | None = None

    def command(self, case: Case) -> c.Command:
        decision = assessed_decision(
            case,
            self.officer.officer_id,
            self.found,
            outcome=self.outcome,
            decision_maker="Chair",
            reasons=self.reasons,
            warning_months=self.months,
        )
        return c.DecideOutcome(D(self.on), decision)


def _demo(opening: c.OpenCase, steps: Sequence[c.Command | _Decide]) -> DemoCase:
    """The case with each decision's assessment computed on the case folded up to it."""
    case = Case.from_events([open_case(opening)])
    commands: list[c.Command] = []
    for step in steps:
        command = step.command(case) if isinstance(step, _Decide) else step
        case.apply(decide(case, command))
        commands.append(command)
    return DemoCase(opening, tuple(commands))


def canonical_case() -> DemoCase:
    """The Metropolitan Police "PC A" case: gross misconduct, final written warning for two years.

    Known: the conduct period (25 January 2024 to 20 January 2025), gross misconduct for discreditable
    conduct decided by an assistant commissioner, a final written warning of two years, anonymity as
    "PC A". Every other date is invented: the account gives none.
    """
    pc = _officer("metropolitan", "274519", "Daniel Marsh")
    intake = read_intake(
        CANONICAL_INTAKE, today=D(CANONICAL_INTAKE["opened_on"]), identify=officer_id
    )
    opening = intake.command(CANONICAL_REF)
    aa = PartyRecord(PartyRole.APPROPRIATE_AUTHORITY, "Commissioner of Police of the Metropolis")
    steps: list[c.Command | _Decide] = [
        c.AddParty(D("2025-01-22"), aa),
        _assess(
            "2025-02-04",
            SeverityResult.GROSS_MISCONDUCT,
            LikelyForm.HEARING,
            "Use of a work phone for sexual imagery, partly on duty, could justify dismissal.",
        ),
        c.AppointInvestigator(
            D("2025-02-04"), "Detective Sergeant, Directorate of Professional Standards"
        ),
        c.GiveRegulation17Notice(D("2025-02-06")),  # invented; reg 18 window ends 20 Feb 2025
        c.ReceiveRegulation18Response(D("2025-02-19")),  # invented
        c.RecordInterview(D("2025-03-03"), pc.officer_id),  # invented
        c.SubmitInvestigationReport(D("2025-04-14"), True),  # invented; reg 21(3) statement made
        _determine(
            "2025-04-22",
            Finding.GROSS_MISCONDUCT,
            Forum.ACCELERATED_MISCONDUCT_HEARING,
            True,
        ),  # invented date; certified under reg 49
        c.GiveReferralNotice(D("2025-04-24")),  # invented; hearing window 9-16 May 2025
        c.ReceiveOfficerResponse(D("2025-05-01"), True),  # the officer admitted the conduct
        c.ArrangeProceedings(
            D("2025-05-01"),
            ProceedingsArrangement(
                Forum.ACCELERATED_MISCONDUCT_HEARING,
                D("2025-05-14"),  # invented, inside the reg 52 window
                # Delegated by the Commissioner under reg 2(4A) (SI 2024/521 reg 3(3)).
                "Assistant Commissioner (professionalism)",
                adviser="Legally qualified person",
                chair_role=ChairRole.CHIEF_OFFICER_DELEGATE,  # reg 55(1), reg 2(4A)
                in_public=True,
                anonymity_cipher="PC A",
                reporting_restrictions="The officer's name and image may not be published.",
                privacy_reasons="Anonymity granted on welfare grounds after representations.",
            ),
        ),
        c.AddParty(
            D("2025-05-01"),
            PartyRecord(PartyRole.CHAIR, "Assistant Commissioner (professionalism)"),
        ),
        _find("2025-05-14", Finding.GROSS_MISCONDUCT, ("discreditable_conduct",)),
        _Decide(
            "2025-05-14",
            pc,
            CANONICAL_FOUND,
            Outcome.FINAL_WRITTEN_WARNING,
            # The chair's reasons in our own words, after the reported ruling (DOMAIN.md TC-1).
            "What the officer did, and has admitted, fell well below the standard the public is "
            "entitled to expect, and many would be troubled to learn that an officer behaved in this "
            "way while on duty. Against that, the images went only to adults who consented, nothing "
            "done was a criminal offence, and the damage to the reputation of the force, though "
            "real, is limited.\n\n"
            "I accept the mitigation put before me: the officer has apologised, has sought "
            "professional help and has already begun to address his behaviour. Having weighed the "
            "particular circumstances of this case with care, I am satisfied that a final written "
            "warning meets the purposes of these proceedings. Because I regard the breach as "
            "serious, the warning will stand for two years.",
            24,
        ),
        c.SubmitOutcomeReport(D("2025-05-20")),  # invented; due by 21 May 2025
        c.NotifyOfficer(D("2025-05-21"), pc.officer_id),  # invented; the warning runs from here
        c.PublishOutcome(D("2025-05-22")),  # invented; must stay up until 18 Jun 2025
        c.CloseCase(
            D("2025-06-19"), "Outcome final: no appeal lodged, publication period complete."
        ),
    ]
    return _demo(opening, steps)


def other_cases() -> list[DemoCase]:
    """Cases at other stages, with dates chosen so some limits are still running in late 2026."""
    cases: list[DemoCase] = []

    def add(opening: c.OpenCase, steps: Sequence[c.Command | _Decide]) -> None:
        cases.append(_demo(opening, steps))

    o = _officer("west_midlands", "31877", "Priya Holloway")
    add(
        _open(
            "WMP-2026-0101",
            "2026-11-16",
            "2026-11-13",
            o,
            "Spoke rudely to a member of the public at a roadside stop.",
            ("2026-11-10", "2026-11-10"),
            ("authority_respect_and_courtesy",),
            Source.COMPLAINT,
        ),
        [],
    )

    o = _officer("greater_manchester", "40221", "Tomasz Reid")
    add(
        _open(
            "GMP-2026-0102",
            "2026-09-21",
            "2026-09-18",
            o,
            "Did not record a crime report on time.",
            ("2026-08-01", "2026-08-03"),
            ("duties_and_responsibilities",),
        ),
        [
            _assess(
                "2026-10-05",
                SeverityResult.PRACTICE_REQUIRING_IMPROVEMENT,
                None,
                "Learning point, not misconduct.",
            ),
            c.ReferToReflectivePractice(D("2026-10-07"), o.officer_id),
        ],
    )

    o = _officer("kent", "18802", "Ellis Carter", Rank.SERGEANT)
    add(
        _open(
            "KNT-2026-0103",
            "2026-08-20",
            "2026-08-19",
            o,
            "Searched police systems for a neighbour's records without a policing purpose.",
            ("2026-06-01", "2026-07-30"),
            ("confidentiality", "honesty_and_integrity"),
        ),
        [
            _assess(
                "2026-09-01",
                SeverityResult.GROSS_MISCONDUCT,
                LikelyForm.HEARING,
                "Deliberate misuse of systems.",
            ),
            c.AppointInvestigator(D("2026-09-02"), "PSD investigator"),
            c.GiveRegulation17Notice(D("2026-11-16")),
        ],
    )

    o = _officer("thames_valley", "22915", "Marcus Bell")
    add(
        _open(
            "TVP-2025-0104",
            "2025-10-02",
            "2025-10-01",
            o,
            "Failed to attend a call graded as urgent and said he had.",
            ("2025-09-14", "2025-09-14"),
            ("duties_and_responsibilities", "honesty_and_integrity"),
        ),
        [
            _assess(
                "2025-10-20", SeverityResult.MISCONDUCT, LikelyForm.MEETING, "Single incident."
            ),
            c.AppointInvestigator(D("2025-10-21"), "PSD investigator"),
            c.GiveRegulation17Notice(D("2025-10-23")),
            c.ReceiveRegulation18Response(D("2025-11-05")),
        ],
    )

    o = _officer("essex", "51030", "Grace Nwosu")
    add(
        _open(
            "ESX-2026-0105",
            "2026-04-02",
            "2026-04-01",
            o,
            "Posted a disparaging comment about a colleague on social media.",
            ("2026-03-20", "2026-03-20"),
            ("authority_respect_and_courtesy",),
            on_duty=False,
        ),
        [
            _assess(
                "2026-04-15",
                SeverityResult.MISCONDUCT,
                LikelyForm.MEETING,
                "Off-duty, single post.",
            ),
            *_investigate("2026-04-16", "2026-04-20", "2026-09-30"),
            _determine("2026-10-12", Finding.MISCONDUCT, Forum.MISCONDUCT_MEETING),
            c.GiveReferralNotice(D("2026-11-10")),
        ],
    )

    o = _officer("west_yorkshire", "60455", "Owen Pritchard")
    add(
        _open(
            "WYP-2026-0106",
            "2026-02-03",
            "2026-02-02",
            o,
            "Used excessive force on a detained person in custody.",
            ("2026-01-28", "2026-01-28"),
            ("use_of_force",),
            Source.COMPLAINT,
        ),
        [
            _assess(
                "2026-02-16",
                SeverityResult.GROSS_MISCONDUCT,
                LikelyForm.HEARING,
                "CCTV shows a strike to a restrained detainee.",
            ),
            *_investigate("2026-02-17", "2026-02-19", "2026-08-28"),
            _determine("2026-09-10", Finding.GROSS_MISCONDUCT, Forum.MISCONDUCT_HEARING),
            c.GiveReferralNotice(D("2026-09-14")),
            c.ReceiveOfficerResponse(D("2026-10-02"), False),
            c.ExchangeWitnessLists(D("2026-10-06")),
            _arrange("2026-10-20", Forum.MISCONDUCT_HEARING, "2026-12-14"),
            *_prepare("2026-10-21", "2026-11-04"),
        ],
    )

    o = _officer("merseyside", "70312", "Hannah Doyle")
    add(
        _open(
            "MER-2026-0107",
            "2026-01-12",
            "2026-01-09",
            o,
            "Formed an inappropriate relationship with a vulnerable victim of crime.",
            ("2025-10-01", "2025-12-20"),
            ("discreditable_conduct", "duties_and_responsibilities"),
        ),
        [
            _assess(
                "2026-01-20",
                SeverityResult.GROSS_MISCONDUCT,
                LikelyForm.HEARING,
                "Abuse of position.",
            ),
            *_investigate("2026-01-21", "2026-01-23", "2026-07-15"),
            _determine("2026-07-29", Finding.GROSS_MISCONDUCT, Forum.MISCONDUCT_HEARING),
            c.GiveReferralNotice(D("2026-08-03")),
            c.ReceiveOfficerResponse(D("2026-08-20"), False),
            c.ExchangeWitnessLists(D("2026-08-20")),
            _arrange("2026-09-01", Forum.MISCONDUCT_HEARING, "2026-10-26"),
            *_prepare("2026-09-01", "2026-09-21"),
            # The demo chair (web demo_users.CANONICAL_CHAIR) is named, so a newcomer signed in as
            # the demo chair finds this case waiting for their decision.
            c.AddParty(
                D("2026-09-01"),
                PartyRecord(PartyRole.CHAIR, "Assistant Commissioner (professionalism)"),
            ),
            c.GivePublicNotice(D("2026-10-12")),
            _find("2026-10-30", Finding.GROSS_MISCONDUCT, ("discreditable_conduct",)),
        ],
    )

    o = _officer("surrey", "80144", "Liam Foster")
    add(
        _open(
            "SUR-2026-0108",
            "2026-03-03",
            "2026-03-02",
            o,
            "Left a prisoner's property unsecured, and it was lost.",
            ("2026-02-20", "2026-02-20"),
            ("duties_and_responsibilities",),
        ),
        [
            _assess(
                "2026-03-16",
                SeverityResult.MISCONDUCT,
                LikelyForm.MEETING,
                "Careless, single incident.",
            ),
            *_investigate("2026-03-17", "2026-03-19", "2026-07-01"),
            _determine("2026-07-15", Finding.MISCONDUCT, Forum.MISCONDUCT_MEETING),
            c.GiveReferralNotice(D("2026-07-20")),
            c.ReceiveOfficerResponse(D("2026-08-07"), True),
            c.ExchangeWitnessLists(D("2026-08-07")),
            _arrange("2026-08-10", Forum.MISCONDUCT_MEETING, "2026-09-03", "14:00"),
            *_prepare("2026-08-11"),
            *_put_off(
                "2026-08-28",
                "2026-11-09",
                "2026-11-13",
                "The officer's police friend is on leave until November.",
            ),
            _find("2026-11-09", Finding.MISCONDUCT, ("duties_and_responsibilities",)),
            _Decide(
                "2026-11-09",
                o,
                Found(
                    {
                        "careless_or_unintended": "the property was left on a desk, not taken",
                        "single_episode": "",
                        "limited_damage_to_public_confidence": "",
                        "open_admissions": "admitted at the meeting",
                    },
                    {"good_record": "no previous misconduct in nine years"},
                ),
                Outcome.WRITTEN_WARNING,
            ),
            c.SubmitOutcomeReport(D("2026-11-13")),
            c.NotifyOfficer(D("2026-11-20"), o.officer_id),
        ],
    )

    o = _officer("devon_and_cornwall", "90077", "Isla Morgan")
    add(
        _open(
            "DEV-2026-0109",
            "2026-01-06",
            "2026-01-05",
            o,
            "Shared a demeaning image about a member of the public in a work group chat.",
            ("2025-12-18", "2025-12-18"),
            ("authority_respect_and_courtesy", "equality_and_diversity"),
        ),
        [
            _assess(
                "2026-01-19",
                SeverityResult.MISCONDUCT,
                LikelyForm.MEETING,
                "Discriminatory content, one message.",
            ),
            *_investigate("2026-01-20", "2026-01-22", "2026-05-29"),
            _determine("2026-06-10", Finding.MISCONDUCT, Forum.MISCONDUCT_MEETING),
            c.GiveReferralNotice(D("2026-06-15")),
            c.ReceiveOfficerResponse(D("2026-07-03"), False),
            c.ExchangeWitnessLists(D("2026-07-03")),
            _arrange("2026-07-06", Forum.MISCONDUCT_MEETING, "2026-07-29", "14:00"),
            *_prepare("2026-07-07"),
            *_put_off(
                "2026-07-20",
                "2026-09-14",
                "2026-09-18",
                "A witness's statement is awaited from abroad.",
            ),
            _find("2026-09-14", Finding.MISCONDUCT, ("equality_and_diversity",)),
            _Decide(
                "2026-09-14",
                o,
                Found(
                    {
                        "discrimination_evident": "the image demeaned a member of the public",
                        "knew_conduct_was_wrong": "",
                        "damage_to_public_confidence": "",
                        "single_episode": "one message",
                    }
                ),
                Outcome.FINAL_WRITTEN_WARNING,
            ),
            c.SubmitOutcomeReport(D("2026-09-18")),
            c.NotifyOfficer(D("2026-09-21"), o.officer_id),
            c.LodgeAppeal(D("2026-09-28"), o.officer_id),
        ],
    )

    o = _officer("british_transport_police", "11290", "Ryan Whitaker")
    add(
        _open(
            "BTP-2025-0110",
            "2025-06-10",
            "2025-06-09",
            o,
            "Off duty, showed his warrant card to pursue a lone woman for a sexual purpose.",
            ("2025-06-01", "2025-06-01"),
            ("discreditable_conduct", "authority_respect_and_courtesy"),
            on_duty=False,
        ),
        [
            _assess(
                "2025-06-20",
                SeverityResult.GROSS_MISCONDUCT,
                LikelyForm.HEARING,
                "Abuse of position for a sexual purpose.",
            ),
            *_investigate("2025-06-23", "2025-06-25", "2025-11-28"),
            _determine("2025-12-10", Finding.GROSS_MISCONDUCT, Forum.MISCONDUCT_HEARING),
            c.GiveReferralNotice(D("2025-12-15")),
            c.ReceiveOfficerResponse(D("2026-01-07"), False),
            c.ExchangeWitnessLists(D("2026-01-07")),
            _arrange("2026-01-12", Forum.MISCONDUCT_HEARING, "2026-03-02"),
            *_prepare("2026-01-12", "2026-01-26"),
            c.GivePublicNotice(D("2026-02-16")),
            _find("2026-03-04", Finding.GROSS_MISCONDUCT, ("discreditable_conduct",)),
            _Decide(
                "2026-03-04",
                o,
                Found(
                    {
                        "abuse_of_position_sexual_purpose": "showed his warrant card to pursue her",
                        "violence_against_women_and_girls": "",
                        "abuse_of_powers_or_authority": "",
                        "intentional_or_deliberate": "",
                        "serious_damage_to_public_confidence": "",
                    }
                ),
                Outcome.DISMISSAL_WITHOUT_NOTICE,
            ),
            c.SubmitOutcomeReport(D("2026-03-10")),
            c.NotifyOfficer(D("2026-03-11"), o.officer_id),
            c.PublishOutcome(D("2026-03-12")),
            c.ReportToBarredList(D("2026-03-13"), o.officer_id),
        ],
    )

    o = _officer("north_yorkshire", "33310", "Fiona Shaw", Rank.INSPECTOR)
    add(
        _open(
            "NYP-2026-0111",
            "2026-02-10",
            "2026-02-09",
            o,
            "Alleged to have ignored a welfare concern raised by a constable.",
            ("2026-01-15", "2026-01-15"),
            ("challenging_and_reporting_improper_conduct",),
            Source.COMPLAINT,
        ),
        [
            _assess(
                "2026-02-20",
                SeverityResult.MISCONDUCT,
                LikelyForm.MEETING,
                "Possible failure to act.",
            ),
            *_investigate("2026-02-23", "2026-02-25", "2026-06-12"),
            c.DetermineCaseToAnswer(
                D("2026-06-24"),
                Determination(
                    False,
                    None,
                    None,
                    "Appropriate authority",
                    "Records show the concern was escalated the same day.",
                ),
            ),
            c.CloseCase(D("2026-06-25"), "No case to answer."),
        ],
    )

    # TC-11 pattern: a final written warning in force on the severity-assessment date.
    o = _officer(
        "lancashire",
        "45501",
        "Callum Price",
        prior_warnings=(PriorWarning(Outcome.FINAL_WRITTEN_WARNING, D("2024-03-01"), 24),),
    )
    add(
        _open(
            "LAN-2025-0112",
            "2025-10-28",
            "2025-10-27",
            o,
            "Failed to secure exhibits in a burglary case.",
            ("2025-10-01", "2025-10-10"),
            ("duties_and_responsibilities",),
        ),
        [
            _assess(
                "2025-11-10",
                SeverityResult.MISCONDUCT,
                LikelyForm.HEARING,
                "Final written warning in force.",
            ),
            *_investigate("2025-11-11", "2025-11-13", "2026-03-20"),
            _determine("2026-04-01", Finding.MISCONDUCT, Forum.MISCONDUCT_HEARING),
            c.GiveReferralNotice(D("2026-04-07")),
            c.ReceiveOfficerResponse(D("2026-04-24"), True),
            c.ExchangeWitnessLists(D("2026-04-24")),
            _arrange("2026-05-01", Forum.MISCONDUCT_HEARING, "2026-06-22"),
            *_prepare("2026-05-01", "2026-05-13"),
            c.GivePublicNotice(D("2026-06-12")),
            _find("2026-06-23", Finding.MISCONDUCT, ("duties_and_responsibilities",)),
            _Decide(
                "2026-06-23",
                o,
                Found(
                    {
                        "previous_disciplinary_record": "a final written warning in force",
                        "careless_or_unintended": "",
                        "risk_of_harm": "the exhibits were needed for a prosecution",
                        "damage_to_public_confidence": "",
                    }
                ),
                Outcome.DISMISSAL_WITHOUT_NOTICE,
            ),
        ],
    )

    # After 28 May 2025: gross misconduct presumes dismissal; a final written warning needs reasons.
    o = _officer("south_wales", "52208", "Rhys Llewellyn")
    add(
        _open(
            "SWP-2025-0113",
            "2025-07-02",
            "2025-07-01",
            o,
            "Lied to a supervisor about the reason for missing a shift.",
            ("2025-06-14", "2025-06-14"),
            ("honesty_and_integrity",),
        ),
        [
            _assess(
                "2025-07-14", SeverityResult.GROSS_MISCONDUCT, LikelyForm.HEARING, "Dishonesty."
            ),
            *_investigate("2025-07-15", "2025-07-17", "2025-11-21"),
            _determine("2025-12-03", Finding.GROSS_MISCONDUCT, Forum.MISCONDUCT_HEARING),
            c.GiveReferralNotice(D("2025-12-08")),
            c.ReceiveOfficerResponse(D("2025-12-23"), True),
            c.ExchangeWitnessLists(D("2025-12-23")),
            _arrange("2026-01-05", Forum.MISCONDUCT_HEARING, "2026-02-23"),
            *_prepare("2026-01-05", "2026-01-19"),
            c.GivePublicNotice(D("2026-02-09")),
            _find("2026-02-24", Finding.GROSS_MISCONDUCT, ("honesty_and_integrity",)),
            _Decide(
                "2026-02-24",
                o,
                Found(
                    {
                        "non_operational_dishonesty": "about why he missed a shift",
                        "single_episode": "",
                        "open_admissions": "admitted at once",
                    },
                    {
                        "personal_circumstances": "a family crisis at the time",
                        "remorse_and_apology": "",
                    },
                ),
                Outcome.FINAL_WRITTEN_WARNING,
                "Exceptional circumstances: non-operational lie, at once admitted, during a family crisis.",
                36,
            ),
            c.SubmitOutcomeReport(D("2026-03-02")),
            c.NotifyOfficer(D("2026-03-03"), o.officer_id),
            c.PublishOutcome(D("2026-03-04")),
        ],
    )
    return cases


def demo_cases() -> list[DemoCase]:
    return [canonical_case(), *other_cases()]


DEMO_CASE_OFFICER = "officer"
DEMO_CHAIR = "chair"
"""Demo logins (``app.web.demo_users``) the open demo cases are assigned to, so that every overdue
item sits with someone who can sign in and act on it."""


def demo_assignments(case: Case) -> list[Assignment]:
    if case.closed_on is not None:
        return []
    out = [Assignment(AssignmentRole.CASE_OFFICER, DEMO_CASE_OFFICER)]
    if case.proceedings is not None:
        out.append(Assignment(AssignmentRole.CHAIR, DEMO_CHAIR))
    return out


def load_demo(service: CaseService) -> list[str]:
    """Load every demo case not already present; returns the references loaded."""
    loaded = []
    for demo in demo_cases():
        if service.exists(demo.ref):
            continue
        if demo.ref == CANONICAL_REF:
            case = open_through_intake(
                service, CANONICAL_INTAKE, then=demo.steps, identify=officer_id
            )
        else:
            case = service.open(demo.opening, demo.steps)
        for assignment in demo_assignments(case):
            case = service.execute(demo.ref, c.AssignCase(service.today(), assignment))
        loaded.append(demo.ref)
    return loaded
