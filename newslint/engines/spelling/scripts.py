"""Which writing system a word's letters come from.

A word mixing Latin letters with look-alikes from another script ("Gооgle"
with Cyrillic o, "thiѕ" with Cyrillic dze, "usｅd" with a full-width e) reads
as English but matches no dictionary, search or name list: spam and
filter-dodging copy do it on purpose. A word with no Latin letter at all is
another language, not an English misspelling.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple


class Scripts(NamedTuple):
    latin: bool  # has a Latin letter
    other: str | None  # the first non-Latin letter, if any


def scripts(word: str) -> Scripts:
    if word.isascii():
        return Scripts(True, None)
    latin, other = False, None
    for ch in word:
        if not ch.isalpha():
            continue
        if unicodedata.name(ch, "").startswith("LATIN"):
            latin = True
        elif other is None:
            other = ch
    return Scripts(latin, other)


def mixes_scripts(word: str) -> bool:
    """Latin letters mixed with letters of another script ("Gооgle")."""
    found = scripts(word)
    return found.latin and found.other is not None


def script_name(ch: str) -> str:
    """``Cyrillic``, ``Greek``, ``Fullwidth`` ...: the first word of the letter's name."""
    return unicodedata.name(ch, "unknown").split(" ", 1)[0].capitalize()


def plain_latin(word: str) -> str:
    """Ligatures and full-width letters as plain letters (ﬂexible -> flexible)."""
    return unicodedata.normalize("NFKC", word)
