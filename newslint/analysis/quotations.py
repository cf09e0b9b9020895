"""Direct quotations in the prose text.

Double quotes (straight or curly) are the quotations; single quotes count
inside them as nested quotes, or on their own when they pair up within a
paragraph (headline style). News convention: a quote that runs on into the
next paragraph leaves the first paragraph without a closing mark and opens
the next with a fresh opening mark; that is one quotation.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from newslint import regexcache
from newslint.spans import Span

# Two single marks typeset as a double one ("‘‘...’’", as some wire and
# web copy sets quotes) count as that double mark; so do two straight ones
# closing a quote, the typewriter's ''.
_DOUBLE_MARK = regexcache.compile("[“”\"]|‘‘|’’|''")
_SINGLE_MARK = regexcache.compile("['‘’]")
_OPEN_AFTER = "([{“\"‘'—–-/ \t\r\n\xa0"
# Words that begin with an apostrophe: '90s, '09, rock 'n' roll, 'em, 'til ...
_ELISION = regexcache.compile(
    r"['‘’](?:\d0s|\d\d(?:s|\b)|n['‘’]?(?!\w)|em\b|til\b|cause\b|tis\b|twas\b|bout\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quotation:
    span: Span  # the quotation including its marks
    content: Span  # what was said, inside the marks
    nested: bool  # a single-quoted quotation inside a double-quoted one
    paragraphs: int  # how many paragraphs the quotation runs over


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _opens(text: str, j: int, para: Span) -> bool:
    """A straight mark that can only open: after a sentence's end and a space,
    before a capital ('... schools. "Copyright ...'). A closing mark follows
    the quoted words with no space."""
    return (
        j >= para.start + 2
        and text[j - 1] in " \n"  # a newline where the paragraph is wrapped
        and text[j - 2] in ".!?"
        and j + 1 < para.end
        and text[j + 1].isupper()
    )


def _closes_only(text: str, j: int, para: Span) -> bool:
    """A straight mark that can only close: right after a word or a stop and
    before a space or the paragraph's end ('... make fans proud."'). With no
    quotation open it is a stray mark, not the start of one running to the
    paragraph's end."""
    return (
        j > para.start
        and not text[j - 1].isspace()
        and text[j - 1] not in "([{—–-/"
        and (j + 1 >= para.end or text[j + 1].isspace())
    )


def _typewriter_close(text: str, j: int, para: Span) -> bool:
    """Two straight single marks at ``j`` close a quote: right after a word or
    a stop, before no letter ('... not a close case,'' the report said')."""
    return (
        j > para.start
        and not text[j - 1].isspace()
        and (j + 2 >= para.end or not text[j + 2].isalnum())
    )


class _DoubleScanner:
    """Finds double-quoted quotations, carrying open ones across paragraphs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Quotation] = []
        self.start: int | None = None
        self.count = 0
        self.width = 1  # of the open quotation's opening mark

    def _close(self, end: int, content_end: int) -> None:
        assert self.start is not None
        content = _strip(self.text, self.start + self.width, content_end)
        self.found.append(Quotation(Span(self.start, end), content, False, self.count))
        self.start = None

    def _open(self, at: int, width: int = 1) -> None:
        self.start, self.count, self.width = at, 1, width

    def paragraph(self, para: Span, previous_end: int) -> None:
        text, i = self.text, para.start
        if self.start is not None:
            if text[para.start] in '“"':
                self.count += 1  # the quote continues in this paragraph
                i += 1
            else:
                self._close(previous_end, previous_end)
        for mark in _DOUBLE_MARK.finditer(text, i, para.end):  # the marks only, found in C
            j = mark.start()
            ch = mark.group()
            if ch in ("“", "‘‘"):
                if self.start is not None:  # a missing closing mark: end it here
                    self._close(j, j)
                self._open(j, len(ch))
            elif ch in ("”", "’’") or (ch == "''" and _typewriter_close(text, j, para)):
                if self.start is not None:
                    self._close(mark.end(), j)
            elif ch == '"':
                if self.start is not None and _opens(text, j, para):
                    # '... in schools. "Copyright is ...': a quote running on into
                    # a paragraph whose break was lost; one quotation, as above.
                    self.count += 1
                elif self.start is not None:
                    self._close(j + 1, j)
                elif not (j > 0 and text[j - 1].isdigit()) and not _closes_only(text, j, para):
                    self._open(j)  # (6'2" is inches)

    def finish(self, last_end: int) -> list[Quotation]:
        if self.start is not None:
            self._close(last_end, last_end)
        return self.found


def _single_marks(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Positions of single quotes that can open and that can close in ``[start, end)``."""
    openers: list[int] = []
    closers: list[int] = []
    apostrophes: set[int] = set()
    for m in _ELISION.finditer(text, start, end):
        if m.start() == start or not text[m.start() - 1].isalnum():
            apostrophes.add(m.start())
            if m.group()[-1] in "'‘’":
                apostrophes.add(m.end() - 1)
    for mark in _SINGLE_MARK.finditer(text, start, end):  # the marks only, found in C
        i = mark.start()
        ch = text[i]
        if i in apostrophes:
            continue
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if ch != "’" and prev in _OPEN_AFTER and (nxt.isalnum() or nxt in '“"…$'):
            openers.append(i)
        elif ch != "‘" and not prev.isspace() and not nxt.isalnum():
            closers.append(i)
    return openers, closers


def _looks_possessive(text: str, i: int) -> bool:
    """``players' union``: an s-apostrophe followed by a word."""
    return text[i - 1 : i] in ("s", "S") and text[i + 1 : i + 3].strip()[:1].isalpha()


def _pair_singles(text: str, region: Span, nested: bool) -> list[Quotation]:
    openers, closers = _single_marks(text, region.start, region.end)
    found: list[Quotation] = []
    for n, opener in enumerate(openers):
        if found and opener < found[-1].span.end:
            continue
        limit = openers[n + 1] if n + 1 < len(openers) else region.end
        candidates = [c for c in closers if opener < c < limit]
        if not candidates:
            continue
        closer = candidates[0]
        if len(candidates) > 1 and _looks_possessive(text, closer):
            closer = candidates[1]
        content = _strip(text, opener + 1, closer)
        found.append(Quotation(Span(opener, closer + 1), content, nested, 1))
    return found


def _first_reaching(ordered: list[Quotation], position: int) -> int:
    """Index of the first quotation (by start) that ends after ``position``,
    when their ends ascend too (double quotations do not overlap)."""
    lo, hi = 0, len(ordered)
    while lo < hi:
        mid = (lo + hi) // 2
        if ordered[mid].span.end <= position:
            lo = mid + 1
        else:
            hi = mid
    return lo


def find_quotations(text: str, paragraphs: list[Span]) -> list[Quotation]:
    """Quotations in ``text``, sorted by start."""
    paras = [p for p in (_strip(text, s, e) for s, e in paragraphs) if p.end > p.start]
    scanner = _DoubleScanner(text)
    previous_end = 0
    for para in paras:
        scanner.paragraph(para, previous_end)
        previous_end = para.end
    doubles = scanner.finish(previous_end)

    found = list(doubles)
    ordered = sorted(doubles, key=lambda q: q.span.start)
    starts = [q.span.start for q in ordered]
    ascending = all(a.span.end <= b.span.end for a, b in itertools.pairwise(ordered))
    for para in paras:
        cursor = para.start
        # Only the quotations that reach into the paragraph (a quotation may run
        # over several): from the first that ends after its start, by bisection.
        first = _first_reaching(ordered, para.start) if ascending else 0
        for quote in ordered[first : bisect.bisect_left(starts, para.end)]:
            if not quote.span.overlaps(para):
                continue
            inner = Span(max(quote.content.start, para.start), min(quote.content.end, para.end))
            if quote.span.start > cursor:
                found += _pair_singles(text, Span(cursor, quote.span.start), False)
            found += _pair_singles(text, inner, True)
            cursor = max(cursor, min(quote.span.end, para.end))
        if cursor < para.end:
            found += _pair_singles(text, Span(cursor, para.end), False)
    found.sort(key=lambda q: (q.span.start, -q.span.end))
    return found
