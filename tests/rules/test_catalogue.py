"""The provision files load strictly: a missing reference, an unknown key or a bad date fails loudly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from misconduct.errors import NotModelled, RuleDataError
from misconduct.rules.catalogue import default_catalogue, load_catalogue, rules_version
from misconduct.rules.datafile import Status

GOOD = """
- id: example
  title: Example
  date_basis: regime
  versions:
    - from: 2020-02-01
      until: 2024-05-06
      instrument: SI 2020/4
      provision: reg 1
      status: verified
      summary: First version.
    - from: 2024-05-07
      instrument: SI 2024/521
      provision: reg 2
      status: secondary
      summary: Second version.
      parameters: {months: 18}
"""


def _load(tmp_path: Path, text: str) -> None:
    (tmp_path / "x.yaml").write_text(text, encoding="utf-8")
    load_catalogue(tmp_path)


def test_a_well_formed_file_loads_and_versions_are_chosen_by_date(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(GOOD, encoding="utf-8")
    cat = load_catalogue(tmp_path)
    assert str(cat.version("example", date(2024, 5, 6)).citation) == "SI 2020/4 reg 1"
    assert cat.version("example", date(2024, 5, 7)).parameters["months"] == 18
    with pytest.raises(NotModelled, match="not modelled on 2019-01-01"):
        cat.version("example", date(2019, 1, 1))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("      instrument: SI 2020/4\n", ""), "missing \\['instrument'\\]"),
        (("      status: verified\n", "      status: probably\n"), "status: expected verified"),
        (("    - from: 2020-02-01\n", "    - from: 2020-02-31\n"), "expected a date"),
        (
            ("      summary: First version.\n", "      summary: First.\n      colour: red\n"),
            "unknown keys",
        ),
        (("      until: 2024-05-06\n", "      until: 2024-05-08\n"), "versions overlap"),
        (("  date_basis: regime\n", "  date_basis: whenever\n"), "date_basis: expected one of"),
    ],
)
def test_a_malformed_file_fails_loudly(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    old, new = change
    assert old in GOOD
    with pytest.raises(RuleDataError, match=message):
        _load(tmp_path, GOOD.replace(old, new, 1))


def test_every_shipped_version_has_a_citation_and_a_status() -> None:
    cat = default_catalogue()
    assert len(cat) > 40
    for p in cat:
        for v in p.versions:
            assert v.citation.instrument and v.citation.provision
            assert v.citation.status in Status


def test_non_verified_provisions_say_why() -> None:
    missing = [
        p.id
        for p in default_catalogue()
        for v in p.versions
        if v.citation.status is Status.UNVERIFIED and not v.citation.note
    ]
    assert not missing, f"unverified provisions without a note explaining the gap: {missing}"


def test_the_rules_version_changes_when_the_data_changes(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(GOOD, encoding="utf-8")
    first = rules_version(tmp_path)
    (tmp_path / "x.yaml").write_text(GOOD.replace("First version.", "Amended."), encoding="utf-8")
    rules_version.cache_clear()
    assert rules_version(tmp_path) != first
    assert rules_version().startswith("rules-")
