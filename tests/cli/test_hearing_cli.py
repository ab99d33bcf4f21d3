"""``misconduct case step`` for hearing administration: the same steps and guards as the web and the
API; bad input is one line naming the field, with nothing written."""

from __future__ import annotations

import json

import pytest

from misconduct.app import models as m
from tests.app.api.test_hearing_api import referred
from tests.cli.test_cases import one_line_error, run
from tests.services.test_hearing import HEARING

pytestmark = pytest.mark.django_db


def _step(ref: str, step: str, data: dict[str, object]) -> object:
    return run("case", "step", ref, step, "--data", json.dumps(data), "--format", "json")


def test_the_hearing_is_arranged_noticed_and_adjourned_from_the_command_line() -> None:
    ref = referred()
    arranged = _step(ref, "arrange-proceedings", HEARING)
    assert arranged.exit_code == 0, arranged.output
    out = json.loads(arranged.output)
    assert out["proceedings"]["arrangement"]["starts_at"] == "10:00:00"
    assert out["proceedings"]["arrangement"]["venue"] == "Room 4, Empress State Building"
    assert _step(ref, "hearing-notice", {"on": "2026-08-28"}).exit_code == 0
    adjourned = _step(
        ref,
        "adjourn",
        {"on": "2026-09-01", "resumes_on": "2026-10-13", "reasons": "The chair is unwell."},
    )
    assert adjourned.exit_code == 0, adjourned.output
    labels = [e["label"] for e in json.loads(adjourned.output)["timeline"]]
    assert labels[-1] == (
        "Proceedings adjourned from 06/10/2026 to 13/10/2026. Reasons: The chair is unwell."
    )


@pytest.mark.parametrize(
    ("step", "data", "code", "words"),
    [
        ("arrange-proceedings", {**HEARING, "starts_at": "noon"}, 2, "starts_at"),
        (
            "arrange-proceedings",
            {**HEARING, "qualified_lay_member": ""},
            3,
            "needs one lay member with relevant qualifications",
        ),
        ("adjourn", {"on": "2026-09-01", "resumes_on": "2026-10-13"}, 2, "reasons"),
        ("hearing-notice", {"on": "2026-08-28"}, 3, "expected proceedings_arranged"),
    ],
)
def test_bad_hearing_input_is_one_line_and_nothing_is_written(
    step: str, data: dict[str, object], code: int, words: str
) -> None:
    ref = referred()
    before = m.Event.objects.filter(case__ref=ref).count()
    result = run("case", "step", ref, step, "--data", json.dumps(data))
    assert words in one_line_error(result, code)
    assert m.Event.objects.filter(case__ref=ref).count() == before
