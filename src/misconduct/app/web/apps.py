"""The web application's Django app: templates, static files and staff memberships."""

from __future__ import annotations

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "misconduct.app.web"
    label = "misconduct_web"
    verbose_name = "Staff access"
    default_auto_field = "django.db.models.BigAutoField"
