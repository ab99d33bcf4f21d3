"""Helpers the extraction tests share."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from misconduct.ingest import extract
from misconduct.ingest.model import OfficerRecord
from misconduct.ingest.outcomes import find_findings, find_outcomes

ROOT = Path(__file__).resolve().parents[2]


def one_record(text: str) -> OfficerRecord:
    """The one record ``extract`` reads from ``text`` (the test fails if the text is refused or
    gives more or fewer records than one)."""
    ex = extract(text)
    assert ex.refused is None, ex.refused
    assert len(ex.records) == 1, [r.label for r in ex.records]
    return ex.records[0]


def records_by_name(text: str) -> dict[str | None, OfficerRecord]:
    """The records ``extract`` reads from ``text``, by the name each prints (None when unnamed;
    the test fails if the text is refused)."""
    ex = extract(text)
    assert ex.refused is None, ex.refused
    return {r.name: r for r in ex.records}


def load_module(name: str, path: Path) -> ModuleType:
    """The Python file ``path`` (a script outside the package, ``eval/ingest_eval.py`` among them)
    loaded as the module ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


def load_scorer(name: str) -> ModuleType:
    """``eval/ingest_eval.py``, the field scorer, loaded as the module ``name``."""
    return load_module(name, ROOT / "eval" / "ingest_eval.py")


def outcome_codes(text: str) -> list[str]:
    """The outcomes ``find_outcomes`` reads in ``text``, in order."""
    return [h.code for h in find_outcomes(text)]


def finding_codes(text: str) -> list[str]:
    """The findings ``find_findings`` reads in ``text``, in order."""
    return [h.code for h in find_findings(text)]


def assert_truth_survives(scorer: ModuleType, t: dict[str, Any], where: str) -> None:
    """A truth's every value comes through the scorer's normalisation unchanged (a value it does
    not know would silently become 'no truth')."""
    outcomes = [t["outcome"]] if "outcome" in t else []
    n = scorer.normalise_truth({**t, "outcome_codes": outcomes})
    assert n["force"] == t["force"], where
    for field in ("forum", "finding", "rank", "status", "warning_months"):
        if field in t:
            assert n[field] == t[field], f"{where} ({field})"
    assert n["outcome"] == outcomes, where
    assert n["standards"] == sorted(set(t.get("standards", []))), where
    if "hearing_date" in t:
        assert n["hearing_date"] == str(t["hearing_date"]), where
    assert n["anonymised"] == t["anonymised"], where
