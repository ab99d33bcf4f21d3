"""Rules of the twenty-third round (1/12/2026, issue 15), written against held-out 20's misses
after its one measurement. Every text is invented for the test; none is a page's."""

from __future__ import annotations

from misconduct.ingest import extract
from misconduct.ingest.outcomes import find_findings, find_forums
from tests.ingest.reading import one_record, outcome_codes, records_by_name

_one = one_record
_by_name = records_by_name


_codes = outcome_codes


# --- A panel that decided the officer had not breached the code of ethics ----------------------


def test_a_panel_deciding_an_officer_had_not_breached_the_ethics_code_clears_him() -> None:
    rec = _one(
        "Officer cleared over parking claims\n"
        "A gross misconduct panel decided 30-year-old PC Tom Hale had not breached the police "
        "ethics code when his hearing ended at Kent Police headquarters on Friday.\n"
        "PC Hale had been accused of lying about a parking ticket.\n"
    )
    assert rec.value("finding") == "no_misconduct"
    assert rec.value("outcome") == "no_further_action"
    assert rec.value("status") == "serving"
    assert rec.value("force") == "kent"


def test_not_breaching_the_code_of_ethics_or_police_standards_is_a_clearing() -> None:
    for said in (
        "The panel concluded that the sergeant did not breach the Code of Ethics.",
        "The chair ruled the constable had not breached police standards.",
    ):
        assert [h.code for h in find_findings(said)] == ["no_misconduct"], said


def test_a_breach_of_the_ethics_code_decided_is_no_clearing() -> None:
    said = "The panel decided the constable had breached the police ethics code."
    assert "no_misconduct" not in [h.code for h in find_findings(said)]
    # one Standard cleared, not the officer
    said = "The panel decided he had not breached the standards in respect of courtesy."
    assert "no_misconduct" not in [h.code for h in find_findings(said)]


# --- A former officer barred from the profession ------------------------------------------------


_BARRED_HEADLINE = (
    "Former Kent Police officer barred from profession after night of drinking\n"
    "Jo Bloggs shouted at colleagues who would not drive her home after a party, a misconduct "
    "hearing found.\n"
    "Ms Bloggs rang her colleague, named only as Officer A, at 2am and asked to be collected.\n"
    "She then sent messages to another colleague \u2013 Officer B \u2013 calling her names.\n"
    "Officer A said she felt pressured. Ms Bloggs did not attend the hearing.\n"
)


def test_a_former_officer_barred_from_the_profession_after_a_hearing_would_have_been_dismissed() -> (
    None
):
    rec = _one(_BARRED_HEADLINE)
    assert rec.name == "Jo Bloggs"
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.value("status") == "former"
    assert rec.value("finding") == "gross_misconduct"
    assert rec.value("anonymised") is False
    assert rec.value("force") == "kent"


def test_a_barring_only_to_come_is_still_refused() -> None:
    ex = extract(
        "A former Kent Police officer could be barred from the profession if a misconduct "
        "hearing finds she threatened colleagues, the force said.\n"
    )
    assert ex.refused is not None


def test_the_barred_list_explained_in_a_notice_of_a_hearing_to_come_is_still_refused() -> None:
    ex = extract(
        "PC Tom Hale of Kent Police will face a gross misconduct hearing next month.\n"
        "Officers who resign first are placed on the barred list all the same.\n"
    )
    assert ex.refused is not None


def test_a_lettered_officer_named_as_the_accused_is_still_an_officer() -> None:
    rec = _one(
        "A Kent Police constable, known as Officer A, has been dismissed without notice after a "
        "misconduct hearing found he lied to his sergeant.\n"
    )
    assert rec.label == "Officer A"
    assert rec.value("anonymised") is True


# --- No formal action ---------------------------------------------------------------------------


def test_no_formal_action_to_be_taken_is_no_further_action() -> None:
    rec = _one(
        "A former Kent Police constable who kept a \u00a320 note he found in a patrol car has been "
        "found guilty of gross misconduct.\n"
        'In his ruling, the chief constable said: "The right disciplinary outcome is that no '
        'formal action be taken."\n'
    )
    assert rec.value("outcome") == "no_further_action"
    assert rec.value("status") == "former"


def test_no_formal_action_not_yet_taken_is_no_outcome() -> None:
    assert _codes("No formal action has yet been taken against the constable.") == []
    assert _codes("The force could take no formal action while the trial was pending.") == []


# --- Chief constables deciding ------------------------------------------------------------------


def test_a_chief_constable_who_held_the_hearing_decides() -> None:
    rec = _one(
        "Former PC Tom Hale of Kent Police has been found guilty of gross misconduct.\n"
        "A hearing into his conduct was held on 3 May by Chief Constable Jo Bloggs.\n"
        "A misconduct panel heard he kept money he found.\n"
    )
    assert rec.value("decision_maker") == "Chief Constable Jo Bloggs"


def test_a_chief_constable_finding_the_officer_guilty_in_a_participle_clause_decides() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was dismissed without notice at a special case hearing.\n"
        "Finding PC Hale guilty of gross misconduct, Kent Police Chief Constable Jo Bloggs said "
        "officers must obey the law.\n"
    )
    assert rec.value("decision_maker") == "Chief Constable Jo Bloggs"


def test_a_chief_constable_who_told_the_hearing_she_found_gross_misconduct_decides() -> None:
    rec = _one(
        "Former PC Tom Hale of Kent Police would have been dismissed, a police hearing found.\n"
        "Chief Constable Jo Bloggs told the police hearing that she \u201cfound the allegations "
        "amounted to gross misconduct\u201d.\n"
    )
    assert rec.value("decision_maker") == "Chief Constable Jo Bloggs"


def test_a_chair_named_by_the_shortened_title_is_the_chief_constable_the_text_names() -> None:
    rec = _one(
        "Former PC Tom Hale of Kent Police would have been dismissed, a misconduct hearing ruled.\n"
        'Kent Police Chief Constable Jo Bloggs said: "His behaviour fell far short."\n'
        "The hearing, chaired by Ch Con Bloggs, found the allegations proven.\n"
    )
    assert rec.value("decision_maker") == "Chief Constable Jo Bloggs"


def test_a_hearing_held_by_a_panel_or_a_chief_constable_speaking_elsewhere_is_no_chief() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was dismissed without notice.\n"
        "A hearing into his conduct was held on 3 May by an independent panel.\n"
        "Chief Constable Jo Bloggs told reporters that she found the case troubling.\n"
    )
    assert rec.value("decision_maker") != "Chief Constable Jo Bloggs"


# --- The second case of a page about two officers of two forces ---------------------------------


_TWO_CASES = (
    "Two police officers who resigned after drink-driving have been barred from policing.\n"
    "The first, PC Tom Hale, faced an accelerated misconduct hearing after he was convicted.\n"
    "The former Kent Police officer was stopped on the M2 in March.\n"
    "Chief Constable Jo Bloggs ruled that he would have been dismissed had he not resigned.\n"
    "In the second case, PC Ann Bell, formerly of Essex Police, was also placed on the barred "
    "list after she was found guilty of gross misconduct.\n"
    "She had been stopped in Chelmsford after a party.\n"
)


def test_the_officer_of_a_second_case_has_her_own_force_and_is_former() -> None:
    recs = _by_name(_TWO_CASES)
    bell, hale = recs["Ann Bell"], recs["Tom Hale"]
    assert bell.value("force") == "essex"
    assert bell.value("status") == "former"
    assert bell.value("outcome") == "would_have_been_dismissed"
    assert hale.value("force") == "kent"
    assert hale.value("outcome") == "would_have_been_dismissed"


def test_the_officer_of_a_second_case_does_not_take_the_first_cases_forum_or_chair() -> None:
    recs = _by_name(_TWO_CASES)
    bell, hale = recs["Ann Bell"], recs["Tom Hale"]
    assert bell.value("forum") is None
    assert bell.value("decision_maker") is None
    assert hale.value("forum") == "accelerated_misconduct_hearing"
    assert hale.value("decision_maker") == "Chief Constable Jo Bloggs"


def test_two_officers_of_one_hearing_share_its_forum() -> None:
    recs = _by_name(
        "PC Tom Hale and PC Ann Bell of Kent Police faced an accelerated misconduct hearing.\n"
        "PC Hale was dismissed without notice.\n"
        "PC Bell was also dismissed without notice.\n"
    )
    assert recs["Tom Hale"].value("forum") == "accelerated_misconduct_hearing"
    assert recs["Ann Bell"].value("forum") == "accelerated_misconduct_hearing"


# --- A special police hearing -------------------------------------------------------------------


def test_a_special_police_hearing_is_a_special_case_hearing() -> None:
    assert [h.code for h in find_forums("The special police hearing, held at headquarters.")] == [
        "special_case_hearing"
    ]


def test_a_special_police_hearing_at_a_court_is_not_one() -> None:
    said = "A special police hearing was arranged at the magistrates' court."
    assert "special_case_hearing" not in [h.code for h in find_forums(said)]


# --- A rank given apart from the name -----------------------------------------------------------


def test_a_police_inspector_described_a_sentence_before_the_name_is_the_named_officer() -> None:
    rec = _one(
        "Kent officer sacked\n"
        "A police inspector on light duties went skiing and then lied about his injuries, a "
        "misconduct panel found.\n"
        "Tom Hale was dismissed without notice from Kent Police for dishonesty.\n"
        "Mr Hale may appeal.\n"
    )
    assert rec.name == "Tom Hale"
    assert rec.value("rank") == "inspector"
    assert rec.value("anonymised") is False


def test_a_person_named_after_a_police_inspector_without_a_result_is_not_the_officer() -> None:
    rec = _one(
        "A police inspector on light duties went skiing and then lied about it, a misconduct "
        "panel found, and he was dismissed without notice.\n"
        "Tom Hale was a neighbour who complained about the noise.\n"
        "Mr Hale spoke to reporters.\n"
    )
    assert rec.name is None


def test_an_ex_constable_named_with_age_and_town_under_a_headline_is_the_officer() -> None:
    rec = _one(
        "Kent ex-police officer barred after losing seized cash\n"
        "The actions of a former police officer amounted to gross misconduct, a police hearing "
        "found.\n"
        "Tom Hale, 31, of Dover, was a response officer at the time.\n"
        "The hearing heard the ex-constable had served for four years.\n"
        "Hale had resigned in June. The chief constable found he would have been dismissed had "
        "he still been serving.\n"
    )
    assert rec.name == "Tom Hale"
    assert rec.value("rank") == "constable"
    assert rec.value("status") == "former"
    assert rec.value("anonymised") is False


# --- Standards ----------------------------------------------------------------------------------


def test_what_is_expected_of_an_officer_in_general_names_no_standard_breached() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was dismissed without notice after admitting he breached the "
        "standard of duties and responsibilities.\n"
        "A spokesman said: \u201cA basic expectation of an officer is to act with honesty and "
        "integrity.\u201d\n"
    )
    assert rec.value("standards") == ["duties_and_responsibilities"]


def test_a_breach_found_some_way_after_the_verb_is_still_found() -> None:
    rec = _one(
        "Former PC Tom Hale of Kent Police would have been dismissed had he still been serving.\n"
        "The panel found his forged letters breached the standards of professional behaviour of "
        "honesty and integrity.\n"
        "The panel also concluded his improper use of police laptops and his work email account "
        "breached the force's standards of professional behaviour of duties and "
        "responsibilities.\n"
    )
    assert set(rec.value("standards")) == {"honesty_and_integrity", "duties_and_responsibilities"}


# --- The month of a dismissal told later --------------------------------------------------------


def test_the_month_a_dismissal_is_told_in_is_no_hearing_date() -> None:
    rec = _one(
        "PC sacked may appeal\n"
        "Kent Police officer PC Tom Hale, who was dismissed in May 2025 for gripping a boy's "
        "neck, has been given leave to appeal against his dismissal for gross misconduct.\n"
    )
    assert rec.value("hearing_date") is None


def test_the_month_a_hearing_took_place_in_is_still_its_date() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was dismissed without notice.\n"
        "The misconduct hearing took place in June 2021, the force said.\n"
    )
    assert rec.value("hearing_date") == "2021-06"
