"""Rules of the twenty-sixth round (1/12/2026, issue 15), written against the misses of a user
trial of the register (notices invented for it, most of them hard-wrapped as a PDF's or a plain
text notice's lines are) and of the development sets. Every text is invented for the test; none
is a page's."""

from __future__ import annotations

from misconduct.ingest import extract
from misconduct.ingest.text import unwrap
from tests.ingest.reading import one_record

_one = one_record

# --- Hard-wrapped lines -------------------------------------------------------------------------

_WRAPPED = (
    "Kent Police - Misconduct hearing outcome\n\n"
    "Officer: PC Daniel Harlow\n"
    "Date of hearing: 14 March 2024\n\n"
    "A misconduct hearing chaired by Ms Rebecca Thornton, a legally qualified chair, found that PC Daniel\n"
    "Harlow breached the Standards of Professional Behaviour in respect of authority, respect and\n"
    "courtesy, and discreditable conduct, which amounted to gross misconduct. He was dismissed without\n"
    "notice and will be placed on the barred list.\n"
)


def test_a_hard_wrapped_notice_reads_as_its_sentences_do() -> None:
    ex = extract(_WRAPPED)
    # one officer (not "PC Daniel" and "Harlow" on two lines), both Standards of the wrapped list
    assert [r.label for r in ex.records] == ["PC Daniel Harlow"]
    rec = ex.records[0]
    assert rec.value("standards") == ["authority_respect_and_courtesy", "discreditable_conduct"]
    assert rec.value("outcome") == "dismissal_without_notice"
    assert rec.value("hearing_date") == "2024-03-14"
    # offsets are kept: the evidence is found where the original text has it
    ev = rec.fields["outcome"].evidence
    assert _WRAPPED[ev.start : ev.end] == ev.text == "dismissed without\nnotice"


def test_unwrap_keeps_labels_headlines_and_a_paragraph_a_line() -> None:
    assert unwrap(_WRAPPED).count("\n") == _WRAPPED.count("\n") - 3
    assert "Officer: PC Daniel Harlow\nDate of hearing" in unwrap(_WRAPPED)
    # a news excerpt, a paragraph a line under its headline, is left as it is
    excerpt = (
        "Sussex officer dismissed after lying about a crash on his way to work\n"
        + "A Sussex Police constable who lied to colleagues about how his car was damaged has been "
        "dismissed without notice after a misconduct hearing found he had breached the Standards "
        "of Professional Behaviour for honesty and integrity.\n" * 3
    )
    assert unwrap(excerpt) == excerpt
