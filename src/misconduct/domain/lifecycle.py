"""The lifecycle: each command is checked against the case and the rules, and becomes one event.

First the stage: ``stages.check_stage`` refuses a command the process map does not allow where the
case stands. Then the step's own guards, from the regulations: no referral before a severity assessment and a case-to-answer
determination; only the forums the finding level and the warnings on the severity-assessment date
allow; only lawful outcomes (``lawful_outcomes``) with the reasons the law requires; appeals within
their windows unless an extension is recorded.
"""

from __future__ import annotations

from misconduct.domain import (
    aftermath,
    anonymity,
    casefile,
    intake,
    outcome,
    privacy,
    proceedings,
)
from misconduct.domain import commands as cmd
from misconduct.domain import events as ev
from misconduct.domain.case import Case
from misconduct.domain.forces import force
from misconduct.domain.guards import (
    HANDLERS,
    Context,
    check_allegation,
    not_before,
    refuse,
)
from misconduct.domain.records import SubjectOfficer
from misconduct.domain.stages import check_stage
from misconduct.domain.terms import Stage
from misconduct.errors import InvalidInput
from misconduct.rules.warning import WarningRecord

__all__ = ["Context", "decide", "open_case", "outstanding"]
# Importing the step modules registers their handlers.
_STEPS = (intake, proceedings, anonymity, privacy, outcome, aftermath, casefile)
# A published outcome is still taken down after the case has closed (its publication period may
# outlast the case), and a closed case's personal data are erased when its retention period ends;
# nothing else happens after closure.
AFTER_CLOSURE = (cmd.RemovePublication, cmd.ErasePersonalData)
outstanding = aftermath.outstanding


def open_case(c: cmd.OpenCase) -> ev.CaseOpened:
    d = c.details
    force(d.force)
    not_before(c.on, d.came_to_attention, "the date the matter came to attention")
    officers: dict[str, SubjectOfficer] = {}
    for o in d.officers:
        force(o.force)
        if o.officer_id in officers:
            raise InvalidInput("officers", "distinct officer ids", o.officer_id)
        for w in o.prior_warnings:
            WarningRecord(w.kind, w.notified_on, w.months, w.career_break_days)
        officers[o.officer_id] = o
    ids = [a.allegation_id for a in d.allegations]
    if len(set(ids)) != len(ids):
        raise InvalidInput("allegations", "distinct allegation ids", ids)
    for a in d.allegations:
        check_allegation(a, officers)
    return ev.CaseOpened(c.on, d)


def decide(case: Case, command: cmd.Command, context: Context | None = None) -> ev.Event:
    """The event that ``command`` produces on ``case``, or an error saying which rule forbids it."""
    if isinstance(command, cmd.OpenCase):
        raise InvalidInput("ref", "a reference not already used", command.details.ref)
    stage = case.stage  # worked out once: it is read twice here, and the case does not change
    if stage is Stage.CLOSED and not isinstance(command, AFTER_CLOSURE):
        raise refuse(f"case {case.ref} is closed", "case lifecycle: no step after closure")
    not_before(command.on, case.came_to_attention, "the date the matter came to attention")
    handler = HANDLERS.get(type(command))
    if handler is None:
        raise InvalidInput("command", "a known command", type(command).__name__)
    check_stage(case.ref, stage, command)
    return handler(case, command, context or Context())
