"""The register app (issue 15): ingested outcomes, their review queue, analytics, the annual return."""

from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "misconduct.app.register"
    label = "register"
    verbose_name = "National register of published outcomes"
    default_auto_field = "django.db.models.BigAutoField"
