"""The read models: what the lists, the dashboard, the register, the feed and the API lists read.

One pure function, :func:`project`, turns a case as its events fold it into the rows those pages
need: a summary line, its open time limits (indexed by their last day), the steps it awaits with no
time in the regulations (indexed by who holds them), each officer's decided outcome (for the Home
Office annual return, indexed by force and day), and its public records,
already redacted by :func:`publication.public_view` (the one public projection), each with the dates
between which it is public. The repository writes these rows in the same transaction as the events
(``repository.DjangoRepository.append_many``) and ``misconduct db rebuild`` rewrites them all from the
events; because they come from the folded ``Case`` and not from each event, a new kind of event needs
no change here. The property test in ``tests/app/test_read_models.py`` holds them equal to a fold.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from misconduct.app.web.publication import PublicCase, _minimum_end, public_view
from misconduct.domain.anonymity import REASONS
from misconduct.domain.case import Case
from misconduct.domain.codec import from_plain, to_plain
from misconduct.domain.privacy import reasons_awaited
from misconduct.domain.records import DueItem
from misconduct.domain.terms import AssignmentRole, Nature, PartyRole
from misconduct.errors import InvalidInput
from misconduct.rules.vocabulary import Forum

NOTICE, OUTCOME = "notice", "outcome"
RANK = {NOTICE: 0, OUTCOME: 1}
"""Notices come before outcomes in the register."""


def chair_key(name: str) -> str:
    """A chair's name as ``roles.is_assigned_chair`` compares it: spaces collapsed, case folded."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Summary:
    """One line of the staff case list and the dashboard."""

    ref: str
    force: str
    stage: str
    version: int
    came_to_attention: date
    opened_on: date
    officers: tuple[tuple[str, str, str], ...]
    """Each subject officer's name, warrant number and name with rank."""
    search_text: str
    """Reference, summary, officers' names and warrant numbers, lower case: what the search box matches."""
    officer_text: str
    """The officers' names and warrant numbers, lower case: what the officer box matches."""
    standards: str
    """The allegations' standards as ``|id|id|`` (each id once), so a standard matches as ``|id|``."""
    assignee: str
    """The usernames the case is assigned to, as ``|name|name|``."""
    assignees: tuple[tuple[str, str], ...]
    """Each (username, assignment role) of the case, for "My work"."""
    chairs: tuple[str, ...]
    """Chairs named on the case, as :func:`chair_key` writes them."""
    next_deadline: date | None
    """The earliest last day of an open obligation or window (none once the case is closed)."""
    overdue_from: date | None
    """The earliest last day of an open obligation: the case is overdue on any later date."""
    published_on: date | None
    closed_on: date | None


@dataclass(frozen=True)
class Due:
    """An open time limit of an open case."""

    ref: str
    force: str
    step: str
    title: str
    citation: str
    status: str
    nature: str
    party: str
    officer_id: str
    trigger: date
    due: date | None
    earliest: date | None
    latest: date | None
    last_day: date
    holder: str
    """The username assigned to act on it (:func:`holder`), or empty."""
    holder_role: str


@dataclass(frozen=True)
class Awaited:
    """A step an open case awaits that the regulations require with no time to do it in: listed
    with the day it has been awaited since, never with a last day. Today, the chair's written
    reasons to the local policing body for a restriction of a hearing (SI 2020/4 reg 39(3A); reg
    59(4)): one for each restriction awaiting them."""

    ref: str
    force: str
    step: str
    title: str
    detail: str
    """What awaits it, in words."""
    citation: str
    party: str
    since: date
    holder: str
    """The username assigned to act on it (:func:`holder`), or empty."""
    holder_role: str


PRIVACY_REASONS_STEP = "privacy_reasons"
PRIVACY_REASONS_TITLE = "Written reasons to the local policing body"


def awaited(case: Case) -> tuple[Awaited, ...]:
    """What ``case`` awaits with no time limit, each with the person who holds it: the chair's
    written reasons for each restriction of the hearing not yet recorded as given
    (``privacy.reasons_awaited``), held as the chair's time limits are (:func:`holder`: the chair
    assigned, else the chair's clerk, the case officer, the investigator). None once the case is
    closed: no step is recorded after closure, so nothing could take it off the lists."""
    p = case.proceedings
    if case.closed_on is not None or p is None:
        return ()
    citation = REASONS.get(p.arrangement.forum, "SI 2020/4 reg 39(3A); reg 59(4)")
    who, role = holder(case, "chair")
    return tuple(
        Awaited(
            ref=case.ref,
            force=case.force,
            step=PRIVACY_REASONS_STEP,
            title=PRIVACY_REASONS_TITLE,
            detail=x.what,
            citation=citation,
            party="chair",
            since=x.on,
            holder=who,
            holder_role=role.value if role else "",
        )
        for x in reasons_awaited(case)
    )


@dataclass(frozen=True)
class Public:
    """A public record of the case and the days it is public (``until`` None: no end yet)."""

    ref: str
    kind: str
    force: str
    year: int
    sort_on: date
    visible_from: date
    visible_until: date | None
    record: PublicCase
    tags: tuple[str, ...]
    """Filter values: ``outcome:ID``, ``finding:ID`` (or ``finding:not_proven``), ``standard:ID``."""
    search_text: str


@dataclass(frozen=True)
class Decided:
    """An outcome decided for an officer, with what the Home Office annual return counts."""

    ref: str
    force: str
    officer_id: str
    decided_on: date
    regime: str
    forum: str
    """The case's type of proceedings, or empty if none is recorded."""
    finding: str
    outcome: str
    source: str
    came_to_attention: date


@dataclass(frozen=True)
class Projection:
    summary: Summary
    dues: tuple[Due, ...]
    awaited: tuple[Awaited, ...]
    public: tuple[Public, ...]
    decided: tuple[Decided, ...]


def decided(case: Case) -> tuple[Decided, ...]:
    """Each officer's decided outcome of ``case``, in the order the case holds them."""
    forum = case.forum
    return tuple(
        Decided(
            ref=case.ref,
            force=case.force,
            officer_id=officer_id,
            decided_on=d.decided_on,
            regime=d.regime,
            forum=forum.value if forum is not None else "",
            finding=d.finding.value,
            outcome=d.decision.outcome.value,
            source=case.source.value,
            came_to_attention=case.came_to_attention,
        )
        for officer_id, d in case.decisions.items()
    )


# Which assignment role carries which party's time limits ("who acts" in the rules' terms).
PARTY_ROLE = {
    "chair": AssignmentRole.CHAIR,
    "person conducting the meeting": AssignmentRole.CHAIR,
    "officer": AssignmentRole.CASE_OFFICER,
    "appropriate authority": AssignmentRole.CASE_OFFICER,
}


def holder(case: Case, party: str) -> tuple[str, AssignmentRole | None]:
    """The person assigned to act on a time limit of ``party``: the role named for it, else the
    case officer, else the investigator."""
    role = PARTY_ROLE.get(party, AssignmentRole.CASE_OFFICER)
    fallbacks = (AssignmentRole.CHAIRS_CLERK,) if role is AssignmentRole.CHAIR else ()
    for candidate in (role, *fallbacks, AssignmentRole.CASE_OFFICER, AssignmentRole.INVESTIGATOR):
        if candidate in case.assignments:
            return case.assignments[candidate], candidate
    return "", None


def take_down(case: Case) -> DueItem | None:
    """The take-down of the case's published outcome as a task, under the settings' publication
    period (``retention.take_down_item``); a change of that setting needs ``misconduct db rebuild``."""
    from django.conf import settings

    from misconduct.services import retention

    policy = retention.Policy(publication_days=settings.PUBLICATION_DAYS)
    return retention.take_down_item(case, policy)


def windows(case: Case) -> list[tuple[str, date, date | None]]:
    """The kind of each public record of ``case`` and the first and last day it is public, as
    :func:`publication.public_view` decides day by day (a test compares the two on every boundary)."""
    out: list[tuple[str, date, date | None]] = []
    p = case.proceedings
    published = case.published_on
    if (
        p is not None
        and p.public_notice_on is not None
        and p.arrangement.forum is not Forum.MISCONDUCT_MEETING
    ):
        ends = []
        if published is not None:
            ends.append(published - timedelta(days=1))
        if p.concluded_on is not None:
            ends.append(_minimum_end(p.public_notice_on))
        until = min(ends) if ends else None
        if until is None or until >= p.public_notice_on:
            out.append((NOTICE, p.public_notice_on, until))
    if published is not None:
        removed = case.publication_removed_on
        until = None if removed is None else max(_minimum_end(published), removed - timedelta(1))
        out.append((OUTCOME, published, until))
    return out


def _tags(case: Case, kind: str) -> tuple[str, ...]:
    tags = {f"standard:{s}" for a in case.allegations.values() for s in a.standards}
    if kind == OUTCOME:
        tags |= {f"outcome:{d.decision.outcome.value}" for d in case.decisions.values()}
        for f in case.findings.values():
            tags.add(f"finding:{f.level.value}" if f.proven else "finding:not_proven")
    return tuple(sorted(tags))


def _record_text(r: PublicCase) -> str:
    words = [r.ref, r.force_name, r.forum]
    for o in r.officers:
        words += [o.label, o.outcome or ""]
        for a in o.allegations:
            words += [a.particulars, *a.standards, a.finding or ""]
    return " ".join(w for w in words if w).casefold()


def project(case: Case) -> Projection:
    """The read-model rows of ``case`` as it stands."""
    closed = case.closed_on is not None
    open_limits = [] if closed else case.open_limits()
    tasks = [i for i in open_limits if i.nature is not Nature.NOT_BEFORE]
    obligations = [i.last_day for i in tasks if i.nature is Nature.OBLIGATION]
    chairs = [x.name for x in case.parties if x.role is PartyRole.CHAIR]
    if case.proceedings is not None:
        chairs.insert(0, case.proceedings.arrangement.chair)
    officers = tuple((o.name, o.warrant_number, o.display_name()) for o in case.officers.values())
    standards = sorted({s for a in case.allegations.values() for s in a.standards})
    text = [case.ref, case.summary, *(n for o in officers for n in o[:2])]
    assignments = getattr(case, "assignments", {})
    assigned = sorted(set(assignments.values()))
    summary = Summary(
        ref=case.ref,
        force=case.force,
        stage=case.stage.value,
        version=case.version,
        came_to_attention=case.came_to_attention,
        opened_on=case.opened_on,
        officers=officers,
        search_text=" ".join(" ".join(text).split()).casefold(),
        officer_text=" | ".join(" ".join(n.split()) for o in officers for n in o[:2]).casefold(),
        standards="|" + "|".join(standards) + "|" if standards else "",
        assignee="|" + "|".join(assigned) + "|" if assigned else "",
        assignees=tuple(sorted((who, role.value) for role, who in assignments.items() if who)),
        chairs=tuple(sorted({k for c in chairs if (k := chair_key(c))})),
        next_deadline=min((i.last_day for i in tasks), default=None),
        overdue_from=min(obligations, default=None),
        published_on=case.published_on,
        closed_on=case.closed_on,
    )
    removal = take_down(case)
    dues = tuple(
        Due(
            ref=case.ref,
            force=case.force,
            step=i.step,
            title=i.title,
            citation=i.citation,
            status=i.status,
            nature=i.nature.value,
            party=i.party,
            officer_id=i.officer_id or "",
            trigger=i.trigger,
            due=i.due,
            earliest=i.earliest,
            latest=i.latest,
            last_day=i.last_day,
            holder=who,
            holder_role=role.value if role else "",
        )
        for i in [*open_limits, *([removal] if removal else [])]
        for who, role in [holder(case, i.party)]
    )
    public = []
    for kind, start, until in windows(case):
        record = public_view(case, start)
        if record is None or record.kind != kind:
            continue  # the public projection is the judge; a disagreement shows in the tests
        on = record.published_on if kind == OUTCOME else record.notice_on
        assert on is not None
        public.append(
            Public(
                ref=case.ref,
                kind=kind,
                force=case.force,
                year=on.year,
                sort_on=on,
                visible_from=start,
                visible_until=until,
                record=record,
                tags=_tags(case, kind),
                search_text=_record_text(record),
            )
        )
    return Projection(summary, dues, awaited(case), tuple(public), decided(case))


# -- stored records --------------------------------------------------------------------------


@functools.cache
def record_format() -> str:
    """A fingerprint of the shape of ``PublicCase``: a stored record of another shape is rebuilt."""
    from misconduct.app.repository import _shape

    return hashlib.sha256(_shape(PublicCase).encode()).hexdigest()[:16]


def encode_record(record: PublicCase) -> Any:
    return to_plain(record)


def decode_record(data: Any, fmt: str) -> PublicCase | None:
    """The stored record, or None if it is of another shape of ``PublicCase`` (or undecodable)."""
    if fmt != record_format() or not isinstance(data, dict):
        return None
    try:
        return from_plain(PublicCase, data)
    except (InvalidInput, TypeError, ValueError):
        return None
