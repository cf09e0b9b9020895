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
# A person's age now: "45-year-old", "Smith, 45,", "aged 45".
_PERSON_AGE = regexcache.compile(
    r"\b(?P<age>\d{1,3})-year-old\b"
    r"|(?<=[A-Za-z]),\s(?P<apposed>\d{1,3}),"
    r"|\baged\s(?P<aged>\d{1,3})\b"
)
# An organisation's age: "its 30th anniversary", "the 25-year-old company".
_ANNIVERSARY = regexcache.compile(
    r"\b(?P<ord>\d{1,3}(?:st|nd|rd|th)|[a-z]+-?(?:first|second|third|[a-z]+th))\s+"
    r"(?:anniversary|birthday)\b(?!\s+of\s+(?!(?:its|their|the\s+\w+['’]s)\s+(?:founding|creation)))",
    re.IGNORECASE,
)
# The age is of another time, or the birth someone else's.
_OTHER_TIME = regexcache.compile(
    r"\b(?:at\s+(?:the\s+age\s+of\s+)?\d|when\s+(?:he|she|they|I|we)\s+(?:was|were)|died|dies|"
    r"death|killed|passed\s+away|at\s+the\s+time|then|until|later|would\s+have\s+been|"
    r"whose|father|mother|son|daughter|husband|wife|parents?|grand\w+|brother|sister|child)\b",
    re.IGNORECASE,
)
_ANY_YEAR = regexcache.compile(r"(?<![\d,.])(?:1[89]\d\d|20\d\d)(?!\d|,\d)")
_OLDEST = 120  # an age beyond this is no person's or a misread figure


@dataclass(frozen=True)
class AgeClaim:
    """An age and the year it counts from, stated in one sentence."""

    span: Span  # the age as written
    age: int
    origin: dt.date | int  # the full birth date, or the year alone
    founded: bool  # a founding, not a birth

    def expected(self, day: dt.date) -> tuple[int, int]:
        """The ages that fit on ``day``: one with a full date, two with a year
        (the birthday may be still to come)."""
        if isinstance(self.origin, dt.date):
            born = self.origin
            age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
            return age, age
        if self.founded:  # an anniversary may be marked early or late in its year
            return day.year - self.origin - 1, day.year - self.origin
        return day.year - self.origin - 1, day.year - self.origin


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
        age = _age_value(age_match, founded)
        if age is None or not 0 < age <= _OLDEST:
            continue
        start, end = age_match.span(_age_group(age_match, founded))
        yield AgeClaim(
            Span(sentence.start + start, sentence.start + end),
            age,
            _origin(origin_match, year),
            founded,
        )


def _age_group(match: re.Match[str], founded: bool) -> str:
    if founded:
        return "ord"
    return next(g for g in ("age", "apposed", "aged") if match.group(g) is not None)


def _age_value(match: re.Match[str], founded: bool) -> int | None:
    if founded:
        return count_value(match.group("ord"))
    return int(match.group(_age_group(match, founded)))


def _origin(match: re.Match[str], year: int) -> dt.date | int:
    groups = match.groupdict()
    month = groups.get("month") or groups.get("month2")
    day = groups.get("day") or groups.get("day2")
    if month and day:
        try:
            return dt.date(year, _MONTHS.index(month.lower()) + 1, int(day))
        except ValueError:
            return year
    return year
