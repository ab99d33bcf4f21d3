"""The case page's parts on who was kept out of the hearing and what the local policing body was
told: the chair's exclusions (SI 2020/4 reg 39(3)(a); reg 59(2)(a)), their conditions on attendance
(reg 39(3)(b); reg 59(2)(b)) and the written reasons for excluding, conditions excluding a person,
anonymity or reporting restrictions (reg 39(3A); reg 59(4)), given or awaited. Each is "" for
proceedings with none, so the hearing section of other cases is as it was."""

from __future__ import annotations

from misconduct.app.web.html import fill
from misconduct.documents.text import sentence
from misconduct.domain.case import Case
from misconduct.domain.dates import british_numeric
from misconduct.domain.guards import privacy_reasons_due


def exclusions(case: Case) -> str:
    """The chair's exclusions, each with its date, the chair, who, from what and the reasons."""
    p = case.proceedings
    if p is None or not p.exclusions:
        return ""
    items = "".join(
        fill(
            "<li>On {}, {} excluded {} from {}.{}</li>",
            british_numeric(x.on),
            x.chair,
            x.who,
            x.extent,
            f" Reasons: {sentence(x.reasons)}" if x.reasons else "",
        )
        for x in p.exclusions
    )
    return f'\n  <h3 id="exclusions">Exclusions from the proceedings</h3>\n  <ul>{items}</ul>'


def conditions(case: Case) -> str:
    """The chair's conditions on attendance, each with its date, the chair, whose attendance, the
    conditions, whether they exclude a person and the reasons."""
    p = case.proceedings
    if p is None or not p.conditions:
        return ""
    items = "".join(
        fill(
            "<li>On {}, {} imposed conditions on the attendance of {}: {}{}{}</li>",
            british_numeric(x.on),
            x.chair,
            x.person,
            sentence(x.conditions),
            " They have the effect of excluding a person from all or part of the hearing."
            if x.excludes
            else "",
            f" Reasons: {sentence(x.reasons)}" if x.reasons else "",
        )
        for x in p.conditions
    )
    return f'\n  <h3 id="attendance-conditions">Conditions on attendance</h3>\n  <ul>{items}</ul>'


def reasons_to_policing_body(case: Case) -> str:
    """Each exclusion, anonymity order or reporting restriction that reg 39(3A) / 59(4) asks written
    reasons for, with the day the reasons were given or "awaited" (the text sets no time)."""
    p = case.proceedings
    if p is None or not p.privacy_actions or not privacy_reasons_due(case):
        return ""
    items = "".join(
        fill("<li>{}, on {}: ", x.what, british_numeric(x.on))
        + (
            fill("reasons given on {}.</li>", british_numeric(x.given_on))
            if x.given_on
            else "<strong>reasons awaited.</strong></li>"
        )
        for x in p.privacy_actions
    )
    return (
        '\n  <h3 id="reasons-to-policing-body">Written reasons to the local policing body</h3>\n'
        "  <p>The chair gives them for each exclusion, condition excluding a person, anonymity order "
        "or reporting restriction (SI 2020/4 reg 39(3A); reg 59(4)); the regulations set no time, "
        "so they are awaited, with no last day.</p>\n"
        f"  <ul>{items}</ul>"
    )
