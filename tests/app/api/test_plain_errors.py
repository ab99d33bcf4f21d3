"""The API's validation errors in words a person reads, with the machine-readable field beside them
(issue 14, problem 5): no pydantic location paths, no "Input should be ..." in the message."""

from __future__ import annotations

from django.test import Client


def test_a_bad_query_value_is_named_by_its_label_with_what_was_expected_and_received(
    db: None,
) -> None:
    response = Client().get("/api/public/outcomes", {"year": "abc"})
    assert response.status_code == 422
    out = response.json()
    assert out["message"] == "Year: expected a whole number, but received “abc”."
    assert out["field"] == "year" and out["error"] == "InvalidInput"  # the ids stay beside it
    assert "query." not in out["message"] and "Input should" not in out["message"]
