"""Finding the words the spelling rules check in a Document's text.

One compiled regex over ``doc.text``: words with inner apostrophes (don't,
Britain’s) joined by hyphens into compounds (co-operate, year-olds), whose
parts are checked one by one. Words inside skipped spans (URLs, e-mail,
handles, hashtags, code), words marked [sic], words damaged by a wrong
encoding, words with digits and pieces
of dotted or slashed names (bbc.co.uk, news/world) are left out.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Container, Iterator
from dataclasses import dataclass

from newslint import regexcache
from newslint.analysis.skipped import merge_spans
from newslint.document import Document
from newslint.spans import Span

_PIECE = r"[^\W_]+(?:['’][^\W_]+)*"
_WORD = regexcache.compile(rf"{_PIECE}(?:-{_PIECE})*")
_PART = regexcache.compile(_PIECE)
_JOINERS = "./\\_@#=&+~"  # a word touching these belongs to a name, path or code
_ENTITY_END = regexcache.compile(r"&#?\w+;$")
_DIGIT = regexcache.compile(r"\d")
_SIMPLE = regexcache.compile(r"[^\W\d_]+")  # one plain word: no apostrophe, hyphen or digit


@dataclass(frozen=True)
class Word:
    """A word (or one part of a hyphenated compound) and its text offsets."""

    start: int
    end: int
    text: str  # as written, curly apostrophes straightened

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Compound:
    """A token of the text: one word, or hyphenated parts (``parts`` > 1)."""

    start: int
    end: int
    text: str
    parts: tuple[Word, ...]


class _SpanIndex:
    """Overlap tests against sorted, merged spans in O(log n)."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = merge_spans(list(spans))
        self.starts = [s.start for s in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.spans[i].end > start


# Invisible characters a page sets inside words (soft hyphens for line breaking,
# zero-width spaces and joiners): the regex sees the pieces of one word.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


def _joined(text: str, start: int, end: int) -> bool:
    """True for a piece of ``bbc.co.uk``, ``news/world``, ``snake_case``, of a
    word cut by an undecoded character entity (``communiqu&#233;``) or by an
    invisible soft hyphen or zero-width character (``dis``, ``tin``, ``guish``), or
    split by an editor's brackets (``[F]ailure``, ``(G)eneralizations``)."""
    before = text[start - 2 : start] if start >= 2 else ""
    after = text[end : end + 2]
    if before[-1:] in _INVISIBLE or after[:1] in _INVISIBLE:
        return True
    # An editor's brackets inside a quoted word ("[F]ailure", "[provid]ing"): the
    # pieces on either side of a bracket with a letter on its far side are one word.
    if (after[:1] in "[]" and after[1:2].isalpha()) or (
        before[-1:] in "[]" and before[:1].isalpha()
    ):
        return True
    # Or in round ones around its first letter: "(G)eneralizations".
    if before[-1:] == ")" and before[:1].isalpha() and text[start - 3 : start - 2] == "(":
        return True
    if len(before) == 2 and before[1] in _JOINERS and before[0].isalnum():
        return True
    if before.endswith("\\"):
        return True  # a TeX command (\displaystyle) or an escape
    if len(after) == 2 and after[0] in _JOINERS and (after[1].isalnum() or after[1] == "#"):
        return True
    return before.endswith(";") and _ENTITY_END.search(text, max(0, start - 12), start) is not None


def distinct_plain_words(text: str) -> set[str]:
    """Every distinct one-part token of ``text`` (no apostrophe, hyphen or digit)."""
    # Distinct first: each token is tested once, however often the text has it.
    return {t for t in set(_WORD.findall(text)) if _SIMPLE.fullmatch(t)}


def word_counts(text: str) -> Counter[str]:
    """How often each lowercased token (apostrophes straightened) occurs."""
    return Counter(t.lower().replace("’", "'") for t in _WORD.findall(text))


def compounds(doc: Document, settled: Container[str] = ()) -> Iterator[Compound]:
    """The checkable tokens of ``doc``, in text order, less the ``settled``
    ones (tokens already known to need nothing wherever they stand)."""
    from newslint.analysis.encoding import document_damage

    text = doc.text
    # Pieces of words damaged by a wrong encoding ("hadn?t") are
    # structure.encoding-damage's to report, not misspellings.
    damaged = [Span(d.start, d.end) for d in document_damage(doc)]
    skipped = _SpanIndex([*doc.skipped, *doc.sic, *damaged])
    for m in _WORD.finditer(text):
        token = m.group()
        if token in settled:
            continue
        start, end = m.span()
        if _DIGIT.search(token) or skipped.overlaps(start, end) or _joined(text, start, end):
            continue
        if _SIMPLE.fullmatch(token):  # most tokens: one part, nothing to straighten
            yield Compound(start, end, token, (Word(start, end, token),))
            continue
        straight = token.replace("’", "'")
        parts = tuple(
            Word(start + p.start(), start + p.end(), p.group()) for p in _PART.finditer(straight)
        )
        yield Compound(start, end, straight, parts)
