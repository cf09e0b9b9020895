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


def text_scan(doc: Document) -> TextScan:
    """The document's scan (memoised)."""
    return doc.analysis("text-scan", lambda d: TextScan(d.text))
