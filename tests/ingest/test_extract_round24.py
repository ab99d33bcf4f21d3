"""Rules of the twenty-fourth round (1/12/2026, issue 15), written against held-out 21's misses
after its one measurement. Every text is invented for the test; none is a page's."""

from __future__ import annotations

from misconduct.ingest import extract
from misconduct.ingest.outcomes import find_forums, warning_months
from tests.ingest.reading import finding_codes, one_record, outcome_codes, records_by_name

_one = one_record
_codes = outcome_codes
_findings = finding_codes


# --- No case to answer on an alleged gross misconduct ------------------------------------------


_NO_CASE = (
    "A disciplinary hearing into claims that a Kent Police officer insulted a shopkeeper has "
    "found there was no case to answer.\n\n"
    "PC Jo Bloggs attended the two-day hearing in Maidstone.\n\n"
    "A notice issued before the hearing said: \u201cIt is alleged that this conduct amounts to "
    "gross misconduct, a breach of the Standards of Professional Behaviour that, if proved, is so "
    "serious that your dismissal would be justified.\u201d\n\n"
    "The panel on Tuesday 4 March found there was no case to answer and so no disciplinary action "
    "will be taken.\n"
)


def test_no_case_to_answer_on_an_alleged_gross_misconduct_is_no_dismissal() -> None:
    rec = _one(_NO_CASE)
    assert rec.value("finding") == "no_misconduct"
    assert rec.value("outcome") == "no_further_action"
    assert rec.value("status") == "serving"


def test_a_dismissal_the_allegation_says_would_be_justified_is_no_outcome() -> None:
    assert "dismissal_without_notice" not in _codes(
        "a breach that, if proved, is so serious that your dismissal would be justified"
    )
    assert "dismissal_without_notice" not in _codes(
        "conduct which, if proven, would be so serious as to warrant dismissal"
    )
    # a panel's decision in the same words stands
    assert _codes(
        "The panel found the breach so serious that dismissal without notice is justified."
    ) == ["dismissal_without_notice"]
    # a dismissal told as given still is one
    assert _codes("The panel found the case proved and he was dismissed without notice.") == [
        "dismissal_without_notice"
    ]


def test_a_level_alleged_is_no_finding() -> None:
    assert "gross_misconduct" not in _findings(
        "It is alleged that this matter amounts to gross misconduct."
    )
    # "not alleged" does not hide a finding that follows
    assert _findings("The panel found his conduct amounted to gross misconduct.") == [
        "gross_misconduct"
    ]


def test_a_panel_described_before_finding_no_case_to_answer_clears() -> None:
    for said in (
        "The panel yesterday, Monday 3 June, found there was no case to answer.",
        "A gross misconduct hearing into claims that a sergeant lied has found there was no case "
        "to answer.",
    ):
        assert _findings(said) == ["no_misconduct"], said
    # an investigation's "no case to answer" before a hearing is not the hearing's
    assert "no_misconduct" not in _findings(
        "Before the hearing an investigation by the IOPC found there was no case to answer."
    )


def test_no_disciplinary_action_will_be_taken_is_no_further_action() -> None:
    assert _codes("No disciplinary action will be taken against the sergeant.") == [
        "no_further_action"
    ]


# --- A hearing scrapped as an abuse of process, in a page about dismissals in general -----------


_SCRAPPED = (
    "Federation warns of harm done by slow discipline cases\n\n"
    "The federation said the collapse of a misconduct hearing yesterday may follow recent "
    "appeals by dismissed officers to police tribunals.\n\n"
    "Essex Police were forced to scrap lengthy disciplinary proceedings against PC Jo Bloggs, "
    "who had been cleared by a jury two years ago.\n\n"
    "The panel, in dismissing every allegation, said there had been an abuse of process owing to "
    "delay.\n"
)


def test_a_hearing_scrapped_as_an_abuse_of_process_is_no_dismissal() -> None:
    rec = _one(_SCRAPPED)
    assert rec.value("finding") == "no_misconduct"
    assert rec.value("outcome") == "no_further_action"


def test_dismissed_officers_in_general_are_no_outcome() -> None:
    for said in (
        "reinstatement cases of dismissed officers through appeal tribunals",
        "a growing number of appeals by sacked police officers",
    ):
        assert "dismissal_without_notice" not in _codes(said), said
    # the text's own officers, dismissed
    assert "dismissal_without_notice" in _codes(
        "The dismissed officers were named as PC A and PC B."
    )


def test_proceedings_scrapped_or_abandoned_clear() -> None:
    for said in (
        "The force abandoned the misconduct hearing against the constable.",
        "Police were forced to scrap costly disciplinary proceedings against the officer.",
    ):
        assert _findings(said) == ["no_misconduct"], said
    # scrapping something else is not a clearing
    assert _findings("The force scrapped its plans for a new station.") == []


# --- Two levels found for one officer, each with its own act ------------------------------------


def test_misconduct_for_one_act_and_gross_misconduct_for_another_is_gross() -> None:
    rec = _one(
        "PC Jo Bloggs of Kent Police was dismissed after a hearing found her guilty of misconduct "
        "by leaving her post early and gross misconduct for lying about it.\n"
    )
    assert rec.value("finding") == "gross_misconduct"
    assert _findings(
        "found guilty of misconduct over a late report and of gross misconduct for a false entry"
    ) == ["gross_misconduct"]


def test_misconduct_with_its_act_and_no_second_level_stays_misconduct() -> None:
    assert _findings("found guilty of misconduct by leaving her post early and lying about it") == [
        "misconduct"
    ]
    # a gross misconduct hearing named after the act is no second finding
    assert _findings(
        "found guilty of misconduct for swearing and gross misconduct hearing costs were paid"
    ) == ["misconduct"]


# --- A former officer who cannot serve again ----------------------------------------------------


def test_a_former_officer_who_cannot_serve_again_after_a_hearing_would_have_been_dismissed() -> (
    None
):
    rec = _one(
        "A Kent Police inspector sent threatening letters to a neighbour, a chief constable said.\n"
        "Former Inspector Jo Bloggs cannot serve again after an accelerated misconduct hearing in "
        "March.\n"
        "The former officer resigned after he admitted breaching the standards.\n"
    )
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.value("status") == "former"
    assert rec.value("finding") == "gross_misconduct"


def test_a_return_to_service_only_possible_is_no_barring() -> None:
    ex = extract(
        "A former Kent Police sergeant may never serve again if a misconduct hearing next month "
        "finds she lied, the force said.\n"
    )
    assert ex.refused is not None


def test_so_serious_that_told_of_a_decision_is_still_an_outcome() -> None:
    assert _codes(
        "The misconduct was so serious that he would have been dismissed if he had not resigned."
    ) == ["would_have_been_dismissed"]


# --- A page about three officers: one cleared, two former officers found to have committed
# misconduct as a group ---------------------------------------------------------------------------


_THREE = (
    "Three Kent Police officers, one serving and two former, have been cleared of gross "
    "misconduct over a car chase.\n"
    "The panel decided gross misconduct was not proven against a serving officer, known as "
    "Officer Q, as well as former Sergeant Jo Bloggs and former Constable Sam Smith.\n"
    "But the panel ruled that misconduct had been committed by the two former officers, who "
    "posted videos of the chase online.\n"
)


def test_a_finding_told_of_the_former_officers_as_a_group_is_theirs_alone() -> None:
    recs = records_by_name(_THREE)
    for name in ("Jo Bloggs", "Sam Smith"):
        assert recs[name].value("finding") == "misconduct", name
        assert recs[name].value("outcome") is None, name
        assert recs[name].value("status") == "former", name
    cleared = recs[None]
    assert cleared.value("finding") == "no_misconduct"
    assert cleared.value("outcome") == "no_further_action"


def test_misconduct_committed_is_a_finding() -> None:
    assert _findings("The chair ruled that gross misconduct had been committed.") == [
        "gross_misconduct"
    ]
    # an allegation that it was is not
    assert _findings("It is alleged that misconduct was committed.") == []


# --- A warning's period told of the record; accelerated proceedings -----------------------------


def test_a_warning_on_the_record_for_the_next_years_has_that_period() -> None:
    got = warning_months(
        "She was given a final written warning, which will be on her record for the next three years."
    )
    assert got is not None and got[0] == 36
    got = warning_months("a final written warning that will stay on file for 18 months")
    assert got is not None and got[0] == 18
    # another clause's years are not the warning's
    assert warning_months("a final written warning; she had served for the next two years") is None


def test_accelerated_misconduct_proceedings_are_an_accelerated_hearing() -> None:
    said = (
        "She is the first of six officers to face the force's accelerated misconduct proceedings."
    )
    assert [h.code for h in find_forums(said)] == ["accelerated_misconduct_hearing"]
    # ordinary proceedings stay what they were
    assert "accelerated_misconduct_hearing" not in [
        h.code for h in find_forums("He faces gross misconduct proceedings next month.")
    ]
