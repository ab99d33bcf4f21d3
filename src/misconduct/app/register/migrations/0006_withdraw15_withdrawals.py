# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""Withdrawing a record from the public register, and restoring it (withdraw15).

A withdrawal and a restoration are events of the append-only review log (new ``action`` values:
choices only, so nothing in the database changes and SQLite does not rebuild the table, which would
drop its append-only triggers). The record's read model gains ``withdrawal``, the event that
withdrew it while it is withdrawn: a nullable column, so a plain ALTER TABLE ADD COLUMN on SQLite
and PostgreSQL, indexed only where set (``register_withdrawn``, staff's list of withdrawn records).
A withdrawn record is not ``published``, so the public register's partial indexes leave it out as
they are; the review queue's two partial indexes are written again to leave it out too (plain DROP
and CREATE INDEX: no table is rebuilt)."""

import django.db.models.deletion
from django.db import migrations, models

_WAITING = models.Q(("published", False), ("withdrawal__isnull", True))


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0005_scope15_queue_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="record",
            name="withdrawal",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="register.reviewevent",
            ),
        ),
        migrations.AlterField(
            model_name="reviewevent",
            name="action",
            field=models.CharField(
                choices=[
                    ("confirmed", "Confirmed"),
                    ("corrected", "Corrected"),
                    ("withdrawn", "Withdrawn"),
                    ("restored", "Restored"),
                ],
                max_length=16,
            ),
        ),
        migrations.RemoveIndex(model_name="record", name="register_waiting"),
        migrations.RemoveIndex(model_name="record", name="register_waiting_force"),
        migrations.AddIndex(
            model_name="record",
            index=models.Index(condition=_WAITING, fields=["id"], name="register_waiting"),
        ),
        migrations.AddIndex(
            model_name="record",
            index=models.Index(
                condition=_WAITING, fields=["force", "id"], name="register_waiting_force"
            ),
        ),
        migrations.AddIndex(
            model_name="record",
            index=models.Index(
                condition=models.Q(("withdrawal__isnull", False)),
                fields=["withdrawal"],
                name="register_withdrawn",
            ),
        ),
    ]
