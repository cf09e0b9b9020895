"""Elapsed years stated against now: "20 years after the tsunami", "ten years
since the crash", "the 25th anniversary of the attack", "30 years ago, in 1996".

Each statement names an event; the event's year is looked up where the story
attaches a year to the same noun ("the 2004 tsunami", "the tsunami of 2004",
"the crash in March 2016"). Only statements about the present are taken:
"since", "ago" and anniversaries always are; "N years after" is only when the
sentence says so (now, today, still, is, has ...), because "Five years after
the 1986 disaster, the town was abandoned" tells a past story.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from newslint import regexcache
from newslint.analysis.numbers import parse_number
from newslint.spans import Span

_N = r"(?P<n>\d{1,3}|[A-Za-z]+(?:-[a-z]+)?|a)"
_HEDGE = r"(?:(?P<hedge>more than|over|almost|nearly|about|around|some|just over|just under)\s+)?"
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}
_ORDINAL = r"(?P<ord>\d{1,3}(?:st|nd|rd|th)|[a-z]+-?(?:first|second|third|[a-z]+th))"
_FORMS = (
    regexcache.compile(
        rf"\b{_HEDGE}{_N}[- ]years?\s+(?P<kind>after|since|on\s+from)\s+(?P<event>[^,;.:()]+)",
        re.IGNORECASE,
    ),
    regexcache.compile(rf"\b{_HEDGE}{_N}\s+years\s+(?P<kind>ago)\b", re.IGNORECASE),
    regexcache.compile(
        rf"\b{_N}-year\s+(?P<kind>anniversary)\s+of\s+(?P<event>[^,;.:()]+)", re.IGNORECASE
    ),
    regexcache.compile(
        rf"\b{_ORDINAL}\s+(?P<kind>anniversary)\s+of\s+(?P<event>[^,;.:()]+)", re.IGNORECASE
    ),
)
_STOP = regexcache.compile(
    r"\s+(?:that|which|who|when|where|in|on|at|as|and|but|is|was|has|had|have|are|were|"
    r"to|for|with|by|killed|struck|hit|began|ended|left|took|destroyed)\b",
    re.IGNORECASE,
)
_SKIP_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "his",
        "her",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "first",
        "last",
        "start",
        "end",
        "beginning",
    ]
)
NOW = regexcache.compile(
    r"\b(?:now|today|tonight|still|this\s+(?:week|month|year)|is|are|has|have|remains?|"
    r"marks?|marking|comes?|continues?)\b",
    re.IGNORECASE,
)
PAST = regexcache.compile(r"\b(?:was|were|had|later|went|did|by\s+then|until)\b", re.IGNORECASE)
YEAR = regexcache.compile(r"(?<![\d,.£$€])\b(1[89]\d\d|20\d\d)\b(?!\s*[-–]\s*\d)(?![,.]\d)")


@dataclass(frozen=True)
class Elapsed:
    """ "N years since EVENT" with the year the story gives the event."""

    span: Span  # the stated number of years
    years: int
    hedge: str
    anniversary: bool
    event: str  # the noun the year was found on
    event_year: int
    year_span: Span


def count_value(token: str) -> int | None:
    """A count written as digits, a word or an ordinal: "30th", "twenty-fifth", "a"."""
    token = token.lower()
    if token == "a":
        return 1
    if token[:1].isdigit():
        digits = re.match(r"\d+", token)
        return int(digits.group()) if digits else None
    if token in _ORDINALS:
        return _ORDINALS[token]
    tens, _, unit = token.partition("-")
    if unit in _ORDINALS and parse_number(tens):
        return int(parse_number(tens) or 0) + _ORDINALS[unit]
    value = parse_number(token)
    return int(value) if value is not None else None


def _head(event: str) -> str | None:
    """The event's head noun: the last word before a clause or preposition."""
    cut = _STOP.search(event)
    words = re.findall(r"[A-Za-z][\w'’-]*", event[: cut.start()] if cut else event)
    words = [w for w in words if w.lower() not in _SKIP_WORDS]
    if not words or len(words) > 5:
        return None
    head = words[-1].removesuffix("'s").removesuffix("’s")
    return head if len(head) > 3 else None


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


# Event nouns whose year copy usually gives with the verb: "his death" / "died in 1977".
_VERBS = {
    "death": "died",
    "birth": "born",
    "release": "released",
    "closure": "closed",
    "launch": "launched",
    "opening": "opened",
    "founding": "founded",
    "formation": "formed",
    "election": "elected",
    "disappearance": "disappeared",
    "murder": "murdered",
    "killing": "killed",
}
_MONTH = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+)?"
)


def _verb_years(text: str, head: str, names: set[str]) -> Iterator[tuple[int, Span]]:
    """ "Presley died in 1977" for "his death", when a name of the statement's sentence
    stands within the same sentence as the verb."""
    verb = _VERBS.get(head.lower())
    if verb is None:
        return
    pattern = re.compile(
        rf"\b{verb}\b(?:\s+[\w'’-]+){{0,4}}?\s+(?:in|on)\s+{_MONTH}(?:\d{{1,2}},?\s+)?"
        rf"(?P<y>1[89]\d\d|20\d\d)\b(?![,.]\d)"
    )
    for m in pattern.finditer(text):
        start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()))
        if names & set(re.findall(r"\b[A-Z][a-z]+\b", text[start + 2 : m.start()])):
            yield int(m.group("y")), Span(m.start("y"), m.end("y"))


# A verb right after "<Name> in YEAR": the year is when the named body did something.
_ACT_AFTER = regexcache.compile(
    r",?\s+(?:[a-z]+ly\s+)?(?:[a-z]{2,}ed|struck|won|lost|made|took|gave|began|ran|held|found"
    r"|told|said|became|fell|rose|wrote|sent|chose|broke|drew|met|sought|fought|built)\b"
)


def event_years(
    text: str, head: str, names: AbstractSet[str] = frozenset()
) -> list[tuple[int, Span]]:
    """Years the story attaches to ``head``: "the 2004 tsunami", "tsunami of 2004",
    and for "death", "birth" and the like "died in 1977" beside one of ``names``."""
    stem = re.escape(_stem(head))
    before = re.compile(
        rf"\b(?P<y>1[89]\d\d|20\d\d)(?:'s|’s)?(?:\s+[A-Za-z][\w-]*){{0,3}}?\s+{stem}s?\b",
        re.IGNORECASE,
    )
    after = re.compile(
        rf"\b{stem}s?\s+(?:of|in)\s+(?:(?:January|February|March|April|May|June|July|August|"
        rf"September|October|November|December)\s+)?(?P<y>1[89]\d\d|20\d\d)\b(?![,.]\d)",
        re.IGNORECASE,
    )
    found: list[tuple[int, Span]] = []
    for pattern in (before, after):
        for m in pattern.finditer(text):
            gap = text[m.start() : m.end()]
            if re.search(r"\d{4}\s*[-–]|and\s+\d{4}|\bto\s+\d{4}", gap):
                continue
            if pattern is after and gap[:1].isupper() and _ACT_AFTER.match(text, m.end()):
                # "The Court in 1948 struck down ...": when a named body acted, not
                # its date ("the collapse in 2016 killed nine" dates the collapse).
                continue
            found.append((int(m.group("y")), Span(m.start("y"), m.end("y"))))
    found.extend(_verb_years(text, head, set(names)))
    return found


_CUE = regexcache.compile(r"year|anniversary", re.IGNORECASE)


def statements(text: str, sentence: Span) -> Iterator[tuple[re.Match[str], int, str | None]]:
    """(match, stated years, event head or None for "ago") in one sentence."""
    if not _CUE.search(text, sentence.start, sentence.end):
        return  # the forms below start anywhere; a plain search for their anchor is cheaper
    for form in _FORMS:
        for m in form.finditer(text, sentence.start, sentence.end):
            groups = m.groupdict()
            years = count_value(groups.get("ord") or groups.get("n") or "")
            if not years or years > 200:
                continue
            if m.group("kind").lower() == "ago":
                yield m, years, None
                continue
            head = _head(m.group("event"))
            if head:
                yield m, years, head
