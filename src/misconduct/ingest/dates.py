"""A strict parser for the dates British notices print, with the span each was read from.

It reads "27th February 2024", "Wednesday, 14 January 2021", "30 and 31 August 2023",
"7, 8 & 12 January 2021", "07-11 March 2021", "Oct 2017", "31/01/2023" (day first) and
"July 27, 2022", "July 6-9, 2020", "the 6th day of July 2020" and "10/02/21" (day first, 20YY);
an impossible date such as 31/02/2023 is reported, never corrected.

>>> [d.iso for d in find_dates("Held on 27th February 2024 and 31/02/2023.")]
['2024-02-27']
>>> find_dates("on 31/02/2023")[0:0], impossible_dates("on 31/02/2023")
([], ['31/02/2023'])
>>> [d.iso for d in find_dates("the hearing on 30 and 31 August 2023")]
['2023-08-30']
>>> resolve_year(DayMonth(8, 12, 4, 0, 0, ""), [2019, 2024])  # Friday 8 December
2023
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
# Further days of a range or list before the month: "30 and 31", "7, 8 & 12", "07-11", "19 - 23".
_MORE_DAYS = r"(?:\s*(?:,|and|&|-|–|to)\s*(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?)*"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

_PATTERNS = [
    # 27th February 2024, 30 and 31 August 2023, Wednesday 14 January 2021, 8 December (no year)
    re.compile(
        r"\b"
        + _WEEKDAY
        + r"\(?"
        + _DAY
        + _MORE_DAYS
        + r"(?:\s+day)?\s+(?:of\s+)?"
        + _MONTH
        + r"(?:,?\s+"
        + _YEAR
        + r")?\b",
        re.IGNORECASE,
    ),
    # July 27, 2022; Wednesday, July 27; (November 17); July 6-9, 2020
    re.compile(
        r"\b"
        + _WEEKDAY
        + r"\(?"
        + _MONTH
        + r"\s+"
        + _DAY
        + _MORE_DAYS
        + r"(?:,?\s+"
        + _YEAR
        + r")?\b",
        re.IGNORECASE,
    ),
    # 10/02/2021 or 10.02.2021, day first
    re.compile(r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>(?:19|20)\d{2})\b"),
    # 2021-02-10
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
    # 10/02/21: day first, a two-figure year read as 20YY (slashes only)
    re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{2})\b(?![/.]\d)"),
]
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b", re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    """A full date read from the text (or, with ``precision`` "month"/"year", part of one)."""

    value: date
    start: int
    end: int
    text: str
    precision: str = "day"

    @property
    def iso(self) -> str:
        full = self.value.isoformat()
        return {"day": full, "month": full[:7], "year": full[:4]}[self.precision]


@dataclass(frozen=True)
class DayMonth:
    """A day and month printed without a year ("Friday, 8 December"); weekday is None if absent."""

    day: int
    month: int
    weekday: int | None
    start: int
    end: int
    text: str


_WEEKDAY_BRACKET = re.compile(
    r"\b(" + "|".join(n for n in WEEKDAYS if len(n) > 4) + r"),?\s*\(\s*$", re.I
)


def _month_number(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.lower().rstrip(".")]


def _scan(text: str) -> tuple[list[FoundDate], list[DayMonth], list[str]]:
    found: list[FoundDate] = []
    partial: list[DayMonth] = []
    impossible: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            g = m.groupdict()
            day, month = int(g["day"]), _month_number(g["month"])
            weekday = WEEKDAYS.get((g.get("weekday") or "").lower().rstrip("."))
            if weekday is None and not g.get("year"):
                # "Wednesday (November 17)": the weekday before a bracketed day and month (ninth
                # round)
                before = _WEEKDAY_BRACKET.search(text[max(0, m.start() - 14) : m.start()])
                if before is not None:
                    weekday = WEEKDAYS[before.group(1).lower()]
            taken.append((m.start(), m.end()))
            if not g.get("year"):
                if 1 <= month <= 12 and 1 <= day <= 31:
                    partial.append(DayMonth(day, month, weekday, m.start(), m.end(), m.group()))
                continue
            year = int(g["year"]) + (2000 if len(g["year"]) == 2 else 0)
            try:
                value = date(year, month, day)
            except ValueError:
                impossible.append((m.start(), m.group()))
                continue
            found.append(FoundDate(value, m.start(), m.end(), m.group()))
    for m in _MONTH_YEAR.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        value = date(int(m.group("year")), _month_number(m.group("month")), 1)
        found.append(FoundDate(value, m.start(), m.end(), m.group(), "month"))
    found.sort(key=lambda d: d.start)
    partial.sort(key=lambda d: d.start)
    return found, partial, [text for _, text in sorted(impossible)]


def find_dates(text: str) -> list[FoundDate]:
    """Every valid full or month-and-year date in the text, in order."""
    return _scan(text)[0]


def find_day_months(text: str) -> list[DayMonth]:
    """Days and months printed without a year."""
    return _scan(text)[1]


def impossible_dates(text: str) -> list[str]:
    """Dates as printed that do not exist (31/02/2023)."""
    return _scan(text)[2]


def parse_date(value: str) -> date | None:
    """The one full date a short string holds, or None (also for an impossible date)."""
    dates = [d for d in find_dates(value) if d.precision == "day"]
    return dates[0].value if len(dates) == 1 else None


def year_after(dm: DayMonth, latest: date | None) -> int | None:
    """The first year in which the day and month fall on or after ``latest`` (the latest date a
    text prints), or None without one; a 29 February moves to the next leap year.

    >>> year_after(DayMonth(10, 2, None, 0, 0, ""), date(2024, 5, 7))
    2025
    >>> year_after(DayMonth(27, 6, None, 0, 0, ""), date(2024, 5, 7))
    2024
    """
    if latest is None:
        return None
    for year in range(latest.year, latest.year + 5):
        try:
            if date(year, dm.month, dm.day) >= latest:
                return year
        except ValueError:
            continue
    return None


def year_before(dm: DayMonth, published: date | None) -> int | None:
    """The last year in which the day and month fall on or before ``published`` (the date a page
    was published), or None without one: a report tells of a hearing already held (30/11/2026,
    issue 15: "date 2022-05-09 ... a private hearing on April 21" is 21 April 2022, not 2023).

    >>> year_before(DayMonth(21, 4, None, 0, 0, ""), date(2022, 5, 9))
    2022
    >>> year_before(DayMonth(10, 12, None, 0, 0, ""), date(2024, 5, 7))
    2023
    """
    if published is None:
        return None
    for year in range(published.year, published.year - 5, -1):
        try:
            if date(year, dm.month, dm.day) <= published:
                return year
        except ValueError:
            continue
    return None


_DATELINE = re.compile(
    r"\A\s*(?:date\s+(?P<iso>\d{4}-\d{2}-\d{2})\b|Published:?\s+(?P<text>[^\n]{6,60}))", re.I
)
# A line of its own near the top that says when the page was published, under its headline
# ("PUBLISHED: 15:00 10 September 2020", "Date published: 18 December 2017"; 30/11/2026, sixth
# round).
_PUBLISHED_LINE = re.compile(
    # "Published: 18 December 2017", and "Published 07 Aug 2019" with no colon (sixth round)
    r"^[ \t]*(?:date[ \t]+)?published(?:[ \t]*:[ \t]*|[ \t]+(?=\d))(?P<text>[^\n]{6,60})$",
    re.I | re.M,
)
_PUBLISHED_WITHIN = 400
# A full date alone on a line near the top ("Sep 9, 2022", "Wednesday, December 17, 2025") is the
# page's own date line (30/11/2026, eighth round); used only to give a year to a day and month
# printed without one, never as the hearing date itself.
_DATE_ALONE_LINE = re.compile(
    r"^[ \t]*(?:Date[ \t]*[-–:][ \t]*)?"
    # after a byline: "By Jo Bloggs 7 October 2015", or the writer's name glued to the date by
    # the page's flattening ("Jo Bloggs7 October 2015"; eighteenth round)
    r"(?:By[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,2}[ \t]*[|,•–-]?[ \t]*|"
    r"[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){1,2}(?=\d))?"
    r"(?P<text>(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?)"
    r"[ \t]+(?:19|20)\d{2})(?:,?[ \t]+\d{1,2}[:.]\d{2}[ \t]*(?:[ap]\.?m\.?)?)?"
    # "3 February 2016, 17:16 | Updated: 30 March 2016, 13:50" (ninth round)
    r"(?:[ \t]*\|[ \t]*Updated:?[ \t]+[^\n|]{6,40})?[ \t]*$",
    re.M,
)
# A page that opens with its date and time ("12 February 2024 17:00 Officer dismissed ...") prints
# its date line first (eighth round).
_OPENING_STAMP = re.compile(
    r"\A\s*(?P<text>(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\s+\d{1,2},?)\s+"
    r"(?:19|20)\d{2}),?\s+\d{1,2}[:.]\d{2}\b"
)


def _own_line_match(text: str) -> re.Match[str] | None:
    return _DATE_ALONE_LINE.search(text[:_PUBLISHED_WITHIN]) or _OPENING_STAMP.match(text)


def publication_line(text: str) -> tuple[int, int] | None:
    """Where the page's own publication date is printed (its dateline), or None."""
    m = _DATELINE.match(text)
    if m is not None:
        return m.start(), m.end()
    m = _PUBLISHED_LINE.search(text[:_PUBLISHED_WITHIN])
    return (m.start(), m.end()) if m else None


def own_date_line(text: str) -> tuple[int, int] | None:
    """Where a full date stands alone on a line near the top ("Sep 9, 2022", "Date - 2nd July
    2019", "Thursday, 22nd September 2016, 3:48 pm"), or None: the page's own date line, when it
    was published, not a hearing's (30/11/2026, eighth round)."""
    m = _own_line_match(text)
    return (m.start(), m.end()) if m else None


def publication_date(text: str) -> date | None:
    """The date a page says it was published, when it opens with one ("date 2022-05-09 ...",
    "Published: 10:53 PM April 16, 2021") or prints it on a line of its own under the headline
    ("PUBLISHED: 15:00 10 September 2020"); None otherwise."""
    m = _DATELINE.match(text)
    if m is not None and m.group("iso"):
        return parse_date(m.group("iso"))
    if m is None:
        m = _PUBLISHED_LINE.search(text[:_PUBLISHED_WITHIN])
        if m is None:
            return None
    found = [f for f in find_dates(m.group("text")) if f.precision == "day"]
    return found[0].value if found else None


def printed_publication_date(text: str) -> date | None:
    """The date the page itself prints as its publication date ("Published 9 September 2022"), or
    None. A stored copy's opening "date 2024-10-01" is not printed by the page (it is the search
    tool's record of when the copy was stored), so it gives None here (30/11/2026, eighth round:
    the one hearing-date convention, docs/register-accuracy.md)."""
    m = _DATELINE.match(text)
    if m is not None and m.group("iso"):
        # the stored prefix is skipped; a "Published: ..." straight after it is the page's own
        m = _DATELINE.match(text[m.end() :])
        m = m if m is not None and m.group("text") else None
    if m is None:
        m = _PUBLISHED_LINE.search(text[:_PUBLISHED_WITHIN])
    if m is None:
        m = _own_line_match(text)
    if m is None:
        return None
    found = [f for f in find_dates(m.group("text")) if f.precision == "day"]
    return found[0].value if found else None


def resolve_year(dm: DayMonth, years_in_text: list[int]) -> int | None:
    """The year of a day and month printed with its weekday, if exactly one year near the text's
    latest year fits the weekday; None otherwise (a year is never guessed without that check)."""
    if dm.weekday is None or not years_in_text:
        return None
    latest = max(years_in_text)
    return _one_fitting(dm, (latest - 1, latest, latest + 1))


def _one_fitting(dm: DayMonth, years: Iterable[int]) -> int | None:
    """The one year of ``years`` in which ``dm``'s day and month fall on its weekday, else None
    (none, or more than one)."""
    fits = []
    for year in years:
        try:
            if date(year, dm.month, dm.day).weekday() == dm.weekday:
                fits.append(year)
        except ValueError:
            continue
    return fits[0] if len(fits) == 1 else None


# The years a page prints: any year of four figures, but not the stored copy's "date 2022-11-07"
# prefix, which is the search tool's record, not the page's text (30/11/2026, ninth round).
_STORED_PREFIX = re.compile(r"\A\s*date\s+\d{4}-\d{2}-\d{2}\b", re.I)
_PRINTED_YEAR = re.compile(r"(?<![\d/-])(?:19|20)\d{2}(?![\d/-])")
# The year in a statute's or instrument's title ("the Police (Conduct) Regulations 2012", "the
# Police Act 1996") dates no event of the page (twenty-eighth round).
_TITLE_YEAR_BEFORE = re.compile(r"\b(?:Regulations|Act|Rules|Order|Code)\s+(?:of\s+)?$")


def without_stored_prefix(text: str) -> str:
    """The text with the stored copy's opening "date 2020-03-05" blanked (offsets kept), so that
    what the page prints first is read as the text's start (twenty-seventh round)."""
    prefix = _STORED_PREFIX.match(text)
    return " " * prefix.end() + text[prefix.end() :] if prefix else text


def printed_years(text: str) -> set[int]:
    """Every year the page's own text prints, without the stored copy's "date ..." prefix.

    >>> sorted(printed_years("date 2022-11-07 In 2019 he joined; on 3 May 2021 he was sacked."))
    [2019, 2021]
    >>> sorted(printed_years("under the Police (Conduct) Regulations 2012, in 2017"))
    [2017]
    """
    prefix = _STORED_PREFIX.match(text)
    body = text[prefix.end() :] if prefix else text
    return {
        int(m.group())
        for m in _PRINTED_YEAR.finditer(body)
        if not _TITLE_YEAR_BEFORE.search(body[max(0, m.start() - 20) : m.start()])
    }


def weekday_year(dm: DayMonth, years: set[int]) -> int | None:
    """The year a day and month printed with its weekday takes when exactly one year the page
    prints elsewhere agrees with the weekday, else None (30/11/2026, ninth round: convention (c)
    in docs/register-accuracy.md; no year near them is guessed, only the printed ones are tried).

    >>> weekday_year(DayMonth(4, 11, 4, 0, 0, ""), {2019, 2022})  # Friday 4 November
    2022
    >>> weekday_year(DayMonth(4, 11, 4, 0, 0, ""), {2019, 2021}) is None
    True
    """
    if dm.weekday is None:
        return None
    return _one_fitting(dm, years)
