"""A public page's frame (``web/base.html``: the head, the site's header and footer) as a visitor who
is not signed in sees it, rendered once per process and script prefix, so that a page whose content
is finished HTML (a public record's, ``record_page``) is sent without the template engine (issue 10:
rendering the frame was about half of that page's cost, paid at each request the per-process cache
did not answer, which at 100,000 cases is almost every one).

What the frame shows depends on the URLconf and the script prefix (its links), on whether the
visitor is signed in (the staff links, the sign-out form with its CSRF token) and on the messages
waiting for them. :func:`frame` gives a frame only for a visitor who is not signed in and has no
message waiting; otherwise the caller renders the template, which shows (and uses up) the messages.
The frame is the template's own output, rendered with markers in place of the title and the
content, so it never differs from what the template would give: ``tests/app/web/test_public_caching.py``
holds the two equal.
"""

from __future__ import annotations

from dataclasses import dataclass
from threading import Lock
from typing import Any

from django.contrib.messages import get_messages
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString

from misconduct.app.web.html import esc

_TITLE = "\ue000title\ue000"
_CONTENT = "\ue000content\ue000"
"""Markers put where the title and the content go (characters of Unicode's private use area, which
no page of the site holds and which escaping leaves as they are)."""


@dataclass(frozen=True)
class Frame:
    """``web/base.html`` rendered around a title and a content, as three pieces of HTML."""

    before_title: str
    before_content: str
    after_content: str

    def page(self, title: str, content: str) -> bytes:
        """The page: ``title`` escaped (as ``{{ title }}`` is), ``content`` as it is (safe HTML)."""
        return (
            f"{self.before_title}{esc(title)}{self.before_content}{content}{self.after_content}"
        ).encode()


_frames: dict[tuple[str, str, Any], Frame] = {}
_lock = Lock()


def frame(request: HttpRequest, template: str) -> Frame | None:
    """The frame of ``template`` (a template extending ``web/base.html`` whose context is ``title``
    and ``content``) for ``request``, or None if the visitor is signed in or has a message waiting
    (render the template then)."""
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated or get_messages(request):
        return None
    key = (template, get_script_prefix(), get_urlconf())
    found = _frames.get(key)
    if found is None:
        html = render_to_string(
            template, {"title": _TITLE, "content": SafeString(_CONTENT)}, request
        )
        head, title_rest = _split(html, _TITLE)
        middle, tail = _split(title_rest, _CONTENT)
        found = Frame(head, middle, tail)
        with _lock:
            _frames[key] = found
    return found


def _split(html: str, marker: str) -> tuple[str, str]:
    before, found, after = html.partition(marker)
    if not found or marker in after:
        raise RuntimeError(f"the template must show {marker!r} exactly once")
    return before, after
