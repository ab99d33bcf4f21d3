"""Rules of the twenty-seventh round (2/12/2026, issue 15), written after held-out 24 and 25 were
measured once, against their misses. Every text is invented for the test; none is a page's."""

from __future__ import annotations

from misconduct.ingest import extract
from misconduct.ingest.text import sentences

# --- Texts that were refused -------------------------------------------------------------------


def test_an_officer_sacked_after_the_stored_copys_date_line_is_an_outcome() -> None:
    text = (
        " date 2021-04-09 A Dorset Police officer has been sacked for sleeping in his patrol car "
        "while on duty.\n\nPC Sam Varley, 31, was found asleep on three night shifts.\n\n"
        "The hearing held at the force's headquarters was told he had been working a second job."
    )
    ex = extract(text)
    assert ex.refused is None
    rec = ex.records[0]
    assert rec.value("force") == "dorset"
    assert rec.value("outcome") == "dismissal_without_notice"


def test_a_breach_of_professional_standards_and_the_barred_list_tell_an_outcome() -> None:
    text = (
        "Kent officer invented a witness\n\n"
        "A police officer who invented a witness statement has been found to have breached "
        "professional standards.\n\nJo Varley resigned from Kent Police before the panel sat.\n\n"
        "A panel said he would have been dismissed.\n\n"
        "Mr Varley will be placed on the College of Policing barred list."
    )
    ex = extract(text)
    assert ex.refused is None
    assert ex.records[0].value("outcome") == "would_have_been_dismissed"


def test_professional_standards_named_alone_is_still_refused() -> None:
    # a department's name in a story about something else is not an outcome (the words added
    # are a breach of the standards, not the standards themselves)
    text = (
        "Kent Police's professional standards are among the best in the country, the chief "
        "constable told a meeting of councillors on Tuesday about the new station."
    )
    assert extract(text).refused is not None


# --- A sanction set aside is not given ---------------------------------------------------------


def test_a_dismissal_set_aside_in_a_long_comparison_is_not_the_outcome() -> None:
    text = (
        "Sergeant Ann Lowry, of Kent Police, admitted misconduct at a hearing in Maidstone.\n\n"
        "It was decided that she would be given a written warning for her conduct, rather than "
        "being stripped of her rank or instantly dismissed."
    )
    rec = extract(text).records[0]
    assert rec.value("outcome") == "written_warning"


def test_wont_be_fired_is_not_a_dismissal() -> None:
    text = (
        "Kent Police Chief Inspector Ann Lowry won't be fired for her remarks, a misconduct "
        "panel ruled, despite finding gross misconduct."
    )
    rec = extract(text).records[0]
    assert rec.value("outcome") != "dismissal_without_notice"


# --- A copy that lost the space after a full stop -----------------------------------------------


def test_a_stop_without_a_space_ends_a_sentence() -> None:
    text = (
        "PC Lee Dunmore of Kent Police pleaded guilty at Maidstone Crown Court, with a sentencing "
        "date set for 15 January 2024.On 11 December 2023, he was dismissed without notice at an "
        "'accelerated' misconduct hearing chaired by the chief constable."
    )
    assert [p.text[:2] for p in sentences(text)] == ["PC", "On"]
    rec = extract(text).records[0]
    assert rec.value("forum") == "accelerated_misconduct_hearing"
    assert rec.value("hearing_date") == "2023-12-11"


def test_a_title_or_initials_before_a_stop_are_not_cut() -> None:
    assert len(sentences("Mr.Smith met the U.K.Board on Monday.")) == 1


def test_a_press_releases_own_date_is_not_the_hearings() -> None:
    text = (
        "In a release on Friday, 28 May 2021 the force gave details of a misconduct hearing "
        "involving PC Jo Wren of Kent Police, who was given a final written warning."
    )
    rec = extract(text).records[0]
    assert rec.value("outcome") == "final_written_warning"
    assert rec.value("hearing_date") is None
