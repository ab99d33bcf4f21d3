"""Issue 10: the staff pages' repeated rows are built in Python (``app.web.html``), escaped exactly
as Django's autoescaping and ``format_html`` escape them."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.functional import lazy
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from hypothesis import given
from hypothesis import strategies as st

from misconduct.app.web.html import esc, fill, safe


class _Markup:
    def __html__(self) -> str:
        return "<b>kept</b>"


@given(st.one_of(st.text(), st.integers(), st.dates(), st.booleans(), st.none()))
def test_esc_is_conditional_escape(value: Any) -> None:
    assert esc(value) == conditional_escape(value)
    assert esc(mark_safe(str(value))) == conditional_escape(mark_safe(str(value)))


def test_esc_of_markup_lazy_text_and_quotes() -> None:
    lazy_text = lazy(lambda: "<a href='x'>&\"</a>", str)()
    for value in (_Markup(), lazy_text, "<script>'\"&", SafeString("<i>"), date(2026, 1, 2), 3):
        assert esc(value) == conditional_escape(value)


@given(st.lists(st.text(), min_size=3, max_size=3))
def test_fill_is_format_html(values: list[str]) -> None:
    markup = '<a href="{}">{}</a>{}'
    assert fill(markup, *values) == format_html(markup, *values)
    assert fill(markup, values[0], mark_safe("<br>"), 7) == format_html(
        markup, values[0], mark_safe("<br>"), 7
    )


def test_safe_joins_into_safe_text() -> None:
    joined = safe([fill("<li>{}</li>", "a&b"), fill("<li>{}</li>", "<c>")], "\n")
    assert isinstance(joined, SafeString)
    assert joined == "<li>a&amp;b</li>\n<li>&lt;c&gt;</li>"
    assert conditional_escape(joined) == joined  # a template shows it as it is
