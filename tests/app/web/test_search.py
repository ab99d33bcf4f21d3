"""The case list's standard filter runs in the database on the read model (so the list is paged before any row is
read), on SQLite and PostgreSQL alike, and matches a standard's id exactly."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from misconduct.app import bootstrap
from misconduct.app import models as m
from misconduct.app.web.store import with_standard
from misconduct.services.demo import load_demo


@pytest.mark.django_db(databases="__all__")
def test_the_standard_filter_finds_exactly_the_cases_with_an_allegation_under_it(
    alias: str,
) -> None:
    load_demo(bootstrap.service("tests", lambda: datetime(2026, 11, 25, 9, tzinfo=UTC), alias))
    cases = m.CaseListing.objects.using(alias).all()
    allegations = list(m.Allegation.objects.using(alias).select_related("case"))
    standards = {s for a in allegations for s in a.standards}
    assert len(standards) >= 3
    for standard in sorted(standards):
        expected = {a.case.ref for a in allegations if standard in a.standards}
        found = set(with_standard(cases, standard).distinct().values_list("ref", flat=True))
        assert found == expected, standard
        assert set(with_standard(cases, standard.upper()).values_list("ref", flat=True)) == found
    for partial in ("honesty", "integrity", "conduct", '"', "", "discreditable_conduct%"):
        assert not with_standard(cases, partial).exists(), partial
