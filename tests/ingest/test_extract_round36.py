"""Rules of the thirty-sixth round (2/12/2026, issue 15), written against misses of held-out 31
(development since its one measurement at 7463c50). Every text is invented for the test; none is
a page's."""

from __future__ import annotations

from misconduct.ingest import extract


def test_a_panel_that_dismissed_all_the_allegations_cleared_the_officer() -> None:
    """A submission of no case to answer, accepted: the case and the allegations were dismissed,
    not the officer; the level of misconduct told as alleged is no finding."""
    text = (
        "A barrister secured the dismissal of a case involving 12 allegations of gross misconduct "
        "against a Kent Police constable.\n"
        "It was alleged that the officer's actions amounted to gross misconduct. It was argued "
        "that the entirety of the force's case against the officer should be dismissed.\n"
        "The police misconduct panel accepted the submission and dismissed all 12 allegations."
    )
    (rec,) = extract(text).records
    assert rec.value("finding") == "no_misconduct"
    assert rec.value("outcome") == "no_further_action"


def test_a_former_officer_banned_from_police_service_would_have_been_dismissed() -> None:
    """ "Banned from police service by a misconduct panel" days after resigning is a barring told
    as done: the text is no longer refused, and the former officer would have been dismissed."""
    text = (
        "A council is investigating claims it hired a disgraced former police sergeant, Jo Bloggs, "
        "who resigned from Gwent Police last month.\n"
        "Days after his resignation Mr Bloggs was banned from police service by a misconduct panel "
        "which heard of his gross misconduct at a custody suite."
    )
    ex = extract(text)
    assert ex.refused is None
    (rec,) = ex.records
    assert rec.value("force") == "gwent"
    assert rec.value("status") == "former"
    assert rec.value("outcome") == "would_have_been_dismissed"


def test_a_force_opening_a_news_report_in_capitals_is_read() -> None:
    """ "AN AVON and Somerset police officer": a news site's opening words in capitals."""
    text = (
        "AN AVON and Somerset police officer has been sacked for gross misconduct after faking a "
        "text conversation.\n"
        "PC Jo Bloggs was found to have breached the standards of professional behaviour."
    )
    (rec,) = extract(text).records
    assert rec.value("force") == "avon_and_somerset"


def test_an_officer_of_another_force_described_before_being_named_has_that_force() -> None:
    """A page about a North Yorkshire constable goes on to another case: "a Bedfordshire Police
    detective has been sacked ... DC B was accused of ...": DC B is Bedfordshire's."""
    text = (
        "A North Yorkshire Police constable has been dismissed after copying another officer's "
        "work. PC Ann Bell was found to have committed gross misconduct at a hearing.\n"
        "Only last week, a Bedfordshire Police detective was sacked after failing victims of "
        "domestic abuse.\n"
        "DC Tom Pike was dismissed following a gross misconduct hearing."
    )
    records = extract(text).records
    assert [r.name for r in records] == ["Ann Bell", "Tom Pike"]
    assert [r.value("force") for r in records] == ["north_yorkshire", "bedfordshire"]


def test_a_weekday_and_month_are_no_officer_s_name() -> None:
    """ "on Monday April 24th" is a date: the one person named in full and then by surname alone,
    in a sentence telling the dismissal, is the officer (the month, printed alone elsewhere, had
    made "Monday April" a second such person, so neither was read)."""
    text = (
        "Kent Police continues to root out predatory officers after a conviction.\n"
        "Jo Bloggs, 36, was found guilty of sexual assault on Monday April 24th.\n"
        "The force's Chief Constable dismissed Bloggs when gross misconduct was proven in April "
        "2022, at a hearing held in private."
    )
    (rec,) = extract(text).records
    assert rec.name == "Jo Bloggs"
    assert rec.value("anonymised") is False
    assert rec.value("outcome") == "dismissal_without_notice"


def test_a_second_officer_the_text_then_names_is_no_officer_more() -> None:
    """ "A second officer, PC B, received ...": PC B is the second officer, not one more beside
    her; "copying another officer's work" tells of no officer at all."""
    text = (
        "Norfolk Police: PC Sue Tait was dismissed without notice after a hearing found gross "
        "misconduct proven, having copied another officer's work. A second officer, PC Uma Vos, "
        "received a final written warning."
    )
    records = extract(text).records
    assert [r.name for r in records] == ["Sue Tait", "Uma Vos"]
    assert [r.value("outcome") for r in records] == [
        "dismissal_without_notice",
        "final_written_warning",
    ]


def test_an_officer_of_several_with_no_case_to_answer_is_not_given_the_others_warning() -> None:
    """Two officers counted with final written warnings, a third "found to have no case to
    answer": the third is not given a warning (the count is the two's)."""
    text = (
        "Two West Midlands Police officers have received final written warnings following an "
        "investigation.\n"
        "A misconduct hearing found PC Gail Hart and PC Ivan Jones breached standards relating to "
        "duties and responsibilities when they failed to check on a detainee.\n"
        "A third officer, Sergeant Jack Kemp, was found to have no case to answer."
    )
    records = extract(text).records
    assert [r.name for r in records] == ["Gail Hart", "Ivan Jones", "Jack Kemp"]
    assert [r.value("outcome") for r in records] == [
        "final_written_warning",
        "final_written_warning",
        "no_further_action",
    ]


def test_another_date_s_words_do_not_count_against_the_hearing_s_date() -> None:
    """ "A misconduct hearing on 2 and 3 October 2023, after an investigation that began in May
    2021": the investigation's words are May 2021's, not the hearing's date's."""
    text = (
        "Kent Police PC Jo Bloggs was dismissed at a misconduct hearing on 2 and 3 October 2023, "
        "after an IOPC investigation that began in May 2021."
    )
    (rec,) = extract(text).records
    assert rec.value("hearing_date") == "2023-10-02"
    # a date whose own words are a court's is still not the hearing's
    text = (
        "Kent Police PC Jo Bloggs was dismissed at a misconduct hearing, having been convicted at "
        "Maidstone Crown Court on 9 January 2024."
    )
    (rec,) = extract(text).records
    assert rec.value("hearing_date") is None


def test_fww_in_capitals_is_a_final_written_warning() -> None:
    """ "An FWW (2 years)": the abbreviation a force's table or a report may print."""
    text = (
        "Kent Police PC Jo Bloggs was given an FWW (2 years) after a gross misconduct hearing "
        "found he lied."
    )
    (rec,) = extract(text).records
    assert rec.value("outcome") == "final_written_warning"
    assert rec.value("warning_months") == 24


def test_a_text_whose_only_outcome_was_overturned_is_refused_for_that_reason() -> None:
    """The refusal says why: the outcome was set aside, not that none was told."""
    text = (
        "Kent Police PC Jo Bloggs was sacked at a misconduct hearing, but the decision was "
        "overturned on appeal."
    )
    reason = extract(text).refused
    assert reason is not None
    assert "overturned or set aside" in reason


def test_a_table_typed_without_pipes_at_its_edges_is_read_row_by_row() -> None:
    """Each row is its officer's: rank, date and outcome from its own cells, and a row whose
    outcome cell says "Allegations not proven" clears that officer; the rows' lines are not run
    together as a wrapped paragraph."""
    text = (
        "Misconduct hearing outcomes – October 2024\n"
        "Officer | Rank | Date | Outcome\n"
        "Officer A | PC | 03/10/2024 | Dismissed without notice\n"
        "Officer B | DS | 10/10/2024 | Final written warning (2 years)\n"
        "Officer C | PC | 17/10/2024 | Allegations not proven\n"
        "Gloucestershire Constabulary"
    )
    records = extract(text).records
    assert [r.label for r in records] == ["Officer A", "Officer B", "Officer C"]
    assert [r.value("rank") for r in records] == ["constable", "sergeant", "constable"]
    assert [r.value("hearing_date") for r in records] == ["2024-10-03", "2024-10-10", "2024-10-17"]
    assert [r.value("outcome") for r in records] == [
        "dismissal_without_notice",
        "final_written_warning",
        "no_further_action",
    ]
    assert records[1].value("warning_months") == 24
    assert records[2].value("finding") == "no_misconduct"
    assert {r.value("force") for r in records} == {"gloucestershire"}
