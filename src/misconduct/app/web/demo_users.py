"""Demo logins for the demo data: one user holding every role in the demo forces, and one user per
role, so each role's view of the product can be tried. Created only if absent; never changed after."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from misconduct.app.roles import Role
from misconduct.app.web.models import Membership

DEMO_PASSWORD = "demo-password-2025"
"""Demo only: printed by ``make run``. A real deployment creates its users in the admin."""

CANONICAL_CHAIR = "Assistant Commissioner (professionalism)"
"""The chair named in the canonical demo case: the demo chair's full name, so it is assigned."""


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    roles: tuple[Role, ...]
    superuser: bool = False


DEMO_USERS = (
    DemoUser("demo", CANONICAL_CHAIR, tuple(Role)),
    DemoUser("officer", "Case Officer", (Role.CASE_OFFICER,)),
    DemoUser("authority", "Appropriate Authority", (Role.APPROPRIATE_AUTHORITY,)),
    DemoUser("chair", CANONICAL_CHAIR, (Role.CHAIR,)),
    DemoUser("viewer", "Read Only", (Role.VIEWER,)),
    DemoUser("admin", "Administrator", (), superuser=True),
)


def ensure_demo_users(forces: list[str]) -> list[tuple[DemoUser, bool]]:
    """Create each demo user if absent, with its roles in ``forces``; returns (user, created)."""
    User = get_user_model()
    out = []
    with transaction.atomic():
        for d in DEMO_USERS:
            user = User.objects.filter(username=d.username).first()
            created = user is None
            if user is None:
                first, _, last = d.full_name.partition(" ")
                user = User.objects.create_user(
                    d.username, password=DEMO_PASSWORD, first_name=first, last_name=last
                )
                user.is_staff = user.is_superuser = d.superuser
                user.save()
                for role in d.roles:
                    for code in forces:
                        Membership.objects.get_or_create(user=user, role=role.value, force=code)
            out.append((d, created))
    return out
