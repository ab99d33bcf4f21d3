# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""Issue 13 item 6: personal values held outside the hash chain, referred to by id from the events."""

import django.db.models.deletion
from django.db import migrations, models


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
        )
    ]
