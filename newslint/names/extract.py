"""Name mentions in an article: capitalised runs, split into a title
("U.S. Treasury Secretary") and a name ("Scott Bessent"), classified as a
person, an organisation or something else, and grouped by surname form.

One regex pass over the text; no sentence splitter (sentence splitting is too slow to run
on every save for this). Shared by the ``names.*`` checks through
``Document.analysis("names", analyse)``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from newslint.analysis.wrapping import soft_break, wrapped_mid_sentence
from newslint.document import Document
from newslint.names.frequent import zipf
from newslint.names.similar import fold
from newslint.names.words import (
    COMMON_WORDS,
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
    listed_given_names,
    recorded_given_names,
)
from newslint.spans import Span

# Capitalised words and the lower-case particles and connectors that may sit
# inside a name; other lower-case words are never tokens (their gap breaks runs).
_TOKEN = regex.compile(
    # A word running into an abbreviation ("Korea-U.S.") is no name of its own.
    r"(?<![\p{L}\p{M}\p{Nd}'’.\-])(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{M}\p{Nd}'’\-]*+(?!\.\p{Lu}\.)"
    r"|(?:al|el|ad|ash|as)-\p{Lu}[\p{L}\p{M}'’\-]*"
    r"|(?:de|van|von|der|den|da|di|du|la|le|dos|das|del|bin|ibn|al|el|ter|ten|of|the|for|and)"
    r"(?![\p{L}\p{M}\p{Nd}'’\-]))"
)
_POSSESSIVE = regex.compile(r"(?:['’]s|['’])$")  # "Holmes'" is Holmes, not Holme
_ARABIC_PREFIX = regex.compile(r"^(?:al|el|ad|ash|as)-\p{Lu}")
_LETTER_RUN = regex.compile(r"\p{L}+")
_SPACES = (" ", "\u00a0")
_NAME_JOINERS = PARTICLES | CONNECTORS  # lower-case words allowed inside a name
_SENTENCE_END = ".!?:;"
_OPENERS = "\"'“‘(["
_MAX_NAME_WORDS = 4
# Words that never start or continue a person's name when capitalised.
_NOT_TITLE = (COMMON_WORDS | MONTHS | WEEKDAYS | PLACES) - CONNECTORS
_BREAKERS = COMMON_WORDS | MONTHS | WEEKDAYS | PLACES | frozenset(COUNTRY_ADJECTIVES)


class Token(NamedTuple):
    """A word of a possible name. A named tuple, not a dataclass: an article
    makes thousands and they are compared by the casefolded form many times."""

    start: int
    end: int  # possessive "'s" excluded
    text: str
    lower: str  # ``text.casefold()``, computed once

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


def _make_token(start: int, end: int, text: str) -> Token:
    return Token(start, end, text, text.casefold())


@dataclass(frozen=True)
class Mention:
    """A capitalised name with the title that precedes it, if any."""

    tokens: tuple[Token, ...]
    title: tuple[Token, ...] = ()
    kind: str = "other"  # "person" | "candidate" (a pair not yet confirmed) | "single" | "org"
    sentence_initial: bool = False  # the run begins a sentence or paragraph
    scope: str = "body"  # "headline" | "byline" | "body"
    before: str = ""  # the word just before the run, lower case ("former", "the")
    suffix: str = ""  # a suffix written after the name, lower case ("jr.", "ii")

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def surname(self) -> Token:
        return self.tokens[-1]

    @property
    def given(self) -> str:
        return self.tokens[0].text if len(self.tokens) > 1 else ""

    @property
    def title_text(self) -> str:
        return " ".join(t.text for t in self.title)

    @property
    def personal_title(self) -> bool:
        """A title that marks a person ("Mr", "Sen.", "Treasury Secretary")."""
        return any(t.lower in TITLE_HEADS for t in self.title)

    @property
    def honorific_only(self) -> bool:
        return bool(self.title) and all(t.lower in HONORIFICS for t in self.title)


@dataclass
class Form:
    """Every occurrence of one surname spelling in the article."""

    text: str
    key: str  # case-folded
    tokens: list[tuple[Token, Mention]] = field(default_factory=list)
    givens: set[str] = field(default_factory=set)  # case-folded given names seen with it
    established: bool = False  # certainly a person's surname

    @property
    def body(self) -> list[tuple[Token, Mention]]:
        return [(t, m) for t, m in self.tokens if m.scope == "body"]

    @property
    def count(self) -> int:
        return len(self.body) or len(self.tokens)

    @property
    def first(self) -> int:
        body = self.body or self.tokens
        return body[0][0].start

    @property
    def in_headline(self) -> int:
        """Occurrences in the headline: more evidence when the body ties."""
        return sum(1 for _, m in self.tokens if m.scope == "headline")

    @property
    def only_initial(self) -> bool:
        """Seen only where any word is capitalised (sentence starts, headline)."""
        return all(
            m.scope == "headline" or (m.sentence_initial and m.tokens[0] is t and not m.title)
            for t, m in self.tokens
        )


@dataclass
class NameAnalysis:
    mentions: list[Mention]
    forms: dict[str, Form]  # case-folded surname spelling -> its occurrences
    text: str
    runs: list[list[Token]] = field(default_factory=list)  # capitalised runs, in order

    @functools.cached_property
    def by_initial(self) -> dict[str, list[Form]]:
        """Forms by the first letter of their key: two spellings of one name
        share it (see ``newslint.names.similar.similar``), so comparisons stay local."""
        index: dict[str, list[Form]] = {}
        for form in self.forms.values():
            index.setdefault(form.key[:1], []).append(form)
        return index

    @functools.cached_property
    def by_tail(self) -> dict[str, list[Form]]:
        """Forms by their key after the first letter: spellings that differ in
        the first letter only ("Navaghi", "Ravaghi") share it."""
        index: dict[str, list[Form]] = {}
        for form in self.forms.values():
            index.setdefault(form.key[1:], []).append(form)
        return index

    @functools.cached_property
    def _letter_runs(self) -> frozenset[str]:
        """Every maximal run of letters in the text, as written."""
        return frozenset(_LETTER_RUN.findall(self.text))

    def used_in_lower_case(self, word: str) -> bool:
        """Whether the article also uses ``word`` as an ordinary lower-case word."""
        lower = word.casefold()
        if lower.isalpha():  # one set lookup, not a scan of a long story per word
            return lower in self._letter_runs
        start = self.text.find(lower)
        while start != -1:
            end = start + len(lower)
            before = self.text[start - 1] if start else " "
            after = self.text[end] if end < len(self.text) else " "
            if not (before.isalpha() or after.isalpha()):
                return True
            start = self.text.find(lower, start + 1)
        return False

    def persons(self) -> Iterator[Mention]:
        for m in self.mentions:
            if m.kind in ("person", "candidate", "single"):
                yield m


def analyse(doc: Document) -> NameAnalysis:
    """Find the name mentions of ``doc`` (use via ``doc.analysis("names", analyse)``)."""
    text = doc.text
    raw = [_token(text, m.start(), m.end()) for m in _TOKEN.finditer(text)]
    runs = list(_runs(text, raw))
    surnames = _surname_evidence(text, runs)
    mentions = [m for run in runs for m in _mentions(doc, text, run, surnames)]
    return NameAnalysis(mentions, _forms(mentions), text, runs)


def _token(text: str, start: int, end: int) -> Token:
    word = text[start:end]
    if end < len(text) and text[end] == "." and _abbreviation(word):
        return _make_token(start, end + 1, word + ".")
    cut = _POSSESSIVE.search(word)
    if cut and len(word) - (cut.end() - cut.start()) >= 2 and word[0].isupper():
        word = word[: cut.start()]
    word = word.rstrip("-'’")
    return _make_token(start, start + len(word), word)


def _abbreviation(word: str) -> bool:
    """ "Sen." "Dr." and initials ("J.") keep their full stop."""
    return (len(word) == 1 and word.isupper()) or (word.casefold() + ".") in TITLE_HEADS


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() or bool(_ARABIC_PREFIX.match(token.text))


def _runs(text: str, tokens: list[Token]) -> Iterator[list[Token]]:
    """Maximal runs of capitalised words joined by single spaces, with
    lower-case particles and connectors allowed between them."""
    run: list[Token] = []
    for i, token in enumerate(tokens):
        gap = text[run[-1].end : token.start] if run else ""
        joined = bool(run) and (gap in _SPACES or (gap == "\n" and soft_break(text, run[-1].end)))
        if _capitalised(token):
            if run and not joined:
                yield run
                run = []
            run.append(token)
            continue
        follows = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            run
            and joined
            and token.lower in _NAME_JOINERS
            and follows is not None
            and _capitalised(follows)
            and text[token.end : follows.start] in _SPACES
        ):
            run.append(token)
            continue
        if run:
            yield run
            run = []
    if run:
        yield run


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (text[i] in _OPENERS or text[i] in " \t\u00a0"):
        i -= 1
    if i >= 0 and text[i] == "\n":
        # A line of its own starts a sentence, but a line wrapped inside a
        # paragraph mid-sentence ("... analyst Kyle\nCoopper told") does not.
        return not wrapped_mid_sentence(text, i)
    return i < 0 or text[i] in _SENTENCE_END or text[i] in "—–-•*"


def _word_before(text: str, start: int) -> str:
    head = text[max(0, start - 30) : start].rstrip()
    words = head.split()
    return words[-1].casefold().lstrip("([{\"'“‘") if words else ""


# Heads whose "of" attaches an organisation, never a person's name.
_OF_ORGANISATION = frozenset(("ceo", "cfo", "coo", "chairman", "chairwoman", "founder"))


def _split_title(run: list[Token]) -> tuple[list[Token], list[Token]]:
    """``[U.S., Treasury, Secretary, Scott, Bessent]`` -> title, name."""
    heads = [i for i, t in enumerate(run) if t.lower in TITLE_HEADS and i < len(run) - 1]
    if not heads:
        return [], run
    cut = heads[-1] + 1
    # "Secretary of State Marco Rubio": the title runs on through "of State".
    while cut < len(run) - 1 and run[cut].lower in CONNECTORS:
        cut += 1
        while cut < len(run) - 1 and (
            run[cut].lower in TITLE_PARTS or run[cut].lower in CONNECTORS
        ):
            cut += 1
    if run[cut - 1].lower in CONNECTORS and run[heads[-1]].lower in _OF_ORGANISATION:
        return [], run  # "CEO of Minuteman Health": what follows "of" is the company
    title = run[:cut]
    # "On Tuesday U.S. Treasury Secretary": the title starts after "Tuesday".
    stops = [i for i, t in enumerate(title) if t.lower in _NOT_TITLE]
    if stops:
        title = title[stops[-1] + 1 :]
    return title, run[cut:]


def _segments(run: list[Token], titled: bool = False) -> Iterator[list[Token]]:
    """Split a run at words that are never part of a name ("On", "Tuesday").
    Right after a person's title, a place that is also a given name opens the
    name ("Prime Minister Jordan Bardella", "Defence Minister Israel Katz")."""
    part: list[Token] = []
    known = given_names()
    for i, token in enumerate(run):
        if i == 0 and titled and len(run) > 1 and token.lower in known and token.lower in PLACES:
            part.append(token)
            continue
        # A month after a given name is a surname ("Theresa May", "Brian May").
        surname_month = (
            token.lower in MONTHS
            and bool(part)
            and (part[-1].lower in known or part[-1].lower in listed_given_names())
        )
        if token.lower in _BREAKERS and not token.text.islower() and not surname_month:
            if part:
                yield part
            part = []
            continue
        # "radio DJ Mike Read", "SNP MSP Alex Neil": an acronym that describes
        # the person before a given name is no part of the name.
        if _acronym(token) and i + 2 < len(run) and run[i + 1].lower in known:
            if part:
                yield part
            part = []
            continue
        part.append(token)
    if part:
        yield part


def _acronym(token: Token) -> bool:
    return len(token.text) > 1 and token.text.isupper() and "." not in token.text


def _surname_evidence(text: str, runs: list[list[Token]]) -> frozenset[str]:
    """Words the article uses as surnames: alone mid-sentence ("Embiid
    scored") or last in a two-word name ("Kristaps Porzingis")."""
    found: set[str] = set()
    for run in runs:
        if len(run) == 1 and not _sentence_initial(text, run[0].start):
            found.add(run[0].lower)
        elif len(run) == 2 and all(_TITLE_WORD.fullmatch(t.text) for t in run):
            found.add(run[1].lower)
    return frozenset(found)


_TITLE_WORD = regex.compile(r"\p{Lu}\p{Ll}[\p{L}\p{M}'’\-]*")


def _coordinated(piece: list[Token], surnames: frozenset[str] = frozenset()) -> list[list[Token]]:
    """ "(Fans of) Richard Madeley and Judy Finnigan" -> two names; "Marks and
    Spencer" and "Procter and Gamble" stay one (no given name opens each side).
    A side whose first word is not a given name we know counts as a name when
    the story uses its last word as a surname elsewhere ("Joel Embiid and
    Krisapts Porzingis", with "Embiid" and "Kristaps Porzingis" elsewhere)."""
    joins = [i for i, t in enumerate(piece) if t.text == "and"]
    if len(joins) != 1:
        return [piece]
    j = joins[0]
    # Any given name birth records know opens a person's side ("Lanae Orrick and
    # Kyle Pell"): the split makes no person of a pair that is not one already.
    known = recorded_given_names()

    def named(side: list[Token]) -> bool:
        if not all(_TITLE_WORD.fullmatch(t.text) for t in side):
            return False
        return side[0].lower in known or side[-1].lower in surnames

    right = piece[j + 1 :]
    if not (2 <= len(right) <= 3 and named(right)):
        return [piece]
    for k in (j - 2, j - 3):
        if k >= 0 and named(piece[k:j]) and all(_capitalised(t) for t in piece[k:j]):
            prefix = piece[:k]
            while prefix and prefix[-1].lower in _NAME_JOINERS:
                prefix = prefix[:-1]
            return ([prefix] if prefix else []) + [piece[k:j], right]
    return [piece]


def _mentions(
    doc: Document, text: str, run: list[Token], surnames: frozenset[str] = frozenset()
) -> Iterator[Mention]:
    # "Prime Minister Shinzo Abe and President Moon Jae-in": two titled people.
    cut = next(
        (
            i
            for i in range(1, len(run) - 1)
            if run[i].lower == "and" and run[i + 1].lower in TITLE_HEADS
        ),
        None,
    )
    if cut is not None:
        yield from _mentions(doc, text, run[:cut], surnames)
        yield from _mentions(doc, text, run[cut + 1 :], surnames)
        return
    title, rest = _split_title(run)
    titled = any(t.lower in TITLE_HEADS for t in title)
    pieces = (
        [p for seg in _segments(rest, titled) for p in _coordinated(seg, surnames)] if rest else []
    )
    for n, name in enumerate(pieces):
        name = _without_country(name, rest, bool(title) and n == 0)
        suffix = ""
        while name and (name[-1].lower in SUFFIXES or name[-1].lower in PARTICLES):
            suffix = suffix or (name[-1].lower if name[-1].lower in SUFFIXES else "")
            name = name[:-1]
        if n == 0 and not title and _opening_word(text, name):
            name = name[1:]  # "Following Mick Bauer's examples": Mick Bauer
        while name and name[0].lower in _NAME_JOINERS and _capitalised(name[0]) is False:
            name = name[1:]
        if not name:
            continue
        own_title = tuple(title) if n == 0 and name[0] is rest[0] else ()
        first = own_title[0] if own_title else name[0]
        if not suffix and any(t.lower in _MONARCHS for t in own_title):
            # "King Charles I": the pronoun-like numeral is left out of the run.
            numeral = _NUMERAL_AFTER.match(text, name[-1].end)
            suffix = numeral.group(1).lower() if numeral else ""
        yield Mention(
            tokens=tuple(name),
            title=own_title,
            kind=_kind(name, own_title),
            sentence_initial=_sentence_initial(text, first.start),
            scope=doc.scope_of(Span(name[0].start, name[-1].end)),
            before=_word_before(text, first.start),
            suffix=suffix,
        )


# Titles of monarchs, whose number follows the name ("King Charles I", "Pope Leo X").
_MONARCHS = frozenset(("king", "queen", "emperor", "empress", "pope", "tsar", "czar", "kaiser"))
_NUMERAL_AFTER = regex.compile(r"\s([IVX]{1,4})\b(?!['’.-])")

_OF_PLACE_REACH = 3  # "of South Korea", "of the United States"


def _without_country(name: list[Token], rest: list[Token], titled: bool) -> list[Token]:
    """ "(President) Moon Jae-in of South Korea" -> "Moon Jae-in": a person's
    name, titled or opening on a given name, then "of" and a place. "Bank of
    England" and "University of Texas" open on neither and stay whole."""
    cut = next((i for i, t in enumerate(name) if t.lower == "of"), 0)
    if cut == 0 or not (titled or name[0].lower in given_names()):
        return name
    at = next((i for i, t in enumerate(rest) if t is name[cut]), len(rest))
    after = rest[at + 1 : at + 1 + _OF_PLACE_REACH]
    return name[:cut] if any(t.lower in PLACES for t in after) else name


_OPENING_ZIPF = 4.0  # an everyday word ("Following", "Yesterday"), not a given name


def _opening_word(text: str, name: list[Token]) -> bool:
    """Whether the first word of a sentence-initial run is an ordinary word
    capitalised by its place, standing before a given name and a surname."""
    if len(name) < 3 or not _sentence_initial(text, name[0].start):
        return False
    known = recorded_given_names()
    first = name[0]
    return (
        name[1].lower in known
        and first.lower not in known
        and first.text[1:].islower()
        and zipf(first.text) >= _OPENING_ZIPF
    )


_INITIALS = 3  # "JD", "RFK": a person's initials run together


def _kind(name: list[Token], title: tuple[Token, ...]) -> str:
    lowers = [t.lower for t in name]
    if any(w in ORG_WORDS for w in lowers):
        return "org"
    if any(w in CONNECTORS for w in lowers) or len(name) > _MAX_NAME_WORDS:
        return "other"
    titled = any(t.lower in TITLE_HEADS for t in title)
    acronyms = [i for i, t in enumerate(name) if t.text.isupper() and len(t.text) > 1]
    if any("." not in name[i].text for i in acronyms):
        # Initials written without stops stand first in a titled name ("Vice
        # President JD Vance"); elsewhere capitals are an acronym: NHS, BBC.
        initials = acronyms == [0] and len(name) > 1 and len(name[0].text) <= _INITIALS
        if not (initials and titled):
            return "other"
    if titled:
        return "person"
    if len(name) == 1:
        return "single"
    if lowers[0] in given_names():
        return "person"
    return "candidate"


def _forms(mentions: list[Mention]) -> dict[str, Form]:
    forms: dict[str, Form] = {}
    for mention in mentions:
        if mention.kind not in ("person", "candidate", "single"):
            continue
        surname = mention.surname
        key = fold(surname.text)
        form = forms.get(key)
        if form is None:
            form = forms[key] = Form(surname.text, key)
        form.tokens.append((surname, mention))
        if mention.given and mention.scope != "headline":
            form.givens.add(fold(mention.given).rstrip("."))
    for form in forms.values():
        singles_in_body = any(m.kind == "single" and m.scope == "body" for _, m in form.tokens)
        for _, mention in form.tokens:
            if mention.scope == "headline":
                continue
            if (mention.kind == "person" and (mention.given or mention.title)) or (
                mention.kind == "candidate" and singles_in_body
            ):
                form.established = True
    return forms
