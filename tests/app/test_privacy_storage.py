"""The privacy steps stored and replayed on SQLite and PostgreSQL: an anonymity order carried into a
new arrangement, the public excluded from the whole hearing and the written reasons to the local
policing body are written through the one write path, the case's row keeps the cipher, and ``audit
verify`` folds them again to the stored state, columns and read models."""

from __future__ import annotations

import pytest

from misconduct.app import models as m
from misconduct.app.audit import verify_database
from misconduct.app.repository import DjangoUnitOfWork
from misconduct.services.cases import CaseService
from misconduct.services.intake import open_case
from tests.services.fakes import SteppingClock
from tests.services.test_hearing import HEARING, TO_RESPONSE, step
from tests.services.test_intake import overtime

pytestmark = pytest.mark.django_db(databases="__all__")


def test_the_privacy_steps_are_stored_and_replay_to_the_stored_state(alias: str) -> None:
    svc = CaseService(lambda: DjangoUnitOfWork(alias), clock=SteppingClock(), actor="psd.tester")
    ref = open_case(svc, overtime()).ref
    for command in TO_RESPONSE:
        svc.execute(ref, command)
    step(svc, ref, "arrange-proceedings", HEARING)
    direction = {"on": "2026-09-10", "cipher": "PC A", "reasons": "Credible threats."}
    step(svc, ref, "direct-anonymity", direction)
    step(svc, ref, "arrange-proceedings", {**HEARING, "on": "2026-09-11", "venue": "Room 5"})
    assert m.Case.objects.using(alias).get(ref=ref).anonymity_cipher == "PC A"
    exclusion = {"on": "2026-09-12", "public": True, "reasons": "A child witness."}
    step(svc, ref, "exclude-from-proceedings", exclusion)
    case = step(svc, ref, "reasons-to-policing-body", {"on": "2026-09-14"})
    assert case.proceedings is not None and not case.proceedings.arrangement.in_public
    assert [x.given_on is not None for x in case.proceedings.privacy_actions] == [True, True]
    types = list(
        m.Event.objects.using(alias)
        .filter(case__ref=ref)
        .order_by("sequence")
        .values_list("type", flat=True)
    )
    assert types[-4:] == [
        "AnonymityDirected",
        "ProceedingsArranged",
        "ExcludedFromProceedings",
        "PrivacyReasonsGiven",
    ]
    report = verify_database(alias)
    assert report.ok, report.problems
