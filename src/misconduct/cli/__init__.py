"""The ``misconduct`` command: one group, with sub-commands registered from one module per area."""

from misconduct.cli.main import main

__all__ = ["main"]
