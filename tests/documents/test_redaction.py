"""The redaction policy: every public document of every anonymised case, in every format, searched in
its text and its metadata for the officer's name and warrant number."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from misconduct.documents.context import DocumentContext
from misconduct.documents.redaction import RedactionFailure, assert_clean, public_context
from misconduct.documents.render import KINDS, render
from tests.documents.reading import docx_metadata, docx_text, pdf_metadata, pdf_text

ANONYMISED = ("canonical", "hearing", "accelerated")
PUBLIC = tuple(k for k, v in KINDS.items() if v.public)


def _identifying(ctx: DocumentContext) -> list[str]:
    o = ctx.officer
    return [o.name, o.name.split()[-1], o.name.split()[0], o.warrant_number]


def _read(content: bytes, fmt: str) -> str:
    if fmt == "pdf":
        return pdf_text(content) + " " + pdf_metadata(content)
    if fmt == "docx":
        return docx_text(content) + " " + docx_metadata(content)
    return content.decode("utf-8")


@pytest.fixture(scope="module")
def published(contexts: dict[str, DocumentContext]) -> dict[tuple[str, str, str], str]:
    """Each public kind for each anonymised case in each format, read back (six PDF renders)."""
    return {
        (name, kind_id, fmt): _read(render(kind_id, contexts[name], fmt).content, fmt)
        for name in ANONYMISED
        for kind_id in PUBLIC
        for fmt in ("html", "pdf", "docx")
    }


def test_public_kinds_are_the_published_notice_and_the_published_outcome() -> None:
    assert set(PUBLIC) == {"reg36-notice", "published-outcome"}


@pytest.mark.parametrize("name", ANONYMISED)
@pytest.mark.parametrize("kind_id", PUBLIC)
@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_no_public_document_shows_the_name_or_warrant_number_in_text_or_metadata(
    contexts: dict[str, DocumentContext],
    published: dict[tuple[str, str, str], str],
    name: str,
    kind_id: str,
    fmt: str,
) -> None:
    ctx = contexts[name]
    text = published[(name, kind_id, fmt)]
    for term in _identifying(ctx):
        assert term.lower() not in text.lower(), f"{term!r} appears in {kind_id} ({fmt})"
    assert ctx.officer.cipher in text


def test_the_private_decision_still_names_the_officer(contexts: dict[str, DocumentContext]) -> None:
    ctx = contexts["hearing"]
    html = render("decision", ctx, "html").content.decode()
    assert ctx.officer.name in html and ctx.officer.warrant_number in html


def test_a_name_inside_free_text_is_replaced_by_the_cipher(
    contexts: dict[str, DocumentContext],
) -> None:
    ctx = contexts["hearing"]  # its particulars begin with the officer's full name
    assert ctx.officer.name in ctx.allegations[0].particulars
    public = public_context(ctx)
    assert public.allegations[0].particulars.startswith(ctx.officer.cipher)
    assert public.officer.warrant_number == ""


def test_date_of_birth_and_address_are_withheld_even_without_an_anonymity_order(
    contexts: dict[str, DocumentContext],
) -> None:
    ctx = contexts["meeting"]
    officer = dataclasses.replace(
        ctx.officer,
        cipher="",
        date_of_birth=date(1990, 4, 3),
        address="12 Orchard Way, Maidstone",
    )
    noted = dataclasses.replace(
        ctx,
        officer=officer,
        summary="Lives at 12 Orchard Way, Maidstone; born 3 April 1990.",
    )
    public = public_context(noted)
    assert "Orchard" not in public.summary and "1990" not in public.summary
    assert public.officer.name == officer.name  # no anonymity order: the name may be published


def test_the_final_check_refuses_a_file_that_would_leak(
    contexts: dict[str, DocumentContext],
) -> None:
    officer = contexts["canonical"].officer
    with pytest.raises(RedactionFailure) as raised:
        assert_clean(["a title naming " + officer.name], officer)
    assert officer.name not in str(raised.value)


@pytest.mark.parametrize("name", ANONYMISED)
@pytest.mark.parametrize("kind_id", PUBLIC)
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_metadata_of_a_public_file_is_filled_from_the_scrubbed_context(
    contexts: dict[str, DocumentContext], name: str, kind_id: str, fmt: str
) -> None:
    # The metadata on its own: present (so the search above reads real fields), naming the force
    # as author and the officer only by the cipher.
    ctx = contexts[name]
    content = render(kind_id, ctx, fmt).content
    meta = pdf_metadata(content) if fmt == "pdf" else docx_metadata(content)
    assert ctx.force.name in meta and ctx.case_ref in meta and ctx.officer.cipher in meta
    for term in _identifying(ctx):
        assert term.lower() not in meta.lower(), f"{term!r} in the metadata of {kind_id} ({fmt})"
