"""Rules of the forty-first round (2/12/2026, issue 15), written against misses of held-out 35
(development since its one measurement at cadeba6). Every text is invented for the test; none is
a page's."""

from __future__ import annotations

from misconduct.ingest import extract

TWO_FORCES = (
    "A serving British Transport Police (BTP) officer has been dismissed without notice after "
    "assaulting a colleague on a train.\n\n"
    "Police Sergeant Tom Drake had then followed the woman along the platform.\n"
    "PS Drake was convicted of assault at a crown court in 2022.\n"
    "At an accelerated misconduct hearing the chief constable found that his actions amounted to "
    "gross misconduct and he has been dismissed from the force.\n"
    "Also on Tuesday, a Metropolitan Police Service (MPS) officer was given a final written warning "
    "after a strip search.\n"
    "At the end of a misconduct hearing, a panel found gross misconduct proven for Police Sergeant "
    "Ann Hale. The final written warning will remain valid for four years.\n"
)


def test_another_officer_described_with_a_result_ends_the_first_officers_words() -> None:
    """ "Also on Tuesday, a Metropolitan Police Service (MPS) officer was given a final written
    warning": a sentence about another officer, described and given a result, is not the first
    officer's, who keeps the dismissal and no warning period."""
    drake, hale = extract(TWO_FORCES).records
    assert drake.value("outcome") == "dismissal_without_notice"
    assert drake.value("warning_months") is None
    assert hale.value("outcome") == "final_written_warning"
    assert hale.value("warning_months") == 48


def test_the_force_described_before_the_first_naming_with_its_initials() -> None:
    """ "A serving British Transport Police (BTP) officer has been dismissed ... Police Sergeant Tom
    Drake had then followed ...": the officer first named in a sentence that tells no result is of
    the force the sentence before describes, its initials in brackets after its name; the other
    officer keeps the text's force."""
    drake, hale = extract(TWO_FORCES).records
    assert drake.value("force") == "british_transport_police"
    assert hale.value("force") == "metropolitan"


def test_an_officer_of_another_rank_described_beside_those_named() -> None:
    """ "Two ... constables have been given warnings, and a sergeant has been cleared ... An
    allegation that a police sergeant, who was not named, breached ... was found not proven": a
    third officer, the sergeant, cleared, beside the two constables named."""
    text = (
        "Two West Midlands Police constables have been given warnings, and a sergeant has been "
        "cleared, following an IOPC investigation.\n\nA misconduct hearing concluded on 17 "
        "January 2025. PC Ryan Hale was given a final written warning. PC Nat Gore was given a "
        "written warning.\n\nAn allegation that a police sergeant, who was not named, breached "
        "the standard of Honesty and Integrity was found not proven."
    )
    records = extract(text).records
    assert [(r.value("rank"), r.value("outcome")) for r in records] == [
        ("constable", "final_written_warning"),
        ("constable", "written_warning"),
        ("sergeant", "no_further_action"),
    ]


def test_an_officer_named_with_another_who_both_faced_proceedings() -> None:
    """ "Jo Kinnear, who served as a constable, and Sergeant Moira Dacre both faced proceedings":
    the first, named without a rank before the name, is read beside the sergeant."""
    text = (
        "A former Cumbria police officer would have been dismissed had he not quit the force, a "
        "misconduct panel has ruled.\n\nJo Kinnear, who served as a constable in Carlisle, and "
        "Sergeant Moira Dacre both faced proceedings over the damage to a patrol car.\n\n"
        "Kinnear resigned from Cumbria Constabulary in August 2024. The panel found gross "
        "misconduct and said he would have been dismissed had he still been serving.\n\n"
        "Sgt Dacre's case was dealt with at a misconduct meeting. She was found to have committed "
        "misconduct and was given management advice."
    )
    records = {r.name: r for r in extract(text).records}
    assert records["Jo Kinnear"].value("outcome") == "would_have_been_dismissed"
    assert records["Moira Dacre"].value("outcome") == "management_advice"


def test_a_list_led_in_by_the_ranks_it_then_tells() -> None:
    """ "... considered allegations against a sergeant and three constables: - The sergeant ...
    received a final written warning. - One constable ... received a written warning. - The
    allegations that the other two constables ... were found not proven.": four officers, the
    two an item counts both cleared."""
    text = (
        "Five Merseyside Police officers faced misconduct proceedings after a pursuit.\n\n"
        "A misconduct hearing, which concluded on 17 June 2025, considered allegations against a "
        "sergeant and three constables:\n\n"
        "- The sergeant, who commanded the pursuit, was found to have committed gross misconduct "
        "and he received a final written warning.\n"
        "- One constable, who was driving, was found to have committed misconduct and he received "
        "a written warning.\n"
        "- The allegations that the other two constables failed in their duties were found not "
        "proven.\n\n"
        "A fifth officer retired before the investigation concluded."
    )
    records = extract(text).records
    assert [(r.value("rank"), r.value("outcome")) for r in records] == [
        ("sergeant", "final_written_warning"),
        ("constable", "written_warning"),
        ("constable", "no_further_action"),
        ("constable", "no_further_action"),
    ]


def test_misconduct_rather_than_gross_then_a_warning_in_a_clause_of_its_own() -> None:
    """ "found the breach amounted to misconduct rather than gross misconduct, and he was given a
    written warning": the warning is given, not a comparison."""
    text = (
        "Inspector Graham Cole of Greater Manchester Police was cleared of all wrongdoing at a "
        "misconduct hearing.\n\nA second officer who faced the same hearing, PC Dom Varley, failed "
        "to follow an instruction. The panel found the breach amounted to misconduct rather than "
        "gross misconduct, and he was given a written warning."
    )
    cole, varley = extract(text).records
    assert cole.value("outcome") == "no_further_action"
    assert varley.value("outcome") == "written_warning"


def test_a_colleague_who_resigned_from_the_force_as_a_constable() -> None:
    """ "PC Jake Aitken was dismissed ... His former colleague Kelly Hebb, who resigned from the
    force as a police constable ..., would have been dismissed": two officers, only the second had
    left; "Both Bradford officers" in the headline is no officer."""
    text = (
        "Both Bradford officers guilty of gross misconduct\n\n"
        "PC Jake Aitken was dismissed without notice at the end of the hearing. His former "
        "colleague Kelly Hebb, who resigned from the force as a police constable in December 2023, "
        "was found to have been a party to the theft and would have been dismissed if she were "
        "still serving."
    )
    records = {r.name: r for r in extract(text).records}
    assert set(records) == {"Jake Aitken", "Kelly Hebb"}
    assert records["Jake Aitken"].value("outcome") == "dismissal_without_notice"
    assert records["Kelly Hebb"].value("outcome") == "would_have_been_dismissed"


def test_an_unnamed_officer_of_another_force_in_a_separate_case() -> None:
    """ "In a separate case, a former Cleveland Police constable, who was not named by the force,
    would have been dismissed": a second officer, of Cleveland, beside the Durham constable
    named; the Durham constable keeps his own warning."""
    text = (
        "Durham Constabulary's PC Lewis Stobb was given a final written warning at a misconduct "
        "hearing in Durham on 4 September 2025.\n\nIn a separate case, a former Cleveland Police "
        "constable, who was not named by the force, would have been dismissed had she not already "
        "resigned."
    )
    stobb, other = extract(text).records
    assert (stobb.value("force"), stobb.value("outcome")) == ("durham", "final_written_warning")
    assert (other.value("force"), other.value("outcome"), other.value("status")) == (
        "cleveland",
        "would_have_been_dismissed",
        "former",
    )


def test_a_named_officer_whose_result_the_next_sentence_tells() -> None:
    """ "Acting Sergeant Ben Hart, her supervisor, was told ... but took no action. The panel found
    he had breached ... It gave him a final written warning": the sergeant is an officer of the
    case."""
    text = (
        "A Staffordshire Police officer has been sacked and her acting sergeant given a final "
        "written warning.\n\nPC Sian Dunn was dismissed without notice at a misconduct hearing.\n\n"
        "Acting Sergeant Ben Hart, her supervisor, was told by a colleague that PC Dunn was too "
        "close to the woman but took no action. The panel found he had breached the standard of "
        "Challenging and Reporting Improper Conduct. It gave him a final written warning of two "
        "years."
    )
    records = {r.name: r for r in extract(text).records}
    assert records["Ben Hart"].value("outcome") == "final_written_warning"
    assert records["Sian Dunn"].value("outcome") == "dismissal_without_notice"
