"""Line breaks that wrap a paragraph rather than end a line of its own.

Markdown and plain text kept in repositories are often wrapped at 72 or 80
columns, so a single newline may fall mid-sentence ("... analyst Kyle" /
"Coopper told ..."). Scraped text, on the other hand, puts a headline or a
dateline on a line of its own above a paragraph written on one long line.
The line lengths tell the two apart.
"""

from __future__ import annotations

WRAP_WIDTH = 120  # hard-wrapped prose keeps its lines at most this long
WRAP_FILL = 40  # and fills them at least this far; a headline may be shorter
_MID_SENTENCE_END = ",’'"  # a line ending in these (or a lower-case letter) runs on


def soft_break(text: str, newline: int) -> bool:
    """Whether the line break at ``newline`` wraps a paragraph's line rather than
    ending a headline, a line of its own, or a paragraph written on one long line
    ("Title\\nLAS VEGAS, Nevada - ...")."""
    start = text.rfind("\n", 0, newline) + 1
    end = text.find("\n", newline + 1)
    before = text[start:newline]
    after = text[newline + 1 : end if end >= 0 else len(text)]
    return WRAP_FILL <= len(before) <= WRAP_WIDTH and 0 < len(after.strip()) <= WRAP_WIDTH


def wrapped_mid_sentence(text: str, newline: int) -> bool:
    """Whether the line break at ``newline`` wraps a sentence that runs on to the
    next line: a soft break after a lower-case letter or a comma."""
    j = newline - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return (
        j >= 0 and (text[j].islower() or text[j] in _MID_SENTENCE_END) and soft_break(text, newline)
    )
