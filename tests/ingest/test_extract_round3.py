"""Rules added on 30/11/2026 (issue 15, third round), one test each. Texts are written for the test."""

from __future__ import annotations

from datetime import date

from misconduct.ingest import extract, refusal
from misconduct.ingest.dates import DayMonth, publication_date, year_before
from misconduct.ingest.model import OfficerRecord


def _only(text: str) -> OfficerRecord:
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 1, [r.label for r in ex.records]
    return ex.records[0]


def test_a_day_and_month_without_a_year_is_the_last_before_the_page_was_published() -> None:
    text = (
        " date 2022-05-09 Officer sacked\n\nA Kent officer was dismissed without notice for "
        "gross misconduct following a misconduct hearing on April 21.\n"
    )
    # Eighth round: a stored copy's "date ..." prefix is not the page's text, so it gives no year
    # (docs/register-accuracy.md, the one convention); the page's own "Published" line does.
    assert _only(text).value("hearing_date") is None
    rec = _only(text.replace(" date 2022-05-09 ", "Published: 9 May 2022\n"))
    assert rec.value("hearing_date") == "2022-04-21"
    assert rec.fields["hearing_date"].confidence < 0.6  # the year is inferred: goes to review


def test_the_publication_date_is_read_from_a_dateline_only() -> None:
    assert publication_date(" date 2023-01-05 A sergeant ...") == date(2023, 1, 5)
    assert publication_date("Published: 10:53 PM April 16, 2021 Updated ...") == date(2021, 4, 16)
    assert publication_date("A hearing on 3 January 2023 ...") is None
    assert year_before(DayMonth(3, 1, None, 0, 0, ""), date(2023, 1, 5)) == 2023
    assert year_before(DayMonth(6, 1, None, 0, 0, ""), date(2023, 1, 5)) == 2022


def test_received_a_final_warning_is_a_final_written_warning() -> None:
    text = (
        "Officer keeps job\n\nA Met Police officer has received a final warning after a "
        "misconduct panel found his use of force amounted to misconduct.\n"
    )
    assert _only(text).value("outcome") == "final_written_warning"


def test_a_final_warning_notice_is_not_an_outcome() -> None:
    text = (
        "Officer dismissed\n\nThe officer was dismissed without notice at a gross misconduct "
        "hearing; a final warning notice served in 2019 was read to the panel.\n"
    )
    assert _only(text).value("outcome") == "dismissal_without_notice"


def test_a_text_naming_the_iopc_and_a_final_written_warning_is_read_without_misconduct() -> None:
    text = (
        "PC Dean Hale, of Greater Manchester Police, has received a final written warning after "
        "a relationship with a woman he met on duty. The warning was issued following an "
        "investigation by the Independent Office for Police Conduct (IOPC).\n"
    )
    assert refusal(text) is None
    assert _only(text).value("outcome") == "final_written_warning"


def test_a_text_about_a_written_warning_at_work_is_still_refused() -> None:
    text = "A shop assistant was given a written warning by her employer for lateness last week."
    assert refusal(text) is not None


def test_an_officer_who_had_resigned_is_one_who_would_have_been_dismissed() -> None:
    text = (
        "Wiltshire officers\n\nIn March, PC Chris Grove was dismissed for gross misconduct. The "
        "officer, who had already resigned from the force, had started a relationship with a "
        "vulnerable woman.\n"
    )
    rec = _only(text)
    assert rec.value("outcome") == "would_have_been_dismissed"
    assert rec.value("status") == "former"


def test_a_rejected_resignation_does_not_make_a_dismissal_a_would_have_been() -> None:
    text = (
        "PC sacked\n\nPC Mark Ellis handed in his resignation upon his conviction but that was "
        "rejected, and a misconduct hearing found gross misconduct. He was dismissed without "
        "notice.\n"
    )
    assert _only(text).value("outcome") == "dismissal_without_notice"


def test_in_a_two_officer_text_only_the_officer_who_resigned_would_have_been_dismissed() -> None:
    text = (
        "Two officers dismissed\n\nTwo Cambridgeshire officers, PC A and PC B, were dismissed "
        "without notice for gross misconduct following a private hearing on 21 April 2022. The "
        "hearing was told PC B had resigned from the police service before the hearing.\n"
    )
    recs = {r.label: r for r in extract(text).records}
    outcomes = sorted(r.value("outcome") for r in recs.values())
    assert outcomes == ["dismissal_without_notice", "would_have_been_dismissed"]
    assert [r.value("outcome") for r in recs.values() if "B" in r.label] == [
        "would_have_been_dismissed"
    ]


def test_a_group_that_resigned_does_not_turn_one_officers_dismissal() -> None:
    text = (
        "Officers let go\n\nOne officer, PC Alex Keane, was dismissed without notice for gross "
        "misconduct after an assault. Some were fired, others resigned before facing the music, "
        "and a few got final warnings.\n"
    )
    assert extract(text).records[0].value("outcome") == "dismissal_without_notice"


TABLE = (
    "Freedom of Information request\n\nWest Yorkshire Police holds the information. Please see "
    "the below table.\n|\nAllegation |\nOutcome |\n---|---|---|\nOfficer 1 |\nConfidentiality |\n"
    "Misconduct meeting – Officer received management advice. |\nOfficer 2 |\n"
    "Discreditable Conduct |\nMisconduct meeting – Officer received a written warning. |\n"
    "It is important for public confidence that the force is open about misconduct.\n"
)


def test_a_table_with_one_officer_a_row_gives_one_record_a_row_with_its_own_cells() -> None:
    one, two = extract(TABLE).records
    assert (one.label, one.value("outcome"), one.value("standards")) == (
        "Officer 1",
        "management_advice",
        ["confidentiality"],
    )
    assert (two.label, two.value("outcome"), two.value("standards")) == (
        "Officer 2",
        "written_warning",
        ["discreditable_conduct"],
    )
    assert one.value("forum") == two.value("forum") == "misconduct_meeting"
    assert one.value("force") == "west_yorkshire"


def test_a_one_row_table_is_still_read_as_one_record() -> None:
    text = (
        "Misconduct outcome\n| Rank | Date | Finding | Outcome |\n|---|---|---|---|\n"
        "| PC | 12/03/2024 | Gross misconduct | Dismissed without notice |\n"
    )
    rec = _only(text)
    assert rec.value("outcome") == "dismissal_without_notice"
    assert rec.value("finding") == "gross_misconduct"


def test_a_table_printed_one_row_a_line_gives_one_record_a_row_that_ends_with_an_outcome() -> None:
    text = (
        "Special Constable – Misconduct\n\nReference: FOI-1017-21\n\nPlease see below the "
        "information you have requested:\n\nYear Breach Type(s) Summary Outcome\n"
        "2015 Discreditable Conduct Convicted at court for assault Dismissed\n"
        "2016 Authority, Respect and Courtesy. Discreditable Conduct Improper relationship Dismissed\n"
        "Discreditable conduct Dismissed from full time job for a policy breach Resigned whilst "
        "under investigation\n"
    )
    recs = extract(text).records
    assert [r.value("outcome") for r in recs] == ["dismissal_without_notice"] * 2
    assert recs[0].value("standards") == ["discreditable_conduct"]
    assert recs[1].value("standards") == ["authority_respect_and_courtesy", "discreditable_conduct"]


def test_a_hearing_still_to_come_is_not_the_forum_of_the_outcome_reported() -> None:
    text = (
        "Officers warned\n\nTwo serving officers will face gross misconduct hearings later this "
        "year. We have already held misconduct meetings for three Gwent Police officers; "
        "misconduct was proven and they received a written warning.\n"
    )
    assert {r.value("forum") for r in extract(text).records} == {"misconduct_meeting"}


def test_the_named_officers_own_sentence_gives_the_outcome_in_a_round_up() -> None:
    text = (
        "Misogyny in policing\n\nThese hearings have resulted in one dismissal and one final "
        "written warning. Last week, Wiltshire Police Inspector Andy Morton was dismissed without "
        "notice after several colleagues reported misogynistic behaviour amounting to gross "
        "misconduct.\n"
    )
    assert _only(text).value("outcome") == "dismissal_without_notice"


def test_an_earlier_warning_is_not_the_outcome_reported() -> None:
    text = (
        "Officer sacked\n\nThe officer had previously been given a final written warning in "
        "2019. A misconduct panel found gross misconduct and he was dismissed without notice.\n"
    )
    assert _only(text).value("outcome") == "dismissal_without_notice"


def test_a_count_of_police_staff_is_not_a_count_of_officers() -> None:
    text = (
        "Misconduct findings after a death in custody\n\nOne detention officer received a final "
        "written warning. Two custody sergeants who had responsibility for the custody centre "
        "during her detention were found to have committed misconduct and were given management "
        "advice.\n"
    )
    recs = extract(text).records
    assert [r.value("outcome") for r in recs] == ["management_advice", "management_advice"]


def test_officers_listed_under_an_outcome_heading_each_get_that_outcome() -> None:
    text = (
        "Quarterly outcomes\n\nA list of Greater Manchester Police misconduct outcomes was released. "
        "Those who were dismissed included a police sergeant who kicked a dog. There was a police "
        "sergeant convicted of fraud, and two police constables convicted of assault. Those who "
        "would have been dismissed if still with the force included two PCs convicted of theft. "
        "Meanwhile one officer breached coronavirus restrictions and lied about it.\n"
    )
    from collections import Counter

    recs = extract(text).records
    assert Counter(r.value("outcome") for r in recs) == Counter(
        {"dismissal_without_notice": 4, "would_have_been_dismissed": 3}
    )
    assert {
        r.value("status") for r in recs if r.value("outcome") == "would_have_been_dismissed"
    } == {"former"}


NOTTS = (
    "A Nottinghamshire police officer has been dismissed without notice. An accelerated "
    "misconduct hearing determined the unnamed police constable breached the Standards of "
    "Professional Behaviour in respect of discreditable conduct, amounting to gross misconduct.\n"
    "The case follows one in May, where a police staff member faced a hearing. Misconduct was "
    "found at the hearing and the sanction was dismissal without notice.\n"
    "A second May hearing saw an unnamed detective constable ordered to a misconduct hearing "
    "over a voicemail. The standards engaged were authority, respect and courtesy, and gross "
    "misconduct was found. The outcome was a written warning.\n"
)


def test_unnamed_officers_of_different_ranks_are_different_officers() -> None:
    pc, dc = extract(NOTTS).records
    assert (pc.label, pc.value("outcome")) == (
        "the unnamed police constable",
        "dismissal_without_notice",
    )
    assert (dc.label, dc.value("outcome")) == ("the unnamed detective constable", "written_warning")


def test_each_officers_forum_and_finding_come_from_their_own_words() -> None:
    pc, dc = extract(NOTTS).records
    assert pc.value("forum") == "accelerated_misconduct_hearing"
    assert dc.value("forum") == "misconduct_hearing"
    # the staff member's "Misconduct was found" is not the constable's finding
    assert pc.value("finding") == "gross_misconduct"
    # the detective's "gross misconduct was found" with a written warning: a written warning
    # follows only misconduct, so the finding is misconduct (sixth round)
    assert dc.value("finding") == "misconduct"
    assert pc.value("standards") == ["discreditable_conduct"]
    assert dc.value("standards") == ["authority_respect_and_courtesy"]


def test_the_male_and_the_female_officer_are_two_officers_and_a_tendered_resignation_counts() -> (
    None
):
    text = (
        " date 2024-01-30 Two officers of Hertfordshire Police have been dismissed for gross "
        "misconduct after sexual activity on police premises.\n\nThe female officer later made "
        "a complaint about the encounters.\n\nThe male officer tendered his resignation in "
        "December 2022, admitting the gross misconduct.\n"
    )
    recs = {r.label: r for r in extract(text).records}
    assert set(recs) == {"the female officer", "the male officer"}
    assert recs["the female officer"].value("outcome") == "dismissal_without_notice"
    assert recs["the male officer"].value("outcome") == "would_have_been_dismissed"


def test_a_written_warnings_printed_period_is_read() -> None:
    text = (
        "Officer warned\n\nA Nottinghamshire detective constable was found to have committed "
        "misconduct at a misconduct hearing. The outcome was a written warning, 18 months.\n"
    )
    rec = _only(text)
    assert (rec.value("outcome"), rec.value("warning_months")) == ("written_warning", 18)


def test_each_officer_keeps_the_period_printed_in_their_own_words() -> None:
    text = (
        "Two officers warned\n\nAt a misconduct hearing PC Anna Grey was given a final written "
        "warning for two years for gross misconduct. PC Ben Stone was given a written warning "
        "for 18 months for misconduct.\n"
    )
    grey, stone = extract(text).records
    assert (grey.value("outcome"), grey.value("warning_months")) == ("final_written_warning", 24)
    assert (stone.value("outcome"), stone.value("warning_months")) == ("written_warning", 18)
