"""Rules of the eighteenth round (30/11/2026, issue 15), written against held-out 15's misses after
its one measurement. Every text is invented for the test; none is a page's."""

from __future__ import annotations

import pytest

from misconduct.ingest import extract
from misconduct.ingest.model import OfficerRecord
from tests.ingest.reading import one_record

_one = one_record


def _by_name(text: str) -> dict[str | None, OfficerRecord]:
    ex = extract(text)
    assert ex.refused is None, ex.refused
    return {r.name: r for r in ex.records}


# --- Forum: "a panel", "a tribunal" or gross misconduct at "a hearing" give a misconduct hearing,
# for review (the target sets' convention, kept by the lead after this round) ----------------


def test_a_hearing_with_a_panel_and_gross_misconduct_is_a_misconduct_hearing_for_review() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was found guilty of gross misconduct at a hearing on Monday.\n"
        "A panel ruled that he had lied to his sergeant about a missing radio.\n"
        "He was dismissed without notice.\n"
    )
    assert rec.value("forum") == "misconduct_hearing"
    assert "forum" in rec.uncertain()  # below the review threshold: a person confirms it
    assert rec.value("outcome") == "dismissal_without_notice"


def test_a_tribunal_is_a_misconduct_hearing_for_review() -> None:
    rec = _one(
        "A tribunal heard that PC Tom Hale of Kent Police had lied about a crash.\n"
        "He was dismissed for gross misconduct after the hearing.\n"
    )
    assert rec.value("forum") == "misconduct_hearing"


def test_a_disciplinary_hearing_is_still_a_misconduct_hearing() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was dismissed after a disciplinary hearing found he had "
        "lied about a crash.\n"
    )
    assert rec.value("forum") == "misconduct_hearing"


def test_an_accelerated_tribunal_hearing_is_an_accelerated_hearing() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was dismissed for gross misconduct at an accelerated "
        "tribunal hearing after he admitted stealing fuel.\n"
    )
    assert rec.value("forum") == "accelerated_misconduct_hearing"


# --- Decision makers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tribunal or a panel that found, ruled or deemed; a panel "at" a place, or with a
        # clause between commas before its verb
        (
            "A tribunal found PC Tom Hale of Kent Police had breached the standards of professional "
            "behaviour, and he was dismissed.\n",
            "A tribunal",
        ),
        (
            "A panel at Ashford Town Hall found PC Tom Hale of Kent Police had lied, and he was "
            "dismissed for gross misconduct.\n",
            "A panel",
        ),
        (
            "A panel, having read the reports, ruled that PC Tom Hale of Kent Police should be "
            "dismissed for gross misconduct.\n",
            "A panel",
        ),
        (
            "PC Tom Hale of Kent Police was dismissed for gross misconduct. After hearing the "
            "evidence, the panel deemed dismissal the only outcome.\n",
            "the panel",
        ),
        # "Disciplinary panel chairman X said": the panel
        (
            "PC Tom Hale of Kent Police was dismissed for gross misconduct.\n"
            "Disciplinary panel chairman Ray Oakes said his conduct was disgraceful.\n",
            "Disciplinary panel",
        ),
        # a panel that only heard did not decide
        (
            "PC Tom Hale of Kent Police was dismissed for gross misconduct.\n"
            "The panel heard that he had lied to his sergeant.\n",
            None,
        ),
        # chief officers named in other words who decided
        (
            "A misconduct hearing, overseen by Kent chief constable Ann Reed, found PC Tom Hale had "
            "lied, and he was dismissed.\n",
            "Chief Constable Ann Reed",
        ),
        (
            "PC Tom Hale of Kent Police was dismissed for gross misconduct, said Chief Constable of "
            "Kent Police, Ann Reed, who chaired the panel.\n"
            "A misconduct panel heard he had lied.\n",
            "Chief Constable of Kent Police, Ann Reed",
        ),
        (
            "PC Tom Hale of the Metropolitan Police was dismissed for gross misconduct.\n"
            "Assistant Commissioner Ann Reed, who made the dismissal ruling, said he had lied.\n",
            "Assistant Commissioner Ann Reed",
        ),
        (
            "PC Tom Hale of the Metropolitan Police was dismissed for gross misconduct.\n"
            "Chair of the panel assistant commissioner Ann Reed said he had lied.\n",
            "Assistant Commissioner Ann Reed",
        ),
        (
            "PC Tom Hale of Kent Police admitted gross misconduct.\n"
            "Assistant Chief Constable Ann Reed, after the hearing on Monday, recommended that he "
            "be dismissed.\n",
            "Assistant Chief Constable Ann Reed",
        ),
        # a chief constable only quoted did not decide
        (
            "PC Tom Hale of Kent Police was dismissed for gross misconduct.\n"
            "Chief Constable Ann Reed, who leads the force, said the public would be shocked.\n",
            None,
        ),
        # the chair who found; a chief constable who spoke to the officer at the hearing; the
        # chair of something else did not decide
        (
            "PC Ann Bell of Kent Police was dismissed for gross misconduct. The chair found "
            "her account untrue.\n",
            "The chair",
        ),
        (
            "PC Ann Bell was told by Jo Reed, the force's chief constable, at her misconduct "
            "hearing that she had let Kent Police down, and was dismissed for gross misconduct.\n",
            "Jo Reed, the force's chief constable",
        ),
        (
            "PC Ann Bell of Kent Police was dismissed for gross misconduct. The chair of the "
            "force's federation said she would appeal.\n",
            None,
        ),
    ],
)
def test_who_decided(text: str, expected: str | None) -> None:
    assert _one(text).value("decision_maker") == expected


# --- Pages about several officers ----------------------------------------------------------------


def test_officers_of_a_list_each_printed_with_a_rank_are_all_read() -> None:
    recs = _by_name(
        "Four Kent Police officers have been cleared of gross misconduct.\n"
        "A panel found the case not proven against former inspector Ann Bell, Sgt Tom Pike, "
        "PC Joe Dunn and PC Amy Fox.\n"
    )
    assert set(recs) == {"Ann Bell", "Tom Pike", "Joe Dunn", "Amy Fox"}
    assert recs["Tom Pike"].value("rank") == "sergeant"
    assert recs["Ann Bell"].value("status") == "former"
    assert recs["Tom Pike"].value("status") != "former"


def test_a_list_after_a_rank_without_a_rank_of_its_own_is_one_officer_and_a_force() -> None:
    recs = _by_name("PC Ann Bell, Kent Police, was dismissed for gross misconduct.\n")
    assert set(recs) == {"Ann Bell"}


def test_officers_named_after_a_part_of_the_officers_counted() -> None:
    recs = _by_name(
        "Four Kent Police officers were accused of gross misconduct.\n"
        "The panel concluded that two of the officers, Ann Bell and Tom Pike, had lied about the "
        "search, which amounted to gross misconduct.\n"
    )
    assert {"Ann Bell", "Tom Pike"} <= set(recs)
    assert recs["Ann Bell"].value("finding") == "gross_misconduct"


def test_the_former_and_the_latter_each_have_their_own_outcome() -> None:
    recs = _by_name(
        "Three Kent Police officers were found guilty of gross misconduct.\n"
        "PC Ann Bell and PC Tom Pike were found guilty of misconduct, with the former given a "
        "written warning and the latter handed a final written warning.\n"
    )
    assert recs["Ann Bell"].value("outcome") == "written_warning"
    assert recs["Ann Bell"].value("finding") == "misconduct"
    assert recs["Tom Pike"].value("outcome") == "final_written_warning"


def test_a_finding_with_a_day_between_guilty_and_of() -> None:
    rec = _one(
        "PC Ann Bell of Kent Police was found guilty on Tuesday of misconduct and given a final "
        "written warning.\n"
    )
    assert rec.value("finding") == "misconduct"


def test_they_opening_a_sentence_are_the_officers_named_before() -> None:
    recs = _by_name(
        "PCs Ann Bell, Tom Pike and Joe Dunn of Kent Police were found guilty of gross "
        "misconduct for lying about an arrest.\n"
        "They have been sacked and Sgt Amy Fox was given a final written warning after being "
        "found guilty of misconduct.\n"
    )
    for name in ("Ann Bell", "Tom Pike", "Joe Dunn"):
        assert recs[name].value("outcome") == "dismissal_without_notice"
    assert recs["Amy Fox"].value("outcome") == "final_written_warning"


def test_they_after_one_officer_is_not_taken_for_several() -> None:
    recs = _by_name(
        "PC Ann Bell of Kent Police was given a final written warning.\n"
        "They said PC Tom Pike was dismissed without notice.\n"
    )
    assert recs["Ann Bell"].value("outcome") == "final_written_warning"
    assert recs["Tom Pike"].value("outcome") == "dismissal_without_notice"


def test_the_other_officers_counted_beside_those_named_are_read() -> None:
    ex = extract(
        "Five Kent Police officers were accused of gross misconduct.\n"
        "The panel concluded that two of the officers, Ann Bell and Tom Pike, had lied, which "
        "amounted to gross misconduct.\n"
        "The chair said their conduct had breached the standard of honesty and integrity.\n"
        "The three other officers were cleared of wrongdoing.\n"
    )
    others = [r for r in ex.records if r.name is None]
    assert len(ex.records) == 5 and len(others) == 3
    for r in others:
        assert r.value("finding") == "no_misconduct"
        assert r.value("outcome") == "no_further_action"
        assert r.value("status") == "serving"
        assert r.value("anonymised") is True
        # the Standards the others were found to have breached are not the cleared officers'
        assert r.value("standards") == []


def test_other_officers_with_no_result_told_are_not_counted() -> None:
    ex = extract(
        "PC Ann Bell of Kent Police was dismissed for gross misconduct.\n"
        "The three other officers on her shift gave evidence at the hearing.\n"
    )
    assert [r.name for r in ex.records] == ["Ann Bell"]


def test_an_officer_cleared_is_serving_unless_called_former() -> None:
    rec = _one("PC Ann Bell of Kent Police was cleared of gross misconduct by a panel.\n")
    assert rec.value("status") == "serving"
    rec = _one("Former PC Ann Bell of Kent Police was cleared of gross misconduct by a panel.\n")
    assert rec.value("status") == "former"


# --- Standards ------------------------------------------------------------------------------------


def test_standards_after_grounds_charges_or_misconduct_by() -> None:
    for words in (
        "was dismissed from Kent Police on the grounds of 'discreditable conduct'",
        "was dismissed from Kent Police after a hearing on charges of 'discreditable conduct'",
        "admitted gross misconduct by discreditable conduct and was dismissed from Kent Police",
    ):
        rec = _one(f"The court heard a long story first. PC Ann Bell {words}.\n")
        assert rec.value("standards") == ["discreditable_conduct"], words


def test_failure_to_report_improper_conduct_is_the_standard() -> None:
    rec = _one(
        "PC Ann Bell of Kent Police was dismissed after a panel found she had breached the "
        "standards of professional behaviour, including discreditable conduct and failure to "
        "report improper conduct.\n"
    )
    assert rec.value("standards") == [
        "discreditable_conduct",
        "challenging_and_reporting_improper_conduct",
    ]


# --- Hearing dates ----------------------------------------------------------------------------------


def test_a_byline_glued_to_the_page_date_gives_a_day_and_month_its_year() -> None:
    rec = _one(
        "Kent officer sacked over crash video\n"
        "Jo Writer4 November 2019\n\n"
        "PC Ann Bell of Kent Police was dismissed for gross misconduct after the hearing on "
        "October 28.\n"
    )
    assert rec.value("hearing_date") == "2019-10-28"
    rec = _one(
        "Kent officer sacked over crash video\n"
        "By Jo Writer | 4 November 2019\n\n"
        "PC Ann Bell of Kent Police was dismissed for gross misconduct after the hearing on "
        "October 28.\n"
    )
    assert rec.value("hearing_date") == "2019-10-28"


def test_a_weekday_agreeing_only_with_a_year_before_the_events_is_not_the_hearings() -> None:
    text = (
        "PC Ann Bell of Kent Police sent offensive messages between 1 March 2020 and 4 May 2021.\n"
        "She appeared before a misconduct hearing on Friday, 31 January and was dismissed "
        "for gross misconduct.\n"
    )
    assert _one(text).value("hearing_date") is None
    # the latest year the page prints, agreeing with the weekday, is still taken
    later = text.replace("1 March 2020 and 4 May 2021", "1 March 2018 and 4 May 2020")
    assert _one(later).value("hearing_date") == "2020-01-31"


# --- Counted officers, ranks and ciphers ----------------------------------------------------------


def test_former_officers_counted_are_not_the_named_serving_ones() -> None:
    ex = extract(
        "Two serving police officers have been sacked, and three former officers have been told "
        "they would have been sacked, for sharing offensive messages.\n"
        "A disciplinary panel made dismissal orders against PC Ann Bell and PC Tom Pike of Kent "
        "Police.\n"
    )
    by = {r.label: r for r in ex.records}
    assert by["PC Ann Bell"].value("outcome") == "dismissal_without_notice"
    assert by["PC Tom Pike"].value("status") == "serving"
    assert [r.value("outcome") for r in ex.records if r.name is None] == [
        "would_have_been_dismissed"
    ] * 3


def test_officers_counted_after_a_preposition_are_not_given_the_outcome() -> None:
    rec = _one(
        "A Kent Police officer who punched a man being held down by four officers has been given a "
        "final written warning for gross misconduct.\n"
    )
    assert rec.value("outcome") == "final_written_warning"


def test_a_length_of_time_before_officers_is_not_a_count() -> None:
    ex = extract(
        "Three Kent Police officers have been cleared of gross misconduct.\n"
        "The man was held for seven minutes before officers saw he was unwell.\n"
    )
    assert len(ex.records) == 3


def test_a_rank_and_a_count_of_another_rank() -> None:
    ex = extract(
        "Three Kent Police officers have been cleared of gross misconduct.\n"
        "A police sergeant and two police constables denied the allegations.\n"
    )
    assert [r.value("rank") for r in ex.records] == ["sergeant", "constable", "constable"]


def test_officers_known_only_by_ciphers() -> None:
    ex = extract(
        "Two Metropolitan Police firearms officers were cleared of gross misconduct by a panel.\n"
        "The force said AB1 and CD22 have waited five years for the case to end.\n"
    )
    assert [r.label for r in ex.records] == ["Officer AB1", "Officer CD22"]
    assert all(r.value("anonymised") is True for r in ex.records)
    assert all(r.value("finding") == "no_misconduct" for r in ex.records)


def test_a_road_or_a_unit_is_not_an_officers_cipher() -> None:
    ex = extract(
        "A Kent Police constable was dismissed for gross misconduct after a crash on the M25.\n"
        "He had driven between the M20 and the A2 at high speed.\n"
    )
    assert [r.label for r in ex.records] == ["the officer"]


def test_an_officer_named_after_a_headline_joined_to_the_opening() -> None:
    rec = _one(
        "Kent officer sacked over leaks\n- Published\n"
        "A Kent Police officer has been sacked after leaking information.\n"
        "Sam Okafor was dismissed after being found guilty of gross misconduct.\n"
        "A hearing was told Mr Okafor had shared police records.\n"
    )
    assert rec.name == "Sam Okafor"
    assert rec.value("anonymised") is False


def test_a_forum_that_was_not_held_is_not_the_forum() -> None:
    rec = _one(
        "PC Ann Bell of Kent Police has been sacked for lying about a crash.\n"
        "Last year, instead of being sent to a misconduct hearing, she was given words of advice.\n"
    )
    assert rec.value("forum") is None


def test_officers_counted_after_by_beside_a_named_officer_are_not_records() -> None:
    ex = extract(
        "PC Ann Bell of Kent Police, who kicked a man being held down by four officers, has been "
        "given a final written warning for gross misconduct.\n"
    )
    assert [r.name for r in ex.records] == ["Ann Bell"]
