"""Template filters: British dates (20 January 2025) and labels for the closed vocabularies."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import Any
from urllib.parse import quote

from django import template
from django.urls import get_script_prefix, reverse
from django.urls.resolvers import RFC3986_SUBDELIMS
from django.utils.safestring import SafeString

from misconduct.app.web.html import fill, safe
from misconduct.domain import dates
from misconduct.errors import MisconductError

register = template.Library()


@register.filter
def british(value: Any) -> str:
    """``date(2025, 1, 20)`` becomes "20 January 2025" (the domain's :func:`dates.british`), a
    date-time "20 January 2025, 14:30", ISO text the day it names (a month alone "May 2020"); empty
    values become a dash, and anything else is shown as it stands."""
    if type(value) is date:  # (most values: the answer below, without its tests)
        return _day(value)
    if value in (None, ""):
        return "—"
    if isinstance(value, str):
        try:
            if len(value) == 7:  # a month, as a precedent's record may give it: "May 2020"
                return dates.british_month(date.fromisoformat(value + "-01"))
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, datetime):
        return dates.british_time(value)
    if isinstance(value, date):
        return _day(value)
    return str(value)


_day = functools.lru_cache(maxsize=8192)(dates.british)
"""A day as :func:`british` writes it, kept: the read models written with each event (the case
page's time limits and facts) give the same few hundred days again and again."""


@register.filter
def months(value: Any) -> str:
    """A warning period as a person says it: 24 becomes "two years", 18 "18 months"."""
    from misconduct.documents.text import period

    try:
        return period(int(value))
    except (TypeError, ValueError):
        return str(value)


@register.filter
def actor_names(timeline: Any) -> dict[str, str]:
    """The people who recorded the steps of a timeline, by username: "Case Officer (officer)".
    One query for the whole timeline; an actor that is not a user (a loader, a program) keeps its
    name."""
    from django.contrib.auth import get_user_model

    actors = {str(e["record"].actor) for e in timeline or ()}
    users = get_user_model().objects.filter(username__in=actors)
    names = {a: a for a in actors}
    for u in users:
        full = u.get_full_name()
        names[u.get_username()] = f"{full} ({u.get_username()})" if full else u.get_username()
    return names


@register.filter
def user_names(rows: Any) -> dict[str, str]:
    """The people behind the ``username`` of each row (an access log page), in one query."""
    return actor_names([{"record": _Actor(str(r.username))} for r in rows or ()])


@register.filter
def seen(what: Any) -> str:
    """An access-log entry as a person reads it: "document reg36-notice.html" becomes the
    document's title and its format."""
    from misconduct.documents.api import KINDS

    text = str(what or "")
    if text.startswith("document "):
        kind, _, fmt = text.removeprefix("document ").rpartition(".")
        if kind in KINDS:
            return f"{KINDS[kind].title} ({fmt.upper()})"
    return text


@register.filter
def person(username: Any) -> str:
    """A username as the person it names: "Case Officer (officer)"; anything else unchanged."""
    if not username:
        return "—"
    return actor_names([{"record": _Actor(str(username))}]).get(str(username), str(username))


@dataclass(frozen=True)
class _Actor:
    actor: str


@register.filter
def with_note(description: Any, note: Any) -> str:
    """A factor's description with the chair's note after a colon, as the published reasons put it."""
    from misconduct.documents.published import described

    return described(str(description or ""), str(note or ""))


@register.filter
def label(value: Any) -> str:
    """An identifier such as ``final_written_warning`` as "Final written warning"."""
    if value in (None, ""):
        return "—"
    text = getattr(value, "value", value)
    return str(text).replace("_", " ").capitalize()


_case_prefix: dict[str, str] = {}
_REF_SAFE = RFC3986_SUBDELIMS + "/~:@"


def cases_prefix() -> str:
    """The staff case list's URL under the current script prefix (reversed once per prefix)."""
    script = get_script_prefix()
    prefix = _case_prefix.get(script)
    if prefix is None:
        prefix = _case_prefix[script] = reverse("web:cases")
    return prefix


def case_urls() -> Callable[[Any], str]:
    """:func:`case_url` for the rows of one list: the script prefix looked up once, not per row."""
    prefix = cases_prefix()
    return lambda ref: f"{prefix}{quote(str(ref), safe=_REF_SAFE)}/"


@register.filter
def case_url(ref: Any) -> str:
    """The staff page of case ``ref``: what ``{% url 'web:case' ref %}`` gives, without a reversal
    per row of a long list (issue 10): the cases' URL reversed once per script prefix, the
    reference quoted as ``reverse`` quotes it."""
    return case_urls()(ref)


@register.filter
def get(mapping: Any, key: Any) -> Any:
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def plain(error: Any) -> str:
    """A project error or a rules refusal as the sentence a person reads (``misconduct.app.plain``)."""
    from misconduct.app.plain import plain as plain_error
    from misconduct.app.plain import plain_text

    if isinstance(error, MisconductError):
        return plain_error(error).message
    message = getattr(error, "message", None)  # a rules refusal: message and citation
    return plain_text(message) if isinstance(message, str) else str(error)


@register.filter
def words(text: Any) -> str:
    """Engine text with any ids, options or ISO dates left in it put in words (``app.plain``)."""
    from misconduct.app.plain import plain_text

    return plain_text(str(text or ""))


@register.filter
def paragraphs(text: Any) -> list[str]:
    """Free text split into paragraphs at blank lines."""
    return [" ".join(p.split()) for p in str(text or "").split("\n\n") if p.strip()]


def _described_by(field: Any) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    return " ".join(ids)


@register.filter
def described_by(field: Any) -> str:
    """The ids of a form field's help text and error, as the template renders them."""
    return _described_by(field)


@register.filter
def described(field: Any) -> Any:
    """The field's widget linked to its help text and its error (``aria-describedby``), and marked
    invalid when it has an error; only ids the template renders are named."""
    attrs: dict[str, str] = {}
    ids = _described_by(field)
    if ids and not getattr(field.field.widget, "allow_multiple_selected", False):
        attrs["aria-describedby"] = ids
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


# -- the staff lists' tables, built in Python (issue 10) -----------------------------------------


_DUE_ROW = (
    '<tr>\n  <td><a href="{}">{}</a></td>\n  <td>{}</td>\n  <td>{}{}</td>\n  <td>{}</td>\n'
    '  <td><span class="cite">{}</span>{}</td>\n</tr>'
)
_OVERDUE = '<span class="badge overdue">overdue</span> '
_DUES_HEAD = (
    '<div class="table-wrap"><table class="dense">\n<thead><tr><th>Case</th><th>Step</th>'
    "<th>By</th><th>{}</th><th>Regulation</th></tr></thead>\n<tbody>"
)
_TABLE_END = "</tbody></table></div>\n"


def _status(status: str) -> str:
    if status == "verified":
        return ""
    return fill(' <span class="badge status-{}">{}</span>', status, status)


_rows: dict[tuple[Any, ...], str] = {}
ROWS_KEPT = 5_000
"""How many finished rows of the staff lists each process keeps (then it starts again)."""


def kept_row(key: tuple[Any, ...], build: Callable[[], str]) -> str:
    """The finished row ``build()`` gives, kept per process under ``key``: every value the row
    shows, and the cases' URL (issue 10: the dashboard's and "My work"'s rows are the same few
    hundred from request to request, each costing a dozen escapes, a quoted URL and a date). The
    key holds everything the row depends on, so a kept row is never stale."""
    found = _rows.get(key)
    if found is None:
        found = build()
        if len(_rows) >= ROWS_KEPT:
            _rows.clear()
        _rows[key] = found
    return found


@register.filter
def dues_table(dues: Any, empty: str) -> SafeString:
    """The time limits ``dues`` (``Due``: the dashboard's lists) as a table, or ``empty``."""
    if not dues:
        return SafeString(fill("<p>{}</p>\n", empty))
    prefix = cases_prefix()
    url = case_urls()
    rows = [
        kept_row(
            (
                "due",
                prefix,
                d.ref,
                d.item.title,
                d.overdue,
                d.item.last_day,
                d.item.party,
                d.item.citation,
                d.item.status,
            ),
            partial(due_row, d, url),
        )
        for d in dues
    ]
    return safe([DUES_HEAD, *rows, _TABLE_END])


DUES_HEAD = _DUES_HEAD.format("Who acts")
TABLE_END = _TABLE_END


def due_row(d: Any, url: Callable[[Any], str]) -> str:
    """The row of :func:`dues_table` of the time limit ``d`` (a ``Due``), its case's URL by
    ``url``."""
    return fill(
        _DUE_ROW,
        url(d.ref),
        d.ref,
        d.item.title,
        SafeString(_OVERDUE) if d.overdue else "",
        british(d.item.last_day),
        d.item.party,
        d.item.citation,
        SafeString(_status(d.item.status)),
    )


_TASK_ROW = (
    '<tr>\n  <td><a href="{}">{}</a></td>\n  <td>{}</td>\n  <td>{}{}</td>\n  <td>{}{}</td>\n'
    '  <td><span class="cite">{}</span></td>\n</tr>'
)


@register.filter
def tasks_table(tasks: Any, empty: str) -> SafeString:
    """The tasks ``tasks`` ("My work"'s lists) as a table, or ``empty``."""
    if not tasks:
        return SafeString(fill("<p>{}</p>\n", empty))
    prefix = cases_prefix()
    url = case_urls()
    rows = [
        kept_row(
            (
                "task",
                prefix,
                t.due.ref,
                t.due.item.title,
                t.overdue,
                t.due.item.last_day,
                t.assignee,
                t.role,
                t.due.item.citation,
            ),
            partial(_task_row, t, url),
        )
        for t in tasks
    ]
    return safe([_DUES_HEAD.format("Held by"), *rows, _TABLE_END])


def _task_row(t: Any, url: Callable[[Any], str]) -> str:
    """The row of :func:`tasks_table` of the task ``t``, its case's URL by ``url``."""
    return fill(
        _TASK_ROW,
        url(t.due.ref),
        t.due.ref,
        t.due.item.title,
        SafeString(_OVERDUE) if t.overdue else "",
        british(t.due.item.last_day),
        t.assignee or "unassigned",
        SafeString(fill(" <small>({})</small>", t.role.label.lower())) if t.role else "",
        t.due.item.citation,
    )


_AWAITED_HEAD = (
    '<div class="table-wrap"><table class="dense">\n<thead><tr><th>Case</th><th>Step</th>'
    "<th>Awaited since</th><th>Held by</th><th>Regulation</th></tr></thead>\n<tbody>"
)
_AWAITED_ROW = (
    '<tr>\n  <td><a href="{}">{}</a></td>\n  <td>{}<br><small>For: {}</small></td>\n'
    "  <td>{} <small>(no time limit)</small></td>\n  <td>{}{}</td>\n"
    '  <td><span class="cite">{}</span></td>\n</tr>'
)


@register.filter
def awaited_table(tasks: Any) -> SafeString:
    """The steps awaited with no time limit ``tasks`` ("My work"'s ``casework.AwaitedTask``) as a
    table: each with the day it has been awaited since, never a last day."""
    url = case_urls()
    rows = [
        fill(
            _AWAITED_ROW,
            url(a.ref),
            a.ref,
            a.title,
            a.detail,
            british(a.since),
            a.assignee or "unassigned",
            SafeString(fill(" <small>({})</small>", a.role.label.lower())) if a.role else "",
            a.citation,
        )
        for a in tasks
    ]
    return safe([_AWAITED_HEAD, *rows, _TABLE_END])


@register.filter
def case_items(cases: Any) -> SafeString:
    """The dashboard's case rows (``store.ListedCase``) as list items."""
    prefix = cases_prefix()
    url = case_urls()
    return safe(
        kept_row(
            ("case", prefix, c.ref, c.force_name, c.stage),
            partial(_case_item, c, url),
        )
        for c in cases
    )


def _case_item(c: Any, url: Callable[[Any], str]) -> str:
    """The item of :func:`case_items` of the case ``c``, its URL by ``url``."""
    return fill(
        '<li><a href="{}">{}</a> · {} · {}</li>', url(c.ref), c.ref, c.force_name, label(c.stage)
    )
