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
