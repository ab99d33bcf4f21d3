"""Issue 10 item 3: each personal datum keeps its commitment (migration 0019), which PostgreSQL
holds to the value and salt by a check constraint, so that ``audit verify`` reads it instead of
hashing every value while the constraint stands validated (``audit._commitments_held``).

The constraint writes the text ``personal.commitment`` hashes with PostgreSQL's ``to_json``: that
it writes every character as Python's ``encode_basestring`` does is checked here over every
character PostgreSQL's text can hold (all but U+0000, which it refuses, and the surrogates, which
UTF-8 cannot hold). On SQLite the column is written and kept but never relied on."""

from __future__ import annotations

import importlib
from datetime import date
from json.encoder import encode_basestring
from typing import Any

import pytest
from django.db import DatabaseError, IntegrityError, connections, transaction
from hypothesis import given, settings
from hypothesis import strategies as st

from misconduct.app import models as m
from misconduct.app.audit import (
    COMMITMENT_CHECK,
    _commitments_held,
    _committed_references,
    _personal_rows,
    _quick,
    _references_held,
    verify_database,
)
from misconduct.domain import personal as pd
from tests.app.test_audit_kept_text import REF, _open, _sql
from tests.conftest import POSTGRES_PROBLEM

pytestmark = pytest.mark.django_db(databases="__all__")

MIGRATION = importlib.import_module("misconduct.app.migrations.0019_pgverify11_personal_commitment")
TABLE = "misconduct_personaldatum"
GUARD = {
    "sqlite": f"DROP TRIGGER {TABLE}_erase_only",
    "postgresql": f"DROP TRIGGER {TABLE}_guard ON {TABLE}",
}


def _postgres() -> Any:
    if POSTGRES_PROBLEM is not None:
        pytest.skip(f"PostgreSQL not reachable: {POSTGRES_PROBLEM}")
    return connections["postgres"]


def _scalar(alias: str, sql: str, params: list[Any]) -> Any:
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def _characters() -> list[str]:
    """Every character PostgreSQL's (UTF-8) text can hold, in order: U+0001 to U+10FFFF but the
    surrogates."""
    return [chr(i) for i in range(1, 0x110000) if not 0xD800 <= i <= 0xDFFF]


def test_postgresql_writes_every_character_as_json_as_python_does() -> None:
    """``to_json`` of a one-character text, for each of the 1,112,063 characters: quote and
    backslash escaped, ``\\b \\f \\n \\r \\t`` short, the other controls ``\\u00XX`` in lower case,
    DEL, the rest of ASCII, U+2028 and U+2029 and the characters beyond the BMP as they are (one
    character, no surrogate pair): what ``encode_basestring`` writes (``ensure_ascii=False``)."""
    connection = _postgres()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT array_agg(to_json(chr(i))::text ORDER BY i) FROM generate_series(1, 1114111) i "
            "WHERE i < 55296 OR i > 57343"
        )
        written = cursor.fetchone()[0]
    expected = [encode_basestring(ch) for ch in _characters()]
    assert len(written) == len(expected) == 1_112_063
    differing = [(e, w) for e, w in zip(expected, written, strict=True) if e != w]
    assert differing == []
    assert written[ord("\x1f") - 1] == '"\\u001f"' and written[ord("\u2028") - 1] == '"\u2028"'


def test_postgresql_text_cannot_hold_the_null_character() -> None:
    """U+0000, which ``encode_basestring`` writes ``\\u0000``, cannot be in a PostgreSQL text at
    all (nor therefore in a value or salt stored there): nothing to compare."""
    connection = _postgres()
    with (
        pytest.raises(DatabaseError),
        transaction.atomic(using="postgres"),
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT to_json(chr(0))::text")


TEXTS = st.text(st.characters(exclude_categories=["Cs"], exclude_characters=["\x00"]))


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS.filter(lambda t: len(t) <= 64), TEXTS)
def test_the_constraints_commitment_is_personal_commitment(
    datum: str, salt: str, value: str
) -> None:
    """The constraint's expression (``COMMITMENT`` in migration 0019), over an id, salt and value
    given as PostgreSQL's column types, is ``personal.commitment`` of them."""
    _postgres()
    made = _scalar(
        "postgres",
        f"SELECT {MIGRATION.COMMITMENT} FROM (SELECT %s::varchar(200) AS datum_id, "
        "%s::varchar(64) AS salt, %s::text AS value) AS datum",
        [datum, salt, value],
    )
    assert made == pd.commitment(datum, salt, value)


def test_a_value_of_every_kind_of_character_is_held_with_its_commitment(alias: str) -> None:
    """A value and an id holding what JSON escapes (quote, backslash, controls) and what it does
    not (DEL, accents, U+2028, a character beyond the BMP), written with its commitment: accepted
    (on PostgreSQL, by the constraint that writes the same text), and the audit passes."""
    pk = _open(alias)
    value = 'A "quoted" \\ name\t\n\x01\x1f\x7f é \u2028\u2029 \U0001f600 end'
    datum_id = 'x/"odd"\\\x02'
    salt = "ab" * 16
    m.PersonalDatum.objects.using(alias).create(
        case_id=pk,
        datum_id=datum_id,
        value=value,
        salt=salt,
        commitment=pd.commitment(datum_id, salt, value),
    )
    assert _commitments_held(alias) == (connections[alias].vendor == "postgresql")
    assert verify_database(alias, chain_only=True).ok


def test_the_write_path_keeps_each_held_values_commitment(alias: str) -> None:
    pk = _open(alias)
    rows = m.PersonalDatum.objects.using(alias).filter(case_id=pk)
    assert rows.exists()
    for row in rows:
        assert row.commitment == pd.commitment(row.datum_id, row.salt, row.value)
    assert _commitments_held(alias) == (connections[alias].vendor == "postgresql")


@pytest.mark.parametrize("column", ["value", "salt", "commitment"])
def test_postgresql_refuses_a_value_salt_or_commitment_that_does_not_hold(column: str) -> None:
    """With the erasure trigger gone (as someone with write access could), the constraint still
    refuses a changed value, salt or commitment, and a held value written without a commitment."""
    _postgres()
    pk = _open("postgres")
    _sql("postgres", GUARD["postgresql"])
    changed = {"value": "value || 'x'", "salt": "'00' || salt", "commitment": "md5(commitment)"}
    with pytest.raises(IntegrityError), transaction.atomic(using="postgres"):
        _sql(
            "postgres",
            f"UPDATE {TABLE} SET {column} = {changed[column]} WHERE case_id = %s",
            params=[pk],
        )
    with pytest.raises(IntegrityError), transaction.atomic(using="postgres"):
        m.PersonalDatum.objects.using("postgres").create(
            case_id=pk, datum_id="99/name", value="Ann", salt="00" * 16
        )
    assert _commitments_held("postgres")
    assert verify_database("postgres", chain_only=True).ok


def test_erasure_keeps_the_commitment_and_may_not_change_it(alias: str) -> None:
    """Erasure blanks value and salt (the constraint asks nothing of an erased row) and keeps the
    commitment, which the events hold too; an erasure that would change it is refused."""
    pk = _open(alias)
    rows = m.PersonalDatum.objects.using(alias).filter(case_id=pk)
    first = rows.order_by("pk").first()
    assert first is not None
    with pytest.raises(DatabaseError), transaction.atomic(using=alias):
        rows.filter(pk=first.pk).update(
            value=None, salt=None, erased_on=date(2026, 1, 1), commitment=None
        )
    rows.filter(pk=first.pk).update(value=None, salt=None, erased_on=date(2026, 1, 1))
    assert rows.get(pk=first.pk).commitment == first.commitment


def test_the_stored_commitments_make_the_references_the_values_make() -> None:
    """PostgreSQL's references from the stored commitments (:func:`_committed_references`) are
    those :func:`_references_held` makes by hashing the values, erased ones left out by both; an
    id JSON escapes is written as Python writes it."""
    _postgres()
    pk = _open("postgres")
    rows = m.PersonalDatum.objects.using("postgres").filter(case_id=pk)
    first = rows.order_by("pk").first()
    assert first is not None
    rows.filter(pk=first.pk).update(value=None, salt=None, erased_on=date(2026, 1, 1))
    value, datum_id, salt = "Ann\n", 'x/"odd"\\\n\u2028', "cd" * 16
    rows.create(
        case_id=pk,
        datum_id=datum_id,
        value=value,
        salt=salt,
        commitment=pd.commitment(datum_id, salt, value),
    )
    committed = _committed_references("postgres", pk, pk)
    assert committed == _references_held(_personal_rows("postgres", pk, pk))
    assert len(committed[pk]) == rows.count() - 1


def _unchecked(alias: str) -> None:
    """The erasure trigger and (PostgreSQL) the commitment's constraint dropped (rolled back with
    the test), as someone with write access to the database could."""
    _sql(alias, GUARD[connections[alias].vendor])
    if connections[alias].vendor == "postgresql":
        _sql(
            alias,
            "SET CONSTRAINTS ALL IMMEDIATE",  # (the deferred checks first: the table is altered)
            f"ALTER TABLE {TABLE} DROP CONSTRAINT {COMMITMENT_CHECK}",
        )


def _named(alias: str, datum_id: str) -> bool:
    found = [str(p) for p in verify_database(alias, chain_only=True).problems]
    return any(
        p.startswith(f"case {REF}, event ")
        and p.endswith(f"personal datum {datum_id} does not match its commitment in the chain")
        for p in found
    )


@pytest.mark.parametrize(
    "again",
    [
        None,
        f"CHECK ({MIGRATION.CHECK}) NOT VALID",
        "CHECK (value IS NULL OR commitment IS NOT NULL)",
    ],
    ids=["dropped", "the-same-not-validated", "another-validated"],
)
@pytest.mark.parametrize("with_commitment", [False, True], ids=["value", "value-and-commitment"])
def test_a_value_changed_past_a_dropped_check_is_named_however_it_is_added_again(
    alias: str, again: str | None, with_commitment: bool
) -> None:
    """Someone who can alter the table drops the constraint, changes a value (and its stored
    commitment to match, or not) and adds a constraint of that name again, or none: not validated,
    or not the same check, it is not relied on; the values are hashed and the changed one named as
    before. (SQLite never relies on the column: the same.)"""
    if again is not None and connections[alias].vendor == "sqlite":
        pytest.skip("PostgreSQL's check constraint")
    pk = _open(alias)
    _unchecked(alias)
    row = m.PersonalDatum.objects.using(alias).filter(case_id=pk).order_by("pk").first()
    assert row is not None
    changed = "Someone Else"
    fields: dict[str, Any] = {"value": changed}
    if with_commitment:
        fields["commitment"] = pd.commitment(row.datum_id, row.salt, changed)
    m.PersonalDatum.objects.using(alias).filter(pk=row.pk).update(**fields)
    if again is not None:
        _sql(alias, f"ALTER TABLE {TABLE} ADD CONSTRAINT {COMMITMENT_CHECK} {again}")
    assert not _commitments_held(alias)
    refs = {pk: REF}
    assert pk not in _quick(alias, pk, pk, refs, _personal_rows(alias, pk, pk), False)
    assert _named(alias, row.datum_id)


def test_with_the_check_relied_on_a_stored_commitment_not_the_chains_is_named(alias: str) -> None:
    """With the constraint standing, a changed value can only be stored with its own commitment,
    which is not the one its event holds: the quick check reads the stored commitment, sends the
    case the long way, and the long way names the value (hashing it). On PostgreSQL the change
    itself needs the trigger gone; the constraint stays."""
    pk = _open(alias)
    _sql(alias, GUARD[connections[alias].vendor])
    row = m.PersonalDatum.objects.using(alias).filter(case_id=pk).order_by("pk").first()
    assert row is not None
    changed = "Someone Else"
    m.PersonalDatum.objects.using(alias).filter(pk=row.pk).update(
        value=changed, commitment=pd.commitment(row.datum_id, row.salt, changed)
    )
    held = _commitments_held(alias)
    assert held == (connections[alias].vendor == "postgresql")
    committed = _committed_references(alias, pk, pk) if held else None
    rows = [] if held else _personal_rows(alias, pk, pk)
    assert pk not in _quick(alias, pk, pk, {pk: REF}, rows, False, True, committed)
    assert _named(alias, row.datum_id)


class _Editor:
    """What migration 0019's forward step uses of a schema editor, on the test's connection."""

    def __init__(self, alias: str) -> None:
        self.connection = connections[alias]
        self.connection.ensure_connection()

    def execute(self, sql: str, params: Any = ()) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)


def test_the_migration_fills_every_held_row_and_a_value_changed_before_is_still_named(
    alias: str,
) -> None:
    """A database as it was before migration 0019 (no commitments, no constraint, the old erasure
    trigger) with a value changed behind the application: the migration's step fills every held
    row's commitment (that of the value as it finds it: the changed one's is not its event's),
    leaves erased rows empty, puts the trigger back with the commitment kept, and on PostgreSQL
    validates the constraint; the audit, relying on it, still names the changed value."""
    vendor = connections[alias].vendor
    pk = _open(alias)
    rows = m.PersonalDatum.objects.using(alias).filter(case_id=pk).order_by("pk")
    first, second = rows[0], rows.last()  # (of the first event, and of a later one)
    assert second is not None and first.datum_id.split("/")[0] != second.datum_id.split("/")[0]
    rows.filter(pk=second.pk).update(value=None, salt=None, erased_on=date(2026, 1, 1))
    if vendor == "postgresql":
        _sql(alias, "SET CONSTRAINTS ALL IMMEDIATE")  # (the table is altered)
    MIGRATION._drop(None, _Editor(alias))  # no constraint, the trigger as migration 0009 wrote it
    _sql(alias, GUARD[vendor])
    rows.update(commitment=None)
    rows.filter(pk=first.pk).update(value="Someone Else")
    if vendor == "sqlite":
        _sql(alias, MIGRATION._sqlite_trigger(MIGRATION.ERASURE_ONLY))
    else:
        _sql(
            alias,
            f"CREATE TRIGGER {TABLE}_guard BEFORE UPDATE OR DELETE ON {TABLE} "
            f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_erase_only()",
        )
    if vendor == "postgresql":
        _sql(alias, "SET CONSTRAINTS ALL IMMEDIATE")
    MIGRATION._add(None, _Editor(alias))
    for row in rows:
        if row.value is None:
            assert row.commitment is None
        else:
            assert row.commitment == pd.commitment(row.datum_id, row.salt, row.value)
    assert _commitments_held(alias) == (vendor == "postgresql")
    with pytest.raises(DatabaseError), transaction.atomic(using=alias):
        rows.filter(pk=rows[2].pk).update(
            value=None, salt=None, erased_on=date(2026, 1, 1), commitment="0" * 64
        )
    assert _named(alias, first.datum_id)
