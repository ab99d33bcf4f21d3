"""The command group imports an area's module only when one of its commands is asked for."""

from __future__ import annotations

import subprocess
import sys
from importlib import import_module
from pathlib import Path

import click
from click.testing import CliRunner

from misconduct.cli.main import AREAS, cli


def test_the_areas_name_every_command_each_module_registers() -> None:
    eager = click.Group()
    owner: dict[str, str] = {}
    for module in dict.fromkeys(m for modules in AREAS.values() for m in modules):
        before = set(eager.commands)
        import_module(f"misconduct.cli.{module}").register(eager)
        owner.update(dict.fromkeys(set(eager.commands) - before, module))
    assert set(owner) == set(AREAS)
    for name, module in owner.items():
        assert module in AREAS[name], name
    # the whole group, loaded, holds the same commands and subcommands as registering every module
    listed = cli.list_commands(click.Context(cli))
    assert listed == sorted(eager.commands)
    case = cli.get_command(click.Context(cli), "case")
    assert isinstance(case, click.Group) and isinstance(eager.commands["case"], click.Group)
    assert set(case.commands) == set(eager.commands["case"].commands)


def test_an_unknown_command_is_refused_by_name() -> None:
    result = CliRunner().invoke(cli, ["audits"])
    assert result.exit_code == 2
    assert "No such command 'audits'" in result.output


def test_the_audit_command_does_not_import_the_engine_documents_or_ingest() -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from misconduct.cli.main import cli\n"
        "r = CliRunner().invoke(cli, ['audit', '--help'])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in sys.modules if m.startswith(('misconduct.assessment', "
        "'misconduct.ingest', 'misconduct.documents', 'misconduct.cli.'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(Path(__file__).parents[2] / "src"), "PATH": "/usr/bin:/bin"},
    ).stdout
    assert out.strip() == str(
        ["misconduct.cli.cases", "misconduct.cli.main", "misconduct.cli.output"]
    ), out


def test_audit_verify_starts_django_with_the_cases_application_alone(tmp_path: Path) -> None:
    """Issue 10 item 3: ``audit verify`` (``bootstrap.setup(cases_only=True)``) starts Django with
    the program's settings but only the cases' application installed, and its integrity check
    imports nothing of the replay (the fold, the events, the read models, the rules' catalogue)."""
    code = (
        "import sys\n"
        "from misconduct.app import bootstrap\n"
        "bootstrap.setup(cases_only=True)\n"
        "from django.conf import settings\n"
        "from misconduct.app import settings as full\n"
        "import misconduct.app.audit\n"
        "assert settings.INSTALLED_APPS == ['misconduct.app.apps.CasesConfig']\n"
        "assert settings.DATABASES == full.DATABASES and settings.STORAGES == full.STORAGES\n"
        "print(sorted(m for m in ('ninja', 'pydantic', 'django.contrib.admin', 'axes', "
        "'misconduct.app.web', 'misconduct.app.api', 'misconduct.app.read_tables', "
        "'misconduct.app.repository', 'misconduct.domain.case', 'misconduct.rules.catalogue', "
        "'misconduct.services.cases', 'misconduct.domain.events') if m in sys.modules))\n"
    )
    env = {
        "PYTHONPATH": str(Path(__file__).parents[2] / "src"),
        "PATH": "/usr/bin:/bin",
        "MISCONDUCT_SECRET_KEY": "test-only",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout
    assert out.strip() == "[]", out
    (tmp_path / "other_settings.py").write_text("from misconduct.app.settings import *\n")
    named = subprocess.run(  # another settings module named: used as it is
        [
            sys.executable,
            "-c",
            code.replace("['misconduct.app.apps.CasesConfig']", "full.INSTALLED_APPS"),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={
            **env,
            "PYTHONPATH": f"{env['PYTHONPATH']}:{tmp_path}",
            "DJANGO_SETTINGS_MODULE": "other_settings",
        },
    )
    assert named.returncode == 0, named.stderr
