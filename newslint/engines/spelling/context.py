"""Evidence from where a lowercase word stands that it is not a typo.

Saved web pages put user names, site names, tags and product names in
lowercase into link text and comment headers (coolimba, rustup, omiyage,
mitsuhiko). The page says what they are: the same word is a whole piece of a
link address, it stands in an element the page names for a person, or it
heads a comment's signature line before the date. Code and markup, censored
words, an elided g and a word quoted on its own explain a word the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newslint import regexcache
from newslint.document import Document

# Link addresses in any format: absolute, www., and href/src attributes
# (relative paths such as /japan/omiyage).
_ADDRESS = regexcache.compile(
    r"""(?:https?://|www\.)[^\s"'<>()\\]+|(?:href|src)\s*=\s*["']([^"'\s<>]+)""", re.IGNORECASE
)
# Pieces of an address: host labels and path segments. Hyphens stay inside a
# piece, so a headline's slug (lead-a-resisitance-group) names nothing.
_PIECES = regexcache.compile(r"[/.?#=&:;+%@~,]+")
# Class and id words of elements that hold a person's name.
_NAME_MARK = regexcache.compile(
    r"(?:^|[\s_-])(?:fn|vcard|nickname|user-?name|screen-?name|display-?name|author-?name"
    r"|comment-author|commenter|username)(?:$|[\s_-])",
    re.IGNORECASE,
)
NAME_BLOCK_WORDS = 12  # a name line (name, date, time), not a paragraph


def url_parts(source: str) -> frozenset[str]:
    """Lowercased host labels and path segments of every link in ``source``."""
    parts: set[str] = set()
    for m in _ADDRESS.finditer(source):
        address = (m.group(1) or m.group()).split("://", 1)[-1]
        parts.update(p.lower() for p in _PIECES.split(address) if p.isalpha())
    return frozenset(parts)


def in_name_block(doc: Document, offset: int) -> bool:
    """Whether ``offset`` is in a short HTML block inside an element whose
    class or id names a person (comment-author, fn, username)."""
    block = doc.page_block_at(offset)
    if block is None or len(doc.span_text(block.span).split()) > NAME_BLOCK_WORDS:
        return False
    return any(_NAME_MARK.search(mark) for mark in block.marks[-2:])


# A commenter's or contributor's name slot, in any format: the word heads its
# line (after a list number, "by", "Posted by:", "@" or one or two other name
# words) and what follows it on the line, after at most two more name words,
# is a signature's tail: a date or time, a verb of posting with a colon or
# comma ("says:", "said,"), "Posted", or a user number in parentheses. User
# names are lowercase and made up (camperslo, honeybecke), and nothing in the
# sentence around them is a sentence at all.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d"
_NUMERIC_DATE = r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}"
_TIME = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b)?"
_AGO = r"\d+\s+(?:sec|second|min|minute|hour|day|week|month|year)s?\s+ago\b"
_DATE = rf"(?:{_MONTH}|{_NUMERIC_DATE}|{_TIME}|{_AGO})"
_SIGNATURE = (
    r"[ \t]*(?:[-—–|,:•·]+[ \t]*)?"
    rf"(?:(?:on|at|posted|wrote|replied|commented)\b[ \t:,]*(?:on[ \t]+|at[ \t]+)?)?"
    rf"(?:{_DATE}|\(\s*\d+\s*\)|(?:says|said|wrote|writes|added|replied|commented)\s*[:,]"
    r"|posted\b)"
)
_TAIL = regexcache.compile(rf"[ \t]*(?:[\w'’.-]+[ \t]+){{0,2}}?{_SIGNATURE}", re.IGNORECASE)
_NEAR_TAIL = regexcache.compile(_SIGNATURE, re.IGNORECASE)  # after "by" mid-line: nothing between
_HEAD = regexcache.compile(
    r"(?:^|\n)[ \t]*(?:#?\d{1,4}\.?[ \t]+)?(?:(?:posted[ \t]+)?by:?[ \t]+|@[ \t]*)?"
    r"(?:[\w'’.-]+[ \t]+){0,2}$",
    re.IGNORECASE,
)
_BARE_HEAD = regexcache.compile(r"(?:^|\n)[ \t]*(?:#?\d{1,4}\.?[ \t]+)?$")
_BY = regexcache.compile(r"\b(?:posted[ \t]+)?by:?[ \t]+$", re.IGNORECASE)
SLOT_REACH = 60  # characters looked at on either side


def in_signature(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` stands where a comment or post names
    its writer: "camperslo (704715) on Tuesday", "semara — July 18th, 2012",
    "Posted by: kmkat at September 11", "9 deeba November 12", "kyh said:",
    a name alone on its line above the date. A word in running prose has a
    sentence before it on its line."""
    lines = text[end : end + SLOT_REACH].split("\n", 2)
    tail = lines[0]
    before = text[max(0, start - SLOT_REACH) : start]
    if _HEAD.search(before) is not None:
        if _TAIL.match(tail) is not None:
            return True
        # A name heading a line of its own (two words more at most), the date
        # on the line below: "gslippy" then "August 9th, 2012 at 2:39 pm".
        return (
            len(lines) > 1
            and len(tail.split()) <= 2
            and _BARE_HEAD.search(before) is not None
            and _TAIL.match(f"{tail} {lines[1]}") is not None
        )
    return _BY.search(before) is not None and _NEAR_TAIL.match(tail) is not None


# Code and markup around a word: a call (epoll()), a TeX group (\\begin{bmatrix}),
# an option list with no spaces (noatime,nodiratime,nobarrier).
_CALL_AFTER = regexcache.compile(r"\(")
_TEX_BEFORE = regexcache.compile(r"\\[a-z]+\{$")
_OPTIONS = regexcache.compile(r"[a-z]+(?:,[a-z]+){2,}")
# A word cut by a censor's asterisks (s*xually, clusterf**k).
_CENSORED_AFTER = regexcache.compile(r"\*+[^\W\d_]")
# A letter, then asterisks, or two or more dashes written inside the word (s--t):
# a dash between two words has spaces or stands alone.
_CENSORED_BEFORE = regexcache.compile(r"[^\W\d_]\*+$|(?:^|[\s\"“(])[^\W\d_]{1,2}(?:--|—)$")


def in_code_or_censored(text: str, start: int, end: int) -> bool:
    """Whether the word is code or markup (epoll(), \\begin{bmatrix},
    noatime,nodiratime,nobarrier) or part of a censored word (s*xually)."""
    before = text[max(0, start - 12) : start]
    if _CALL_AFTER.match(text, end) or _TEX_BEFORE.search(before):
        return True
    if _CENSORED_AFTER.match(text, end) or _CENSORED_BEFORE.search(before):
        return True
    left = start
    while left > 0 and not text[left - 1].isspace() and start - left < 80:
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace() and right - end < 80:
        right += 1
    run = text[left:right].strip("\"'“”‘’()[].,;:!?")
    return _OPTIONS.fullmatch(run) is not None


def elided(text: str, end: int, word: str, known: Callable[[str], bool]) -> bool:
    """A dropped g marked by an apostrophe (workin', keepin'): the word ends
    in "in", the next character is an apostrophe and the -ing form is a word."""
    return word.endswith("in") and text[end : end + 1] in ("'", "’") and known(word + "g")


def bracketed_completion(text: str, start: int, end: int, known: Callable[[str], bool]) -> bool:
    """Letters in brackets that finish the word before them, "a(nother)",
    "re(elected)": with its head, the part makes a dictionary word."""
    if start < 2 or text[start - 1] != "(" or text[end : end + 1] != ")":
        return False
    head = _WORD_BEFORE.search(text, max(0, start - 21), start - 1)
    return head is not None and known((head.group() + text[start:end]).lower())


_WORD_BEFORE = regexcache.compile(r"[A-Za-z]+$")
_OPEN_QUOTE = regexcache.compile(r"(?:^|[\s(\[])[\"“‘'«]$")
_CLOSE_QUOTE = regexcache.compile(r"[,.;:!?]?[\"”’'»]")


def quoted_alone(text: str, start: int, end: int) -> bool:
    """A word set off in quotation marks on its own ("exogenic", “satisfice”)
    is mentioned, not used: a coined word, a term or a label being named."""
    return bool(
        _OPEN_QUOTE.search(text, max(0, start - 2), start) and _CLOSE_QUOTE.match(text, end)
    )


# A word glossed where it stands: a language named beside it ("the Arabic term
# X", "X, Latin for ...", "in Hindi"), or its meaning given right after it ("X,
# meaning ...", "X (literally ...)", "X, which means ...", "X (non-Muslim
# citizens of ...)", "X (Jewish socialists ...)"). A typo comes with no translation.
_LANGUAGE = (
    r"(?:[A-Z][a-z]+(?:ic|ish|ese|ian|an|i)|Latin|Greek|Hebrew|Hindi|Urdu|Farsi|Dari|Pashto"
    r"|Swahili|Yiddish|Tagalog|Maori|Māori|Creole|Gaelic|Welsh|Irish|Dutch|French|Thai|Zulu)"
)
_GLOSS_BEFORE = regexcache.compile(
    rf"\b(?:the|a|an)\s+{_LANGUAGE}\s+(?:word|term|phrase|expression|name|slang)\s+"
    r"(?:[\w'’-]+\s+){0,2}[\"“‘']?$"
    rf"|\bin\s+{_LANGUAGE}\s*(?::\s*[\"“‘']?|,?\s*[\"“‘'])$"
)
_GLOSS_AFTER = regexcache.compile(
    rf"^(?:\s+[\w'’-]+){{0,3}}[\"”’']?\s*[,(]\s*(?:{_LANGUAGE}\s+for\b|meaning\b"
    r"|which\s+means\b|literally\b|roughly\b|translated\b|or\s+[\"“‘'])"
    # or named again by a word of English between commas: "miraa, or khat, an ..."
    r"|^\s*,\s*or\s+[a-z][\w'’-]*\s*[,(]"
    # or explained in brackets right after it: "dhimma (non-Muslim citizens of ...)"
    r"|^\s*\((?!(?:which|who|whose|that|and|or|but|see|as|in|on|at|for|to|from|by|with"
    r"|he|she|it|they|we|i|you|this|these|those|is|was|are|were|so|if|when|because|not"
    r"|even|although|though|unless|while|after|before|also|just|only|mostly|usually|often"
    r"|now|then|there|here|up|down|out|about|over|under|into|than|like|such|its|his|her"
    r"|their|our|my|your|one|some|many|most|all|both|each|no|every|any|more|less)\b)"
    r"(?:the\s+|a\s+|an\s+)?[a-z][\w'’-]*(?:\s+[\w'’-]+){2,}"
    # or by a people's name: "bundists (Jewish socialists from Eastern Europe)"
    r"|^\s*\((?:the\s+|a\s+|an\s+)?[A-Z][a-z]+(?:ian|ese|ish|i)\s+[a-z][\w'’-]*(?:\s+[\w'’-]+)+"
)


# A thing described by its country right after it, between commas: "sangak, an
# Iranian flatbread", "potica, the pope's favourite Slovenian dessert". Weaker than
# a translation (a slip can stand before an appositive too: "his coleague, an American
# diplomat"), so the caller lets through only a word that is no slip of a common word.
_DESCRIBED_BY_COUNTRY = regexcache.compile(
    r"[\"”’']?\s*,\s*(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?([A-Z][a-z]+)\s+[a-z]{3,}"
)
_NATIONALITY_SHAPE = regexcache.compile(r"[A-Z][a-z]+(?:ian|ese|ish|i)")


def _uses(text: str, word: str) -> Iterator[re.Match[str]]:
    """Each use of ``word`` as a whole word in ``text``."""
    return re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text)


def described_by_country(text: str, word: str) -> bool:
    """At one of its uses, the word is described as a thing of a country or people."""
    from newslint.names.words import COUNTRY_ADJECTIVES

    for use in _uses(text, word):
        described = _DESCRIBED_BY_COUNTRY.match(text, use.end(), use.end() + 80)
        if described is None:
            continue
        adjective = described.group(1)
        if adjective.lower() in COUNTRY_ADJECTIVES or _NATIONALITY_SHAPE.fullmatch(adjective):
            return True
    return False


def glossed_anywhere(text: str, word: str) -> bool:
    """The word is glossed at one of its uses in the text: the others are that
    word too ("like miraa" before "sells miraa, or khat, a plant")."""
    return any(glossed(text, m.start(), m.end()) for m in _uses(text, word))


def glossed(text: str, start: int, end: int) -> bool:
    """A foreign word the sentence translates or names the language of."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return bool(
        _GLOSS_BEFORE.search(text[max(line_start, start - 50) : start])
        or _GLOSS_AFTER.match(text[end : min(line_end, end + 60)])
    )


# Italics as typesetting uses them for foreign words and titles (<em>paaj</em>,
# <i>Te pūrongo oranga</i>): an element of these opened and not yet closed
# within a short reach before the word. Emphasis uses them too, so only a word
# that is no typist's slip of a common word is let through (the caller's test).
_ITALIC_OPEN = regexcache.compile(r"<(em|i|cite)\b[^>]*>", re.IGNORECASE)
_ITALIC_REACH = 300  # characters of source before the word: a phrase, not a page


# Markdown emphasis in one line: *word*, _a phrase_ (not **strong**, not snake_case).
_MARKDOWN_EMPHASIS = regexcache.compile(r"(?<![*\w])([*_])(?![*_\s])[^*_\n]+?(?<!\s)\1(?![*\w])")


def in_italics(doc: Document, start: int, end: int) -> bool:
    """The word stands inside an HTML <em>, <i> or <cite> element, or Markdown emphasis."""
    if doc.format == "text":
        return False
    source = doc.source
    at = doc.source_offset(start)
    if doc.format == "markdown":
        line_start = source.rfind("\n", 0, at) + 1
        line_end = source.find("\n", at)
        line_end = len(source) if line_end < 0 else line_end
        if any(
            m.start() < at < m.end()
            for m in _MARKDOWN_EMPHASIS.finditer(source, line_start, line_end)
        ):
            return True
    before = source[max(0, at - _ITALIC_REACH) : at]
    opened = next(reversed(list(_ITALIC_OPEN.finditer(before))), None)  # the last one
    if opened is None:
        return False
    closing = f"</{opened.group(1).lower()}"
    return closing not in before[opened.end() :].lower()
