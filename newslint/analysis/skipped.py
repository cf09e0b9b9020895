"""Regions of prose that checks must not lint: URLs, e-mail addresses,
social handles, hashtags, a web page's name link cards, and words an editor
marked ``[sic]``.

Loaders call :func:`find_skipped` on the finished text and add the spans of
code they dropped or kept themselves.
"""

from __future__ import annotations

import re

from newslint import regexcache
from newslint.analysis.link_cards import link_cards
from newslint.spans import Span

# A URL runs to the next space or quote; trailing sentence punctuation is trimmed below.
_URL = regexcache.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"“”‘’]+", re.IGNORECASE)
EMAIL = regexcache.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
HANDLE = regexcache.compile(r"(?<![\w@.])@\w{1,30}")
# Hashtags start with a letter so "#1 seed" stays prose.
_HASHTAG = regexcache.compile(r"(?<![\w&#])#[^\W\d]\w*")
_SIC = regexcache.compile(r"([\w'’.-]*\w)[\"”’'.,;:!?)]*\s*([\[(]sic[.!]?[\])])", re.IGNORECASE)
_TRAILING = ".,;:!?'\"”’)]}>"


def _trim_url(text: str, start: int, end: int) -> int:
    """Drop trailing punctuation that belongs to the sentence, keeping balanced parens."""
    while end > start and text[end - 1] in _TRAILING:
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        end -= 1
    return end


def merge_spans(spans: list[Span]) -> list[Span]:
    """Sort spans and merge those that overlap or touch."""
    merged: list[Span] = []
    for span in sorted(spans):
        if merged and span.start <= merged[-1].end:
            if span.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, span.end)
        else:
            merged.append(span)
    return merged


def find_skipped(text: str) -> tuple[list[Span], list[Span]]:
    """Return ``(skipped, sic)`` spans of ``text``, each sorted."""
    # Each pattern backtracks at every word; most articles hold none of the
    # characters they need, so a substring test skips the scan (4x faster).
    lowered = text.lower()
    has_at = "@" in text
    skipped: list[Span] = []
    for m in _URL.finditer(text) if ("://" in text or "www." in lowered) else ():
        end = _trim_url(text, m.start(), m.end())
        if end > m.start():
            skipped.append(Span(m.start(), end))
    for m in EMAIL.finditer(text) if has_at else ():
        end = m.end()
        while end > m.start() and text[end - 1] in ".-":
            end -= 1
        skipped.append(Span(m.start(), end))
    taken = merge_spans(skipped)
    for pattern, needed in ((HANDLE, has_at), (_HASHTAG, "#" in text)):
        for m in pattern.finditer(text) if needed else ():
            span = Span(m.start(), m.end())
            if not any(s.overlaps(span) for s in taken):
                skipped.append(span)
    # A name's link card copied into a sentence: page furniture, not the story's prose.
    skipped.extend(Span(start, end) for start, end in link_cards(text))
    sic: list[Span] = []
    for m in _SIC.finditer(text) if "sic" in lowered else ():
        sic.append(Span(m.start(1), m.end(1)))
        skipped.append(Span(m.start(2), m.end(2)))
    return merge_spans(skipped), sorted(sic)
