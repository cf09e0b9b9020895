"""Word sets that tell person names from other capitalised words.

The lists are data, in ``newslint/data/names/`` (one entry a line, checked by
tests/test_word_lists.py); this module names each by its role in the
extractor (a title head ends a title, an organisation word makes a run an
organisation). The few closed classes of a handful of words stay here.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from newslint import regexcache
from newslint.wordlists import word_set, word_table

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "names"
# The shipped names lists: the hand-kept default, and the lists built beside it
# from open data (tools/names_congress.py, tools/names_uk_ministers.py).
DEFAULT_LIST = DATA_DIR / "people.toml"
CONGRESS_LIST = DATA_DIR / "congress.toml"
UK_MINISTERS_LIST = DATA_DIR / "uk_ministers.toml"
BUILT_LISTS = (CONGRESS_LIST, UK_MINISTERS_LIST)

_TOPIC = "names"
MONTHS = word_set(_TOPIC, "months")
WEEKDAYS = word_set(_TOPIC, "weekdays")
# Words that end a title before a name ("Station Commander Helen Marsh").
TITLE_HEADS = word_set(_TOPIC, "title-heads")
# Words that may stand inside a title, before its head ("U.S. Treasury Secretary").
TITLE_PARTS = word_set(_TOPIC, "title-parts")
HONORIFICS = frozenset(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "mx"])
# Before a title, these make a stale title deliberate ("former President Biden").
TIME_QUALIFIERS = word_set(_TOPIC, "time-qualifiers")
PARTICLES = word_set(_TOPIC, "name-particles")
SUFFIXES = frozenset(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"])
CONNECTORS = frozenset(("of", "the", "for", "and"))
# A name part containing one of these is an organisation, place or event.
ORG_WORDS = word_set(_TOPIC, "organisation-words")
# Countries, regions and big cities: capitalised, never people.
PLACES = word_set(_TOPIC, "places")
# U.S. states: one before a title makes the office the state's.
US_STATES = word_set(_TOPIC, "us-states")
# Nationality and country adjectives in titles ("German Chancellor") -> country code.
COUNTRY_ADJECTIVES = word_table(_TOPIC, "country-adjectives")
# Frequent capitalised words at the start of sentences or in headlines that
# sit one letter away from common surnames; never treated as name variants.
COMMON_WORDS = word_set(_TOPIC, "common-capitalised-words")


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names, case-folded."""
    text = (DATA_DIR / "given-names.txt").read_text(encoding="utf-8")
    words: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        words.update(w.casefold() for w in line.split())
    return frozenset(words)


@functools.lru_cache(maxsize=1)
def recorded_given_names() -> frozenset[str]:
    """``given_names`` and every name U.S. birth records show to be a name far more than
    a word (given-names-us.txt, built by tools/names_given_us.py: "Gerard", "Lanae",
    "Howard"). Weaker evidence than ``given_names``: enough to stand back from calling
    a word a slip, or to know the given name a slip was meant to be, not to make a
    capitalised pair a person ("Crystal Palace", "Sandy Hook")."""
    return given_names() | word_set(_TOPIC, "given-names-us")


def wordlike_given_names() -> frozenset[str]:
    """Names U.S. birth records hold thousands of times that English text also uses
    often as words, or for one famous bearer ("Grant", "Hope", "Hillary", "Pete"):
    given-names-us-wordlike.txt, built by tools/names_given_us.py."""
    return word_set(_TOPIC, "given-names-us-wordlike")


@functools.lru_cache(maxsize=1)
def listed_given_names() -> frozenset[str]:
    """The first names of the people in the shipped names lists, case-folded:
    evidence that a month or weekday after them is a surname ("Theresa May").
    Read from the lists' ``name =`` lines, not parsed as TOML, as only the
    rare name before a month needs them."""
    found: set[str] = set()
    for path in (DEFAULT_LIST, *BUILT_LISTS):
        text = path.read_text(encoding="utf-8")
        found.update(m.group(1).casefold() for m in _LISTED_NAME.finditer(text))
    return frozenset(found)


_LISTED_NAME = regexcache.compile(r'^name = "([^" ]+) ', re.MULTILINE)
