"""What the source loaders share: dates and date lines, bylines, header
fields, and finishing a Document (skipped regions, headline, body)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from newslint import regexcache
from newslint.analysis.skipped import find_skipped, merge_spans
from newslint.analysis.wrapping import unwrap, wrapped_mid_sentence
from newslint.document import Document
from newslint.spans import Span, TextBuilder

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
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
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=lambda w: (-len(w), w))) + r")\.?"
_MONTH_DMY = _MONTH.replace("month", "month2")
_DAY_SUFFIX = r"(?:st|nd|rd|th)?"
_DATE = regexcache.compile(
    r"(?P<iso>(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2}))"
    rf"|\b{_MONTH}\s+(?P<day>\d{{1,2}}){_DAY_SUFFIX},?\s+(?P<year>\d{{4}})\b"
    rf"|\b(?P<day2>\d{{1,2}}){_DAY_SUFFIX}\s+{_MONTH_DMY},?\s+(?P<year2>\d{{4}})\b",
    re.IGNORECASE,
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_HEADER_PARAGRAPHS = 3  # bylines and datelines sit within the first few blocks
_DATE_LABEL = regexcache.compile(
    r"^\s*(?:(?:first\s+)?published|updated|last\s+updated|posted|date[d]?)(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
_BEFORE_DATE = regexcache.compile(rf"^[\s,.|·•—–-]*(?:{_WEEKDAY})?[\s,]*$", re.IGNORECASE)
_AFTER_DATE = regexcache.compile(
    r"^(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?[\s,.|·•—–-]*"
    r"(?:(?:at\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?[\s.]*$",
    re.IGNORECASE,
)


def parse_date(value: str) -> dt.date | None:
    """The first date written in ``value`` (ISO, "Feb. 6, 2026", "6 February 2026")."""
    m = _DATE.search(value)
    return _date_from_match(m) if m else None


def _date_from_match(m: re.Match[str]) -> dt.date | None:
    try:
        if m.group("iso"):
            return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if m.group("day"):
            month = _MONTHS[m.group("month").lower()]
            return dt.date(int(m.group("year")), month, int(m.group("day")))
        month = _MONTHS[m.group("month2").lower()]
        return dt.date(int(m.group("year2")), month, int(m.group("day2")))
    except ValueError:  # "February 30" is not a date line
        return None


def dateline_date(line: str) -> dt.date | None:
    """The date of a line that holds only a date (with an optional label, weekday, time)."""
    if len(line) > 80:
        return None
    label = _DATE_LABEL.match(line)
    rest = line[label.end() :] if label else line
    m = _DATE.search(rest)
    if not m or not _BEFORE_DATE.match(rest[: m.start()]) or not _AFTER_DATE.match(rest[m.end() :]):
        return None
    return _date_from_match(m)


def coerce_date(value: Any) -> dt.date | None:
    """A front-matter or attribute value as a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return parse_date(value)
    return None


# "By Jane Doe", "Posted by admin", "Written by: Jane Doe", "Author: Jane Doe".
# A CMS's own labels too: "Submitted by admin on ..." (Drupal), "Posted in News
# by admin" (a category between); "Published by" takes a name as "By" does.
_BYLINE_LEAD = regexcache.compile(
    r"(?:(?P<label>(?:posted(?:\s+in\s+[^|•·/\n]{1,40}?)?|written|words|story|reporting|text"
    r"|recipe|submitted|contributed)\s+by|author)\s*:?|(?:published\s+)?by:?)\s+(\S)",
    re.IGNORECASE,
)


# "by admin | May 2": one lower-case account name, then the end or a date or separator.
_ACCOUNT_BYLINE = regexcache.compile(
    r"(?:published\s+)?by\s+[a-z][\w.]*\s*(?:$|[|•·/]|-\s|on\s|\d)", re.IGNORECASE
)


# "by the BerryReview Team on May 2": "the", then a capitalised name of a desk.
_DESK_BYLINE = regexcache.compile(
    r"(?i:the)\s+(?:[A-Z][\w&.'’-]*\s+){1,3}(?i:team|staff|desk|newsroom|editors|bureau)\b(?!\s*:)"
)


_DATE_THEN_BY = regexcache.compile(r"(.{4,60}?)\s+(?=by\b)", re.IGNORECASE)


def is_byline(text: str) -> bool:
    """A short line such as "By Jane Doe" (not "By contrast, ..." or a sentence).

    After a plain "By" the name must be capitalised or a template slot ("By
    [Your Name]"); after a label ("Posted by", "Author:") a CMS user name in
    lower case ("posted by admin") counts too. A line of desk words with no
    "By" ("Staff Reporter", "NEWS DESK") is a byline as well."""
    if is_desk_line(text):
        return True
    if byline_field(text) is not None:
        return True
    late = dated_by(text)
    return _plain_byline(text if late is None else text[late:])


# Where a date begins after a byline's name: "admin on Tue, 03/03/2020",
# "Site Editor - March 3", "Jane Doe 5 May 2026".
_MONTH_WORD = r"(?:" + "|".join(sorted(_MONTHS, key=lambda w: (-len(w), w))) + r")\.?"
_DATE_AHEAD = regexcache.compile(
    rf"\s+(?:on\s+|[-–—]\s+)?(?=(?:{_WEEKDAY}),?\s+\d|{_MONTH_WORD}\s+\d"
    rf"|\d{{1,2}}\s+{_MONTH_WORD}\b|\d{{1,4}}[/.-]\d)",
    re.IGNORECASE,
)


def date_ahead(text: str, pos: int = 0) -> int | None:
    """Where a date (with its "on" or dash) begins in ``text`` from ``pos``, or None."""
    m = _DATE_AHEAD.search(text, pos)
    return None if m is None else m.start()


def dated_by(text: str) -> int | None:
    """Where "by" starts in a byline that puts the date first ("March 3, 2020 by
    admin", "Posted on 3 May 2023 by Harbour Desk"), or None."""
    late = _DATE_THEN_BY.match(text)
    if late is not None and dateline_date(late.group(1)) is not None:
        return late.end()
    return None


def byline_field(text: str) -> str | None:
    """The "By" field of a line of fields: "News | By Jane Doe | May 5, 2026" (the
    others short labels or dates), or None."""
    fields = [f.strip() for f in _BAR.split(text) if f.strip()]
    if len(fields) < 2 or len(text.split()) > _BYLINE_LINE_WORDS:
        return None
    bylines = [f for f in fields if _plain_byline(f)]
    if len(bylines) != 1:
        return None
    others = [f for f in fields if f is not bylines[0]]
    if all(dateline_date(f) is not None or len(f.split()) <= _LABEL_WORDS for f in others):
        return bylines[0]
    return None


def _plain_byline(text: str) -> bool:
    m = _BYLINE_LEAD.match(text)
    return bool(
        m
        and (
            m.group(2).isupper()
            or _DESK_BYLINE.match(text, m.start(2)) is not None
            or m.group(2) in "[{<"
            or m.group("label") is not None
            or _ACCOUNT_BYLINE.match(text) is not None
        )
        and "\n" not in text
        and len(text.split()) <= 12
        and not re.search(r"[a-z]{2}[.!?]$", text)
    )


_DESK_LINE_WORDS = 4
_BYLINE_LINE_WORDS = 16  # a line of byline fields, dates included
_LABEL_WORDS = 2  # a section label beside a byline: "Opinion", "yas!"
_BAR = regexcache.compile(r"\s+[|•·]\s+")


_FIELD_SEPARATOR = regexcache.compile(r"\s*[|•·]\s*|\s+[–—-]\s+")


def is_desk_line(text: str) -> bool:
    """Two to four words, all role or desk words, one of them a writer's
    ("Staff Reporter", "Web Desk", "The Editorial Team"); not a section label.
    A date beside it in the same line is a byline's usual company
    ("Staff Reporter | 5 May 2026")."""
    parts = [p for p in _FIELD_SEPARATOR.split(text) if p.strip()]
    if len(parts) > 1:
        desk = [p for p in parts if _desk_words(p)]
        return len(desk) == 1 and all(p in desk or dateline_date(p) for p in parts)
    return _desk_words(text)


def _desk_words(text: str) -> bool:
    from newslint.analysis.byline_words import ROLE_WORDS, WRITER_WORDS

    words = text.strip().casefold().split()
    return (
        2 <= len(words) <= _DESK_LINE_WORDS
        and all(w.isalpha() and w in ROLE_WORDS for w in words)
        and any(w in WRITER_WORDS for w in words)
    )


def header_fields(
    text: str, paragraphs: list[Span], first: int
) -> tuple[list[Span], Span | None, dt.date | None]:
    """Find a byline and a dateline among the paragraphs from index ``first`` on.

    A top paragraph made of such lines ("By Jane Doe" / "Feb. 6, 2026") is split
    into one paragraph per line, so the byline is a paragraph of its own.
    Returns the paragraphs, the byline span and the date.
    """
    result = list(paragraphs[:first])
    byline: Span | None = None
    date: dt.date | None = None
    for index, para in enumerate(paragraphs[first:]):
        if index >= _HEADER_PARAGRAPHS:
            result.append(para)
            continue
        lines = _line_spans(text, para)
        # A line that carries on a sentence wrapped from the line before
        # ("... reduce its workforce\nby between 7,000 and 8,000") is prose.
        meta = [
            not (k and wrapped_mid_sentence(text, text.find("\n", lines[k - 1].end)))
            and (is_byline(text[s:e]) or dateline_date(text[s:e]) is not None)
            for k, (s, e) in enumerate(lines)
        ]
        parts = lines if len(lines) > 1 and any(meta) else [para]
        for span, header in zip(parts, meta if parts is lines else [True], strict=True):
            part = text[span.start : span.end]
            if header and byline is None and is_byline(part):
                byline = span
            elif header and date is None:
                date = dateline_date(part)
        result.extend(parts)
    return result, byline, date


def _line_spans(text: str, para: Span) -> list[Span]:
    spans = []
    start = para.start
    while start <= para.end:
        stop = text.find("\n", start, para.end)
        stop = para.end if stop < 0 else stop
        span = strip_span(text, start, stop)
        if span:
            spans.append(span)
        start = stop + 1
    return spans


def strip_span(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without surrounding whitespace, or None when only whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


_ENGLISH_VARIANTS = {"en-gb": "en-GB", "en-uk": "en-GB", "en-us": "en-US"}


def english_variant(declared: object) -> str | None:
    """``en-GB``/``en-US`` from a declared language tag (``lang="en-gb"``), else None.

    A plain ``en`` says nothing about the variant, so the config decides."""
    if not isinstance(declared, str):
        return None
    return _ENGLISH_VARIANTS.get(declared.strip().replace("_", "-").lower())


def _first_body(doc: Document) -> int:
    """Index of the first paragraph below the headline and byline."""
    special = [p for p in (doc.headline, doc.byline) if p is not None and p in doc.paragraphs]
    return max((doc.paragraphs.index(p) + 1 for p in special), default=0)


_CLOSING_BYLINE_REACH = 2  # the last paragraphs that may hold a closing byline


def closing_byline(text: str, body: list[Span]) -> Span | None:
    """A byline standing alone at the end of the story, as blogs print it
    ("Posted by admin at 10:15 AM"), when the top has none."""
    if len(body) < 2:
        return None
    for span in reversed(body[-_CLOSING_BYLINE_REACH:]):
        if _BYLINE_LEAD.match(text, span.start) and is_byline(text[span.start : span.end]):
            return span
    return None


def finish(builder: TextBuilder, *, code: list[Span] | None = None, **fields: Any) -> Document:
    """Create the Document and add the skipped regions found in its text, and the
    question-and-answer pairs and sign-off block when the loader did not find them."""
    from newslint.sources.blocks import find_qa_pairs, find_signoff

    doc = Document.from_builder(builder, **fields)
    if "qa_pairs" not in fields:
        doc.qa_pairs = find_qa_pairs(doc.text, doc.paragraphs, doc.headings)
    if "signoff" not in fields:
        doc.signoff = find_signoff(doc.text, doc.paragraphs, _first_body(doc))
    if doc.byline is None:
        doc.byline = closing_byline(doc.text, doc.paragraphs[_first_body(doc) :])
    if doc.format != "html":  # a page's text has its whitespace collapsed already
        keep = {s for s in (doc.headline, doc.byline, doc.signoff) if s is not None}
        doc.text = unwrap(doc.text, doc.paragraphs, keep | set(doc.headings))
    skipped, sic = find_skipped(doc.text)
    doc.skipped = merge_spans(skipped + (code or []))
    doc.sic = sic
    return doc
