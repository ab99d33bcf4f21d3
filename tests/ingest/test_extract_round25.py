"""Rules of the twenty-fifth round (1/12/2026, issue 15), written against held-out 22's misses
after its one measurement. Every text is invented for the test; none is a page's."""

from __future__ import annotations

from misconduct.ingest import extract
from misconduct.ingest.officers import headline_rank
from tests.ingest.reading import finding_codes, one_record, outcome_codes

_one = one_record
_codes = outcome_codes
_findings = finding_codes


# --- A level in quotation marks -----------------------------------------------------------------


def test_a_level_in_quotation_marks_is_a_finding() -> None:
    assert _findings("Allegations of \u201cgross misconduct\u201d were proven.") == [
        "gross_misconduct",
        "gross_misconduct",
    ]
    assert _findings("The panel found her conduct amounted to 'gross misconduct'.") == [
        "gross_misconduct"
    ]
    # the evidence is the text as printed, marks and all
    hit = extract(
        "Essex Police has barred a former sergeant after allegations of \u2018gross misconduct\u2019 "
        "were proven at a hearing. Former Sergeant Jo Bloggs will be added to the barred list."
    ).records[0]
    assert hit.value("finding") == "gross_misconduct"
    assert "\u2018gross misconduct\u2019" in hit.fields["finding"].evidence.text


def test_a_former_officer_barred_after_a_quoted_level_was_proven_would_have_been_dismissed() -> (
    None
):
    rec = _one(
        "Kent Police has barred a former senior officer from serving again after allegations of "
        "\u201cgross misconduct\u201d were proven.\n\n"
        "The force found former chief inspector Jo Bloggs had breached the standards of "
        "professional behaviour.\n\n"
        "\u201cThe behaviour seen at this hearing will not be tolerated, and Mr Bloggs will now be "
        "added to the police barred list,\u201d a superintendent said.\n"
    )
    assert rec.value("finding") == "gross_misconduct"
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.value("status") == "former"


# --- "found misconduct not proven" --------------------------------------------------------------


def test_misconduct_found_not_proven_clears() -> None:
    rec = _one(
        "At the gross misconduct hearing the panel was satisfied that the Kent Police sergeant's "
        "use of force was necessary, and found misconduct not proven. No further action was taken."
    )
    assert rec.value("finding") == "no_misconduct"
    assert rec.value("outcome") == "no_further_action"
    assert rec.value("status") == "serving"
    assert _findings("The chair found gross misconduct to be not proved.") == ["no_misconduct"]
    # a finding that it was proven is still one
    assert set(_findings("The panel found misconduct proven.")) == {"misconduct"}


# --- Dismissal with a period of notice ----------------------------------------------------------


def test_a_dismissal_with_a_period_of_notice_is_with_notice() -> None:
    assert _codes("He has been dismissed with 28 days notice.") == ["dismissal_with_notice"]
    assert _codes("The sanction was dismissal with four weeks' notice.") == [
        "dismissal_with_notice"
    ]
    assert _codes("She was dismissed with a month\u2019s notice.") == ["dismissal_with_notice"]
    assert _codes("He was dismissed with notice.") == ["dismissal_with_notice"]
    # not a dismissal "with immediate effect", nor without notice
    assert _codes("He was dismissed with immediate effect.") == ["dismissal_without_notice"]
    assert _codes("He was dismissed without notice.") == ["dismissal_without_notice"]


# --- "refused to" in the conduct, an outcome with its own verb ----------------------------------


def test_the_conducts_refusal_does_not_set_aside_an_outcome_with_its_own_verb() -> None:
    assert _codes(
        "He was found guilty of misconduct, in that he hid a bag, ran from officers, lied to them "
        "and refused to help the inquiry, and received a final written warning."
    ) == ["final_written_warning"]
    assert _codes(
        "His representative argued for a written warning, and the panel gave a final written "
        "warning."
    ) == ["final_written_warning"]
    # a sanction refused or asked for is still no outcome
    assert _codes("The chair declined to impose a final written warning.") == []
    assert _codes("The officer asked that he be given a written warning.") == []
    assert _codes("The force sought a final written warning and management advice.") == []


# --- Officers named without a rank --------------------------------------------------------------


def test_an_officer_named_as_an_officer_with_a_command() -> None:
    rec = _one(
        "Body camera film of a Met PC's arrest was deleted after 90 days.\n\n"
        "Jo Bloggs, an officer with the Met's Royalty Protection Command, was arrested in 2019.\n\n"
        "After a misconduct hearing in 2021 he was found guilty of misconduct and received a final "
        "written warning.\n\n"
        "A summary said Mr Bloggs had asked for the case to be stopped.\n"
    )
    assert rec.name == "Jo Bloggs"
    assert rec.value("anonymised") is False
    assert rec.value("outcome") == "final_written_warning"
    # the headline's rank, printed without a name, is his, to be checked
    assert rec.value("rank") == "constable"
    assert rec.fields["rank"].confidence < 0.8


def test_an_officer_named_as_having_served_in_a_police_team_or_force() -> None:
    rec = _one(
        "A former Kent police officer committed gross misconduct, a panel ruled.\n\n"
        "Jo Bloggs - who worked in the force's fraud team - took files home, Kent Police said.\n\n"
        "He would have been dismissed had he still been serving.\n"
    )
    assert rec.name == "Jo Bloggs"
    assert rec.value("anonymised") is False
    rec = _one(
        "A Kent police officer who searched records about his family has been sacked without "
        "notice.\n"
        "Sam Smith, who served in Ashford and Dover for Kent Police, admitted the searches.\n"
        "A gross misconduct hearing was told he had been trained in data protection.\n"
    )
    assert rec.name == "Sam Smith"
    assert rec.value("outcome") == "dismissal_without_notice"


def test_a_surname_a_hearing_found_had_breached_names_the_officer() -> None:
    rec = _one(
        "A former officer has been found to have committed gross misconduct.\n\n"
        "In 2019 the unit's Jo Bloggs made a false statement.\n\n"
        "A special case hearing on 18 May 2021 found Bloggs had breached the standards of "
        "professional behaviour, with the allegations of gross misconduct proven.\n\n"
        "Had he not resigned, he would have been dismissed without notice.\n"
    )
    assert rec.value("anonymised") is False
    assert rec.value("outcome") == "would_have_been_dismissed"
    # a force is no surname, and a surname printed nowhere after a first name is not taken
    rec = _one(
        "A hearing found Kent had breached the rules; an officer was dismissed for gross misconduct."
    )
    assert rec.value("anonymised") is True


def test_a_standard_in_a_spokesmans_our_is_the_forces_own() -> None:
    rec = _one(
        "A Kent Police sergeant was dismissed without notice after a misconduct hearing found gross "
        "misconduct, breaching professional trust.\n\n"
        'A superintendent of the professional standards department said: "It undermines public '
        'confidence in our duties and responsibilities."\n'
    )
    assert rec.value("standards") == []
    rec = _one(
        "A Kent Police sergeant was dismissed without notice after a misconduct hearing found she "
        "had breached the standards of professional behaviour for duties and responsibilities.\n"
    )
    assert rec.value("standards") == ["duties_and_responsibilities"]


def test_the_headline_rank_is_one_rank_without_a_name() -> None:
    assert headline_rank("top of page\n\nArrest film of Met PC deleted after 90 days\n") is not None
    assert headline_rank(" date 2021-01-01 Northamptonshire PC guilty of gross misconduct\n")[
        0
    ] == ("constable")
    # a rank before a name is the name's, not a headline's common noun; two ranks, none
    assert headline_rank("PC Jo Bloggs sacked for gross misconduct\n") is None
    assert headline_rank("Sergeant and PC sacked after a hearing\n") is None


def test_officers_counted_then_named_in_a_list() -> None:
    ex = extract(
        "Three police officers have been sacked for gross misconduct after mocking a victim.\n\n"
        "A misconduct hearing heard the call was made from Kent Police headquarters.\n\n"
        "The three officers are Jo Bloggs, Sam Smith and Ann Bell. None was on the case.\n"
    )
    assert {r.name for r in ex.records} == {"Jo Bloggs", "Sam Smith", "Ann Bell"}
    assert all(r.value("outcome") == "dismissal_without_notice" for r in ex.records)
    assert all(r.value("anonymised") is False for r in ex.records)
