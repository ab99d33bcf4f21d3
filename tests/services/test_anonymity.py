"""The chair's direction on anonymity and reporting through the case service, taken as the web, the
API and the CLI take it (``stepinput.command_from`` on the step registry): recorded with its
personal values kept out of the chain, refused with nothing written, kept across a new
arrangement (its order carried into the new arrangement unless the arrangement lifts it), given
again after the findings, and corrected through the one correction service."""

from __future__ import annotations

import json
from typing import Any, TypeVar

import pytest

from misconduct.domain import commands as c
from misconduct.domain.records import AllegationFinding
from misconduct.errors import InvalidInput, RuleViolation
from misconduct.rules.vocabulary import Finding
from misconduct.services.corrections import correct
from tests.services.fakes import FakeRepository
from tests.services.test_hearing import HEARING, D, referred, step

E = TypeVar("E", bound=Exception)
DIRECTION = {
    "on": "2026-09-10",
    "cipher": "PC A",
    "reporting_restrictions": "No image of the officer may be published.",
    "reasons": "Credible threats against the officer's children.",
}


def _arranged(repo: FakeRepository) -> tuple[Any, str]:
    svc, ref = referred(repo)
    step(svc, ref, "arrange-proceedings", HEARING)
    return svc, ref


def refused(
    repo: FakeRepository, svc: Any, ref: str, name: str, data: dict[str, Any], error: type[E]
) -> E:
    """The error the step ``name`` with ``data`` raises, once it is checked that nothing was
    written."""
    before = len(repo.stored[ref])
    with pytest.raises(error) as err:
        step(svc, ref, name, data)
    assert len(repo.stored[ref]) == before
    return err.value


def test_a_direction_is_recorded_with_its_words_kept_out_of_the_chain() -> None:
    repo = FakeRepository()
    svc, ref = _arranged(repo)
    case = step(svc, ref, "direct-anonymity", DIRECTION)
    assert case.proceedings is not None
    a = case.proceedings.arrangement
    assert (a.anonymity_cipher, a.reporting_restrictions) == (
        "PC A",
        "No image of the officer may be published.",
    )
    record = repo.stored[ref][-1]
    assert record.type == "AnonymityDirected"
    chained = json.dumps(record.hashed_fields())
    assert "PC A" in chained  # the cipher is the public's name for the officer
    assert "threats" not in chained and "No image" not in chained and "demo" not in chained
    assert {d.value for d in record.data().values()} >= {
        "demo",
        "Credible threats against the officer's children.",
    }


@pytest.mark.parametrize(
    ("change", "error", "field"),
    [
        ({"reasons": ""}, RuleViolation, "reasons"),
        ({"cipher": "Sergeant Harper"}, InvalidInput, "cipher"),
        ({"cipher": "Officer 27731"}, InvalidInput, "cipher"),
        ({"lift": "yes"}, InvalidInput, "lift"),
        ({"on": "2026-08-24"}, InvalidInput, "on"),  # before the arrangement
        ({"chair": "Someone"}, InvalidInput, "chair"),  # the arrangement names the chair
    ],
)
def test_a_refused_or_bad_direction_names_the_field_and_writes_nothing(
    change: dict[str, Any], error: type[Exception], field: str
) -> None:
    repo = FakeRepository()
    svc, ref = _arranged(repo)
    before = len(repo.stored[ref])
    with pytest.raises(error) as err:
        step(svc, ref, "direct-anonymity", {**DIRECTION, **change})
    assert getattr(err.value, "field", None) == field
    assert len(repo.stored[ref]) == before


def test_directions_outlast_a_new_arrangement_and_come_again_after_the_findings() -> None:
    repo = FakeRepository()
    svc, ref = _arranged(repo)
    step(svc, ref, "direct-anonymity", DIRECTION)
    # arranged again (a new venue): the history stays, and so does the order in force
    case = step(svc, ref, "arrange-proceedings", {**HEARING, "on": "2026-09-11", "venue": "Room 5"})
    assert case.proceedings is not None
    assert [d.cipher for d in case.proceedings.directions] == ["PC A"]
    assert case.proceedings.arrangement.anonymity_cipher == "PC A"
    allegation = next(iter(case.allegations))
    svc.execute(
        ref,
        c.RecordFindings(
            D("2026-10-06"),
            (
                AllegationFinding(
                    allegation, True, Finding.GROSS_MISCONDUCT, ("honesty_and_integrity",)
                ),
            ),
        ),
    )
    case = step(
        svc,
        ref,
        "direct-anonymity",
        {**DIRECTION, "on": "2026-10-07"},
    )
    assert case.proceedings is not None
    assert [(d.on, d.cipher, d.was) for d in case.proceedings.directions] == [
        (D("2026-09-10"), "PC A", ""),
        (D("2026-10-07"), "PC A", "PC A"),  # the order the new arrangement carried
    ]


def test_a_mistaken_direction_is_corrected_and_the_case_reads_the_correction() -> None:
    repo = FakeRepository()
    svc, ref = _arranged(repo)
    step(svc, ref, "direct-anonymity", DIRECTION)
    mistaken = len(repo.stored[ref])
    case = correct(
        svc,
        ref,
        mistaken,
        "The chair's cipher was PC B.",
        c.DirectAnonymity(D("2026-09-10"), "PC B", "", "Credible threats."),
    )
    assert case.proceedings is not None
    assert case.proceedings.arrangement.anonymity_cipher == "PC B"
    assert [d.cipher for d in case.proceedings.directions] == ["PC B"]
    assert repo.stored[ref][mistaken - 1].type == "AnonymityDirected"  # the original stays
    label = case.timeline[-1].label
    assert label.startswith(f"Correction of #{mistaken}: The chair's cipher was PC B. Now: ")
    assert "only as “PC B”" in label


def test_arranging_again_keeps_the_order_restrictions_and_reasons_in_force() -> None:
    """The bug this guards against: a new venue or date, arranged without the cipher, published
    the name of an officer the chair ordered withheld."""
    repo = FakeRepository()
    svc, ref = _arranged(repo)
    step(svc, ref, "direct-anonymity", DIRECTION)
    # no reasons given: nothing new is restricted, so the reasons in force stand (reg 39(3A))
    case = step(svc, ref, "arrange-proceedings", {**HEARING, "on": "2026-09-11", "venue": "Room 5"})
    assert case.proceedings is not None
    a = case.proceedings.arrangement
    assert (a.venue, a.anonymity_cipher, a.reporting_restrictions, a.privacy_reasons) == (
        "Room 5",
        "PC A",
        "No image of the officer may be published.",
        "Credible threats against the officer's children.",
    )
    arranged = repo.stored[ref][-1]
    assert arranged.type == "ProceedingsArranged"
    assert "PC A" in json.dumps(arranged.hashed_fields())  # the event says what stands


def test_a_new_arrangement_lifts_the_order_only_when_it_says_so() -> None:
    repo = FakeRepository()
    svc, ref = _arranged(repo)
    step(svc, ref, "direct-anonymity", DIRECTION)
    again = {**HEARING, "on": "2026-09-11", "venue": "Room 5"}
    case = step(svc, ref, "arrange-proceedings", {**again, "lift": True})
    assert case.proceedings is not None
    a = case.proceedings.arrangement
    assert (a.anonymity_cipher, a.reporting_restrictions) == ("", "")
    # nothing left to lift: the lift is refused, naming the field, and nothing is written
    lift = {**again, "on": "2026-09-12", "lift": True}
    assert refused(repo, svc, ref, "arrange-proceedings", lift, InvalidInput).field == "lift"


def test_a_new_order_in_a_new_arrangement_needs_its_own_reasons() -> None:
    repo = FakeRepository()
    svc, ref = _arranged(repo)
    step(svc, ref, "direct-anonymity", DIRECTION)
    again = {**HEARING, "on": "2026-09-11", "anonymity_cipher": "PC B"}
    err = refused(repo, svc, ref, "arrange-proceedings", again, RuleViolation)
    assert err.field == "privacy_reasons" and "reg 39(3A)" in (err.citation or "")
    case = step(svc, ref, "arrange-proceedings", {**again, "privacy_reasons": "A new threat."})
    assert case.proceedings is not None
    assert case.proceedings.arrangement.anonymity_cipher == "PC B"


def test_a_hearing_held_in_private_is_not_opened_by_arranging_it_again_unless_lifted() -> None:
    repo = FakeRepository()
    svc, ref = referred(repo)
    private = {**HEARING, "in_public": False, "privacy_reasons": "A vulnerable witness."}
    step(svc, ref, "arrange-proceedings", private)
    again = {**HEARING, "on": "2026-09-11", "venue": "Room 5"}  # in public, as the default
    err = refused(repo, svc, ref, "arrange-proceedings", again, InvalidInput)
    assert err.field == "in_public" and "held in private" in str(err.expected)
    case = step(svc, ref, "arrange-proceedings", {**again, "lift": True})
    assert case.proceedings is not None and case.proceedings.arrangement.in_public


def test_a_first_arrangement_has_nothing_to_lift() -> None:
    repo = FakeRepository()
    svc, ref = referred(repo)
    with pytest.raises(InvalidInput) as err:
        step(svc, ref, "arrange-proceedings", {**HEARING, "lift": True})
    assert err.value.field == "lift"
