"""``python -m misconduct`` runs the CLI."""

from misconduct.cli import main

main()
