# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""The review queue's indexes (scope15): partial indexes over the records still waiting for review,
by id (the whole queue, oldest first) and by force and id (one force's queue, or the records of no
known force), so that a page of the queue and its capped count read the waiting records only. Plain
CREATE INDEX on SQLite and PostgreSQL: no table is rebuilt."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0004_review15_correction_reason"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="record",
            index=models.Index(
                condition=models.Q(("published", False)),
                fields=["id"],
                name="register_waiting",
            ),
        ),
        migrations.AddIndex(
            model_name="record",
            index=models.Index(
                condition=models.Q(("published", False)),
                fields=["force", "id"],
                name="register_waiting_force",
            ),
        ),
    ]
