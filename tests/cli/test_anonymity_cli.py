"""``misconduct case step direct-anonymity``: the chair's direction on anonymity and reporting from
the command line, over the same service and guards as the web form; bad input and refusals are one
line naming the field or the regulation, with nothing written."""

from __future__ import annotations

import json

import pytest

from misconduct.app import models as m
from tests.app.api.test_hearing_api import referred
from tests.cli.test_cases import one_line_error, run
from tests.services.test_hearing import HEARING

pytestmark = pytest.mark.django_db


def _step(ref: str, step: str, data: dict[str, object], *extra: str) -> object:
    return run("case", "step", ref, step, "--data", json.dumps(data), *extra)


def test_the_chair_s_direction_is_recorded_and_lifted_from_the_command_line() -> None:
    ref = referred()
    assert _step(ref, "arrange-proceedings", HEARING).exit_code == 0
    given = _step(
        ref,
        "direct-anonymity",
        {"on": "2026-09-10", "cipher": "PC A", "reasons": "Welfare grounds."},
        "--format",
        "json",
    )
    assert given.exit_code == 0, given.output
    out = json.loads(given.output)
    assert out["proceedings"]["arrangement"]["anonymity_cipher"] == "PC A"
    assert out["proceedings"]["directions"][0]["chair"] == "demo"
    assert m.Case.objects.get(ref=ref).anonymity_cipher == "PC A"
    lifted = _step(ref, "direct-anonymity", {"on": "2026-09-20", "lift": True})
    assert lifted.exit_code == 0, lifted.output
    assert "recorded" in lifted.output
    assert m.Case.objects.get(ref=ref).anonymity_cipher == ""


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        ({"on": "2026-09-10", "cipher": "PC A"}, 3, "SI 2020/4 reg 39(3A)"),
        ({"on": "2026-09-10", "cipher": "PC Harper", "reasons": "Welfare."}, 2, "cipher"),
        ({"on": "2026-09-10", "lift": True}, 2, "lift"),
    ],
)
def test_a_bad_or_refused_direction_is_one_line_and_nothing_is_written(
    data: dict[str, object], code: int, words: str
) -> None:
    ref = referred()
    assert _step(ref, "arrange-proceedings", HEARING).exit_code == 0
    before = m.Event.objects.filter(case__ref=ref).count()
    assert words in one_line_error(_step(ref, "direct-anonymity", data), code)
    assert m.Event.objects.filter(case__ref=ref).count() == before


def test_before_the_hearing_is_arranged_the_step_is_refused() -> None:
    ref = referred()
    result = _step(ref, "direct-anonymity", {"on": "2026-08-24", "cipher": "PC A"})
    assert "SI 2020/4 reg 39(3); reg 59(2)" in one_line_error(result, 3)


def test_arranging_again_from_the_command_line_keeps_the_order_until_it_is_lifted() -> None:
    ref = referred()
    assert _step(ref, "arrange-proceedings", HEARING).exit_code == 0
    direction = {"on": "2026-09-10", "cipher": "PC A", "reasons": "Welfare grounds."}
    assert _step(ref, "direct-anonymity", direction).exit_code == 0
    again = {**HEARING, "on": "2026-09-11", "venue": "Room 5"}
    assert _step(ref, "arrange-proceedings", again).exit_code == 0
    assert m.Case.objects.get(ref=ref).anonymity_cipher == "PC A"
    lifted = _step(ref, "arrange-proceedings", {**again, "on": "2026-09-12", "lift": True})
    assert lifted.exit_code == 0, lifted.output
    assert m.Case.objects.get(ref=ref).anonymity_cipher == ""
    before = m.Event.objects.filter(case__ref=ref).count()
    refused = _step(ref, "arrange-proceedings", {**again, "on": "2026-09-13", "lift": True})
    assert "lift" in one_line_error(refused, 2)
    assert m.Event.objects.filter(case__ref=ref).count() == before


def test_an_exclusion_and_the_reasons_given_from_the_command_line() -> None:
    ref = referred()
    assert _step(ref, "arrange-proceedings", HEARING).exit_code == 0
    before = m.Event.objects.filter(case__ref=ref).count()
    refused = _step(ref, "exclude-from-proceedings", {"on": "2026-09-10", "public": True})
    assert "SI 2020/4 reg 39(3A)" in one_line_error(refused, 3)
    bad = _step(ref, "exclude-from-proceedings", {"on": "2026-09-10", "reasons": "r"})
    assert "person" in one_line_error(bad, 2)
    assert m.Event.objects.filter(case__ref=ref).count() == before
    excluded = _step(
        ref,
        "exclude-from-proceedings",
        {"on": "2026-09-10", "public": True, "part": "closing speeches", "reasons": "Safety."},
        "--format",
        "json",
    )
    assert excluded.exit_code == 0, excluded.output
    out = json.loads(excluded.output)
    assert out["proceedings"]["exclusions"][0]["part"] == "closing speeches"
    given = _step(ref, "reasons-to-policing-body", {"on": "2026-09-11"}, "--format", "json")
    assert given.exit_code == 0, given.output
    actions = json.loads(given.output)["proceedings"]["privacy_actions"]
    assert [a["given_on"] for a in actions] == ["2026-09-11"]
