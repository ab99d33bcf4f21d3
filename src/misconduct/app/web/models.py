"""Memberships: a staff user's role in one force (``misconduct.app.roles``). Managed in the admin.
Sessions: Django's database sessions with the signed-in user's id (``web.sessions``)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models

from misconduct.app.roles import Grant, Role
from misconduct.domain.forces import FORCES


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=32, choices=[(r.value, r.label) for r in Role])
    force = models.CharField(max_length=64, choices=[(f.code, f.name) for f in FORCES])

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["user", "role", "force"], name="one_role_per_force"),
        )
        ordering = ("user__username", "force", "role")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}, {self.get_force_display()}"

    @property
    def grant(self) -> Grant:
        return Grant(Role(self.role), self.force)


class StaffSession(AbstractBaseSession):
    """A session (Django's fields) and the id of the user it signs in, written with it, so that a
    request reads the session, its user and their roles in one query (``web.sessions``)."""

    user_id = models.BigIntegerField(null=True)

    @classmethod
    def get_session_store_class(cls) -> type:
        from misconduct.app.web.sessions import SessionStore

        return SessionStore
