# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""Issue 13 item 6: the officers' person table (opaque officer id → force and warrant number).

Officers already stored keep their ``force:number`` ids (their events are never rewritten): each is
entered here under that id, so that a case opened later for the same officer finds it and gets the
same id. An officer whose name was already erased is entered as erased. The database refuses every
change to a row but the erasure of its number (set to NULL with the date erased), and every DELETE,
on SQLite and on PostgreSQL. The projection's own uniqueness of force and number goes: an erased
number is a placeholder there, and the person table now keeps each number to one id."""

import re
from datetime import date

import django.db.models.deletion
from django.db import migrations, models

ERASURE_ONLY = (
    "OLD.warrant_number IS NOT NULL AND NEW.warrant_number IS NULL AND NEW.erased_on IS NOT NULL"
    " AND NEW.officer_id = OLD.officer_id AND NEW.force_id = OLD.force_id"
)
TABLE = "misconduct_officerperson"
SQLITE_UP = [
    f"""CREATE TRIGGER {TABLE}_erase_only BEFORE UPDATE ON {TABLE}
       WHEN NOT ({ERASURE_ONLY})
       BEGIN SELECT RAISE(ABORT, '{TABLE}: only erasure may change a warrant number'); END""",
    f"""CREATE TRIGGER {TABLE}_no_delete BEFORE DELETE ON {TABLE}
       BEGIN SELECT RAISE(ABORT, '{TABLE}: DELETE refused (erase instead)'); END""",
]
SQLITE_DOWN = [
    f"DROP TRIGGER IF EXISTS {TABLE}_erase_only",
    f"DROP TRIGGER IF EXISTS {TABLE}_no_delete",
]
POSTGRES_UP = [
    f"""CREATE FUNCTION {TABLE}_erase_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'UPDATE' AND {ERASURE_ONLY} THEN RETURN NEW; END IF;
         RAISE EXCEPTION '{TABLE}: only erasure may change a warrant number (% refused)', TG_OP;
       END $$""",
    f"""CREATE TRIGGER {TABLE}_guard BEFORE UPDATE OR DELETE
       ON {TABLE} FOR EACH ROW EXECUTE FUNCTION {TABLE}_erase_only()""",
    f"""CREATE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE}
       FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_erase_only()""",
]
POSTGRES_DOWN = [
    f"DROP TRIGGER IF EXISTS {TABLE}_no_truncate ON {TABLE}",
    f"DROP TRIGGER IF EXISTS {TABLE}_guard ON {TABLE}",
    f"DROP FUNCTION IF EXISTS {TABLE}_erase_only()",
]
ERASED = re.compile(r"\[erased under the retention schedule on (\d\d)/(\d\d)/(\d{4})\]")


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in statements_by_vendor:
            raise RuntimeError(f"no officer person-table triggers for the {vendor} database")
        for sql in statements_by_vendor[vendor]:
            schema_editor.execute(sql, params=None)  # no placeholders: "%" is PL/pgSQL

    return run


def enter_known_officers(apps, schema_editor):
    """Each officer already stored, under the id their events use."""
    officer = apps.get_model("misconduct", "Officer")
    person = apps.get_model("misconduct", "OfficerPerson")
    db = schema_editor.connection.alias
    rows = []
    for oid, force_id, number, name in officer.objects.using(db).values_list(
        "officer_id", "force_id", "warrant_number", "name"
    ):
        erased = ERASED.fullmatch(name) or ERASED.fullmatch(number)
        if erased:
            day, month, year = (int(g) for g in erased.groups())
            rows.append(person(officer_id=oid, force_id=force_id, erased_on=date(year, month, day)))
        else:
            rows.append(person(officer_id=oid, force_id=force_id, warrant_number=number))
    person.objects.using(db).bulk_create(rows, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("misconduct", "0011_scale_decisions")]

    operations = [
        migrations.CreateModel(
            name="OfficerPerson",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("officer_id", models.CharField(max_length=80, unique=True)),
                ("warrant_number", models.CharField(max_length=30, null=True)),
                ("erased_on", models.DateField(null=True)),
                (
                    "force",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="misconduct.force",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("force", "warrant_number"), name="officer_person_number_once"
                    )
                ],
            },
        ),
        migrations.RemoveConstraint(model_name="officer", name="officer_warrant_once"),
        # Room for the erasure placeholder (``domain.personal.placeholder``).
        migrations.AlterField(
            model_name="officer", name="warrant_number", field=models.CharField(max_length=80)
        ),
        migrations.RunPython(enter_known_officers, migrations.RunPython.noop),
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        ),
    ]
