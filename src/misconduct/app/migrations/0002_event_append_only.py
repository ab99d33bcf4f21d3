# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""The database refuses UPDATE and DELETE on the event log, on SQLite and on PostgreSQL."""

from django.db import migrations

SQLITE_UP = [
    """CREATE TRIGGER misconduct_event_no_update BEFORE UPDATE ON misconduct_event
       BEGIN SELECT RAISE(ABORT, 'misconduct_event is append-only: UPDATE refused'); END""",
    """CREATE TRIGGER misconduct_event_no_delete BEFORE DELETE ON misconduct_event
       BEGIN SELECT RAISE(ABORT, 'misconduct_event is append-only: DELETE refused'); END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS misconduct_event_no_update",
    "DROP TRIGGER IF EXISTS misconduct_event_no_delete",
]
POSTGRES_UP = [
    """CREATE FUNCTION misconduct_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'misconduct_event is append-only: % refused', TG_OP; END $$""",
    """CREATE TRIGGER misconduct_event_no_update_delete BEFORE UPDATE OR DELETE ON misconduct_event
       FOR EACH ROW EXECUTE FUNCTION misconduct_event_append_only()""",
    """CREATE TRIGGER misconduct_event_no_truncate BEFORE TRUNCATE ON misconduct_event
       FOR EACH STATEMENT EXECUTE FUNCTION misconduct_event_append_only()""",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS misconduct_event_no_truncate ON misconduct_event",
    "DROP TRIGGER IF EXISTS misconduct_event_no_update_delete ON misconduct_event",
    "DROP FUNCTION IF EXISTS misconduct_event_append_only()",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in statements_by_vendor:
            raise RuntimeError(f"no append-only triggers for the {vendor} database")
        for sql in statements_by_vendor[vendor]:
            schema_editor.execute(sql, params=None)  # no placeholders: "%" is PL/pgSQL

    return run


class Migration(migrations.Migration):
    dependencies = [("misconduct", "0001_initial")]
    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
