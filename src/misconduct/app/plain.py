"""The one place where an error becomes a sentence for a person: plain British English, for the web
pages and the API alike (the API keeps the machine-readable ids beside it).

The rules and the domain speak in ids (``final_written_warning``, ``--fww-months``, ``RecordFindings``,
``2025-05-14``) because the CLI, the tests and other programs need them. A person reading a page needs
the words: field names become their labels, ids their labels, dates DD/MM/YYYY, command-line options
the thing asked for.

>>> plain_text("final_written_warning departs from the indicated outcomes (give --reasons)")
'Final written warning departs from the indicated outcomes (give your reasons)'
>>> plain_text("RecordFindings is not open at this stage; case X is at findings_recorded")
'Recording the findings is not open at this stage; case X is at findings recorded'
>>> plain_text("not a accelerated_misconduct_hearing on 2025-05-14")
'Not an accelerated misconduct hearing on 14/05/2025'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import Any

from misconduct.domain.dates import british_numeric
from misconduct.errors import InvalidInput, MisconductError
from misconduct.rules import vocabulary

FIELD_LABELS: dict[str, str] = {
    "on": "Date",
    "outcome": "Outcome",
    "warning_months": "Final written warning period",
    "--fww-months": "Final written warning period",
    "fww_months": "Final written warning period",
    "reasons": "Reasons",
    "--reasons": "Reasons",
    "version": "Case version",
    "stage": "Stage of the case",
    "findings": "Findings",
    "officer": "Officer",
    "officer_id": "Officer",
    "hearing_exception": "Why a hearing rather than a meeting",
    "decision_maker": "Decision maker",
    "culpability": "Culpability",
    "harm": "Harm",
    "factors": "Factors",
    "personal_mitigation": "Personal mitigation",
    "exceptional_circumstances": "Exceptional circumstances",
    "Authorization": "API token",
    "role": "Role",
    "command": "Step",
    "starts_on": "Date it starts",
    "starts_at": "Time it starts",
    "chair_role": "The chair sits as",
    "resumes_on": "Date it resumes",
    "resumes_at": "Time it resumes",
    "extended_to": "New last day",
    "police_member": "Police officer member",
    "independent_member": "Independent member",
    "qualified_lay_member": "Lay member with relevant qualifications or experience",
    "lay_member": "Lay member",
    "legally_qualified_person": "Legally qualified person",
    "member": "Panel member",
    "replacement": "New panel member",
    "grounds": "Grounds of objection",
    "upheld": "Objection upheld",
    "cipher": "Anonymity order: cipher",
    "anonymity_cipher": "Anonymity order: cipher",
    "reporting_restrictions": "Reporting restrictions",
    "lift": "Lifting the order or restrictions",
    "public": "The public is excluded",
    "person": "Person or persons excluded",
    "part": "From which part",
}
"""Field ids as people read them; any other id is read with its underscores as spaces."""

COMMAND_WORDS: dict[str, str] = {
    "OpenCase": "Opening the case",
    "AddParty": "Adding a party",
    "RecordAllegation": "Recording an allegation",
    "AssessSeverity": "The severity assessment",
    "AppointInvestigator": "Appointing an investigator",
    "GiveRegulation17Notice": "Giving the regulation 17 notice",
    "ReceiveRegulation18Response": "Receiving the officer's regulation 18 response",
    "RecordInterview": "Recording an interview",
    "ReportInvestigationProgress": "Reporting on the investigation's progress",
    "SubmitInvestigationReport": "Submitting the investigation report",
    "DetermineCaseToAnswer": "Deciding whether there is a case to answer",
    "GiveReferralNotice": "Giving the referral notice",
    "ReceiveOfficerResponse": "Receiving the officer's response",
    "ExchangeWitnessLists": "Exchanging witness lists",
    "ArrangeProceedings": "Arranging the proceedings",
    "GivePublicNotice": "Giving public notice of the hearing",
    "RecordFindings": "Recording the findings",
    "DecideOutcome": "Deciding the outcome",
    "SubmitOutcomeReport": "Submitting the outcome report",
    "NotifyOfficer": "Notifying the officer",
    "PublishOutcome": "Publishing the outcome",
    "RemovePublication": "Removing the publication",
    "LodgeAppeal": "Lodging an appeal",
    "DetermineAppeal": "Deciding the appeal",
    "NotifyAppealDetermination": "Notifying the appeal decision",
    "ReferToReflectivePractice": "Referring to reflective practice",
    "CompleteReflectivePractice": "Completing reflective practice",
    "ReportToBarredList": "Reporting to the barred list",
    "CloseCase": "Closing the case",
    "SendPapersToChair": "Sending the papers to the chair",
    "HoldPreHearing": "Holding the pre-hearing",
    "GiveHearingNotice": "Giving the officer notice of the hearing",
    "ObjectToPanelMember": "The officer's objection to a panel member",
    "DecidePanelObjection": "Deciding the objection to a panel member",
    "ReplacePanelMember": "Replacing a panel member",
    "AdjournProceedings": "Adjourning the proceedings",
    "DirectAnonymity": "The chair's direction on anonymity and reporting",
    "ExcludeFromProceedings": "The chair's exclusion of the public or a person",
    "ImposeAttendanceConditions": "The chair's conditions on attendance",
    "GivePrivacyReasons": "The chair's written reasons to the local policing body",
    "ExtendTimeLimit": "Extending a time limit",
    "AmendAllegation": "Amending an allegation",
    "WithdrawAllegation": "Withdrawing an allegation",
    "AddNote": "Adding a note",
    "AssignCase": "Assigning the case",
    "AttachEvidence": "Attaching evidence",
    "SuspendOfficer": "Suspending the officer",
    "ReviewSuspension": "Reviewing the suspension",
    "ErasePersonalData": "Erasing the case's personal data",
}
"""Commands named in the domain's messages, as the step a person took."""

_PHRASES: tuple[tuple[str, str], ...] = (
    ("(give --reasons)", "(give your reasons)"),
    ("give --reasons", "give your reasons"),
    ("record the hearing_exception", "say which exception makes it a hearing"),
    ("--fww-months: ", ""),
    ("--fww-months", "the final written warning period"),
    ("--reasons", "the reasons"),
)

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
_CAMEL = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+|\d+)*[A-Z][a-z]+\b")
_ARTICLE = re.compile(r"\b([Aa]) (?=[aeiouAEIOU])")
_REPEAT = re.compile(r"\b(\w+) \1\b", re.IGNORECASE)


def _vocabulary() -> dict[str, str]:
    words: dict[str, str] = {}
    for name in dir(vocabulary):
        kind = getattr(vocabulary, name)
        if isinstance(kind, type) and issubclass(kind, Enum) and kind is not Enum:
            for member in kind:
                value, label = getattr(member, "value", None), getattr(member, "label", None)
                if isinstance(value, str) and isinstance(label, str) and "_" in value:
                    words.setdefault(value, label.lower())
    return words


_WORDS = _vocabulary()


def _british(m: re.Match[str]) -> str:
    try:
        d = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return m[0]
    return british_numeric(d)


@lru_cache(maxsize=4096)
def plain_text(text: str) -> str:
    """A message with its ids, options and ISO dates put in words a person reads (a pure function
    of the text, kept for the messages a page shows again: a case page's refusals)."""
    out = _words(text)
    return out[:1].upper() + out[1:]


def _words(text: str) -> str:
    out = text
    for old, new in _PHRASES:
        out = out.replace(old, new)
    out = _ISO.sub(_british, out)
    out = _CAMEL.sub(lambda m: COMMAND_WORDS.get(m[0], m[0]), out)
    out = _SNAKE.sub(lambda m: _WORDS.get(m[0], m[0].replace("_", " ")), out)
    out = _ARTICLE.sub(lambda m: m[1] + "n ", out)
    return _REPEAT.sub(lambda m: m[1], out)


def field_label(field: str | None) -> str:
    if not field:
        return ""
    return FIELD_LABELS.get(field, field.lstrip("-").replace("_", " ").capitalize())


def _received(value: Any) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return "nothing"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return f"“{_words(value) if isinstance(value, str) else value}”"


@dataclass(frozen=True)
class PlainError:
    """An error as a person reads it: the sentence, the field's label, the citation."""

    message: str
    field: str | None
    label: str
    citation: str | None


def plain(exc: MisconductError) -> PlainError:
    """The sentence shown for ``exc`` on a page or in the API's ``message``."""
    label = field_label(exc.field)
    if isinstance(exc, InvalidInput):
        expected = plain_text(exc.expected or "a valid value")
        expected = expected[:1].lower() + expected[1:]
        message = (
            f"{label or 'This value'}: expected {expected}, but received {_received(exc.received)}."
        )
    else:
        message = plain_text(exc.message)
        if not message.endswith((".", "?", "!")):
            message += "."
    citation = exc.citation
    return PlainError(message, exc.field, label, citation)
