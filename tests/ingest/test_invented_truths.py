"""The invented pages (``eval/invented/<set>``): every text has its truth file and every truth is
in the scorer's vocabulary, so ``eval/ingest_eval.py --invented`` scores what the files say.
Nothing here runs the extraction."""

from __future__ import annotations

import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from tests.ingest.reading import assert_truth_survives, load_module

ROOT = Path(__file__).resolve().parents[2]
SETS = ("multi", "multi2", "multi3", "single")


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return load_module("ingest_eval_invented", ROOT / "eval" / "ingest_eval.py")


@pytest.mark.parametrize("name", SETS)
def test_every_invented_text_has_a_truth_in_the_scorers_vocabulary(
    scorer: ModuleType, name: str
) -> None:
    folder = ROOT / "eval" / "invented" / name
    texts = sorted(p.stem for p in folder.glob("*.txt"))
    tomls = sorted(p.stem for p in folder.glob("*.toml"))
    assert texts and texts == tomls
    for stem in tomls:
        data = tomllib.loads((folder / f"{stem}.toml").read_text(encoding="utf-8"))
        source = data["source"]
        assert "invented" in str(source.get("publisher")) or source.get("invented") is True, stem
        for t in data["truth"]:
            assert_truth_survives(scorer, t, f"{stem}: {t}")
    pages = scorer.heldout3_pages(folder, folder)
    assert len(pages) == len(tomls)
