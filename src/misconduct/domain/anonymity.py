"""The chair's direction on anonymity and reporting restrictions after the hearing is arranged
(SI 2020/4 reg 39(3) for a misconduct hearing, reg 59(2) for an accelerated hearing).

The arrangement may already carry an anonymity order and reporting restrictions; chairs also make
or vary them later: at the pre-hearing or the hearing after representations (regs 33(8)(f), 36(3),
36(5)), or after the findings and the outcome, even once the outcome is published. A direction
says what stands from its date and replaces what the arrangement held, so everything that reads
the arrangement (the redaction policy, the public pages, notices and decisions, the register's
copies) follows it.

What is refused, and why:

- before the hearing is arranged, or dated before the arrangement or the chair's last direction:
  the chair who directs is the one the arrangement names, and a direction may well come before the
  hearing starts (the pre-hearing considers representations on privacy), so the arrangement is the
  earliest date;
- for a misconduct meeting: it is held in private (reg 39(2)) and its officer is never named in
  public, so there is nothing to direct;
- where notice of referral came on or after 7 May 2024, an anonymity order or reporting
  restrictions without written reasons to the local policing body (reg 39(3A); reg 59(4),
  inserted by SI 2024/521 reg 5, applied by its reg 7(1));
- removing an order or restrictions in force without saying so (``lift``): the form's fields hold
  what stands, and a field left empty by mistake must never name an officer.

Lifting an order after the outcome is published is allowed: the chair may vary their own direction,
and the case's public pages name the officer from that day. The register's copies made while the
name was hidden stay hidden (the register follows a case only to hide a name, in the transaction
that records it: ``app.register.follow``); a later sync of the register, which a person runs,
copies the outcome as the case then publishes it.
"""

from __future__ import annotations

from misconduct.domain import commands as cmd
from misconduct.domain import events as ev
from misconduct.domain.case import Case
from misconduct.domain.dates import british_numeric
from misconduct.domain.guards import (
    Context,
    arranged,
    check_cipher,
    handles,
    hearing_reasons_due,
    not_before,
    refuse,
)
from misconduct.errors import InvalidInput
from misconduct.rules.vocabulary import Forum

POWER = "SI 2020/4 reg 39(3); reg 59(2)"
REASONS = {
    Forum.MISCONDUCT_HEARING: "SI 2020/4 reg 39(3A)",
    Forum.ACCELERATED_MISCONDUCT_HEARING: "SI 2020/4 reg 59(4)",
}


@handles(cmd.DirectAnonymity)
def _direct(case: Case, c: cmd.DirectAnonymity, ctx: Context) -> ev.Event:
    p, referral = arranged(
        case,
        "the chair directs anonymity or reporting restrictions once the hearing is arranged",
        POWER,
    )
    a = p.arrangement
    if a.forum is Forum.MISCONDUCT_MEETING:
        raise refuse(
            "a misconduct meeting is held in private and its officer is not named in public: "
            "there is no anonymity or reporting direction to give",
            "SI 2020/4 reg 39(2)",
        )
    not_before(c.on, p.arranged_on, "the arrangement of the hearing")
    if p.directions:
        not_before(c.on, p.directions[-1].on, "the chair's last direction")
    cipher = check_cipher(case, c.cipher, "cipher")
    restrictions = c.reporting_restrictions.strip()
    removed = [
        (name, held)
        for name, held, given in (
            ("cipher", a.anonymity_cipher.strip(), cipher),
            ("reporting_restrictions", a.reporting_restrictions.strip(), restrictions),
        )
        if held and not given
    ]
    if removed and not c.lift:
        name, held = removed[0]
        expected = (
            f"a cipher (the anonymity order in force is “{held}”), or the lifting of the order "
            "confirmed"
            if name == "cipher"
            else f"the reporting restrictions (those in force: “{held}”), or their lifting "
            "confirmed"
        )
        raise InvalidInput(name, expected, "", hint="a field left empty would lift it")
    if c.lift and not removed:
        raise InvalidInput(
            "lift",
            "true only where the direction removes an anonymity order or reporting restrictions "
            "in force",
            True,
            hint="to lift them, leave the cipher or the reporting restrictions empty",
        )
    reasons = c.reasons.strip()
    # lifting a prohibition is not among what reg 39(3A)/59(4) need reasons for
    if (cipher or restrictions) and hearing_reasons_due(case, a.forum) and not reasons:
        raise refuse(
            "with notice of referral on "
            f"{british_numeric(referral.notice_on)}, an anonymity order or reporting "
            "restrictions need written reasons to the local policing body",
            REASONS[a.forum],
            "reasons",
        )
    return ev.AnonymityDirected(c.on, a.chair, cipher, restrictions, reasons)
