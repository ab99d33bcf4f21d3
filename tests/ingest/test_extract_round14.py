"""Rules of the fourteenth round (30/11/2026, issue 15), written against held-out 12's misses after
its one measurement. Texts are written for the test."""

from __future__ import annotations

from misconduct.ingest import extract, refusal


def test_former_officers_listed_after_a_plural_rank_are_each_an_officer() -> None:
    text = (
        "A misconduct panel at Durham Constabulary found that PC Anna Bell and PC Carl Dunn "
        "committed gross misconduct, and both were dismissed without notice. The panel added "
        "that former constables Ed Fox, Gil Fox, and Ian Jones would have been dismissed had "
        "they not already resigned.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    by_name = {r.name: r for r in ex.records}
    assert set(by_name) == {"Anna Bell", "Carl Dunn", "Ed Fox", "Gil Fox", "Ian Jones"}
    for name in ("Ed Fox", "Gil Fox", "Ian Jones"):
        assert by_name[name].value("outcome") == "would_have_been_dismissed"
        assert by_name[name].value("status") == "former"
        assert by_name[name].value("rank") == "constable"
    assert by_name["Anna Bell"].value("outcome") == "dismissal_without_notice"


def test_a_plural_rank_before_one_name_is_not_read_as_a_list() -> None:
    text = (
        "Constables across the force were told of the result. At a misconduct hearing PC Rose "
        "Hill of Kent Police was given a written warning; the sergeants Peter Lane had trained "
        "were not involved.\n"
    )
    ex = extract(text)
    assert [r.name for r in ex.records] == ["Rose Hill"]


def test_a_serving_officer_and_former_officers_named_in_apposition_keep_their_outcomes() -> None:
    text = (
        "Four officers of Kent Police exchanged offensive messages, a misconduct hearing found. "
        "Three of them had left the force before the hearing. All four officers were found to "
        "have committed gross misconduct, with the serving officer dismissed without notice. "
        "The three former officers would have been dismissed had they still been serving.\n"
        "The chief constable chaired the hearing for the serving officer, Sergeant Amy Cole. "
        "An earlier hearing dealt with the three former officers, Sergeant Bob Dyer, PC Cal "
        "Eames and Officer ‘B’.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    got = {r.label: (r.value("rank"), r.value("status"), r.value("outcome")) for r in ex.records}
    assert got == {
        "Sergeant Amy Cole": ("sergeant", "serving", "dismissal_without_notice"),
        "Sergeant Bob Dyer": ("sergeant", "former", "would_have_been_dismissed"),
        "PC Cal Eames": ("constable", "former", "would_have_been_dismissed"),
        "Officer B": (None, "former", "would_have_been_dismissed"),
    }


def test_charges_dismissed_after_a_long_subject_are_not_the_officers_dismissal() -> None:
    text = (
        "Gross misconduct charges against the deputy head of Dorset Police's vetting and "
        "complaints unit have been dismissed.\n"
        "Inspector Kim Lowe had faced a misconduct hearing over two complaints. At the hearing "
        "in Poole on Monday she was told the allegations had been dismissed.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert [r.value("outcome") for r in ex.records] == ["no_further_action"]


def test_an_officer_dismissed_after_the_allegations_were_proven_is_still_dismissed() -> None:
    text = (
        "At the misconduct hearing in Poole the allegations against PC Lee Moss of Dorset "
        "Police were proven and he was dismissed without notice.\n"
    )
    ex = extract(text)
    assert [r.value("outcome") for r in ex.records] == ["dismissal_without_notice"]


def test_a_date_in_what_the_hearing_was_told_is_the_conducts() -> None:
    text = (
        "PC Dan Hope of Kent Police has been sacked after a misconduct hearing found he had "
        "committed gross misconduct.\n"
        "The hearing was told he shouted at a cyclist in Ashford on 12 June 2021.\n"
    )
    ex = extract(text)
    assert [r.value("hearing_date") for r in ex.records] == [None]


def test_a_hearing_heard_at_a_place_on_a_date_keeps_its_date() -> None:
    text = (
        "The case of PC Dan Hope of Kent Police was heard at Maidstone on 12 June 2021, and he "
        "was dismissed without notice after the panel found gross misconduct.\n"
    )
    ex = extract(text)
    assert [r.value("hearing_date") for r in ex.records] == ["2021-06-12"]


def test_a_date_alone_on_its_line_or_before_a_byline_is_the_pages_not_the_hearings() -> None:
    for line in ("Tuesday, March 04, 2025", "4 MARCH 2025 | BY Jo Writer FOR The Courier"):
        text = (
            "Constable sacked for misusing police systems\n\n"
            f"{line}\n\n"
            "PC Ann Lowe of Suffolk Constabulary has been dismissed without notice for gross "
            "misconduct.\n"
        )
        ex = extract(text)
        assert [r.value("hearing_date") for r in ex.records] == [None], line


def test_a_page_dated_on_its_own_line_that_says_today_keeps_that_date() -> None:
    text = (
        "Tuesday 4 March 2025\n\n"
        "PC Ann Lowe of Suffolk Constabulary was dismissed without notice today for gross "
        "misconduct.\n"
    )
    ex = extract(text)
    assert [r.value("hearing_date") for r in ex.records] == ["2025-03-04"]


def test_a_panel_described_before_its_verb_that_found_no_case_to_answer_clears_the_officer() -> (
    None
):
    text = (
        "A police misconduct panel made up of a legally qualified chair and two members decided "
        "yesterday that PC 1234 Ray Stone of Derbyshire Constabulary had 'no case to answer'. "
        "The hearing had lasted three days.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    record = ex.records[0]
    assert record.value("outcome") == "no_further_action"
    assert record.value("finding") == "no_misconduct"


def test_an_officer_warned_after_a_private_hearing_is_read_without_the_word_misconduct() -> None:
    text = (
        "An officer who shared details of a burglary inquiry has been given a written warning, "
        "Norfolk Police said. The hearing was held in private, and the force would not say "
        "where the officer worked.\n"
    )
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert [r.value("outcome") for r in ex.records] == ["written_warning"]


def test_a_written_warning_outside_the_police_or_without_a_hearing_is_still_refused() -> None:
    employer = (
        "A warehouse officer was given a written warning after a disciplinary meeting with his "
        "manager over lateness.\n"
    )
    no_hearing = (
        "A police officer was given a written warning by her sergeant for parking in the "
        "station's disabled bay, a colleague said.\n"
    )
    assert refusal(employer) is not None
    assert refusal(no_hearing) is not None
