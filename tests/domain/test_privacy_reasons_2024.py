"""Reg 39(3A)/59(4) (SI 2024/521 reg 5) follow the date of the notice of referral, not the hearing date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from misconduct.domain import commands as c
from misconduct.domain.case import Case
from misconduct.domain.lifecycle import decide
from misconduct.errors import RuleViolation
from tests.domain.test_guards import state_before


def _bare_arrangement(notice_on: date) -> tuple[Case, c.ArrangeProceedings]:
    case, command = state_before("MPS-2025-0001", c.ArrangeProceedings)
    assert isinstance(command, c.ArrangeProceedings) and case.referral is not None
    case.referral.notice_on = notice_on
    bare = replace(command, arrangement=replace(command.arrangement, privacy_reasons=""))
    return case, bare


def test_notice_of_referral_on_7_may_2024_needs_reasons_for_privacy() -> None:
    case, bare = _bare_arrangement(date(2024, 5, 7))
    with pytest.raises(RuleViolation, match=r"39\(3A\)"):
        decide(case, bare)


def test_notice_of_referral_on_6_may_2024_keeps_the_old_rules() -> None:
    case, bare = _bare_arrangement(date(2024, 5, 6))
    assert decide(case, bare).type == "ProceedingsArranged"
