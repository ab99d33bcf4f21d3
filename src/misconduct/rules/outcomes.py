"""The outcomes lawfully open to a meeting or hearing, on the facts and dates of a case.

Regulations 42 and 62 of the Police (Conduct) Regulations 2020 (and reg 35 of the 2012 Regulations for
legacy cases), the warnings in force on the severity-assessment date, rank, former officers, and from
28 May 2025 the presumption of dismissal. Every answer carries its requirements and its trace.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from misconduct.errors import InvalidInput, RuleViolation
from misconduct.rules.catalogue import Catalogue, ProvisionVersion, catalogue_or_default
from misconduct.rules.frozen import builder
from misconduct.rules.regime import Regime, RegimeDecision, determine_regime, span_bounds
from misconduct.rules.trace import Trace, TraceEntry, _entries_at, _entry
from misconduct.rules.vocabulary import Finding, Forum, Outcome, Rank
from misconduct.rules.warning import WARNINGS, WarningPeriod, warning_period
from misconduct.rules.workdays import add_months, uk_date


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
    referral_notice_on: date | None = None
    """The date notice of referral was given (reg 30(1) or 51(1)); decides whether SI 2024/521 applies."""
    reduced_in_rank_on: date | None = None
    """The date of the officer's last reduction in rank (2004 or 2020 Regulations), if any (reg 23(10)(c))."""
    linked_allegation_came_to_attention: date | None = None
    first_known_to_police_body_on: date | None = None
    first_known_to_director_general_on: date | None = None

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
        if self.referral_notice_on is not None and not (
            self.came_to_attention <= self.referral_notice_on <= self.decided_on
        ):
            raise InvalidInput(
                "date of the notice of referral",
                f"a date between the date the allegation came to attention "
                f"({uk_date(self.came_to_attention)}) and the decision "
                f"({uk_date(self.decided_on)})",
                uk_date(self.referral_notice_on),
            )
        if self.reduced_in_rank_on is not None:
            if self.reduced_in_rank_on > self.decided_on:
                raise InvalidInput(
                    "date of the last reduction in rank",
                    f"a date on or before the decision ({uk_date(self.decided_on)})",
                    uk_date(self.reduced_in_rank_on),
                )
            if self.reduced_in_rank_on <= self.severity_assessment_on:
                object.__setattr__(self, "previously_reduced_in_rank", True)
        if self.fww_in_force and self.ww_in_force:
            # Both can be on a record, but the final warning governs; keep the question unambiguous.
            object.__setattr__(self, "ww_in_force", False)


_LATER_FIELDS: dict[str, Any] = {
    "dg_reinvestigation_on": None,
    "referral_notice_on": None,
    "reduced_in_rank_on": None,
    "linked_allegation_came_to_attention": None,
    "first_known_to_police_body_on": None,
    "first_known_to_director_general_on": None,
}
_QUICK_FIELDS = (
    "forum",
    "finding",
    "came_to_attention",
    "severity_assessment_on",
    "decided_on",
    "rank",
    "former_officer",
    "fww_in_force",
    "ww_in_force",
    "previously_reduced_in_rank",
    "unconnected_incidents",
    "convicted_indictable_only",
    "linked_to_pre_commencement_allegation",
)
if {f.name for f in fields(OutcomeQuestion)} != {
    *_QUICK_FIELDS,
    *_LATER_FIELDS,
}:  # pragma: no cover
    raise AssertionError("OutcomeQuestion's fields changed: update question()")


def question(
    forum: Forum,
    finding: Finding,
    came_to_attention: date,
    severity_assessment_on: date,
    decided_on: date,
    rank: Rank,
    former_officer: bool,
    fww_in_force: bool,
    ww_in_force: bool,
    previously_reduced_in_rank: bool,
    unconnected_incidents: bool,
    convicted_indictable_only: bool,
    linked_to_pre_commencement_allegation: bool,
) -> OutcomeQuestion:
    """``OutcomeQuestion(...)`` with these fields and no later dates, with the same checks, for a
    caller that builds one a case (the assessment engine): the frozen dataclass's __init__ sets its
    twenty fields one ``object.__setattr__`` at a time, which took longer than the checks."""
    q: OutcomeQuestion = object.__new__(OutcomeQuestion)
    q.__dict__.update(
        _LATER_FIELDS,
        forum=forum,
        finding=finding,
        came_to_attention=came_to_attention,
        severity_assessment_on=severity_assessment_on,
        decided_on=decided_on,
        rank=rank,
        former_officer=former_officer,
        fww_in_force=fww_in_force,
        ww_in_force=ww_in_force,
        previously_reduced_in_rank=previously_reduced_in_rank,
        unconnected_incidents=unconnected_incidents,
        convicted_indictable_only=convicted_indictable_only,
        linked_to_pre_commencement_allegation=linked_to_pre_commencement_allegation,
    )
    q.__post_init__()
    return q


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
class OtherAction:
    """Disciplinary action the law allows that is not an outcome in the shared vocabulary (the 2012
    extension of a final written warning)."""

    id: str
    text: str
    citation: str
    status: str

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "citation": self.citation, "status": self.status}


@dataclass(frozen=True)
class OutcomeAnswer:
    question: OutcomeQuestion
    regime: RegimeDecision
    available: tuple[Outcome, ...]
    warning_periods: dict[Outcome, WarningPeriod]
    requirements: tuple[Requirement, ...]
    notes: tuple[str, ...]
    trace: Trace = field(compare=False)
    other_actions: tuple[OtherAction, ...] = ()

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
            "other_actions": [a.as_dict() for a in self.other_actions],
            "notes": list(self.notes),
            "trace": self.regime.trace.as_list() + self.trace.as_list(),
        }


_build_answer = builder(OutcomeAnswer)  # OutcomeAnswer(...), faster (misconduct.rules.frozen)
_build_trace = builder(Trace)  # Trace(entries), the same


def _severity(o: Outcome) -> int:
    return _SEVERITY[o._value_]


_SEVERITY = {o._value_: o.severity for o in Outcome}
_DISMISSALS = frozenset(o for o in Outcome if o.is_dismissal)
_OUTCOME = {o._value_: o for o in Outcome}


def _ordered(outcomes: set[Outcome]) -> tuple[Outcome, ...]:
    # keyed by the member itself: a StrEnum member hashes and compares as its value
    return tuple(sorted(outcomes, key=_SEVERITY.__getitem__))


def _outcomes(params: Any, key: str = "outcomes") -> set[Outcome]:
    # A table lookup for each known value; Outcome(o) still refuses an unknown one as before.
    return {_OUTCOME.get(o) or Outcome(o) for o in params[key]}


class _Run:
    """One evaluation: the question, the catalogue, the trace being written."""

    def __init__(self, q: OutcomeQuestion, regime: RegimeDecision, cat: Catalogue) -> None:
        self.q = q
        self.regime = regime
        self.on = regime.rules_date
        self.cat = cat
        self.trace = Trace()
        self.requirements: list[Requirement] = []
        self.notes: list[str] = []
        self.other_actions: list[OtherAction] = []
        # The date each trace entry was read at, by its role: "R" the rules date, "D" the decision,
        # "C" the date the allegation came to attention, "N" the notice of referral, "K" a fixed
        # date (a commencement). A template of the answer (below) fills in a new question's dates.
        self.roles: list[str] = []

    def mark(self, role: str) -> None:
        """The entries added since the last mark were read at the date of this role."""
        roles = self.roles
        roles.extend(role for _ in range(len(self.trace.entries) - len(roles)))

    def rule(self, pid: str, conclusion: str, *, applied: bool = True, **inputs: Any) -> Any:
        v = self.cat.version(pid, self.on)
        self.trace.add(v, conclusion, self.on, applied, inputs)
        self.roles.append("R")
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

    def require(
        self, pid: str, rid: str, text: str, applies_to: set[Outcome], on: date, role: str
    ) -> None:
        v = self.cat.version(pid, on)
        self.trace.add(v, text, on, True, {})
        self.roles.append(role)
        # A requirement depends only on these values and the version: each is built once
        # (Requirement is immutable).
        outcomes = _ordered(applies_to)
        key = (rid, text, id(v), outcomes)
        kept = _REQUIREMENTS.get(key)
        if kept is None or kept[0] is not v:
            if len(_REQUIREMENTS) >= 4096:
                _REQUIREMENTS.clear()
            kept = _REQUIREMENTS[key] = (
                v,
                Requirement(rid, text, str(v.citation), v.citation.status.value, outcomes),
            )
        self.requirements.append(kept[1])


_REQUIREMENTS: dict[
    tuple[str, str, int, tuple[Outcome, ...]], tuple[ProvisionVersion, Requirement]
] = {}


def lawful_outcomes(q: OutcomeQuestion, *, catalogue: Catalogue | None = None) -> OutcomeAnswer:
    """The outcomes lawfully open on the question's facts, with requirements, notes and trace."""
    cat = catalogue_or_default(catalogue)
    regime = determine_regime(
        q.came_to_attention,
        linked_to_pre_commencement_allegation=q.linked_to_pre_commencement_allegation,
        dg_reinvestigation_on=q.dg_reinvestigation_on,
        linked_allegation_came_to_attention=q.linked_allegation_came_to_attention,
        first_known_to_police_body_on=q.first_known_to_police_body_on,
        first_known_to_director_general_on=q.first_known_to_director_general_on,
        catalogue=cat,
    )
    if (
        q.dg_reinvestigation_on is None
        and q.referral_notice_on is None
        and q.reduced_in_rank_on is None
        and q.linked_allegation_came_to_attention is None
        and q.first_known_to_police_body_on is None
        and q.first_known_to_director_general_on is None
    ):
        return _from_template(q, regime, cat)
    return _evaluate(q, regime, cat)[0]


def _evaluate(
    q: OutcomeQuestion, regime: RegimeDecision, cat: Catalogue
) -> tuple[OutcomeAnswer, list[str]]:
    """The answer, worked out from the rules, and the role of each trace entry's date."""
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
    ordered = _ordered(available)
    for outcome in ordered:
        if outcome not in WARNINGS:  # warning_period answers None for any other outcome
            continue
        period = warning_period(outcome, q.forum, regime, trace=run.trace, catalogue=cat)
        run.mark("R")
        if period is not None:
            periods[outcome] = period
    if len(available) == 1 and finding is not Finding.NO_MISCONDUCT:
        (only,) = available
        run.notes.append(f"Only one outcome is lawful on these facts: {only.label.lower()}.")
    answer = _build_answer(
        q,
        regime,
        ordered,
        periods,
        tuple(run.requirements),
        tuple(run.notes),
        run.trace,
        tuple(run.other_actions),
    )
    return answer, run.roles


# Templates of the rules' answer. Without the later dates (notice of referral, reduction in rank,
# linked allegation, first knowledge, Director General), an answer depends on the question's other
# fields, the regime, and on its three dates only through which provision versions are in force on
# them and which side of each commencement they fall: that is, through the span between two
# consecutive boundary dates of the catalogue that each date falls in. The answer is worked out from
# the rules once for each such key; a new question with the same key gets the same outcomes,
# requirements, notes, periods and other actions (immutable, shared), and a trace whose entries are
# the same provisions, versions, conclusions and inputs read at its own dates.
_Template = tuple[
    OutcomeAnswer,  # the answer worked out for the first question with this key
    tuple[tuple[str, TraceEntry], ...],  # its trace entries with the role of each one's date
    Catalogue,  # kept beside the key, which names it by id()
    # where no entry has a fixed date: each entry's fields but its date, and each one's role
    tuple[tuple[str, str, bool, str, ProvisionVersion | None, dict[str, Any]], ...] | None,
    tuple[str, ...],
]
_TEMPLATES: dict[tuple[Any, ...], _Template] = {}


def _from_template(q: OutcomeQuestion, regime: RegimeDecision, cat: Catalogue) -> OutcomeAnswer:
    bounds = span_bounds(cat)
    rules_on = regime.rules_date
    key = (
        q.forum,
        q.finding,
        q.rank,
        q.former_officer,
        q.fww_in_force,
        q.ww_in_force,
        q.previously_reduced_in_rank,
        q.unconnected_incidents,
        q.convicted_indictable_only,
        q.linked_to_pre_commencement_allegation,
        regime.regime,
        bisect_right(bounds, rules_on),
        bisect_right(bounds, q.came_to_attention),
        bisect_right(bounds, q.decided_on),
        id(cat),
    )
    kept = _TEMPLATES.get(key)
    if kept is None or kept[2] is not cat:
        answer, roles = _evaluate(q, regime, cat)  # raises as before for a question refused
        entries = answer.trace.entries
        if len(roles) != len(entries) or any(
            isinstance(v, date) for e in entries for v in e.inputs.values()
        ):  # pragma: no cover - a guard for whoever adds a trace entry without its date's role
            raise AssertionError("a rules trace entry has no date role, or a date among its inputs")
        if len(_TEMPLATES) >= 4096:
            _TEMPLATES.clear()
        _TEMPLATES[key] = (
            answer,
            tuple(zip(roles, entries, strict=True)),
            cat,
            None
            if "K" in roles
            else tuple(
                (e.provision_id, e.title, e.applied, e.conclusion, e.version, e.inputs)
                for e in entries
            ),
            tuple(roles),
        )
        return answer
    template, roled, _, parts, role_names = kept
    days = {"R": rules_on, "C": q.came_to_attention, "D": q.decided_on}
    if parts is not None:  # the same entries as below, built in one call
        trace = _build_trace(_entries_at(parts, tuple(map(days.__getitem__, role_names))))
    else:
        trace = _build_trace(
            [
                e
                if role == "K"
                else _entry(
                    e.provision_id,
                    e.title,
                    e.applied,
                    e.conclusion,
                    days[role],
                    e.version,
                    e.inputs,
                )
                for role, e in roled
            ]
        )
    return _build_answer(
        q,
        regime,
        template.available,
        dict(template.warning_periods),
        template.requirements,
        template.notes,
        trace,
        template.other_actions,
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
            run.mark("R")
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
    if q.forum is not Forum.MISCONDUCT_MEETING:
        return
    old_rules = run.regime.regime is Regime.CONDUCT_REGS_2012
    if q.former_officer and not old_rules:
        raise run.violation(
            "sch1_former_officer",
            "proceedings against a former officer are a misconduct hearing (or an accelerated "
            "hearing), never a meeting",
            "forum",
        )
    if q.former_officer:
        return
    if q.fww_in_force:
        raise run.violation(
            "regs2012_fww_in_force" if old_rules else "reg23_meeting_barred_by_fww",
            "a final written warning was in force at the date of the assessment of the conduct, so "
            "the case must go to a misconduct hearing, not a meeting",
            "forum",
        )
    # Reg 23(10)(c): less than 2 years; 2012 Regulations reg 19(9)(b): less than 18 months.
    pid, months = (
        ("regs2012_reg19_9b_recent_reduction_in_rank", 18)
        if old_rules
        else ("reg23_10c_recent_reduction_in_rank", 24)
    )
    reduced = q.reduced_in_rank_on
    if reduced is not None and reduced <= q.severity_assessment_on:
        if add_months(reduced, months) > q.severity_assessment_on:
            raise run.violation(
                pid,
                f"the officer was reduced in rank on {uk_date(reduced)}, less than {months} months "
                f"before the assessment of the conduct ({uk_date(q.severity_assessment_on)}), so "
                "the case must go to a misconduct hearing, not a meeting",
                "forum",
            )
        run.rule(
            pid,
            f"reduced in rank on {reduced.isoformat()}, {months} months or more before the "
            "assessment: a meeting is open",
            applied=False,
            reduced_in_rank_on=reduced,
        )
    elif q.previously_reduced_in_rank and reduced is None:
        run.notes.append(
            "The officer was reduced in rank before, but the date is not given: if the reduction was "
            "less than 2 years before the severity assessment, the case had to go to a misconduct "
            "hearing (reg 23(10)(c))."
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
            run.mark("D")
            return {Outcome(o) for o in former.parameters[finding.value]}
        run.trace.record_not_in_force(
            "regs2012_former_officer",
            "Outcomes for a former officer (2012 Regulations as amended in 2017)",
            q.decided_on,
            "before 15 December 2017 proceedings did not continue after an officer left; "
            "treated as for a serving officer",
        )
        run.mark("D")
        run.notes.append(
            "Before 15 December 2017 misconduct proceedings did not continue once an officer had "
            "left; the outcomes shown are those for a serving officer."
        )
    if q.forum is Forum.MISCONDUCT_MEETING:
        available = _outcomes(
            run.rule("regs2012_reg35_meeting_outcomes", "misconduct at a meeting")
        )
        return _warnings_in_force_2012(run, available)
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
            version = run.cat.version("regs2012_special_case_hearing_outcomes", run.on)
            run.other_actions.append(
                OtherAction(
                    "extend_final_written_warning",
                    "A final written warning was in force: no new one may be given, but in "
                    "exceptional circumstances the existing one may be extended once, by 18 months "
                    "(reg 55(3)-(5)).",
                    str(version.citation),
                    version.citation.status.value,
                )
            )
        return available
    params = run.rule("regs2012_reg35_hearing_outcomes", f"{finding.value} at a hearing")
    available = _warnings_in_force_2012(run, _outcomes(params))
    if finding is Finding.GROSS_MISCONDUCT:
        run.rule(
            "regs2012_reg35_10_gm_dismissal_without_notice",
            "gross misconduct: a dismissal is without notice",
        )
        available.discard(Outcome.DISMISSAL_WITH_NOTICE)
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
    if finding is Finding.GROSS_MISCONDUCT:
        non_dismissal = available - _DISMISSALS  # {o for o in available if not o.is_dismissal}
        presumption = run.cat.version_or_none("presumption_of_dismissal", run.on)
        if presumption is not None and non_dismissal and run.q.former_officer:
            run.rule(
                "presumption_of_dismissal",
                "former officer: Sch 1 para 32/39 replace regs 42 and 62 whole, and SI 2025/558 "
                "amends only the regulations they replace, so no presumption applies",
                applied=False,
                former_officer=True,
            )
        elif presumption is not None and non_dismissal:
            run.require(
                "presumption_of_dismissal",
                "exceptional_circumstances",
                "Gross misconduct: dismissal is presumed; any other outcome needs exceptional "
                "circumstances, reasoned in the outcome report.",
                non_dismissal,
                run.on,
                "R",
            )
        elif presumption is None and run.regime.regime is not Regime.CONDUCT_REGS_2012:
            run.trace.record_not_in_force(
                "presumption_of_dismissal",
                "Presumption of dismissal for gross misconduct",
                run.on,
                "not in force for this allegation (pre-commencement or before 28 May 2025): "
                "no exceptional-circumstances threshold",
            )
            run.mark("R")
        if non_dismissal and run.regime.regime is not Regime.CONDUCT_REGS_2012:
            _reasons_for_not_dismissing(run, non_dismissal)
    if Outcome.REDUCTION_IN_RANK in available:
        run.require(
            "reg62_6_reduction_in_rank_views",
            "views_of_appropriate_authority",
            "Reduction in rank: take into account the appropriate authority's views, including on "
            "the likely operational impact.",
            {Outcome.REDUCTION_IN_RANK},
            run.on,
            "R",
        )


REASONS = "reasons_gross_misconduct_not_dismissed"


def _reasons_for_not_dismissing(run: _Run, non_dismissal: set[Outcome]) -> None:
    """SI 2024/521 reg 5 (reg 43(1)(e), 63(1)(d)): only where the reg 30(1)/51(1) notice was given on or
    after 7 May 2024 (reg 7(1)). Without the notice date, the allegation's date can still settle it."""
    q = run.q
    notice = q.referral_notice_on
    start = run.cat.get(REASONS).versions[0].in_force_from
    text = (
        "Gross misconduct without dismissal: the outcome report must give the reasons "
        "(and goes to the local policing body)."
    )
    role = "N"
    if notice is None and q.came_to_attention >= start:
        notice, role = q.came_to_attention, "C"  # the notice cannot precede the allegation
    if notice is not None and notice >= start:
        run.require(REASONS, "reasons_for_not_dismissing", text, non_dismissal, notice, role)
        return
    if notice is not None or q.decided_on < start:
        run.trace.record_not_in_force(
            REASONS,
            "Reasons when gross misconduct does not lead to dismissal",
            notice or q.decided_on,
            "notice of referral before 7 May 2024 (SI 2024/521 reg 7(1)): no express duty to give "
            "reasons for not dismissing",
        )
        run.mark(role if notice is not None else "D")
        return
    run.require(
        REASONS,
        "reasons_for_not_dismissing",
        text.rstrip(".") + ", if the notice of referral was given on or after 7 May 2024 "
        "(SI 2024/521 reg 7(1)); the date of that notice was not given.",
        non_dismissal,
        start,
        "K",
    )


def _warnings_in_force_2012(run: _Run, available: set[Outcome]) -> set[Outcome]:
    """SI 2012/2632 reg 35(6)-(9): warnings in force at the assessment of the conduct."""
    q = run.q
    if q.fww_in_force:
        fww = run.rule(
            "regs2012_fww_in_force",
            "final written warning in force: no new warning; the existing one may be extended "
            "once, for 18 months (reg 35(7)-(9))",
            fww_in_force=True,
        )
        version = run.cat.version("regs2012_fww_in_force", run.on)
        run.other_actions.append(
            OtherAction(
                str(fww["other_action"]),
                f"In exceptional circumstances, extend the final written warning already in force, "
                f"once only, for {fww['extension_months']} months from the date it would otherwise "
                "expire (reg 35(7)(b), (8), (9)).",
                str(version.citation),
                version.citation.status.value,
            )
        )
        return available - _outcomes(fww, "barred")
    if q.ww_in_force and Outcome.WRITTEN_WARNING in available:
        run.rule("regs2012_reg35_6_ww_in_force", "written warning in force: no second one")
        return available - {Outcome.WRITTEN_WARNING}
    return available
