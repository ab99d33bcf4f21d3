"""``eval/fields_diff.py``, the development tool that shows what an extraction change changed:
its comparison of two dumps, and its dump of the invented pages by the package in the tree."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.ingest.reading import ROOT, load_module


@pytest.fixture(scope="module")
def diff() -> ModuleType:
    return load_module("fields_diff_under_test", ROOT / "eval" / "fields_diff.py")


def test_each_kind_of_difference_is_one_line(diff: ModuleType) -> None:
    base = {
        "a": {"records": [{"name": "Amble", "rank": "PC", "outcome": ["dismissal"]}]},
        "b": {"refused": "not a misconduct outcome"},
        "c": {"records": []},
        "same": {"records": [{"name": None, "rank": "PS"}]},
    }
    head = {
        "a": {"records": [{"name": "Amble", "rank": "PC", "outcome": ["final_written_warning"]}]},
        "b": {"records": []},
        "c": {"records": [{"name": "Brack", "rank": "DC"}]},
        "same": {"records": [{"name": None, "rank": "PS"}]},
        "new": {"records": []},
    }
    lines = diff.compare(base, head)
    assert lines == [
        "a #0 Amble PC: outcome ['dismissal'] -> ['final_written_warning']",
        "b: refused 'not a misconduct outcome' -> None",
        "c: 0 -> 1 records: [] -> ['Brack DC']",
        "new: only now",
    ]


def test_the_dump_reads_the_invented_pages_and_the_cache(diff: ModuleType, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    (cache / "heldout99").mkdir(parents=True)
    (cache / "heldout99" / "p.txt").write_text(
        "PC Amble of Kent Police was dismissed without notice after a misconduct hearing found "
        "gross misconduct.",
        encoding="utf-8",
    )
    out = tmp_path / "out.json"
    diff.dump(str(ROOT / "src"), str(out), cache)
    dumped = json.loads(out.read_text(encoding="utf-8"))
    assert any(k.startswith("invented/") for k in dumped)
    (record,) = dumped["heldout99/p"]["records"]
    assert record["force"] == "kent"
    assert record["outcome"] == "dismissal_without_notice"
