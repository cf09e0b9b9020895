"""One name written with different spacing, capitals or accents in one article:
"Mc Donald" and "McDonald", "Youtube" and "YouTube", "De Niro" and "DeNiro",
"Atlético" and "Atletico".

Letters and their order agree, so the two are certainly one name; the less
frequent form is reported. On a tie the form with capitals inside the word
wins (a writer who types "YouTube" meant it), then the earlier one.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from newslint.analysis.names import NameAnalysis
from newslint.analysis.names_checks import is_dictionary_word
from newslint.analysis.names_frequent import zipf

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

    @property
    def inner_capitals(self) -> int:
        return sum(c.isupper() for c in self.text.replace(" ", "")[1:])


def _bare(text: str) -> str:
    """Case-folded letters without accents: "Atlético" and "Atletico" share one key."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _shape_ok(text: str) -> bool:
    letters = text.replace(" ", "")
    # All capitals is a headline or an acronym's shape, not a spelling choice.
    return letters.isalpha() and len(letters) >= 4 and not letters.isupper()


def find_variants(analysis: NameAnalysis) -> list[Variant]:
    text = analysis.text
    groups: dict[str, dict[str, _Form]] = {}  # letters only, case-folded -> forms
    for run in analysis.runs:
        for i, token in enumerate(run):
            if token.text[:1].isupper() and _shape_ok(token.text):
                form = groups.setdefault(_bare(token.text), {}).setdefault(
                    token.text, _Form(token.text, [])
                )
                form.places.append((token.start, token.end))
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
