"""The public projection: what of a case may be shown to the public, and nothing else.

One function, :func:`public_view`, decides it for the public pages, the Atom feed and the API alike.
A hearing notice is shown from the day it is given; a published outcome from the day it is published,
and at least until its 28-day minimum has passed (the ``reg43_publication`` time limit), even if a
removal was recorded earlier. Who may be named, and what replaces everyone else, is the one redaction
policy of every public surface (:func:`misconduct.documents.redaction.policy_for`): the officer appears
only by the cipher under an anonymity order, a warrant number, an internal officer id and the names of
complainants, witnesses and restricted parties never appear, and free text (particulars, reporting
restrictions) is scrubbed of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from misconduct.documents.published import Section, ruling_sections
from misconduct.documents.redaction import WITHHELD, Policy, policy_for
from misconduct.domain.case import Case
from misconduct.domain.forces import force as force_named
from misconduct.errors import MisconductError
from misconduct.rules.deadlines import deadline
from misconduct.rules.standards import standards_on
from misconduct.rules.vocabulary import Forum, Outcome

__all__ = ["WITHHELD", "PublicCase", "ordered", "public_view", "published"]
MIN_DAYS_STEP = "reg43_publication"


@dataclass(frozen=True)
class PublicAllegation:
    particulars: str
    standards: tuple[str, ...]
    finding: str | None
    standards_breached: tuple[str, ...]
    conduct_from: date | None = None
    conduct_to: date | None = None
    on_duty: bool | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "particulars": self.particulars,
            "standards": list(self.standards),
            "finding": self.finding,
            "standards_breached": list(self.standards_breached),
            "conduct_from": self.conduct_from.isoformat() if self.conduct_from else None,
            "conduct_to": self.conduct_to.isoformat() if self.conduct_to else None,
            "on_duty": self.on_duty,
        }


@dataclass(frozen=True)
class PublicOfficer:
    label: str
    """The cipher under an anonymity order; otherwise rank and name (hearings in public only)."""
    anonymised: bool
    outcome: str | None
    outcome_id: str | None
    warning_months: int | None
    allegations: tuple[PublicAllegation, ...]
    reasons: tuple[Section, ...] = ()
    """The chair's reasons as published (``documents.published``), each sentence redacted."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "officer": self.label,
            "anonymised": self.anonymised,
            "outcome": self.outcome,
            "outcome_id": self.outcome_id,
            "warning_months": self.warning_months,
            "allegations": [a.as_dict() for a in self.allegations],
            "reasons": [r.as_dict() for r in self.reasons],
        }


def public_title(kind: str, labels: Iterable[str], force_name: str) -> str:
    """How a hearing notice (``kind`` "notice") or a published outcome is titled in public: its
    officers as the public may see them, and its force."""
    what = "Hearing notice" if kind == "notice" else "Outcome"
    return f"{what}: {', '.join(labels)} ({force_name})"


@dataclass(frozen=True)
class PublicCase:
    """A hearing notice or a published outcome, as the public may see it."""

    ref: str
    force: str
    force_name: str
    kind: str
    """"notice" (a hearing to come) or "outcome" (a published outcome)."""
    forum: str
    hearing_on: date | None
    in_public: bool
    notice_on: date | None
    published_on: date | None
    visible_until_at_least: date | None
    decided_on: date | None
    regime: str | None
    officers: tuple[PublicOfficer, ...]
    reporting_restrictions: str
    chair: str = ""
    """Who chaired the hearing, as the arrangement records it (a role, or a name and role)."""

    @property
    def title(self) -> str:
        return public_title(self.kind, [o.label for o in self.officers], self.force_name)

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.ref}"

    def as_dict(self) -> dict[str, Any]:
        def iso(d: date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "ref": self.ref,
            "kind": self.kind,
            "force": self.force,
            "force_name": self.force_name,
            "forum": self.forum,
            "hearing_on": iso(self.hearing_on),
            "in_public": self.in_public,
            "notice_on": iso(self.notice_on),
            "published_on": iso(self.published_on),
            "visible_until_at_least": iso(self.visible_until_at_least),
            "decided_on": iso(self.decided_on),
            "regime": self.regime,
            "reporting_restrictions": self.reporting_restrictions,
            "chair": self.chair,
            "officers": [o.as_dict() for o in self.officers],
        }


def _minimum_end(published_on: date) -> date:
    """The last day the report must remain published (28 whole days after the day of publication)."""
    try:
        return deadline(MIN_DAYS_STEP, published_on).last_day
    except MisconductError:
        # Before the 2020 regime there is no modelled minimum; keep the same 28 days.
        return date.fromordinal(published_on.toordinal() + 28)


def _outcome_visible(case: Case, on: date) -> bool:
    if case.published_on is None or case.published_on > on:
        return False
    if on <= _minimum_end(case.published_on):
        return True
    removed = case.publication_removed_on
    return removed is None or on < removed


def _notice_visible(case: Case, on: date) -> bool:
    p = case.proceedings
    if p is None or p.public_notice_on is None or p.public_notice_on > on:
        return False
    if p.arrangement.forum is Forum.MISCONDUCT_MEETING:
        return False
    if case.published_on is not None and case.published_on <= on:
        return False  # the outcome takes the notice's place
    return p.concluded_on is None or on <= _minimum_end(p.public_notice_on)


def _scrub(text: str, policy: Policy) -> str:
    return " ".join(policy.scrub(text).split())


def public_view(case: Case, on: date) -> PublicCase | None:
    """The public record of ``case`` on ``on``: a notice, an outcome, or None if nothing is public."""
    outcome = _outcome_visible(case, on)
    if not outcome and not _notice_visible(case, on):
        return None
    p = case.proceedings
    assert p is not None or outcome
    policy = policy_for(case)
    headings = {s.id: s.heading for s in standards_on(case.came_to_attention)}

    def standard_names(ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(headings.get(i, i.replace("_", " ").capitalize()) for i in ids)

    officers = []
    for o in case.officers.values():
        allegations = []
        for a in case.allegations.values():
            if a.officer_id != o.officer_id:
                continue
            f = case.findings.get(a.allegation_id) if outcome else None
            allegations.append(
                PublicAllegation(
                    _scrub(a.particulars, policy),
                    standard_names(a.standards),
                    None if f is None else (f.level.label if f.proven else "Not proven"),
                    standard_names(f.standards_breached) if f is not None and f.proven else (),
                    a.conduct_from,
                    a.conduct_to,
                    a.on_duty,
                )
            )
        d = case.decisions.get(o.officer_id) if outcome else None
        label, hidden = policy.label(o.officer_id)
        months = d.decision.warning_months if d else None
        reasons = (
            tuple(
                Section(
                    s.heading,
                    tuple(_scrub(t, policy) for t in s.paragraphs),
                    tuple(_scrub(t, policy) for t in s.items),
                )
                for s in ruling_sections(
                    d.decision.shown_assessment(),
                    outcome=d.decision.outcome,
                    finding=d.finding,
                    warning_months=d.decision.warning_months,
                    chair_reasons=d.decision.reasons,
                    panel=bool(p and p.arrangement.panel),
                )
            )
            if d
            else ()
        )
        officers.append(
            PublicOfficer(
                label,
                hidden,
                d.decision.outcome.label if d else None,
                d.decision.outcome.value if d else None,
                months if d and d.decision.outcome in _WARNINGS else None,
                tuple(allegations),
                reasons,
            )
        )
    decided = max((d.decided_on for d in case.decisions.values()), default=None)
    first_decision = next(iter(case.decisions.values()), None)
    forum = p.arrangement.forum if p else case.forum
    return PublicCase(
        ref=case.ref,
        force=case.force,
        force_name=force_named(case.force).name,
        kind="outcome" if outcome else "notice",
        forum=forum.label if forum else "",
        hearing_on=p.arrangement.starts_on if p else None,
        in_public=bool(p and p.arrangement.in_public),
        notice_on=p.public_notice_on if p else None,
        published_on=case.published_on if outcome else None,
        visible_until_at_least=_minimum_end(case.published_on)
        if outcome and case.published_on
        else None,
        decided_on=decided if outcome else None,
        regime=first_decision.regime if outcome and first_decision else None,
        officers=tuple(officers),
        reporting_restrictions=_scrub(p.arrangement.reporting_restrictions, policy) if p else "",
        chair=_scrub(p.arrangement.chair, policy) if p else "",
    )


_WARNINGS = (Outcome.WRITTEN_WARNING, Outcome.FINAL_WRITTEN_WARNING)


def published(cases: Iterable[Case], on: date, *, force: str | None = None) -> list[PublicCase]:
    """Every public record on ``on`` (of one force, if given): newest first, notices before outcomes."""
    return ordered((v for c in cases if (v := public_view(c, on)) is not None), force=force)


def ordered(records: Iterable[PublicCase], *, force: str | None = None) -> list[PublicCase]:
    """Public records (of one force, if given): notices first, then newest first, then by reference."""
    out = [v for v in records if force is None or v.force == force]
    return sorted(
        out,
        key=lambda v: (
            v.kind != "notice",
            -(v.published_on or v.notice_on or date.min).toordinal(),
            v.ref,
        ),
    )
