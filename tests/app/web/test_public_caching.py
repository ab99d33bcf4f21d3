"""A public record's page (issue 10): sent in the site's frame rendered once per process, byte for
byte what the template gives, for visitors not signed in; through the template for a signed-in user
or a visitor with a message waiting; with its ETag, Last-Modified and ``Cache-Control`` and a
``304 Not Modified`` to a conditional request; its links the ones ``reverse`` gives; not kept per
process, so that it never pushes the register's kept pages out."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client, RequestFactory
from django.urls import reverse, set_script_prefix

from misconduct.app.web import frame, record_page, register
from misconduct.app.web.views import public
from tests.app.web.fixtures import TODAY, demo_service
from tests.conftest import forget_kept_pages
from tests.documents.builders import HEARING, commands


def _refs() -> list[str]:
    refs = sorted(set(register.visible(TODAY).values_list("ref", flat=True)))
    assert len(refs) >= 3
    return refs


def _url(ref: str) -> str:
    return reverse("web:public-record", args=[ref])


def test_the_page_in_its_frame_is_what_the_template_gives(demo: list[str]) -> None:
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import render_to_string

    for ref in _refs():
        response = Client().get(_url(ref))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/html; charset=utf-8"
        found = register.record_page(ref, TODAY)
        assert found is not None
        request = RequestFactory().get(_url(ref))
        request.user = AnonymousUser()
        expected = render_to_string(
            "web/public/record.html",
            {"title": found["title"], "content": record_page.content(found, ref)},
            request,
        )
        assert response.content.decode() == expected
        assert "Staff sign in" in expected and "Sign out" not in expected


def test_a_title_is_escaped_in_the_frame_as_the_template_escapes_it(db: None) -> None:
    request = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    around = frame.frame(request, "web/public/record.html")
    assert around is not None
    html = around.page("Ann & <Bob>", "<p>kept</p>").decode()
    assert "<title>Ann &amp; &lt;Bob&gt; · misconduct</title>" in html
    assert "<p>kept</p>" in html and "\ue000" not in html


def test_a_signed_in_user_gets_the_template_with_the_staff_links(
    demo: list[str], login: Any
) -> None:
    ref = _refs()[0]
    response = login("officer").get(_url(ref))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Sign out officer" in text and "Staff sign in" not in text
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    # and the next visitor, not signed in, is not shown them
    anonymous = Client().get(_url(ref)).content.decode()
    assert "Sign out" not in anonymous and "Staff sign in" in anonymous


def test_a_message_waiting_is_shown_and_used_up(demo: list[str]) -> None:
    ref = _refs()[0]
    client = Client()
    storage = CookieStorage(RequestFactory().get("/"))
    from django.http import HttpResponse

    carrier = HttpResponse()
    storage._store([_message("Signed out: see you soon.")], carrier)
    client.cookies[storage.cookie_name] = carrier.cookies[storage.cookie_name].value
    shown = client.get(_url(ref))
    assert "Signed out: see you soon." in shown.content.decode()
    again = client.get(_url(ref))
    assert "Signed out: see you soon." not in again.content.decode()


def _message(text: str) -> Any:
    from django.contrib.messages.storage.base import Message

    return Message(constants.INFO, text)


def test_a_conditional_request_is_answered_not_modified_until_an_event_is_written(
    demo: list[str],
) -> None:
    ref = _refs()[0]
    first = Client().get(_url(ref))
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    assert first["Cache-Control"] == f"public, max-age={public.MAX_AGE}"
    for headers in ({"HTTP_IF_NONE_MATCH": etag}, {"HTTP_IF_MODIFIED_SINCE": modified}):
        again = Client().get(_url(ref), **headers)
        assert again.status_code == 304, headers
        assert again.content == b""
        assert again["ETag"] == etag
        assert again["Cache-Control"] == f"public, max-age={public.MAX_AGE}"
    opening, steps = commands(dataclasses.replace(HEARING, ref="KNT-2025-0914"))
    demo_service().open(opening, steps)  # any event changes the ETag
    after = Client().get(_url(ref), HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200 and after["ETag"] != etag
    assert after.content == first.content


def test_the_page_is_not_kept_per_process(demo: list[str]) -> None:
    forget_kept_pages()
    for ref in _refs():
        assert Client().get(_url(ref)).status_code == 200
    assert public._rendered == {}
    assert Client().get(reverse("web:public")).status_code == 200
    assert len(public._rendered) == 1  # the register's page still is


def test_nothing_published_is_not_found(demo: list[str]) -> None:
    assert Client().get(_url("NOT-A-CASE")).status_code == 404


def test_the_links_are_the_ones_reverse_gives_under_any_script_prefix(db: None) -> None:
    args = ["MPS-2025-0001", "metropolitan", "S1-SUR-0000876", "a_b", "x y", "é", "100%", "a:b"]
    try:
        for prefix in ("/", "/misconduct/", "/a b/"):
            set_script_prefix(prefix)
            for name in ("web:public-record", "web:public-force"):
                for arg in args:
                    if name == "web:public-force" and not re.fullmatch(r"[-a-zA-Z0-9_]+", arg):
                        continue  # a force's page takes a slug
                    assert record_page.url(name, arg) == reverse(name, args=[arg]), (prefix, arg)
            assert record_page.url("web:public-record", "MPS-1").startswith(
                prefix.replace(" ", "%20")
            )
    finally:
        set_script_prefix("/")
