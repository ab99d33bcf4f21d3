"""Staff users, their roles and their API tokens, for deployment scripts (``misconduct user add``,
``misconduct token create``); the Django admin does the same by hand."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from misconduct.app.roles import Role
from misconduct.app.web.models import Membership
from misconduct.domain.forces import force
from misconduct.errors import InvalidInput


@dataclass(frozen=True)
class Added:
    """What ``add_user`` did: whether the user is new, the roles they now hold, whether they are an
    administrator, and whether they can sign in (a password is set)."""

    created: bool
    grants: list[str]
    admin: bool
    can_sign_in: bool


def add_user(
    username: str,
    forces: Sequence[str],
    roles: Sequence[str],
    name: str = "",
    email: str = "",
    password: str | None = None,
    *,
    admin: bool = False,
) -> Added:
    """Create the user if absent and grant each role in each force; ``admin`` also makes them an
    administrator (Django's staff and superuser flags: the Django admin, and every force's records
    of the register). A role needs a force and a force a role; a user who is not an administrator
    needs both. Everything is checked before anything is written."""
    User = get_user_model()
    try:
        User.username_validator(username)
    except ValidationError:
        raise InvalidInput(
            "USERNAME",
            "a user name of letters, digits and @ . + - _ only, without spaces",
            username,
        ) from None
    if len(username) > User._meta.get_field("username").max_length:
        raise InvalidInput("USERNAME", "a user name of at most 150 characters", username)
    if forces and not roles:
        raise InvalidInput("--role", "a role to hold in the force(s) given", "none")
    if roles and not forces:
        raise InvalidInput("--force", "a force to hold the role(s) in", "none")
    if not admin and not roles:
        raise InvalidInput(
            "--role",
            "a role in a force (--force and --role), or --admin for an administrator",
            "none",
        )
    known = {r.value: r for r in Role}
    for r in roles:
        if r.strip().lower() not in known:
            raise InvalidInput("--role", "one of " + ", ".join(known), r)
    parsed = [known[r.strip().lower()] for r in roles]
    codes = [force(f).code for f in forces]
    with transaction.atomic():
        user = User.objects.filter(username=username).first()
        created = user is None
        if user is None:
            user = User.objects.create_user(username, email=email)
        if password is not None:
            try:
                validate_password(password, user)
            except ValidationError as exc:
                raise InvalidInput("password", "; ".join(exc.messages), "(hidden)") from None
            user.set_password(password)
        elif created:
            user.set_unusable_password()
        first, _, last = name.partition(" ")
        if name:
            user.first_name, user.last_name = first, last
        if email:
            user.email = email
        if admin:
            user.is_staff = user.is_superuser = True
        user.save()
        for role in parsed:
            for code in codes:
                Membership.objects.get_or_create(user=user, role=role.value, force=code)
        grants = [f"{m.role}@{m.force}" for m in Membership.objects.filter(user=user)]
    return Added(created, grants, bool(user.is_staff), user.has_usable_password())


def issue_token(username: str, name: str) -> str:
    from misconduct.app.api.models import ApiToken

    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise InvalidInput("USERNAME", "an existing, active user", username)
    if not Membership.objects.filter(user=user).exists():
        raise InvalidInput(
            "USERNAME", "a user holding a role (misconduct user add)", f"{username} with no role"
        )
    _, token = ApiToken.issue(user, name)
    return token
