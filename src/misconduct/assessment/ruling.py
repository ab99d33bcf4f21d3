"""The markdown draft of the "outcome and reasons" section of a chair's written decision.

It is written in the register of a ruling (first person for a chair sitting alone, "we" for a panel)
and follows the order a reasoned decision takes: the purpose of the proceedings, culpability, harm,
aggravating and mitigating factors, overall seriousness, the outcomes considered in turn from the least
severe lawful one, personal mitigation, the indication, the period of a final written warning and any
statutory requirement. Every step cites its authority with a bracketed number; the "Authorities" list
at the end gives each one in full with its verification status. The authorities are the assessment's
own citations and trace: nothing is added here, and no guidance paragraph number is ever given.

The draft states no internal number (no band, point or weight): the calibration behind the engine is
the project's, and a ruling speaks in the guidance's terms.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from misconduct.assessment.engine import (
    ENGINE_NOTE,
    PURPOSE,
    Assessment,
    Considered,
    lawful_outcomes_citation,
)
from misconduct.assessment.facts import FoundFactor
from misconduct.assessment.guidance import Guidance, default_guidance
from misconduct.rules.datafile import Citation, Status
from misconduct.rules.regime import Regime
from misconduct.rules.vocabulary import Finding, Outcome

_STATUS_WORDS = {
    Status.VERIFIED: "verified against the source",
    Status.SECONDARY: "secondary source only (not checked against the text itself)",
    Status.UNVERIFIED: "unverified (recalled or paraphrased; wording and paragraph not checked)",
}


@dataclass
class _Authorities:
    """Numbers each distinct citation in the order it is first cited."""

    cited: dict[Citation, int] = field(default_factory=dict)

    def ref(self, *citations: Citation) -> str:
        nums = []
        for c in citations:
            if c not in self.cited:
                self.cited[c] = len(self.cited) + 1
            nums.append(self.cited[c])
        return "[" + ", ".join(str(n) for n in dict.fromkeys(nums)) + "]"

    def listing(self) -> list[str]:
        out = []
        for c, n in self.cited.items():
            where = f", {c.provision}" if c.provision else ""
            line = f"{n}. {c.instrument}{where}. *{_STATUS_WORDS[c.status]}.*"
            if c.note:
                line += f" {c.note.rstrip('.')}."
            out.append(line)
        return out


@dataclass(frozen=True)
class _Voice:
    """First person for a chair sitting alone, "we" for a panel; ``we_mid`` is mid-sentence."""

    panel: bool
    we: str
    we_mid: str
    our: str

    @classmethod
    def of(cls, panel: bool) -> _Voice:
        return cls(True, "We", "we", "our") if panel else cls(False, "I", "I", "my")


_NO_ARTICLE = (Outcome.NO_FURTHER_ACTION, Outcome.REFLECTIVE_PRACTICE, Outcome.MANAGEMENT_ADVICE)


def _a(o: Outcome) -> str:
    label = o.label.lower()
    if o.is_dismissal or o in _NO_ARTICLE:
        return label
    return f"a {label}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _factor(f: FoundFactor, auth: _Authorities) -> str:
    desc = f.factor.description.rstrip(".")
    note = f": {f.note}" if f.note else ""
    return f"{desc}{note} {auth.ref(f.factor.citation)}."


def _years(months: int) -> str:
    if months % 12 == 0:
        n = months // 12
        return f"{n} year" + ("s" if n != 1 else "")
    return f"{months} months"


def markdown_decision(a: Assessment, guidance: Guidance | None = None) -> str:
    """Draft the "outcome and reasons" section of a written decision, for the chair to edit."""
    g = guidance or default_guidance()
    auth = _Authorities()
    v = _Voice.of(a.facts.proceedings.panel)
    out = [
        "## Outcome and reasons",
        "",
        f"> Draft prepared by the assessment engine for the {'panel' if v.panel else 'chair'} to "
        f"edit. {ENGINE_NOTE} The numbers in brackets refer to the authorities listed at the end, "
        "each with how far it was verified.",
        "",
    ]
    out += _purpose(a, g, auth, v)
    out += _level_section(a, "culpability", g, auth, v)
    out += _level_section(a, "harm", g, auth, v)
    out += _factors_section(a, g, auth, v)
    out += _seriousness_section(a, g, auth, v)
    out += _outcomes_section(a, g, auth, v)
    out += _mitigation_section(a, g, auth, v)
    out += _decision_section(a, g, auth, v)
    out += _requirements_section(a, auth, v)
    out += ["### Authorities", "", *auth.listing()]
    out += _trace_listing(a, auth)
    return "\n".join(out) + "\n"


def _purpose(a: Assessment, g: Guidance, auth: _Authorities, v: _Voice) -> list[str]:
    return [
        "### The purpose of these proceedings",
        "",
        f"{v.we} have the purpose of misconduct proceedings in mind throughout: to maintain public "
        "confidence in, and the reputation of, the police service; to uphold high standards in "
        f"policing and deter misconduct; and to protect the public {auth.ref(PURPOSE)}. "
        f"{v.we} have followed the structured approach of the College of Policing's guidance on "
        "outcomes: first the seriousness of the conduct, assessed above all through culpability and "
        "harm; then the purpose of the proceedings; then the least severe outcome that meets that "
        f"purpose; and only then personal mitigation {auth.ref(g.citation('matrix'))}.",
        "",
    ]


def _level_section(
    a: Assessment, name: str, g: Guidance, auth: _Authorities, v: _Voice
) -> list[str]:
    ser, facts = a.seriousness, a.facts
    level = ser.culpability if name == "culpability" else ser.harm
    explicit = facts.culpability if name == "culpability" else facts.harm
    found = [f for f in facts.factors if f.factor.stage.value == name]
    out = [f"### {_cap(name)}", ""]
    para = f"{v.we} assess {name} as **{level.value}**."
    if explicit is not None:
        para += f" {_cap(explicit.reason.rstrip('.'))} {auth.ref(g.citation('matrix'))}."
        if explicit.level is not level:
            para += (
                f" {v.we} had put it at {explicit.level.value}, but the guidance treats this kind "
                f"of conduct as calling for at least {level.value}, and {v.we_mid} have "
                "applied that."
            )
    elif found:
        para += " " + " ".join(_factor(f, auth) for f in found)
        para += (
            f" That is the level those findings point to {auth.ref(g.citation('matrix'))}."
            if len(found) == 1
            else f" The most serious of those findings sets the level {auth.ref(g.citation('matrix'))}."
        )
    else:
        para += (
            f" No finding bears directly on {name}, and {v.we_mid} take the middle level "
            f"{auth.ref(g.citation('default_level'))}. [Chair: make a finding on {name}, with reasons.]"
        )
    key = "culpability_at_least" if name == "culpability" else "harm_at_least"
    for cat in ser.categories:
        if getattr(cat, key) is level:
            para += (
                f" Conduct of this kind ({cat.title.lower()}) is treated as of at least "
                f"{level.value} {name} {auth.ref(cat.citation)}."
            )
    return [*out, para, ""]


def _factors_section(a: Assessment, g: Guidance, auth: _Authorities, v: _Voice) -> list[str]:
    ser = a.seriousness
    out = ["### Aggravating and mitigating factors", ""]
    if ser.aggravating:
        out.append(f"{v.we} find these aggravating factors:")
        out.append("")
        out += [f"- {_factor(f, auth)}" for f in ser.aggravating]
    else:
        out.append(f"{v.we} find no aggravating factor.")
    out.append("")
    if ser.mitigating:
        out.append("Against them, these factors mitigate the conduct itself:")
        out.append("")
        out += [f"- {_factor(f, auth)}" for f in ser.mitigating]
    else:
        out.append("No factor mitigates the conduct itself.")
    out.append("")
    if ser.shift > 0:
        effect = (
            "the aggravating factors make the conduct more serious than culpability and harm alone"
        )
    elif ser.shift < 0:
        effect = (
            "the mitigating factors make the conduct less serious than culpability and harm alone"
        )
    else:
        effect = "the factors on each side do not move the seriousness that culpability and harm indicate"
    out += [
        f"Weighing them, {effect} {auth.ref(g.citation('adjustment'))}. Personal mitigation is "
        "not part of this weighing; it comes later.",
        "",
    ]
    return out


def _seriousness_section(a: Assessment, g: Guidance, auth: _Authorities, v: _Voice) -> list[str]:
    ser = a.seriousness
    para = (
        f"Taking culpability, harm and those factors together, {v.we_mid} assess the conduct as "
        f"**{ser.label}** {auth.ref(g.citation('overall'))}."
    )
    special = [c for c in ser.categories if c.floor is not None or c.culpability_at_least]
    for c in special:
        para += f" It falls within a category the guidance treats specially, {c.title.lower()}"
        if c.floor is not None:
            para += f": {c.floor_wording}"
        para += f" {auth.ref(c.citation)}."
    return ["### Overall seriousness", "", para, ""]


def _verdict(c: Considered, a: Assessment, g: Guidance, auth: _Authorities, v: _Voice) -> str:
    ser, o = a.seriousness, c.outcome
    bands = auth.ref(g.citation("bands"))
    name = _cap(_a(o))
    if c.verdict == "below the floor" and a.floor is not None:
        return (
            f"{name} would not be enough. {_cap(a.floor.title)}: {a.floor.floor_wording} "
            f"{auth.ref(a.floor.citation)}."
        )
    if c.verdict == "not sufficient":
        return (
            f"{name} would not be sufficient. It would not mark conduct that is {ser.label}, nor "
            f"maintain public confidence or uphold the standards expected {bands}."
        )
    if c.verdict == "not indicated":
        return (
            f"{name} is for conduct showing that the officer cannot perform at their present rank, "
            f"for example a failure of leadership or supervision; nothing found here shows that {bands}."
        )
    if c.verdict == "more than necessary":
        return (
            f"{name} would go further than conduct that is {ser.label} requires; the least severe "
            f"sufficient outcome is to be preferred {bands}."
        )
    if c.verdict == "needs exceptional circumstances":
        req = _presumption(a)
        return (
            f"On seriousness alone {_a(o)} could meet the purpose of the proceedings {bands}; but "
            "for gross misconduct dismissal is now presumed, and anything less is open only if "
            f"there are exceptional circumstances {auth.ref(req)}."
        )
    if c.verdict == "not indicated at an accelerated hearing":
        return (
            f"{name} is within range for conduct that is {ser.label} {bands}; but the case was "
            "certified for an accelerated hearing as one where the officer should cease to serve "
            "without delay, and no personal mitigation weighs against that "
            f"{auth.ref(g.citation('accelerated_hearing'))}."
        )
    if c.verdict == "indicated at a meeting":
        return (
            f"{name} is also open. The case was referred to a misconduct meeting, the appropriate "
            "authority's judgement that the conduct is misconduct and not gross misconduct, and "
            f"misconduct just short of that level is within its range "
            f"{auth.ref(g.citation('misconduct_meeting'))}; whether it is enough depends on the "
            "balance set out below."
        )
    # indicated
    if g.bands_for(a.answer.regime.regime is Regime.CONDUCT_REGS_2012)[o].high < ser.points:
        return (
            f"{name} is the most severe outcome open here. Conduct that is {ser.label} would "
            f"ordinarily call for more than this forum can impose {bands}; {_a(o)} is therefore "
            + (
                "the outcome indicated, and nothing less would do."
                if len(a.indicated) == 1
                else "indicated first."
            )
        )
    if len(a.indicated) > 1 and o is min(a.indicated, key=lambda x: x.severity):
        return (
            f"{name} may be sufficient for conduct that is {ser.label}: it is the least severe "
            f"outcome within range {bands}. Whether it meets the purpose of the proceedings depends "
            "on the balance set out below."
        )
    if o is min(a.indicated, key=lambda x: x.severity):
        return (
            f"{name} is, in {v.our} assessment, sufficient and proportionate for conduct that is "
            f"{ser.label}: it is the least severe outcome that meets the purpose of the proceedings "
            f"{bands}."
        )
    return (
        f"{name} is also within the range for conduct that is {ser.label} {bands}; whether it is "
        "needed depends on the balance set out below."
    )


def _presumption(a: Assessment) -> Citation:
    req = next((r for r in a.answer.requirements if r.id == "exceptional_circumstances"), None)
    if req is None:
        return Citation("SI 2025/558", "presumption of dismissal", Status.SECONDARY)
    return Citation(req.citation, "presumption of dismissal", Status(req.status))


def _outcomes_section(a: Assessment, g: Guidance, auth: _Authorities, v: _Voice) -> list[str]:
    lawful = sorted(a.available, key=lambda o: o.severity)
    out = ["### The outcomes considered, from the least severe", ""]
    if not lawful:
        return [
            *out,
            "No disciplinary outcome is open at this forum on this finding "
            f"{auth.ref(lawful_outcomes_citation(a.answer))}.",
            "",
        ]
    out += [
        f"The outcomes open in law at this {a.facts.proceedings.forum.label.lower()}, on a finding "
        f"of {a.facts.proceedings.finding.label.lower()}, are "
        + ", ".join(_a(o) for o in lawful)
        + f" {auth.ref(lawful_outcomes_citation(a.answer))}. {v.we} start from the least severe and "
        f"move up only if it is not sufficient {auth.ref(g.citation('bands'))}.",
        "",
    ]
    considered = sorted(a.considered, key=lambda c: c.outcome.severity)
    out += [f"- {_verdict(c, a, g, auth, v)}" for c in considered]
    out.append("")
    if len(a.indicated) > 1:
        out += [_balance(a, auth, v), ""]
    return out


def _balance(a: Assessment, auth: _Authorities, v: _Voice) -> str:
    ser = a.seriousness
    lower, upper = (
        sorted(a.indicated, key=lambda o: o.severity)[0],
        max(a.indicated, key=lambda o: o.severity),
    )
    agg = "; ".join(f.factor.description.rstrip(".").lower() for f in ser.aggravating)
    mit = "; ".join(f.factor.description.rstrip(".").lower() for f in ser.mitigating)
    text = (
        f"The question is whether the purpose of the proceedings can be met without {_a(upper)}. "
        f"The conduct sits where {_a(lower)} and {_a(upper)} meet."
    )
    if agg:
        text += f" Weighing towards {_a(upper)}: {agg}."
    if mit:
        text += f" Weighing towards {_a(lower)}: {mit}."
    return text


def _mitigation_section(a: Assessment, g: Guidance, auth: _Authorities, v: _Voice) -> list[str]:
    facts, ser = a.facts, a.seriousness
    cite = auth.ref(g.citation("personal_mitigation"))
    out = ["### Personal mitigation", ""]
    if not facts.personal_mitigation:
        return [
            *out,
            f"No personal mitigation was put forward. Had it been, it would carry limited weight "
            f"{cite}.",
            "",
        ]
    out += [
        f"{v.we} have considered the personal mitigation last. It goes to the outcome, not to the "
        "seriousness of the conduct, and in proceedings whose purpose is public confidence it "
        "carries limited weight: the reputation of the service matters more than the fortunes of "
        f"one officer {cite}. {v.we} accept the following:",
        "",
    ]
    for f in facts.personal_mitigation:
        line = f"- {_factor(f, auth)}"
        if f.raised_late:
            line += (
                " It was not raised earlier in the proceedings, and carries less weight for that "
                f"{cite}."
            )
        out.append(line)
    out.append("")
    effects = []
    pm = a.personal_mitigation_points
    if len(a.indicated) > 1 and pm > 0:
        if ser.net_weight > 0 >= ser.net_weight - pm:
            effects.append(
                f"it tips the balance between the outcomes in range towards {_a(a.indicated[0])}"
            )
        elif ser.net_weight <= 0:
            effects.append(
                f"the factors bearing on the conduct already point to {_a(a.indicated[0])}; the "
                "mitigation supports that conclusion but is not what decides it"
            )
        else:
            effects.append(
                f"it does not change which outcome {v.we_mid} consider comes first, "
                f"{_a(a.indicated[0])}"
            )
    elif pm > 0:
        effects.append("it does not change the outcome the seriousness of the conduct calls for")
    if a.fww and pm > 0:
        base = max(a.fww.min_months, min(a.fww.max_months, g.suggested_fww_months(ser.points)))
        if a.fww.suggested < base:
            effects.append("it shortens the period of a final written warning")
    text = "Its effect: " + ("; ".join(effects) if effects else "none on the outcome") + "."
    if a.floor is not None and a.floor.floor is not None:
        text += (
            f" It cannot take the outcome below {_a(a.floor.floor)}, because "
            f"{a.floor.floor_wording} {auth.ref(a.floor.citation)}."
        )
    return [*out, text, ""]


def _decision_section(a: Assessment, g: Guidance, auth: _Authorities, v: _Voice) -> list[str]:
    out = ["### Decision", ""]
    if a.most_likely is None:
        return [*out, "No disciplinary outcome is open at this forum on this finding.", ""]
    text = (
        "On the assessment above, "
        + ("taking the personal mitigation into account, " if a.facts.personal_mitigation else "")
        + f"the outcome indicated is **{_a(a.most_likely)}**"
        + (
            " (" + ", ".join(_a(o) for o in a.indicated[1:]) + " is also within range)"
            if len(a.indicated) > 1
            else ""
        )
        + f" {auth.ref(g.citation('bands'))}. [{'Panel' if v.panel else 'Chair'}: state the outcome imposed and why; an outcome "
        "outside the indication is open with recorded reasons.]"
    )
    out += [text, ""]
    if a.fww and Outcome.FINAL_WRITTEN_WARNING in a.indicated:
        out += _period(a, g, auth, v)
    return out


def _period(a: Assessment, g: Guidance, auth: _Authorities, v: _Voice) -> list[str]:
    fww = a.fww
    assert fww is not None
    law = auth.ref(fww.reasons[0].citation)
    if fww.min_months == fww.max_months:
        return [
            f"A final written warning at this forum lasts {_years(fww.min_months)}; there is no "
            f"choice of period {law}.",
            "",
        ]
    ser = a.seriousness
    base = max(fww.min_months, min(fww.max_months, g.suggested_fww_months(ser.points)))
    text = (
        f"If a final written warning is given, it may run for {_years(fww.min_months)} to "
        f"{_years(fww.max_months)} {law}. For conduct that is {ser.label} a period of "
        f"{_years(base)} would be proportionate"
    )
    if fww.suggested < base:
        text += (
            f"; given the personal mitigation {v.we_mid} have accepted, "
            f"{_years(fww.suggested)} is enough"
        )
    text += (
        f", and {v.we_mid} would set it at **{_years(fww.suggested)}** "
        f"{auth.ref(g.citation('final_written_warning_period'))}. (The suggested period is the "
        "project's calibration, not a figure the guidance gives.)"
    )
    return [text, ""]


def _requirements_section(a: Assessment, auth: _Authorities, v: _Voice) -> list[str]:
    reqs = list(a.answer.requirements)
    gm = a.facts.proceedings.finding is Finding.GROSS_MISCONDUCT
    if not reqs:
        return []
    out = ["### Statutory requirements", ""]
    for r in reqs:
        cite = auth.ref(Citation(r.citation, "", Status(r.status)))
        applies = ", ".join(_a(o) for o in r.applies_to)
        out.append(f"- {r.text.rstrip('.')} {cite}. This applies if the outcome is {applies}.")
    if gm and a.most_likely is not None and not a.most_likely.is_dismissal:
        out += [
            "",
            f"[{'Panel' if v.panel else 'Chair'}: the finding is gross misconduct and the indication "
            "is not dismissal; give here the reasons for not dismissing.]"
            + (
                f" The exceptional circumstances recorded: {a.facts.exceptional_circumstances}"
                if a.facts.exceptional_circumstances
                else ""
            ),
        ]
    return [*out, ""]


def _trace_listing(a: Assessment, auth: _Authorities) -> list[str]:
    """Provisions the rules applied (from the trace) that the text above did not cite by number."""
    seen = {str(c) for c in auth.cited}
    extra: dict[str, str] = {}
    for e in a.answer.trace.entries:
        if e.applied and e.version is not None:
            c = e.version.citation
            if str(c) not in seen and str(c) not in extra:
                extra[str(c)] = f"- {c}: {e.title.lower()}. *{_STATUS_WORDS[c.status]}.*"
    if not extra:
        return []
    return ["", "Also applied by the rules (from the assessment's trace):", "", *extra.values()]


__all__ = ["markdown_decision"]
