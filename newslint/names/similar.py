"""When two spellings of a name are the same name: edit distance (rapidfuzz)
and transliteration patterns (y/i, ks/x, doubled letters, diacritics)."""

from __future__ import annotations

import functools
import math
import unicodedata

from rapidfuzz.distance import OSA

from newslint import regexcache

MIN_LENGTH = 4  # shorter names (Li, Kim, Wong) differ by one letter too often
_DOUBLE = regexcache.compile(r"(.)\1+")
_TRIPLE = regexcache.compile(r"(.)\1\1")
_TRANSLITERATIONS = (("ks", "x"), ("ph", "f"), ("kh", "h"), ("y", "i"), ("j", "i"), ("w", "v"))


@functools.lru_cache(maxsize=8192)
def fold(word: str) -> str:
    """Case-folded, without diacritics or apostrophes: "Orbán" -> "orban"."""
    if word.isascii():  # nothing to decompose: most names, and a tenth of the cost
        return word.casefold().replace("'", "")
    decomposed = unicodedata.normalize("NFKD", word)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold().replace("’", "").replace("'", "")


@functools.lru_cache(maxsize=8192)
def skeleton(word: str) -> str:
    """A spelling-insensitive key: "Zelenskyy" and "Zelensky" share "zelenski"."""
    text = fold(word)
    for old, new in _TRANSLITERATIONS:
        text = text.replace(old, new)
    return _DOUBLE.sub(r"\1", text)


def max_distance(length: int) -> int:
    return 2 if length >= 9 else 1


def is_suffix_form(a: str, b: str, *, coinage: bool = True) -> bool:
    """Plural, possessive, adjective or coinage forms: "Korea"/"Korean",
    "Biden"/"Bidens", "Trump"/"Trumpian"."""
    short, long = sorted((fold(a), fold(b)), key=len)
    tail = long[len(short) :]
    if tail == short[-1:]:
        return False  # a doubled last letter is a slip ("Brownn")
    if not long.startswith(short):
        return False
    if coinage and (tail in _COINAGE_TAILS or (tail == "y" and len(short) >= _Y_STEM)):
        return True  # a word made of the name: "Trumpian", "Trumpism", "a Trumpy bear"
    return tail in ("s", "es", "ns", "an", "i") or (tail == "n" and short.endswith("a"))


_COINAGE_TAILS = frozenset(("ian", "ism", "isms", "ist", "ists", "ite", "ites", "esque"))
_Y_STEM = 5  # "Kell" beside "Kelly" is likelier a dropped letter than a coinage


def sibling_suffix_forms(a: str, b: str) -> bool:
    """Two suffix forms of one stem: "Koreas" and "Korean" (both of "Korea")."""
    fa, fb = fold(a), fold(b)
    for cut in (1, 2):
        stem = fa[:-cut]
        shared = len(stem) >= 4 and fb.startswith(stem) and stem not in (fa, fb)
        # Only inflections: two coinages of a stem (Ramaswami, Ramaswamy) are two spellings.
        inflected = is_suffix_form(stem, fa, coinage=False) and is_suffix_form(
            stem, fb, coinage=False
        )
        if shared and inflected:
            return True
    return False


def similar(a: str, b: str) -> bool:
    """Whether two different spellings are likely one name misspelled."""
    if a == b or min(len(a), len(b)) < MIN_LENGTH - 1 or max(len(a), len(b)) < MIN_LENGTH:
        return False
    if abs(len(a) - len(b)) > 2 or (a[0].isascii() and b[0].isascii() and a[0] != b[0]):
        return a[0].casefold() == b[0].casefold() and fold(a) == fold(b)  # cheap rejection
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True  # only accents or case differ
    if fa[0] != fb[0]:
        return False
    # Close by transliteration or by edits; the cheap test first, since most
    # pairs of a long story's names are neither (the suffix tests cost more).
    limit = max_distance(min(len(fa), len(fb)))
    close = skeleton(a) == skeleton(b) or (
        abs(len(fa) - len(fb)) <= limit and OSA.distance(fa, fb, score_cutoff=limit) <= limit
    )
    return close and not (is_suffix_form(a, b) or sibling_suffix_forms(a, b))


@functools.lru_cache(maxsize=1)
def _trigrams() -> tuple[dict[str, int], dict[str, int]]:
    from newslint.names.words import DATA_DIR

    triples: dict[str, int] = {}
    pairs: dict[str, int] = {}
    for line in (DATA_DIR / "letter-trigrams.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            triple, count = line.split()
            triples[triple] = int(count)
            pairs[triple[:2]] = pairs.get(triple[:2], 0) + int(count)
    return triples, pairs


@functools.lru_cache(maxsize=8192)
def plausibility(word: str) -> float:
    """Mean letter-triple log probability: a slip ("Greenspsn") usually scores
    lower than the name it spoils, which breaks one-against-one ties."""
    triples, pairs = _trigrams()
    letters = "^^" + "".join(c for c in fold(word) if "a" <= c <= "z") + "$"
    scores = [
        math.log(
            (triples.get(letters[i : i + 3], 0) + 0.5) / (pairs.get(letters[i : i + 2], 0) + 14)
        )
        for i in range(len(letters) - 2)
    ]
    return sum(scores) / len(scores)


def tripled(word: str) -> bool:
    """Three of a letter in a row: never a name's spelling ("Elllison")."""
    return bool(_TRIPLE.search(fold(word)))
