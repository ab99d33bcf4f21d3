"""The staff case page's hearing section (``casepage._hearing``) is built in Python rather than by
the template engine (it is written with every event of a case that has proceedings: ``db seed``
spent about a third of the page's parts in the engine). Here it is compared, character for
character, with what the template it replaced gives, on seeded cases and on their proceedings
varied in every way the template branched on (a meeting, no members but a panel and an adviser,
no time, objections in each state, adjournments with and without a time and a venue, the public
notice not required, values that need escaping)."""

from __future__ import annotations

import copy
import dataclasses
from datetime import UTC, date, datetime, time

from django.template import engines

from misconduct.app.web import casepage, casepage_privacy
from misconduct.domain.case import Case
from misconduct.domain.records import Adjournment, PanelObjection
from misconduct.rules.vocabulary import Forum
from misconduct.services.cases import CaseService
from misconduct.services.seed import seeded_cases

# The templates ``web/staff/_hearing.html`` and ``web/staff/_objections.html`` as they were (the
# second included by the first), each with the newline that ended its file.
_OBJECTIONS = (
    "{% if p.objections %}<h3>Objections to panel members</h3>\n"
    '<ul>{% for o in p.objections %}<li>On {{ o.on|date:"d/m/Y" }} the officer objected to '
    "{{ o.member }} (grounds: {{ o.grounds }}).\n"
    '  {% if o.decided_on %}On {{ o.decided_on|date:"d/m/Y" }} the chair {% if o.upheld %}upheld'
    "{% else %}rejected{% endif %} it{% if o.decision_reasons %} ({{ o.decision_reasons }})"
    "{% endif %}.{% else %}<strong>Awaiting the chair's decision.</strong>{% endif %}\n"
    "  {% if o.replaced_on %}Replaced by {{ o.replaced_by }}; the officer was told on "
    '{{ o.replaced_on|date:"d/m/Y" }}.{% elif o.upheld %}<strong>Awaiting a replacement.</strong>'
    "{% endif %}</li>{% endfor %}</ul>{% endif %}\n"
)
_HEARING = (
    "{% if case.proceedings %}{% with p=case.proceedings a=case.proceedings.arrangement %}\n"
    '<section aria-labelledby="hearing-heading">\n'
    '  <h2 id="hearing-heading">{% if a.forum.value == "misconduct_meeting" %}The meeting'
    "{% else %}The hearing{% endif %}</h2>\n"
    '  <dl class="facts">\n'
    '    <dt>When</dt><dd>{{ a.starts_on|date:"d/m/Y" }}{% if a.starts_at %} at '
    '{{ a.starts_at|time:"H:i" }}{% endif %}{% if p.adjournments %} <small>(adjourned '
    "{{ p.adjournments|length }} time{{ p.adjournments|length|pluralize }})</small>{% endif %}"
    "</dd>\n"
    '    <dt>Where</dt><dd>{{ a.venue|default:"Not recorded yet" }}</dd>\n'
    '    <dt>{% if a.forum.value == "misconduct_meeting" %}Conducted by{% else %}Chair{% endif %}'
    "</dt><dd>{{ a.chair }}{% if a.chair_role %} ({{ a.chair_role.label|lower }}){% endif %}"
    "</dd>\n"
    "    {% for m in a.members %}<dt>{{ m.role.label }}</dt><dd>{{ m.name }}</dd>{% empty %}"
    '{% if a.panel %}<dt>Panel members</dt><dd>{{ a.panel|join:", " }}</dd>{% endif %}'
    "{% if a.adviser %}<dt>Adviser</dt><dd>{{ a.adviser }}</dd>{% endif %}{% endfor %}\n"
    "    <dt>Papers to the chair</dt><dd>{% if p.papers_on %}Sent "
    '{{ p.papers_on|date:"d/m/Y" }}{% else %}Not sent yet{% endif %}</dd>\n'
    '    {% if a.forum.value == "misconduct_hearing" %}<dt>Pre-hearing</dt><dd>'
    '{% if p.pre_hearing_on %}Held {{ p.pre_hearing_on|date:"d/m/Y" }}{% else %}None held'
    "{% endif %}</dd>{% endif %}\n"
    "    <dt>Notice to the officer</dt><dd>{% if p.hearing_notice_on %}Given "
    '{{ p.hearing_notice_on|date:"d/m/Y" }}{% with last=p.adjournments|last %}{% if last and '
    "last.on > p.hearing_notice_on %}; notice of the new date is still to be given{% endif %}"
    "{% endwith %}{% else %}Not given yet{% endif %}</dd>\n"
    '    {% if a.forum.value != "misconduct_meeting" %}<dt>Public notice</dt><dd>'
    '{% if p.public_notice_on %}Given {{ p.public_notice_on|date:"d/m/Y" }}'
    "{% elif a.public_notice_required is False %}Not required by the chair{% else %}"
    "Not given yet{% endif %}</dd>{% endif %}\n"
    "  </dl>\n"
    "  OBJECTIONS\n"
    "  {% if p.adjournments %}<h3>Adjournments</h3>\n"
    '  <ul>{% for j in p.adjournments %}<li>On {{ j.on|date:"d/m/Y" }}, from '
    '{{ j.was_on|date:"d/m/Y" }} to {{ j.resumes_on|date:"d/m/Y" }}{% if j.resumes_at %} at '
    '{{ j.resumes_at|time:"H:i" }}{% endif %}{% if j.venue %}, {{ j.venue }}{% endif %}. '
    "Reasons: {{ j.reasons }}</li>{% endfor %}</ul>{% endif %}\n"
    "</section>\n"
    "{% endwith %}{% endif %}\n"
).replace("OBJECTIONS", _OBJECTIONS)

_ON = date(2026, 11, 25)


def _template(case: Case) -> str:
    return str(engines["django"].from_string(_HEARING).render({"case": case}))


def _seeded(count: int) -> list[Case]:
    service = CaseService(
        lambda: None,  # type: ignore[arg-type,return-value]  # building needs no storage
        clock=lambda: datetime(2026, 11, 25, 12, tzinfo=UTC),
        actor="seed",
    )
    items = [(s.opening, s.steps) for s in seeded_cases(count, 4, _ON)]
    return [case for *_, case in service.build_new(items, {}, until_refused=True)]


def _varied(case: Case) -> list[Case]:
    """``case`` with its proceedings varied in each way the template branched on."""
    p = case.proceedings
    assert p is not None
    a = p.arrangement
    odd = 'O\'Brien <b>&amp; "Co"'
    objections = [
        PanelObjection(date(2026, 3, 2), odd, "lay_member", "Sat <before>"),
        PanelObjection(
            date(2026, 3, 3), "Sam", "lay_member", "Bias", decided_on=date(2026, 3, 4), upheld=True
        ),
        PanelObjection(
            date(2026, 3, 3),
            "Jo",
            "lay_member",
            "Bias",
            decided_on=date(2026, 3, 4),
            upheld=True,
            decision_reasons=odd,
            replaced_by=odd,
            replaced_on=date(2026, 3, 9),
        ),
        PanelObjection(
            date(2026, 3, 3), "Al", "lay_member", "None", decided_on=date(2026, 3, 5), upheld=False
        ),
    ]
    adjournments = [
        Adjournment(date(2026, 4, 1), date(2026, 4, 2), date(2026, 5, 6), odd),
        Adjournment(
            date(2099, 4, 1), date(2026, 5, 6), date(2026, 6, 8), "Ill", time(9, 5), venue=odd
        ),
    ]
    arrangements = [
        dataclasses.replace(a, forum=Forum.MISCONDUCT_MEETING, starts_at=None, venue=""),
        dataclasses.replace(
            a, members=(), panel=(odd, "Sam"), adviser=odd, chair=odd, chair_role=None
        ),
        dataclasses.replace(a, members=(), panel=(), adviser="", public_notice_required=False),
        dataclasses.replace(a, forum=Forum.MISCONDUCT_HEARING, public_notice_required=True),
        dataclasses.replace(a, forum=Forum.ACCELERATED_MISCONDUCT_HEARING, starts_at=time(0, 0)),
    ]
    proceedings = [
        dataclasses.replace(p, objections=objections),
        dataclasses.replace(p, adjournments=adjournments[:1], hearing_notice_on=date(2026, 1, 1)),
        dataclasses.replace(p, adjournments=adjournments, hearing_notice_on=date(2026, 1, 1)),
        dataclasses.replace(
            p, papers_on=date(33, 1, 2), pre_hearing_on=date(2026, 2, 3), public_notice_on=None
        ),
        dataclasses.replace(p, papers_on=None, pre_hearing_on=None, hearing_notice_on=None),
    ]
    out = []
    for arrangement in arrangements:
        for varied in proceedings:
            c = copy.copy(case)
            c.proceedings = dataclasses.replace(varied, arrangement=arrangement)
            out.append(c)
    return out


def _added_since(case: Case) -> str:
    """The parts the section gained after the template was replaced, each tested on its own: the
    chair's directions (tests/app/web/test_anonymity_step.py), exclusions and the written reasons
    to the local policing body (tests/app/web/test_privacy_steps_web.py)."""
    return (
        casepage._directions(case)
        + casepage_privacy.exclusions(case)
        + casepage_privacy.reasons_to_policing_body(case)
    )


def test_the_hearing_section_is_what_the_template_gave() -> None:
    cases = _seeded(120)
    with_proceedings = [c for c in cases if c.proceedings is not None]
    assert len(with_proceedings) >= 20 and len(with_proceedings) < len(cases)
    varied = [v for c in with_proceedings[:3] for v in _varied(c)]
    for case in cases + varied:
        expected = _template(case).replace("\n</section>", _added_since(case) + "\n</section>", 1)
        assert casepage._hearing(case) == expected, case.ref
