"""Reading notices from files (text, HTML, PDF) and the ``misconduct ingest`` command."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from misconduct.cli.main import cli
from misconduct.errors import InvalidInput
from misconduct.ingest.sources import html_to_text, read_text

NOTICE = (
    "Outcome of a misconduct hearing held on 5 May 2023 by Dorset Police. "
    "PC Jo Bloggs was found to have breached the standard of use of force, which amounted to "
    "gross misconduct, and was dismissed without notice."
)


def _pdf(text: str) -> bytes:
    """A one-page PDF holding the text (hand-built, so the test needs no PDF writer)."""
    stream = f"BT /F1 10 Tf 20 400 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 3000 800] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def test_html_keeps_the_words_and_drops_scripts_styles_and_navigation() -> None:
    html = (
        "<html><head><style>p{}</style></head><body><nav>Home | News</nav>"
        "<h1>Outcome</h1><p>PC A was&nbsp;<b>dismissed</b>.</p><script>track()</script></body></html>"
    )
    assert html_to_text(html) == "Outcome\n\nPC A was\xa0dismissed."


def test_a_pdf_notice_is_read_through_its_text(tmp_path: Path) -> None:
    path = tmp_path / "notice.pdf"
    path.write_bytes(_pdf(NOTICE))
    assert "dismissed without notice" in read_text(path)


def test_ingest_reads_a_folder_of_text_html_and_pdf_as_json(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><p>{NOTICE}</p></body></html>", encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(_pdf(NOTICE))
    (tmp_path / "d.txt").write_text("The library opens at nine on Saturdays and closes at one.")
    (tmp_path / "ignored.csv").write_text("x")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert [Path(e["source"]).name for e in out] == ["a.txt", "b.html", "c.pdf", "d.txt"]
    for entry in out[:3]:
        (rec,) = entry["records"]
        assert rec["force"]["value"] == "dorset"
        assert rec["outcome"]["value"] == "dismissal_without_notice"
        assert rec["standards"]["value"] == ["use_of_force"]
        ev = rec["outcome"]["evidence"]
        assert entry["text"][ev["start"] : ev["end"]] == ev["text"]
    assert "does not mention police misconduct" in out[3]["refused"]


def test_ingest_of_only_refused_texts_exits_non_zero_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "weather.txt"
    path.write_text("Sunny spells are expected across Kent this weekend, with rain later.")
    result = CliRunner().invoke(cli, ["ingest", str(path)])
    assert result.exit_code == 2
    assert "refused" in result.output and "does not mention" in result.output


def test_ingest_names_the_option_when_the_publisher_is_not_a_force(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(NOTICE)
    result = CliRunner().invoke(cli, ["ingest", str(path), "--publisher", "atlantis"])
    assert result.exit_code == 2
    assert "force" in result.output and "atlantis" in result.output
    missing = CliRunner().invoke(cli, ["ingest", str(tmp_path / "none.txt")])
    assert missing.exit_code == 2 and "exists" in missing.output


def test_a_publisher_typed_as_a_short_name_is_answered_with_the_code_meant(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(NOTICE)
    result = CliRunner().invoke(cli, ["ingest", str(path), "--publisher", "devon"])
    assert result.exit_code == 2
    assert "--publisher: expected a force code" in result.output
    assert "received 'devon'; did you mean devon_and_cornwall?" in result.output
    unknown = CliRunner().invoke(cli, ["ingest", str(path), "--publisher", "atlantis"])
    assert "the codes are avon_and_somerset, " in unknown.output
    assert "british_transport_police" in unknown.output


def test_the_table_names_the_force_and_json_keeps_its_code(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(NOTICE, encoding="utf-8")
    table = CliRunner().invoke(cli, ["ingest", str(path)], terminal_width=200)
    assert table.exit_code == 0, table.output
    (force_row,) = [line for line in table.output.splitlines() if "│ force" in line]
    assert "Dorset Police" in force_row and "dorset " not in force_row
    as_json = CliRunner().invoke(cli, ["ingest", str(path), "--format", "json"])
    assert json.loads(as_json.output)[0]["records"][0]["force"]["value"] == "dorset"


def test_the_table_gives_the_hearing_date_as_people_write_it(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(NOTICE, encoding="utf-8")
    table = CliRunner().invoke(cli, ["ingest", str(path)], terminal_width=200)
    (date_row,) = [line for line in table.output.splitlines() if "│ hearing date" in line]
    assert "5 May 2023" in date_row.split("│")[2] and "2023-05-05" not in date_row.split("│")[2]
    as_json = CliRunner().invoke(cli, ["ingest", str(path), "--format", "json"])
    assert json.loads(as_json.output)[0]["records"][0]["hearing_date"]["value"] == "2023-05-05"


def test_a_damaged_pdf_is_one_error_naming_it_or_read_when_pypdf_can(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    whole = _pdf(NOTICE)
    cut = tmp_path / "cut.pdf"  # its last lines lost: pypdf finds the objects and reads them
    cut.write_bytes(whole[: whole.rindex(b"startxref")])
    half = tmp_path / "half.pdf"  # half of it lost: nothing to read
    half.write_bytes(whole[: len(whole) // 2])
    (tmp_path / "not.pdf").write_bytes(b"<html>Not found</html>")
    (tmp_path / "empty.pdf").write_bytes(b"")
    with caplog.at_level(logging.DEBUG):
        assert "dismissed without notice" in read_text(cut)
        for name, said in [
            ("half.pdf", "a damaged PDF whose end is missing (perhaps a download cut short)"),
            ("not.pdf", "a file that is not a PDF (it does not begin as one)"),
            ("empty.pdf", "an empty file"),
        ]:
            with pytest.raises(InvalidInput) as err:
                read_text(tmp_path / name)
            assert (err.value.field, err.value.expected, err.value.received) == (
                str(tmp_path / name),
                "a readable PDF file",
                said,
            )
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pypdf")] == []
    result = CliRunner().invoke(cli, ["ingest", str(half)])
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"Error: {half}: expected a readable PDF file, received 'a damaged PDF whose end is "
        "missing (perhaps a download cut short)'"
    ]
    assert logging.getLogger("pypdf").level == logging.NOTSET  # as it was


def test_a_pdf_encrypted_without_a_password_to_open_it_is_read(tmp_path: Path) -> None:
    """Published PDFs are often encrypted (AES) only to restrict printing or copying: any reader
    opens them, and so does ingest; one that needs a password to open is refused as locked."""
    from pypdf import PdfReader, PdfWriter

    for algorithm in ("AES-128", "AES-256"):
        for user, name in (("", "open"), ("secret", "locked")):
            writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf(NOTICE))))
            writer.encrypt(user_password=user, owner_password="owner", algorithm=algorithm)
            with open(tmp_path / f"{name}-{algorithm}.pdf", "wb") as out:
                writer.write(out)
        assert "dismissed without notice" in read_text(tmp_path / f"open-{algorithm}.pdf")
        with pytest.raises(InvalidInput) as err:
            read_text(tmp_path / f"locked-{algorithm}.pdf")
        assert err.value.received == "a PDF locked with a password"


def test_an_encrypted_pdf_that_cannot_be_opened_here_is_not_called_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf.errors import DependencyError

    from misconduct.ingest import sources

    def needs_a_package(data: bytes) -> str:
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(sources, "_pdf_pages", needs_a_package)
    path = tmp_path / "aes.pdf"
    path.write_bytes(_pdf(NOTICE))
    with pytest.raises(InvalidInput) as err:
        read_text(path)
    assert err.value.received == (
        "an encrypted PDF, which needs the cryptography package installed to be opened"
    )


def test_the_table_gives_a_note_whole_and_cuts_long_evidence_between_words() -> None:
    from misconduct.cli.ingest import _evidence_cell
    from misconduct.ingest.model import Field, Span

    note = (
        "not stated in the text; to review: left empty, though the text has words for this "
        "field (chair, panel, chief constable ...)"
    )
    assert _evidence_cell(Field(None, None, 0.7, note=note)) == note
    words = "The panel found that the officer had breached the Standards of Professional Behaviour"
    cell = _evidence_cell(Field("x", Span(0, len(words), words), 0.9))
    assert cell == "The panel found that the officer had breached the Standards of…"
    assert _evidence_cell(Field("x", Span(0, 2, "PC"), 0.9)) == "PC"
