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


QUARTER = (
    "Cambridgeshire Constabulary\nMisconduct hearings and meetings - outcomes, January to March "
    "2025\n\n"
    "Officer: Police Constable (Peterborough)\nProceedings: Misconduct hearing, 11/02/2025\n"
    "Standards: Honesty and Integrity\nFinding: Gross misconduct\nOutcome: Dismissal without notice\n\n"
    "Officer: Member of police staff (Control Room)\nProceedings: Gross misconduct hearing, "
    "12/02/2025\nOutcome: Dismissed without notice\n\n"
    "Officer: Detective Constable (Huntingdon)\nProceedings: Misconduct meeting\n"
    "Standards: Duties and Responsibilities\nFinding: Misconduct\nOutcome: Written warning\n\n"
    "Officer: Special Constable (Ely)\nProceedings: Misconduct hearing, 20/03/2025\n"
    "Standards: Use of Force\nFinding: Not proven\nOutcome: No further action\n"
)


def test_a_page_of_labelled_blocks_gives_one_officer_a_block() -> None:
    """A force's quarter of outcomes printed one labelled block a case: one record an officer's
    block, with its own rank, forum, finding, Standards, outcome and date (none for a block that
    prints none); the block about police staff gives none."""
    records = extract(QUARTER).records
    assert [r.value("rank") for r in records] == ["constable", "constable", "special_constable"]
    assert [r.value("outcome") for r in records] == [
        "dismissal_without_notice",
        "written_warning",
        "no_further_action",
    ]
    assert [r.value("forum") for r in records] == [
        "misconduct_hearing",
        "misconduct_meeting",
        "misconduct_hearing",
    ]
    assert [r.value("finding") for r in records] == [
        "gross_misconduct",
        "misconduct",
        "no_misconduct",
    ]
    assert [r.value("hearing_date") for r in records] == ["2025-02-11", None, "2025-03-20"]
    assert records[1].value("standards") == ["duties_and_responsibilities"]


def test_a_list_of_cases_with_one_officer_among_staff_is_not_refused() -> None:
    """A month's outcomes naming police staff first and then one constable: not refused as a text
    about police staff; the constable's block is the one record, named."""
    text = (
        "Misconduct outcomes - February 2025\n\nSuffolk Constabulary publishes its outcomes.\n\n"
        "Case 1\nSubject: Member of police staff (Control Room)\nProceedings: Gross misconduct "
        "hearing, 4 February 2025\nOutcome: Dismissed without notice.\n\n"
        "Case 2\nSubject: Police Community Support Officer, Ipswich\nProceedings: Misconduct "
        "meeting, 11 February 2025\nOutcome: Written warning.\n\n"
        "Case 3\nSubject: PC Megan Royle, Lowestoft\nProceedings: Misconduct meeting, 18 February "
        "2025\nStandards breached: Confidentiality\nFinding: Misconduct\nOutcome: Final written "
        "warning (two years)\n"
    )
    ex = extract(text)
    assert ex.refused is None
    (rec,) = ex.records
    assert rec.name == "Megan Royle"
    assert (rec.value("outcome"), rec.value("hearing_date")) == (
        "final_written_warning",
        "2025-02-18",
    )


def test_a_list_of_cases_each_naming_or_describing_its_officer() -> None:
    """A force's round-up whose items each tell one officer's case, named or not: one record an
    item, each with its own outcome and its own date (none for an item that prints none)."""
    text = (
        "Essex Police: misconduct outcomes, April to June 2025\n\n"
        "Summaries of four recent cases follow.\n\n"
        "- Special Constable Aaron Fen (Colchester). Accelerated misconduct hearing, 08/07/2025. "
        "SC Fen had been convicted of drink-driving on 19 May 2025. Outcome: dismissed without "
        "notice.\n\n"
        "- A detective constable based in Chelmsford (not named). Misconduct meeting. A breach of "
        "Confidentiality amounting to misconduct. Outcome: written warning.\n\n"
        "- Former PC Stuart Low (Basildon), who resigned in January 2025. Misconduct hearing, "
        "02/06/2025. Outcome: he would have been dismissed had he still been serving.\n\n"
        "- Police Sergeant Helen Quar (Southend). Misconduct hearing, 24/06/2025. The panel found "
        "the allegation not proven. Outcome: no further action.\n"
    )
    records = extract(text).records
    assert [r.value("outcome") for r in records] == [
        "dismissal_without_notice",
        "written_warning",
        "would_have_been_dismissed",
        "no_further_action",
    ]
    assert [r.name and r.name.split()[-1] for r in records] == ["Fen", None, "Low", "Quar"]
    assert [r.value("hearing_date") for r in records] == [
        "2025-07-08",
        None,
        "2025-06-02",
        "2025-06-24",
    ]
