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

:func:`staff_frame` does the same for a signed-in user (the staff pages built in Python: the
dashboard and "My work", branch ``dash7``): the frame then also holds the staff links (and the
admin's, for staff), the user's name and the sign-out form's CSRF token, each put in at each
request; it is kept per process, script prefix and whether the user is staff.
``tests/app/web/test_staff_pages.py`` holds each page equal to its template's.
"""

from __future__ import annotations

from dataclasses import dataclass
from threading import Lock
from typing import Any

from django.contrib.messages import get_messages
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString

from misconduct.app.web.html import esc

_TITLE = "\ue000title\ue000"
_CONTENT = "\ue000content\ue000"
_USER = "\ue000user\ue000"
_CSRF = "\ue000csrf\ue000"
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
        pieces, order = _places(html, (_TITLE, _CONTENT))
        if order != (_TITLE, _CONTENT):
            raise RuntimeError("the template must show the title before the content")
        found = Frame(*pieces)
        with _lock:
            _frames[key] = found
    return found


@dataclass(frozen=True)
class StaffFrame:
    """``web/base.html`` rendered for a signed-in user around a title and a content: the pieces
    between the places of the title, the user's name, the CSRF token and the content, and which
    of them each place takes (in the order the template shows them)."""

    pieces: tuple[str, ...]
    places: tuple[str, ...]

    def page(self, request: HttpRequest, title: str, content: str) -> bytes:
        """The page for ``request``'s user: ``title`` and the user's name escaped (as the
        template's ``{{ }}`` escapes them), the CSRF token as ``{% csrf_token %}`` gives it (the
        token asked for, so the response sets its cookie as the template's would), ``content`` as
        it is (safe HTML)."""
        values = {
            _TITLE: esc(title),
            _USER: esc(request.user.get_username()),
            _CSRF: esc(get_token(request)),
            _CONTENT: content,
        }
        out = [self.pieces[0]]
        for place, piece in zip(self.places, self.pieces[1:], strict=True):
            out.append(values[place])
            out.append(piece)
        return "".join(out).encode()


class _SignedIn:
    """Who the frame is rendered for: a signed-in user whose name is a marker."""

    is_authenticated = True
    is_anonymous = False

    def __init__(self, is_staff: bool) -> None:
        self.is_staff = is_staff

    def get_username(self) -> str:
        return _USER


_staff_frames: dict[tuple[str, bool, str, Any], StaffFrame] = {}


def staff_frame(request: HttpRequest, template: str) -> StaffFrame | None:
    """The frame of ``template`` (extending ``web/base.html``, its context ``title`` and
    ``content``) for ``request``'s signed-in user, or None if a message is waiting for them
    (render the page's template then: it shows the messages and uses them up)."""
    if get_messages(request):
        return None
    is_staff = bool(getattr(request.user, "is_staff", False))
    key = (template, is_staff, get_script_prefix(), get_urlconf())
    found = _staff_frames.get(key)
    if found is None:
        html = render_to_string(
            template,
            {
                "title": _TITLE,
                "content": SafeString(_CONTENT),
                "user": _SignedIn(is_staff),
                "csrf_token": _CSRF,
                "messages": (),
            },
            request,
        )
        found = StaffFrame(*_places(html, (_TITLE, _USER, _CSRF, _CONTENT)))
        with _lock:
            _staff_frames[key] = found
    return found


def _places(html: str, markers: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``html`` cut at each of ``markers`` (each shown exactly once): the pieces, and the markers
    in the order they stand."""
    at = {}
    for marker in markers:
        if html.count(marker) != 1:
            raise RuntimeError(f"the template must show {marker!r} exactly once")
        at[marker] = html.index(marker)
    order = tuple(sorted(markers, key=at.__getitem__))
    pieces, rest = [], html
    for marker in order:
        before, _, rest = rest.partition(marker)
        pieces.append(before)
    pieces.append(rest)
    return tuple(pieces), order
