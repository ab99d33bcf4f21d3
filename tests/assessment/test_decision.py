from __future__ import annotations

import pytest

from misconduct.assessment.decision import decide
from misconduct.assessment.engine import assess
from misconduct.errors import InvalidInput, RuleViolation
from misconduct.rules.catalogue import rules_version
from misconduct.rules.vocabulary import Outcome
from tests.assessment.builders import AFTER_2025, canonical

FWW, DWN, RIR = (
    Outcome.FINAL_WRITTEN_WARNING,
    Outcome.DISMISSAL_WITHOUT_NOTICE,
    Outcome.REDUCTION_IN_RANK,
)


def test_a_final_written_warning_of_24_months_is_accepted_in_the_canonical_case() -> None:
    record = decide(assess(canonical()), FWW, fww_months=24).as_dict()
    assert record["decision"]["outcome"] == "final_written_warning"
    assert record["decision"]["final_written_warning_months"] == 24
    assert record["decision"]["within_indicated_outcomes"] is True
    assert record["rules_version"] == rules_version()
    assert record["assessment"]["trace"]


def test_a_reduction_in_rank_for_a_constable_is_refused_with_its_citation() -> None:
    with pytest.raises(RuleViolation) as err:
        decide(assess(canonical()), RIR)
    assert err.value.citation and "reg 42" in err.value.citation


def test_a_six_year_final_written_warning_is_refused_naming_the_option() -> None:
    with pytest.raises(RuleViolation, match="between 24 and 60 months") as err:
        decide(assess(canonical()), FWW, fww_months=72)
    assert err.value.field == "--fww-months"
    assert str(err.value).startswith("--fww-months:")
    assert err.value.citation and "reg 42(10)" in err.value.citation


@pytest.mark.parametrize("months", [0, 12, 23, 61])
def test_a_period_outside_the_lawful_range_at_a_hearing_is_refused(months: int) -> None:
    with pytest.raises(RuleViolation) as err:
        decide(assess(canonical()), FWW, fww_months=months)
    assert err.value.field == "--fww-months"


@pytest.mark.parametrize("months", [24, 60])
def test_the_ends_of_the_lawful_range_at_a_hearing_are_accepted(months: int) -> None:
    assert decide(assess(canonical()), FWW, fww_months=months).fww_months == months


def test_a_period_for_a_dismissal_is_refused() -> None:
    with pytest.raises(InvalidInput):
        decide(assess(canonical()), DWN, fww_months=24)


def test_a_final_written_warning_under_the_2025_presumption_needs_reasons() -> None:
    a = assess(canonical(**AFTER_2025))
    with pytest.raises(RuleViolation, match="exceptional circumstances"):
        decide(a, FWW, fww_months=24)
    record = decide(a, FWW, fww_months=24, reasons="unique facts, outstanding career")
    assert record.within_indication is False


def test_a_departure_from_the_indication_needs_reasons() -> None:
    from tests.assessment.builders import make_facts

    a = assess(make_facts(["operational_dishonesty"], officer={"rank": "sergeant"}))
    assert a.indicated == (DWN,)
    with pytest.raises(RuleViolation, match="departs from the indicated outcomes"):
        decide(a, FWW)
    assert decide(a, FWW, reasons="the chair's reasons").notes
