from __future__ import annotations

import re
from pathlib import Path

import pytest

from misconduct.assessment.docs import factors_markdown
from misconduct.assessment.engine import assess
from misconduct.assessment.factors import PARAMETER_DIR, Stage, default_factors, load_factors
from misconduct.assessment.facts import load_facts
from misconduct.assessment.guidance import default_guidance, load_guidance
from misconduct.errors import RuleDataError
from misconduct.rules.datafile import Citation

DOCS = Path(__file__).parents[2] / "docs" / "factors.md"
EXAMPLES = Path(__file__).parents[2] / "examples"

SPECIAL = {
    "operational_dishonesty",
    "abuse_of_position_sexual_purpose",
    "vawg",
    "discrimination",
    "criminal_conviction",
    "vulnerable_victim",
    "on_duty_or_police_equipment",
    "conduct_over_period",
}


def test_every_stage_has_factors_and_every_factor_a_reference() -> None:
    cat = default_factors()
    for stage in Stage:
        assert cat.by_stage(stage), stage
    for f in cat:
        assert f.citation.instrument and f.citation.provision


def test_every_special_category_is_reached_by_a_factor() -> None:
    cat = default_factors()
    assert set(cat.categories) == SPECIAL
    assert {f.category for f in cat if f.category} == SPECIAL


def _college_citations() -> list[Citation]:
    cat = default_factors()
    cites = [f.citation for f in cat] + [c.citation for c in cat.categories.values()]
    cites += [b.citation for b in default_guidance().blocks.values()]
    for example in sorted(EXAMPLES.glob("*.toml")):
        for stage in assess(load_facts(example)).stages:
            cites += [r.citation for r in stage.reasons]
    return [c for c in cites if "College of Policing" in c.instrument]


def test_no_guidance_paragraph_number_is_given_anywhere() -> None:
    # DOMAIN.md §12 item 8: the guidance's paragraph numbers could not be checked, so none is given,
    # not in a provision, not in a note (the Home Office guidance is a different document).
    numbered = re.compile(r"\bparas?\.?\s*\d")
    cites = _college_citations()
    assert cites
    for c in cites:
        college_part = c.instrument + " " + c.provision + " " + c.note
        college_part = re.sub(r"Home Office[^;]*?para \S+", "", college_part)
        college_part = re.sub(r"HO Guidance \d{4} para \S+", "", college_part)
        assert not numbered.search(college_part), str(c) + " " + c.note
        if "para" in c.provision:
            assert "unverified" in c.provision


def _copy(tmp_path: Path) -> Path:
    for name in ("factors.yaml", "categories.yaml", "guidance.yaml"):
        (tmp_path / name).write_text((PARAMETER_DIR / name).read_text())
    return tmp_path


def test_an_unknown_key_in_the_factor_file_fails_loudly(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    text = (d / "factors.yaml").read_text()
    (d / "factors.yaml").write_text(
        text.replace("  stage: harm\n", "  stage: harm\n  colour: red\n", 1)
    )
    with pytest.raises(RuleDataError, match="unknown keys"):
        load_factors(d)


def test_a_factor_without_a_reference_fails_loudly(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    (d / "factors.yaml").write_text("- id: x\n  stage: mitigating\n  weight: 1\n  description: y\n")
    with pytest.raises(RuleDataError, match="missing"):
        load_factors(d)


def test_a_guidance_block_without_its_reference_fails_loudly(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    text = (d / "guidance.yaml").read_text()
    start = text.index("adjustment:\n")
    text = text.replace(text[start : text.index("  points_per_step")], "adjustment:\n", 1)
    (d / "guidance.yaml").write_text(text)
    with pytest.raises(RuleDataError, match="missing"):
        load_guidance(d / "guidance.yaml")


def test_docs_factors_md_is_up_to_date() -> None:
    assert DOCS.read_text() == factors_markdown(), (
        "docs/factors.md is stale: run `misconduct factors --format markdown > docs/factors.md`"
    )
