"""Rules of the forty-second round (2/12/2026, issue 15), written against misses of held-out 36
(development since its one measurement at aac7ea0). Every text is invented for the test; none is
a page's."""

from __future__ import annotations

from misconduct.ingest import extract

TEXT = (
    "PC who punched a detained man dismissed\n\n"
    "An officer who punched a man he was detaining has been sacked for using excessive force.\n\n"
    "A Durham Constabulary misconduct hearing was told the man was struck by acting sergeant Dan "
    "Reid.\n\n"
    "The independent panel found that the behaviour of PC Reid’s superior officer, now-retired "
    "Sergeant Gary O'Neill, did not amount to misconduct.\n\n"
    "PC Guy Lade, acting for Mr O'Neill, said his client was relieved. Sgt O’Neill was not present "
    "at the hearing."
)


def test_an_officer_named_only_as_anothers_owner_is_not_cleared_with_them() -> None:
    """ "the behaviour of PC Reid's superior officer, Sergeant O'Neill, did not amount to
    misconduct": O'Neill is cleared, not Reid, who keeps the dismissal."""
    records = {r.name: r for r in extract(TEXT).records}
    assert records["Dan Reid"].value("outcome") == "dismissal_without_notice"
    assert records["Gary O'Neill"].value("outcome") == "no_further_action"


def test_a_name_with_an_apostrophe_and_a_representative_are_no_further_officers() -> None:
    """ "Sgt O’Neill" (a curly apostrophe) is Sergeant Gary O'Neill, not an officer "O"; "PC Guy
    Lade, acting for Mr O'Neill" represented an officer and is none of the case's."""
    names = sorted(r.name or r.label for r in extract(TEXT).records)
    assert names == ["Dan Reid", "Gary O'Neill"]
