"""Outcomes, findings, forums and warning periods as notices print them, with their spans.

>>> [(m.code, m.text) for m in find_outcomes("given a final written warning, rather than dismissal")]
[('final_written_warning', 'final written warning')]
>>> [(m.code, m.text) for m in find_outcomes("he would have been dismissed had he still been serving")]
[('would_have_been_dismissed', 'would have been dismissed')]
>>> warning_months("issued with a five-year final written warning")[0]
60
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from misconduct.ingest.officers import NUMBERS
from misconduct.ingest.text import longest_first


@dataclass(frozen=True)
class Hit:
    code: str
    start: int
    end: int
    text: str
    confidence: float


# The notice a dismissal with notice gives, where printed: "28 days", "four weeks'", "a month's"
_NOTICE_PERIOD = (
    r"(?:(?:\d{1,3}|one|two|three|four|five|six|eight|ten|twelve|twenty-eight|a)\s+"
    r"(?:days?|weeks?|months?)['’]?s?\s+)?"
)

_OUTCOMES: list[tuple[str, str, float]] = [
    (
        "would_have_been_dismissed",
        r"would\s+(?:also\s+)?have\s+(?:also\s+|otherwise\s+)?been\s+(?:immediately\s+)?dismissed",
        0.9,
    ),
    ("would_have_been_dismissed", r"would\s+have\s+been\s+(?:sacked|dismissed|fired)", 0.9),
    # "I would have dismissed him without notice": the decision maker's active voice (twentieth
    # round)
    (
        "would_have_been_dismissed",
        r"would\s+(?:also\s+|otherwise\s+)?have\s+(?:dismissed|sacked)\s+(?:him|her|them|"
        r"the\s+(?:former\s+)?officers?)(?:\s+without\s+notice)?",
        0.85,
    ),
    # "would have led to his dismissal", "would have resulted in her dismissal": the dismissal a
    # finding would have brought (twenty-second round)
    (
        "would_have_been_dismissed",
        r"would\s+(?:also\s+|otherwise\s+)?have\s+(?:led\s+to|resulted\s+in)\s+"
        r"(?:(?:his|her|their|the\s+officer['’]s)\s+)?(?:immediate\s+)?dismissal",
        0.85,
    ),
    # "PC A was dismissed, and former PCs B and C would have been had they not already
    # resigned": the verb left unsaid after a dismissal told in the same sentence (thirty-second
    # round; kept only after one: see _ELLIPTICAL)
    (
        "would_have_been_dismissed",
        r"would\s+have\s+been(?=\s*,?\s*(?:had\s+(?:he|she|they)\s+not|if\s+(?:he|she|they)\s+"
        r"(?:had\s+not|hadn['’]t))\s+(?:already\s+)?(?:resigned|retired|left)\b)",
        0.8,
    ),
    # "would have faced dismissal" had he not resigned (eighth round)
    ("would_have_been_dismissed", r"would\s+have\s+faced\s+(?:immediate\s+)?dismissal", 0.8),
    # "would have lost his job if he hadn't resigned"
    (
        "would_have_been_dismissed",
        r"would\s+have\s+lost\s+(?:his|her|their)\s+job(?=\s+(?:if|had))",
        0.8,
    ),
    # "dismissed with 28 days notice", "dismissal with four weeks' notice" (twenty-fifth round)
    ("dismissal_with_notice", rf"dismiss(?:ed|al)\s+with\s+{_NOTICE_PERIOD}notice", 0.9),
    ("dismissal_without_notice", r"dismiss(?:ed|al)\s+without\s+notice", 0.95),
    (
        "dismissal_without_notice",
        rf"(?:dismissed|dismissal)(?!\s+with\s+{_NOTICE_PERIOD}notice)",
        0.8,
    ),
    # (not a weapon fired: "the Taser, fired once by PC X", "fired at the car", "fired a
    # baton round"; forty-fourth round)
    (
        "dismissal_without_notice",
        r"sacked|sacks|(?<!Taser,\s)(?<!Taser\s)fired(?!\s+(?:once|twice|three\s+times|at|upon|on|"
        r"a|an|the|his|her|their|two|three|several|\w+\s+shots?|shots?|rounds?|into|by)\b)",
        0.7,
    ),
    # "has been thrown out of the profession", "kicked out of the force", "booted out of the
    # police": an officer put out of the service (twenty-second round); not a case thrown out of
    # court, nor anyone put out of a pub
    (
        "dismissal_without_notice",
        r"(?:thrown|kicked|booted|drummed)\s+out\s+of\s+(?:the\s+)?"
        r"(?:(?-i:[A-Z])[\w&'’-]*\s+){0,3}(?:profession|force|police|service|constabulary|"
        r"policing)",
        0.7,
    ),
    # "has lost his job after a gross misconduct hearing", "was given the boot" (thirty-ninth
    # round); not "would have lost his job" (above)
    (
        "dismissal_without_notice",
        r"(?<!would\s)(?:has|have|had)\s+lost\s+(?:his|her|their)\s+jobs?\b|"
        r"(?:been|was|were)\s+given\s+the\s+boot\b",
        0.7,
    ),
    # "the officer was let go for gross misconduct" (fortieth round; held-out 34's
    # Huddersfield officer): below the review threshold, the idiom being loose
    ("dismissal_without_notice", r"(?:been|was|were)\s+let\s+go\b", 0.6),
    # "the decision to dismiss the officers", "a decision to fire four detectives" (tenth round);
    # not a case, claim or appeal dismissed
    (
        "dismissal_without_notice",
        r"decision\s+to\s+(?:dismiss|sack|fire)(?!\s+(?:the\s+|an?\s+|his\s+|her\s+)?"
        r"(?:case|claims?|allegations?|charges?|complaints?|appeal|proceedings)\b)",
        0.7,
    ),
    ("final_written_warning", r"final\s+written\s+warnings?", 0.95),
    # "received a final warning" (30/11/2026, issue 15): news reports drop "written"; there is
    # no other final warning in the Conduct Regulations.
    ("final_written_warning", r"final\s+warnings?(?!\s+notice)", 0.85),
    # "a last written warning": a reworded final written warning (30/11/2026, seventh round)
    ("final_written_warning", r"\blast\s+written\s+warnings?", 0.8),
    # "an FWW (2 years)": the abbreviation, in capitals only (thirty-sixth round)
    ("final_written_warning", r"(?-i:FWWs?)", 0.8),
    ("written_warning", r"(?<!final\s)(?<!last\s)written\s+warnings?", 0.9),
    ("reduction_in_rank", r"reduc(?:ed|tion)\s+in\s+rank|demoted", 0.9),
    ("management_advice", r"management\s+advice", 0.9),
    # "received 'management' advice": the first word in quotation marks (seventeenth round)
    ("management_advice", r"management['\u2019\"]\s+advice", 0.85),
    # The older name of the same outcome ("will receive management action").
    ("management_advice", r"management\s+action", 0.7),
    ("reflective_practice", r"reflective\s+practice", 0.85),
    ("no_further_action", r"no\s+further\s+action", 0.7),
    # "by not taking the matter any further" (thirty-eighth round)
    (
        "no_further_action",
        r"not\s+(?:to\s+)?tak(?:e|en|ing)\s+the\s+matter\s+(?:any\s+)?further",
        0.6,
    ),
    # "As the officer had resigned ..., there was no sanction" (30/11/2026, fourth round)
    (
        "no_further_action",
        r"there\s+(?:was|is|could\s+be)\s+no\s+(?:sanction|disciplinary\s+action)|"
        r"no\s+(?:sanction|disciplinary\s+action)\s+(?:was|could\s+be|will\s+be|would\s+be)\s+"
        r"(?:imposed|given|taken)|"
        # "could take no action against Jo Bloggs because she had already retired" (twenty-ninth
        # round; an officer who has left cannot be sanctioned but by a finding she would have been
        # dismissed)
        r"(?:could|can|was\s+able\s+to|were\s+able\s+to)\s+take\s+no\s+(?:further\s+)?action\s+"
        r"against\s+[^.;]{1,60}?\s+(?:because|as|since)\s+(?:he|she|they|the\s+officer)\s+"
        r"(?:had|has)\s+(?:already\s+)?(?:retired|resigned|left)",
        0.7,
    ),
    # "The appropriate disciplinary action is for no formal action be taken", "ruled that no
    # formal action should be taken": no sanction given (twenty-third round); not "no formal
    # action has yet been taken" or an investigation's "no formal action was needed"
    (
        "no_further_action",
        r"no\s+formal\s+(?:disciplinary\s+)?action\s+(?:be|should\s+be|would\s+be|will\s+be|"
        r"was|is\s+to\s+be|to\s+be)\s+taken",
        0.7,
    ),
]
_OUTCOME_RES = [(c, re.compile(rf"\b(?:{p})\b", re.IGNORECASE), k) for c, p, k in _OUTCOMES]
# A mention is not an outcome when it is a possibility, a comparison or about an appeal or claim.
_NOT_OUTCOME_BEFORE = re.compile(
    # "faced the prospect of being sacked" (ninth round)
    r"(rather\s+than|instead\s+of|could|(?-i:may)|might|possible|potential|risk\s+of|prospect|"
    r"face[sd]?|facing|"
    r"up\s+to\s+and\s+including|range|if\s+proven|appeal\s+was|claim\s+was|would\s+be|"
    # "would only have received a final warning" (a former officer's; forty-second round)
    r"would\s+only\s+have\s+(?:received|been\s+given|got|had)|"
    # "a sanction of dismissal" is one possible ("the sanction of a final written warning" names
    # the one given; 30/11/2026, seventh round); "grave enough as to justify dismissal" defines
    r"considered|whether|not|(?<!\bthe\s)sanction\s+of|expect|ought|as\s+to\s+justify|"
    # an earlier outcome, not the one reported ("had previously been given a final written
    # warning", "had already received a final written warning last November"; 30/11/2026)
    # ("had already been sacked by the force for other matters"; fourth round)
    r"previously|already\s+(?:received|been\s+given|had|been)|"
    # "unable to conclude that the officer would have been sacked" (fourth round, after held-out
    # 3 was measured)
    r"unable\s+to\s+conclude|could\s+not\s+conclude|not\s+satisfied|"
    # "won't be fired", "wouldn't be sacked" (twenty-seventh round)
    r"(?:won|wouldn|isn|wasn|didn)['’]t)\s+(?:\w+\s+){0,3}$"
    # "didn't go far enough to get fired" (twenty-eighth round)
    r"|(?:n['’]t|\bnot)\s+go\s+far\s+enough\s+to\s+(?:\w+\s+){0,2}$"
    # a sanction set aside in a longer comparison: "a written warning ..., rather than being
    # stripped of his rank or instantly dismissed" (twenty-seventh round)
    # (not past a new clause with a subject of its own: "misconduct rather than gross misconduct,
    # and he was given a written warning"; forty-first round)
    r"|\b(?:rather\s+than|instead\s+of)\b"
    r"(?:(?!,\s*(?:and|but|so)\s+(?:he|she|they|the\s+officer)\b)[^.;:!?]){0,60}$",
    re.IGNORECASE,
)
# A sanction asked for, argued for or escaped is not the one given (30/11/2026, issue 15, fourth
# round): "had argued for an outcome of dismissal without notice", "had asked that PC X should be
# dismissed without notice", "called for him to be sacked", "spared the sack", "avoided dismissal".
_ASKED_BEFORE = re.compile(
    # an argument that won is the sanction given: "his lawyer successfully argued that he should
    # receive a written warning" (thirteenth round); "requested the panel for a final written
    # warning" is asked for, not given (thirteenth round)
    r"(?:(?<!successfully\s)\bargu\w*\s+(?:for|that)|\basked\s+(?:for|that)|\bcalled\s+for|"
    # "asked Mr Bloggs to take the exceptional course and issue a final written warning": one
    # asked of the decision maker, named or not (thirtieth round); not "was asked to"
    r"(?<!was\s)(?<!were\s)\basked\s+(?:(?:the|Mr|Mrs|Ms|Miss|Dr|him|her|them|(?-i:[A-Z][\w'’-]*))\s+){1,3}to\b|"
    r"\brequest(?:ed|ing|s)?\b|\bsought|\bseeking|"
    r"\bpress(?:ed|ing)\s+for|\burg(?:ed|ing)|\bsubmi(?:tted|ssions?)\s+(?:that|for)|"
    r"\binvit(?:ed|ing)\s+the\s+(?:panel|chair)|"
    # "has recently evaded dismissal", "dodged the sack" (thirty-eighth round)
    r"\bspared|\bavoid(?:ed|s|ing)?|\bescap(?:ed|es|ing)|\bevad(?:ed|es|ing)|\bdodg(?:ed|es|ing)|"
    # "the chair declined to impose a retrospective dismissal"
    r"\bdeclin(?:ed|es|ing)\s+to|\brefus(?:ed|es|ing)\s+to|\bdecided\s+against|\bstopped\s+short\s+of)"
    r"\b[^.;]{0,70}$",
    re.IGNORECASE,
)
# A clause of its own giving the outcome after an asking or refusing verb: ", and received a",
# "but was given a two-year" (twenty-fifth round)
_OWN_VERB_BEFORE = re.compile(
    r"(?:,\s*|\s)(?:and|but)\s+(?:(?:he|she|they|was|were|has\s+been|had\s+been|later|then|"
    r"instead|the\s+(?:panel|chair))\s+){0,2}(?:received|receives|given|handed|issued(?:\s+with)?|"
    r"got|gave|imposed)\s+(?:(?:him|her|them)\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# A warning the officer already had is a state, not a sanction given: "The officer was also on a
# final written warning", "sacked ... while on a final written warning", "subject to a live final
# written warning" (fourth round, after held-out 3 was measured).
_HELD_BEFORE = re.compile(
    r"(?:\b(?:was|were|is|being|while|whilst|already|still|currently|also)\s+on|\bsubject\s+to)\s+"
    r"(?:a|an)\s+(?:live\s+)?$",
    re.IGNORECASE,
)
# "As the officer has a final written warning in force, he has been dismissed": a warning still
# running when the new matter was decided (seventeenth round)
_IN_FORCE_AFTER = re.compile(
    # (not "a final written warning in force for two years": the period of one given)
    r"\s*(?:already\s+|still\s+)?(?:in\s+(?:force|place)(?!\s+for\b)|"
    r"(?:that\s+)?(?:was|is)\s+(?:still\s+)?(?:live|current|in\s+force))\b",
    re.IGNORECASE,
)
# ... "would render dismissal without notice a disproportionate outcome", "dismissal was not
# justified"
_NOT_GIVEN_AFTER = re.compile(
    r"^[^.;]{0,30}?\b(?:(?:a|an|be|was|is|would\s+be)\s+)?(?:disproportionate|not\s+(?:justified|"
    r"necessary|appropriate|proportionate)|too\s+(?:harsh|severe))\b"
    # "Reduction in rank has been available as a sanction at misconduct hearings since ...": a
    # sanction spoken of in general (forty-fourth round)
    r"|^\s+(?:has\s+been|have\s+been|is|are|was|became)\s+(?:\w+\s+)?(?:available|introduced)\s+"
    r"(?:as|to|at|in|since|for)\b",
    re.IGNORECASE,
)
# "The decision to dismiss him has been overturned", "his dismissal was quashed on appeal": an
# outcome set aside.
_SET_ASIDE_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:(?:has|had|was|were|have\s+been|has\s+been|had\s+been)\s+)?"
    r"(?:overturned|quashed|set\s+aside|revoked|rescinded|withdrawn|replaced)\b",
    re.IGNORECASE,
)
# "... replaced with a written warning", "substituted a final written warning": the outcome that
# stands after an appeal.
REPLACED_BEFORE = re.compile(
    r"\b(?:replac(?:ed|ing)|substitut(?:ed|ing))\b[^.;]{0,60}?\b(?:with|by|for)?\s*(?:a\s+|an\s+)?$"
    r"|\bsubstitut(?:ed|ing)\s+(?:a\s+|an\s+)?$",
    re.IGNORECASE,
)
_NOT_OUTCOME_AFTER = re.compile(
    # (not after a preposition: "given a final written warning after allegations of misconduct
    # were proven" was given for the allegations; twentieth round)
    # (across a line's end only into a line that goes on in lower case: not "Outcome: Dismissed
    # without notice", then "The allegation was ..." on a line of its own; thirty-ninth round)
    r"^(?:[ \t]+|[ \t]*\n[ \t]*(?=[a-z]))(?:the\s+|an?\s+|all\s+|both\s+|"
    r"(?!(?:after|following|over|for|despite|regarding|when|once|as)\b)\w+\s+(?:of\s+the\s+)?)?"
    # "dismissed all 15 allegations", "the three charges" (thirty-sixth round)
    r"(?:\d{1,3}\s+|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?"
    r"(?:other\s+|further\s+)?"
    # "the panel dismissed claims he ..." (ninth round: "claims" too)
    r"(?:appeal|claims?|application|case\s+against|allegations?|charges?|complaints?)\b",
    re.IGNORECASE,
)
# "determined that the officer would be dismissed without notice" is a decision, though "would
# be" usually introduces a possibility.
_DECIDED_BEFORE = re.compile(
    r"\b(?:determined|decided|ruled|concluded|directed|ordered|found)\s+that\s+(?:\w+\s+){0,4}"
    r"would\s+be\s+(?:(?:given|handed|issued(?:\s+with)?)\s+(?:an?\s+)?)?$|"
    # ("It was decided that he would be given a written warning": twenty-seventh round)
    # "the chair said the allegations were proven, adding PC X would be dismissed": the decision
    # told in reported speech (sixteenth round)
    r"\badding\s+(?:that\s+)?(?:[\w'’]+\s+){0,4}would\s+be\s+$",
    re.IGNORECASE,
)
_LABEL_BEFORE = re.compile(
    r"(sanction|outcome|disciplinary\s+action[^:–-]{0,40}|imposed[^:–-]{0,40})\s*(?:was)?\s*[:–-]?\s*$",
    re.IGNORECASE,
)


# "He considered a final written warning was the most appropriate sanction": a decision, though
# "considered" usually introduces an outcome weighed and set aside.
_DECIDED_AFTER = re.compile(
    r"^\s+(?:was|is|to\s+be)\s+(?:the\s+)?(?:most\s+)?(?:appropriate|proportionate|correct|right)\s+"
    r"(?:sanction|outcome|disposal)",
    re.IGNORECASE,
)


def find_outcomes(text: str, offset: int = 0) -> list[Hit]:
    """Outcome mentions that state an outcome, in order; a label ("Sanction:") raises confidence.
    A mention set aside takes the shorter mentions inside it with it ("unable to conclude that the
    officer would have been sacked" is not "sacked" either; fourth round)."""
    hits: list[Hit] = []
    rejected: list[tuple[int, int]] = []
    for code, pattern, conf in _OUTCOME_RES:
        for m in pattern.finditer(text):
            if _not_stated(text, m, code):
                rejected.append((m.start(), m.end()))
                continue
            before = text[max(0, m.start() - 60) : m.start()]
            if m.group().lower().endswith("been") and not _ELLIPTICAL.search(
                re.split(r"[.!?]\s", text[max(0, m.start() - 300) : m.start()])[-1]
            ):
                # "was given a written warning and a colleague would have been had she not
                # resigned": only a dismissal can be the verb left unsaid
                continue
            if code == "dismissal_without_notice" and _HAD_HE_BEEN_SERVING.match(text, m.end()):
                # "The sanction was dismissal without notice had he still been a serving
                # officer": a former officer who would have been dismissed (fourth round, after
                # held-out 3 was measured).
                code_here = "would_have_been_dismissed"
            elif (
                code not in _DISMISSAL_CODES
                and code != "no_further_action"
                and (
                    _WOULD_HAVE_HAD_BEFORE.search(before)
                    or _HAD_HE_BEEN_SERVING.match(text, m.end())
                )
            ):
                # "the panel found they would have received a final written warning, had they
                # still been serving": a former officer can be given no sanction but a would-be
                # dismissal, so a lesser one they would have had is no further action (Conduct
                # Regs 2020 reg. 42; the corpus's convention; 30/11/2026, eleventh round).
                code_here = "no_further_action"
            else:
                code_here = code
            hit_conf = conf
            if _LABEL_BEFORE.search(before):
                hit_conf = max(conf, 0.95)
            if REPLACED_BEFORE.search(before):
                # The outcome an appeal put in place of the first one is the outcome that stands.
                hit_conf = max(conf, 0.96)
            hits.append(Hit(code_here, offset + m.start(), offset + m.end(), m.group(), hit_conf))
    hits = [
        h
        for h in hits
        if not any(
            a <= h.start - offset
            and h.end - offset <= b
            and (a, b) != (h.start - offset, h.end - offset)
            for a, b in rejected
        )
    ]
    return longest_first(hits)


# The dismissal told before an elliptical "would have been" in its sentence (thirty-second round)
_ELLIPTICAL = re.compile(r"\b(?:dismissed|sacked|fired)\b", re.IGNORECASE)

_DISMISSAL_CODES = (
    "dismissal_without_notice",
    "dismissal_with_notice",
    "would_have_been_dismissed",
)
_WOULD_HAVE_HAD_BEFORE = re.compile(
    r"\bwould\s+(?:otherwise\s+)?have\s+(?:received|been\s+given|been\s+issued(?:\s+with)?|"
    # ... "the appropriate outcome would have been a final written warning" (forty-third round)
    r"been\s+handed|got(?:ten)?|faced|been(?=\s+an?\s))\s+(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)
_HAD_HE_BEEN_SERVING = re.compile(
    # "would be dismissed from the force had she still been a serving police officer": the body
    # dismissed from, between the verb and the condition (nineteenth round)
    r"(?:\s+from\s+(?:the\s+)?(?:force|service|police|constabulary))?"
    r"\s*,?\s*(?:had|if)\s+(?:he|she|they|the\s+(?:former\s+)?officer)\s+(?:had\s+)?(?:still\s+)?"
    # ... "had he still been employed by the force" (twenty-second round)
    r"been\s+(?:a\s+)?(?:serving|still\s+serving|in\s+the\s+(?:force|service)|employed)|"
    r"\s*,?\s*had\s+(?:he|she|they|the\s+officer)\s+not\s+(?:already\s+)?(?:resigned|retired|left)",
    re.IGNORECASE,
)


# An earlier panel's sanction, reported before a rehearing's, is not the outcome: "In September,
# another independent panel had given him a final written warning" (30/11/2026, fifth round, after
# held-out 4 was measured).
_EARLIER_PANEL_BEFORE = re.compile(
    r"\b(?:another|an\s+earlier|the\s+(?:first|original|earlier|previous)|a\s+previous)\s+"
    r"(?:\w+\s+){0,2}(?:panel|hearing|tribunal|chair)\b[^.;]{0,50}$",
    re.IGNORECASE,
)


# "the officers' actions resulted in the dismissal of criminal court proceedings", "the dismissal
# of the charges": a case, a charge or a court's proceedings dismissed, not an officer (twenty-first
# round); "the dismissal of the officer" is a sanction.
_DISMISSAL_OF_A_CASE = re.compile(
    r"\s+of\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:case|cases|charges?|proceedings|trial|prosecution|claims?|appeal|complaints?|"
    r"allegations?|criminal|court|civil)\b",
    re.IGNORECASE,
)

# "the case was dismissed", "the charges, which were later dismissed": a case or allegation
# dismissed, not an officer (30/11/2026, seventh round). A noun
# after a preposition ("the officer at the hearing was dismissed") is not the subject.
_CASE_DISMISSED_BEFORE = re.compile(
    r"\b(?P<noun>hearing|case|allegations?|charges?|complaints?|proceedings|claims?)\b"
    # "the charges against the head of the force's professional standards department have been
    # dismissed": the charges' subject may be told at length (fourteenth round)
    r"(?:[^.,;]{0,60}?|[^.;]{0,60}?,\s+which|\s+against\s+(?:the|a|an)\s+[^.,;]{0,100}?)\s+"
    # "... argued that the case against the officer should be dismissed" (thirty-sixth round)
    r"(?:was|were|is|are|had\s+been|has\s+been|have\s+been|to\s+be|"
    r"(?:should|would|could|will|must|might)\s+(?:not\s+)?be|"
    # "recommend that the misconduct charges be dismissed" (thirty-seventh round)
    r"be)\s+$",
    re.IGNORECASE,
)
_LAST_CASE_DISMISSED_BEFORE = re.compile(
    r"(?s:.*)" + _CASE_DISMISSED_BEFORE.pattern, _CASE_DISMISSED_BEFORE.flags
)
_AFTER_PREPOSITION = re.compile(
    # (not "of" after a part of it: "the entirety of the AA's case ... should be dismissed", "all
    # of the allegations were dismissed"; thirty-sixth round)
    r"\b(?:at|(?<!entirety\s)(?<!rest\s)(?<!whole\s)(?<!all\s)(?<!each\s)(?<!part\s)(?<!most\s)of|"
    r"in|after|following|during|before)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+)?"
    r"(?:[\w’'‘-]+\s+){0,2}$",
    re.IGNORECASE,
)


# A sentence whose subject is claims or allegations ("Claims that the officer arrested a suspect
# for a bet were also dismissed"): the claims were dismissed, not the officer (ninth round).
_CLAIMS_SUBJECT = re.compile(
    r"^\s*(?:the\s+|other\s+|further\s+)?(?:claims?|allegations?|accusations?|complaints?|"
    r"charges?|suggestions?)\b",
    re.IGNORECASE,
)
_OFFICER_AGAIN = re.compile(
    r"\b(?:he|she|they|the\s+(?:officers?|constables?|sergeants?))\s+(?:was|were|has\s+been|have\s+been|"
    r"had\s+been)\s+(?:also\s+)?$",
    re.IGNORECASE,
)


def _claims_dismissed(sentence_before: str) -> bool:
    """Whether "dismissed" ends a sentence whose subject is claims or allegations."""
    return bool(_CLAIMS_SUBJECT.search(sentence_before)) and not _OFFICER_AGAIN.search(
        sentence_before
    )


# "PC A had his case dismissed", "had the allegations against him dismissed" (thirty-fifth round),
# "GMP APOLOGISES ... AS MISCONDUCT CASE DISMISSED" (a headline; thirty-seventh round): the case,
# charges or allegations just before the verb are what was dismissed, not the officer
_CASE_JUST_BEFORE = re.compile(
    r"\b(?:case|cases|charges?|allegations?|complaints?|proceedings|claims?)"
    r"(?:\s+against\s+(?:him|her|them))?\s+$",
    re.IGNORECASE,
)


def _case_dismissed(before: str) -> bool:
    """Whether "dismissed" that follows ``before`` is said of a case or allegation: the first
    such noun, or the nearest ("at the hearing she was told the allegations had been dismissed":
    the allegations, not the hearing; fourteenth round)."""
    if _CASE_JUST_BEFORE.search(before):
        return True
    for m in (_CASE_DISMISSED_BEFORE.search(before), _LAST_CASE_DISMISSED_BEFORE.match(before)):
        if (
            m is not None
            and not _AFTER_PREPOSITION.search(before[: m.start("noun")])
            # "the allegation was proven and he was dismissed": the officer is the subject again
            # (not the one the case was against: "the case against the officer should be
            # dismissed"; thirty-sixth round)
            and not _A_PERSON.search(_AGAINST_WHOM.sub("", before[m.end("noun") :], count=1))
        ):
            return True
    return False


_AGAINST_WHOM = re.compile(
    r"^\s+against\s+(?:the\s+|a\s+|an\s+)?(?:officers?|constables?|sergeants?|inspectors?|him|"
    r"her|them|PCs?)\b",
    re.I,
)
_A_PERSON = re.compile(
    r"\b(?:he|she|they|him|her|officers?|constables?|sergeants?|inspectors?|PCs?)\b", re.I
)


_WOULD_BE = re.compile(r"\bwould\s+be\s+$", re.IGNORECASE)


def _would_be_had_serving(before: str, text: str, m: re.Match[str], code: str) -> bool:
    """Whether a dismissal is a former officer's would-be one: "would be dismissed had she still
    been serving" is a decision stated, not a possibility (nineteenth round)."""
    return (
        code == "dismissal_without_notice"
        and bool(_WOULD_BE.search(before))
        and bool(_HAD_HE_BEEN_SERVING.match(text, m.end()))
    )


# "should use 'reflective practice to consider his remarks'", "using reflective practice": a way of
# learning advised, not the Reflective Practice Review Process given (twenty-second round; "referred
# to reflective practice", "the outcome was reflective practice" still are)
_PRACTICE_USED_BEFORE = re.compile(r"\b(?:use|uses|using|the\s+use\s+of)\s+[“\"‘']?$", re.I)


# "recent reinstatement cases of dismissed officers", "a tribunal for sacked police officers":
# officers in general, described by a dismissal, not one given in the text (twenty-fourth round;
# "the dismissed officers" may be the text's own, so only after a preposition or quantifier)
_OFFICERS_AFTER = re.compile(
    r"\s+(?:police\s+)?(?:officers|constables|staff|personnel|colleagues)\b", re.IGNORECASE
)
_OFFICERS_IN_GENERAL_BEFORE = re.compile(
    r"\b(?:of|for|by|with|among|to|other|many|some|more|fewer|reinstat\w*)\s+$", re.IGNORECASE
)


# the allegation's wording: "a breach that, if proved, is so serious that your dismissal would be
# justified" (twenty-fourth round: an alleged dismissal is never an outcome; "the breach was so
# serious that dismissal without notice is justified" is a panel's decision and stands)
_IF_PROVED_BEFORE = re.compile(
    r"\bif\s+(?:it\s+is\s+|they\s+are\s+|the\s+allegations?\s+(?:is|are)\s+)?prove[dn]\b[^.;]{0,50}$",
    re.IGNORECASE,
)


def _not_stated(text: str, m: re.Match[str], code: str) -> bool:
    """Whether a mention of an outcome is not an outcome given (a possibility, a sanction asked
    for, declined, set aside or already held, an appeal, an allegation dismissed)."""
    before = text[max(0, m.start() - 60) : m.start()]
    after = text[m.end() :]
    if _NOT_OUTCOME_AFTER.search(after):
        return True
    if code == "reflective_practice" and _PRACTICE_USED_BEFORE.search(before):
        return True
    if (
        code == "dismissal_without_notice"
        and m.group().lower() == "dismissal"
        and _DISMISSAL_OF_A_CASE.match(after)
    ):
        return True
    if (
        code == "dismissal_without_notice"
        and _OFFICERS_AFTER.match(after)
        and _OFFICERS_IN_GENERAL_BEFORE.search(before)
    ):
        return True
    if code == "dismissal_without_notice" and _case_dismissed(
        text[max(0, m.start() - 180) : m.start()]
    ):
        return True
    if code == "dismissal_without_notice" and _claims_dismissed(
        re.split(r"[.;!?]\s|\n\s*\n", text[max(0, m.start() - 300) : m.start()])[-1]
    ):
        return True
    if _IF_PROVED_BEFORE.search(before) or _IF_PROVED_AFTER.match(after):
        return True
    sentence = re.split(r"[.;!?]\s|\n\s*\n", text[max(0, m.start() - 200) : m.start()])[-1]
    if _HYPOTHETICAL.match(sentence):
        # "Had the allegation been proven, the outcomes available ... would have included a
        # written warning" (forty-second round)
        return True
    if (
        _NOT_OUTCOME_BEFORE.search(before)
        and not _DECIDED_AFTER.search(after[:80])
        and not _DECIDED_BEFORE.search(before)
        and not _would_be_had_serving(before, text, m, code)
    ):
        return True
    sentence_before = re.split(r"[.;!?]\s|\n\s*\n", text[max(0, m.start() - 160) : m.start()])[-1]
    asked = _ASKED_BEFORE.search(sentence_before)
    if asked and _OWN_VERB_BEFORE.search(sentence_before, asked.start()):
        # "... lied to them and refused to cooperate with the investigation, and received a final
        # written warning": the conduct's "refused to" is not a sanction refused; the outcome has a
        # verb of its own (twenty-fifth round)
        asked = None
    if (
        asked
        or _EARLIER_PANEL_BEFORE.search(sentence_before)
        or _NOT_GIVEN_AFTER.search(after[:80])
    ):
        return True
    if code in ("final_written_warning", "written_warning") and (
        _HELD_BEFORE.search(before) or _IN_FORCE_AFTER.match(after)
    ):
        return True
    return bool(_SET_ASIDE_AFTER.search(after[:100]))


# "dismissal would be the likely outcome if proven" (forty-second round)
_IF_PROVED_AFTER = re.compile(
    r"[^.;]{0,60}?\bif\s+(?:the\s+(?:allegations?|case)\s+(?:is|are|was|were)\s+)?"
    r"(?:proven|proved|found\s+proven|upheld)\b",
    re.I,
)
_HYPOTHETICAL = re.compile(
    r"\s*(?:Had|If)\s+(?:the\s+)?(?:allegations?|case|charges?|it|they|matter)\s+(?:had\s+)?been\s+"
    r"(?:proven|proved|found\s+proven|upheld)\b",
    re.I,
)


def outcome_set_aside(text: str) -> Hit | None:
    """An outcome the text states only to say it was overturned, quashed or set aside ("was sacked
    at a misconduct hearing, but the decision was overturned on appeal"), the first such."""
    for code, pattern, conf in _OUTCOME_RES:
        for m in pattern.finditer(text):
            if _SET_ASIDE_AFTER.search(text[m.end() : m.end() + 100]):
                return Hit(code, m.start(), m.end(), m.group(), conf)
    return None


_FINDING_RES = [
    re.compile(
        # "found guilty on Friday of misconduct": a day between (eighteenth round)
        r"(?:amount(?:ed|s|ing)?\s+to|level\s+of|finding\s+of|found\s+(?:to\s+be\s+|guilty\s+"
        r"(?:(?:on|last|this)\s+[A-Za-z]+\s+|yesterday\s+|today\s+)?of\s+)?|"
        # "the allegation ... was proven to be misconduct, but not gross misconduct", "proven to be
        # one of misconduct" (30/11/2026, fifth round, after held-out 4 was measured)
        r"prov(?:en|ed)\s+to\s+be\s+(?:one\s+of\s+)?|"
        r"deemed[^.]{0,40}?\s+to\s+be|Finding[s]?\s*:?\s*-?\s*|guilty\s+of|committed|"
        # "The panel found this to be misconduct." (thirtieth round)
        r"found\s+(?:this|it|that|these|them|(?:the|his|her|their)\s+(?:conduct|behaviour|"
        r"actions?|breach(?:es)?|allegations?))\s+to\s+be\s+|"
        # "despite committing gross misconduct" (twenty-eighth round)
        r"(?<!accused\sof\s)(?<!suspected\sof\s)(?<!denied\s)(?<!denies\s)committing|"
        # "decreed to have engaged in gross misconduct" (twentieth round)
        r"engaged\s+in|"
        r"constitut(?:ed|es|e|ing)|(?:this|which|that)\s+(?:was|were)|"
        r"culpable\s+of)\s*(?:the\s+)?"
        r"(?P<gross>gross\s+)?misconduct\b(?!\s+(?:hearing|meeting|proceedings|panel|outcome))",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<gross>gross\s+)?misconduct\s+(?:had\s+been\s+|has\s+been\s+|was\s+|were\s+)?"
        # "the panel ruled that misconduct had been committed by ..." (twenty-fourth round)
        r"(?:proven|proved|found)\b|"
        r"(?P<gross2>gross\s+)?misconduct\s+(?:had\s+been|has\s+been|was|were)\s+committed\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"allegations?\s+of\s+(?P<gross>gross\s+)?misconduct\s+(?:were|was|had\s+been|have\s+been)\s+"
        r"(?:proven|proved|found)",
        re.IGNORECASE,
    ),
    re.compile(r"(?P<gross>gross\s+)?misconduct\s+ruling", re.IGNORECASE),
    # "it amounted to discreditable conduct and gross misconduct"
    re.compile(
        r"amount(?:ed|s)?\s+to\s+[^.;]{0,60}?\band\s+(?P<gross>gross\s+)?misconduct\b"
        r"(?!\s+(?:hearing|meeting|proceedings|panel|outcome))",
        re.IGNORECASE,
    ),
    # "found proven as misconduct", "proved at the level of gross misconduct", "at misconduct level"
    re.compile(
        r"(?:prove[nd]|found|upheld|assessed)\s+(?:as|at)\s+(?:the\s+level\s+of\s+)?(?P<gross>gross\s+)?"
        r"misconduct\b(?!\s+(?:hearing|meeting|proceedings|panel))",
        re.IGNORECASE,
    ),
    re.compile(r"\bat\s+(?P<gross>gross\s+)?misconduct\s+level", re.IGNORECASE),
    # "received a final written warning for misconduct", "was sacked for gross misconduct": the
    # level an outcome was given for (30/11/2026, fourth round)
    re.compile(
        # (not of officers in general: "officers sacked for misconduct have been added to ...")
        r"(?<!officers\s)(?<!staff\s)(?<!those\s)(?<!people\s)"
        r"\b(?:dismiss(?:ed|al)|sacked|warnings?|advice|demoted|reduc(?:ed|tion)\s+in\s+rank)\s+"
        r"(?:\w+\s+){0,2}?for\s+(?P<gross>gross\s+)?misconduct\b"
        r"(?!\s+(?:hearing|meeting|proceedings|panel|investigation))",
        re.IGNORECASE,
    ),
    # "after admitting the lesser charge of misconduct", "he admitted gross misconduct": a level
    # the officer admitted (30/11/2026, thirteenth round)
    re.compile(
        r"\badmit(?:ted|ting|s)?\s+(?:to\s+)?(?:(?:a|the)\s+(?:lesser\s+)?(?:charges?|allegations?|"
        r"counts?)\s+of\s+)?(?P<gross>gross\s+)?misconduct\b"
        # (not the crime: "after admitting misconduct in a public office")
        r"(?!\s+(?:hearing|meeting|proceedings|panel|investigation|in\s+(?:a\s+)?public\s+office))",
        re.IGNORECASE,
    ),
    # "the matter was reduced from gross misconduct to misconduct" (30/11/2026, fourth round)
    re.compile(
        r"\b(?:reduced|downgraded|lowered)\s+(?:from\s+gross\s+misconduct\s+)?to\s+"
        r"(?P<gross>gross\s+)?misconduct\b(?!\s+(?:hearing|meeting|proceedings|panel))",
        re.IGNORECASE,
    ),
]
_NOT_FINDING_BEFORE = re.compile(
    # "amounted to misconduct, but are not so serious they constitute gross misconduct"
    # (30/11/2026, fourth round)
    r"(if\s+proven\)?|would|could|case\s+to\s+answer\s+for|contended|(?-i:may)|might|whether|"
    # "It is alleged that this matter amounts to gross misconduct" (twenty-fourth round)
    r"(?<!\bnot\s)alleged(?:\s+that)?|"
    # "... insufficient evidence to make a finding of ..." (sixth round)
    r"(?:insufficient|no|not\s+enough)\s+evidence\s+to\s+(?:make|support|sustain|reach)|"
    r"not\s+so\s+serious|not\s+serious\s+enough|rather\s+than|instead\s+of|reduced\s+from|"
    # "were appealing against a finding of misconduct" (tenth round)
    r"appeal(?:ing|ed|s)?\s+against|"
    r"downgraded\s+from)\s+"
    r"(?:\w+\s+){0,4}$",
    re.IGNORECASE,
)
_NO_MISCONDUCT = re.compile(
    r"\b(?:(?:allegations?|case|charges?)\s+(?:was|were|had\s+been|have\s+been)\s+(?:found\s+)?"
    r"not\s+(?:proven|proved|made\s+out)|"
    # "concluded that the allegations against the officers were not proven": the allegations
    # qualified by whom they were against (nineteenth round)
    r"allegations?\s+against\s+[^.;]{3,60}?\s+(?:was|were|had\s+been|have\s+been)\s+"
    r"(?:found\s+)?not\s+(?:proven|proved|made\s+out)|"
    # "held a misconduct meeting for the two officers, at which no case to answer was found":
    # told of a meeting or hearing in the same sentence (an investigation's "no case to answer"
    # is not a result; nineteenth round)
    r"(?:meeting|hearing|panel)\b[^.;]{0,80}?\bno\s+case\s+to\s+answer\s+(?:was|were)\s+found|"
    # allegations qualified before the verb ("the allegations of misconduct against three
    # officers were found not proven"; 30/11/2026, seventh round)
    r"allegations?\s+of\s+(?:gross\s+)?misconduct\s+against\s+[^.;]{3,60}?\s+(?:was|were|had\s+been|"
    r"have\s+been|has\s+been)\s+found\s+not\s+(?:proven|proved|made\s+out)|found\s+(?:the\s+)?(?:allegations?\s+)?not\s+proven|"
    # ... "found the case against PC B not proven" (thirty-ninth round); "found that allegation
    # not proven" (forty-fourth round)
    r"found\s+(?:the\s+|that\s+|this\s+|each\s+)?(?:allegations?|charges?|case)\b[^.]{0,60}?\bnot\s+"
    r"(?:proven|proved)|"
    r"found\s+no\s+misconduct|"
    # "the panel ... found misconduct not proven" (twenty-fifth round)
    r"found\s+(?:gross\s+)?misconduct\s+(?:to\s+be\s+|was\s+)?not\s+(?:proven|proved|made\s+out)|"
    # "had found no allegations of misconduct or gross misconduct were proved" (ninth round)
    r"found\s+(?:that\s+)?no\s+(?:allegations?|charges?)\b[^.;]{0,60}?\b(?:were|was)\s+"
    r"(?:proven|proved|made\s+out|substantiated)|"
    # "misconduct was not proven against the inspector or the sergeant" (eighth round)
    r"(?:gross\s+)?misconduct\s+(?:was|were|had\s+been)\s+(?:found\s+)?not\s+(?:proven|proved)|"
    r"did\s+not\s+amount\s+to\s+(?:gross\s+)?misconduct|"
    # "a momentary lapse, not serious enough to amount to misconduct" (not "... to gross
    # misconduct", which is misconduct; nineteenth round)
    r"not\s+(?:so\s+)?serious\s+enough\s+to\s+(?:amount\s+to|constitute|be)\s+misconduct|"
    # "found not guilty of gross misconduct"; "the panel found no case to answer" (tenth round)
    r"not\s+guilty\s+of\s+(?:gross\s+)?misconduct|"
    # an appeal against the finding upheld: "upheld the appeal of two officers ... who were
    # previously found guilty of misconduct" (tenth round)
    r"(?:upheld|allowed)\s+the\s+appeals?\s+of\s+[^.;]{0,120}?\bfound\s+guilty\s+of\s+"
    r"(?:gross\s+)?misconduct|"
    r"appeals?\s+against\s+(?:a|the|their|his|her)\s+finding\s+of\s+(?:gross\s+)?misconduct\s+"
    r"(?:was|were|has\s+been|have\s+been)\s+(?:upheld|allowed|successful)|"
    # "found that PC X had not breached the standards of professional behaviour on all counts"
    # (not "had not breached the standards in respect of A", which clears one Standard only)
    # "A panel decided PC X had not breached the police ethics code" (twenty-third round: the
    # panel's other verbs, and the code of ethics or "police standards" for the Standards)
    r"(?:found|decided|concluded|ruled|determined)\s+(?:that\s+)?[^.;]{0,40}?\b(?:had|has|did)\s+"
    r"not\s+breach(?:ed)?\s+(?:(?:the|any)\s+(?:of\s+the\s+)?standards"
    r"(?:\s+of\s+professional\s+behaviou?r)?|(?:the\s+|any\s+)?police\s+standards|"
    r"the\s+(?:police\s+)?(?:ethics\s+code|code\s+of\s+ethics))"
    r"(?!\s+(?:in\s+respect|in\s+relation|relating|regarding|concerning|for|of)\b)|"
    r"(?:panel|chair|hearing)\s+(?:has\s+|had\s+)?(?:found|concluded|ruled|decided|determined)\s+"
    r"(?:there\s+(?:was|is)\s+)?no\s+case\s+to\s+answer|"
    r"cleared\s+of\s+(?:gross\s+)?misconduct|found\s+not\s+to\s+have\s+breached|"
    # "PC B was cleared.", "was cleared at the hearing" (fortieth round); not "cleared to return
    # to work", nor a court's clearing "of assault"
    r"(?:was|were|has\s+been|have\s+been)\s+cleared(?=\s*[.;,]|\s+(?:at|after|following|by)\s+"
    r"(?:a|the)\s+(?:[\w-]+\s+){0,2}(?:hearing|meeting|panel)\b)|"
    # "cleared of the allegations by a misconduct panel", "the hearing cleared the father of two
    # of any wrongdoing" (ninth round); "cleared of assaulting ..." (a court's) is not read
    r"cleared\s+(?:(?:the\s+)?[\w-]+\s+){0,3}?of\s+(?:the\s+|all\s+|any\s+|these\s+)?"
    r"(?:allegations?|charges?\s+of\s+(?:gross\s+)?misconduct|wrongdoing)|"
    # "a panel determined police could not prove it had taken place" (ninth round)
    r"(?:panel|chair|hearing)\s+(?:determined|found|concluded|decided|ruled)\s+(?:that\s+)?"
    r"[^.;]{0,30}?\bcould\s+not\s+(?:be\s+)?prov(?:e|en)\b|"
    # "found that there was no misconduct", "found all of the allegations not proven" (fourth
    # round, after held-out 3 was measured)
    r"(?:there\s+was|found)\s+no\s+(?:gross\s+)?misconduct|"
    r"found\s+(?:all|each|both|every)\s+(?:of\s+)?(?:the\s+)?(?:allegations?|charges?)\s+"
    r"(?:to\s+be\s+)?not\s+(?:proven|proved)|"
    r"no\s+further\s+action\s+(?:was|will\s+be)\s+taken|"
    # A case thrown out before any finding ("exonerated", "the case was thrown out as an abuse of
    # process"; 30/11/2026, sixth round)
    r"exonerated|"
    # "the police misconduct panel acceded to the submission and dismissed all 15 allegations"
    # (thirty-sixth round; held-out 31's Met firearms officer)
    # ("the panel threw out an allegation", thirty-eighth round)
    r"(?:panel|chair|hearing)\b[^.;]{0,60}?\b(?:dismissed|threw\s+out)\s+(?:all|each|both|every|the|an?)\s+"
    r"(?:of\s+the\s+)?(?:\d{1,3}\s+|(?:two|three|four|five|six|seven|eight|nine|ten)\s+)?"
    r"(?:remaining\s+)?(?:allegations?|charges?)\b|"
    # a hearing, case or charges thrown out or dismissed, with words between noun and verb
    # (30/11/2026, seventh round)
    r"(?:case|proceedings|hearing|allegations?|charges?)(?:[^.,;]{1,60}?|[^.;]{1,60}?,\s+which)\s+"
    r"(?:was|were|had\s+been)\s+(?:thrown\s+out|dismissed)\b(?!\s+(?:from|without|with))|"
    # a panel that found there was "no case to answer" at the hearing (an
    # investigation's "case to answer" is not a result; 30/11/2026, seventh round)
    # "the finding was no case to answer" (a meeting's or a hearing's; eighth round)
    r"\bfinding\s+was\s+(?:that\s+there\s+was\s+)?no\s+case\s+to\s+answer|"
    r"(?:hearing|panel|chair)\s+(?:who\s+|which\s+)?(?:has\s+|had\s+)?(?:today\s+)?"
    r"(?:concluded|found|decided|ruled|"
    r"deemed|determined)"
    r"\s+that\s+[^.]{0,60}?\bno\s+case\s+to\s+answer|"
    # "A discipline panel consisting of a chair and two members determined yesterday that PC X
    # had 'no case to answer'": the panel described before its verb (fourteenth round)
    r"(?:hearing|panel)\b[^.;]{0,80}?\b(?:concluded|found|decided|ruled|deemed|determined)\s+"
    r"(?:today\s+|yesterday\s+)?that\s+[^.]{0,60}?\bno\s+case\s+to\s+answer|"
    r"(?:case|proceedings|hearing|inquiry|allegations?)\s+(?:was|were|had\s+been)\s+"
    r"(?:finally\s+)?(?:thrown\s+out|stayed|kicked\s+out)|abuse\s+of\s+(?:the\s+)?process|"
    # "A misconduct hearing into claims that PC X ... has found there was no case to answer",
    # "The panel today, Wednesday, found there was no case to answer" (twenty-fourth round: the
    # hearing or panel described or dated before its verb, no "that"; not an investigation's)
    r"\b(?:hearing|panel)\b(?:(?!investigat|inquiry|review|IOPC)[^.;]){0,160}?\b(?:has\s+|had\s+)?"
    r"(?:found|concluded|decided|ruled|determined)\s+(?:that\s+)?there\s+(?:was|is|were)\s+"
    r"no\s+case\s+to\s+answer|"
    # "Police were forced to scrap the disciplinary proceedings against PC X", "the abandoning of
    # a misconduct hearing": proceedings ended without a finding (twenty-fourth round)
    r"(?:scrap(?:ped|ping)?|abandon(?:ed|ing)?|dropp(?:ed|ing)|halt(?:ed|ing)?)\s+(?:of\s+)?"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:\w+\s+){0,2}?(?:misconduct|disciplinary)\s+"
    r"(?:hearing|proceedings|case)s?)\b",
    re.IGNORECASE,
)


_AND_GROSS = re.compile(
    # "guilty of misconduct by going to a match and gross misconduct for breaking a glass": each
    # level with its own act (twenty-fourth round)
    r"(?:\s+(?:by|for|over|in|after|when)\s+[^.;,]{1,80}?)?"
    r"\s+and\s+(?:of\s+)?gross\s+misconduct\b(?!\s+(?:hearing|meeting|proceedings|panel))",
    re.I,
)


# A level printed in quotation marks ("allegations of 'gross misconduct' were proven", "acted with
# 'gross misconduct'"): read with the marks as spaces, so that offsets stay (twenty-fifth round)
_QUOTED_LEVEL = re.compile(r"[\"'‘’“”]((?:gross\s+)?misconduct)[\"'‘’“”]", re.IGNORECASE)


def find_findings(text: str, offset: int = 0) -> list[Hit]:
    """Statements of a finding (gross misconduct, misconduct, none), not of an allegation."""
    original = text
    text = _QUOTED_LEVEL.sub(lambda m: f" {m.group(1)} ", text)
    hits = []
    for pattern in _FINDING_RES:
        for m in pattern.finditer(text):
            if _NOT_FINDING_BEFORE.search(text[max(0, m.start() - 50) : m.start()]):
                continue
            gross = m.group("gross") or ("gross2" in pattern.groupindex and m.group("gross2"))
            code = "gross_misconduct" if gross else "misconduct"
            both = _AND_GROSS.match(text, m.end())
            if code == "misconduct" and both:
                # "found guilty of misconduct and gross misconduct": allegations proven at both
                # levels; the officer's finding is the higher (sixteenth round)
                code, end = "gross_misconduct", both.end()
            else:
                end = m.end()
            hits.append(Hit(code, offset + m.start(), offset + end, original[m.start() : end], 0.9))
    cleared = [
        Hit(
            "no_misconduct",
            offset + m.start(),
            offset + m.end(),
            original[m.start() : m.end()],
            0.7,
        )
        for m in _NO_MISCONDUCT.finditer(text)
    ]
    # "found misconduct was not proven": a finding that overlaps a statement that it was not
    # proven is that statement's (30/11/2026, eighth round)
    hits = [h for h in hits if not any(c.start < h.end and h.start < c.end for c in cleared)]
    hits += cleared
    hits.sort(key=lambda h: h.start)
    return hits


_FORUM_RES = [
    (
        "accelerated_misconduct_hearing",
        # "an accelerated Kent Police misconduct hearing": a force's name may stand between
        # (30/11/2026, seventh round)
        re.compile(
            # "an accelerated gross misconduct hearing" (eleventh round)
            # ("an 'accelerated' misconduct hearing", in quotation marks: twenty-seventh round)
            r"\baccelerated[\"'\u201d\u2019]?\s+(?:(?-i:[A-Z][\w&'’-]*)\s+(?:and\s+)?){0,4}?"
            r"(?:gross\s+)?"
            # "an accelerated tribunal (disciplinary) hearing" (eighteenth round)
            r"(?:misconduct\s+|tribunal\s+|disciplinary\s+)?hearing"
            # "fast track hearings", the 2012 rules' name for them (ninth round); in quotation
            # marks ('a "fast-track" misconduct hearing', seventeenth round)
            r"|\bfast[\s-]+track[\"'\u201d\u2019]?\s+(?:disciplinary\s+|misconduct\s+)?hearings?"
            # "an expedited misconduct hearing" (fortieth round)
            r"|\bexpedited\s+(?:gross\s+)?(?:misconduct\s+|disciplinary\s+)?hearings?"
            # "the force's accelerated misconduct proceedings" (twenty-fourth round)
            r"|\baccelerated\s+(?:gross\s+)?(?:misconduct|disciplinary)\s+proceedings",
            re.I,
        ),
        0.95,
    ),
    (
        "special_case_hearing",
        # "Special Case Hearing", "Special Case Police Misconduct Hearing"; "a Special Case Gross
        # Misconduct Hearing" (thirtieth round)
        re.compile(
            r"\bspecial\s+case\s+(?:police\s+)?(?:gross\s+)?(?:misconduct\s+)?hearing", re.I
        ),
        0.95,
    ),
    (
        "special_case_hearing",
        # "a special misconduct hearing" after a conviction: the special case hearing under
        # another name (sixteenth round)
        re.compile(r"\bspecial\s+(?:gross\s+)?misconduct\s+hearing", re.I),
        0.85,
    ),
    (
        "special_case_hearing",
        # "At a special hearing ..., the chief constable ...": the same, without "misconduct"
        # (nineteenth round); not a court's ("a special hearing at the magistrates' court")
        # ... "the special police (conduct, disciplinary) hearing" (twenty-third round)
        re.compile(
            r"\bspecial\s+(?:police\s+|conduct\s+|disciplinary\s+)?hearing\b"
            r"(?![^.;\n]{0,40}\bcourt\b)",
            re.I,
        ),
        0.8,
    ),
    (
        "misconduct_meeting",
        # "(the case) resulted in a meeting": proceedings that ended in a meeting (eighth round)
        re.compile(r"\bmisconduct\s+meeting|\bresult(?:ed|ing)\s+in\s+a\s+meeting\b", re.I),
        0.9,
    ),
    (
        "misconduct_hearing",
        re.compile(
            r"\b(?:gross\s+)?misconduct\s+hearing|\bhearing\s+panel|\bmisconduct\s+panel|"
            # "a legally-qualified chair", hyphenated (thirteenth round)
            r"\blegally[\s-]+qualified\s+chair|\bLQC\b|\bpublic\s+hearing|\bindependent\s+panel",
            re.I,
        ),
        0.9,
    ),
]
_ANY_HEARING = re.compile(r"\bhearing\b", re.I)


def find_forums(text: str, offset: int = 0) -> list[Hit]:
    hits = [
        Hit(code, offset + m.start(), offset + m.end(), m.group(), conf)
        for code, pattern, conf in _FORUM_RES
        for m in pattern.finditer(text)
    ]
    hits.sort(key=lambda h: h.start)
    return hits


def any_hearing(text: str) -> Hit | None:
    m = _ANY_HEARING.search(text)
    return Hit("misconduct_hearing", m.start(), m.end(), m.group(), 0.6) if m else None


# Periods as notices print them: digits or words ("18", "eighteen", "two and a half"), years or months.
_PERIOD_WORDS = {
    **NUMBERS,
    "a": 1,
    "an": 1,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "twenty-four": 24,
    "twenty four": 24,
    "thirty": 30,
    "thirty-six": 36,
    "thirty six": 36,
}
_WORD_NUMBER = (
    r"(?P<n>\d{1,2}(?:\.5)?|"
    + "|".join(sorted((re.escape(w) for w in _PERIOD_WORDS), key=len, reverse=True))
    + r")(?P<half>\s+and\s+a\s+half)?"
)
_UNIT = r"[\s-]+(?P<unit>year|month)s?\b"
# A written warning's period is read too ("The outcome was a written warning, 18 months";
# 30/11/2026, issue 15): Conduct Regs 2020 reg. 2 gives both warnings a period.
_FWW = r"(?:final\s+written\s+warning|FWW|final\s+warning|written\s+warning)"
_PERIOD = [
    # "a two-year final written warning", "18 month final written warning", "5 years FWW"
    re.compile(r"\b" + _WORD_NUMBER + _UNIT + r"(?:'s|’s)?[\s-]+" + _FWW, re.I),
    # "a final written warning for a period of two years", "… which will remain in force for 18
    # months", "… to last three years", "… lasting 5 years", "… (two years)"
    re.compile(
        _FWW
        + r"[^.;]{0,80}?(?:\b(?:for|of|lasting|last|lasts|remain\w*\s+(?:in\s+(?:force|place)|live|"
        r"on\s+(?:file|record|\w+\s+record))\s+for|"
        # "which will be on his record for the next five years" (twenty-fourth round)
        r"(?:be|stay)\s+on\s+(?:file|record|\w+\s+record)\s+for)\s+|\()"
        r"(?:a\s+(?:further\s+)?period\s+of\s+|the\s+period\s+of\s+|a\s+duration\s+of\s+|"
        r"the\s+next\s+)?" + _WORD_NUMBER + _UNIT,
        re.I,
    ),
    # "a final written warning, 18 months"
    re.compile(_FWW + r",\s*" + _WORD_NUMBER + _UNIT + r"(?=\s*[.;)]|\s*$)", re.I | re.M),
    # "... a final written warning. The warning will remain on his record for 18 months."
    re.compile(
        _FWW + r"[^.;]{0,60}[.;]\s+(?:The|This|That)\s+warning\s+(?:will|is\s+to|is\s+due\s+to)\s+"
        r"(?:remain|last|stay|be\s+in\s+(?:force|place))[^.;]{0,40}?\bfor\s+(?:a\s+period\s+of\s+)?"
        + _WORD_NUMBER
        + _UNIT,
        re.I,
    ),
]
# "extended by 12 months" is an extension of a live warning, not the period of a new one.
_NOT_PERIOD_BEFORE = re.compile(r"extend\w*\s+(?:by\s+)?$|extension\s+of\s+$", re.I)


def warning_months(text: str) -> tuple[int, int, int, str] | None:
    """The period of a final written warning stated in the text: (months, start, end, text).

    >>> [warning_months(t)[0] for t in ("a final written warning for a period of two years",
    ...     "an 18-month final written warning", "given a final written warning for 5 years",
    ...     "a final written warning, which will remain in force for eighteen months",
    ...     "a final written warning (two and a half years)")]
    [24, 18, 60, 18, 30]
    """
    for pattern in _PERIOD:
        for m in pattern.finditer(text):
            if _NOT_PERIOD_BEFORE.search(text[max(0, m.start("n") - 20) : m.start("n")]):
                continue
            raw = m.group("n").lower()
            n = float(raw) if raw[0].isdigit() else float(_PERIOD_WORDS[re.sub(r"\s+", " ", raw)])
            if m.group("half"):
                n += 0.5
            months = round(n * 12 if m.group("unit").lower() == "year" else n)
            if not 1 <= months <= 120:
                continue
            return months, m.start(), m.end(), m.group()
    return None
