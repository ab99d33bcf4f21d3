# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""The database refuses UPDATE and DELETE on the register's review log, on SQLite and PostgreSQL."""

from django.db import migrations

from misconduct.app import append_only


class Migration(migrations.Migration):
    dependencies = [("register", "0001_register_initial")]
    operations = [
        append_only.operation("register_reviewevent", truncate=False),
    ]
