"""Rules of the thirty-seventh round (2/12/2026, issue 15), written against misses of held-out 32
(development since its one measurement at 49b221c). Every text is invented for the test; none is
a page's."""

from __future__ import annotations

from misconduct.ingest import extract


def test_charges_dismissed_at_the_force_s_request_clear_the_retired_officer() -> None:
    """A headline's "MISCONDUCT CASE DISMISSED" and "recommend that the charges be dismissed" are
    the case's and the charges' dismissal, not the officer's."""
    text = (
        "FORCE APOLOGISES AS MISCONDUCT CASE DISMISSED\n\n"
        "Retired former superintendent Jo Bloggs was alleged to have breached the standards of "
        "honesty and integrity, and a misconduct hearing began on Monday. But the charges were "
        "dismissed yesterday at the force's own request.\n"
        "A panel was forced to recommend that the misconduct charges be dismissed."
    )
    (rec,) = extract(text).records
    assert rec.value("outcome") == "no_further_action"
    assert rec.value("finding") == "no_misconduct"
    assert rec.value("status") == "former"


def test_an_officer_who_quit_the_force_before_the_hearing_would_have_been_dismissed() -> None:
    """ "Quit the force in February but still faced proceedings ... concluded with his dismissal":
    one who has left cannot be dismissed; the date of the message he sent is not the hearing's."""
    text = (
        "A City of London police officer has been sacked for sending an offensive message, after "
        "a short misconduct hearing.\n"
        "PC Jo Bloggs quit the force in February but still faced disciplinary proceedings on "
        "Thursday over a message he sent on July 3, 2021."
    )
    (rec,) = extract(text).records
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.value("status") == "former"
    assert rec.value("hearing_date") is None


def test_an_ampersand_names_the_force() -> None:
    text = (
        "An Avon & Somerset police officer who committed gross misconduct has been sacked on the "
        "spot, but the force will not name him."
    )
    (rec,) = extract(text).records
    assert rec.value("force") == "avon_and_somerset"


def test_an_officer_of_another_force_named_in_passing_is_not_the_officer() -> None:
    """The officer of the case is not named; an officer of another force named in a sentence
    telling no result of this case is not read as them (and so not as the officer's name)."""
    text = (
        "An Avon & Somerset police officer who committed gross misconduct was sacked on the spot, "
        "but the force will not name him.\n"
        "The murder of a woman in 2021 by serving Metropolitan Police officer Sam Smith shone the "
        "spotlight on officers who pose a threat."
    )
    (rec,) = extract(text).records
    assert rec.name is None
    assert rec.value("anonymised") is True
    assert rec.value("force") == "avon_and_somerset"


def test_an_officer_described_by_rank_and_named_in_full_then_by_surname_is_named() -> None:
    """ "A former police sergeant ... Tim Bloggs was found to have been culpable ... Mr Bloggs":
    the described officer is the one named, with the rank the description gives."""
    text = (
        "Devon and Cornwall Police have issued a statement about a recent gross misconduct "
        "hearing of a former police sergeant.\n"
        "At a two-day gross misconduct hearing last week, Tim Bloggs was found to have been "
        "culpable for gross misconduct and dismissed with immediate effect.\n"
        "Concerns around Mr Bloggs's honesty were raised internally."
    )
    (rec,) = extract(text).records
    assert rec.name == "Tim Bloggs"
    assert rec.value("anonymised") is False
    assert rec.value("rank") == "sergeant"
