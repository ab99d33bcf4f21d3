# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""Issue 10 item 3 (``audit verify`` on PostgreSQL): each personal datum keeps its own commitment
(``domain.personal.commitment``: the SHA-256 of ``[id,salt,value]`` as JSON, no spaces), and on
PostgreSQL a check constraint holds it to the value and salt, so that the audit reads it instead of
hashing every held value while the constraint stands validated (``app.audit._commitments_held``).

PostgreSQL writes each string as JSON (``to_json``) as Python's ``encode_basestring`` does (the
same escapes, ``\\u00XX`` in lower case for the other controls, every other character as it is;
``tests/app/test_personal_commitment.py`` compares them over every character PostgreSQL's text can
hold), so the constraint's text is the one the commitment hashes. A row with its value or salt
erased is not held to anything; its commitment stays as written (the erasure trigger now also
refuses a change to it), and the audit never reads an erased row's.

The column is added on both databases and filled for the rows already written (on PostgreSQL by
the constraint's own expression; on SQLite by ``personal.commitment``, which SQLite lacks as SQL),
with the erasure trigger out of the way for that one update. The constraint is added ``NOT VALID``
and then validated inside a savepoint, as migration 0018 does: a row the backfill could not make to
hold keeps it unvalidated, for new rows, and the audit hashes every value as before. (A value
changed before this migration gets the commitment of the changed value, which is not the one its
event holds: the audit still names it, from the reference.) SQLite has no constraint, and its audit
never reads the column."""

from django.db import DataError, IntegrityError, migrations, models, transaction

from misconduct.domain.personal import commitment

NAME = "misconduct_personaldatum_commitment_holds"
COMMITMENT = (
    "encode(sha256(convert_to('[' || to_json(datum_id)::text || ',' || to_json(salt)::text "
    "|| ',' || to_json(value)::text || ']', 'UTF8')), 'hex')"
)
CHECK = f"value IS NULL OR salt IS NULL OR (commitment IS NOT NULL AND commitment = {COMMITMENT})"
TABLE = "misconduct_personaldatum"

# migration 0009's condition, and the same with the commitment kept as it is by an erasure
ERASURE_ONLY = (
    "OLD.value IS NOT NULL AND NEW.value IS NULL AND NEW.salt IS NULL"
    " AND NEW.erased_on IS NOT NULL AND NEW.case_id = OLD.case_id AND NEW.datum_id = OLD.datum_id"
)
KEPT = {
    "sqlite": "NEW.commitment IS OLD.commitment",
    "postgresql": "NEW.commitment IS NOT DISTINCT FROM OLD.commitment",
}


def _sqlite_trigger(condition: str) -> str:
    return f"""CREATE TRIGGER {TABLE}_erase_only BEFORE UPDATE ON {TABLE}
       WHEN NOT ({condition})
       BEGIN SELECT RAISE(ABORT, '{TABLE}: only erasure may change a value'); END"""


def _postgres_function(condition: str) -> str:
    return f"""CREATE OR REPLACE FUNCTION {TABLE}_erase_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'UPDATE' AND {condition} THEN RETURN NEW; END IF;
         RAISE EXCEPTION '{TABLE}: only erasure may change a value (% refused)', TG_OP;
       END $$"""


def _add(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    run = schema_editor.execute
    held = f"UPDATE {TABLE} SET commitment = %s WHERE value IS NOT NULL AND salt IS NOT NULL"
    if vendor == "sqlite":
        schema_editor.connection.connection.create_function(
            "misconduct_commitment", 3, commitment, deterministic=True
        )
        run(f"DROP TRIGGER {TABLE}_erase_only")
        run(held % "misconduct_commitment(datum_id, salt, value)")
        run(_sqlite_trigger(f"{ERASURE_ONLY} AND {KEPT[vendor]}"))
        return
    if vendor != "postgresql":
        raise RuntimeError(f"no personal-data commitments for the {vendor} database")
    run(f"ALTER TABLE {TABLE} DISABLE TRIGGER {TABLE}_guard")
    run(held % COMMITMENT)
    run(f"ALTER TABLE {TABLE} ENABLE TRIGGER {TABLE}_guard")
    run(_postgres_function(f"{ERASURE_ONLY} AND {KEPT[vendor]}"), params=None)  # "%": PL/pgSQL
    run(f"ALTER TABLE {TABLE} ADD CONSTRAINT {NAME} CHECK ({CHECK}) NOT VALID")
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            run(f"ALTER TABLE {TABLE} VALIDATE CONSTRAINT {NAME}")
    except (IntegrityError, DataError):  # a row that does not hold: the audit hashes every value
        pass


def _drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    run = schema_editor.execute
    if schema_editor.connection.vendor == "sqlite":
        run(f"DROP TRIGGER {TABLE}_erase_only")
        run(_sqlite_trigger(ERASURE_ONLY))
        return
    run(f"ALTER TABLE {TABLE} DROP CONSTRAINT IF EXISTS {NAME}")
    run(_postgres_function(ERASURE_ONLY), params=None)


class Migration(migrations.Migration):
    dependencies = [("misconduct", "0018_pgverify10_payload_is_kept_text")]

    operations = [
        migrations.AddField(
            model_name="personaldatum",
            name="commitment",
            field=models.CharField(max_length=64, null=True),
        ),
        migrations.RunPython(_add, _drop),
    ]
