"""docs/rules.md carries a status summary that matches the provision files, counted independently."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

from misconduct.rules.catalogue import PARAMETER_DIR

RULES_MD = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def _counts_from_yaml() -> tuple[Counter[str], Counter[str]]:
    versions: Counter[str] = Counter()
    latest: Counter[str] = Counter()
    for path in sorted(PARAMETER_DIR.glob("*.yaml")):
        for provision in yaml.safe_load(path.read_text(encoding="utf-8")):
            ordered = sorted(provision["versions"], key=lambda v: str(v["from"]))
            for v in ordered:
                versions[v["status"]] += 1
            latest[ordered[-1]["status"]] += 1
    return versions, latest


def test_the_status_summary_in_docs_matches_the_provision_files() -> None:
    text = RULES_MD.read_text(encoding="utf-8")
    assert "## Status summary" in text
    versions, latest = _counts_from_yaml()
    for status in ("verified", "secondary", "unverified"):
        row = re.search(rf"^\| {status} \| (\d+) \| (\d+) \|$", text, re.M)
        assert row, f"no {status} row in the status summary"
        assert (int(row.group(1)), int(row.group(2))) == (versions[status], latest[status])
    total = re.search(r"^\| total \| (\d+) \| (\d+) \|$", text, re.M)
    assert total and int(total.group(1)) == sum(versions.values())
    assert int(total.group(2)) == sum(latest.values())


def test_the_catalogue_states_the_open_government_licence_once() -> None:
    text = RULES_MD.read_text(encoding="utf-8")
    assert text.count("Open Government Licence v3.0") == 1
    assert "Crown copyright" in text


def test_every_verified_regulation_version_quotes_its_words() -> None:
    """A verified version read in a statutory instrument keeps the words it rests on beside it."""
    missing = []
    for path in sorted(PARAMETER_DIR.glob("*.yaml")):
        for provision in yaml.safe_load(path.read_text(encoding="utf-8")):
            for v in provision["versions"]:
                if (
                    v["status"] == "verified"
                    and str(v["instrument"]).startswith("SI 202")
                    and not v.get("quote")
                ):
                    missing.append(f"{provision['id']}@{v['from']}")
    assert not missing, f"verified versions without the regulation's words: {missing}"
