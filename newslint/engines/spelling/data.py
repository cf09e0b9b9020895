"""Word lists shipped for the spelling rules (``newslint/data/spelling``).

Plain sorted lists, one lowercase word a line, so they diff well and tests can
check them as data (as codespell does). Nothing here imports pyspellchecker.
"""

from __future__ import annotations

import functools

from newslint.wordlists import DATA_DIR as DATA_ROOT
from newslint.wordlists import read_entries

DATA_DIR = DATA_ROOT / "spelling"
NEWS_WORDS = "news-words.txt"  # modern and news vocabulary the base dictionary lacks
GB_ONLY = "en-gb-only.txt"  # British words with no safe US pair (programme, cheque)
PAIRS = "us-gb-pairs.txt"  # "color colour": one US and one British form a line


def read_lines(name: str) -> list[str]:
    """The entries of a data file (comment lines left out)."""
    return read_entries(DATA_DIR / name)


@functools.cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(read_lines(name))


@functools.lru_cache(maxsize=1)
def variant_pairs() -> tuple[dict[str, str], dict[str, str]]:
    """``(us_to_gb, gb_to_us)``. Only pairs that are unambiguous in both
    directions are listed (no program/programme, check/cheque, tire/tyre)."""
    us_to_gb: dict[str, str] = {}
    for line in read_lines(PAIRS):
        us, gb = line.split()
        us_to_gb[us] = gb
    return us_to_gb, {gb: us for us, gb in us_to_gb.items()}


@functools.lru_cache(maxsize=1)
def misspelled_table() -> dict[str, str]:
    """The swap table of the shipped ``spelling.misspelled`` pack (wrong -> right).

    spelling.unknown leaves these words to that rule (one typo, one
    diagnostic), or borrows its correction when that rule is switched off.
    """
    from newslint.packs import load_packs, shipped_pack_paths

    table: dict[str, str] = {}
    for rule in load_packs(shipped_pack_paths()).rules:
        if rule.id == "spelling.misspelled":
            table.update(rule.swap)
    return table
