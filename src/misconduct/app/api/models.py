"""Per-user API tokens. Only a hash is stored; the token itself is shown once, when it is made."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

TOKEN_PREFIX = "msc_"

LAST_USED_EVERY = timedelta(minutes=1)
"""How often a token's ``last_used_at`` is written: at most once a minute, not at every request
(issue 10: a write and a commit for each API read, and on SQLite the database's write lock, for a
time the tokens page shows to the day)."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What the token is for.")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(
        max_length=12, editable=False, help_text="The token's first characters."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…) for {self.user}"

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    @classmethod
    def issue(cls, user: object, name: str) -> tuple[ApiToken, str]:
        """Make a token for ``user``; returns the record and the token text (shown only now)."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        record = cls.objects.create(
            user=user,
            name=name.strip() or "API token",
            key_hash=hash_token(token),
            prefix=token[:10],
        )
        return record, token

    @classmethod
    def authenticate(cls, token: str) -> ApiToken | None:
        if not token.startswith(TOKEN_PREFIX):
            return None
        record = (
            cls.objects.select_related("user")
            .filter(key_hash=hash_token(token), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if record is not None:
            now = timezone.now()
            used = record.last_used_at
            if used is None or not now - LAST_USED_EVERY < used <= now:
                cls.objects.filter(pk=record.pk).update(last_used_at=now)
                record.last_used_at = now
        return record


class IdempotentRequest(models.Model):
    """A write made through the API under an ``Idempotency-Key``: the answer it got, so that a
    retry with the same key gets that answer again instead of recording the step twice. Kept for
    :data:`misconduct.app.api.idempotency.KEEP` (the answer holds case data), then pruned."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idempotent_requests"
    )
    key = models.CharField(max_length=200)
    fingerprint = models.CharField(max_length=64, help_text="SHA-256 of method, path and body.")
    response = models.TextField(default="", blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("user", "key"), name="one_request_per_user_key"),
        )
