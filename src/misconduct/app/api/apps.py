"""The API's Django app: it owns the API token model."""

from __future__ import annotations

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "misconduct.app.api"
    label = "misconduct_api"
    verbose_name = "API"
    default_auto_field = "django.db.models.BigAutoField"
