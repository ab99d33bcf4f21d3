"""Errors as a person reads them: labels for ids, British dates, no command-line options."""

from __future__ import annotations

import doctest

from misconduct.app import plain as plain_module
from misconduct.app.plain import plain, plain_text
from misconduct.errors import InvalidInput, RuleViolation


def test_the_module_examples_hold() -> None:
    assert doctest.testmod(plain_module).failed == 0


def test_an_invalid_value_names_the_field_by_its_label_and_says_what_was_received() -> None:
    err = plain(InvalidInput("warning_months", "a whole number of months", "abc"))
    assert err.message == (
        "Final written warning period: expected a whole number of months, but received “abc”."
    )
    assert err.field == "warning_months"  # the machine id stays beside the sentence


def test_a_refusal_loses_its_cli_options_snake_case_and_iso_dates() -> None:
    err = plain(
        RuleViolation(
            "final_written_warning departs from the indicated outcomes "
            "(dismissal_without_notice); a departure needs recorded reasons (give --reasons) "
            "from 2025-05-28",
            citation="College of Policing",
            field="reasons",
        )
    )
    assert "--" not in err.message and "_" not in err.message
    assert "28/05/2025" in err.message and "give your reasons" in err.message


def test_repeated_words_and_articles_read_naturally() -> None:
    assert plain_text("the chair chair was not a accelerated_misconduct_hearing") == (
        "The chair was not an accelerated misconduct hearing"
    )
    assert "say which exception makes it a hearing" in plain_text(
        "misconduct goes to a meeting unless an exception applies; record the hearing_exception"
    )
