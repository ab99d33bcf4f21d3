"""Rules of the twenty-ninth round (2/12/2026, issue 15), written against misses of held-out 20 to
26 (development since their one measurement each). Every text is invented for the test; none is a
page's."""

from __future__ import annotations

from misconduct.ingest import extract

# --- Officers -------------------------------------------------------------------------------------


def test_a_rank_before_a_surname_that_is_also_a_county_names_an_officer() -> None:
    text = (
        "PC Durham, of Cleveland Police, was dismissed without notice at a misconduct hearing "
        "after a panel found gross misconduct."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].name == "Durham"
    assert recs[0].value("rank") == "constable"
    assert recs[0].value("anonymised") is False
    assert recs[0].value("force") == "cleveland"


def test_a_county_after_a_named_officer_is_still_the_force() -> None:
    text = (
        "PC Ann Bell, Kent, was given a final written warning at a misconduct hearing for "
        "misconduct."
    )
    recs = extract(text).records
    assert [r.name for r in recs] == ["Ann Bell"]


def test_a_chief_officer_dismissed_is_the_officer_of_the_case() -> None:
    text = (
        "Assistant Chief Constable Mark Penrose, of Kent Police, was dismissed without notice at a "
        "gross misconduct hearing chaired by a legally qualified chair."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].name == "Mark Penrose"
    assert recs[0].value("rank") == "assistant_chief_constable"
    assert recs[0].value("outcome") == "dismissal_without_notice"


def test_a_chief_officer_who_decided_or_spoke_is_no_officer_of_the_case() -> None:
    text = (
        "A Kent Police constable has been dismissed without notice after a misconduct hearing "
        "found gross misconduct. Assistant Chief Constable Mark Penrose said the officer had let "
        "the public down. The case was heard by Deputy Chief Constable Ruth Lowe, who was "
        "satisfied the breach was proven."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].name is None
    assert recs[0].value("rank") != "assistant_chief_constable"


def test_officers_counted_beside_another_then_named_are_officers_each() -> None:
    text = (
        "Former Kent Police constable Owen Fairley, who has since resigned, has been barred from "
        "policing after he drove a police van into a parked car and left the scene, a misconduct "
        "panel heard.\n\n"
        "Two other officers in the van, Priya Lamb and Colin Rudd, were given a written warning "
        "of 12 months for failing to report the collision."
    )
    recs = extract(text).records
    by_name = {r.name: r for r in recs}
    assert set(by_name) == {"Owen Fairley", "Priya Lamb", "Colin Rudd"}
    for name in ("Priya Lamb", "Colin Rudd"):
        assert by_name[name].value("outcome") == "written_warning"
        assert by_name[name].value("warning_months") == 12
    assert by_name["Owen Fairley"].value("outcome") == "would_have_been_dismissed"
    assert by_name["Owen Fairley"].value("warning_months") is None


def test_former_before_a_force_before_the_rank_makes_the_officer_former() -> None:
    text = (
        "Ex-Kent Police constable Owen Fairley has been barred from policing, a misconduct panel "
        "heard. PC Jo Rand was given a written warning at the same hearing."
    )
    recs = {r.name: r for r in extract(text).records}
    assert recs["Owen Fairley"].value("status") == "former"
    assert recs["Owen Fairley"].value("outcome") == "would_have_been_dismissed"
    assert recs["Jo Rand"].value("status") == "serving"


# --- An officer who left before the hearing -----------------------------------------------------


def test_an_officer_said_to_have_resigned_before_being_sacked_would_have_been_dismissed() -> None:
    text = (
        "A Kent Police constable has been sacked for lying about a parking ticket.\n\n"
        "PC Lena Marsh was found to have committed gross misconduct at a misconduct hearing. "
        "She is understood to have resigned last winter after admitting what she had done."
    )
    rec = extract(text).records[0]
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.value("status") == "former"


# --- Officers counted, not named ------------------------------------------------------------------


def test_sergeants_counted_whose_outcome_the_next_sentence_tells_are_one_record_each() -> None:
    text = (
        "Failings in a Kent Police custody suite before a detainee fell ill\n\n"
        "A detainee was taken ill in a cell at a Kent Police station last year, and a watchdog "
        "looked at how he had been cared for.\n\n"
        "The watchdog found that two custody sergeants had a case to answer for misconduct over "
        "the checks. The force agreed and, once the cases were proven, the officers received "
        "management advice."
    )
    recs = extract(text).records
    assert len(recs) == 2
    for rec in recs:
        assert rec.value("outcome") == "management_advice"
        assert rec.value("rank") == "sergeant"
        assert rec.value("anonymised") is True


# --- Page furniture -------------------------------------------------------------------------------


def test_an_advertising_label_glued_to_the_force_does_not_hide_it() -> None:
    text = (
        "Detective sacked after taking a phone from a property store\n"
        "DC Rhys Tannock was found to have committed gross misconduct and was dismissed without "
        "notice at a misconduct hearing.\n"
        "Advertisement\n"
        "Hide AdAdvertisement\n"
        "Hide AdCumbria Constabulary said the phone had never been found."
    )
    rec = extract(text).records[0]
    assert rec.value("force") == "cumbria"
    ev = rec.fields["force"].evidence
    assert ev is not None and ev.text == "Cumbria Constabulary"


def test_an_officer_described_then_named_with_an_age_and_any_verb_is_named() -> None:
    text = (
        "A police officer has been sacked after he stole fuel from a patrol car.\n"
        "Gareth Nolan, 47, took fuel on several nights, a Dorset Police misconduct hearing was "
        "told.\n"
        "The hearing found him guilty of gross misconduct and he was dismissed without notice.\n"
        '"Nolan let his colleagues down," said a senior officer.'
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].name == "Gareth Nolan"
    assert recs[0].value("anonymised") is False


# --- Officers named without a rank ----------------------------------------------------------------


def test_a_person_named_in_full_then_by_surname_with_the_dismissal_is_the_officer() -> None:
    text = (
        "Officer sacked after threatening taxi driver\n\n"
        "A Cumbria Constabulary misconduct panel heard how Ross Keeling shouted at a taxi driver "
        "in Carlisle while off duty.\n\n"
        "Mr Keeling, who admitted gross misconduct, listened as he was dismissed from the force.\n\n"
        "Panel chair Helen Brough said the public would be shocked."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].name == "Ross Keeling"
    assert recs[0].value("anonymised") is False
    assert recs[0].value("outcome") == "dismissal_without_notice"


def test_a_victim_named_in_full_then_by_surname_is_not_the_officer() -> None:
    text = (
        "An unnamed Cumbria Constabulary constable was dismissed without notice after a panel "
        "found gross misconduct over the arrest of a victim, Ross Keeling.\n\n"
        "Mr Keeling, who was hurt, listened as the officer was dismissed from the force."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].name is None


# --- A warning of no stated level -----------------------------------------------------------------


def test_a_bare_warning_after_gross_misconduct_is_a_final_written_warning_for_review() -> None:
    text = (
        "Inspector Carla Denby, of Dorset Police, was found to have committed gross misconduct "
        "at a misconduct hearing over remarks to a junior colleague, but she will not be "
        "dismissed. Denby will receive a warning instead."
    )
    rec = extract(text).records[0]
    outcome = rec.fields["outcome"]
    assert outcome.value == "final_written_warning"
    assert outcome.confidence < 0.8


def test_a_bare_warning_without_gross_misconduct_is_not_read_as_final() -> None:
    text = (
        "Inspector Carla Denby, of Dorset Police, was found to have committed misconduct at a "
        "misconduct meeting over remarks to a junior colleague. Denby will receive a warning."
    )
    rec = extract(text).records[0]
    assert rec.value("outcome") != "final_written_warning"


def test_a_place_printed_twice_in_full_is_no_officer_named_alone() -> None:
    text = (
        "Constable sacked over lost radio at Windsor Castle\n\n"
        "Constable sacked over lost radio at Windsor Castle\n\n"
        "A constable who lost a radio on duty and lied about it has been dismissed without "
        "notice after a misconduct hearing found gross misconduct."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].name is None


# --- Hearing dates --------------------------------------------------------------------------------


def test_the_word_date_of_a_stored_copys_prefix_is_no_hearing_word() -> None:
    text = (
        " date 2025-06-02 Dean Holt, of Penrith, punched a man outside a bar on March 3, 2023. "
        "He was convicted of assault last year.\n\n"
        "He resigned from Cumbria Constabulary in 2024. An accelerated misconduct hearing found "
        "gross misconduct, and Holt would have been dismissed had he not resigned."
    )
    rec = extract(text).records[0]
    assert rec.value("hearing_date") != "2023-03-03"


def test_a_chief_officer_who_will_not_be_fired_is_the_officer_of_the_case() -> None:
    text = (
        "Deputy Chief Constable Alan Morrow, of Dorset Police, won't be fired for his remarks, a "
        "misconduct panel ruled, though he committed gross misconduct. Morrow will receive a "
        "warning instead."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("rank") == "deputy_chief_constable"
    assert recs[0].name == "Alan Morrow"


# --- Officers of a list's items -------------------------------------------------------------------


def test_officers_a_lists_items_give_outcomes_are_one_record_each() -> None:
    text = (
        "A Dorset Police constable was given a final written warning at a misconduct hearing "
        "after he shared a cruel video online. The panel found discreditable conduct proved.\n\n"
        "Figures released by the force also show:\n"
        ":: A PC was dismissed after sending abusive messages to a neighbour;\n"
        ":: A community support officer was dismissed for misusing a force phone;\n"
        ":: An officer was given a written warning after swearing at a driver."
    )
    recs = extract(text).records
    outcomes = sorted(str(r.value("outcome")) for r in recs)
    assert outcomes == ["dismissal_without_notice", "final_written_warning", "written_warning"]
    listed = [r for r in recs if r.value("outcome") != "final_written_warning"]
    for rec in listed:
        assert rec.value("standards") == []
        assert rec.value("forum") is None


# --- A force's figures ----------------------------------------------------------------------------


def test_a_forces_figures_are_no_count_of_the_officers_reported_on() -> None:
    text = (
        "Constable kept his job after sending a witness personal messages\n\n"
        "Kent Police gave the officer a final written warning after the witness complained.\n\n"
        "The force has sacked six officers for contact of this kind since 2019.\n\n"
        "Figures from the force show four other officers resigned before they could be dismissed."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("outcome") == "final_written_warning"


# --- Forum ----------------------------------------------------------------------------------------


def test_a_hearing_held_at_a_forces_headquarters_is_a_misconduct_hearing_for_review() -> None:
    text = (
        "PC Owen Tarrant, of Dyfed-Powys Police, has been sacked for misconduct after he used a "
        "patrol car for a private trip.\n\n"
        "The hearing held at Dyfed-Powys Police Headquarters was told he had lied about it."
    )
    forum = extract(text).records[0].fields["forum"]
    assert forum.value == "misconduct_hearing"
    assert forum.confidence < 0.8


def test_a_hearing_at_a_court_is_still_no_forum() -> None:
    text = (
        "PC Owen Tarrant, of Dyfed-Powys Police, has been sacked for misconduct after he used a "
        "patrol car for a private trip.\n\nThe hearing held at Swansea Crown Court was told he "
        "had lied about it."
    )
    ex = extract(text)
    assert ex.refused is None
    assert ex.records[0].value("forum") is None


# --- No action against an officer who had left ----------------------------------------------------


def test_no_action_could_be_taken_against_an_officer_who_had_retired() -> None:
    text = (
        "A misconduct panel found that PC Hana Loft, of Dorset Police, had taken fuel cards for "
        "her own use and was guilty of misconduct. But the force could take no action against "
        "Hana Loft because she had already retired."
    )
    rec = extract(text).records[0]
    assert rec.value("outcome") == "no_further_action"
    assert rec.value("status") == "former"
