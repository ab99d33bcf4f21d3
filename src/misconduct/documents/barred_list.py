"""The report to the College of Policing of a dismissal, or of a finding that a former officer would
have been dismissed, for the police barred list (Police Act 1996 Part 4A; SI 2017/1135)."""

from __future__ import annotations

from misconduct.documents.context import Cited, DocumentContext
from misconduct.documents.model import Block, Document, Facts, Heading, Para, Signature
from misconduct.documents.parts import document, limit_sentence, limit_source, require, sources
from misconduct.documents.text import (
    british,
    conduct_period,
    finding_name,
    forum_name,
    prose_list,
    sentence,
)


def barred_list_report(ctx: DocumentContext) -> Document:
    o, b, p = ctx.outcome, ctx.barred_list, ctx.proceedings
    require(
        o, "barred-list-report", "a case whose outcome has been decided", ctx, "no outcome decided"
    )
    assert o is not None
    require(
        o.outcome.is_dismissal and b is not None,
        "barred-list-report",
        "a dismissal, or a finding that a former officer would have been dismissed",
        ctx,
        f"outcome {o.outcome.value}",
    )
    assert b is not None
    officer = ctx.officer
    rows = [
        ("Full name", officer.name),
        ("Rank", officer.rank),
        ("Warrant number", officer.warrant_number),
        (
            "Date of birth",
            british(officer.date_of_birth)
            if officer.date_of_birth
            else "Not held on the case record",
        ),
        ("Force", ctx.force.name),
        ("Case reference", ctx.case_ref),
        ("Outcome", o.outcome.label),
        ("Date of dismissal or finding", british(b.dismissed_on)),
    ]
    if p is not None:
        rows.append(("Proceedings", f"{forum_name(p.forum).capitalize()}, chaired by {p.chair}"))
    blocks: list[Block] = [
        Para(
            f"{ctx.force.name} reports to the College of Policing, for inclusion in the police "
            f"barred list, that {officer.display()} was found to have committed "
            f"{finding_name(o.finding)} and that the outcome was "
            f"{o.outcome.label.lower()}.",
            "lead",
        ),
        Facts(tuple(rows)),
        Heading("The conduct that led to the dismissal"),
    ]
    for a in ctx.allegations:
        if a.finding is not None and a.finding.proven:
            blocks.append(
                Para(
                    f"{sentence(a.particulars)} Proven {conduct_period(a.conduct_from, a.conduct_to)}; "
                    f"Standards breached: {prose_list([s.heading for s in a.finding.standards_breached])}."
                )
            )
    blocks += [
        Heading("Publication and review"),
        Para(
            "The officer was told, in the notice of investigation, that information including their "
            "full name and a description of the conduct would be added to the barred list if they "
            "were dismissed, and may be published for up to five years. Whether to publish is for "
            "the College."
        ),
        Para(
            f"The earliest date on which a review of this entry may be sought is "
            f"{limit_sentence(b.review)}.",
            "box",
        ),
        Signature(
            (
                "For the appropriate authority",
                ctx.force.name,
                british(b.reported_on or ctx.issued_on),
            )
        ),
    ]
    blocks += sources(
        [
            Cited(
                "Duty to report a dismissal to the College of Policing",
                "SI 2017/1135 reg 3",
                "verified",
            ),
            limit_source(b.review),
        ]
    )
    return document(
        ctx,
        "barred-list-report",
        "Report for the police barred list",
        "To the College of Policing",
        blocks,
        public=False,
        dated=b.reported_on,
    )
