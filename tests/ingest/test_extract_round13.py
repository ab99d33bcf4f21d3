"""Rules of the thirteenth round (30/11/2026, issue 15), written against held-out 11's misses after
its one measurement. Texts are written for the test."""

from __future__ import annotations

from misconduct.ingest import extract
from misconduct.ingest.model import OfficerRecord


def _only(text: str) -> OfficerRecord:
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 1
    return ex.records[0]


def test_a_sanction_the_officer_requested_is_not_the_one_given() -> None:
    text = (
        "PC Ada Moss of Essex Police swore at a member of the public. At the misconduct hearing "
        "she asked the chair for leniency and requested the panel for a final written warning. "
        "The panel found gross misconduct and PC Moss was dismissed without notice.\n"
    )
    assert _only(text).value("outcome") == "dismissal_without_notice"


def test_a_sanction_argued_for_successfully_is_the_one_given() -> None:
    text = (
        "Police constable Tom Reed of Kent Police admitted a breach of professional standards at "
        "a disciplinary hearing about a message he posted, but his solicitor successfully argued "
        "that he should receive a written warning, and he keeps his job.\n"
    )
    assert _only(text).value("outcome") == "written_warning"
