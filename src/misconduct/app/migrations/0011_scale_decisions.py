# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""Issue 10: each officer's decided outcome as a read model indexed by force and day, so the Home
Office annual return reads one force's decisions of one year rather than every case of the force.
The case list is emptied so that ``misconduct db init`` rebuilds every read model from the events,
the new table with them."""

import django.db.models.deletion
from django.db import migrations, models


def empty_read_models(apps, schema_editor):  # type: ignore[no-untyped-def]
    alias = schema_editor.connection.alias
    apps.get_model("misconduct", "CaseListing").objects.using(alias).all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("misconduct", "0010_scale_my_work_counter"),
    ]

    operations = [
        migrations.CreateModel(
            name="DecisionEntry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("ref", models.CharField(max_length=60)),
                ("force", models.CharField(max_length=40)),
                ("officer_id", models.CharField(max_length=80)),
                ("decided_on", models.DateField()),
                ("regime", models.CharField(max_length=60)),
                ("forum", models.CharField(blank=True, max_length=40)),
                ("finding", models.CharField(max_length=40)),
                ("outcome", models.CharField(max_length=60)),
                ("source", models.CharField(max_length=40)),
                ("came_to_attention", models.DateField()),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="misconduct.case",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(fields=["force", "decided_on"], name="decision_force_day")
                ],
            },
        ),
        migrations.RunPython(empty_read_models, migrations.RunPython.noop),
    ]
