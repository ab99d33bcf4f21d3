"""Fixtures for the web and API tests: the demo cases, and one user per role and force."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from misconduct.app.ledger import audit_key
from misconduct.app.roles import Role
from misconduct.app.web.models import Membership
from misconduct.services.demo import CANONICAL_REF, canonical_case, load_demo
from tests.snapshot import Snapshot, record

PASSWORD = "test-password-1"
CANONICAL_CHAIR = "Assistant Commissioner (professionalism)"


def demo_service(actor: str = "tests", using: str = "default") -> Any:
    from misconduct.app import bootstrap

    return bootstrap.service(actor, lambda: datetime(2026, 11, 25, 9, tzinfo=UTC), using)


@dataclass(frozen=True)
class DemoSnapshot:
    """What a load of the demo wrote to one database, the load itself, and the ledger key it was
    signed with (the ledger's MACs depend on it, and it comes from the environment)."""

    snapshot: Snapshot
    key: bytes | None
    loader: Callable[[], object]

    @classmethod
    def record(cls, using: str, loader: Callable[[], object] | None = None) -> DemoSnapshot:
        """Run ``loader`` (``load_demo`` unless given) in a transaction rolled back, keeping what
        it wrote."""
        load = loader or (lambda: load_demo(demo_service(using=using)))
        key = audit_key()
        _, snapshot = record(using, load)
        return cls(snapshot, key, load)

    def load(self) -> None:
        """The demo, as the loader would write it: from the snapshot when the database is as it was
        recorded from, through the loader otherwise."""
        if self.key == audit_key() and self.snapshot.applies():
            self.snapshot.apply()
        else:
            self.loader()


@pytest.fixture
def demo(db: None, demo_snapshot: DemoSnapshot) -> list[str]:
    """Every demo case, loaded into the test database (written from the rows one load made, once per
    session: see ``demo_snapshot`` in tests/conftest.py)."""
    demo_snapshot.load()
    from misconduct.app import models as m

    return list(m.Case.objects.values_list("ref", flat=True))


@pytest.fixture
def canonical_at_findings(db: None) -> str:
    """The canonical case up to its findings: the chair's assessment and decision still to come."""
    demo_case = canonical_case()
    steps = []
    for step in demo_case.steps:
        if type(step).__name__ == "DecideOutcome":
            break
        steps.append(step)
    demo_service().open(demo_case.opening, steps)
    return CANONICAL_REF


def make_user(
    username: str, grants: list[tuple[Role, str]], full_name: str = "", **extra: Any
) -> Any:
    first, _, last = full_name.partition(" ")
    user = get_user_model().objects.create_user(
        username, password=PASSWORD, first_name=first, last_name=last, **extra
    )
    for role, force in grants:
        Membership.objects.create(user=user, role=role.value, force=force)
    return user


@pytest.fixture
def users(db: None) -> dict[str, Any]:
    """A user for each role in the Metropolitan Police, and some that must be kept out."""
    met = "metropolitan"
    return {
        "officer": make_user("officer", [(Role.CASE_OFFICER, met)]),
        "authority": make_user("authority", [(Role.APPROPRIATE_AUTHORITY, met)]),
        "chair": make_user("chair", [(Role.CHAIR, met)], CANONICAL_CHAIR),
        "other_chair": make_user("other_chair", [(Role.CHAIR, met)], "Somebody Else"),
        "viewer": make_user("viewer", [(Role.VIEWER, met)]),
        "kent_officer": make_user("kent_officer", [(Role.CASE_OFFICER, "kent")]),
        "no_role": make_user("no_role", []),
        "admin": make_user("admin", [], is_staff=True, is_superuser=True),
    }


@pytest.fixture
def login(users: dict[str, Any]) -> Callable[[str], Client]:
    def client_for(name: str) -> Client:
        c = Client()
        if name != "anonymous":
            assert c.login(username=name, password=PASSWORD)
        return c

    return client_for


TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> date:
    """Pages read the clock through ``store.today``; tests pin it."""
    from misconduct.app.web import store

    monkeypatch.setattr(store, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def uncalibrated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest with the extractor's own confidences, without the review queue's calibration
    (``misconduct.ingest.calibration.TABLE``, fitted on data and refitted as the rules change): for
    tests of the register that need an invented notice to enter it at once."""
    from misconduct.ingest import calibration

    monkeypatch.setattr(calibration, "TABLE", ())
