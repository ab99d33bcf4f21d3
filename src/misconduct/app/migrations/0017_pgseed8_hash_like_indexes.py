# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""Issue 10 (seeding on PostgreSQL): drop the two pattern indexes Django made beside the unique
indexes of the events' ``hash`` and the ledger entries' ``chain``.

On PostgreSQL Django gives every indexed or unique text column a second index
(``varchar_pattern_ops``), which serves only ``LIKE 'prefix%'``. No query of this project looks up a
hash or a chain by a prefix (they are found, when at all, by equality, which the unique index serves),
so these two indexes were kept up and never read. Being indexes of random 64-character hashes, each
new event or ledger entry lands on a random page of them, so at 100,000 cases (1.15 million events,
about 150 MB each) they cost more to keep than any other index of the write path. The unique
indexes stay, and with them the guarantee that no two events share a hash. Nothing on SQLite (which
has no such indexes)."""

from django.db import migrations

_COLUMNS = (("Event", "hash"), ("LedgerEntry", "chain"))


def _drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, column in _COLUMNS:
        table = apps.get_model("misconduct", model_name)._meta.db_table
        name = schema_editor._create_index_name(table, [column], suffix="_like")
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


def _create(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, column in _COLUMNS:
        model = apps.get_model("misconduct", model_name)
        schema_editor.execute(
            schema_editor._create_like_index_sql(model, model._meta.get_field(column))
        )


class Migration(migrations.Migration):
    dependencies = [("misconduct", "0016_lists5_due_order")]

    operations = [migrations.RunPython(_drop, _create)]
