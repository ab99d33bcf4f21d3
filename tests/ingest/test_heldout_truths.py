"""The held-out sets' truth files (``eval/heldout<N>``): readable, in the scorer's vocabulary, free
of reserved sources, sharing no address with the sets before them, and found by the scorer's loader.
Nothing here runs the extraction: a set is measured once, with ``eval/ingest_eval.py
--heldout<N>``."""

from __future__ import annotations

import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.ingest.reading import assert_truth_survives, load_module

ROOT = Path(__file__).resolve().parents[2]
SETS = tuple(range(5, 37))  # held-out 5 to 36
RESERVED = ROOT.parent / "shared" / "cases" / "reserved.py"


_load = load_module


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return _load("ingest_eval_under_test", ROOT / "eval" / "ingest_eval.py")


def _held(number: int) -> Path:
    return ROOT / "eval" / f"heldout{number}"


def _files(number: int) -> list[tuple[Path, dict[str, Any]]]:
    return [
        (p, tomllib.loads(p.read_text(encoding="utf-8")))
        for p in sorted(_held(number).glob("*.toml"))
    ]


sets = pytest.mark.parametrize("number", SETS)


@sets
def test_every_page_has_a_source_and_at_least_one_truth(number: int) -> None:
    files = _files(number)
    assert files, f"eval/heldout{number} holds no truth file"
    for path, data in files:
        source = data.get("source")
        assert isinstance(source, dict) and source.get("url", "").startswith("http"), path.name
        assert source.get("retrieved"), path.name
        truths = data.get("truth")
        assert isinstance(truths, list) and truths, path.name


@sets
def test_every_truth_value_survives_the_scorers_normalisation(
    scorer: ModuleType, number: int
) -> None:
    """A value the scorer does not know would silently become 'no truth': each given force, forum,
    finding, outcome, rank, status, Standard and hearing date must come through unchanged."""
    for path, data in _files(number):
        for t in data["truth"]:
            assert_truth_survives(scorer, t, f"{path.name}: {t}")


@sets
@pytest.mark.skipif(not RESERVED.exists(), reason="../shared/cases/reserved.py not present")
def test_no_page_is_a_reserved_source(number: int) -> None:
    reserved = _load("reserved_sources_under_test", RESERVED)
    for path, data in _files(number):
        assert not reserved.is_reserved(data["source"]["url"]), path.name


@sets
def test_no_page_is_already_in_an_earlier_set(number: int) -> None:
    """No address of a held-out set is a page of the corpus, of an earlier held-out set or of the
    cases (the addresses compared without scheme, "www." or trailing slash)."""

    def key(url: str) -> str:
        return url.split("://", 1)[-1].removeprefix("www.").rstrip("/").lower()

    earlier = set()
    earlier_sets = [f"heldout{n}" for n in range(3, number)]
    for folder in ("corpus", "heldout", *earlier_sets, "cases"):
        for path in (ROOT / "eval" / folder).glob("*.toml"):
            source = tomllib.loads(path.read_text(encoding="utf-8")).get("source", {})
            if isinstance(source, dict) and source.get("url"):
                earlier.add(key(source["url"]))
    for path, data in _files(number):
        assert key(data["source"]["url"]) not in earlier, path.name


@sets
def test_the_loader_pairs_each_text_with_its_truths(
    scorer: ModuleType, tmp_path: Path, number: int
) -> None:
    """With a text for every page (placeholders here, not the pages), ``--heldout<N>`` reads every
    page and every officer; a page without a text is left out."""
    files = _files(number)
    for path, _ in files[1:]:
        (tmp_path / f"{path.stem}.txt").write_text("placeholder", encoding="utf-8")
    pages = scorer.heldout3_pages(tmp_path, _held(number))
    reserved = _load("reserved_sources_under_test", RESERVED) if RESERVED.exists() else None
    expected = [
        (p.stem, len(d["truth"]))
        for p, d in files[1:]
        if reserved is None or not reserved.is_reserved(d["source"]["url"])
    ]
    assert [(page, len(officers)) for page, _, _, officers in pages] == expected


@sets
def test_the_texts_folder_of_its_own_wins(
    scorer: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, number: int
) -> None:
    held = next(h for h in scorer.HELD_OUT if h.number == number)
    variable = f"MISCONDUCT_INGEST_HELDOUT{number}_TEXTS"
    monkeypatch.setattr(scorer, "TEXTS", str(tmp_path / "shared-texts"))
    monkeypatch.delenv(variable, raising=False)
    assert scorer.heldout_folder(held) == tmp_path / "shared-texts"
    monkeypatch.setenv(variable, str(tmp_path / "own"))
    assert scorer.heldout_folder(held) == tmp_path / "own"
    monkeypatch.delenv(variable)
    monkeypatch.setattr(scorer, "TEXTS", None)
    assert scorer.heldout_folder(held) is None


def test_the_register_guide_gives_every_measured_sets_first_figures(scorer: ModuleType) -> None:
    """docs/register.md's table of first measurements has a row for every held-out set measured,
    at the commit ``HELD_OUT`` names, and none for a set not yet measured."""
    guide = (ROOT / "docs" / "register.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip(): line
        for line in guide.splitlines()
        if line.startswith("| ") and line.count("|") == 12
    }
    for held in scorer.HELD_OUT:
        measured = held.history.startswith("measured once at commit ")
        row = rows.get(str(held.number))
        if not measured:
            assert row is None, f"held-out {held.number} is not yet measured but has a row"
            continue
        commit = held.history.split()[4].rstrip(",:")
        assert row is not None, f"docs/register.md has no first-measurement row for {held.name}"
        assert f"`{commit}`" in row, f"{held.name}: measured at {commit}, the row says {row}"
