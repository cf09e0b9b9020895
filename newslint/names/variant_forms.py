"""One name written with different hyphens, apostrophes or capitals in one
story: "al-Balah" and "Al Balah", "Kilroy-Silk" and "Kilroy Silk", "KISS" and
"Kiss", "Blu-ray" and "Blu-Ray", "Schitt's Creek" and "Schitt Creek".

Each occurrence of one to three adjacent capitalised words becomes its letters
(the key), the marks between them and the case of each letter. Two occurrences
with one key disagree when a mark or a letter's case differs and the place does
not explain it. Places that explain a capital: the first letter of a sentence,
the first letters of words in a headline or heading, short particles ("de",
"the"), and anything in an all-capitals line or run ("BLACKBURN ROVERS against
Bolton"). Pure spacing, inner-capital and accent variants of plain words are
names.inconsistent's (``newslint.names.variants``); this module leaves them.

Evidence of a slip, for the severity: a mark difference (hyphen, apostrophe)
against a spelling the story settles on (used three times or more, and at
least three times as often) is strong; a tie, or a difference in capitals only
(all capitals may be a band's or an agency's own style), is reported softly.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newslint import regexcache
from newslint.document import Document
from newslint.names.checks import is_dictionary_word
from newslint.names.extract import NameAnalysis, Token
from newslint.names.frequent import zipf
from newslint.names.words import CONNECTORS, PARTICLES
from newslint.spans import Span

_JOINERS = PARTICLES | CONNECTORS  # a particle's capital is a house-style choice
_HYPHENS = "-\u2010\u2011"
_APOSTROPHES = "'\u2019"
_CONTRACTION = regex.compile(r"['\u2019](?:re|ve|ll|d|t|m|s)$", regex.IGNORECASE)
_MAX_WORDS = 3
_MIN_LETTERS = 4
_CAPS_LINE = 0.6  # share of upper-case letters that makes a line a caps heading
SETTLED = 3  # uses that make a spelling the story's own
ORDINARY = 3.0  # Zipf of an everyday word


@dataclass(frozen=True)
class FormVariant:
    start: int
    end: int
    text: str
    right: str  # the story's usual form
    count: int  # uses of the usual form
    kind: str  # "punctuation" | "capitals"
    strong: bool


@dataclass(frozen=True)
class _Occurrence:
    start: int
    end: int
    text: str
    letters: str  # as written, marks removed
    marks: tuple[str, ...]  # between letter i and i+1: "", " ", "-", "'", "'s"
    free: tuple[bool, ...]  # per letter: its case is explained by its place
    caps_words: tuple[bool, ...]  # per letter: it sits in an all-capitals word
    plain: bool  # plain words: names.inconsistent's domain
    body: bool  # not in the headline or a heading
    initial: bool  # at a sentence start
    owner: tuple[str, str]  # a possessive inside the name: ("Schitt", "Creek"), else ("", "")
    after: str  # the capitalised word that follows, case-folded, else ""
    words: tuple[str, ...]  # the words, case-folded

    @property
    def key(self) -> str:
        return _fold(self.letters)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _gap(text: str, left: Token, right: Token) -> str | None:
    """The mark that joins two words of a name, or None if they do not join."""
    between = text[left.end : right.start]
    if between in (" ", "\u00a0"):
        return " "
    if len(between) == 1 and between in _HYPHENS:
        return "-"
    if between[:-1] in ("'s", "\u2019s") and between[-1:] in (" ", "\u00a0"):
        return "'s"  # "Schitt's Creek": a possessive inside a name
    return None


class _Places:
    """Where capitals are explained by the place: headlines, headings,
    sentence starts and all-capitals lines."""

    def __init__(self, doc: Document, analysis: NameAnalysis) -> None:
        self.doc = doc
        self.text = analysis.text
        self._lines: dict[int, bool] = {}

    def heading(self, start: int, end: int) -> bool:
        span = Span(start, end)
        headline = self.doc.headline
        return (
            (headline is not None and headline.overlaps(span))
            or self.doc.in_heading(span)
            or self._title_line(start)
        )

    def _title_line(self, start: int) -> bool:
        """A short line without a full stop whose words are all capitalised:
        a heading the reader did not mark ("Fatal Force (Macrospace)")."""
        begin = self.text.rfind("\n", 0, start) + 1
        end = self.text.find("\n", start)
        line = self.text[begin : len(self.text) if end < 0 else end].strip()
        words = [w for w in line.split() if w[:1].isalpha() and w.casefold() not in _JOINERS]
        return (
            0 < len(words) <= 12
            and not line.endswith((".", "!", "?", '"', "\u201d"))
            and all(w[:1].isupper() for w in words)
        )

    def caps_line(self, start: int) -> bool:
        begin = self.text.rfind("\n", 0, start) + 1
        cached = self._lines.get(begin)
        if cached is None:
            end = self.text.find("\n", start)
            letters = [
                c for c in self.text[begin : len(self.text) if end < 0 else end] if c.isalpha()
            ]
            upper = sum(c.isupper() for c in letters)
            cached = self._lines[begin] = len(letters) >= 8 and upper >= _CAPS_LINE * len(letters)
        return cached


def _caps_neighbour(text: str, start: int, end: int) -> bool:
    """An all-capitals word beside another on its line: a dateline ("KHAN
    YOUNIS, GAZA"), a lead-in or a pasted code line, not a name's own style."""
    if not _all_caps(text[start:end]):
        return False
    before = regex.search(r"(\p{L}+)[^\p{L}\n]{1,4}$", text[max(0, start - 40) : start])
    after = regex.match(r"[^\p{L}\n]{1,4}(\p{L}+)", text[end : end + 40])
    if any(m is not None and _all_caps(m.group(1)) for m in (before, after)):
        return True
    # A menu: the lines around a line of its own are in capitals too.
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    stop = len(text) if stop < 0 else stop
    if text[begin:start].strip(" \t\u00a0.0123456789") or text[end:stop].strip():
        return False
    above = text[: max(begin - 1, 0)].rstrip().rpartition("\n")[2]
    below = text[stop:].lstrip().partition("\n")[0]
    return any(_all_caps(line) for line in (above, below))


# After an all-capitals word that opens its line: a kicker's colon ("OPINION: ...",
# "IRAN:Supreme Leader ...") or a wire dateline's bracket ("WASHINGTON (Reuters) -").
_LABEL_AFTER = regexcache.compile(r"[ \t]*:|[ \t]+\(")
_CREDIT_BEFORE = regexcache.compile(r"(?:\bvia[ \t]+|/)$")


def _caps_label(text: str, start: int, end: int) -> bool:
    """An all-capitals name that is a label of the page, not the name's style: a
    kicker or dateline opening its line, or a section heading standing alone on a
    line ("CHINA" over a paragraph about China). A numbered line ("12. KISS") is a
    list item, whose capitals may well be the name's own."""
    if not _all_caps(text[start:end]):
        return False
    if _CREDIT_BEFORE.search(text, max(0, start - 8), start):
        return True  # a picture credit's agency: "Jane Doe/Pool via REUTERS"
    begin = text.rfind("\n", 0, start) + 1
    if text[begin:start].strip(" \t\u00a0\"“'‘"):
        return False  # not at the line's start
    if _LABEL_AFTER.match(text, end):
        return True
    stop = text.find("\n", end)
    return not text[end : len(text) if stop < 0 else stop].strip()


def _all_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _occurrence(
    text: str, tokens: list[Token], i: int, k: int, places: _Places, caps_run: bool, initial: bool
) -> _Occurrence | None:
    words = tokens[i : i + k]
    gaps = [_gap(text, a, b) for a, b in itertools.pairwise(words)]
    if any(g is None for g in gaps):
        return None
    if words[0].lower in _JOINERS or words[-1].lower in _JOINERS:
        return None
    if text[words[0].start - 1 : words[0].start] in tuple("$@#/\\_<"):
        return None  # "$IPTABLES", "@Kiss", a path: code and handles
    if any(_CONTRACTION.search(w.text) for w in words):
        return None  # "We're" beside "Were": a contraction, not a name
    start, end = words[0].start, words[-1].end
    heading = places.heading(start, end)
    all_free = (
        caps_run
        or places.caps_line(start)
        or _caps_neighbour(text, start, end)
        or _caps_label(text, start, end)
        # A quotation keeps its source's capitals: a tweet's "KIM JONG UN", a filing's "STONE".
        or (any(_all_caps(w.text) for w in words) and places.doc.in_quotation(Span(start, end)))
    )
    letters: list[str] = []
    marks: list[str] = []
    free: list[bool] = []
    caps: list[bool] = []
    pending = ""
    for n, word in enumerate(words):
        if n:
            pending = gaps[n - 1] or ""
        joiner = word.lower in _JOINERS
        word_caps = _all_caps(word.text)
        first = True
        for c in word.text:
            if c.isalnum():
                if letters:
                    marks.append(pending)
                pending = ""
                letters.append(c)
                explained = (
                    all_free
                    or joiner
                    or (first and heading)
                    or (first and n == 0 and not letters[:-1] and initial)
                )
                free.append(explained)
                caps.append(word_caps)
                first = False
            elif c in _HYPHENS:
                pending, first = "-", True
            elif c in _APOSTROPHES:
                pending = "'"
            # Full stops ("J.D.", "Mr.") are abbreviation style: not compared.
    if sum(c.isalpha() for c in letters) < _MIN_LETTERS:
        return None
    plain = all(w.text.isalpha() for w in words) and all(g == " " for g in gaps) and k <= 2
    body = places.doc.scope_of(Span(start, end)) == "body" and not heading
    nxt = tokens[i + k] if i + k < len(tokens) else None
    after = nxt.lower if nxt is not None and _gap(text, words[-1], nxt) == " " else ""
    owned = [(w.text, v.text) for w, v, g in zip(words, words[1:], gaps, strict=False) if g == "'s"]
    owner = owned[0] if owned else ("", "")
    return _Occurrence(
        start,
        end,
        text[start:end],
        "".join(letters),
        tuple(marks),
        tuple(free),
        tuple(caps),
        plain,
        body,
        initial,
        owner,
        after,
        tuple(w.lower for w in words),
    )


def _occurrences(doc: Document, analysis: NameAnalysis) -> Iterator[_Occurrence]:
    """Every window of one to three name words whose letters some other window
    writes differently (only those can disagree), in text order."""
    from newslint.names.extract import _sentence_initial

    text = analysis.text
    places = _Places(doc, analysis)
    # Runs in text order, one list: a possessive ("Schitt's Creek") ends a run
    # but not a name, so windows may cross into the next run (``_gap`` decides).
    tokens = [t for run in analysis.runs for t in run]
    windows = _rival_windows(text, tokens)
    if not windows:
        return
    caps_runs = [
        sum(_all_caps(w.text) and len(w.text) >= _MIN_LETTERS for w in run) >= 2
        for run in analysis.runs
        for _ in run
    ]
    for i, k in windows:
        initial = _sentence_initial(text, tokens[i].start)
        found = _occurrence(text, tokens, i, k, places, caps_runs[i], initial)
        if found is not None:
            yield found


def _rival_windows(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """The windows (first token, words) worth a full look, in text order: those
    whose key (letters, folded) some window writes as other text. A key written
    one way only makes no variant, and most of a story's names are, so the
    places and marks of a window are worked out only when it has a rival.
    The windows here are a superset of those ``_occurrence`` accepts, with the
    same key and text, so no group of two forms or more is missed."""
    forms: dict[str, set[str]] = {}
    keyed: list[tuple[int, int, str]] = []
    for i in range(len(tokens)):
        letters = ""
        for k in range(1, _MAX_WORDS + 1):
            if i + k > len(tokens):
                break
            word = tokens[i + k - 1]
            if k > 1 and _gap(text, tokens[i + k - 2], word) is None:
                break  # no longer window joins either
            letters += "".join(c for c in word.text if c.isalnum())
            # ``_fold`` of ASCII letters is their lower case.
            key = letters.lower() if letters.isascii() else _fold(letters)
            forms.setdefault(key, set()).add(text[tokens[i].start : word.end])
            keyed.append((i, k, key))
    return [(i, k) for i, k, key in keyed if len(forms[key]) > 1]


def _differ(a: _Occurrence, b: _Occurrence) -> str | None:
    """How two occurrences of one key disagree, if the places do not explain it."""
    if len(a.letters) != len(b.letters):
        return None  # one key, letters of another length ("ß" and "ss")
    marks = [(x, y) for x, y in zip(a.marks, b.marks, strict=True) if x != y]
    cases = [
        i
        for i, (x, y) in enumerate(zip(a.letters, b.letters, strict=True))
        if x != y and x.casefold() == y.casefold() and not (a.free[i] or b.free[i])
    ]

    # All capitals at a sentence start is a lead-in or emphasis ("- BURNLEY make
    # the journey", "Will they?" beside "they WILL use them"), not a spelling.
    # An all-capitals line of its own ("85. KISS") is the name's style.
    def lead_in(o: _Occurrence, i: int) -> bool:
        return o.initial and (not o.caps_words[i] or o.body)

    cases = [
        i
        for i in cases
        if a.caps_words[i] == b.caps_words[i] or not (lead_in(a, i) or lead_in(b, i))
    ]
    if not marks and not cases:
        return None
    punctuation = any(m in ("-", "'", "'s") for pair in marks for m in pair)
    caps = any(a.caps_words[i] != b.caps_words[i] for i in cases)
    if punctuation:
        return "punctuation"
    if a.plain and b.plain and not caps:
        return None  # spacing or inner capitals: names.inconsistent's
    if marks:
        return None  # "GOODPUB" and "Good Pub": spacing and capitals at once
    if caps:
        lower = b if a.caps_words[cases[0]] else a
        if not lower.body or lower.initial:
            return None  # "Update" in a heading beside "UPDATE": a word, not a name
    return "capitals"


def _owner_alone(text: str, owner: tuple[str, str]) -> bool:
    """Whether the owner of a possessive inside a name also stands on its own
    ("Nintendo's goal" beside "Nintendo's DS"): then "Nintendo DS" and
    "Nintendo's DS" are the product and the company's product, not two spellings."""
    word, after = owner
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        bounded = (not start or not text[start - 1].isalnum()) and not text[end : end + 1].isalnum()
        if bounded:
            rest = text[end : end + len(after) + 3]
            if not any(rest.startswith(j + after) for j in (" ", "'s ", "’s ", " ")):
                return True
        start = text.find(word, start + 1)
    return False


def _acronym(text: str, a: _Occurrence, b: _Occurrence) -> bool:
    """An all-capitals form that is a code ("COVID-19") or an acronym the story
    spells out ("Permanent Affordability Commitment Together (PACT)", "WADA
    (the World Anti-Doping Agency)"): "Covid-19" and "Pact" beside it follow a
    house style for acronyms, not a second spelling of a name."""
    caps = a.text if _all_caps(a.text) else b.text
    if any(c.isdigit() for c in caps):
        return True
    return f"({caps})" in text or f"{caps} (" in text


def _apart(a: list[_Occurrence], b: list[_Occurrence]) -> bool:
    """Two forms that are always followed by different names: the first names
    of two people ("Anne-Marie Trevelyan", "Anne Marie Morris")."""
    after_a, after_b = {o.after for o in a}, {o.after for o in b}
    return "" not in after_a and "" not in after_b and not after_a & after_b


def _ordinary(occ: _Occurrence) -> bool:
    """Every part is an everyday word: a compound's hyphen ("High-Speed",
    "Upside-Down", "T-Shirt") is a spelling choice, not a name's."""
    parts = [p for w in occ.words for p in regex.split(r"[-\u2010\u2011'\u2019]", w) if p]
    return all(zipf(p) >= ORDINARY and is_dictionary_word(p, "en") for p in parts if len(p) > 1)


def find_form_variants(doc: Document, analysis: NameAnalysis) -> list[FormVariant]:
    groups: dict[str, dict[str, list[_Occurrence]]] = {}
    for occ in _occurrences(doc, analysis):
        groups.setdefault(occ.key, {}).setdefault(occ.text, []).append(occ)
    found: list[FormVariant] = []
    taken: list[Span] = []
    # Shorter keys first: "al-Balah" is reported, not also "Deir al-Balah".
    for key in sorted(groups, key=len):
        forms = groups[key]
        if len(forms) < 2:
            continue
        # The usual form: the most used; on a tie the one in a headline or
        # heading (the most edited line), then the first.
        ranked = sorted(
            forms.values(),
            key=lambda occs: (-len(occs), sum(o.body for o in occs), occs[0].start),
        )
        best = ranked[0]
        for other in ranked[1:]:
            for occ in other:
                kinds = {_differ(occ, b) for b in best} - {None}
                if not kinds or any(Span(occ.start, occ.end).overlaps(t) for t in taken):
                    continue
                if _apart(other, best):
                    break
                if kinds == {"punctuation"} and _ordinary(occ):
                    continue
                owner = occ.owner if occ.owner[0] else best[0].owner
                if owner[0] and _owner_alone(analysis.text, owner):
                    continue
                kind = "punctuation" if "punctuation" in kinds else "capitals"
                if kind == "capitals" and _acronym(analysis.text, occ, best[0]):
                    continue
                settled = len(best) >= SETTLED and len(best) >= SETTLED * len(other)
                strong = kind == "punctuation" and settled and occ.body
                taken.append(Span(occ.start, occ.end))
                found.append(
                    FormVariant(occ.start, occ.end, occ.text, best[0].text, len(best), kind, strong)
                )
    return sorted(found, key=lambda v: v.start)
