# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""Issue 10: the staff case page's read model (``web.casepage``): what the page shows whatever the
reader, written with the events. The case list is emptied so that ``misconduct db init`` rebuilds
every read model from the events, the new table with them."""

import django.db.models.deletion
from django.db import migrations, models


def empty_read_models(apps, schema_editor):  # type: ignore[no-untyped-def]
    alias = schema_editor.connection.alias
    apps.get_model("misconduct", "CaseListing").objects.using(alias).all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("misconduct", "0012_persons_officer_ids"),
    ]

    operations = [
        migrations.CreateModel(
            name="CasePage",
            fields=[
                (
                    "case",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="misconduct.case",
                    ),
                ),
                ("ref", models.CharField(max_length=60, unique=True)),
                ("version", models.PositiveIntegerField()),
                ("force", models.CharField(max_length=40)),
                ("chairs", models.TextField()),
                ("parts", models.TextField()),
                ("parts_format", models.CharField(max_length=40)),
                ("steps_on", models.DateField(null=True)),
                ("steps", models.TextField(blank=True, default="")),
            ],
        ),
        migrations.RunPython(empty_read_models, migrations.RunPython.noop),
    ]
