# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""A repeat of a notice recognised by its content (ingest15): ``Source.content_sha256``, the SHA-256
of the normalised text (``misconduct.ingest.content``), unique where set, so that the same text from
another file or address is stored once, and two ingests of it at the same moment cannot both store
it.

A nullable column (a plain ALTER TABLE ADD COLUMN) and a partial unique index (CREATE UNIQUE INDEX
... WHERE, which SQLite adds without rebuilding the table). The sources already stored get their
hash from the text they keep (texts under an open licence), oldest first; a later source repeating
an earlier one's content keeps none (both stay, as they were), and a source whose text was not kept
(another licence) or that is one of this system's own outcomes has none."""

from typing import Any

from django.db import migrations, models

from misconduct.ingest.content import content_sha256


def _hash_kept_texts(apps: Any, schema_editor: Any) -> None:
    Source = apps.get_model("register", "Source")
    using = schema_editor.connection.alias
    seen: set[str] = set()
    kept = (
        Source.objects.using(using)
        .filter(origin="ingested")
        .exclude(text="")
        .order_by("id")
        .values_list("id", "text")
    )
    for pk, text in kept.iterator(chunk_size=500):
        digest = content_sha256(text)
        if digest in seen:
            continue
        seen.add(digest)
        Source.objects.using(using).filter(pk=pk).update(content_sha256=digest)


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0006_withdraw15_withdrawals"),
    ]

    operations = [
        migrations.AddField(
            model_name="source",
            name="content_sha256",
            field=models.CharField(max_length=64, null=True),
        ),
        migrations.RunPython(_hash_kept_texts, migrations.RunPython.noop, elidable=True),
        migrations.AddConstraint(
            model_name="source",
            constraint=models.UniqueConstraint(
                condition=models.Q(("content_sha256__isnull", False)),
                fields=("content_sha256",),
                name="register_source_content_once",
            ),
        ),
    ]
