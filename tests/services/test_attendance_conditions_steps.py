"""The chair's conditions on attendance (SI 2020/4 reg 39(3)(b); reg 59(2)(b)) through the case
service, taken as the web, the API and the CLI take them (the step registry): recorded with their
personal values kept out of the chain, awaiting written reasons where they exclude a person from a
hearing (reg 39(3A)), and refused with nothing written, naming the field."""

from __future__ import annotations

import json
from typing import Any

import pytest

from misconduct.domain.privacy import reasons_awaited
from misconduct.errors import InvalidInput, RuleViolation
from tests.services.fakes import FakeRepository
from tests.services.test_anonymity import _arranged, refused
from tests.services.test_hearing import step

CONDITIONS = {
    "on": "2026-09-10",
    "person": "the complainant's companion",
    "conditions": "Leaves the room while the complainant gives evidence.",
    "excludes": True,
    "reasons": "He was heard threatening the complainant.",
}


def test_conditions_are_recorded_with_their_words_kept_out_of_the_chain() -> None:
    repo = FakeRepository()
    svc, ref = _arranged(repo)
    case = step(svc, ref, "impose-attendance-conditions", CONDITIONS)
    assert case.proceedings is not None
    (k,) = case.proceedings.conditions
    assert (k.person, k.excludes, k.chair) == ("the complainant's companion", True, "demo")
    record = repo.stored[ref][-1]
    assert record.type == "AttendanceConditionsImposed"
    chained = json.dumps(record.hashed_fields())
    assert "companion" not in chained and "threatening" not in chained
    assert [x.what for x in reasons_awaited(case)] == [
        "Conditions on the attendance of the complainant's companion: Leaves the room while the "
        "complainant gives evidence"
    ]
    quiet = step(
        svc,
        ref,
        "impose-attendance-conditions",
        {"on": "2026-09-11", "person": "the press", "conditions": "No recording."},
    )
    assert len(reasons_awaited(quiet)) == 1  # conditions excluding nobody owe no reasons


@pytest.mark.parametrize(
    ("change", "error", "field"),
    [
        ({"reasons": ""}, RuleViolation, "reasons"),
        ({"person": " "}, InvalidInput, "person"),
        ({"conditions": ""}, InvalidInput, "conditions"),
        ({"on": "2026-08-24"}, InvalidInput, "on"),  # before the arrangement
    ],
)
def test_refused_or_bad_conditions_name_the_field_and_write_nothing(
    change: dict[str, Any], error: type[Exception], field: str
) -> None:
    repo = FakeRepository()
    svc, ref = _arranged(repo)
    data = {**CONDITIONS, **change}
    assert refused(repo, svc, ref, "impose-attendance-conditions", data, error).field == field
