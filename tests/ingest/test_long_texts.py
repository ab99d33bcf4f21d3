"""A long text (a force's page listing many hearings) is read in time: its sentences are cut once,
not once for each officer and field that asks for them (a 200 KB text took a minute and a half)."""

from __future__ import annotations

from typing import Any

import pytest

from misconduct.ingest import extract
from misconduct.ingest import text as text_module

RANKS = ("PC", "Sergeant", "Inspector")
SURNAMES = [
    a + b
    for a in ("Ash", "Bram", "Cole", "Dun", "Eld", "Fen", "Gar", "Hol", "Kin", "Lom")
    for b in ("by", "ford", "ley", "ton", "well", "wick")
]
OUTCOMES = (
    "was dismissed without notice",
    "received a final written warning",
    "received a written warning",
)


def _long_page(hearings: int) -> str:
    """An invented page of many hearings, each about its own named officer."""
    paragraphs = ["Kent Police: outcomes of misconduct hearings"]
    for i in range(hearings):
        rank, surname = RANKS[i % 3], SURNAMES[i]
        paragraphs.append(
            f"A misconduct hearing was held on {i % 28 + 1} May 2024 into the conduct of {rank} "
            f"Alex {surname}. The panel found that {rank} {surname} breached the Standards of "
            f"Professional Behaviour relating to honesty and integrity. The conduct amounted to "
            f"gross misconduct. {rank} {surname} {OUTCOMES[i % 3]}."
        )
    return "\n\n".join(paragraphs)


def test_a_long_text_is_cut_into_sentences_once(monkeypatch: pytest.MonkeyPatch) -> None:
    page = _long_page(len(SURNAMES))
    assert len(page) > 15_000
    cache = getattr(text_module, "_sentences", None)
    if cache is not None:
        cache.cache_clear()
    cuts: list[int] = []
    split = text_module._split

    def counted(text: str, sep: Any) -> list[text_module.Piece]:
        if sep is text_module._SENTENCE_END and text == page:
            cuts.append(1)
        return split(text, sep)

    monkeypatch.setattr(text_module, "_split", counted)
    ex = extract(page, source="long.txt")
    assert len(ex.records) > 10
    assert len(cuts) == 1
