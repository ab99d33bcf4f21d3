"""Issue 13, finding 6: login throttling and lockout, a Content Security Policy, HSTS and Secure
cookies over TLS, idle session expiry and ``Cache-Control: no-store`` on staff pages and documents."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from misconduct.app import config
from misconduct.app.security import settings_for
from tests.app.web.fixtures import PASSWORD


def _sign_in(client: Client, username: str, password: str) -> Any:
    return client.post(reverse("web:login"), {"username": username, "password": password})


def test_thirty_wrong_passwords_then_the_right_one_does_not_sign_in(
    users: dict[str, Any], settings: Any
) -> None:
    settings.AXES_ENABLED = True
    client = Client()
    for _ in range(30):
        _sign_in(client, "officer", "wrong-password")
    response = _sign_in(client, "officer", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another account is not locked by it, and signs in.
    other = Client()
    assert _sign_in(other, "viewer", PASSWORD).status_code == 302
    assert "_auth_user_id" in other.session


def test_pages_carry_a_content_security_policy(demo: list[str]) -> None:
    response = Client().get(reverse("web:public"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "default-src 'self'" in policy and "unsafe-eval" not in policy


def test_staff_pages_and_documents_are_never_stored_by_a_cache(
    login: Any, canonical_at_findings: str
) -> None:
    client = login("officer")
    for url in [
        reverse("web:dashboard"),
        reverse("web:case", args=[canonical_at_findings]),
        reverse("web:document", args=[canonical_at_findings, "reg17-notice", "html"]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
    public = Client().get(reverse("web:public"))
    assert "no-store" not in public.get("Cache-Control", "")


def test_a_session_ends_after_the_idle_time(users: dict[str, Any], settings: Any) -> None:
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert "misconduct.app.security.IdleSession" in settings.MIDDLEWARE
    client = Client()
    assert client.login(username="officer", password=PASSWORD)
    assert client.get(reverse("web:dashboard")).status_code == 200
    session = client.session
    session.set_expiry(-1)  # as if the idle time had passed since the last request
    session.save()
    assert client.get(reverse("web:dashboard")).status_code == 302


def test_a_session_is_moved_on_once_a_minute_not_at_every_request(
    users: dict[str, Any], monkeypatch: Any
) -> None:
    """Issue 10: a staff page does not write the session each time; the idle time still counts
    from the last request, within TOUCH_EVERY seconds."""
    from misconduct.app import security
    from misconduct.app.web.models import StaffSession as Session

    client = Client()
    assert client.login(username="officer", password=PASSWORD)
    key = client.cookies["sessionid"].value
    now = [2_000_000_000.0]
    monkeypatch.setattr(security.time, "time", lambda: now[0])
    assert client.get(reverse("web:dashboard")).status_code == 200
    first = Session.objects.get(session_key=key).expire_date
    now[0] += security.TOUCH_EVERY - 1
    assert client.get(reverse("web:dashboard")).status_code == 200
    assert Session.objects.get(session_key=key).expire_date == first  # not written again
    assert client.session[security.TOUCHED] == 2_000_000_000
    now[0] += 1
    assert client.get(reverse("web:dashboard")).status_code == 200
    assert client.session[security.TOUCHED] == 2_000_000_000 + security.TOUCH_EVERY  # moved on
    assert Session.objects.get(session_key=key).expire_date > first


def test_a_visitor_without_a_live_session_gets_none_saved(db: Any) -> None:
    from misconduct.app.web.models import StaffSession as Session

    client = Client()
    client.cookies["sessionid"] = "no-such-session-key-000000000000"
    assert client.get(reverse("web:public")).status_code == 200
    assert client.get(reverse("web:dashboard")).status_code == 302
    assert not Session.objects.exists()


def test_over_tls_cookies_are_secure_and_hsts_is_sent() -> None:
    values = config.load({"MISCONDUCT_HTTPS": "true"})
    secure = settings_for(
        https=values["MISCONDUCT_HTTPS"],
        idle_minutes=values["MISCONDUCT_SESSION_IDLE_MINUTES"],
        failure_limit=values["MISCONDUCT_LOGIN_FAILURE_LIMIT"],
        lockout_minutes=values["MISCONDUCT_LOCKOUT_MINUTES"],
    )
    assert secure["SESSION_COOKIE_SECURE"] and secure["CSRF_COOKIE_SECURE"]
    assert secure["SECURE_HSTS_SECONDS"] >= 31536000 and secure["SECURE_SSL_REDIRECT"]
    plain = settings_for(https=False, idle_minutes=30, failure_limit=5, lockout_minutes=15)
    assert not plain["SESSION_COOKIE_SECURE"] and plain["SECURE_HSTS_SECONDS"] == 0


@pytest.mark.parametrize("raw", ["maybe", "2"])
def test_a_bad_https_setting_names_the_variable(raw: str) -> None:
    from misconduct.errors import InvalidInput

    with pytest.raises(InvalidInput, match="MISCONDUCT_HTTPS"):
        config.load({"MISCONDUCT_HTTPS": raw})
