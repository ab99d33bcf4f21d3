"""Rules of the fifteenth round (30/11/2026, issue 15), written against the misses of the shared
cases and the corpus texts kept in the repository; and the scorer's reading of a corpus truth whose
text fixes only the hearing's month. Texts are written for the test."""

from __future__ import annotations

from types import ModuleType

import pytest

from misconduct.ingest import extract
from tests.ingest.reading import load_scorer, one_record

_one = one_record


# --- Hearing dates: the month a panel decided --------------------------------------------------


def test_a_month_opening_the_sentence_in_which_a_panel_decided_is_the_hearings() -> None:
    rec = _one(
        "Our investigation into the officers of Kent Police ended in May 2021.\n"
        "In March 2022, a panel determined that PC Jo Marsh had breached the standards of "
        "professional behaviour relating to honesty and integrity. She was dismissed without "
        "notice.\n"
    )
    assert rec.value("hearing_date") == "2022-03"


def test_a_month_before_a_misconduct_panel_concluding_without_a_comma_is_the_hearings() -> None:
    rec = _one(
        "Durham Constabulary referred the matter in June 2018.\n"
        "In October 2019 a misconduct panel concluded that PC Leo Hart had committed misconduct. "
        "He was given a written warning.\n"
    )
    assert rec.value("hearing_date") == "2019-10"


def test_a_month_opening_a_sentence_about_something_else_is_still_not_the_hearings() -> None:
    rec = _one(
        "In March 2022, PC Jo Marsh of Kent Police was arrested. A misconduct hearing later found "
        "gross misconduct and she was dismissed without notice.\n"
    )
    assert rec.value("hearing_date") is None


def test_a_full_date_of_the_hearing_still_wins_over_the_month_a_panel_decided() -> None:
    rec = _one(
        "In March 2022, a panel determined that PC Jo Marsh of Kent Police had committed gross "
        "misconduct. The misconduct hearing was held on 14 March 2022 and she was dismissed "
        "without notice.\n"
    )
    assert rec.value("hearing_date") == "2022-03-14"


# --- Decision makers ----------------------------------------------------------------------------


def test_a_chief_constable_who_decided_unnamed_takes_the_name_the_text_gives_elsewhere() -> None:
    rec = _one(
        "After an accelerated misconduct hearing, Sergeant Ann Cole of Kent Police was dismissed "
        "without notice by the Chief Constable.\n"
        '"Officers must be fit for duty," said Chief Constable Tom Reed.\n'
    )
    assert rec.value("decision_maker") == "Chief Constable Tom Reed"


def test_the_chief_constable_deciding_without_a_name_anywhere_is_still_the_decision_maker() -> None:
    rec = _one(
        "Sergeant Ann Cole of Kent Police attended a misconduct hearing. The Chief Constable "
        "decided her conduct was gross misconduct and she was dismissed without notice.\n"
    )
    assert rec.value("decision_maker") == "the Chief Constable"


def test_an_assistant_chief_constable_quoted_is_not_taken_for_the_chief_who_decided() -> None:
    rec = _one(
        "Sergeant Ann Cole of Kent Police was dismissed without notice by the Chief Constable "
        "after a misconduct hearing found gross misconduct.\n"
        '"This is a serious breach," said Assistant Chief Constable Lee Park.\n'
    )
    assert rec.value("decision_maker") == "the Chief Constable"


def test_a_chief_constable_named_again_by_surname_is_one_chief_constable() -> None:
    rec = _one(
        "Sergeant Ann Cole of Kent Police was dismissed without notice by the Chief Constable "
        "after an accelerated misconduct hearing found gross misconduct. Chief Constable Tom "
        'Reed said: "Officers must be fit for duty." Chief Constable Reed added that the force '
        "would learn from the case.\n"
    )
    assert rec.value("decision_maker") == "Chief Constable Tom Reed"


def test_two_chief_constables_named_leave_the_unnamed_one_unnamed() -> None:
    rec = _one(
        "Sergeant Ann Cole of Kent Police was dismissed without notice by the Chief Constable "
        "after a misconduct hearing found gross misconduct. Chief Constable Tom Reed had asked "
        "Chief Constable Ruth Vale of Essex Police to review the investigation.\n"
    )
    assert rec.value("decision_maker") == "the Chief Constable"


def test_the_chief_constable_named_on_a_page_about_an_accelerated_hearing_is_offered() -> None:
    rec = _one(
        "A Kent Police constable has been dismissed without notice following an accelerated "
        "misconduct hearing, which found gross misconduct.\n"
        'Chief Constable Tom Reed said: "There is no place for this in policing."\n'
    )
    field = rec.fields["decision_maker"]
    assert field.value == "Chief Constable Tom Reed"
    assert field.confidence < 0.8  # said, not said to have decided: for review


def test_a_chief_constable_quoted_after_a_misconduct_hearing_is_not_the_decision_maker() -> None:
    rec = _one(
        "A Kent Police constable has been dismissed without notice following a misconduct "
        "hearing, which found gross misconduct.\n"
        'Chief Constable Tom Reed said: "There is no place for this in policing."\n'
    )
    assert rec.value("decision_maker") is None


def test_a_panel_said_to_have_decided_is_the_decision_maker_when_none_is_named() -> None:
    rec = _one(
        "PC Dan Webb of Kent Police was dismissed after a misconduct hearing found gross "
        "misconduct. The panel clearly considered his dishonesty to be serious.\n"
    )
    assert rec.value("decision_maker") == "The panel"


def test_a_named_chair_is_kept_over_a_panel_described() -> None:
    rec = _one(
        "PC Dan Webb of Kent Police was dismissed after a misconduct hearing chaired by a "
        "legally qualified chair found gross misconduct. The panel found his account untrue.\n"
    )
    assert rec.value("decision_maker") == "a legally qualified chair"


def test_a_panel_merely_mentioned_is_not_the_decision_maker() -> None:
    rec = _one(
        "PC Dan Webb of Kent Police was dismissed after a misconduct hearing found gross "
        "misconduct. A panel of three heard the evidence over two days.\n"
    )
    assert rec.value("decision_maker") is None


def test_a_tables_hearing_type_with_panel_in_brackets_names_a_panel() -> None:
    ex = extract(
        "Kent Police misconduct hearings\n"
        "Rank | Findings | Outcome | Hearing type |\n"
        "Constable | Gross Misconduct | Final Written Warning | Misconduct Hearing (Panel) |\n"
    )
    assert ex.refused is None, ex.refused
    assert ex.records
    assert ex.records[0].value("decision_maker") == "Panel"


# --- The scorer: a corpus truth whose text fixes only the month ---------------------------------


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return load_scorer("ingest_eval_round15_under_test")


@pytest.mark.parametrize(
    ("in_text", "expected"),
    [(None, "2023-11-15"), (False, None), ("month", "2023-11")],
)
def test_the_scorer_reads_a_corpus_truths_hearing_date_as_far_as_the_text_fixes_it(
    scorer: ModuleType, in_text: object, expected: str | None
) -> None:
    import datetime as dt

    truth: dict[str, object] = {"hearing_date": dt.date(2023, 11, 15)}
    if in_text is not None:
        truth["hearing_date_in_text"] = in_text
    assert scorer.normalise_truth(truth)["hearing_date"] == expected


def test_the_scorer_marks_a_miss_whose_truth_the_text_does_not_print(scorer: ModuleType) -> None:
    text = (
        "PC Dan Webb of Kent Police was dismissed without notice after a misconduct hearing "
        "found gross misconduct.\n"
    )
    truth = scorer.normalise_truth({"force": "kent", "hearing_date": "2024-05-02"})
    scorer.MISSES.clear()
    counts = scorer.score([(truth, extract(text).records)], ["made-up"], [text])
    assert counts["hearing_date"]["fn"] == 1
    assert any("hearing_date" in m and "not printed in the text" in m for m in scorer.MISSES)
    scorer.MISSES.clear()


def test_a_month_in_which_a_panel_found_is_the_hearings_though_the_sentence_names_a_court() -> None:
    rec = _one(
        "In June 2020, the panel found that PC Jo Marsh of Kent Police, convicted at a "
        "magistrates' court of drink driving, had committed gross misconduct. She was dismissed "
        "without notice.\n"
    )
    assert rec.value("hearing_date") == "2020-06"


def test_a_full_date_with_one_hearing_word_wins_over_an_earlier_month_a_panel_decided() -> None:
    rec = _one(
        "In March 2022, a panel determined that PC Jo Marsh of Kent Police had committed gross "
        "misconduct. Her hearing on 14 March 2022 ended with her dismissal without notice.\n"
    )
    assert rec.value("hearing_date") == "2022-03-14"
