# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""Issue 10 item 3: each event keeps the canonical JSON text of its payload, which its hash covers
(``app.event_bytes``), so that ``audit verify`` hashes the stored text without decoding it. Events
already stored keep NULL (they are never rewritten) and are verified as before.

The column is added by ``ALTER TABLE ... ADD COLUMN`` on both databases: on SQLite a rebuilt table
would lose the triggers that make the event log append-only."""

from django.db import migrations, models

ADD = "ALTER TABLE misconduct_event ADD COLUMN canonical_payload text NULL"
DROP = "ALTER TABLE misconduct_event DROP COLUMN canonical_payload"


class Migration(migrations.Migration):
    dependencies = [("misconduct", "0013_casepage5_case_page")]
    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(ADD, DROP)],
            state_operations=[
                migrations.AddField(
                    model_name="event",
                    name="canonical_payload",
                    field=models.TextField(default=None, null=True),
                )
            ],
        )
    ]
