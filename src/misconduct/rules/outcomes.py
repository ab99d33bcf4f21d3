"""The outcomes lawfully open to a meeting or hearing, on the facts and dates of a case.

Regulations 42 and 62 of the Police (Conduct) Regulations 2020 (and reg 35 of the 2012 Regulations for
legacy cases), the warnings in force on the severity-assessment date, rank, former officers, and from
28 May 2025 the presumption of dismissal. Every answer carries its requirements and its trace.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from misconduct.errors import InvalidInput, RuleViolation
from misconduct.rules.catalogue import Catalogue, default_catalogue
from misconduct.rules.regime import Regime, RegimeDecision, determine_regime
from misconduct.rules.trace import Trace
from misconduct.rules.vocabulary import Finding, Forum, Outcome, Rank
from misconduct.rules.warning import WarningPeriod, warning_period


@dataclass(frozen=True)
class OutcomeQuestion:
    """The facts that decide which outcomes are open."""

    forum: Forum
    finding: Finding
    came_to_attention: date
    severity_assessment_on: date
    decided_on: date
    rank: Rank = Rank.CONSTABLE
    former_officer: bool = False
    fww_in_force: bool = False
    ww_in_force: bool = False
    previously_reduced_in_rank: bool = False
    unconnected_incidents: bool = False
    convicted_indictable_only: bool = False
    linked_to_pre_commencement_allegation: bool = False
    dg_reinvestigation_on: date | None = None

    def __post_init__(self) -> None:
        if self.severity_assessment_on < self.came_to_attention:
            raise InvalidInput(
                "severity_assessment_on",
                f"a date on or after the date the allegation came to attention "
                f"({self.came_to_attention.isoformat()})",
                self.severity_assessment_on.isoformat(),
            )
        if self.decided_on < self.severity_assessment_on:
            raise InvalidInput(
                "decided_on",
                f"a date on or after the severity assessment "
                f"({self.severity_assessment_on.isoformat()})",
                self.decided_on.isoformat(),
            )
        if self.fww_in_force and self.ww_in_force:
            # Both can be on a record, but the final warning governs; keep the question unambiguous.
            object.__setattr__(self, "ww_in_force", False)


@dataclass(frozen=True)
class Requirement:
    """Something the decision-maker must do or record if they choose one of ``applies_to``."""

    id: str
    text: str
    citation: str
    status: str
    applies_to: tuple[Outcome, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "citation": self.citation,
            "status": self.status,
            "applies_to": [o.value for o in self.applies_to],
        }


@dataclass(frozen=True)
class OutcomeAnswer:
    question: OutcomeQuestion
    regime: RegimeDecision
    available: tuple[Outcome, ...]
    warning_periods: dict[Outcome, WarningPeriod]
    requirements: tuple[Requirement, ...]
    notes: tuple[str, ...]
    trace: Trace = field(compare=False)

    @property
    def default_outcome(self) -> Outcome | None:
        """The outcome the law presumes, where it presumes one (dismissal from 28 May 2025)."""
        for r in self.requirements:
            if r.id == "exceptional_circumstances":
                return next((o for o in self.available if o.is_dismissal), None)
        return None

    def requirements_for(self, outcome: Outcome) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if outcome in r.applies_to)

    def as_dict(self) -> dict[str, Any]:
        return {
            "regime": self.regime.regime.value,
            "regime_label": self.regime.regime.label,
            "available_outcomes": [o.value for o in self.available],
            "warning_periods": {o.value: p.as_dict() for o, p in self.warning_periods.items()},
            "default_outcome": self.default_outcome.value if self.default_outcome else None,
            "requirements": [r.as_dict() for r in self.requirements],
            "notes": list(self.notes),
            "trace": self.regime.trace.as_list() + self.trace.as_list(),
        }


def _ordered(outcomes: set[Outcome]) -> tuple[Outcome, ...]:
    return tuple(sorted(outcomes, key=lambda o: o.severity))


def _outcomes(params: Any, key: str = "outcomes") -> set[Outcome]:
    return {Outcome(o) for o in params[key]}


class _Run:
    """One evaluation: the question, the catalogue, the trace being written."""

    def __init__(self, q: OutcomeQuestion, regime: RegimeDecision, cat: Catalogue) -> None:
        self.q = q
        self.regime = regime
        self.cat = cat
        self.trace = Trace()
        self.requirements: list[Requirement] = []
        self.notes: list[str] = []

    @property
    def on(self) -> date:
        return self.regime.rules_date

    def rule(self, pid: str, conclusion: str, *, applied: bool = True, **inputs: Any) -> Any:
        v = self.cat.version(pid, self.on)
        self.trace.record(v, conclusion, on=self.on, applied=applied, **inputs)
        return v.parameters

    def violation(self, pid: str, message: str, field_name: str) -> RuleViolation:
        v = self.cat.version(pid, self.on)
        return RuleViolation(
            f"{message} ({v.title.lower()})",
            citation=str(v.citation),
            field=field_name,
            provision_id=pid,
            on=self.on,
        )

    def require(self, pid: str, rid: str, text: str, applies_to: set[Outcome], on: date) -> None:
        v = self.cat.version(pid, on)
        self.trace.record(v, text, on=on)
        self.requirements.append(
            Requirement(rid, text, str(v.citation), v.citation.status.value, _ordered(applies_to))
        )


def lawful_outcomes(q: OutcomeQuestion, *, catalogue: Catalogue | None = None) -> OutcomeAnswer:
    """The outcomes lawfully open on the question's facts, with requirements, notes and trace."""
    cat = catalogue or default_catalogue()
    regime = determine_regime(
        q.came_to_attention,
        linked_to_pre_commencement_allegation=q.linked_to_pre_commencement_allegation,
        dg_reinvestigation_on=q.dg_reinvestigation_on,
        catalogue=cat,
    )
    run = _Run(q, regime, cat)
    finding = _deemed_finding(run)
    _check_forum(run, finding)
    if regime.regime is Regime.CONDUCT_REGS_2012:
        available = _outcomes_2012(run, finding)
    else:
        available = _outcomes_2020(run, finding)
    if available:
        _requirements(run, finding, available)
    periods: dict[Outcome, WarningPeriod] = {}
    for outcome in _ordered(available):
        period = warning_period(outcome, q.forum, regime, trace=run.trace, catalogue=cat)
        if period is not None:
            periods[outcome] = period
    if len(available) == 1 and finding is not Finding.NO_MISCONDUCT:
        (only,) = available
        run.notes.append(f"Only one outcome is lawful on these facts: {only.label.lower()}.")
    return OutcomeAnswer(
        q,
        regime,
        _ordered(available),
        periods,
        tuple(run.requirements),
        tuple(run.notes),
        run.trace,
    )


def _deemed_finding(run: _Run) -> Finding:
    q = run.q
    deeming = run.cat.version_or_none("reg2_indictable_only_deemed_gross", run.on)
    if deeming is None:
        if q.convicted_indictable_only:
            run.trace.record_not_in_force(
                "reg2_indictable_only_deemed_gross",
                "Conviction of an indictable-only offence is gross misconduct",
                run.on,
                "not in force for this allegation: a conviction is weighed on its facts, "
                "with no automatic gross misconduct",
            )
        return q.finding
    if not q.convicted_indictable_only:
        return q.finding
    if q.finding is not Finding.GROSS_MISCONDUCT:
        raise run.violation(
            "reg2_indictable_only_deemed_gross",
            f"conduct that resulted in conviction of an indictable-only offence is gross misconduct; "
            f"a finding of {q.finding.value} is not open",
            "finding",
        )
    run.rule(
        "reg2_indictable_only_deemed_gross",
        "conviction of an indictable-only offence: the conduct is gross misconduct",
        convicted_indictable_only=True,
    )
    return Finding.GROSS_MISCONDUCT


def _check_forum(run: _Run, finding: Finding) -> None:
    q = run.q
    if q.forum is Forum.MISCONDUCT_MEETING and finding is Finding.GROSS_MISCONDUCT:
        raise run.violation(
            "reg23_gross_misconduct_to_hearing",
            "gross misconduct cannot be dealt with at a misconduct meeting",
            "forum",
        )
    if (
        q.forum is Forum.MISCONDUCT_MEETING
        and q.fww_in_force
        and run.regime.regime is not Regime.CONDUCT_REGS_2012
    ):
        raise run.violation(
            "reg23_meeting_barred_by_fww",
            "a final written warning was in force on the severity-assessment date, so the case "
            "must go to a misconduct hearing, not a meeting",
            "forum",
        )


def _outcomes_2020(run: _Run, finding: Finding) -> set[Outcome]:
    q = run.q
    if finding is Finding.NO_MISCONDUCT:
        if q.forum is Forum.ACCELERATED_MISCONDUCT_HEARING:
            run.rule(
                "reg62_8_amh_not_gross_misconduct", "not gross misconduct at an accelerated hearing"
            )
            run.notes.append(
                "The accelerated hearing may dismiss the case or return it to the appropriate "
                "authority for a meeting or hearing; it imposes no disciplinary action."
            )
            return set()
        return _outcomes(run.rule("reg42_1_no_misconduct", "no misconduct found"))
    if q.former_officer:
        return _former_officer(run, finding)

    if q.forum is Forum.MISCONDUCT_MEETING:
        available = _outcomes(run.rule("reg42_2_meeting_outcomes", "misconduct at a meeting"))
    elif q.forum is Forum.ACCELERATED_MISCONDUCT_HEARING:
        if finding is not Finding.GROSS_MISCONDUCT:
            run.rule("reg62_8_amh_not_gross_misconduct", "misconduct, not gross misconduct, found")
            run.notes.append(
                "The accelerated hearing found misconduct, not gross misconduct: it may dismiss the "
                "case or return it to the appropriate authority for a meeting or hearing."
            )
            return set()
        available = _outcomes(
            run.rule("reg62_1_amh_outcomes", "gross misconduct at an accelerated hearing")
        )
    elif finding is Finding.GROSS_MISCONDUCT:
        available = _outcomes(
            run.rule("reg42_3b_hearing_gross_misconduct_outcomes", "gross misconduct at a hearing")
        )
    else:
        params = run.rule("reg42_3a_hearing_misconduct_outcomes", "misconduct at a hearing")
        available = _outcomes(params)
        if q.fww_in_force:
            run.rule(
                "reg42_5_fww_in_force",
                "final written warning in force at the severity assessment: "
                "reduction in rank and dismissal are open",
                fww_in_force=True,
            )
            available |= _outcomes(params, "unlocked_by_5_or_6")
        if q.unconnected_incidents:
            run.rule(
                "reg42_6_unconnected_incidents",
                "misconduct from more than one unconnected incident: "
                "reduction in rank and dismissal are open",
                unconnected_incidents=True,
            )
            available |= _outcomes(params, "unlocked_by_5_or_6")
        if not (q.fww_in_force or q.unconnected_incidents):
            run.rule(
                "reg42_5_fww_in_force",
                "no final written warning in force: reduction in rank and dismissal stay closed",
                applied=False,
                fww_in_force=False,
            )

    if q.fww_in_force:
        pid = (
            "reg62_3_amh_fww_in_force"
            if q.forum is Forum.ACCELERATED_MISCONDUCT_HEARING
            else "reg42_8_final_written_warning_in_force"
        )
        barred = {Outcome.WRITTEN_WARNING, Outcome.FINAL_WRITTEN_WARNING} & available
        run.rule(pid, "final written warning in force: no further warning", fww_in_force=True)
        available -= barred
    elif q.ww_in_force and Outcome.WRITTEN_WARNING in available:
        run.rule(
            "reg42_7_written_warning_in_force",
            "written warning in force: no second written warning",
        )
        available.discard(Outcome.WRITTEN_WARNING)

    if Outcome.REDUCTION_IN_RANK in available:
        if not q.rank.has_lower_rank:
            run.rule(
                "constable_has_no_lower_rank",
                f"a {q.rank.label.lower()} has no lower rank: no reduction in rank",
                rank=q.rank,
            )
            available.discard(Outcome.REDUCTION_IN_RANK)
        elif q.previously_reduced_in_rank:
            run.rule(
                "reg42_reduction_in_rank_bar",
                "already reduced in rank at the severity-assessment date: no second reduction",
                previously_reduced_in_rank=True,
            )
            available.discard(Outcome.REDUCTION_IN_RANK)
    return available


def _former_officer(run: _Run, finding: Finding) -> set[Outcome]:
    params = run.rule(
        "sch1_former_officer",
        f"former officer, {finding.value.replace('_', ' ')} found",
        former_officer=True,
    )
    return {Outcome(o) for o in params[finding.value]}


def _outcomes_2012(run: _Run, finding: Finding) -> set[Outcome]:
    q = run.q
    if finding is Finding.NO_MISCONDUCT:
        run.notes.append("No misconduct found: no disciplinary action (2012 Regulations).")
        return {Outcome.NO_FURTHER_ACTION}
    if q.former_officer:
        former = run.cat.version_or_none("regs2012_former_officer", q.decided_on)
        if former is not None:
            run.trace.record(
                former,
                f"former officer, {finding.value.replace('_', ' ')} found",
                on=q.decided_on,
                former_officer=True,
            )
            return {Outcome(o) for o in former.parameters[finding.value]}
        run.trace.record_not_in_force(
            "regs2012_former_officer",
            "Outcomes for a former officer (2012 Regulations as amended in 2017)",
            q.decided_on,
            "before 15 December 2017 proceedings did not continue after an officer left; "
            "treated as for a serving officer",
        )
        run.notes.append(
            "Before 15 December 2017 misconduct proceedings did not continue once an officer had "
            "left; the outcomes shown are those for a serving officer."
        )
    if q.forum is Forum.MISCONDUCT_MEETING:
        return _outcomes(run.rule("regs2012_reg35_meeting_outcomes", "misconduct at a meeting"))
    if q.forum is Forum.ACCELERATED_MISCONDUCT_HEARING:
        if finding is not Finding.GROSS_MISCONDUCT:
            raise RuleViolation(
                "a special case hearing under the 2012 Regulations deals only with gross misconduct",
                citation="SI 2012/2632 reg 55",
                field="finding",
            )
        params = run.rule(
            "regs2012_special_case_hearing_outcomes",
            "gross misconduct at a special case hearing",
            fww_in_force=q.fww_in_force,
        )
        available = _outcomes(params)
        if q.fww_in_force:
            available -= _outcomes(params, "barred_by_fww_in_force")
            run.notes.append(
                "A final written warning was in force: no new one may be given, but the existing one "
                "may be extended once by 18 months in exceptional circumstances (SI 2012/2632 reg 55(3)-(5))."
            )
        return available
    params = run.rule("regs2012_reg35_hearing_outcomes", f"{finding.value} at a hearing")
    available = _outcomes(params)
    if finding is Finding.MISCONDUCT:
        available |= _outcomes(params, "misconduct_only")
        run.rule(
            "regs2012_reg35_5_misconduct_dismissal_bar",
            "misconduct with a final written warning in force: dismissal is open"
            if q.fww_in_force
            else "misconduct without a final written warning in force: no dismissal",
            applied=not q.fww_in_force,
            fww_in_force=q.fww_in_force,
        )
        if not q.fww_in_force:
            available -= _outcomes(params, "dismissals")
    return available


def _requirements(run: _Run, finding: Finding, available: set[Outcome]) -> None:
    q = run.q
    if finding is Finding.GROSS_MISCONDUCT:
        non_dismissal = {o for o in available if not o.is_dismissal}
        presumption = run.cat.version_or_none("presumption_of_dismissal", run.on)
        if presumption is not None and non_dismissal:
            run.require(
                "presumption_of_dismissal",
                "exceptional_circumstances",
                "Gross misconduct: dismissal is presumed; any other outcome needs exceptional "
                "circumstances, reasoned in the outcome report.",
                non_dismissal,
                run.on,
            )
        elif presumption is None and run.regime.regime is not Regime.CONDUCT_REGS_2012:
            run.trace.record_not_in_force(
                "presumption_of_dismissal",
                "Presumption of dismissal for gross misconduct",
                run.on,
                "not in force for this allegation (pre-commencement or before 28 May 2025): "
                "no exceptional-circumstances threshold",
            )
        reasons = run.cat.version_or_none("reasons_gross_misconduct_not_dismissed", q.decided_on)
        if reasons is not None and non_dismissal:
            run.require(
                "reasons_gross_misconduct_not_dismissed",
                "reasons_for_not_dismissing",
                "Gross misconduct without dismissal: the outcome report must give the reasons "
                "(and goes to the local policing body).",
                non_dismissal,
                q.decided_on,
            )
        elif reasons is None and run.regime.regime is not Regime.CONDUCT_REGS_2012:
            run.trace.record_not_in_force(
                "reasons_gross_misconduct_not_dismissed",
                "Reasons when gross misconduct does not lead to dismissal",
                q.decided_on,
                "decision before 7 May 2024: no express duty to give reasons for not dismissing",
            )
    if Outcome.REDUCTION_IN_RANK in available:
        run.require(
            "reg62_6_reduction_in_rank_views",
            "views_of_appropriate_authority",
            "Reduction in rank: take into account the appropriate authority's views, including on "
            "the likely operational impact.",
            {Outcome.REDUCTION_IN_RANK},
            run.on,
        )
