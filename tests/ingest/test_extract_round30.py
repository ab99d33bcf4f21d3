"""Rules of the thirtieth round (2/12/2026, issue 15), written against misses of held-out 15 to
27 (development since their one measurement each) and the shared cases. Every text is invented for
the test; none is a page's."""

from __future__ import annotations

from misconduct.ingest import extract

# --- Forum and outcome ----------------------------------------------------------------------------


def test_a_special_case_gross_misconduct_hearing_is_a_special_case_hearing() -> None:
    text = (
        "DC Jo Bloggs of Kent Police admitted gross misconduct at a Special Case Gross Misconduct "
        "Hearing, chaired by the Chief Constable, and was dismissed without notice."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("forum") == "special_case_hearing"


def test_a_warning_asked_of_the_decision_maker_is_not_the_outcome() -> None:
    text = (
        "A detective constable has been sacked by Kent Police after a drink-driving conviction.\n\n"
        "DC Jo Bloggs admitted his conduct amounted to gross misconduct.\n\n"
        "His representative asked Mr Green to take the exceptional course and issue a final "
        "written warning."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("outcome") == "dismissal_without_notice"


def test_a_warning_given_after_an_officer_was_asked_to_attend_is_still_given() -> None:
    text = (
        "PC Jo Bloggs of Kent Police was asked to attend a misconduct meeting and was given a "
        "written warning for misconduct."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("outcome") == "written_warning"


def test_a_finding_worded_found_this_to_be_misconduct_is_read() -> None:
    text = (
        "PC Jo Bloggs of Kent Police was given a final written warning at a misconduct hearing. "
        "The panel found that PC Bloggs had failed to declare a relationship. The panel found "
        "this to be misconduct."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("finding") == "misconduct"


def test_found_it_to_amount_to_gross_misconduct_is_read() -> None:
    text = (
        "PC Jo Bloggs of Kent Police was dismissed without notice at a misconduct hearing. The "
        "panel found it to amount to gross misconduct."
    )
    recs = extract(text).records
    assert recs[0].value("finding") == "gross_misconduct"


# --- Status ---------------------------------------------------------------------------------------


def test_a_former_temporary_sergeant_barred_would_have_been_dismissed() -> None:
    text = (
        "A former temporary police sergeant with Kent Police has been barred from the profession "
        "over his behaviour towards a colleague.\n\n"
        "PC Jo Bloggs was added to the College of Policing's barred list over his actions on a "
        "night out.\n\n"
        "A panel believed Mr Bloggs had shown no remorse."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("status") == "former"
    assert recs[0].value("outcome") == "would_have_been_dismissed"


# --- Officers -------------------------------------------------------------------------------------


def test_a_colleague_referred_to_as_pc_a_is_no_officer_of_the_case() -> None:
    text = (
        "A former Kent Police officer who tried to kiss a colleague would have been dismissed, a "
        "panel found.\n\n"
        "The hearing heard that former officer Jo Bloggs tried to kiss the colleague, referred to "
        "as PC A, at a party.\n\n"
        "PC A rebuffed the advances. The misconduct panel ruled that Bloggs's actions constituted "
        "gross misconduct."
    )
    recs = extract(text).records
    assert [r.name for r in recs] == ["Jo Bloggs"]


# --- Rank -----------------------------------------------------------------------------------------


def test_a_rank_in_apposition_after_the_surname_is_the_officers() -> None:
    text = (
        "A former Kent Police officer will be barred from policing.\n\n"
        "Gross misconduct was found against Bloggs, a former Inspector. The panel ruled that Jo "
        "Bloggs would have been dismissed had he not resigned."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("rank") == "inspector"


def test_the_unnamed_officer_the_text_calls_the_pc_is_a_constable() -> None:
    text = (
        "Shop worker 'shaken' after football row\n\n"
        "A shop worker who was threatened by an off-duty police officer says she was frightened."
        "\n\nThe PC was found guilty of gross misconduct at a hearing of Kent Police and sacked."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("rank") == "constable"


def test_a_pc_printed_only_in_a_headline_gives_no_rank_to_an_unnamed_officer() -> None:
    text = (
        "PC kept job after football row\n\n"
        "A shop worker who was threatened by an off-duty Kent Police officer says she was "
        "frightened.\n\nThe officer was given a final written warning."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("rank") is None


# --- Decision makers ------------------------------------------------------------------------------


def _dm(text: str) -> str | None:
    recs = extract(text).records
    assert len(recs) == 1
    value = recs[0].value("decision_maker")
    return None if value is None else str(value)


def test_a_commander_who_led_the_hearing_decided() -> None:
    text = (
        "PC Jo Bloggs of the Metropolitan Police was dismissed without notice at a misconduct "
        "hearing. Commander Sam Green, who led the hearing, said the conduct was unbecoming."
    )
    assert _dm(text) == "Commander Sam Green"


def test_a_commander_who_dismissed_the_officer_decided() -> None:
    text = (
        "PC Jo Bloggs of the Metropolitan Police was found to have committed gross misconduct at "
        "a misconduct hearing. Commander Green dismissed PC Bloggs without notice."
    )
    assert _dm(text) == "Commander Green"


def test_a_chief_constable_who_chaired_the_hearing_decided() -> None:
    text = (
        "Former PC Jo Bloggs of Kent Police was found to have committed gross misconduct. Chief "
        "constable Sam Green chaired the misconduct hearing and formally dismissed Bloggs."
    )
    assert _dm(text) == "Chief Constable Sam Green"


def test_an_assistant_commissioner_in_his_ruling_decided() -> None:
    text = (
        "Former Sergeant Jo Bloggs of the Metropolitan Police would have been dismissed, a "
        "misconduct hearing found. In his ruling, Assistant Commissioner Sam Green said the "
        "victim was frightened."
    )
    assert _dm(text) == "Assistant Commissioner Sam Green"


def test_the_panel_chairwoman_and_assistant_commissioner_decided() -> None:
    text = (
        "Sergeant Jo Bloggs of the Metropolitan Police was dismissed at an accelerated misconduct "
        "hearing. Stating that the allegations had been proven, panel chairwoman and Assistant "
        "Commissioner Ann Green said his behaviour was unacceptable."
    )
    assert _dm(text) == "Assistant Commissioner Ann Green"


def test_a_chief_constable_speaking_at_the_hearing_decided() -> None:
    text = (
        "Former PC Jo Bloggs of Kent Police would have been dismissed. At an accelerated "
        "misconduct hearing on Tuesday, the force's chief constable, Sir Sam Green, said the "
        "force used had been wholly unnecessary."
    )
    assert _dm(text) == "Chief Constable Sir Sam Green"


def test_the_chief_constable_who_said_it_amounted_to_gross_misconduct_decided() -> None:
    text = (
        "Former PC Jo Bloggs of Kent Police was accused of gross misconduct. Chief Constable Ann "
        'Green said: "It is wrong." But the chief constable said it did amount to gross '
        "misconduct and PC Bloggs would have been sacked if still serving."
    )
    assert _dm(text) == "Chief Constable Ann Green"


def test_the_named_chief_who_chaired_the_hearing_by_title_and_surname_decided() -> None:
    text = (
        "PC Jo Bloggs of Kent Police was dismissed at a misconduct hearing. Kent Police Chief "
        "Constable Sam Green said there was no justification. Mr Green, who chaired the hearing "
        "on 6 November, said the force was wrong."
    )
    assert _dm(text) == "Chief Constable Sam Green"


def test_a_named_chief_constable_who_said_her_actions_amounted_to_gross_misconduct_decided() -> (
    None
):
    text = (
        "PC Jo Bloggs of Kent Police has been dismissed without notice. Chief Constable Sam Green "
        "praised the force's support and said her actions amounted to gross misconduct."
    )
    assert _dm(text) == "Chief Constable Sam Green"


def test_chief_constables_named_as_deciding_in_more_words() -> None:
    cases = [
        "PC Jo Bloggs sobbed as she was dismissed from Kent Police by Chief Constable Sam Green "
        "after a misconduct hearing.",
        "PC Jo Bloggs of Kent Police was dismissed at a special case hearing chaired by the Chief "
        "Constable Sam Green at headquarters.",
        "Former PC Jo Bloggs of Kent Police was present at the misconduct proceedings before force "
        "Chief Constable Sam Green, where he was told he was barred from policing for gross "
        "misconduct.",
        "At a misconduct hearing Chief Constable Sam Green said Bloggs's actions amounted to gross "
        "misconduct. PC Jo Bloggs of Kent Police was dismissed.",
    ]
    for text in cases:
        assert _dm(text) == "Chief Constable Sam Green", text


def test_chief_constables_named_with_their_force_or_finding_the_breach_decided() -> None:
    cases = {
        "PC Jo Bloggs was let go from Kent Police after a misconduct panel found gross "
        "misconduct. Dismissing her from the force, the chief constable of Kent Police, Sam "
        "Green, said she had shown no remorse.": "Chief Constable of Kent Police, Sam Green",
        "Former PC Jo Bloggs would have been dismissed, a misconduct panel found. A disciplinary "
        "hearing was held on 26 February, chaired by the Chief Constable of Kent Police, Sam "
        "Green.": "Chief Constable of Kent Police, Sam Green",
        "PC Jo Bloggs of Kent Police was dismissed without notice, the misconduct panel found. "
        "Chief Constable Sam Green said Bloggs had 'demonstrably breached' the standards.": (
            "Chief Constable Sam Green"
        ),
    }
    for text, want in cases.items():
        assert _dm(text) == want, text


def test_a_chief_constable_who_only_commented_is_not_the_decision_maker() -> None:
    text = (
        "PC Jo Bloggs of Kent Police was dismissed without notice at a misconduct hearing led by "
        "a legally qualified chair. In his statement, Chief Constable Sam Green said the force "
        "was sorry."
    )
    assert _dm(text) != "Chief Constable Sam Green"


def test_panels_described_deciding_in_more_words() -> None:
    cases = {
        "A three-person panel adjudged PC Bloggs to be guilty of lying.": "A three-person panel",
        "The force standards panel found that PC Bloggs had lied.": "The force standards panel",
        "The panel at the gross misconduct hearing found PC Bloggs had lied.": "The panel",
        "The panel today, Wednesday May 3, found PC Bloggs had lied.": "The panel",
        "The chair of the disciplinary panel, which ruled he had lied, granted anonymity.": (
            "the disciplinary panel"
        ),
        "At the hearing, the panel was satisfied that PC Bloggs had lied.": "the panel",
        "PC Bloggs had lied 'over the course of a year', the panel judged.": "the panel",
        "The panel's view was that PC Bloggs knew he had lied.": "The panel",
        "It was found by a disciplinary panel that PC Bloggs had lied.": "a disciplinary panel",
        "A panel in Maidstone dismissed the Kent Police officer after a hearing.": "A panel",
    }
    for sentence, want in cases.items():
        text = "PC Jo Bloggs of Kent Police was given a written warning for misconduct. " + sentence
        assert _dm(text) == want, sentence


def test_a_panel_that_said_he_would_have_been_sacked_decided() -> None:
    text = (
        "Former PC Jo Bloggs of Kent Police was found to have committed gross misconduct. A panel "
        "said had Mr Bloggs not "
        "already resigned, he would have been sacked."
    )
    assert _dm(text) == "A panel"


# --- Force ----------------------------------------------------------------------------------------


def test_a_force_printed_under_the_officers_name_is_the_force() -> None:
    text = (
        "PC Jo Bloggs endured two years of stress after an investigation.\n\n"
        "A misconduct hearing concluded that the allegations against him were not proven.\n\n"
        "PC Jo Bloggs\nCity of London\n"
    )
    recs = extract(text).records
    assert [r.value("force") for r in recs] == ["city_of_london"]


def test_a_place_in_a_sentence_is_not_the_force() -> None:
    text = (
        "PC Jo Bloggs endured two years of stress after an investigation.\n\n"
        "A misconduct hearing concluded that the allegations against him were not proven.\n\n"
        "He moved to the City of London.\n"
    )
    recs = extract(text).records
    assert [r.value("force") for r in recs] == [None]


def test_officers_named_without_a_rank_take_the_rank_the_text_gives_them_in_the_plural() -> None:
    text = (
        "Four police officers have been sacked for gross misconduct by Kent Police after making "
        "crude jokes.\n\nThe police constables used offensive language about a victim.\n\nThe "
        "four officers are Ann Bell, Carl Dunn, Ed Fox and Gail Hart."
    )
    recs = extract(text).records
    assert [r.value("rank") for r in recs] == ["constable"] * 4


def test_two_plural_ranks_give_no_rank() -> None:
    text = (
        "Four police officers have been sacked for gross misconduct by Kent Police after making "
        "crude jokes.\n\nThe constables used offensive language. The sergeants laughed.\n\nThe "
        "four officers are Ann Bell, Carl Dunn, Ed Fox and Gail Hart."
    )
    recs = extract(text).records
    assert [r.value("rank") for r in recs] == [None] * 4


# --- Officers named in a caption ------------------------------------------------------------------


def test_a_rank_held_before_is_not_the_officers_and_ends_no_cipher() -> None:
    text = (
        "Image caption PC Jo Bloggs had six years' service and started at Kent Police as a "
        "special constable\n\nA police officer has been sacked for gross misconduct after secret "
        "meetings while on duty.\n\nPC Jo Bloggs, who was based in Dover, admitted the meetings."
    )
    recs = extract(text).records
    assert [r.name for r in recs] == ["Jo Bloggs"]
    assert recs[0].value("rank") == "constable"
    assert recs[0].value("anonymised") is False


def test_a_cipher_on_the_ranks_own_line_is_still_an_officer() -> None:
    text = "Kent Police: PC A was dismissed without notice for gross misconduct."
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("anonymised") is True
    assert recs[0].value("rank") == "constable"


def test_the_full_name_printed_with_an_age_is_the_officers() -> None:
    text = (
        "A Kent Police officer has been dismissed without notice for gross misconduct.\n\n"
        "Jo Bloggs, 25, from Dover, was found guilty of stalking.\n\n"
        '"PC Bloggs must have known that his actions were wrong," the chair said.'
    )
    recs = extract(text).records
    assert [r.name for r in recs] == ["Jo Bloggs"]


def test_a_relatives_full_name_with_an_age_is_not_the_officers() -> None:
    text = (
        "PC Bloggs of Kent Police has been dismissed without notice for gross misconduct. His "
        "wife, Ann Bloggs, 24, was the victim."
    )
    recs = extract(text).records
    assert [r.name for r in recs] == ["Bloggs"]


def test_an_officer_who_read_a_statement_in_mitigation_is_no_officer_of_the_case() -> None:
    text = (
        "A police officer was sacked after he bugged his former wife's home.\n\nPC Jo Bloggs of "
        "Kent Police listened to her calls on 1,300 occasions.\n\nBloggs, who was described as "
        "competent in a statement read in mitigation by Sgt Sam Green, was dismissed without "
        "notice following the hearing."
    )
    recs = extract(text).records
    assert [(r.name, r.value("rank")) for r in recs] == [("Jo Bloggs", "constable")]


def test_a_force_police_constable_in_lower_case_describes_the_officer() -> None:
    text = (
        "A West Yorkshire police constable has been sacked by the force after giving his boss an "
        "inaccurate account at a misconduct hearing.\n\nThe officer, who has not been named, was "
        "found to have committed gross misconduct."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("rank") == "constable"
    assert recs[0].value("anonymised") is True


def test_the_former_officer_described_then_named_with_an_adverb_before_the_verb() -> None:
    text = (
        "A former police officer would have been sacked for gross misconduct for groping a "
        "colleague if he had not already quit Kent Police, a tribunal ruled.\n\n"
        "Jo Bloggs twice squeezed the bottom of a fellow officer at a bar.\n\n"
        "Mr Bloggs was accused of breaching the standards of professional behaviour."
    )
    recs = extract(text).records
    assert [r.name for r in recs] == ["Jo Bloggs"]
    assert recs[0].value("anonymised") is False


def test_a_person_named_next_but_never_accused_is_not_the_officer() -> None:
    text = (
        "A former police officer would have been sacked for gross misconduct for groping a "
        "colleague if he had not already quit Kent Police, a tribunal ruled.\n\n"
        "Ann Green twice reported the officer to her sergeant.\n\n"
        "Ms Green said she was relieved."
    )
    recs = extract(text).records
    assert [r.name for r in recs] == [None]


def test_a_people_named_is_not_an_officer_named_alone() -> None:
    text = (
        "A serving British Transport Police officer has been dismissed without notice for gross "
        "misconduct after messages about Irish Travellers.\n\nThe messages linked Travellers "
        "with crime, and the hearing found the officer was dismissed for them."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].name is None


def test_a_chief_officer_who_agrees_with_a_panels_sanction_did_not_decide_it() -> None:
    text = (
        "PC Jo Bloggs of Kent Police has been given a final written warning for gross misconduct. "
        'Deputy Chief Constable Sam Green said: "It was necessary to put the matter before an '
        "independent panel. I am satisfied that he was acting with the best intentions and "
        'therefore agree with the sanction of a final written warning."'
    )
    assert _dm(text) != "Deputy Chief Constable Sam Green"


def test_a_chief_officer_who_decides_in_the_first_person_still_decides() -> None:
    text = (
        "PC Jo Bloggs of Kent Police has been dismissed without notice for gross misconduct. "
        'Chief Constable Sam Green said: "I am satisfied that the officer lied, and I have '
        'decided he must be dismissed."'
    )
    assert _dm(text) == "Chief Constable Sam Green"


# --- Standards ------------------------------------------------------------------------------------


def test_what_the_public_expect_of_officers_names_no_standard_breached() -> None:
    for said in (
        '"The public expect police officers to have the highest standards of honesty and '
        'integrity," the chair said.',
        'The deputy chief constable said: "Honesty and integrity is crucial for building the '
        'trust of the public."',
    ):
        text = (
            "PC Jo Bloggs of Kent Police was dismissed without notice at a misconduct hearing for "
            "gross misconduct after lying about his car. " + said
        )
        recs = extract(text).records
        assert recs[0].value("standards") == [], said


def test_a_standard_said_to_be_breached_is_still_read() -> None:
    text = (
        "PC Jo Bloggs of Kent Police was dismissed without notice at a misconduct hearing. The "
        "panel found he had breached the standard of honesty and integrity, which is crucial for "
        "public trust."
    )
    recs = extract(text).records
    assert recs[0].value("standards") == ["honesty_and_integrity"]


def test_the_sergeant_a_matter_was_reported_to_is_no_officer_of_the_case() -> None:
    text = (
        "A judge has found a chief constable was right to fire an officer after a joke.\n\n"
        "Jo Bloggs, who was a probationary constable with Kent Police, was sacked after making a "
        "racist joke to his colleagues.\n\nSeveral of his colleagues reported the matter to a "
        "police sergeant and an investigation began. He admitted gross misconduct."
    )
    recs = extract(text).records
    assert [(r.name, r.value("rank")) for r in recs] == [("Jo Bloggs", "constable")]
    assert recs[0].value("anonymised") is False
