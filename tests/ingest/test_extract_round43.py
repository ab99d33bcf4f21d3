"""Rules of the forty-third round (2/12/2026, issue 15), written against misses of the third set
of invented pages (eval/invented/multi2, development since it was scored once at c71b156). Every
text is invented for the test."""

from __future__ import annotations

from misconduct.ingest import extract


def test_gross_misconduct_not_proven_then_misconduct_and_a_warning() -> None:
    """ "It found that PC B's conduct did not amount to misconduct, and he was cleared. In PC A's
    case, the panel found gross misconduct not proven. It did find that his failure ... amounted to
    misconduct, and it imposed a written warning.": A was warned, not cleared; B was cleared. A
    clearing in another paragraph, before a paragraph of national figures, still clears."""
    text = (
        "Our team represented two constables of Hampshire and Isle of Wight Constabulary, PC A and "
        "PC B, at a misconduct hearing in February 2025.\n\n"
        "The panel found that PC B's conduct did not amount to misconduct, and he was cleared.\n\n"
        "In PC A's case, the panel found gross misconduct not proven. It did find that his failure "
        "to complete a risk assessment amounted to misconduct, and it imposed a written warning."
    )
    records = {r.label: r.value("outcome") for r in extract(text).records}
    assert records == {"PC A": "written_warning", "PC B": "no_further_action"}
    text = (
        "PC Aaron Nunn of City of London Police was dismissed without notice at a hearing on 16 "
        "May 2025.\n\nA second officer, PC Hannah Asp, was cleared. The panel accepted she had "
        "left the group.\n\nHome Office figures showed 549 officers left the police service "
        "following dismissal in the year to March 2024."
    )
    records = {r.name: r.value("outcome") for r in extract(text).records}
    assert records == {"Aaron Nunn": "dismissal_without_notice", "Hannah Asp": "no_further_action"}


def test_a_former_officers_lesser_outcome_told_after_the_condition() -> None:
    """ "PC Rob Utt retired in June 2025; the panel said that had he still been serving, he would
    have received a final written warning": no further action, not the headline's final written
    warning (another officer's)."""
    text = (
        "Dorset officer given final written warning after pursuit crash\n\n"
        "The panel found that PC Liam Coss breached the standards and that this amounted to gross "
        "misconduct. He was given a final written warning.\n\n"
        "PC Rob Utt, his operator, was found to have breached Honesty and Integrity. The panel "
        "found this amounted to gross misconduct. PC Utt retired in June 2025; the panel said that "
        "had he still been serving, he would have received a final written warning."
    )
    records = {r.name: r.value("outcome") for r in extract(text).records}
    assert records == {"Liam Coss": "final_written_warning", "Rob Utt": "no_further_action"}


def test_the_subject_of_a_sentence_that_names_another_keeps_the_sentences_after() -> None:
    """ "A third officer, Sergeant Martin Hisl, was accused of failing to challenge the account PC
    Venn later gave. The panel found that allegation not proven and he was cleared.": the clearing
    is the sergeant's, not the headline's sacking."""
    text = (
        "Met officer sacked for lying about a stop and search\n\n"
        "PC Callum Venn was dismissed without notice at the end of a five-day hearing.\n\n"
        "His colleague, PC Nadia Pilb, was found to have committed misconduct. She was given a "
        "written warning.\n\n"
        "A third officer, Sergeant Martin Hisl, was accused of failing to challenge the account PC "
        "Venn later gave. The panel found that allegation not proven and he was cleared."
    )
    records = {r.name: r.value("outcome") for r in extract(text).records}
    assert records == {
        "Callum Venn": "dismissal_without_notice",
        "Nadia Pilb": "written_warning",
        "Martin Hisl": "no_further_action",
    }
