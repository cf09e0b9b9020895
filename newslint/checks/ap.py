"""AP style (opt-in): the Associated Press Stylebook rules that need logic.

Phrase swaps (``OK``, ``toward``, ``email`` ...) live in rules/ap.toml; this
module holds what needs structure: dates, numerals, percentages, times,
titles, courtesy titles, abbreviations, state names, series and money.
Every rule is off by default (``--extend-select ap``), skips direct
quotations (AP lets quotes stand as spoken) and keeps to the scope AP gives
it: headline style differs (figures for all numbers, ``US`` without periods).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from newslint import regexcache
from newslint.diagnostics import Applicability, Diagnostic, Severity, Suggestion
from newslint.document import Document
from newslint.registry import CheckContext, CheckFunction, Example, RuleMeta, rule
from newslint.spans import Span

SAFE = Applicability.SAFE
UNSAFE = Applicability.UNSAFE
EDITION = "AP Stylebook, 56th edition (2024-2026)"
CURRENT = "AP Stylebook (current)"

# -- shared helpers ------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


def ap_rule(id: str, **kwargs: Any) -> Callable[[CheckFunction], CheckFunction]:
    """``@rule`` for the AP pack: every AP rule is opt-in."""
    return rule(id, default_enabled=False, **kwargs)


def _matches(
    doc: Document,
    pattern: re.Pattern[str],
    scopes: Iterable[str] = ("body",),
    needs: tuple[str, ...] = (),
) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` in the given scopes, outside quotes, code and [sic].

    ``needs``: lowercase substrings one of which any match contains; a document
    with none of them is not scanned (the costly patterns start at every word).
    """
    if needs:
        lower = doc.analysis("ap.lower", lambda d: d.text.lower())
        if not any(n in lower for n in needs):
            return
    wanted = frozenset(scopes)
    for m in pattern.finditer(doc.text):
        span = Span(m.start(), m.end())
        if doc.scope_of(span) not in wanted or doc.in_skipped(span):
            continue
        if any(s.overlaps(span) for s in doc.sic) or doc.in_quotation(span):
            continue
        yield m


def _kept(doc: Document, m: re.Match[str]) -> bool:
    """A match found outside ``_matches``: still skip headlines, quotes, code, [sic]."""
    span = Span(m.start(), m.end())
    if doc.scope_of(span) != "body" or doc.in_skipped(span) or doc.in_quotation(span):
        return False
    return not any(s.overlaps(span) for s in doc.sic)


def _diag(
    meta: RuleMeta,
    start: int,
    end: int,
    message: str,
    replacement: str | None = None,
    applicability: Applicability = SAFE,
) -> Diagnostic:
    suggestions = () if replacement is None else (Suggestion(replacement, applicability),)
    return Diagnostic(meta.id, message, start, end, meta.severity, suggestions=suggestions)


_OPENERS = " \t\xa0\"“‘'([*_"
_ABBREV_END = regexcache.compile(
    r"(?:\b(?:No|Nos|St|Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Mt|Ft|vs|Vol|pp?|Jan|Feb|Aug|"
    r"Sept|Oct|Nov|Dec|Inc|Corp|Co|Jr|Sr)|(?:\b[A-Za-z]\.)+[A-Za-z])\.$"
)


def _sentence_start(text: str, index: int) -> bool:
    """True when ``index`` begins a sentence (paragraph start, after . ! ? or a dateline dash)."""
    j = index
    while j > 0 and text[j - 1] in _OPENERS:
        j -= 1
    if j == 0 or text[j - 1] == "\n":
        return True
    prev = text[j - 1]
    if prev in "!?":
        return True
    if prev in "—–":
        line_start = text.rfind("\n", 0, j) + 1
        head = text[line_start : j - 1].strip()
        return bool(head) and head.upper() == head  # "WASHINGTON —"
    if prev == ".":
        return not _ABBREV_END.search(text[max(0, j - 12) : j])
    return False


def _sentence_period(text: str, end: int) -> bool:
    """True when the period just before ``end`` probably also ends the sentence."""
    rest = text[end : end + 3]
    if not rest or rest[0] == "\n":
        return True
    return bool(re.match(r"\s+[\"“A-Z]", text[end : end + 3])) and not re.match(
        r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", text[end : end + 12]
    )


ONES = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
TENS = _words("_ _ twenty thirty forty fifty sixty seventy eighty ninety")
_NUMBER_WORDS = {w: i for i, w in enumerate(ONES)}
_NUMBER_WORDS.update({w: 10 * i for i, w in enumerate(TENS) if i >= 2})


def number_words(n: int) -> str:
    """``7`` -> ``seven``, ``48`` -> ``forty-eight`` (0-99)."""
    if n < 20:
        return ONES[n]
    tens, ones = divmod(n, 10)
    return TENS[tens] + (f"-{ONES[ones]}" if ones else "")


def words_number(words: str) -> int | None:
    """``forty-eight`` -> 48; None when it is not a number from 0 to 99."""
    parts = words.lower().split("-")
    if len(parts) == 1:
        return _NUMBER_WORDS.get(parts[0])
    if len(parts) == 2 and parts[0] in TENS[2:] and parts[1] in ONES[1:10]:
        return _NUMBER_WORDS[parts[0]] + _NUMBER_WORDS[parts[1]]
    return None


_WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)


def _capitalize_like(word: str, model: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


# -- dates -----------------------------------------------------------------------

MONTHS = _words(
    "January February March April May June July August September October November December"
)
AP_ABBREV = {
    "January": "Jan.",
    "February": "Feb.",
    "August": "Aug.",
    "September": "Sept.",
    "October": "Oct.",
    "November": "Nov.",
    "December": "Dec.",
}
_SHORT = {m[:3]: m for m in MONTHS} | {"Sept": "September"}
_MONTH_NAME = "|".join(MONTHS)
_MONTH_TOKEN = rf"(?:{_MONTH_NAME}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_MONTH_DAY = regexcache.compile(
    rf"\b({_MONTH_TOKEN})(?=\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?![:.,]\d))"
)


def _full_month(token: str) -> str:
    word = token.rstrip(".")
    return word if word in MONTHS else _SHORT[word]


@ap_rule(
    "ap.month-abbreviation",
    summary=(
        "With a specific date, abbreviate Jan., Feb., Aug., Sept., Oct., Nov., Dec.; "
        "spell out March to July."
    ),
    why=(
        f"{EDITION}, 'months': with a specific date, abbreviate only Jan., Feb., Aug., "
        "Sept., Oct., Nov. and Dec.; March, April, May, June and July are never "
        "abbreviated, and September is 'Sept.', not 'Sep.'. Months standing alone or "
        "with a year only are 'ap.month-alone'. The fix is a mechanical swap of the month "
        "word and is safe."
    ),
    severity=Severity.WARNING,
    fix=SAFE,
    examples=[
        Example(
            "The hearing is set for January 6 in Springfield.",
            flagged=True,
            fixed="The hearing is set for Jan. 6 in Springfield.",
        ),
        Example("The hearing is set for Jan. 6 and the vote for March 5.", flagged=False),
    ],
)
def month_abbreviation(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    text = doc.text
    for m in _matches(doc, _MONTH_DAY, ("body", "headline")):
        if not 1 <= int(m.group(2)) <= 31:
            continue
        if re.search(r"\b[Ii]n\s+$", text[max(0, m.start() - 4) : m.start()]) and re.match(
            r"\s+\d+\s+(?!and\b|to\b|or\b|through\b)[a-z]", text[m.end() : m.end() + 12]
        ):
            continue  # "In January 25 people ...": a count, not a day
        token = m.group(1)
        full = _full_month(token)
        wanted = AP_ABBREV.get(full, full)
        if token == wanted:
            continue
        yield _diag(
            meta, m.start(1), m.end(1), f"AP style with a date: '{wanted}', not '{token}'", wanted
        )


_MONTH_ABBR = r"(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
_ALONE_YEAR = regexcache.compile(rf"\b{_MONTH_ABBR}(,?)(?=\s+\d{{4}}\b)")
_ALONE_PREP = regexcache.compile(
    rf"\b(?:in|since|until|till|by|from|through|during|of|last|next|this|early|late|mid-|before|after)\s+{_MONTH_ABBR}(?!,?\s*\d)"
)


@ap_rule(
    "ap.month-alone",
    summary="Spell out a month standing alone or with a year only.",
    why=(
        f"{EDITION}, 'months': spell out the month when it stands alone or with a year "
        "alone ('January 2026', 'in February'); abbreviations are only for specific dates. "
        "A comma between month and year is 'ap.month-year-comma'. Safe fix."
    ),
    severity=Severity.WARNING,
    fix=SAFE,
    examples=[
        Example(
            "Construction began in Jan. 2026.",
            flagged=True,
            fixed="Construction began in January 2026.",
        ),
        Example("Construction began in January 2026 and ended on Feb. 3.", flagged=False),
    ],
)
def month_alone(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _ALONE_YEAR, ("body", "headline")):
        full = _SHORT[m.group(1)]
        yield _diag(
            meta, m.start(), m.end(), f"Spell out the month with a year alone: '{full}'", full
        )
    for m in _matches(doc, _ALONE_PREP, ("body", "headline")):
        full = _SHORT[m.group(1)]
        start = m.start(1)
        replacement = full + "." if _sentence_period(doc.text, m.end()) else full
        yield _diag(
            meta, start, m.end(), f"Spell out a month standing alone: '{full}'", replacement
        )


_MONTH_COMMA_YEAR = regexcache.compile(rf"(?<!\d )\b(?:{_MONTH_NAME}),(?=\s+\d{{4}}\b(?!,\d))")


@ap_rule(
    "ap.month-year-comma",
    summary="No comma between a month and a year with no day ('January 2026').",
    why=(
        f"{EDITION}, 'months': 'When a phrase lists only a month and a year, do not "
        "separate the year with commas.' Dates with a day keep their commas. Safe fix."
    ),
    severity=Severity.WARNING,
    fix=SAFE,
    examples=[
        Example(
            "The plant closed in March, 2024.",
            flagged=True,
            fixed="The plant closed in March 2024.",
        ),
        Example("The plant closed on March 4, 2024, after a fire.", flagged=False),
    ],
)
def month_year_comma(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(
        doc, _MONTH_COMMA_YEAR, ("body", "headline"), ("y,", "h,", "l,", "e,", "t,", "r,")
    ):
        end = m.end()
        yield _diag(meta, end - 1, end, "No comma between month and year", "")


_DATE_ORDINAL = regexcache.compile(rf"\b{_MONTH_TOKEN}\s+\d{{1,2}}(st|nd|rd|th)\b")


@ap_rule(
    "ap.date-ordinal",
    summary="No ordinal suffix in dates: 'Feb. 6', not 'Feb. 6th'.",
    why=(
        f"{EDITION}, 'dates': use cardinal figures for dates ('Feb. 6'), never 'Feb. 6th'. "
        "Ordinals elsewhere ('the 6th Fleet') are not flagged. Removing the suffix is safe."
    ),
    severity=Severity.WARNING,
    fix=SAFE,
    examples=[
        Example("Ballots are due by Feb. 6th.", flagged=True, fixed="Ballots are due by Feb. 6."),
        Example("Ballots are due by Feb. 6.", flagged=False),
    ],
)
def date_ordinal(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _DATE_ORDINAL, ("body", "headline")):
        yield _diag(meta, m.start(1), m.end(1), "No ordinal in a date", "")


_DAY_MONTH = regexcache.compile(
    r"(?<![\d,.$£€])\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b(?:,?\s+(\d{4})\b)?"
)


@ap_rule(
    "ap.date-order",
    summary="Month before day: 'Jan. 6, 2026', not '6 January 2026'.",
    why=(
        f"{EDITION}, 'dates': AP writes month, day, year ('Jan. 6, 2026'). Day-first dates "
        "are British or international style. The fix reorders the date and abbreviates the "
        "month; a date in mid-sentence then also needs a comma after the year, so the fix is "
        "unsafe."
    ),
    severity=Severity.WARNING,
    fix=UNSAFE,
    examples=[
        Example("The election will be held on 6 May 2027.", flagged=True),
        Example("The election will be held on May 6, 2027.", flagged=False),
    ],
)
def date_order(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _DAY_MONTH, ("body", "headline")):
        day = int(m.group(1))
        if not 1 <= day <= 31:
            continue
        month = AP_ABBREV.get(m.group(2), m.group(2))
        fixed = f"{month} {day}" + (f", {m.group(3)}" if m.group(3) else "")
        yield _diag(meta, m.start(), m.end(), f"AP date order: '{fixed}'", fixed, UNSAFE)


_YEAR_NO_COMMA = regexcache.compile(rf"\b{_MONTH_TOKEN}\s+\d{{1,2}},\s+(\d{{4}})(?=\s+[a-z])")


@ap_rule(
    "ap.date-year-comma",
    summary="A full date in mid-sentence needs a comma after the year.",
    why=(
        f"{EDITION}, 'dates': 'When a phrase refers to a month, day and year, set off the "
        "year with commas' ('Feb. 14, 2026, is the target date'). Flagged only when a "
        "lowercase word follows the year directly. Inserting the comma is safe."
    ),
    severity=Severity.WARNING,
    fix=SAFE,
    examples=[
        Example(
            "The deal signed on Feb. 14, 2026 was the largest in a decade.",
            flagged=True,
            fixed="The deal signed on Feb. 14, 2026, was the largest in a decade.",
        ),
        Example("The deal signed on Feb. 14, 2026, was the largest in a decade.", flagged=False),
    ],
)
def date_year_comma(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _YEAR_NO_COMMA):
        year = m.group(1)
        yield _diag(meta, m.start(1), m.end(1), "Set off the year with a comma", year + ",")


# -- numerals --------------------------------------------------------------------

# Countable nouns AP spells out below 10 ("three people"); units, ages, money,
# times and measures take figures and are deliberately absent.
_COUNT_NOUNS = _words(
    "people persons men women children kids boys girls babies adults students pupils "
    "teachers officers soldiers troops workers employees staff residents members players "
    "teams candidates countries nations states cities towns villages schools hospitals "
    "companies firms banks houses homes buildings cars vehicles trucks buses ships boats "
    "planes aircraft times things ways reasons days weeks months years decades games "
    "matches goals seats votes bills councils districts counties stores shops restaurants "
    "churches bridges roads lanes brothers sisters sons daughters friends victims "
    "suspects judges lawyers doctors nurses firefighters journalists reporters officials "
    "ministers senators lawmakers questions issues cases charges counts deaths injuries "
    "proposals options plans projects rounds stages sessions meetings parties groups "
    "families patients survivors passengers occasions attempts others"
)
_NOUN_ALT = "|".join(sorted(_COUNT_NOUNS, key=lambda w: (-len(w), w)))
_SMALL_FIGURE = regexcache.compile(
    rf"(?<![\w.,$£€#/:°+\-–])([1-9])\s+(?:(?:new|more|other|small|large|major|separate|different|"
    rf"young|local|former|senior)\s+)?(?:{_NOUN_ALT})\b(?!\s+(?:old|of age)\b)(?![-–])"
)


@ap_rule(
    "ap.numerals-under-ten",
    summary="Spell out one through nine in body text ('three people').",
    why=(
        f"{EDITION}, 'numerals': spell out whole numbers below 10 and use figures for 10 "
        "and above. Ages, percentages, money, times, dates, dimensions, distances, scores "
        "and votes always take figures, so only counts of ordinary nouns ('5 people', "
        "'3 times') are flagged; headlines are left alone (AP headlines use figures). "
        "The fix spells the number out; it needs an editor's eye, so it is unsafe."
    ),
    severity=Severity.WARNING,
    fix=UNSAFE,
    examples=[
        Example("Firefighters rescued 3 people from the building.", flagged=True),
        Example("Firefighters rescued three people and a 4-year-old.", flagged=False),
    ],
)
def numerals_under_ten(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _SMALL_FIGURE):
        before = doc.text[max(0, m.start() - 12) : m.start()]
        if re.search(r"(?:\d\s*(?:to|or|and|-|–)?|\b(?:aged?|No\.|number|of))\s*$", before):
            continue  # ranges ("5 to 12"), ages, "No. 3", "3 of 12"
        word = number_words(int(m.group(1)))
        if _sentence_start(doc.text, m.start()):
            word = word.capitalize()
        yield _diag(
            meta, m.start(1), m.end(1), f"Spell out numbers below 10: '{word}'", word, UNSAFE
        )


_BIG_WORD = regexcache.compile(
    r"(?<![\w-])((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen)\b(?![-–])(?=\s+(?:[a-z]+\s+)?(?:[a-z]+s|of|people|men|women|children|percent)\b)"
)


@ap_rule(
    "ap.numerals-ten-and-up",
    summary="Use figures for 10 and above in body text ('12 people').",
    why=(
        f"{EDITION}, 'numerals': use figures for 10 and above; spell a number out only at "
        "the start of a sentence. Only lowercase number words before a plural noun or "
        "'of' are flagged, so names ('the Big Ten') and hyphenated casual uses "
        "('twenty-something') stay clean; ages are 'ap.ages'. Unsafe fix."
    ),
    severity=Severity.WARNING,
    fix=UNSAFE,
    examples=[
        Example("The council heard from twelve residents.", flagged=True),
        Example("Twelve residents spoke, and 15 letters were read.", flagged=False),
    ],
)
def numerals_ten_and_up(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _BIG_WORD, needs=("te", "ty", "ve")):
        value = words_number(m.group(1))
        if value is None or _sentence_start(doc.text, m.start()):
            continue
        yield _diag(
            meta, m.start(), m.end(), f"Use figures for 10 and above: '{value}'", str(value), UNSAFE
        )


_START_FIGURE = regexcache.compile(r"(?<![\w.,$£€])(\d{1,3}(?:,\d{3})*|\d+)(?=\s+[a-z])")


@ap_rule(
    "ap.sentence-start-figure",
    summary="Spell out a number that starts a sentence, or recast (years excepted).",
    why=(
        f"{EDITION}, 'numerals': spell out a numeral at the start of a sentence or recast "
        "the sentence; the only exception is a calendar year ('2026 was ...'). A "
        "percentage or a hyphenated age at the start is left alone. The fix (numbers below "
        "100 only) is unsafe: recasting is often better."
    ),
    severity=Severity.WARNING,
    fix=UNSAFE,
    examples=[
        Example("The march drew a crowd. 48 people were arrested.", flagged=True),
        Example("The march drew a crowd. Police arrested 48 people.", flagged=False),
    ],
)
def sentence_start_figure(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _START_FIGURE):
        digits = m.group(1)
        if re.fullmatch(r"1\d{3}|20\d{2}", digits) or not _sentence_start(doc.text, m.start()):
            continue
        if re.match(r"\s+(?:percent|per cent)\b", doc.text[m.end() : m.end() + 10]):
            continue
        value = int(digits.replace(",", ""))
        fix = number_words(value).capitalize() if value < 100 else None
        yield _diag(
            meta,
            m.start(),
            m.end(),
            "Spell out a number at the start of a sentence, or recast",
            fix,
            UNSAFE,
        )


# -- percent ---------------------------------------------------------------------

_PERCENT = regexcache.compile(
    rf"(?<![\w.,])(\d+(?:\.\d+)?|{_WORD_NUMBER})(?:\s+|-)(?:percent|per\s+cent|per-cent|pct\.?)(?![\w-])",
    re.IGNORECASE,
)


@ap_rule(
    "ap.percent-sign",
    summary="Use figures and the % sign: '5%', not '5 percent' or 'five percent'.",
    why=(
        "AP Stylebook, since the 2019 edition (current in the 56th, 2024-2026): use the % "
        "sign with figures ('5%'), not 'percent' or 'per cent', and figures even below 10. "
        "At the start of a sentence a spelled-out number is left alone; 'percentage points' "
        "is not flagged. Figures: safe fix; number words: unsafe."
    ),
    severity=Severity.WARNING,
    fix=SAFE,
    examples=[
        Example("Sales rose 5 percent in March.", flagged=True, fixed="Sales rose 5% in March."),
        Example("Sales rose 5% in March, or 2 percentage points more.", flagged=False),
    ],
)
def percent_sign(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _PERCENT, ("body", "headline"), ("per", "pct")):
        number = m.group(1)
        if number[0].isdigit():
            yield _diag(meta, m.start(), m.end(), f"AP style: '{number}%'", f"{number}%")
            continue
        value = words_number(number)
        if value is None or _sentence_start(doc.text, m.start()):
            continue
        if re.search(
            r"\b(?:point|hundred|[a-z]+ty)\s+$", doc.text[max(0, m.start() - 10) : m.start()]
        ):
            continue  # "one point three", "Fifty nine": part of a longer number
        yield _diag(meta, m.start(), m.end(), f"AP style: '{value}%'", f"{value}%", UNSAFE)


_PER_CENT = regexcache.compile(r"\b(?:per\s+cent|per-cent)\b", re.IGNORECASE)


@ap_rule(
    "ap.percent-one-word",
    summary="'percent' is one word.",
    why=(
        f"{EDITION}, 'percent': one word. With a figure use the % sign "
        "('ap.percent-sign' flags those); this rule covers the word on its own "
        "('a fraction of a per cent'). Safe fix."
    ),
    severity=Severity.WARNING,
    fix=SAFE,
    examples=[
        Example(
            "Turnout fell by a fraction of a per cent.",
            flagged=True,
            fixed="Turnout fell by a fraction of a percent.",
        ),
        Example("Turnout fell by a fraction of a percent.", flagged=False),
    ],
)
def percent_one_word(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    covered = [Span(m.start(), m.end()) for m in _PERCENT.finditer(doc.text)]
    for m in _matches(doc, _PER_CENT, ("body", "headline")):
        span = Span(m.start(), m.end())
        if any(c.overlaps(span) for c in covered):
            continue
        yield _diag(
            meta, m.start(), m.end(), "Use 'percent'", _capitalize_like("percent", m.group())
        )


# -- times -----------------------------------------------------------------------

_TIME = regexcache.compile(
    r"(?<![\w.:$£€])(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\b\.?(?![\w])", re.IGNORECASE
)
_TWELVE_WORD = regexcache.compile(r"(?<![\w.:$£€])12(?::00)?\s+(noon|midnight)\b", re.IGNORECASE)


@ap_rule(
    "ap.time-format",
    summary="Times as '10 a.m.', '3:30 p.m.': lowercase with periods, no ':00'.",
    why=(
        f"{EDITION}, 'time of day' and 'a.m., p.m.': lowercase with periods, a space after "
        "the figure, and no ':00' for the hour ('10 a.m.', not '10 AM', '10am' or "
        "'10:00 a.m.'). Noon and midnight are 'ap.noon-midnight'. Safe fix."
    ),
    severity=Severity.WARNING,
    fix=SAFE,
    examples=[
        Example(
            "Polls open at 7AM and close at 8:00 p.m.",
            flagged=True,
            fixed="Polls open at 7 a.m. and close at 8 p.m.",
        ),
        Example("Polls open at 7 a.m. and close at 8:30 p.m.", flagged=False),
    ],
)
def time_format(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _TIME, ("body", "headline")):
        hour, minutes, half = int(m.group(1)), m.group(2), m.group(3).lower()
        if not 1 <= hour <= 12 or (hour == 12 and minutes in (None, "00")):
            continue
        wanted = f"{hour}" + (f":{minutes}" if minutes and minutes != "00" else "") + f" {half}.m."
        if m.group() != wanted:
            yield _diag(meta, m.start(), m.end(), f"AP style: '{wanted}'", wanted)


@ap_rule(
    "ap.noon-midnight",
    summary="Use 'noon' and 'midnight', not '12 p.m.', '12 a.m.' or '12 noon'.",
    why=(
        f"{EDITION}, 'noon' and 'midnight': use the words, not '12 noon', '12 midnight', "
        "'12 p.m.' or '12 a.m.'. The fix is safe unless a period after '12 p.m.' may also "
        "end the sentence, when it is unsafe."
    ),
    severity=Severity.WARNING,
    fix=SAFE,
    examples=[
        Example(
            "The deadline is 12 p.m. on Friday.",
            flagged=True,
            fixed="The deadline is noon on Friday.",
        ),
        Example("The deadline is noon on Friday; the count starts at midnight.", flagged=False),
    ],
)
def noon_midnight(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _TIME, ("body", "headline")):
        if int(m.group(1)) != 12 or m.group(2) not in (None, "00"):
            continue
        word = "noon" if m.group(3).lower() == "p" else "midnight"
        word = word.capitalize() if _sentence_start(doc.text, m.start()) else word
        applicability = SAFE
        if m.group().endswith(".") and _sentence_period(doc.text, m.end()):
            word, applicability = word + ".", UNSAFE
        yield _diag(
            meta, m.start(), m.end(), f"AP style: '{word.rstrip('.')}'", word, applicability
        )
    for m in _matches(doc, _TWELVE_WORD, ("body", "headline")):
        word = m.group(1)
        yield _diag(meta, m.start(), m.end(), f"AP style: '{word}', not '{m.group()}'", word)


# -- people ----------------------------------------------------------------------

_COURTESY = regexcache.compile(r"\b(Mr|Mrs|Ms|Miss|Messrs)\.?\s+(?=[A-Z][a-z])")
_PAGEANTS = regexcache.compile(
    r"(?:America|Universe|World|USA|Teen|Earth|International|England|Scotland|Wales|Ireland)\b"
)


@ap_rule(
    "ap.courtesy-titles",
    summary="No courtesy titles (Mr., Mrs., Ms., Miss) before a name in body text.",
    why=(
        f"{EDITION}, 'courtesy titles': do not use Mr., Mrs., Ms. or Miss; use the full "
        "name on first reference and the surname after. Direct quotations are left as "
        "spoken, and pageant titles ('Miss America') are not flagged. Removing the title is "
        "an unsafe fix (AP allows one to tell apart two people with the same surname)."
    ),
    severity=Severity.WARNING,
    fix=UNSAFE,
    examples=[
        Example("Mr. Ortiz voted against the plan.", flagged=True),
        Example('Ortiz voted against the plan. "Thank you, Mr. Mayor," he said.', flagged=False),
    ],
)
def courtesy_titles(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _COURTESY, ("body", "headline")):
        if m.group(1) == "Miss" and _PAGEANTS.match(doc.text, m.end()):
            continue
        title = doc.text[m.start() : m.end()].rstrip()
        yield _diag(
            meta, m.start(), m.end(), f"AP style uses no courtesy titles: '{title}'", "", UNSAFE
        )


_ABBREVIATIONS = {"US": "U.S.", "UN": "U.N.", "UK": "U.K."}
_BODY_ABBREV = regexcache.compile(r"(?<![\w.])(US|UN|UK)(?![\w$])(\.(?!\w))?")
_ABBREV_NAMES = regexcache.compile(r"\s+(?:Airways|Weekly)\b")


@ap_rule(
    "ap.abbreviation-periods",
    summary="U.S., U.N. and U.K. take periods in body text.",
    why=(
        f"{CURRENT}: 'U.S.', 'U.N.' and 'U.K.' take periods in body text; headlines drop "
        "them ('US', 'UN', 'UK'), which 'ap.headline-abbreviations' checks, so headlines are "
        "out of scope here. Text in capitals and names such as 'US Airways' are left alone. "
        "AP accepts 'U.S.' as both noun and adjective; this rule does not police that. Safe fix."
    ),
    severity=Severity.WARNING,
    fix=SAFE,
    examples=[
        Example(
            "The US and UK signed the accord.",
            flagged=True,
            fixed="The U.S. and U.K. signed the accord.",
        ),
        Example("The U.S. and U.K. signed the accord.", flagged=False),
    ],
)
def abbreviation_periods(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    text = doc.text
    for m in _matches(doc, _BODY_ABBREV):
        if _ABBREV_NAMES.match(text, m.end()):
            continue
        around = text[max(0, m.start() - 20) : m.start()] + text[m.end() : m.end() + 20]
        if sum(c.islower() for c in around) < 3:
            continue  # a line in capitals: "US AND UK SIGN ACCORD"
        wanted = _ABBREVIATIONS[m.group(1)]
        yield _diag(meta, m.start(), m.end(), f"AP style in body text: '{wanted}'", wanted)


_HEADLINE_ABBREV = regexcache.compile(r"(?<![\w.])(U\.S\.|U\.N\.|U\.K\.)(?!\w)")


@ap_rule(
    "ap.headline-abbreviations",
    summary="In headlines, US, UN and UK take no periods.",
    why=(
        f"{CURRENT}, 'headlines': use 'US', 'UN' and 'UK' without periods in headlines and "
        "with periods in body text ('ap.abbreviation-periods' checks the body). A Python "
        "rule rather than a pack swap because it must see the headline. Safe fix."
    ),
    severity=Severity.WARNING,
    fix=SAFE,
    examples=[
        Example(
            "# U.S. and U.K. sign trade pact\n\nThe U.S. and U.K. signed the pact.",
            flagged=True,
            format="markdown",
            fixed="# US and UK sign trade pact\n\nThe U.S. and U.K. signed the pact.",
        ),
        Example(
            "# US and UK sign trade pact\n\nThe U.S. and U.K. signed the pact.",
            flagged=False,
            format="markdown",
        ),
    ],
)
def headline_abbreviations(
    doc: Document, ctx: CheckContext, meta: RuleMeta
) -> Iterator[Diagnostic]:
    for m in _matches(doc, _HEADLINE_ABBREV, ("headline",)):
        wanted = m.group(1).replace(".", "")
        yield _diag(meta, m.start(), m.end(), f"AP headline style: '{wanted}'", wanted)


_STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}  # fmt: skip
_STATE_ALT = "|".join(re.escape(a) for a in sorted(_STATES, key=lambda w: (-len(w), w)))
_STATE = regexcache.compile(
    rf"(?:\b([A-Z][A-Za-z.'-]+(?:\s[A-Z][A-Za-z.'-]+)*),\s|\b(?:in|of|from|to|across|throughout|"
    rf"near|outside|northern|southern|eastern|western|central|rural)\s)({_STATE_ALT})(?![\w.])"
)


@ap_rule(
    "ap.state-names",
    summary="Spell out U.S. state names in body text, alone or with a city.",
    why=(
        "AP Stylebook, since the 2014 edition (current in the 56th, 2024-2026): spell out "
        "the names of the 50 states in the body of a story, standing alone or with a city "
        "('in Florida', 'Springfield, Illinois'). Abbreviations remain for datelines, so a "
        "dateline in capitals ('SPRINGFIELD, Ill.') is not flagged; neither are party "
        "labels ('D-Ill.'). Unsafe fix: the abbreviation's period may also end the sentence."
    ),
    severity=Severity.WARNING,
    fix=UNSAFE,
    examples=[
        Example("She moved to Tampa, Fla., in 2019 and later to rural Ga.", flagged=True),
        Example("She moved to Tampa, Florida, in 2019 and later to rural Georgia.", flagged=False),
    ],
)
def state_names(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _STATE):
        city = m.group(1)
        if city and city.upper() == city:
            continue  # dateline: "SPRINGFIELD, Ill."
        abbr = m.group(2)
        name = _STATES[abbr]
        replacement = name + "." if _sentence_period(doc.text, m.end()) else name
        yield _diag(
            meta,
            m.start(2),
            m.end(2),
            f"Spell out state names in body text: '{name}'",
            replacement,
            UNSAFE,
        )


# Titles capitalised before a name. Occupational descriptions ("project
# manager", "chief economist") are lowercase in AP and are not listed.
_TITLES_BEFORE = (
    "vice president|president|deputy prime minister|prime minister|secretary of state|"
    "secretary of defense|secretary of the treasury|secretary-general|treasury secretary|"
    "defense secretary|homeland security secretary|commerce secretary|labor secretary|"
    "energy secretary|education secretary|interior secretary|health secretary|"
    "attorney general|chief justice|foreign minister|finance minister|defense minister|"
    "lieutenant governor|governor|senator|representative|mayor|pope|king|queen|prince|"
    "princess|chancellor"
)
_NOT_NAMES = frozenset(
    _words(
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An He She It They We "
        "I His Her Its Their This That In On At Of For And But Or Britain America England "
        "Europe France Germany China Russia Scotland Wales Ireland Congress Parliament"
    )
) | frozenset(MONTHS)
_TITLE_BEFORE = regexcache.compile(
    rf"(?<![\w'’-])((?i:{_TITLES_BEFORE}))(?=\s+([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)\b(?![.'’]))"
)
_ORG_BEFORE = regexcache.compile(
    r"(?:['’]s?|\b(?:company|club|team|university|college|school|student|union|association|"
    r"board|bank|society|league|group|firm|network|studio|federation|chamber|church|"
    r"foundation|council|magazine|senior|executive|assistant|associate|shadow|its|his|her|"
    r"their|our|my|whose|a|an))\s+$",
    re.IGNORECASE,
)


def _title_case(phrase: str) -> str:
    return " ".join(w if w in ("of", "the") else w[:1].upper() + w[1:] for w in phrase.split())


@ap_rule(
    "ap.title-before-name",
    summary="Capitalise a formal title before a name ('Treasury Secretary Scott Bessent').",
    why=(
        f"{EDITION}, 'titles': capitalise formal titles used directly before a name "
        "('Treasury Secretary Scott Bessent', 'former President Barack Obama'); lowercase "
        "them elsewhere ('ap.title-lowercase'). Only formal governmental, royal and "
        "religious titles are listed; occupational descriptions ('project manager Rachel "
        "Hughes') and titles after a possessive or an organisation ('the club's president') "
        "stay lowercase. Unsafe fix: whether a title is formal is a judgment."
    ),
    severity=Severity.WARNING,
    fix=UNSAFE,
    examples=[
        Example("The deal was announced by treasury secretary Scott Bessent.", flagged=True),
        Example(
            "The deal was announced by Treasury Secretary Scott Bessent and project manager "
            "Rachel Hughes.",
            flagged=False,
        ),
    ],
)
def title_before_name(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _TITLE_BEFORE):
        title = m.group(1)
        if m.group(2) in _NOT_NAMES:
            continue
        wanted = _title_case(title.lower())
        if title == wanted or _ORG_BEFORE.search(doc.text[max(0, m.start() - 20) : m.start()]):
            continue
        yield _diag(
            meta,
            m.start(1),
            m.end(1),
            f"Capitalise a formal title before a name: '{wanted}'",
            wanted,
            UNSAFE,
        )


_TITLES_AFTER = (
    "Vice President|President|Deputy Prime Minister|Prime Minister|Secretary of State|"
    "Secretary-General|Treasury Secretary|Defense Secretary|Attorney General|Chief Justice|"
    "Foreign Minister|Finance Minister|Governor|Senator|Mayor|Chancellor|Chairman|"
    "Chairwoman|Chair|Speaker"
)
_ROYAL = "Pope|King|Queen"
_MODIFIER = (
    r"(?:(?:former|late|then|current|new|acting|interim|outgoing|incoming)\s+"
    r"|(?:[A-Z][\w.'’]*\.?|[A-Z]\.[A-Z]\.)\s+)"
)
# Royal titles only right after "the": "Hodgson, King, Wilkinson" is a list of names.
_TITLE_ALONE = regexcache.compile(
    rf"(?:\b[Tt]he\s+|(?<=[a-z]),\s+(?:the\s+)?)(?:({_MODIFIER}{{0,2}}?)({_TITLES_AFTER})"
    rf"|(?<=[Tt]he\s)({_ROYAL}))\b(?!\s+(?:[A-Z]|of\s+[A-Z][a-z]+\s+[A-Z]))(?![-'’]|\s+&)"
)
# "The Return of the King", "the Office of the Deputy Prime Minister": names, not titles.
_NAME_OF_THE = regexcache.compile(r"\b[A-Z][\w'’]*\s+(?:of|for)\s+$")


@ap_rule(
    "ap.title-lowercase",
    summary="Lowercase a formal title that is not directly before a name ('the president').",
    why=(
        f"{EDITION}, 'titles': lowercase and spell out titles when they are not used "
        "directly before a name: 'Scott Bessent, the U.S. treasury secretary', 'the "
        "president said'. Possessives ('the President's Cup') and titles followed by a "
        "name are left alone; headlines are out of scope. Unsafe fix."
    ),
    severity=Severity.WARNING,
    fix=UNSAFE,
    examples=[
        Example("Scott Bessent, the U.S. Treasury Secretary, spoke first.", flagged=True),
        Example(
            "Scott Bessent, the U.S. treasury secretary, spoke after President Trump.",
            flagged=False,
        ),
    ],
)
def title_lowercase(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _TITLE_ALONE):
        group = 2 if m.group(2) else 3
        if re.search(r"\b(?:Lord|Lady)\b", m.group(1) or ""):
            continue  # British offices: "the Lord Chancellor"
        if _NAME_OF_THE.search(doc.text[max(0, m.start() - 30) : m.start()]):
            continue
        title = m.group(group)
        lower = title.lower()
        yield _diag(
            meta,
            m.start(group),
            m.end(group),
            f"Lowercase a title not followed by a name: '{lower}'",
            lower,
            UNSAFE,
        )


_INTERNET = regexcache.compile(r"(?<=[\w,;:] )(Internet|Web)\b(?!\s+[A-Z0-9&])(?![-'’]\w)")
_LOWER_WORD_BEFORE = regexcache.compile(r"(?:^|\s)[a-z][\w'’]*[,;:]?\s$")


@ap_rule(
    "ap.internet-lowercase",
    summary="'internet' and 'web' are lowercase.",
    why=(
        "AP Stylebook, since the 2016 edition (current in the 56th, 2024-2026): lowercase "
        "'internet' and 'web'. Only capitals in mid-sentence are flagged; names such as "
        "'Internet Archive' or 'Web Summit' (followed by a capitalised word) are left "
        "alone. Safe fix."
    ),
    severity=Severity.WARNING,
    fix=SAFE,
    examples=[
        Example(
            "The library offers free Internet access.",
            flagged=True,
            fixed="The library offers free internet access.",
        ),
        Example("The library offers free internet access via the Internet Archive.", flagged=False),
    ],
)
def internet_lowercase(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _INTERNET):
        if not _LOWER_WORD_BEFORE.search(doc.text[max(0, m.start() - 30) : m.start()]):
            continue  # "Pew Internet", "Charlotte's Web", "World Wide Web"
        lower = m.group(1).lower()
        yield _diag(meta, m.start(), m.end(), f"AP style: '{lower}'", lower)


# -- series ----------------------------------------------------------------------

_STOP = frozenset(
    _words(
        "the a an he she it they we i you his her its their our my your this that these those "
        "said says say and or but nor then also however meanwhile yes no well so now still "
        "though too instead first second third finally including such as which who whom whose "
        "that in on at of for with by to from after before when while if because not was were "
        "is are be been has have had will would could can should may might do did does there "
        "here what where how why all both each either neither some any many most more less "
        "other than just only even again once today yesterday tomorrow"
    )
)
_STOP_ALT = "|".join(sorted(_STOP, key=lambda w: (-len(w), w)))
_SERIES_WORD = rf"(?!(?i:{_STOP_ALT})\b)[A-Za-z][\w'’-]*"
_ITEM = rf"{_SERIES_WORD}(?: {_SERIES_WORD})?"
_SERIES = regexcache.compile(rf"(?<![\w'’-])({_ITEM}), ({_ITEM})(,) (and|or) ({_ITEM})\b")
_SERIES_HINT = regexcache.compile(r", (?:and|or) ")


def _simple_item(item: str) -> bool:
    return not any(w.lower() in _STOP or w[0].isdigit() for w in item.split())


@ap_rule(
    "ap.serial-comma",
    summary="No comma before 'and' or 'or' in a simple series ('red, white and blue').",
    why=(
        f"{EDITION}, 'comma': do not put a comma before the conjunction in a simple "
        "series. Only series of one- or two-word items are flagged; complex series (an item "
        "with its own 'and', clauses, ages in apposition) need the comma and are left "
        "alone. A place in apposition ('Paris, France, and Rome') can look like a series, so "
        "the fix is unsafe."
    ),
    severity=Severity.WARNING,
    fix=UNSAFE,
    examples=[
        Example("The flag is red, white, and blue.", flagged=True),
        Example(
            "The flag is red, white and blue. I had toast, juice, and ham and eggs.", flagged=False
        ),
    ],
)
def serial_comma(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    text = doc.text
    for hint in _SERIES_HINT.finditer(text):
        # Cheap anchor first: the series pattern only runs near ", and".
        window = max(0, hint.start() - 60)
        m = _SERIES.search(text, window, hint.end() + 40)
        while m and m.start(3) < hint.start():
            m = _SERIES.search(text, m.start() + 1, hint.end() + 40)
        if not m or m.start(3) != hint.start() or not _kept(doc, m):
            continue
        items = (m.group(1), m.group(2), m.group(5))
        if not all(_simple_item(i) for i in items):
            continue
        if re.match(r"\s+(?:and|or)\b|[\w'’-]", text[m.end() : m.end() + 5]):
            continue  # "ham and eggs": a compound last item
        after = text[m.end() : m.end() + 24]
        if re.match(r" [a-z]+ (?:of|in|on|at|for|with|to|from)\b", after):
            continue  # the last item goes on: "and the price of ..."
        if re.match(r",\s+[A-Z]| (?:a|an|the|his|her|its|their|our|my)\b", after):
            continue  # appositives ("London, and Woodhill, Milton Keynes") or a clause
        yield _diag(meta, m.start(3), m.end(3), "No serial comma in a simple series", "", UNSAFE)


# -- money and large numbers -------------------------------------------------------

_SCALE = {"m": "million", "mn": "million", "mln": "million", "bn": "billion", "b": "billion",
          "tn": "trillion", "k": "thousand"}  # fmt: skip
_MILLIONS_FIGURE = regexcache.compile(
    r"(?<![\w.,])(\$?)(\d{1,3})((?:,\d{3}){2,4})(?![\d,]*\d)(?!\.\d)"
)
_MONEY_SHORT = regexcache.compile(
    r"(?<![\w.,])\$(\d+(?:\.\d+)?)\s?(m|mn|mln|bn|b|tn|M|B)\b(?![.\w]\w)"
)
_BIG = {2: "million", 3: "billion", 4: "trillion"}


@ap_rule(
    "ap.millions",
    summary="Write '$5 million' or '2.5 million', not '$5,000,000', '$5M' or '$5bn'.",
    why=(
        f"{EDITION}, 'millions, billions' and 'dollars': use figures with 'million' or "
        "'billion' ('$5 million', '2.5 million people'), not long strings of zeros or "
        "abbreviations such as '$5M', '$5m' or '$5bn' in body text (AP headlines may use "
        "'$5M', so headlines are out of scope). Exact figures ('$1,234,567') are left "
        "alone. Safe fix."
    ),
    severity=Severity.WARNING,
    fix=SAFE,
    examples=[
        Example(
            "The state awarded $5,000,000 and the city $2bn.",
            flagged=True,
            fixed="The state awarded $5 million and the city $2 billion.",
        ),
        Example("The state awarded $5 million; the exact total was $5,214,380.", flagged=False),
    ],
)
def millions(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _MILLIONS_FIGURE):
        groups = m.group(3).split(",")[1:]
        scale = _BIG[len(groups)]
        tail = "".join(groups)
        kept = tail[:2].rstrip("0")
        if tail[2:].strip("0"):
            continue  # an exact figure: AP keeps it
        number = m.group(2) + (f".{kept}" if kept else "")
        wanted = f"{m.group(1)}{number} {scale}"
        yield _diag(meta, m.start(), m.end(), f"AP style: '{wanted}'", wanted)
    for m in _matches(doc, _MONEY_SHORT):
        scale = _SCALE[m.group(2).lower()]
        wanted = f"${m.group(1)} {scale}"
        yield _diag(meta, m.start(), m.end(), f"AP style: '{wanted}'", wanted)


_DOLLARS = regexcache.compile(
    rf"(?<![\w.,])(\$)?(\d[\d,]*(?:\.\d+)?|{_WORD_NUMBER})(\s+(?:million|billion|trillion))?\s+dollars\b",
    re.IGNORECASE,
)
_CENTS = regexcache.compile(r"(?<![\w.,])\$(\d[\d,]*)\.00(?![\d])")


@ap_rule(
    "ap.dollars",
    summary="Use '$' and figures: '$5', '$5 million', not '5 dollars' or '$5.00'.",
    why=(
        f"{EDITION}, 'dollars' and 'cents': use figures and the $ sign ('$5', '$5 million'), "
        "not '5 dollars', 'five million dollars' or '$5 million dollars'; drop '.00' from "
        "whole amounts ('$5', not '$5.00'). Casual uses ('billions of dollars') are not "
        "flagged. Figures: safe fix; number words: unsafe."
    ),
    severity=Severity.WARNING,
    fix=SAFE,
    examples=[
        Example(
            "Tickets cost 20 dollars, up from $15.00 last year.",
            flagged=True,
            fixed="Tickets cost $20, up from $15 last year.",
        ),
        Example(
            "Tickets cost $20; the city spends millions of dollars on the park.", flagged=False
        ),
    ],
)
def dollars(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _DOLLARS, needs=("dollar",)):
        number = m.group(2)
        applicability = SAFE
        if not number[0].isdigit():
            value = words_number(number)
            if value is None or _sentence_start(doc.text, m.start()):
                continue
            number, applicability = str(value), UNSAFE
        scale = (m.group(3) or "").strip().lower()
        wanted = f"${number}" + (f" {scale}" if scale else "")
        yield _diag(meta, m.start(), m.end(), f"AP style: '{wanted}'", wanted, applicability)
    for m in _matches(doc, _CENTS):
        wanted = f"${m.group(1)}"
        yield _diag(meta, m.start(), m.end(), f"AP style: '{wanted}', no '.00'", wanted)


# -- ages and decades ----------------------------------------------------------------

_AGE_WORDS = regexcache.compile(
    rf"\b({_WORD_NUMBER})([- ])(year|month|week)(s?)([- ])old\b"
    rf"|\b(aged)\s+({_WORD_NUMBER})\b(?![-\w])",
    re.IGNORECASE,
)
_AGE_HYPHENS = regexcache.compile(
    r"(?<![\w.,])(\d{1,3})"
    r"(?: (year|month|week) old|-(year|month|week) old| (year|month|week)-old)\b"
)


@ap_rule(
    "ap.ages",
    summary="Ages in figures, hyphenated before a noun: '5-year-old', 'aged 5'.",
    why=(
        f"{EDITION}, 'ages': always use figures for ages ('a 5-year-old boy', 'the boy is 5 "
        "years old') and hyphenate ages used as adjectives or nouns. A spelled-out age at the "
        "start of a sentence is left alone. Hyphen repairs are safe; number words become "
        "figures with an unsafe fix."
    ),
    severity=Severity.WARNING,
    fix=SAFE,
    examples=[
        Example(
            "A 6 year old girl was hurt.",
            flagged=True,
            fixed="A 6-year-old girl was hurt.",
        ),
        Example("A 6-year-old girl was hurt; her brother is 9 years old.", flagged=False),
    ],
)
def ages(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _AGE_WORDS, needs=(" old", "aged")):
        if _sentence_start(doc.text, m.start()):
            continue
        if m.group(6):
            value = words_number(m.group(7))
            wanted = f"{m.group(6)} {value}"
        else:
            value = words_number(m.group(1))
            wanted = f"{value}{m.group(2)}{m.group(3)}{m.group(4)}{m.group(5)}old"
        if value is not None:
            yield _diag(meta, m.start(), m.end(), f"Ages take figures: '{wanted}'", wanted, UNSAFE)
    for m in _matches(doc, _AGE_HYPHENS):
        unit = m.group(2) or m.group(3) or m.group(4)
        wanted = f"{m.group(1)}-{unit}-old"
        yield _diag(meta, m.start(), m.end(), f"Hyphenate the age: '{wanted}'", wanted)


_DECADE_APOSTROPHE = regexcache.compile(r"(?<![\w])((?:1[0-9]|20)?\d0|['’‘]\d0)['’]s\b")


@ap_rule(
    "ap.decades",
    summary="No apostrophe before the s of a decade: '1990s', ''90s'.",
    why=(
        f"{EDITION}, 'years' and 'decades': use figures and an s without an apostrophe "
        "('the 1990s', 'the '90s'); the apostrophe belongs only where digits are left out. "
        "Bare '90s' (ages, temperatures) is not flagged. Safe fix."
    ),
    severity=Severity.WARNING,
    fix=SAFE,
    examples=[
        Example("Rents doubled in the 1990's.", flagged=True, fixed="Rents doubled in the 1990s."),
        Example("Rents doubled in the 1990s and again in the '00s.", flagged=False),
    ],
)
def decades(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _DECADE_APOSTROPHE, ("body", "headline")):
        wanted = m.group(1) + "s"
        yield _diag(meta, m.start(), m.end(), f"AP style: '{wanted}'", wanted)


# -- hyphens ------------------------------------------------------------------------

# -ly words that are adjectives or nouns, not adverbs: their hyphens stay.
_LY_NOT_ADVERBS = frozenset(
    _words(
        "family early only holy ugly friendly unfriendly costly deadly elderly lonely lovely "
        "lively likely unlikely daily weekly monthly yearly hourly nightly quarterly biweekly "
        "timely untimely orderly bodily manly worldly scholarly curly burly hilly silly jolly "
        "belly bully lily ally rally tally sally rely reply supply apply fly sly ply multiply "
        "comply imply homely kindly sickly smelly chilly frilly wily oily woolly wooly lowly "
        "stately courtly comely ghostly godly heavenly leisurely motherly fatherly brotherly "
        "sisterly neighborly cowardly miserly beastly deathly earthly princely saintly "
        "shapely sprightly surly gnarly measly pearly steely prickly wobbly bubbly crumbly "
        "cuddly grisly grizzly jelly gully dolly holly folly assembly anomaly monopoly poly "
        "italy july emily molly polly billy reilly kelly sully wally melly nelly filly"
    )
)
_LY_HYPHEN = regexcache.compile(r"\b([a-z]+ly)-([a-z]+)\b")


@ap_rule(
    "ap.ly-hyphen",
    summary="No hyphen after an -ly adverb ('a newly elected mayor').",
    why=(
        f"{EDITION}, 'hyphen': no hyphen is needed in a compound modifier that starts with "
        "'very' or an adverb ending in -ly ('a highly paid executive'). Words ending in -ly "
        "that are adjectives or nouns ('family-owned', 'early-morning', 'friendly-fire') "
        "keep their hyphen. Unsafe fix: an unlisted -ly adjective would be wrongly split."
    ),
    severity=Severity.WARNING,
    fix=UNSAFE,
    examples=[
        Example("The newly-elected mayor took office.", flagged=True),
        Example("The newly elected mayor runs a family-owned bakery.", flagged=False),
    ],
)
def ly_hyphen(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for m in _matches(doc, _LY_HYPHEN, ("body", "headline")):
        if m.group(1) in _LY_NOT_ADVERBS:
            continue
        wanted = f"{m.group(1)} {m.group(2)}"
        yield _diag(
            meta, m.start(), m.end(), f"No hyphen after an -ly adverb: '{wanted}'", wanted, UNSAFE
        )
