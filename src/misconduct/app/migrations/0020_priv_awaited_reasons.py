# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""Steps awaited with no time in the regulations (the chair's written reasons to the local policing
body, SI 2020/4 reg 39(3A); reg 59(4)) as a read model of their own, written with the events, for
"My work" and reminders. The case list is emptied so that ``misconduct db init`` rebuilds every read
model from the events, the new table with them."""

import django.db.models.deletion
from django.db import migrations, models


def empty_read_models(apps, schema_editor):  # type: ignore[no-untyped-def]
    alias = schema_editor.connection.alias
    apps.get_model("misconduct", "CaseListing").objects.using(alias).all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("misconduct", "0019_pgverify11_personal_commitment"),
    ]

    operations = [
        migrations.CreateModel(
            name="AwaitedEntry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("ref", models.CharField(max_length=60)),
                ("force", models.CharField(max_length=40)),
                ("step", models.CharField(max_length=60)),
                ("title", models.CharField(max_length=200)),
                ("detail", models.TextField(blank=True, default="")),
                ("citation", models.CharField(max_length=200)),
                ("party", models.CharField(max_length=100)),
                ("since", models.DateField()),
                ("holder", models.CharField(blank=True, default="", max_length=150)),
                ("holder_role", models.CharField(blank=True, default="", max_length=40)),
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
                    models.Index(
                        fields=["holder", "since", "ref", "id"], name="awaited_holder_order"
                    )
                ],
            },
        ),
        migrations.RunPython(empty_read_models, migrations.RunPython.noop),
    ]
