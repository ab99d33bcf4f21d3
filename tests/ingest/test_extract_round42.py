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


def test_a_chair_a_panel_member_and_a_witness_named_with_ranks_are_not_officers() -> None:
    """ "chaired by Superintendent Jane Foley ... Superintendent Foley found that he had breached",
    "Panel members: Superintendent Gareth Moss", "Inspector Claire Dunmore, the duty inspector that
    night, told the hearing": none is an officer of the case."""
    text = (
        "PC Harvey Doyle of Staffordshire Police has been given management advice.\n\n"
        "The meeting was chaired by Superintendent Jane Foley. PC Doyle admitted the allegation. "
        "Superintendent Foley found that he had breached the Standard of Professional Behaviour "
        "relating to Duties and Responsibilities and that the breach amounted to misconduct.\n\n"
        "Panel members: Superintendent Gareth Moss; Mr Peter Lind, independent panel member\n\n"
        "Inspector Claire Dunmore, the duty inspector that night, told the hearing that the "
        "constable had been under pressure."
    )
    (rec,) = extract(text).records
    assert rec.name == "Harvey Doyle"
    assert rec.value("outcome") == "management_advice"


def test_outcomes_told_only_as_what_would_follow_if_proven() -> None:
    """ "for which dismissal would be the likely outcome if proven ... The panel found that the
    allegations were not proven": cleared, not dismissed; "Had the allegation been proven, the
    outcomes available would have included a written warning or a final written warning": neither
    was given."""
    text = (
        "PC Jon Pryce of Northumbria Police has been cleared of all allegations at a gross "
        "misconduct hearing. The force alleged gross misconduct, for which dismissal would be the "
        "likely outcome if proven.\n\nThe panel found that the allegations were not proven."
    )
    (rec,) = extract(text).records
    assert rec.value("outcome") == "no_further_action"
    text = (
        "Misconduct meeting outcome: PC Lauren Tab of Dorset Police\n\nThe chair found that the "
        "allegation of misconduct was not proven and determined that it amounted to practice "
        "requiring improvement. PC Tab has been referred to the Reflective Practice Review "
        "Process.\n\nHad the allegation been proven, the outcomes available at a misconduct "
        "meeting would have included a written warning or a final written warning."
    )
    (rec,) = extract(text).records
    assert rec.value("outcome") == "reflective_practice"


def test_a_lesser_outcome_a_former_officer_would_have_had_is_not_given() -> None:
    """ "Ex-officer would only have received final warning ... had he still been an officer, the
    appropriate outcome would have been a final written warning. Because he has left the service,
    no further action can be taken": no further action (reg 42: a former officer is at most found
    one who would have been dismissed)."""
    text = (
        "Ex-officer would only have received final warning, panel rules\n\n"
        "Former PC Dean Kirk of Lincolnshire Police resigned in March 2024. The panel found gross "
        "misconduct. But the panel concluded that, had he still been an officer, the appropriate "
        "outcome would have been a final written warning. Because he has left the service, no "
        "further action can be taken against him."
    )
    (rec,) = extract(text).records
    assert rec.value("outcome") == "no_further_action"
    assert rec.value("status") == "former"
