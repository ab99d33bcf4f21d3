"""The register's searches read indexes (SQLite's query plan), so one page costs the same at any size."""

from __future__ import annotations

import re

import pytest
from django.db import connection

from misconduct.app.register import store


def _plan(filters: dict[str, str]) -> str:
    rows = store.search(filters)
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cur:
        cur.execute(f"EXPLAIN QUERY PLAN {sql} LIMIT 51", params)
        return " ".join(str(r[-1]) for r in cur.fetchall())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("filters", "index"),
    [
        ({"force": "kent", "year": "2024"}, "register_force_year"),
        ({"outcome": "final_written_warning"}, "register_outcome"),
        ({"standard": "use_of_force"}, "register_standard"),
        ({}, "register_newest"),
    ],
)
def test_each_filter_is_answered_from_an_index(filters: dict[str, str], index: str) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the query plan is read on SQLite")
    plan = _plan(filters)
    assert index in plan, plan
    # A scan is only allowed along an index (the newest-first page stops after 51 rows).
    assert not re.search(r"SCAN register_record(?! USING (COVERING )?INDEX)", plan), plan
