"""Text damaged by a wrong character encoding, and how to undo it.

Three kinds of damage, each found by what it does to a word rather than by a
list of damaged words:

- mojibake: UTF-8 bytes decoded as Windows-1252 or Latin-1 ("donâ€™t",
  "cafÃ©"). ftfy recognises the tell-tale character sequences and reverses
  them exactly, so these come with a fix.
- lost characters: a character the writer's encoding could not hold became
  "?" inside a word ("hadn?t", "th?tre", "Britain?s"). A "?" between two
  letters with a lower-case letter after it is not punctuation. Only a lost
  apostrophe can be guessed back (the piece after it is a clitic: t, s, ll ...).
- replacement characters (U+FFFD), left where a decoder gave up.

Spans cover whole words, so the spelling check can leave the pieces alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint import regexcache
from newslint.document import Document
from newslint.spans import Span

MOJIBAKE = "mojibake"
LOST = "lost"
REPLACEMENT = "replacement"

_TOKEN = regexcache.compile(r"\S+")
# letters ? lower-case letter: a "?" where an apostrophe, dash or accented
# letter used to be. A capital after it is more likely a missing space ("Why?Because").
_LOST = regexcache.compile(r"(?<![\w?])[^\W\d_]+(?:\?[^\W\d_A-Z][^\W\d_]*)+(?![\w?])")
_CLITIC = regexcache.compile(r"(?i)\?(?:t|s|ll|re|ve|d|m)$")
# Typography that clean news copy is full of. No run of these and ASCII alone is
# mojibake to ftfy (tests/test_encoding_damage.py checks every short run), so a
# line made of nothing else is clean without importing ftfy (~20 ms at start-up).
TYPOGRAPHY = "‘’“”–—…•·′″\xa0\u2009\u200a\u202f"
# A character that is neither ASCII nor typography (a regex: str.translate is
# ~50 ns a character on text with curly quotes, i.e. on most news lines).
_NOT_PLAIN = regexcache.compile(f"[^\\x00-\\x7f{TYPOGRAPHY}]")


@dataclass(frozen=True)
class Damage:
    """One damaged word (or run of words): offsets into the text, end exclusive."""

    start: int
    end: int
    kind: str  # MOJIBAKE, LOST or REPLACEMENT
    fixed: str | None  # the repaired text of [start, end), when it can be known


def _mojibake(text: str, start: int, end: int) -> list[Damage]:
    """Mojibake in one line: ftfy judges the line, then each word is repaired alone."""
    line = text[start:end]
    if _NOT_PLAIN.search(line) is None:
        return []
    from ftfy import fix_encoding
    from ftfy.badness import is_bad

    if not is_bad(line):
        return []
    found = []
    for m in _TOKEN.finditer(line):
        token = m.group()
        if token.isascii():
            continue
        fixed = fix_encoding(token)
        if fixed != token:
            found.append(Damage(start + m.start(), start + m.end(), MOJIBAKE, fixed))
        elif is_bad(token):
            found.append(Damage(start + m.start(), start + m.end(), MOJIBAKE, None))
    return found


def _lost(text: str, apostrophe: str) -> list[Damage]:
    found = []
    for m in _LOST.finditer(text):
        word = m.group()
        fixed = word.replace("?", apostrophe) if _CLITIC.search(word) else None
        if fixed is not None and fixed.count(apostrophe) > 1:
            fixed = None
        found.append(Damage(m.start(), m.end(), LOST, fixed))
    return found


def damage(text: str) -> tuple[Damage, ...]:
    """Every damaged word of ``text``, in text order."""
    found: list[Damage] = []
    if not text.isascii():
        line_start = 0
        for line in text.split("\n"):
            found.extend(_mojibake(text, line_start, line_start + len(line)))
            line_start += len(line) + 1
        for m in _TOKEN.finditer(text):
            if "\ufffd" in m.group() and not any(d.start <= m.start() < d.end for d in found):
                found.append(Damage(m.start(), m.end(), REPLACEMENT, None))
    if "?" in text:
        taken = [(d.start, d.end) for d in found]
        # The lost character was most likely the curly one the rest of the text uses.
        curly = "’" in text or any(d.fixed and "’" in d.fixed for d in found)
        apostrophe = "’" if curly else "'"
        found.extend(
            d
            for d in _lost(text, apostrophe)
            if not any(s < d.end and d.start < e for s, e in taken)
        )
    return tuple(sorted(found, key=lambda d: d.start))


def document_damage(doc: Document) -> tuple[Damage, ...]:
    """The damage in ``doc``'s prose, less what lies in URLs or code (``?id=``),
    computed once per document and shared by the rule and the spelling check."""

    def compute(doc: Document) -> tuple[Damage, ...]:
        return tuple(d for d in damage(doc.text) if not doc.in_skipped(Span(d.start, d.end)))

    return doc.analysis("encoding-damage", compute)
