"""The ``misconduct`` command group. Each area registers its commands here.

An area's module is imported only when one of its commands is asked for (``misconduct audit
verify`` does not import the engine, the documents or ingest: about half the program's start-up);
``misconduct --help`` imports them all to list them. ``AREAS`` says which modules register each
top-level command; a test holds it to what registering every module gives."""

from __future__ import annotations

from importlib import import_module

import click

from misconduct import __version__

AREAS: dict[str, tuple[str, ...]] = {
    "rules": ("rules",),
    "deadline": ("rules",),
    "assess": ("assess",),
    "decide": ("assess",),
    "factors": ("assess",),
    "precedents": ("precedents",),
    "db": ("cases",),
    "demo": ("cases",),
    "audit": ("cases",),
    # ``casefile`` adds its commands to the ``case`` group that ``cases`` makes
    "case": ("cases", "casefile"),
    "user": ("cases", "casefile"),
    "token": ("cases", "casefile"),
    "remind": ("cases", "casefile"),
    "document": ("documents",),
    "serve": ("serve",),
    "ingest": ("ingest",),  # issue 15: ingest published outcomes
    "register": ("ingest",),
    "backup": ("backup",),
    "restore": ("backup",),
    "retention": ("retention",),
}
"""Each top-level command and the modules (``misconduct.cli.<name>``) that register it, in order."""


class _Areas(click.Group):
    """A group whose areas' modules are imported (and register their commands) when first needed."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._loaded: set[str] = set()

    def load(self, *modules: str) -> None:
        for name in modules:
            if name not in self._loaded:
                self._loaded.add(name)
                import_module(f"misconduct.cli.{name}").register(self)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self.load(*AREAS.get(cmd_name, ()))
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self.load(*dict.fromkeys(m for modules in AREAS.values() for m in modules))
        return super().list_commands(ctx)


@click.group(cls=_Areas, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="misconduct")
def cli() -> None:
    """Police misconduct proceedings in England & Wales: rules, deadlines, cases and outcomes."""


def main() -> None:
    cli(prog_name="misconduct")
