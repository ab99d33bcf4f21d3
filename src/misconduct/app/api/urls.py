"""The API's URLconf: the root URLconf includes it under ``api/`` (URL names in namespace ``api``)."""

from __future__ import annotations

from django.urls import path

from misconduct.app.api.api import api

urlpatterns = [path("", api.urls)]
