"""API authentication: ``Authorization: Bearer <token>`` with a per-user token (``models.ApiToken``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        from misconduct.app.api.models import ApiToken

        record = ApiToken.authenticate(token.strip())
        if record is None:
            return None
        request.user = record.user
        return record.user
