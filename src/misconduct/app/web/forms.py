"""Django forms built from the step registry, with the choices the rules refuse left out and explained."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from misconduct.app.web.dates import EXAMPLE, HINT, BritishDateField
from misconduct.app.web.steps import Availability, FieldSpec, Step
from misconduct.domain.case import Case
from misconduct.rules.vocabulary import Forum


def _field(spec: FieldSpec, case: Case, refused: dict[str, Any]) -> forms.Field:
    common: dict[str, Any] = {
        "label": spec.label,
        "required": spec.required,
        "help_text": spec.help,
    }
    if spec.kind == "date":
        hint = f"{HINT}, for example {EXAMPLE}"
        common["help_text"] = f"{spec.help} ({hint})" if spec.help else hint
        return BritishDateField(**common)
    if spec.kind == "time":
        hint = "24-hour clock, e.g. 10:00"
        common["help_text"] = f"{spec.help} ({hint})" if spec.help else hint
        return forms.TimeField(
            input_formats=["%H:%M"], widget=forms.TimeInput(format="%H:%M"), **common
        )
    if spec.kind == "bool":
        common["required"] = False
        return forms.BooleanField(**common)
    if spec.kind == "int":
        return forms.IntegerField(min_value=1, max_value=120, **common)
    if spec.kind == "longtext":
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), **common)
    if spec.kind in ("choice", "officer"):
        options = spec.choices(case) if spec.choices else []
        open_options = [(v, lbl) for v, lbl in options if v not in refused]
        if not spec.required:
            open_options = [("", "—"), *open_options]
        elif len(open_options) > 1:
            # Nothing chosen until the user chooses: a first option (e.g. "No further action" for
            # a severity assessment) must never be recorded by default.
            open_options = [("", "Choose…"), *open_options]
        return forms.ChoiceField(choices=open_options, **common)
    if spec.kind == "multichoice":
        options = spec.choices(case) if spec.choices else []
        return forms.MultipleChoiceField(
            choices=options, widget=forms.CheckboxSelectMultiple, **common
        )
    return forms.CharField(max_length=2000, **common)


class StepForm(forms.Form):
    """The form of one step on one case; choices refused by the rules are not offered."""

    def __init__(
        self,
        step: Step,
        case: Case,
        availability: Availability,
        *args: Any,
        initial_on: date | None = None,
        decision_maker: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.step = step
        self.case = case
        for spec in step.all_fields(case):
            refused = availability.choices.get(spec.name, {})
            self.fields[spec.name] = _field(spec, case, refused)
            if spec.initial is not None:
                self.fields[spec.name].initial = spec.initial(case)
        if "on" in self.fields and initial_on is not None:
            self.fields["on"].initial = initial_on
        if "decision_maker" in self.fields and decision_maker:
            self.fields["decision_maker"].initial = decision_maker
        if "in_public" in self.fields:
            # Hearings are held in public unless the chair directs otherwise (reg 39); meetings never.
            forum = case.referral.forum if case.referral else None
            self.fields["in_public"].initial = (
                forum is not None and forum is not Forum.MISCONDUCT_MEETING
            )
            if case.proceedings is not None:  # arranging again starts from the privacy in force
                self.fields["in_public"].initial = case.proceedings.arrangement.in_public
        if "public_notice_required" in self.fields:
            forum = case.referral.forum if case.referral else None
            self.fields["public_notice_required"].initial = forum is Forum.MISCONDUCT_HEARING
        self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, initial=case.version)

    def command(self) -> Any:
        return self.step.build(self.case, self.cleaned_data)
