"""Sentence spans of the prose text, computed per paragraph with pysbd."""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

from newslint.document import Span

# A possible boundary: terminal punctuation, optional closing quotes/brackets, then space.
_MAYBE_BOUNDARY = re.compile(r"[.!?…][\"'”’)\]]*\s+\S")
_TIME_ABBREV = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
# Words that commonly follow "a.m."/"p.m." inside the same sentence.
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Fri"
_MONTHS = "January February March April May June July August September October November December"
_ZONES = "ET EST EDT CT CST CDT MT MST MDT PT PST PDT GMT BST UTC CET CEST Eastern Pacific local"
_AFTER_TIME = frozenset(f"{_WEEKDAYS} {_MONTHS} Jan Feb Aug Sept Oct Nov Dec {_ZONES}".split(" "))
_FIRST_WORD = re.compile(r"\w+")
_FLATTEN = str.maketrans("\r\n", "  ")
# A boundary that needs no pysbd: a plain lowercase word or a number before the
# period (or any word before ! or ?), then a capital. Splitting these first keeps
# the slow segmenter to the few chunks that hold abbreviations.
_SURE_BOUNDARY = re.compile(
    r"(?:(?<![^\s\"“‘(\[—–-])([a-z]{2,}|\d+%?)\.|[!?])[\"'”’)]*(?=\s+[\"“‘']?[A-Z])"
)
_LOWER_ABBREVIATIONS = frozenset(("etc", "vs", "approx", "est", "al", "cf", "ft", "lbs", "oz"))


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    # Built once: pysbd compiles many rules on construction.
    return pysbd.Segmenter(language="en", clean=False)


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def _continues(previous: str, following: str) -> bool:
    """True when pysbd split where a news sentence actually goes on."""
    first = following[:1]
    if not first or first.islower() or first in ",;:)]":
        return True
    if _TIME_ABBREV.search(previous):
        word = _FIRST_WORD.match(following)
        return bool(word and word.group() in _AFTER_TIME)
    return False


def _inside_quote(text: str, start: int, end: int) -> bool:
    """True when a double quotation opened in ``[start, end)`` is still open at ``end``.

    pysbd keeps a multi-sentence quotation together; the fast path does the same.
    """
    curly = text.count("“", start, end) - text.count("”", start, end)
    return curly > 0 or text.count('"', start, end) % 2 == 1


def _chunks(text: str, para: Span) -> list[Span]:
    """Cut a paragraph at the boundaries that are certain."""
    chunks: list[Span] = []
    start = para.start
    for m in _SURE_BOUNDARY.finditer(text, para.start, para.end):
        if m.group(1) in _LOWER_ABBREVIATIONS or _inside_quote(text, para.start, m.end()):
            continue
        chunks.append(Span(start, m.end()))
        start = m.end()
    chunks.append(Span(start, para.end))
    return [c for c in (_strip(text, s, e) for s, e in chunks) if c is not None]


def _segment(text: str, chunk: Span) -> list[Span]:
    """Sentences of one chunk by pysbd, located in ``text``."""
    flat = text[chunk.start : chunk.end].translate(_FLATTEN)
    spans: list[Span] = []
    cursor = 0
    for piece in _segmenter().segment(flat):
        piece = piece.strip()
        if not piece:
            continue
        found = flat.find(piece, cursor)
        if found < 0:  # pysbd altered the text; give up on finer splits here
            return [chunk]
        cursor = found + len(piece)
        spans.append(Span(chunk.start + found, chunk.start + cursor))
    return spans or [chunk]


def _split_paragraph(text: str, para: Span) -> list[Span]:
    spans: list[Span] = []
    for chunk in _chunks(text, para):
        # pysbd treats a newline as a boundary; soft line breaks are not, hence _FLATTEN.
        if _MAYBE_BOUNDARY.search(text, chunk.start, chunk.end):
            pieces = _segment(text, chunk)
        else:
            pieces = [chunk]
        for span in pieces:
            if spans and _continues(text[spans[-1].start : spans[-1].end], text[span.start :]):
                spans[-1] = Span(spans[-1].start, span.end)
            else:
                spans.append(span)
    return spans


def split_sentences(text: str, paragraphs: list[Span]) -> list[Span]:
    """Sentences of ``text``; none crosses a paragraph; spans exclude outer whitespace."""
    sentences: list[Span] = []
    for raw in paragraphs:
        para = _strip(text, raw.start, raw.end)
        if para is None:
            continue
        if not _MAYBE_BOUNDARY.search(text, para.start, para.end):
            sentences.append(para)  # cheap path: nothing that could end a sentence inside
            continue
        sentences.extend(_split_paragraph(text, para))
    return sentences
