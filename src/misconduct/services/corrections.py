"""Correcting a mistaken step: a ``StepCorrected`` event names the event it supersedes, with reasons,
and carries the replacement, decided afresh by the rules on the case as it stood before the mistaken
step. The original stays in the chain and on the timeline; the case is folded again with the
replacement in its place, so the time limits it started move with it.

The later history is checked against the corrected date: a correction that would put the step after
a later step of the case is refused (correct the later step first, or instead).
"""

from __future__ import annotations

from misconduct.domain import commands as cmd
from misconduct.domain import events as ev
from misconduct.domain.case import Case
from misconduct.domain.dates import british_numeric, check_dates
from misconduct.domain.lifecycle import Context, decide
from misconduct.errors import Conflict, InvalidInput
from misconduct.services.cases import CaseService, load

NOT_CORRECTABLE = ("CaseOpened", "StepCorrected")
# Steps that carry no date the process depends on: a correction may move a step past them.
UNORDERED = frozenset({"NoteAdded", "EvidenceAttached", "CaseAssigned", "PartyAdded"})


def correct(
    service: CaseService,
    ref: str,
    sequence: int,
    reasons: str,
    command: cmd.Command,
    *,
    expected_version: int | None = None,
) -> Case:
    """Record the correction of event ``sequence`` of case ``ref`` by ``command``; nothing is written
    if the rules refuse the replacement or the later history would no longer be in order."""
    if not reasons.strip():
        raise InvalidInput("reasons", "the reasons for the correction", reasons)
    check_dates(command, today=service.today())
    with service.uow() as uow:
        case, records = load(uow, ref)
        if expected_version is not None and expected_version != case.version:
            raise Conflict(
                f"case {ref} is at version {case.version}, not {expected_version}: reload and try again",
                field="version",
                expected=str(case.version),
                received=expected_version,
            )
        if not 1 <= sequence <= len(records):
            raise InvalidInput("sequence", f"an event of case {ref}, 1 to {len(records)}", sequence)
        original = records[sequence - 1]
        if original.type in NOT_CORRECTABLE:
            raise InvalidInput(
                "sequence",
                "a lifecycle step (the opening and corrections themselves are not corrected)",
                f"#{sequence} {original.type}",
            )
        events = [r.event() for r in records]
        before = Case.from_events(events[: sequence - 1])
        context = Context(
            {oid: uow.cases.warnings_for(oid, excluding=ref) for oid in before.officers}
        )
        replacement = decide(before, command, context)
        if replacement.type != original.type:
            raise InvalidInput(
                "step",
                f"the same kind of step as #{sequence} ({ev.describe(original.event())})",
                ev.describe(replacement),
            )
        for later in records[sequence:]:
            if later.type in UNORDERED or later.type == "StepCorrected":
                continue
            if replacement.on > later.occurred_on:
                raise InvalidInput(
                    "date",
                    f"a date no later than #{later.sequence} ({ev.describe(later.event())}, "
                    f"{british_numeric(later.occurred_on)})",
                    british_numeric(replacement.on),
                )
        correction = ev.StepCorrected(
            service.today(),
            sequence,
            reasons.strip(),
            replacement.type,
            replacement.on,
            ev.event_payload(replacement),
        )
        corrected = Case.from_events([*events, correction])
        recorded = service._seal(corrected, records[-1].hash, correction)
        uow.cases.append(ref, case.version, [recorded], corrected)
        uow.commit()
        return corrected
