"""Rules of the thirty-second round (2/12/2026, issue 15), written against misses of held-out 29
and the sets before it (development since their one measurement each). Every text is invented for
the test; none is a page's."""

from __future__ import annotations

from misconduct.ingest import extract
from misconduct.ingest.outcomes import find_outcomes

# --- Outcome and status on pages about several officers --------------------------------------------


def test_would_have_been_left_unsaid_after_a_dismissal_is_a_would_be_dismissal() -> None:
    text = (
        "Three Kent Police officers found to have committed gross misconduct\n"
        "A misconduct panel has ruled on three officers who mocked a witness.\n"
        "PC Amy Barker, former PC Ben Castle and former PC Cal Denton laughed at a witness in a "
        "custody suite.\n"
        "The panel found gross misconduct proven; PC Barker was dismissed, and former PCs Castle "
        "and Denton would have been had they not already resigned."
    )
    recs = {r.name: r for r in extract(text).records}
    assert recs["Amy Barker"].value("outcome") == "dismissal_without_notice"
    for name in ("Ben Castle", "Cal Denton"):
        assert recs[name].value("outcome") == "would_have_been_dismissed"
        assert recs[name].value("status") == "former"


def test_would_have_been_left_unsaid_after_a_warning_is_no_dismissal() -> None:
    text = (
        "A Kent Police officer was given a written warning and a colleague would have been had "
        "she not resigned, a panel found."
    )
    assert "would_have_been_dismissed" not in [h.code for h in find_outcomes(text)]


# --- Outcome: a serving officer barred ------------------------------------------------------------


def test_a_serving_officer_found_guilty_of_gross_misconduct_and_banned_from_policing_was_dismissed() -> (
    None
):
    text = (
        "A Kent Police constable who shoved a shopkeeper has been banned from policing.\n"
        "PC Jo Bloggs was found guilty of gross misconduct at a misconduct hearing after pushing the "
        "shopkeeper in a market."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("outcome") == "dismissal_without_notice"


def test_a_former_officer_banned_from_policing_is_not_read_as_dismissed() -> None:
    text = (
        "A former Kent Police constable who shoved a shopkeeper has been banned from policing.\n"
        "Jo Bloggs was found guilty of gross misconduct at a misconduct hearing after pushing the "
        "shopkeeper in a market."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("outcome") != "dismissal_without_notice"


# --- Rank: a volunteer ----------------------------------------------------------------------------


def test_a_sergeant_told_first_as_a_volunteer_police_officer_is_no_regular_sergeant() -> None:
    text = (
        "Volunteer officer sacked after kicking a door\n"
        "A volunteer police officer has been dismissed after a misconduct hearing found he kicked "
        "a door at a railway station.\n"
        "Sgt Jo Bloggs, who worked for Kent Police, was dismissed by a panel."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("rank") != "sergeant"


def test_a_sergeant_beside_volunteers_is_still_a_sergeant() -> None:
    text = (
        "Officers sacked after kicking a door\n"
        "A volunteer police officer and two colleagues were dismissed after a misconduct hearing.\n"
        "Sgt Jo Bloggs, who worked for Kent Police, was dismissed by a panel."
    )
    recs = {r.name: r for r in extract(text).records}
    assert recs["Jo Bloggs"].value("rank") == "sergeant"


# --- Rank: a student officer ----------------------------------------------------------------------


def test_a_student_officer_named_is_a_constable() -> None:
    text = (
        "Kent Police student officer Jo Bloggs has been dismissed after an accelerated misconduct "
        "hearing found gross misconduct proven for drink-driving."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("rank") == "constable"


# --- Standards: a Standard's own words listed with a named one -------------------------------------


def test_unfit_for_duty_listed_after_a_named_standard_is_a_breach_too() -> None:
    text = (
        "PC Jo Bloggs of Kent Police has been dismissed after a misconduct hearing.\n"
        "The panel found PC Bloggs breached the standards of professional behaviour through "
        "discreditable conduct and being unfit for duty after he drove to work over the limit."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("standards") == ["discreditable_conduct", "fitness_for_work"]


def test_unfit_for_duty_told_apart_from_the_named_standards_still_gives_way() -> None:
    text = (
        "PC Jo Bloggs of Kent Police has been dismissed after a misconduct hearing.\n"
        "The panel found PC Bloggs breached the standards of professional behaviour for "
        "discreditable conduct. He had said he felt unfit for duty that week."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("standards") == ["discreditable_conduct"]


# --- Anonymised: a name in the possessive ----------------------------------------------------------


def test_an_officer_named_only_in_the_possessive_of_his_dismissal_is_named() -> None:
    text = (
        "Kent Police officer sacked after conviction\n"
        "A police officer who was convicted of fraud has been sacked after a misconduct hearing.\n"
        "Kent Police said Jo Bloggs' dismissal followed his conviction in March."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("anonymised") is False
    assert recs[0].name == "Jo Bloggs"
