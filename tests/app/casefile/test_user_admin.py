"""``misconduct user add NAME --admin``: an administrator for a deployment (Django's staff and
superuser flags, as the demo's administrator has), with or without case roles, and bad input refused
with what was expected before anything is written."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model
from django.test import Client

from misconduct.app.register.reviewers import reviewer_of
from misconduct.app.web.models import Membership
from misconduct.cli.main import cli

PASSWORD = "a-long-enough-password-2026\n"

pytestmark = pytest.mark.django_db


def _add(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["user", "add", *args], input=stdin)
    return result.exit_code, " ".join(result.output.split())


def test_an_administrator_is_created_with_no_case_work_and_can_sign_in_to_the_admin() -> None:
    code, said = _add("boss", "--admin", "--password-stdin", stdin=PASSWORD)
    assert code == 0, said
    assert said == (
        "Created boss as an administrator: the Django admin at /admin/ and every force's records "
        "of the register. No case work."
    )
    user = get_user_model().objects.get(username="boss")
    assert user.is_staff and user.is_superuser and user.has_usable_password()
    assert not Membership.objects.filter(user=user).exists()
    assert reviewer_of(user).admin  # may change any record of the register
    client = Client()
    assert client.login(username="boss", password=PASSWORD.strip())
    assert client.get("/admin/").status_code == 200


def test_an_administrator_may_also_hold_roles_and_an_existing_user_is_made_one() -> None:
    code, said = _add("ann", "--force", "kent", "--role", "case_officer")
    assert (code, said) == (0, "Created ann: case_officer@kent")
    assert not get_user_model().objects.get(username="ann").is_staff
    code, said = _add("ann", "--admin")
    assert code == 0, said
    assert (
        said.startswith("Updated ann as an administrator") and "Roles: case_officer@kent." in said
    )
    assert get_user_model().objects.get(username="ann").is_superuser
    code, said = _add("bea", "--admin", "--force", "essex", "--role", "viewer")
    assert code == 0 and "Created bea as an administrator" in said and "viewer@essex" in said
    # without a password the administrator cannot sign in yet, and is told so
    assert "bea has no password yet, so cannot sign in: add --password-stdin to set one." in said


@pytest.mark.parametrize(
    ("args", "field", "expected"),
    [
        (["cat"], "--role", "or --admin for an administrator"),
        (["cat", "--force", "kent"], "--role", "a role to hold in the force(s) given"),
        (["cat", "--role", "viewer", "--admin"], "--force", "a force to hold the role(s) in"),
        (["cat", "--admin", "--force", "mars", "--role", "viewer"], "force", "a force code"),
        (["cat", "--admin", "--force", "kent", "--role", "boss"], "--role", "one of case_officer"),
        (["c at", "--admin"], "USERNAME", "without spaces"),
        (["", "--admin"], "USERNAME", "letters, digits"),
        (["cat/dog", "--admin"], "USERNAME", "letters, digits"),
        (["c" * 151, "--admin"], "USERNAME", "at most 150 characters"),
    ],
)
def test_bad_input_is_refused_clearly_and_writes_nothing(
    args: list[str], field: str, expected: str
) -> None:
    code, said = _add(*args)
    assert code == 2, said
    assert said.startswith(f"Error: {field}: expected"), said
    assert expected in said, said
    assert not get_user_model().objects.exists()


def test_a_weak_password_is_refused_and_no_administrator_is_made() -> None:
    code, said = _add("boss", "--admin", "--password-stdin", stdin="short\n")
    assert code == 2 and "password" in said
    assert not get_user_model().objects.filter(username="boss").exists()
