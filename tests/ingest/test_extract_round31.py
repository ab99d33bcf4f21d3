"""Rules of the thirty-first round (2/12/2026, issue 15), written against misses of held-out 28
and the sets before it (development since their one measurement each). Every text is invented for
the test; none is a page's."""

from __future__ import annotations

from misconduct.ingest import extract

# --- Forum ----------------------------------------------------------------------------------------


def test_a_misconduct_hearing_named_stays_one_when_the_chief_constable_chaired() -> None:
    text = (
        " date 2022-03-04 Former officer would have been sacked\n"
        "A former Kent Police constable would have been dismissed had he not resigned, a "
        "misconduct hearing has found.\n"
        "PC Jo Bloggs sent messages to a witness.\n"
        "Chairing the hearing, Chief Constable Sam Smith found the breaches proven."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("forum") == "misconduct_hearing"


def test_a_hearing_named_only_so_and_chaired_by_the_chief_constable_is_still_read_by_its_year() -> (
    None
):
    text = (
        " date 2022-03-04 Former officer would have been sacked\n"
        "PC Jo Bloggs of Kent Police would have been dismissed had he not resigned, a hearing "
        "found. The hearing was chaired by Chief Constable Sam Smith, who found gross misconduct."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("forum") == "accelerated_misconduct_hearing"


# --- Rank -----------------------------------------------------------------------------------------


def test_the_rank_an_officer_resigned_from_is_hers() -> None:
    text = (
        "A female officer has been barred from policing.\n"
        "Jo Bloggs resigned from her role as a police constable with Kent Police two days after "
        "being sentenced.\n"
        "An accelerated misconduct hearing heard that Bloggs had harassed a neighbour. Chief "
        "Constable Sam Smith said she would have been dismissed had she not resigned."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("rank") == "constable"


# --- Decision maker -------------------------------------------------------------------------------


def test_a_commander_abbreviated_who_chaired_the_hearing_decides() -> None:
    text = (
        "PC Jo Bloggs of the Metropolitan Police has been dismissed without notice for gross "
        "misconduct after a misconduct hearing.\n"
        'Cdr Sam Smith, who chaired the hearing, said: "PC Bloggs lied to her managers."'
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("decision_maker") == "Commander Sam Smith"


def test_a_commander_who_spoke_at_the_ruling_decides() -> None:
    text = (
        "PC Jo Bloggs of the Metropolitan Police was dismissed without notice at a misconduct "
        "hearing after running a business while suspended.\n"
        'Commander Sam Smith said at the ruling: "This was a full business, not a hobby."'
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("decision_maker") == "Commander Sam Smith"


def test_a_commander_who_only_commented_does_not_decide() -> None:
    text = (
        "PC Jo Bloggs of the Metropolitan Police was dismissed without notice at a misconduct "
        "hearing after running a business while suspended.\n"
        'Commander Sam Smith said: "Officers must declare their business interests."'
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("decision_maker") != "Commander Sam Smith"


# --- Hearing date ---------------------------------------------------------------------------------


def _hearing_date_with_incident(hearing_year: int) -> object:
    text = (
        "A Kent Police officer who swore at a shoplifter has been given a final written warning. "
        "PC Jo Bloggs swore during an incident in Ashford on 9 November 2023.\n"
        f"The misconduct hearing, held on 2 March {hearing_year}, found gross misconduct."
    )
    recs = extract(text).records
    assert len(recs) == 1
    return recs[0].value("hearing_date")


def test_a_hearing_date_before_the_incident_is_not_offered() -> None:
    assert _hearing_date_with_incident(2023) is None


def test_a_hearing_date_after_the_incident_is_still_offered() -> None:
    assert _hearing_date_with_incident(2024) == "2024-03-02"


def test_a_date_in_what_came_before_a_hearing_held_after_it_is_not_the_hearings() -> None:
    text = (
        "Kent Police PC Jo Bloggs has kept his job after a misconduct hearing.\n"
        "A hearing was held after he admitted to pushing a neighbour in May 2019.\n"
        "He was given a final written warning."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("hearing_date") is None


# --- Officers and speakers ------------------------------------------------------------------------


_SPOKEN_OF = (
    "An officer has been dismissed from the Metropolitan Police for gross misconduct.\n"
    "Jo Bloggs, of the North Area, faced a misconduct hearing and was found to have breached the "
    "Standards of Professional Behaviour.\n"
    '"The conduct of PC [Police Constable] Bloggs was disgraceful and the hearing rightly '
    'dismissed him," said Detective Chief Superintendent Sam Smith, who leads policing in the '
    "area."
)


def test_a_rank_spelt_out_in_brackets_is_the_officers() -> None:
    recs = extract(_SPOKEN_OF).records
    assert len(recs) == 1
    assert recs[0].value("rank") == "constable"


def test_the_officer_a_quotation_is_attributed_to_is_no_officer_of_the_case() -> None:
    recs = extract(_SPOKEN_OF).records
    assert [r.name for r in recs if r.name and "Smith" in r.name] == []


def test_an_officer_named_after_said_without_a_quotation_is_still_read() -> None:
    text = (
        "The panel said PC Jo Bloggs of Kent Police had lied to his sergeant and he was "
        "dismissed without notice for gross misconduct."
    )
    recs = extract(text).records
    assert len(recs) == 1
    assert recs[0].value("rank") == "constable"
    assert recs[0].name == "Jo Bloggs"
