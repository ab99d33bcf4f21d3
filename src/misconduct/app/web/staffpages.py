"""The dashboard's and "My work"'s content as finished HTML built in Python (issue 10, branch
``dash7``): the heaviest staff pages spent about half of their CPU in the template engine (each
variable resolved, localised and escaped through several calls), around lists that were already
built in Python (``dues_table``, ``tasks_table``, ``case_items``).

Each function takes the context its page's template takes (``web/staff/dashboard.html``,
``web/staff/my_work.html``) and gives what the template's ``content`` block gives, byte for byte:
the view sends it in the signed-in frame (``frame.staff_frame``), and renders the template itself
when a message is waiting (the template shows it). Every value is escaped (``html.fill``, ``esc``);
only this module's fixed markup is not. ``tests/app/web/test_staff_pages.py`` holds the pages equal
to their templates' for users of every kind.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from misconduct.app.repository import due_item
from misconduct.app.web import store
from misconduct.app.web.html import esc, fill
from misconduct.app.web.templatetags.web import (
    DUES_HEAD,
    TABLE_END,
    awaited_table,
    british,
    case_items,
    case_urls,
    cases_prefix,
    due_row,
    kept_row,
    label,
    tasks_table,
)
from misconduct.domain.terms import Nature
from misconduct.services.cases import Due


def dues(rows: Sequence[tuple[Any, ...]], today: date) -> list[Due]:
    """The time limits ``rows`` (``store.DueRow``'s columns) as the dashboard lists them."""
    return [
        Due(d.ref, item, item.nature is Nature.OBLIGATION and item.last_day < today)
        for d in (store.DueRow(*r) for r in rows)
        for item in [due_item(d)]  # type: ignore[arg-type]
    ]


def dues_table(rows: Sequence[tuple[Any, ...]], today: date, empty: str) -> str:
    """The ``dues_table`` filter of ``dues(rows, today)``, each row kept per process by its
    columns and the date (all that it depends on), so that a row kept costs no ``Due``."""
    if not rows:
        return fill("<p>{}</p>\n", empty)
    prefix, url = cases_prefix(), case_urls()
    out = [DUES_HEAD]
    for r in rows:

        def build(r: tuple[Any, ...] = r) -> str:
            return due_row(dues([r], today)[0], url)

        out.append(kept_row(("due-row", prefix, today, r), build))
    out.append(TABLE_END)
    return "".join(out)


def dashboard(c: Mapping[str, Any], nav: Mapping[str, str], new_case: str) -> str:
    """``web/staff/dashboard.html``'s content for its context ``c``, the site's links ``nav`` and
    the URL of the new-case form ``new_case``."""
    roles = c["roles"]
    if roles:
        held = "; ".join(
            fill('<span class="badge">{}</span> in ', role)
            + (str(len(forces)) + " forces" if len(forces) > 3 else ", ".join(map(esc, forces)))
            for role, forces in roles
        )
    else:
        held = "No role yet: ask an administrator."
    today = c["today"]
    overdue, due_soon = c["overdue_rows"], c["due_soon_rows"]
    overdue_count, due_soon_count = c["overdue_count"], c["due_soon_count"]
    out = [
        "\n<hgroup>\n  <h1>Dashboard</h1>\n  <p>",
        esc(british(today)),
        " · ",
        held,
        "</p>\n</hgroup>\n",
    ]
    if c["can_open"]:
        out.append(
            fill(
                '<p><a role="button" href="{}">Open a case</a> <a role="button" class="secondary"'
                ' href="{}">My work</a></p>',
                new_case,
                nav["my_work"],
            )
        )
    out.append("\n")
    if c["annual_return"]:
        out.append(
            fill(
                '<p>Statistics: the <a href="{}">Home Office annual return</a> of your force\'s'
                " own cases (a page or CSV).</p>",
                nav["annual_return"],
            )
        )
    out += ['\n<section>\n  <h2>Overdue <span class="badge overdue">', esc(overdue_count)]
    out.append("</span></h2>\n  ")
    if overdue_count > len(overdue):
        out.append(
            f"<p><small>The {len(overdue)} longest overdue of {esc(overdue_count)}.</small></p>"
        )
    out += ["\n  ", dues_table(overdue, today, "Nothing overdue."), "\n</section>\n<section>\n"]
    out.append(
        fill(
            "  <h2>Due in the next {} working days <small>(to {})</small>"
            ' <span class="badge">{}</span></h2>\n  ',
            c["horizon_days"],
            british(c["horizon"]),
            due_soon_count,
        )
    )
    if due_soon_count > len(due_soon):
        out.append(f"<p><small>The {len(due_soon)} soonest of {esc(due_soon_count)}.</small></p>")
    out += [
        "\n  ",
        dues_table(due_soon, today, "Nothing due in the next ten working days."),
        '\n</section>\n<div class="grid">\n  <section>\n    <h2>My cases</h2>\n'
        "    <p><small>Open cases assigned to you, cases you have recorded a step on, and cases"
        " you chair.</small></p>\n    <ul>",
        case_items(c["my_cases"]) if c["my_cases"] else "<li>None yet.</li>",
        "</ul>\n    ",
    ]
    if c["other_cases"]:
        out += [
            "<h3>Other open cases in your forces</h3>\n    <ul>",
            case_items(c["other_cases"]),
            "</ul>",
        ]
    out += [
        '\n  </section>\n  <section>\n    <h2>Cases by stage</h2>\n    <table class="dense"><tbody>'
        "\n    ",
        c["stages"] or "<tr><td>No cases.</td></tr>",
        "\n    </tbody></table>\n  </section>\n</div>\n",
    ]
    return "".join(out)


AWAITED_NOTE = (
    "The regulations set no time for these, so none has a last day and none is ever overdue: each "
    "stays here until it is recorded as done."
)
"""What "My work" says of its awaited steps (``web/staff/my_work.html`` says the same)."""


def my_work(c: Mapping[str, Any]) -> str:
    """``web/staff/my_work.html``'s content for its context ``c``."""
    overdue, due, team = c["overdue"], c["due"], c["team_overdue"]
    out = [
        "\n<hgroup><h1>My work</h1><p>",
        esc(british(c["today"])),
        ": the cases assigned to you and the time limits you hold.</p></hgroup>\n<section>\n"
        '  <h2>Overdue <span class="badge overdue">',
        esc(overdue.total),
        "</span></h2>\n  ",
        tasks_table(overdue.tasks, "Nothing of yours is overdue."),
        "\n  ",
        _more(overdue),
        "\n</section>\n<section>\n  <h2>Due</h2>\n  ",
        tasks_table(due.tasks, "Nothing of yours is due."),
        "\n  ",
        _more(due),
        "\n</section>\n",
    ]
    awaited = c["awaited"]
    if awaited.count:
        out += [
            "<section>\n  <h2>Awaited, with no time limit</h2>\n  <p>",
            AWAITED_NOTE,
            "</p>\n  ",
            awaited_table(awaited.tasks),
            "\n  ",
            fill(
                "<p>The first {} of {}, longest awaited first.</p>",
                len(awaited.tasks),
                awaited.total,
            )
            if awaited.count > len(awaited.tasks)
            else "",
            "\n</section>\n",
        ]
    out.append("<section>\n  <h2>My cases</h2>\n  <ul>")
    cases = c["cases"]
    if cases:
        url = case_urls()
        out += [
            fill('<li><a href="{}">{}</a> · {} · ', url(case.ref), case.ref, label(case.stage))
            + ", ".join(esc(r.label) for r in roles)
            + "</li>"
            for case, roles in cases
        ]
    else:
        out.append("<li>No case is assigned to you.</li>")
    out.append("</ul>\n  ")
    page = c["page"]
    if page.has_other_pages():
        out.append('<nav aria-label="Pages"><ul>\n    ')
        if page.has_previous():
            out.append(
                fill('<li><a href="?page={}">← Previous</a></li>', page.previous_page_number())
            )
        out.append(
            fill("\n    <li>Page {} of {}</li>\n    ", page.number, page.paginator.num_pages)
        )
        if page.has_next():
            out.append(fill('<li><a href="?page={}">Next →</a></li>', page.next_page_number()))
        out.append("\n  </ul></nav>")
    out += [
        "\n</section>\n<section>\n  <h2>The team's overdue items</h2>\n  ",
        tasks_table(team.tasks, "Nothing overdue in your forces."),
        "\n  ",
        _more(team),
        "\n</section>\n",
    ]
    return "".join(out)


def _more(tasks: Any) -> str:
    """``web/staff/_more.html`` for the task list ``tasks`` (a ``casework.TaskList``)."""
    if tasks.count > len(tasks.tasks):
        return fill("<p>The first {} of {}, soonest first.</p>\n", len(tasks.tasks), tasks.total)
    return "\n"
