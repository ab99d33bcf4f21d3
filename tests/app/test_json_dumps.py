"""The JSON encoders made once (``rows.dumps``, ``rows.compact_dumps``) write what ``json.dumps``
writes with the same separators, for every JSON value: the stored states, read models and case
pages keep their bytes."""

from __future__ import annotations

import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from misconduct.app.rows import compact_dumps, dumps

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_the_encoders_made_once_write_what_json_dumps_writes(value: object) -> None:
    assert dumps(value) == json.dumps(value)
    assert compact_dumps(value) == json.dumps(value, separators=(",", ":"))


def test_unusual_values_are_written_or_refused_as_json_dumps_does() -> None:
    for value in ['é\u2028\x00"\\', math.nan, -math.inf, {1: "a", 2.5: "b", False: None}, (1, [2])]:
        assert dumps(value) == json.dumps(value)
        assert compact_dumps(value) == json.dumps(value, separators=(",", ":"))
    for bad in [{1, 2}, object(), {(1, 2): "tuple key"}]:
        for encode in (dumps, compact_dumps):
            try:
                json.dumps(bad)
            except TypeError as expected:
                try:
                    encode(bad)
                except TypeError as got:
                    assert str(got) == str(expected)
                else:
                    raise AssertionError(f"{bad!r} was written")
