"""The corpus of real published outcomes (eval/corpus): every file is a facts file plus its source and truth.

Each ``eval/corpus/<id>.toml`` holds a facts file written in our words, a ``[source]`` table (where it was
read, licence, date) and a ``[truth]`` table (the outcome read off the page by hand). These tests check the
shape only; they do not assess anything. The reserved-source check needs ``../shared/cases`` and is
skipped cleanly where that folder is absent.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from misconduct.assessment.facts import load_facts
from misconduct.domain.forces import FORCES
from misconduct.rules.standards import standards_on
from misconduct.rules.vocabulary import Finding, Forum, Outcome, Rank

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "eval" / "corpus"
TEXTS = CORPUS / "texts"
RESERVED = ROOT.parent / "shared" / "cases" / "reserved.py"
FILES = sorted(CORPUS.glob("*.toml"))

SOURCE_KINDS = {"force", "iopc", "news", "tribunal"}
LICENCES = {"OGL-3.0", "publisher-copyright", "verify"}
REGIMES = {"2012", "2020", "2020-as-amended-2025"}
# The 2012 Regulations' special case hearing has no 2020 counterpart in Forum; truth keeps the name used.
FORUMS = {f.value for f in Forum} | {"special_case_hearing"}
TRUTH_KEYS = {
    "force",
    "rank",
    "status",
    "forum",
    "finding",
    "standards",
    "outcome",
    "warning_months",
    "hearing_date",
    "hearing_date_in_text",
    "decision_maker",
    "anonymised",
    "regime",
}
SOURCE_KEYS = {"url", "publisher", "kind", "licence", "published_on", "retrieved"}
_EXTRA_TABLE = re.compile(r"^\[(source|truth)\]\s*$")
_ANY_TABLE = re.compile(r"^\[")


def _ids(path: Path) -> str:
    return path.stem


def facts_text(text: str) -> str:
    """The file without its ``[source]`` and ``[truth]`` tables (both are plain tables, never nested)."""
    kept, skipping = [], False
    for line in text.splitlines():
        if _EXTRA_TABLE.match(line.strip()):
            skipping = True
            continue
        if _ANY_TABLE.match(line.strip()):
            skipping = False
        if not skipping:
            kept.append(line)
    return "\n".join(kept) + "\n"


def _reserved_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_reserved", RESERVED)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_corpus_is_there() -> None:
    assert len(FILES) >= 1, "eval/corpus holds no facts files"
    assert all(re.fullmatch(r"[a-z_]+-\d{4}-[a-z0-9-]+", p.stem) for p in FILES), [
        p.name for p in FILES if not re.fullmatch(r"[a-z_]+-\d{4}-[a-z0-9-]+", p.stem)
    ]


@pytest.mark.parametrize("path", FILES, ids=_ids)
def test_facts_load_without_source_and_truth(path: Path, tmp_path: Path) -> None:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert set(raw["source"]) <= SOURCE_KEYS, set(raw["source"]) - SOURCE_KEYS
    assert set(raw["truth"]) <= TRUTH_KEYS, set(raw["truth"]) - TRUTH_KEYS
    stripped = tmp_path / path.name
    stripped.write_text(facts_text(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert "source" not in tomllib.loads(stripped.read_text(encoding="utf-8"))
    facts = load_facts(stripped)
    truth = raw["truth"]
    # The facts and the truth describe the same officer and the same decision.
    assert facts.proceedings.hearing_on == truth["hearing_date"]
    assert facts.officer.rank.value == truth["rank"]


@pytest.mark.parametrize("path", FILES, ids=_ids)
def test_source_and_truth_use_known_values(path: Path) -> None:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    source, truth = raw["source"], raw["truth"]
    assert source["url"].startswith(("http://", "https://"))
    assert source["publisher"].strip()
    assert source["kind"] in SOURCE_KINDS
    assert source["licence"] in LICENCES
    assert isinstance(source["retrieved"], dt.date)
    if "published_on" in source:
        assert isinstance(source["published_on"], dt.date)
    assert truth["force"] in {f.code for f in FORCES}
    assert truth["rank"] in {r.value for r in Rank}
    assert truth["status"] in {"serving", "former"}
    assert truth["forum"] in FORUMS
    assert truth["finding"] in {f.value for f in Finding}
    assert truth["outcome"] in {o.value for o in Outcome}
    assert truth["regime"] in REGIMES
    assert isinstance(truth["hearing_date"], dt.date)
    assert isinstance(truth["anonymised"], bool)
    known = {s.id for s in standards_on(truth["hearing_date"])}
    assert set(truth["standards"]) <= known, set(truth["standards"]) - known
    if "warning_months" in truth:
        assert truth["outcome"] == "final_written_warning" or truth["outcome"] == "written_warning"
        assert 1 <= truth["warning_months"] <= 120
    # The file name starts with the force and the year of the hearing.
    assert path.stem.startswith(f"{truth['force']}-{truth['hearing_date'].year}-")


def test_former_officers_are_never_dismissed_in_truth() -> None:
    wrong = []
    for path in FILES:
        truth = tomllib.loads(path.read_text(encoding="utf-8"))["truth"]
        if truth["status"] == "former" and truth["outcome"] == "dismissal_without_notice":
            wrong.append(path.name)
    assert not wrong, wrong


def test_texts_are_saved_only_for_open_government_licence_sources() -> None:
    for text in sorted(TEXTS.glob("*.txt")):
        facts = CORPUS / f"{text.stem}.toml"
        assert facts.exists(), f"{text.name} has no facts file"
        source = tomllib.loads(facts.read_text(encoding="utf-8"))["source"]
        assert source["licence"] == "OGL-3.0", text.name
        first = text.read_text(encoding="utf-8").splitlines()[0]
        assert source["url"] in first and "Open Government Licence" in first, text.name


@pytest.mark.skipif(not RESERVED.exists(), reason="../shared/cases not present")
def test_no_source_is_reserved() -> None:
    reserved = _reserved_module()
    hits = []
    for path in FILES:
        url = tomllib.loads(path.read_text(encoding="utf-8"))["source"]["url"]
        if reserved.is_reserved(url):
            hits.append((path.name, url))
    assert not hits, hits
