# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""Issue 13: a record of each closed case whose personal data outside the event chain was erased."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("misconduct", "0005_safety_ledger")]
    operations = [
        migrations.CreateModel(
            name="Erasure",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("erased_on", models.DateField()),
                ("recorded_at", models.DateTimeField()),
                ("actor", models.CharField(max_length=150)),
                (
                    "erased",
                    models.JSONField(
                        help_text="What was erased: table and column, with how many rows."
                    ),
                ),
                (
                    "case",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="erasure",
                        to="misconduct.case",
                    ),
                ),
            ],
        )
    ]
