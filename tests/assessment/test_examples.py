"""The worked cases of DOMAIN.md §14 (examples/*.toml) against the ranges DOMAIN.md expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from misconduct.assessment.engine import assess
from misconduct.assessment.facts import load_facts

EXAMPLES = Path(__file__).parents[2] / "examples"
FWW, DWN, WW = "final_written_warning", "dismissal_without_notice", "written_warning"

# file: (the outcome that must be indicated, outcomes that must not be)
EXPECTED = {
    "canonical_case.toml": ({FWW, DWN}, set()),
    "tc02_warrant_card_lone_woman.toml": ({DWN}, {FWW}),
    "tc03_touching_a_colleague.toml": ({DWN}, {FWW}),
    "tc04_fabrication_in_interview.toml": ({FWW}, set()),
    "tc05_conviction_unsolicited_image.toml": ({FWW}, set()),
    "tc06_destroying_evidence.toml": ({DWN}, {FWW, "reduction_in_rank"}),
    "tc07_probationers_shared_graphic.toml": ({FWW}, set()),
    "tc08_sexual_image_to_colleague.toml": ({DWN}, {FWW}),
    "tc09_lied_about_sick_leave.toml": ({FWW}, set()),
    "tc10_language_in_custody.toml": ({WW}, {DWN}),
    "tc11_final_warning_in_force.toml": ({DWN}, {WW, FWW}),
    "tc12_indictable_only_conviction.toml": ({DWN}, {FWW}),
}


def test_every_example_has_an_expectation() -> None:
    assert {p.name for p in EXAMPLES.glob("*.toml")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_indication_matches_the_worked_case(name: str) -> None:
    must, must_not = EXPECTED[name]
    indicated = {o.value for o in assess(load_facts(EXAMPLES / name)).indicated}
    assert must <= indicated
    assert not (must_not & indicated)
