"""Dates: weekdays that do not match their date, dates that cannot exist,
and relative days ("yesterday", "last week") that contradict the article date."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Iterator

from newslint import regexcache
from newslint.analysis.dates import (
    MONTH_FORMS,
    MONTH_NAMES,
    WEEKDAY_NAMES,
    DateMention,
    date_mentions,
    days_in_month,
    format_date,
    weekday_like,
)
from newslint.diagnostics import Applicability, Diagnostic, Severity, Suggestion
from newslint.document import Document
from newslint.registry import CheckContext, Example, RuleMeta, rule
from newslint.spans import Span


@rule(
    "dates.weekday-mismatch",
    summary="A weekday written next to a date that falls on another day.",
    why=(
        "A wrong weekday ('Thursday, February 6, 2026' when that date is a Friday) "
        "tells readers the copy was not checked, and one of the two facts is wrong. "
        "Dates without a year are checked against the article's date (the year that "
        "puts the date nearest to it); without an article date they are left alone. "
        "The fix changes the weekday, but the date itself may be the wrong part, so it "
        "is never applied automatically."
    ),
    severity=Severity.WARNING,
    fix=Applicability.UNSAFE,
    examples=[
        Example("The summit ended on Thursday, February 6, 2026, in Abu Dhabi.", flagged=True),
        Example("The summit ended on Friday, February 6, 2026, in Abu Dhabi.", flagged=False),
    ],
)
def weekday_mismatch(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    wrong: list[tuple[DateMention, dt.date, int, Span, int | None]] = []
    for mention in date_mentions(doc):
        if mention.weekday is None or mention.weekday_span is None:
            continue
        date = mention.as_date(doc.article_date)
        stated = _year_before(doc, mention) if mention.year is None else None
        if stated is not None and date is not None:
            try:  # "In 1789, Washington declared Thursday, Nov. 26, ...": that year's
                date = date.replace(year=stated)
            except ValueError:
                continue
        if date is not None and date.weekday() != mention.weekday:
            if stated is None and mention.year is None:
                if _fits_a_year_nearby(doc, mention, date):
                    continue  # a gallery caption of another year, told in the captions around it
                if _past_year_fits(doc, mention, date):
                    continue  # a timeline of last year's events: the nearest date is ahead
            wrong.append((mention, date, mention.weekday, mention.weekday_span, stated))
    guessed = [(date, weekday) for mention, date, weekday, *_ in wrong if mention.year is None]
    misdated = len(guessed) >= MISDATED_MENTIONS and _all_fit_another_year(guessed)
    misdated = misdated or (len(guessed) >= GALLERY_MENTIONS and _each_fits_a_near_year(guessed))
    for mention, date, weekday, span, stated in wrong:
        if misdated and mention.year is None:
            continue
        actual = WEEKDAY_NAMES[date.weekday()]
        written = WEEKDAY_NAMES[weekday]
        tense = "is" if doc.article_date and date > doc.article_date else "was"
        year_note = "" if mention.year is not None else " (year taken from the article date)"
        if stated is not None:
            year_note = " (year taken from the sentence)"
        yield Diagnostic(
            meta.id,
            f"{format_date(date, mention.dmy)} {tense} a {actual}, not a {written}{year_note}",
            span.start,
            span.end,
            meta.severity,
            suggestions=(
                Suggestion(
                    weekday_like(date.weekday(), mention.weekday_text), Applicability.UNSAFE
                ),
            ),
        )


_STATED_YEAR = regexcache.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
# A number that is part of a name is no year: "Highway 1806", "Flight 1549". A
# month ("June 1806") or a capitalised preposition ("In 1789") leaves it a year.
_NAME_BEFORE = regexcache.compile(
    rf"\b(?!(?:{MONTH_FORMS}|In|Since|By|Until|Till|Before|After|From|Of|Between|During|Circa)\b)"
    r"[A-Z][\w.-]*\s+$"
)


def _year_before(doc: Document, mention: DateMention) -> int | None:
    """The last year written earlier in the date's sentence, if any."""
    from newslint.analysis.attribution import sentence_of

    start = mention.span.start
    sentence = sentence_of(doc, mention.span)
    if not sentence.start <= start < sentence.end:
        return None
    years = [
        m.group(1)
        for m in _STATED_YEAR.finditer(doc.text, sentence.start, start)
        if not _NAME_BEFORE.search(doc.text, max(sentence.start, m.start() - 30), m.start())
    ]
    return int(years[-1]) if years else None


def _past_year_fits(doc: Document, mention: DateMention, date: dt.date) -> bool:
    """The year-less date, taken as the one nearest the article date, lies months
    after it, and the weekday is right a year earlier ("Friday, Sept. 14" in a
    May timeline of last autumn's events): the past year's date is meant."""
    day = doc.article_date
    return (
        day is not None and (date - day).days > AHEAD_DAYS and _fits(date, mention.weekday or 0, -1)
    )


# A date this far ahead of the story may be last year's: a week or a month ahead
# is the coming event a slip of the weekday most often gets wrong.
AHEAD_DAYS = 90


def _fits_a_year_nearby(doc: Document, mention: DateMention, date: dt.date) -> bool:
    """The written weekday is right in a year written in the date's paragraph or
    the one before or after it ("on Tuesday, May 26" beside a caption "on May
    29, 2009"): the date is that year's, not the one nearest the article date."""
    text, paragraphs = doc.text, doc.paragraphs
    at = bisect.bisect_right([p.start for p in paragraphs], mention.span.start) - 1
    if at < 0:
        return False
    start = paragraphs[max(0, at - 1)].start
    end = paragraphs[min(len(paragraphs) - 1, at + 1)].end
    for m in _STATED_YEAR.finditer(text, start, end):
        if _NAME_BEFORE.search(text, max(start, m.start() - 30), m.start()):
            continue
        year = int(m.group(1))
        if year != date.year and _fits(date, mention.weekday or 0, year - date.year):
            return True
    return False


# Year-less dates whose weekdays all fit one other year say the article date
# is wrong (a gallery re-dated, a page's date of a later update), not them.
MISDATED_MENTIONS = 2


# Many year-less dates, each right in some year near the article's: a gallery
# or timeline spanning years under one (later) date, not that many slips.
GALLERY_MENTIONS = 5
GALLERY_YEARS = 3


def _each_fits_a_near_year(guessed: list[tuple[dt.date, int]]) -> bool:
    shifts = [s for s in range(-GALLERY_YEARS, GALLERY_YEARS + 1) if s]
    return all(any(_fits(d, day, s) for s in shifts) for d, day in guessed)


def _all_fit_another_year(guessed: list[tuple[dt.date, int]]) -> bool:
    """Every (date, written weekday) pair is right one year earlier, or every
    one is right one year later."""
    return any(all(_fits(d, day, shift) for d, day in guessed) for shift in (-1, 1))


def _fits(d: dt.date, weekday: int, shift: int) -> bool:
    """``d`` moved ``shift`` years falls on ``weekday`` (February 29 never fits a
    year without one)."""
    try:
        return d.replace(year=d.year + shift).weekday() == weekday
    except ValueError:
        return False


@rule(
    "dates.impossible",
    summary="A date that does not exist, such as February 30 or 31 April.",
    why=(
        "'April 31' or 'February 29, 2025' is always a typo for another day, and a "
        "reader cannot tell which. February 29 without a year is only reported when the "
        "article's own year is known and is not a leap year."
    ),
    severity=Severity.WARNING,
    examples=[
        Example("The hearing was adjourned until April 31.", flagged=True),
        Example("The hearing was adjourned until April 30.", flagged=False),
    ],
)
def impossible(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for mention in date_mentions(doc):
        before = doc.text[max(0, mention.span.start - 12) : mention.span.start]
        after = doc.text[mention.span.end : mention.span.end + 2]
        message = _impossible_message(mention, doc.article_date, before, after)
        if message:
            yield Diagnostic(
                meta.id, message, mention.date_span.start, mention.date_span.end, meta.severity
            )


# Before "32 March" a date needs a word that introduces one: "almost 32 March
# for Life volunteers" is a count followed by a name.
_DATE_LEAD = regexcache.compile(
    r"(?:\b(?:on|until|till|by|from|since|before|after|between|and|of|the)|[,(])\s*$",
    re.IGNORECASE,
)
# After "March 60" a word says the number counts it: "In March 60 Russian
# diplomats were expelled" (past any month's last day, so no slip of a day).
_WORD_NEXT = regexcache.compile(r" [A-Za-z]")


def _impossible_message(
    mention: DateMention, article_date: dt.date | None, before: str, after: str
) -> str | None:
    month = MONTH_NAMES[mention.month - 1]
    if mention.day > days_in_month(mention.month, None):
        plain = mention.year is None and mention.weekday is None
        if plain and mention.dmy and not _DATE_LEAD.search(before):
            return None
        if plain and not mention.dmy and mention.day > 31 and _WORD_NEXT.match(after):
            return None
        return f"{month} has no day {mention.day}"
    if mention.month != 2 or mention.day != 29:
        return None
    year = mention.year if mention.year is not None else (article_date and article_date.year)
    if year and not calendar.isleap(year):
        return f"{year} is not a leap year: February has 28 days"
    return None


# A relative time word right before a date: "yesterday (Feb. 6)", "last week, on March 3".
_RELATIVE = regexcache.compile(
    r"\b(?P<rel>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Ll]ast night"
    r"|(?:[Ee]arlier |[Ll]ater )?this week|[Ll]ast week|[Nn]ext week)"
    r"(?:\s*\(\s*(?:on\s+)?|,\s*(?:on\s+)?|\s+on\s+|\s*[—–]\s*)$"
)
_RELATIVE_WEEKDAY = regexcache.compile(
    r"\b(?P<rel>[Yy]esterday|[Tt]oday|[Tt]omorrow)\s*\(\s*(?P<wd>"
    + "|".join(WEEKDAY_NAMES)
    + r")\s*\)"
)
# Days from the article date that each phrase allows (inclusive).
_WINDOWS: dict[str, tuple[int, int]] = {
    "yesterday": (-1, -1),
    "last night": (-1, 0),
    "today": (0, 0),
    "tonight": (0, 0),
    "tomorrow": (1, 1),
    "this week": (-7, 7),
    "earlier this week": (-7, 0),
    "later this week": (0, 7),
    "last week": (-14, -1),
    "next week": (1, 14),
}
_LOOKBEHIND = 30


@rule(
    "dates.relative",
    summary="'Yesterday', 'today' or 'last week' next to a date that contradicts the article date.",
    why=(
        "In a story dated Tuesday, February 10, 'yesterday (Feb. 6)' or 'last week, on "
        "March 3, 2024' cannot both be right: either the relative word or the date is "
        "stale, often left over from an earlier draft. Needs the article date (front "
        "matter, dateline, HTML metadata or --date). Only a relative word written right "
        "next to a date or weekday is checked; a bare 'on Thursday' elsewhere in the "
        "story is left alone."
    ),
    severity=Severity.WARNING,
    examples=[
        Example(
            "---\ndate: 2026-02-10\n---\n\nThe minister resigned yesterday (Feb. 6).",
            flagged=True,
            format="markdown",
        ),
        Example(
            "---\ndate: 2026-02-10\n---\n\nThe minister resigned yesterday (Feb. 9).",
            flagged=False,
            format="markdown",
        ),
    ],
)
def relative(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    article = doc.article_date
    if article is None:
        return
    text = doc.text
    for mention in date_mentions(doc):
        before = text[max(0, mention.span.start - _LOOKBEHIND) : mention.span.start]
        m = _RELATIVE.search(before)
        if not m:
            continue
        date = mention.as_date(article)
        if date is None:
            continue
        phrase = m.group("rel").lower()
        low, high = _WINDOWS[phrase]
        offset = (date - article).days
        if low <= offset <= high:
            continue
        start = mention.span.start - len(before) + m.start("rel")
        yield Diagnostic(
            meta.id,
            f"'{m.group('rel')}' next to {format_date(date, mention.dmy)}, "
            f"{_distance(offset)} the article date ({format_date(article, mention.dmy)})",
            start,
            start + len(m.group("rel")),
            meta.severity,
        )
    for m in _RELATIVE_WEEKDAY.finditer(text):
        offset = _WINDOWS[m.group("rel").lower()][0]
        expected = article + dt.timedelta(days=offset)
        written = WEEKDAY_NAMES.index(m.group("wd"))
        if expected.weekday() == written or doc.in_skipped(Span(m.start(), m.end())):
            continue
        yield Diagnostic(
            meta.id,
            f"'{m.group('rel')}' is {WEEKDAY_NAMES[expected.weekday()]} in an article dated "
            f"{WEEKDAY_NAMES[article.weekday()]}, {format_date(article, False)}, "
            f"not {m.group('wd')}",
            m.start("rel"),
            m.end("rel"),
            meta.severity,
        )


def _distance(days: int) -> str:
    if days == 0:
        return "the same day as"
    unit = "day" if abs(days) == 1 else "days"
    return f"{abs(days)} {unit} {'before' if days < 0 else 'after'}"
