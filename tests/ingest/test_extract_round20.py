"""Rules of the twentieth round (1/12/2026, issue 15), written against held-out 17's misses after
its one measurement. Every text is invented for the test; none is a page's."""

from __future__ import annotations

from misconduct.ingest import extract
from misconduct.ingest.outcomes import find_findings, find_outcomes
from tests.ingest.reading import one_record, records_by_name

_one = one_record
_by_name = records_by_name


# --- A text once refused: engaged in gross misconduct, banned, resignation dated -----------------


def test_engaged_in_gross_misconduct_is_a_finding() -> None:
    assert [
        h.code for h in find_findings("He was judged to have engaged in gross misconduct.")
    ] == ["gross_misconduct"]


def test_a_former_officer_banned_from_working_for_the_police_would_have_been_dismissed() -> None:
    rec = _one(
        "A Kent Police officer has been banned from working for the police in any capacity after "
        "a panel ruled he had engaged in gross misconduct.\n"
        "The allegations followed a party, and ended with the officer's resignation in March.\n"
        "He did not attend the hearing before a disciplinary panel.\n"
    )
    assert rec.value("finding") == "gross_misconduct"
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.value("status") == "former"


def test_a_serving_officer_banned_from_a_pub_is_no_outcome() -> None:
    ex = extract(
        "PC Tom Hale of Kent Police faces a misconduct hearing next month over a fight.\n"
        "He was banned from the pub by its landlord.\n"
    )
    assert ex.refused is not None


def test_a_resignation_handed_in_and_rejected_is_not_leaving() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police handed in his resignation in March, but it was rejected.\n"
        "A misconduct hearing found he had committed gross misconduct and he was given a final "
        "written warning.\n"
    )
    assert rec.value("status") == "serving"
    assert rec.value("outcome") == "final_written_warning"


def test_a_chairman_is_a_chair() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was given a final written warning at a hearing led by an "
        "independent, legally qualified chairman, where it was determined he had committed "
        "gross misconduct.\n"
    )
    assert "chairman" in (rec.value("decision_maker") or "")


# --- Officers named together with their force, without a rank ------------------------------------


def test_two_full_names_of_a_force_are_two_officers() -> None:
    recs = _by_name(
        "Two officers kept their jobs despite being found guilty of gross misconduct.\n"
        "Jo Bloggs and Sam Smith, of Kent Police, were given written warnings after a chase.\n"
        "Both are now on a final warning, the commissioner said.\n"
    )
    assert set(recs) == {"Jo Bloggs", "Sam Smith"}
    for rec in recs.values():
        assert rec.value("force") == "kent"
        assert rec.value("finding") == "gross_misconduct"
        assert rec.value("outcome") == "final_written_warning"
        assert rec.value("anonymised") is False


def test_one_name_of_a_force_is_not_read_as_an_officer_by_this_rule() -> None:
    ex = extract(
        "An unnamed constable was dismissed after a misconduct hearing found gross misconduct.\n"
        "Jo Bloggs, of Kent Police, said the force welcomed the decision.\n"
    )
    assert ex.refused is None
    assert [r.name for r in ex.records] == [None]


# --- A written warning that is a final written warning shortened ---------------------------------


def test_a_headline_written_warning_and_a_final_written_warning_below_is_final() -> None:
    rec = _one(
        "Constable given written warning over parking\n"
        "A constable has been given a final written warning after allegations of misconduct were "
        "proven.\n"
        "PC Tom Hale of Kent Police attended a misconduct hearing.\n"
    )
    assert rec.value("outcome") == "final_written_warning"


def test_a_written_warning_alone_stays_a_written_warning() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was found to have committed misconduct at a misconduct "
        "meeting and was given a written warning.\n"
    )
    assert rec.value("outcome") == "written_warning"


def test_an_outcome_given_after_allegations_is_an_outcome() -> None:
    hits = find_outcomes("He was given a final written warning after allegations were proven.")
    assert [h.code for h in hits] == ["final_written_warning"]
    hits = find_outcomes("He was given a written warning following allegations of lateness.")
    assert [h.code for h in hits] == ["written_warning"]


def test_the_panel_dismissed_the_allegations_is_still_no_outcome() -> None:
    assert find_outcomes("The panel dismissed all allegations against him.") == []


# --- Would have dismissed him -------------------------------------------------------------------


def test_i_would_have_dismissed_him_is_a_would_be_dismissal() -> None:
    rec = _one(
        "PC Tom Hale, who quit Kent Police this spring, admitted gross misconduct at a misconduct "
        "hearing.\n"
        'The chief constable said: "I find that if PC Hale had still been serving then I would '
        'have dismissed him without notice."\n'
    )
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.value("status") == "former"


def test_a_dismissal_names_gross_misconduct_in_its_own_sentence() -> None:
    rec = _one(
        "Former PC Tom Hale of Kent Police engaged in misconduct by drinking on duty.\n"
        "The panel decided that, had Hale not resigned, he would have faced dismissal for gross "
        "misconduct.\n"
    )
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.value("finding") == "gross_misconduct"


# --- Force from an address that drops "and" ------------------------------------------------------


def test_an_address_without_and_names_its_force() -> None:
    from misconduct.ingest.gazetteer import force_from_address

    assert (
        force_from_address("https://www.devon-cornwall.police.uk/news/x/") == "devon_and_cornwall"
    )
    assert force_from_address("https://www.kent.police.uk/news/x/") == "kent"


# --- Hearing dates ------------------------------------------------------------------------------


def test_a_resignation_in_a_condition_does_not_turn_a_date_away() -> None:
    rec = _one(
        "Former PC barred\n\nPublished: 10 May 2024\n\n"
        "A misconduct panel of Kent Police ruled on Tuesday (7 May) that PC Tom Hale would have "
        "been dismissed had he not already resigned.\n"
        "He was found to have committed gross misconduct.\n"
    )
    assert rec.value("hearing_date") == "2024-05-07"


def test_a_resignation_dated_still_turns_its_date_away() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police resigned on 2 February 2024.\n"
        "A misconduct hearing found he would have been dismissed had he still been serving.\n"
    )
    assert rec.value("hearing_date") is None


def test_the_day_an_adjourned_hearing_resumed_and_gave_its_sanction_is_its_date() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police has been dismissed without notice over his bank account.\n"
        "At the hearing held on 4 and 5 October 2023, the panel found the allegations proven as "
        "gross misconduct.\n"
        "The hearing was adjourned until 12 January 2024, when the panel gave a sanction of "
        "dismissal without notice.\n"
    )
    assert rec.value("hearing_date") == "2024-01-12"


def test_an_adjourned_hearing_with_no_outcome_on_the_later_day_keeps_its_own_date() -> None:
    rec = _one(
        "PC Tom Hale of Kent Police was dismissed at a misconduct hearing held on 4 October 2023.\n"
        "An earlier hearing had been adjourned until 12 January 2023 for a witness.\n"
    )
    assert rec.value("hearing_date") == "2023-10-04"


# --- Standards -----------------------------------------------------------------------------------


def test_honesty_standards_shortened_is_honesty_and_integrity() -> None:
    rec = _one(
        "PC Ann Bell of Kent Police was dismissed at a misconduct hearing for breaching honesty "
        "standards when she signed a form in a witness's name.\n"
    )
    assert rec.value("standards") == ["honesty_and_integrity"]


def test_a_standard_after_but_not_is_not_breached() -> None:
    rec = _one(
        "PC Ann Bell of Kent Police was given a final written warning for a remark at a party.\n"
        "A misconduct panel found that Bell had breached the force's professional standards, but "
        "not equality and diversity standards.\n"
    )
    assert rec.value("standards") == []


def test_the_standards_required_of_its_officers_are_not_a_breach_found() -> None:
    rec = _one(
        "PC Ann Bell of Kent Police was dismissed after a misconduct hearing.\n"
        "The force said forging a signature departs from the standards of honesty and integrity "
        "required of its officers.\n"
    )
    assert rec.value("standards") == []


def test_this_was_in_breach_of_after_a_finding_gives_the_standards_found() -> None:
    rec = _one(
        "PC Ann Bell of Kent Police was given a final written warning at a misconduct hearing "
        "called to answer allegations of breaches of the following:\n"
        "Orders and Instructions\n"
        "Duties and Responsibilities\n"
        "Honesty and Integrity\n"
        "The panel found that PC Bell had kept a pass she should have returned. This was in "
        "breach of the Standards of Professional Behaviour of Honesty and Integrity.\n"
    )
    assert rec.value("standards") == ["honesty_and_integrity"]


def test_it_was_alleged_this_was_a_breach_is_no_finding() -> None:
    rec = _one(
        "PC Ann Bell of Kent Police was given a final written warning at a misconduct hearing.\n"
        "It was alleged that this was a breach of the Standards of Orders and Instructions and "
        "Honesty and Integrity.\n"
    )
    assert rec.value("standards") == ["orders_and_instructions", "honesty_and_integrity"]


# --- Officers named without a rank ---------------------------------------------------------------


def test_police_officer_before_a_full_name_names_the_officer() -> None:
    rec = _one(
        "A panel gave a Kent Police officer a final written warning for gross misconduct.\n"
        "The remark was made while police officer Jo Bloggs was at a party with colleagues.\n"
    )
    assert rec.name == "Jo Bloggs"
    assert rec.value("anonymised") is False


def test_a_title_case_headline_after_police_officer_names_nobody() -> None:
    rec = _one(
        "Kent Police Officer Faces Sanction After Party\n"
        "A constable from Kent Police, whose name has not been disclosed, was found to have "
        "committed gross misconduct and was given a final written warning.\n"
    )
    assert rec.name in (None, "")
    assert rec.value("anonymised") is True


def test_a_person_who_worked_for_the_force_is_the_officer_and_takes_the_described_rank() -> None:
    rec = _one(
        "Kent Police officer sacked\n\n"
        "Jo Bloggs had worked for the force for 12 years.\n"
        "A Kent Police officer has been found guilty of gross misconduct at a hearing.\n"
        "The sergeant, who had worked for the force for 12 years, has now been sacked.\n"
    )
    assert rec.name == "Jo Bloggs"
    assert rec.value("rank") == "sergeant"
    assert rec.value("anonymised") is False


def test_a_cipher_the_named_officer_was_referred_to_as_is_that_officer() -> None:
    rec = _one(
        "A police sergeant has been dismissed without notice for gross misconduct.\n"
        "Jo Bloggs was the subject of a police misconduct hearing at Kent Police headquarters.\n"
        "He had been granted anonymity and referred to as \u201cOfficer Z\u201d, but this was lifted "
        "at the end of the hearing.\n"
        "The panel found Officer Z had lied.\n"
    )
    assert rec.name == "Jo Bloggs"
    assert rec.value("anonymised") is False
    assert rec.value("rank") == "sergeant"


def test_a_cipher_beside_another_named_officer_stays_an_officer() -> None:
    recs = _by_name(
        "PC Jo Bloggs of Kent Police was dismissed for gross misconduct.\n"
        "Officer Z, a colleague, was given a final written warning for misconduct.\n"
    )
    assert len(recs) == 2


def test_a_ranked_mention_whose_sentence_tells_no_result_gives_the_named_officer_rank() -> None:
    recs = _by_name(
        "Kent Police officer Jo Bloggs sacked over leaks to the press\n\n"
        "PC Bloggs sent a photograph of a letter to another officer, which was later leaked to a "
        "paper\n\n"
        "Ms Bloggs was dismissed after a misconduct hearing found she had breached the standards.\n\n"
        "In March, PCs Tom Hale and Ann Bell were dismissed for gross misconduct.\n"
    )
    assert recs["Jo Bloggs"].value("rank") == "constable"


def test_two_ranks_described_give_the_named_officer_none() -> None:
    rec = _one(
        "Jo Bloggs had worked for the force for 12 years.\n"
        "A Kent Police officer has been found guilty of gross misconduct at a hearing and sacked.\n"
        "The sergeant who reported him and the inspector who investigated gave evidence.\n"
    )
    assert rec.value("rank") is None


# --- Decision makers -----------------------------------------------------------------------------


def _dm(text: str) -> str | None:
    return _one(text).value("decision_maker")


def test_a_legally_qualified_chair_a_panel_consists_of_is_not_the_decider() -> None:
    dm = _dm(
        "PC Tom Hale of Kent Police was dismissed after a misconduct hearing.\n"
        "The panel consisted of a legally qualified chair, an independent member and a "
        "superintendent. The panel was unanimous in its finding of gross misconduct.\n"
    )
    assert dm is not None and "panel" in dm.lower()


def test_legally_qualified_chairs_in_general_are_not_the_decider() -> None:
    dm = _dm(
        "PC Tom Hale of Kent Police was dismissed for gross misconduct.\n"
        "Since 2016 misconduct hearings have been led by legally qualified chairs.\n"
    )
    assert dm is None


def test_a_hyphened_legally_qualified_chair_who_found_decides() -> None:
    dm = _dm(
        "Former PC Tom Hale of Kent Police would have been dismissed, a misconduct hearing found.\n"
        "The independent legally-qualified chair, Mr Jo Bloggs, found the allegations proven.\n"
    )
    assert dm is not None and "legally-qualified chair" in dm


def test_a_panel_with_a_long_clause_before_its_verb_decides() -> None:
    dm = _dm(
        "PC Tom Hale of Kent Police was given a final written warning at a misconduct hearing.\n"
        "The panel, which was played a recording of the call and shown the footage from the "
        "night, concluded he had been rude.\n"
    )
    assert dm == "The panel"


def test_a_tribunal_held_that_and_a_panels_finding_decide() -> None:
    assert (
        _dm(
            "PC Tom Hale of Kent Police was given a final written warning for gross misconduct.\n"
            "The tribunal held that the remark was a lapse.\n"
        )
        == "The tribunal"
    )
    assert (
        _dm(
            "Sergeant Tom Hale of Kent Police was cleared at a misconduct hearing.\n"
            "The panel's finding was that the allegations were not proven.\n"
        )
        == "The panel"
    )


def test_a_hearing_in_front_of_a_disciplinary_panel_names_the_decider() -> None:
    dm = _dm(
        "A Kent Police officer was dismissed for gross misconduct in his absence.\n"
        "He failed to attend a hearing in front of a disciplinary panel in Maidstone.\n"
    )
    assert dm == "a disciplinary panel"


def test_a_chief_constable_deciding_in_the_first_person_decides() -> None:
    dm = _dm(
        "Former PC Tom Hale of Kent Police admitted gross misconduct at a hearing.\n"
        'Kent Police Chief Constable Jo Bloggs said: "I am content that the allegation is '
        "proven.\n"
        '"I find that his behaviour amounts to gross misconduct."\n'
    )
    assert dm == "Chief Constable Jo Bloggs"


def test_a_chief_constable_commenting_in_the_first_person_does_not_decide() -> None:
    dm = _dm(
        "PC Tom Hale of Kent Police was dismissed for gross misconduct.\n"
        'Kent Police Chief Constable Jo Bloggs said: "I welcome the outcome of this hearing."\n'
    )
    assert dm is None
