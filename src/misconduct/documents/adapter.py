"""From the case record to a document context: the case projection (``domain.case.Case``), read through
the case service, with every date the documents state computed by the rules.

The stored assessment (the engine's JSON, kept on the outcome decision) is read as stored: its stages,
reasons, citations and trace are copied, never recomputed or retyped.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from misconduct.documents.context import (
    AllegationInfo,
    AppealInfo,
    AssessmentInfo,
    BarredListInfo,
    Cited,
    DocumentContext,
    FindingInfo,
    ForceInfo,
    InvestigationInfo,
    OfficerInfo,
    OutcomeInfo,
    ProceedingsInfo,
    PublicationInfo,
    ReferralInfo,
    StageInfo,
    StandardInfo,
    TimeLimitInfo,
    TraceLine,
)
from misconduct.documents.published import ruling_sections
from misconduct.documents.redaction import policy_for
from misconduct.documents.text import prose_list
from misconduct.domain.case import Case
from misconduct.domain.forces import force
from misconduct.domain.guards import question
from misconduct.domain.persons import named, officer_named
from misconduct.domain.timelimits import in_force
from misconduct.errors import InvalidInput
from misconduct.rules.deadlines import deadline
from misconduct.rules.outcomes import lawful_outcomes
from misconduct.rules.regime import Regime, determine_regime
from misconduct.rules.standards import Standard, standards_on
from misconduct.rules.vocabulary import Forum, Outcome
from misconduct.rules.warning import WarningRecord, warning_period
from misconduct.services.cases import CaseService

APPEAL_GROUNDS = (
    "that the finding or the disciplinary action imposed was unreasonable;",
    "that there is evidence that could not reasonably have been considered at the original "
    "proceedings which could have materially affected the finding or the decision on disciplinary "
    "action; or",
    "that there was a serious breach of the procedures set out in the Police (Conduct) Regulations "
    "2020, or other unfairness, which could have materially affected the finding or the decision "
    "on disciplinary action.",
)


def time_limit(step: str, trigger: date) -> TimeLimitInfo:
    return deadline(step, trigger)


def _standards(ids: tuple[str, ...], on: date) -> tuple[StandardInfo, ...]:
    by_id: dict[str, Standard] = {s.id: s for s in standards_on(on)}
    return tuple(
        StandardInfo(i, by_id[i].heading, by_id[i].text, by_id[i].citation)
        if i in by_id
        else StandardInfo(i, i.replace("_", " ").capitalize(), "", "")
        for i in ids
    )


def _plain(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, list | tuple):
        return prose_list([_plain(v) for v in value]) or "none"
    return str(value).replace("_", " ")


def assessment_info(
    stored: dict[str, Any], trace: list[Any] | None, rules_version: str
) -> AssessmentInfo:
    """The engine's stored JSON as the documents show it: stages with their reasons and citations,
    and the trace."""

    def cited(raw: Any, where: str) -> Cited:
        if not isinstance(raw, dict) or "text" not in raw:
            raise InvalidInput(where, "a reason with text and citation", raw)
        c = raw.get("citation") or {}
        citation = (
            f"{c.get('instrument', '')} {c.get('provision', '')}".strip()
            if isinstance(c, dict)
            else str(c)
        )
        return Cited(
            str(raw["text"]), citation, str(c.get("status", "")) if isinstance(c, dict) else ""
        )

    stages = []
    for i, s in enumerate(stored.get("stages") or []):
        where = f"assessment.stages[{i}]"
        if not isinstance(s, dict) or "title" not in s:
            raise InvalidInput(where, "a stage with id, title, conclusions and reasons", s)
        conclusions = tuple(
            (str(k).replace("_", " ").capitalize(), _plain(v))
            for k, v in (s.get("conclusions") or {}).items()
            if not isinstance(v, dict)
        )
        reasons = tuple(cited(r, f"{where}.reasons") for r in s.get("reasons") or [])
        stages.append(StageInfo(str(s.get("id", "")), str(s["title"]), conclusions, reasons))
    lines = []
    for t in trace if trace is not None else stored.get("trace") or []:
        if not isinstance(t, dict):
            continue
        c = t.get("citation") or {}
        lines.append(
            TraceLine(
                provision=str(t.get("provision", "")),
                title=str(t.get("title", "")),
                conclusion=str(t.get("conclusion", "")),
                citation=f"{c.get('instrument', '')} {c.get('provision', '')}".strip(),
                status=str(c.get("status", "")),
                applied=bool(t.get("applied", True)),
            )
        )
    return AssessmentInfo(tuple(stages), tuple(lines), rules_version)


def _officer_id(case: Case, officer_id: str | None) -> str:
    if officer_id is None:
        return next(iter(case.officers))
    found = officer_named(case.officers, officer_id)
    if found is None:
        raise InvalidInput(
            "officer", "the warrant number or id of an officer: " + named(case.officers), officer_id
        )
    return found


def _administration(case: Case, issued: date) -> dict[str, Any]:
    """What the notice of the proceedings to the officer (reg 35) reads: the chair's capacity, the
    members in their roles, the notice's date and the officer's window to object it opens."""
    p = case.proceedings
    assert p is not None
    a = p.arrangement
    noticed = p.hearing_notice_on or issued
    objectable = tuple(m.name for m in a.members if not m.role.advises)
    # Members replaced since the latest notice: this is the notice of their names (reg 35(7)), and
    # the officer may object to them only, counted from it (reg 35(8)-(9)).
    after = [o for o in p.objections if o.replaced_on and o.replaced_on >= noticed]
    if after:
        noticed = max(o.replaced_on for o in after if o.replaced_on)
        objectable = tuple(o.replaced_by for o in after)
    panel = a.forum is Forum.MISCONDUCT_HEARING and bool(objectable)
    return {
        "replaced": tuple((o.member, o.replaced_by) for o in after),
        "chair_role": a.chair_role.label if a.chair_role else "",
        "members": tuple((m.role.label, m.name) for m in a.members),
        "objectable": objectable,
        "hearing_notice_on": noticed if after else p.hearing_notice_on,
        "objection": time_limit("reg35_objection", noticed)
        if panel and in_force("reg35_objection", noticed)
        else None,
        "adjourned_from": p.adjournments[-1].was_on if p.adjournments else None,
    }


def context_from_case(
    case: Case,
    *,
    officer_id: str | None = None,
    issued_on: date | None = None,
    crest: bytes | None = None,
    crest_mimetype: str = "image/png",
) -> DocumentContext:
    """Everything the documents may say about one officer's case, as the record stands.

    ``issued_on`` is the date the document bears; by default the date of the latest step on the case.
    """
    oid = _officer_id(case, officer_id)
    o = case.officers[oid]
    arrangement = case.proceedings.arrangement if case.proceedings else None
    policy = policy_for(case)
    label, hidden = policy.label(oid)
    officer = OfficerInfo(
        name=o.name,
        rank=o.rank.label,
        rank_abbreviation=o.rank.abbreviation,
        warrant_number=o.warrant_number,
        cipher=label if hidden else "",
        serving=o.serving,
    )
    own = list(case.officers).index(oid)
    issued = issued_on or case.last_on or case.opened_on
    findings = case.findings
    allegations = tuple(
        AllegationInfo(
            id=a.allegation_id,
            particulars=a.particulars,
            conduct_from=a.conduct_from,
            conduct_to=a.conduct_to,
            on_duty=a.on_duty,
            standards=_standards(a.standards, a.conduct_to),
            finding=None
            if a.allegation_id not in findings
            else FindingInfo(
                proven=findings[a.allegation_id].proven,
                level=findings[a.allegation_id].level,
                admitted=findings[a.allegation_id].admitted,
                standards_breached=_standards(
                    findings[a.allegation_id].standards_breached, a.conduct_to
                ),
            ),
        )
        for a in case.allegations.values()
        if a.officer_id == oid
    )
    inv = None
    if case.severity is not None:
        notice_on = case.investigation.reg17_notice_on
        inv = InvestigationInfo(
            investigator=case.investigation.investigator or "to be appointed",
            severity_result=case.severity.result.label.lower(),
            severity_on=case.severity_on,
            likely_form=f"misconduct {case.severity.likely_form.value}"
            if case.severity.likely_form
            else "",
            severity_reasons=case.severity.reasons,
            notice_on=notice_on,
            response=time_limit("reg18_response", notice_on) if notice_on else None,
        )
    referral = None
    if case.referral is not None:
        r = case.referral
        accelerated = r.forum is Forum.ACCELERATED_MISCONDUCT_HEARING
        referral = ReferralInfo(
            forum=r.forum,
            notice_on=r.notice_on,
            level=case.determination.level if case.determination else None,
            response=None if accelerated else time_limit("reg31_response", r.notice_on),
            hearing_window=time_limit("reg52_hearing_window", r.notice_on) if accelerated else None,
        )
    proceedings = None
    if case.proceedings is not None and arrangement is not None:
        public = arrangement.forum is Forum.MISCONDUCT_HEARING and arrangement.in_public
        proceedings = ProceedingsInfo(
            forum=arrangement.forum,
            starts_on=arrangement.starts_on,
            chair=arrangement.chair,
            panel=arrangement.panel,
            adviser=arrangement.adviser,
            in_public=arrangement.in_public,
            venue=arrangement.venue,
            starts_at=arrangement.starts_at.strftime("%H:%M") if arrangement.starts_at else "",
            reporting_restrictions=arrangement.reporting_restrictions,
            concluded_on=case.proceedings.concluded_on,
            public_notice=time_limit("reg36_public_notice", arrangement.starts_on)
            if public
            else None,
            exclusions=tuple(
                f"{x.who} excluded from {x.extent}" for x in case.proceedings.exclusions
            ),
            public_excluded_from_part=any(x.public and x.part for x in case.proceedings.exclusions),
            conditions=tuple(
                f"{k.person}: {k.conditions.strip().rstrip('.')}"
                for k in case.proceedings.conditions
            ),
            **_administration(case, issued),
        )
    outcome = assessment = appeal = publication = barred = None
    decision = case.decisions.get(oid)
    if decision is not None and arrangement is not None:
        d = decision.decision
        regime = determine_regime(case.came_to_attention)
        served = decision.notified_on or case.report_on or decision.decided_on
        expires = decision.warning_expires_on
        citation = ""
        if d.warning_months is not None:
            if expires is None:
                expires = WarningRecord(
                    d.outcome,
                    served,
                    d.warning_months,
                    first_day_counts=regime.regime is not Regime.CONDUCT_REGS_2012,
                ).expires_on()
            period = warning_period(d.outcome, arrangement.forum, regime)
            citation = str(period.version.citation) if period else ""
        answer = lawful_outcomes(
            question(
                case,
                oid,
                arrangement.forum,
                decision.finding,
                decision.decided_on,
                unconnected_incidents=d.unconnected_incidents,
            )
        )
        account: dict[str, Any] = {
            "stored": d.shown_assessment(),
            "outcome": d.outcome,
            "finding": decision.finding,
            "warning_months": d.warning_months,
            "chair_reasons": d.reasons,
            "panel": bool(arrangement.panel),
        }
        outcome = OutcomeInfo(
            outcome=d.outcome,
            finding=decision.finding,
            decided_on=decision.decided_on,
            decision_maker=d.decision_maker if d.decision_maker != "Chair" else arrangement.chair,
            reasons=d.reasons,
            regime=regime.regime.label,
            notified_on=decision.notified_on,
            reported_on=case.report_on,
            warning_months=d.warning_months,
            warning_expires_on=expires,
            warning_citation=citation,
            requirements=tuple(
                Cited(r.text, r.citation, r.status) for r in answer.requirements_for(d.outcome)
            ),
            published=ruling_sections(**account),
            ruling=ruling_sections(**account, first_person=True),
        )
        shown = d.shown_assessment()
        if shown is not None:
            assessment = assessment_info(
                shown, d.assessment_trace, d.assessment_rules_version or ""
            )
        if arrangement.forum is Forum.MISCONDUCT_MEETING:
            appeal = AppealInfo(
                "regulations 45 to 47",
                "a person more senior than the person who conducted the meeting",
                APPEAL_GROUNDS,
                time_limit("reg45_appeal", served),
            )
        else:
            appeal = AppealInfo(
                "Police Act 1996 s.85; Police Appeals Tribunals Rules 2020",
                "the Police Appeals Tribunal",
                APPEAL_GROUNDS,
                time_limit("pat_notice_of_appeal", served),
            )
        if case.published_on is not None:
            publication = PublicationInfo(
                case.published_on, time_limit("reg43_publication", case.published_on)
            )
        if d.outcome.is_dismissal or d.outcome is Outcome.WOULD_HAVE_BEEN_DISMISSED:
            dismissed = decision.notified_on or decision.decided_on
            barred = BarredListInfo(
                dismissed,
                case.barred_list_reported.get(oid),
                time_limit("barred_list_review", dismissed),
            )
    f = force(case.force)
    return DocumentContext(
        force=ForceInfo(f.code, f.name, crest, crest_mimetype),
        case_ref=case.ref,
        issued_on=issued,
        officer=officer,
        summary=case.summary,
        came_to_attention=case.came_to_attention,
        allegations=allegations,
        investigation=inv,
        referral=referral,
        proceedings=proceedings,
        outcome=outcome,
        assessment=assessment,
        appeal=appeal,
        publication=publication,
        barred_list=barred,
        withheld=tuple(p for i, p in enumerate(policy.people) if i != own),
    )


def context_for_case(
    service: CaseService,
    ref: str,
    *,
    officer_id: str | None = None,
    issued_on: date | None = None,
    crest: bytes | None = None,
) -> DocumentContext:
    """The context for case ``ref``, read through the case service (what the web app and CLI call)."""
    return context_from_case(
        service.case(ref), officer_id=officer_id, issued_on=issued_on, crest=crest
    )
