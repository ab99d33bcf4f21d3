"""Rules of the thirty-fifth round (2/12/2026, issue 15), written against texts invented for the
test (a page about several officers whose opening counts those sanctioned and whose later sentence
clears another officer by name); none is a page's."""

from __future__ import annotations

from misconduct.ingest import extract


def test_an_officer_cleared_by_name_is_not_counted_among_the_sacked() -> None:
    """ "Two constables were sacked ... PC C was cleared": the cleared officer is not given the
    counted dismissal; the two sacked, not named with a result, are read as two more officers."""
    text = (
        "Two Kent Police constables were sacked after a misconduct hearing.\n"
        "PC Dana Reid and PC Evan Shaw shared offensive images. PC Fay Grant, who also faced "
        "the hearing, was cleared of gross misconduct."
    )
    records = extract(text).records
    grant = next(r for r in records if r.name == "Fay Grant")
    assert grant.value("finding") == "no_misconduct"
    assert grant.value("outcome") == "no_further_action"
    others = [r for r in records if r is not grant]
    assert [r.value("outcome") for r in others] == ["dismissal_without_notice"] * 2


def test_an_officer_cleared_of_one_allegation_and_sacked_is_counted() -> None:
    """An officer whose own sentence states an outcome beside a clearing is counted as before."""
    text = (
        "Two Kent Police constables were sacked after a misconduct hearing.\n"
        "PC Dana Reid was cleared of one allegation but was dismissed for sharing images. PC Evan "
        "Shaw was found to have committed gross misconduct."
    )
    records = extract(text).records
    assert [r.value("outcome") for r in records] == ["dismissal_without_notice"] * 2


def test_an_opening_count_of_officers_found_guilty_keeps_the_officers_not_named_with_a_rank() -> (
    None
):
    """The opening counts three officers and states their result; one is named with a rank and
    dismissed, the two others are named without one. The named constable keeps his own dismissal
    (he was read as the text's one officer, and given the others' would-have-been dismissal), and
    the two others are read as officers not named rather than left out."""
    text = (
        "Three Surrey Police officers who shared offensive messages have been found to have "
        "committed gross misconduct.\n"
        "PC Gary Hill was dismissed. Ian Jay and Kate Lam, who have both since left the force, "
        "would have been dismissed."
    )
    records = extract(text).records
    assert len(records) == 3
    hill = records[0]
    assert hill.name == "Gary Hill"
    assert hill.value("outcome") == "dismissal_without_notice"
    assert hill.value("status") == "serving"


def test_a_count_of_officers_investigated_adds_no_officer() -> None:
    """A count whose sentence states no result (those investigated) adds no officer to the one
    the text names with its result."""
    text = (
        "Three Surrey Police officers were investigated after a complaint about messages.\n"
        "PC Gary Hill was dismissed after a misconduct hearing found gross misconduct."
    )
    (rec,) = extract(text).records
    assert rec.value("outcome") == "dismissal_without_notice"


_THREE = (
    "Three Hampshire and Isle of Wight Constabulary officers have been found to have committed "
    "gross misconduct.\n"
    "PC Liam Orr was dismissed without notice. {rest}"
)


def test_officers_counted_and_named_by_full_name_alone_are_those_officers() -> None:
    """The count spans a force's long name; the two named without a rank, opening the sentence
    that tells their result, are the two other officers, former and would have been dismissed."""
    rest = (
        "Nina Price and Oscar Reed had resigned before the hearing but would have been dismissed."
    )
    records = extract(_THREE.format(rest=rest)).records
    assert [r.name for r in records] == ["Liam Orr", "Nina Price", "Oscar Reed"]
    assert [r.value("outcome") for r in records] == [
        "dismissal_without_notice",
        "would_have_been_dismissed",
        "would_have_been_dismissed",
    ]
    assert [r.value("status") for r in records] == ["serving", "former", "former"]


def test_a_speaker_named_opening_a_sentence_is_no_officer() -> None:
    """A person named opening a sentence who speaks of the result is not one of the officers."""
    rest = "Jo Bloggs, head of professional standards, said the officers had been dismissed."
    records = extract(_THREE.format(rest=rest)).records
    assert len(records) == 3
    assert [r.name for r in records] == ["Liam Orr", None, None]


def test_a_disciplinary_panel_without_the_word_hearing_is_a_misconduct_hearing() -> None:
    """A panel sits only at a hearing: a disciplinary panel, the word hearing never printed, is
    offered as a misconduct hearing for review."""
    text = (
        "A British Transport Police officer who punched a man at a railway station has been "
        "dismissed.\n"
        "PC Kai Reed was found to have used excessive force. A disciplinary panel ruled his "
        "conduct was gross misconduct and he was dismissed without notice."
    )
    (rec,) = extract(text).records
    forum = rec.fields["forum"]
    assert forum.value == "misconduct_hearing"
    assert forum.confidence < 0.8


def test_a_police_appeals_tribunal_is_no_misconduct_hearing() -> None:
    """A tribunal of appeal is not the hearing's forum."""
    text = (
        "A former Kent Police constable has lost his appeal against dismissal for gross "
        "misconduct.\n"
        "PC Kai Reed was dismissed without notice last year. A disciplinary tribunal of appeal "
        "upheld the decision."
    )
    (rec,) = extract(text).records
    assert rec.value("forum") is None


def test_an_officer_named_after_a_clause_ending_with_the_chair_is_the_officer() -> None:
    """ "The hearing, chaired by a legally qualified chair, concluded PC A should be dismissed":
    PC A is the officer, not the chair named in apposition (the words between the chair and the
    name are not a title; a pattern meant for capitals read lower case too)."""
    text = (
        "A Cambridgeshire police officer has been sacked after a hearing found he had a sexual "
        "relationship with a vulnerable woman he met while on duty.\n"
        "The gross misconduct hearing, chaired by an independent legally qualified chair, "
        "concluded PC Ian Pratt should be dismissed without notice."
    )
    (rec,) = extract(text).records
    assert rec.name == "Ian Pratt"
    assert rec.value("rank") == "constable"
    assert rec.value("anonymised") is False


def test_a_list_going_on_with_a_rank_of_two_words_is_two_officers() -> None:
    """ "Detective Constable 1911 A and Police Constable 225 B": the second rank is not read as
    part of a name; both officers are named, with their ranks."""
    text = (
        "Two Kent Police officers have been dismissed following a gross misconduct hearing.\n"
        "Detective Constable 1911 Ann Bell and Police Constable 225 Tom Pike, both based in "
        "Maidstone, were dismissed without notice."
    )
    records = extract(text).records
    assert [r.name for r in records] == ["Ann Bell", "Tom Pike"]
    assert [r.value("rank") for r in records] == ["constable", "constable"]
    assert [r.value("anonymised") for r in records] == [False, False]


def test_an_ex_cop_named_is_the_former_officer_named() -> None:
    """ "Ex-cop Jo Bloggs": a news report's word for an officer names the former officer, who is
    not anonymised."""
    text = (
        "A former Kent sergeant would have been sacked for taking cocaine had he not resigned "
        "from Kent Police, a misconduct hearing was told.\n"
        "Ex-cop Richard Dale, stationed in Maidstone, tested positive for cocaine."
    )
    (rec,) = extract(text).records
    assert rec.name == "Richard Dale"
    assert rec.value("anonymised") is False
    assert rec.value("status") == "former"
    assert rec.value("outcome") == "would_have_been_dismissed"


def test_an_officer_named_after_the_force_s_short_name_or_detective_is_named() -> None:
    """ "Met officer Jo Bloggs", "Detective Jo Bloggs": the officer is named, with no rank read
    from the bare word detective; a senior officer speaking is still no officer of the case."""
    text = (
        "{who} has been dismissed without notice after a gross misconduct hearing found he lied "
        "to colleagues. Senior officer Sam Smith said the force would not tolerate dishonesty."
    )
    for who in ("Met officer Jo Bloggs", "Detective Jo Bloggs", "Former Kent officer Jo Bloggs"):
        (rec,) = extract(text.format(who=who)).records
        assert rec.name == "Jo Bloggs", who
        assert rec.value("anonymised") is False
        assert rec.value("rank") is None


def test_an_officer_who_had_his_case_dismissed_was_not_dismissed() -> None:
    """ "PC A had his case dismissed ... no case to answer": the case was dismissed, not the
    officer, who was cleared."""
    text = (
        "Kent Police PC Jo Bloggs had his case dismissed at a misconduct hearing after the panel "
        "found no case to answer."
    )
    (rec,) = extract(text).records
    assert rec.value("outcome") == "no_further_action"
    assert rec.value("finding") == "no_misconduct"
