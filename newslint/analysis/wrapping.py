"""Line breaks that wrap a paragraph rather than end a line of its own.

Markdown and plain text kept in repositories are often wrapped at 72 or 80
columns, so a single newline may fall mid-sentence ("... analyst Kyle" /
"Coopper told ..."). Scraped text, on the other hand, puts a headline or a
dateline on a line of its own above a paragraph written on one long line.
The line lengths tell the two apart.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from newslint import regexcache
from newslint.spans import Span

WRAP_WIDTH = 120  # hard-wrapped prose keeps its lines at most this long
WRAP_FILL = 40  # and fills them at least this far; a headline may be shorter
_MID_SENTENCE_END = ",’'"  # a line ending in these (or a lower-case letter or digit) runs on


def soft_break(text: str, newline: int) -> bool:
    """Whether the line break at ``newline`` wraps a paragraph's line rather than
    ending a headline, a line of its own, or a paragraph written on one long line
    ("Title\\nLAS VEGAS, Nevada - ...")."""
    start = text.rfind("\n", 0, newline) + 1
    end = text.find("\n", newline + 1)
    before = text[start:newline]
    after = text[newline + 1 : end if end >= 0 else len(text)]
    if not (WRAP_FILL <= len(before) <= WRAP_WIDTH and 0 < len(after.strip()) <= WRAP_WIDTH):
        return False
    # A title over a field line ("Title: Odd Couple Turns ..." / "Date: March 23,
    # 2016"), or heading a block of lines. Prose full of names is no title: it
    # ends in a lower-case word ("... of The Dead and") or runs a list with commas.
    last = before.split()[-1] if before.split() else ""
    if not _title_case(before) or _BULLET.match(before) or last.islower():
        return True
    if _FIELD.match(after):
        return False
    return not ((start < 2 or text[start - 2] == "\n") and "," not in before)


# "Date: ", "Subtitle: ", "News Title: ": a labelled field opens its own line.
_FIELD = regexcache.compile(r"\s*[A-Z][a-z]+(?: [A-Z]?[a-z]+){0,2}: ")
_BULLET = regexcache.compile(r"\s*(?:[-*•–]|\d{1,2}[.)])\s")
_TITLE_SHARE = 0.6  # of the longer words capitalised: a title, not a line of prose


def _title_case(line: str) -> bool:
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= _TITLE_SHARE * len(words)


def wrapped_mid_sentence(text: str, newline: int) -> bool:
    """Whether the line break at ``newline`` wraps a sentence that runs on to the
    next line: a soft break after a lower-case letter, a digit or a comma."""
    j = newline - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    runs_on = j >= 0 and (text[j].islower() or text[j].isdigit() or text[j] in _MID_SENTENCE_END)
    return runs_on and soft_break(text, newline)


def unwrap(text: str, paragraphs: Iterable[Span], keep: Collection[Span]) -> str:
    """``text`` with every line break that wraps a sentence inside a paragraph
    made a space, so that each check reads the sentence as one line ("time and
    time" / "again", "less" / "than half"). A break after a sentence's end stays:
    lines of fields or a prompt ("Title: ...!" / "Subtitle: ...") keep their lines.
    The length is unchanged, so every offset into ``text`` still holds. The
    paragraphs in ``keep`` (a headline, byline or sign-off) keep their lines."""
    chars: list[str] | None = None
    for para in paragraphs:
        if para in keep:
            continue
        newline = text.find("\n", para.start, para.end)
        while newline >= 0:
            if wrapped_mid_sentence(text, newline):
                if chars is None:
                    chars = list(text)
                chars[newline] = " "
            newline = text.find("\n", newline + 1, para.end)
    return text if chars is None else "".join(chars)
