"""A force is not an officer named without a rank (the twenty-seventh round's guard in
``officers._find_officers``): a force's name, or the county it is named after, read where the text
could name an officer without a rank is left out; an officer printed with a rank, or with a first
name, whose surname is also a place or a force's county is still read. Every text is invented for
the test; none is a page's."""

from __future__ import annotations

from misconduct.ingest.officers import find_officers
from tests.ingest.reading import one_record


def _officers(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(o.label, o.rank, o.name) for o in find_officers(text)]


# --- the guard fires -----------------------------------------------------------------------------


def test_a_force_found_to_have_breached_its_own_rules_is_not_a_second_officer() -> None:
    # "found that X had breached" names officers without a rank; here X is the force itself
    text = (
        "A misconduct panel found that PC Jo Pelham had lied about a crash in a police car. The "
        "panel also found that Durham Constabulary had breached its own vetting rules when it "
        "took him on. PC Pelham was dismissed without notice."
    )
    assert _officers(text) == [("PC Jo Pelham", "constable", "Jo Pelham")]
    rec = one_record(text)
    assert (rec.label, rec.value("force"), rec.value("outcome")) == (
        "PC Jo Pelham",
        "durham",
        "dismissal_without_notice",
    )


def test_a_force_printed_as_its_county_and_police_is_not_an_officer_called_by_the_county() -> None:
    # "Kent Police" loses "Police" as a name's last word: what is left, "Kent", is the county a
    # force is named after, not an officer's surname
    text = (
        "Sergeant Amy Royle was given a final written warning for misusing a police computer. The "
        "hearing found that Kent Police had committed no fault in how it handled her vetting."
    )
    assert _officers(text) == [("Sergeant Amy Royle", "sergeant", "Amy Royle")]
    assert one_record(text).label == "Sergeant Amy Royle"


def test_a_list_of_officers_named_without_ranks_leaves_out_a_force_in_it() -> None:
    text = (
        "Two of the officers, Cleveland Police and Sam Tarrant, were dismissed without notice "
        "after the hearing found they had lied."
    )
    assert _officers(text) == [("Sam Tarrant", None, "Sam Tarrant")]


# --- officers whose surname is also a place are still read ---------------------------------------


def test_a_constable_whose_surname_is_the_force_s_county_is_read() -> None:
    text = (
        "PC Sam Durham, of Durham Constabulary, was dismissed without notice after a gross "
        "misconduct hearing found he had lied to a court. PC Durham did not attend the hearing."
    )
    assert _officers(text) == [("PC Sam Durham", "constable", "Sam Durham")]
    rec = one_record(text)
    assert (rec.name, rec.value("rank"), rec.value("force"), rec.value("outcome")) == (
        "Sam Durham",
        "constable",
        "durham",
        "dismissal_without_notice",
    )


def test_a_sergeant_named_after_a_county_and_the_force_found_at_fault_are_told_apart() -> None:
    # the guard and the officer in one text: the force found to have breached is left out, the
    # sergeant of the same surname is read, with her rank
    text = (
        "A panel found that Sergeant Lee Lancashire had breached the Standards of Professional "
        "Behaviour relating to honesty and integrity. It also found that Lancashire Constabulary "
        "had breached its own rules on vetting. Sergeant Lancashire was given a final written "
        "warning."
    )
    assert _officers(text) == [("Sergeant Lee Lancashire", "sergeant", "Lee Lancashire")]
    rec = one_record(text)
    assert (rec.value("rank"), rec.value("outcome")) == ("sergeant", "final_written_warning")


def test_an_officer_named_without_a_rank_whose_surname_is_a_county_is_read() -> None:
    # the guard asks whether the whole name is a force: a first name before the county keeps it a
    # person's name
    text = (
        "Jo Kent, 34, of Kent Police, was dismissed without notice after a misconduct hearing "
        "found she had lied on a vetting form."
    )
    assert _officers(text) == [("Jo Kent", None, "Jo Kent")]
    assert one_record(text).name == "Jo Kent"
