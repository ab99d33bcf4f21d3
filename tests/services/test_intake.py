"""Opening a case through the intake service: the documented format, references per force and year,
and a clear error naming the field for every kind of bad input, with nothing written."""

from __future__ import annotations

import copy
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from misconduct.domain.persons import is_opaque, officer_named
from misconduct.domain.terms import InvestigationMode, OfficerStatus, PartyRole, Source
from misconduct.errors import InvalidInput
from misconduct.services.intake import open_case, read_intake
from tests.services.fakes import FakeRepository, fake_service

EXAMPLES = Path(__file__).parents[2] / "examples" / "intake"


def overtime() -> dict[str, Any]:
    return tomllib.loads((EXAMPLES / "overtime_sergeant.toml").read_text(encoding="utf-8"))


def test_the_overtime_sergeant_opens_with_the_next_reference_for_the_force_and_year() -> None:
    repo = FakeRepository()
    svc = fake_service(repo)
    first = open_case(svc, overtime())
    second = open_case(svc, overtime())
    assert (first.ref, second.ref) == ("MPS-2026-0001", "MPS-2026-0002")
    assert first.source is Source.COMPLAINT and first.came_to_attention.isoformat() == "2026-05-05"
    officer = next(iter(first.officers.values()))
    assert (officer.warrant_number, officer.rank.value, officer.status) == (
        "27731",
        "sergeant",
        OfficerStatus.SERVING,
    )
    # An opaque id, the same for the same officer in the second case (found by force and number).
    assert is_opaque(officer.officer_id)  # random hex, not the number
    assert list(second.officers) == [officer.officer_id]
    assert [(p.role, p.party_id, p.restricted) for p in first.parties] == [
        (PartyRole.COMPLAINANT, "P1", True),
        (PartyRole.WITNESS, "P2", False),
    ]
    assert first.origin is not None and first.origin.referred_to_iopc is False
    assert first.origin.investigation_mode is InvestigationMode.LOCAL
    assert [r.type for r in repo.stored["MPS-2026-0001"]] == [
        "CaseOpened",
        "PartyAdded",
        "PartyAdded",
    ]


def test_every_example_opens() -> None:
    svc = fake_service()
    for path in sorted(EXAMPLES.iterdir()):
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
        case = open_case(svc, data)
        assert case.version >= 1, path


def test_a_former_officer_and_the_earliest_attention_date() -> None:
    data = tomllib.loads((EXAMPLES / "two_officers_conduct_matter.toml").read_text())
    case = open_case(fake_service(), data)
    former = case.officers[officer_named(case.officers, "9320") or ""]
    assert former.status is OfficerStatus.FORMER_OFFICER and not former.serving
    assert str(former.left_on) == "2026-06-30"
    assert case.ref == "KNT-2026-0001"
    dsi = json.loads((EXAMPLES / "dsi_matter.json").read_text())
    assert str(read_intake(dsi, today=case.opened_on.replace(year=2027)).came_to_attention) == (
        "2026-08-10"
    )


def _broken(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(overtime())
    change(data)
    return data


BAD = [
    ("force", lambda d: d.update(force="atlantis")),
    ("origin", lambda d: d.update(source="rumour")),
    ("summary", lambda d: d.update(summary="  ")),
    ("officers", lambda d: d.update(officers=[])),
    ("officer 1 rank", lambda d: d["officers"][0].update(rank="general")),
    ("officer 1 number", lambda d: d["officers"][0].pop("number")),
    ("officer 1 leaving date", lambda d: d["officers"][0].update(status="former_officer")),
    ("allegation A1 standards", lambda d: d["allegations"][0].update(standards=[])),
    ("allegation standards", lambda d: d["allegations"][0].update(standards=["being_late"])),
    ("allegation A1 conduct to", lambda d: d["allegations"][0].update(conduct_to="2026-01-01")),
    ("allegation A1 officer", lambda d: d["allegations"][0].update(officer="999")),
    ("allegation A1 conduct from", lambda d: d["allegations"][0].update(conduct_from="31/02/2026")),
    ("party 1 role", lambda d: d["parties"][0].update(role="bystander")),
    ("complainant", lambda d: d.update(parties=d["parties"][1:])),
    ("date it came to attention", lambda d: d.pop("attention")),
    ("IOPC referral reasons", lambda d: d["iopc_referral"].update(reasons="")),
    ("mode of investigation", lambda d: d["iopc_referral"].update(mode="independent")),
    ("date", lambda d: d.update(opened_on="9999-12-31")),
    ("date it came to the force's attention", lambda d: d["attention"].update(force="9999-12-31")),
    ("colour", lambda d: d.update(colour="blue")),
    ("reference", lambda d: d.update(ref="case one")),
]


@pytest.mark.parametrize(("field", "change"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_names_the_field_and_writes_nothing(field: str, change: Any) -> None:
    repo = FakeRepository()
    with pytest.raises(InvalidInput) as refused:
        open_case(fake_service(repo), _broken(change))
    assert refused.value.field == field, refused.value
    assert repo.stored == {}


def test_a_case_opened_before_the_matter_came_to_attention_is_refused() -> None:
    repo = FakeRepository()
    with pytest.raises(InvalidInput, match="came to attention"):
        open_case(fake_service(repo), _broken(lambda d: d.update(opened_on="2026-05-01")))
    assert repo.stored == {}


def test_a_reduction_in_rank_from_an_earlier_case_is_found_not_typed_again() -> None:
    from datetime import date

    from misconduct.domain import commands as c
    from misconduct.domain.records import (
        AllegationFinding,
        Determination,
        OutcomeDecision,
        ProceedingsArrangement,
        SeverityAssessment,
    )
    from misconduct.domain.terms import LikelyForm, SeverityResult
    from misconduct.rules.vocabulary import Finding, Forum, Outcome

    d = date.fromisoformat
    svc = fake_service()
    ref = open_case(svc, overtime()).ref
    oid = next(iter(svc.case(ref).officers))
    for step in (
        c.AssessSeverity(
            d("2026-05-12"),
            SeverityAssessment(SeverityResult.GROSS_MISCONDUCT, LikelyForm.HEARING, "S", "r"),
        ),
        c.AppointInvestigator(d("2026-05-13"), "DS"),
        c.GiveRegulation17Notice(d("2026-05-14")),
        c.SubmitInvestigationReport(d("2026-08-03")),
        c.DetermineCaseToAnswer(
            d("2026-08-10"),
            Determination(True, Finding.GROSS_MISCONDUCT, Forum.MISCONDUCT_HEARING, "AA", "r"),
        ),
        c.GiveReferralNotice(d("2026-08-12")),
        c.ArrangeProceedings(
            d("2026-08-20"),
            ProceedingsArrangement(
                Forum.MISCONDUCT_HEARING, d("2026-09-15"), "Chair", in_public=True
            ),
        ),
        c.RecordFindings(
            d("2026-09-15"),
            (AllegationFinding("A1", True, Finding.GROSS_MISCONDUCT, ("honesty_and_integrity",)),),
        ),
        c.DecideOutcome(
            d("2026-09-15"), OutcomeDecision(oid, Outcome.REDUCTION_IN_RANK, "Chair", "r")
        ),
        c.SubmitOutcomeReport(d("2026-09-18")),
        c.NotifyOfficer(d("2026-09-18"), oid),
    ):
        svc.execute(ref, step)
    later = overtime()
    later.update(opened_on="2026-11-02", attention={"force": "2026-11-01"})
    second = open_case(svc, later)
    assert second.officers[oid].previously_reduced_in_rank
    assert not svc.case(ref).officers[oid].previously_reduced_in_rank
