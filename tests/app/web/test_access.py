"""Every URL of the web application, for every role: reachable by those who should reach it, and by
nobody else. A URL pattern without an entry in POLICY fails the suite, so a new page must be placed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from misconduct.app.roles import Action
from misconduct.services.demo import CANONICAL_REF

PUBLIC, LOGIN, ADMIN = "public", "login", "admin"
OPENER = "opener"  # a case officer in any force (the case's force is chosen on the page)

# URL name -> who may reach it: everyone, any signed-in user, or an action on the sample case.
POLICY: dict[str, str | Action] = {
    "public": PUBLIC,
    "feed": PUBLIC,
    "public-force": PUBLIC,
    "public-record": PUBLIC,
    "login": PUBLIC,
    "logout": LOGIN,
    "dashboard": LOGIN,
    "cases": LOGIN,
    "tokens": LOGIN,
    "revoke-token": LOGIN,
    "case": Action.VIEW_CASE,
    "assessment": Action.VIEW_CASE,
    "assessment-preview": Action.VIEW_CASE,
    "document": Action.VIEW_CASE,
    "step": Action.RECORD_STEP,  # with step_id add-party; other steps are checked below
    "new-case": OPENER,
    "my-work": LOGIN,
    "case-file": Action.VIEW_CASE,
    "upload": Action.RECORD_STEP,
    "evidence": Action.VIEW_CASE,  # tested with a file in tests/app/casefile/test_evidence.py
    "correct": Action.RECORD_STEP,  # #2 of the canonical case: a party added
    "access": Action.DETERMINE,  # the appropriate authority (PSD lead) of the force alone
}

SAMPLE_ARGS: dict[str, dict[str, Any]] = {
    "public-force": {"code": "metropolitan"},
    "public-record": {"ref": CANONICAL_REF},
    "case": {"ref": CANONICAL_REF},
    "assessment": {"ref": CANONICAL_REF},
    "assessment-preview": {"ref": CANONICAL_REF},
    "document": {"ref": CANONICAL_REF, "kind": "decision", "fmt": "html"},
    "step": {"ref": CANONICAL_REF, "step_id": "add-party"},
    "revoke-token": {"pk": 1},
    "case-file": {"ref": CANONICAL_REF},
    "upload": {"ref": CANONICAL_REF},
    "evidence": {"ref": CANONICAL_REF, "sha256": "0" * 64},
    "correct": {"ref": CANONICAL_REF, "sequence": 2},
}

POST_ONLY = {"assessment-preview", "revoke-token", "logout", "upload"}
NEEDS_FILE = {"evidence"}

# Who holds what on the canonical (Metropolitan) case; the chair is the one its proceedings name.
MAY: dict[str, set[Action]] = {
    "anonymous": set(),
    "no_role": set(),
    "admin": set(),
    "kent_officer": set(),
    "other_chair": set(),
    "viewer": {Action.VIEW_CASE},
    "officer": {Action.VIEW_CASE, Action.RECORD_STEP, Action.OPEN_CASE},
    "authority": {Action.VIEW_CASE, Action.DETERMINE},
    "chair": {Action.VIEW_CASE, Action.DECIDE},
}


def web_patterns() -> list[URLPattern]:
    resolver = get_resolver()
    out: list[URLPattern] = []

    def walk(entries: list[Any], namespace: str | None) -> None:
        for e in entries:
            if isinstance(e, URLResolver):
                walk(e.url_patterns, e.namespace or namespace)
            elif isinstance(e, URLPattern) and namespace == "web":
                out.append(e)

    walk(resolver.url_patterns, None)
    return out


def test_every_web_url_pattern_has_an_access_policy() -> None:
    names = {p.name for p in web_patterns()}
    assert names, "no web URL patterns found"
    assert names - set(POLICY) == set(), "place new URLs in POLICY"
    assert set(POLICY) - names == set()


def _expected(user: str, policy: str | Action) -> bool:
    if policy == PUBLIC:
        return True
    if policy == LOGIN:
        return user != "anonymous"
    if policy == OPENER:
        return user in ("officer", "kent_officer")
    assert isinstance(policy, Action)
    return policy in MAY[user]


def _denied(response: Any, user: str) -> bool:
    if user == "anonymous":
        return response.status_code == 302 and "/login/" in response["Location"]
    return response.status_code in (403, 404)


@pytest.mark.parametrize("user", sorted(MAY))
def test_each_role_reaches_exactly_the_urls_it_should(
    user: str, demo: list[str], login: Callable[[str], Client]
) -> None:
    client = login(user)
    for pattern in web_patterns():
        name = str(pattern.name)
        url = reverse(f"web:{name}", kwargs=SAMPLE_ARGS.get(name, {}))
        if name in POST_ONLY or name in NEEDS_FILE:
            continue
        response = client.get(url)
        if _expected(user, POLICY[name]):
            assert response.status_code == 200, (user, url, response.status_code)
        else:
            assert _denied(response, user), (user, url, response.status_code)


@pytest.mark.parametrize(
    ("step_id", "action"),
    [
        ("add-party", Action.RECORD_STEP),
        ("publish", Action.RECORD_STEP),
        ("assess-severity", Action.DETERMINE),
        ("case-to-answer", Action.DETERMINE),
        ("findings", Action.DECIDE),
        ("decide-outcome", Action.DECIDE),
    ],
)
def test_each_step_form_is_open_only_to_the_role_that_takes_it(
    step_id: str, action: Action, demo: list[str], login: Callable[[str], Client]
) -> None:
    url = reverse("web:step", args=[CANONICAL_REF, step_id])
    for user, actions in MAY.items():
        response = login(user).get(url)
        if action in actions:
            assert response.status_code == 200, (user, step_id)
        else:
            assert _denied(response, user), (user, step_id, response.status_code)


def test_post_only_urls_refuse_those_outside_the_case(
    demo: list[str], login: Callable[[str], Client]
) -> None:
    url = reverse("web:assessment-preview", args=[CANONICAL_REF])
    for user in ("kent_officer", "other_chair", "no_role"):
        assert login(user).post(url).status_code == 404
    assert login("anonymous").post(url).status_code == 302
    assert login("viewer").post(url).status_code == 200


def test_a_posted_step_is_refused_to_a_viewer_and_writes_nothing(
    demo: list[str], login: Callable[[str], Client]
) -> None:
    from misconduct.app import models as m

    before = m.Event.objects.count()
    url = reverse("web:step", args=["MPS-2025-0001", "add-party"])
    response = login("viewer").post(url, {"on": "2026-11-25", "role": "witness", "name": "X"})
    assert response.status_code == 403
    assert m.Event.objects.count() == before


def test_a_user_cannot_revoke_another_users_token(
    users: dict[str, Any], login: Callable[[str], Client]
) -> None:
    from misconduct.app.api.models import ApiToken

    record, _ = ApiToken.issue(users["officer"], "mine")
    response = login("viewer").post(reverse("web:revoke-token", args=[record.pk]))
    assert response.status_code == 404
    record.refresh_from_db()
    assert record.active
