"""Contexts built once per test session: folding a case through the lifecycle is cheap, rendering a
PDF is not, so the rendered files are shared at module scope by the test modules."""

from __future__ import annotations

import pytest

from misconduct.documents.context import DocumentContext
from tests.documents.builders import SCENARIOS, canonical_record, context, record


@pytest.fixture(scope="session")
def contexts() -> dict[str, DocumentContext]:
    out = {"canonical": context(canonical_record())}
    out.update({s.name: context(record(s)) for s in SCENARIOS})
    return out
