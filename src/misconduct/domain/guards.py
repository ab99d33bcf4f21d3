"""Shared by the lifecycle steps: the handler registry, refusals, date checks and the outcome question."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from misconduct.domain import commands as cmd
from misconduct.domain import events as ev
from misconduct.domain.case import Case, Proceedings, Referral
from misconduct.domain.personal import is_erased
from misconduct.domain.records import AllegationRecord, SubjectOfficer, WarningStatus
from misconduct.errors import InvalidInput, RuleViolation
from misconduct.rules.outcomes import OutcomeQuestion
from misconduct.rules.standards import parse_standards
from misconduct.rules.vocabulary import Finding, Forum, Outcome
from misconduct.rules.warning import WarningRecord

REG_2024_PRIVACY_REASONS = date(2024, 5, 7)
HEARINGS = (Forum.MISCONDUCT_HEARING, Forum.ACCELERATED_MISCONDUCT_HEARING)
CIPHER_LENGTH = 40
"""The longest cipher the case's row keeps (``app.models.Case.anonymity_cipher``)."""


def privacy_reasons_due(case: Case) -> bool:
    """Whether excluding the public, an anonymity order or reporting restrictions need written
    reasons to the local policing body (SI 2020/4 reg 39(3A); reg 59(4)): SI 2024/521 reg 7(1)
    applies them where notice of referral came on or after 7 May 2024."""
    return case.referral is not None and case.referral.notice_on >= REG_2024_PRIVACY_REASONS


def hearing_reasons_due(case: Case, forum: Forum) -> bool:
    """Whether a restriction of these proceedings needs those written reasons: the 2024 rule
    applies to the case and the proceedings are a hearing (reg 39(3A) and 59(4) speak of the person
    chairing a hearing; a meeting is not within them)."""
    return forum in HEARINGS and privacy_reasons_due(case)


@dataclass(frozen=True)
class Context:
    """Facts from outside the case: warnings on each officer's record from other cases."""

    warnings: Mapping[str, Sequence[WarningRecord]] = field(default_factory=dict)


def arranged(case: Case, message: str, citation: str) -> tuple[Proceedings, Referral]:
    """The case's arranged meeting or hearing and its referral, or a refusal with ``message``
    where there is none (no referral, or proceedings not yet arranged)."""
    if case.proceedings is None or case.referral is None:
        raise refuse(message, citation)
    return case.proceedings, case.referral


def refuse(message: str, citation: str, field_name: str | None = None) -> RuleViolation:
    return RuleViolation(message, citation=citation, field=field_name)


def not_before(on: date, earlier: date | None, what: str) -> None:
    if earlier is not None and on < earlier:
        raise InvalidInput(
            "on", f"a date on or after {what} ({earlier.isoformat()})", on.isoformat()
        )


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[^\w']+", text.casefold()) if len(w) >= 3}


def check_cipher(case: Case, cipher: str, field_name: str) -> str:
    """``cipher`` stripped, once it is short enough to keep and names no officer of the case: under
    an anonymity order it is the only name the public sees, so a word of an officer's name or their
    warrant number in it would defeat the order."""
    cipher = cipher.strip()
    if len(cipher) > CIPHER_LENGTH:
        raise InvalidInput(
            field_name, f"a cipher of at most {CIPHER_LENGTH} characters, such as PC A", cipher
        )
    words = _words(cipher)
    for o in case.officers.values():
        number = "" if is_erased(o.warrant_number) else o.warrant_number.strip()
        named = not is_erased(o.name) and words & _words(o.name)
        if named or (number and re.search(rf"(?<!\w){re.escape(number)}(?!\w)", cipher)):
            raise InvalidInput(
                field_name,
                "a cipher that does not name the officer or give their warrant number, such as "
                "PC A",
                cipher,
            )
    return cipher


def subject(case: Case, officer_id: str) -> SubjectOfficer:
    if officer_id not in case.officers:
        raise InvalidInput("officer_id", "one of " + ", ".join(case.officers), officer_id)
    return case.officers[officer_id]


def check_allegation(a: AllegationRecord, officers: Mapping[str, SubjectOfficer]) -> None:
    if a.officer_id not in officers:
        raise InvalidInput("allegation officer_id", "one of " + ", ".join(officers), a.officer_id)
    parse_standards(list(a.standards), a.conduct_from, field="allegation standards")


def warning_status(
    officer: SubjectOfficer, others: Sequence[WarningRecord], on: date
) -> WarningStatus:
    """Which warnings were in force on ``on`` (the severity-assessment date, regs 42 and 62)."""
    records = [
        WarningRecord(w.kind, w.notified_on, w.months, w.career_break_days)
        for w in officer.prior_warnings
    ]
    records.extend(others)
    live = {w.kind for w in records if w.in_force(on)}
    return WarningStatus(
        officer.officer_id,
        Outcome.FINAL_WRITTEN_WARNING in live,
        Outcome.WRITTEN_WARNING in live,
    )


def question(
    case: Case, officer_id: str, forum: Forum, finding: Finding, on: date, **extra: Any
) -> OutcomeQuestion:
    officer = case.officers[officer_id]
    status = case.warnings_at_severity.get(officer_id)
    assert case.severity_on is not None
    return OutcomeQuestion(
        forum=forum,
        finding=finding,
        came_to_attention=case.came_to_attention,
        severity_assessment_on=case.severity_on,
        decided_on=on,
        rank=officer.rank,
        former_officer=not officer.serving,
        fww_in_force=bool(status and status.fww_in_force),
        ww_in_force=bool(status and status.ww_in_force),
        previously_reduced_in_rank=officer.previously_reduced_in_rank,
        **extra,
    )


C = TypeVar("C", bound=cmd.Command)
Handler = Callable[[Case, Any, Context], ev.Event]
HANDLERS: dict[type[cmd.Command], Handler] = {}


def handles(kind: type[C]) -> Callable[[Callable[[Case, C, Context], ev.Event]], Handler]:
    def register(fn: Callable[[Case, C, Context], ev.Event]) -> Handler:
        HANDLERS[kind] = fn
        return fn

    return register
