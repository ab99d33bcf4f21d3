"""Personal data apart from the chain, through the services on in-memory storage (issue 13 item 6):
whatever names and text are written, the chain holds none of them, erasure leaves it verifying with
nothing of them left, and a changed value is caught. The database side (every table, both engines)
is tests/app/test_personal_data.py."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from misconduct.domain import commands as c
from misconduct.domain import personal
from misconduct.domain.events import EVENT_TYPES, StepCorrected
from misconduct.domain.ledger import verify_chain
from misconduct.domain.records import DueItem, PartyRecord
from misconduct.domain.terms import PartyRole
from misconduct.errors import InvalidInput, MisconductError
from misconduct.services import retention
from misconduct.services.demo import canonical_case
from tests.services.fakes import FakeRepository, fake_service

REF = "MPS-2025-0001"
ON = date(2025, 6, 18)
ERASED_ON = date(2032, 1, 5)

names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=2, max_size=40
).filter(lambda s: s.strip() == s and len(s.strip()) >= 2)


def _closed_case(repo: FakeRepository, witness: str, note: str) -> None:
    opening = canonical_case().opening
    fake_service(repo).open(
        opening,
        [
            c.AddParty(
                ON, PartyRecord(PartyRole.WITNESS, witness, contact=f"{witness}@example.org")
            ),
            c.AddNote(ON, note),
            c.CloseCase(ON, f"Withdrawn after speaking to {witness}.", withdrawn=True),
        ],
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(witness=names, note=names)
def test_the_chain_holds_no_value_and_erasure_leaves_it_verifying(witness: str, note: str) -> None:
    repo = FakeRepository()
    _closed_case(repo, witness, note)
    chained = json.dumps([r.hashed_fields() for r in repo.events(REF)], ensure_ascii=False)
    assert f'"{witness}@example.org"' not in chained and f"speaking to {witness}" not in chained
    erased = retention.erase(fake_service(repo), REF, ERASED_ON, "Retention schedule")
    records = repo.events(REF)
    assert erased > 0 and verify_chain(records) is None
    held = [d for r in records for d in r.data().values()]
    assert held and all(d.value is None and d.salt is None for d in held)
    case = fake_service(repo).case(REF)
    assert case.erased_on == ERASED_ON
    gone = personal.placeholder(ERASED_ON)
    assert [p.name for p in case.parties if p.role is PartyRole.WITNESS] == [gone]
    assert case.notes[-1].text == gone and case.closure_reason == gone
    with pytest.raises(MisconductError):  # nothing left to erase
        retention.erase(fake_service(repo), REF, ERASED_ON, "Retention schedule")


@settings(max_examples=30, deadline=None)
@given(witness=names, other=names)
def test_a_changed_value_breaks_the_chain(witness: str, other: str) -> None:
    repo = FakeRepository()
    _closed_case(repo, witness, "A note.")
    records = repo.events(REF)
    target = next(
        i for i, r in enumerate(records) if any(d.value == witness for d in r.data().values())
    )
    datum = next(d for d in records[target].data().values() if d.value == witness)
    changed = {**records[target].personal, datum.id: dataclasses.replace(datum, value=other)}
    records[target] = records[target].with_personal(changed)
    link = verify_chain(records)
    if other == witness:
        assert link is None
    else:
        assert link is not None and link.sequence == target + 1
        assert "does not match its commitment" in link.problem


def test_erasure_is_refused_on_an_open_case_and_nothing_is_written() -> None:
    repo = FakeRepository()
    fake_service(repo).open(canonical_case().opening)
    before = repo.events(REF)
    with pytest.raises(MisconductError):
        retention.erase(fake_service(repo), REF, ERASED_ON, "Retention schedule")
    assert repo.events(REF) == before and all(
        not d.erased for r in repo.events(REF) for d in r.data().values()
    )
    with pytest.raises(InvalidInput):
        retention.erase(fake_service(repo), "NO-SUCH-CASE", ERASED_ON, "Retention schedule")


def test_a_correction_keeps_the_replacement_s_personal_values_apart_too() -> None:
    from misconduct.domain.events import sealed_payload

    correction = StepCorrected(
        ON,
        3,
        "Wrong witness named",
        "PartyAdded",
        ON,
        {"party": {"role": "witness", "name": "Ann Other", "contact": "ann@example.org"}},
    )
    payload, data = sealed_payload(correction, "9", lambda: "00" * 16)
    assert "Ann Other" not in json.dumps(payload) and "Wrong witness" not in json.dumps(payload)
    assert {d.value for d in data.values()} == {
        "Ann Other",
        "ann@example.org",
        "Wrong witness named",
    }


def test_every_text_field_of_every_event_is_classified() -> None:
    """A text field an event carries is either personal data (kept apart from the chain) or known
    not to be: a new event (or field) must be classified here before it can be recorded."""
    not_personal = {
        "CaseOpened": {
            "details.ref",
            "details.force",
            "details.officers.warrant_number",
            "details.officers.force",
            "details.allegations.allegation_id",
            "details.allegations.standards",
        },
        "PartyAdded": {"party.party_id"},
        "AllegationRecorded": {"allegation.allegation_id", "allegation.standards"},
        "AllegationAmended": {"allegation.allegation_id", "allegation.standards"},
        # A venue is a place (a building), not a person.
        "ProceedingsArranged": {"arrangement.anonymity_cipher", "arrangement.venue"},
        "ProceedingsAdjourned": {"adjournment.venue"},
        "TimeLimitExtended": {"step"},
        # The assessment is kept whole (the engine's trace): a known gap, docs/retention.md.
        "OutcomeDecided": {
            "decision.assessment",
            "decision.assessment_rules_version",
            "finding",
            "regime",
        },
        "EvidenceAttached": {"evidence.sha256", "evidence.media_type", "evidence.step"},
        "CaseAssigned": {"assignment.username"},
        "StepCorrected": {"replacement_type", "replacement"},  # the replacement: as its own type
        "PersonalDataErased": {"data", "reason"},
        "FindingsRecorded": {"findings.allegation_id", "findings.standards_breached"},
        "AllegationWithdrawn": {"allegation_id"},
        # A panel member's role (e.g. "lay member") is not a person.
        "PanelObjectionMade": {"role"},
        "PanelMemberReplaced": {"role"},
        # The cipher is the name the public sees in place of the officer's, never theirs.
        "AnonymityDirected": {"cipher"},
    }
    unclassified = {}
    for name, cls in EVENT_TYPES.items():
        # Officer ids are identifiers (see docs/retention.md).
        texts = {p for p in _text_fields(cls) if p.rsplit(".", 1)[-1] != "officer_id"}
        left = texts - set(personal.personal_fields(cls)) - not_personal.get(name, set())
        if left:
            unclassified[name] = sorted(left)
    assert unclassified == {}


def _text_fields(cls: type, path: str = "") -> list[str]:
    import typing

    out = []
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        where = f"{path}.{f.name}" if path else f.name
        for hint in (hints[f.name], *typing.get_args(hints[f.name])):
            if hint is str:
                out.append(where)
                break
            if hint is DueItem:  # a time limit: the rules' text, not the case's
                break
            if dataclasses.is_dataclass(hint) and isinstance(hint, type):
                out += _text_fields(hint, where)
                break
            inner = [
                a
                for a in typing.get_args(hint)
                if (dataclasses.is_dataclass(a) and a is not DueItem) or a is str
            ]
            if inner:
                out += [where] if inner[0] is str else _text_fields(inner[0], where)
                break
    return out
