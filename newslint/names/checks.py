"""Helpers the names.* checks share: which spellings may be flagged, silencing
by [sic] and the accept list, the dictionary test, and officeholder logic."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Collection, Iterator
from typing import Literal, NamedTuple

import regex

from newslint import regexcache
from newslint.analysis.dates import MONTH_NAMES
from newslint.analysis.encoding import document_damage
from newslint.analysis.numbers import parse_number
from newslint.document import Document
from newslint.names.extract import Form, Mention, NameAnalysis, Token
from newslint.names.lists import NamesList, Office, Person, title_key
from newslint.names.similar import MIN_LENGTH, fold
from newslint.names.words import (
    COMMON_WORDS,
    MONTHS,
    PLACES,
    SUFFIXES,
    TITLE_HEADS,
    US_STATES,
    WEEKDAYS,
)
from newslint.registry import CheckContext

_NEVER = COMMON_WORDS | MONTHS | WEEKDAYS | PLACES
# ", the U.S. treasury secretary," or ", Argentina's president," after a name.
_SUFFIX_TITLE = regex.compile(
    r",\s+(?:the\s+|(\p{Lu}[\p{L}.\-]*(?:\s+\p{Lu}[\p{L}.\-]*){0,2})['’]s\s+)"
    r"((?:[\p{L}.\-]+\s+){0,5}?[\p{L}\-]{3,})(?=\s*[,.;)]|\s+(?:who|said|told|has|had|is|was|and)\b)"
)


def candidate_forms(analysis: NameAnalysis) -> Iterator[Form]:
    """Spellings long enough and name-like enough to be flagged."""
    for form in analysis.forms.values():
        if (
            len(form.key) >= MIN_LENGTH - 1
            and form.key not in _NEVER
            and form.text[:1].isupper()
            and not _PRONOUN_CONTRACTION.fullmatch(form.text)  # "I’ve" is no "Ivey"
        ):
            yield form


_PRONOUN_CONTRACTION = regexcache.compile(r"I['’](?:ve|ll|m|d)")


_REFERENCE = regexcache.compile(r"\bet al\b|\bdoi\b|\bISBN\b|\bpp?\.\s*\d", re.IGNORECASE)


def in_reference(text: str, start: int) -> bool:
    """Whether ``start`` lies on a line of a bibliographic reference ("Niekus
    et al. ... DOI: ..."): a cited title keeps its authors' spelling
    ("Neandertal" in a story that writes "Neanderthal")."""
    lines = _reference_lines(text)
    if not lines:  # most stories cite nothing: one search per story, not per name
        return False
    begin = text.rfind("\n", 0, start) + 1
    return begin in lines


@functools.lru_cache(maxsize=8)
def _reference_lines(text: str) -> frozenset[int]:
    """Where each line that holds a reference marker begins."""
    return frozenset(text.rfind("\n", 0, m.start()) + 1 for m in _REFERENCE.finditer(text))


def clean_form(form: Form, analysis: NameAnalysis, ctx: CheckContext, doc: Document) -> bool:
    """False for spellings the article also uses as ordinary words, or that
    are accepted in the vocabulary or marked [sic], or found only in
    bibliographic references."""
    if analysis.used_in_lower_case(form.text):
        return False
    if all(in_reference(analysis.text, token.start) for token, _ in form.tokens):
        return False
    if _accepted(ctx, form.text):
        return False
    if all(_damaged(doc, t) for t, _ in form.tokens):
        return False  # "ObamaÃ": structure.encoding-damage reports the file once
    return not all(silenced(doc, ctx, t) for t, _ in form.tokens)


def _damaged(doc: Document, token: Token) -> bool:
    return any(d.start < token.end and token.start < d.end for d in document_damage(doc))


def _accepted(ctx: CheckContext, word: str) -> bool:
    accept = ctx.accept_words
    return bool(accept) and (word in accept or word.casefold() in accept or fold(word) in accept)


def silenced(doc: Document, ctx: CheckContext, token: Token) -> bool:
    """[sic], the accept list and skipped regions (code, URLs) silence a word."""
    span = token.span
    if any(s.overlaps(span) for s in doc.sic) or doc.in_skipped(span):
        return True
    return _accepted(ctx, token.text)


@functools.lru_cache(maxsize=4)
def _lexicon_test(language: str) -> Callable[[str], bool]:
    try:  # share the spelling engine's dictionary when it is there
        from newslint.engines.spelling.lexicon import lexicon

        known = lexicon(language).known
        return lambda word: known(word)
    except ImportError:  # pragma: no cover - the spelling engine ships with newslint
        from spellchecker import SpellChecker

        words = SpellChecker(language="en").word_frequency.dictionary
        return lambda word: word in words


@functools.lru_cache(maxsize=4096)
def is_dictionary_word(word: str, language: str) -> bool:
    """Whether a capitalised word is also an ordinary English word. Loads the
    dictionary on first use only, which names checks reach rarely."""
    lower = word.casefold()
    return lower in COMMON_WORDS or _lexicon_test(language)(lower)


_NAME_NEXT = regex.compile(r",\s+\p{Lu}[\p{Ll}'’-]+\s+\p{Lu}")


def suffix_title(text: str, end: int) -> str:
    """The title in "Scott Bessent, the U.S. Treasury Secretary," (or "")."""
    match = _SUFFIX_TITLE.match(text, end, min(len(text), end + 80))
    if not match:
        return ""
    words = match.group(2).split()
    if not any(w.casefold() in TITLE_HEADS for w in words[-2:]):
        return ""
    if words[0].casefold() in ("former", "then", "late", "outgoing", "incoming"):
        return ""
    if _NAME_NEXT.match(text, match.end(2)):
        return ""  # "The chancellor, X, the justice secretary, David Gauke, ...": the next one's
    # "Argentina's president": the country's office, kept as written.
    return text[match.start(1) if match.group(1) else match.start(2) : match.end(2)]


# "the former U.S. president, " just before a name: the title set off by commas.
_APPOSED_TITLE = regex.compile(
    r"(?:^|[\s(\u201c\"])[Tt]he\s+((?:[\p{L}.\-]+\s+){0,6}?[\p{L}\-]{3,}),\s*$"
)


def apposed_title(text: str, start: int) -> str:
    """The title in "the U.S. treasury secretary, Scott Bessent" (or "");
    "former" stays in it."""
    match = _APPOSED_TITLE.search(text, max(0, start - 80), start)
    if not match:
        return ""
    words = match.group(1).split()
    if not any(w.casefold() in TITLE_HEADS for w in words[-2:]):
        return ""
    if words[0].casefold() in ("then", "late", "outgoing", "incoming"):
        return ""
    return match.group(1)


# A title written lower case before the name, as news style sets descriptions
# ("Democratic nominee Joe Biden", "Barcelona coach, Ernesto Valverde,"): one to
# three capitalised words that say whose office, then the lower-case title.
_LOWER_TITLE = regex.compile(
    r"(?<![\p{L}.'’\-])((?:\p{Lu}[\p{L}.'’\-]*\s+){1,3}(?:\p{Ll}[\p{L}\-]*\s+)?"
    r"\p{Ll}[\p{L}\-]+),?\s+$"
)
# Qualifiers that set the title in another time, which the capitalised reading
# (``_titled``) leaves to other checks as well.
_OTHER_TIME = frozenset(
    (
        *("former", "ex", "then", "late", "outgoing", "incoming", "future"),
        # an office not yet won: "likely Democratic nominee Hillary Clinton"
        *("likely", "possible", "potential", "eventual", "expected", "prospective", "would-be"),
    )
)
_NO_OFFICE = COMMON_WORDS | MONTHS | WEEKDAYS


class _Word(NamedTuple):
    text: str
    start: int


def _lower_title_words(text: str, start: int) -> tuple[list[_Word], _Word | None] | None:
    """The words of a lower-case title just before ``start`` and the word before
    them, with their offsets, or None."""
    match = _LOWER_TITLE.search(text, max(0, start - 80), start)
    if not match:
        return None
    words = [_Word(m.group(), m.start()) for m in _WORD.finditer(text, *match.span(1))]
    # The head may come before the last word: "Apple chief executive".
    if not any(w.text in TITLE_HEADS for w in words[-2:] if w.text.islower()):
        return None
    reach = max(0, match.start() - 20)
    before = [_Word(m.group(), m.start()) for m in _WORD.finditer(text, reach, match.start())]
    return words, before[-1] if before else None


_WORD = regex.compile(r"\S+")


def _office_words(words: list[_Word]) -> tuple[str, int] | None:
    """The title from the first word that can name an office, and where it starts:
    "On Tuesday Democratic nominee" is "Democratic nominee"."""
    while words and words[0].text.casefold() in _NO_OFFICE:
        words = words[1:]
    if len(words) < 2 or not words[0].text[0].isupper():
        return None
    return " ".join(w.text for w in words), words[0].start


def _other_time(words: list[_Word]) -> bool:
    return any(w.text.casefold().removesuffix("-") in _OTHER_TIME for w in words)


def lower_title(text: str, start: int) -> tuple[str, int] | None:
    """The title in "Democratic nominee Joe Biden" and where it starts (or None):
    a lower-case title word after the capitalised words of whose office it is."""
    found = _lower_title_words(text, start)
    if found is None:
        return None
    words, before = found
    if _other_time(words if before is None else [before, *words]):
        return None  # "former FBI director James Comey", "likely Democratic nominee"
    return _office_words(words)


def lower_former_title(text: str, start: int) -> tuple[str, int] | None:
    """The title in "former U.S. president Barack Obama" and where its "former"
    stands (or None)."""
    found = _lower_title_words(text, start)
    if found is None:
        return None
    words, before = found
    if words[0].text.casefold() == "former":  # "Former U.S. president ..." opening a sentence
        words, before = words[1:], words[0]
    if before is None or before.text.casefold() != "former" or _other_time(words):
        return None
    office = _office_words(words)
    return (office[0], before.start) if office else None


# A role set before the name with an article: "a former US ambassador to
# Moscow, Michael McFaul", "an aide to the mayor, Jo Ray".
_APPOSED_ROLE = regex.compile(
    r"(?:^|\s)(?:[Aa]n?|[Tt]he)\s+((?:[\p{L}.\-]+\s+){0,5}?[\p{L}\-]{3,})"
    r"(?:\s+(?:to|of|for|at|in)\s+(?:the\s+)?\p{Lu}[\p{L}.\-]*(?:\s+\p{Lu}[\p{L}.\-]*){0,2})?,\s*$"
    # or a former role run into the name: "is former US ambassador to Moscow Michael McFaul"
    r"|(?:^|\s)(?:[Ff]ormer|[Ee]x-)\s*((?:[\p{L}.\-]+\s+){0,4}?[\p{L}\-]{3,})"
    r"\s+(?:to|of|for|at|in)\s+(?:the\s+)?\p{Lu}[\p{L}.\-]*\s+$"
)


# Or after it, with or without an article: "Michael McFaul, a former U.S.
# ambassador to Russia, ...", "Michael McFaul, US ambassador to Russia ...".
_ROLE_AFTER = regex.compile(
    r",\s+(?:(?:[Aa]n?|[Tt]he)\s+)?((?:[\p{L}.\-]+\s+){0,5}?[\p{L}\-]{3,})"
    r"(?=\s+(?:to|of|for|at|in)\b|[,.])"
)


def apposed_role(text: str, start: int, end: int | None = None) -> str:
    """The title word of a role set before the name ("ambassador" in "a former
    US ambassador to Moscow, Michael McFaul") or, given the name's ``end``,
    after it ("Michael McFaul, a former U.S. ambassador to Russia,"), or ""."""
    found = [
        m.group(1) or m.group(2)
        for m in [_APPOSED_ROLE.search(text, max(0, start - 90), start)]
        if m
    ]
    if end is not None:
        after = _ROLE_AFTER.match(text, end, end + 90)
        if after:
            found.append(after.group(1))
    heads = [w.casefold() for role in found for w in role.split() if w.casefold() in TITLE_HEADS]
    return heads[-1] if heads else ""


def state_before(text: str, start: int) -> str:
    """The U.S. state named just before a title ("Georgia Secretary of State",
    "state Attorney General"), or "": the office is the state's, not the
    federal one."""
    words = text[max(0, start - 30) : start].split()
    if words and words[-1] == "state":
        return "state"
    for size in (2, 1):
        if len(words) >= size and " ".join(words[-size:]).casefold() in US_STATES:
            return " ".join(words[-size:])
    return ""


# A rank word before a title makes it another office: the Vice President is
# not the President ("President Joe Biden" in 2016 was wrong).
_LOWER_RANKS = frozenset(("vice", "deputy", "assistant", "under", "lieutenant", "associate"))


# ", the former U.S. president," after a name: the title ends in a word, not "U.S.".
_SUFFIX_FORMER = regex.compile(
    r",\s+the\s+former\s+((?:[\p{L}.\-]+\s+){0,6}?[\p{L}\-]{3,})"
    r"(?=\s*[,.;)]|\s+(?:who|said|told|has|had|is|was|and)\b)"
)


def suffix_former(text: str, end: int) -> str:
    """The title in "Paul Ryan, the former Speaker of the House," (or "")."""
    match = _SUFFIX_FORMER.match(text, end, min(len(text), end + 80))
    if not match:
        return ""
    words = match.group(1).split()
    return match.group(1) if any(w.casefold() in TITLE_HEADS for w in words[:3]) else ""


def _matches(office: Office, title: str, country: str | None) -> bool:
    if country is not None and office.country != country:
        return False
    if office.title.endswith(" " + title):
        rank = office.title[: -len(title) - 1].split()[-1]
        return rank not in _LOWER_RANKS
    return office.title == title or office.title.startswith(title + " ")


def _date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


_POSSESSIVE_TITLE = regexcache.compile(r"['’]s\s")
# Where a title stands beside the name: "President X" (before), "X, the
# president," (after) or "the president, X," (apposed).
Layout = Literal["before", "after", "apposed"]


def _as_written(title_text: str, mention: Mention, layout: Layout) -> str:
    """The title and name quoted in the order the text gives them."""
    name = " ".join(t.text for t in mention.tokens)
    if layout == "after":
        the = "" if _POSSESSIVE_TITLE.search(title_text) else "the "
        return f"'{name}, {the}{title_text}'"
    if layout == "apposed":
        return f"'the {title_text}, {name}'"
    return f"'{title_text} {name}'"


def _titled_person(
    names: NamesList, mention: Mention, title_text: str
) -> tuple[str, str | None, Person] | None:
    """(office title key, country, the one listed person) for "<title> <name>",
    or None when the title is a courtesy one or the name fits no one or several."""
    title, country = title_key(title_text)
    if not title or title.split()[-1] in ("mr", "mrs", "ms", "dr", "sir", "dame", "lord"):
        return None
    people = names.people_named(mention.surname.text, mention.given)
    if not people:  # "Moon Jae-in": the surname comes first
        people = names.by_full_name.get(fold(" ".join(t.text for t in mention.tokens)), [])
    if len(people) != 1:
        return None
    # "Robert F. Kennedy" is not "Robert F. Kennedy Jr.": a listed suffix the
    # text leaves out names the father (or the son).
    suffix = people[0].name.split()[-1].casefold()
    if suffix in _REGNAL:
        # A monarch's number may be left out ("King Charles" is Charles III), but
        # another number is another monarch ("King Charles II").
        if mention.suffix and mention.suffix != suffix:
            return None
    elif suffix in SUFFIXES and mention.suffix.rstrip(".") != suffix.rstrip("."):
        return None
    elif mention.suffix and suffix not in SUFFIXES:
        return None  # "Pope John Paul II" beside a listed John Paul: someone else
    if _VESSEL_BEFORE.search(mention.before) or _VESSEL_BEFORE.search(mention.title_text):
        return None  # "HMS Queen Elizabeth", "the carrier Queen Elizabeth": a ship
    return title, country, people[0]


_REGNAL = frozenset(("ii", "iii", "iv"))
# Words before a name that make it a ship's: "HMS Queen Elizabeth", "the carrier ...".
_VESSEL_BEFORE = regexcache.compile(
    r"\b(?:hms|rms|uss|hmas|hmcs|carrier|ship|liner|vessel|warship|frigate|destroyer)\b",
    re.IGNORECASE,
)


_YEAR = regexcache.compile(r"(?<![\d,.])(?:19|20)\d\d(?!\d|,\d)")
_DATE_LINE_WORDS = 12  # a block this short beside the name may be its date line


# A year told relative to the story's day: "last year", "two years ago".
_RELATIVE_YEAR = regexcache.compile(
    r"\blast\s+year\b|\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+ago\b",
    re.IGNORECASE,
)
_MONTH_ONLY = regexcache.compile(rf"\b[Ii]n\s+({'|'.join(MONTH_NAMES)})\b(?!\s+\d)")
_MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}


def context_years(text: str, start: int, day: dt.date | None = None) -> set[int]:
    """Years written in the paragraph of ``start`` and in a short paragraph
    just before or after it (a related link's date line); with the story's
    ``day``, the paragraph's years told relative to it ("last year's summit")."""
    begin = text.rfind("\n\n", 0, start)
    begin = 0 if begin < 0 else begin + 2
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    blocks = [text[begin:end]]
    before = text[:begin].rstrip("\n")
    cut = before.rfind("\n\n")
    prev = before[cut + 2 :] if cut >= 0 else before
    after = text[end:].lstrip("\n")
    cut = after.find("\n\n")
    nxt = after[:cut] if cut >= 0 else after
    blocks += [b for b in (prev, nxt) if len(b.split()) <= _DATE_LINE_WORDS]
    years = {int(m.group()) for b in blocks for m in _YEAR.finditer(b)}
    if day is not None:
        # "In January, agencies delivered a report to President Obama": the last
        # January before the story.
        for m in _MONTH_ONLY.finditer(blocks[0]):
            month = _MONTH_NUMBERS[m.group(1).lower()]
            years.add(day.year if month <= day.month else day.year - 1)
        for m in _RELATIVE_YEAR.finditer(blocks[0]):
            count = m.group(1)
            back = 1 if count is None or count.lower() == "a" else parse_number(count)
            years.add(day.year - int(back or 1))
    return years


def officeholder_problem(
    names: NamesList,
    mention: Mention,
    title_text: str,
    day: dt.date,
    years: Collection[int] = (),
    layout: Layout = "before",
) -> str:
    """Why "<title> <name>" (or the title in another ``layout``) is wrong on
    ``day`` by the lists, or "".

    ``years`` are the years written around the mention: a story that speaks
    of a past year in which the person held the title ("With the 2008 crash
    ... declared French President Nicolas Sarkozy") uses it rightly."""
    found = _titled_person(names, mention, title_text)
    if found is None:
        return ""
    title, country, person = found
    shared = names.shared_office(title, country)
    if shared and not mention.given:
        # "Representative Crenshaw": one of hundreds holding that title; the lists
        # know today's members, so a surname alone may be an earlier member's.
        return ""
    if any(
        o.start.year <= y <= (o.end or day).year
        for o in person.offices
        if _matches(o, title, country)
        for y in years
    ):
        return ""
    matching = [o for o in person.offices if _matches(o, title, country)]
    if (
        shared
        and matching
        and any(y < min(o.start.year for o in matching) for y in years)
        and all(o.start > day for o in matching)
    ):
        # "1960: ... Sen. John Kennedy": the lists know recent members only; a year
        # told before the listed one took office is an earlier namesake's.
        return ""
    said = _as_written(title_text, mention, layout)
    held = [o for o in person.offices if _matches(o, title, country)]
    if person.died is not None and person.died < day:
        if not held and not mention.given:
            return ""  # "King Hussein": a title the listed Hussein never held, another person
        if any(y <= person.died.year for y in years):
            return ""  # "meets Palestinian leader Yasser Arafat ... on September 4, 1996"
        return f"{said}: {person.name} died on {_date(person.died)}"
    if held:
        if any(o.held_on(day) for o in held):
            return ""
        if title.endswith("nominee") and any(o.start <= day for o in held):
            # A nominee stays the nominee of that race: "his vanquished rival,
            # Democratic nominee Hillary Clinton" after the election. Only a
            # nomination not yet won is wrong.
            return ""
        office = min(held, key=lambda o: _distance(o, day))
        many = shared or names.shared_office(office.title, office.country)  # "Justice X"
        then = None if many else _holder(names, person, office.title, office.country, day)
        tail = f"; it was {then.name}" if then else ""
        # Every term of that office, so two terms read "2017–2021 and 2025–".
        terms = sorted((o for o in held if o.office == office.office), key=lambda o: o.start)
        spans = " and ".join(o.years for o in terms)
        return f"{said}: {person.name} was {office.office} {spans}, not on {_date(day)}{tail}"
    countries = {o.country for p in names.people for o in p.offices if o.title == title}
    if shared or len(title.split()) < 2 or not (country or len(countries) == 1):
        return ""
    if person.offices and all(o.start > day for o in person.offices):
        # The lists know this person only from later on ("Senate Majority Leader
        # Scott Fitzgerald" of Wisconsin's senate, before he went to Congress):
        # what they held then is beyond them.
        return ""
    place = country or next(iter(countries), None)
    then = _holder(names, person, title, place, day)
    if then is None:
        return ""
    office = next(o for o in then.offices if o.title == title and o.held_on(day))
    own = person.describe(day)
    theirs = f" ({person.name}: {own})" if own else ""
    return f"{said}: on {_date(day)} the {office.office} was {then.name}{theirs}"


# A title given for another time than the story's own. Before the title: a
# preposition that makes the person's time in office the frame of a clause
# ("under President Clinton", "during ...", "set by President Obama last year")
# or an article that makes them hypothetical ("a President Trump would").
_FRAME_BEFORE = regexcache.compile(
    r"(?:\b(?:under|during|by|before|after|since)|\b(?:an?)"
    # "under longtime President Hosni Mubarak", "during the late King's reign"
    r"|\b(?:under|during)\s+(?:the\s+)?(?:longtime|long-time|then|late|former|veteran)"
    # The act that ended the tenure: "Trump fired FBI Director James Comey", "didn't
    # fire", "the dismissal of".
    r"|\b(?:fire[sd]?|firing|oust(?:s|ed|ing)?|sack(?:s|ed|ing)?|dismiss(?:es|ed|ing)?"
    r"|eject(?:s|ed|ing)?|forc(?:e|es|ed|ing)|toppl(?:e|es|ed|ing)"
    r"|remov(?:e|es|ed|ing)|replac(?:e|es|ed|ing)|succeed(?:s|ed|ing)?|defeat(?:s|ed|ing)?"
    r"|impeach(?:es|ed|ing)?)"
    r"|\b(?:dismissal|firing|ouster|ousting|sacking|removal|impeachment)\s+of"
    r"|\b(?:administration|presidency|government|tenure|term|era|anniversary)\s+of"
    r"|\b(?:appointee|nominee|pick|appointment|nomination)\s+of"
    r"|\bvoted\s+for|\b(?:re-?)?elected"
    # a cause traced back to the holder's time: "largely goes back to President Obama ending"
    r"|\b(?:goes|go|went|dates?|dating|traces?|tracing)\s+back\s+to)\s+$",
    re.IGNORECASE,
)
# After the name: the time of their office ("President Clinton's second term").
# Or what belonged to their tenure, a few words on: its people ("President Bill
# Clinton's national security adviser") and its acts ("President Obama's
# signature health care law").
# A scraped page may set the possessive off by a space ("Bill Clinton ’s").
_FRAME_AFTER = regexcache.compile(
    r" ?['’]s\s+(?:(?:first|second|last|final|early|late|own)\s+)?(?:term|terms|tenure|"
    r"administration|presidency|years|era|legacy|time|watch|government|cabinet)\b"
    # ... an occasion of it: "President Obama's first stop abroad", "last visit".
    r"| ?['’]s\s+(?:first|last|final|maiden)\s"
    r"| ?['’]s\s+(?:[\w-]+\s+){0,4}?(?i:advis[eo]rs?|aides?|secretary|council|counsel|staff|"
    r"spokes(?:man|woman|person)|envoy|ambassador|nominees?|appointees?|picks?|choice|laws?|"
    r"polic(?:y|ies)|plans?|orders?|programs?|initiatives?|act|actions?|deal|reforms?|doctrine|"
    r"bills?|legislation|achievements?|accomplishments?|attorney[\s-]+general|director|"
    r"vice[\s-]+president|deputy|running\s+mate)\b"
    # ... the holder before another: "like President Barack Obama before him".
    r"|\s+before\s+(?:him|her|them|it)\b"
    # ... or the administration named: "chief of staff to Defense Secretary Ash
    # Carter in the Obama administration".
    r"|,?\s+(?:in|during|under)\s+the\s+(?:[A-Z][\w.’'-]*\s+){1,3}administration\b"
    # ... and the events of the tenure: "President Obama's inauguration".
    r"| ?['’]s\s+(?:[\w-]+\s+){0,2}?(?:inauguration|(?:re-?)?election|swearing-in|relationship"
    r"|relations)\b"
    # ... and the end of it: "following Director James Comey's firing".
    r"| ?['’]s\s+(?:[\w-]+\s+)?(?:firing|dismissal|ouster|ousting|sacking|removal|resignation"
    r"|departure|exit|retirement|impeachment|defeat)\b"
)
# A modal right beside the title, or a question, speaks of an office not yet
# held as a possibility ("Would President Trump raise taxes?", "what is
# President Trump going to do?"), not as a fact.
_MODAL_BEFORE = regexcache.compile(r"\b(?:would|could|might)\s+$", re.IGNORECASE)
# A qualifier further up the noun phrase ("then-House Speaker", "the late
# Senate Majority Leader"), or a past relation to the holder ("a former top
# adviser to President Obama"): the office of its own time.
_QUALIFIED_BEFORE = regex.compile(
    r"\b(?:then|late|former|ex|onetime|one-time|soon-to-be|would-be|future|retiring|outgoing)[-\s]+"
    r"(?:[\p{Lu}][\w.’'-]*\s+){1,3}$"
    r"|\b(?:then|soon-to-be|would-be|future|onetime|one-time)[-\s]+$"
    r"|\b(?:former|ex-|then-?|onetime|one-time)\s*(?:[\w’'-]+\s+){0,3}"
    r"(?:to|for|of|under|with)\s+(?:the\s+)?$"
    # ... over two titles joined: "Former national security adviser and Secretary of State"
    r"|\b(?:former|ex-|onetime|one-time)\s+(?:[\w’'-]+\s+){1,5}and\s+$",
    regex.IGNORECASE,
)
# A group called former, then its members: each one's title is of that time.
_FORMER_GROUP_BEFORE = regexcache.compile(
    r"\bformer\s+(?:[\w’'-]+\s+){0,4}(?:officials|leaders|aides|advisers|officers|members"
    r"|ministers|secretaries|chiefs|heads|diplomats|lawmakers)\b[^.;:]{0,20}?"
    r"(?:including|such\s+as|among\s+them|like)\s+$",
    re.IGNORECASE,
)
# The holder's own doings in the past, told in the past tense ("Even President
# Jimmy Carter had a mean streak", "Republicans blocked President Obama's
# pick"). Reporting verbs ("said", "announced") are left out: a stale title on
# today's quote is the slip the rule is for.
_PAST = (
    r"(?:had|was|were|did|made|took|gave|won|lost|led|ran|sent|chose|kept|held|met|sought"
    r"|fought|built|[a-z]{3,}ed)"
)
_PAST_WORD = regexcache.compile(rf"\b{_PAST}\b")
_PAST_AFTER = regexcache.compile(
    rf"(?:,\s+who)?\s+(?:(?:also|even|once|never|first|later|[a-z]+ly)\s+)?({_PAST})\b"
)
# Someone's service to the holder, long after the term: the title of that time.
# "a lawyer for Vice President Al Gore and for President Barack Obama": one
# relation may serve two holders.
_SERVED_BEFORE = regexcache.compile(
    r"\b(?:advis[eo]r|aide|counsel(?:l?or)?|spokes(?:man|woman|person)|speechwriter|envoy"
    r"|ambassador|chief\s+of\s+staff|appointee|nominee|lawyer|attorney)\s+(?:to|for|under)\s+"
    r"(?:the\s+)?(?:[^,.;:()]{1,40}?\s+and\s+(?:(?:to|for|under)\s+)?(?:the\s+)?)?$",
    re.IGNORECASE,
)
# ... the role told in the past: "who was a lawyer for", "served as chief of staff to".
_SERVED_IN_PAST = regexcache.compile(
    r"\b(?:was|were|served|worked|had\s+been)\s+(?:as\s+)?(?:(?:a|an|the|his|her|their)\s+)?"
    r"(?:[\w-]+\s+){0,3}$"
)
# Holders named as someone's predecessors: the titles of their own time.
_PREDECESSORS = regexcache.compile(r"\bpredecessors?\b", re.IGNORECASE)
# A past that did not happen: "President Obama would have been unhappy if ...".
_COUNTERFACTUAL_AFTER = regexcache.compile(r"\s+(?:would|could|might)\s+(?:not\s+)?have\b")
_PAST_BEFORE = regexcache.compile(
    rf"\b({_PAST})\s+(?:(?:[a-z]+\s+)?(?:the|a|an)\s+"
    # The holder as the one a past act was done for: "provided a dossier briefing to".
    r"|(?:a|an|the|his|her|their|its)\s+(?:[a-z]+\s+){1,2}(?:to|for)\s+)?$"
)
_PAST_BEFORE_REACH = 45  # characters: "provided a dossier briefing to "
# Any case: "How President Trump Could ..." in a title-case headline.
_MODAL_AFTER = regexcache.compile(r"\s+(?:would|could|might)\b", re.IGNORECASE)
_HAD = r"had\s+(?:[a-z]+ly\s+|never\s+|not\s+)?"  # the past perfect's auxiliary
# ... and the irregular participles the perfect takes: "as President Obama had done".
_PARTICIPLE = (
    rf"(?:{_PAST}|done|been|gone|seen|taken|given|chosen|spoken|written|shown|known|begun"
    r"|brought|thought)"
)
_PERFECT_BEFORE = regexcache.compile(rf"\b{_HAD}{_PARTICIPLE}\s+$")
_PERFECT_AFTER = regexcache.compile(rf"\s+{_HAD}[\"“]?({_PARTICIPLE})\b")
# A sentence that tells how the tenure ended ("... before he was fired last
# month", "... was succeeded by ...") gives the title of the time before.
_TENURE_ENDS = regexcache.compile(
    r"\b(?:was|were|been|got)\s+(?:\w+ly\s+)?(?:fired|ousted|dismissed|sacked|removed|"
    r"replaced|succeeded|defeated|impeached)\b"
    # The tenure as the time of the telling: "when President Obama was still in office".
    r"|\b(?:was|were)\s+still\s+in\s+(?:office|power)\b|\bat\s+the\s+time\b"
    r"|\b(?:resigned|retired|stepped\s+down|left\s+office|lost\s+(?:the|his|her)\s+(?:job|seat|post))\b"
    r"|\bleft\s+(?:that|the|his|her)\s+(?:job|post|role|position)\b|\bout\s+of\s+office\b",
    re.IGNORECASE,
)


def another_time(
    names: NamesList,
    mention: Mention,
    title_text: str,
    day: dt.date,
    text: str,
    sentence: tuple[int, int],
    start: int,
) -> bool:
    """Whether "<title> <name>" (its title read from ``start``) speaks of the
    time the person held (or might hold) the office, not of the story's day:
    a past holder as the frame of a
    clause ("under President Obama", "during President Bill Clinton's
    tenure"), or a future one as a possibility ("Would President Donald Trump
    raise taxes?"). A past holder who acts in the sentence
    ("President Obama said on Tuesday") is still checked."""
    found = _titled_person(names, mention, title_text)
    if found is None:
        return False
    title, country, person = found
    held = [o for o in person.offices if _matches(o, title, country)]
    if not held or any(o.held_on(day) for o in held):
        return False
    framed = bool(_FRAME_BEFORE.search(text, max(0, start - 30), start))
    reach = sentence[0]
    if _QUALIFIED_BEFORE.search(text, max(reach, start - 60), start):
        return True
    if _FORMER_GROUP_BEFORE.search(text, max(reach, start - 100), start):
        return True  # "former senior officials -- including Secretary of Defense Robert Gates"
    if all(o.end is not None and o.end < day for o in held):  # a past holder
        if _PREDECESSORS.search(text, sentence[0], start):
            return True  # "his predecessors, beginning with President Obama": of that time
        return (
            framed
            or bool(_COUNTERFACTUAL_AFTER.match(text, mention.end, mention.end + 30))
            or bool(_TENURE_ENDS.search(text, sentence[0], sentence[1]))
            or bool(_FRAME_AFTER.match(text, mention.end, min(len(text), mention.end + 60)))
            or (
                (person.died is None or person.died >= day)
                and _told_in_past(text, mention.end, start, sentence, held, day)
            )
        )
    if all(o.start > day for o in held):  # not yet in office: "President X's
        # government" stated as a fact is wrong; a possibility is not
        question = text[sentence[0] : sentence[1]].rstrip().endswith("?")
        return (
            framed
            or question
            or bool(_MODAL_BEFORE.search(text, max(0, start - 12), start))
            or bool(_MODAL_AFTER.match(text, mention.end, min(len(text), mention.end + 12)))
            or _incoming(text, mention, start, sentence, held, day)
        )
    return False


# Someone about to take office, told as such: "New FBI Director James Comey",
# "the incoming President ...", or what they will do once in it ("an adroit
# President Trump can make good use of ..." twelve days before the inauguration).
_INCOMING_BEFORE = regexcache.compile(
    r"\b(?:new|newly[\s-][a-z]+|incoming|designated?)\s+$", re.IGNORECASE
)
_FUTURE_AFTER = regexcache.compile(
    r",?\s+(?:will|can|may|must|should|shall|is\s+(?:going|expected|set|due)\s+to)\b"
)


def _incoming(
    text: str,
    mention: Mention,
    start: int,
    sentence: tuple[int, int],
    held: list[Office],
    day: dt.date,
) -> bool:
    """The title of an office the person takes up within the elect window, given
    as the incoming holder's or for what they will do in it."""
    if min(o.start for o in held) - day > dt.timedelta(days=_ELECT_DAYS):
        return False
    return bool(
        _INCOMING_BEFORE.search(text, max(sentence[0], start - 20), start)
        or _FUTURE_AFTER.match(text, mention.end, min(sentence[1], mention.end + 30))
    )


def _told_in_past(
    text: str,
    end: int,
    start: int,
    sentence: tuple[int, int],
    held: list[Office],
    day: dt.date,
) -> bool:
    """History, not a stale title: a past-tense verb acting on the holder's own
    doing ("Republicans blocked President Obama's pick"), or the holder acting in
    the past tense ("Even President Jimmy Carter had a mean streak") when the
    office ended more than a term before the story (a recent holder doing
    something last week under the old title is the slip the rule is for). Only
    for the living: a title given to someone dead is reported as such."""
    from newslint.analysis.attribution import REPORTING

    tail = re.match(r"['’]s\s+[\w-]+", text[end : end + 40])
    if _PERFECT_BEFORE.search(text, max(sentence[0], start - 30), start):
        return True  # "he had pressed President Obama to": a past before the past
    perfect = _PERFECT_AFTER.match(text, end, min(sentence[1], end + 40))
    if perfect and not REPORTING.fullmatch(perfect.group(1)):
        return True  # "a story that said President Obama had banned ...": the same
    before = _PAST_BEFORE.search(text, max(sentence[0], start - _PAST_BEFORE_REACH), start)
    if tail and before and not REPORTING.fullmatch(before.group(1)):
        return True
    # "a White House adviser to President Bill Clinton": a role of that time;
    # soon after the term only if told in the past ("who was a lawyer for"), as
    # "a lawyer for President Obama said" may be today's lawyer, a stale title.
    served = _SERVED_BEFORE.search(text, max(sentence[0], start - 80), start)
    if served and _SERVED_IN_PAST.search(
        text, max(sentence[0], served.start() - 40), served.start()
    ):
        return True
    if _HABIT_AFTER.match(text, end, min(sentence[1], end + 20)):
        return True  # "as Defense Secretary Robert Gates used to say": a habit of that time
    if _ON_RECORD_AFTER.match(text, end, min(sentence[1], end + 30)):
        return True  # "President Obama famously said": a remark of that time, on record
    since = (day - max(o.end for o in held if o.end is not None)).days
    if since < _RECENT_DAYS:
        return False  # within a year of the term, a past verb may be last week's
    after = _PAST_AFTER.match(text, end, min(sentence[1], end + 30))
    acts = any(m and not REPORTING.fullmatch(m.group(1)) for m in (before, after))
    if acts and (since >= _TERM_DAYS or not _RECENT_TIME.search(text, sentence[0], sentence[1])):
        # The holder acting in the past ("President Obama was hounded by claims"), a
        # year or more after the term, unless the sentence says when: "last week".
        return True
    if since < _TERM_DAYS:
        return False  # "a lawyer for President Obama said": perhaps today's, a stale title
    if served:
        return True
    return _clause_in_past(text, start, end, sentence)


# Clause bounds inside a sentence, and the finite verbs that put a clause in
# the present or future.
_CLAUSE_BREAK = regexcache.compile(r"[,;:–—()]")
_NOT_PAST = regexcache.compile(
    r"\b(?:is|are|has|have|will|shall|does|do|can|says|say|tells|remains)\b"
    # "it's", "he's": "is" or "has"; a name's possessive ("Clinton's") is not
    r"|\b(?:[Ii]t|[Hh]e|[Ss]he|[Tt]hat|[Tt]here|[Ww]hat|[Ww]ho|[Hh]ere|[Ww]here)['’]s\b"
)


def _clause_in_past(text: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """The clause around the title tells of the past and nothing else ("who
    managed inquiries for Vice President Al Gore and later served ...", "With
    President Bill Clinton, proceedings were launched"): its verbs are past, none
    present or future. A clause with no verb is read with its sentence."""
    begin = max(
        (m.end() for m in _CLAUSE_BREAK.finditer(text, sentence[0], start)), default=sentence[0]
    )
    stop = _CLAUSE_BREAK.search(text, end, sentence[1])
    clause = text[begin : stop.start() if stop else sentence[1]]
    if not _PAST_WORD.search(clause):
        clause = text[sentence[0] : sentence[1]]
    past = [m.group() for m in _PAST_WORD.finditer(clause)]
    from newslint.analysis.attribution import REPORTING

    past = [v for v in past if not REPORTING.fullmatch(v)]
    return bool(past) and not _NOT_PAST.search(clause)


_TERM_DAYS = 4 * 365
_RECENT_DAYS = 365
# Time words that put a past verb in the story's own days.
_RECENT_TIME = regexcache.compile(
    r"\b(?:yesterday|today|tonight|this\s+(?:week|month|morning|year)|last\s+(?:week|night|month)"
    r"|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|recently|earlier\s+this)\b",
    re.IGNORECASE,
)
# A habit of the holder's time: "as Robert Gates used to say".
_HABIT_AFTER = regexcache.compile(r"\s+used\s+to\b")
# An act of the holder's time the record keeps: "famously said", "once warned".
_ON_RECORD_AFTER = regexcache.compile(
    r"\s+(?:famously|once|memorably|notoriously|infamously)\s+[a-z]+(?:ed|id|ote|ew|ave|ad)\b"
)


# How long before taking office a person is "-elect": a U.S. president is
# elected in early November and sworn in on 20 January; other offices sooner.
_ELECT_DAYS = 100


def elect_problem(
    names: NamesList, mention: Mention, day: dt.date, years: Collection[int] = ()
) -> str:
    """Why "President-elect <name>" is wrong on ``day`` (already in office, or
    not yet elected), or "". ``years`` written around the mention that fall in
    the months before a term ("in January 2009") date the title to then."""
    first = mention.tokens[0].lower
    if not first.endswith("-elect") or len(mention.tokens) < 2:
        return ""
    title, _ = title_key(first.removesuffix("-elect"))
    given = mention.tokens[1].text if len(mention.tokens) > 2 else ""
    people = names.people_named(mention.surname.text, given)
    if len(people) != 1:
        return ""
    person = people[0]
    terms = sorted((o for o in person.offices if _matches(o, title, None)), key=lambda o: o.start)
    if not terms:
        return ""
    if any(o.start - dt.timedelta(days=_ELECT_DAYS) <= day < o.start for o in terms):
        return ""
    if any(o.start.year - 1 <= y <= o.start.year for o in terms for y in years):
        return ""
    said = f"'{' '.join(t.text for t in mention.tokens)}'"
    held = [o for o in terms if o.held_on(day)]
    if held:
        took = f"took office as {held[-1].office} on {_date(held[-1].start)}"
        return f"{said}: {person.name} {took}; '-elect' is out of date"
    upcoming = [o for o in terms if o.start > day]
    if upcoming:
        when = f"{upcoming[0].office} from {_date(upcoming[0].start)}"
        return f"{said}: {person.name} was not {first} on {_date(day)} ({when})"
    return ""


def former_problem(
    names: NamesList, mention: Mention, title_text: str, day: dt.date, layout: Layout = "before"
) -> str:
    """Why "former <title> <name>" (or the title in another ``layout``) is
    wrong on ``day`` (they still held it), or ""."""
    found = _titled_person(names, mention, title_text)
    if found is None:
        return ""
    title, country, person = found
    # On the last day of a term the office changes hands (at noon on a US
    # inauguration day): "former" is right for what happens after.
    held = [
        o for o in person.offices if _matches(o, title, country) and o.held_on(day) and o.end != day
    ]
    if not held:
        return ""
    said = _as_written(f"former {title_text}", mention, layout)
    return f"{said}: {person.name} was still {held[0].office} on {_date(day)}"


# A present-tense verb right after a name speaks of the person as alive.
_ALIVE = regexcache.compile(
    r"\s+(?:says|tells|is|has said|has told|wants|plans|believes|thinks|hopes|insists"
    r"|warns|argues|continues|remains|lives)\b"
)


def dead_problem(names: NamesList, mention: Mention, text: str, day: dt.date) -> str:
    """Why "<name> says ..." describes a person the list records as dead, or ""."""
    if not mention.given or mention.before in ("late", "the"):
        return ""
    people = names.people_named(mention.surname.text, mention.given)
    died = people[0].died if len(people) == 1 else None
    if died is None or died >= day:
        return ""
    if not _ALIVE.match(text, mention.end, min(len(text), mention.end + 20)):
        return ""
    person = people[0]
    return f"{person.name} died on {_date(died)}; the text speaks of them as alive"


def _distance(office: Office, day: dt.date) -> int:
    if office.end is not None and office.end < day:
        return (day - office.end).days
    return (office.start - day).days


def _holder(
    names: NamesList, other_than: Person, title: str, country: str | None, day: dt.date
) -> Person | None:
    for person in names.people:
        if person is other_than:
            continue
        for office in person.offices:
            if office.title == title and office.country == country and office.held_on(day):
                return person
    return None
