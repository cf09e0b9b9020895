"""The dictionary behind the spelling rules: pyspellchecker's English word
frequencies plus newslint's word lists, one per language, and suggestions.

pyspellchecker is imported and its dictionary (about 160,000 words) loaded
once per process, on the first check that needs it. Suggestions are ranked by
edit distance, then word frequency. Unlike ``SpellChecker.correction()``,
which explores every distance-2 edit (half a second on a long word), distance
2 is tried only when distance 1 finds nothing, only for words of at most
:data:`FAR_MAX_LENGTH` letters, and each word's answer is cached.
"""

from __future__ import annotations

import functools
import marshal
import string
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from newslint.cachedir import cache_root, write_atomically
from newslint.engines.spelling.data import GB_ONLY, NEWS_WORDS, variant_pairs, word_set
from newslint.engines.spelling.hashed import HashedWords

FAR_MAX_LENGTH = 12  # a distance-2 search on 12 letters costs about 0.1 s
MAX_SUGGESTIONS = 3
NEWS_WORD_FREQUENCY = 1_000  # rank our own words like moderately common ones
_LETTERS = string.ascii_lowercase + "'"

# Seconds the last dictionary load took (None until one happens).
load_seconds: float | None = None


@functools.lru_cache(maxsize=1)
def _base_frequencies() -> Mapping[str, int]:
    """pyspellchecker's word frequencies. Decompressing and parsing its JSON
    costs ~0.35 s, most of a one-file run; a marshal copy in newslint's cache
    directory (keyed by pyspellchecker's version) loads in ~0.03 s."""
    global load_seconds
    began = time.perf_counter()
    cached = _frequency_cache_path()
    try:
        frequencies: dict[str, int] = marshal.loads(cached.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        from spellchecker import SpellChecker  # heavy: only when a check needs it

        frequencies = dict(SpellChecker(language="en").word_frequency.dictionary)
        write_cache(cached, marshal.dumps(frequencies))
    load_seconds = time.perf_counter() - began
    return frequencies


def _frequency_cache_path() -> Path:
    from newslint.distinfo import version

    return cache_root() / f"spelling-en-pyspellchecker-{version('pyspellchecker')}.marshal"


def write_cache(path: Path, data: bytes) -> None:
    write_atomically(path, data)


@functools.lru_cache(maxsize=1)
def _base_table() -> HashedWords:
    """pyspellchecker's words as sorted hashes: read in under a millisecond,
    where the dict takes ~45 ms, but each lookup costs ~2 us against ~0.1 us."""
    path = _frequency_cache_path().with_suffix(".hashed")
    try:
        return HashedWords.load(path)
    except (OSError, EOFError, ValueError):
        table = HashedWords.build((word, 1) for word in _base_frequencies())
        write_cache(path, table.dumps())
        return table


# Lookups answered from the hashed table before the dict is loaded: about as
# long in all as loading the dict (the ski-rental rule, never worse than twice
# the better choice). A one-article run never pays for the dict; a run over
# many articles loads it after a few articles.
HASHED_LOOKUPS = 20_000


class BaseWords:
    """Membership in pyspellchecker's dictionary, from the hashed table first
    and from the dict once enough lookups have been made to pay for it."""

    __slots__ = ("_lookups", "_words")

    def __init__(self) -> None:
        self._lookups = 0
        self._words: Mapping[str, int] | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._lookups += 1
            if self._lookups <= HASHED_LOOKUPS:
                return word in _base_table()
            self._words = _base_frequencies()
        return word in self._words


# One for both languages: the lookups of both count towards loading the dict,
# which both then share (the same words; only the language's lists differ).
_BASE_WORDS = BaseWords()


@dataclass(frozen=True)
class Lexicon:
    """Known words and their frequencies for one language setting."""

    language: str
    base: BaseWords
    extra_words: frozenset[str]  # our words, by language
    hidden: frozenset[str]  # base words that this language treats as the other variant
    gb_forms: Mapping[str, str]  # en-GB: US form -> British form, ranked by the US form

    @functools.cached_property
    def extra(self) -> dict[str, int]:
        """Frequencies of our words (built on the first suggestion): pyspellchecker's
        where it has the word, else a moderate one; a British form ranks as its US pair."""
        base = _base_frequencies()
        ranks = {w: base.get(w) or NEWS_WORD_FREQUENCY for w in self.extra_words}
        ranks.update({gb: base.get(us, 0) + 1 for us, gb in self.gb_forms.items()})
        return ranks

    @functools.cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word a suggestion may be (built on the first suggestion)."""
        return (frozenset(_base_frequencies()) | self.extra_words) - self.hidden

    def known(self, word: str) -> bool:
        """Whether a lowercase word is spelled right in this language."""
        if word in self.hidden:
            return False
        return word in self.extra_words or word in self.base

    def frequency(self, word: str) -> int:
        return self.extra.get(word) or _base_frequencies().get(word, 0)


@functools.lru_cache(maxsize=2)
def lexicon(language: str) -> Lexicon:
    """The dictionary for ``en-US`` or ``en-GB`` (built once per process)."""
    us_to_gb, gb_to_us = variant_pairs()
    # British-only words with no safe US pair (programme) are accepted in both
    # languages, as British spellings are (see spelling.unknown's why).
    words = word_set(NEWS_WORDS) | word_set(GB_ONLY)
    if language == "en-GB":
        return Lexicon(
            language, _BASE_WORDS, words | frozenset(us_to_gb.values()), frozenset(), us_to_gb
        )
    # en-US suggestions never offer a British form.
    return Lexicon(language, _BASE_WORDS, words, frozenset(gb_to_us), {})


def _edits1(word: str) -> set[str]:
    """Every string one delete, transpose, replace or insert away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    edits.update(a + c + b[1:] for a, b in splits if b for c in _LETTERS)
    edits.update(a + c + b for a, b in splits for c in _LETTERS)
    edits.discard(word)
    return edits


def _ranked(lex: Lexicon, candidates: set[str]) -> list[str]:
    return sorted(candidates, key=lambda w: (-lex.frequency(w), w))


@functools.lru_cache(maxsize=8192)
def near_suggestions(word: str, language: str) -> tuple[str, ...]:
    """Known words at edit distance 1, most frequent first (at most 3)."""
    lex = lexicon(language)
    return tuple(_house_forms(lex, _ranked(lex, _edits1(word) & lex.vocabulary)))


@functools.lru_cache(maxsize=4096)
def far_suggestions(word: str, language: str) -> tuple[str, ...]:
    """Known words at edit distance 2, most frequent first (at most 3).

    Empty for words longer than :data:`FAR_MAX_LENGTH` (too costly to search).
    """
    if len(word) > FAR_MAX_LENGTH:
        return ()
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    lex = lexicon(language)
    # rapidfuzz scans the whole vocabulary in C, 3-4x faster than intersecting
    # the ~100,000 strings two edits away; OSA counts a transposition as one
    # edit, like _edits1.
    matches = process.extract(
        word, _vocabulary_list(language), scorer=OSA.distance, score_cutoff=2, limit=None
    )
    found = {candidate for candidate, _, _ in matches if candidate != word}
    return tuple(_house_forms(lex, _ranked(lex, found)))


@functools.lru_cache(maxsize=2)
def _vocabulary_list(language: str) -> list[str]:
    return sorted(lexicon(language).vocabulary)


def _house_forms(lex: Lexicon, ranked: list[str]) -> list[str]:
    """In en-GB, offer the British form of a US candidate; drop repeats."""
    us_to_gb = variant_pairs()[0] if lex.language == "en-GB" else {}
    out: list[str] = []
    for word in ranked:
        word = us_to_gb.get(word, word)
        if word not in out:
            out.append(word)
        if len(out) == MAX_SUGGESTIONS:
            break
    return out


def suggestions(word: str, language: str, *, far: bool = True) -> tuple[str, ...]:
    """Up to 3 corrections for a lowercase word: distance 1 first, then 2."""
    found = near_suggestions(word, language)
    if found or not far:
        return found
    return far_suggestions(word, language)
