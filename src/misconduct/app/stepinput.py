"""A lifecycle step's input as plain JSON (the API's body, ``misconduct case step --data``): every
field of the step checked and converted as the step's builder takes it, bad values named.

The web form does the same through Django's form fields (``web.forms.StepForm``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, time
from typing import Any

from misconduct.app.web.steps import FieldSpec, Step
from misconduct.domain import commands as cmd
from misconduct.domain.case import Case
from misconduct.domain.persons import named, officer_named
from misconduct.errors import InvalidInput


def coerce(spec: FieldSpec, case: Case, value: Any) -> Any:
    """A JSON value as the step builder takes it; bad values name the field."""
    if value is None or value == "":
        if spec.required and spec.kind not in ("bool", "multichoice"):
            raise InvalidInput(spec.name, f"a value ({spec.kind})", value)
        return [] if spec.kind == "multichoice" else None
    if spec.kind == "date":
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise InvalidInput(spec.name, "a date YYYY-MM-DD", value) from None
    if spec.kind == "time":
        if not isinstance(value, str) or not re.fullmatch(r"\d{2}:\d{2}", value):
            raise InvalidInput(spec.name, "a time HH:MM on the 24-hour clock", value)
        try:
            return time.fromisoformat(value)
        except ValueError:
            raise InvalidInput(spec.name, "a time HH:MM on the 24-hour clock", value) from None
    if spec.kind == "bool":
        if not isinstance(value, bool):
            raise InvalidInput(spec.name, "true or false", value)
        return value
    if spec.kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidInput(spec.name, "a whole number", value)
        return value
    options = [v for v, _ in spec.choices(case)] if spec.choices else None
    if spec.kind == "multichoice":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InvalidInput(spec.name, "a list of: " + ", ".join(options or []), value)
        bad = [v for v in value if options is not None and v not in options]
        if bad or (spec.required and not value):
            raise InvalidInput(spec.name, "a list of: " + ", ".join(options or []), value)
        return value
    if not isinstance(value, str):
        raise InvalidInput(spec.name, "text", value)
    # With no choices on this case (no objection awaits a decision, no limit is open), the step's
    # own rule says why, rather than "one of" an empty list.
    if spec.kind == "officer" and options:
        # An officer is named by id or by warrant number (ids are opaque: ``domain.persons``).
        officer_id = officer_named(case.officers, value)
        if officer_id is None or officer_id not in options:
            raise InvalidInput(
                spec.name, "the warrant number or id of an officer: " + named(case.officers), value
            )
        return officer_id
    if spec.kind == "choice" and options and value not in options:
        raise InvalidInput(spec.name, "one of " + ", ".join(options), value)
    return value


def version_of(data: Mapping[str, Any]) -> int | None:
    version = data.get("version")
    if version is not None and (not isinstance(version, int) or isinstance(version, bool)):
        raise InvalidInput("version", "the case version (a whole number)", version)
    return version


def command_from(step: Step, case: Case, data: Mapping[str, Any]) -> cmd.Command:
    """The command ``step`` builds from the JSON ``data`` (its fields, and the case ``version``)."""
    if not isinstance(data, Mapping):
        raise InvalidInput("data", "an object of the step's fields", type(data).__name__)
    known = {f.name: f for f in step.all_fields(case)}
    unknown = sorted(set(data) - set(known) - {"version"})
    if unknown:
        raise InvalidInput(unknown[0], "one of " + ", ".join([*known, "version"]), unknown[0])
    values = {name: coerce(spec, case, data.get(name)) for name, spec in known.items()}
    return step.build(case, values)
