# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""This system's own outcomes in the register follow their case's take-down (takedown15): a partial
index over the published records that name a case (``case_ref``; only this system's own outcomes
do), by case, so that a case's take-down takes its outcome out of the register in the same
transaction, and a sync finds the outcomes no longer published, without reading the register's
other records. Plain CREATE INDEX on SQLite and PostgreSQL: no table is rebuilt.

The outcomes already taken down before this migration leave the register at the next sync
(``misconduct register sync``, or ``misconduct serve`` as it starts)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0007_ingest15_content_hash"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="record",
            index=models.Index(
                condition=models.Q(("published", True), models.Q(("case_ref", ""), _negated=True)),
                fields=["case_ref"],
                name="register_system",
            ),
        ),
    ]
