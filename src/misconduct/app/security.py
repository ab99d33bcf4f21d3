"""Web hardening, each part by a kept library or a Django setting (see docs/security.md):

- login throttling and lockout: django-axes (``AXES_*``), after MISCONDUCT_LOGIN_FAILURE_LIMIT
  failures for one username, for MISCONDUCT_LOCKOUT_MINUTES;
- a Content Security Policy: django-csp (scripts and styles from this site only; inline style
  attributes allowed, inline scripts not);
- HSTS, Secure cookies and the HTTPS redirect when MISCONDUCT_HTTPS is true (served over TLS,
  usually behind a proxy that sets X-Forwarded-Proto);
- sessions that end after MISCONDUCT_SESSION_IDLE_MINUTES without a request, and at browser close
  (:class:`IdleSession` moves a session's end on at most once a minute, not at every request);
- ``Cache-Control: no-store`` on staff pages, the admin, the staff API and every document
  (:class:`NoStore`), so no shared or browser cache keeps case data.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

PRIVATE_PREFIXES = ("/staff/", "/admin/", "/api/cases")
"""Everything behind a login or a token: never stored by a cache."""


class NoStore:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(PRIVATE_PREFIXES):
            add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
        return response


TOUCHED = "_misconduct_touched"
"""The session key holding when the session's end was last moved on (seconds since the epoch)."""
TOUCH_EVERY = 60
"""Seconds between two moves of a session's end: a session may end up to this much before the idle
time has passed since its last request, never after."""


class IdleSession(SessionMiddleware):
    """Django's session middleware with idle expiry at a write a minute, not a write a request.

    A session ends ``SESSION_COOKIE_AGE`` seconds after it was last saved. Saving it at every request
    (``SESSION_SAVE_EVERY_REQUEST``) makes every staff page write to the database (on SQLite, behind
    the one write lock). Here a request with a session saves it when it was last moved on more than
    :data:`TOUCH_EVERY` seconds ago (or it changed), so it still ends after the idle time, at most a
    minute early, and the session stays in the database: signing out or a password change ends it
    on every worker at once."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is not None and session.session_key:  # a cookie (loaded below if not yet)
            touched = session.get(TOUCHED)
            now = int(time.time())
            live = session.session_key is not None and bool(set(session.keys()) - {TOUCHED})
            if live and (not isinstance(touched, int) or not 0 <= now - touched < TOUCH_EVERY):
                session[TOUCHED] = now  # marks it modified: saved with a new end below
        return super().process_response(request, response)


def settings_for(
    *, https: bool, idle_minutes: int, failure_limit: int, lockout_minutes: int
) -> dict[str, Any]:
    """The Django settings of the hardening above, from the deployment's choices."""
    out: dict[str, Any] = {
        "AUTHENTICATION_BACKENDS": [
            "axes.backends.AxesStandaloneBackend",
            "django.contrib.auth.backends.ModelBackend",
        ],
        "AXES_FAILURE_LIMIT": failure_limit,
        "AXES_COOLOFF_TIME": timedelta(minutes=lockout_minutes),
        "AXES_LOCKOUT_PARAMETERS": ["username"],
        # Per username, not per address: a force's staff share one outgoing address, and one
        # person's typing must not lock out everyone; a guessed account is locked wherever the
        # guesses come from. (axes warns of this choice; it is made on purpose.)
        "SILENCED_SYSTEM_CHECKS": ["axes.W006"],
        "AXES_RESET_ON_SUCCESS": True,
        "AXES_VERBOSE": False,  # its log lines would name the username tried
        "AXES_HTTP_RESPONSE_CODE": 429,
        "CONTENT_SECURITY_POLICY": {
            "DIRECTIVES": {
                "default-src": ["'self'"],
                "script-src": ["'self'"],
                "style-src": ["'self'", "'unsafe-inline'"],
                "img-src": ["'self'", "data:"],
                "font-src": ["'self'"],
                "connect-src": ["'self'"],
                "object-src": ["'none'"],
                "base-uri": ["'self'"],
                "form-action": ["'self'"],
                "frame-ancestors": ["'none'"],
            }
        },
        "SESSION_COOKIE_AGE": idle_minutes * 60,
        # The age counts from the last request (within a minute: IdleSession): idle expiry.
        "SESSION_SAVE_EVERY_REQUEST": False,
        "SESSION_EXPIRE_AT_BROWSER_CLOSE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "X_FRAME_OPTIONS": "DENY",
        "SESSION_COOKIE_SECURE": https,
        "CSRF_COOKIE_SECURE": https,
        "SECURE_SSL_REDIRECT": https,
        "SECURE_HSTS_SECONDS": 31536000 if https else 0,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": https,
    }
    if https:
        out["SECURE_PROXY_SSL_HEADER"] = ("HTTP_X_FORWARDED_PROTO", "https")
    return out
