# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""Issue 13 item 6: personal values held outside the hash chain, referred to by id from the events.

The database refuses every change to a personal value but its erasure (value and salt set to NULL
with the date erased), and every DELETE, on SQLite and on PostgreSQL."""

import django.db.models.deletion
from django.db import migrations, models

ERASURE_ONLY = (
    "OLD.value IS NOT NULL AND NEW.value IS NULL AND NEW.salt IS NULL"
    " AND NEW.erased_on IS NOT NULL AND NEW.case_id = OLD.case_id AND NEW.datum_id = OLD.datum_id"
)
SQLITE_UP = [
    f"""CREATE TRIGGER misconduct_personaldatum_erase_only BEFORE UPDATE ON misconduct_personaldatum
       WHEN NOT ({ERASURE_ONLY})
       BEGIN SELECT RAISE(ABORT, 'misconduct_personaldatum: only erasure may change a value'); END""",
    """CREATE TRIGGER misconduct_personaldatum_no_delete BEFORE DELETE ON misconduct_personaldatum
       BEGIN SELECT RAISE(ABORT, 'misconduct_personaldatum: DELETE refused (erase instead)'); END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS misconduct_personaldatum_erase_only",
    "DROP TRIGGER IF EXISTS misconduct_personaldatum_no_delete",
]
POSTGRES_UP = [
    f"""CREATE FUNCTION misconduct_personaldatum_erase_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'UPDATE' AND {ERASURE_ONLY} THEN RETURN NEW; END IF;
         RAISE EXCEPTION 'misconduct_personaldatum: only erasure may change a value (% refused)', TG_OP;
       END $$""",
    """CREATE TRIGGER misconduct_personaldatum_guard BEFORE UPDATE OR DELETE
       ON misconduct_personaldatum FOR EACH ROW EXECUTE FUNCTION misconduct_personaldatum_erase_only()""",
    """CREATE TRIGGER misconduct_personaldatum_no_truncate BEFORE TRUNCATE ON misconduct_personaldatum
       FOR EACH STATEMENT EXECUTE FUNCTION misconduct_personaldatum_erase_only()""",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS misconduct_personaldatum_no_truncate ON misconduct_personaldatum",
    "DROP TRIGGER IF EXISTS misconduct_personaldatum_guard ON misconduct_personaldatum",
    "DROP FUNCTION IF EXISTS misconduct_personaldatum_erase_only()",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in statements_by_vendor:
            raise RuntimeError(f"no personal-data triggers for the {vendor} database")
        for sql in statements_by_vendor[vendor]:
            schema_editor.execute(sql, params=None)  # no placeholders: "%" is PL/pgSQL

    return run


class Migration(migrations.Migration):
    dependencies = [("misconduct", "0008_scale_read_models")]
    operations = [
        migrations.CreateModel(
            name="PersonalDatum",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("datum_id", models.CharField(max_length=200)),
                ("value", models.TextField(null=True)),
                ("salt", models.CharField(max_length=64, null=True)),
                ("erased_on", models.DateField(null=True)),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="personal_data",
                        to="misconduct.case",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("case", "datum_id"), name="personal_datum_once")
                ],
            },
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        ),
    ]
