"""The Django application for cases: models, admin and the event log."""

from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "misconduct.app"
    label = "misconduct"
    verbose_name = "Misconduct proceedings"
