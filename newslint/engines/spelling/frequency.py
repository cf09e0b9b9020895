"""English word frequencies from ``wordfreq`` for the spelling rules.

pyspellchecker's list predates much of today's news vocabulary (biofuel,
inbox, coronavirus, defenseman), established loanwords (derriere, edamame)
and technical terms. ``wordfreq`` is a maintained list built from many
sources: a word with a real frequency there is English someone writes, so
spelling.unknown leaves it alone -- unless it is a *slip* of a far more
frequent dictionary word (wtih for with, reponse for response), because
common misspellings are frequent too.

Frequencies are Zipf values (log10 of occurrences per billion words: about 7
for "the", 5 for "report", 2 for "biofuel"). The filtered list is kept in
newslint's cache directory as a hashed table (:mod:`spelling_hashed`: about
3 MiB in memory instead of 34), keyed by wordfreq's version and :data:`FORMAT`,
so a cold run loads it in a few hundredths of a second.
"""

from __future__ import annotations

import functools
import marshal
import math
from collections.abc import Callable
from pathlib import Path

from newslint.cachedir import cache_root
from newslint.engines.spelling.hashed import HashedWords

# Bump when the table's filtering changes: it is part of the cache key.
FORMAT = 2  # 2: hashed tables (spelling_hashed)
# Words rarer than this are never kept (Zipf; about one in ten billion words).
FLOOR = 1.0
# A frequent word is a slip when a dictionary word one slip away is this many
# Zipf steps more frequent (2 = a hundred times).
SLIP_GAP = 2.0
RARE_SLIP_GAP = 1.5  # for a word rarer than FAR_BELOW
UNSEEN_SLIP_ZIPF = 1.8  # a neighbour of a word wordfreq lacks: about one in 60 million words
# Words this short count only a swap or a missing apostrophe as a slip: any
# short string is one letter from a common word (chia, padi, sich, tude).
SHORT = 5
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_VOWELS = "aeiou"
# A rare word (Zipf below this, 7 letters or more) is also compared with
# dictionary words two edits away (restaraunt for restaurant).
FAR_BELOW = 2.0
FAR_MIN_LENGTH = 7
# Two edits make a slip only when they are the kind a typist makes (see
# typing_distance) and land on a word at least this common: two edits from a
# long rare word there is nearly always *some* word (myography -> geography,
# passcard -> postcard), so a term or a loanword would pass for a typo.
FAR_TARGET_ZIPF = 2.5
SLIP_COST = 2
FAR_GAP = 2.5  # a listed word's neighbour two slips away: 300 times as frequent


def _cache_path() -> Path:
    from newslint.distinfo import version

    # Everything that shapes the table is in its name, so a change rebuilds it.
    return cache_root() / f"spelling-en-wordfreq-{version('wordfreq')}-f{FORMAT}-{FLOOR}.bin"


@functools.lru_cache(maxsize=1)
def table() -> HashedWords:
    """Lowercase alphabetic words (apostrophes allowed) with Zipf >= FLOOR,
    as hundredths of a Zipf step. Built from wordfreq once, then cached.
    Hashed (see spelling_hashed): 3 MiB in a worker instead of 34."""
    from newslint.engines.spelling.lexicon import write_cache

    path = _cache_path()
    try:
        return HashedWords.load(path)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    from wordfreq import get_frequency_dict  # heavy: only when the cache is cold

    found: dict[str, int] = {}
    for word, freq in get_frequency_dict("en", "best").items():
        z = 9 + math.log10(freq)
        if z >= FLOOR and word.replace("'", "").isalpha() and word == word.lower():
            found[word] = round(z * 100)
    hashed = HashedWords.build(found.items())
    write_cache(path, hashed.dumps())
    return hashed


@functools.lru_cache(maxsize=4)
def frequent_words(min_zipf: float) -> tuple[str, ...]:
    """The words of :func:`table` at least ``min_zipf`` common, as strings (the
    hashed table cannot list its words). Cached beside it: a few thousand
    words, for searches of frequent neighbours (names.capitalised-typo)."""
    from newslint.distinfo import version
    from newslint.engines.spelling.lexicon import write_cache

    path = cache_root() / (
        f"spelling-en-frequent-wordfreq-{version('wordfreq')}-f{FORMAT}-{min_zipf}.marshal"
    )
    try:
        return tuple(marshal.loads(path.read_bytes()))
    except (OSError, EOFError, ValueError, TypeError):
        pass
    from wordfreq import get_frequency_dict

    floor = 10 ** (min_zipf - 9)
    found = [
        w
        for w, freq in get_frequency_dict("en", "best").items()
        if freq >= floor and w.replace("'", "").isalpha() and w == w.lower()
    ]
    write_cache(path, marshal.dumps(found))
    return tuple(found)


ACCENTED_ZIPF = 2.0  # an accented English word's frequency: fête, naïve, café


@functools.lru_cache(maxsize=1)
def _accent_folds() -> frozenset[str]:
    """The ASCII spellings of accented words wordfreq lists as English."""
    import unicodedata

    folds = set()
    for w in frequent_words(ACCENTED_ZIPF):
        if not w.isascii():
            plain = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode()
            if plain.isalpha() and len(plain) == len(w):  # not "bjrn" for bjørn
                folds.add(plain)
    return frozenset(folds)


def unaccented(word: str) -> bool:
    """``word`` is a listed English word with its accents left off ("fete" for
    fête): house styles drop them, and the word is no slip of "feet"."""
    return zipf(word) > 0 and word in _accent_folds()


def zipf(word: str) -> float:
    """Zipf frequency of a lowercase word (0.0 below :data:`FLOOR`)."""
    return table().get(word.replace("’", "'"), 0) / 100


def slips(word: str) -> set[str]:
    """Words a typist aiming at them could have typed as ``word``: a letter
    dropped, two letters swapped, a letter added inside the word, or an
    apostrophe left out (dont). A wrong letter is not counted: one letter
    changed turns many real words into commoner ones (gaming/faming)."""
    n = len(word)
    found = {word[:i] + "'" + word[i:] for i in range(1, n)}
    found.update(word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(n - 1))
    if n > SHORT:
        found.update(word[:i] + c + word[i:] for i in range(n + 1) for c in _LETTERS)
        found.update(word[:i] + word[i + 1 :] for i in range(1, n - 1))
        # One vowel for another, the commonest spelling slip (definately, seperate).
        found.update(
            word[:i] + v + word[i + 1 :] for i in range(n) if word[i] in _VOWELS for v in _VOWELS
        )
    found.discard(word)
    return found


# Keys as (row, column) on a QWERTY keyboard, each row set off half a key.
_KEYS = {
    c: (row, col + row / 2)
    for row, keys in enumerate(("qwertyuiop", "asdfghjkl", "zxcvbnm"))
    for col, c in enumerate(keys)
}
# Two words joined around one this frequent (inwhich, ofthe) are a slip, not a
# word with an affix: "in", "of", "at", "by" ... but not "up", "re", "non", "able".
RUN_TOGETHER_ZIPF = 6.5
AFFIX_BASE = 4  # shorter words turn up inside anything


def _next_keys(a: str, b: str) -> bool:
    """Whether two letters sit side by side on a QWERTY keyboard."""
    if a not in _KEYS or b not in _KEYS:
        return False
    (r1, c1), (r2, c2) = _KEYS[a], _KEYS[b]
    return (r1 - r2) ** 2 + (c1 - c2) ** 2 <= 1.3


def strong_slip(word: str, target: str) -> bool:
    """Whether one edit from ``target`` to ``word`` is a slip of the fingers,
    not of spelling: a letter dropped, two letters swapped, an apostrophe left
    out, or a letter added that doubles its neighbour or sits next to it on
    the keyboard. A vowel for a vowel, or a letter from elsewhere on the
    keyboard, is how a different word is spelled: uncited is no slip of united."""
    if len(word) + 1 == len(target):
        return True  # dropped (an apostrophe too)
    if len(word) == len(target) + 1:
        for i in range(len(word)):
            if word[:i] + word[i + 1 :] == target:
                around = word[max(0, i - 1) : i] + word[i + 1 : i + 2]
                if any(c == word[i] or _next_keys(c, word[i]) for c in around):
                    return True
        return False
    if len(word) == len(target):
        diff = [i for i in range(len(word)) if word[i] != target[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1  # swapped
    return False


# Consonants that stand for one sound, or near one, in English spelling: a
# writer who spells by ear swaps them (adviced, injest, meercat).
_SOUND_ALIKE = frozenset(
    frozenset(pair)
    for pair in ("cs", "ck", "sz", "st", "kq", "gj", "fv", "dt", "bp", "mn", "vw", "cz", "xz", "fp")
)


def _other_consonant(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` with one consonant changed for another
    that neither sits next to it on the keyboard nor sounds like it
    (wookies, xenocide): another word, not a slip."""
    if len(word) != len(target):
        return False
    diff = [i for i in range(len(word)) if word[i] != target[i]]
    if len(diff) != 1:
        return False
    a, b = word[diff[0]], target[diff[0]]
    if a in _VOWELS + "y" or b in _VOWELS + "y":
        return False
    return not _next_keys(a, b) and frozenset((a, b)) not in _SOUND_ALIKE


def affixed(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` (four letters or more) with two letters or
    more added around it (architected, escapable, enqueue, iframes): that is how words are
    made, not how they are mistyped, unless the addition is a common word
    run on (inwhich)."""
    extra = len(word) - len(target)
    if extra < 2 or len(target) < AFFIX_BASE:
        return False
    at = word.find(target)
    if at < 0:
        return False
    pieces = (word[:at], word[at + len(target) :])  # iframes: i + frame + s
    return all(len(p) < 2 or zipf(p) < RUN_TOGETHER_ZIPF for p in pieces)


def typing_distance(word: str, target: str) -> int:
    """Edits from ``target`` to ``word``, weighted by how typists err: a letter
    dropped or added, two neighbours swapped and one vowel for another cost 1;
    one consonant for another costs 2 (it changes the word's sound: myography
    is not a slip of geography, nor passcard of postcard); two letters
    exchanged across one or two others (delevoped) cost 1."""
    if len(word) == len(target):
        diff = [i for i in range(len(word)) if word[i] != target[i]]
        if (
            len(diff) == 2
            and diff[1] - diff[0] <= 3
            and word[diff[0]] == target[diff[1]]
            and word[diff[1]] == target[diff[0]]
        ):
            return 1
    n, m = len(word), len(target)
    rows = [list(range(m + 1))]
    for i in range(1, n + 1):
        row = [i] + [0] * m
        for j in range(1, m + 1):
            a, b = word[i - 1], target[j - 1]
            if a == b:
                change = 0
            elif a in _VOWELS + "y" and b in _VOWELS + "y":
                change = 1
            else:
                change = SLIP_COST
            best = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + change)
            if i > 1 and j > 1 and a == target[j - 2] and word[i - 2] == b:
                best = min(best, rows[i - 2][j - 2] + 1)
            row[j] = best
        rows.append(row)
    return rows[n][m]


def far_slip(
    word: str, candidates: tuple[str, ...], min_zipf: float = FAR_TARGET_ZIPF
) -> str | None:
    """The first of ``candidates`` (words two edits away, most frequent first)
    that ``word`` is a typist's slip of, and that is at least ``min_zipf`` common."""
    for candidate in candidates:
        if (
            zipf(candidate) >= min_zipf
            and typing_distance(word, candidate) <= SLIP_COST
            and not affixed(word, candidate)
            and not _other_consonant(word, candidate)
        ):
            return candidate
    return None


def _omission(word: str, candidate: str) -> bool:
    """``word`` is ``candidate`` with a letter left out (transfering) or a
    letter typed twice (annointed): the commonest slips of all."""
    if len(candidate) == len(word) + 1:
        return True
    if len(candidate) + 1 == len(word):
        return any(
            word[i] == word[i - 1] and word[:i] + word[i + 1 :] == candidate
            for i in range(1, len(word))
        )
    return False


def slip_of(
    word: str, known: Callable[[str], bool], *, far: bool = True, formed: bool = False
) -> str | None:
    """The far more frequent dictionary word that ``word`` is a slip of, if any
    (with ``far=False``, slips of one edit only). A word ``formed`` by rule from
    known parts (un + cited, carb + ers) counts only slips of the fingers
    (:func:`strong_slip`) at one edit: its own making explains it better."""
    own = zipf(word)
    # wordfreq never saw the word: a fairly common word a slip away is what was
    # meant (heterocyles), dictionary word or not. A listed word needs a
    # neighbour 100 times more frequent; a rare one that lacks a letter of its
    # neighbour or doubles one (the commonest slips: transfering, annointed) 30 times.
    unseen = own == 0
    gap = SLIP_GAP
    best, best_z = None, UNSEEN_SLIP_ZIPF if unseen else own + gap
    for candidate in slips(word):
        if formed and not strong_slip(word, candidate):
            continue
        z = zipf(candidate)
        if "'" in candidate and "'" not in word:
            # A dropped apostrophe (dont): the contraction need only be more
            # frequent, and the dictionary, which lacks contractions, is not asked.
            if z > own and (best is None or z > best_z):
                best, best_z = candidate, z
            continue
        need = best_z
        if not unseen and own < FAR_BELOW and best is None and _omission(word, candidate):
            need = own + RARE_SLIP_GAP
        if z >= need and (unseen or known(candidate)):
            best, best_z = candidate, z
    if far and best is None and 0 < own < FAR_BELOW and len(word) >= FAR_MIN_LENGTH:
        from newslint.engines.spelling.lexicon import far_suggestions

        return far_slip(word, far_suggestions(word, "en-US"), own + FAR_GAP)
    return best


def frequent_word(word: str, known: Callable[[str], bool]) -> bool:
    """Whether a word the dictionary lacks is real English by frequency."""
    return zipf(word) > 0 and slip_of(word, known) is None


# Languages whose everyday words turn up in English copy as quotations and
# loanwords (realidad, gewesen, latifundios), and how common a word must be there.
FOREIGN_LANGUAGES = ("de", "es", "fr", "it", "nl", "pt")
FOREIGN_ZIPF = 2.5


@functools.lru_cache(maxsize=1)
def _foreign_words() -> HashedWords:
    """Common lowercase words of :data:`FOREIGN_LANGUAGES`. Loaded only when a
    word is about to be reported (a few documents in a hundred), cached, hashed."""
    from newslint.distinfo import version
    from newslint.engines.spelling.lexicon import write_cache

    path = cache_root() / (
        f"spelling-foreign-wordfreq-{version('wordfreq')}-f{FORMAT}-{FOREIGN_ZIPF}.bin"
    )
    try:
        return HashedWords.load(path)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    from wordfreq import get_frequency_dict

    floor = 10 ** (FOREIGN_ZIPF - 9)
    found = {
        word
        for language in FOREIGN_LANGUAGES
        for word, freq in get_frequency_dict(language, "best").items()
        if freq >= floor and word.isalpha() and word == word.lower()
    }
    hashed = HashedWords.build((w, 1) for w in found)
    write_cache(path, hashed.dumps())
    return hashed


def foreign_word(word: str) -> bool:
    """A common word of another language written in English copy: not a typo."""
    return word in _foreign_words()
