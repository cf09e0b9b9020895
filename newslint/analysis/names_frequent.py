"""Word frequencies from ``wordfreq`` (a maintained multi-source frequency
list) for telling a slip on a common word ("Germnay", "Parliment") from a
rare but real name ("Okonkwo", "Madeley").

Frequencies are on the Zipf scale: log10 of occurrences per billion words
(about 7 for "the", 5 for "germany", 2 for an uncommon surname, 0 when the
word is not in the list). The list is read once per process (~0.1 s).
"""

from __future__ import annotations

import functools
import math

from rapidfuzz import process
from rapidfuzz.distance import OSA

# A neighbour must be at least this common to be the word that was meant.
FREQUENT = 3.5
MIN_LENGTH = 4


@functools.lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    # The same arguments as wordfreq's own lookups, so its cache serves both.
    return get_frequency_dict("en", "best")


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` case-insensitively (0.0 when unknown)."""
    freq = _frequencies().get(word.casefold())
    return 9 + math.log10(freq) if freq else 0.0


@functools.lru_cache(maxsize=1)
def _index() -> dict[tuple[str, int], list[str]]:
    """Frequent alphabetic words by (first letter, length): a slip keeps the
    first letter far more often than not, and that keeps each search small."""
    index: dict[tuple[str, int], list[str]] = {}
    for word, freq in _frequencies().items():
        common = 9 + math.log10(freq) >= FREQUENT
        if common and len(word) >= MIN_LENGTH and word.isalpha() and word.isascii():
            index.setdefault((word[0], len(word)), []).append(word)
    return index


@functools.lru_cache(maxsize=8192)
def frequent_neighbours(word: str, limit: int = 1) -> tuple[tuple[str, int], ...]:
    """Frequent words within ``limit`` edits (OSA: transpositions count one)
    of ``word``, nearest and then most frequent first."""
    lower = word.casefold()
    if not lower:
        return ()
    index = _index()
    choices = [
        w
        for size in range(len(lower) - limit, len(lower) + limit + 1)
        for w in index.get((lower[0], size), ())
        if w != lower
    ]
    found = process.extract(lower, choices, scorer=OSA.distance, score_cutoff=limit, limit=None)
    ranked = sorted(((w, int(d)) for w, d, _ in found), key=lambda p: (p[1], -zipf(p[0])))
    return tuple(ranked)
