"""Rules of the twenty-sixth round (1/12/2026, issue 15), written against the misses of a user
trial of the register (notices invented for it, most of them hard-wrapped as a PDF's or a plain
text notice's lines are) and of the development sets. Every text is invented for the test; none
is a page's."""

from __future__ import annotations

from misconduct.ingest import extract
from misconduct.ingest.text import unwrap
from tests.ingest.reading import load_scorer, one_record

_one = one_record

# --- Hard-wrapped lines -------------------------------------------------------------------------

_WRAPPED = (
    "Kent Police - Misconduct hearing outcome\n\n"
    "Officer: PC Daniel Harlow\n"
    "Date of hearing: 14 March 2024\n\n"
    "A misconduct hearing chaired by Ms Rebecca Thornton, a legally qualified chair, found that PC Daniel\n"
    "Harlow breached the Standards of Professional Behaviour in respect of authority, respect and\n"
    "courtesy, and discreditable conduct, which amounted to gross misconduct. He was dismissed without\n"
    "notice and will be placed on the barred list.\n"
)


def test_a_hard_wrapped_notice_reads_as_its_sentences_do() -> None:
    ex = extract(_WRAPPED)
    # one officer (not "PC Daniel" and "Harlow" on two lines), both Standards of the wrapped list
    assert [r.label for r in ex.records] == ["PC Daniel Harlow"]
    rec = ex.records[0]
    assert rec.value("standards") == ["authority_respect_and_courtesy", "discreditable_conduct"]
    assert rec.value("outcome") == "dismissal_without_notice"
    assert rec.value("hearing_date") == "2024-03-14"
    # offsets are kept: the evidence is found where the original text has it
    ev = rec.fields["outcome"].evidence
    assert _WRAPPED[ev.start : ev.end] == ev.text == "dismissed without\nnotice"


def test_unwrap_keeps_labels_headlines_and_a_paragraph_a_line() -> None:
    assert unwrap(_WRAPPED).count("\n") == _WRAPPED.count("\n") - 3
    assert "Officer: PC Daniel Harlow\nDate of hearing" in unwrap(_WRAPPED)
    # a news excerpt, a paragraph a line under its headline, is left as it is
    excerpt = (
        "Sussex officer dismissed after lying about a crash on his way to work\n"
        + "A Sussex Police constable who lied to colleagues about how his car was damaged has been "
        "dismissed without notice after a misconduct hearing found he had breached the Standards "
        "of Professional Behaviour for honesty and integrity.\n" * 3
    )
    assert unwrap(excerpt) == excerpt


# --- A chair named in apposition or with the description -----------------------------------------


def test_a_chair_in_apposition_is_the_decision_maker_not_an_officer() -> None:
    ex = extract(
        "Thames Valley Police: misconduct meeting\n\n"
        "A misconduct meeting found that former Detective Sergeant Jo Bloggs breached the Standard "
        "of Professional Behaviour for confidentiality. The chair, Superintendent Sam Smith, found "
        "the breach amounted to misconduct. Had she still been serving she would have received a "
        "written warning.\n"
    )
    assert [r.label for r in ex.records] == ["Detective Sergeant Jo Bloggs"]
    assert ex.records[0].value("decision_maker") == "Superintendent Sam Smith"


def test_a_chair_named_with_the_description_is_named() -> None:
    before = _one(
        "A public misconduct hearing for PC Jo Bloggs of Durham Constabulary was chaired by Legally "
        "Qualified Chair Mrs Ann Bell. PC Bloggs was dismissed without notice for gross misconduct."
    )
    assert before.value("decision_maker") == "Legally Qualified Chair Mrs Ann Bell"
    after = _one(
        "A misconduct hearing chaired by Mr Ed Fox, legally qualified chair, found that PC Jo Bloggs "
        "of Kent Police committed gross misconduct. She was given a final written warning."
    )
    assert after.value("decision_maker") == "Mr Ed Fox"


# --- Hearing dates ----------------------------------------------------------------------------


def test_a_hearing_held_between_two_days_is_dated() -> None:
    rec = _one(
        "A misconduct hearing was held between 3 and 5 June 2024 at the force's headquarters. PC "
        "Jo Bloggs of Greater Manchester Police was found to have committed gross misconduct and "
        "was given a final written warning."
    )
    assert rec.value("hearing_date") == "2024-06-03"


def test_a_hearing_or_panel_held_on_a_date_dates_it_whatever_else_the_sentence_says() -> None:
    rec = _one(
        "Kent officer sacked\n\nPUBLISHED: 26 October 2020\n\n"
        "The misconduct panel, held from October 19 to 21, found PC Jo Bloggs's arrest of a man was "
        "unnecessary, and he was dismissed without notice for gross misconduct."
    )
    assert rec.value("hearing_date") == "2020-10-19"


def test_the_conducts_date_told_as_the_reason_or_as_what_footage_showed_is_not_the_hearings() -> (
    None
):
    reason = _one(
        "Jo Bloggs, a probationary constable with Kent Police, was sacked after making an offensive "
        "joke on April 15, 2020 to colleagues. A panel found gross misconduct."
    )
    assert reason.value("hearing_date") is None
    footage = _one(
        "PC Jo Bloggs of Kent Police was dismissed for gross misconduct. CCTV footage showed the now "
        "sacked officer approaching the couple at about 7pm on 24 June 2014."
    )
    assert footage.value("hearing_date") is None


def test_a_date_that_opens_or_closes_a_span_of_service_is_not_the_hearings() -> None:
    rec = _one(
        "Jo Bloggs, who was a probationary constable with Kent Police from January 7, 2019 until "
        "discharge on June 2, 2021, was found to have committed gross misconduct and was sacked."
    )
    assert rec.value("hearing_date") is None


# --- A warning period --------------------------------------------------------------------------


def test_another_officers_final_warning_period_is_not_given_to_a_written_warning() -> None:
    ex = extract(
        "Outcome of misconduct hearing: PC Sarah Hill and PS Tom Lee of Greater Manchester Police\n\n"
        "PC Hill was found to have breached the Standards for use of force. The panel found her "
        "conduct amounted to gross misconduct and she was given a final written warning for a "
        "period of 2 years.\n\n"
        "PS Lee was found to have breached the standard of challenging and reporting improper "
        "conduct. The panel found this amounted to misconduct and he was given a written warning.\n"
    )
    got = {r.label: (r.value("outcome"), r.value("warning_months")) for r in ex.records}
    assert got == {
        "PC Sarah Hill": ("final_written_warning", 24),
        "PS Tom Lee": ("written_warning", None),
    }


# --- The scorer: a range prints its first day ---------------------------------------------------


def test_the_scorer_takes_a_ranges_first_day_as_printed() -> None:
    scorer = load_scorer("ingest_eval_round26_under_test")
    assert scorer.stated("hearing_date", "2022-06-27", "Dates of hearing: 27-28 June 2022")
    assert scorer.stated("hearing_date", "2025-02-20", "Hearing 18-20 February 2025")
    assert scorer.stated("hearing_date", "2020-07-06", "held July 6-9, 2020")
    assert not scorer.stated("hearing_date", "2020-07-07", "held July 6-9, 2020")
    # a hearing named by its first day where the truth names its last is the same hearing
    assert scorer._same_hearing("2025-02-18", "2025-02-20", "Hearing 18-20 February 2025")
