"""Rules of the forty-fourth round (2/12/2026, issue 15), written against misses of held-out 22 to
36 (development since each was measured once) whose texts were fetched again on a new machine.
Every text is invented for the test."""

from __future__ import annotations

from misconduct.ingest import extract
from misconduct.ingest.outcomes import find_outcomes


def test_one_officers_headline_sacking_is_not_given_to_the_others_disciplined() -> None:
    """ "Constable sacked after ignoring call for help ... A constable has been sacked and two
    others disciplined ...": the named constable's own words give the dismissal; the two others
    are not sacked (the text gives them no outcome), and their outcome is left for review."""
    text = (
        "Constable sacked after ignoring call for help\n\n"
        "A constable has been sacked and two others disciplined after they drove past a fight in "
        "Bootle last May.\n\n"
        "A Merseyside Police panel found that PC Dan Orrell committed gross misconduct, and that "
        "PC Sue Keel and PC Ali Brand committed misconduct.\n\n"
        "PC Orrell was dismissed without notice."
    )
    records = {r.name: r for r in extract(text).records}
    assert records["Dan Orrell"].value("outcome") == "dismissal_without_notice"
    for name in ("Sue Keel", "Ali Brand"):
        outcome = records[name].fields["outcome"]
        assert outcome.value is None
        assert outcome.confidence < 0.5  # a person confirms it
    # where no other officer's own words give that outcome, the sentence is still read for them
    alone = (
        "Two Merseyside officers sacked\n\nA constable has been sacked after a hearing found that "
        "PC Dan Orrell and PC Sue Keel committed gross misconduct. Both were dismissed without "
        "notice."
    )
    assert {r.value("outcome") for r in extract(alone).records} == {"dismissal_without_notice"}


def test_the_officers_reported_on_are_those_who_faced_proceedings() -> None:
    """ "Four officers attended the call ... We decided one officer should face a misconduct
    meeting ...": one record, not four; where no later sentence says fewer faced proceedings, the
    opening's count still gives one record each."""
    text = (
        "Arrest of a man in Digbeth - West Midlands Police, June 2023\n\n"
        "On 4 June 2023, four police officers attended a call in Digbeth. One officer restrained a "
        "man on the ground.\n\n"
        "We investigated and decided one officer should face a misconduct meeting, held in March "
        "2024. The allegation of excessive force was proven and the officer was given a written "
        "warning."
    )
    (record,) = extract(text).records
    assert record.value("outcome") == "written_warning"
    counted = (
        "Four West Midlands Police officers have been given written warnings at a misconduct "
        "meeting held in March 2024 after a man was restrained in Digbeth."
    )
    assert len(extract(counted).records) == 4


def test_an_acting_rank_gives_way_to_the_rank_the_text_names_the_officer_with() -> None:
    """ "acting sergeant Tom Vane ... PC Vane": a constable (an acting rank is not recorded); an
    officer only ever named with an acting rank keeps it."""
    text = (
        "A Cleveland Police misconduct hearing found that acting sergeant Tom Vane used excessive "
        "force on a man in Redcar. PC Vane was dismissed without notice."
    )
    (record,) = extract(text).records
    assert record.value("rank") == "constable"
    alone = (
        "A Cleveland Police misconduct hearing found that acting sergeant Tom Vane used excessive "
        "force on a man in Redcar. He was dismissed without notice."
    )
    assert extract(alone).records[0].value("rank") == "sergeant"


def test_officers_the_text_names_so_are_its_officers_though_they_speak() -> None:
    """ "the officers - who have been named only as PC Dunn-Reilly and PC Okafor - said ...": two
    constables, named; not the sergeant who questioned them."""
    text = (
        "Two police officers who lied about a missed arrest have been sacked.\n\n"
        "The Greater Manchester Police constables let a wanted man leave a flat in Wigan. Asked "
        "about it, the officers - who have been named only as PC Dunn-Reilly and PC Okafor - said "
        "the man had been his cousin.\n\n"
        "When a sergeant questioned Dunn-Reilly and Okafor a week later both kept to their story. "
        "Both were dismissed following a gross misconduct hearing."
    )
    records = extract(text).records
    assert sorted((r.name, r.value("rank"), r.value("anonymised")) for r in records) == [
        ("Dunn-Reilly", "constable", False),
        ("Okafor", "constable", False),
    ]
    assert {r.value("outcome") for r in records} == {"dismissal_without_notice"}


def test_a_special_police_sergeant_and_a_dotted_pc_are_ranks() -> None:
    """ "SPS Ian Rhys" is a special constable (the rank vocabulary's one special rank); "P.C. Ann
    Hale" a constable."""
    text = (
        "A former special police sergeant (SPS) with Gwent Police would have been dismissed for "
        "gross misconduct, a panel has concluded. SPS Ian Rhys sent messages to a woman he had "
        "fined."
    )
    (record,) = extract(text).records
    assert (record.name, record.value("rank"), record.value("anonymised")) == (
        "Ian Rhys",
        "special_constable",
        False,
    )
    dotted = (
        "A Kent Police misconduct hearing found gross misconduct proven. P.C. Ann Hale received "
        "a final written warning."
    )
    assert extract(dotted).records[0].value("rank") == "constable"


def test_a_person_named_in_full_whose_result_the_next_sentence_tells_by_a_pronoun() -> None:
    """ "Tom Farrow kicked a prisoner ... Mr Farrow resigned in May. A misconduct panel ruled that
    he would have been dismissed, following a hearing at West Yorkshire Police's headquarters": the
    officer is named (not anonymised)."""
    text = (
        "A former West Yorkshire police officer who kicked a prisoner has been found guilty of "
        "gross misconduct.\n\n"
        "Tom Farrow kicked the man in a cell in Bradford on 3 March 2024.\n\n"
        "Mr Farrow resigned from the force in May.\n\n"
        "A misconduct panel ruled on Friday that he would have been dismissed, following a "
        "hearing at West Yorkshire Police's headquarters in Wakefield."
    )
    (record,) = extract(text).records
    assert (record.name, record.value("anonymised")) == ("Tom Farrow", False)
    assert record.value("outcome") == "would_have_been_dismissed"


def test_officers_counted_by_a_rank_no_named_officer_holds_take_the_counted_outcome() -> None:
    """ "Two constables given written warnings ... Sergeant Rob Tighe ... was given a final written
    warning": the two constables, not named, have written warnings; the sergeant his own."""
    text = (
        "Two constables given written warnings after prisoner fell\n\n"
        "Two police constables have been given written warnings and a custody sergeant a final "
        "written warning after a man fell in Hanley custody in 2023.\n\n"
        "Sergeant Rob Tighe faced a Staffordshire Police misconduct hearing in June 2024. A panel "
        "found gross misconduct and he was given a final written warning.\n\n"
        "The two constables, who were not named, attended a misconduct meeting and each was given "
        "a written warning."
    )
    records = extract(text).records
    assert sorted((r.name or "", r.value("outcome")) for r in records) == [
        ("", "written_warning"),
        ("", "written_warning"),
        ("Rob Tighe", "final_written_warning"),
    ]


def test_a_sentence_about_them_all_after_one_naming_several_is_each_ones() -> None:
    """ "PC A and PC B faced a misconduct hearing ... It was alleged that ... the Taser, fired once
    by PC A, ... and that PC B ... The panel found all of the allegations not proven.": both
    cleared (no further action), not given the sergeant's management advice, and "fired once" is a
    Taser, not a sacking."""
    text = (
        "Sergeant given management advice after Taser was used on man in Consett\n\n"
        "Two Durham Constabulary officers have been cleared of gross misconduct.\n\n"
        "PC Ray Kell and PC Jo Amis faced a misconduct hearing in March 2023. It was alleged that "
        "the Taser, fired once by PC Kell, was not necessary, and that PC Amis gave no first aid."
        "\n\nThe panel found all of the allegations not proven.\n\n"
        "Their sergeant, Sergeant Lee Pask, received management advice at a misconduct meeting."
    )
    records = {r.name: r.value("outcome") for r in extract(text).records}
    assert find_outcomes("the Taser, fired once by PC Kell, was not necessary") == []
    assert records == {
        "Ray Kell": "no_further_action",
        "Jo Amis": "no_further_action",
        "Lee Pask": "management_advice",
    }


def test_that_allegation_not_proven_and_a_sanction_spoken_of_in_general() -> None:
    """ "The panel found that allegation not proven" clears the officer it follows; "Reduction in
    rank has been available as a sanction since 2020" gives no one a reduction in rank."""
    text = (
        "Inspector demoted over leaked questions\n\n"
        "Chief Inspector Sam Orde was found to have committed gross misconduct at a Cleveland "
        "Police hearing. He was reduced to the rank of inspector.\n\n"
        "The hearing also considered an allegation against Superintendent Kim Vell, who sat on the "
        "board. The panel found that allegation not proven.\n\n"
        "Reduction in rank has been available as a sanction at misconduct hearings since 2020."
    )
    records = {r.name: r.value("outcome") for r in extract(text).records}
    assert records == {"Sam Orde": "reduction_in_rank", "Kim Vell": "no_further_action"}
