"""Template context shared by every page: the site's links, reversed once per process."""

from __future__ import annotations

from threading import Lock
from typing import Any

from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse

NAV = {
    "public": "web:public",
    "register": "register:search",
    "dashboard": "web:dashboard",
    "cases": "web:cases",
    "my_work": "web:my-work",
    "new_case": "web:new-case",
    "review": "register:review",
    "annual_return": "register:annual-return",
    "tokens": "web:tokens",
    "admin": "admin:index",
    "logout": "web:logout",
    "login": "web:login",
    "feed": "web:feed",
}
STATIC = {
    "pico": "vendor/pico-2.1.1.min.css",
    "site_css": "web/site.css",
    "htmx": "vendor/htmx-2.0.11.min.js",
}

_links: dict[tuple[str, Any], dict[str, str]] = {}
_lock = Lock()


def links(request: HttpRequest) -> dict[str, Any]:
    """``nav``: the URL of each page the site's header links to, and of its static files. They
    depend only on the URLconf and the script prefix, so each is reversed once per process, not
    once per page (issue 10: a page's header cost 15 reversals)."""
    key = (get_script_prefix(), get_urlconf())
    found = _links.get(key)
    if found is None:
        found = {name: reverse(view) for name, view in NAV.items()}
        found.update({name: static(path) for name, path in STATIC.items()})
        with _lock:
            _links[key] = found
    return {"nav": found}
