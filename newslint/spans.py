"""Spans of prose text and the builder that maps each character back to its source.

The smallest pieces every layer shares: loaders build text with a
:class:`TextBuilder`, analyses and checks report :class:`Span` values of it.
They live apart from :mod:`newslint.document` so that the analyses the
Document runs on demand (sentences, quotations) can use them without
importing the Document.
"""

from __future__ import annotations

from array import array
from typing import NamedTuple


class Span(NamedTuple):
    """A half-open range ``[start, end)`` of the prose text."""

    start: int
    end: int

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


_COUNTING = array("i")
# Offsets beyond this (a big HTML page's) are filled from a range: the table
# must not grow to a page's size for a little text.
_COUNTING_MAX = 1 << 17


def _counting(size: int) -> array[int]:
    """0, 1, 2, ... (at least ``size`` of them), kept per process: a slice of it
    is copied into the offsets in C, where extending by a range makes an int
    object per character."""
    global _COUNTING
    if len(_COUNTING) < size:
        _COUNTING = array("i", range(min(max(size, 2 * len(_COUNTING)), _COUNTING_MAX)))
    return _COUNTING


class TextBuilder:
    """Accumulates prose text while recording where each character came from.

    ``add(text, src_start)`` copies source characters one for one (the usual
    case). ``add(text, src_start, src_end)`` records text that stands for a
    source range of another length (an HTML entity, a Markdown escape, a
    separator): each of its characters maps to the whole source range.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        # 4-byte offsets ("i"; "l" is 8 bytes here): two per text character, so
        # they are the largest part of a big document. Files are far below 2 GiB.
        self._starts = array("i")
        self._ends = array("i")
        self.length = 0

    def add(self, text: str, src_start: int, src_end: int | None = None) -> Span:
        if not text:
            return Span(self.length, self.length)
        begin = self.length
        self._parts.append(text)
        if src_end is None and src_start + len(text) < _COUNTING_MAX:
            counting = _counting(src_start + len(text) + 1)
            self._starts.extend(counting[src_start : src_start + len(text)])
            self._ends.extend(counting[src_start + 1 : src_start + len(text) + 1])
        elif src_end is None:
            self._starts.extend(range(src_start, src_start + len(text)))
            self._ends.extend(range(src_start + 1, src_start + len(text) + 1))
        else:
            self._starts.extend([src_start] * len(text))
            self._ends.extend([src_end] * len(text))
        self.length += len(text)
        return Span(begin, self.length)

    def separate(self, separator: str, src_offset: int) -> None:
        """Add a break between blocks (``"\\n\\n"``) unless text already ends so."""
        if self.length and not self.text_endswith(separator):
            self.add(separator, src_offset, src_offset)

    def text_endswith(self, suffix: str) -> bool:
        tail = "".join(self._parts[-len(suffix) :])
        return tail.endswith(suffix)

    def build(self) -> tuple[str, array[int], array[int]]:
        return "".join(self._parts), self._starts, self._ends
