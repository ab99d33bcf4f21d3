# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""Issue 10: each public record's page kept as finished HTML in its read model, so that a request for
it is one indexed read. Rows written before are left empty: their page is built from the stored
record at each request until ``misconduct db rebuild`` writes it."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("misconduct", "0014_verify5_event_canonical_payload")]

    operations = [
        migrations.AddField(
            model_name="publicentry", name="page", field=models.JSONField(null=True)
        ),
    ]
