"""Ages stated beside the year they count from: "Smith, 45, was born in 1960",
"the 30-year-old singer, born in 1975", "the club, founded in 1998, marks
its 30th anniversary".

Both figures stand in one sentence, so they speak of one subject; with the
article date the reader can subtract, and so can we. A sentence that puts the
age at another time ("at 20", "when she was 20", another year, a death) or
hands the birth to someone else ("whose father was born in 1950") is left
alone: the age there need not be counted to the article date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from newslint import regexcache
from newslint.analysis.elapsed import count_value
from newslint.spans import Span

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
# "born in 1960", "born on March 4, 1960", "born 4 March 1960", "(born 1960)".
_BORN = regexcache.compile(
    rf"\bborn\s+(?:(?:in|on)\s+)?(?:(?P<month>{_MONTH})\s+(?:(?P<day>\d{{1,2}}),?\s+)?"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH}),?\s+)?{_YEAR}\b"
)
_FOUNDED = regexcache.compile(
    rf"\b(?:founded|established|formed|launched|set\s+up|opened)\s+in\s+(?:{_MONTH}\s+)?{_YEAR}\b"
)
# A person's age now: "45-year-old", "Smith, 45,", "aged 45", "45 years old", "turned 45".
_PERSON_AGE = regexcache.compile(
    r"\b(?P<age>\d{1,3})-year-old\b"
    r"|(?<=[A-Za-z]),\s(?P<apposed>\d{1,3}),"
    r"|\baged\s(?P<aged>\d{1,3})\b"
    r"|\b(?P<old>\d{1,3})\s+years?\s+old\b"
    r"|\bturn(?:s|ed|ing)\s+(?P<turns>\d{1,3})\b(?![\s-]*(?:%|per|months?\b|weeks?\b|\d))"
    # A baby's age in months: "her 10-month-old daughter", "turning 10 months old".
    r"|\b(?P<months>\d{1,2})[\s-]months?(?:[\s-]old)?\b"
)
_YEAR_GROUPS = ("age", "apposed", "aged", "old", "turns")
# An organisation's age: "its 30th anniversary" ("the 30th anniversary of the war" is
# another event's, unless it is "of its founding").
_ANNIVERSARY = regexcache.compile(
    r"\b(?P<ord>\d{1,3}(?:st|nd|rd|th)|[a-z]+-?(?:first|second|third|[a-z]+th))\s+"
    r"(?:anniversary|birthday)\b(?!\s+of\s+(?!(?:its|their|the\s+\w+['’]s)\s+(?:founding|creation)))",
    re.IGNORECASE,
)
# The age is of another time, or the birth someone else's.
_OTHER_TIME = regexcache.compile(
    r"\b(?:at\s+(?:the\s+age\s+of\s+)?\d|when\s+(?:he|she|they|I|we)\s+(?:was|were)|died|dies|"
    r"death|killed|passed\s+away|at\s+the\s+time|then|until|later|would\s+have\s+been|whose)\b"
    # The birth is a relative's: "her father was born in 1950".
    r"|\b(?:father|mother|son|daughter|husband|wife|parents?|grand\w+|brother|sister|child)"
    r"\s+(?:\w+\s+)?(?:was\s+|were\s+)?born\b",
    re.IGNORECASE,
)
_ANY_YEAR = regexcache.compile(r"(?<![\d,.])(?:1[89]\d\d|20\d\d)(?!\d|,\d)")
_OLDEST = 120  # an age beyond this is no person's or a misread figure


@dataclass(frozen=True)
class AgeClaim:
    """An age and the year it counts from, stated in one sentence."""

    span: Span  # the age as written
    age: int
    year: int  # of the birth or founding
    month: int | None  # 1-12 when given
    day: int | None  # when given with the month
    founded: bool  # a founding, not a birth
    in_months: bool = False  # "10 months old"

    @property
    def origin(self) -> str:
        """The date counted from, as the story gives it."""
        if self.month is None:
            return str(self.year)
        month = _MONTHS[self.month - 1].capitalize()
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"

    def expected(self, day: dt.date) -> tuple[int, int]:
        """The ages that fit on ``day``: one with a full date, two otherwise
        (the birthday, or this month's day of birth, may be still to come)."""
        if self.in_months:
            months = (day.year - self.year) * 12 + day.month - (self.month or 1)
            if self.day is not None:
                months -= day.day < self.day
                return months, months
            return months - 1, months
        if self.month is not None and self.day is not None:
            age = day.year - self.year - ((day.month, day.day) < (self.month, self.day))
            return age, age
        return day.year - self.year - 1, day.year - self.year


def age_claims(text: str, sentence: Span) -> Iterator[AgeClaim]:
    """Each age stated with its birth or founding year in ``sentence``."""
    body = text[sentence.start : sentence.end]
    if "born" not in body and not any(
        w in body for w in ("founded", "established", "formed", "launched", "set up", "opened")
    ):
        return
    if _OTHER_TIME.search(body):
        return
    for origin_pattern, age_pattern, founded in (
        (_BORN, _PERSON_AGE, False),
        (_FOUNDED, _ANNIVERSARY, True),
    ):
        origins = list(origin_pattern.finditer(body))
        ages = list(age_pattern.finditer(body))
        if len(origins) != 1 or len(ages) != 1:
            continue
        origin_match, age_match = origins[0], ages[0]
        year = int(origin_match.group("year"))
        if {int(y.group()) for y in _ANY_YEAR.finditer(body)} != {year}:
            continue  # another year in the sentence: the age may be of that time
        group = _age_group(age_match, founded)
        age = count_value(age_match.group(group)) if founded else int(age_match.group(group))
        if age is None or not 0 < age <= _OLDEST:
            continue
        month, day = _month_day(origin_match)
        in_months = group == "months"
        if in_months and month is None:
            continue  # "born in 2018" and "10 months old": the year cannot settle it
        start, end = age_match.span(group)
        yield AgeClaim(
            Span(sentence.start + start, sentence.start + end),
            age,
            year,
            month,
            day,
            founded,
            in_months,
        )


def _age_group(match: re.Match[str], founded: bool) -> str:
    if founded:
        return "ord"
    return next(g for g in (*_YEAR_GROUPS, "months") if match.group(g) is not None)


def _month_day(match: re.Match[str]) -> tuple[int | None, int | None]:
    """The month and day of a birth or founding date, when the story gives them."""
    groups = match.groupdict()
    name = groups.get("month") or groups.get("month2")
    if not name:
        return None, None
    month = _MONTHS.index(name.lower()) + 1
    day = groups.get("day") or groups.get("day2")
    if day is None:
        return month, None
    try:
        dt.date(int(match.group("year")), month, int(day))
    except ValueError:
        return month, None
    return month, int(day)
