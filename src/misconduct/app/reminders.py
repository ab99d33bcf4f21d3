"""Reminders: each person's overdue and soon-due time limits, and the steps they hold that the
regulations set no time for (awaited, with no last day: the chair's written reasons to the local
policing body, SI 2020/4 reg 39(3A); reg 59(4)), by email through Django's email framework (the
console backend unless EMAIL_BACKEND is set), for ``misconduct remind`` from cron. The same tasks
are shown in the app on "My work"."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q

from misconduct.app import casework
from misconduct.app import models as m
from misconduct.domain.terms import Nature
from misconduct.rules.workdays import add_working_days
from misconduct.services.retention import TAKE_DOWN_STEP


def due_by_person(on: date, within: int) -> dict[str, list[casework.Task]]:
    """Overdue tasks and those due within ``within`` working days, by the username holding them:
    read from the time limits' read model (indexed by holder and day), not from every case."""
    horizon = add_working_days(on, within)
    obligation = Nature.OBLIGATION.value
    rows = (
        m.DueEntry.objects.exclude(holder="")
        .filter(nature__in=[obligation, Nature.WINDOW.value])
        .filter(Q(nature=obligation, last_day__lt=on) | Q(last_day__gte=on, last_day__lte=horizon))
        .exclude(step=TAKE_DOWN_STEP, trigger__gt=on)
        .order_by("holder", "last_day", "ref", "id")
    )
    out: dict[str, list[casework.Task]] = defaultdict(list)
    for d in rows.iterator(chunk_size=2000):
        out[d.holder].append(casework.task_of(d, on))
    return dict(out)


def awaited_by_person() -> dict[str, list[casework.AwaitedTask]]:
    """Every step awaited with no time limit, by the username holding it, longest awaited first:
    read from its own read model (indexed by holder), not from every case. None is "due": the
    regulations set no time, so each stays listed until it is recorded."""
    rows = m.AwaitedEntry.objects.exclude(holder="").order_by("holder", "since", "ref", "id")
    out: dict[str, list[casework.AwaitedTask]] = defaultdict(list)
    for d in rows.iterator(chunk_size=2000):
        out[d.holder].append(casework.awaited_of(d))
    return dict(out)


AWAITED_HEAD = "Awaited, with no time limit in the regulations (so no last day is given):"


def message(
    username: str,
    tasks: list[casework.Task],
    on: date,
    awaited: list[casework.AwaitedTask] | None = None,
) -> str:
    lines = [f"Time limits you hold, as at {on:%d/%m/%Y}:", ""]
    for t in tasks:
        state = "OVERDUE since" if t.overdue else "due by"
        lines.append(
            f"- {t.due.ref}: {t.due.item.title}, {state} {t.due.item.last_day:%d/%m/%Y} "
            f"({t.due.item.citation})"
        )
    if not tasks:
        lines.append("- None due or overdue.")
    if awaited:
        lines += ["", AWAITED_HEAD, ""]
        lines += [
            f"- {a.ref}: {a.title} for: {a.detail}; awaited since {a.since:%d/%m/%Y} ({a.citation})"
            for a in awaited
        ]
    lines += ["", "Open My work in misconduct to act on them."]
    return "\n".join(lines)


def send(on: date, within: int) -> list[tuple[str, str, int]]:
    """Email each person holding a due or overdue item, or a step awaited with no time limit;
    (username, address or why not, count)."""
    sent = []
    users = {u.username: u for u in get_user_model().objects.filter(is_active=True)}
    due = due_by_person(on, within)
    waiting = awaited_by_person()
    for username in sorted(due.keys() | waiting.keys()):
        tasks, awaited = due.get(username, []), waiting.get(username, [])
        count = len(tasks) + len(awaited)
        user = users.get(username)
        if user is None or not user.email:
            sent.append((username, "no email address: shown on My work only", count))
            continue
        overdue = sum(t.overdue for t in tasks)
        subject = f"misconduct: {len(tasks)} time limit(s), {overdue} overdue"
        if awaited:
            subject += f", {len(awaited)} awaited with no time limit"
        send_mail(subject, message(username, tasks, on, awaited), None, [user.email])
        sent.append((username, user.email, count))
    return sent
