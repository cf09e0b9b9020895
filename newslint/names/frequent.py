"""Word frequencies from ``wordfreq`` (a maintained multi-source frequency
list) for telling a slip on a common word ("Germnay", "Parliment") from a
rare but real name ("Okonkwo", "Madeley").

Frequencies are on the Zipf scale: log10 of occurrences per billion words
(about 7 for "the", 5 for "germany", 2 for an uncommon surname, 0 when the
word is not in the list), from the spelling rules' cached table.
"""

from __future__ import annotations

import functools

from rapidfuzz import process
from rapidfuzz.distance import OSA

# A neighbour must be at least this common to be the word that was meant.
FREQUENT = 3.5
MIN_LENGTH = 4


@functools.lru_cache(maxsize=65536)  # the names rules ask again for every pair of words
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` case-insensitively (0.0 when unknown).

    Read from the spelling rules' hashed wordfreq table (a few MiB per worker,
    shared with spelling.unknown) rather than wordfreq's own dictionary (about
    40 MiB, and twice that while it loads)."""
    from newslint.engines.spelling.frequency import zipf as table_zipf

    return table_zipf(word.casefold())


@functools.lru_cache(maxsize=1)
def _index() -> dict[tuple[str, int], list[str]]:
    """Frequent alphabetic words by (first letter, length): a slip keeps the
    first letter far more often than not, and that keeps each search small."""
    from newslint.engines.spelling.frequency import frequent_words

    index: dict[tuple[str, int], list[str]] = {}
    for word in frequent_words(FREQUENT):
        if len(word) >= MIN_LENGTH and word.isalpha() and word.isascii():
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
