"""Rules of the fortieth round (2/12/2026, issue 15), written against misses of held-out 34
(development since its one measurement at c3c5552). Every text is invented for the test; none is
a page's."""

from __future__ import annotations

from misconduct.ingest import extract


def test_officers_joined_as_the_subject_of_their_resignation_would_have_been_dismissed() -> None:
    """ "Former Sergeant Jo Bloggs ... Bloggs and his colleague, PC Sam Smith, resigned before the
    hearing ... As a result of their dismissal, both will be added to the barred list": both had
    left, so neither was dismissed; both would have been."""
    text = (
        "Two Essex Police officers have resigned following an investigation into offensive "
        "messages. Former Sergeant Jo Bloggs was also found to have misused a police computer.\n\n"
        "At an accelerated misconduct hearing chaired by the chief constable it was revealed that "
        "Bloggs had shared offensive jokes.\n\n"
        "Although Bloggs and his colleague, PC Sam Smith, resigned before the hearing, they were "
        "found guilty of gross misconduct.\n\n"
        "As a result of their dismissal, both officers will be added to the barred list."
    )
    records = extract(text).records
    assert [r.name for r in records] == ["Jo Bloggs", "Sam Smith"]
    assert [r.value("outcome") for r in records] == ["would_have_been_dismissed"] * 2
    assert [r.value("status") for r in records] == ["former", "former"]


def test_had_the_officer_still_been_an_active_member_of_the_force() -> None:
    """ "had Mr T still been an active member of the police force, dismissal without notice would
    have been the appropriate course": would have been dismissed, not dismissed."""
    text = (
        "A Metropolitan Police officer, identified only as Mr T at his misconduct hearing, used "
        "racist language.\n\nThe panel concluded that had Mr T still been an active member of the "
        "police force, dismissal without notice would have been the appropriate course of action."
    )
    (rec,) = extract(text).records
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.value("status") == "former"


def test_an_officer_let_go_for_gross_misconduct_was_dismissed_to_be_confirmed() -> None:
    """ "The officer was let go for gross misconduct, the misconduct panel said": a dismissal,
    not a text refused as stating no outcome, and below the review threshold."""
    text = (
        "A West Yorkshire Police officer viewed body-worn video of a murder scene without a "
        "policing purpose.\n\nA report shows the officer was let go for gross misconduct, the "
        "misconduct panel said."
    )
    ex = extract(text)
    assert ex.refused is None
    (rec,) = ex.records
    assert rec.value("outcome") == "dismissal_without_notice"
    assert rec.fields["outcome"].confidence < 0.8


def test_one_officer_dismissed_and_another_who_retired_are_not_joined() -> None:
    """ "PC Hall was dismissed and PC Dean, who retired in 2022, would have been dismissed": only
    Dean had left; Hall, named before a verb, is not joined to him."""
    text = (
        "The allegations against two Lincolnshire Police officers, PC Sam Hall and PC Ian Dean, "
        "were found proven at a gross misconduct hearing. PC Hall was dismissed and PC Dean, who "
        "retired in 2022, would have been dismissed had he still been serving."
    )
    hall, dean = extract(text).records
    assert hall.value("outcome") == "dismissal_without_notice"
    assert dean.value("outcome") == "would_have_been_dismissed"


def test_an_officer_whose_sentence_tells_only_a_lesser_outcome_is_read() -> None:
    """ "PC Adam Ash was dismissed without notice. PS Beth Cole was given a final written warning. A
    third officer, PC Carl Dunn, received management advice.": three officers; before, the third,
    whose sentence told only management advice, was not read; so too one who was cleared."""
    text = (
        "Three Greater Manchester Police officers have been disciplined following an IOPC "
        "investigation.\n\nPC Adam Ash was dismissed without notice. PS Beth Cole was given a "
        "final written warning. A third officer, PC Carl Dunn, received management advice."
    )
    records = extract(text).records
    assert [(r.name, r.value("outcome")) for r in records] == [
        ("Adam Ash", "dismissal_without_notice"),
        ("Beth Cole", "final_written_warning"),
        ("Carl Dunn", "management_advice"),
    ]
    text = "PC Adam Ash was dismissed without notice by Kent Police. PC Tom Dunn was cleared."
    ash, dunn = extract(text).records
    assert ash.value("outcome") == "dismissal_without_notice"
    assert dunn.name == "Tom Dunn"
    assert dunn.value("outcome") == "no_further_action"


def test_a_count_cleared_without_a_noun() -> None:
    """ "three were dismissed and two were cleared": five officers, two of them cleared."""
    text = (
        "Of the five Wiltshire Police officers who faced the misconduct hearing, three were "
        "dismissed and two were cleared."
    )
    records = extract(text).records
    assert sorted(r.value("outcome") for r in records) == [
        "dismissal_without_notice",
        "dismissal_without_notice",
        "dismissal_without_notice",
        "no_further_action",
        "no_further_action",
    ]


def test_officers_counted_and_told_apart_by_rank() -> None:
    """ "Two ... officers ... a panel found that a sergeant had committed gross misconduct ... He
    was given a final written warning. A constable was found to have committed misconduct ... and
    was given a written warning": two officers, each with their own finding and outcome."""
    text = (
        "Two Hertfordshire Constabulary officers have faced disciplinary proceedings following an "
        "IOPC investigation.\n\nAt a misconduct hearing which concluded on 22 May 2024, a panel "
        "found that a sergeant had committed gross misconduct by using excessive force. He was "
        "given a final written warning. A constable was found to have committed misconduct for "
        "failing to challenge the force used and was given a written warning."
    )
    sergeant, constable = extract(text).records
    assert (sergeant.value("rank"), sergeant.value("finding"), sergeant.value("outcome")) == (
        "sergeant",
        "gross_misconduct",
        "final_written_warning",
    )
    assert (constable.value("rank"), constable.value("finding"), constable.value("outcome")) == (
        "constable",
        "misconduct",
        "written_warning",
    )


def test_a_day_opening_the_sentence_of_the_one_who_held_the_hearing() -> None:
    """ "On 14 February 2025, the Chief Constable of Derbyshire Constabulary held an accelerated
    misconduct hearing in respect of a constable who had been convicted of a criminal offence":
    the hearing's date, though the sentence also tells of a conviction."""
    text = (
        "Accelerated misconduct hearing\n\nOn 14 February 2025, the Chief Constable of Derbyshire "
        "Constabulary held an accelerated misconduct hearing in respect of a police constable who "
        "had been convicted of a criminal offence. The officer was dismissed without notice."
    )
    (rec,) = extract(text).records
    assert rec.value("hearing_date") == "2025-02-14"
    assert rec.value("forum") == "accelerated_misconduct_hearing"


def test_an_expedited_hearing_is_accelerated() -> None:
    """ "an expedited misconduct hearing": the accelerated hearing, as "fast-track" is."""
    text = (
        "A former Norfolk Police officer would have been dismissed, an expedited misconduct "
        "hearing has found."
    )
    (rec,) = extract(text).records
    assert rec.value("forum") == "accelerated_misconduct_hearing"


def test_the_standard_of_honesty_is_honesty_and_integrity() -> None:
    """ "breaching the standard of honesty": the Standard of Honesty and Integrity, its name
    shortened, as "honesty standards" already was."""
    text = (
        "PC Jo Bloggs of Kent Police was dismissed for gross misconduct after lying to his "
        "supervisors, breaching the standard of honesty."
    )
    (rec,) = extract(text).records
    assert rec.value("standards") == ["honesty_and_integrity"]
