"""Who conducts an accelerated misconduct hearing (SI 2020/4 reg 55(1), reg 2(4A)): for an officer
other than a senior officer, the chief officer of the force or their delegate, with no panel; checked
for notices of referral from 7 May 2024 (the text read), not before."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from misconduct.domain import commands as c
from misconduct.domain.records import PanelMember
from misconduct.domain.terms import PanelRole
from misconduct.errors import InvalidInput, RuleViolation
from misconduct.rules.vocabulary import Forum
from misconduct.services.cases import CaseService
from tests.services.test_hearing import referred_to, step

D = date.fromisoformat


def certified() -> tuple[CaseService, str, dict[str, Any]]:
    """The overtime sergeant's case certified for an accelerated hearing, notice on 12/08/2026."""
    svc, ref = referred_to(
        Forum.ACCELERATED_MISCONDUCT_HEARING,
        decision_maker="Chief Superintendent Certifier",
    )
    (window,) = [i for i in svc.case(ref).open_limits() if i.step == "reg52_hearing_window"]
    assert window.earliest is not None
    data = {
        "on": "2026-08-13",
        "forum": "accelerated_misconduct_hearing",
        "starts_on": window.earliest.isoformat(),
        "starts_at": "10:00",
        "venue": "Room 1, Empress State Building",
        "chair": "demo",
        "chair_role": "chief_officer_delegate",
        "in_public": True,
    }
    return svc, ref, data


def test_the_chief_officers_delegate_conducts_a_sergeants_accelerated_hearing() -> None:
    svc, ref, data = certified()
    case = step(svc, ref, "arrange-proceedings", {**data, "legally_qualified_person": "Jo Counsel"})
    assert case.proceedings is not None
    assert case.proceedings.arrangement.chair_role is not None


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"chair_role": "person_conducting"}, "chair_role", "chief officer of the force or their delegate"),
        ({"chair_role": "legally_qualified_chair"}, "chair_role", "chief officer of the force"),
    ],
)  # fmt: skip
def test_anyone_else_conducting_or_a_panel_is_refused_citing_reg_55(
    change: dict[str, str], field: str, words: str
) -> None:
    svc, ref, data = certified()
    with pytest.raises(RuleViolation, match=words) as err:
        step(svc, ref, "arrange-proceedings", {**data, **change})
    assert err.value.field == field
    assert "reg 55(1)" in (err.value.citation or "")


def test_a_panel_member_is_refused_even_where_the_form_is_bypassed() -> None:
    from misconduct.app.stepinput import command_from
    from misconduct.app.web.steps import step_named

    svc, ref, data = certified()
    # The form does not ask for panel members; a command built directly is still refused.
    with pytest.raises(InvalidInput, match="lay_member"):
        command_from(step_named("arrange-proceedings"), svc.case(ref), {**data, "lay_member": "X"})
    arranged = command_from(step_named("arrange-proceedings"), svc.case(ref), data)
    assert isinstance(arranged, c.ArrangeProceedings)
    member = PanelMember("Sam Member", PanelRole.LAY_MEMBER)
    with pytest.raises(RuleViolation, match="has no panel: no lay member") as err:
        svc.execute(
            ref,
            c.ArrangeProceedings(arranged.on, replace(arranged.arrangement, members=(member,))),
        )
    assert err.value.field == "lay_member"
