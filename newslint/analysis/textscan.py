"""Which of a rule family's regexes can match anywhere in a document.

Sentence scorers run a dozen regexes on every sentence of a story, and most
of them match nowhere in it: a story with no "fans" or "viewers" has no
sentence with a generic group either. Every match of a regex contains some
literal letters (``pattern_requirements``, read from ``re``'s own parse), so
a regex none of whose required literals occur in the lowercased document
cannot match in any part of it, whatever its assertions or flags. One
substring test per literal per document then spares each sentence its search.

Texts holding a letter that ``re`` folds into an ASCII one under IGNORECASE
(İ ı ſ K) keep every regex.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from newslint.document import Document
from newslint.packs.prefilter import FOLDED, Requirement, pattern_requirements


@functools.cache
def _requirements(pattern: str, flags: int) -> tuple[Requirement, ...]:
    if flags & re.VERBOSE:  # read with other whitespace rules: nothing is certain
        return ()
    return pattern_requirements(pattern)


class TextScan:
    """One document's lowercased text, and which regexes may match in it."""

    def __init__(self, text: str) -> None:
        self.lowered = text.lower()
        self.every = any(ch in text for ch in FOLDED)
        self._memo: dict[Any, bool] = {}
        self._part: str | None = None
        self._lowered_part = ""

    def may_match(self, pattern: re.Pattern[str]) -> bool:
        """False only when ``pattern`` matches nowhere in the text, nor in any
        part of it (a sentence, a paragraph)."""
        found = self._memo.get(pattern)
        if found is None:
            lowered = self.lowered
            found = self.every or all(
                any(literal in lowered for literal in requirement)
                for requirement in _requirements(pattern.pattern, pattern.flags)
            )
            self._memo[pattern] = found
        return found

    def may_match_in(self, pattern: re.Pattern[str], part: str) -> bool:
        """False only when ``pattern`` matches nowhere in ``part`` (a sentence
        of this text): the document's check, then the same literals looked
        for in the part. A literal test costs far less than a search by a
        regex that opens with an alternation under IGNORECASE, which ``re``
        tries at every position."""
        if not self.may_match(pattern):
            return False
        if self.every:
            return True
        if part is not self._part:  # one lowercasing for a sentence's several regexes
            self._part, self._lowered_part = part, part.lower()
        return _has_literals(pattern, self._lowered_part)

    def search(self, pattern: re.Pattern[str], part: str) -> re.Match[str] | None:
        """``pattern.search(part)``, skipped when :meth:`may_match_in` rules it out."""
        return pattern.search(part) if self.may_match_in(pattern, part) else None


def may_match_text(pattern: re.Pattern[str], text: str) -> bool:
    """False only when ``pattern`` matches nowhere in ``text`` (the literal
    test of :class:`TextScan` for one short text, a sentence)."""
    return any(ch in text for ch in FOLDED) or _has_literals(pattern, text.lower())


def _has_literals(pattern: re.Pattern[str], lowered: str) -> bool:
    contains = lowered.__contains__  # map() runs the substring tests in C
    return all(
        any(map(contains, requirement))
        for requirement in _requirements(pattern.pattern, pattern.flags)
    )


def text_scan(doc: Document) -> TextScan:
    """The document's scan (memoised)."""
    return doc.analysis("text-scan", lambda d: TextScan(d.text))
