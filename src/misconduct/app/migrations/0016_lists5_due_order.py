# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""Issue 10: the time limits' indexes end in the lists' whole order (last day, reference, key), so
that the dashboard's and "My work"'s pages read 25 rows of a nature in order at any size, instead of
every time limit of the last day they reach (about 30 a day at 100,000 cases) to sort them."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("misconduct", "0015_lists5_public_page")]

    operations = [
        migrations.RemoveIndex(model_name="dueentry", name="due_nature_day"),
        migrations.RemoveIndex(model_name="dueentry", name="due_force_nature_day"),
        migrations.RemoveIndex(model_name="dueentry", name="due_holder_day"),
        migrations.AddIndex(
            model_name="dueentry",
            index=models.Index(fields=["nature", "last_day", "ref", "id"], name="due_nature_order"),
        ),
        migrations.AddIndex(
            model_name="dueentry",
            index=models.Index(
                fields=["force", "nature", "last_day", "ref", "id"], name="due_force_nature_order"
            ),
        ),
        migrations.AddIndex(
            model_name="dueentry",
            index=models.Index(
                fields=["holder", "nature", "last_day", "ref", "id"], name="due_holder_order"
            ),
        ),
    ]
