"""The working case file: allegations amended or withdrawn, notes in the case log, assignment and
evidence. None of these moves the case along its stages; each is an event in the same hash chain."""

from __future__ import annotations

from datetime import date

from misconduct.domain import commands as cmd
from misconduct.domain import events as ev
from misconduct.domain.case import Case
from misconduct.domain.guards import Context, check_allegation, handles, not_before, refuse, subject
from misconduct.domain.records import DueItem
from misconduct.domain.terms import Nature
from misconduct.errors import InvalidInput

NOTE_LIMIT = 20_000
"""Characters in one note: a case log entry, not a document (attach documents as evidence)."""


def _known(case: Case, allegation_id: str) -> None:
    if allegation_id in case.withdrawn:
        raise InvalidInput("allegation", "an allegation that has not been withdrawn", allegation_id)
    if allegation_id not in case.allegations:
        raise InvalidInput("allegation", "one of " + ", ".join(case.allegations), allegation_id)


@handles(cmd.AmendAllegation)
def _amend(case: Case, c: cmd.AmendAllegation, ctx: Context) -> ev.Event:
    a = c.allegation
    _known(case, a.allegation_id)
    if case.referral is not None:
        raise refuse(
            "allegations cannot be amended once notice of referral has been given",
            "SI 2020/4 reg 30",
            "allegation",
        )
    if a.officer_id != case.allegations[a.allegation_id].officer_id:
        raise InvalidInput(
            "officer",
            "the same officer (record a new allegation against another officer)",
            a.officer_id,
        )
    if a == case.allegations[a.allegation_id]:
        raise InvalidInput("allegation", "a change to the allegation", "no change")
    check_allegation(a, case.officers)
    return ev.AllegationAmended(c.on, a)


@handles(cmd.WithdrawAllegation)
def _withdraw(case: Case, c: cmd.WithdrawAllegation, ctx: Context) -> ev.Event:
    _known(case, c.allegation_id)
    if not c.reasons.strip():
        raise InvalidInput("reasons", "the reasons for withdrawing the allegation", c.reasons)
    if len(case.allegations) == 1:
        raise InvalidInput(
            "allegation",
            "another allegation left in the case (to withdraw the last one, close the case as "
            "withdrawn)",
            c.allegation_id,
        )
    return ev.AllegationWithdrawn(c.on, c.allegation_id, c.reasons.strip())


@handles(cmd.AddNote)
def _note(case: Case, c: cmd.AddNote, ctx: Context) -> ev.Event:
    text = c.text.strip()
    if not text:
        raise InvalidInput("note", "some text", c.text)
    if len(text) > NOTE_LIMIT:
        raise InvalidInput("note", f"at most {NOTE_LIMIT} characters", f"{len(text)} characters")
    return ev.NoteAdded(c.on, text)


@handles(cmd.AssignCase)
def _assign(case: Case, c: cmd.AssignCase, ctx: Context) -> ev.Event:
    if case.assignments.get(c.assignment.role) == c.assignment.username:
        raise InvalidInput(
            "assignee",
            f"someone other than the current {c.assignment.role.label.lower()}",
            c.assignment.username,
        )
    return ev.CaseAssigned(c.on, c.assignment)


@handles(cmd.AttachEvidence)
def _attach(case: Case, c: cmd.AttachEvidence, ctx: Context) -> ev.Event:
    return ev.EvidenceAttached(c.on, c.evidence)


SUSPENSION_CITATION = "SI 2020/4 reg 11"


def _review(officer_id: str, on: date, by: date) -> DueItem:
    """The next review of a suspension or restriction, on the date the appropriate authority set."""
    return DueItem(
        step="suspension_review",
        title="Review of suspension or restricted duties",
        citation=SUSPENSION_CITATION,
        status="unverified",  # the review date is set by the decision, not computed from the law
        trigger=on,
        nature=Nature.OBLIGATION,
        party="appropriate authority",
        due=by,
        officer_id=officer_id,
    )


@handles(cmd.SuspendOfficer)
def _suspend(case: Case, c: cmd.SuspendOfficer, ctx: Context) -> ev.Event:
    officer = subject(case, c.officer_id)
    if not officer.serving:
        raise refuse("a former officer cannot be suspended", SUSPENSION_CITATION, "officer_id")
    current = case.suspensions.get(c.officer_id)
    if current is not None and current.lifted_on is None:
        raise refuse(
            "the officer is already suspended or on restricted duties: review it instead",
            SUSPENSION_CITATION,
            "officer_id",
        )
    if not c.reasons.strip():
        raise InvalidInput("reasons", "the reasons for the decision", c.reasons)
    if c.review_by <= c.on:
        raise InvalidInput("review by", f"a date after {c.on.isoformat()}", c.review_by.isoformat())
    return ev.OfficerSuspended(
        c.on, (_review(c.officer_id, c.on, c.review_by),), c.officer_id, c.kind, c.reasons.strip()
    )


@handles(cmd.ReviewSuspension)
def _review_suspension(case: Case, c: cmd.ReviewSuspension, ctx: Context) -> ev.Event:
    subject(case, c.officer_id)
    current = case.suspensions.get(c.officer_id)
    if current is None or current.lifted_on is not None:
        raise refuse(
            "the officer is not suspended or on restricted duties",
            SUSPENSION_CITATION,
            "officer_id",
        )
    not_before(c.on, current.since, "the suspension")
    if not c.reasons.strip():
        raise InvalidInput("reasons", "the reasons for the review's decision", c.reasons)
    deadlines: tuple[DueItem, ...] = ()
    if c.continued:
        if c.review_by is None or c.review_by <= c.on:
            raise InvalidInput(
                "review by", f"the date of the next review, after {c.on.isoformat()}", c.review_by
            )
        deadlines = (_review(c.officer_id, c.on, c.review_by),)
    return ev.SuspensionReviewed(c.on, deadlines, c.officer_id, c.continued, c.reasons.strip())


@handles(cmd.ErasePersonalData)
def _erase(case: Case, c: cmd.ErasePersonalData, ctx: Context) -> ev.Event:
    not_before(c.on, case.closed_on, "the date the case was closed")
    if not c.data:
        raise InvalidInput("personal data", "personal data of the case not yet erased", "none")
    if not c.reason.strip():
        raise InvalidInput("reason", "the retention schedule under which the data are erased", "")
    return ev.PersonalDataErased(c.on, tuple(c.data), c.reason.strip())
