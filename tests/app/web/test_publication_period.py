"""The publish step takes an optional publication period for the case (issue 13, item 6)."""

from __future__ import annotations

from datetime import date

import pytest

from misconduct.app.web.steps import step_named
from misconduct.domain import commands as c
from misconduct.domain.case import Case
from misconduct.domain.lifecycle import open_case
from misconduct.errors import InvalidInput
from misconduct.services.demo import canonical_case

ON = date(2025, 5, 22)


def _case() -> Case:
    return Case.from_events([open_case(canonical_case().opening)])


def test_the_publish_step_carries_a_period_or_leaves_it_to_policy() -> None:
    step = step_named("publish")
    case = _case()
    assert "period_days" in [f.name for f in step.all_fields(case)]
    assert step.build(case, {"on": ON, "period_days": "60"}) == c.PublishOutcome(ON, 60)
    assert step.build(case, {"on": ON, "period_days": ""}) == c.PublishOutcome(ON, None)


def test_a_period_that_is_not_a_number_names_the_field() -> None:
    with pytest.raises(InvalidInput) as refused:
        step_named("publish").build(_case(), {"on": ON, "period_days": "sixty"})
    assert refused.value.field == "period_days"
    assert "a whole number of days, at least 28" in str(refused.value)
