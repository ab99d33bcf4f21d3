"""The written decision (the outcome report, reg 43 or reg 63) and its public version.

The assessment's stages, reasons and citations are taken from the assessment stored with the decision;
nothing here restates the guidance. The chair's own reasons are the decision-maker's words as recorded.
"""

from __future__ import annotations

from misconduct.documents.context import (
    AllegationInfo,
    AssessmentInfo,
    Cited,
    DocumentContext,
    OutcomeInfo,
    ProceedingsInfo,
)
from misconduct.documents.model import (
    Block,
    Bullets,
    Document,
    Facts,
    Heading,
    Para,
    Signature,
    Table,
)
from misconduct.documents.parts import (
    document,
    legal_basis,
    limit_sentence,
    limit_source,
    require,
    sources,
)
from misconduct.documents.published import Section
from misconduct.documents.text import (
    british,
    conduct_period,
    finding_name,
    forum_name,
    ids_in_words,
    outcome_name,
    period,
    prose_list,
    sentence,
)
from misconduct.rules.vocabulary import Finding, Forum, Outcome

ADVISER = "Legally qualified person"
STATUS_WORDS = {"verified": "verified", "secondary": "secondary source", "unverified": "unverified"}


def _voice(ctx: DocumentContext) -> tuple[str, str]:
    """("I", "my") for a chair sitting alone, ("we", "our") for a panel."""
    p = ctx.proceedings
    return ("we", "our") if p is not None and p.panel else ("I", "my")


def _findings(ctx: DocumentContext, public: bool) -> list[Block]:
    """Each allegation's finding, in sentences."""
    blocks: list[Block] = []
    for n, a in enumerate(ctx.allegations, start=1):
        f = a.finding
        if f is None:
            blocks.append(Para(f"Allegation {n}: no finding has been recorded."))
            continue
        if not f.proven:
            blocks.append(Para(f"Allegation {n} is not proven."))
            continue
        how = " The officer admitted it." if f.admitted else ""
        breached = prose_list([s.heading for s in f.standards_breached])
        blocks.append(
            Para(
                f"Allegation {n} is proven.{how} It amounts to {finding_name(f.level)}"
                + (
                    f": a breach of the Standards of Professional Behaviour on {breached}."
                    if breached
                    else "."
                )
            )
        )
    if not public:
        breached_all = {
            s.id: s for a in ctx.allegations if a.finding for s in a.finding.standards_breached
        }
        if breached_all:
            blocks.append(Para("The Standards breached provide:"))
            blocks.append(Bullets(tuple(f"{s.heading}: {s.text}" for s in breached_all.values())))
    return blocks


def _account(sections: tuple[Section, ...], o: OutcomeInfo, duty: Para | None) -> list[Block]:
    """The account of the decision (``documents.published``): seriousness, the outcome in a box with
    its period and expiry, why neither a less nor a more severe outcome, and the chair's reasons."""
    out: list[Block] = []
    for section in sections:
        out.append(Heading(section.heading))
        if section.heading == "Outcome":
            out.extend(Para(p) for p in section.paragraphs)
            out.append(Para(_outcome_sentence(o), "box"))
            continue
        if section.heading == "Why the officer was not dismissed" and duty is not None:
            out.append(duty)
        out.extend(Para(p) for p in section.paragraphs)
        if section.items:
            out.append(Bullets(section.items))
    if not any(s.heading == "Outcome" for s in sections):
        out += [Heading("Outcome"), Para(_outcome_sentence(o), "box")]
    return out


def _adviser(p: ProceedingsInfo) -> tuple[list[tuple[str, str]], str]:
    """The legally qualified person as a named row, or, where the record gives only the role, as a
    sentence (never "Legally qualified person: Legally qualified person")."""
    if not p.adviser:
        return [], ""
    if p.adviser.strip().casefold() == ADVISER.casefold():
        return [], f" A {ADVISER.lower()} advised on matters of law."
    return [(ADVISER, p.adviser)], ""


def _allegations(allegations: tuple[AllegationInfo, ...]) -> list[Block]:
    out: list[Block] = []
    for n, a in enumerate(allegations, start=1):
        duty = "at least partly on duty" if a.on_duty else "off duty"
        headings = [s.heading for s in a.standards]
        standards = (
            f"The standard said to be breached is {headings[0]}"
            if len(headings) == 1
            else f"The standards said to be breached are {prose_list(headings)}"
        )
        out.append(
            Para(
                f"Allegation {n}. {sentence(a.particulars)} The conduct alleged took place "
                f"{conduct_period(a.conduct_from, a.conduct_to)}, {duty}. {standards}."
            )
        )
    return out


def _outcome_sentence(o: OutcomeInfo) -> str:
    text = f"The outcome is a {outcome_name(o.outcome)}"
    if o.outcome is Outcome.WOULD_HAVE_BEEN_DISMISSED:
        text = (
            "The finding is that the officer would have been dismissed had they not ceased to serve"
        )
    if o.warning_months:
        text += (
            f", which will remain in force for {period(o.warning_months)}, beginning with the day "
            "on which it is notified to the officer"
        )
        if o.warning_expires_on is not None:
            text += f". It will expire at the end of {british(o.warning_expires_on)}"
    return text + "."


def _the(force: str) -> str:
    """ "the Metropolitan Police Service" inside a sentence."""
    return force if force.startswith("The ") else f"the {force}"


def _duty(o: OutcomeInfo, our: str) -> Para | None:
    """Where gross misconduct ends without dismissal, the regulations require the reasons."""
    if o.finding is not Finding.GROSS_MISCONDUCT or o.outcome.is_dismissal:
        return None
    duty = " and ".join(r.citation for r in o.requirements) or "the regulations"
    return Para(
        f"Because the conduct is gross misconduct and the officer has not been dismissed, the "
        f"regulations require {our} reasons for that decision to be given in this report "
        f"({duty}). They follow."
    )


def _appeal(ctx: DocumentContext) -> tuple[list[Block], list[Cited]]:
    a = ctx.appeal
    if a is None:
        return [], []
    t = a.time_limit
    blocks: list[Block] = [
        Heading("Right of appeal"),
        Para(f"The officer may appeal to {a.heard_by} ({a.route}). The grounds of appeal are:"),
        Bullets(a.grounds, numbered=True),
        Para(
            f"Notice of appeal must be given by {limit_sentence(t)}. The period is counted from "
            f"{british(t.trigger)}, the day this report is given to the officer ({t.citation}).",
            "box",
        ),
    ]
    return blocks, [limit_source(t)]


def _trace(assessment: AssessmentInfo) -> list[Block]:
    if not assessment.trace:
        return []
    rows = tuple(
        (t.title, ids_in_words(t.conclusion), t.citation, STATUS_WORDS.get(t.status, t.status))
        for t in assessment.trace
        if t.applied
    )
    out: list[Block] = [
        Heading("Annex: the provisions and guidance applied"),
        Para(
            "The table lists every provision and every part of the guidance the assessment relied "
            "on, as recorded when the decision was made"
            + (f" (rules version {assessment.rules_version})" if assessment.rules_version else "")
            + ".",
            "small",
        ),
        Table(("Provision", "What it decided", "Source", "Checked"), rows),
    ]
    return out


def written_decision(ctx: DocumentContext, *, draft: bool = False) -> Document:
    """The chair's written decision and outcome report, given to the officer. ``draft``: the chair's
    working copy, with an annex of every provision relied on and how far each was checked."""
    o, p = ctx.outcome, ctx.proceedings
    require(o, "decision", "a case whose outcome has been decided", ctx, "no outcome decided")
    require(p, "decision", "a case with proceedings arranged", ctx, "no proceedings")
    assert o is not None and p is not None
    we, our = _voice(ctx)
    We = we.capitalize()
    regulation = "63" if p.forum is Forum.ACCELERATED_MISCONDUCT_HEARING else "43"
    officer = ctx.officer.display()
    # One date throughout: the report's (the day it is given), with the day the decision was announced.
    dated = o.reported_on or o.decided_on
    adviser_rows, adviser_sentence = _adviser(p)
    sitting = [("Officer", f"{officer} ({ctx.officer.warrant_number})")]
    sitting.append(("Proceedings", f"{forum_name(p.forum).capitalize()}, {british(p.starts_on)}"))
    sitting.append(
        ("Chair" if p.panel or p.forum is not Forum.MISCONDUCT_MEETING else "Conducted by", p.chair)
    )
    if p.panel:
        sitting.append(("Panel members", prose_list(list(p.panel))))
    sitting += adviser_rows
    sitting.append(("Decision given", british(o.decided_on)))
    if o.reported_on and o.reported_on != o.decided_on:
        sitting.append(("This report", british(o.reported_on)))
    sitting.append(("Regulations", o.regime))
    blocks: list[Block] = [
        Facts(tuple(sitting)),
        Para(
            f"This is the written decision of the {forum_name(p.forum)} into the conduct of "
            f"{officer}, and the report required by regulation {regulation} of the Police "
            f"(Conduct) Regulations 2020. {We} announced the decision on {british(o.decided_on)}."
            f"{adviser_sentence} {We} set out the allegations, {our} findings, how {we} "
            f"assessed the seriousness of what was proven, the outcome {we} have decided upon and "
            "why, and the officer's right of appeal.",
            "lead",
        ),
        Heading("The allegations"),
        *_allegations(ctx.allegations),
        Heading("Findings"),
        *_findings(ctx, public=False),
        Para(
            f"On those findings the conduct amounts to {finding_name(o.finding)}. The standard of "
            "proof is the balance of probabilities."
        ),
    ]
    if o.ruling and any(s.heading != "Outcome" for s in o.ruling):
        blocks.append(
            Para(
                f"In deciding the outcome {we} have followed the College of Policing's guidance on "
                "outcomes in police misconduct proceedings: first the seriousness of the conduct, "
                "judged by the officer's culpability, the harm caused and any aggravating or "
                "mitigating features; then the purpose of imposing an outcome; and then the "
                f"outcome that best serves that purpose, starting with the least severe open to "
                f"{'us' if we == 'we' else 'me'}. Personal mitigation comes last."
            )
        )
    blocks += _account(o.ruling, o, _duty(o, our))
    appeal_blocks, appeal_cited = _appeal(ctx)
    blocks += appeal_blocks
    blocks.append(Signature((o.decision_maker, f"Chair, {forum_name(p.forum)}", british(dated))))
    cited = [Cited("Outcome report", f"SI 2020/4 reg {regulation}(1)", "verified")]
    if o.warning_citation:
        cited.append(Cited("Period of the warning", o.warning_citation, "secondary"))
    cited += list(o.requirements) + appeal_cited
    if draft:
        blocks += sources(cited)
        if ctx.assessment is not None:
            blocks += _trace(ctx.assessment)
    else:
        blocks += legal_basis(cited)
    title = "Written decision and outcome report" + (" (draft)" if draft else "")
    subtitle = f"{forum_name(p.forum).capitalize()}: {officer}"
    kind = "decision-draft" if draft else "decision"
    return document(ctx, kind, title, subtitle, blocks, public=False, dated=dated)


def decision_draft(ctx: DocumentContext) -> Document:
    """The chair's draft of the written decision, with its annex of provisions and their status."""
    return written_decision(ctx, draft=True)


def published_outcome(ctx: DocumentContext) -> Document:
    """The public version of the decision. Written from the public context only."""
    o, p = ctx.outcome, ctx.proceedings
    require(
        o, "published-outcome", "a case whose outcome has been decided", ctx, "no outcome decided"
    )
    require(p, "published-outcome", "a case with proceedings arranged", ctx, "no proceedings")
    assert o is not None and p is not None
    require(
        p.forum is not Forum.MISCONDUCT_MEETING,
        "published-outcome",
        "a misconduct hearing or an accelerated misconduct hearing (meeting outcomes are not published)",
        ctx,
        "a misconduct meeting",
    )
    name = ctx.officer.public_name()
    adviser_rows, adviser_sentence = _adviser(p)
    rows = [
        ("Officer", name),
        ("Proceedings", f"{forum_name(p.forum).capitalize()}, {british(p.starts_on)}"),
        ("Chair", p.chair),
    ]
    if p.panel:
        rows.append(("Panel members", prose_list(list(p.panel))))
    rows += adviser_rows
    rows += [
        ("Decision given", british(o.decided_on)),
        ("Finding", finding_name(o.finding).capitalize()),
        ("Outcome", o.outcome.label),
    ]
    if o.warning_months:
        rows.append(("Period", period(o.warning_months).capitalize()))
    blocks: list[Block] = [
        Para(
            f"This is the outcome of the {forum_name(p.forum)} into the conduct of {name}, with "
            f"the chair's reasons, as published by {_the(ctx.force.name)}.{adviser_sentence}",
            "lead",
        ),
        Facts(tuple(rows)),
        Heading("The allegations"),
        *_allegations(ctx.allegations),
        Heading("Findings"),
        *_findings(ctx, public=True),
        *_account(o.published, o, None),
    ]
    if ctx.appeal is not None:
        blocks.append(
            Para(
                f"The officer may appeal to {ctx.appeal.heard_by}. Notice of appeal must be given "
                f"by {limit_sentence(ctx.appeal.time_limit)}."
            )
        )
    if ctx.officer.anonymised:
        blocks.append(
            Para(
                f"The chair directed that the officer is not to be named. The officer is referred "
                f"to as {name}."
            )
        )
    cited: list[Cited] = [
        Cited(
            "Publication of the outcome",
            "SI 2020/4 reg 63"
            if p.forum is Forum.ACCELERATED_MISCONDUCT_HEARING
            else "SI 2020/4 reg 43",
        )
    ]
    if ctx.publication is not None:
        blocks.append(
            Para(
                f"Published on {british(ctx.publication.published_on)}. This report will remain "
                f"published until at least {limit_sentence(ctx.publication.remain_until)}.",
                "small",
            )
        )
        cited.append(limit_source(ctx.publication.remain_until))
    blocks += legal_basis(cited)
    title = f"Outcome of {forum_name(p.forum)}"
    # The document bears the day it was published (not the day it happens to be printed).
    dated = ctx.publication.published_on if ctx.publication is not None else None
    return document(
        ctx,
        "published-outcome",
        title[0].upper() + title[1:],
        name,
        blocks,
        public=True,
        dated=dated,
    )
