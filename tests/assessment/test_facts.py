from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from misconduct.assessment.facts import load_facts, parse_facts
from misconduct.errors import InvalidInput, NotModelled
from tests.assessment.builders import facts_doc

EXAMPLES = Path(__file__).parents[2] / "examples"


def _field_of(doc: dict[str, Any]) -> str | None:
    with pytest.raises(InvalidInput) as err:
        parse_facts(doc)
    assert err.value.expected
    return err.value.field


def test_an_unknown_top_level_key_is_named() -> None:
    doc = facts_doc()
    doc["colour"] = "blue"
    assert _field_of(doc) == "colour"


def test_an_unknown_key_in_a_table_is_named_with_its_table() -> None:
    assert (
        _field_of(facts_doc(officer={"rank": "constable", "shoe_size": 9})) == "officer.shoe_size"
    )


def test_an_unknown_factor_id_is_named_with_its_position() -> None:
    assert _field_of(facts_doc(["not_a_factor"])) == "factors[0].id"


def test_a_personal_mitigation_factor_in_the_factors_list_is_refused() -> None:
    with pytest.raises(InvalidInput, match="personal mitigation factor"):
        parse_facts(facts_doc(["remorse_and_apology"]))


def test_a_conduct_end_before_its_start_is_refused() -> None:
    doc = facts_doc(allegation={"conduct_to": date(2023, 1, 1)})
    assert _field_of(doc) == "allegation.conduct_to"


def test_a_hearing_before_the_severity_assessment_is_refused() -> None:
    doc = facts_doc(proceedings={"hearing_on": date(2025, 2, 1)})
    assert _field_of(doc) == "proceedings.hearing_on"


def _canonical_refused(tmp_path: Path, old: str, new: str) -> InvalidInput:
    """The canonical example with one edit; the error it is refused with."""
    text = (EXAMPLES / "canonical_case.toml").read_text()
    assert old in text
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace(old, new))
    with pytest.raises(InvalidInput) as err:
        load_facts(bad)
    return err.value


def test_an_impossible_date_in_a_file_is_refused_naming_the_field(tmp_path: Path) -> None:
    err = _canonical_refused(tmp_path, "hearing_on = 2025-07-01", 'hearing_on = "2023-02-31"')
    assert err.field == "proceedings.hearing_on"


def test_a_file_that_is_not_toml_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[officer\n")
    with pytest.raises(InvalidInput, match="TOML"):
        load_facts(bad)


def test_an_unknown_standard_is_refused() -> None:
    assert _field_of(facts_doc(allegation={"standards": ["kindness"]})) == "allegation.standards"


def test_a_finding_of_no_misconduct_is_outside_the_engine() -> None:
    assert _field_of(facts_doc(proceedings={"finding": "no_misconduct"})) == "proceedings.finding"


def test_an_allegation_before_the_standards_are_modelled_is_not_modelled() -> None:
    doc = facts_doc(
        allegation={
            "came_to_attention": date(2005, 1, 1),
            "conduct_from": date(2004, 1, 1),
            "conduct_to": date(2004, 2, 1),
        },
        proceedings={"severity_assessment_on": date(2005, 2, 1), "hearing_on": date(2005, 3, 1)},
    )
    with pytest.raises(NotModelled):
        parse_facts(doc)


def test_every_example_file_loads() -> None:
    files = sorted(EXAMPLES.glob("*.toml"))
    assert files
    for path in files:
        assert load_facts(path).allegation.summary


def test_an_impossible_unquoted_toml_date_is_refused_naming_the_field(tmp_path: Path) -> None:
    # tomllib rejects 2023-02-31 before the facts are read; the error still names the field.
    err = _canonical_refused(
        tmp_path, "came_to_attention = 2025-02-01", "came_to_attention = 2023-02-31"
    )
    assert err.field == "allegation.came_to_attention"
    assert err.received == "2023-02-31"


def test_an_impossible_date_in_an_array_of_tables_names_its_position(tmp_path: Path) -> None:
    warning = "\n[[officer.warnings]]\nkind = 'written_warning'\nnotified_on = 2024-13-01\n"
    err = _canonical_refused(tmp_path, "[allegation]", warning + "\n[allegation]")
    assert err.field == "officer.warnings[0].notified_on"


def test_a_toml_syntax_error_off_any_field_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[officer\nrank = 'constable'\n")
    with pytest.raises(InvalidInput) as err:
        load_facts(bad)
    assert err.value.field == "FILE"
