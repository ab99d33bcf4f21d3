"""The CLI reference, generated from the commands themselves (docs/cli.md; a test checks it is current)."""

from __future__ import annotations

import click


def _walk(command: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    out = [(path, command)]
    if isinstance(command, click.Group):
        # through the group's own look-up: the top-level group loads its areas when asked
        ctx = click.Context(command)
        for name in sorted(command.list_commands(ctx)):
            sub = command.get_command(ctx, name)
            if sub is not None:
                out.extend(_walk(sub, [*path, name]))
    return out


def cli_markdown(root: click.Group) -> str:
    lines = [
        "# CLI reference",
        "",
        "Generated from the code by `make docs`; do not edit by hand (a test checks it is current).",
        "Every command takes `--format json` where it prints data; errors are one line on stderr with",
        "a non-zero exit code (2 bad input, 3 not allowed by the rules, 4 not modelled, 6 conflict).",
        "",
    ]
    for path, command in _walk(root, ["misconduct"]):
        if isinstance(command, click.Group) and path != ["misconduct"]:
            lines += [f"## `{' '.join(path)}`", "", (command.help or "").strip(), ""]
            continue
        ctx = click.Context(command, info_name=" ".join(path))
        usage = command.get_usage(ctx).replace("Usage: ", "")
        lines += [
            f"{'##' if len(path) <= 2 else '###'} `{' '.join(path)}`",
            "",
            (command.help or "").strip(),
            "",
            "```",
            usage,
            "```",
            "",
        ]
        params = [p for p in command.params if isinstance(p, click.Option)]
        if params:
            lines += ["| option | help |", "| --- | --- |"]
            for p in params:
                names = ", ".join(f"`{o}`" for o in p.opts)
                help_text = (p.help or "").replace("|", "\\|")
                if p.show_default and p.default not in (None, False):
                    help_text += f" (default: {p.default})"
                lines.append(f"| {names} | {help_text} |")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
