"""Generated documentation is current: regenerate with `make docs` when a rule or command changes."""

from __future__ import annotations

from pathlib import Path

from misconduct.cli.main import cli
from misconduct.cli.reference import cli_markdown
from misconduct.rules.catalogue import default_catalogue
from misconduct.rules.docs import catalogue_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_the_rules_catalogue_in_docs_is_current() -> None:
    assert (DOCS / "rules.md").read_text(encoding="utf-8") == catalogue_markdown(
        default_catalogue()
    ), "docs/rules.md is stale: run `make docs`"


def test_the_cli_reference_in_docs_is_current() -> None:
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == cli_markdown(cli), (
        "docs/cli.md is stale: run `make docs`"
    )


def test_every_command_in_the_readme_exists() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    for line in readme.splitlines():
        line = line.strip()
        if line.startswith("misconduct ") and not line.startswith("misconduct:"):
            words = line.split()
            command = " ".join(w for w in words[:3] if not w.startswith("-") and w.islower())
            assert f"`{command}" in reference, f"README mentions `{command}`, not in docs/cli.md"
