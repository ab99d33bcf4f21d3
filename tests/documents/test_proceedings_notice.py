"""The notice to the officer of the date, time and place of the meeting or hearing and of the panel
(SI 2020/4 reg 35(1)-(9)): what it must say, in HTML, PDF and DOCX, and when it is refused."""

from __future__ import annotations

from typing import Any

import pytest

from misconduct.documents.adapter import context_from_case
from misconduct.documents.render import build, render
from misconduct.errors import InvalidInput
from tests.documents.reading import docx_text, flat, pdf_text
from tests.services.test_hearing import HEARING, referred, step
from tests.services.test_meeting_limit import MEETING, referred_to_a_meeting


@pytest.fixture(scope="module")
def noticed() -> Any:
    """The overtime sergeant's hearing arranged with the 2024 panel; notice given 28/08/2026."""
    svc, ref = referred()
    step(svc, ref, "arrange-proceedings", HEARING)
    step(svc, ref, "hearing-notice", {"on": "2026-08-28"})
    return svc, ref


def test_the_notice_gives_date_time_place_panel_and_the_right_to_object(noticed: Any) -> None:
    svc, ref = noticed
    doc = build("reg35-notice", context_from_case(svc.case(ref)))
    text = flat(doc.text())
    assert doc.marking.startswith("OFFICIAL-SENSITIVE")
    assert "Notice of the misconduct hearing and the panel" in text
    assert "Date of this notice 28 August 2026" in text
    assert "Tuesday 6 October 2026" in text and "10:00" in text
    assert "Room 4, Empress State Building" in text
    # The chair in their capacity, each member and the adviser in their role.
    assert "demo (chief officer's delegate)" in text
    assert "Lay member with relevant qualifications or experience Alex Lay" in text
    assert "Lay member Sam Member" in text
    assert "Legally qualified person (adviser) Jo Counsel" in text
    # reg 35(3)-(4): the members (not the chair), in writing, with grounds, by the last day the
    # rules give (Monday 31/08/2026 is a bank holiday).
    assert "object to any of the panel members named above (Alex Lay and Sam Member)" in text
    assert "but not to the chair" in text and "set out your grounds" in text
    assert "by 3 September 2026" in text
    assert "SI 2020/4 reg 35(2)-(9)" in text and "SI 2020/4 reg 35(1)" in text
    assert "You must attend" in text


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_notice_renders_to_pdf_and_docx(noticed: Any, fmt: str) -> None:
    svc, ref = noticed
    rendered = render("reg35-notice", context_from_case(svc.case(ref)), fmt)
    text = flat(pdf_text(rendered.content) if fmt == "pdf" else docx_text(rendered.content))
    assert "Room 4, Empress State Building" in text
    assert "3 September 2026" in text and "Alex Lay" in text
    assert rendered.filename.endswith("." + fmt)


def test_after_an_adjournment_the_notice_gives_the_new_date_and_says_it_replaces_the_old() -> None:
    svc, ref = referred()
    step(svc, ref, "arrange-proceedings", HEARING)
    step(svc, ref, "hearing-notice", {"on": "2026-08-28"})
    step(
        svc,
        ref,
        "adjourn",
        {
            "on": "2026-09-01",
            "resumes_on": "2026-10-08",
            "reasons": "Chair unwell.",
            "venue": "Room 9",
        },
    )
    step(svc, ref, "hearing-notice", {"on": "2026-09-02"})
    text = flat(build("reg35-notice", context_from_case(svc.case(ref))).text())
    assert "was to begin on Tuesday 6 October 2026" in text
    assert "Thursday 8 October 2026" in text and "Room 9" in text


def test_after_a_replacement_the_notice_names_the_new_member_and_their_window() -> None:
    svc, ref = referred()
    step(svc, ref, "arrange-proceedings", HEARING)
    step(svc, ref, "hearing-notice", {"on": "2026-08-28"})
    objection = {"on": "2026-09-01", "member": "Sam Member", "grounds": "Bias."}
    step(svc, ref, "panel-objection", objection)
    decision = {"on": "2026-09-02", "member": "Sam Member", "decision": "upheld"}
    step(svc, ref, "decide-panel-objection", decision)
    replacement = {"on": "2026-09-07", "member": "Sam Member", "replacement": "Kim Other"}
    step(svc, ref, "replace-panel-member", replacement)
    text = flat(build("reg35-notice", context_from_case(svc.case(ref))).text())
    assert "Date of this notice 7 September 2026" in text
    assert "Sam Member has been replaced on the panel by Kim Other" in text
    assert "Lay member Kim Other" in text
    # reg 35(9)(b): 3 working days beginning with the first working day after 07/09/2026.
    assert "You may object to the new panel member (Kim Other)" in text
    assert "by 10 September 2026" in text


def test_a_meeting_notice_has_no_panel_and_no_objection() -> None:
    svc, ref = referred_to_a_meeting()
    step(svc, ref, "arrange-proceedings", MEETING)
    text = flat(build("reg35-notice", context_from_case(svc.case(ref))).text())
    assert "Notice of the misconduct meeting" in text
    assert "Conducted by demo (person conducting the proceedings)" in text
    assert "Room 2, Empress State Building" in text and "14:00" in text
    assert "object" not in text and "lawyer" not in text


def test_without_venue_or_time_the_notice_is_refused_naming_what_is_missing() -> None:
    svc, ref = referred()
    step(svc, ref, "arrange-proceedings", {**HEARING, "venue": ""})
    with pytest.raises(InvalidInput) as err:
        build("reg35-notice", context_from_case(svc.case(ref)))
    assert err.value.field == "reg35-notice" and "no venue recorded" in str(err.value)
