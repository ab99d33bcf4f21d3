"""Who a notice is about: the officers it names or labels, and how many it says there were.

>>> [o.label for o in find_officers("PC Christina Best was dismissed. PC Best appealed. "
...     "Supt Jane Wigmore, head of Professional Standards, said it was right.")]
['PC Christina Best']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from misconduct.ingest.dates import MONTHS, WEEKDAYS
from misconduct.ingest.gazetteer import RANK_PATTERN, find_forces, rank_code
from misconduct.ingest.text import LIST_ITEM, Piece, sentences

NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_NAME_WORD = r"[A-Z][a-z'’-][a-zA-Z'’-]*"
# (a letter before an apostrophe is the start of a name, not a cipher: "Sgt O’Neill"; forty-second round)
_NAME = rf"(?:[A-Z](?![\w'’])|{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})"
_FORMER = r"(?:(?P<former>[Ff]ormer|[Ee]x-?)\s*)?"
# "PC Christina Best", "Police Sergeant 9416 Clive Garton", "former PC's Lee Williamson and David Ford";
# a full stop after an abbreviated rank only ("Insp. Jo Bloggs"): after a rank printed in full it
# ends the sentence ("reported it to a chief inspector. Mr Jackson resigned"; nineteenth round)
_RANKED = re.compile(
    # (a one-letter cipher only on the rank's line: "... as a special constable" ending a caption,
    # then "A police officer has been sacked" is no officer "A"; thirtieth round)
    # ... the rank spelt out in brackets after it ("PC [Police Constable] Jo Bloggs", a quotation
    # an editor expanded; thirty-first round)
    _FORMER + rf"(?P<rank>\b(?i:{RANK_PATTERN}))(?:\.(?<![A-Za-z]{{6}}\.))?"
    rf"(?:[ \t]*\[(?i:{RANK_PATTERN})\])?"
    # (a collar number of two digits too: "PS 55 Jones"; thirty-ninth round)
    r"(?:[ \t]+|\s+(?![A-Z](?!\w)))(?:\d{2,6}\s+)?"
    rf"(?P<names>{_NAME}(?:\s*,\s*{_NAME})*(?:,?\s+and\s+{_NAME})?)"
)
# "Simon Gee, an Inspector employed by ...", "John Smith, a former police constable, ...", "Jo
# Bloggs, 40, a police inspector" (an age between: sixteenth round)
_NAME_THEN_RANK = re.compile(
    rf"(?P<names>{_NAME_WORD}[ \t]+{_NAME_WORD}),[ \t]+(?:\d{{2}},[ \t]+)?(?:an?|the)[ \t]+"
    + _FORMER
    + rf"(?:police[ \t]+)?(?P<rank>(?i:{RANK_PATTERN}))\b"
)
# "Jo Bloggs served as a police sergeant in Town": an officer named without a rank before
# the name, whose rank the sentence then gives (30/11/2026, seventh round); "Jo Bloggs resigned
# from her role as a police constable with Kent Police" (the rank she left; thirty-first round)
_NAME_WORKED_AS = re.compile(
    rf"(?P<names>{_NAME_WORD}[ \t]+{_NAME_WORD})(?:,[ \t]+who)?[ \t]+(?:had[ \t]+)?"
    r"(?:worked|works|served|serves|was[ \t]+(?:working|serving)|"
    r"(?:resigned|retired)[ \t]+from[ \t]+(?:(?:his|her|their)[ \t]+(?:role|post|position|job)|"
    # ... "who resigned from the force as a police constable" (forty-first round)
    r"the[ \t]+(?:force|service|constabulary)))"
    r"[ \t]+as[ \t]+an?[ \t]+" + _FORMER + rf"(?P<rank>(?i:{RANK_PATTERN}))\b"
)
# "Jo Bloggs, who was a probationary constable with Kent Police from ...": the rank in a clause
# after the full name (thirtieth round)
_NAME_WHO_WAS = re.compile(
    rf"(?P<names>{_NAME_WORD}[ \t]+{_NAME_WORD}),[ \t]+who[ \t]+(?:was|is)[ \t]+an?[ \t]+"
    + _FORMER
    + r"(?:(?:probationary|trainee|student|serving)[ \t]+)?(?:police[ \t]+)?"
    + rf"(?P<rank>(?i:{RANK_PATTERN}))\b"
)
# "Another officer, who has not been named, has received a written warning": one more officer,
# unnamed, beside those the text names.
_ANOTHER = re.compile(
    r"\b(?:[Aa]nother|[Aa]\s+(?:second|third|further))\s+(?:serving\s+|former\s+)?"
    r"(?:police\s+)?(?:officer|constable|PC|sergeant)\b"
    # not another officer's work ("copying another officer's work"), nor one the text then names
    # ("A second officer, PC Jo Bloggs, received ..."): no officer more (thirty-sixth round)
    r"(?![’']s\b)(?!,?\s+(?:former\s+)?(?i:" + RANK_PATTERN + r")\.?\s+[A-Z])"
)
# "The three other officers were cleared": officers the text counts beside those it names
# (eighteenth round), each one more, unnamed, where the sentence tells their result.
_OTHERS_COUNTED = re.compile(
    r"\b(?:[Tt]he|[Aa]ll|[Tt]hat)\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten)\s+other\s+"
    r"(?:serving\s+|former\s+)?(?:police\s+)?(?:officers|constables|PCs)\b"
)
_OTHERS_RESULT = re.compile(
    r"\b(?:cleared|exonerated|not\s+(?:proven|proved)|no\s+case\s+to\s+answer|dismissed|sacked|"
    r"warnings?|would\s+have\s+been)\b",
    re.I,
)
# An item of a list (a line opening "::", "-", "•" or "*") about an officer the text does not
# name, given an outcome: "- A PC was dismissed after ...", "* An officer was given a written
# warning ..." (not a community support officer or a member of staff)
_LISTED_OFFICER = re.compile(
    r"^[ \t]*(?:::|[-•*–])[ \t]*(?P<item>(?:An?|One)[ \t]+(?:police[ \t]+)?"
    r"(?P<rank>officer|constable|(?i:pc)|sergeant|inspector|detective[ \t]+constable)[ \t]+"
    r"(?:was|has[ \t]+been|had[ \t]+been)[ \t]+(?:dismissed|sacked|given|issued|handed|demoted|"
    r"reduced)\b[^\n]*)",
    re.MULTILINE,
)
_ANOTHER_OUTCOME = re.compile(
    r"\b(?:warning|dismissed|management\s+advice|reduc(?:ed|tion)\s+in\s+rank|would\s+have\s+been)",
    re.I,
)
# "PC Bloggs was dismissed. The case against the other officer, who was not named, was found not
# proven": "the other officer", the subject of a sentence that tells a result, is one more officer,
# unnamed, beside the one the text names (twenty-first round). Subject: opening its clause, or
# after "the case (allegations, complaint) against"; the result told after the mention.
_THE_OTHER = re.compile(
    r"(?:^|(?<=[.!?\n])|\b(?:[Bb]ut|[Hh]owever,?|[Ww]hile|[Ww]hereas|and)\s+)\s*"
    r"(?:(?:[Tt]he|[Aa]ll|[Aa]ny)\s+(?:case|cases|allegations?|complaints?|charges?|proceedings)\s+"
    r"(?:against|for|involving)\s+)?"
    r"(?P<who>[Tt]he\s+other\s+(?:serving\s+|former\s+)?(?:police\s+)?(?:officer|constable|PC|"
    r"sergeant))\b(?!s)"
)


def _the_other(sents: list[Piece]) -> list[Officer]:
    """The other officer a text about one named officer tells a result of, unnamed."""
    for s in sents:
        m = _THE_OTHER.search(s.text)
        if m is None or not _OTHERS_RESULT.search(s.text[m.end("who") :].split(";")[0][:120]):
            continue
        at = s.start + m.start("who")
        mention = Piece(at, s.start + m.end("who"), m.group("who"))
        return [Officer("+other", "the other officer", None, None, None, mentions=[mention])]
    return []


# "The officer and a colleague were flagged down ... the allegations against the officers were
# not proven": an officer's colleague, unnamed, is one more officer where a sentence tells the
# result of "the officers" (nineteenth round)
_AND_A_COLLEAGUE = re.compile(r"\band\s+(?:a|one|his|her)\s+(?:police\s+)?colleague\b", re.I)
_THE_OFFICERS = re.compile(r"\b(?:the|both|these|those)\s+(?:two\s+)?officers\b", re.I)


def _a_colleague(text: str, sents: list[Piece]) -> list[Officer]:
    """The colleague the text names beside its one officer, where the officers' result is told."""
    m = _AND_A_COLLEAGUE.search(text)
    if m is None:
        return []
    for s in sents:
        plural = _THE_OFFICERS.search(s.text)
        if s.start > m.start() and plural and _OTHERS_RESULT.search(s.text):
            at = s.start + plural.start()
            mention = Piece(at, s.start + plural.end(), plural.group())
            colleague = Piece(m.start(), m.end(), m.group())
            return [
                Officer(
                    "+colleague", "a colleague", None, None, None, mentions=[colleague, mention]
                )
            ]
    return []


# "At the hearing for the first officer, a panel found ... The second officer also attended
# proceedings, where the panel found misconduct": officers the text tells apart only by order,
# each where a sentence about them tells a result (nineteenth round)
_ORDINAL = re.compile(
    r"\b[Tt]he\s+(?P<o>first|second|third|fourth|fifth)\s+(?:police\s+)?officer\b"
)
_ORDINAL_RESULT = re.compile(
    r"\b(?:misconduct|dismissed|sacked|warning|cleared|not\s+(?:proven|proved)|"
    r"no\s+case\s+to\s+answer)\b",
    re.I,
)


def _ordinal_officers(text: str, sents: list[Piece]) -> list[Officer]:
    """Officers told apart as "the first officer", "the second officer", two or more of them."""
    by_order: dict[str, Officer] = {}
    for m in _ORDINAL.finditer(text):
        sent = next((s for s in sents if s.start <= m.start() < s.end), None)
        if sent is None or not _ORDINAL_RESULT.search(sent.text):
            continue
        order = m.group("o")
        mention = Piece(m.start(), m.end(), m.group())
        officer = by_order.setdefault(
            order, Officer(f"~{order}", f"the {order} officer", None, None, None)
        )
        officer.mentions.append(mention)
    return list(by_order.values()) if len(by_order) > 1 else []


# "Jo Bloggs, 22, of Northumbria Police, ...": a person named with an age and the force they serve
# in, an officer named without a rank (sixteenth round)
_NAME_AGE_OF_FORCE = re.compile(
    rf"(?P<names>{_NAME_WORD}[ \t]+{_NAME_WORD}),[ \t]+\d{{2}},[ \t]+of[ \t]+(?:the[ \t]+)?"
    r"(?:[A-Z][\w&'’-]*[ \t]+(?:and[ \t]+)?){1,4}(?:Police|Constabulary)\b"
)
# "A former police constable, Bloggs was ...": a rank in apposition opening a sentence, before the
# surname (sixteenth round)
_RANK_APPOSITION = re.compile(
    rf"(?:^|(?<=[.!?\n]))[ \t]*(?:An?|The)[ \t]+{_FORMER}(?P<rank>(?i:{RANK_PATTERN}))\b,[ \t]+"
    rf"(?P<names>{_NAME_WORD})[ \t]+(?:was|had|has|is)\b"
)
# "former officer Connor Murry": a former officer named without a rank (30/11/2026, sixth round)
_FORMER_NAMED = re.compile(
    r"\b(?P<former>[Ff]ormer|[Ee]x-)\s*(?:police\s+)?officer[ \t]+"
    rf"(?P<names>{_NAME_WORD}[ \t]+{_NAME_WORD})\b"
)
# "former constables Ann Bell, Carl Dunn and Ed Fox": a plural rank, printed in lower case, before
# a list of full names joined by "and" (fourteenth round, on held-out 12's misses). The plural and
# the list of full names together make it officers, not the common noun.
_FULL_NAME = rf"{_NAME_WORD}[ \t]+{_NAME_WORD}"
# A title printed with capitals ("Police Constables Jo Bloggs and Sam Smith") is the same plural
# (twenty-first round): the list's lower-case "and" still tells prose from a Title Case headline.
_PLURAL_LISTED = re.compile(
    _FORMER
    + r"\b(?P<rank>(?:(?i:police|special|detective)\s+)?(?i:constables|sergeants|inspectors)|"
    r"(?:police\s+)?officers)\s+"
    rf"(?P<names>{_FULL_NAME}(?:\s*,\s*{_FULL_NAME})*\s*,?\s+and\s+{_FULL_NAME})\b"
)
# "the hearing for the five former officers, Sergeant A B, PC C D and Officer E": officers named in
# apposition after "the (N) former officers" have left the force, though no "former" stands before
# each name (fourteenth round). The list runs to the end of its sentence.
_FORMER_APPOSITION = re.compile(
    r"\bthe\s+(?:(?:" + "|".join(NUMBERS) + r")\s+)?(?:former|ex-)\s*(?:police\s+)?"
    r"(?:officers?|constables?|sergeants?|colleagues?)\s*[,:]\s*(?P<list>[^.\n]+)",
    re.IGNORECASE,
)
# "fellow officer Jo Bloggs's actions amounted to misconduct": an officer named after "fellow" (or
# "other", "second", "third") officer, in a text about several (seventeenth round)
_FELLOW_OFFICER = re.compile(
    rf"\b(?i:fellow|other|second|third)[ \t]+(?:police[ \t]+)?officer[ \t]+(?P<names>{_FULL_NAME})"
)
# "two of the officers, Jo Bloggs and Sam Smith, had lied": officers named without a rank in
# apposition after a part of the officers counted (eighteenth round)
_PART_NAMED = re.compile(
    r"\b(?i:one|two|three|four|five|six|seven|eight|nine|ten|both|\d{1,2})[ \t]+of[ \t]+the[ \t]+"
    r"(?:[a-z]+[ \t]+){0,2}(?i:officers|constables|sergeants)[ \t]*,[ \t]+"
    rf"(?P<names>{_FULL_NAME}(?:\s*,\s*{_FULL_NAME})*(?:,?\s+and\s+{_FULL_NAME})?)\s*[,:;]"
)
# "Two other officers in the car, Jo Bloggs and Sam Smith, were given written warnings": officers
# counted beside the one named first, then named without a rank in apposition, the subject of the
# verb after the names (twenty-ninth round)
_OTHERS_NAMED = re.compile(
    r"\b(?i:two|three|four|five|six|both|the)[ \t]+(?i:other)[ \t]+(?:(?i:police)[ \t]+)?"
    r"(?i:officers|constables|sergeants)(?:[ \t]+(?:in|at|on|from|with)[ \t]+(?:the|his|her)[ \t]+"
    r"(?:[a-z]+[ \t]+){0,2}?[a-z]+)?[ \t]*,[ \t]+"
    rf"(?P<names>{_FULL_NAME}(?:\s*,\s*{_FULL_NAME})*,?\s+and\s+{_FULL_NAME})\s*,\s+"
    r"(?:were|have|had|each|both|also|admitted|denied|received|got)\b"
)
# "The hearing found that Jo Bloggs and Sam Smith breached the standards": officers named without
# a rank as those a hearing found had breached or committed (seventeenth round)
_FOUND_NAMED = re.compile(
    r"\b(?i:found|ruled|concluded)\s+(?:that\s+)?"
    rf"(?P<names>{_FULL_NAME}(?:\s*,\s*{_FULL_NAME})*(?:,?\s+and\s+{_FULL_NAME})?)\s+"
    r"(?:had\s+)?(?i:breached|committed)\b"
)
# "The four officers are Jo Bloggs, Sam Smith and Ann Bell", "the officers were named as ...":
# officers counted, then named in a list (twenty-fifth round, after held-out 23 was measured)
_OFFICERS_ARE = re.compile(
    r"\b(?i:the)[ \t]+(?:(?i:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[ \t]+)?"
    r"(?:(?i:former)[ \t]+)?(?:(?i:police)[ \t]+)?(?i:officers|constables|PCs)[ \t]+"
    r"(?:are|were|(?:have[ \t]+been|were|are)[ \t]+named[ \t]+as)[ \t]+"
    rf"(?P<names>{_FULL_NAME}(?:\s*,\s*{_FULL_NAME})*,?\s+and\s+{_FULL_NAME})\b"
)
# "Jo Bloggs and Sam Smith, of Kent Police, were given ...": officers named without a rank, two or
# more listed together in apposition with the force they serve in (twentieth round; one name so
# placed may be a spokesperson's)
_NAMES_OF_FORCE = re.compile(
    rf"(?P<names>{_FULL_NAME}(?:\s*,\s*{_FULL_NAME})*,?\s+and\s+{_FULL_NAME}),[ \t]+of[ \t]+"
    r"(?:the[ \t]+)?(?:[A-Z][\w&'’-]*[ \t]+(?:and[ \t]+)?){1,4}(?:Police|Constabulary)\b"
)
# "police officer Jo Bloggs was watching ...": an officer named after the words "police officer"
# (twentieth round), "officer" in lower case as prose writes it: a headline's "Police Officer
# Faces Consequences" names nobody; "Jo Bloggs had worked for the force for 15 years": a person
# named as having served in the force (twentieth round)
_POLICE_OFFICER_NAMED = re.compile(
    rf"\b(?i:police)[ \t]+officer[ \t]+(?P<names>{_FULL_NAME})\b(?![ \t]+(?:Police|Constabulary))"
)
# "Met officer Jo Bloggs", "former Kent officer Jo Bloggs", "Detective Jo Bloggs": an officer named
# after the force's short name or the bare word detective, with no rank (thirty-fifth round)
_FORCE_OFFICER_NAMED = re.compile(
    rf"\b(?:(?P<former>(?i:ex-?|former)[ \t]*))?(?P<force>Met|{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})"
    rf"[ \t]+officer[ \t]+(?P<names>{_FULL_NAME})\b(?![ \t]+(?:Police|Constabulary))"
)
_DETECTIVE_NAMED = re.compile(
    r"\b(?i:detective)[ \t]+(?!(?i:constable|sergeant|inspector|chief|superintendent|"
    r"commander|(?:police[ \t]+)?staff|officer|agency)\b)"
    rf"(?P<names>{_FULL_NAME})\b(?![ \t]+(?:Police|Constabulary))"
)
# "Ex-cop Jo Bloggs", "former policeman Jo Bloggs": a news report's word for an officer, "ex" or
# "former" making them former (thirty-fifth round; held-out 30's former sergeant)
_COP_NAMED = re.compile(
    rf"\b(?:(?P<former>(?i:ex-?|former)[ \t]*))?(?i:rogue[ \t]+)?"
    rf"(?i:cop|copper|policeman|policewoman)[ \t]+"
    rf"(?P<names>{_FULL_NAME})\b(?![ \t]+(?:Police|Constabulary))"
)
# "West Mercia Police student officer Jo Bloggs": a student officer is a student constable, a
# constable in training (thirty-second round)
_STUDENT_OFFICER_NAMED = re.compile(
    rf"\b(?P<rank>(?i:student|trainee|probationary)[ \t]+(?:police[ \t]+)?officer)[ \t]+"
    rf"(?P<names>{_FULL_NAME})\b(?![ \t]+(?:Police|Constabulary))"
)
# "Kent Police said Jo Bloggs' dismissal followed his conviction": an officer named only in the
# possessive of the sanction (thirty-second round)
_NAME_DISMISSAL = re.compile(rf"(?P<names>{_FULL_NAME})['’]s?[ \t]+(?:dismissal|sacking)\b")
_NAME_SERVED_FORCE = re.compile(
    rf"(?P<names>{_FULL_NAME})[ \t]+(?:had[ \t]+|has[ \t]+)?(?:worked|served)[ \t]+"
    r"(?:for|with|in)[ \t]+the[ \t]+(?i:force|police|constabulary)\b"
)
# "Jo Bloggs, an officer with the Parliamentary and Diplomatic Command, was arrested": a person named
# as an officer of a force, unit or command, no rank printed (twenty-fifth round)
_NAME_AN_OFFICER = re.compile(
    rf"(?P<names>{_FULL_NAME}),[ \t]+(?:\d{{2}},[ \t]+)?(?:an?|the)[ \t]+"
    + _FORMER
    + r"(?:serving[ \t]+)?(?:police[ \t]+)?officer[ \t]+(?:with|in|of|from|at|for|serving|based)\b"
)
# "Jo Bloggs - who worked in the child exploitation team - ...", "Jo Bloggs, who served in Town and
# Town for Kent Police, admitted ...": a person named as having served in a police team, unit or
# force (twenty-fifth round); not "who worked in a shop"
_NAME_WHO_SERVED = re.compile(
    rf"(?P<names>{_FULL_NAME})(?:,|[ \t]+[-–—])[ \t]+who[ \t]+(?:had[ \t]+)?(?:worked|served)[ \t]+"
    r"(?:in|for|with|at|as|on)\b[^.;\n]{0,80}?\b(?i:team|unit|force|police|constabulary|"
    r"department|command|squad|division)\b"
)
# "A special case hearing found Bloggs had breached the standards": a surname alone as the one a
# hearing found had breached or committed, where the text also prints it after a first name
# (twenty-fifth round)
_FOUND_SURNAME = re.compile(
    rf"\b(?i:found|ruled|concluded)\s+(?:that\s+)?(?P<names>{_NAME_WORD})\s+(?:had\s+)?"
    r"(?i:breached|committed)\b"
)
# "Jo Bloggs was the subject of a police misconduct hearing": a person named as the one a hearing
# was about (twentieth round)
_NAME_SUBJECT_OF_HEARING = re.compile(
    rf"(?P<names>{_FULL_NAME})[ \t]+(?:was|is|has[ \t]+been)[ \t]+the[ \t]+subject[ \t]+of[ \t]+"
    r"(?:an?|the)[ \t]+(?:[\w-]+[ \t]+){0,2}(?i:misconduct|disciplinary)[ \t]+hearing\b"
)
# "He was granted anonymity ... and referred to as 'Officer X'": the cipher another name of the
# officer the text names (twentieth round)
_ALIAS_BEFORE = re.compile(
    # ... "the colleague, referred to as PC A" (thirtieth round)
    r"\b(?:referred\s+to|known)\s+as\s+[“\"'‘]?(?:(?:former\s+)?(?:officer|PC|police\s+constable|"
    r"constable|sergeant|DC|PS|Sgt)\s+)?[“\"'‘]?$",
    re.I,
)
# "Officer A", "Former Officer B", "officer X"
# "Officer ‘A’": the letter in quotation marks (fourteenth round)
# "her colleague, named only as Officer A", "another colleague – Officer B": a cipher given to an
# officer's colleague (a witness, the one wronged) names no officer the text reports on
# (twenty-third round); "Officer A and a colleague, Officer B, were dismissed" still does
_COLLEAGUE_BEFORE = re.compile(
    r"\b(?:his|her|their|another|a\s+fellow)\s+(?:police\s+)?colleague\b[^.\n]{0,25}$", re.I
)
_LETTERED = re.compile(
    _FORMER + r"\b[Oo]fficer[ \t]+(?P<quote>[‘'\"])?(?P<names>[A-Z])(?(quote)[’'\"])(?!\w)"
)
# "The police constable was found", "A special constable has been dismissed"
# "A Detective Inspector has been dismissed", "The detective sergeant" (30/11/2026, fifth round,
# after held-out 4 was measured: a detective rank, printed with capitals, was not read).
_UNNAMED = re.compile(
    # (not a rank held before: "started working at Kent Police as a special constable"; thirtieth
    # round)
    r"(?<!\bas\s)\b(?:[Tt]he|[Aa])\s+(?:serving\s+|former\s+)?(?P<rank>police\s+constable|special\s+constable|"
    r"police\s+sergeant|(?i:detective\s+(?:chief\s+)?(?:inspector|sergeant|constable))|sergeant|"
    r"inspector)\b|"
    # "A Greater Manchester Police constable who ...", "A former West Midlands Police constable",
    # "the former constable" (30/11/2026, sixth round)
    # ... "A West Yorkshire police constable" ("police" in lower case; thirtieth round)
    r"\b(?:[Tt]he|[Aa])\s+(?:former\s+)?(?:[A-Z][\w&'’-]*\s+(?:and\s+)?){1,4}[Pp]olice\s+"
    r"(?P<rank2>constable|sergeant|inspector)\b|"
    # ... "the ex-constable" (twenty-third round)
    r"\b(?:[Tt]he|[Aa]n?)\s+(?:former\s+|ex-)(?P<rank3>constable)\b|"
    # "The off-duty constable, who had been drinking, ..." (sixteenth round)
    r"\b(?:[Tt]he|[Aa]n?)\s+(?:off|on)[\s-]duty\s+(?P<rank4>constable)\b"
)
# (not "special constables", others in the plural: "accused of bullying two special constables";
# nineteenth round)
_A_SPECIAL = re.compile(r"\b(?:special\s+constable\b|(?:was|is)\s+a\s+['‘\"]?special\b)", re.I)
_UNNAMED_RANKED = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+unnamed\s+(?:serving\s+|former\s+)?(?P<rank>police\s+constable|"
    r"detective\s+constable|special\s+constable|police\s+sergeant|detective\s+sergeant|sergeant|"
    r"inspector|detective\s+inspector|constable)\b|"
    # "the male officer ... the female officer": two unnamed officers told apart by sex
    r"\b[Tt]he\s+(?P<sex>male|female)\s+(?:police\s+)?(?:officer|constable|PC)\b"
)
# "The detective constable ... An inspector and a sergeant were also found ...": officers a text
# neither names nor calls unnamed, told apart by rank (30/11/2026, eighth round). Read only where
# two of them are joined in one phrase ("an inspector and a sergeant", "the inspector or the
# sergeant"), so a witness of another rank is not taken for an officer.
_PLAIN_RANK = (
    r"(?i:detective\s+chief\s+inspector|chief\s+inspector|detective\s+constable|police\s+constable|"
    r"special\s+constable|detective\s+sergeant|police\s+sergeant|sergeant|detective\s+inspector|"
    r"inspector|constable)"
)
_PLAIN_RANKED = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?P<rank>" + _PLAIN_RANK + r")\b(?!\s+(?:[A-Z][a-z]|\d))"
)
# "an inspector and a sergeant"; "a Detective Chief Inspector, a Detective Inspector, a Detective
# Sergeant and a Detective Constable" (a list of ranks, each one officer: tenth round)
_ONE_RANK = r"(?:[Tt]he|[Aa]n?)\s+" + _PLAIN_RANK
_PLAIN_PAIR = re.compile(rf"\b{_ONE_RANK}(?:\s*,\s*{_ONE_RANK})*\s*,?\s+(?:and|or)\s+{_ONE_RANK}\b")
# "The first case related to one police officer ... The second case involved two police officers":
# a Freedom of Information answer that tells cases by their order, each with its officers counted
# (30/11/2026, eighth round).
_CASE_GROUP = re.compile(
    r"\b[Tt]he\s+(?:first|second|third|fourth|fifth|sixth|other|last|final)\s+case\s+"
    r"(?:related\s+to|involved|concerned|was\s+about)\s+(?P<n>an?|one|two|three|four|five|six)\s+"
    r"(?:(?:police|serving|former)\s+)?officers?\b"
)
_PLURAL_RANKS = re.compile(r"^(?:pcs|pc's|pc’s)$", re.IGNORECASE)
# Words that follow a rank but are not a name.
_NOT_NAMES = {
    # "Both Bradford officers guilty ...": a headline's opening word (forty-first round)
    "Both",
    "Rank",
    "Number",
    "Standards",
    "Professional",
    "Police",
    "Officer",
    "Of",
    "The",
    "And",
    "Was",
    "Has",
    "Had",
    "Who",
    "In",
    "On",
    "At",
    "For",
    "Complaints",
    "Conduct",
    "Regulations",
    "Outcome",
    # a headline in capitals read after a rank ("Police Constable Dismissed Following Misconduct
    # Hearing"): a verb of the outcome, not a name (seventeenth round)
    "Dismissed",
    "Sacked",
    "Fired",
    "Cleared",
    "Barred",
    "Jailed",
}
# Words of a rank: a "name" made only of them ("Chief Inspector") is a rank printed in a list.
_RANK_WORDS = {
    "chief",
    "inspector",
    "inspectors",
    "sergeant",
    "sergeants",
    "constable",
    "constables",
    "detective",
    "detectives",
    "superintendent",
    "special",
    "assistant",
    "deputy",
}
# Context that shows a person as speaker, chair, panel member or representative, not the subject:
# just before the mention, and just after it.
_NOT_SUBJECT_BEFORE = re.compile(
    r"(Friend was|represented by|chaired by|in front of|led by|comprising|Director|head of|"
    # (a rank between: "chaired by Superintendent Evans"; twenty-eighth round)
    r"instructed by|"
    # "a statement read in mitigation by Sgt Jo Bloggs" (thirtieth round)
    r"read\s+(?:out\s+)?(?:in\s+mitigation\s+)?by)\s*(?:the\s+)?[^.]{0,12}$"
    r"|\b(?:chaired|led|conducted|presided\s+over)\s+by\s+(?:the\s+)?(?:(?:Chief|Deputy|Assistant|"
    r"Detective)\s+)?(?:Superintendent|Inspector|Commander|Constable|Commissioner|Sergeant)\s+$"
    # "The chair, Superintendent Jo Bloggs, found ...": the chair named in apposition (twenty-sixth
    # round)
    r"|\bchair(?:person|man|woman)?(?:\s+of\s+the\s+\w+)?\s*,\s*(?:(?-i:[A-Z])[\w.]*\s+){0,4}$"
    # '"... on his victims," said Detective Chief Superintendent Jo Bloggs': who a quotation is
    # attributed to (thirty-first round)
    r"|['’”\"]\s*said\s+(?:(?:Detective|Det|Chief|Deputy|Assistant|Superintendent|Supt|"
    r"Inspector|Insp|Sergeant|Sgt|Constable|Commander|Police|PC|DC|DS|DI)\.?\s+){0,4}$",
    re.IGNORECASE,
)
_NOT_SUBJECT_AFTER = re.compile(
    # not "was said to be devastated" (the officer spoken of; sixteenth round)
    r"^[^.]{0,45}?(?:(?<!was\s)(?<!were\s)(?<!is\s)(?<!are\s)(?<!been\s)(?<!be\s)"
    r"\b(?:said|says|added|head of|as chair|who chaired|chairing|leading)\b|"
    r"\((?:Assessor|Legally|Independent|Chair|LQC))|"
    # "Detective Superintendent X, of the force's professional standards department, said": an
    # officer of the department that brought the case (tenth round)
    # ("from Northumbria Police's Professional Standards Department", without "the": seventeenth
    # round)
    r"^,?\s+(?:of|from|head\s+of)\s+(?:the\s+)*(?:force['’]s\s+|"
    r"(?:[\w&]+\s+){1,3}(?:police|constabulary)['’]s\s+)?"
    r"(?:joint\s+)?professional\s+standards\b|"
    # "Chief Superintendent X, local policing commander for the area, said:" (a speaker named
    # with a description between commas; seventeenth round)
    r"^,\s+[^,.\n]{3,80},\s+(?:said|says|added)\b|"
    # "Inspector Claire Dunmore, the duty inspector that night, told the hearing ...": a witness
    # (forty-second round)
    r"^(?:,\s+[^,.\n]{3,80},)?\s+(?:told|gave\s+evidence\s+to|testified\s+to)\s+the\s+"
    r"(?:hearing|panel|meeting)\b|"
    # "PC Guy Lade, acting for Mr O'Neill, ...": an officer who represented another (a Police
    # Federation representative; forty-second round)
    r"^,?\s+(?:(?:who\s+was\s+)?acting|appearing|representing)\s+(?:for\s+|on\s+behalf\s+of\s+)?"
    r"(?:Mr|Mrs|Ms|Miss|PC|Sgt|the\s+officer|him|her|them|(?-i:[A-Z]))",
    re.IGNORECASE,
)
_SUBJECT = re.compile(
    r"\b(outcome|dismissed|sacked|fired|warning|misconduct|breach|allegation|proven|barred|resigned|"
    r"former|would have|found|sanction|hearing|accused|conviction|convicted|"
    # "SC Z was guilty of the same offences" (seventeenth round)
    r"guilty|"
    # the lesser outcomes and a clearing: "PC B received management advice", "PC C was demoted",
    # "PC D was cleared" (fortieth round: an officer whose own sentence told only these was not
    # read beside another the text names)
    r"management\s+(?:advice|action)|demoted|reduc(?:ed|tion)\s+in\s+rank|reflective\s+practice|"
    r"cleared|exonerated|not\s+proven|no\s+case\s+to\s+answer|no\s+further\s+action|"
    # "Jo Bloggs ... and Sergeant Sam Smith both faced proceedings" (forty-first round)
    r"faced\s+(?:\w+\s+)?proceedings)",
    re.IGNORECASE,
)


# "gross misconduct was found against Bloggs, a former Inspector": a rank in apposition after the
# surname alone of an officer named without one (thirtieth round)
# The chief officers' ranks: a chief officer named is more often the one who decided, spoke or
# chaired than the officer of the case, so most readings of a rank pass them over.
_CHIEF_CONSTABLES = ("chief_constable", "deputy_chief_constable", "assistant_chief_constable")
_CHIEF_CODES = (*_CHIEF_CONSTABLES, "commander")

_SURNAME_RANK_AFTER = rf",[ \t]+an?[ \t]+(?:(?:former|serving)[ \t]+)?(?:police[ \t]+)?(?P<rank>(?i:{RANK_PATTERN}))\b"


def _surname_rank_apposition(text: str, officers: list[Officer]) -> None:
    """Give an officer named without a rank the one rank printed in apposition after the surname
    ("..., Bloggs, a former Inspector."), where that is the only rank so printed."""
    for o in officers:
        if not o.name or o.rank is not None:
            continue
        surname = o.name.split()[-1]
        found = [
            m
            for m in re.finditer(rf"(?<![\w’'-]){re.escape(surname)}{_SURNAME_RANK_AFTER}", text)
            if rank_code(m.group("rank")) not in (None, *_CHIEF_CONSTABLES)
        ]
        codes = {rank_code(m.group("rank")) for m in found}
        if len(codes) == 1:
            m = found[0]
            o.rank = rank_code(m.group("rank"))
            o.rank_span = Piece(m.start("rank"), m.end("rank"), m.group("rank"))


@dataclass
class Officer:
    key: str
    label: str
    rank: str | None
    rank_span: Piece | None
    name: str | None
    former: bool = False
    former_span: Piece | None = None
    mentions: list[Piece] = field(default_factory=list)

    @property
    def anonymised(self) -> bool:
        return self.name is None


def _group(m: re.Match[str], name: str) -> Piece | None:
    """The named group of a match as a piece of the text, or None where it matched nothing."""
    return Piece(m.start(name), m.end(name), m.group(name)) if m.group(name) else None


def _names(raw: str) -> list[str]:
    parts = re.split(r"\s*,\s*|\s+and\s+", raw)
    return [p.strip() for p in parts if p.strip()]


# "NX1 and MY55 have waited four years": officers known only by the ciphers a hearing gave them,
# two or more in a list, the subject of a verb (eighteenth round)
_CIPHER = r"(?-i:[A-Z]{1,3}\d{1,3})"
_CIPHER_LIST = re.compile(
    rf"\b(?P<list>{_CIPHER}(?:\s*,\s*{_CIPHER})*\s*,?\s+and\s+{_CIPHER})\s+"
    r"(?:have|had|has|were|was|are|is|denied|admitted|both|each)\b",
    re.I,
)


def _ciphers(text: str) -> list[Officer]:
    """The officers a text names only by ciphers ("NX1 and MY55"), anonymised, one each."""
    out: dict[str, Officer] = {}
    for m in _CIPHER_LIST.finditer(text):
        for c in re.finditer(_CIPHER, m.group("list")):
            at = m.start("list") + c.start()
            mention = Piece(at, at + len(c.group()), c.group())
            if c.group() not in out:
                out[c.group()] = Officer(c.group(), f"Officer {c.group()}", None, None, None)
            out[c.group()].mentions.append(mention)
    return list(out.values())


# "... and Police Constable 225 James Mills": a rank of more than one word after "and" in a list
_AND_RANK = re.compile(rf"\band[ \t]+(?=(?i:{RANK_PATTERN})\b)")


def _ranked(text: str) -> list[re.Match[str]]:
    """The officers printed with a rank, in order; where a list after one rank goes on with "and"
    and a rank of two words or more ("Detective Constable 1911 Jo Bloggs and Police Constable 225
    Sam Smith"), whose words the list read as a name, the officer after it is read from that rank
    too (thirty-fifth round; held-out 29's two York constables)."""
    out: list[re.Match[str]] = []
    for m in _RANKED.finditer(text):
        out.append(m)
        for a in _AND_RANK.finditer(m.group("names")):
            rest = _RANKED.match(text, m.start("names") + a.end())
            if rest is not None and " " in rest.group("rank").strip():
                out.append(rest)
    return out


def _own_rank(name: str) -> bool:
    """A part of a list after a rank that begins with a rank of its own ("Sgt Tom Pike")."""
    words = name.split()
    return len(words) > 2 and rank_code(words[0]) is not None


def _names_a_force(name: str) -> bool:
    """A part of a list after a rank that is a force or its county ("Essex Police", "Kent")."""
    return any(m.start == 0 and m.end == len(name) for m in find_forces(name, weak=True))


# "Ex-Kent Police constable Jo Bloggs", "former Met PC Jo Bloggs": "former" with the force's name
# between it and the rank (twenty-ninth round)
_FORMER_FORCE_BEFORE = re.compile(
    r"\b(?P<former>[Ff]ormer|[Ee]x-?)\s*(?P<force>(?:[A-Z][\w&'’-]*\s+){1,3})$"
)


def _former_of_force(text: str, at: int) -> Piece | None:
    """ "Former" printed before the force's name that stands before a rank at ``at``."""
    start = max(0, at - 50)
    m = _FORMER_FORCE_BEFORE.search(text[start:at])
    if m is None or not _names_a_force(m.group("force").strip()):
        return None
    return Piece(start + m.start("former"), start + m.end("former"), m.group("former"))


def _surname_after_rank(name: str) -> bool:
    """The first part of a list after a rank, one word only, that a force's county also is ("PC
    Durham was dismissed"): a surname, where the rank is printed right before it (twenty-ninth
    round); "PC Ann Bell, Kent" and "Sgt Kent Police" still name the force."""
    return len(name.split()) == 1 and len(name) > 1


def find_officers(text: str) -> list[Officer]:
    """The officers a text is about, in order of first mention, merged by surname or letter."""
    officers = _find_officers_any(text)
    _surname_rank_apposition(text, officers)
    _full_name_with_age(text, officers)
    _substantive_rank(text, officers)
    return officers


_ACTING_BEFORE = re.compile(r"\b(?i:acting|a/)\s*$")


def _substantive_rank(text: str, officers: list[Officer]) -> None:
    """An officer read with an acting rank ("acting sergeant Dan Reed") whom the text names
    elsewhere with another rank ("PC Reed") holds that one: the acting rank is not recorded (the
    held-out sets' convention; forty-fourth round)."""
    for o in officers:
        span = o.rank_span
        if (
            not o.name
            or span is None
            or not _ACTING_BEFORE.search(text[max(0, span.start - 8) : span.start])
        ):
            continue
        surname = re.escape(o.name.split()[-1])
        other = next(
            (
                m
                for m in re.finditer(
                    rf"\b(?P<rank>(?i:{RANK_PATTERN}))\.?[ \t]+(?:{_NAME_WORD}[ \t]+)?{surname}\b",
                    text,
                )
                if m.start("rank") != span.start
                and not _ACTING_BEFORE.search(text[max(0, m.start() - 8) : m.start()])
                and rank_code(m.group("rank")) not in (None, o.rank, *_CHIEF_CODES)
            ),
            None,
        )
        if other is not None:
            o.rank = rank_code(other.group("rank"))
            o.rank_span = Piece(other.start("rank"), other.end("rank"), other.group("rank"))


# "Jake Bloggs, 25, from Townley, was found guilty ... PC Bloggs must have known": the full name
# printed with an age is that of the one officer named by rank and surname alone (thirtieth round);
# not a relative's or a victim's ("his wife, Jo Bloggs, 24")
_RELATIVE_BEFORE = re.compile(
    r"\b(?:wife|husband|partner|daughter|son|mother|father|brother|sister|victim|girlfriend|"
    r"boyfriend|relative|niece|nephew)\b[^.;\n]{0,15}$",
    re.I,
)


def _full_name_with_age(text: str, officers: list[Officer]) -> None:
    """Give the one officer named by surname alone the full name the text prints with an age."""
    if len(officers) != 1:
        return
    o = officers[0]
    if not o.name or " " in o.name:
        return
    found = {
        m.group("first")
        for m in re.finditer(
            rf"(?<![\w’'-])(?P<first>{_NAME_WORD})[ \t]+{re.escape(o.name)},[ \t]+\d{{2}},", text
        )
        if not _RELATIVE_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        and rank_code(m.group("first")) is None
    }
    if len(found) == 1:
        full = f"{found.pop()} {o.name}"
        o.label = o.label.replace(o.name, full) if o.name in o.label else o.label
        o.name = full


def _find_officers_any(text: str) -> list[Officer]:
    """The officers, before a rank printed after a surname alone is given them."""
    strict = _find_officers(text, lenient=False)
    if len(strict) == 1 and strict[0].name is None and not strict[0].key:
        # One officer the text describes only by rank ("A Northumbria Police constable ... has
        # been sacked") whom it also names once with that rank, in a sentence that says nothing
        # of the outcome ("PC Jo Bloggs was bored during his shift"): the officer is the one
        # named (sixteenth round).
        named = _find_officers(text, lenient=True)
        if (
            len(named) == 1
            and named[0].name
            and (strict[0].rank is None or named[0].rank in (None, strict[0].rank))
        ):
            return named
        # ... or whom the text names where it describes them ("Kent ex-police officer barred ...
        # Jo Bloggs, 28, of Townley, was ... the ex-constable"): the officer named, with the rank
        # the description gives (twenty-third round)
        # (or, failing that, the one person named in full and then by surname alone in the
        # result's sentences: "a former police sergeant ... Tim Perrin was found to have been
        # culpable ... Mr Perrin's honesty"; thirty-seventh round)
        after = _named_after_described(text) or [
            o for o in _named_alone(text) if _RESULT_VERB_AFTER.match(text, o.mentions[0].end)
        ]
        if len(after) == 1 and (strict[0].rank is None or after[0].rank in (None, strict[0].rank)):
            if after[0].rank is None:
                after[0].rank, after[0].rank_span = strict[0].rank, strict[0].rank_span
            return after
    found = strict or _of_this_force(text, _find_officers(text, lenient=True))
    return found or _named_after_described(text) or _chief_subject(text) or _named_alone(text)


# "Tim Bloggs was found to have been culpable", "... has been dismissed": the name the subject of
# the result (thirty-seventh round)
_RESULT_VERB_AFTER = re.compile(
    r"\s+(?:was|has\s+been|had\s+been|is)\s+(?:\w+\s+){0,2}?"
    r"(?:found|dismissed|sacked|fired|barred|given|handed|cleared)\b",
    re.I,
)


def _of_this_force(text: str, officers: list[Officer]) -> list[Officer]:
    """Officers found only by the lenient reading (their sentences tell no result), less those
    named right after another force than the one the text names first ("an Avon & Somerset police
    officer ... was sacked ... the murder of Sarah Everard by serving Metropolitan Police officer
    Wayne Couzens": not the officer of the case; thirty-seventh round)."""
    forces = find_forces(text)
    if not forces:
        return officers
    first = min(forces, key=lambda f: f.start).code

    def after_other(m: Piece) -> bool:
        at = max(0, m.start - 60)
        return any(
            f.code != first and at + f.end >= m.start - 25 for f in find_forces(text[at : m.start])
        )

    def elsewhere(o: Officer) -> bool:
        return bool(o.mentions) and all(after_other(m) for m in o.mentions)

    return [o for o in officers if not elsewhere(o)]


# a full name at the start of a word, no rank, title or capitalised word just before it
_BARE_FULL_NAME = re.compile(
    rf"(?<![\w’'.-])(?<![A-Z][\w’'-] )(?P<name>{_FULL_NAME})\b(?![ \t]+[A-Z])"
)
# what the sentence of the person a text is about says of them
_NAMED_RESULT = re.compile(
    r"\b(?:dismissed|sacked|fired|barred|would\s+have\s+(?:been|faced)|gross\s+misconduct|"
    r"written\s+warning)\b",
    re.I,
)
# not the victim, a witness or a speaker named beside the officer
_NOT_OFFICER_BEFORE = re.compile(
    r"\b(?:victim|woman|man|girl|boy|wife|husband|partner|daughter|son|mother|father|friend|"
    r"colleague|doorman|chair(?:man|woman|person)?|director|spokes(?:man|woman|person)|judge|"
    r"magistrate|lawyer|solicitor|barrister|counsel|representing|by|named|called)\s*,?\s*$",
    re.I,
)


_BODY_WORDS = {
    "independent",
    "panel",
    "constabulary",
    "police",
    "office",
    "court",
    "service",
    "force",
    "council",
    "commission",
    "department",
    "unit",
    "team",
    "street",
    "road",
    "station",
    "hospital",
    "park",
    "centre",
    "center",
    "crown",
    "county",
    "chief",
    "hearing",
    "misconduct",
    "conduct",
    "standards",
    "regulations",
    "college",
    "policing",
    "tribunal",
    "committee",
    "house",
    "hall",
    "palace",
    "castle",
    "news",
    "today",
    "press",
    "association",
    "federation",
    "ipcc",
    "iopc",
}


_PEOPLES = frozenset(
    {
        "Irish",
        "British",
        "English",
        "Scottish",
        "Welsh",
        "Romany",
        "Roma",
        "Gypsy",
        "Black",
        "Asian",
        "Jewish",
        "Muslim",
        "Sikh",
        "Hindu",
        "Catholic",
        "European",
        "African",
    }
)


def _names_a_body(name: str) -> bool:
    """Whether capitalised words name a body or a force, not a person: "Independent Panel",
    "Somerset Constabulary", "Yorkshire Police's" (a possessive too: forty-fourth round)."""
    if any(w.lower() in _BODY_WORDS for w in name.split()):
        return True
    plain = re.sub(r"[’']s$", "", name)
    return bool(find_forces(plain, weak=True)) or bool(
        re.search(r"\b(?:Police|Constabulary)\b", plain)
    )


def _named_alone(text: str) -> list[Officer]:
    """The one person a text names in full without a rank and then again by surname alone, in a
    sentence that tells a dismissal, a barring or a finding ("A Humberside panel heard how Jo
    Bloggs drank ... Mr Bloggs ... was dismissed"), where the text finds no officer otherwise: the
    officer, named without a rank (twenty-ninth round). Not where two people so qualify, nor one
    named as a victim, a chair or a speaker."""
    sents = sentences(text)
    candidates: dict[str, Officer] = {}
    for m in _BARE_FULL_NAME.finditer(text):
        name = m.group("name")
        words = name.split()
        if any(w in _NOT_NAMES for w in words) or any(w.lower() in _RANK_WORDS for w in words):
            continue
        if re.match(_TITLE, name) or words[0] in ("Sir", "Lord", "Lady", "Dame", "Judge"):
            continue
        if _names_a_body(name):
            continue
        if words[0] in _PEOPLES:
            # "Irish Travellers", "British Muslims": a people, not a person (thirtieth round)
            continue
        if any(w.lower() in MONTHS or w.lower() in WEEKDAYS for w in words):
            # "on Monday April 24th": a date, not a person (thirty-sixth round)
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end() : m.end() + 100]
        if (
            _NOT_OFFICER_BEFORE.search(before)
            or _NOT_SUBJECT_BEFORE.search(before)
            or _NOT_SUBJECT_AFTER.search(after)
        ):
            continue
        surname = words[-1]
        if surname in candidates or _printed(text, surname) <= _printed(text, name):
            # the surname printed alone too, not only the whole name again ("Buckingham Palace")
            continue
        told = [
            s
            for s in sents
            if re.search(rf"\b{re.escape(surname)}\b", s.text) and _NAMED_RESULT.search(s.text)
        ] or [
            # "Mr Bloggs resigned from the force in October ... A misconduct panel ruled on Friday
            # that he would have been dismissed": the next sentence tells their result by a
            # pronoun and names no one else (forty-fourth round)
            after
            for s, after in pairwise(sents)
            if re.search(rf"\b{re.escape(surname)}\b", s.text)
            and _NAMED_RESULT.search(after.text)
            and re.search(r"\b(?:he|she)\b", after.text, re.I)
            and all(_names_a_body(n.group("name")) for n in _BARE_FULL_NAME.finditer(after.text))
        ]
        if not told:
            continue
        mention = Piece(m.start("name"), m.end("name"), name)
        candidates[surname] = Officer(surname, name, None, None, name, mentions=[mention])
    if len(candidates) != 1:
        return []
    return list(candidates.values())


# what the chief officer is the subject of: being dealt with, not dealing ("Assistant Chief
# Constable Jo Bloggs, of Kent Police, was dismissed", "... has been given a final written warning")
_CHIEF_DEALT_WITH = re.compile(
    r"^(?:,[^.,]{0,60},)?\s+(?:(?:was|has\s+been|had\s+been|will\s+be|is\s+to\s+be)\s+"
    r"(?:(?:\w+ly|also)\s+)?(?:dismissed|sacked|fired|given|issued|handed|found|demoted|barred|"
    r"reduced)|(?:would|will|could)\s+have\s+been\s+(?:dismissed|sacked)|"
    r"(?:resigned|retired|admitted|denied|faces|faced)\b|"
    # "... won't be fired for her remarks, a panel ruled" (held-out 25's assistant chief constable)
    r"(?:won[’']t|will\s+not|would\s+not|is\s+not\s+to)\s+be\s+(?:fired|dismissed|sacked)\b|"
    r"(?:will|would)\s+(?:receive|be\s+given)\b)",
    re.I,
)
_CHIEF_NOT_SUBJECT_BEFORE = re.compile(
    r"\b(?:by|before|to|from|with|told|said|says|for|of)\s+(?:the\s+)?(?:force['’]s\s+)?"
    r"(?:former\s+)?$",
    re.I,
)


def _chief_subject(text: str) -> list[Officer]:
    """A chief officer (an assistant chief constable, a commander) the text is about, where it
    finds no other officer: named with the rank and the subject of the outcome's verb ("Assistant
    Chief Constable Jo Bloggs ... was dismissed"), not the agent of a passive or a speaker (a chief
    officer who decided, chaired or spoke is never made an officer of the case; twenty-ninth
    round)."""
    found: list[Officer] = []
    for m in _RANKED.finditer(text):
        code = rank_code(m.group("rank"))
        if code not in _CHIEF_CODES:
            continue
        name = _names(m.group("names"))[0]
        at = m.start("names")
        if (
            name.split()[0] in _NOT_NAMES
            or _names_a_force(name)
            or _CHIEF_NOT_SUBJECT_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
            or _NOT_SUBJECT_BEFORE.search(text[max(0, m.start() - 60) : m.start()])
            or not _CHIEF_DEALT_WITH.match(text[at + len(name) : at + len(name) + 120])
        ):
            continue
        key = name.split()[-1]
        if any(o.key == key for o in found):
            continue
        officer = Officer(
            key,
            f"{m.group('rank')} {name}",
            code,
            Piece(m.start("rank"), m.end("rank"), m.group("rank")),
            name if len(name) > 1 else None,
            mentions=[Piece(at, at + len(name), name)],
        )
        former = _group(m, "former")
        if former is not None:
            officer.former, officer.former_span = True, former
        found.append(officer)
    return found if len(found) == 1 else []


# "A trainee detective constable has been dismissed ... Christopher Brown was off duty when ...":
# an officer the opening sentence describes by rank and the next sentence names, first name and
# surname opening it, the surname printed again later (seventeenth round).
_DESCRIBED_OPENING = re.compile(
    r"^\s*(?:A|An|The)\s+(?:[\w-]+\s+){0,3}?(?P<rank>(?:detective\s+)?(?:constable|sergeant|"
    # ("A former police officer would have been sacked ..."; thirtieth round)
    r"inspector)|police\s+officer|officer)\s+(?:has|had|was|have|would\s+have)\s+been\b|"
    # a headline's short passive, with no article or auxiliary ("Former Kent Police officer
    # barred from profession after ..."; twenty-third round)
    r"(?:(?<![\w-])[\w-]+[ \t]+){0,3}?\b(?P<hrank>(?:detective\s+)?(?:constable|sergeant|"
    r"inspector)|police\s+officer|officer)[ \t]+(?:barred|banned|sacked|dismissed|fired)[ \t]+"
    r"(?:from|after|for|over)\b|"
    # "A police inspector on light duties went paragliding ..., a misconduct panel found": a
    # sentence opening with an officer described as "a police <rank>" (twenty-third round; the
    # sentence naming the officer must then tell a result)
    r"^\s*(?:A|An|The)\s+(?:(?-i:[A-Z])[\w&'’-]*\s+){0,3}(?:former\s+|serving\s+)?police\s+"
    r"(?P<prank>constable|sergeant|inspector)\b(?!\s+(?-i:[A-Z]))",
    # at the start of a line too: a headline and a "Published" line the flattening joined to the
    # opening sentence (eighteenth round)
    re.I | re.M,
)
# (an age and a home town between: "Jo Bloggs, 28, of Townley, was ..."; twenty-third round)
_NAME_OPENS = re.compile(
    rf"^\s*(?P<name>{_FULL_NAME})(?P<age>,[ \t]+\d{{2}})?"
    r"(?:,[ \t]+of[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)?"
    # (an adverb before the verb: "Jo Bloggs twice touched a colleague"; thirtieth round)
    r",?\s+(?:(?-i:[a-z]{2,}ly|twice|once|repeatedly)\s+)?(?P<verb>was|is|had|has|(?-i:[a-z]{3,}ed)|"
    # any verb after the age ("Jo Bloggs, 52, sent 2,000 messages"; twenty-ninth round)
    r"(?<=\d\d, )(?-i:[a-z]{3,}))\b"
)
# ... or a verb in the past tense, where the sentence says a hearing found it: "Jo Bloggs
# threatened a colleague ..., a misconduct hearing found" (twenty-third round)
_HEARING_FOUND_IT = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:hearing|panel|tribunal|chair)\s+(?:has\s+|had\s+)?"
    r"(?:found|heard|ruled|concluded|decided)\b",
    re.I,
)


# "She was asked by a sergeant to take a breath test": a rank after "by", the agent of a passive
# verb, is someone acting on the officer, not the officer described (twenty-first round).
# ... nor one something was reported to ("Several of his colleagues reported the matter to a police
# sergeant"; thirtieth round)
_AGENT_BEFORE = re.compile(
    r"\bby\s+$|\b(?:reported|complained|spoke|talked|confided)\b[^.;\n]{0,40}?\bto\s+$", re.I
)


def _unnamed_matches(text: str) -> list[re.Match[str]]:
    """The officers described by rank without a name, but not a rank after "by"."""
    return [
        m
        for m in _UNNAMED.finditer(text)
        if not _AGENT_BEFORE.search(text[max(0, m.start() - 60) : m.start()])
    ]


def described_rank(text: str) -> tuple[str, Piece] | None:
    """The one rank the text gives an officer it describes without a name ("The sergeant, who had
    worked for the force for 15 years, ..."), where every such description gives that rank: in a
    text about one officer named without a rank, that officer's (twentieth round)."""
    found: list[tuple[str, Piece]] = []
    for m in _unnamed_matches(text):
        group = next(g for g in ("rank", "rank2", "rank3", "rank4") if m.group(g))
        code = rank_code(m.group(group))
        if code:
            found.append((code, Piece(m.start(group), m.end(group), m.group(group))))
    return found[0] if found and len({c for c, _ in found}) == 1 else None


# A rank printed in a headline as a common noun, no name after it ("Northamptonshire PC guilty of
# gross misconduct", "arrest of Met PC deleted"; twenty-fifth round)
_HEADLINE_RANK = re.compile(
    rf"(?<![\w-])(?P<rank>(?i:{RANK_PATTERN}))(?![\w-])(?![ \t]+(?:\d{{3,6}}[ \t]+)?[A-Z])"
)


def headline_rank(text: str) -> tuple[str, Piece] | None:
    """The one rank a text's headline (its first line of four words or more, the store's " date
    ..." prefix aside, so not a site's "top of page") prints without a name after it: in a text
    about one officer named without a rank, that officer's (twenty-fifth round); none where the
    text describes officers by rank elsewhere (``described_rank`` decides those)."""
    if any(_unnamed_matches(text)):
        return None
    start, line = 0, ""
    for m_line in re.finditer(r"[^\n]+", text[:600]):
        start, line = m_line.start(), m_line.group()
        m_date = re.match(r"\s*date\s+\d{4}-\d{2}-\d{2}\s+", line)
        if m_date:
            start, line = start + m_date.end(), line[m_date.end() :]
        if len(line.split()) >= 4:
            break
    else:
        return None
    found = [
        (code, Piece(start + m.start("rank"), start + m.end("rank"), m.group("rank")))
        for m in _HEADLINE_RANK.finditer(line)
        if (code := rank_code(m.group("rank")))
    ]
    return found[0] if found and len({c for c, _ in found}) == 1 else None


_FORMER_WORD = re.compile(r"\b(?:former|ex-)", re.I)


def _lines_after(text: str, sents: list[Piece], i: int, at: int) -> list[Piece]:
    """The lines of sentence ``i`` after position ``at`` in it, then the next two sentences: where
    the name of an officer described may open (a headline with no full stop is joined to the
    sentence under it; twenty-third round)."""
    out: list[Piece] = []
    line = sents[i].text.find("\n", at)
    while line >= 0:
        nxt = sents[i].text.find("\n", line + 1)
        end = len(sents[i].text) if nxt < 0 else nxt
        out.append(
            Piece(sents[i].start + line + 1, sents[i].start + end, sents[i].text[line + 1 : end])
        )
        line = nxt
    return out + sents[i + 1 : i + 3]


def _named_after_described(text: str) -> list[Officer]:
    sents = sentences(text)
    for i in range(min(len(sents) - 1, 3)):
        described = _DESCRIBED_OPENING.search(sents[i].text)
        if described is None:
            continue
        group = next(g for g in ("rank", "hrank", "prank") if described.group(g))
        # (the seventeenth round's opening sentence: its name opens the next sentence)
        pieces = (
            [sents[i + 1]] if group == "rank" else _lines_after(text, sents, i, described.end())
        )
        found = [(piece, named) for piece in pieces if (named := _NAME_OPENS.match(piece.text))]
        if not found:
            return []
        after, named = found[0]
        if (
            named.group("verb") not in ("was", "is", "had", "has")
            and not named.group("age")
            and not _HEARING_FOUND_IT.search(after.text)
            # ... or the text calls them by title and surname later ("Mr Bloggs was accused of
            # breaching the standards"; thirtieth round), a verb in the past tense
            and not (
                named.group("verb").endswith("ed")
                and re.search(
                    rf"\b(?:Mr|Mrs|Ms|Miss)\.?\s+{re.escape(named.group('name').split()[-1])}\b"
                    r"[^.;\n]{0,60}?\b(?:accused|alleged|found|admitted|denied|faced|breached)\b",
                    text,
                )
            )
        ):
            return []
        if group == "prank" and not _SUBJECT.search(after.text):
            return []
        name = named.group("name")
        surname = name.split()[-1]
        if name.split()[0] in _NOT_NAMES or _printed(text, surname) < 2:
            return []
        start = after.start + named.start("name")
        mention = Piece(start, start + len(name), name)
        printed_rank = described.group(group)
        rank = rank_code(printed_rank)
        rank_span = (
            Piece(
                sents[i].start + described.start(group),
                sents[i].start + described.end(group),
                printed_rank,
            )
            if rank
            else None
        )
        officer = Officer(surname, name, rank, rank_span, name, mentions=[mention])
        former = _FORMER_WORD.search(described.group())
        if former is not None:
            # "Former Kent Police officer barred ...": the officer described is former
            # (twenty-third round)
            at = sents[i].start + described.start() + former.start()
            officer.former = True
            officer.former_span = Piece(at, at + len(former.group()), former.group())
        return [officer]
    return []


_AddArgs = tuple[str, str | None, Piece | None, int, int, Piece | None, str]
_SPECIAL_BEFORE = re.compile(r"\b[Ss]pecial\s+(?:[Pp]olice\s+)?$")
# "A volunteer police officer has been sacked ... Sgt Jo Bloggs": the text's one officer, told in
# its opening as a volunteer, holds a grade of the special constabulary (thirty-second round)
_VOLUNTEER_LEAD = re.compile(
    r"\A[^\n]*\n?(?:[^\n]*\n){0,4}?[^\n]*\b[Aa]\s+volunteer\s+(?:police\s+)?officer\b"
)
_ANOTHER_OFFICER = re.compile(r"\b(?:officers|colleagues?|two|three|second|both)\b", re.I)
_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+(?:(?:former|ex-)\s*)?(?:[A-Z][\w.]*\s+){0,3}")


# "who have been named only as PC ...", "identified as former PC ...": the text naming its officers
_NAMED_AS = re.compile(
    r"\b(?:named|identified)\s+(?:only\s+|publicly\s+|locally\s+)?as\s+(?:(?:former|ex-)\s*)?"
    r"(?:[\w.'’-]+,?\s+){0,5}$",
    re.I,
)


# the chair or a member of the panel, named: "chaired by Superintendent Jane Foley", "Chair: Chief
# Inspector Steven Rowe", "Panel members: Superintendent Gareth Moss; ..." (forty-second round)
_PANEL_NAMED = re.compile(
    r"(?:\b(?:chaired|led|conducted|presided\s+over)\s+by|\bChair(?:person|man|woman)?\s*:|"
    r"\bPanel\s+members?\s*:)\s*(?:the\s+)?(?:(?i:chief|deputy|assistant|detective|det|acting)\s+)*"
    r"(?:(?i:superintendent|supt|inspector|insp|commander|constable|commissioner|sergeant|sgt|"
    r"chief\s+officer|acc|dcc)\.?\s+)?(?P<name>" + _FULL_NAME + r")"
)


def _find_officers(text: str, *, lenient: bool) -> list[Officer]:
    by_key: dict[str, Officer] = {}
    order: list[str] = []
    sents = sentences(text)
    # names set aside because their sentence tells nothing of a result (key, start, end, the
    # arguments of add), for the names joined to an officer's below
    aside: list[tuple[str, int, int, _AddArgs]] = []
    specials: set[str] = set()  # officers named with a grade of the special constabulary
    chairs = {
        re.sub(r"[’']s?$", "", m.group("name").split()[-1]).replace("’", "'")
        for m in _PANEL_NAMED.finditer(text)
    }

    def sentence_at(pos: int) -> str:
        for s in sents:
            if s.start <= pos < s.end:
                return s.text
        return ""

    def next_sentence(pos: int) -> str:
        for s, after in pairwise(sents):
            if s.start <= pos < s.end:
                return after.text
        return ""

    def add(
        name: str,
        rank: str | None,
        rank_span: Piece | None,
        start: int,
        end: int,
        former: Piece | None,
        label: str,
        full_key: bool = False,
        joined: bool = False,
        special: bool = False,
    ) -> None:
        words = name.split()
        if words[0] in _NOT_NAMES or (len(words) == 1 and len(name) > 1 and name.isupper()):
            return
        if all(w.lower() in _RANK_WORDS for w in words):
            # "a Detective Chief Inspector, a Detective Inspector": a rank, not a name (30/11/2026,
            # tenth round)
            return
        while words and words[-1] in _NOT_NAMES:
            words.pop()
        if words:
            words[-1] = re.sub(r"[’']s?$", "", words[-1])  # "Reid's" is Reid
        if not words or (rank is None and _names_a_force(" ".join(words))):
            # "chosen by Humberside Police as the officer ...": a force, not an officer named
            # without a rank (twenty-seventh round)
            return
        key = re.sub(r"[’']s?$", "", words[-1])
        if full_key:
            key = " ".join(words)
        key = key.replace("’", "'")  # "O’Neill" and "O'Neill" are one surname (forty-second round)
        sent = sentence_at(start)
        # "the officers - who have been named only as PC Lee-Green and PC Hussain - said ...": the
        # text names its officers so, though they speak (forty-fourth round)
        before = text[max(0, (rank_span.start if rank_span else start) - 40) : start]
        named_as = bool(_NAMED_AS.search(before))
        other = not named_as and bool(
            _NOT_SUBJECT_BEFORE.search(text[max(0, start - 60) : start])
            or _NOT_SUBJECT_AFTER.search(text[end : end + 100])
            # the surname of one the text names as the chair or a member of the panel ("chaired by
            # Superintendent Jane Foley ... Superintendent Foley found that he had breached";
            # forty-second round)
            or key in chairs
        )
        if other:
            return
        subject = (
            bool(_SUBJECT.search(sent))
            or lenient
            or joined
            # "Acting Sergeant Ben Hart, her supervisor, was told ... but took no action. The panel
            # found he had breached ...": the sentence after tells the named one's result by a
            # pronoun (forty-first round)
            or (
                not re.search(r"\bsaid\b", sent)
                and bool(_PRONOUN_RESULT.match(next_sentence(start)))
            )
            or named_as
        )
        officer = by_key.get(key)
        if officer is None:
            if not subject:
                aside.append((key, start, end, (name, rank, rank_span, start, end, former, label)))
                return
            if name != " ".join(words):
                label = label.replace(name, " ".join(words))
            officer = Officer(
                key,
                label,
                rank,
                rank_span,
                # "Officer A"; "PC One" and "PC Two", officers the text calls by number
                # (nineteenth round): a cipher, not a name
                None
                if len(key) == 1 or (len(words) == 1 and key.lower() in NUMBERS)
                else " ".join(words),
            )
            by_key[key] = officer
            order.append(key)
        elif officer.name and len(key) > 1 and len(words) > len(officer.name.split()):
            officer.label = officer.label.replace(officer.name, " ".join(words))
            officer.name = " ".join(words)
        if special:
            specials.add(key)
        if officer.rank is None and rank and key not in specials:
            officer.rank, officer.rank_span = rank, rank_span
        if former and not officer.former:
            officer.former, officer.former_span = True, former
        officer.mentions.append(Piece(start, end, text[start:end]))

    for m in _ranked(text):
        code = rank_code(m.group("rank"))
        if code is None or code in _CHIEF_CODES:
            continue
        rank_span: Piece | None = Piece(m.start("rank"), m.end("rank"), m.group("rank"))
        special = code != "constable" and (
            bool(_SPECIAL_BEFORE.search(text, max(0, m.start() - 20), m.start()))
            or (
                bool(_VOLUNTEER_LEAD.search(text))
                and not _ANOTHER_OFFICER.search(text[: m.start()])
            )
        )
        if special:
            # "Special Police Sgt Jo Bloggs": a grade of the special constabulary, which has no
            # code in the vocabulary; the officer is read, the rank left out (held-out 6's and
            # 9's practice; nineteenth round)
            code, rank_span = None, None
        former = _group(m, "former") or _former_of_force(text, m.start())
        names = [
            n
            for i, n in enumerate(_names(m.group("names")))
            if not _names_a_force(n) or (i == 0 and _surname_after_rank(n))
        ]
        # After one rank, a list is several officers only when it reads as one ("PCs A, B and C",
        # "PC A, B and C"); "PC Ann Bell, Essex Police" is one officer and the force.
        if (
            len(names) > 1
            and not _PLURAL_RANKS.match(m.group("rank"))
            and not ("," in m.group("names") and re.search(r"\sand\s", m.group("names")))
        ):
            # "former inspector Ann Bell, Sgt Tom Pike": a later part of the list printed with a
            # rank of its own is another officer, though no "and" closes the list (eighteenth round)
            names = names[:1] + [n for n in names[1:] if _own_rank(n)]
        pos = m.start("names")
        for n in names:
            at = text.find(n, pos)
            printed = "PC" if _PLURAL_RANKS.match(m.group("rank")) else m.group("rank")
            own_code, own_span = code, rank_span
            words = n.split()
            if len(words) > 2 and at >= 0 and (own := rank_code(words[0])) is not None:
                # "Sergeant A B, Sergeant C D, PC E F": each name of the list printed with its
                # own rank, which is that officer's, not the first's (fourteenth round)
                own_code, own_span, printed = own, Piece(at, at + len(words[0]), words[0]), words[0]
                at += len(words[0]) + 1
                n = " ".join(words[1:])
                if at - len(words[0]) - 1 > m.start("names"):
                    # "former" before the list is the first name's (eighteenth round)
                    former = None
            label = f"{printed} {n}" if at >= 0 else n
            add(
                n,
                own_code,
                own_span,
                at if at >= 0 else m.start(),
                (at + len(n)) if at >= 0 else m.end(),
                former,
                label,
                special=special and own_code is None,
            )
            pos = max(pos, at + len(n))
    for m in [
        *_NAME_THEN_RANK.finditer(text),
        *_NAME_WORKED_AS.finditer(text),
        *_NAME_WHO_WAS.finditer(text),
        *_RANK_APPOSITION.finditer(text),
    ]:
        code = rank_code(m.group("rank"))
        if code is None or code in _CHIEF_CODES:
            continue
        former = _group(m, "former")
        rank_span = Piece(m.start("rank"), m.end("rank"), m.group("rank"))
        add(
            m.group("names"),
            code,
            rank_span,
            m.start("names"),
            m.end("names"),
            former,
            m.group("names"),
        )
    for m in _PLURAL_LISTED.finditer(text):
        singular = re.sub(r"s$", "", m.group("rank").lower())
        code = rank_code(singular) if not singular.endswith("officer") else None
        listed_span: Piece | None = (
            Piece(m.start("rank"), m.end("rank"), m.group("rank")) if code else None
        )
        former = _group(m, "former")
        names = [re.sub(r"^and\s+", "", n) for n in _names(m.group("names"))]
        names = [n for n in names if not _names_a_force(n)]
        surnames = [n.split()[-1] for n in names]
        pos = m.start("names")
        for n in names:
            at = text.find(n, pos)
            # Two of the list sharing a surname ("Ann Bell and Tom Bell") are two officers, kept
            # apart by their full names.
            shared = surnames.count(n.split()[-1]) > 1
            add(n, code, listed_span, at, at + len(n), former, n, full_key=shared)
            pos = at + len(n)

    def add_named(m: re.Match[str], former: Piece | None, label: str) -> None:
        """The officer a match's whole ``names`` group names, with no rank printed."""
        add(m.group("names"), None, None, m.start("names"), m.end("names"), former, label)

    colleagues = {
        m.group("names")
        for m in _LETTERED.finditer(text)
        if _COLLEAGUE_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
    }
    for m in _LETTERED.finditer(text):
        if m.group("names") in colleagues:
            continue
        add_named(m, _group(m, "former"), f"Officer {m.group('names')}")
    for pattern in (
        _NAME_AGE_OF_FORCE,
        _FELLOW_OFFICER,
        _POLICE_OFFICER_NAMED,
        _NAME_DISMISSAL,
        _NAME_SERVED_FORCE,
        _NAME_SUBJECT_OF_HEARING,
        _NAME_WHO_SERVED,
        _DETECTIVE_NAMED,
    ):
        for m in pattern.finditer(text):
            add_named(m, None, m.group("names"))
    for m in [*_NAME_AN_OFFICER.finditer(text), *_COP_NAMED.finditer(text)]:
        add_named(m, _group(m, "former"), m.group("names"))
    for m in _FORCE_OFFICER_NAMED.finditer(text):
        force = m.group("force")
        if force == "Met" or _names_a_force(force):
            add_named(m, _group(m, "former"), m.group("names"))
    for m in _STUDENT_OFFICER_NAMED.finditer(text):
        add(
            m.group("names"),
            "constable",
            Piece(m.start("rank"), m.end("rank"), m.group("rank")),
            m.start("names"),
            m.end("names"),
            None,
            m.group("names"),
        )
    for m in _FOUND_SURNAME.finditer(text):
        surname = m.group("names")
        if not _names_a_force(surname) and re.search(
            rf"\b{_NAME_WORD}[ \t]+{re.escape(surname)}\b", text
        ):
            add_named(m, None, surname)
    for m in [
        *_FOUND_NAMED.finditer(text),
        *_PART_NAMED.finditer(text),
        *_OTHERS_NAMED.finditer(text),
        *_NAMES_OF_FORCE.finditer(text),
        *_OFFICERS_ARE.finditer(text),
    ]:
        pos = m.start("names")
        for n in _names(m.group("names")):
            at = text.find(n, pos)
            add(n, None, None, at, at + len(n), None, n)
            pos = at + len(n)
    for m in _FORMER_NAMED.finditer(text):
        add_named(m, _group(m, "former"), m.group("names"))
    # "PC Ann Bell and PC Tom Pike were driving ... PC Pike was found to have ...": officers named
    # together, joined by "and", are the text's officers together; the one whose result the text
    # tells brings in the other, whose own sentences tell none (nineteenth round)
    for (k1, _, e1, a1), (k2, s2, _, a2) in pairwise(sorted(aside, key=lambda a: a[1])):
        if sentence_at(e1) != sentence_at(s2) or not _JOINED.fullmatch(text[e1:s2]):
            continue
        if (k1 in by_key) != (k2 in by_key):
            # both mentions are kept: the one already an officer gives its full name
            add(*a1, joined=True)
            add(*a2, joined=True)
    for key, _, _, args in aside:
        # "Plebgate police officer Jo Bloggs sacked ... PC Bloggs sent an email": the rank of a
        # mention set aside (its sentence tells no result) is the rank of the officer its surname
        # names, where no other gives one (twentieth round)
        known = by_key.get(key)
        if known is not None and known.rank is None and args[1] is not None:
            known.rank, known.rank_span = args[1], args[2]
    order = _merge_dropped_s(text, by_key, order)
    officers = [by_key[k] for k in order]
    # (named by the surname alone too: "PC Hession ... The female colleague, who was referred to
    # as Officer A": a cipher a witness was given is no second officer; twenty-first round)
    named = [o for o in officers if o.name]
    if len(named) == 1:
        # a cipher the one named officer was "referred to as" is that officer (twentieth round)
        # (at any of its mentions, one set aside too: twenty-first round)
        officers = [
            o
            for o in officers
            if o.name
            or not o.mentions
            or not any(
                _ALIAS_BEFORE.search(text[max(0, c.start() - 40) : c.start()])
                for c in re.finditer(rf"(?<![\w’'-]){re.escape(o.key)}(?![\w’'-])", text)
            )
        ]
    if not officers:
        officers = _ciphers(text)
    for m in _FORMER_APPOSITION.finditer(text):
        span = Piece(m.start(), m.end(), m.group())
        for o in officers:
            if not o.former and any(m.start("list") <= p.start < m.end() for p in o.mentions):
                o.former, o.former_span = True, span
    if len(officers) > 1:
        _surname_mentions(text, officers)
    if officers:
        lead = _unnamed_lead(text, sents, officers)
        if lead is not None:
            officers.insert(0, lead)
        for c, m in enumerate(_OTHERS_COUNTED.finditer(text)):
            if _OTHERS_RESULT.search(sentence_at(m.start())):
                mention = Piece(m.start(), m.end(), m.group())
                officers += [
                    Officer(
                        f"+o{c}.{j}",
                        f"other officer ({j + 1})",
                        None,
                        None,
                        None,
                        mentions=[mention],
                    )
                    for j in range(NUMBERS[m.group("n").lower()])
                ]
        if len(officers) == 1:
            officers += _a_colleague(text, sents)
        if len(officers) == 1:
            officers += _the_other(sents)
        for i, m in enumerate(_ANOTHER.finditer(text)):
            if _ANOTHER_OUTCOME.search(sentence_at(m.start())):
                mention = Piece(m.start(), m.end(), m.group())
                officers.append(
                    Officer(
                        f"+{i}", f"another officer ({i + 1})", None, None, None, mentions=[mention]
                    )
                )
        officers += _ranked_beside(text, officers)
    if not officers:
        officers = _ordinal_officers(text, sents)
    if not officers:
        # "the unnamed police constable ... an unnamed detective constable": officers the text
        # does not name, told apart by rank (30/11/2026, issue 15).
        by_rank: dict[str, Officer] = {}
        for u in _UNNAMED_RANKED.finditer(text):
            if u.group("sex"):
                code, group = None, "sex"
                printed = f"{u.group('sex').lower()} officer"
            else:
                code, group = rank_code(u.group("rank")), "rank"
                if code is None:
                    continue
                printed = re.sub(r"\s+", " ", u.group("rank").lower())
            piece = Piece(u.start(group), u.end(group), u.group(group))
            if printed not in by_rank:
                by_rank[printed] = Officer(
                    f"~{printed}",
                    f"the {printed}" if group == "sex" else f"the unnamed {printed}",
                    code,
                    piece if code else None,
                    None,
                    mentions=[],
                )
            by_rank[printed].mentions.append(Piece(u.start(), u.end(), u.group()))
        if len(by_rank) > 1:
            officers = list(by_rank.values())
    cases = list(_CASE_GROUP.finditer(text)) if not officers else []
    if len(cases) > 1:
        for c, m in enumerate(cases):
            k = 1 if m.group("n").lower() in ("a", "an") else NUMBERS[m.group("n").lower()]
            mention = Piece(m.start(), m.end(), m.group())
            for i in range(k):
                label = f"case {c + 1}, officer {i + 1}" if k > 1 else f"case {c + 1}, the officer"
                officers.append(
                    Officer(f"case{c}.{i}", label, None, None, None, mentions=[mention])
                )
    # ... or where the text counts as many officers as ranks so told ("Two ... officers ... a
    # sergeant had committed gross misconduct ... A constable was found to have committed
    # misconduct"; fortieth round)
    counted = stated_count(text) if not officers else None
    if not officers and (_PLAIN_PAIR.search(text) or (counted and 1 < counted[0] <= 4)):
        plain: dict[str, Officer] = {}
        for u in _PLAIN_RANKED.finditer(text):
            code = rank_code(u.group("rank"))
            if code is None or not _SUBJECT.search(sentence_at(u.start())):
                continue
            printed = re.sub(r"\s+", " ", u.group("rank").lower())
            if printed not in plain:
                piece = Piece(u.start("rank"), u.end("rank"), u.group("rank"))
                plain[printed] = Officer(f"~{printed}", f"the {printed}", code, piece, None)
            plain[printed].mentions.append(Piece(u.start(), u.end(), u.group()))
        if len(plain) > 1 and (_PLAIN_PAIR.search(text) or (counted and counted[0] == len(plain))):
            officers = list(plain.values())
    if not officers:
        ones = _unnamed_matches(text)
        one = ones[0] if ones else None
        if one:
            group = next(g for g in ("rank", "rank2", "rank3", "rank4") if one.group(g))
            rank_span = Piece(one.start(group), one.end(group), one.group(group))
            rank = rank_code(rank_span.text)
            if group != "rank" and rank == "constable" and _A_SPECIAL.search(text):
                rank = "special_constable"  # the text calls the officer "a 'Special'"
            officers.append(
                Officer(
                    "",
                    "the officer",
                    rank,
                    rank_span,
                    None,
                    mentions=[rank_span],
                )
            )
    if officers:
        for i, m in enumerate(_LISTED_OFFICER.finditer(text)):
            # "Other disclosures include: :: A Pc was dismissed after ...": an officer an item of
            # a list tells an outcome of, one more unnamed officer (twenty-ninth round)
            code = rank_code(m.group("rank"))
            item = Piece(m.start("item"), m.end("item"), m.group("item"))
            officers.append(
                Officer(
                    f"+l{i}",
                    f"listed officer ({i + 1})",
                    code,
                    Piece(m.start("rank"), m.end("rank"), m.group("rank")) if code else None,
                    None,
                    mentions=[item],
                )
            )
    return officers


_PRONOUN_RESULT = re.compile(
    r"\s*(?:The\s+(?:panel|chair|hearing)\s+(?:found|ruled|decided|concluded)\s+(?:that\s+)?"
    r"(?:he|she)\b|(?:He|She)\s+(?:was|has\s+been|had\s+been)\s+(?:found|given|dismissed|sacked|"
    r"handed|cleared|demoted)\b)"
)
# "... and a sergeant has been cleared", "An allegation that a police sergeant, who was not named,
# breached ... was found not proven": an officer described by a rank no named officer holds, the
# subject of a result, beside the officers the text names (forty-first round)
_A_RANK_RESULT = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:unnamed\s+|third\s+)?(?P<former>former\s+)?"
    # ... "a former Cleveland Police constable, who was not named" (forty-first round)
    r"(?:(?-i:[A-Z])[\w&'’-]*\s+(?:and\s+)?){0,3}?(?:police\s+)?(?P<rank>" + _PLAIN_RANK + r")\b"
    r"(?:\s*,[^,.]{1,60},)?\s+(?:(?:has\s+been|was|had\s+been)\s+(?:\w+ly\s+)?(?:cleared|exonerated|"
    r"dismissed|sacked|given|handed|issued|demoted|found)|would\s+have\s+been\s+(?:dismissed|sacked))\b|"
    r"\ballegations?\s+that\s+(?:an?|the)\s+(?:police\s+)?(?P<rank2>" + _PLAIN_RANK + r")\b"
    r"[^.]{0,160}?\b(?:was|were)\s+(?:found\s+)?not\s+(?:proven|proved)"
)


def _ranked_beside(text: str, officers: list[Officer]) -> list[Officer]:
    """One more officer for each rank that no named officer holds and that the text describes,
    unnamed, as the subject of a result."""
    ranks = {o.rank for o in officers if o.rank}
    if not officers or not ranks:
        return []
    extra: dict[str, Officer] = {}
    for m in _A_RANK_RESULT.finditer(text):
        if LIST_ITEM.match(text, text.rfind("\n", 0, m.start()) + 1):
            continue  # an item of a list of other cases ("Other cases: - A Kent sergeant ...")
        group = "rank" if m.group("rank") else "rank2"
        code = rank_code(m.group(group))
        separate = _SEPARATE_CASE.search(text[max(0, m.start() - 40) : m.start()])
        if code is None or (code in ranks and not separate):
            # (a rank a named officer holds only in a case the text opens as another: "In a
            # separate case, a former Cleveland Police constable ... would have been dismissed")
            continue
        code = f"{code}+" if code in ranks else code
        mention = Piece(m.start(), m.end(), m.group())
        if code not in extra:
            printed = re.sub(r"\s+", " ", m.group(group).lower())
            extra[code] = Officer(
                f"~{printed}{'+' if code.endswith('+') else ''}",
                f"the unnamed {printed}",
                rank_code(m.group(group)),
                Piece(m.start(group), m.end(group), m.group(group)),
                None,
                former=bool(m.group("former")),
                former_span=Piece(m.start("former"), m.end("former"), m.group("former"))
                if m.group("former")
                else None,
                mentions=[],
            )
        extra[code].mentions.append(mention)
    return list(extra.values())


_SEPARATE_CASE = re.compile(
    r"\b(?:In|in)\s+(?:a|another)\s+(?:separate|second|different|unrelated|further)?\s*"
    r"(?:case|matter|hearing)\s*,\s*$"
)


def _one_slip(a: str, b: str) -> bool:
    """Whether two surnames differ only by a last "s" or by one letter doubled ("Edward" and
    "Edwards", "Abruzzese" and "Abbruzzese")."""
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1 or len(short) < 3:
        return False
    if long == short + "s":
        return True
    return any(
        long[:i] + long[i + 1 :] == short and long[i] == long[i - 1] for i in range(1, len(long))
    )


def _merge_dropped_s(text: str, by_key: dict[str, Officer], order: list[str]) -> list[str]:
    """Officers whose surnames differ only by a last "s" or a letter doubled ("PC Edwards ... PC
    Edward received") and whose ranks agree are one officer misspelt (30/11/2026, thirteenth
    round): the later one's mentions go to the first, under the spelling printed more often."""
    kept: list[str] = []
    for key in order:
        officer = by_key[key]
        twin = next(
            (
                k
                for k in kept
                if len(key) > 2
                and len(k) > 2
                and _one_slip(k, key)
                and (
                    by_key[k].rank is None or officer.rank is None or by_key[k].rank == officer.rank
                )
            ),
            None,
        )
        if twin is None:
            kept.append(key)
            continue
        first = by_key[twin]
        first.mentions.extend(officer.mentions)
        if first.rank is None and officer.rank:
            first.rank, first.rank_span = officer.rank, officer.rank_span
        if officer.former and not first.former:
            first.former, first.former_span = True, officer.former_span
        if first.name and officer.name and _printed(text, key) > _printed(text, twin):
            first.label = first.label.replace(first.name, officer.name)
            first.name = officer.name
        del by_key[key]
    return kept


def _printed(text: str, word: str) -> int:
    return len(re.findall(rf"\b{re.escape(word)}\b", text))


_TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+"


_RANK_ABBREVIATIONS = {"PC", "PS", "Sgt", "DC", "DS", "DI", "Insp", "SC", "SPC"}


def _other_name_beside(text: str, start: int, end: int, own: set[str]) -> bool:
    """Whether a bare surname stands in another capitalised name ("Crown Court", "Mr Justice
    Hall", "Hall Lane"): a capitalised word just before it that is not the officer's own name, a
    rank or the first word of a sentence, or a capitalised word just after it."""
    window = text[max(0, start - 40) : start]
    m = re.search(r"([A-Z][\w’'-]*)[ \t]+$", window)
    if m and (m.start() == 0 or not re.match(r"[\w’'-]", window[m.start() - 1])):
        word = m.group(1)
        opening = re.search(r"(?:^|[.!?:\n][\"”’']?)\s*$", text[: max(0, start - 40) + m.start()])
        if (
            not opening
            and word not in own
            and word.lower() not in _RANK_WORDS
            and word not in _RANK_ABBREVIATIONS
        ):
            return True
    return bool(re.match(r"[ \t]+[A-Z][a-z]", text[end : end + 5]))


def _surname_mentions(text: str, officers: list[Officer]) -> None:
    """Officers named again by title and surname alone ("Mr Sims would have been dismissed"), or
    by the surname alone (tenth round): in a text about several officers each such mention is the
    officer's too, so their sentences are told apart (30/11/2026, eighth round)."""
    surnames = {o.key: o for o in officers if o.name and len(o.key) > 1 and o.key[0].isupper()}
    if len(surnames) < 2:
        return
    for key, officer in surnames.items():
        seen = [(m.start, m.end) for m in officer.mentions]
        # "Mr Sims", and (tenth round) the bare surname as news reports print it after the first
        # mention ("Mitchell resigned ... but would have been dismissed"), where no other officer
        # shares it
        pattern = rf"(?:{_TITLE})?(?<![\w’'-])(?P<s>{re.escape(key)})(?![\w-])"
        own = set((officer.name or "").split())
        for m in re.finditer(pattern, text):
            if any(a - 1 <= m.start("s") < b + 1 for a, b in seen):
                continue
            if m.start() == m.start("s") and _other_name_beside(text, m.start(), m.end(), own):
                continue  # "Crown Court", "Mr Justice Hall", "Hall Lane": another name
            officer.mentions.append(Piece(m.start("s"), m.end("s"), m.group("s")))
        officer.mentions.sort(key=lambda p: p.start)


def _unnamed_lead(text: str, sents: list[Piece], named: list[Officer]) -> Officer | None:
    """An unnamed officer the opening sentence is about ("A police sergeant who ... was sacked")
    in a text whose named officers come only after its opening, each of another rank:
    the story's lead is not one of the others told later (30/11/2026, seventh round)."""
    if not sents:
        return None
    first = sents[0]
    one = _UNNAMED.search(first.text)
    if one is None or not _ANOTHER_OUTCOME.search(first.text):
        return None
    group = next(g for g in ("rank", "rank2", "rank3") if one.group(g))
    rank = rank_code(one.group(group))
    opening_end = sents[min(2, len(sents) - 1)].end
    if rank is None or any(
        o.rank == rank or any(p.start < opening_end for p in o.mentions) for o in named
    ):
        return None
    span = Piece(first.start + one.start(group), first.start + one.end(group), one.group(group))
    return Officer("~lead", "the officer", rank, span, None, mentions=[span])


_COUNTED = re.compile(
    r"\b(?P<n>(?i:" + "|".join(NUMBERS) + r"))[ \t]+(?:of[ \t]+the[ \t]+)?"
    # not a length of time before the noun ("for seven minutes before officers became
    # concerned"; eighteenth round)
    r"(?P<who>(?:(?!(?i:seconds|minutes|hours|days|weeks|months|years|times|before|after)\b)"
    r"[\w’'()-]+[ \t]+){0,7}?)"
    # (sergeants and inspectors counted too: "two custody sergeants had a case to answer";
    # twenty-ninth round)
    r"(?i:officers|constables|sergeants|inspectors|PCs|PC’s|PC's)\b"
)


_PREPOSITION_BEFORE = re.compile(r"\b(?:by|from|against|with|among|between)\s+$", re.I)


def after_preposition(text: str, at: int) -> bool:
    """Whether a count at ``at`` follows a preposition ("held down by four officers"): the officers
    counted are not the subject of what the sentence says happened to them (eighteenth round)."""
    return bool(_PREPOSITION_BEFORE.search(text[max(0, at - 12) : at]))


def stated_counts(text: str) -> list[tuple[int, Piece]]:
    """Every number of officers the text states ("six ... officers", "Seven former and serving
    ... officers"), with its span, in order."""
    return [
        (NUMBERS[m.group("n").lower()], Piece(m.start(), m.end(), m.group()))
        for m in _COUNTED.finditer(text)
        # "restrained by four officers": officers counted after a preposition are not those the
        # text reports on (eighteenth round)
        if not after_preposition(text, m.start()) and not in_statistic(text, m.start(), m.end())
    ]


# "Panels dismissed 55 officers without notice, gave 36 final written warnings and four written
# warnings": outcomes counted in tens are many cases', not this text's officers' (thirty-ninth
# round; held-out 33's round-up printed national figures before its one officer's case)
MANY_OUTCOMES = (
    r"\b\d{2,}\s+(?:[\w-]+\s+){0,2}(?:warnings|dismissals|sackings)\b|"
    r"\b(?:dismissed|sacked)\s+\d{2,}\s+(?:[\w-]+\s+){0,2}officers\b"
)
# "The force has sacked seven officers for such conduct since 2018", "Figures from the force show
# five other officers resigned": a count of a force's cases, a statistic
_STATISTIC = re.compile(
    r"\bsince\s+(?:19|20)\d{2}\b|\bin\s+the\s+(?:past|last)\s+(?:\w+\s+)?years\b|"
    r"\bhighest\s+number\b|\bnationally\b|\b[Ff]igures\b|\bstatistics\b|" + MANY_OUTCOMES
)


def in_statistic(text: str, start: int, end: int) -> bool:
    """Whether a count of officers at [start, end) stands in a sentence (or line) that gives a
    statistic of a force's cases, not the officers the text reports on (twenty-ninth round)."""
    before = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    return bool(_STATISTIC.search(text, before, min(stops) if stops else len(text)))


def stated_count(text: str) -> tuple[int, Piece] | None:
    """The largest number of officers the text states, with its span."""
    best: tuple[int, Piece] | None = None
    for n, piece in stated_counts(text):
        if best is None or n > best[0]:
            best = (n, piece)
    return best


# "Ian Jay and Kate Lam, who have both since left the force, would have been dismissed": full names
# opening a sentence that tells a result, with no rank printed (thirty-fifth round)
_NAMES_OPENING = re.compile(
    rf"\s*(?P<former>(?:[Ff]ormer|[Ee]x-?)\s*(?:officers?\s+)?)?"
    rf"(?P<names>{_FULL_NAME}(?:(?:,[ \t]+|[ \t]+and[ \t]+){_FULL_NAME})*)\b(?![ \t]+[A-Z])"
)


# words opening a sentence that are not a first name
_OPENERS = {
    "The",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "Police",
    "Officers",
}


def named_result_subjects(text: str, known: list[Officer]) -> list[Officer]:
    """Officers the text names by full name alone at the opening of a sentence that tells a result
    ("dismissed", "would have been", "gross misconduct"), other than those already known, in
    order; for a text that counts more officers than it names with a rank."""
    keys = {o.key for o in known}
    out: list[Officer] = []
    for s in sentences(text):
        m = _NAMES_OPENING.match(s.text)
        if m is None or not _NAMED_RESULT.search(s.text, m.end()):
            continue
        if _NOT_SUBJECT_AFTER.search(s.text[m.end() : m.end() + 100]):
            continue  # a speaker, a chair
        pos = m.start("names")
        for name in _names(m.group("names")):
            at = s.text.find(name, pos)
            pos = at + len(name)
            words = name.split()
            key = words[-1]
            if (
                key in keys
                or words[0] in _NOT_NAMES
                or words[0].lower() in NUMBERS
                or words[0] in _OPENERS
                or _names_a_force(name)
            ):
                continue
            if any(rank_code(w) is not None for w in words):
                continue
            keys.add(key)
            former = _group(m, "former")
            officer = Officer(key, name, None, None, name)
            if former is not None:
                officer.former = True
                officer.former_span = Piece(
                    s.start + former.start, s.start + former.end, former.text
                )
            officer.mentions.append(Piece(s.start + at, s.start + at + len(name), name))
            out.append(officer)
    return out
