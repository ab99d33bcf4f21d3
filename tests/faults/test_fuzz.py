"""Issue 13, findings 4 and 8: the facts loader and ``case import`` answer any input with a result
or a clear error (never a traceback), deeply nested input included; bounded Hypothesis runs."""

from __future__ import annotations

import contextlib
import copy
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from misconduct.assessment.facts import load_facts
from misconduct.cli.main import cli
from misconduct.errors import MisconductError
from misconduct.services.demo import load_demo
from misconduct.services.transfer import export_case, import_case
from tests.services.fakes import FakeRepository, FakeUnitOfWork, fake_service

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "canonical_case.toml"
DEEP = 100_000

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


def _load(tmp_path: Path, text: str) -> None:
    path = tmp_path / "facts.toml"
    path.write_text(text, encoding="utf-8")
    with contextlib.suppress(MisconductError):
        load_facts(path)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(st.integers(0, 200), max_size=6), junk=st.text(max_size=40))
def test_the_facts_loader_never_raises_anything_but_a_clear_error(
    tmp_path: Path, lines: list[int], junk: str
) -> None:
    original = EXAMPLE.read_text(encoding="utf-8").splitlines()
    mutated = list(original)
    for n in lines:
        if mutated:
            mutated[n % len(mutated)] = junk  # a line replaced by anything at all
    _load(tmp_path, "\n".join(mutated))


def test_deeply_nested_toml_to_assess_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("a = " + "[" * DEEP + "]" * DEEP, encoding="utf-8")
    result = CliRunner().invoke(cli, ["assess", str(path)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: ") and "nested too deeply" in result.output


@pytest.fixture(scope="module")
def exported() -> dict[str, Any]:
    repo = FakeRepository()
    load_demo(fake_service(repo))
    return export_case(lambda: FakeUnitOfWork(repo), "MPS-2025-0001")


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_case_import_never_raises_anything_but_a_clear_error(
    exported: dict[str, Any], data: st.DataObject
) -> None:
    doc = copy.deepcopy(exported)
    paths = [p for p in _paths(doc) if p]
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        target = doc
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = data.draw(json_values)
        except (KeyError, IndexError, TypeError):
            continue
    repo = FakeRepository()
    try:
        import_case(lambda: FakeUnitOfWork(repo), doc)
    except MisconductError:
        assert repo.refs() == []  # nothing written when it fails


def test_deeply_nested_json_to_case_import_is_one_line_error(tmp_path: Path, db: None) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * DEEP + "]" * DEEP, encoding="utf-8")
    result = CliRunner().invoke(cli, ["case", "import", str(path)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: ") and "nested too deeply" in result.output
    nested = {"format": "misconduct.case", "events": json.loads("[" * 500 + "]" * 500)}
    path.write_text(json.dumps(nested), encoding="utf-8")
    assert CliRunner().invoke(cli, ["case", "import", str(path)]).exit_code == 2
