"""Objections to panel members (SI 2020/4 reg 35(3)-(9)): the officer objects in writing within 3
working days after being given the members' names, the chair upholds or rejects, an upheld member
is replaced and the officer may object to the replacement within 3 working days after being given
the new name. The hearing's findings wait for every objection to be settled. Each step is taken as
the web, API and CLI take it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from misconduct.domain.case import Case
from misconduct.errors import InvalidInput, MisconductError, RuleViolation
from tests.services.fakes import FakeRepository
from tests.services.test_hearing import HEARING, referred, step

D = date.fromisoformat


def noticed() -> tuple[Any, str, FakeRepository]:
    """Arranged with the 2024 panel (Alex Lay, Sam Member; Jo Counsel advising); notice of the date,
    time, place and names given on Friday 28/08/2026."""
    repo = FakeRepository()
    svc, ref = referred(repo)
    step(svc, ref, "arrange-proceedings", HEARING)
    step(svc, ref, "hearing-notice", {"on": "2026-08-28"})
    return svc, ref, repo


def window(case: Case) -> tuple[date, date]:
    items = [t.item for t in case.time_limits if t.item.step == "reg35_objection"]
    return items[-1].trigger, items[-1].last_day


def test_the_objection_window_runs_3_working_days_after_the_names_are_given() -> None:
    svc, ref, _ = noticed()
    # Monday 31/08/2026 is the summer bank holiday: 1, 2 and 3 September are the 3 working days.
    assert window(svc.case(ref)) == (D("2026-08-28"), D("2026-09-03"))


def test_an_objection_upheld_and_the_member_replaced_opens_a_new_window() -> None:
    svc, ref, _ = noticed()
    case = step(
        svc,
        ref,
        "panel-objection",
        {"on": "2026-09-02", "member": "Sam Member", "grounds": "He sat on my previous case."},
    )
    assert case.proceedings is not None
    (o,) = case.proceedings.objections
    assert (o.member, o.role, o.awaiting) == ("Sam Member", "lay_member", "decision")
    assert case.timeline[-1].label.startswith("The officer objected to Sam Member")
    # The hearing does not go ahead over an undecided objection.
    with pytest.raises(RuleViolation, match="not decided the officer's objection to Sam Member"):
        step(
            svc,
            ref,
            "findings",
            {"on": "2026-10-06", "proven__A1": False, "level__A1": "no_misconduct"},
        )
    case = step(
        svc,
        ref,
        "decide-panel-objection",
        {"on": "2026-09-04", "member": "Sam Member", "decision": "upheld", "reasons": "Fair."},
    )
    assert case.proceedings is not None
    assert case.proceedings.objections[0].awaiting == "replacement"
    assert case.timeline[-1].label == "The chair upheld the objection to Sam Member. Reasons: Fair."
    case = step(
        svc,
        ref,
        "replace-panel-member",
        {"on": "2026-09-07", "member": "Sam Member", "replacement": "Kim Other"},
    )
    assert case.proceedings is not None
    a = case.proceedings.arrangement
    assert [(m.role.value, m.name) for m in a.members if not m.role.advises] == [
        ("qualified_lay_member", "Alex Lay"),
        ("lay_member", "Kim Other"),
    ]
    assert a.panel == ("Alex Lay", "Kim Other")
    assert case.proceedings.objections[0].awaiting == ""
    # reg 35(9)(b): 3 working days after the officer is given the new name (Monday 07/09/2026).
    assert window(case) == (D("2026-09-07"), D("2026-09-10"))
    # The officer may object to the new member in the new window, but no longer to Alex Lay.
    with pytest.raises(RuleViolation, match="had to be made by 03/09/2026") as err:
        step(
            svc, ref, "panel-objection", {"on": "2026-09-08", "member": "Alex Lay", "grounds": "x"}
        )
    assert err.value.field == "on"
    case = step(
        svc,
        ref,
        "panel-objection",
        {"on": "2026-09-10", "member": "Kim Other", "grounds": "A colleague of the complainant."},
    )
    case = step(
        svc,
        ref,
        "decide-panel-objection",
        {"on": "2026-09-11", "member": "Kim Other", "decision": "rejected"},
    )
    assert case.proceedings is not None
    assert [o.awaiting for o in case.proceedings.objections] == ["", ""]
    assert case.proceedings.objections[1].upheld is False


def test_an_objection_after_the_window_is_refused_with_its_last_day() -> None:
    svc, ref, repo = noticed()
    before = len(repo.stored[ref])
    with pytest.raises(RuleViolation, match="had to be made by 03/09/2026") as err:
        step(
            svc, ref, "panel-objection", {"on": "2026-09-04", "member": "Alex Lay", "grounds": "x"}
        )
    assert "reg 35(4)" in (err.value.citation or "")
    assert len(repo.stored[ref]) == before


def test_no_objection_before_the_names_are_given() -> None:
    repo = FakeRepository()
    svc, ref = referred(repo)
    step(svc, ref, "arrange-proceedings", HEARING)
    with pytest.raises(RuleViolation, match="not yet been given notice of the panel"):
        step(
            svc, ref, "panel-objection", {"on": "2026-08-27", "member": "Alex Lay", "grounds": "x"}
        )


@pytest.mark.parametrize(
    ("name", "data", "field"),
    [
        # The chair and the legally qualified person are not panel members the officer may object to.
        ("panel-objection", {"on": "2026-09-01", "member": "demo", "grounds": "x"}, "member"),
        ("panel-objection", {"on": "2026-09-01", "member": "Jo Counsel", "grounds": "x"}, "member"),
        ("panel-objection", {"on": "2026-09-01", "member": "Alex Lay", "grounds": " "}, "grounds"),
        ("panel-objection", {"on": "2026-08-27", "member": "Alex Lay", "grounds": "x"}, "on"),
        ("decide-panel-objection", {"on": "2026-09-04", "member": "Alex Lay", "decision": "upheld"}, None),
        ("replace-panel-member", {"on": "2026-09-04", "member": "Alex Lay", "replacement": "Z"}, None),
    ],
)  # fmt: skip
def test_bad_objection_input_names_the_field_and_writes_nothing(
    name: str, data: dict[str, Any], field: str | None
) -> None:
    svc, ref, repo = noticed()
    before = len(repo.stored[ref])
    with pytest.raises(MisconductError) as err:
        step(svc, ref, name, data)
    assert err.value.field == field, err.value
    assert len(repo.stored[ref]) == before


def test_bad_decisions_and_replacements_name_the_field_and_write_nothing() -> None:
    svc, ref, repo = noticed()
    step(svc, ref, "panel-objection", {"on": "2026-09-01", "member": "Alex Lay", "grounds": "x"})
    before = len(repo.stored[ref])
    with pytest.raises(InvalidInput) as err:
        step(
            svc,
            ref,
            "decide-panel-objection",
            {"on": "2026-09-02", "member": "Alex Lay", "decision": "maybe"},
        )
    assert err.value.field == "decision"
    with pytest.raises(InvalidInput) as err:
        step(
            svc,
            ref,
            "decide-panel-objection",
            {"on": "2026-08-31", "member": "Alex Lay", "decision": "upheld"},
        )
    assert err.value.field == "on"
    step(
        svc,
        ref,
        "decide-panel-objection",
        {"on": "2026-09-02", "member": "Alex Lay", "decision": "upheld"},
    )
    before = len(repo.stored[ref])
    for replacement in ("", "Sam Member", "Jo Counsel", "demo"):
        with pytest.raises(InvalidInput) as err:
            step(
                svc,
                ref,
                "replace-panel-member",
                {"on": "2026-09-03", "member": "Alex Lay", "replacement": replacement},
            )
        assert err.value.field == "replacement", replacement
    with pytest.raises(InvalidInput) as err:
        step(
            svc,
            ref,
            "replace-panel-member",
            {"on": "2026-09-03", "member": "Sam Member", "replacement": "Z"},
        )
    assert err.value.field == "member"
    assert len(repo.stored[ref]) == before


def test_a_mistaken_objection_decision_is_corrected_and_the_rules_decide_afresh() -> None:
    """A decision recorded as upheld that the chair in fact rejected is corrected: the original stays
    in the chain, the replacement is checked by the rules, and the objection is settled."""
    from misconduct.domain import commands as c
    from misconduct.services.corrections import correct

    svc, ref, repo = noticed()
    step(
        svc,
        ref,
        "panel-objection",
        {"on": "2026-09-02", "member": "Sam Member", "grounds": "He sat on my previous case."},
    )
    case = step(
        svc,
        ref,
        "decide-panel-objection",
        {"on": "2026-09-04", "member": "Sam Member", "decision": "upheld", "reasons": "Fair."},
    )
    assert case.proceedings is not None
    assert case.proceedings.objections[0].awaiting == "replacement"
    mistaken = case.version
    fixed = correct(
        svc,
        ref,
        mistaken,
        "The chair rejected the objection; upheld was recorded by mistake.",
        c.DecidePanelObjection(D("2026-09-04"), "Sam Member", False, "No real risk of bias."),
    )
    assert fixed.proceedings is not None
    (o,) = fixed.proceedings.objections
    assert (o.upheld, o.awaiting) == (False, "")
    assert repo.stored[ref][mistaken - 1].type == "PanelObjectionDecided"  # the original stays
    assert repo.stored[ref][-1].type == "StepCorrected"
    # A correction the rules refuse (a member the officer never objected to) writes nothing.
    with pytest.raises(MisconductError):
        correct(
            svc,
            ref,
            mistaken,
            "wrong member",
            c.DecidePanelObjection(D("2026-09-04"), "Alex Lay", False, "x"),
        )
    assert svc.case(ref).version == fixed.version
