"""The chair's exclusions and the written reasons to the local policing body through the case
service, taken as the web, the API and the CLI take them (the step registry): recorded with their
personal values kept out of the chain, refused with nothing written, said on the notices, and
corrected through the one correction service."""

from __future__ import annotations

import json
from typing import Any

import pytest

from misconduct.documents.adapter import context_from_case
from misconduct.documents.render import build
from misconduct.domain import commands as c
from misconduct.domain.privacy import reasons_awaited
from misconduct.errors import InvalidInput, RuleViolation
from misconduct.services.corrections import correct
from tests.services.fakes import FakeRepository
from tests.services.test_anonymity import _arranged, refused
from tests.services.test_hearing import HEARING, D, step

EXCLUSION = {
    "on": "2026-09-10",
    "public": True,
    "part": "while the complainant gives evidence",
    "reasons": "The complainant is a child.",
}


def test_an_exclusion_is_recorded_with_its_words_kept_out_of_the_chain() -> None:
    repo = FakeRepository()
    svc, ref = _arranged(repo)
    case = step(svc, ref, "exclude-from-proceedings", EXCLUSION)
    assert case.proceedings is not None
    (x,) = case.proceedings.exclusions
    assert (x.who, x.extent, x.chair) == (
        "the public",
        "part of the proceedings (while the complainant gives evidence)",
        "demo",
    )
    assert case.proceedings.arrangement.in_public  # only a part: still a hearing in public
    record = repo.stored[ref][-1]
    assert record.type == "ExcludedFromProceedings"
    chained = json.dumps(record.hashed_fields())
    assert "complainant" not in chained and "child" not in chained
    assert [a.what for a in reasons_awaited(case)] == [
        "Excluded the public from part of the proceedings (while the complainant gives evidence)"
    ]


@pytest.mark.parametrize(
    ("change", "error", "field"),
    [
        ({"reasons": ""}, RuleViolation, "reasons"),
        ({"public": False}, InvalidInput, "person"),
        ({"on": "2026-08-24"}, InvalidInput, "on"),  # before the arrangement
    ],
)
def test_a_refused_or_bad_exclusion_names_the_field_and_writes_nothing(
    change: dict[str, Any], error: type[Exception], field: str
) -> None:
    repo = FakeRepository()
    svc, ref = _arranged(repo)
    data = {**EXCLUSION, **change}
    assert refused(repo, svc, ref, "exclude-from-proceedings", data, error).field == field


def test_the_notices_say_what_was_excluded_the_public_one_without_the_part() -> None:
    svc, ref = _arranged(FakeRepository())
    step(svc, ref, "hearing-notice", {"on": "2026-08-28"})
    step(svc, ref, "exclude-from-proceedings", EXCLUSION)
    person = {**EXCLUSION, "public": False, "person": "Mr Example, a journalist", "part": ""}
    case = step(svc, ref, "exclude-from-proceedings", person)
    ctx = context_from_case(case)
    to_officer = build("reg35-notice", ctx).text()
    assert (
        "The chair has directed: the public excluded from part of the proceedings (while the "
        "complainant gives evidence); Mr Example, a journalist excluded from the whole of the "
        "proceedings."
    ) in " ".join(to_officer.split())
    public = " ".join(build("reg36-notice", ctx).text().split())
    assert "The chair has directed that the public be excluded from part of it." in public
    assert "complainant gives evidence" not in public and "Mr Example" not in public


def test_the_notices_say_what_conditions_the_chair_imposed_the_public_one_without_whose() -> None:
    svc, ref = _arranged(FakeRepository())
    before = context_from_case(step(svc, ref, "hearing-notice", {"on": "2026-08-28"}))
    assert "conditions on attendance" not in build("reg36-notice", before).text()
    conditions = {
        "on": "2026-09-10",
        "person": "the complainant's companion",
        "conditions": "By video link only, camera off.",
    }
    ctx = context_from_case(step(svc, ref, "impose-attendance-conditions", conditions))
    to_officer = " ".join(build("reg35-notice", ctx).text().split())
    assert (
        "Conditions on attendance imposed by the chair: the complainant's companion: By video "
        "link only, camera off."
    ) in to_officer
    public = " ".join(build("reg36-notice", ctx).text().split())
    assert "The chair has imposed conditions on attendance." in public
    assert "companion" not in public and "video link" not in public


def test_the_reasons_given_cover_what_awaited_and_a_second_time_is_refused() -> None:
    repo = FakeRepository()
    svc, ref = _arranged(repo)
    step(svc, ref, "exclude-from-proceedings", EXCLUSION)
    case = step(svc, ref, "reasons-to-policing-body", {"on": "2026-09-11"})
    assert reasons_awaited(case) == []
    assert case.proceedings is not None
    assert [a.given_on for a in case.proceedings.privacy_actions] == [D("2026-09-11")]
    again = {"on": "2026-09-12"}
    err = refused(repo, svc, ref, "reasons-to-policing-body", again, RuleViolation)
    assert err.citation == "SI 2020/4 reg 39(3A)"


def test_a_mistaken_exclusion_is_corrected_and_the_case_reads_the_correction() -> None:
    repo = FakeRepository()
    svc, ref = _arranged(repo)
    step(svc, ref, "exclude-from-proceedings", EXCLUSION)
    mistaken = len(repo.stored[ref])
    case = correct(
        svc,
        ref,
        mistaken,
        "The public was excluded from the whole hearing.",
        c.ExcludeFromProceedings(D("2026-09-10"), True, "", "", "The complainant is a child."),
    )
    assert case.proceedings is not None
    assert [x.extent for x in case.proceedings.exclusions] == ["the whole of the proceedings"]
    assert not case.proceedings.arrangement.in_public
    label = case.timeline[-1].label
    assert label.startswith(f"Correction of #{mistaken}: The public was excluded")
    assert "excluded the public from the whole of the proceedings" in label


def test_a_hearing_the_chair_made_private_stays_private_when_arranged_again() -> None:
    svc, ref = _arranged(FakeRepository())
    step(svc, ref, "exclude-from-proceedings", {**EXCLUSION, "part": ""})
    with pytest.raises(InvalidInput) as err:
        step(svc, ref, "arrange-proceedings", {**HEARING, "on": "2026-09-11", "venue": "Room 5"})
    assert err.value.field == "in_public"
    case = step(
        svc,
        ref,
        "arrange-proceedings",
        {**HEARING, "on": "2026-09-11", "venue": "Room 5", "in_public": False},
    )
    assert case.proceedings is not None
    assert case.proceedings.arrangement.privacy_reasons == "The complainant is a child."
