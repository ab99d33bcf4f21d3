"""The statutory notices: of investigation (reg 17), of referral (reg 30; reg 51 for an accelerated
hearing) and of a hearing, for publication (reg 36; reg 53 for an accelerated hearing)."""

from __future__ import annotations

from datetime import date

from misconduct.documents.context import Cited, DocumentContext
from misconduct.documents.model import Block, Document, Facts, Heading, Para, Signature
from misconduct.documents.parts import (
    BARRED_LIST_WARNING,
    allegation_blocks,
    document,
    legal_basis,
    limit_sentence,
    limit_source,
    require,
    sources,
)
from misconduct.documents.text import (
    british,
    finding_name,
    forum_name,
    prose_list,
    sentence,
)
from misconduct.domain.dates import british_weekday
from misconduct.rules.vocabulary import Finding, Forum

REG17 = "SI 2020/4 reg 17(1)"


def _a(forum: Forum) -> str:
    """The forum with its article: "a misconduct hearing", "an accelerated misconduct hearing"."""
    name = forum_name(forum)
    return ("an " if name[:1] in "aeiou" else "a ") + name


def _addressee(ctx: DocumentContext, dated: date) -> Facts:
    o = ctx.officer
    return Facts(
        (
            ("To", o.display()),
            ("Warrant number", o.warrant_number),
            ("Force", ctx.force.name),
            ("Case reference", ctx.case_ref),
            ("Date of this notice", british(dated)),
        )
    )


def regulation_17_notice(ctx: DocumentContext) -> Document:
    inv = ctx.investigation
    require(
        inv,
        "reg17-notice",
        "a case whose severity has been assessed",
        ctx,
        "no severity assessment",
    )
    assert inv is not None
    blocks: list[Block] = [
        _addressee(ctx, inv.notice_on or ctx.issued_on),
        Para(
            "This notice tells you that the conduct set out below is to be investigated under the "
            "Police (Conduct) Regulations 2020. It is given to you under regulation 17. Please read "
            "it carefully and keep it.",
            "lead",
        ),
        Heading("1. The conduct alleged"),
        *allegation_blocks(ctx.allegations),
        Heading("2. The investigation"),
        Para(
            f"The conduct will be investigated. The investigator appointed is {inv.investigator}. "
            "The investigator will give you written terms of reference for the investigation, or "
            "tell you in writing why they cannot yet do so."
        ),
        Heading("3. The severity assessment"),
        Para(
            f"On {british(inv.severity_on)} the appropriate authority assessed the conduct. Its "
            f"assessment is that the conduct, if proven, would amount to {inv.severity_result}."
            + (
                f" If the case were to go to misconduct proceedings, they would be likely to take "
                f"the form of a {inv.likely_form}."
                if inv.likely_form
                else ""
            )
        ),
    ]
    if inv.severity_reasons:
        blocks.append(
            Para(f"The reasons given for the assessment were: {sentence(inv.severity_reasons)}")
        )
    blocks += [
        Para(
            "The assessment may be revised as the investigation proceeds, and you will be told if it is."
        ),
        Heading("4. The police barred list"),
        Para(BARRED_LIST_WARNING.text, "box"),
        Heading("5. Advice and representation"),
        Para(
            "You may seek advice from your staff association. You may be advised and accompanied "
            "by a police friend, who may be a police officer, a member of police staff or a person "
            "nominated by your staff association. Regulation 7(1) and (2) set out when you may be "
            "represented by a lawyer, and regulation 8(1) to (3) what your police friend may do."
        ),
        Heading("6. Your statement"),
    ]
    if inv.response is not None:
        blocks.append(
            Para(
                "You may give the investigator a written or oral statement about the conduct, and "
                "any documents you wish the investigator to consider, by "
                f"{limit_sentence(inv.response)} (regulation 18). The investigator may extend this "
                "period.",
                "box",
            )
        )
    blocks += [
        Para(
            "You are not obliged to say anything. But if, when interviewed or in your statement, you "
            "do not mention something you later rely on in misconduct proceedings, the person or "
            "panel deciding the case may draw such inferences from that as appear proper."
        ),
        Signature(
            (
                "For the appropriate authority",
                ctx.force.name,
                british(inv.notice_on or ctx.issued_on),
            )
        ),
    ]
    cited = [
        Cited("Contents of the notice of investigation", REG17, "secondary"),
        BARRED_LIST_WARNING,
    ]
    if inv.response is not None:
        cited.append(limit_source(inv.response))
    blocks += sources(cited)
    return document(
        ctx,
        "reg17-notice",
        "Notice of investigation",
        "Regulation 17, Police (Conduct) Regulations 2020",
        blocks,
        public=False,
        dated=inv.notice_on,
    )


def _referral_title(forum: Forum) -> tuple[str, str]:
    if forum is Forum.ACCELERATED_MISCONDUCT_HEARING:
        return (
            "Notice of referral to an accelerated misconduct hearing",
            "Regulation 51, Police (Conduct) Regulations 2020",
        )
    return (
        f"Notice of referral to {_a(forum)}",
        "Regulation 30, Police (Conduct) Regulations 2020",
    )


def referral_notice(ctx: DocumentContext) -> Document:
    ref = ctx.referral
    require(ref, "reg30-notice", "a case referred to misconduct proceedings", ctx, "no referral")
    assert ref is not None
    forum = ref.forum
    title, subtitle = _referral_title(forum)
    level = finding_name(ref.level) if ref.level else "misconduct"
    blocks: list[Block] = [
        _addressee(ctx, ref.notice_on),
        Para(
            f"The appropriate authority has decided that you have a case to answer in respect of "
            f"{level}, and has referred the case to {_a(forum)}. This notice sets out the "
            "conduct, what happens next and what you must do.",
            "lead",
        ),
        Heading("1. The conduct"),
        *allegation_blocks(ctx.allegations, with_text=False),
        Heading("2. The proceedings"),
    ]
    p = ctx.proceedings
    if p is not None:
        people = [f"The {forum_name(forum)} will be conducted by {p.chair}"]
        if p.panel:
            people.append(f" with {prose_list(list(p.panel))}")
        when = british_weekday(p.starts_on) + (f" at {p.starts_at}" if p.starts_at else "")
        where = f", at {p.venue}" if p.venue else ""
        blocks.append(Para("".join(people) + f". It is to begin on {when}{where}."))
    else:
        blocks.append(
            Para(
                f"You will be told separately who will conduct the {forum_name(forum)}, and when "
                "and where it will take place."
            )
        )
    cited: list[Cited] = []
    if forum is Forum.MISCONDUCT_MEETING:
        blocks.append(
            Para(
                "A misconduct meeting is held in private. If the case against you is proven, the "
                "outcomes open to the meeting are a written warning or a final written warning."
            )
        )
    elif forum is Forum.MISCONDUCT_HEARING:
        blocks.append(
            Para(
                "A misconduct hearing is held in public unless the chair directs otherwise, and "
                "notice of it will be published. If gross misconduct is proven, the outcomes open "
                "to the panel are a final written warning, reduction in rank or dismissal without "
                "notice."
            )
        )
    if forum is Forum.ACCELERATED_MISCONDUCT_HEARING:
        blocks.append(
            Para(
                "The case has been certified as one in which the special conditions are satisfied: "
                "there is sufficient evidence in written statements or other documents to establish "
                "on the balance of probabilities that the conduct amounts to gross misconduct, and "
                "it is in the public interest that you cease to be a police officer without delay."
            )
        )
        if ref.hearing_window is not None:
            blocks.append(
                Para(
                    "The accelerated misconduct hearing must take place "
                    f"{limit_sentence(ref.hearing_window)} (regulation 52(1)).",
                    "box",
                )
            )
            cited.append(limit_source(ref.hearing_window))
        blocks.append(
            Para(
                "You may object to the person named to conduct the hearing. If your objection is "
                "upheld, a new date will be fixed once that person has been replaced."
            )
        )
    else:
        blocks.append(Heading("3. Your response"))
        if ref.response is not None:
            blocks.append(
                Para(
                    "You must give the appropriate authority, by "
                    f"{limit_sentence(ref.response)}, written notice of whether you accept that "
                    f"your conduct amounts to {level}; any part of the case you dispute and your "
                    "account of it; any points of law you wish to raise; any written submissions "
                    "on mitigation; and any documents you rely on (regulation 31). The person "
                    "conducting the proceedings may extend this period only in exceptional "
                    "circumstances.",
                    "box",
                )
            )
            cited.append(limit_source(ref.response))
    if ref.level is Finding.GROSS_MISCONDUCT or forum is Forum.ACCELERATED_MISCONDUCT_HEARING:
        blocks += [Heading("The police barred list"), Para(BARRED_LIST_WARNING.text, "box")]
        cited.append(BARRED_LIST_WARNING)
    blocks += [
        Para(
            "You may be advised and accompanied by a police friend, and you may seek advice from "
            "your staff association. At a misconduct hearing or an accelerated misconduct hearing "
            "you may be represented by a lawyer."
        ),
        Signature(("For the appropriate authority", ctx.force.name, british(ref.notice_on))),
    ]
    provision = "reg 51" if forum is Forum.ACCELERATED_MISCONDUCT_HEARING else "reg 30"
    cited.insert(0, Cited("Notice of referral", f"SI 2020/4 {provision}", "verified"))
    blocks += sources(cited)
    return document(ctx, "reg30-notice", title, subtitle, blocks, public=False, dated=ref.notice_on)


def public_hearing_notice(ctx: DocumentContext) -> Document:
    """Written from the public context only (see ``redaction.public_context``)."""
    p = ctx.proceedings
    require(p, "reg36-notice", "a case with a hearing arranged", ctx, "no hearing arranged")
    assert p is not None
    require(
        p.forum is not Forum.MISCONDUCT_MEETING,
        "reg36-notice",
        "a misconduct hearing or an accelerated misconduct hearing (meetings are held in private)",
        ctx,
        "a misconduct meeting",
    )
    accelerated = p.forum is Forum.ACCELERATED_MISCONDUCT_HEARING
    rows = [
        ("Officer", ctx.officer.public_name()),
        ("Date", british_weekday(p.starts_on)),
    ]
    # Venue and time only when the record holds them: a public notice says nothing it cannot stand by.
    if p.starts_at:
        rows.append(("Time", p.starts_at))
    if p.venue:
        rows.append(("Venue", p.venue))
    rows.append(("Chair", p.chair))
    if p.panel:
        rows.append(("Panel members", prose_list(list(p.panel))))
    if p.adviser and p.adviser.strip().casefold() != "legally qualified person":
        rows.append(("Legally qualified person", p.adviser))
    level = "gross misconduct"
    if ctx.referral is not None and ctx.referral.level is not None:
        level = finding_name(ctx.referral.level)
    blocks: list[Block] = [
        Para(
            f"{ctx.force.name} gives notice that {_a(p.forum)} will be held into the "
            f"conduct of {ctx.officer.public_name()}. It is alleged that the conduct described "
            f"below breached the Standards of Professional Behaviour and amounts to {level}.",
            "lead",
        ),
        Facts(tuple(rows)),
        Heading("The allegation"),
        *allegation_blocks(ctx.allegations, with_text=False),
        Heading("Attending"),
        Para(
            "The hearing is held in public, subject to any direction the chair gives to exclude "
            "people from all or part of it or to restrict what may be reported. Anyone who wishes "
            f"to attend should contact the Professional Standards Department of {ctx.force.name}, "
            "quoting the reference above, before the hearing"
            + ("." if p.venue and p.starts_at else ", who will confirm where and when it sits.")
        ),
    ]
    if ctx.officer.anonymised:
        blocks.append(
            Para(
                f"The chair has directed that the officer is not to be named. The officer is "
                f"referred to as {ctx.officer.public_name()}, and nothing may be published that "
                "would identify them."
            )
        )
    if p.reporting_restrictions:
        blocks.append(Para(f"Reporting restrictions: {sentence(p.reporting_restrictions)}"))
    if p.public_excluded_from_part:
        blocks.append(Para("The chair has directed that the public be excluded from part of it."))
    if p.conditions:
        # whose attendance, and on what terms, may name a witness: the department explains them
        blocks.append(
            Para(
                "The chair has imposed conditions on attendance. The Professional Standards "
                "Department will explain any that apply to those who ask to attend."
            )
        )
    cited = [
        Cited(
            "Notice of an accelerated hearing, where the chair requires one"
            if accelerated
            else "Notice of a misconduct hearing",
            "SI 2020/4 reg 53" if accelerated else "SI 2020/4 reg 36(1)-(2)",
            "verified",
        ),
        Cited(
            "Hearings in public; directions on attendance and reporting",
            "SI 2020/4 reg 39",
            "verified",
        ),
    ]
    if p.public_notice is not None and not accelerated:
        blocks.append(
            Para(
                f"This notice is to be published no later than {limit_sentence(p.public_notice)}.",
                "small",
            )
        )
        cited.append(limit_source(p.public_notice))
    blocks += legal_basis(cited)  # what it rests on, without the project's internal table
    title = f"Notice of {forum_name(p.forum)}"
    return document(
        ctx,
        "reg36-notice",
        title[0].upper() + title[1:],
        "Published under regulation 53" if accelerated else "Published under regulation 36",
        blocks,
        public=True,
    )


REG35 = "SI 2020/4 reg 35"


def _proceedings_title(forum: Forum) -> tuple[str, str]:
    if forum is Forum.ACCELERATED_MISCONDUCT_HEARING:
        return (
            "Notice of the accelerated misconduct hearing",
            "Regulation 52(1), Police (Conduct) Regulations 2020",
        )
    name = forum_name(forum)
    return (
        f"Notice of the {name}" + (" and the panel" if forum is Forum.MISCONDUCT_HEARING else ""),
        "Regulation 35, Police (Conduct) Regulations 2020",
    )


def proceedings_notice(ctx: DocumentContext) -> Document:
    """The written notice to the officer of the date, time and place of the meeting or hearing
    (reg 35(1); reg 52(1)(a) for an accelerated hearing) and, where a panel conducts it, of the
    members' names and the officer's right to object to them (reg 35(2)-(9))."""
    p = ctx.proceedings
    require(p, "reg35-notice", "a case whose meeting or hearing is arranged", ctx, "none arranged")
    assert p is not None
    require(
        bool(p.venue and p.starts_at),
        "reg35-notice",
        "a meeting or hearing arranged with its venue and time",
        ctx,
        "no " + ("time" if p.venue else "venue") + " recorded",
    )
    forum = p.forum
    name = forum_name(forum)
    dated = p.hearing_notice_on or ctx.issued_on
    title, subtitle = _proceedings_title(forum)
    accelerated = forum is Forum.ACCELERATED_MISCONDUCT_HEARING
    lead = (
        f"This notice tells you the date, time and place of the {name} into your conduct"
        + (", and who will sit on the panel." if p.objectable else ".")
        + " Please read it carefully and keep it."
    )
    blocks: list[Block] = [_addressee(ctx, dated), Para(lead, "lead")]
    if p.replaced:
        blocks.append(
            Para(
                "The chair upheld your objection. "
                + " ".join(
                    f"{old} has been replaced on the panel by {new}." for old, new in p.replaced
                )
                + " This notice gives you the name of the new member."
            )
        )
    if p.adjourned_from is not None:
        blocks.append(
            Para(
                f"The {name} was to begin on {british_weekday(p.adjourned_from)}. It has been "
                "adjourned, and this notice gives the new date. It replaces any earlier notice."
            )
        )
    blocks += [
        Heading(f"1. When and where the {name} will take place"),
        Facts(
            (
                ("Date", british_weekday(p.starts_on)),
                ("Time", p.starts_at),
                ("Place", p.venue),
                ("Held", "In public" if p.in_public else "In private"),
            )
        ),
        *(
            [Para("The chair has directed: " + "; ".join(p.exclusions) + ".")]
            if p.exclusions
            else []
        ),
        *(
            [
                Para(
                    "Conditions on attendance imposed by the chair: "
                    + "; ".join(p.conditions)
                    + "."
                )
            ]
            if p.conditions
            else []
        ),
        Para(
            f"You must attend the {name}. If you cannot attend, tell the "
            + ("person conducting it" if forum is Forum.MISCONDUCT_MEETING else "chair")
            + " in advance and give your reasons: if they consider them reasonable, they may allow "
            "you to take part by video link or other means. If you do not attend, the "
            f"{name} may go ahead and be concluded in your absence, and you may be represented "
            "there."
        ),
        Heading(f"2. Who will conduct the {name}"),
    ]
    role = f" ({p.chair_role.lower()})" if p.chair_role else ""
    chair_word = "Conducted by" if forum is Forum.MISCONDUCT_MEETING else "Chair"
    rows: list[tuple[str, str]] = [(chair_word, p.chair + role)]
    if p.members:
        rows += [(r, n) for r, n in p.members]
    else:
        rows += [("Panel member", n) for n in p.panel]
        if p.adviser:
            rows.append(("Adviser", p.adviser))
    blocks.append(Facts(tuple(rows)))
    cited = [
        Cited(
            "Notice of the date, time and place"
            + (" of an accelerated misconduct hearing" if accelerated else ""),
            "SI 2020/4 reg 52(1)(a)" if accelerated else "SI 2020/4 reg 35(1)",
            "verified",
        ),
        Cited(
            "Attendance of the officer; video link; proceeding in the officer's absence",
            "SI 2020/4 reg 57" if accelerated else "SI 2020/4 reg 37",
            "verified",
        ),
    ]
    if p.objectable and not accelerated:
        blocks += [
            Heading("3. Your right to object to a panel member"),
            Para(
                (
                    f"You may object to the new panel member ({prose_list(list(p.objectable))}), "
                    if p.replaced
                    else "You may object to any of the panel members named above "
                    f"({prose_list(list(p.objectable))}), "
                )
                + "but not to the chair. An objection must be made in writing to the chair and "
                "must set out your grounds."
                + (
                    f" It must be made by {limit_sentence(p.objection)}, the end of 3 "
                    "working days beginning with the first working day after you are given this "
                    "notice."
                    if p.objection is not None
                    else " It must be made before the end of 3 working days beginning with the "
                    "first working day after you are given this notice."
                ),
                "box",
            ),
            Para(
                "The chair will tell you in writing whether your objection is upheld or rejected. "
                "If it is upheld, the member you objected to will be replaced, and the chair will "
                "give you written notice of the new member's name. You may object to the new "
                "member in the same way, within 3 working days beginning with the first working "
                "day after you are given that notice."
            ),
        ]
        cited.append(
            Cited(
                "Names of the panel; objection to a member; decision and replacement",
                "SI 2020/4 reg 35(2)-(9)",
                "verified",
            )
        )
        if p.objection is not None:
            cited.append(limit_source(p.objection))
    blocks += [
        Para(
            "You may be advised and accompanied by a police friend, and you may seek advice from "
            "your staff association."
            + ("" if forum is Forum.MISCONDUCT_MEETING else " You may be represented by a lawyer.")
        ),
        Signature(("For the appropriate authority", ctx.force.name, british(dated))),
    ]
    blocks += sources(cited)
    return document(ctx, "reg35-notice", title, subtitle, blocks, public=False, dated=dated)
