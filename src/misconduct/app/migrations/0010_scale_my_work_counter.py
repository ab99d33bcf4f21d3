# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""Issue 10: who holds each time limit and who each case is assigned to ("My work" as indexed
queries), and a counter per force and year for new case references. The read models are emptied so
that ``misconduct db init`` rebuilds them from the events with the new columns; the counters are
filled from the references already given."""

import re

import django.db.models.deletion
from django.db import migrations, models

PATTERN = re.compile(r"[A-Z]{3}-(\d{4})-(\d{4,})")


def count_references(apps, schema_editor):  # type: ignore[no-untyped-def]
    alias = schema_editor.connection.alias
    Case = apps.get_model("misconduct", "Case")
    Counter = apps.get_model("misconduct", "ReferenceCounter")
    highest: dict[str, int] = {}
    for ref in Case.objects.using(alias).values_list("ref", flat=True).iterator():
        found = PATTERN.fullmatch(ref)
        if found is not None:
            key = ref[: found.start(2) - 1]
            highest[key] = max(highest.get(key, 0), int(found.group(2)))
    Counter.objects.using(alias).bulk_create(
        [Counter(key=k, last=n) for k, n in sorted(highest.items())]
    )


def empty_read_models(apps, schema_editor):  # type: ignore[no-untyped-def]
    alias = schema_editor.connection.alias
    for name in ("PublicTag", "PublicEntry", "DueEntry", "CaseChair", "CaseListing"):
        apps.get_model("misconduct", name).objects.using(alias).all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("misconduct", "0009_dataprot_personal_data"),
    ]

    operations = [
        migrations.AddField(
            model_name="dueentry",
            name="holder",
            field=models.CharField(blank=True, default="", max_length=150),
        ),
        migrations.AddField(
            model_name="dueentry",
            name="holder_role",
            field=models.CharField(blank=True, default="", max_length=40),
        ),
        migrations.AddIndex(
            model_name="dueentry",
            index=models.Index(fields=["holder", "nature", "last_day"], name="due_holder_day"),
        ),
        migrations.CreateModel(
            name="CaseAssignee",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("username", models.CharField(max_length=150)),
                ("role", models.CharField(max_length=40)),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="misconduct.case",
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["username", "case"], name="assignee_user_case")],
            },
        ),
        migrations.CreateModel(
            name="ReferenceCounter",
            fields=[
                ("key", models.CharField(max_length=20, primary_key=True, serialize=False)),
                ("last", models.PositiveIntegerField()),
            ],
        ),
        migrations.RunPython(count_references, migrations.RunPython.noop),
        migrations.RunPython(empty_read_models, migrations.RunPython.noop),
    ]
