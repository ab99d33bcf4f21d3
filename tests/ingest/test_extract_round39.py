"""Rules of the thirty-ninth round (2/12/2026, issue 15), written against misses of held-out 33
(development since its one measurement at 39e6367) and invented shapes like them. Every text is
invented for the test; none is a page's."""

from __future__ import annotations

from misconduct.ingest import extract

ANALYSIS = (
    "Misconduct outcomes vary widely between forces, an analysis shows\n\n"
    "We looked at every hearing outcome published by forces over the last year. Among the cases "
    "we found:\n\n"
    "  • In May, a panel heard about a Kent special constable who let a friend drive a police "
    "van. He was given a final written warning.\n"
    "  • A week later, a Norfolk sergeant was dismissed for claiming £40 of overtime he had not "
    "worked.\n"
    "  • A Cumbria PC who lied to a supervisor about a missed call was given a written warning.\n"
    "  • Nine officers from several forces were dismissed for drink-driving, while a tenth, in "
    "Dorset, was not.\n\n"
    "The College of Policing says outcomes should become more consistent.\n"
)


def test_a_list_of_examples_gives_one_officer_an_item_with_the_items_force() -> None:
    """An analysis whose bulleted examples each describe one officer by force and rank and tell
    their outcome: one record an example, each with its own force, rank and outcome; the item that
    counts nine officers of several forces adds none, and Dorset, named there, is no one's force."""
    records = extract(ANALYSIS).records
    assert [r.value("force") for r in records] == ["kent", "norfolk", "cumbria"]
    assert [r.value("rank") for r in records] == ["special_constable", "sergeant", "constable"]
    assert [r.value("outcome") for r in records] == [
        "final_written_warning",
        "dismissal_without_notice",
        "written_warning",
    ]
    assert all(r.value("anonymised") for r in records)
    # the text's forum, which no item names, is taken only to be confirmed
    assert all(r.value("forum") == "misconduct_hearing" for r in records)
    assert all(r.fields["forum"].confidence < 0.7 for r in records)


def test_a_forces_list_of_its_own_cases_keeps_the_forces_name_and_clears_the_cleared() -> None:
    """One force's list of its hearings' outcomes, an item each, none naming a force: every
    officer is of the force the opening names (no doubt added), and the item that finds no case
    to answer clears its officer rather than taking another item's sanction."""
    text = (
        "Officers disciplined by Merseyside Police this year\n\n"
        "Merseyside Police has published the outcomes of its misconduct hearings for 2023.\n\n"
        "- A constable was dismissed without notice after sending offensive messages to a "
        "colleague.\n"
        "- A sergeant received a final written warning for failing to supervise a custody suite.\n"
        "- A detective constable was found to have no case to answer over a missed disclosure.\n"
    )
    records = extract(text).records
    assert [r.value("outcome") for r in records] == [
        "dismissal_without_notice",
        "final_written_warning",
        "no_further_action",
    ]
    assert [r.value("rank") for r in records] == ["constable", "sergeant", "constable"]
    assert all(r.value("force") == "merseyside" for r in records)
    assert all(r.fields["force"].confidence >= 0.9 for r in records)


def test_a_list_of_other_stories_does_not_replace_a_named_officer() -> None:
    """A report of one named officer, followed by a list of other forces' cases: the named officer
    is still the one record the text is about."""
    text = (
        "PC Jo Bloggs of Essex Police has been dismissed without notice for gross misconduct after "
        "a misconduct hearing on 4 March 2024.\n\n"
        "Other cases this year:\n"
        "- A Kent sergeant was given a final written warning.\n"
        "- A Norfolk PC was given a written warning.\n"
    )
    (rec,) = extract(text).records
    assert rec.name == "Jo Bloggs"
    assert rec.value("force") == "essex"
    assert rec.value("outcome") == "dismissal_without_notice"


def test_national_figures_are_not_the_officers_outcome() -> None:
    """A report that prints national figures ("panels gave 18 final written warnings ... dismissed
    55 officers ... and four written warnings") before its one officer's case: the figures give
    the officer no outcome and count no officers; the case's own "no further action" is the
    outcome."""
    text = (
        "Figures shared with the paper show the state of police discipline.\n\n"
        "In those cases, panels gave 18 final written warnings, 57 written warnings and took no "
        "further action in 12 cases.\n\n"
        "For gross misconduct, disciplinary panels dismissed 55 police officers without notice, "
        "gave 36 final written warnings and four written warnings.\n\n"
        "In one instance, an officer was accused of swearing at a young man after a football "
        "match. At the meeting it was ruled that the officer had been rude, but no further action "
        "was taken."
    )
    (rec,) = extract(text).records
    assert rec.value("outcome") == "no_further_action"


def test_a_counted_group_and_one_more_told_by_ordinal() -> None:
    """ "Three ... have been dismissed and a fourth has been given a final written warning": four
    officers; "Two ... were dismissed ..., and a third officer was cleared": three, the third
    cleared."""
    text = (
        "Three Essex Police officers have been dismissed and a fourth has been given a final "
        "written warning after a gross misconduct hearing."
    )
    records = extract(text).records
    assert sorted(r.value("outcome") for r in records) == [
        "dismissal_without_notice",
        "dismissal_without_notice",
        "dismissal_without_notice",
        "final_written_warning",
    ]
    text = (
        "Two West Midlands Police officers were dismissed without notice at a misconduct hearing "
        "that concluded on 8 February 2024, and a third officer was cleared."
    )
    records = extract(text).records
    assert sorted(r.value("outcome") for r in records) == [
        "dismissal_without_notice",
        "dismissal_without_notice",
        "no_further_action",
    ]


def test_one_officer_cleared_and_the_other_sanctioned() -> None:
    """ "One officer was cleared of all allegations. The other ... was given a written warning":
    one cleared, one warned; not both warned."""
    text = (
        "Counsel successfully represented two officers at a gross misconduct hearing for Surrey "
        "Police.\n\n"
        "One officer was cleared of all allegations. The other was found to have committed "
        "misconduct and was given a written warning."
    )
    records = extract(text).records
    assert sorted(r.value("outcome") for r in records) == ["no_further_action", "written_warning"]
    cleared = next(r for r in records if r.value("outcome") == "no_further_action")
    assert cleared.value("finding") == "no_misconduct"


def test_parts_told_in_one_sentence_are_not_a_headline_total() -> None:
    """ "Two were dismissed, one received a final written warning and the fourth was cleared": the
    first count (two) equals the rest (one and one) by chance and is not their total."""
    text = (
        "Four Hampshire officers faced a misconduct hearing last month. Two were dismissed, one "
        "received a final written warning and the fourth was cleared."
    )
    records = extract(text).records
    assert sorted(r.value("outcome") for r in records) == [
        "dismissal_without_notice",
        "dismissal_without_notice",
        "final_written_warning",
        "no_further_action",
    ]
    # "Four Hampshire officers": the county before the officers names their force
    assert {r.value("force") for r in records} == {"hampshire"}


def test_a_county_before_the_officer_names_the_force() -> None:
    """ "A Met officer", "Two Sussex detectives", "A Kent PC": the force, above the review
    threshold's doubt of a county named anywhere."""
    for text, force in (
        ("A Met officer has been sacked after a misconduct hearing.", "metropolitan"),
        ("Two Sussex detectives have been sacked after a gross misconduct hearing.", "sussex"),
        ("A Kent PC has been sacked after a misconduct hearing.", "kent"),
    ):
        records = extract(text).records
        assert {r.value("force") for r in records} == {force}
        assert all(r.fields["force"].confidence >= 0.85 for r in records)


def test_a_case_found_not_proven_clears_and_a_two_digit_collar_number_is_read() -> None:
    """ "found the case against PC B not proven and dismissed it": B is cleared (the dismissal is
    the case's); "PS 55 Jones": an officer with a collar number of two digits."""
    text = (
        "PC Ann Xu of Cumbria Constabulary was given a final written warning. The panel found the "
        "case against PC Ben Yates not proven and dismissed it."
    )
    xu, yates = extract(text).records
    assert xu.value("outcome") == "final_written_warning"
    assert (yates.value("finding"), yates.value("outcome")) == (
        "no_misconduct",
        "no_further_action",
    )
    text = (
        "Misconduct hearing outcomes - Gwent Police\n\n"
        "Officer: PC 1234 Smith\nOutcome: Dismissed without notice\n\n"
        "Officer: PS 55 Jones\nOutcome: Final written warning\n"
    )
    records = extract(text).records
    assert [(r.name, r.value("outcome")) for r in records] == [
        ("Smith", "dismissal_without_notice"),
        ("Jones", "final_written_warning"),
    ]


def test_an_outcome_cell_is_not_dismissing_the_next_lines_allegation() -> None:
    """ "Outcome: Dismissed without notice", then a paragraph opening "The allegation was ...": the
    officer was dismissed; the dismissal is not of the allegation on the next line."""
    text = (
        "Outcome of gross misconduct hearing\n\n"
        "Officer: PC Ann Cole, Essex Police\n"
        "Hearing dates: 1-3 May 2024\n"
        "Outcome: Dismissed without notice\n\n"
        "The allegation was that on 5 June 2022 PC Cole used excessive force.\n"
    )
    (rec,) = extract(text).records
    assert rec.value("outcome") == "dismissal_without_notice"


def test_the_date_an_officer_joined_is_not_offered_as_the_hearings() -> None:
    """ "A constable who joined the force on 4 May 2015 has been dismissed at a misconduct hearing
    in March": no hearing date (left for a person to check), not the day the officer joined."""
    text = (
        "A Surrey Police constable who joined the force on 4 May 2015 has been dismissed at a "
        "misconduct hearing in March.\n\nPC Lee Ray was found to have committed gross misconduct."
    )
    (rec,) = extract(text).records
    assert rec.value("hearing_date") is None
    assert rec.fields["hearing_date"].confidence < 0.7


def test_an_officer_who_would_have_been_sacked_is_an_outcome_without_the_word_misconduct() -> None:
    """ "A former Lincolnshire Police officer would have been sacked, a panel has ruled": not
    refused for never saying "misconduct"."""
    text = (
        "A former Lincolnshire Police officer would have been sacked, a panel has ruled.\n\n"
        "The hearing took place on 19 September 2023 in Nettleham. Former PC Amy Rowe resigned in "
        "June 2023."
    )
    ex = extract(text)
    assert ex.refused is None
    (rec,) = ex.records
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.value("hearing_date") == "2023-09-19"


def test_a_hearing_held_in_public_between_two_days_is_dated() -> None:
    """ "A gross misconduct hearing was held in public between 8 and 10 July 2024": the hearing's
    own days (its first), not a period of conduct."""
    text = (
        "Gross misconduct hearing: Sergeant R\n\n"
        "A gross misconduct hearing was held in public between 8 and 10 July 2024. Sergeant R was "
        "given a final written warning for three years."
    )
    (rec,) = extract(text).records
    assert rec.value("hearing_date") == "2024-07-08"
    assert rec.value("warning_months") == 36


def test_reflective_practice_follows_no_finding_of_misconduct() -> None:
    """Conduct Regs 2020 reg 42(1) (and 42(1A) from 28 May 2025): reflective practice is directed
    where neither misconduct nor gross misconduct is found, so the finding it implies is none, not
    misconduct."""
    text = (
        "A Lancashire Constabulary officer has been told to undergo reflective practice after a "
        "misconduct meeting.\n\nThe meeting found that PC Ruth Dale's failure to record a crime "
        "amounted to a practice requiring improvement, not misconduct."
    )
    (rec,) = extract(text).records
    assert rec.value("outcome") == "reflective_practice"
    assert rec.value("finding") == "no_misconduct"


def test_an_officer_who_lost_their_job_or_was_given_the_boot_was_dismissed() -> None:
    """ "has lost his job after a gross misconduct hearing", "has been given the boot": dismissed,
    not refused as stating no outcome; "would have lost his job" stays a finding of would have
    been dismissed."""
    for text in (
        "A Kent Police constable has lost his job after a gross misconduct hearing found he lied "
        "to colleagues.",
        "A West Mercia Police PC has been given the boot after a misconduct hearing found she "
        "assaulted a detainee.",
    ):
        ex = extract(text)
        assert ex.refused is None
        (rec,) = ex.records
        assert rec.value("outcome") == "dismissal_without_notice"
    text = (
        "A former Kent Police constable would have lost his job if he had not resigned, a gross "
        "misconduct hearing found."
    )
    (rec,) = extract(text).records
    assert rec.value("outcome") == "would_have_been_dismissed"
