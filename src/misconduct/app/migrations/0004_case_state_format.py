# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""The shape of ``Case`` each stored state was written in; existing rows get none, so their state is
folded from the events until their next event rewrites it."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("misconduct", "0003_forces")]
    operations = [
        migrations.AddField(
            model_name="case",
            name="state_format",
            field=models.CharField(blank=True, default="", max_length=40),
        )
    ]
