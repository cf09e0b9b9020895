"""One name written with different spacing, capitals or accents in one article:
"Mc Donald" and "McDonald", "Youtube" and "YouTube", "De Niro" and "DeNiro",
"Atlético" and "Atletico".

Letters and their order agree, so the two are certainly one name; the less
frequent form is reported. On a tie the form with capitals inside the word
wins (a writer who types "YouTube" meant it), then the earlier one.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from newslint import regexcache
from newslint.names.checks import is_dictionary_word
from newslint.names.extract import NameAnalysis
from newslint.names.frequent import zipf
from newslint.names.words import given_names, listed_given_names

COMMON = 4.0  # "Airlines": an ordinary word, not the joined form of "Air Lines"

_SPACES = (" ", "\u00a0")


@dataclass(frozen=True)
class Variant:
    start: int
    end: int
    text: str
    right: str  # the article's majority form
    count: int  # how often the majority form appears


@dataclass
class _Form:
    text: str
    places: list[tuple[int, int]]
    # The capitalised words beside each use ("" at the edge of a name).
    before: set[str] = field(default_factory=set)
    after: set[str] = field(default_factory=set)

    @property
    def inner_capitals(self) -> int:
        return sum(c.isupper() for c in self.text.replace(" ", "")[1:])


_HANDLE_MARKS = ("@", "#")
# A web address's tail right after a word: ".com", ".co.uk", ".org/...".
_DOMAIN_TAIL = regexcache.compile(r"\.[a-z]{2,6}\b")
# The rest of an embedded post's signature after a name: "(@handle)".
_SIGNED_POST = regexcache.compile(r"(?:[ \t]+[A-Z][\w.'’-]*){0,3}[ \t]+\(@\w+\)")


def _bare(text: str) -> str:
    """Case-folded letters without accents: "Atlético" and "Atletico" share one key."""
    if text.isascii():  # most names: nothing to decompose
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _shape_ok(text: str) -> bool:
    letters = text.replace(" ", "")
    # All capitals is a headline or an acronym's shape, not a spelling choice; so
    # is a dateline's capitals after a prefix ("McALLEN, Texas").
    shouted = letters.isupper() or (len(letters) > 4 and letters[2:].isupper())
    return letters.isalpha() and len(letters) >= 4 and not shouted


def _apart(forms: list[_Form]) -> bool:
    """Single words that never share a neighbour: the first name of one person
    and the surname of another ("Luis Suárez", "Filipe Luís"), not one name."""
    single = [f for f in forms if " " not in f.text]
    if len(single) < 2:
        return False
    return not set.intersection(*(f.after for f in single)) and not set.intersection(
        *(f.before for f in single)
    )


def _surname_and_phrase(forms: list[_Form]) -> bool:
    """A person's surname (written after a given name: "Sheldon Whitehouse") and a
    phrase of ordinary words ("White House") are two names, not one spelled two
    ways. "Mc Donald" is no phrase ("Mc" is no word): still one name."""
    single = [f for f in forms if " " not in f.text]
    spaced = [f for f in forms if " " in f.text]
    if not single or not spaced:
        return False
    given = given_names() | listed_given_names()
    surname = any(b in given for f in single for b in f.before)
    return surname and all(
        is_dictionary_word(part, "en") for f in spaced for part in f.text.split()
    )


def find_variants(analysis: NameAnalysis) -> list[Variant]:
    text = analysis.text
    groups: dict[str, dict[str, _Form]] = {}  # letters only, case-folded -> forms
    for run in analysis.runs:
        for i, token in enumerate(run):
            if text[token.start - 1 : token.start] in _HANDLE_MARKS:
                continue  # "@WalmartInc", "#PlantSwap": a handle, not a spelling of the name
            if _DOMAIN_TAIL.match(text, token.end):
                continue  # "NBCNews.com": a web address, not a spelling of the name
            if _SIGNED_POST.match(text, token.end):
                continue  # "— Ricardo Rossello (@ricardorossello)": an account's own name
            if token.text[:1].isupper() and _shape_ok(token.text):
                form = groups.setdefault(_bare(token.text), {}).setdefault(
                    token.text, _Form(token.text, [])
                )
                form.places.append((token.start, token.end))
                form.before.add(_bare(run[i - 1].text) if i else "")
                form.after.add(_bare(run[i + 1].text) if i + 1 < len(run) else "")
            if i + 1 < len(run):
                nxt = run[i + 1]
                pair = f"{token.text} {nxt.text}"
                if (
                    text[token.end : nxt.start] in _SPACES
                    and token.text[:1].isupper()
                    and nxt.text[:1].isupper()
                    and _shape_ok(pair)
                ):
                    key = _bare(token.text + nxt.text)
                    form = groups.setdefault(key, {}).setdefault(pair, _Form(pair, []))
                    form.places.append((token.start, nxt.end))
    found: list[Variant] = []
    for key, forms in groups.items():
        if len(forms) < 2 or not any(" " not in f for f in forms):
            continue  # a pair alone is just two words
        if any(" " in f for f in forms) and zipf(key) >= COMMON and is_dictionary_word(key, "en"):
            continue  # "Airlines" and "Delta Air Lines": a common word, two names
        if _apart(list(forms.values())):
            continue  # "Luis Suárez" and "Filipe Luís": two people who share a name
        if _surname_and_phrase(list(forms.values())):
            continue  # "Senator Sheldon Whitehouse" and "the White House"
        if _account_names(list(forms.values()), text):
            continue  # "Micah Grimes" and the account name "MicahGrimes"
        ranked = sorted(
            forms.values(),
            key=lambda f: (-len(f.places), -f.inner_capitals, f.places[0][0]),
        )
        best = ranked[0]
        for other in ranked[1:]:
            if " " in other.text and " " in best.text:
                continue
            for start, end in other.places:
                found.append(Variant(start, end, other.text, best.text, len(best.places)))
    return found


def _account_names(forms: list[_Form], text: str) -> bool:
    """The joined form stands only where an account name does, after the name
    of the platform ("Image copyright Twitter - MicahGrimes"): the account of the
    person the spaced form names, not a spelling of the name."""
    joined = [f for f in forms if " " not in f.text]
    return bool(joined) and all(
        _PLATFORM_BEFORE.search(text, max(0, start - 24), start)
        for f in joined
        for start, _ in f.places
    )


_PLATFORM_BEFORE = regexcache.compile(
    r"\b(?:Twitter|Instagram|Facebook|YouTube|TikTok|Snapchat|LinkedIn|Threads|Bluesky"
    r"|Flickr)\s*[-–—:/|]?\s*$"
)
