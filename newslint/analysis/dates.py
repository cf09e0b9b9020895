"""Date expressions in prose: "Thursday, February 6, 2026", "Thu 6th Feb",
"on Thursday (Feb. 6)", "32 March". Shared by the ``dates.*`` rules.

Matching is case-sensitive on purpose: month and weekday names are
capitalised in edited copy, and that keeps "may" and "march" (the verbs) out.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from newslint import regexcache
from newslint.analysis.linear import linear
from newslint.document import Document
from newslint.spans import Span

WEEKDAY_NAMES = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
# Abbreviations as written in copy -> weekday index (Monday = 0).
_WEEKDAY_FORMS: dict[str, int] = {}
for _index, _name in enumerate(WEEKDAY_NAMES):
    _WEEKDAY_FORMS[_name] = _index
    _WEEKDAY_FORMS[_name[:3]] = _index
for _form, _index in (("Tues", 1), ("Weds", 2), ("Thur", 3), ("Thurs", 3)):
    _WEEKDAY_FORMS[_form] = _index

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_FORMS: dict[str, int] = {}
for _index, _name in enumerate(MONTH_NAMES, start=1):
    _MONTH_FORMS[_name] = _index
    _MONTH_FORMS[_name[:3]] = _index
_MONTH_FORMS["Sept"] = 9

_WD = "|".join(sorted(_WEEKDAY_FORMS, key=lambda w: (-len(w), w)))
# Month names and their short forms ("Sept"), longest first: an alternation.
MONTH_FORMS = _MO = "|".join(sorted(_MONTH_FORMS, key=lambda w: (-len(w), w)))
# Full names stand alone; abbreviations need their full stop or a following
# space+digit ("Feb 6"), so "Mar" or "Sun" inside other words never match.
_WEEKDAY = rf"(?P<wd>\b(?:{_WD})\b\.?)"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = (
    r"(?:,? (?P<year{n}>(?:1[89]|20)\d\d)(?![\d,.]\d)"
    r"(?!\s*(?:GMT|BST|UTC|CET|ET|EST|EDT|PST|PDT|hrs|h\b|[ap]\.?m\b)))?"
)
# A year must follow on the same line after one space: "1 March  2000 GMT" is a kick-off time.
# Day and month stand on one line: "03:36" ending one line and "July 2011:" opening
# the next are a clip's length and a heading, not 36 July.
_MDY = rf"\b(?P<mon1>{_MO})\b\.?[^\S\n]+(?P<day1>\d{{1,2}}){_ORD}(?![\d:.,]\d)\b{_YEAR.format(n=1)}"
_DMY = (
    rf"(?<![\d.,:$£€])\b(?P<day2>\d{{1,2}}){_ORD}[^\S\n]+(?:of\s+)?(?P<mon2>{_MO})\b\.?"
    rf"{_YEAR.format(n=2)}"
)
_DATE = regexcache.compile(
    rf"(?:{_WEEKDAY}(?P<sep>,?\s+(?:the\s+)?|\s*\(\s*))?(?:{_MDY}|{_DMY})(?P<close>\s*\))?"
)
# A day number followed by a bare number ("March 3 4") is a list or a score.
_TRAILING_NUMBER = regexcache.compile(r"\s*\d")


@dataclass(frozen=True)
class DateMention:
    """One written date, with its weekday when one is attached."""

    span: Span  # the whole expression, weekday included
    date_span: Span  # month, day and year only
    month: int
    day: int
    year: int | None  # as written
    weekday: int | None  # Monday = 0, as written
    weekday_span: Span | None
    weekday_text: str
    dmy: bool  # "6 February" (British order) rather than "February 6"

    def resolved_year(self, article_date: dt.date | None) -> int | None:
        """The written year, else the year that puts the date nearest the article date."""
        if self.year is not None:
            return self.year
        if article_date is None:
            return None
        return nearest_year(self.month, self.day, article_date)

    def as_date(self, article_date: dt.date | None) -> dt.date | None:
        year = self.resolved_year(article_date)
        if year is None:
            return None
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None


def nearest_year(month: int, day: int, article_date: dt.date) -> int | None:
    """Of the article's year and its neighbours, the one that gives a valid date
    nearest the article date ("Dec. 30" in a January story is last year)."""
    best: tuple[int, int] | None = None
    for year in (article_date.year - 1, article_date.year, article_date.year + 1):
        try:
            distance = abs((dt.date(year, month, day) - article_date).days)
        except ValueError:
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def days_in_month(month: int, year: int | None) -> int:
    """Days in ``month``; February has 29 when the year is unknown."""
    if month == 2 and year is None:
        return 29
    return calendar.monthrange(year if year is not None else 2001, month)[1]


# Every date names a month; scanning for one first keeps the full pattern to
# small windows (it is several times slower when tried at every position).
# On RE2: one scan of the story, not a try per month at every position.
_MONTH_HINT = linear(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_BEFORE_MONTH = 40  # "Wednesday (the 6th of " and the like fit well within this
_AFTER_MONTH = 30


def _matches(text: str) -> Iterator[re.Match[str]]:
    window_end = -1
    windows: list[list[int]] = []
    for hint in _MONTH_HINT.finditer(text):
        start, end = max(0, hint.start() - _BEFORE_MONTH), hint.end() + _AFTER_MONTH
        if windows and start <= window_end:
            windows[-1][1] = end
        else:
            windows.append([start, end])
        window_end = end
    last = 0
    for start, end in windows:
        for m in _DATE.finditer(text, max(start, last), min(end, len(text))):
            last = m.end()
            yield m


def find_dates(text: str) -> list[DateMention]:
    """Every date expression in ``text`` (valid or not)."""
    found: list[DateMention] = []
    for m in _matches(text):
        mon = m.group("mon1") or m.group("mon2")
        day_text = m.group("day1") or m.group("day2")
        year_text = m.group("year1") or m.group("year2")
        day = int(day_text)
        if day == 0:
            continue
        dmy = m.group("mon2") is not None
        # "6 Mar" needs its full stop or a year: "6 Mar" alone is too often not a date.
        if (
            dmy
            and mon not in MONTH_NAMES
            and not year_text
            and not text.startswith(".", m.end("mon2"))
        ):
            continue
        if year_text is None and _TRAILING_NUMBER.match(text, m.end()):
            continue
        wd = m.group("wd")
        sep = m.group("sep") or ""
        if wd and (("(" in sep) != bool(m.group("close")) or wd in ("Sun", "Sat")):
            wd = None  # half a bracket, or "The Sun 6 February" (the newspaper)
        weekday: int | None = None
        weekday_span: Span | None = None
        date_start = m.start("day2") if dmy else m.start("mon1")
        date_end = _date_end(m, dmy)
        if wd:
            bare = wd.rstrip(".")
            weekday = _WEEKDAY_FORMS[bare]
            weekday_span = Span(m.start("wd"), m.start("wd") + len(bare))
        start = weekday_span.start if weekday_span else date_start
        found.append(
            DateMention(
                span=Span(start, date_end),
                date_span=Span(date_start, date_end),
                month=_MONTH_FORMS[mon],
                day=day,
                year=int(year_text) if year_text else None,
                weekday=weekday,
                weekday_span=weekday_span,
                weekday_text=wd or "",
                dmy=dmy,
            )
        )
    return found


def _date_end(m: re.Match[str], dmy: bool) -> int:
    year_group = "year2" if dmy else "year1"
    if m.group(year_group):
        return m.end(year_group)
    if dmy:
        return m.end("mon2")
    return m.end("day1") + _ordinal_length(m.string, m.end("day1"))


def _ordinal_length(text: str, index: int) -> int:
    return 2 if text[index : index + 2] in ("st", "nd", "rd", "th") else 0


def date_mentions(doc: Document) -> list[DateMention]:
    """Dates in the document outside code/URLs, computed once per document."""

    def compute(d: Document) -> list[DateMention]:
        return [m for m in find_dates(d.text) if not d.in_skipped(m.span)]

    return doc.analysis("dates.mentions", compute)


def format_date(date: dt.date, dmy: bool) -> str:
    """ "February 6, 2026" or "6 February 2026", following the copy's own order."""
    month = MONTH_NAMES[date.month - 1]
    return f"{date.day} {month} {date.year}" if dmy else f"{month} {date.day}, {date.year}"


def weekday_like(index: int, written: str) -> str:
    """The weekday ``index`` written in the same form as ``written`` ("Thu" -> "Fri")."""
    full = WEEKDAY_NAMES[index]
    bare = written.rstrip(".")
    if bare in WEEKDAY_NAMES:
        return full
    # The longest abbreviation of the right day no longer than the written one.
    for length in range(len(bare), 3, -1):
        if _WEEKDAY_FORMS.get(full[:length]) == index:
            return full[:length]
    return full[:3]
