# ruff: noqa: RUF012  (Django migration class attributes are plain lists by convention)
"""The 43 territorial forces of England and Wales and British Transport Police, from the domain's data."""

from django.db import migrations


def load(apps, schema_editor):
    from misconduct.domain.forces import FORCES

    Force = apps.get_model("misconduct", "Force")
    for f in FORCES:
        Force.objects.using(schema_editor.connection.alias).update_or_create(
            code=f.code, defaults={"name": f.name, "territorial": f.territorial}
        )


class Migration(migrations.Migration):
    dependencies = [("misconduct", "0002_event_append_only")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
