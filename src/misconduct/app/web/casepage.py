"""The staff case page's read model (issue 10): what the page shows of a case whatever the reader,
written with the case's events, so that a request reads it by the case's reference and adds only
what depends on the reader and the day.

:func:`parts` turns the case as its events fold it into the page's parts as finished HTML (every
value escaped by ``html.fill``): the header, summary, officers, parties, "where it stands", the
hearing, the allegations, the time limits (each with the day from which it is overdue, so the badge
is added on the day of the request), the documents reached, the timeline's labels by event number,
and the days on which its public page is shown. No URL is stored (the script prefix is the
request's), and no name of a user (the timeline's "who" is read with the events' heads, so a user
renamed since shows their name as it is now).

The steps open on the case (:func:`steps_on`) depend on the date the rules are asked about and on
the officers' warnings from other cases, so they are kept for one day: the row's ``steps`` hold
every step's availability on ``steps_on``. The first request of a day works them out and stores them
(only if the case has not changed meanwhile); ``misconduct db steps`` does so for every case; a
write of the case, or of another case of one of its officers, empties them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from django.db import connections
from django.utils.safestring import SafeString

from misconduct.app.pgbackend import prepared_cursor
from misconduct.app.roles import CaseScope
from misconduct.app.rows import compact_dumps, dumps
from misconduct.app.web import casepage_privacy
from misconduct.app.web.html import esc, fill, safe
from misconduct.domain.case import Case
from misconduct.domain.forces import force
from misconduct.domain.lifecycle import Context
from misconduct.domain.records import AnonymityDirection
from misconduct.errors import InvalidInput
from misconduct.rules.standards import standards_on

FORMAT = "1"
"""The shape of what :func:`parts` writes: bump it when that changes. A row of another format is not
used (the page is worked out from the case's state instead) until ``misconduct db rebuild``."""

PUBLIC_LINK = "<!--public-->"
"""Where the link to the public page goes in the stored "where it stands" (an escaped value can
never hold it: ``<`` is escaped)."""


def _force_name(code: str) -> str:
    try:
        return force(code).name
    except InvalidInput:
        return code


def scope(case: Case) -> CaseScope:
    """Who may see the case: its force and the chairs named on it (as ``store.scope``)."""
    from misconduct.app.web import store

    return store.scope(case)


Spell = tuple[date, date | None]
"""The first and last day (None: no end yet) of a spell in which a public record of a case is shown."""


def parts(case: Case, public: Sequence[Spell] | None = None) -> dict[str, Any]:
    """The page's parts that depend on the case alone, as plain JSON values. ``public``: the spells
    of the case's public records, as ``readmodels.project`` gives them (worked out if not given)."""
    from misconduct.app.web import documents
    from misconduct.app.web.templatetags.web import british, label

    return {
        "head": fill(
            '{} · <span class="badge">{}</span> · came to attention {} · {}',
            _force_name(case.force),
            case.stage.label,
            british(case.came_to_attention),
            label(case.source),
        ),
        "summary": esc(case.summary),
        "officers": _officers(case),
        "parties": _parties(case),
        "facts": _facts(case),
        "findings": bool(case.findings),
        "hearing": _hearing(case),
        "allegations": _allegations(case),
        "limits": _limits(case),
        "documents": [
            [d.kind, d.title, d.public, list(d.formats)] for d in documents.available(case)
        ],
        "timeline": {str(e.sequence): e.label for e in case.timeline},
        "public": _public_days(case, public),
    }


def _facts(case: Case) -> str:
    """ "Where it stands": what has been decided, with the place of the link to the public page."""
    from misconduct.app.web.templatetags.web import british, label

    def part(markup: str, *values: Any) -> SafeString:
        return SafeString(fill(markup, *values))

    severity = determination = proceedings = published = closed = ""
    if case.severity:
        s = case.severity
        severity = fill(
            "<dt>Severity</dt><dd>{} on {}{}</dd>",
            label(s.result),
            british(case.severity_on),
            part("; likely {}", label(s.likely_form).lower()) if s.likely_form else "",
        )
    if case.determination:
        d = case.determination
        determination = fill(
            "<dt>Case to answer</dt><dd>{} ({})</dd>",
            part("Yes: {}, {}", label(d.level).lower(), label(d.form).lower())
            if d.case_to_answer
            else "No case to answer",
            british(case.determined_on),
        )
    if case.proceedings:
        a = case.proceedings.arrangement
        proceedings = fill(
            "<dt>Proceedings</dt><dd>{} from {}; chaired by {}{}{}</dd>",
            label(a.forum),
            british(a.starts_on),
            a.chair,
            ", in public" if a.in_public else ", in private",
            part("; anonymity order: “{}”", a.anonymity_cipher) if a.anonymity_cipher else "",
        )
    outcomes = "".join(
        fill(
            "<dt>Outcome</dt><dd><strong>{}</strong>{}, decided {} ({}){}{}</dd>",
            label(d.decision.outcome),
            part(" for {} months", d.decision.warning_months) if d.decision.warning_months else "",
            british(d.decided_on),
            label(d.regime),
            part("; in force until {}", british(d.warning_expires_on))
            if d.warning_expires_on
            else "",
            part("<br><small>{}</small>", d.decision.reasons) if d.decision.reasons else "",
        )
        for d in case.decisions.values()
    )
    if case.published_on:
        published = fill(
            "<dt>Published</dt><dd>{}{}{}</dd>",
            british(case.published_on),
            part(", removed {}", british(case.publication_removed_on))
            if case.publication_removed_on
            else "",
            SafeString(PUBLIC_LINK),
        )
    if case.closed_on:
        closed = fill(
            "<dt>Closed</dt><dd>{}: {}</dd>", british(case.closed_on), case.closure_reason
        )
    decided = (
        case.severity
        or case.determination
        or case.proceedings
        or case.decisions
        or case.published_on
        or case.closed_on
    )
    nothing = "" if decided else "<p>Nothing has been decided yet.</p>"
    return (
        f'<dl class="facts">\n    {severity}\n    {determination}\n    {proceedings}\n'
        f"    {outcomes}\n    {published}\n    {closed}\n  </dl>\n  {nothing}"
    )


def _day(value: date | None) -> str:
    """A date as Django's ``date:"d/m/Y"`` gives it ("" for none)."""
    return "" if value is None else f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def _clock(value: time) -> str:
    """A time as Django's ``time:"H:i"`` gives it."""
    return f"{value.hour:02d}:{value.minute:02d}"


def _hearing(case: Case) -> str:
    """The hearing's section (a newline for a case without proceedings), built here rather than by
    the template engine (written with every event of a case that has proceedings, and several times
    the cost of the rest of the page's parts through it); every value escaped by ``fill``."""
    p = case.proceedings
    if p is None:
        return "\n"
    a = p.arrangement
    meeting = a.forum.value == "misconduct_meeting"
    count = len(p.adjournments)
    when = fill(
        "{}{}{}",
        _day(a.starts_on),
        SafeString(f" at {_clock(a.starts_at)}") if a.starts_at else "",
        SafeString(f" <small>(adjourned {count} time{'' if count == 1 else 's'})</small>")
        if count
        else "",
    )
    if a.members:
        members = "".join(fill("<dt>{}</dt><dd>{}</dd>", m.role.label, m.name) for m in a.members)
    else:
        members = (
            fill("<dt>Panel members</dt><dd>{}</dd>", safe(map(esc, a.panel), ", "))
            if a.panel
            else ""
        ) + (fill("<dt>Adviser</dt><dd>{}</dd>", a.adviser) if a.adviser else "")
    if p.hearing_notice_on:
        last = p.adjournments[-1] if p.adjournments else None
        notice = f"Given {_day(p.hearing_notice_on)}" + (
            "; notice of the new date is still to be given"
            if last and last.on > p.hearing_notice_on
            else ""
        )
    else:
        notice = "Not given yet"
    if p.public_notice_on:
        public = f"Given {_day(p.public_notice_on)}"
    elif a.public_notice_required is False:
        public = "Not required by the chair"
    else:
        public = "Not given yet"
    adjournments = "".join(
        fill(
            "<li>On {}, from {} to {}{}{}. Reasons: {}</li>",
            _day(j.on),
            _day(j.was_on),
            _day(j.resumes_on),
            SafeString(f" at {_clock(j.resumes_at)}") if j.resumes_at else "",
            SafeString(fill(", {}", j.venue)) if j.venue else "",
            j.reasons,
        )
        for j in p.adjournments
    )
    return (
        '\n<section aria-labelledby="hearing-heading">\n'
        f'  <h2 id="hearing-heading">{"The meeting" if meeting else "The hearing"}</h2>\n'
        '  <dl class="facts">\n'
        f"    <dt>When</dt><dd>{when}</dd>\n"
        + fill("    <dt>Where</dt><dd>{}</dd>\n", a.venue or "Not recorded yet")
        + fill(
            "    <dt>{}</dt><dd>{}{}</dd>\n",
            "Conducted by" if meeting else "Chair",
            a.chair,
            SafeString(fill(" ({})", a.chair_role.label.lower())) if a.chair_role else "",
        )
        + f"    {members}\n"
        "    <dt>Papers to the chair</dt><dd>"
        + (f"Sent {_day(p.papers_on)}" if p.papers_on else "Not sent yet")
        + "</dd>\n    "
        + (
            "<dt>Pre-hearing</dt><dd>"
            + (f"Held {_day(p.pre_hearing_on)}" if p.pre_hearing_on else "None held")
            + "</dd>"
            if a.forum.value == "misconduct_hearing"
            else ""
        )
        + f"\n    <dt>Notice to the officer</dt><dd>{notice}</dd>\n    "
        + ("" if meeting else f"<dt>Public notice</dt><dd>{public}</dd>")
        + f"\n  </dl>\n  {_objections(case)}\n  "
        + (f"<h3>Adjournments</h3>\n  <ul>{adjournments}</ul>" if p.adjournments else "")
        + _directions(case)
        + casepage_privacy.exclusions(case)
        + casepage_privacy.conditions(case)
        + casepage_privacy.reasons_to_policing_body(case)
        + "\n</section>\n\n"
    )


def _direction_words(d: AnonymityDirection) -> str:
    """What a direction gave, in words (plain text, escaped where it is filled in)."""
    if d.lifts:
        order = f"lifted the anonymity order (“{d.was}”): the officer may be named"
    elif d.cipher:
        order = f"anonymity order, the officer referred to in public only as “{d.cipher}”"
    else:
        order = "no anonymity order"
    restrictions = (
        f"reporting restrictions: {d.reporting_restrictions}"
        if d.reporting_restrictions
        else "no reporting restrictions"
    )
    return f"{order}; {restrictions}"


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def _directions(case: Case) -> str:
    """The anonymity order and reporting restrictions in force and the chair's directions that gave
    them ("" for proceedings with none since the arrangement, whose section is as it was)."""
    p = case.proceedings
    if p is None or not p.directions:
        return ""
    a = p.arrangement
    items = "".join(
        fill(
            "<li>On {}, {}: {}{}</li>",
            _day(d.on),
            d.chair,
            _sentence(_direction_words(d)),
            f" Reasons: {d.reasons}" if d.reasons else "",
        )
        for d in p.directions
    )
    return (
        '\n  <h3 id="anonymity">Anonymity and reporting directions</h3>\n  <dl class="facts">'
        + fill(
            "<dt>Anonymity order</dt><dd>{}</dd><dt>Reporting restrictions</dt><dd>{}</dd>",
            SafeString(fill("“{}”", a.anonymity_cipher)) if a.anonymity_cipher else "None",
            a.reporting_restrictions or "None",
        )
        + f"</dl>\n  <ul>{items}</ul>"
    )


def _objections(case: Case) -> str:
    """The objections to panel members (a newline when there are none)."""
    p = case.proceedings
    if p is None or not p.objections:
        return "\n"
    items = []
    for o in p.objections:
        if o.decided_on:
            decided = fill(
                "On {} the chair {} it{}.",
                _day(o.decided_on),
                "upheld" if o.upheld else "rejected",
                SafeString(fill(" ({})", o.decision_reasons)) if o.decision_reasons else "",
            )
        else:
            decided = "<strong>Awaiting the chair's decision.</strong>"
        if o.replaced_on:
            replaced = fill(
                "Replaced by {}; the officer was told on {}.", o.replaced_by, _day(o.replaced_on)
            )
        elif o.upheld:
            replaced = "<strong>Awaiting a replacement.</strong>"
        else:
            replaced = ""
        items.append(
            fill(
                "<li>On {} the officer objected to {} (grounds: {}).\n  ",
                _day(o.on),
                o.member,
                o.grounds,
            )
            + f"{decided}\n  {replaced}</li>"
        )
    return f"<h3>Objections to panel members</h3>\n<ul>{''.join(items)}</ul>\n"


def _public_days(case: Case, public: Sequence[Spell] | None) -> list[list[str | None]]:
    """The first and last day of each spell in which the case has a public page (its public records'
    spells, which the public projection decides day by day: ``tests/app/test_read_models.py``)."""
    if not case.published_on:
        return []  # the page links to the public page of a published case only
    if public is None:
        from misconduct.app.readmodels import project

        public = [(r.visible_from, r.visible_until) for r in project(case).public]
    return [[start.isoformat(), until.isoformat() if until else None] for start, until in public]


def _officers(case: Case) -> str:
    from misconduct.app.web.templatetags.web import british, label

    return safe(
        fill(
            "<li><strong>{}</strong>, warrant {}{}{}</li>",
            o.display_name(),
            o.warrant_number,
            "" if o.serving else " (former officer)",
            SafeString(
                "".join(
                    fill(
                        "<br><small>Prior {} notified {} for {} months</small>",
                        label(w.kind).lower(),
                        british(w.notified_on),
                        w.months,
                    )
                    for w in o.prior_warnings
                )
            ),
        )
        for o in case.officers.values()
    )


def _parties(case: Case) -> str:
    from misconduct.app.web.templatetags.web import label

    if not case.parties:
        return "<li>None recorded.</li>"
    return safe(
        fill(
            "<li>{}: {}{}</li>",
            label(p.role),
            p.name,
            SafeString(fill(" ({})", p.detail)) if p.detail else "",
        )
        for p in case.parties
    )


def _allegations(case: Case) -> str:
    from misconduct.app.web.templatetags.web import british, label

    headings = {s.id: s.heading for s in standards_on(case.came_to_attention)}
    rows = []
    for a in case.allegations.values():
        f = case.findings.get(a.allegation_id)
        if not f:
            finding = "—"
        elif f.proven:
            finding = f"{label(f.level)}{' (admitted)' if f.admitted else ''}"
        else:
            finding = "Not proven"
        rows.append(
            fill(
                "<tr>\n    <td>{}</td><td>{}</td>\n    <td>{} to {}{}</td>\n    <td>{}</td>\n"
                "    <td>{}</td>\n  </tr>",
                a.allegation_id,
                a.particulars,
                british(a.conduct_from),
                british(a.conduct_to),
                ", on duty" if a.on_duty else "",
                "; ".join(headings.get(s) or s for s in a.standards),
                finding,
            )
        )
    return safe(rows)


def _limits(case: Case) -> list[list[str | None]]:
    """Each time limit, soonest first, as its table row before and after the "overdue" badge, and
    the last day after which it is overdue while unmet (None if it cannot be)."""
    from misconduct.app.web.templatetags.web import british, label

    rows: list[list[str | None]] = []
    for t in sorted(case.time_limits, key=lambda t: t.item.last_day):
        i = t.item
        obligation = i.nature.value == "obligation"
        rows.append(
            [
                i.last_day.isoformat()
                if not t.met_on and obligation and not case.closed_on
                else None,
                fill(
                    "<tr><td>{}{}</td><td>{}</td><td>{}{}",
                    i.title,
                    ""
                    if obligation
                    else SafeString(fill(" <small>({})</small>", label(i.nature).lower())),
                    british(i.trigger),
                    SafeString(fill("{} to ", british(i.earliest))) if i.earliest else "",
                    british(i.last_day),
                ),
                fill(
                    '</td><td>{}</td><td class="cite">{}{}</td></tr>',
                    SafeString(fill('<span class="badge ok">{}</span>', british(t.met_on)))
                    if t.met_on
                    else "—",
                    i.citation,
                    SafeString(fill(" ({})", i.status)) if i.status != "verified" else "",
                ),
            ]
        )
    return rows


def row(case: Case, public: Sequence[Spell] | None = None) -> dict[str, Any]:
    """The read model's row of ``case`` (its primary key apart), steps not worked out."""
    return {
        "ref": case.ref,
        "version": case.version,
        "force": case.force,
        "chairs": dumps(list(scope(case).chairs)),
        "parts": compact_dumps(parts(case, public)),
        "parts_format": FORMAT,
        "steps_on": None,
        "steps": "",
    }


def expected(case: Case) -> tuple[object, ...]:
    """What the row of ``case`` holds, as ``read_tables.expected_rows`` compares it (the steps,
    which depend on the day and on other cases, apart)."""
    return (case.ref, case.version, case.force, list(scope(case).chairs), parts(case))


# -- the steps of a day -----------------------------------------------------------------------------


def steps_on(case: Case, context: Context, on: date) -> list[list[str | None]]:
    """Every step's availability on ``on``: its id, and for a step not open the item the page lists
    it by (its name, the refusal as a person reads it, and the citation)."""
    from misconduct.app.plain import plain_text
    from misconduct.app.web.steps import steps_for

    return [
        [a.step.id, None]
        if a.refusal is None
        else [
            a.step.id,
            fill(
                '<li class="refused">{}: {} <span class="cite">({})</span></li>',
                a.step.label,
                plain_text(a.refusal.message),
                a.refusal.citation,
            ),
        ]
        for a in steps_for(case, context, on)
    ]


def store_steps(case_id: int, version: int, on: date, steps: Sequence[Any]) -> None:
    """Keep ``steps`` as the case's steps on ``on``, unless the case has changed from ``version``
    (a write since rewrote the row, and its steps are worked out again)."""
    from misconduct.app import models as m

    m.CasePage.objects.filter(case_id=case_id, version=version).update(
        steps_on=on, steps=json.dumps(steps, separators=(",", ":"))
    )


def forget_steps(using: str, officers: Iterable[int], written: Sequence[int]) -> None:
    """Empty the kept steps of the other cases of the officers whose primary keys are ``officers``
    (their warnings from the cases ``written`` may have changed, which the rules weigh), in the
    caller's transaction. Two statements that each read by an index: the officers' cases by the
    links' index of officers, then their pages by key (one statement joining them let the planner
    read every page, or with a database's statistics not yet gathered, as on a fresh seed, every
    officer again for each link); on PostgreSQL each list one array parameter (``rows.among``)."""
    from misconduct.app import models as m
    from misconduct.app.rows import among

    keys = sorted(set(officers))
    if not keys:
        return
    q = connections[using].ops.quote_name
    links = m.Case.officers.through._meta.db_table
    with connections[using].cursor() as cursor:
        which, params = among(using, q("officer_id"), keys)
        cursor.execute(f"SELECT DISTINCT {q('case_id')} FROM {q(links)} WHERE {which}", params)
        others = sorted({pk for (pk,) in cursor.fetchall()} - set(written))
        if not others:
            return
        which, params = among(using, q("case_id"), others)
        cursor.execute(
            f"UPDATE {q(m.CasePage._meta.db_table)} SET {q('steps_on')} = NULL, {q('steps')} = ''"
            f" WHERE {which} AND {q('steps_on')} IS NOT NULL",
            params,
        )


# -- reading ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """A case's row of the read model, as a request reads it."""

    case_id: int
    ref: str
    version: int
    force: str
    scope: CaseScope
    parts: Mapping[str, Any]
    steps_on: date | None
    steps: list[list[Any]] | None
    heads: list[Head] | None = None
    """The case's events' heads, read with the row (None: read them with :func:`heads`)."""


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def read(ref: str, using: str = "default") -> Page | None:
    """The case page's row of ``ref`` with the case's events' heads (:func:`heads`), in one query
    by the reference's index (the heads as one JSON list, from the events by the case's index), or
    None if there is no row of this format."""
    connection = connections[using]
    with prepared_cursor(connection) as cursor:  # every view of a case page sends it
        cursor.execute(read_sql(using), [ref])
        found = cursor.fetchone()
    return page_of(ref, found)


def read_sql(using: str = "default") -> str:
    """:func:`read`'s statement (fixed SQL, one parameter: the reference), so that it may be sent
    with another (``web.sessions.SessionStore.read_along``); :func:`page_of` reads its row."""
    from misconduct.app import models as m

    q = connections[using].ops.quote_name
    listed = _heads_listed(using)
    return (
        f"SELECT p.{q('case_id')}, p.{q('version')}, p.{q('force')}, p.{q('chairs')},"
        f" p.{q('parts')}, p.{q('parts_format')}, p.{q('steps_on')}, p.{q('steps')}"
        f"{', ' + listed if listed else ''}"
        f" FROM {q(m.CasePage._meta.db_table)} p WHERE p.{q('ref')} = %s"
    )


def page_of(ref: str, found: Sequence[Any] | None) -> Page | None:
    """The page of :func:`read_sql`'s row for ``ref`` (None: no row, or one of another format)."""
    if found is None or found[5] != FORMAT:
        return None
    case_id, version, force_code, chairs, parts_text, _, on, steps = found[:8]
    return Page(
        case_id,
        ref,
        version,
        force_code,
        CaseScope(force_code, tuple(json.loads(chairs))),
        json.loads(parts_text),
        _date(on),
        json.loads(steps) if steps else None,
        _heads_of(found[8]) if len(found) > 8 else None,
    )


def of_case(case: Case, case_id: int) -> Page:
    """The page of ``case`` worked out now (a row of another format, or none)."""
    return Page(
        case_id,
        case.ref,
        case.version,
        case.force,
        scope(case),
        json.loads(json.dumps(parts(case))),
        None,
        None,
    )


@dataclass(frozen=True)
class Head:
    """What the timeline shows of a recorded event and who recorded it."""

    sequence: int
    occurred_on: date
    recorded_at: datetime
    actor: str
    name: str
    """The actor as the page names them: "Full Name (username)", the username, or the actor."""


_HEAD_COLUMNS = ("sequence", "occurred_on", "recorded_at", "actor")
_USER_COLUMNS = ("username", "first_name", "last_name")


def _heads_from(using: str) -> str:
    """The events of a case joined to their users by username (``WHERE`` on the case to follow)."""
    from django.contrib.auth import get_user_model

    from misconduct.app import models as m

    q = connections[using].ops.quote_name
    users = get_user_model()._meta.db_table
    return (
        f" FROM {q(m.Event._meta.db_table)} e LEFT JOIN {q(users)} u"
        f" ON u.{q('username')} = e.{q('actor')}"
    )


def _heads_listed(using: str) -> str:
    """A scalar subquery giving the heads of the case of the row ``p`` as one JSON list of lists
    (PostgreSQL and SQLite), in no set order, or "" on another database.

    Not ordered in SQL: :func:`_heads_of` orders them by their number (unique within a case). SQLite
    3.40 has no ordered aggregate, and on PostgreSQL ``json_agg(... ORDER BY ...)`` sorts its input
    at every execution whatever order the index gives it, which cost the server about a third of
    the statement (branch pgpage10)."""
    connection = connections[using]
    q = connection.ops.quote_name
    columns = ", ".join([f"e.{q(c)}" for c in _HEAD_COLUMNS] + [f"u.{q(c)}" for c in _USER_COLUMNS])
    where = f" WHERE e.{q('case_id')} = p.{q('case_id')}"
    aggregate = {"postgresql": "json_agg(json_build_array", "sqlite": "json_group_array(json_array"}
    if connection.vendor not in aggregate:
        return ""
    return f"(SELECT {aggregate[connection.vendor]}({columns})){_heads_from(using)}{where})"


def _heads_of(listed: Any) -> list[Head]:
    """The heads of :func:`_heads_listed`'s JSON (text, or already decoded by the driver; NULL
    when the case has no event on PostgreSQL), in order."""
    if listed is None:
        return []
    rows = json.loads(listed) if isinstance(listed, str | bytes) else listed
    rows.sort(key=lambda r: r[0])
    return [_head(*r) for r in rows]


def _head(
    sequence: int, on: Any, at: Any, actor: str, username: str | None, first: str, last: str
) -> Head:
    if username is None:
        name = actor
    else:
        full = f"{first} {last}".strip()  # as ``User.get_full_name``
        name = f"{full} ({username})" if full else username
    return Head(sequence, _date(on) or on, _datetime(at), actor, name)


def heads(case_id: int, using: str = "default") -> list[Head]:
    """The case's events in order without their payloads, each with the name of the user who
    recorded it (one query: the events by the case's index, joined to the users by username).
    :func:`read` reads them with the page's row instead."""
    connection = connections[using]
    q = connection.ops.quote_name
    columns = ", ".join([f"e.{q(c)}" for c in _HEAD_COLUMNS] + [f"u.{q(c)}" for c in _USER_COLUMNS])
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns}{_heads_from(using)}"
            f" WHERE e.{q('case_id')} = %s ORDER BY e.{q('sequence')}",
            [case_id],
        )
        found = cursor.fetchall()
    return [_head(*row) for row in found]


def _datetime(value: Any) -> datetime:
    """A stored time as the ORM gives it: aware, in UTC (SQLite and a JSON list give text)."""
    if not isinstance(value, datetime):
        value = datetime.fromisoformat(str(value))
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def refresh_steps(
    on: date,
    using: str = "default",
    *,
    batch: int = 500,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Work out every case's steps on ``on`` and keep them (what the first request of the day would
    do, for every case: run once a day, after midnight); how many cases. Each batch reads its cases'
    states and their officers' warnings in two queries and is written in a transaction of its own;
    a case written meanwhile keeps the empty steps its write left."""
    from django.db import transaction

    from misconduct.app import models as m
    from misconduct.app.read_tables import chunks
    from misconduct.app.repository import DjangoRepository
    from misconduct.rules.vocabulary import Outcome
    from misconduct.rules.warning import WarningRecord

    repo = DjangoRepository(using)
    connection = connections[using]
    q = connection.ops.quote_name
    table = q(m.CasePage._meta.db_table)
    done = 0
    refs = m.CasePage.objects.using(using).order_by("case_id").values_list("ref", flat=True)
    for chunk in chunks(refs.iterator(chunk_size=batch), batch):
        cases = repo.load_states(chunk)
        officers = sorted({oid for c in cases.values() for oid in c.officers})
        warnings: dict[str, list[tuple[str, WarningRecord]]] = {}
        for oid, ref, kind, notified, months, career_break in (
            m.Warning.objects.using(using)
            .filter(officer__officer_id__in=officers)
            .order_by("id")
            .values_list(
                "officer__officer_id",
                "case__ref",
                "kind",
                "notified_on",
                "months",
                "career_break_days",
            )
        ):
            record = WarningRecord(Outcome(kind), notified, months, career_break)
            warnings.setdefault(oid, []).append((ref, record))
        rows = []
        for ref, case in cases.items():
            context = Context(
                {
                    oid: [w for where, w in warnings.get(oid, []) if where != ref]
                    for oid in case.officers
                }
            )
            steps = json.dumps(steps_on(case, context, on), separators=(",", ":"))
            rows.append((connection.ops.adapt_datefield_value(on), steps, ref, case.version))
        with transaction.atomic(using=using), connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET {q('steps_on')} = %s, {q('steps')} = %s"
                f" WHERE {q('ref')} = %s AND {q('version')} = %s",
                rows,
            )
        done += len(chunk)
        if progress is not None:
            progress(len(chunk))
    return done
