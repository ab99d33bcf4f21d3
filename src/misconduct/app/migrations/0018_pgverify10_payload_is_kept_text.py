# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""Issue 10 item 3 (``audit verify`` on PostgreSQL): a check constraint that each event's ``jsonb``
payload is the JSON of the canonical text kept beside it (``app.event_bytes``), so that the audit
need not compare the two for every event while the constraint stands validated.

Without it the audit parsed every kept text as ``jsonb`` and wrote every payload as text (about
half of the server's work of ``audit verify``). With it PostgreSQL makes the same comparison once,
when the event is written (the one write path, ``db seed``'s COPY, a restore), and refuses an event
whose payload differs; the audit reads from the catalogue that the constraint is there, validated
and as written here (``app.audit._payloads_held``), and otherwise compares every payload as
before. Added ``NOT VALID`` and then validated inside a savepoint: a database that already holds
an event whose payload differs (or a kept text that is not JSON) keeps the constraint unvalidated,
for new events, and its audit compares (and names that event). Nothing on SQLite, where the
payload column is itself the kept text."""

from django.db import DataError, IntegrityError, migrations, transaction

NAME = "misconduct_event_payload_is_kept_text"
CHECK = (
    "canonical_payload IS NULL OR canonical_payload = '' "
    "OR payload::text = canonical_payload::jsonb::text"
)


def _add(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("misconduct", "Event")._meta.db_table)
    schema_editor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {NAME} CHECK ({CHECK}) NOT VALID")
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute(f"ALTER TABLE {table} VALIDATE CONSTRAINT {NAME}")
    except (IntegrityError, DataError):  # an event that differs: the audit compares, names it
        pass


def _drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("misconduct", "Event")._meta.db_table)
    schema_editor.execute(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("misconduct", "0017_pgseed8_hash_like_indexes")]

    operations = [migrations.RunPython(_add, _drop)]
