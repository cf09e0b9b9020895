"""US and British spelling variants: the listed pairs, and regular British
forms of US dictionary words.

pyspellchecker's English dictionary is American. Besides the pairs in
``us-gb-pairs.txt``, a word the dictionary lacks is taken as a regular
British form when undoing one British pattern gives a dictionary word:
-ise/-yse for -ize/-yze (criticised), -isation (privatisation), -our for
-or (succour), -re for -er in centre, metre and litre compounds
(epicentre), ae/oe for e (paediatric) and a doubled l (tunnelled). Only
unknown words of six letters or more are tried, so real words such as
"four" or "prise" are never rewritten. An -ise form also counts when its -ize
form is a word in use that the dictionary is too old to hold (weaponise:
weaponize): newer coinages are made with -ize and written -ise in Britain.
"""

from __future__ import annotations

from collections.abc import Callable

from newslint import regexcache
from newslint.engines.spelling.data import variant_pairs

_ISE = regexcache.compile(r"(?<![sz])([iy])s(e|es|ed|ing|er|ers|ation|ations|able|ational)$")
_OUR = regexcache.compile(r"(?<=[a-z])our(?=[a-z]*$)")
_RE = regexcache.compile(r"(cent|met|lit)re(s|d)?$")  # epicentre, millilitres; not "ministre"
_AE_OE = regexcache.compile(r"(?<=[a-z])[ao]e(?=[a-z])")
_LL = regexcache.compile(r"(?<=[aeiou])ll(ed|ing|er|ers|ery)$")


def _ize(word: str) -> str:
    return _ISE.sub(lambda m: m.group(1) + "z" + m.group(2), word)


def _candidates(word: str) -> list[str]:
    found = [_ize(word)]
    found += [word[: m.start()] + "or" + word[m.end() :] for m in _OUR.finditer(word)]
    found.append(_RE.sub(lambda m: m.group(1) + "er" + (m.group(2) or ""), word))
    found += [word[: m.start()] + "e" + word[m.end() :] for m in _AE_OE.finditer(word)]
    found.append(_LL.sub(lambda m: "l" + m.group(1), word))
    return [c for c in found if c != word]


# A candidate US form this much rarer (Zipf) than the word is no spelling of
# it: pyspellchecker holds "reprized", wordfreq knows only "reprised".
_RARER_BY = 1.5


def us_form(
    word: str,
    known_us: Callable[[str], bool],
    in_use: Callable[[str], bool] | None = None,
    frequency: Callable[[str], float] | None = None,
) -> str | None:
    """The US spelling of a British form (listed, or regular and unknown).
    ``in_use`` tells a word in current use the dictionary lacks, for -ize forms;
    ``frequency`` (Zipf) rules out a candidate far rarer than the word."""
    listed = variant_pairs()[1].get(word)
    if listed is not None:
        return listed
    if len(word) < 6 or known_us(word):
        return None
    for candidate in _candidates(word):
        if known_us(candidate):
            if frequency is not None and frequency(candidate) + _RARER_BY < frequency(word):
                return None  # the word itself, one the dictionary lacks (reprise)
            return candidate
    ize = _ize(word)
    if in_use is not None and ize != word and in_use(ize):
        return ize
    return None


def gb_form(word: str) -> str | None:
    """The British spelling of a listed US form."""
    return variant_pairs()[0].get(word)
