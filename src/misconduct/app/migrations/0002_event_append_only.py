# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""The database refuses UPDATE and DELETE on the event log, on SQLite and on PostgreSQL."""

from django.db import migrations

from misconduct.app import append_only


class Migration(migrations.Migration):
    dependencies = [("misconduct", "0001_initial")]
    operations = [
        append_only.operation("misconduct_event"),
    ]
