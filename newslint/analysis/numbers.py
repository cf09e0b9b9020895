"""Figures in prose: "314", "1,200", "2.5 million", "£300m", "seven",
"twenty-one", "a dozen". Shared by the ``numbers.*`` rules.

A small parser instead of a dependency: news copy spells out only small
numbers (AP and BBC style: one to nine, sometimes to ninety-nine), and
the well-known PyPI parsers are unmaintained.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint import regexcache
from newslint.analysis.dates import MONTH_FORMS
from newslint.spans import Span

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
WORD_VALUES.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
WORD_VALUES["dozen"] = 12  # as "a dozen"
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_SUFFIX_SCALES = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000}

_WORD = "|".join(sorted((w for w in WORD_VALUES if w != "dozen"), key=lambda w: (-len(w), w)))
_WORD_NUMBER = rf"(?:{_WORD})(?:-(?:{'|'.join(_UNITS[1:10])}))?|a\s+dozen"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s+(?:hundred|thousand|million|billion|trillion)\b|(?:k|m|bn|tn)\b)?"
NUMBER = regexcache.compile(
    rf"(?P<cur>[$£€])?(?<![\w.,])(?P<num>{_DIGITS}|\b(?i:{_WORD_NUMBER})\b)"
    rf"(?![\w,.]?\d)(?P<scale>{_SCALE})(?P<pct>%|\s+per\s*cent\b|\s+percent\b)?"
)
_HEDGE = regexcache.compile(
    r"\b(?:about|around|almost|nearly|roughly|some|approximately|more than|over|"
    r"fewer than|less than|under|up to|at least|just over|just under|close to|"
    r"an estimated|estimated|upwards of|as many as)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Figure:
    """One number written in the text."""

    span: Span  # currency sign and scale word included
    value: float
    text: str
    money: bool
    percent: bool
    spelled: bool  # written as a word ("seven")
    hedged: bool  # "about 300", "more than 300"

    @property
    def looks_like_year(self) -> bool:
        return (
            not self.money
            and not self.spelled
            and self.text.isdigit()
            and len(self.text) == 4
            and 1800 <= self.value <= 2100
        )


def parse_number(token: str) -> float | None:
    """The value of one number token: "1,200" -> 1200, "twenty-one" -> 21,
    "a dozen" -> 12; None when it is not a number."""
    token = token.strip().lower()
    if not token:
        return None
    if token[0].isdigit():
        try:
            return float(token.replace(",", ""))
        except ValueError:
            return None
    token = re.sub(r"^a\s+", "", token)
    if token in WORD_VALUES:
        return float(WORD_VALUES[token])
    tens, _, unit = token.partition("-")
    # Only "twenty-one" ... "ninety-nine" are compounds.
    if tens in _TENS and unit in _UNITS[1:10]:
        return float(WORD_VALUES[tens] + WORD_VALUES[unit])
    return None


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Every figure in ``text[start:end]``."""
    end = len(text) if end is None else end
    found: list[Figure] = []
    for m in NUMBER.finditer(text, start, end):
        value = parse_number(m.group("num"))
        if value is None or _in_score(text, m.start("num"), m.end("num")):
            continue
        if not m.group("cur") and not m.group("scale") and _day_of_month(text, m, value):
            continue
        if _ORDINAL_SUFFIX.match(text, m.end("num")):
            continue  # "10th Circuit Judge": a rank, not a count
        scale = m.group("scale").strip().lower()
        if scale:
            value *= SCALES.get(scale, 0) or _SUFFIX_SCALES[scale]
        spelled = not m.group("num")[0].isdigit()
        lead = text[max(0, m.start() - 20) : m.start()]
        found.append(
            Figure(
                span=Span(m.start(), m.end("scale")),
                value=value,
                text=m.group("num"),
                money=bool(m.group("cur")),
                percent=bool(m.group("pct")),
                spelled=spelled,
                hedged=bool(_HEDGE.search(lead)),
            )
        )
    return found


# A month, in full or as AP and wire copy shorten it ("Sept. 30", "30 Sept").
_MONTHS = rf"(?:{MONTH_FORMS})\.?"
_MONTH_BEFORE = regexcache.compile(rf"\b{_MONTHS}\s+$", re.IGNORECASE)
_MONTH_AFTER = regexcache.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?!\w)", re.IGNORECASE)


_ORDINAL_SUFFIX = regexcache.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)


def _day_of_month(text: str, m: re.Match[str], value: float) -> bool:
    """ "Sept. 30", "30 September": a date's day, not a figure."""
    if not (1 <= value <= 31 and m.group("num").isdigit()):
        return False
    return bool(
        _MONTH_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
        or _MONTH_AFTER.match(text, m.end("num"), m.end("num") + 16)
    )


def _in_score(text: str, start: int, end: int) -> bool:
    """ "19-13", "8-38", "3-1": a score or a range, not a count."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    return bool(re.fullmatch(r"\d[-–]", before) or re.fullmatch(r"[-–]\d", after))


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
