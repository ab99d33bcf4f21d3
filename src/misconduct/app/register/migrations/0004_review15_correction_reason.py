# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""The reason a person gives for correcting a field (review15). A nullable column, so that SQLite adds
it with ALTER TABLE ADD COLUMN and keeps the review log's append-only triggers (a column with a
default would make Django rebuild the table, dropping them)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0003_register_categories"),
    ]

    operations = [
        migrations.AddField(
            model_name="reviewevent",
            name="reason",
            field=models.TextField(blank=True, null=True),
        ),
    ]
