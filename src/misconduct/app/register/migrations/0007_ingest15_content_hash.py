# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""A repeat of a notice recognised by its content (ingest15): ``Source.content_sha256``, the SHA-256
of the normalised text (``misconduct.ingest.content``), unique where set, so that the same text from
another file or address is stored once, and two ingests of it at the same moment cannot both store
it.

A nullable column (a plain ALTER TABLE ADD COLUMN) and a partial unique index (CREATE UNIQUE INDEX
... WHERE, which SQLite adds without rebuilding the table). The sources already stored then get
their hash from the text they keep (texts under an open licence), oldest first, 500 at a time; a
later source repeating an earlier one's content keeps none (both stay, as they were), and a source
whose text was not kept (another licence) or that is one of this system's own outcomes has none."""

from typing import Any

from django.db import migrations, models

from misconduct.ingest.content import content_sha256

BATCH = 500
"""Sources read and written at a time: a page by id (the primary key's index), then one UPDATE."""


def _hash_kept_texts(apps: Any, schema_editor: Any) -> None:
    """Hash the kept texts a page at a time, oldest first: each page read after the last id of the
    one before (never the table held open while it is written), the hashes already given found by
    the unique index (made first), and the page's written in one UPDATE; so the memory it takes
    does not grow with the table."""
    Source = apps.get_model("register", "Source")
    sources = Source.objects.using(schema_editor.connection.alias)
    kept = sources.filter(origin="ingested").exclude(text="").order_by("id")
    last = 0
    while page := list(kept.filter(id__gt=last).values_list("id", "text")[:BATCH]):
        last = page[-1][0]
        digests = {pk: content_sha256(text) for pk, text in page}
        # a later repeat of an earlier source's content keeps none
        seen = set(
            sources.filter(content_sha256__in=set(digests.values())).values_list(
                "content_sha256", flat=True
            )
        )
        hashed = []
        for pk, digest in digests.items():
            if digest not in seen:
                seen.add(digest)
                hashed.append(Source(pk=pk, content_sha256=digest))
        sources.bulk_update(hashed, ["content_sha256"], batch_size=BATCH)


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
        migrations.AddConstraint(
            model_name="source",
            constraint=models.UniqueConstraint(
                condition=models.Q(("content_sha256__isnull", False)),
                fields=("content_sha256",),
                name="register_source_content_once",
            ),
        ),
        migrations.RunPython(_hash_kept_texts, migrations.RunPython.noop, elidable=True),
    ]
