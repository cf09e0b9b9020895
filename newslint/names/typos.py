"""Slips on capitalised words that are not people's names: "Germnay",
"Parliment", "Wednsday", "Hsopital" beside "Hospital".

The spelling engine checks lower-case words only (a capitalised word may be
a name it has never seen), so these fall to the names family. A capitalised
word is taken for a slip when all of these hold:

- it is rare (``wordfreq``), unknown to the dictionary, not a given name,
  not on the names list and not used as a person's name in the article;
- one edit (transpositions count one) turns it into a word at least a
  hundred times more frequent, or a slip of one or two edits turns it into
  a capitalised word the article uses more often;
- its surroundings fit the common word rather than a name: the article
  capitalises that word elsewhere, or the rest of its capitalised run is
  made of common words ("Houses of Parliment"), or, standing alone, the
  common word is one that is capitalised in running text (a place, month,
  weekday, institution or title word).

Rare real names sit near common words all the time (Wyman/woman,
Persson/person); they are told apart by that last condition and by being
used as names (with a given name or a title, or more than once).

A word English text has never seen (Zipf 0), used once and one finger slip
from an everyday word, needs less: inside an institution's name or a title
("Supreme Cuort", "Home Seccretary") it is taken for a slip when the word
meant is one capitalised in running text, even at four letters ("Chna").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newslint import regexcache
from newslint.engines.spelling.data import misspelled_table
from newslint.names.checks import in_reference, is_dictionary_word
from newslint.names.extract import NameAnalysis, Token, _sentence_initial
from newslint.names.frequent import FREQUENT, frequent_neighbours, zipf
from newslint.names.lists import NamesList
from newslint.names.similar import fold, is_suffix_form, similar
from newslint.names.words import (
    CONNECTORS,
    COUNTRY_ADJECTIVES,
    HONORIFICS,
    MONTHS,
    ORG_WORDS,
    PARTICLES,
    PLACES,
    SUFFIXES,
    TITLE_HEADS,
    TITLE_PARTS,
    WEEKDAYS,
    given_names,
    recorded_given_names,
)

RARE = 3.0  # at most this Zipf frequency: a word seen a few times per million or less
GAP = 2.0  # the common word is at least 10**GAP times more frequent
# A capitalised word English text uses this often is a name of its own unless the
# misspelling table lists it (Goverment, 2.7): slips of names are rarer.
ATTESTED = 2.0
MIN_LENGTH = 5  # shorter words have too many real neighbours
_TITLE_CASE = regex.compile(r"\p{Lu}\p{Ll}+")
# Common words that are capitalised in running text: a lone slip on one of
# these mid-sentence is far likelier than a name one letter away from them.
_CAPITALISED_WORDS = (
    PLACES
    | ORG_WORDS
    | MONTHS
    | WEEKDAYS
    | frozenset(COUNTRY_ADJECTIVES)
    | TITLE_HEADS
    | TITLE_PARTS
)
_JOINERS = CONNECTORS | PARTICLES
# Legal forms that end a registered company name.
_LEGAL_FORMS = frozenset(("inc", "ltd", "llc", "llp", "plc", "corp", "gmbh", "limited", "lp"))
_TITLE_WORDS = TITLE_HEADS | TITLE_PARTS
# A word the frequency list has never or hardly seen (it has about 320,000
# entries, names and common web misspellings included) needs less context.
UNSEEN = 1.0
VERY_FREQUENT = 3.5  # a lone unseen word at a sentence start
LONE_FREQUENT = 4.5  # a lone unseen word mid-sentence: names stand there too
EVERYDAY = 5.0  # "about", "despite", "earlier": a lone seldom-seen word at a sentence start
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard() -> dict[str, frozenset[str]]:
    """Keys next to each key on a QWERTY keyboard, diagonals included."""
    near: dict[str, set[str]] = {}
    for r, row in enumerate(_ROWS):
        for c, key in enumerate(row):
            keys = near.setdefault(key, set())
            for dr in (-1, 0, 1):
                if not 0 <= r + dr < len(_ROWS):
                    continue
                other = _ROWS[r + dr]
                shift = -1 if dr == 1 else 0  # each row sits a little right of the one above
                for dc in (-1, 0, 1) if dr else (-1, 1):
                    k = c + dc + shift
                    if 0 <= k < len(other) and other[k] != key:
                        keys.add(other[k])
    return {k: frozenset(v) for k, v in near.items()}


_NEAR_KEYS = _keyboard()


def slip_like(typed: str, meant: str) -> bool:
    """Whether one edit from ``meant`` to ``typed`` is the kind fingers make:
    two neighbouring letters swapped, a letter dropped inside the word or
    doubled, a neighbouring key hit instead or as well. A distant letter for
    another or a letter added at the end is how names differ from words
    (Franca/France, Goode/good), so those do not count."""
    a, b = typed.casefold(), meant.casefold()
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            return a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        if len(diff) != 1:
            return False
        x, y = a[diff[0]], b[diff[0]]
        return y in _NEAR_KEYS.get(x, ())
    if len(a) == len(b) + 1:  # a letter typed as well
        k = next((i for i in range(len(b)) if a[i] != b[i]), len(b))
        extra = a[k]
        around = a[k - 1 : k] + a[k + 1 : k + 2]
        if extra in around:
            return True  # doubled
        return k < len(b) and any(extra in _NEAR_KEYS.get(c, ()) for c in around)
    if len(a) + 1 == len(b):  # a letter dropped
        k = next((i for i in range(len(a)) if a[i] != b[i]), len(a))
        return k < len(a) or b[k] == b[k - 1] or len(b) >= 7  # "Accordin"
    return False


@dataclass(frozen=True)
class Typo:
    token: Token
    right: str  # the spelling to suggest, cased like the slip
    in_story: bool  # the right spelling is used in the article itself
    count: int = 0  # times the right spelling appears in the article


def find_typos(
    analysis: NameAnalysis, names: NamesList, language: str, taken: set[str]
) -> Iterator[Typo]:
    """Capitalised slips in the article, each occurrence once."""
    runs = analysis.runs
    counts: Counter[str] = Counter(t.text for run in runs for t in run)
    spelled: dict[str, str] = {}  # case-folded -> the capitalised spelling used most
    # A common word capitalised only where it opens a sentence ("Even so, ...")
    # is the word, no name a rarer capitalised word could be a slip of ("Erven").
    capitalised = {
        t.text
        for run in runs
        for j, t in enumerate(run)
        if j or not _sentence_initial(analysis.text, t.start)
    }
    for text, _ in counts.most_common():
        if text[:1].isupper() and (text in capitalised or not is_dictionary_word(text, language)):
            spelled.setdefault(text.casefold(), text)
    # Surnames used as people's: with a title, a known given name, or alone
    # after a full name ("Worlf War" is not a person called War).
    known = given_names()
    people = {
        f.key for f in analysis.forms.values() if f.established or any(g in known for g in f.givens)
    }
    # A slip keeps its first letter: each word is compared with the story's
    # capitalised words of the same initial only (a long story has thousands).
    spelled_by_initial: dict[str, list[tuple[str, str]]] = {}
    for lower, other in spelled.items():
        spelled_by_initial.setdefault(other[:1], []).append((lower, other))
    verdicts: dict[str, tuple[str, bool] | None] = {}
    # A word the story gives as a name at one use ("under its old name, Rusatom",
    # "Federal Atomic Power of Russia (Rusatom)") is that name at every use.
    text = analysis.text
    for run in runs:
        for token in run:
            if _given_as_name(text, token):
                verdicts[token.text] = None
    for run in (part for whole in runs for part in _split_at_honorifics(whole)):
        for i, token in enumerate(run):
            if token.text not in verdicts:
                verdicts[token.text] = _verdict(
                    token,
                    run,
                    i,
                    analysis,
                    counts,
                    spelled,
                    spelled_by_initial,
                    people,
                    names,
                    language,
                    taken,
                )
            verdict = verdicts[token.text]
            if verdict is not None and _glossed(analysis.text, token, verdict[0]):
                continue  # "Fondation pour l'Enfance (Foundation for Childhood)"
            if verdict is not None:
                right, in_story = verdict
                yield Typo(token, right, in_story, counts[right] if in_story else 0)


_GLOSS_REACH = 80  # characters between a foreign name and its bracketed translation


def _glossed(text: str, token: Token, right: str) -> bool:
    """Whether the common word stands in a bracketed translation next to the
    word: a name in another language glossed in English ("Fondation pour
    l'Enfance (Foundation for Childhood)"), or the other way round ("National
    Front (Front National)"). Cognates look like slips; the gloss shows they are not."""
    word = re.compile(rf"\b{re.escape(right)}\b", re.IGNORECASE)
    after = text[token.end : token.end + _GLOSS_REACH]
    opening = after.find("(")
    if opening >= 0 and not re.search(r"[.!?]\s", after[:opening]):
        closing = after.find(")", opening)
        if word.search(after[opening : closing if closing > 0 else len(after)]):
            return True
    before = text[max(0, token.start - _GLOSS_REACH) : token.start]
    opening = before.rfind("(")
    if opening >= 0 and ")" not in before[opening:]:
        return bool(word.search(before[:opening]))
    return False


def _split_at_honorifics(run: list[Token]) -> Iterator[list[Token]]:
    """ "Tuesdayy Mr Ebbers": an honorific starts a new name; what went
    before it is no part of that name."""
    part: list[Token] = []
    for token in run:
        if token.lower in HONORIFICS and part:
            yield part
            part = []
        part.append(token)
    if part:
        yield part


# "OReilly", "Obrien": an Irish O' name that lost its apostrophe (a plain-text
# export, a form field that strips punctuation). The frequency list knows the
# apostrophe form far more often; "Oliver", "Oscar" and "Obama" have none.
_O_NAME = regex.compile(r"O(\p{Lu}?)(\p{Ll}{3,})")
APOSTROPHE_GAP = 1.0  # the shape is evidence itself: a tenfold gap is enough
APOSTROPHE_FORM = 2.5  # the O' form is a name newsrooms print (O'Toole 2.9)


def _lost_apostrophe(word: str) -> str | None:
    m = _O_NAME.fullmatch(word)
    if m is None:
        return None
    rest = m.group(1) + m.group(2)
    right = "O'" + rest[0].upper() + rest[1:]
    found = zipf(right)
    return right if found >= APOSTROPHE_FORM and found >= zipf(word) + APOSTROPHE_GAP else None


def _verdict(
    token: Token,
    run: list[Token],
    i: int,
    analysis: NameAnalysis,
    counts: Counter[str],
    spelled: dict[str, str],
    spelled_by_initial: dict[str, list[tuple[str, str]]],
    people: set[str],
    names: NamesList,
    language: str,
    taken: set[str],
) -> tuple[str, bool] | None:
    word = token.text
    key = fold(word)
    if key in taken:
        return None
    apostrophe = _lost_apostrophe(word)
    if apostrophe is not None:
        # Beside the story's own "O'Neill" it is names.variant-form's finding.
        return None if apostrophe in counts else (apostrophe, False)
    if not _TITLE_CASE.fullmatch(word):
        return None
    # Four letters have too many real neighbours, unless the word was never seen.
    short = len(word) < MIN_LENGTH
    if short and (len(word) < MIN_LENGTH - 1 or zipf(word) > 0.0):
        return None
    if key in people or key in names.by_key or token.lower in given_names():
        return None
    if is_dictionary_word(word, language) or zipf(word) > RARE:
        return None
    if _people_of(word, language):
        return None
    if any(t.lower.rstrip(".") in _LEGAL_FORMS for t in run[i + 1 :]):
        return None  # "Throggs Neck Associates LLC": a registered name, spelled as registered
    if in_reference(analysis.text, token.start):
        return None
    # "the leading Islamist party, Islah, and ...": named by apposition to a noun,
    # a name English text has seen, not a slip of "Islam".
    text = analysis.text
    if (
        zipf(word) >= UNSEEN
        and _APPOSED.search(text, max(0, token.start - 30), token.start)
        and _APPOSITION_END.match(text, token.end)
    ):
        return None
    # A word used in lower case too is an ordinary word to the writer, unless
    # the frequency list has never seen it: then the lower-case use is the
    # same slip again ("bougainvilla fertilizer" beside "Bougainvillea").
    lower_use = analysis.used_in_lower_case(word)
    if lower_use and zipf(word) > UNSEEN:
        return None
    # A name thousands of people were given ("Lanae", "Brentley") is no slip of a
    # common word or of another given name.
    recorded = token.lower in recorded_given_names()
    given = "" if recorded else _given_slip(word, run, i, counts)
    if given:
        return given, False
    if (
        counts[word] == 1
        and not lower_use
        and not recorded
        and not (i and run[i - 1].lower in PARTICLES)
    ):
        meant = _unseen_slip(word, spelled)
        if meant and _slip_stands(meant.casefold(), run, i, analysis.text, language):
            return meant, fold(meant) in spelled
    if short:
        return None
    others = [t for j, t in enumerate(run) if j != i and t.lower not in _JOINERS]
    person = any(fold(t.text) in people or t.lower in given_names() for t in others)
    # Beside a name only birth records know ("Gerard Biard") it may be a surname the
    # story spells two ways, or a known name with a doubled letter, but no slip of a
    # common word.
    beside_name = not person and any(t.lower in recorded_given_names() for t in others)
    if (person or beside_name) and _slip_in_title(word, run, i):
        person = beside_name = False  # "Presdient Bush": a slip in the title before a name
    if person:
        return None  # part of a person's name ("Ashia Hansen", "Hansen" used alone)
    # Another capitalised word in the article, used more often, one or two
    # slips away; a spelling known to the frequency list needs a wide gap
    # ("Eleni" and "Elena" are two people, "Cheslea" is a slip).
    best = ""  # the most used of them: "Bougainvillea" rather than "Bougainvilleas"
    for lower, other in spelled_by_initial.get(word[:1], ()):
        if lower == token.lower or fold(other) in people or counts[other] <= counts[word]:
            continue
        if zipf(word) >= 1.0 and zipf(other) - zipf(word) < GAP:
            continue
        if not similar(other, word) or is_suffix_form(other, word):
            continue
        if i and run[i - 1].lower in PARTICLES and is_dictionary_word(other, language):
            continue  # "Del Norte": a word of the name's own language, not "North"
        if _names_a_body(word, run, i):
            continue  # "the Stata Center" beside "State police"
        if i + 1 < len(run) and run[i + 1].lower not in _JOINERS and lower in given_names():
            continue  # "Mikee Johnson" beside "Mike Moore": each person's own given name
        if not best or counts[other] > counts[best]:
            best = other
    if best:
        base = spelled.get(fold(best)[:-1])  # "Bougainvilleas" -> "Bougainvillea"
        if fold(best).endswith("s") and base and is_suffix_form(base, best):
            best = base
        return best, True
    if counts[word] > 1 or lower_use:
        return None  # used consistently: more likely a name than a repeated slip
    doubled = _doubled_or_swapped(word)
    # The word meant is a name (not in the dictionary: always capitalised) or
    # a common word, which must stand where common words are capitalised.
    if doubled and (
        _fits(doubled, word, run, i, analysis, spelled)
        if is_dictionary_word(doubled, language)
        else _fits_strong(run, i, language)
    ):
        return doubled[:1].upper() + doubled[1:], doubled in spelled
    if zipf(word) >= ATTESTED and word.casefold() not in misspelled_table():
        return None  # "Syriza" beside Syria: English text uses it, and no list calls it a slip
    if beside_name or recorded:
        return None  # "Gerard Biard", "Officer Brentley Vinson": a name, no common word's slip
    for common, _ in frequent_neighbours(word):
        if zipf(common) - zipf(word) < GAP:
            continue
        if common in given_names():
            continue  # a given name's slip is _given_slip's to find
        if is_suffix_form(common, word) or fold(common) in names.by_key:
            continue
        if not slip_like(word, common):
            continue
        if _fits(common, word, run, i, analysis, spelled):
            return common[:1].upper() + common[1:], common in spelled
    return None


_SPELLED_AS = regexcache.compile(
    r"\b(?:spelled|spelt|written|transliterated|romani[sz]ed|rendered)\s+(?:as\s+)?$"
    # Another name given as such: "under its old name, Rusatom", "formerly known as".
    r"|\b(?:old|former|previous|earlier|original|maiden|birth)\s+names?,?\s+(?:of\s+|was\s+)?$"
    r"|\b(?:formerly|previously|once|originally)\s+(?:known\s+as|called|named)\s+$"
)
# A short name in brackets right after the full name it stands for.
_AFTER_FULL_NAME = regexcache.compile(
    r"[A-Z][\w'’-]*(?:\s+(?:of|the|and|for|de)?\s*[A-Z][\w'’-]*)+\s+\($"
)


def _given_as_name(text: str, token: Token) -> bool:
    """``token`` is offered as a name or a spelling of one: "Maria Butina, sometimes
    spelled Mariia", "its old name, Rusatom", "Federal Atomic Power of Russia (Rusatom)"."""
    if _SPELLED_AS.search(text, max(0, token.start - 30), token.start):
        return True
    return text[token.end : token.end + 1] == ")" and bool(
        _AFTER_FULL_NAME.search(text, max(0, token.start - 80), token.start)
    )


_APPOSED = regexcache.compile(r"\b[a-z]{3,},\s+$")
_APPOSITION_END = regexcache.compile(r"\s*[,.;:)]")


def _people_of(word: str, language: str) -> bool:
    """ "Granite Staters", "Mainers": people named after a word with -(e)rs,
    a word of the dictionary, not a slip of "States"."""
    lower = word.casefold()
    if not lower.endswith("ers"):
        return False
    return any(
        len(base) >= 3 and is_dictionary_word(base, language) for base in (lower[:-2], lower[:-3])
    )


STRONG_MEANT = 2.5  # "Grantham": a place name the frequency list knows well
STRONG_LENGTH = 7


UNSEEN_SLIP_MEANT = 4.0  # the word meant is an everyday word or a household name
UNSEEN_SLIP_SHORT = 4.5  # four letters have more neighbours: only the commonest count


def _unseen_slip(word: str, spelled: dict[str, str]) -> str:
    """ "Repblic", "Cuort", "Howevr", "Chna": a word English text has never
    seen (Zipf 0), one slip of the fingers from a word it sees every day.
    Names from other languages are unseen too, but seldom a keyboard slip of
    an everyday English word, so this may hold inside a name ("Supreme Cuort")
    where the other paths stand back (``_slip_stands`` says where). Used once
    only: a spelling kept up through the story is the name's own."""
    if zipf(word) > 0.0 or len(word) < MIN_LENGTH - 1:
        return ""
    floor = UNSEEN_SLIP_MEANT if len(word) >= MIN_LENGTH else UNSEEN_SLIP_SHORT
    near = [
        common
        for common, edits in frequent_neighbours(word)
        if edits == 1
        and zipf(common) >= floor
        and slip_like(word, common)
        and not is_suffix_form(common, word)
    ]
    if not near:
        return ""
    # The story's own capitalised word first ("Chna" beside "China"), then a word
    # capitalised in running text ("Beijng": Beijing, not being), then the commonest.
    best = max(near, key=lambda c: (c in spelled, c in _CAPITALISED_WORDS, zipf(c)))
    return spelled.get(best) or best[:1].upper() + best[1:]


def _slip_in_title(word: str, run: list[Token], i: int) -> bool:
    """Whether ``word`` is a slip of a title word standing before a name."""
    title = frequent_neighbours(word)[:1]
    return bool(title and title[0][0] in _TITLE_WORDS and _title_place(run, i))


def _no_name_among(tokens: list[Token]) -> bool:
    """Only joiners and words capitalised in running text ("Czech", "Home")."""
    return all(t.lower in _JOINERS or t.lower in _CAPITALISED_WORDS for t in tokens)


def _slip_stands(common: str, run: list[Token], i: int, text: str, language: str) -> bool:
    """Whether the word meant fits where the unseen word stands. A word that is
    capitalised in running text (a place, institution or title word) fits inside
    a name ("Czech Repblic", "Supreme Cuort"); an ordinary word only where no
    name is around it ("Howevr the poll", not "Leead Leevneh" or "Markos Geneti")."""
    if i + 1 < len(run) and run[i + 1].lower in SUFFIXES:
        return False  # "Andre Nzame III"
    before = run[:i]
    if common in _TITLE_WORDS:
        # Before a name ("Prrsident Niyazov") or after other title words ("Home
        # Seccretary"), never after a name ("Joel Jutge") nor alone ("Priet").
        return _title_place(run, i) or (bool(before) and _no_name_among(before))
    if common in _CAPITALISED_WORDS:
        # After common words ("Supreme Cuort", "Czech Repblic"), not after a name
        # ("Gerard Biard" is no board).
        return all(
            _no_name_among([t])
            or (
                t.lower not in recorded_given_names()
                and _common(t.text)
                and is_dictionary_word(t.text, language)
            )
            for t in before
        )
    joins = [k for k in range(i + 1, len(run)) if run[k].lower in CONNECTORS]
    if (joins[0] if joins else len(run)) > i + 1:
        return False  # a name may follow it: "Leead Leevneh"
    if not _no_name_among(before):
        return False  # a name may come before it: "Jerome Thion", "Melissa Hipes"
    lone = all(t.lower in _JOINERS for t in before)
    if not lone or _sentence_initial(text, run[i].start):
        return True
    # Alone mid-sentence a name is as likely ("around Skib"), the more so when short.
    return len(common) > MIN_LENGTH and zipf(common) >= LONE_FREQUENT


def _doubled_or_swapped(word: str) -> str:
    """ "Granntham" -> "grantham", "Birmingahm" -> "birmingham": a word the
    frequency list has never seen that loses a doubled letter or has two
    neighbouring letters swapped back into a known word at least a hundred
    times more common. These are the commonest slips of the fingers, and
    they keep every letter, so the word meant is certain; the frequent-word
    search above only reaches everyday words (Zipf 3.5), not the many place
    and company names between 2.5 and 3.5."""
    if len(word) < STRONG_LENGTH or zipf(word) > 0.0:
        return ""
    lower = word.casefold()
    candidates = {
        lower[:k] + lower[k + 1 :] for k in range(1, len(lower)) if lower[k] == lower[k - 1]
    }
    candidates |= {
        lower[:k] + lower[k + 1] + lower[k] + lower[k + 2 :]
        for k in range(1, len(lower) - 1)
        if lower[k] != lower[k + 1]
    }
    scored = [(zipf(c), c) for c in candidates]
    best = max(scored, default=(0.0, ""))
    return best[1] if best[0] >= max(STRONG_MEANT, GAP) else ""


def _names_a_body(word: str, run: list[Token], i: int) -> bool:
    """A word the frequency list knows, right before a place's or body's head
    noun ("Parris Island", "Stata Center"): that place's own name, not a slip of
    the story's "State" or of the place "Paris". Slips stand there too, so only
    those two paths ask: a doubled letter ("Massachussetts Institute") or a common
    word ("Electronic Fronter Foundation") is still found."""
    return zipf(word) > UNSEEN and i + 1 < len(run) and run[i + 1].lower in ORG_WORDS


def _title_place(run: list[Token], i: int) -> bool:
    """Whether a title could stand at ``i``: before a name ("Presdient Bush"),
    never after one, nor inside it ("Bill Frist of Tennessee", "Abed Rabbo
    Mansour Hadi"); only other title words ("Chief Rabbi") may come first."""
    return (
        i < len(run) - 1
        and run[i + 1].lower not in _JOINERS
        and all(t.lower in _TITLE_WORDS or t.lower in _CAPITALISED_WORDS for t in run[:i])
    )


def _fits_strong(run: list[Token], i: int, language: str) -> bool:
    """Whether the word stands where a common word or a place fits rather
    than a surname: first in its capitalised run or after common words."""
    if i and run[i - 1].lower in PARTICLES:
        return False
    # A connector starts a new name ("Peterborough and Granntham").
    joins = [k for k in range(i) if run[k].lower in CONNECTORS]
    start = joins[-1] + 1 if joins else 0
    # Only common words may stand before it ("Bulgarian Magdaleena"), never
    # another name ("Manuel Alumnia" is a surname, whatever it resembles).
    return all(
        t.lower in _JOINERS
        or (
            t.lower not in _TITLE_WORDS and _common(t.text) and is_dictionary_word(t.text, language)
        )
        for t in run[start:i]
    )


def _given_slip(word: str, run: list[Token], i: int, counts: Counter[str]) -> str:
    """ "Anthomy Sebok", "Sttuart Quint": a word the frequency list has never
    seen, first in a name, one slip from a common given name. The surname
    after it may well be a known person's; that only confirms a name. One
    the list has never seen either says nothing of English given names."""
    if counts[word] > 1 or zipf(word) > UNSEEN or len(run) < 2:
        return ""
    if i + 1 >= len(run) or run[i + 1].lower in _JOINERS:
        return ""  # no surname after it
    if any(t.lower not in _TITLE_WORDS for t in run[:i]):
        return ""  # only a title may come before a given name
    if all(zipf(t.text) == 0 for t in run[i + 1 :]):
        # "Garteh Korkoryah": a surname English text has never seen is a name from
        # a language whose given names the list lacks; one near an English given
        # name is no evidence of a slip there.
        return ""
    near = frequent_neighbours(word)[:1]
    if not near or near[0][0] not in recorded_given_names() or not slip_like(word, near[0][0]):
        return ""
    if _vowel_for_vowel(word.casefold(), near[0][0]):
        return ""  # "Neomi" beside Naomi: given names vary by a vowel (Sara, Sera)
    return near[0][0][:1].upper() + near[0][0][1:]


def _vowel_for_vowel(a: str, b: str) -> bool:
    """Two spellings of one length that differ only in one vowel for another."""
    diff = [(x, y) for x, y in zip(a, b, strict=False) if x != y]
    return len(a) == len(b) and len(diff) == 1 and all(c in "aeiou" for c in diff[0])


def _common(word: str) -> bool:
    """A frequent word; a hyphenated one when every part is ("Co-operation")."""
    return all(zipf(part) >= FREQUENT for part in word.split("-") if part)


def _fits(
    common: str,
    word: str,
    run: list[Token],
    i: int,
    analysis: NameAnalysis,
    spelled: dict[str, str],
) -> bool:
    """Whether the surroundings suit the common word rather than a name."""
    if common in spelled:
        return True
    unseen = zipf(word) <= UNSEEN
    others = [t for j, t in enumerate(run) if j != i and t.lower not in _JOINERS]
    if i and run[i - 1].lower in PARTICLES:
        return False  # "du Randt", "van Persie": a surname
    if any(len(t.text.rstrip(".")) == 1 for t in run[:i]):
        return False  # "Jay J Armes": a person
    if 0 < i < len(run) - 1 and run[i + 1].lower in SUFFIXES:
        return False  # "Andre Nzame III" (but "Worlf War II" is a slip)
    if others:
        if common in _TITLE_WORDS:
            return _title_place(run, i)
        if common in PLACES and _names_a_body(word, run, i):
            return False  # "Parris Island": a word in use naming another place, not Paris
        before = run[:i]
        if any(t.lower in TITLE_HEADS or t.lower in given_names() for t in before):
            return False  # "President Wyman", "Bill Wyman": a person
        if not all(_common(t.text) for t in others):
            return False  # "Stade Rennais": a name in another language
        # Two capitalised words may be a given name and a surname ("Mardy
        # Fish"); a longer phrase of common words is an institution's name.
        if common in _CAPITALISED_WORDS or len(others) > 1:
            return True
        # "Souuth Korean" but not "Serge Thion": after another capitalised
        # word, a slip needs a place or institution word before it.
        return unseen and (i == 0 or run[0].lower in _CAPITALISED_WORDS)
    token = run[i]
    if _sentence_initial(analysis.text, token.start):
        # At a sentence start any word is capitalised; a comma after it
        # ("Nonethless, ...") shows an adverb, not a name.
        # A word never seen anywhere, one slip from a very common one, is
        # a slip too ("Govrnment figures show").
        comma = analysis.text[token.end : token.end + 1] == ","
        if comma or (unseen and zipf(common) >= VERY_FREQUENT):
            return True
        # A slip of one of the commonest words ("Accordin to", "Eariler this week"),
        # which English text has seen only as a slip, opening a sentence alone.
        return zipf(common) >= EVERYDAY and zipf(word) < ATTESTED
    return common in _CAPITALISED_WORDS or (unseen and zipf(common) >= LONE_FREQUENT)
